"""A source of several editions: the fixture (tests/data/editions) passes; each broken list, made
from it by one small change, gets the one line naming its file, line, id and problem; the stages
that read one source read the current edition; a one-edition source is one edition."""

import shutil
from dataclasses import dataclass

import pytest

from constitution.core.problems import SourceError
from constitution.source import ui, validate
from constitution.source.rules_editions import EDITION_RULES
from tests.helpers import DATA, RICH

EDITIONS = DATA / "editions"
LIST = "editions.yaml"
A, B, C = "editions/2026-01-30", "editions/2026-02-12", "editions/2026-03-15"


@dataclass(frozen=True)
class Case:
    name: str
    edits: tuple  # ("replace", file, old, new) | ("write", file, text) | ("delete", file) | ("copy", from, to)
    file: str
    line: int
    id: str
    lang: str
    fragment: str


def replace(file, old, new):
    return ("replace", file, old, new)


CASES = [
    Case("unknown-current", (replace(LIST, 'current: "2026-03-15"', "current: 2026-03-16"),), LIST, 3, "-", "-",
         "current: input should be a valid string"),
    Case("current-not-listed", (replace(LIST, 'current: "2026-03-15"', "current: final"),), LIST, 3, "-", "-",
         "current 'final' is no listed edition (one of 2026-01-30, 2026-02-12, 2026-03-15)"),
    Case("duplicate-id", (replace(LIST, '  - id: "2026-02-12"', '  - id: "2026-01-30"'),), LIST, 12,
         "2026-01-30", "-", f"edition id '2026-01-30' is already listed at "),
    Case("impossible-date", (replace(LIST, "date: 2026-02-12", "date: 2026-02-30"),), LIST, 13, "-", "-",
         "unreadable value"),
    Case("date-as-text", (replace(LIST, "date: 2026-02-12", "date: 12.02.2026"),), LIST, 13, "2026-02-12", "-",
         "valid date"),
    Case("dates-out-of-order", (replace(LIST, "date: 2026-02-12", "date: 2026-01-29"),), LIST, 13, "2026-02-12",
         "-", "date 2026-01-29 is not after 2026-01-30 (edition '2026-01-30')"),
    Case("unknown-kind", (replace(LIST, "kind: adopted", "kind: approved"),), LIST, 21, "2026-03-15", "-",
         "kind: input should be 'draft', 'final draft', 'adopted' or 'amended'"),
    Case("name-language-absent", (replace(LIST, "      en: Fixture draft of 30 January 2026\n", ""),), LIST, 8,
         "2026-01-30", "en", "required key 'editions.0.name.en' is absent"),
    Case("unknown-key", (replace(LIST, "    kind: draft\n", "    kind: draft\n    status: old\n"),), LIST, 8,
         "2026-01-30", "-", "unknown key 'status'"),
    Case("no-edition", (("write", LIST, 'current: "x"\neditions: []\n'),), LIST, 2, "-", "-",
         "editions.yaml lists no edition"),
    Case("bad-id", (replace(LIST, '  - id: "2026-02-12"', '  - id: "../2026-02-12"'),), LIST, 12, "'../2026-02-12'",
         "-", "edition id may hold only letters"),
    Case("missing-folder", (("rmtree", B),), LIST, 12, "2026-02-12", "-",
         "the edition's folder tests/data/editions/editions/2026-02-12/ is absent"),
    Case("unlisted-folder", (("copytree", A, "editions/2025-12-01"),), "editions/2025-12-01", 1, "2025-12-01", "-",
         "not listed in editions.yaml"),
    Case("text-beside-the-list", (("copy", f"{A}/document.yaml", "document.yaml"),), "document.yaml", 1, "-", "-",
         "each edition's text is in editions/<id>/"),
    Case("document-date-differs", (replace(f"{B}/document.yaml", "date: 2026-02-12", "date: 2026-02-13"),),
         f"{B}/document.yaml", 18, "2026-02-12", "-",
         "edition.date is 2026-02-13, but editions.yaml lists this folder's edition with date 2026-02-12"),
    Case("document-name-differs", (replace(f"{B}/document.yaml", "Final fixture draft", "Final draft"),),
         f"{B}/document.yaml", 22, "2026-02-12", "en", "edition.name differs"),
    Case("edition-text-broken", (replace(f"{B}/articles/004.yaml", "number: 3", "number: 4"),),
         f"{B}/articles/004.yaml", 29, "art_4__para_3", "-", "clause 4 follows clause 2: clause 3 is absent"),
    Case("correction-unknown-unit", (replace(f"{C}/same_as.yaml", "id: art_4__para_3", "id: art_9__para_3"),),
         f"{C}/same_as.yaml", 4, "art_9__para_3", "-", "no unit 'art_9__para_3' in this edition"),
    Case("correction-unknown-previous", (replace(f"{C}/same_as.yaml", "same_as: art_4__para_3",
                                                 "same_as: art_7__para_3"),),
         f"{C}/same_as.yaml", 5, "art_4__para_3", "-", "same_as: no unit 'art_7__para_3' in the previous edition"),
    Case("correction-twice", (("append", f"{C}/same_as.yaml", "  - id: art_4__para_3\n    same_as: null\n"),),
         f"{C}/same_as.yaml", 6, "art_4__para_3", "-", "'art_4__para_3' is already corrected at line 4"),
    Case("previous-claimed-twice", (("append", f"{C}/same_as.yaml", "  - id: art_4__para_2\n"
                                                                    "    same_as: art_4__para_3\n"),),
         f"{C}/same_as.yaml", 7, "art_4__para_2", "-", "same_as: 'art_4__para_3' already precedes another unit"),
    Case("correction-of-an-unknown-article", (("append", f"{C}/same_as.yaml", "  - id: art_4\n    same_as: art_8\n"),),
         f"{C}/same_as.yaml", 7, "art_4", "-", "same_as: no unit 'art_8' in the previous edition ('2026-02-12')"),
    Case("edition-strings-absent", (("write", f"{C}/ui.yaml", (RICH / "ui.yaml").read_text(encoding="utf-8")),),
         f"{C}/ui.yaml", 1, "edition_notice", "-",
         f"{len(ui.EDITION_KEYS)} of the editions' strings absent, edition_notice first"),
    Case("correction-in-first-edition", (("copy", f"{C}/same_as.yaml", f"{A}/same_as.yaml"),),
         f"{A}/same_as.yaml", 1, "-", "-", "the first edition follows none"),
    Case("correction-bad-key", (replace(f"{C}/same_as.yaml", "same_as: art_4__para_3", "follows: art_4__para_3"),),
         f"{C}/same_as.yaml", 5, "art_4__para_3", "-", "unknown key 'follows'"),
]


def broken(tmp_path, case: Case):
    source = tmp_path / "tests" / "data" / "editions"
    shutil.copytree(EDITIONS, source)
    for op, file, *rest in case.edits:
        path = source / file
        if op == "replace":
            text = path.read_text(encoding="utf-8")
            assert rest[0] in text, f"{case.name}: the fixture changed, {rest[0]!r} is not in {file}"
            path.write_text(text.replace(rest[0], rest[1], 1), encoding="utf-8")
        elif op == "write":
            path.write_text(rest[0], encoding="utf-8")
        elif op == "append":
            path.write_text(path.read_text(encoding="utf-8") + rest[0], encoding="utf-8")
        elif op == "rmtree":
            shutil.rmtree(path)
        elif op == "copytree":
            shutil.copytree(path, source / rest[0])
        elif op == "copy":
            shutil.copy(path, source / rest[0])
    return source


def test_the_fixture_is_valid():
    assert validate.problems(EDITIONS) == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_broken_list_names_file_line_id_and_problem(tmp_path, monkeypatch, case):
    source = broken(tmp_path, case)
    monkeypatch.chdir(tmp_path)  # paths print relative, as a user sees them
    lines = [str(problem) for problem in validate.problems(source.relative_to(tmp_path))]
    start = f"tests/data/editions/{case.file}:{case.line}: {case.id}: {case.lang}: "
    assert any(line.startswith(start) and case.fragment in line for line in lines), \
        f"expected {start!r} with {case.fragment!r}; got:\n" + "\n".join(lines)
    with pytest.raises(SourceError):
        validate.checked_editions(source.relative_to(tmp_path))


def test_a_correction_may_name_an_article_with_clauses(tmp_path):
    source = broken(tmp_path, Case("article", (("append", f"{C}/same_as.yaml", "  - id: art_5\n    same_as: art_6\n"),),
                                   "", 0, "", "", ""))
    assert validate.problems(source) == []


def test_every_rule_has_a_one_line_docstring_and_a_case():
    for rule in EDITION_RULES:
        assert rule.__doc__ and "\n" not in rule.__doc__.strip(), rule.__name__
    assert len(EDITION_RULES) == 11


def test_the_stages_read_the_current_edition():
    source = validate.checked_source(EDITIONS)
    assert source.document.edition.id == "2026-03-15"
    assert [article.number for article in source.articles] == [1, 2, 3, 4, 5, 6]


def test_the_editions_in_order_with_their_kinds():
    editions = validate.checked_editions(EDITIONS)
    assert [(e.id, e.kind, len(e.source.articles)) for e in editions.editions] == [
        ("2026-01-30", "draft", 6), ("2026-02-12", "final draft", 7), ("2026-03-15", "adopted", 6)]
    assert editions.several and editions.current.id == "2026-03-15"
    assert editions.previous(editions.current).id == "2026-02-12" and editions.previous(editions.first) is None
    assert [(c.id, c.same_as) for c in editions.current.corrections] == [("art_4__para_3", "art_4__para_3")]


def test_a_one_edition_source_is_one_edition():
    editions = validate.checked_editions(RICH)
    assert not editions.several and [(e.id, e.kind) for e in editions.editions] == [("2026-01-30", None)]


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01", b"\xff\xfe", b"[" * 600, b"- 1\n- 2\n", b"current: [\n",
                                     b"!!python/object:os.system x", b"current: x\neditions: {a: 1}\n",
                                     b"current: x\neditions:\n  - 5\n"],
                         ids=["empty", "nul", "not-utf8", "deep", "list", "unclosed", "python-tag", "mapping",
                              "number-entry"])
def test_a_garbage_list_is_lines_and_exit_1_never_a_traceback(tmp_path, monkeypatch, capsys, garbage):
    from constitution import cli

    source = tmp_path / "tests" / "data" / "editions"
    shutil.copytree(EDITIONS, source)
    (source / LIST).write_bytes(garbage)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["validate", "--source", "tests/data/editions"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("tests/data/editions/editions.yaml:") and out[-1].endswith("error(s), 0 warning(s)")
    for command in (["export", "--out", "out"], ["editions"], ["generate", "--docs", "docs"]):
        assert cli.main([*command[:1], "--source", "tests/data/editions", *command[1:]]) == 1
        assert capsys.readouterr().err.splitlines()[0].startswith("tests/data/editions/editions.yaml:")
    assert not (tmp_path / "out").exists() and not (tmp_path / "docs").exists()


def test_validate_of_a_broken_edition_exits_1_with_its_line(tmp_path, monkeypatch, capsys):
    from constitution import cli

    case = next(case for case in CASES if case.name == "missing-folder")
    source = broken(tmp_path, case)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["validate", "--source", str(source.relative_to(tmp_path))]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "tests/data/editions/editions.yaml:12: 2026-02-12: -: the edition's folder "
        "tests/data/editions/editions/2026-02-12/ is absent",
        "tests/data/editions: 1 error(s), 0 warning(s)"]
