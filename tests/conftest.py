"""Shared fixtures (the fixture sources, the built sites, the browser) and the tiers.

Every test lies in one tier's folder and gets that tier's marker here (pytest.ini registers
them): `pytest -m unit` runs tests/unit/ alone (no build, no browser; seconds), `-m build`
the full builds, PDFs and commands run in a child process, `-m browser` what Debian's
chromium shows. A built site is built once per session and shared by every tier that reads it.
"""

from __future__ import annotations

import functools
import shutil
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from constitution.core import catalogue
from tests.helpers import DATA, ROOT
from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP
from tests.helpers.builds import Built, build_site, run_offline

TESTS = Path(__file__).resolve().parent
TIERS = ("unit", "build", "browser")


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config, items):
    """Mark each test with the tier of its folder: tests/unit/…, tests/build/…, tests/browser/…."""
    for item in items:
        tier = Path(item.path).resolve().relative_to(TESTS).parts[0]
        if tier not in TIERS:
            raise pytest.UsageError(f"{item.nodeid}: a test belongs in one of tests/{{{','.join(TIERS)}}}/")
        item.add_marker(getattr(pytest.mark, tier))


@pytest.fixture
def data_dir() -> Path:
    return DATA


# --- Browser tests: Playwright for Python driving Debian's chromium (never `playwright install`)


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


# --- The fixture sources


def _with_repository_ui(tmp_path_factory, name: str) -> Path:
    """A copy of tests/data/NAME with the repository's interface strings (translations/ui.yaml).

    The fixture's legal-text shapes are what the tests are about; its ui.yaml is a copy of
    the repository's and would lag behind keys that stages add, so it is taken fresh.
    """
    directory = tmp_path_factory.mktemp(name) / "source"
    shutil.copytree(DATA / name, directory)
    shutil.copyfile(ROOT / "translations" / "ui.yaml", directory / "ui.yaml")
    return directory


@pytest.fixture(scope="session")
def rich_source(tmp_path_factory) -> Path:
    """tests/data/rich (points, units missing in ru, special characters) with the repository's ui.yaml."""
    return _with_repository_ui(tmp_path_factory, "rich")


@pytest.fixture(scope="session")
def units_source(tmp_path_factory) -> Path:
    """tests/data/units (every kind of unit of format version 2) with the repository's ui.yaml."""
    return _with_repository_ui(tmp_path_factory, "units")


@pytest.fixture(scope="session")
def inflected_source(tmp_path_factory) -> Path:
    """tests/data/inflected (Kazakh word forms, for search) with the repository's ui.yaml."""
    return _with_repository_ui(tmp_path_factory, "inflected")


@pytest.fixture(scope="session")
def sources(rich_source, units_source, inflected_source) -> dict[str, Path]:
    """The sources the builds are made of: "rich", "units", "inflected" and "editions" (the
    fixtures) and "repo" (translations/)."""
    return {"rich": rich_source, "units": units_source, "inflected": inflected_source, "repo": ROOT / "translations",
            "editions": DATA / "editions"}  # a source of three editions


# --- Built sites, each built once per session and shared by the tests that read it
# (read-only: copy a tree before changing it)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, sources):
    """built_site("rich" | "repo") -> Built: each source's site and dist for GATES_SITE_URL
    (a sub-path), the quality gates' build (accessibility, links, reproducibility, bad input)."""
    cache: dict[str, Built] = {}

    def get(name: str) -> Built:
        if name not in cache:
            cache[name] = build_site(sources[name], tmp_path_factory.mktemp(f"built-{name}"))
        return cache[name]

    return get


@pytest.fixture(scope="session")
def served_site(tmp_path_factory, serve, sources):
    """served_site("rich" | "repo") -> (base URL, site folder): the source built for the address
    it is served at on 127.0.0.1 (SITE_URL is that address, so the absolute hreflang links stay
    on the site), for the browser tests."""
    cache: dict[str, tuple[str, Path]] = {}

    def get(name: str) -> tuple[str, Path]:
        if name not in cache:
            work = tmp_path_factory.mktemp(f"served-{name}")
            url = serve(work / "site")  # first the address, then the site built for it
            cache[name] = (url, build_site(sources[name], work, site_url=url).site)
        return cache[name]

    return get


@pytest.fixture(scope="session")
def nginx_site(tmp_path_factory, built_site):
    """nginx_site("rich" | "repo") -> (Nginx, Built): the built site served by Debian's nginx with
    the configuration its build wrote (at GATES_SITE_URL's path), started once, stopped at the end."""
    from tests.helpers import nginx

    running: dict[str, tuple] = {}

    def get(name: str):
        if name not in running:
            built = built_site(name)
            try:
                running[name] = (nginx.start(built.deploy, tmp_path_factory.mktemp(f"nginx-{name}")), built)
            except nginx.NginxError as error:
                pytest.fail(str(error), pytrace=False)
        return running[name]

    yield get
    for server, _ in running.values():
        server.stop()


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory, served_site, sources):
    """offline_site("repo" | "rich" | "editions" | …) -> the files of that source's offline bundle
    in a folder: its served site converted (build/offline.py bundle_files, what `python -m
    constitution offline` packs; of several editions, the current one, the default), without
    building again; written once."""
    from constitution.build import offline
    from constitution.source.validate import checked_editions

    cache: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in cache:
            folder = tmp_path_factory.mktemp(f"offline-{name}")
            site = served_site(name)[1]
            for path, data in offline.bundle_files(site, checked_editions(sources[name])).items():
                (folder / path).parent.mkdir(parents=True, exist_ok=True)
                (folder / path).write_bytes(data)
            cache[name] = folder
        return cache[name]

    return get


@pytest.fixture(scope="session")
def offline_all_editions(tmp_path_factory, sources) -> tuple[Path, Path]:
    """(zip, its one top-level folder unzipped): the bundle of every edition of tests/data/editions,
    `python -m constitution offline --offline-editions all` as a user runs it, built once."""
    from constitution.build import bundle_editions
    from constitution.source.validate import checked_editions

    work = tmp_path_factory.mktemp("offline-all-editions")
    result = run_offline(sources["editions"], work / "bundle.zip", "--offline-editions", bundle_editions.ALL)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(work / "bundle.zip") as archive:
        archive.extractall(work / "unzipped")
    edition = checked_editions(sources["editions"]).current.source.document.edition
    return work / "bundle.zip", work / "unzipped" / catalogue.offline_folder(edition.id)


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """The offline zip of translations/ (`python -m constitution offline`), built once."""
    out = tmp_path_factory.mktemp("offline") / "bundle.zip"
    result = run_offline(ROOT / "translations", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def offline_folder(offline_zip, tmp_path_factory) -> Path:
    """The offline bundle unzipped, as a reader would: the path of its one top-level folder."""
    from constitution.source.validate import checked_source

    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / catalogue.offline_folder(checked_source(ROOT / "translations").document.edition.id)
