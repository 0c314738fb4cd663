"""Reproducibility (issue 7, part 3): the same source gives byte-identical site/ and dist/.

The repo's source is built twice (the session's shared build, and one here): in different
temporary folders, at different times (a build takes many seconds), with another time zone
(UTC+14: another calendar day for most of the day), locale and hash seed. Every file of
site/ and dist/ (PDFs, exports, the offline zip, the manifest) must have the same SHA-256.
A failure lists each differing file, and for a zip each differing member.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from conftest import build_site

OTHER_ENVIRONMENT = {"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONHASHSEED": "4242"}


def digests(folder: Path) -> dict[str, str]:
    """{path relative to the folder: SHA-256} of every file in it."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def zip_differences(first: Path, second: Path) -> list[str]:
    """How two zips differ, member by member: name, date, mode, content."""
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        left = {info.filename: info for info in a.infolist()}
        right = {info.filename: info for info in b.infolist()}
        lines = [f"    only in one: {name}" for name in sorted(left.keys() ^ right.keys())]
        if list(left) != list(right) and not lines:
            lines.append("    the same members in another order")
        for name in sorted(left.keys() & right.keys()):
            x, y = left[name], right[name]
            for field in ("date_time", "external_attr", "CRC", "compress_type", "extra", "comment"):
                if getattr(x, field) != getattr(y, field):
                    lines.append(f"    {name}: {field} {getattr(x, field)!r} != {getattr(y, field)!r}")
    return lines


def differences(first: Path, second: Path) -> list[str]:
    """One line per file that is missing from one tree or differs (zips: member by member)."""
    a, b = digests(first), digests(second)
    lines = []
    for name in sorted(a.keys() | b.keys()):
        if name not in a or name not in b:
            lines.append(f"{name}: only in {'the first' if name in a else 'the second'} build")
        elif a[name] != b[name]:
            lines.append(f"{name}: differs")
            if name.endswith(".zip"):
                lines += zip_differences(first / name, second / name)
    return lines


def test_difference_report_names_each_file(tmp_path):
    for side, files in (("a", {"same": "x", "changed": "1", "only-a": ""}), ("b", {"same": "x", "changed": "2"})):
        for name, text in files.items():
            (tmp_path / side / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / side / name).write_text(text)
    assert differences(tmp_path / "a", tmp_path / "b") == ["changed: differs", "only-a: only in the first build"]


def test_two_builds_of_the_same_source_are_byte_identical(built_site, tmp_path):
    first = built_site("repo")
    second = build_site(first.source, tmp_path / "another" / "place", env=OTHER_ENVIRONMENT)
    found = []
    for name in ("site", "dist"):
        one, other = getattr(first, name), getattr(second, name)
        assert len(digests(one)) > 10
        found += [f"{name}/{line}" for line in differences(one, other)]
    assert not found, "the builds differ:\n" + "\n".join(found)
    assert any(path.suffix == ".pdf" for path in first.dist.iterdir())
