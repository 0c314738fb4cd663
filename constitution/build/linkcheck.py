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

import functools
import json
import os
import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, NamedTuple
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
STYLE_ATTRIBUTE = re.compile(rb"style\s*=")  # searched in the page in lower case (faster than re.I)
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.I)
# A relative URL of these characters alone (the site's own, `../art_2/#art_2__para_4`): no scheme
# (no ':'), no host (no leading '//'), no query, no escape, nothing urlsplit strips
PLAIN_URL = re.compile(r"(?!//)[A-Za-z0-9_./-]*(?:#[A-Za-z0-9_./-]*)?")
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


class Reference(NamedTuple):  # a tuple: a site has some 100,000 of them
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
    report.problems += [f"{reference.page}: {reference.where}: {problem}"
                        for reference, problem in resolutions(references, files, ids, directory_urls, site_url, report)]
    report.external = sorted(set(report.external))
    cited_references = [Reference("", url, url, False) for url in cited]
    report.unresolved = [f"{reference.url}: {problem}" for reference, problem
                         in resolutions(cited_references, files, ids, directory_urls, None, Report())]
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


# The attributes that may hold a reference, by element (LINK_ATTRIBUTES, RESOURCE_ATTRIBUTES):
# lxml finds the elements in C (`iter` of their tags), and an XPath of each attribute walked
# the whole tree once more (13 walks a page, most of the check).
_TAG_ATTRIBUTES = {tag: tuple(sorted(name for element, name in LINK_ATTRIBUTES | RESOURCE_ATTRIBUTES if element == tag))
                   for tag, _ in LINK_ATTRIBUTES | RESOURCE_ATTRIBUTES}
_REFERENCE_TAGS = (*sorted(_TAG_ATTRIBUTES), "meta", "style")


def tree(html: bytes):
    """A page's tree of plain lxml elements (lxml.html's element classes are not needed here
    and cost a lookup per element); None for a page with no element."""
    from lxml import etree

    return etree.fromstring(html, parser=etree.HTMLParser(encoding="utf-8")) if html.strip() else None


@functools.cache
def _xpath(path: str):
    """A compiled XPath that returns plain strings (no link back to the element, not needed)."""
    from lxml import etree

    return etree.XPath(path, smart_strings=False)


def read_page(html: bytes, page: str) -> tuple[set[str], list[Reference], list[str]]:
    """(ids, references, ids used twice) of one HTML page; its references in the order of the
    page, then those of its refresh, its <style> elements and its style attributes."""
    root = tree(html)
    if root is None:
        return set(), [], []
    every_id = _xpath("//@id")(root)
    seen = set(every_id)
    duplicates = sorted(name for name, count in Counter(every_id).items() if count > 1) if len(seen) < len(every_id) else []
    anchors, references, refreshes, styles = set(), [], [], []
    for element in root.iter(*_REFERENCE_TAGS):
        tag = element.tag
        names = _TAG_ATTRIBUTES.get(tag)
        if names is None:
            if tag == "style":
                styles += css_references(element.text or "", page)
            elif (element.get("http-equiv") or "").lower() == "refresh":
                match = REFRESH_URL.search(element.get("content") or "")
                if match:
                    refreshes.append(Reference(page, f'<meta refresh url="{match.group(1)}">', match.group(1), False))
            continue
        if tag == "a":
            name = element.get("name")
            if name:
                anchors.add(name)
        if len(names) > 1:  # an element of two such attributes (<img src srcset>): in the page's order
            pairs = [(name, value) for name, value in element.items() if name in names]
        else:
            value = element.get(names[0])
            if value is None:
                continue
            pairs = ((names[0], value),)
        for attribute, value in pairs:
            resource = (tag, attribute) in RESOURCE_ATTRIBUTES or (
                tag == "link" and bool(set((element.get("rel") or "").lower().split()) & LINK_RESOURCE_RELS))
            if attribute == "srcset":
                references += [Reference(page, f'<{tag} {attribute}="{url}">', url, resource) for url in srcset_urls(value)]
            else:
                references.append(Reference(page, f'<{tag} {attribute}="{value}">', value, resource))
    # a style attribute of a value is written `style=` (or `STYLE =`): a page without that is not
    # walked once more for one
    for value in _xpath("//@style")(root) if STYLE_ATTRIBUTE.search(html.lower()) else ():
        if value:
            styles += css_references(value, page)
    return seen | anchors, references + refreshes + styles, duplicates


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


def resolutions(references: list[Reference], files: Files, ids: dict[str, set[str]], directory_urls: bool,
                site_url: str | None, report: Report) -> Iterator[tuple[Reference, str]]:
    """Each reference that does not resolve (or is external and not allowed), with what is
    wrong, in order; `report` counts the references resolved and lists the external ones.

    A URL is resolved once for each `scope` it is found in: the navigation repeats most links
    (`../art_3/`) on every page of a language, and each article is a page in its own folder."""
    memo: dict[tuple[str, str, bool], tuple[str | None, str | None]] = {}
    folders: dict[str, tuple[str, str]] = {}  # page: (its folder, the scope of its `../` URLs)
    for reference in references:
        page, url = reference.page, reference.url.strip()
        if url == UNREADABLE:
            yield reference, "unreadable"
            continue
        if not url:
            continue  # the page itself
        report.checked += 1
        folder, up = folders.get(page) or folders.setdefault(page, scopes(page))
        # (a URL under site_url is resolved from the site's root: not a `../` step of the page's)
        upward = url.startswith("../") and not (site_url and url.startswith(site_url))
        key = (page if url[0] in "#?" else up if upward else folder, url, reference.resource)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _resolve(url, page, folder, reference.resource, files, ids, directory_urls, site_url)
        problem, external = found
        if external is not None:
            report.external.append(f"{page}: {external}")
        if problem is not None:
            yield reference, problem


def scopes(page: str) -> tuple[str, str]:
    """What the resolution of a URL on `page` depends on besides the URL (but for one of a
    fragment or query alone: the page): its folder, and for a URL that starts `../` on a page in
    a subfolder, the folder above (the first step leaves the page's folder, whichever it is).
    Pages of one scope resolve a URL alike: the problems name its target alone."""
    folder = posixpath.dirname(page)
    # '/..' marks the folder above: never a folder's name, as the files' names have no '..' step
    return folder, (f"{posixpath.dirname(folder)}/.." if folder else folder)


@functools.lru_cache(maxsize=1 << 16)
def split(url: str) -> tuple[str, str, str]:
    """(scheme in lower case, path, fragment) of a URL, the last two unquoted; kept, as a site
    holds each URL on many pages, and in each language's folder."""
    if PLAIN_URL.fullmatch(url):  # what urlsplit and unquote would make of it, without them
        path, _, fragment = url.partition("#")
        return "", path, fragment
    parts = urlsplit(url)
    return parts.scheme.lower(), unquote(parts.path), unquote(parts.fragment)


def _resolve(url: str, page: str, base_dir: str, resource: bool, files: Files, ids: dict[str, set[str]],
             directory_urls: bool, site_url: str | None) -> tuple[str | None, str | None]:
    """(what is wrong or None, the URL if it leads outside the site) of one URL on `page`."""
    if site_url and url.startswith(site_url):
        url, base_dir = url[len(site_url):] or "./", ""
    scheme, path, fragment = split(url)
    if scheme in ("http", "https") or url.startswith("//"):
        if resource:
            return "loads a resource from outside the site", None
        return None, url
    if scheme in INLINE_SCHEMES or scheme in IGNORED_SCHEMES:
        return None, None
    if scheme:
        return f"'{scheme}:' URL", None
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
    if fragment and target.endswith(".html") and fragment not in ids.get(target, set()):
        return f"no id '{fragment}' in {target}", None
    return None, None
