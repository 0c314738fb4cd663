"""`python -m constitution serve`: the website on 127.0.0.1, showing a translator's edits at once.

`mkdocs serve` rebuilds the whole site on every change (~30 s at 96 articles), and its
`--dirty` does not help here: mkdocs-static-i18n builds the other languages again in full
(README, "Preview"). So the preview is made in three steps on each change of the source:

1. patch: the clauses' lines of the edited articles' pages, in the edited languages, are
   put into the built pages in place of the old ones (a unit is a line of raw HTML that
   Markdown leaves as it is, so the text shown is what a full build gives; the page's
   description and the search index follow with step 3); the browsers showing the site put
   the new content in (a small script the server adds to every page long-polls WAIT, then
   fetches the page and replaces its article element: quicker than reloading the page);
2. the same for every other generated page whose Markdown changed (side-by-side pages, the
   other languages' pages that show the unit);
3. a full `mkdocs build` in the background (navigation, search, what no patch could reach),
   swapped in when no newer edit came meanwhile; then the browsers reload the page.

A source that does not validate prints its problems (one line each) and the site stays as
it was. The first build comes from the build cache (cache.py) when the pages and the
downloads are those of an earlier build.
"""

from __future__ import annotations

import http.server
import json
import shutil
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from constitution.build import cache, docs, mkdocs, pipeline
from constitution.core import catalogue, languages, paths, urls
from constitution.core.problems import BuildError, SourceError

HOST = "127.0.0.1"  # never another interface: the preview is the translator's own
POLL_S = 0.1  # how often the source's files are looked at
WAIT = "/__preview__/wait"  # ?version=N answers once the site differs from version N (or after WAIT_S)
SCRIPT = "/__preview__/reload.js"
WAIT_S = 20.0
RELOAD_JS = b"""(function () {
  var version = document.currentScript.dataset.version;
  function show(full) {
    if (full) { location.reload(); return; }
    fetch(location.pathname, {cache: "no-store"}).then(function (answer) { return answer.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("article");
      var shown = document.querySelector("article");
      if (fresh && shown) { shown.innerHTML = fresh.innerHTML; } else { location.reload(); }
    }).catch(function () { location.reload(); });
  }
  function wait() {
    fetch("%s?version=" + version).then(function (answer) { return answer.json(); }).then(function (data) {
      if (String(data.version) !== version) { version = String(data.version); show(data.full); }
      wait();
    }).catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
""" % WAIT.encode()


def say(line: str) -> None:
    print(f"serve: {line}", file=sys.stderr, flush=True)


def patched(html: str, old_md: str, new_md: str) -> str | None:
    """The built page with each changed line of its Markdown replaced, or None when a changed
    line is not in the page exactly once as it is (Markdown made something else of it)."""
    old_lines, new_lines = old_md.splitlines(), new_md.splitlines()
    if len(old_lines) != len(new_lines):
        return None
    for old, new in zip(old_lines, new_lines):
        if old != new:
            if not old.strip() or html.count(old) != 1:
                return None
            html = html.replace(old, new)
    return html


def built_page(md_name: str) -> str:
    """The built file of a generated page: 'en/art_5/index.md' -> 'en/art_5/index.html'."""
    lang, *folders, _ = md_name.split("/")
    return urls.page_file("/".join(folders), lang)


def changed_pages(old, new, files: list[str]) -> dict[str, str] | None:
    """{page: Markdown} of the article pages an edit of article files changed, in the languages
    whose text changed; None when other files changed (the edit is not of articles alone)."""
    from constitution.site.nav import page_text
    from constitution.site.pages import article_page
    from constitution.site.units import Lang
    from constitution.source.model import article_units

    if not files or any(Path(name).parent.name != paths.ARTICLES_DIR for name in files):
        return None
    before = {article.number: article for article in old.articles}
    pages = {}
    for article in new.articles:
        previous = before.get(article.number)
        if previous is None or previous == article:
            continue
        texts = {lang: ([u.texts.text(lang) for u in article_units(article)],
                        [u.texts.text(lang) for u in article_units(previous)]) for lang in languages.LANGUAGES}
        edited = [lang for lang, (now, then) in texts.items() if now != then] or list(languages.LANGUAGES)
        for lang in edited:
            page = article_page(Lang(new, lang), article)
            pages[urls.page_source(page.key, lang)] = page_text(page)
    return pages


class Preview:
    """The preview's state: the source as last validated, its pages, the built site."""

    def __init__(self, source_dir: Path, dist: Path, work: Path):
        self.source_dir, self.dist, self.work = Path(source_dir), Path(dist), Path(work)
        self.docs, self.site = self.work / "docs", self.work / "site"
        self.manifest = self.dist / catalogue.MANIFEST
        self.lock = threading.Condition()
        self.version = 0  # raised whenever the site changes; the pages' script compares it
        self.full_version = 0  # the version of the last full build swapped in (pages reload for it)
        self.generation = 0  # raised on every accepted edit; a full build of an older one is dropped
        self.wanted = threading.Event()  # a full build is due
        self.source = None
        self.files: dict[str, str] = {}

    def start(self) -> None:
        from constitution.site.nav import site_files
        from constitution.source.validate import checked_editions

        editions = checked_editions(self.source_dir)  # a source of several shows its dated pages too
        self.source = editions.current.source
        self.files = site_files(self.source, editions)
        docs.write(self.files, self.docs)
        self.full_build(self.site)
        threading.Thread(target=self._builder, daemon=True).start()

    def full_build(self, out: Path) -> None:
        """`mkdocs build --strict` of the preview's pages into `out`, or the cached build of them."""
        shutil.rmtree(out, ignore_errors=True)
        names = [entry["name"] for entry in json.loads(self.manifest.read_text(encoding="utf-8"))["files"]]
        inputs = {**pipeline.site_inputs(), "docs": self.docs, "downloads": self.manifest}
        store = cache.Cache(paths.ROOT / paths.STAGING_DIR / pipeline.CACHE_DIR)
        cache.folder(store, "mkdocs", inputs, out,
                     lambda: mkdocs.run_mkdocs(self.docs, self.dist, self.manifest, out, names))

    def update(self, changed: list[str]) -> None:
        """Take an edit of the source files `changed` (names relative to the source) into the site."""
        from constitution.site.nav import site_files
        from constitution.source.validate import checked_editions

        started = time.perf_counter()
        try:
            editions = checked_editions(self.source_dir)
            source = editions.current.source
        except SourceError as error:
            for line in error.lines():
                say(line)
            say("the source has problems: the preview is unchanged")
            return
        with self.lock:
            self.generation += 1
        fast = changed_pages(self.source, source, changed) or {}
        self.source = source
        unpatched = self.patch(fast)
        if fast:
            say(f"{', '.join(sorted(fast))}: shown after {time.perf_counter() - started:.1f} s")
        files = site_files(source, editions)
        docs.write(files, self.docs)
        rest = {name: text for name, text in files.items() if name not in fast and text != self.files.get(name)}
        unpatched += self.patch(rest, previous=self.files)
        self.files = files
        say(f"{len(rest) + len(fast)} page(s) changed, {len(unpatched)} left to the full build, after "
            f"{time.perf_counter() - started:.1f} s; full build started")
        self.wanted.set()

    def patch(self, pages: dict[str, str], previous: dict[str, str] | None = None) -> list[str]:
        """Patch the built pages of `pages` ({md name: new Markdown}); return those it could not."""
        previous = self.files if previous is None else previous
        left = []
        with self.lock:
            for name, text in pages.items():
                target = self.site / built_page(name)
                html = target.read_text(encoding="utf-8") if name.endswith(".md") and target.is_file() else None
                new = patched(html, previous.get(name, ""), text) if html is not None else None
                if new is None:
                    left.append(name)
                elif new != html:
                    target.write_text(new, encoding="utf-8")
            if len(left) < len(pages):
                self.version += 1
                self.lock.notify_all()
        return left

    def _builder(self) -> None:
        """Run full builds when one is due; swap one in only if no edit came while it ran."""
        while True:
            self.wanted.wait()
            self.wanted.clear()
            generation, started = self.generation, time.perf_counter()
            fresh = self.work / "site.next"
            try:
                self.full_build(fresh)
            except (BuildError, OSError) as error:
                lines = error.lines() if isinstance(error, BuildError) else [str(error)]
                for line in lines:
                    say(f"full build: {line}")
                continue
            with self.lock:
                if generation != self.generation:
                    shutil.rmtree(fresh, ignore_errors=True)
                    continue  # a newer edit is patched in; its own full build is due
                old = self.work / "site.old"
                shutil.rmtree(old, ignore_errors=True)
                self.site.rename(old)
                fresh.rename(self.site)
                self.version += 1
                self.full_version = self.version
                self.lock.notify_all()
            shutil.rmtree(old, ignore_errors=True)
            say(f"full build shown after {time.perf_counter() - started:.1f} s")

    def wait(self, version: int, timeout: float = WAIT_S) -> dict:
        """{"version": the site's, "full": a full build came in since `version`}, once it differs."""
        with self.lock:
            self.lock.wait_for(lambda: self.version != version, timeout)
            return {"version": self.version, "full": self.full_version > version}


def handler(preview: Preview):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(preview.site), **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            try:
                self.answer()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the reader left (a tab closed or reloaded while its long poll waited)

        def answer(self):
            url = urlparse(self.path)
            if url.path == WAIT:
                since = parse_qs(url.query).get("version", ["-1"])[0]
                answer = preview.wait(int(since) if since.lstrip("-").isdigit() else -1)
                return self.send(json.dumps(answer).encode(), "application/json")
            if url.path == SCRIPT:
                return self.send(RELOAD_JS, "text/javascript")
            local = Path(self.translate_path(url.path))
            if local.is_dir():
                if not url.path.endswith("/"):
                    return super().do_GET()  # the redirect to the folder's address
                local = local / "index.html"
            if local.suffix == ".html" and local.is_file():
                html = local.read_bytes()
                tag = f'<script src="{SCRIPT}" data-version="{preview.version}"></script></body>'.encode()
                return self.send(html.replace(b"</body>", tag, 1), "text/html; charset=utf-8")
            if not local.exists() and (preview.site / "404.html").is_file():
                return self.send((preview.site / "404.html").read_bytes(), "text/html; charset=utf-8", 404)
            return super().do_GET()

        def send(self, body: bytes, kind: str, status: int = 200):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def snapshot(source_dir: Path) -> dict[str, int]:
    """{file name relative to the source: modification time in ns} of every file of the source."""
    return {path.relative_to(source_dir).as_posix(): path.stat().st_mtime_ns
            for path in source_dir.rglob("*") if path.is_file()}


def serve(source_dir: Path, dist: Path, port: int, ready=None) -> None:
    """Build the preview, serve it on HOST:port and follow the source until interrupted."""
    preview = Preview(source_dir, dist, paths.ROOT / paths.STAGING_DIR / "serve")
    seen = snapshot(Path(source_dir))
    preview.start()
    server = http.server.ThreadingHTTPServer((HOST, port), handler(preview))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    say(f"http://{HOST}:{server.server_address[1]}/ shows {source_dir}; edits appear as they are saved")
    if ready:
        ready(server.server_address[1])
    try:
        while True:
            time.sleep(POLL_S)
            now = snapshot(Path(source_dir))
            if now != seen:
                changed = sorted(name for name in now.keys() | seen.keys() if now.get(name) != seen.get(name))
                seen = now
                preview.update(changed)
    finally:
        server.shutdown()
        server.server_close()
