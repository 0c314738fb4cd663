"""build/outputs.py: the build replaces only its own folders, each whole or not at all.

Failures of the disk are simulated (OSError with ENOSPC, EXDEV, EBUSY at each step of the
swap), a mount point is simulated by patching os.path.ismount, and signals are sent to this
process from inside the swap through the same patches.
"""

import errno
import os
import signal
from pathlib import Path

import pytest

from constitution.build import outputs
from constitution.core import paths


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def make(folder: Path, files: dict[str, str], marked: bool = True) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    if marked:
        (folder / outputs.MARKER).write_text(outputs.MARKER_TEXT, encoding="utf-8")
    return folder


OLD_SITE = {"index.html": "old home", "art_1/index.html": "old article", "gone.html": "stale"}
NEW_SITE = {"index.html": "new home", "art_1/index.html": "new article", "art_2/index.html": "added"}
OLD_DIST = {"constitution.json": "old json"}
NEW_DIST = {"constitution.json": "new json", "constitution.csv": "new csv"}


@pytest.fixture
def two(tmp_path):
    """Old site/ and dist/ in place, new ones staged: (pairs, targets)."""
    site, dist = make(tmp_path / "site", OLD_SITE), make(tmp_path / "dist", OLD_DIST)
    staged = tmp_path / ".build" / "work"
    new_site, new_dist = make(staged / "site", NEW_SITE, False), make(staged / "dist", NEW_DIST, False)
    return [(new_site, site), (new_dist, dist)], (site, dist)


def as_given(folder: Path) -> dict[str, bytes]:
    return {name: data for name, data in tree(folder).items() if name != outputs.MARKER}


def expected(files: dict[str, str]) -> dict[str, bytes]:
    return {name: text.encode() for name, text in sorted(files.items())}


def test_a_swap_puts_each_new_tree_in_place_with_its_marker(two):
    pairs, (site, dist) = two
    outputs.swap(pairs)
    assert as_given(site) == expected(NEW_SITE) and as_given(dist) == expected(NEW_DIST)
    assert (site / outputs.MARKER).is_file() and (dist / outputs.MARKER).is_file()
    assert sorted(path.name for path in site.parent.iterdir()) == [".build", "dist", "site"]  # no leftovers


FAILURES = [(step, code) for step in range(4) for code in (errno.ENOSPC, errno.EXDEV, errno.EBUSY)]


@pytest.mark.parametrize("step, code", FAILURES, ids=[f"rename{s}-{errno.errorcode[c]}" for s, c in FAILURES])
def test_a_failed_rename_leaves_both_old_trees_whole(two, monkeypatch, step, code):
    pairs, (site, dist) = two
    real, calls = os.rename, []

    def failing(source, target):
        calls.append(source)
        if len(calls) == step + 1:
            raise OSError(code, os.strerror(code), str(source))
        real(source, target)

    monkeypatch.setattr(outputs.os, "rename", failing)
    with pytest.raises(OSError):
        outputs.swap(pairs)
    monkeypatch.setattr(outputs.os, "rename", real)
    assert as_given(site) == expected(OLD_SITE) and as_given(dist) == expected(OLD_DIST)
    assert not list(site.parent.glob(".site.*")) and not list(site.parent.glob(".dist.*"))


def test_a_staged_tree_on_another_filesystem_is_copied_beside_first_and_a_full_disk_changes_nothing(
        two, monkeypatch):
    pairs, (site, dist) = two
    monkeypatch.setattr(outputs, "_same_filesystem", lambda one, other: False)
    real = outputs.shutil.copytree
    copies = []

    def full_disk(source, target, *args, **kwargs):
        if not Path(target).name.startswith("."):  # copytree's own recursion into a subfolder
            return real(source, target, *args, **kwargs)
        copies.append(target)
        if len(copies) == 2:  # dist's copy: the disk is full half-way
            real(source, target, *args, **kwargs)
            (Path(target) / "constitution.json").write_bytes(b"")
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(outputs.shutil, "copytree", full_disk)
    with pytest.raises(OSError):
        outputs.swap(pairs)
    assert as_given(site) == expected(OLD_SITE) and as_given(dist) == expected(OLD_DIST)
    assert not list(site.parent.glob(".*.new-*"))
    monkeypatch.setattr(outputs.shutil, "copytree", real)
    outputs.swap(pairs)
    assert as_given(site) == expected(NEW_SITE) and as_given(dist) == expected(NEW_DIST)


def test_a_mount_point_is_synced_in_place(two, monkeypatch):
    pairs, (site, dist) = two
    inode = site.stat().st_ino
    monkeypatch.setattr(outputs.os.path, "ismount", lambda path: Path(path) == site)
    outputs.swap(pairs)
    assert site.stat().st_ino == inode  # the same folder: a volume is never removed
    assert as_given(site) == expected(NEW_SITE) and as_given(dist) == expected(NEW_DIST)
    assert not [path for path in site.rglob("*") if path.name.endswith(".new")]


def test_a_mount_point_whose_copy_fails_keeps_its_old_files(two, monkeypatch):
    pairs, (site, _) = two
    monkeypatch.setattr(outputs.os.path, "ismount", lambda path: Path(path) == site)
    real, count = outputs.shutil.copyfile, []

    def failing(source, target):
        count.append(target)
        if len(count) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real(source, target)

    monkeypatch.setattr(outputs.shutil, "copyfile", failing)
    with pytest.raises(OSError):
        outputs.swap(pairs)
    assert as_given(site) == expected(OLD_SITE)
    assert not [path for path in site.rglob("*") if path.name.endswith(".new")]


@pytest.mark.parametrize("step", range(4))
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_the_swap_waits_until_both_trees_are_new(two, monkeypatch, step, signum):
    pairs, (site, dist) = two
    real, calls = os.rename, []

    def interrupted(source, target):
        calls.append(source)
        if len(calls) == step + 1:
            os.kill(os.getpid(), signum)
        real(source, target)

    received = []
    previous = signal.signal(signum, lambda number, frame: received.append(number))
    monkeypatch.setattr(outputs.os, "rename", interrupted)
    try:
        outputs.swap(pairs)
        assert received == [signum]  # delivered, after the swap
    finally:
        signal.signal(signum, previous)
    assert as_given(site) == expected(NEW_SITE) and as_given(dist) == expected(NEW_DIST)


def test_recover_puts_back_an_old_tree_a_killed_swap_left(tmp_path):
    site = tmp_path / "site"
    make(tmp_path / ".site.old-abc", OLD_SITE)
    make(tmp_path / ".site.new-def", NEW_SITE)
    outputs.recover(site)
    assert as_given(site) == expected(OLD_SITE)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_recover_removes_leftovers_beside_a_complete_output(tmp_path):
    site = make(tmp_path / "site", NEW_SITE)
    make(tmp_path / ".site.old-abc", OLD_SITE)
    outputs.recover(site)
    assert as_given(site) == expected(NEW_SITE)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_staging_of_dead_builds_is_cleared_and_of_live_ones_kept(tmp_path):
    staging = tmp_path / ".build"
    dead, alive, other = staging / "site-dead", staging / "site-alive", staging / "other-dead"
    for folder, pid in ((dead, 2 ** 22 + 12345), (alive, os.getpid()), (other, 2 ** 22 + 12345)):
        folder.mkdir(parents=True)
        (folder / "pid").write_text(str(pid), encoding="utf-8")
    outputs.clear_staging(staging, "site")
    assert sorted(path.name for path in staging.iterdir()) == ["other-dead", "site-alive"]


def refusal(tmp_path, out, dist, source=None):
    return outputs.problems(source or paths.SOURCE_DIR, {"--out": out, "--dist": dist})


GUARDS = [
    ("the-source", lambda t: (paths.SOURCE_DIR, t / "dist"), "--out", "holds the source"),
    ("inside-the-source", lambda t: (paths.SOURCE_DIR / "site", t / "dist"), "--out", "lies inside the source"),
    ("the-checkout", lambda t: (paths.ROOT, t / "dist"), "--out", "holds the source"),
    ("above-the-checkout", lambda t: (paths.ROOT.parent, t / "dist"), "--out", "holds the source"),
    ("root", lambda t: (Path("/"), t / "dist"), "--out", "holds the source"),
    ("home", lambda t: (t / "site", Path.home()), "--dist", "holds the home folder"),
    ("same-folder", lambda t: (t / "x", t / "x"), "--out", "overlaps --dist"),
    ("dist-inside-site", lambda t: (t / "x", t / "x" / "dist"), "--out", "overlaps --dist"),
    ("foreign-folder", lambda t: (make(t / "mine", {"notes.txt": "keep me"}, False), t / "dist"), "--out",
     "not empty and not a folder this build made"),
]


@pytest.mark.parametrize("name, folders, flag, reason", GUARDS, ids=[g[0] for g in GUARDS])
def test_outputs_the_build_refuses(tmp_path, name, folders, flag, reason):
    out, dist = folders(tmp_path)
    found = refusal(tmp_path, out, dist)
    mine = [line for line in found if line.startswith(f"{flag} ")]
    assert len(mine) == 1 and reason in mine[0] and mine[0].endswith("nothing was written"), found


def test_outputs_the_build_accepts(tmp_path):
    assert refusal(tmp_path, tmp_path / "new" / "site", tmp_path / "new" / "dist") == []
    assert refusal(tmp_path, make(tmp_path / "ours", OLD_SITE), (tmp_path / "empty")) == []
    (tmp_path / "empty").mkdir()
    assert refusal(tmp_path, tmp_path / "ours", tmp_path / "empty") == []
    legacy = make(tmp_path / "legacy", {"index.html": "", "sitemap.xml": "", "404.html": "", "assets/x.css": ""}, False)
    assert refusal(tmp_path, legacy, tmp_path / "d") == []  # a site from before the marker


def test_the_offline_zip_is_never_a_folder_or_in_the_source(tmp_path):
    assert "is a folder" in outputs.file_problems(paths.SOURCE_DIR, "--out", tmp_path)[0]
    assert "inside the source" in outputs.file_problems(paths.SOURCE_DIR, "--out", paths.SOURCE_DIR / "x.zip")[0]
    assert outputs.file_problems(paths.SOURCE_DIR, "--out", tmp_path / "x.zip") == []


def test_a_failed_swap_says_so_in_one_line_and_that_the_outputs_are_unchanged(tmp_path, monkeypatch, capsys):
    from constitution import cli
    from constitution.build import pipeline

    def full_disk(source_dir, out, dist):
        raise OSError(errno.ENOSPC, "No space left on device", str(dist / "constitution-kk.pdf"))

    monkeypatch.setattr(pipeline, "site", full_disk)
    out, dist = tmp_path / "site", tmp_path / "dist"
    assert cli.main(["site", "--out", str(out), "--dist", str(dist)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"site: {dist / 'constitution-kk.pdf'}: No space left on device",
        f"site: failed; {out} and {dist} are unchanged"]
