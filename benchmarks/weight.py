"""The weight of a built article page: its HTML and everything it loads.

Two ways, both reported:
- static: parse the page's <link>/<script>/<img> references and, in the stylesheets it
  links, every url() (fonts of each @font-face, images, @import), and add up the files'
  sizes in the built site folder. An upper bound: a browser fetches only the font subsets
  whose unicode-range the page uses.
- browser: serve the site folder over HTTP on localhost, open the page in Debian's
  Chromium with Playwright, wait for the network to go idle and add up the bodies of
  every response (page, workers included), by resource type. What a reader downloads
  (uncompressed; a server's gzip would send less).
- served: the same page through nginx with the configuration the build wrote (deploy/nginx.conf:
  the precompressed .br and .gz copies, the site's headers), as Chromium fetches it: the bytes
  on the wire of every response (compressed body and headers, `served_transfer`).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import threading
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from constitution.core import contract, languages

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ID_PATTERN = re.compile(rb'\sid="([^"]+)"')
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
KINDS = {".css": "css", ".js": "js", ".mjs": "js", ".woff2": "font", ".woff": "font", ".ttf": "font",
         ".otf": "font", ".png": "image", ".svg": "image", ".jpg": "image", ".jpeg": "image",
         ".webp": "image", ".gif": "image", ".ico": "image", ".json": "data"}


def page_language(site_dir: Path, page: Path) -> str:
    first = page.relative_to(site_dir).parts[0]
    return first if first in languages.LANGUAGES and first != languages.DEFAULT_LANGUAGE \
        else languages.DEFAULT_LANGUAGE


def pages_by_id(site_dir: Path) -> dict[tuple[str, str], Path]:
    """(language, element id) -> the smallest built page holding that id (an article's own page
    is smaller than a section, side-by-side or whole-text page that repeats it)."""
    found: dict[tuple[str, str], Path] = {}
    sizes: dict[Path, int] = {}
    for page in sorted(site_dir.rglob("*.html")):
        data = page.read_bytes()
        sizes[page] = len(data)
        lang = page_language(site_dir, page)
        for match in ID_PATTERN.finditer(data):
            key = (lang, match.group(1).decode("utf-8", "replace"))
            if key not in found or sizes[found[key]] > len(data):
                found[key] = page
    return found


class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and attrs.get("href") and {"stylesheet", "icon", "preload", "modulepreload"} & set(rel):
            self.urls.append(attrs["href"])
        elif tag in ("script", "img", "source") and attrs.get("src"):
            self.urls.append(attrs["src"])


def html_references(text: str) -> list[str]:
    parser = _References()
    parser.feed(text)
    return parser.urls


def css_references(text: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(text) if not (a or b).startswith("data:")]


def kind_of(path: str) -> str:
    return KINDS.get(Path(urlparse(path).path).suffix.lower(), "other")


def static_weight(site_dir: Path, page: Path) -> dict:
    """{kind: [count, bytes]} of the page and every local file it references; external and missing URLs."""
    base = "file:///" + page.relative_to(site_dir).as_posix()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    html_bytes = page.read_bytes()
    totals["html"] = [1, len(html_bytes)]
    seen, external, missing = set(), [], []
    queue = [(base, u) for u in html_references(html_bytes.decode("utf-8"))]
    while queue:
        parent, ref = queue.pop()
        url = urljoin(parent, ref)
        parsed = urlparse(url)
        if parsed.scheme in ("http", "https") or url.startswith("//"):
            external.append(url)
            continue
        local = site_dir / unquote(parsed.path).lstrip("/")
        if not local.is_file():
            missing.append(unquote(parsed.path).lstrip("/"))
            continue
        if local in seen:
            continue
        seen.add(local)
        kind = kind_of(parsed.path)
        totals[kind][0] += 1
        totals[kind][1] += local.stat().st_size
        if kind == "css":
            text = local.read_text(encoding="utf-8", errors="replace")
            queue.extend((url, r) for r in css_references(text))
    return {"kinds": dict(totals), "external": sorted(set(external)), "missing": sorted(set(missing))}


# Where an article page's bytes go, by the parts of Material's layout: (tag, class) -> name.
PARTS = {("nav", "md-nav--primary"): "navigation", ("nav", "md-nav--secondary"): "table of contents",
         ("article", "md-content__inner"): "content", ("header", "md-header"): "header",
         ("footer", "md-footer"): "footer"}


def html_parts(html: bytes) -> dict[str, int]:
    """Bytes of each part of the page (the first element of each, serialized as lxml reads it)."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    out = {}
    for (tag, name_class), name in PARTS.items():
        found = tree.xpath(f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name_class} ')]")
        if found:
            out[name] = len(lxml.html.tostring(found[0], encoding="utf-8"))
    return out


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def loaded(url: str, timeout_ms: int, read):
    """Open `url` in Chromium until the network is idle; `read(responses)` of every response (the
    page's, its workers'), while the browser is open (a body is read from it)."""
    from playwright.sync_api import sync_playwright

    responses: list = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            context.on("response", lambda response: responses.append(response))
            context.new_page().goto(url, wait_until="networkidle", timeout=timeout_ms)
            return read(responses)
        finally:
            browser.close()


def browser_weight(site_dir: Path, page: Path, timeout_ms: int = 30_000) -> dict:
    """What Chromium fetched to show the page: {"kinds": {resource type: [count, bytes]},
    "largest": [(bytes, type, path)] (five), "failed": [(status, path)]}."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    fetched, failed = [], []

    def read(responses):
        for response in responses:
            path = urlparse(response.url).path
            if response.status >= 400:
                failed.append((response.status, path))
                continue
            try:
                size = len(response.body())
            except Exception:  # a redirect or an aborted request has no body
                continue
            kind = response.request.resource_type
            totals[kind][0] += 1
            totals[kind][1] += size
            fetched.append((size, kind, path))

    try:
        loaded(f"http://127.0.0.1:{server.server_address[1]}/{page.relative_to(site_dir).as_posix()}", timeout_ms, read)
    finally:
        server.shutdown()
        server.server_close()
    return {"kinds": dict(totals), "largest": sorted(fetched, reverse=True)[:5], "failed": sorted(failed)}


# --- through nginx ------------------------------------------------------------------------------


def served_transfer(site_dir: Path, deploy_dir: Path, page: Path, work: Path, timeout_ms: int = 30_000) -> dict:
    """What Chromium fetched to show `page` from nginx configured by `deploy_dir`'s nginx.conf
    (tests/helpers/nginx.py starts it on 127.0.0.1): {"kinds": {kind: {"count", "body", "headers",
    "decoded"}}, "total": the same summed, "encodings": {Content-Encoding: count}, "failed"}.
    body: the bytes of the bodies as sent (compressed); decoded: as the page reads them."""
    from tests.helpers import nginx

    totals: dict[str, dict[str, int]] = defaultdict(lambda: {"count": 0, "body": 0, "headers": 0, "decoded": 0})
    encodings: dict[str, int] = defaultdict(int)
    failed = []

    def read(responses):
        for response in responses:
            if response.status >= 400:
                failed.append((response.status, urlparse(response.url).path))
                continue
            sizes = response.request.sizes()
            try:
                decoded = len(response.body())
            except Exception:  # a redirect has no body
                decoded = 0
            kind = totals[kind_of_body(response.request.resource_type)]
            kind["count"] += 1
            kind["body"] += sizes["responseBodySize"]
            kind["headers"] += sizes["responseHeadersSize"]
            kind["decoded"] += decoded
            encodings[response.headers.get("content-encoding", "none")] += 1

    server = nginx.start(deploy_dir, work)
    try:
        loaded(f"{server.origin}{_served_path(deploy_dir)}{page.relative_to(site_dir).as_posix()}", timeout_ms, read)
    finally:
        server.stop()
    total = {key: sum(kind[key] for kind in totals.values()) for key in ("count", "body", "headers", "decoded")}
    return {"kinds": dict(totals), "total": total, "encodings": dict(encodings), "failed": sorted(failed)}


def _served_path(deploy_dir: Path) -> str:
    """The site's path on its host, as the generated configuration's site location names it."""
    found = re.search(r"^    location (/\S*) \{$", (deploy_dir / "nginx.conf").read_text(encoding="utf-8"), re.M)
    return found.group(1) if found else "/"


# --- the first search on a page --------------------------------------------------------------

# What a first search needs, by the folder of its URL: the indexes (core/contract.py SEARCH_DIR),
# the search worker and lunr. The page's own search box (its stylesheet, and the script that
# keeps the rest from loading until the box is used) is part of the page, as the search box
# of Material's bundle is.
SEARCH_RELATED = re.compile(rf"/(?:{re.escape(contract.SEARCH_DIR.strip('/'))}|workers|lunr)/", re.IGNORECASE)
TEXT_KINDS = {"html", "css", "js", "data", "other"}  # what a web server gzips (fonts and images are compressed)


def sent_gzip(kind: str, body: bytes) -> int:
    """Bytes a gzip-serving web server sends for a response body (fonts and images as they are)."""
    return gzip_size(body) if kind_of_body(kind) in TEXT_KINDS else len(body)


def kind_of_body(resource_type: str) -> str:
    return {"document": "html", "stylesheet": "css", "script": "js", "fetch": "data", "xhr": "data",
            "font": "font", "image": "image"}.get(resource_type, "other")


def search_traffic(on_load: list[tuple[str, int, int]], on_search: list[tuple[str, int, int]]) -> dict:
    """Totals of the responses (path, raw bytes, gzip bytes) fetched on page load, after the search
    box was used, and for the first search: those after, and the search-related ones the page
    load fetched ahead ("early"), which the search needs as much."""
    def total(responses):
        return {"requests": len(responses), "raw": sum(r for _, r, _ in responses),
                "gzip": sum(g for _, _, g in responses)}
    early = [response for response in on_load if SEARCH_RELATED.search(response[0])]
    return {"load": total(on_load), "after_use": total(on_search), "search": total(on_search + early),
            "search_paths": sorted({path for path, _, _ in on_search}),
            "early": sorted({path for path, _, _ in early})}


def first_search(site_dir: Path, page: Path, query: str, timeout_ms: int = 30_000) -> dict:
    """What Chromium fetches to show `page` (served on localhost), then for a first search of
    `query` typed into the search box: search_traffic() of the two, and whether results showed."""
    import time

    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    responses: list = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.on("response", lambda response: responses.append(response))
            tab = context.new_page()
            tab.goto(f"http://127.0.0.1:{server.server_address[1]}/{page.relative_to(site_dir).as_posix()}",
                     wait_until="networkidle", timeout=timeout_ms)
            loaded = len(responses)
            box = tab.locator("input.md-search__input").first
            if not box.is_visible():
                tab.locator("label[for='__search']").first.click()
            box.click()
            box.press_sequentially(query, delay=30)
            shown = _settle(tab, responses, time.monotonic() + timeout_ms / 1000)
            measured = [_sizes(response) for response in responses]
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    traffic = search_traffic([m for m in measured[:loaded] if m], [m for m in measured[loaded:] if m])
    return {**traffic, "results": shown, "query": query}


def _settle(tab, responses: list, deadline: float) -> bool:
    """Wait until search results show and no response came for a second (or the deadline)."""
    import time

    count, quiet_since, shown = len(responses), time.monotonic(), False
    while time.monotonic() < deadline:
        tab.wait_for_timeout(100)
        shown = shown or tab.locator(".md-search-result__item").count() > 0
        if len(responses) != count:
            count, quiet_since = len(responses), time.monotonic()
        elif shown and time.monotonic() - quiet_since > 1.0:
            break
    return shown


def _sizes(response) -> tuple[str, int, int] | None:
    if response.status >= 400:
        return None
    try:
        body = response.body()
    except Exception:  # a redirect or an aborted request has no body
        return None
    return urlparse(response.url).path, len(body), sent_gzip(response.request.resource_type, body)
