"""The build's own folders: which outputs it may replace, and how it replaces them.

A build writes everything in a staging folder, then swaps it in. It only ever replaces a
folder that is its own: new, empty, or carrying MARKER (written into every site/ and
dist/ it makes). It refuses an output that is, holds or lies inside the source, holds the
checkout, `/` or the home folder, or overlaps the other output.

The swap is one rename per output on the output's own filesystem (a staged folder on
another one is first copied beside it, which can fail without touching anything). An
output that is a mount point is synced in place: every new file is written beside its
final name first, then all are renamed into place, then stale files go. Signals are held
during the swap; a failed swap puts the old folders back. Leftovers of a build that was
killed (SIGKILL cannot be held) are put right by the next one (`recover`).
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path

from constitution.core import catalogue, paths

MARKER = ".constitution-build"
MARKER_TEXT = "Written by `python -m constitution site`: the next build replaces this folder whole.\n"
OLD, NEW = "old", "new"  # leftovers beside an output: .site.old-XXXX, .site.new-XXXX
HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT}


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _legacy(folder: Path) -> bool:
    """An output of a build from before the marker: a site with its sitemap, or a dist/ with
    its manifest and nothing the catalogue does not know."""
    names = {path.name for path in folder.iterdir()}
    if catalogue.MANIFEST in names:
        return all(name == catalogue.MANIFEST or name.startswith("constitution") for name in names)
    return {"index.html", "sitemap.xml", "404.html", "assets"} <= names


def ours(folder: Path) -> bool:
    """Whether the build may replace `folder`: absent, empty, or one of its own outputs."""
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    return (folder / MARKER).is_file() or not any(folder.iterdir()) or _legacy(folder)


def problems(source: Path, outputs: dict[str, Path]) -> list[str]:
    """Why the build may not write `outputs` ({"--out": site, "--dist": dist}): one line per output."""
    source = Path(source).resolve()
    protected = {"the checkout": paths.ROOT.resolve(), "/": Path("/"), "the home folder": Path.home().resolve()}
    resolved = {flag: Path(folder).resolve() for flag, folder in outputs.items()}
    found = []
    for flag, folder in resolved.items():
        reasons = [f"holds the source {source}" for _ in [1] if _inside(source, folder)]
        reasons += [f"lies inside the source {source}" for _ in [1] if _inside(folder, source)]
        reasons += [f"holds {name}" for name, root in protected.items() if _inside(root, folder)]
        reasons += [f"overlaps {other} {elsewhere}" for other, elsewhere in resolved.items()
                    if other != flag and (_inside(folder, elsewhere) or _inside(elsewhere, folder))]
        if not reasons and not ours(folder):
            reasons.append(f"not empty and not a folder this build made (no {MARKER}): choose a new or empty folder")
        if reasons:
            found.append(f"{flag} {folder}: {reasons[0]}; nothing was written")
    return found


def file_problems(source: Path, flag: str, path: Path) -> list[str]:
    """Why a command may not write the file `path` (the offline zip): a folder, or in the source."""
    path, source = Path(path).resolve(), Path(source).resolve()
    if path.is_dir():
        return [f"{flag} {path}: is a folder; give the zip's file name"]
    if _inside(path, source):
        return [f"{flag} {path}: lies inside the source {source}"]
    return []


@contextmanager
def signals_held():
    """Hold SIGINT, SIGTERM, SIGHUP and SIGQUIT until the block is done (then they arrive)."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _beside(target: Path, kind: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.{kind}-", dir=target.parent))


def _same_filesystem(one: Path, other: Path) -> bool:
    return one.stat().st_dev == other.stat().st_dev


def _sync_in_place(staged: Path, target: Path) -> None:
    """Make a mount point hold exactly the staged tree: new files beside their names, then renamed."""
    files = [path.relative_to(staged) for path in staged.rglob("*") if path.is_file()]
    written: list[tuple[Path, Path]] = []
    try:
        for relative in files:
            final = target / relative
            final.parent.mkdir(parents=True, exist_ok=True)
            partial = final.with_name(f".{final.name}.{os.getpid()}.new")
            shutil.copyfile(staged / relative, partial)
            written.append((partial, final))
    except BaseException:
        for partial, _ in written:
            partial.unlink(missing_ok=True)
        raise
    for partial, final in written:
        os.replace(partial, final)
    keep = {target / relative for relative in files}
    for path in sorted(target.rglob("*"), key=lambda p: -len(p.parts)):
        if path.is_file() and path not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def swap(pairs: list[tuple[Path, Path]]) -> None:
    """Put each staged folder in its target's place, each whole or not at all, signals held."""
    with signals_held():
        ready: list[tuple[Path, Path]] = []
        copies: list[Path] = []  # staged trees copied onto their target's filesystem
        try:
            for staged, target in pairs:  # first, every new tree on its target's filesystem
                target.parent.mkdir(parents=True, exist_ok=True)
                (staged / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
                if not os.path.ismount(target) and not _same_filesystem(staged, target.parent):
                    copy = _beside(target, NEW)
                    copies.append(copy)
                    shutil.rmtree(copy)
                    shutil.copytree(staged, copy)
                    staged = copy
                ready.append((staged, target))
        except BaseException:
            for copy in copies:
                shutil.rmtree(copy, ignore_errors=True)
            raise
        done: list[list] = []  # [staged, target, old or None, new tree in place]
        try:
            for staged, target in ready:
                if os.path.ismount(target):
                    _sync_in_place(staged, target)
                    done.append([staged, target, None, False])  # synced in place: cannot be taken back
                    continue
                step = [staged, target, None, False]
                done.append(step)
                if target.exists():
                    step[2] = _beside(target, OLD)
                    step[2].rmdir()
                    os.rename(target, step[2])
                os.rename(staged, target)
                step[3] = True
        except BaseException:
            for staged, target, old, in_place in reversed(done):
                if in_place:
                    os.rename(target, staged)
                if old is not None and old.exists():
                    os.rename(old, target)
            for copy in copies:
                shutil.rmtree(copy, ignore_errors=True)
            raise
        for _, _, old, _ in done:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)


def recover(target: Path) -> None:
    """Put right what a killed build left beside `target`: an old tree whose target is gone is
    put back; every other leftover is removed."""
    if not target.parent.is_dir():
        return
    leftovers = sorted(target.parent.glob(f".{target.name}.{OLD}-*")) + sorted(
        target.parent.glob(f".{target.name}.{NEW}-*"))
    for leftover in leftovers:
        if leftover.name.startswith(f".{target.name}.{OLD}-") and not target.exists():
            os.rename(leftover, target)
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def clear_staging(staging: Path, prefix: str) -> None:
    """Remove the staging folders of earlier builds of the same output whose process is gone."""
    if not staging.is_dir():
        return
    for folder in staging.glob(f"{prefix}-*"):
        owner = folder / "pid"
        try:
            pid = int(owner.read_text(encoding="utf-8"))
            os.kill(pid, 0)
            continue  # a build still running
        except (OSError, ValueError):
            shutil.rmtree(folder, ignore_errors=True)
