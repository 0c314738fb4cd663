"""The offline bundle: the whole trilingual site in one zip that works opened from disk.

It is the `offline` stage of the pipeline (pipeline.py), after the website's one MkDocs build:
`python -m constitution site` makes it with the rest, and `python -m constitution offline`
runs the pipeline up to this stage and copies the bundle out. The bundle is a copy of the
website's output, converted for file:// (`bundle_files`, in memory):

- every page the same, but for its links and its <head>: a link to a folder of the site
  (`art_2/`, `..`) leads to that folder's index.html (a browser shows a folder from disk as a
  listing); the head loses what names the website's address or serves only it (canonical and
  hreflang links, Open Graph and Twitter tags, font preloads, which a file:// page may not
  fetch) and gains the iframe-worker shim (browsers start no Worker from file://; the shim is
  taken from node_modules, package.json pins it, with its licence);
- search from a script (`offline_search_files`: what Material's script loads on file://);
- no files that only a web server or a search engine reads (the 404 pages, sitemaps) and no
  source maps (developer tools);
- of a source of several editions, the current edition alone or every one, as
  `--offline-editions` chooses, and the Downloads page saying which (bundle_editions.py).

Exact figures. The website's Downloads page lists the bundle with its size and checksum, known
only once the bundle is packed, and the bundle's own Downloads page cannot list itself. So the
website is built with the bundle "pending" (the downloads hook): its size and checksum are
empty marked elements, and its group on the page is a website-only element. The conversion
leaves the website-only element out (and the table-of-contents entries of its headings): the
bundle's pages list only files that exist when it is packed, with their final figures. After
packing, `stamp` fills the empty elements of the website's Downloads pages with the bundle's
size and SHA-256 (read from the zip, as the manifest reads them), touching nothing else of the
pages, and puts the zip beside the other downloads: every figure either shows is exact.

The same source gives the same bytes: entries in name order, every date the edition's, fixed
modes, one compression level. COMPRESS_LEVEL was chosen by measurement at 96 articles
(benchmarks/corpus.py; 720 files, 24.9 MB; deflate of every file, CPU seconds, best of three
on this 2-core machine, two runs): level 1: 8.35 MB, 0.35 s; 3: 8.04 MB, 0.44 s; 5: 7.66 MB,
0.60 s; 6: 7.60 MB, 0.73-0.86 s; 9: 7.57 MB, 0.91-1.08 s. Most bytes are PDFs, fonts and the
search index, already dense: level 6 (zlib's default) is within 0.4 % of level 9's size for
about 80 % of its CPU; below it, the zip grows faster than the CPU falls.
"""

from __future__ import annotations

import datetime
import posixpath
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from constitution.build import bundle_editions, linkcheck
from constitution.core import catalogue, languages, paths, urls
from constitution.core.problems import BuildError
from constitution.site import search_index
from constitution.site.hooks import downloads
from constitution.site.markup import file_size

HOME = "index.html"  # the Kazakh home page, at the top of the bundle's folder
WEB_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz"}  # by file name, in any folder
DEVELOPER_ONLY = (".map",)
FILE_MODE = 0o100644  # regular file, rw-r--r--
FOLDER_MODE = 0o040755  # directory, rwxr-xr-x
MSDOS_DIRECTORY = 0x10
COMPRESS_LEVEL = 6

SHIM_PACKAGE = paths.NODE_MODULES / "iframe-worker"
SHIM_FILES = {"shim/index.js": "shim.js", "LICENSE": "LICENSE"}  # package file -> bundle file
SHIM_DIR = "assets/javascripts/iframe-worker"

HEAD_END = "</head>"
HEAD_TAG = re.compile(r"[ \t]*<(?:link|meta)\b[^>]*>\n?")
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
LEFT_WEBSITE_TAG = re.compile(r"""\b(?:rel\s*=\s*["']?(?:canonical|alternate)|property\s*=\s*["']?og:)""", re.I)
HREF = 'href="'
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
TOC_ENTRY = '<li class="md-nav__item">'


def build_bundle(editions, site: Path, out: Path, choice: str = bundle_editions.CURRENT) -> Path:
    """Pack the bundle of the built website `site` of validated `editions` (source/editions.py)
    into `out` (a zip), holding the editions `choice` names (bundle_editions.py)."""
    edition = editions.current.source.document.edition
    files = bundle_files(site, editions, choice)
    if HOME not in files:
        raise BuildError([f"{site}: no {HOME} at the top of the site"])
    pack(files, catalogue.offline_folder(edition.id), out, edition.date)
    return out


def bundle_files(site: Path, editions=None, choice: str = bundle_editions.CURRENT) -> dict[str, bytes]:
    """The bundle's files {path in its folder: bytes}, converted from the built website `site`;
    of a source of several `editions`, those `choice` names (bundle_editions.py)."""
    address = linkcheck.published_at(site)
    root = urlsplit(address).path if address else None
    held = bundle_editions.plan(editions, choice, address)
    listed = {name: path for name, path in ((path.relative_to(site).as_posix(), path)
                                            for path in sorted(site.rglob("*")) if path.is_file())
              if held is None or held.holds(name)}
    folders = {ancestor for name in listed for ancestor in _folders(name)}
    files: dict[str, bytes] = {}
    for name, path in listed.items():
        if not bundled(name):
            continue
        data = path.read_bytes()
        if name.endswith(".html"):
            data = offline_page(data.decode("utf-8"), name, folders, root, held).encode("utf-8")
        files[name] = data
    files.update(shim_files())
    files.update(offline_search_files(site, held))
    return files


def _folders(name: str) -> list[str]:
    """'ru/art_2/index.html' -> ['.', 'ru', 'ru/art_2']: the folders that hold a file."""
    parts = name.split("/")[:-1]
    return ["."] + ["/".join(parts[:depth]) for depth in range(1, len(parts) + 1)]


def bundled(name: str) -> bool:
    """Whether a file of the built site (path relative to it) goes into the bundle."""
    return posixpath.basename(name) not in WEB_ONLY and not name.endswith(DEVELOPER_ONLY) \
        and not name.startswith(".")


def offline_search_files(site: Path, held: bundle_editions.Held | None = None) -> dict[str, bytes]:
    """Everything search-specific of the bundle: {path: bytes} of the files that replace or join
    the website's: each language's index as the script search loads on file://
    (site/search_index.py), and the index itself with the same locations, pages' index.html;
    without the entries of pages the bundle does not hold (`held`)."""
    if held is None:
        return search_index.offline_files(site)
    editions = None if held.choice == bundle_editions.ALL else ()  # (): the current edition's alone
    return search_index.offline_files(site, editions, held.holds)


def shim_files() -> dict[str, bytes]:
    files = {}
    for name, bundled_name in SHIM_FILES.items():
        source = SHIM_PACKAGE / name
        if not source.is_file():
            raise BuildError([f"{source}: missing (the offline bundle's worker shim): run `make setup` (npm ci)"])
        files[f"{SHIM_DIR}/{bundled_name}"] = source.read_bytes()
    return files


def offline_page(html: str, name: str, folders: set[str], root: str | None = None,
                 held: bundle_editions.Held | None = None) -> str:
    """A page of the website as the bundle holds it (see the module's docstring); `root`: the
    path of the website's address, under which its root-absolute links lead; `held`: the
    editions a bundle of a source of several holds."""
    head, found, body = html.partition(HEAD_END)
    if not found:
        raise BuildError([f"{name}: no {HEAD_END}"])
    if downloads.WEBSITE_ONLY in body:
        body = without_website_only(body, name)
    if held is not None:
        body = held.page(body, name)
    head = offline_head(head, name)
    return f"{file_links(head, name, folders, root)}{HEAD_END}{file_links(body, name, folders, root)}"


def offline_head(head: str, name: str) -> str:
    """The head without what names or serves only the website, with the worker shim."""
    head = HEAD_TAG.sub(lambda tag: "" if website_tag(tag.group(0)) else tag.group(0), head)
    if LEFT_WEBSITE_TAG.search(head):
        raise BuildError([f"{name}: a link to the website in an unknown form is left in the head"])
    base = "../" * name.count("/")
    return f'{head}<script src="{base}{SHIM_DIR}/{SHIM_FILES["shim/index.js"]}"></script>\n'


def website_tag(tag: str) -> bool:
    """Whether a <link> or <meta> of the head is the website's only."""
    attributes = dict(ATTRIBUTE.findall(tag))
    rel = attributes.get("rel", "")
    return (rel in ("canonical", "alternate") or (rel == "preload" and attributes.get("as") == "font")
            or attributes.get("property", "").startswith("og:") or attributes.get("name", "").startswith("twitter:"))


def file_links(html: str, page: str, folders: set[str], root: str | None = None) -> str:
    """`html` with each href of a tag that leads to a folder of the site leading to its index.html,
    and each under `root` (the language selector of a home page) relative."""
    out, done = [], 0
    start = html.find(HREF)
    while start >= 0:
        value_start = start + len(HREF)
        value_end = html.find('"', value_start)
        in_tag = html.rfind("<", 0, start) > html.rfind(">", 0, start)
        if value_end < 0:
            raise BuildError([f"{page}: an unterminated href"])
        if in_tag and start and html[start - 1].isspace():
            value = html[value_start:value_end]
            converted = file_url(value, page, folders, root)
            if converted != value:
                out += [html[done:value_start], converted]
                done = value_end
        start = html.find(HREF, value_end)
    return "".join(out) + html[done:]


def file_url(url: str, page: str, folders: set[str], root: str | None = None) -> str:
    """A URL from `page` to a folder of the site ('../art_2/#x', '..') to its index.html; one under
    the website's root path `root` ('/constitution/ru/') relative ('ru/index.html')."""
    if not url or url.startswith(("#", "//")) or SCHEME.match(url):
        return url
    parts = urlsplit(url)
    if not parts.path:
        return url
    path, here = unquote(parts.path), posixpath.dirname(page) or "."
    if path.startswith("/"):
        if not root or not path.startswith(root):
            return url
        target = posixpath.normpath(path[len(root):] or ".")
        path = posixpath.relpath(target, here)
    else:
        target = posixpath.normpath(posixpath.join(here, path))
        if target not in folders:
            return url
        path = parts.path
    if target in folders:
        path = posixpath.join(path, HOME).removeprefix("./")
    return quote(path) + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def without_website_only(body: str, page: str) -> str:
    """The page without its website-only elements (a <div> each, holding no other <div>) and
    without the table-of-contents entries that lead to the headings in them."""
    opening = f"<div {downloads.WEBSITE_ONLY}"
    while opening in body:
        start = body.index(opening)
        inside, end = body.find(">", start) + 1, body.find("</div>", start)
        if end < 0 or "<div" in body[inside:end]:
            raise BuildError([f"{page}: a website-only element that is not one <div> holding no other"])
        anchors = re.findall(r'<h[1-6] id="([^"]+)"', body[start:end])
        body = body[:start] + body[end + len("</div>"):].removeprefix("\n")
        for anchor in anchors:
            body = without_toc_entries(body, anchor, page)
    return body


def without_toc_entries(body: str, anchor: str, page: str) -> str:
    """The page without the table-of-contents entries (Material's, one <li> each) leading to #anchor."""
    link = f'<a href="#{anchor}" class="md-nav__link">'
    while link in body:
        at = body.index(link)
        start = body.rfind(TOC_ENTRY, 0, at)
        end = body.find("</li>", at)
        if start < 0 or body[start + len(TOC_ENTRY):at].strip() or end < 0 or "<li" in body[at:end]:
            raise BuildError([f"{page}: a table-of-contents entry for #{anchor} in an unknown form"])
        body = body[:start] + body[end + len("</li>"):]
    if f'"#{anchor}"' in body:
        raise BuildError([f"{page}: a link to #{anchor}, which the bundle's page leaves out"])
    return body


def pack(files: dict[str, bytes], folder: str, out: Path, day: datetime.date) -> None:
    """Zip the files under one top-level folder; the same files give the same bytes."""
    stamp_ = (day.year, day.month, day.day, 0, 0, 0)
    names = {f"{folder}/{name}": data for name, data in files.items()}
    folders = {name.rsplit("/", depth)[0] + "/" for name in names for depth in range(1, name.count("/") + 1)}
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in sorted([*names.items(), *((name, None) for name in folders)]):
            info = zipfile.ZipInfo(name, date_time=stamp_)
            info.create_system = 3  # Unix: the modes below are read as such everywhere
            if data is None:
                info.external_attr = FOLDER_MODE << 16 | MSDOS_DIRECTORY
                archive.writestr(info, b"")
            else:
                info.external_attr = FILE_MODE << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data, compresslevel=COMPRESS_LEVEL)


def stamp(site: Path, docs: Path, bundle: Path) -> None:
    """Fill the bundle's size and checksum on the website's Downloads pages and put the bundle
    among its downloads (see the module's docstring)."""
    entry, formats = catalogue.manifest_entry(bundle), downloads.size_formats(str(docs))
    for lang in languages.LANGUAGES:
        page = site / urls.page_file(urls.DOWNLOADS_PAGE, lang)
        size = file_size(entry["bytes"], **formats[lang])
        try:
            text = downloads.filled(page.read_text(encoding="utf-8"), bundle.name, size, entry["sha256"])
        except ValueError as error:
            raise BuildError([f"{page}: {error}"]) from None
        page.write_text(text, encoding="utf-8")
    shutil.copyfile(bundle, site / urls.download_url(bundle.name))
