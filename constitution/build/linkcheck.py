"""Check a built site: every internal link, resource and #fragment resolves; nothing loads from outside.

`check(folder)` is a pure function over a built folder (the website, or the offline bundle
unpacked): it reads every HTML page, every stylesheet and the search index, and returns a
Report whose `problems` are lines `page: attribute="url": what is wrong`. The folder's files
are listed once (`Files`: one walk of the folder, or a zip's list of names, so the bundle is
checked without unpacking it) and every reference is resolved against that list, never
against the disk. It resolves

- relative URLs the way a browser does, from the page (or stylesheet) that holds them;
- directory URLs (`art_2/`) to their index.html on the website; in the file:// layout
  (`directory_urls=False`, the offline bundle) a link to a folder is a problem, as a
  browser opening it from disk shows a folder listing;
- `#fragment`s against the ids (and <a name>) of the target page, which must be unique;
- absolute URLs under `site_url` (canonical and hreflang links, the sitemap) as internal.

Other http(s) links are external: listed in `Report.external`, never fetched. A resource a
page would load from outside (script, stylesheet, image, font, frame) is a problem: the site
must work with no network but its own. javascript:, file: and root-absolute (`/x`) URLs are
problems too (the last breaks under a sub-path and from disk).
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from constitution.core import languages
from constitution.site import search_index

# What a browser loads by itself (as opposed to a link the reader follows).
RESOURCE_ATTRIBUTES = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
    ("iframe", "src"), ("audio", "src"), ("video", "src"), ("video", "poster"), ("track", "src"),
    ("embed", "src"), ("object", "data"), ("input", "src"),
}
LINK_RESOURCE_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                      "prefetch", "manifest", "mask-icon"}
LINK_ATTRIBUTES = {("a", "href"), ("area", "href"), ("link", "href")}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.I)
INLINE_SCHEMES = ("data", "blob", "about")
IGNORED_SCHEMES = ("mailto", "tel")
# each language's index and its script form (site/search_index.py), the locations of its results
SEARCH_INDEXES = tuple(path for lang in languages.LANGUAGES
                       for path in (search_index.index_path(lang), search_index.script_path(lang)))
SITEMAP = "sitemap.xml"
UNREADABLE = "\x00unreadable"  # a reference that stands for a file that could not be read


@dataclass(frozen=True)
class Files:
    """The files of a built site, listed once: paths relative to it, and how to read one."""

    names: frozenset[str]  # 'ru/art_2/index.html'
    folders: frozenset[str]  # every folder, the site itself as '.'
    read: Callable[[str], bytes]

    @classmethod
    def of_folder(cls, folder: Path) -> Files:
        names, folders = set(), {"."}
        for top, subfolders, files in os.walk(folder):
            base = Path(top).relative_to(folder).as_posix()
            prefix = "" if base == "." else f"{base}/"
            folders.update(f"{prefix}{name}" for name in subfolders)
            names.update(f"{prefix}{name}" for name in files)
        return cls(frozenset(names), frozenset(folders), lambda name: (folder / name).read_bytes())

    @classmethod
    def of_zip(cls, archive: zipfile.ZipFile, top: str) -> Files:
        """The files under the folder `top` of a zip."""
        inside = [name[len(top) + 1:] for name in archive.namelist() if name.startswith(f"{top}/")]
        names = {name for name in inside if name and not name.endswith("/")}
        folders = {"."} | {name.rstrip("/") for name in inside if name.endswith("/")}
        folders |= {"/".join(parts[:depth]) for parts in (name.split("/") for name in names)
                    for depth in range(1, len(parts))}
        return cls(frozenset(names), frozenset(folders), lambda name: archive.read(f"{top}/{name}"))

    def of_kind(self, suffix: str) -> list[str]:
        return sorted(name for name in self.names if name.endswith(suffix))


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)  # "page: url" of every outside link
    checked: int = 0  # references resolved
    unresolved: list[str] = field(default_factory=list)  # "url: what is wrong" of the `cited` URLs


@dataclass(frozen=True)
class Reference:
    page: str  # path of the file holding it, relative to the folder
    where: str  # how it is written, for the problem line: 'href="../x/"'
    url: str
    resource: bool  # loaded by the browser, not followed by the reader


def check(folder: Path, directory_urls: bool = True, site_url: str | None = None,
          cited: list[str] = ()) -> Report:
    """Every problem of the links, resources and fragments of a built site folder.

    `site_url`: the address the site is published at (see `published_at`), or None. `cited`:
    URLs relative to the site's root ('ru/art_2/#art_2__para_4') that must lead somewhere
    (`Report.unresolved`).
    """
    folder = Path(folder)
    if not folder.is_dir():
        return Report(problems=[f"{folder}: not a folder"])
    return check_files(Files.of_folder(folder), directory_urls, site_url, cited)


def check_files(files: Files, directory_urls: bool = True, site_url: str | None = None,
                cited: list[str] = ()) -> Report:
    """`check` of listed files."""
    report = Report()
    ids: dict[str, set[str]] = {}
    references: list[Reference] = []
    for page in files.of_kind(".html"):
        found_ids, found_refs, duplicates = read_page(files.read(page), page)
        ids[page] = found_ids
        references += found_refs
        report.problems += [f"{page}: id '{name}' is used more than once (a #{name} link is ambiguous)"
                            for name in duplicates]
    for name in files.of_kind(".css"):
        references += css_references(files.read(name).decode("utf-8", errors="replace"), name)
    references += read_search_index(files)
    if site_url:
        references += read_sitemap(files, site_url)
    memo: dict = {}
    for reference in references:
        problem = resolve(reference, files, ids, directory_urls, site_url, report, memo)
        if problem:
            report.problems.append(f"{reference.page}: {reference.where}: {problem}")
    report.external = sorted(set(report.external))
    for url in cited:
        problem = resolve(Reference("", url, url, False), files, ids, directory_urls, None, Report())
        if problem:
            report.unresolved.append(f"{url}: {problem}")
    return report


def build_problems(site: Path, bundle: Path | None, cited: list[str] = ()) -> list[str]:
    """The problems of a finished build: its website (and the `cited` URLs on it), and its
    offline bundle (a zip, read as it is); each line starts with the folder or zip it is about."""
    website = check(site, site_url=published_at(site), cited=cited)
    problems = [f"{site.name}/{line}" for line in website.problems]
    if bundle is not None and bundle.is_file():
        with zipfile.ZipFile(bundle) as archive:
            tops = sorted({name.split("/", 1)[0] for name in archive.namelist() if "/" in name})
            for top in tops:
                problems += [f"{bundle.name}: {line}"
                             for line in check_files(Files.of_zip(archive, top), directory_urls=False).problems]
    return problems + [f"{site.name}/{line}" for line in website.unresolved]


def unresolved(folder: Path, urls: list[str], directory_urls: bool = True) -> list[str]:
    """The URLs (relative to the site's root, e.g. 'ru/art_2/#art_2__para_4') that lead nowhere, with why."""
    return check(folder, directory_urls, cited=urls).unresolved


def published_at(folder: Path) -> str | None:
    """The site's address, from its home page's canonical link (MkDocs writes it from site_url)."""
    home = Path(folder) / "index.html"
    if not home.is_file():
        return None
    links = parse(home.read_bytes()).xpath('//link[@rel="canonical"]/@href')
    return links[0] if links else None


def parse(html: bytes):
    """An HTML page's tree; the site's pages are UTF-8 (lxml would guess from the bytes)."""
    import lxml.html

    return lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))


# Every attribute that may hold a reference (LINK_ATTRIBUTES, RESOURCE_ATTRIBUTES), found by one
# XPath: lxml walks the tree in C, where a walk in Python over every element of 1,200 pages
# (each with its navigation) was most of the check.
_REFERENCE_ATTRIBUTES = " | ".join(f"//@{name}" for name in sorted(
    {attribute for _, attribute in LINK_ATTRIBUTES | RESOURCE_ATTRIBUTES}))


def tree(html: bytes):
    """A page's tree of plain lxml elements (lxml.html's element classes are not needed here
    and cost a lookup per element); None for a page with no element."""
    from lxml import etree

    return etree.fromstring(html, parser=etree.HTMLParser(encoding="utf-8")) if html.strip() else None


def read_page(html: bytes, page: str) -> tuple[set[str], list[Reference], list[str]]:
    """(ids, references, ids used twice) of one HTML page."""
    root = tree(html)
    if root is None:
        return set(), [], []
    seen: set[str] = set()
    duplicates: list[str] = []
    for name in map(str, root.xpath("//@id")):
        if name in seen:
            duplicates.append(name)
        seen.add(name)
    anchors = {str(name) for name in root.xpath("//a/@name") if name}
    references = []
    for value in root.xpath(_REFERENCE_ATTRIBUTES):
        element = value.getparent()
        tag, attribute = element.tag.lower(), value.attrname
        pair = (tag, attribute)
        if pair in LINK_ATTRIBUTES or pair in RESOURCE_ATTRIBUTES:
            resource = pair in RESOURCE_ATTRIBUTES or (
                tag == "link" and bool(set((element.get("rel") or "").lower().split()) & LINK_RESOURCE_RELS))
            urls = srcset_urls(value) if attribute == "srcset" else [str(value)]
            references += [Reference(page, f'<{tag} {attribute}="{url}">', url, resource) for url in urls]
    for element in root.xpath("//meta[@http-equiv]"):
        if element.get("http-equiv").lower() == "refresh":
            match = REFRESH_URL.search(element.get("content") or "")
            if match:
                references.append(Reference(page, f'<meta refresh url="{match.group(1)}">', match.group(1), False))
    for element in root.xpath("//style"):
        references += css_references(element.text or "", page)
    for value in root.xpath("//@style"):
        if value:
            references += css_references(str(value), page)
    return seen | anchors, references, sorted(set(duplicates))


def srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def css_references(css: str, page: str) -> list[Reference]:
    references = []
    for match in CSS_URL.finditer(CSS_COMMENT.sub("", css)):
        url = next(group for group in match.groups() if group is not None)
        references.append(Reference(page, f"url({url})", url, True))
    return references


def read_search_index(files: Files) -> list[Reference]:
    """The location of every search entry: a result leads there (relative to the site's root)."""
    references = []
    for name in SEARCH_INDEXES:
        if name not in files.names:
            continue
        text = files.read(name).decode("utf-8")
        if name.endswith(".js"):  # the script form, `var __search_index_kk = {...};`
            text = text[text.index("=") + 1:].strip().rstrip(";") if "=" in text else "{}"
        try:
            docs = json.loads(text)["docs"]
        except (ValueError, KeyError, TypeError) as error:
            references.append(Reference(name, f"search index ({error})", UNREADABLE, False))
            continue
        for doc in docs:
            location = doc.get("location", "")
            # the index lives in search/, its locations are relative to the site's root
            references.append(Reference(name, f'location "{location}"', "../" + location, False))
    return references


def read_sitemap(files: Files, site_url: str) -> list[Reference]:
    if SITEMAP not in files.names:
        return []
    text = files.read(SITEMAP).decode("utf-8")
    urls = re.findall(r"<loc>([^<]*)</loc>", text) + re.findall(r'<xhtml:link [^>]*href="([^"]*)"', text)
    return [Reference(SITEMAP, f"<loc>{url}</loc>", url, False) for url in dict.fromkeys(urls)]


def resolve(reference: Reference, files: Files, ids: dict[str, set[str]], directory_urls: bool,
            site_url: str | None, report: Report, memo: dict | None = None) -> str | None:
    """None when the reference resolves (or is external and allowed), else what is wrong.

    `memo`: what earlier references of the same URL from the same folder (the same page, for
    a URL of a fragment or query alone) resolved to: the navigation repeats most links on
    every page of a folder."""
    url = reference.url.strip()
    if url == UNREADABLE:
        return "unreadable"
    if not url:
        return None  # the page itself
    report.checked += 1
    base_dir = posixpath.dirname(reference.page)
    key = (reference.page if url.startswith(("#", "?")) else base_dir, url, reference.resource)
    found = memo.get(key) if memo is not None else None
    if found is None:
        found = _resolve(url, reference.page, base_dir, reference.resource, files, ids, directory_urls, site_url)
        if memo is not None:
            memo[key] = found
    problem, external = found
    if external is not None:
        report.external.append(f"{reference.page}: {external}")
    return problem


def _resolve(url: str, page: str, base_dir: str, resource: bool, files: Files, ids: dict[str, set[str]],
             directory_urls: bool, site_url: str | None) -> tuple[str | None, str | None]:
    """(what is wrong or None, the URL if it leads outside the site) of one URL on `page`."""
    if site_url and url.startswith(site_url):
        url, base_dir = url[len(site_url):] or "./", ""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") or url.startswith("//"):
        if resource:
            return "loads a resource from outside the site", None
        return None, url
    if scheme in INLINE_SCHEMES or scheme in IGNORED_SCHEMES:
        return None, None
    if scheme:
        return f"'{scheme}:' URL", None
    path = unquote(parts.path)
    if path.startswith("/"):
        # MkDocs writes the 404 page's URLs from the site's root path (it may be served at
        # any depth); any other root-absolute URL breaks under a sub-path and from disk.
        root = urlsplit(site_url).path if site_url else None
        if not root or not path.startswith(root):
            return "root-absolute URL (breaks under a sub-path and from disk)", None
        path, base_dir = path[len(root):] or ".", ""
    target = posixpath.normpath(posixpath.join(base_dir, path)) if path else (page or ".")
    if target == ".." or target.startswith("../"):
        return "leads outside the site", None
    if target in files.folders:
        if not directory_urls:
            return "links to a folder (from disk a browser shows a listing): link its index.html", None
        target = posixpath.join(target, "index.html") if target != "." else "index.html"
    elif path.endswith("/"):
        return f"no folder {target}/", None
    if target not in files.names:
        return f"no file {target}", None
    fragment = unquote(parts.fragment)
    if fragment and target.endswith(".html") and fragment not in ids.get(target, set()):
        return f"no id '{fragment}' in {target}", None
    return None, None
