"""Reproducibility (issues 7 and 16): the same source gives byte-identical site/ and dist/,
from this checkout or from a fresh one, with a warm font cache or an empty one.

The repo's source (translations/) is built three times:
- twice from a fresh checkout (tests/helpers/checkout.py: a copy of the files git would
  check out of this work tree, the tracked ones and the new ones it does not ignore; no
  .build/, site/, dist/; node_modules/ linked, not installed), two copies in two folders,
  each built with its own empty font cache (CONSTITUTION_FONT_CACHE,
  constitution/print/fonts.py) and, in its own .build/, an empty cache of the shared assets'
  compressed copies (constitution/build/deploy.py), into folders of different depths, each in another
  environment: time zones 26 hours apart (UTC+14 and UTC-12: another calendar day from each
  other, and from UTC for most of the day), another locale and another hash seed. The two
  run at the same time, as separate processes;
- once as the session's shared build (this checkout, its own cache in .build/pdf-fonts/,
  warm: this module fills it before asking for that build, a no-op where an earlier build
  did; the merged fonts are read, not made).
Every file of site/ and dist/ (PDFs, exports, the offline zip, the manifest, the search
index) must have the same SHA-256 in all three. A failure lists each differing file, and for
a zip each differing member (tests/helpers/trees.py), by the build it came from.

A narrower check names the cause when the fonts are it: the merged fonts of the three caches,
made in three processes at different times, are the same bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from constitution.print import fonts
from tests.helpers import ROOT
from tests.helpers.builds import GATES_SITE_URL, Built
from tests.helpers.checkout import fresh_checkout
from tests.helpers.trees import differences, digests

# The fresh builds' environments: each differs from the other and from the session's
ENVIRONMENTS = {
    "fresh checkout 1": {"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
                         "PYTHONHASHSEED": "4242"},
    "fresh checkout 2": {"TZ": "Etc/GMT+12", "LC_ALL": "POSIX", "LANG": "POSIX", "PYTHONHASHSEED": "1"},
}
# Deeper and deeper output folders: no path may leak into what the build writes
OUTPUT_FOLDERS = {"fresh checkout 1": ("another", "place"), "fresh checkout 2": ("a", "much", "deeper", "place")}
SESSION = "the session's build"
BUILD_TIMEOUT = 900  # seconds: a hung build fails the test rather than the CI run


def start(checkout: Path, site: Path, dist: Path, env: dict) -> subprocess.Popen:
    """`python -m constitution site` as a user runs it in `checkout`: `-m` puts the working
    folder first on the module path, so the checkout's own package (and its paths) run."""
    command = [sys.executable, "-m", "constitution", "site", "--source", str(checkout / "translations"),
               "--out", str(site), "--dist", str(dist)]
    return subprocess.Popen(command, cwd=checkout, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": GATES_SITE_URL, **env})


def font_files(cache: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(cache.rglob("*.ttf"))}  # a folder per face


@pytest.fixture(scope="module")
def builds(built_site, tmp_path_factory) -> dict[str, tuple[Built, Path]]:
    """{label: (the build, its font cache)}: the two fresh checkouts' builds (empty caches) and
    the session's (this checkout's warm cache), the fresh ones built while the session's is."""
    for style in fonts.STYLES:  # the session's cache warm, if no build has filled it yet
        fonts.merged_font(style)
    work = tmp_path_factory.mktemp("fresh")
    running: dict[str, tuple[subprocess.Popen, Built, Path]] = {}
    try:
        for number, (label, env) in enumerate(ENVIRONMENTS.items(), 1):
            checkout = fresh_checkout(work / f"checkout-{number}")
            cache = work / f"font-cache-{number}"
            out = work.joinpath(f"out-{number}", *OUTPUT_FOLDERS[label])
            built = Built(checkout / "translations", out / "site", out / "dist")
            process = start(checkout, built.site, built.dist, {**env, fonts.CACHE_ENV: str(cache)})
            running[label] = (process, built, cache)
        found = {SESSION: (built_site("repo"), fonts.cache_dir())}
        for label, (process, built, cache) in running.items():
            output = process.communicate(timeout=BUILD_TIMEOUT)[0]
            if process.returncode != 0:
                pytest.fail(f"{label}: `site` in {built.source.parent} failed:\n{output}", pytrace=False)
            found[label] = (built, cache)
        return found
    finally:
        for process, _, _ in running.values():  # a failed or timed-out build leaves no process behind
            if process.poll() is None:
                process.kill()
                process.communicate()


def test_two_fresh_checkouts_and_the_session_build_are_byte_identical(builds):
    session = builds[SESSION][0]
    assert len(digests(session.site)) > 10
    assert any(path.suffix == ".pdf" for path in session.dist.iterdir())
    found = []
    for label, (built, cache) in builds.items():
        if label == SESSION:
            continue
        assert len(font_files(cache)) == len(fonts.STYLES), f"{label} did not merge its own fonts"
        for name in ("site", "dist"):
            found += [f"{label}: {name}/{line}" for line in differences(getattr(session, name), getattr(built, name))]
    assert not found, (f"the builds differ from {SESSION} (the first build: this checkout, warm font cache):\n"
                       + "\n".join(found))


def test_the_merged_fonts_are_the_same_bytes_whenever_and_wherever_made(builds):
    caches = {label: font_files(cache) for label, (_, cache) in builds.items()}
    session = caches.pop(SESSION)
    for label, merged in caches.items():  # the session's cache may hold older merges too (CACHE_VERSION)
        assert sorted(set(merged) - set(session)) == [], f"{label}: the cache keys differ from {SESSION}'s"
        assert [name for name in merged if merged[name] != session[name]] == [], f"{label}: the merged fonts differ"
