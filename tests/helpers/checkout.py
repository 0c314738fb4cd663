"""A fresh checkout of this work tree, for the tests that build from one (no .build/, site/ or
dist/ of the developer's, no caches): tests/build/build/test_reproducible.py and others."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.helpers import ROOT


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
