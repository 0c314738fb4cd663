"""MkDocs hook: serve the files of dist/ under downloads/ and fill the pages' size/checksum markers.

The generator writes markers (site/pages.py: `<!-- download:size NAME -->`,
`<!-- download:sha256 NAME -->`, `<!-- download:all -->`) because sizes exist only once
dist/ is built. This hook reads the manifest (build/pipeline.py writes it: dist/manifest.json,
or the one $CONSTITUTION_MANIFEST names, for the files in $CONSTITUTION_DIST_DIR, else dist/)
and refuses to build a page whose markers it cannot fill: no placeholder reaches a reader. A size
is written with ui.yaml's words, so it goes into the Markdown as literal text like every ui string.
"""

import json
import os
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from constitution.core import catalogue, paths, urls
from constitution.site.markup import file_size, literal_markdown

MARKER = re.compile(r"<!-- download:(\w+)(?: ([^ ]+))? -->")
dist = Path(os.environ.get(paths.DIST_ENV) or paths.DIST_DIR)
manifest_path = Path(os.environ.get(paths.MANIFEST_ENV) or dist / catalogue.MANIFEST)


def manifest() -> dict[str, dict]:
    """{file name: {"bytes": n, "sha256": hex}}, or {} when dist/ has not been built."""
    path = manifest_path
    if not path.is_file():
        return {}
    return {entry["name"]: entry for entry in json.loads(path.read_text(encoding="utf-8"))["files"]}


def on_files(files, config):
    for name in manifest():
        files.append(File.generated(config, urls.download_url(name), abs_src_path=str(dist / name)))
    return files


def on_page_markdown(markdown, page, config, files):
    markers = MARKER.findall(markdown)
    if not markers:
        return markdown
    entries = manifest()
    where = page.file.src_uri
    if not entries:
        raise PluginError(f"{where}: download sizes need {manifest_path}; "
                          "build with `python -m constitution site`")
    listed = {name for kind, name in markers if kind in ("size", "sha256")}
    if ("all", "") in markers and listed != set(entries):
        raise PluginError(f"{where}: lists {sorted(listed)} but dist/ holds {sorted(entries)}; "
                          "regenerate the pages")
    size_format = size_formats(config.docs_dir)[where.split("/")[0]]

    def fill(match):
        kind, name = match.groups()
        if kind == "all":
            return ""
        if kind not in ("size", "sha256"):
            raise PluginError(f"{where}: unknown marker 'download:{kind}'")
        if name not in entries:
            raise PluginError(f"{where}: '{name}' is not in {manifest_path}")
        if kind == "size":
            return literal_markdown(file_size(entries[name]["bytes"], **size_format))  # ui words: text
        return f'<code class="sha256">{entries[name]["sha256"]}</code>'

    return MARKER.sub(fill, markdown)


def size_formats(docs_dir: str) -> dict:
    """Each language's way of writing a size, from the generated site.yml."""
    languages = yaml.safe_load((Path(docs_dir) / paths.SITE_DATA_FILE).read_text(encoding="utf-8"))
    return {lang: data["file_size"] for lang, data in languages["languages"].items()}
