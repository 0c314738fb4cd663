"""Shared fixtures: the repository root and the fixture sources in tests/data/."""

import functools
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT.parent / "shared" / "seeds" / "000_c4cb6cee4a9d441f.txt"


@pytest.fixture
def data_dir() -> Path:
    return DATA


# --- Browser tests: Playwright for Python driving Debian's chromium (never `playwright install`)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Playwright sync API)."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def requests_made() -> list[str]:
    """URL of every request the pages of `new_page` make, workers' included."""
    return []


@pytest.fixture
def new_page(browser, requests_made):
    """new_page(viewport=DESKTOP) -> a Page in a fresh context that records its requests."""
    contexts = []

    def open_page(viewport: dict = DESKTOP):
        context = browser.new_context(viewport=viewport)
        context.on("request", lambda request: requests_made.append(request.url))
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A desktop-sized page (1280x800) that records its requests in `requests_made`."""
    return new_page()


@pytest.fixture
def off_site(requests_made):
    """off_site(base_url) -> the requests made so far that left the site at base_url."""

    def leaving(base_url: str) -> list[str]:
        inside = (base_url, "data:", "blob:", "about:")  # data:, blob: stay in the page
        return [url for url in requests_made if not url.startswith(inside)]

    return leaving


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep pytest's output readable
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(directory) -> "http://127.0.0.1:PORT/": a static file server on a free port.

    The directory is read at each request, so it may be filled (or swapped) after the
    server starts; e.g. start the server first, then build a site for its URL into it.
    """
    servers = []

    def start(directory: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def rich_source(tmp_path_factory) -> Path:
    """tests/data/rich with the repository's interface strings (translations/ui.yaml).

    The fixture's legal-text shapes are what the tests are about; its ui.yaml is a copy of
    the repository's and would lag behind keys that stages add, so it is taken fresh.
    """
    import shutil

    directory = tmp_path_factory.mktemp("rich") / "source"
    shutil.copytree(DATA / "rich", directory)
    shutil.copyfile(ROOT / "translations" / "ui.yaml", directory / "ui.yaml")
    return directory


# --- Built sites shared by the quality gates (accessibility, links, reproducibility, bad input)

GATES_SITE_URL = "https://example.org/constitution/"  # a sub-path: URLs must not assume the root


@dataclass(frozen=True)
class Built:
    """A finished `python -m scripts site` run: its source, site/ and dist/."""

    source: Path
    site: Path
    dist: Path


def build_site(source: Path, work: Path, env: dict | None = None) -> Built:
    """`python -m scripts site` of `source` into work/site and work/dist; fails the test on error."""
    import os
    import subprocess
    import sys

    site, dist = work / "site", work / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "site", "--source", str(source), "--out", str(site), "--dist", str(dist)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": GATES_SITE_URL, **(env or {})},
    )
    if result.returncode != 0:
        pytest.fail(f"building {source} failed:\n{result.stdout}{result.stderr}", pytrace=False)
    return Built(source, site, dist)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, rich_source):
    """built_site("rich" | "repo") -> Built: each source's site and dist, built once per session.

    Read-only for the tests that share them: copy a tree before changing it.
    """
    sources = {"rich": rich_source, "repo": ROOT / "translations"}
    cache: dict[str, Built] = {}

    def get(name: str) -> Built:
        if name not in cache:
            cache[name] = build_site(sources[name], tmp_path_factory.mktemp(f"built-{name}"))
        return cache[name]

    return get


def pdf_body_text(path: Path) -> str:
    """The text of a PDF's pages without what lies in the top and bottom page margins (the
    running headers and footers, which extraction would put in the middle of a clause that
    runs across pages), in reading order, pages joined by newlines."""
    from pypdf import PdfReader

    margin = 20 / 25.4 * 72  # 20 mm, in points: the PDFs' running heads sit in their margins
    pages = []
    for page in PdfReader(path).pages:
        height, kept = float(page.mediabox.top), []

        def keep(text, cm, tm, font, size):
            y = tm[5] * cm[3] + cm[5]
            if margin < y < height - margin:
                kept.append(text)

        page.extract_text(visitor_text=keep)
        pages.append("".join(kept))
    return "\n".join(pages)
