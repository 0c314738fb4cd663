"""`python -m constitution import`: the seed round trip, three small texts in both layouts, and
bad input (the reading itself, in this process: tests/unit/importer/test_import.py)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from constitution.core import ids, languages
from constitution.source import validate
from tests.helpers import DATA, PUBLISHED_EN, RICH, ROOT, SEED, TRANSLATIONS, published

IMPORT = DATA / "import"


def run_import(*args):
    return subprocess.run([sys.executable, "-m", "constitution", "import", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def texts(source, lang):
    return {unit.id: unit.texts.text(lang) for unit in source.units()}


def source_files(directory):
    return {path.relative_to(directory).as_posix(): path.read_bytes()
            for path in sorted(directory.rglob("*.yaml"))}


# --- the seed ----------------------------------------------------------------------------
# The published English as committed (translations/published/en.txt), and the seed itself
# (the same document within a news article) where ../shared is present.

@pytest.fixture(scope="module", params=["published", "seed"])
def published_text(request) -> Path:
    if request.param == "seed" and not SEED.is_file():
        pytest.skip(f"{SEED} is absent (a clone without ../shared)")
    return {"published": PUBLISHED_EN, "seed": SEED}[request.param]


@pytest.fixture(scope="module")
def seed_import(tmp_path_factory, published_text):
    out = tmp_path_factory.mktemp("seed") / "source"
    result = run_import("--en", published_text, "--status", "unofficial", "--out", out)
    assert result.returncode == 0, result.stderr
    return out, result


def test_seed_english_equals_committed_english(seed_import):
    out, _ = seed_import
    imported, committed = validate.checked_source(out), validate.checked_source(TRANSLATIONS)
    assert texts(imported, "en") == texts(committed, "en")
    found = [unit.id for unit in imported.units()]
    assert found == [ids.TITLE_ID, *(ids.recital_id(n) for n in range(1, 13)), "sec_1", "art_1",
                     *(ids.clause_id(2, n) for n in range(1, 7))]
    assert texts(imported, "en")["art_2__para_3"].startswith("the administrative-territorial")  # kept lowercase
    assert {unit.texts.status("en") for unit in imported.units()} == {"unofficial"}
    assert {unit.texts.status("kk") for unit in imported.units()} == {"missing"}


def test_seed_import_reports_the_languages_not_given(seed_import):
    _, result = seed_import
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all("every" in line and "written as missing" in line for line in lines)
    assert [line.split(": ")[2] for line in lines] == ["kk", "ru"]


def test_seed_with_kept_translations_rewrites_translations_byte_for_byte(tmp_path, published_text):
    out = tmp_path / "source"
    result = run_import("--en", published_text, "--status", "unofficial", "--keep", "kk", "ru", "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert source_files(out) == source_files(TRANSLATIONS)


# --- three small texts, one per language, in both layouts ---------------------------------

def import_three(layout, out, *extra):
    given = [arg for lang in languages.LANGUAGES for arg in (f"--{lang}", IMPORT / layout / f"{lang}.txt")]
    return run_import(*given, "--template", RICH, "--out", out, *extra)


@pytest.mark.parametrize("layout", ["lines", "run-on"])
def test_clause_lacking_in_russian_is_missing_reported_and_validated(tmp_path, layout):
    out = tmp_path / "source"
    result = import_three(layout, out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert [line for line in result.stdout.splitlines() if ": warning: " in line and not line.startswith("written")] == [
        f"tests/data/import/{layout}/ru.txt:{14 if layout == 'lines' else 1}: art_2__para_3: ru: "
        "warning: not in this text: written as missing"]
    # the validator's warnings about what was written are printed too
    assert [line for line in result.stdout.splitlines() if line.startswith("written: ")] == [
        f"written: {out / 'articles/002.yaml'}:56: art_2__para_3: ru: warning: no text yet (status: missing)"]
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


# --- bad input ----------------------------------------------------------------------------------

BAD = [
    ("no-article-no-preamble", b"A line of prose.\nAnother line.\n", "no article heading (like 'Article 2') found"),
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
    result = run_import("--en", IMPORT / "empty.txt", "--out", out)
    assert result.returncode == 1 and source_files(out) == before


def test_import_replaces_stale_articles_and_keeps_other_files(tmp_path):
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "009.yaml").write_text("id: art_9\n")
    (out / "README.md").write_text("kept\n")
    assert run_import("--en", PUBLISHED_EN, "--out", out).returncode == 0
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["001.yaml", "002.yaml"]
    assert (out / "README.md").read_text() == "kept\n"


@pytest.mark.parametrize("args, message", [
    ((), "give at least one of --kk, --ru, --en"),
    (("--en", PUBLISHED_EN, "--keep", "en"), "--keep en is also imported"),
], ids=["no-language", "keep-and-import"])
def test_usage_errors(tmp_path, args, message):
    result = run_import(*args, "--out", tmp_path / "out")
    assert result.returncode == 2 and message in result.stderr


# --- the full-size synthetic text, all three languages at once ----------------------------------

@pytest.fixture(scope="module")
def full_source(tmp_path_factory):
    return published.write_full(tmp_path_factory.mktemp("full") / "source")


FURNITURE = {"pdf": "removed", "pdf-layout": "removed", "crlf": "normalised", "cr": "normalised", "bom": "normalised"}


@pytest.mark.parametrize("layout, style", [(layout, index % 4) for index, layout in enumerate(published.LAYOUTS)],
                         ids=list(published.LAYOUTS))
def test_full_size_text_imports_to_the_same_source_with_an_empty_report(tmp_path, full_source, layout, style):
    """Exit 0 under --strict; the report lists nothing but what the layout itself needs (a PDF's
    page furniture removed, line ends and byte order marks made plain), never a warning."""
    source = validate.checked_source(full_source)
    given = []
    for lang in languages.LANGUAGES:
        path = tmp_path / f"{lang}.txt"
        path.write_text(published.render(source, lang, layout, style), encoding="utf-8", newline="")
        given += [f"--{lang}", path]
    out = tmp_path / "out"
    result = run_import(*given, "--template", full_source, "--status", "unofficial", "--strict", "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    counts, reported_kinds = lines[0].split("; ")
    assert counts == ("import report: 36 recital(s), 33 section(s), 288 article(s), "
                      f"{3 * sum(len(a.clauses) for a in source.articles)} clause(s), "
                      f"{3 * sum(len(u.points) for a in source.articles for u in (a, *a.clauses))} point(s)")
    kind = FURNITURE.get(layout)
    reported = lines[1:-1]
    if kind is None:
        assert reported_kinds == "nothing to report" and reported == []
    else:
        assert re.fullmatch(rf"\d+ {kind}", reported_kinds), reported_kinds
        assert reported and all(f": {kind}: " in line for line in reported), reported
    assert lines[-1].startswith(f"wrote {out}")
    assert result.stderr == ""
    imported = validate.checked_source(out)
    for lang in languages.LANGUAGES:
        assert texts(imported, lang) == texts(source, lang)


# --- the new units, --strict, --keep, the edition, partial texts -------------------------------

CASES = IMPORT / "cases"

NEW_UNITS = [
    ("notes.ru", 1, ["art_1__note_1", "art_1__para_1", "art_1__para_1__note_1", "art_1__para_2"]),
    ("suffix-and-letters.ru", "26-1", ["art_26-1__para_1", "art_26-1__para_1__point_1",
                                       "art_26-1__para_1__point_1-1", "art_26-1__para_1__point_2",
                                       "art_26-1__para_2", "art_26-1__para_2-1"]),
    ("suffix-and-letters.ru", 27, ["art_27", "art_27__point_a", "art_27__point_b"]),
    ("unnumbered-parts.ru", 2, ["art_2__para_1", "art_2__para_1__subpara_2", "art_2__para_1__subpara_3",
                                "art_2__para_2"]),
    ("closing-text.en", 1, ["art_1__para_1", "art_1__para_1__point_1", "art_1__para_1__point_2",
                            "art_1__para_1__wrapup", "art_1__para_2"]),
    ("article-title.ru", 2, ["art_2__hdg", "art_2__para_1"]),
]


def ids_in(text: str) -> list[str]:
    return [line.split("id: ", 1)[1] for line in text.splitlines() if "id: " in line]


@pytest.mark.parametrize("name, article, expected", NEW_UNITS, ids=[f"{case[0]}-{case[1]}" for case in NEW_UNITS])
def test_new_units_are_written_with_their_ids(tmp_path, name, article, expected):
    lang = name.rsplit(".", 1)[1]
    out = tmp_path / "out"
    result = run_import(f"--{lang}", CASES / f"{name}.txt", "--template", RICH, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    source = validate.checked_source(out)
    units = [unit.id for unit in source.units() if unit.article == article]
    assert sorted(units) == sorted(expected)
    heading = next((unit for unit in source.units() if unit.id.endswith("__hdg") and unit.article == article), None)
    if heading:
        assert heading.texts.text("ru") == "Обязанности образца"


def test_chapters_are_written_in_their_sections(tmp_path):
    out = tmp_path / "out"
    assert run_import("--ru", CASES / "ru-heading-forms.ru.txt", "--template", RICH, "--out", out).returncode == 0
    sections = validate.checked_source(out).document.sections
    assert [[(chapter.id, chapter.title.text("ru"), chapter.articles) for chapter in s.chapters] for s in sections] \
        == [[("sec_1__chp_1", "Начальная глава", [1])], [("sec_2__chp_2", "Конечная глава", [2])]]


@pytest.mark.parametrize("name, lines", [
    ("reference-line.ru", ["tests/data/import/cases/reference-line.ru.txt:8: -: ru: warning: 'Статья 40 Конституции"]),
    ("gaps.en", ["tests/data/import/cases/gaps.en.txt:8: -: en: warning: article 4 follows article 1",
                 "tests/data/import/cases/gaps.en.txt:10: -: en: warning: section III follows section I"]),
    ("wrapped-point.ru", ["tests/data/import/cases/wrapped-point.ru.txt:9: -: ru: warning: '17) статьи 6"]),
    ("reference-wrapped.en", ["tests/data/import/cases/reference-wrapped.en.txt:8: -: en: warning: 'Article 175."]),
], ids=["reference", "gaps", "wrapped-point", "reference-wrapped"])
def test_strict_fails_on_each_warning_with_its_line_and_writes_nothing(tmp_path, name, lines):
    lang = name.rsplit(".", 1)[1]
    out = tmp_path / "out"
    result = run_import(f"--{lang}", CASES / f"{name}.txt", "--template", RICH, "--strict", "--out", out)
    assert result.returncode == 1
    warned = [line for line in result.stdout.splitlines() if ": warning: " in line and not line.startswith("written")]
    assert len(warned) == len(lines) and all(line.startswith(start) for line, start in zip(warned, lines))
    assert result.stderr.splitlines()[-1].endswith("warning(s) and --strict: nothing was written")
    assert not out.exists()
    assert run_import(f"--{lang}", CASES / f"{name}.txt", "--template", RICH, "--out", out).returncode == 0


def test_strict_fails_on_a_unit_one_language_lacks(tmp_path):
    out = tmp_path / "out"
    result = import_three("lines", out, "--strict")
    assert result.returncode == 1
    assert "tests/data/import/lines/ru.txt:14: art_2__para_3: ru: warning: not in this text: written as missing" \
        in result.stdout.splitlines()
    assert result.stderr.splitlines()[-1].endswith("warning(s) and --strict: nothing was written")
    assert not out.exists()


def test_keep_names_each_template_unit_it_cannot_keep(tmp_path):
    out = tmp_path / "out"
    result = run_import("--en", CASES / "gaps.en.txt", "--keep", "kk", "ru", "--out", out)
    assert result.returncode == 0
    lost = [line for line in result.stdout.splitlines() if "--keep cannot keep it" in line]
    written = {unit.id for unit in validate.checked_source(out).units()}
    absent = [unit.id for unit in validate.checked_source(TRANSLATIONS).units() if unit.id not in written]
    assert absent and len(lost) == len(absent)
    assert f"{out}:1: art_2__para_1: kk,ru: warning: the template's unit is not in the imported text: " \
           "--keep cannot keep it" in lost


def test_edition_data_comes_from_the_options(tmp_path):
    from constitution.core import catalogue

    out = tmp_path / "out"
    result = run_import("--ru", CASES / "notes.ru.txt", "--template", RICH, "--out", out, "--edition",
                        "Образцовое издание", "--date", "2026-03-15", "--source-note", "Образцовый источник.")
    assert result.returncode == 0, result.stderr
    document = validate.checked_source(out).document
    assert (document.edition.id, str(document.edition.date)) == ("2026-03-15", "2026-03-15")
    assert document.edition.name.ru == document.edition.name.en == "Образцовое издание"
    assert document.sources.ru.description.kk == "Образцовый источник."
    assert document.sources.en == validate.checked_source(RICH).document.sources.en  # not imported: as it was
    assert catalogue.offline_name(document.edition.id) == "constitution-2026-03-15-offline.zip"
    assert run_import("--ru", CASES / "notes.ru.txt", "--out", out, "--date", "15.03.2026").returncode == 2


def test_alignment_table_names_the_articles_the_languages_count_differently(tmp_path):
    result = import_three("lines", tmp_path / "out")
    start = result.stdout.splitlines().index("alignment: 1 article(s) where the languages disagree in clause or "
                                             "point count")
    assert result.stdout.splitlines()[start + 1:start + 3] == [
        "  article  kk clauses/points  ru clauses/points  en clauses/points",
        "  2        3/2                2/2                3/2"]


@pytest.mark.parametrize("name, message", [
    ("single-article.ru", "no section heading before Article 26: put in the template's section 1"),
    ("preamble-alone.en", "no article in this text: the template's 2 article(s) are written as they were"),
], ids=["one-article", "preamble-alone"])
def test_a_partial_text_imports_into_a_valid_source(tmp_path, name, message):
    lang = name.rsplit(".", 1)[1]
    path = CASES / f"{name}.txt" if (CASES / f"{name}.txt").exists() else IMPORT / "preamble-alone.txt"
    out = tmp_path / "out"
    result = run_import(f"--{lang}", path, "--keep", *languages.others(lang), "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert message in result.stdout
    assert validate.checked_source(out)


def test_from_pdf_reads_a_text_without_form_feeds_as_a_pdfs(tmp_path):
    given = tmp_path / "ru.txt"
    given.write_text((CASES / "pdf-extract.ru.txt").read_text(encoding="utf-8").replace("\f", ""), encoding="utf-8")
    removed = []
    for extra in ([], ["--from-pdf"]):
        result = run_import("--ru", given, "--template", RICH, "--out", tmp_path / "out", *extra)
        assert result.returncode == 0, result.stdout + result.stderr
        removed.append([line.split(": removed: ")[1] for line in result.stdout.splitlines() if ": removed: " in line])
    assert removed == [[], ["running header or footer 'Образцовый текст, неофициальный'",
                            "hyphen at the end of line 9: joined 'набранный'", "page number '1'",
                            "running header or footer 'Образцовый текст, неофициальный'", "page number '2'"]]
    assert validate.checked_source(tmp_path / "out").article(1).clauses[0].text("ru") \
        == "Первый пункт образцовой статьи, набранный в две строки."


# --- a real PDF: typeset with Typst, extracted with poppler's pdftotext -------------------------

@pytest.mark.parametrize("lang, mode", [("en", []), ("en", ["-layout"]), ("ru", ["-layout"]), ("kk", ["-layout"]),
                                        ("ru", ["-nopgbrk"]), ("kk", ["-layout", "-nopgbrk"])],
                         ids=["en", "en-layout", "ru-layout", "kk-layout", "ru-nopgbrk", "kk-layout-nopgbrk"])
def test_text_extracted_from_a_typeset_pdf_reads_back_to_the_same_units(tmp_path, full_source, lang, mode):
    """Headers, page numbers and words the typesetter cut are removed and listed; a line that starts
    with a number in the text (a sentence ending `… 38.` wrapped) stays text, reported. Without
    page breaks (-nopgbrk: no form feed tells it is a PDF's) the text is read so given --from-pdf."""
    import json

    import typst

    from constitution.importer import align, read

    if shutil.which("pdftotext") is None:
        pytest.fail("needs poppler's pdftotext: run `make test` (it installs poppler-utils)", pytrace=False)
    source = validate.checked_source(full_source)
    lines = [line for _, block in published.blocks(source, lang, 0) for line in block]
    pdf = tmp_path / "text.pdf"
    pdf.write_bytes(typst.compile(str(IMPORT / "pdf" / "document.typ"),
                                  sys_inputs={"body": json.dumps(lines), "lang": lang}))
    extracted = tmp_path / f"{lang}.txt"
    subprocess.run(["pdftotext", *mode, str(pdf), str(extracted)], check=True, timeout=60)
    reading, problems = read.read_file(extracted, lang, from_pdf=True if "-nopgbrk" in mode else None)
    assert problems == [] and reading.layout == "pdf"
    imported, _ = align.aligned_source({lang: reading}, source, "unofficial", [])
    assert texts(imported, lang) == texts(source, lang)
    kinds = {entry.kind for entry in reading.entries}
    assert "removed" in kinds and kinds <= {"removed", "normalised", "warning"}
    assert all(re.match(r"'\d+\.", entry.what) for entry in reading.entries if entry.warning)
