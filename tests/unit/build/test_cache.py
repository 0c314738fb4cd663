"""The build cache (constitution/build/cache.py): keys from named inputs, entries stored whole or
not at all, a damaged entry never trusted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from constitution.build import cache
from tests.helpers import ROOT


def tree(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def inputs(tmp_path) -> dict:
    return {"source": tree(tmp_path / "source", {"a.yaml": b"one", "articles/001.yaml": b"two"}),
            "template": tree(tmp_path / "t", {"x.typ": b"#x"}) / "x.typ", "tools": "typst==1"}


CHANGES = [
    # test id, change to the inputs (folder of the source, input dict)
    ("a file's bytes", lambda src, i: (src / "a.yaml").write_bytes(b"One")),
    ("a file added", lambda src, i: (src / "b.yaml").write_bytes(b"")),
    ("a file renamed", lambda src, i: (src / "articles/001.yaml").rename(src / "articles/002.yaml")),
    ("a file removed", lambda src, i: (src / "a.yaml").unlink()),
    ("a single file input's bytes", lambda src, i: i["template"].write_bytes(b"#y")),
    ("a single file input absent", lambda src, i: i["template"].unlink()),
    ("a text input", lambda src, i: i.update(tools="typst==2")),
    ("an input added", lambda src, i: i.update(env="SITE_URL unset")),
    ("an input renamed", lambda src, i: i.update(versions=i.pop("tools"))),
]


@pytest.mark.parametrize("change", [c[1] for c in CHANGES], ids=[c[0] for c in CHANGES])
def test_the_key_changes_with_any_input(inputs, change):
    before = cache.key("pdf", inputs)
    assert cache.key("pdf", dict(inputs)) == before  # the same inputs, the same key
    change(inputs["source"], inputs)
    assert cache.key("pdf", inputs) != before


def test_the_key_is_the_stages_and_ignores_bytecode_and_where_the_inputs_are(inputs, tmp_path):
    before = cache.key("pdf", inputs)
    assert cache.key("export", inputs) != before
    (inputs["source"] / "__pycache__").mkdir()
    (inputs["source"] / "__pycache__" / "m.cpython-311.pyc").write_bytes(b"\0")
    moved = tmp_path / "elsewhere" / "source"
    moved.parent.mkdir()
    inputs["source"].rename(moved)
    assert cache.key("pdf", {**inputs, "source": moved}) == before


def test_an_unknown_kind_of_input_is_refused():
    with pytest.raises(TypeError, match="'when'"):
        cache.key("pdf", {"when": 3.5})


def test_a_stored_run_is_restored_byte_for_byte_and_not_made_again(tmp_path, inputs):
    store = cache.Cache(tmp_path / "cache")
    made = []

    def make(out: Path) -> list[Path]:
        made.append(out)
        tree(out, {"b.pdf": b"%PDF b" * 1000, "a.pdf": b"%PDF a", "sub/c.csv": b"c,d\n"})
        return [out / "b.pdf", out / "a.pdf", out / "sub" / "c.csv"]

    first = cache.files(store, "pdf", inputs, tmp_path / "one", lambda: make(tmp_path / "one"))
    second = cache.files(store, "pdf", inputs, tmp_path / "two", lambda: make(tmp_path / "two"))
    assert made == [tmp_path / "one"]
    assert [p.relative_to(tmp_path / "two") for p in second] == [p.relative_to(tmp_path / "one") for p in first]
    assert [p.read_bytes() for p in second] == [p.read_bytes() for p in first]


def test_a_folder_stage_is_restored_whole(tmp_path, inputs):
    store = cache.Cache(tmp_path / "cache")
    site = {"index.html": b"<p>kk", "ru/index.html": b"<p>ru", "assets/x.js": b"1"}
    cache.folder(store, "mkdocs", inputs, tmp_path / "one", lambda: tree(tmp_path / "one", site))
    cache.folder(store, "mkdocs", inputs, tmp_path / "two", lambda: pytest.fail("made again"))
    assert {p.relative_to(tmp_path / "two").as_posix(): p.read_bytes()
            for p in (tmp_path / "two").rglob("*") if p.is_file()} == site
    # the entry is two files, whatever folders the site has: no copy of its tree
    entry = store.entry_folder("mkdocs", cache.key("mkdocs", inputs))
    assert sorted(p.name for p in entry.iterdir()) == sorted([cache.ENTRY_FILE, cache.PACK_FILE])


def relisted(edit):
    """A damage that rewrites ENTRY_FILE as valid JSON of another shape: edit(listing) -> listing."""
    def damage(entry):
        path = entry / cache.ENTRY_FILE
        path.write_text(json.dumps(edit(json.loads(path.read_text(encoding="utf-8")))), encoding="utf-8")
    return damage


def first_file(**fields):
    return relisted(lambda listing: {"files": [{**listing["files"][0], **fields}]})


DAMAGE = [
    ("bytes changed", lambda entry: (entry / cache.PACK_FILE).write_bytes(b"%PDF A")),
    ("pack truncated", lambda entry: (entry / cache.PACK_FILE).write_bytes(b"%PDF")),
    ("pack emptied", lambda entry: (entry / cache.PACK_FILE).write_bytes(b"")),
    ("pack longer", lambda entry: (entry / cache.PACK_FILE).write_bytes(b"%PDF a%PDF a")),
    ("pack removed", lambda entry: (entry / cache.PACK_FILE).unlink()),
    ("list unreadable", lambda entry: (entry / cache.ENTRY_FILE).write_text("{", encoding="utf-8")),
    ("list removed", lambda entry: (entry / cache.ENTRY_FILE).unlink()),
    ("list not an object", relisted(lambda listing: listing["files"])),
    ("files null", relisted(lambda listing: {"files": None})),
    ("files an object", relisted(lambda listing: {"files": {"a.pdf": 6}})),
    ("file not an object", relisted(lambda listing: {"files": ["a.pdf"]})),
    ("file without a name", relisted(lambda listing: {"files": [{"bytes": 6, "sha256": "0" * 64}]})),
    ("name a number", first_file(name=5)),
    ("name empty", first_file(name="")),
    ("name outside the folder", first_file(name="../escaped.pdf")),
    ("name absolute", first_file(name="/tmp/escaped.pdf")),
    ("bytes a string", first_file(bytes="6")),
    ("bytes a float", first_file(bytes=6.0)),
    ("bytes true", first_file(bytes=True)),
    ("bytes negative", first_file(bytes=-1)),
    ("bytes beyond memory", first_file(bytes=2 ** 70)),
    ("sha256 not hex", first_file(sha256="z" * 64)),
]


@pytest.mark.parametrize("damage", [d[1] for d in DAMAGE], ids=[d[0] for d in DAMAGE])
def test_a_damaged_entry_is_a_miss_and_the_stage_runs(tmp_path, inputs, damage):
    store = cache.Cache(tmp_path / "cache")
    out = tmp_path / "out"
    cache.files(store, "pdf", inputs, out, lambda: [tree(out, {"a.pdf": b"%PDF a"}) / "a.pdf"])
    damage(store.entry_folder("pdf", cache.key("pdf", inputs)))
    (out / "a.pdf").unlink()
    ran = []
    written = cache.files(store, "pdf", inputs, out, lambda: ran.append(1) or [tree(out, {"a.pdf": b"%PDF a"}) / "a.pdf"])
    assert ran == [1] and [p.read_bytes() for p in written] == [b"%PDF a"]
    assert store.lookup("pdf", cache.key("pdf", inputs)) is not None  # stored again, whole
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.pdf")) == ["out/a.pdf"]


def test_an_entry_another_build_removes_meanwhile_fails_no_build(tmp_path, inputs, monkeypatch):
    """Builds share a cache: an entry evicted by another between a restore (or a store) and
    its being marked as used, or while this build lists the entries to evict, is left gone."""
    store = cache.Cache(tmp_path / "cache")
    out = tree(tmp_path / "out", {"a.pdf": b"%PDF a"})
    gone = store.entry_folder("pdf", cache.key("pdf", {**inputs, "tools": "old"}))
    store.store("pdf", gone.name[len("pdf-"):], out, [out / "a.pdf"])
    stat = Path.stat

    def evicted_meanwhile(path, *args, **kwargs):
        if path == gone:
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", evicted_meanwhile)
    entry = store.store("pdf", cache.key("pdf", inputs), out, [out / "a.pdf"])  # evicts, listing `gone`
    utime = os.utime
    monkeypatch.setattr(cache.os, "utime", lambda path, *a, **k: (cache.shutil.rmtree(path), utime(path, *a, **k)))
    assert [p.read_bytes() for p in entry.restore(tmp_path / "again")] == [b"%PDF a"]


def test_only_the_newest_entries_of_a_stage_are_kept(tmp_path, inputs):
    store = cache.Cache(tmp_path / "cache")
    out = tree(tmp_path / "out", {"a.csv": b"a"})
    keys = []
    for version in range(cache.KEEP + 2):
        keys.append(cache.key("export", {**inputs, "tools": str(version)}))
        store.store("export", keys[-1], out, [out / "a.csv"])
        os.utime(store.entry_folder("export", keys[-1]), (version, version))  # an order a coarse clock keeps
    store.store("pdf", keys[0], out, [out / "a.csv"])  # another stage's entries are not counted
    assert [store.lookup("export", k) is not None for k in keys] == [False] * 2 + [True] * cache.KEEP
    assert store.lookup("pdf", keys[0]) is not None


def test_a_stage_named_after_another_keeps_its_own_entries(tmp_path, inputs):
    """'pdf' and 'pdf-2026-01-30' (one edition's PDFs) are two stages: neither evicts the other's."""
    store = cache.Cache(tmp_path / "cache")
    out = tree(tmp_path / "out", {"a.pdf": b"%PDF a"})
    editions = [f"pdf-2026-0{month}-01" for month in range(1, cache.KEEP + 2)]
    for stage in editions:
        store.store(stage, cache.key(stage, inputs), out, [out / "a.pdf"])
    for version in range(cache.KEEP + 1):
        store.store("pdf", cache.key("pdf", {**inputs, "tools": str(version)}), out, [out / "a.pdf"])
    assert [store.lookup(stage, cache.key(stage, inputs)) is not None for stage in editions] == [True] * len(editions)


# A store interrupted by SIGKILL, in a child process: at the rename, or while writing the files.
KILLED = {
    "before the rename": "cache.os.rename = lambda *a: os.kill(os.getpid(), signal.SIGKILL)",
    "while writing the pack": textwrap.dedent("""\
        real, count = Path.read_bytes, []
        def dying(self):
            count.append(1)
            if len(count) == 2:  # the first file's bytes are in the pack, the second's not
                os.kill(os.getpid(), signal.SIGKILL)
            return real(self)
        Path.read_bytes = dying"""),
}
CHILD = """
import os, signal, sys
from pathlib import Path
from constitution.build import cache
{sabotage}
out = Path(sys.argv[1])
cache.Cache(Path(sys.argv[2])).store("pdf", sys.argv[3], out, sorted(out.iterdir()))
"""


@pytest.mark.parametrize("moment", KILLED)
def test_a_store_killed_midway_leaves_nothing_a_later_build_trusts(tmp_path, inputs, moment):
    out = tree(tmp_path / "out", {"a.pdf": b"a" * 100_000, "b.pdf": b"b" * 100_000, "c.pdf": b"c" * 10})
    store, digest = cache.Cache(tmp_path / "cache"), cache.key("pdf", inputs)
    child = subprocess.run([sys.executable, "-c", CHILD.format(sabotage=KILLED[moment]), str(out), str(store.root),
                            digest], cwd=ROOT, capture_output=True, text=True)
    assert child.returncode == -9, child.stderr
    assert [p.name.startswith(cache.PARTIAL) for p in store.root.iterdir()] == [True]  # what it left
    assert store.lookup("pdf", digest) is None
    ran = []
    restored = cache.files(store, "pdf", inputs, out, lambda: ran.append(1) or sorted(out.iterdir()))
    assert ran == [1] and [p.name for p in restored] == ["a.pdf", "b.pdf", "c.pdf"]
    assert [p.name for p in store.root.iterdir()] == [store.entry_folder("pdf", digest).name]  # the leftover gone
