"""Reproducibility without a build: the gate's own report (tests/helpers/trees.py: one line per
differing file; the gate itself: tests/build/build/test_reproducible.py), and the locks of the
Python dependencies (README, "Dependencies"): every pin of requirements*.txt locked at its
version, every locked package pinned and hashed, the two locks in agreement, and the build
backend (requirements-build.txt) locked with the rest, at the pin pyproject.toml's
[build-system] names (the Makefile installs the package without build isolation)."""

from __future__ import annotations

import re
import tomllib

import pytest

from tests.helpers import ROOT
from tests.helpers.trees import differences

# Each lock and the requirements files `make lock` compiles into it
LOCKS = {"requirements.lock": ("requirements.txt", "requirements-build.txt"),
         "requirements-test.lock": ("requirements-test.txt",)}


def test_difference_report_names_each_file(tmp_path):
    for side, files in (("a", {"same": "x", "changed": "1", "only-a": ""}), ("b", {"same": "x", "changed": "2"})):
        for name, text in files.items():
            (tmp_path / side / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / side / name).write_text(text)
    assert differences(tmp_path / "a", tmp_path / "b") == ["changed: differs", "only-a: only in the first build"]


def normal(name: str) -> str:
    """A distribution name as pip compares them (PEP 503): pydantic_core is pydantic-core."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(name: str) -> dict[str, str]:
    """{name: version} of a requirements file and the files it includes (-r)."""
    found = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r"):
            found.update(pins(line[2:].strip()))
        elif line:
            match = re.fullmatch(r"([A-Za-z0-9._-]+)==([^\s;]+)", line)
            assert match, f"{name}: not an exact pin: {line!r}"
            found[normal(match[1])] = match[2]
    return found


def locked(name: str) -> dict[str, tuple[str, int]]:
    """{name: (version, number of hashes)} of a lock file."""
    entries: dict[str, tuple[str, int]] = {}
    current = None
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if line.startswith(" ") and current:
            hashes = len(re.findall(r"--hash=sha256:[0-9a-f]{64}", line))
            entries[current] = (entries[current][0], entries[current][1] + hashes)
        elif line and not line.startswith(("#", "-")):
            match = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+) \\", line)
            assert match, f"{name}: not a pinned, hashed entry: {line!r}"
            current = normal(match[1])
            entries[current] = (match[2], 0)
    return entries


@pytest.mark.parametrize("lock_name", LOCKS)
def test_every_pin_is_locked_at_its_version_with_hashes(lock_name):
    lock, wanted = locked(lock_name), {}
    for requirements in LOCKS[lock_name]:
        wanted.update(pins(requirements))
    stale = {name: (version, lock.get(name, ("absent",))[0]) for name, version in wanted.items()
             if lock.get(name, ("absent",))[0] != version}
    assert not stale, f"{lock_name} is older than {' and '.join(LOCKS[lock_name])} (run `make lock`): {stale}"
    assert [name for name, (_, hashes) in lock.items() if not hashes] == []
    assert len(lock) > len(wanted)  # the transitive packages too


def test_the_build_backend_is_the_locked_pin_of_pyproject():
    """pyproject.toml's [build-system] requires is requirements-build.txt, pin for pin, so the
    hashed setuptools of requirements.lock is the one that builds the package (`make site`:
    `pip install --no-build-isolation`), and the Makefile installs it so."""
    build_system = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    required = {}
    for line in build_system["requires"]:
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)", line.strip())
        assert match, f"pyproject.toml: [build-system] requires is not an exact pin: {line!r}"
        required[normal(match[1])] = match[2]
    assert required == pins("requirements-build.txt")
    assert {name: locked("requirements.lock")[name][0] for name in required} == required
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--no-deps --no-build-isolation -e ." in makefile
    assert "requirements.txt requirements-build.txt -o requirements.lock" in makefile


def test_the_test_lock_holds_the_site_lock_unchanged():
    site, test = locked("requirements.lock"), locked("requirements-test.lock")
    assert {name: site[name][0] for name in site} == {name: test[name][0] for name in site if name in test}
