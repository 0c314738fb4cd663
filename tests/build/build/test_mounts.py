"""build/outputs.py on real mount points: site/ as a volume (a tmpfs), full or not.

The tests mount a small tmpfs where they run as root and may (else they are skipped, and
tests/unit/build/test_outputs.py's simulated mount points still run).
"""

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from constitution.build import outputs


@contextmanager
def tmpfs(folder: Path, size: str):
    folder.mkdir(parents=True, exist_ok=True)
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("cannot mount a tmpfs here (not root, or no permission)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != outputs.MARKER}


def staged(tmp_path: Path, name: str, content: dict[str, bytes]) -> Path:
    folder = tmp_path / ".build" / "site.stage-1" / name
    for relative, data in content.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    return folder


OLD = {"index.html": b"old", "art_1/index.html": b"old article", "stale.html": b"stale"}


def fill(folder: Path, content: dict[str, bytes]) -> None:
    for relative, data in content.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    (folder / outputs.MARKER).write_text(outputs.MARKER_TEXT, encoding="utf-8")


def test_a_mounted_site_is_synced_in_place_and_stays_mounted(tmp_path):
    new = {"index.html": b"new", "art_1/index.html": b"new article", "art_2/index.html": b"added"}
    with tmpfs(tmp_path / "site", "4m") as site:
        fill(site, OLD)
        outputs.swap([(staged(tmp_path, "site", new), site)], tmp_path / ".build" / "site.swap.json")
        assert os.path.ismount(site)
        assert files(site) == new


def test_a_full_mounted_site_keeps_its_old_files(tmp_path):
    big = {f"art_{n}/index.html": os.urandom(200_000) for n in range(1, 6)}  # 1 MB into 512 KB
    with tmpfs(tmp_path / "site", "512k") as site:
        fill(site, OLD)
        with pytest.raises(OSError):
            outputs.swap([(staged(tmp_path, "site", big), site)], tmp_path / ".build" / "site.swap.json")
        assert files(site) == OLD
        assert not [p for p in site.rglob("*") if p.name.endswith((outputs.PARTIAL, outputs.KEPT))]
