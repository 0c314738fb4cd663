"""MkDocs hook: the offline bundle requests nothing outside itself.

`python -m constitution offline` turns on Material's offline plugin (mkdocs.yml), which gives
file:// URLs and loads the search index as a script. This hook does what the plugin
leaves to the network or gets wrong with three languages; on the website it does nothing.

- Worker shim: browsers start no Worker from file://, so the plugin adds the iframe-worker
  shim, from a CDN. The shim is taken from node_modules (package.json pins it) into the
  bundle, with its licence, and named as a polyfill before the plugin looks.
- Search index: each language's index as a script (site/search_index.py, which the worker
  loads from file://), written once every language's build has written its index.
- No address of the website: the absolute hreflang alternates (Material's script fetches
  each one's sitemap) and the canonical link (a directory-URL address) are left out.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from constitution.core import paths
from constitution.core.problems import BuildError
from constitution.site import search_index

SHIM_PACKAGE = paths.NODE_MODULES / "iframe-worker"
SHIM_FILES = {"shim/index.js": "shim.js", "LICENSE": "LICENSE"}  # package file -> bundle file
SHIM_DIR = "assets/javascripts/iframe-worker"  # the plugin adds no CDN shim when a polyfill names it
WEBSITE_LINK = re.compile(r'[ \t]*<link rel="(?:alternate|canonical)" href="[^"]*"(?: hreflang="[^"]*")?>\n?')


def offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)  # before the offline plugin, which adds its CDN shim unless one is named
def on_config(config):
    if offline(config):
        shim = f"{SHIM_DIR}/{SHIM_FILES['shim/index.js']}"
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = polyfills if shim in polyfills else [*polyfills, shim]
    return config


@event_priority(-50)  # after the hreflang hook has written the alternates
def on_post_page(output, page, config):
    if not offline(config):
        return output
    output = WEBSITE_LINK.sub("", output)
    if re.search(r'<link rel="(?:alternate|canonical)"', output):
        raise PluginError(f"{page.file.src_uri}: a link to the website in an unknown form is left")
    return output


@event_priority(-200)  # after static-i18n's last build and the offline plugin's own index script
def on_post_build(config):
    if not offline(config):
        return
    site = Path(config.site_dir)
    for name, bundled in SHIM_FILES.items():
        source = SHIM_PACKAGE / name
        if not source.is_file():
            raise PluginError(f"{source}: missing (the offline bundle's worker shim): run `make setup` (npm ci)")
        (site / SHIM_DIR).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site / SHIM_DIR / bundled)
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # one language's build inside static-i18n's: the first build ends after every language's
    try:
        scripts = search_index.offline_files(site)
    except BuildError as error:
        raise PluginError(str(error)) from None
    for name, data in scripts.items():
        (site / name).write_bytes(data)
