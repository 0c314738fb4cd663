"""build/outputs.py: the build replaces only its own folders, all of them or none.

Failures of the disk are simulated (OSError with ENOSPC, EXDEV, EBUSY at each step of the
swap), a mount point is simulated by patching os.path.ismount, signals are sent to this
process from inside the swap through the same patches, and a build killed (SIGKILL) at each
step of its swap is a child process that kills itself there.
"""

import errno
import os
import signal
import subprocess
import sys
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
    staged = tmp_path / ".build" / "site.stage-1"
    new_site, new_dist = make(staged / "site", NEW_SITE, False), make(staged / "dist", NEW_DIST, False)
    return [(new_site, site), (new_dist, dist)], (site, dist)


def journal_of(pairs) -> Path:
    return pairs[0][1].parent / ".build" / "site.swap.json"


def swap(pairs):
    outputs.swap(pairs, journal_of(pairs))


def as_given(folder: Path) -> dict[str, bytes]:
    return {name: data for name, data in tree(folder).items() if name != outputs.MARKER}


def expected(files: dict[str, str]) -> dict[str, bytes]:
    return {name: text.encode() for name, text in sorted(files.items())}


def test_a_swap_puts_each_new_tree_in_place_with_its_marker(two):
    pairs, (site, dist) = two
    swap(pairs)
    assert as_given(site) == expected(NEW_SITE) and as_given(dist) == expected(NEW_DIST)
    assert (site / outputs.MARKER).is_file() and (dist / outputs.MARKER).is_file()
    assert sorted(path.name for path in site.parent.iterdir()) == [".build", "dist", "site"]  # no leftovers
    assert not journal_of(pairs).exists()


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
        swap(pairs)
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
        swap(pairs)
    assert as_given(site) == expected(OLD_SITE) and as_given(dist) == expected(OLD_DIST)
    assert not list(site.parent.glob(".*.new-*"))
    monkeypatch.setattr(outputs.shutil, "copytree", real)
    swap(pairs)
    assert as_given(site) == expected(NEW_SITE) and as_given(dist) == expected(NEW_DIST)


def test_a_mount_point_is_synced_in_place(two, monkeypatch):
    pairs, (site, dist) = two
    inode = site.stat().st_ino
    monkeypatch.setattr(outputs.os.path, "ismount", lambda path: Path(path) == site)
    swap(pairs)
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
        swap(pairs)
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
        swap(pairs)
        assert received == [signum]  # delivered, after the swap
    finally:
        signal.signal(signum, previous)
    assert as_given(site) == expected(NEW_SITE) and as_given(dist) == expected(NEW_DIST)


def test_a_mount_point_and_a_failing_second_output_leave_both_old(two, monkeypatch):
    """The mount point is synced last: a failed rename of the other output leaves it untouched,
    and a failed sync puts the renamed one back."""
    pairs, (site, dist) = two
    monkeypatch.setattr(outputs.os.path, "ismount", lambda path: Path(path) == site)
    real = os.rename

    def failing(source, target):
        raise OSError(errno.EXDEV, "Invalid cross-device link", str(source))

    monkeypatch.setattr(outputs.os, "rename", failing)
    with pytest.raises(OSError):
        swap(pairs)
    monkeypatch.setattr(outputs.os, "rename", real)
    assert as_given(site) == expected(OLD_SITE) and as_given(dist) == expected(OLD_DIST)
    real_replace, calls = os.replace, []

    def failing_replace(source, target):
        calls.append(source)
        if len(calls) == 4:
            raise OSError(errno.EBUSY, "Device or resource busy", str(source))
        real_replace(source, target)

    monkeypatch.setattr(outputs.os, "replace", failing_replace)
    with pytest.raises(OSError):
        swap(pairs)
    monkeypatch.setattr(outputs.os, "replace", real_replace)
    assert as_given(site) == expected(OLD_SITE) and as_given(dist) == expected(OLD_DIST)
    assert not [path for path in site.rglob("*") if path.name.endswith((outputs.PARTIAL, outputs.KEPT))]


KILLED = """
import os, signal, sys
from pathlib import Path
from constitution.build import outputs
step, mount, root = int(sys.argv[1]), sys.argv[2] == "mount", Path(sys.argv[3])
site, dist = root / "site", root / "dist"
if mount:
    outputs.os.path.ismount = lambda path: Path(path) == site
calls = []
for name in ("rename", "replace"):
    real = getattr(os, name)
    def killing(source, target, real=real):
        calls.append(source)
        if len(calls) == step:
            os.kill(os.getpid(), signal.SIGKILL)
        real(source, target)
    setattr(outputs.os, name, killing)
staged = root / ".build" / "site.stage-1"
outputs.swap([(staged / "site", site), (staged / "dist", dist)], root / ".build" / "site.swap.json")
"""

KILL_STEPS = [(step, mount) for mount in (False, True) for step in range(1, 9 if mount else 5)]


@pytest.mark.parametrize("step, mount", KILL_STEPS, ids=[f"{'mount-' if m else ''}step{s}" for s, m in KILL_STEPS])
def test_a_build_killed_during_its_swap_is_put_right_by_the_next(two, step, mount):
    """SIGKILL at each step: the next build's recover() leaves both outputs old, or both new
    when the swap had finished, never one of each."""
    pairs, (site, dist) = two
    process = subprocess.run([sys.executable, "-c", KILLED, str(step), "mount" if mount else "rename",
                              str(site.parent)], cwd=paths.ROOT, capture_output=True, text=True)
    assert process.returncode in (0, -signal.SIGKILL), process.stderr
    outputs.recover(journal_of(pairs), [site, dist])
    state = (as_given(site), as_given(dist))
    assert state in [(expected(OLD_SITE), expected(OLD_DIST)), (expected(NEW_SITE), expected(NEW_DIST))], state
    assert not journal_of(pairs).exists()
    assert sorted(path.name for path in site.parent.iterdir()) == [".build", "dist", "site"]
    assert not [path for path in site.rglob("*") if path.name.endswith((outputs.PARTIAL, outputs.KEPT))]


def test_recover_without_a_journal_removes_the_trees_left_beside_the_outputs(tmp_path):
    site = make(tmp_path / "site", NEW_SITE)
    make(tmp_path / ".site.old-abc", OLD_SITE)
    make(tmp_path / ".dist.new-def", NEW_DIST)
    outputs.recover(tmp_path / ".build" / "site.swap.json", [site, tmp_path / "dist"])
    assert as_given(site) == expected(NEW_SITE)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_staging_of_dead_builds_is_cleared_and_of_live_ones_and_caches_kept(tmp_path):
    staging = tmp_path / ".build"
    folders = {"site.stage-dead": 2 ** 22 + 12345, "site.stage-alive": os.getpid(), "other.stage-dead": 2 ** 22 + 12345}
    for name, pid in folders.items():
        (staging / name).mkdir(parents=True)
        (staging / name / "pid").write_text(str(pid), encoding="utf-8")
    (staging / "site-fonts").mkdir()  # a cache whose name starts like the output's: never a stage
    outputs.clear_staging(staging, "site")
    assert sorted(path.name for path in staging.iterdir()) == ["other.stage-dead", "site-fonts", "site.stage-alive"]


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
    site_like = {"index.html": "", "sitemap.xml": "", "404.html": "", "assets/x.css": ""}
    elsewhere = make(tmp_path / "a-mkdocs-site", site_like, False)
    assert "not a folder this build made" in refusal(tmp_path, elsewhere, tmp_path / "d")[0]  # someone else's site


def test_the_checkouts_own_outputs_from_before_the_marker_are_the_builds(monkeypatch, tmp_path):
    site = make(tmp_path / "site", {"index.html": "", "sitemap.xml": "", "404.html": "", "assets/x.css": ""}, False)
    dist = make(tmp_path / "dist", {"manifest.json": "{}", "constitution.json": "{}"}, False)
    monkeypatch.setattr(outputs.paths, "SITE_DIR", site)
    monkeypatch.setattr(outputs.paths, "DIST_DIR", dist)
    assert outputs.ours(site) and outputs.ours(dist)
    (dist / "notes.txt").write_text("mine", encoding="utf-8")
    assert not outputs.ours(dist)


def test_an_overlap_is_one_line(tmp_path):
    found = refusal(tmp_path, tmp_path / "x", tmp_path / "x")
    assert found == [f"--out {tmp_path / 'x'}: overlaps --dist {tmp_path / 'x'}; nothing was written"]


def test_the_offline_zip_is_never_a_folder_a_foreign_file_or_in_the_source(tmp_path):
    import zipfile

    assert "is a folder" in outputs.file_problems(paths.SOURCE_DIR, "--out", tmp_path)[0]
    assert "inside the source" in outputs.file_problems(paths.SOURCE_DIR, "--out", paths.SOURCE_DIR / "x.zip")[0]
    assert outputs.file_problems(paths.SOURCE_DIR, "--out", tmp_path / "x.zip") == []
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert "not an offline bundle" in outputs.file_problems(paths.SOURCE_DIR, "--out", tmp_path / "notes.txt")[0]
    with zipfile.ZipFile(tmp_path / "old.zip", "w") as archive:
        archive.writestr("constitution-2026-01-30/index.html", "")
    assert outputs.file_problems(paths.SOURCE_DIR, "--out", tmp_path / "old.zip") == []


@pytest.mark.parametrize("command", ["pdf", "export"])
def test_pdf_and_export_never_write_into_the_source_or_the_checkouts_root(command, capsys):
    from constitution import cli

    for out in (paths.SOURCE_DIR, paths.ROOT):
        assert cli.main([command, "--out", str(out)]) == 2
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and err[0].startswith(f"{command}: --out {out}:") and err[0].endswith("nothing was written")


def test_a_failed_swap_says_so_in_one_line_and_that_the_outputs_are_unchanged(tmp_path, monkeypatch, capsys):
    from constitution import cli
    from constitution.build import pipeline

    def full_disk(source_dir, out, dist, deploy=None, offline_editions=None):
        raise OSError(errno.ENOSPC, "No space left on device", str(dist / "constitution-kk.pdf"))

    monkeypatch.setattr(pipeline, "site", full_disk)
    out, dist = tmp_path / "site", tmp_path / "dist"
    assert cli.main(["site", "--out", str(out), "--dist", str(dist)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"site: {dist / 'constitution-kk.pdf'}: -: -: No space left on device",
        f"site: failed; {out} and {dist} are unchanged"]
