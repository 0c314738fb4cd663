"""MkDocs hook: serve the files of dist/ under downloads/ and fill the pages' size/checksum markers.

The generator writes markers (site/pages.py: `<!-- download:size NAME -->`,
`<!-- download:sha256 NAME -->`, `<!-- download:all -->`) because sizes exist only once
dist/ is built. This hook reads the manifest (build/pipeline.py writes it: dist/manifest.json,
or the one $CONSTITUTION_MANIFEST names, for the files in $CONSTITUTION_DIST_DIR, else dist/)
and refuses to build a page whose markers it cannot fill: no placeholder reaches a reader. A size
is written with ui.yaml's words, so it goes into the Markdown as literal text like every ui string.

One download is made from the built website: the offline bundle (build/offline.py). The
manifest the pipeline gives the website's build names it under "pending", with its group:
its size and checksum are empty marked elements (`pending_cell`), which the pipeline replaces
with the figures, written as every other row's, once the bundle is packed (`filled`, the one
change to those pages), and its group (heading and table) is a website-only element
(WEBSITE_ONLY), which the bundle's copy of the page leaves out: the bundle's Downloads page
cannot list the bundle itself.
"""

import json
import os
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from constitution.core import catalogue, contract, paths, urls
from constitution.site import nav
from constitution.site.markup import file_size, literal_markdown

MARKER = re.compile(r"<!-- download:(\w+)(?: ([^ ]+))? -->")
dist = Path(os.environ.get(paths.DIST_ENV) or paths.DIST_DIR)
manifest_path = Path(os.environ.get(paths.MANIFEST_ENV) or dist / catalogue.MANIFEST)
WEBSITE_ONLY = "data-website-only"  # an element the offline bundle's copy of a page leaves out
PENDING = Markup('<span data-download-pending="{} {}"></span>')  # kind, file name
SHA256 = Markup('<code class="sha256">{}</code>')


def read_manifest() -> dict:
    path = manifest_path
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def manifest() -> dict[str, dict]:
    """{file name: {"bytes": n, "sha256": hex}}, or {} when dist/ has not been built."""
    return {entry["name"]: entry for entry in read_manifest().get("files", [])}


def pending() -> dict[str, str]:
    """{file name: its catalogue group} of the downloads made after the website (the bundle)."""
    return {entry["name"]: entry["group"] for entry in read_manifest().get("pending", [])}


def pending_cell(kind: str, name: str) -> str:
    """The size or sha256 cell of a download not made yet: an empty marked element."""
    return str(PENDING.format(kind, name))


def filled(html: str, name: str, size: str, sha256: str) -> str:
    """`html` with the pending size and checksum cells of `name` filled; ValueError unless each is
    there once."""
    for kind, full in (("size", Markup.escape(size)), ("sha256", SHA256.format(sha256))):
        empty = pending_cell(kind, name)
        if html.count(empty) != 1:
            raise ValueError(f"expected one {empty}, found {html.count(empty)}")
        html = html.replace(empty, str(full))
    return html


def on_files(files, config):
    for name in manifest():
        files.append(File.generated(config, urls.download_url(name), abs_src_path=str(dist / name)))
    for name in pending():  # linked now, put in place by the pipeline: excluded from this build
        files.append(File.generated(config, urls.download_url(name), abs_src_path=str(dist / name),
                                    inclusion=InclusionLevel.EXCLUDED))
    return files


def on_page_markdown(markdown, page, config, files):
    markers = MARKER.findall(markdown)
    if not markers:
        return markdown
    entries, later = manifest(), pending()
    where = page.file.src_uri
    if not entries:
        raise PluginError(f"{where}: download sizes need {manifest_path}; "
                          "build with `python -m constitution site`")
    listed = {name for kind, name in markers if kind in ("size", "sha256")}
    if ("all", "") in markers and listed != set(entries) | set(later):
        raise PluginError(f"{where}: lists {sorted(listed)} but dist/ holds {sorted(entries)}; "
                          "regenerate the pages")
    size_format = size_formats(config.docs_dir)[where.split("/")[0]]

    def fill(match):
        kind, name = match.groups()
        if kind == "all":
            return ""
        if kind not in ("size", "sha256"):
            raise PluginError(f"{where}: unknown marker 'download:{kind}'")
        if name in later:
            return pending_cell(kind, name)
        if name not in entries:
            raise PluginError(f"{where}: '{name}' is not in {manifest_path}")
        if kind == "size":
            return literal_markdown(file_size(entries[name]["bytes"], **size_format))  # ui words: text
        return str(SHA256.format(entries[name]["sha256"]))

    return MARKER.sub(fill, markdown)


def on_page_content(html, page, config, files):
    """The group of each pending download (its heading, id = the group, and its table) as one
    website-only element, kept out of the search index: the index is shared by the website and
    the bundle, so it holds only what both show."""
    for name, group in pending().items():
        if pending_cell("size", name) not in html:
            continue
        opening = f'<h2 id="{group}">'
        start = html.find(opening)
        end = html.find("</table>", start) + len("</table>")
        if start < 0 or end < start or pending_cell("size", name) not in html[start:end]:
            raise PluginError(f"{page.file.src_uri}: '{name}' is not in a table under <h2 id=\"{group}\">")
        block = f'<h2 id="{group}" {contract.SEARCH_EXCLUDE}>{html[start + len(opening):end]}'
        html = f"{html[:start]}<div {WEBSITE_ONLY} {contract.SEARCH_EXCLUDE}>\n{block}\n</div>{html[end:]}"
    return html


def size_formats(docs_dir: str) -> dict:
    """Each language's way of writing a size, from the generated site.yml."""
    languages = nav.read_site_data(docs_dir)
    if languages is None:
        raise PluginError(f"{Path(docs_dir) / paths.SITE_DATA_FILE}: missing; run `python -m constitution generate`")
    return {lang: data["file_size"] for lang, data in languages.items()}
