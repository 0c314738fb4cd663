"""Bad input (issue 7, part 4): one clear line, a non-zero exit, no traceback, nothing lost.

Each case of MUTATIONS breaks a copy of tests/data/rich in one way. It is run through
  - `validate --source BAD`,
  - `import --en TEXT --template BAD --out OUT` (the importer reads its template's edition,
    languages and interface strings: a broken template must stop it the same way), and
  - `site --source BAD --out SITE --dist DIST` over a good earlier build of the rich source;
each must exit non-zero, print no Python traceback, print the expected line
`FILE:LINE: ID: LANG: problem` naming the broken file, unit id and language (`-` where
none applies), and leave SITE, DIST and OUT exactly as they were, with no staging left.
TEXT_CASES do the same for the plain-text files that `import` reads.

A clause of 200 kB is legitimate (a long article of a real code can come close): it must
validate and render, on the site and in the PDF. A 5 MB file is not: the loader refuses it.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from constitution.core import ids, paths, urls
from tests.helpers import DATA, ROOT
from tests.helpers.builds import build_site
from tests.helpers.pdf import pdf_body_text
from tests.helpers.trees import digests

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ART_1, ART_2, ART_3 = (f"{paths.ARTICLES_DIR}/{paths.article_file_name(n)}" for n in (1, 2, 3))


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "constitution", *map(str, args)], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=300)


def replace(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a file (the fixture must hold it exactly once)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: {old!r} occurs {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")


def garbage(size: int) -> bytes:
    return random.Random(7).randbytes(size)  # the same bytes every run


@dataclass(frozen=True)
class Mutation:
    name: str
    breaks: Callable[[Path], None]  # changes the copied source in place
    file: str  # the file the error line must name, relative to the source
    id: str  # the unit id it must name, "-" where none applies
    lang: str  # the language it must name, "-" where none applies
    problem: str  # a fragment of the problem it must state


POINT_1_RU = "    ru:\n      status: unofficial\n      text: первый подпункт;\n"

MUTATIONS = [
    Mutation("yaml-syntax", lambda s: replace(s / ART_2, "number: 2\nsection: 1\n", "number: [2\nsection: 1\n"),
             ART_2, "-", "-", "YAML syntax"),
    Mutation("yaml-tab-indent", lambda s: replace(s / ART_1, "\n  text: Fixture text", "\n\ttext: Fixture text"),
             ART_1, "-", "-", "YAML syntax"),
    Mutation("number-as-string", lambda s: replace(s / ART_2, "number: 2\nsection: 1\n", "number: '2'\nsection: 1\n"),
             ART_2, "art_2", "-", "number"),
    Mutation("text-as-list", lambda s: replace(s / ART_2, "    text: Paragraph one of article two.\n",
                                               "    text:\n    - Paragraph one\n    - of article two.\n"),
             ART_2, "art_2__para_1", "en", "text"),
    Mutation("status-as-number", lambda s: replace(s / ART_1, "en:\n  status: unofficial", "en:\n  status: 1"),
             ART_1, "art_1", "en", "status"),
    Mutation("duplicate-id", lambda s: replace(s / ART_2, "- id: art_2__para_2\n", "- id: art_2__para_1\n"),
             ART_2, "art_2__para_1", "-", "already used"),
    Mutation("clause-5-after-2", lambda s: replace(s / ART_2, "- id: art_2__para_3\n  number: 3\n",
                                                   "- id: art_2__para_5\n  number: 5\n"),
             ART_2, "art_2__para_5", "-", "clause 5 follows clause 2"),
    # point 1's `ru` indented as if it belonged to its clause: the point lacks it, the clause has two
    Mutation("language-on-wrong-parent",
             lambda s: (replace(s / ART_2, POINT_1_RU, ""),
                        replace(s / ART_2, "      text: second point.\n", "      text: second point.\n" + POINT_1_RU[2:].replace("\n  ", "\n"))),
             ART_2, "art_2__para_3__point_1", "ru", "no ru entry"),
    Mutation("missing-language", lambda s: replace(s / ART_1, "ru:\n  status: unofficial\n  text: Тестовый текст первой статьи.\n", ""),
             ART_1, "art_1", "ru", "no ru entry"),
    Mutation("missing-language-in-title", lambda s: replace(s / paths.DOCUMENT_FILE,
                                                            "  ru:\n    status: unofficial\n    text: ТЕСТОВЫЙ ДОКУМЕНТ\n", ""),
             paths.DOCUMENT_FILE, ids.TITLE_ID, "ru", "no ru entry"),
    Mutation("unknown-status", lambda s: replace(s / ART_1, "en:\n  status: unofficial", "en:\n  status: draft"),
             ART_1, "art_1", "en", "unknown status 'draft'"),
    Mutation("missing-with-text", lambda s: replace(s / ART_1, "en:\n  status: unofficial", "en:\n  status: missing"),
             ART_1, "art_1", "en", "status is missing but there is text"),
    Mutation("non-nfc", lambda s: replace(s / ART_1, "Тестовый текст", "Тестови\u0306 текст"),
             ART_1, "art_1", "ru", "not in Unicode NFC"),
    Mutation("empty-text", lambda s: replace(s / ART_1, "text: Fixture text of article one.", "text: '  '"),
             ART_1, "art_1", "en", "only whitespace"),
    Mutation("unknown-key", lambda s: replace(s / ART_1, "section: 1\n", "section: 1\ncolour: red\n"),
             ART_1, "art_1", "-", "unknown key 'colour'"),
    Mutation("unknown-language", lambda s: replace(s / ART_1, "section: 1\n", "section: 1\nde:\n  status: missing\n"),
             ART_1, "art_1", "-", "unknown key 'de'"),
    Mutation("impossible-date", lambda s: replace(s / paths.DOCUMENT_FILE, "  date: 2026-01-30\n", "  date: 2026-13-45\n"),
             paths.DOCUMENT_FILE, "-", "-", "unreadable value"),
    Mutation("huge-file-5MB", lambda s: (s / ART_3).write_text(
                 (s / ART_3).read_text(encoding="utf-8") + ("# " + "x" * 98 + "\n") * 52_000, encoding="utf-8"),
             ART_3, "-", "-", "more than"),
    Mutation("binary-garbage", lambda s: (s / ART_3).write_bytes(garbage(4096)), ART_3, "-", "-", "not UTF-8"),
    Mutation("binary-nul", lambda s: (s / ART_3).write_bytes((s / ART_3).read_bytes() + b"\x00\x01\x02\x03"),
             ART_3, "-", "-", "binary data"),
    Mutation("cp1251", lambda s: (s / ART_2).write_bytes((s / ART_2).read_text(encoding="utf-8")
                                                         .encode("cp1251", errors="replace")),
             ART_2, "-", "-", "not UTF-8"),
    Mutation("empty-file", lambda s: (s / ART_3).write_bytes(b""), ART_3, "-", "-", "file is empty"),
    Mutation("absent-file", lambda s: (s / paths.PREAMBLE_FILE).unlink(),
             paths.PREAMBLE_FILE, "-", "-", "file is absent"),
    Mutation("not-yaml-in-articles", lambda s: (s / paths.ARTICLES_DIR / "notes.txt").write_text("x"),
             f"{paths.ARTICLES_DIR}/notes.txt", "-", "-", "not a .yaml file"),
    Mutation("ui-string-absent", lambda s: replace(s / paths.UI_FILE, "site_permalink:\n", "site_permalink_old:\n"),
             paths.UI_FILE, "site_permalink", "-", "required key 'site_permalink' is absent"),
]
KNOWN_GAPS: dict[str, str] = {}  # found by these tests, not yet fixed: each must fail until it is
PARAMS = [pytest.param(m, id=m.name, marks=[pytest.mark.xfail(reason=KNOWN_GAPS[m.name], strict=True)]
                       if m.name in KNOWN_GAPS else []) for m in MUTATIONS]


def error_line(mutation: Mutation, source: Path) -> re.Pattern:
    """The one line the commands must print: 'FILE:LINE: ID: LANG: ...problem...'."""
    path = re.escape(str(source / mutation.file))
    return re.compile(rf"^{path}:\d+: {re.escape(mutation.id)}: {re.escape(mutation.lang)}: .*{re.escape(mutation.problem)}",
                      re.MULTILINE)


def assert_clean_failure(result: subprocess.CompletedProcess, expected: re.Pattern) -> None:
    output = result.stdout + result.stderr
    assert result.returncode not in (0, None), output
    assert "Traceback" not in output, output
    assert expected.search(output), f"expected a line like {expected.pattern!r}; got:\n{output}"


@pytest.fixture(scope="module")
def good_build(built_site):
    """The rich source's site and dist, built once: every failed run must leave a copy of them as it was."""
    return built_site("rich")


@pytest.fixture
def broken(request, rich_source, tmp_path) -> tuple[Mutation, Path]:
    mutation = request.param
    source = tmp_path / "source"
    shutil.copytree(rich_source, source)
    mutation.breaks(source)
    return mutation, source


@pytest.mark.parametrize("broken", PARAMS, indirect=True)
def test_validate_names_the_problem(broken):
    mutation, source = broken
    assert_clean_failure(run("validate", "--source", source), error_line(mutation, source))


@pytest.mark.parametrize("broken", PARAMS, indirect=True)
def test_import_with_a_broken_template_names_the_problem_and_writes_nothing(broken, tmp_path, rich_source):
    mutation, source = broken
    out = tmp_path / "imported"
    shutil.copytree(rich_source, out)  # an earlier import, to be kept
    before = digests(out)
    result = run("import", "--en", DATA / "import" / "lines" / "en.txt", "--template", source, "--out", out)
    assert_clean_failure(result, error_line(mutation, source))
    assert digests(out) == before


@pytest.mark.parametrize("broken", PARAMS, indirect=True)
def test_site_names_the_problem_and_keeps_the_previous_build(broken, good_build, tmp_path):
    mutation, source = broken
    site, dist = tmp_path / "out" / "site", tmp_path / "out" / "dist"
    shutil.copytree(good_build.site, site)
    shutil.copytree(good_build.dist, dist)
    before = digests(site), digests(dist)
    result = run("site", "--source", source, "--out", site, "--dist", dist)
    assert_clean_failure(result, error_line(mutation, source))
    assert (digests(site), digests(dist)) == before
    assert sorted(path.name for path in site.parent.iterdir()) == ["dist", "site"]  # no staging left


# --- the plain text that `import` reads ---------------------------------------------------------

TEXT_CASES = [
    # test id, bytes of the --en file, problem
    ("binary-garbage", garbage(4096), "not UTF-8"),
    ("binary-nul", b"Article 1\nText\x00\x01\x02", "binary data"),
    ("cp1251", "Статья 1\nТекст первой статьи.".encode("cp1251"), "not UTF-8"),
    ("empty", b"", "no article heading"),
    ("no-article", "Just a paragraph of prose, with no heading at all.\n".encode(), "no article heading"),
    ("huge-text-25MB", b"Article 1\n" + b"word " * 5_000_000, "more than"),
]


@pytest.mark.parametrize("data, problem", [case[1:] for case in TEXT_CASES], ids=[case[0] for case in TEXT_CASES])
def test_import_names_a_bad_text_file_and_writes_nothing(tmp_path, rich_source, data, problem):
    text = tmp_path / "en.txt"
    text.write_bytes(data)
    out = tmp_path / "imported"
    shutil.copytree(rich_source, out)
    before = digests(out)
    result = run("import", "--en", text, "--template", rich_source, "--out", out)
    expected = re.compile(rf"^{re.escape(str(text))}:\d+: -: en: .*{re.escape(problem)}", re.MULTILINE)
    assert_clean_failure(result, expected)
    assert digests(out) == before


# --- a long clause is text, not an error --------------------------------------------------------

LONG_CLAUSE = "Ұзын тармақтың сынақ сөйлемі, ол қайталана береді. " * 2160  # about 200 kB in UTF-8


def test_a_200_kB_clause_validates_and_renders_on_the_site_and_in_the_pdf(rich_source, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(rich_source, source)
    text = LONG_CLAUSE.strip()
    assert 200_000 < len(text.encode("utf-8")) < 210_000
    replace(source / ART_2, "    text: Екінші баптың бірінші тармағы.\n", f"    text: {text}\n")
    assert run("validate", "--source", source).returncode == 0
    built = build_site(source, tmp_path / "out")
    page = (built.site / urls.page_url(ids.article_id(2), "kk") / "index.html").read_text(encoding="utf-8")
    assert f'id="{ids.clause_id(2, 1)}"' in page and text in page
    printed = "".join(pdf_body_text(built.dist / "constitution-kk.pdf").split())
    assert "".join(text.split()) in printed
