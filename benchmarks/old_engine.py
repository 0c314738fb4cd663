"""The old PDF engine's stage, measured beside the new one on the same corpus.

The PDFs were rendered by WeasyPrint until commit OLD_ENGINE_COMMIT; the editions moved to
Typst after it (issue 13). That commit's package is taken out of git history (`git archive`,
no checkout or worktree is changed) into the work folder, given the project's node_modules
(its fonts), and its own `python -m constitution pdf` is run from there, so the row is the
old stage as it was, on this machine, in this run. WeasyPrint is a test requirement for this
row alone (requirements-test.txt); the package no longer imports it.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
from pathlib import Path

from constitution.core import paths

OLD_ENGINE_COMMIT = "a09266548ead742dca73105a0a51dede658c5554"  # the last commit with WeasyPrint PDFs


def checkout(work: Path) -> Path:
    """The old package in `work`/old-engine (made once per work folder); raises with one line if git cannot."""
    target = work / "old-engine"
    if (target / "constitution" / "print" / "pdf.py").is_file():
        return target
    result = subprocess.run(["git", "-C", str(paths.ROOT), "archive", "--format=tar", OLD_ENGINE_COMMIT, "constitution"],
                            capture_output=True)
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines() or ["git archive failed"]
        raise RuntimeError(f"commit {OLD_ENGINE_COMMIT[:7]} not in this clone's history: {lines[-1]}")
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(target, filter="data")
    (target / paths.NODE_MODULES.name).symlink_to(paths.NODE_MODULES)
    return target


def command(source: Path, out: Path) -> list[str]:
    """The old `pdf` stage (run with the checkout as working folder, so `-m` imports the old package)."""
    return [sys.executable, "-m", "constitution", "pdf", "--source", str(source), "--out", str(out)]
