"""Edit-to-preview time of `make serve` (`python -m constitution serve`), seen in Chromium.

On a copy of the corpus: start the preview on a free port of 127.0.0.1 (its first build is not
timed), open an article page in Chromium, then change the English text of one clause of it in
the copy's YAML (a made-up word put in front) and time from the write until the page in the
browser shows the word. Then the time until the full background build is in (the server says so).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

from constitution.core import paths

from .weight import CHROMIUM, CHROMIUM_ARGS

MARKER = "Zqvextrapreview"  # a made-up word no corpus holds
ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/")
FULL_BUILD = "full build shown"


def edited(text: str, old: str, word: str) -> str | None:
    """The article file's text with `word` put before the clause text `old` (one plain `text:`
    line of it), or None when that line is not in the file exactly once."""
    line = f"text: {old}\n"
    if text.count(line) != 1:
        return None
    return text.replace(line, f"text: {word} {old}\n")


def clause_to_edit(source: Path) -> tuple[Path, str, str] | None:
    """(article file, page address under the site, the English text of its first clause) of
    the first article whose first clause's English text is a plain line of its file."""
    for path in sorted((source / paths.ARTICLES_DIR).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        clauses = data.get("clauses") or []
        english = (clauses[0].get("en") or {}).get("text") if clauses else None
        if english and edited(path.read_text(encoding="utf-8"), english, MARKER):
            return path, f"en/{data['id']}/", english
    return None


class Server:
    """The preview as a child process; its output read on a thread."""

    def __init__(self, source: Path, dist: Path, log: Path):
        self.lines: list[str] = []
        log.parent.mkdir(parents=True, exist_ok=True)
        self.log = log.open("w", encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "constitution", "serve", "--source", str(source), "--dist", str(dist), "--port", "0"],
            cwd=paths.ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)
            self.log.write(line)
            self.log.flush()

    def wait_for(self, pattern: re.Pattern | str, deadline: float, after: int = 0) -> re.Match | str | None:
        while time.monotonic() < deadline and self.process.poll() is None:
            for line in self.lines[after:]:
                found = pattern.search(line) if isinstance(pattern, re.Pattern) else (pattern in line and line)
                if found:
                    return found
            time.sleep(0.05)
        return None

    def stop(self):
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


def edit_to_preview(source: Path, dist: Path, work: Path, timeout_s: float = 600, browser=None) -> dict:
    """{"preview_s": edit to the text in the browser, "full_s": edit to the full build swapped in,
    "page": the page watched} or {"error": one line}. `browser`: a running Playwright Chromium
    (a test session's: one process may hold one sync Playwright), else one is started."""
    copy = work / "preview-source"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(source, copy)
    target = clause_to_edit(copy)
    if target is None:
        return {"error": "no article whose first clause's English text is a plain line of its file"}
    path, page, english = target
    server = Server(copy, dist, work / "logs" / "preview.log")
    try:
        address = server.wait_for(ADDRESS, time.monotonic() + timeout_s)
        if not address:
            return {"error": f"the preview did not start: {(server.lines or ['no output'])[-1].strip()}"}
        if browser is None:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                preview_s, full_s = _watch(own, server, f"{address.group(0)}{page}", path, english, timeout_s)
                own.close()
        else:
            preview_s, full_s = _watch(browser, server, f"{address.group(0)}{page}", path, english, timeout_s)
        if preview_s is None:
            return {"error": "the edit did not show within 60 s", "page": page}
        return {"preview_s": preview_s, "full_s": full_s, "page": page}
    finally:
        server.stop()


def _watch(browser, server: Server, url: str, path: Path, english: str, timeout_s: float):
    """Open `url`, edit the clause, and time (to the text shown, to the full build), None if not."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(url, wait_until="load")
        mark = len(server.lines)
        start = time.monotonic()
        path.write_text(edited(path.read_text(encoding="utf-8"), english, MARKER), encoding="utf-8")
        shown = _wait_for_text(tab, MARKER, start + 60)
        preview_s = time.monotonic() - start if shown else None
        full = server.wait_for(FULL_BUILD, start + timeout_s, after=mark)
        return preview_s, (time.monotonic() - start if full else None)
    finally:
        for tab in context.pages:
            _leave(tab)
        context.close()


def _leave(tab, tries: int = 5) -> None:
    """Navigate `tab` away, ending its long poll (which would hold the context's close); the
    full build's reload may start at that moment and interrupt the first tries."""
    for attempt in range(tries):
        try:
            tab.goto("about:blank")
            return
        except Exception:  # a navigation the page started itself (its reload) came first
            if attempt == tries - 1:
                raise
            tab.wait_for_load_state("load")


def _wait_for_text(tab, word: str, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            if tab.evaluate("word => document.body !== null && document.body.innerText.includes(word)", word):
                return True
        except Exception:  # the page is reloading: its document is being replaced
            pass
        time.sleep(0.02)
    return False
