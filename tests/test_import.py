"""The importer: the seed round trip, three small texts in both layouts, and bad input."""

import subprocess
import sys

import pytest

from conftest import DATA, ROOT, SEED
from constitution.core import languages
from scripts import save, validate
from scripts.importer import read_text, split_recitals
from scripts.load import load_source

TRANSLATIONS = ROOT / "translations"
IMPORT = DATA / "import"
RICH = DATA / "rich"


def run_import(*args):
    return subprocess.run([sys.executable, "-m", "scripts", "import", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def texts(source, lang):
    return {unit.id: unit.texts.text(lang) for unit in source.units()}


def source_files(directory):
    return {path.relative_to(directory).as_posix(): path.read_bytes()
            for path in sorted(directory.rglob("*.yaml"))}


# --- the seed ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_import(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "source"
    result = run_import("--en", SEED, "--status", "unofficial", "--out", out)
    assert result.returncode == 0, result.stderr
    return out, result


def test_seed_english_equals_committed_english(seed_import):
    out, _ = seed_import
    imported, committed = validate.checked_source(out), validate.checked_source(TRANSLATIONS)
    assert texts(imported, "en") == texts(committed, "en")
    ids = [unit.id for unit in imported.units()]
    assert ids == [ids.TITLE_ID, *(ids.recital_id(n) for n in range(1, 13)), "sec_1", "art_1",
                   *(ids.clause_id(2, n) for n in range(1, 7))]
    assert texts(imported, "en")["art_2__para_3"].startswith("the administrative-territorial")  # kept lowercase
    assert {unit.texts.status("en") for unit in imported.units()} == {"unofficial"}
    assert {unit.texts.status("kk") for unit in imported.units()} == {"missing"}


def test_seed_import_reports_the_languages_not_given(seed_import):
    _, result = seed_import
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all("every" in line and "written as missing" in line for line in lines)
    assert [line.split(": ")[2] for line in lines] == ["kk", "ru"]


def test_seed_with_kept_translations_rewrites_translations_byte_for_byte(tmp_path):
    out = tmp_path / "source"
    result = run_import("--en", SEED, "--status", "unofficial", "--keep", "kk", "ru", "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert source_files(out) == source_files(TRANSLATIONS)


def test_committed_files_are_in_the_writer_layout():
    loaded = load_source(TRANSLATIONS)
    for relative, text in save.source_files(loaded.source()).items():
        assert (TRANSLATIONS / relative).read_text(encoding="utf-8") == text, relative


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_run_on_preamble_splits_into_the_committed_recitals(lang):
    recitals = [recital.text(lang) for recital in validate.checked_source(TRANSLATIONS).preamble.recitals]
    assert split_recitals(" ".join(recitals), lang) == recitals
    assert split_recitals("\n".join(recitals).replace(" ", "  "), lang) == recitals


# --- three small texts, one per language, in both layouts ---------------------------------

def import_three(layout, out, *extra):
    given = [arg for lang in languages.LANGUAGES for arg in (f"--{lang}", IMPORT / layout / f"{lang}.txt")]
    return run_import(*given, "--template", RICH, "--out", out, *extra)


@pytest.mark.parametrize("layout", ["lines", "run-on"])
def test_clause_lacking_in_russian_is_missing_reported_and_validated(tmp_path, layout):
    out = tmp_path / "source"
    result = import_three(layout, out)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"tests/data/import/{layout}/ru.txt:{14 if layout == 'lines' else 1}: art_2__para_3: ru: "
        "warning: not in this text: written as missing"]
    source = validate.checked_source(out)
    assert source.article(2).clauses[2].status("ru") == "missing"
    assert source.article(2).clauses[2].text("kk") == "Екінші баптың үшінші тармағы."
    named = [str(p) for p in validate.problems(out) if p.id == "art_2__para_3"]
    assert named == [f"{out / 'articles/002.yaml'}:56: art_2__para_3: ru: warning: no text yet (status: missing)"]


def test_both_layouts_give_the_same_source(tmp_path):
    for layout in ("lines", "run-on"):
        assert import_three(layout, tmp_path / layout).returncode == 0
    assert source_files(tmp_path / "lines") == source_files(tmp_path / "run-on")


def test_three_texts_structure_and_status(tmp_path):
    out = tmp_path / "source"
    assert import_three("lines", out).returncode == 0
    source = validate.checked_source(out)
    assert [unit.id for unit in source.units()] == [
        "title", "preamble__rec_1", "preamble__rec_2", "preamble__rec_3", "sec_1", "art_1",
        "art_2__para_1", "art_2__para_2", "art_2__para_2__point_1", "art_2__para_2__point_2", "art_2__para_3",
        "sec_2", "art_3", "art_3__point_1", "art_3__point_2"]
    assert source.document.title.text("ru") == "КОНСТИТУЦИЯ ТЕСТОВОЙ РЕСПУБЛИКИ"  # without ПРОЕКТ
    assert source.section(2).title.text("kk") == "Қорытынды сынақ ережелері"
    assert source.article(2).clauses[1].text("en") == "the second clause starts in lower case and lists:"
    assert {unit.texts.status("en") for unit in source.units()} == {"official"}  # the default --status


# --- heading, clause and point recognition ----------------------------------------------------

HEADINGS = [
    ("kk", "I бөлім Жалпы ережелер 1-бап Мәтін."),
    ("kk", "I-бөлім Жалпы ережелер 1-бап Мәтін."),
    ("kk", "1-бөлім Жалпы ережелер 1-бап Мәтін."),
    ("kk", "І бөлім\nЖалпы ережелер\n1-бап\nМәтін."),  # Cyrillic І for Roman I
    ("ru", "Раздел I Общие положения Статья 1 Текст."),
    ("ru", "РАЗДЕЛ I\nОбщие положения\nСтатья 1.\nТекст."),
    ("en", "Section I General provisions Article 1 Text."),
    ("en", "Section I.\nGeneral provisions\nArticle 1.\nText."),
]


@pytest.mark.parametrize("lang, text", HEADINGS, ids=[f"{lang}: {text[:14]}" for lang, text in HEADINGS])
def test_section_and_article_headings(lang, text):
    reading, problems = read_text(text, lang, "x.txt")
    assert not problems
    assert list(reading.sections) == [1] and reading.text(reading.sections[1]).split()[0] in (
        "Жалпы", "Общие", "General")
    assert list(reading.articles) == [1] and reading.text(reading.articles[1]) in ("Мәтін.", "Текст.", "Text.")
    assert reading.articles[1].section == 1


RUN_ON, LINES = "Section I Title Article 2 ", "Section I\nTitle\nArticle 2\n"
CLAUSES = [
    ("run-on, glued numbers", RUN_ON + "1.One. 2.two, lower case. 3.Three.", [1, 2, 3], "two, lower case."),
    ("lines", LINES + "1. One.\n2. two, lower case.\n3. Three.", [1, 2, 3], "two, lower case."),
    ("run-on, a number in the text", RUN_ON + "1.One is 5. Two. 2.two, lower case.", [1, 2], "two, lower case."),
    ("lines, a gap", LINES + "1. One.\n3. Three.", [1, 3], None),
    ("run-on, a gap is text", RUN_ON + "1.One. 3.Three.", [1], None),
    ("lines, a number mid-line", LINES + "1. One, as 2. says.\n2. two, lower case.", [1, 2], "two, lower case."),
    ("lines, a clause on two lines", LINES + "1. One,\ngoing on.\n2. two, lower case.", [1, 2], "two, lower case."),
]


@pytest.mark.parametrize("name, text, numbers, second", CLAUSES, ids=[case[0] for case in CLAUSES])
def test_clauses(name, text, numbers, second):
    reading, _ = read_text(text, "en", "x.txt")
    assert reading.layout == name.split(",")[0]
    clauses = reading.articles[2].clauses
    assert list(clauses) == numbers
    if second:
        assert reading.text(clauses[2]) == second
    if "two lines" in name:
        assert reading.text(clauses[1]) == "One,\ngoing on."  # a line break inside a clause is kept


def test_points_in_clause_and_article():
    reading, _ = read_text("Section I T Article 1 Lists: 1) a; 2) b. Article 2 1.Has: 1) c; 2) d. 2.End.", "en", "x")
    first, second = reading.articles[1], reading.articles[2]
    assert reading.text(first) == "Lists:" and [reading.text(p) for p in first.points.values()] == ["a;", "b."]
    assert [reading.text(p) for p in second.clauses[1].points.values()] == ["c;", "d."]
    assert reading.text(second.clauses[2]) == "End."


def test_prose_before_the_title_is_not_the_document():
    reading, _ = read_text("News: it has Section 11 and Article 95. Project CONSTITUTION OF X We, the people, "
                           "Adopting it. Section I T Article 1 Text.", "en", "x.txt")
    assert reading.title == "CONSTITUTION OF X"
    assert list(reading.articles) == [1]
    assert reading.recitals == ["We, the people,", "Adopting it."]


# --- bad input ----------------------------------------------------------------------------------

BAD = [
    ("no-article", (IMPORT / "no-article.txt").read_bytes(), "no article heading (like 'Article 2') found"),
    ("empty", b"", "no article heading"),
    ("not-utf8", b"Article 1 \xff\xfe", "not UTF-8 text (byte 0xff)"),
    ("binary", b"Article 1 Text\x00\x01", "binary data (NUL byte)"),
]


@pytest.mark.parametrize("name, data, message", BAD, ids=[case[0] for case in BAD])
def test_bad_input_is_one_line_and_exit_1_and_nothing_written(tmp_path, name, data, message):
    given = tmp_path / "en.txt"
    given.write_bytes(data)
    out = tmp_path / "out"
    result = run_import("--en", given, "--out", out)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"{given}:1: -: en: ") and message in lines[0], result.stderr
    assert lines[1] == "1 problem(s); nothing was written"
    assert not out.exists()


def test_a_failed_import_leaves_the_output_as_it_was(tmp_path):
    out = tmp_path / "out"
    assert import_three("lines", out).returncode == 0
    before = source_files(out)
    result = run_import("--en", IMPORT / "no-article.txt", "--out", out)
    assert result.returncode == 1 and source_files(out) == before


def test_import_replaces_stale_articles_and_keeps_other_files(tmp_path):
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "009.yaml").write_text("id: art_9\n")
    (out / "README.md").write_text("kept\n")
    assert run_import("--en", SEED, "--out", out).returncode == 0
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["001.yaml", "002.yaml"]
    assert (out / "README.md").read_text() == "kept\n"


@pytest.mark.parametrize("args, message", [
    ((), "give at least one of --kk, --ru, --en"),
    (("--en", SEED, "--keep", "en"), "--keep en is also imported"),
], ids=["no-language", "keep-and-import"])
def test_usage_errors(tmp_path, args, message):
    result = run_import(*args, "--out", tmp_path / "out")
    assert result.returncode == 2 and message in result.stderr
