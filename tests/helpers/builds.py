"""Builds the tests run as a user does: `python -m constitution site` (or `offline`) in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT

GATES_SITE_URL = "https://example.org/constitution/"  # a sub-path: URLs must not assume the root


@dataclass(frozen=True)
class Built:
    """A finished `python -m constitution site` run: its source, site/ and dist/ (and deploy/ beside them)."""

    source: Path
    site: Path
    dist: Path

    @property
    def deploy(self) -> Path:
        return self.site.parent / "deploy"


def build_site(source: Path, work: Path, env: dict | None = None, site_url: str = GATES_SITE_URL) -> Built:
    """`python -m constitution site` of `source` into work/site and work/dist; fails the test on error."""
    site, dist = work / "site", work / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "site", "--source", str(source), "--out", str(site),
         "--dist", str(dist)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **(env or {})},
    )
    if result.returncode != 0:
        pytest.fail(f"building {source} failed:\n{result.stdout}{result.stderr}", pytrace=False)
    return Built(source, site, dist)


def run_offline(source: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    """`python -m constitution offline --source SOURCE --out OUT [OPTIONS]`, as a user runs it."""
    command = [sys.executable, "-m", "constitution", "offline", "--source", str(source), "--out", str(out), *options]
    return subprocess.run(command, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                          capture_output=True, text=True)
