"""MkDocs hook: put the self-hosted fonts into the built site.

overrides/assets/stylesheets/fonts.css is the one list of font files: every
`url("../fonts/PACKAGE/FILE.woff2")` in it is copied from node_modules/@fontsource/PACKAGE/
files/FILE.woff2 to site/assets/fonts/PACKAGE/, with the package's licence (the SIL Open
Font License asks that it travel with the fonts). A file named but not installed stops the
build with one line saying what to run.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from constitution.core import paths

FONTS_CSS = paths.ROOT / "overrides" / "assets" / "stylesheets" / "fonts.css"
FONTSOURCE = paths.NODE_MODULES / "@fontsource"
SITE_FONTS = Path("assets") / "fonts"  # inside site_dir; fonts.css links ../fonts/
FONT_URL = re.compile(r'url\("\.\./fonts/([a-z0-9-]+)/([a-z0-9-]+\.woff2)"\)')
LICENCE = "LICENSE"


def font_files(css: str) -> list[tuple[str, str]]:
    """(package, file name) of every font that fonts.css links, in order, once each."""
    return list(dict.fromkeys(FONT_URL.findall(css)))


def on_post_build(config, **kwargs) -> None:
    wanted = font_files(FONTS_CSS.read_text(encoding="utf-8"))
    if not wanted:
        raise PluginError(f"{FONTS_CSS}: names no font file (url(\"../fonts/PACKAGE/FILE.woff2\"))")
    target = Path(config.site_dir) / SITE_FONTS
    for package in dict.fromkeys(package for package, _ in wanted):
        _copy(FONTSOURCE / package / LICENCE, target / package / "OFL.txt")
    for package, name in wanted:
        _copy(FONTSOURCE / package / "files" / name, target / package / name)


def _copy(source: Path, destination: Path) -> None:
    if not source.is_file():
        raise PluginError(f"{source}: missing (fonts.css needs it): run `make setup` (npm ci)")
    # static-i18n runs this once per language into the same site: copy only what changed
    if destination.is_file() and destination.stat().st_size == source.stat().st_size:
        return
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, destination)
