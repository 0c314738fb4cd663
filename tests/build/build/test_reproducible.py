"""Reproducibility (issues 7 and 16): the same source gives byte-identical site/ and dist/,
from this checkout or from a fresh one, with a warm font cache or an empty one.

The repo's source is built twice: the session's shared build (this checkout, its own font
cache in .build/pdf-fonts/, warm in daily use), and one here from a fresh checkout: a copy
of the files git would check out of this work tree (the tracked ones and the new ones it
does not ignore; no .build/, site/, dist/; node_modules/ linked, not installed), built with
an empty font cache (CONSTITUTION_FONT_CACHE, constitution/print/fonts.py) in another
folder, seconds later, with another time zone (UTC+14: another calendar day for most of
the day), locale and hash seed. Every file of site/ and dist/ (PDFs, exports, the offline
zip, the manifest) must have the same SHA-256. A failure lists each differing file, and for
a zip each differing member (tests/helpers/trees.py).

A cheaper check of the fonts alone: `python -m constitution pdf` with an empty font cache and
then with that cache warm gives the PDFs of both builds, and the merged fonts of two caches
filled at different times are the same bytes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from constitution.core import catalogue
from constitution.print import fonts
from tests.helpers import ROOT
from tests.helpers.builds import GATES_SITE_URL, Built
from tests.helpers.trees import differences, digests

OTHER_ENVIRONMENT = {"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONHASHSEED": "4242"}
PDF_NAMES = catalogue.names(catalogue.pdfs())


def fresh_checkout(target: Path) -> Path:
    """The files a fresh checkout of this work tree has, copied to target: tracked (as they are
    now, uncommitted changes included) and untracked but not ignored; node_modules/ linked.
    Without git (an unpacked archive) the checkout itself stands in: the empty font cache
    remains."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ROOT
    for name in sorted(set(os.fsdecode(name) for name in listed.split(b"\0") if name)):
        source = ROOT / name
        if source.is_file():  # not a file deleted from the work tree but not yet from the index
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def run(command: list[str], checkout: Path, env: dict) -> None:
    """`python -m constitution …` as a user runs it in `checkout`: `-m` puts the working folder
    first on the module path, so the checkout's own package (and its paths) run."""
    result = subprocess.run([sys.executable, "-m", "constitution", *command], cwd=checkout,
                            capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": GATES_SITE_URL, **env})
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} in {checkout} failed:\n{result.stdout}{result.stderr}", pytrace=False)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> tuple[Built, Path]:
    """(the build, its font cache): translations/ of a fresh checkout, built with an empty font
    cache, elsewhere, in another environment."""
    work = tmp_path_factory.mktemp("fresh")
    checkout = fresh_checkout(work / "checkout")
    cache = work / "font-cache"
    site, dist = work / "another" / "place" / "site", work / "another" / "place" / "dist"
    run(["site", "--source", str(checkout / "translations"), "--out", str(site), "--dist", str(dist)], checkout,
        {**OTHER_ENVIRONMENT, fonts.CACHE_ENV: str(cache)})
    return Built(checkout / "translations", site, dist), cache


def font_files(cache: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(cache.glob("*.ttf"))}


def test_two_builds_of_the_same_source_are_byte_identical(built_site, fresh):
    first, (second, cache) = built_site("repo"), fresh
    assert len(font_files(cache)) == len(fonts.STYLES)  # the fresh build merged its own fonts
    found = []
    for name in ("site", "dist"):
        one, other = getattr(first, name), getattr(second, name)
        assert len(digests(one)) > 10
        found += [f"{name}/{line}" for line in differences(one, other)]
    assert not found, "the builds differ:\n" + "\n".join(found)
    assert any(path.suffix == ".pdf" for path in first.dist.iterdir())


def test_a_cold_and_a_warm_font_cache_give_the_same_pdfs(built_site, fresh, tmp_path):
    first, (second, fresh_cache) = built_site("repo"), fresh
    cache = tmp_path / "font-cache"
    outputs = {}
    for state in ("cold", "warm"):  # the same cache: empty, then filled by the first run
        outputs[state] = tmp_path / state
        run(["pdf", "--source", str(ROOT / "translations"), "--out", str(outputs[state])], ROOT,
            {fonts.CACHE_ENV: str(cache)})
    # Merged in another process, at another time (the fresh build's merge ran seconds before)
    merged, earlier = font_files(cache), font_files(fresh_cache)
    assert sorted(merged) == sorted(earlier), "the font cache keys differ"
    assert [name for name in merged if merged[name] != earlier[name]] == [], "the merged fonts differ"
    found = [f"{name}: {state} differs from the session's build"
             for state, folder in {**outputs, "fresh": second.dist}.items()
             for name in PDF_NAMES if (folder / name).read_bytes() != (first.dist / name).read_bytes()]
    assert not found, "\n".join(found)
