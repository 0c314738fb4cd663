"""The build's own folders: which outputs it may replace, and how it replaces them.

A build writes everything in a staging folder, then swaps it in. It only ever replaces a
folder that is its own: new, empty, or carrying MARKER (written into every site/ and dist/
it makes). It refuses an output that is, holds or lies inside the source, holds the
checkout, `/` or the home folder, or overlaps the other output; `pdf`, `export` and
`offline`, which write named files into a folder, are held to the same places.

The swap replaces every output or none. Before it touches anything it writes a journal
beside the staging folders; each output that is not a mount point then takes one rename
(a staged tree on another filesystem is first copied beside the output: a full disk then
changes nothing), and a mount point (a Docker volume), last, is synced in place: every new
file written beside its name, then each old file set aside as it is replaced, so that a
failure puts it back. Signals are held during the swap; a failure puts every output back.
A build killed during the swap (SIGKILL cannot be held) leaves its journal, and the next
build puts every output back as it was before (`recover`).

The staging folder also holds the build cache (cache/, cache.py): entries are renamed into it
whole, never swapped out, and `clear_staging` leaves it alone (it removes work folders only).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path

from constitution.core import catalogue, paths

MARKER = ".constitution-build"
MARKER_TEXT = "Written by `python -m constitution site`: the next build replaces this folder whole.\n"
OLD, NEW = "old", "new"  # trees beside an output during a swap: .site.old-XXXX, .site.new-XXXX
STAGE = "stage"  # a build's staging folder: .build/site.stage-XXXX
HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT}


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _legacy(folder: Path) -> bool:
    """The checkout's own site/ or dist/ as a build from before the marker left it."""
    names = {path.name for path in folder.iterdir()}
    if folder == paths.DIST_DIR.resolve():
        return catalogue.MANIFEST in names and all(name.startswith(("constitution", "manifest")) for name in names)
    if folder == paths.SITE_DIR.resolve():
        return {"index.html", "sitemap.xml", "404.html", "assets"} <= names
    return False


def ours(folder: Path) -> bool:
    """Whether the build may replace `folder`: absent, empty, or one of its own outputs."""
    folder = Path(folder).resolve()
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    return (folder / MARKER).is_file() or not any(folder.iterdir()) or _legacy(folder)


def problems(source: Path, outputs: dict[str, Path], replaced: bool = True) -> list[str]:
    """Why a command may not write `outputs` ({"--out": site, "--dist": dist}): one line per
    refused output (an overlap once). `replaced`: the folders are replaced whole (site), so a
    foreign non-empty one is refused too; else files are written into them (pdf, export)."""
    source = Path(source).resolve()
    protected = {"the checkout": paths.ROOT.resolve(), "/": Path("/"), "the home folder": Path.home().resolve()}
    resolved = {flag: Path(folder).resolve() for flag, folder in outputs.items()}
    found: list[str] = []
    for index, (flag, folder) in enumerate(resolved.items()):
        reasons = [f"holds the source {source}"] if _inside(source, folder) else []
        reasons += [f"lies inside the source {source}"] if _inside(folder, source) else []
        reasons += [f"holds {name}" for name, root in protected.items() if _inside(root, folder)]
        reasons += [f"overlaps {other} {elsewhere}" for other, elsewhere in list(resolved.items())[index + 1:]
                    if _inside(folder, elsewhere) or _inside(elsewhere, folder)]
        if replaced and not reasons and not ours(folder):
            reasons.append(f"not empty and not a folder this build made (no {MARKER}): choose a new or empty folder")
        if reasons:
            found.append(f"{flag} {folder}: {reasons[0]}; nothing was written")
    return found


def file_problems(source: Path, flag: str, path: Path) -> list[str]:
    """Why a command may not write the offline zip `path`: a folder, a place `problems` refuses,
    or an existing file that is not an offline bundle (a zip whose entries are one edition's folder)."""
    path, source = Path(path).resolve(), Path(source).resolve()
    if path.is_dir():
        return [f"{flag} {path}: is a folder; give the zip's file name; nothing was written"]
    if _inside(path, source):
        return [f"{flag} {path}: lies inside the source {source}; nothing was written"]
    found = problems(source, {flag: path.parent}, replaced=False)
    if found:
        return found
    if path.exists() and not _is_bundle(path):
        return [f"{flag} {path}: exists and is not an offline bundle; nothing was written"]
    return []


def _is_bundle(path: Path) -> bool:
    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as archive:
        tops = {name.split("/", 1)[0] for name in archive.namelist()}
    return len(tops) == 1 and next(iter(tops)).startswith(catalogue.offline_folder(""))


@contextmanager
def signals_held():
    """Hold SIGINT, SIGTERM, SIGHUP and SIGQUIT until the block is done (then they arrive)."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _beside(target: Path, kind: str) -> Path:
    """A new name next to `target` (nothing is made there)."""
    made = Path(tempfile.mkdtemp(prefix=f".{target.name}.{kind}-", dir=target.parent))
    made.rmdir()
    return made


def _same_filesystem(one: Path, other: Path) -> bool:
    return one.stat().st_dev == other.stat().st_dev


PARTIAL, KEPT = ".swap-new", ".swap-old"  # suffixes of a mount point's files during its sync


def _hidden(final: Path, suffix: str) -> Path:
    return final.with_name(f".{final.name}{suffix}")


class _Sync:
    """A mount point synced in place from a staged tree, and how to put it back."""

    def __init__(self, staged: Path, target: Path):
        self.staged, self.target = staged, target
        self.files = sorted(path.relative_to(staged) for path in staged.rglob("*") if path.is_file())
        self.added = [str(relative) for relative in self.files if not (target / relative).exists()]
        keep = {target / relative for relative in self.files}
        self.stale = sorted(str(path.relative_to(target)) for path in target.rglob("*")
                            if path.is_file() and path not in keep and not path.name.endswith((PARTIAL, KEPT)))
        self.replaced: list[Path] = []  # finals whose old file is kept beside them

    def journal(self) -> dict:
        return {"target": str(self.target), "mount": True, "added": self.added}

    def apply(self) -> None:
        for relative in self.files:  # every new file beside its name: a full disk stops here
            final = self.target / relative
            final.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.staged / relative, _hidden(final, PARTIAL))
        for relative in [*map(Path, self.files), *map(Path, self.stale)]:
            final = self.target / relative
            if final.exists():
                os.replace(final, _hidden(final, KEPT))
                self.replaced.append(final)
            if str(relative) not in self.stale:
                os.replace(_hidden(final, PARTIAL), final)

    def undo(self) -> None:
        undo_sync(self.target, self.added)

    def commit(self) -> None:
        for final in self.replaced:
            _hidden(final, KEPT).unlink(missing_ok=True)
        for path in sorted(self.target.rglob("*"), key=lambda p: -len(p.parts)):
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def undo_sync(target: Path, added: list[str]) -> None:
    """Put a mount point's old files back: new files removed, kept ones restored."""
    for relative in added:
        (target / relative).unlink(missing_ok=True)
    for path in sorted(target.rglob("*")):
        if path.name.endswith(PARTIAL):
            path.unlink()
        elif path.name.endswith(KEPT):
            os.replace(path, path.with_name(path.name[1:-len(KEPT)]))


def _write_journal(journal: Path, entries: list[dict]) -> None:
    partial = journal.with_name(journal.name + ".partial")
    partial.write_text(json.dumps(entries), encoding="utf-8")
    os.replace(partial, journal)


def swap(pairs: list[tuple[Path, Path]], journal: Path) -> None:
    """Put each staged folder in its target's place, all or none, signals held; `journal` (beside
    the staging folders) says, while it exists, how to put every output back."""
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
                    shutil.copytree(staged, copy)
                    staged = copy
                ready.append((staged, target))
        except BaseException:
            for copy in copies:
                shutil.rmtree(copy, ignore_errors=True)
            raise
        renamed = [(s, t, _beside(t, OLD) if t.exists() else None) for s, t in ready if not os.path.ismount(t)]
        synced = [_Sync(s, t) for s, t in ready if os.path.ismount(t)]  # last: the one kind undone file by file
        _write_journal(journal, [{"target": str(t), "old": str(old) if old else None, "staged": str(s)}
                                 for s, t, old in renamed] + [sync.journal() for sync in synced])
        moved: list[tuple[Path, Path, Path | None, bool]] = []
        applied: list[_Sync] = []
        try:
            for staged, target, old in renamed:
                if old is not None:
                    os.rename(target, old)
                moved.append((staged, target, old, False))
                os.rename(staged, target)
                moved[-1] = (staged, target, old, True)
            for sync in synced:
                applied.append(sync)
                sync.apply()
        except BaseException:
            for sync in reversed(applied):
                sync.undo()
            for staged, target, old, in_place in reversed(moved):
                if in_place:
                    os.rename(target, staged)
                if old is not None and old.exists():
                    os.rename(old, target)
            for copy in copies:
                shutil.rmtree(copy, ignore_errors=True)
            journal.unlink(missing_ok=True)
            raise
        journal.unlink()  # from here on the new outputs stand
        for sync in synced:
            sync.commit()
        for _, _, old in renamed:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)


def recover(journal: Path, targets: list[Path]) -> None:
    """Put right what a killed build left: with its journal, every output back as it was before
    the swap began; then (or without one) every tree left beside the outputs is removed."""
    if journal.is_file():
        for entry in reversed(json.loads(journal.read_text(encoding="utf-8"))):
            target = Path(entry["target"])
            if entry.get("mount"):
                undo_sync(target, entry["added"])
                continue
            old, staged = (Path(entry["old"]) if entry["old"] else None), Path(entry["staged"])
            if old is not None and old.exists():
                if target.exists():
                    shutil.rmtree(target)
                os.rename(old, target)
            elif old is None and target.exists() and not staged.exists():
                shutil.rmtree(target)  # it was new to this swap: the output was absent before
        journal.unlink()
    for target in targets:
        if target.parent.is_dir():
            for leftover in [*target.parent.glob(f".{target.name}.{OLD}-*"), *target.parent.glob(f".{target.name}.{NEW}-*")]:
                shutil.rmtree(leftover, ignore_errors=True)
        if os.path.ismount(target):  # a sync that was finishing: its new files stand, the kept ones go
            for path in target.rglob("*"):
                if path.name.endswith((PARTIAL, KEPT)):
                    path.unlink()


def clear_staging(staging: Path, name: str) -> None:
    """Remove the staging folders of earlier builds of the output `name` whose process is gone."""
    if not staging.is_dir():
        return
    for folder in staging.glob(f"{name}.{STAGE}-*"):
        try:
            os.kill(int((folder / "pid").read_text(encoding="utf-8")), 0)
            continue  # a build still running
        except (OSError, ValueError):
            shutil.rmtree(folder, ignore_errors=True)
