"""The old PDF engine's stage, measured beside the new one on the same corpus.

The PDFs were rendered by WeasyPrint until commit OLD_ENGINE_COMMIT; the editions moved to
Typst after it (issue 13). That commit's package is taken out of git history (`git archive`,
no checkout or worktree is changed) into the work folder, given the project's node_modules
(its fonts), and its own `python -m constitution pdf` is run from there, so the row is the
old stage as it was, on this machine, in this run. WeasyPrint is a test requirement for this
row alone (requirements-test.txt); the package no longer imports it.
"""

from __future__ import annotations

import ast
import io
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import yaml

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


def old_keys(checkout_dir: Path) -> tuple[str, ...]:
    """The ui.yaml keys the old package declares (its source/ui.py KEYS, read, not imported)."""
    tree = ast.parse((checkout_dir / "constitution" / "source" / "ui.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "KEYS" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise RuntimeError("the old package's source/ui.py declares no KEYS")


def source_for(checkout_dir: Path, source: Path, target: Path) -> Path:
    """A copy of `source` the old package accepts: its ui.yaml without the keys added since
    (the old model refuses an unknown key); the legal text and every other file as they are."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    keys = set(old_keys(checkout_dir))
    ui_file = target / paths.UI_FILE
    strings = yaml.safe_load(ui_file.read_text(encoding="utf-8"))
    kept = {key: value for key, value in strings.items() if key in keys}
    ui_file.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
    return target


def command(source: Path, out: Path) -> list[str]:
    """The old `pdf` stage (run with the checkout as working folder, so `-m` imports the old package)."""
    return [sys.executable, "-m", "constitution", "pdf", "--source", str(source), "--out", str(out)]
