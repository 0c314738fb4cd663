"""The build cache: a stage whose inputs did not change is not run again; its outputs are copied.

A key is the SHA-256 of named inputs (`key`): files and folders by name and content, text,
bytes. Each stage says what it reads (pipeline.py): the source, the package code that makes
its outputs, the templates, CSS and fonts, the tool versions (`tools`: Python, every installed
distribution, package-lock.json), the environment the build reads (`environment`).

An entry is a folder `<stage>-<key>/` in the cache folder (.build/cache/ beside the outputs,
pipeline.py), holding ENTRY_FILE, which lists each of the stage's files with its name, size and
SHA-256, and PACK_FILE, their bytes one after another in that order. One file, not a copy of the
stage's tree: a website's every page is a folder of its own, and making a folder costs as much as
writing ten files into one that exists (a third of a cold build's system time went on the
copies' folders). It is written in a hidden folder named after the writing process, then renamed into
place in one step: a build killed while storing leaves a folder no lookup reads, removed by the
next store once its process is gone. Entries are never changed in place; a restore checks every
file against ENTRY_FILE as it copies, so an entry damaged afterwards (a disk error, a hand edit)
is a miss, removed, and the stage runs. Only the KEEP entries of each stage last stored or
restored are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping

from constitution.core import atomic, paths

KEY_VERSION = "2"  # raise it when what an entry holds changes, so no older entry is read (2: PACK_FILE)
ENTRY_FILE = "entry.json"
PACK_FILE = "files.pack"  # the files' bytes, in ENTRY_FILE's order
PARTIAL = ".partial-"  # a store in progress: .partial-<pid>-<stage>-<key>
KEEP = 2  # entries kept per stage: the newest (the source as it is, and as it was just before)
SKIPPED = {"__pycache__", ".pytest_cache", ".DS_Store"}
PACKAGE = paths.ROOT / "constitution"
KEY = re.compile(r"[0-9a-f]{64}")  # an entry's name after its stage's: <stage>-<key>; a file's SHA-256


def _folder_files(folder: str, parts: tuple[str, ...] = ()):
    """(relative parts, path) of every file under `folder`, but the SKIPPED and .pyc ones."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name in SKIPPED:
                continue
            if entry.is_dir():
                yield from _folder_files(entry.path, (*parts, entry.name))
            elif entry.is_file() and os.path.splitext(entry.name)[1] != ".pyc":
                yield (*parts, entry.name), entry.path


def _folder_digest(digest, folder: Path) -> None:
    # files in the order of their paths' parts (as sorted Paths are), each by name, size and bytes
    for parts, path in sorted(_folder_files(str(folder))):
        with open(path, "rb") as file:
            data = file.read()
        digest.update(f"{'/'.join(parts)}\0{len(data)}\0".encode())
        digest.update(data)


def key(stage: str, inputs: Mapping[str, object]) -> str:
    """The hex SHA-256 of a stage's named inputs: a Path by content (a folder: every file's
    name and bytes), str and bytes as they are, None as absent; the names are part of it."""
    digest = hashlib.sha256(f"{KEY_VERSION}\0{stage}\0".encode())
    for name in sorted(inputs):
        value = inputs[name]
        digest.update(f"\0{name}\0{type(value).__name__}\0".encode())
        if isinstance(value, Path):
            if value.is_dir():
                _folder_digest(digest, value)
            elif value.is_file():
                digest.update(value.read_bytes())
            else:
                digest.update(b"absent")
        elif isinstance(value, str):
            digest.update(value.encode())
        elif isinstance(value, bytes):
            digest.update(value)
        elif value is not None:
            raise TypeError(f"cache input {name!r}: {type(value).__name__} is not a Path, str, bytes or None")
    return digest.hexdigest()


def code(*packages: str) -> dict[str, Path]:
    """Inputs for the package code of `packages` (subpackages of constitution/, or every one)."""
    return {f"code:{name}": PACKAGE / name for name in packages} if packages else {"code": PACKAGE}


@lru_cache(maxsize=1)
def tools() -> str:
    """The versions of what the build runs: Python, every installed distribution, the npm lock."""
    from importlib import metadata

    names = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions())
    lock = paths.ROOT / "package-lock.json"
    npm = hashlib.sha256(lock.read_bytes()).hexdigest() if lock.is_file() else "no package-lock.json"
    return "\n".join([platform.python_implementation(), platform.python_version(), *names, npm])


def environment(*names: str) -> str:
    """The variables of the environment a stage reads, as they are now (unset differs from empty)."""
    return "\n".join(f"{name}={os.environ[name]!r}" if name in os.environ else f"{name} unset" for name in names)


def listed_files(listing) -> list[dict]:
    """The files of an ENTRY_FILE's parsed JSON, each {"name", "bytes", "sha256"}; ValueError
    unless it has that shape, each name a relative path inside the entry's folder (a listing
    damaged or edited by hand is a miss: never a traceback, never a file written elsewhere)."""
    files = listing.get("files") if isinstance(listing, dict) else None
    if not isinstance(files, list):
        raise ValueError(f"{ENTRY_FILE}: no list of files")
    for listed in files:
        if not isinstance(listed, dict) or set(listed) != {"name", "bytes", "sha256"}:
            raise ValueError(f"{ENTRY_FILE}: a file is not its name, bytes and sha256")
        name, size, sha256 = listed["name"], listed["bytes"], listed["sha256"]
        if not isinstance(name, str) or not name or name.startswith("/") or "\\" in name or \
                any(part in ("", ".", "..") for part in name.split("/")):
            raise ValueError(f"{ENTRY_FILE}: {name!r} is not a path inside the entry")
        if type(size) is not int or size < 0:
            raise ValueError(f"{ENTRY_FILE}: {name}: {size!r} is not a size")
        if not isinstance(sha256, str) or not KEY.fullmatch(sha256):
            raise ValueError(f"{ENTRY_FILE}: {name}: {sha256!r} is not a SHA-256")
    return files


def touch(folder: Path) -> None:
    """Mark an entry as used now (KEEP); one another build removed meanwhile is left gone."""
    try:
        os.utime(folder)
    except FileNotFoundError:
        pass


@dataclass(frozen=True)
class Entry:
    folder: Path
    files: list[dict]  # [{"name", "bytes", "sha256"}] in the order the stage returned them

    def restore(self, into: Path) -> list[Path]:
        """Copy the entry's files into `into` (made if absent), checking each; ValueError if one
        differs from what was stored (or the pack is not as long as the files listed)."""
        out = []
        atomic.make_folders(into / listed["name"] for listed in self.files)
        with open(self.folder / PACK_FILE, "rb") as pack:
            # the sizes listed add up to the pack's before any is read: a size beyond it never
            # asks for more memory than the pack holds
            if sum(listed["bytes"] for listed in self.files) != os.fstat(pack.fileno()).st_size:
                raise ValueError(f"{self.folder / PACK_FILE}: not the size of the files {ENTRY_FILE} lists")
            for listed in self.files:
                data = pack.read(listed["bytes"])
                if len(data) != listed["bytes"] or hashlib.sha256(data).hexdigest() != listed["sha256"]:
                    raise ValueError(f"{self.folder / PACK_FILE}: {listed['name']} differs from {ENTRY_FILE}")
                target = into / listed["name"]
                target.write_bytes(data)
                out.append(target)
        touch(self.folder)  # kept as the newest (KEEP)
        return out


@dataclass(frozen=True)
class Cache:
    root: Path

    def entry_folder(self, stage: str, digest: str) -> Path:
        return self.root / f"{stage}-{digest}"

    def lookup(self, stage: str, digest: str) -> Entry | None:
        """The complete entry stored under `digest`, or None (a damaged one is removed)."""
        folder = self.entry_folder(stage, digest)
        try:
            files = listed_files(json.loads((folder / ENTRY_FILE).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            shutil.rmtree(folder, ignore_errors=True)
            return None
        return Entry(folder, files)

    def store(self, stage: str, digest: str, base: Path, files: list[Path]) -> Entry:
        """Keep copies of `files` (inside `base`, named relative to it) under `digest`, in one rename."""
        self.root.mkdir(parents=True, exist_ok=True)
        self._clear_partials()
        final = self.entry_folder(stage, digest)
        partial = self.root / f"{PARTIAL}{os.getpid()}-{final.name}"
        shutil.rmtree(partial, ignore_errors=True)
        listed = []
        try:
            partial.mkdir(parents=True)
            with open(partial / PACK_FILE, "wb") as pack:
                for path in files:
                    data = path.read_bytes()
                    pack.write(data)
                    listed.append({"name": path.relative_to(base).as_posix(), "bytes": len(data),
                                   "sha256": hashlib.sha256(data).hexdigest()})
            (partial / ENTRY_FILE).write_text(json.dumps({"files": listed}, indent=1), encoding="utf-8")
            try:
                os.rename(partial, final)
            except OSError:  # another build stored the same key meanwhile: the same files
                shutil.rmtree(partial, ignore_errors=True)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        touch(final)
        self._evict(stage)
        return Entry(final, listed)

    def discard(self, stage: str, digest: str) -> None:
        shutil.rmtree(self.entry_folder(stage, digest), ignore_errors=True)

    def _evict(self, stage: str) -> None:
        # the stage's own: 'pdf' keeps its entries and leaves those of 'pdf-2026-01-30' (one edition's) alone
        used = {}
        for path in self.root.glob(f"{stage}-*"):
            if KEY.fullmatch(path.name[len(stage) + 1:]):
                try:
                    used[path] = path.stat().st_mtime
                except FileNotFoundError:  # another build evicted it meanwhile
                    pass
        for old in sorted(used, key=used.get, reverse=True)[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)

    def _clear_partials(self) -> None:
        for folder in self.root.glob(f"{PARTIAL}*"):
            pid = folder.name[len(PARTIAL):].split("-", 1)[0]
            try:
                os.kill(int(pid), 0)
                continue  # its build is still storing it
            except (OSError, ValueError):
                shutil.rmtree(folder, ignore_errors=True)


def files(cache: Cache, stage: str, inputs: Mapping[str, object], base: Path,
          make: Callable[[], list[Path]]) -> list[Path]:
    """The files a stage writes into `base`: copied from the cache if its inputs are the same as
    those of a stored run, else made by `make()` (returning them) and stored."""
    digest = key(stage, inputs)
    entry = cache.lookup(stage, digest)
    if entry is not None:
        try:
            return entry.restore(base)
        except (OSError, ValueError):
            cache.discard(stage, digest)
    made = make()
    cache.store(stage, digest, base, made)
    return made


def folder(cache: Cache, stage: str, inputs: Mapping[str, object], out: Path, make: Callable[[], object]) -> None:
    """A stage that writes the whole folder `out` (a website): from the cache, or made and stored."""
    digest = key(stage, inputs)
    entry = cache.lookup(stage, digest)
    if entry is not None:
        try:
            entry.restore(out)
            return
        except (OSError, ValueError):
            cache.discard(stage, digest)
            shutil.rmtree(out, ignore_errors=True)
    make()
    cache.store(stage, digest, out, sorted(path for path in out.rglob("*") if path.is_file()))

