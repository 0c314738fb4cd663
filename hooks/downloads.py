"""MkDocs hook: serve the files of dist/ under downloads/ and fill the pages' size/checksum markers.

The generator writes markers (scripts/pages.py: `<!-- download:size NAME -->`,
`<!-- download:sha256 NAME -->`, `<!-- download:all -->`) because sizes exist only once
dist/ is built. This hook reads dist/manifest.json (scripts/build.py writes it; the
folder is $CONSTITUTION_DIST_DIR, else dist/) and refuses to build a page whose markers
it cannot fill: no placeholder reaches a reader.
"""

import json
import os
import re
import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo, for scripts.*
from scripts import constants  # noqa: E402
from scripts.markup import file_size  # noqa: E402

MARKER = re.compile(r"<!-- download:(\w+)(?: ([^ ]+))? -->")
dist = Path(os.environ.get("CONSTITUTION_DIST_DIR") or constants.DIST_DIR)


def manifest() -> dict[str, dict]:
    """{file name: {"bytes": n, "sha256": hex}}, or {} when dist/ has not been built."""
    path = dist / constants.DOWNLOADS_MANIFEST
    if not path.is_file():
        return {}
    return {entry["name"]: entry for entry in json.loads(path.read_text(encoding="utf-8"))["files"]}


def on_files(files, config):
    for name in manifest():
        files.append(File.generated(config, constants.download_url(name), abs_src_path=str(dist / name)))
    return files


def on_page_markdown(markdown, page, config, files):
    markers = MARKER.findall(markdown)
    if not markers:
        return markdown
    entries = manifest()
    where = page.file.src_uri
    if not entries:
        raise PluginError(f"{where}: download sizes need {dist / constants.DOWNLOADS_MANIFEST}; "
                          "build with `python -m scripts site`")
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
            raise PluginError(f"{where}: '{name}' is not in {dist / constants.DOWNLOADS_MANIFEST}")
        if kind == "size":
            return file_size(entries[name]["bytes"], **size_format)
        return f'<code class="sha256">{entries[name]["sha256"]}</code>'

    return MARKER.sub(fill, markdown)


def size_formats(docs_dir: str) -> dict:
    """Each language's way of writing a size, from the generated site.yml."""
    languages = yaml.safe_load((Path(docs_dir) / constants.SITE_DATA_FILE).read_text(encoding="utf-8"))
    return {lang: data["file_size"] for lang, data in languages["languages"].items()}
