"""The benchmark's own parts, without timing anything: the synthetic corpus, the command
lines, the baselines' inputs, the page-weight parsing and the report's tables."""

import argparse
import collections
import re
from pathlib import Path

import pytest
import yaml

from benchmarks import bare, corpus, report, stages, weight
from benchmarks.measure import failure_line
from constitution import cli
from constitution.core import catalogue, languages, paths
from constitution.source import validate
from constitution.source.load import load_source

KAZAKH_LETTERS = set("әғқңөұүһі")


def files(directory):
    return {p.relative_to(directory): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def source96(tmp_path_factory):
    directory = corpus.write(tmp_path_factory.mktemp("corpus") / "source", 96)
    return directory, load_source(directory).source()


@pytest.mark.parametrize("articles", [11, 40], ids=["one-per-section", "40"])
def test_corpus_validates_with_only_missing_text_warnings(tmp_path, capsys, articles):
    directory = corpus.write(tmp_path / "source", articles)
    arguments, run, _ = cli.COMMANDS["validate"]
    parser = argparse.ArgumentParser()
    arguments(parser)
    assert run(parser.parse_args(["--source", str(directory)])) == 0
    *problems, summary = capsys.readouterr().out.splitlines()
    assert problems and all(line.endswith(": warning: no text yet (status: missing)") for line in problems)
    assert summary.endswith(f": 0 error(s), {len(problems)} warning(s)")
    source = load_source(directory).source()
    assert [a.number for a in source.articles] == list(range(1, articles + 1))
    assert len(source.document.sections) == corpus.SECTIONS == source.document.full_text.sections
    assert source.document.full_text.articles == articles


def test_corpus_has_the_shape_of_a_constitution(source96):
    _, source = source96
    assert len(source.preamble.recitals) == corpus.RECITALS
    clause_counts = collections.Counter(len(a.clauses) for a in source.articles)
    assert set(clause_counts) - {0} <= set(range(1, 9)) and len(clause_counts) >= 6
    assert clause_counts[0] > 0, "some articles hold their own text, like Article 1"
    kinds = collections.Counter(u.kind for u in source.units())
    assert kinds["point"] > 0 and kinds["clause"] > 3 * kinds["section"]
    statuses = collections.Counter(u.texts.status(lang) for u in source.units() for lang in languages.LANGUAGES)
    assert set(statuses) == {"unofficial", "missing"} and 0 < statuses["missing"] < statuses["unofficial"] / 20
    assert any("\n" in (u.texts.text("ru") or "") for u in source.units()), "some clauses hold a line break"


def test_corpus_words_are_synthetic(source96):
    _, source = source96
    titles = [source.document.title] + [s.title for s in source.document.sections]
    for title in titles:
        for lang, word in {"kk": "синтетикалық", "ru": "синтетическ", "en": "synthetic"}.items():
            assert word in title.text(lang).lower()
    kazakh = "".join(u.texts.text("kk") or "" for u in source.units())
    assert KAZAKH_LETTERS <= set(kazakh)
    english = "".join(u.texts.text("en") or "" for u in source.units())
    assert not set(english) & set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def test_corpus_is_deterministic(tmp_path):
    first = files(corpus.write(tmp_path / "a", 24))
    assert first == files(corpus.write(tmp_path / "b", 24))
    assert first != files(corpus.write(tmp_path / "c", 24, seed=7))


def test_corpus_needs_an_article_per_section(tmp_path):
    with pytest.raises(ValueError, match="at least 11 articles"):
        corpus.write(tmp_path / "source", 10)


ROWS = [
    report.Row("generate", 96, wall_s=0.5, cpu_s=0.4, runs=3, peak_mib=60),
    report.Row("site", 96, wall_s=20.0, cpu_s=19.0, runs=1, peak_mib=300),
    report.Row(report.MKDOCS_STEP, 96, wall_s=12.0, cpu_s=11.0, runs=1, peak_mib=300),
    report.Row(report.BARE_MKDOCS, 96, wall_s=10.0, cpu_s=9.0, runs=1, peak_mib=200),
    report.Row("pdf", 96, error="Traceback | boom"),
    report.Row("generate", 288, wall_s=1.4, cpu_s=1.1, runs=3, peak_mib=70),
    report.Row("site", 288, wall_s=60.0, cpu_s=58.0, runs=1, peak_mib=500),
    report.Row(report.MKDOCS_STEP, 288, wall_s=50.0, cpu_s=48.0, runs=1, peak_mib=500),
    report.Row(report.BARE_MKDOCS, 288, wall_s=30.0, cpu_s=27.0, runs=1, peak_mib=300),
]


@pytest.mark.parametrize("stage, articles, ratio, cpu_ratio, goal, met", [
    (report.MKDOCS_STEP, 96, 1.2, 11 / 9, "≤ 1.3× bare mkdocs (cpu)", True),
    (report.MKDOCS_STEP, 288, 50 / 30, 48 / 27, "≤ 1.3× bare mkdocs (cpu)", False),
    ("site", 96, 2.0, 19 / 9, "", None),
    ("generate", 96, None, None, "≤ 1 s", True),
    ("generate", 288, None, None, "", None),
    ("pdf", 96, None, None, "≤ 2 s cpu (≥ 8.9× less than the old engine)", None),
], ids=["site-met", "site-missed", "whole-site-command-no-goal", "generate-96", "generate-288-no-goal",
        "failed-no-ratio"])
def test_goals(stage, articles, ratio, cpu_ratio, goal, met):
    row = next(r for r in report.with_goals(ROWS) if r.stage == stage and r.articles == articles)
    assert (row.ratio, row.cpu_ratio) == ((pytest.approx(ratio), pytest.approx(cpu_ratio)) if ratio else (None, None))
    assert (row.goal, row.met) == (goal, met)


@pytest.mark.parametrize("cpu_s, goal, met", [
    (5.0, "≤ 6 s cpu (≥ 8.8× less than the old engine); 10.0× less", True),
    (6.5, "≤ 6 s cpu (≥ 8.8× less than the old engine); 7.7× less", False),
], ids=["met", "missed"])
def test_pdf_goal_beside_the_old_engine(cpu_s, goal, met):
    rows = [report.Row("pdf", 288, wall_s=4.0, cpu_s=cpu_s, runs=1), report.Row(report.OLD_PDF, 288, wall_s=60.0, cpu_s=50.0, runs=1),
            report.Row(report.BARE_PDF, 288, wall_s=2.0, cpu_s=2.5, runs=1)]
    row = report.with_goals(rows)[0]
    assert (row.goal, row.met, row.cpu_ratio) == (goal, met, pytest.approx(cpu_s / 2.5))


def pdf_rows(pdf_cpu: tuple, old_cpu: tuple) -> list[report.Row]:
    """The pdf stage and the old engine at 96 and 288 articles, from their CPU seconds (None: not run)."""
    return [report.Row(stage, articles, wall_s=cpu, cpu_s=cpu, runs=1)
            for stage, pair in (("pdf", pdf_cpu), (report.OLD_PDF, old_cpu))
            for articles, cpu in zip((96, 288), pair) if cpu is not None]


ABSOLUTE_96, ABSOLUTE_288 = "`pdf` at 96 articles ≤ 2 CPU-s", "`pdf` at 288 articles ≤ 6 CPU-s"
BESIDE_96 = "`pdf` at 96 articles ≥ 8.9× less CPU than the old engine in the same run: 2 CPU-s where it took 17.8"
BESIDE_288 = "`pdf` at 288 articles ≥ 8.8× less CPU than the old engine in the same run: 6 CPU-s where it took 53"


@pytest.mark.parametrize("pdf_cpu, old_cpu, expected", [
    ((1.9, 5.9), (17.8, 53.0), {ABSOLUTE_96: True, BESIDE_96: True, ABSOLUTE_288: True, BESIDE_288: True}),
    # a machine twice as slow: the same program's CPU seconds double, the old engine's too
    ((3.8, 11.8), (35.6, 106.0), {ABSOLUTE_96: False, BESIDE_96: True, ABSOLUTE_288: False, BESIDE_288: True}),
    ((2.1, 6.1), (17.8, 53.0), {ABSOLUTE_96: False, BESIDE_96: False, ABSOLUTE_288: False, BESIDE_288: False}),
    ((1.5, 5.0), (None, None), {ABSOLUTE_96: True, BESIDE_96: None, ABSOLUTE_288: True, BESIDE_288: None}),
    ((None, 5.0), (17.8, 53.0), {ABSOLUTE_96: None, BESIDE_96: None, ABSOLUTE_288: True, BESIDE_288: True}),
], ids=["met", "slower-machine", "missed", "old-engine-not-run", "pdf-failed-at-96"])
def test_pdf_goals_in_cpu_seconds_and_beside_the_old_engine(pdf_cpu, old_cpu, expected):
    assert {g.goal: g.met for g in report.pdf_goals(pdf_rows(pdf_cpu, old_cpu))} == expected


def test_pdf_goals_say_the_speedup_measured():
    goals = {g.goal: g.measured for g in report.pdf_goals(pdf_rows((4.0, 12.0), (60.0, 170.0)))}
    assert goals[BESIDE_96] == "15.0× (60.00 s / 4.00 s)" and goals[ABSOLUTE_288] == "12.00 s"
    assert report.goals_table(report.pdf_goals(pdf_rows((4.0, 12.0), (60.0, 170.0))), issue=13).startswith(
        "| goal (issue 13) ")


@pytest.mark.parametrize("stage, wall_ratio, met", [
    ("generate", 1.4 / 0.5, True),
    (report.MKDOCS_STEP, 50 / 12, False),
    ("pdf", None, None),
], ids=["sublinear", "superlinear", "failed"])
def test_growth(stage, wall_ratio, met):
    line = next(g for g in report.growth(ROWS, 96, 288) if g.stage == stage)
    assert line.ratio == pytest.approx(wall_ratio) if wall_ratio else line.ratio is None
    assert line.met is met and line.goal == "linear: ≈ 3.0 (≤ 3.2)"  # issue 12: ≤ 3.2 for every stage


def test_stage_table_renders_every_row_and_failures_in_one_cell():
    lines = report.stage_table(report.with_goals(ROWS)).splitlines()
    assert len(lines) == 2 + len(ROWS) and len({len(line) for line in lines}) == 1
    cells = [[c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines]
    assert [report.MKDOCS_STEP, "96", "12.00", "11.00", "1", "300", "1.20×", "1.22×", "≤ 1.3× bare mkdocs (cpu)",
            "yes"] in cells
    assert ["pdf", "96", "failed: Traceback \\| boom", "—", "—", "—", "—", "—", "≤ 2 s cpu (≥ 8.9× less than the old engine)", "—"] in cells


def test_weight_table_totals():
    table = report.weight_table({"html": [1, 2048], "font": [3, 1024]})
    assert table.splitlines()[-1].split("|")[1:-1] == [" **total** ", " 4     ", " 3072  ", " 3.0 KiB "]


@pytest.mark.parametrize("output, code, line", [
    ("ok\nTraceback...\nValueError: bad thing\n\n", 1, "ValueError: bad thing"),
    ("", 2, "exit status 2"),
    ("partial\n", -9, "killed by signal 9: partial"),
    ("x" * 300, 1, "x" * 157 + "..."),
    ("INFO - a\nERROR   -  Error reading page\nERROR   -  p.md: bad\n\nAborted with a BuildError!\n", 1,
     "ERROR - p.md: bad"),
], ids=["last-line", "silent", "signal", "long", "mkdocs-error"])
def test_failure_line(output, code, line):
    assert failure_line(output, code) == line


def test_offline_writes_its_zip_under_the_name_the_site_lists(tmp_path):
    source = corpus.write(tmp_path / "source", 11)
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, default=paths.SOURCE_DIR)
    parser.add_argument("--out", type=Path, default=None)
    stage = stages.command_line("offline", parser._actions, source, tmp_path)
    assert stage.argv[-1] == str(tmp_path / "offline-out" / catalogue.offline_name(corpus.DATE.isoformat()))
    assert stage.outputs == {"out": tmp_path / "offline-out"}


def test_command_lines_write_only_into_the_work_folder(tmp_path):
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, default=paths.SOURCE_DIR)
    parser.add_argument("--docs", type=Path, default=paths.DOCS_DIR)
    parser.add_argument("--out", type=Path, default=paths.SITE_DIR)
    parser.add_argument("--dist", type=Path, default=None)
    parser.add_argument("--elsewhere", type=Path, default=Path("/opt/elsewhere"))
    parser.add_argument("--strict", action="store_true")
    for command, docs in [("generate", tmp_path / "docs"), ("site", tmp_path / "site-docs")]:
        stage = stages.command_line(command, parser._actions, tmp_path / "src", tmp_path)
        assert stage.argv[3:] == [command, "--source", str(tmp_path / "src"), "--docs", str(docs),
                                  "--out", str(tmp_path / f"{command}-out"), "--dist", str(tmp_path / f"{command}-dist")]
        assert set(stage.outputs) == {"docs", "out", "dist"}


def test_bare_typst_data_holds_every_text_once(data_dir):
    """The bare Typst baseline gets the text as data: every present unit once per language, as is."""
    source = validate.checked_source(data_dir / "rich")
    units = bare.plain_units(source, ("ru",))
    texts = [unit["text"] for unit in units]
    for unit in source.units():
        text = unit.texts.text("ru")
        assert texts.count(text) >= (0 if text is None else 1)
    assert any("<script>alert(1)</script>" in text for text in texts)  # literal, never escaped or markup
    assert {unit["lang"] for unit in units} == {"ru"}
    assert set(bare.documents(source)) == {"bare-kk.pdf", "bare-ru.pdf", "bare-en.pdf", "bare-parallel.pdf"}
    parallel = bare.plain_units(source, languages.LANGUAGES)
    clause = next(unit for unit in source.units() if unit.id == "art_2__para_1")
    assert [unit["lang"] for unit in parallel if unit["text"] in {clause.texts.text(l) for l in languages.LANGUAGES}
            and unit["level"] == 0][:3] == list(languages.LANGUAGES)


def test_bare_mkdocs_takes_only_the_projects_markdown_extensions(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nhooks: [h.py]\nplugins: [i18n]\ntheme: {custom_dir: overrides}\n"
                      "markdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n"
                      "  - pymdownx.emoji:\n      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
                      encoding="utf-8")
    extensions = bare.project_extensions(config)
    assert extensions == ["attr_list", {"toc": {"permalink": True}}, "pymdownx.emoji"]
    text = bare.mkdocs_config(tmp_path / "docs", tmp_path / "site", extensions)
    assert "hooks" not in text and "plugins" not in text and "custom_dir" not in text and "nav" not in text
    (tmp_path / "site.yml").write_text("languages:\n  ru:\n    nav:\n    - Главная: index.md\n", encoding="utf-8")
    assert bare.generated_nav(tmp_path, "ru") == [{"Главная": "index.md"}]
    assert bare.generated_nav(tmp_path, "en") is None
    config = yaml.safe_load(bare.mkdocs_config(tmp_path / "ru", tmp_path / "site", extensions, "ru",
                                               bare.generated_nav(tmp_path, "ru")))
    assert config["nav"] == [{"Главная": "index.md"}] and config["theme"] == {"name": "material", "language": "ru"}


def test_static_weight_follows_stylesheets_to_fonts(tmp_path):
    site = tmp_path / "site"
    (site / "en" / "art").mkdir(parents=True)
    (site / "assets").mkdir()
    css = "@font-face{src:url('f.woff2')}\nb{background:url(data:x)}"
    (site / "assets" / "a.css").write_text(css)
    (site / "assets" / "f.woff2").write_bytes(b"0" * 100)
    (site / "assets" / "a.js").write_bytes(b"1" * 10)
    page = site / "en" / "art" / "index.html"
    page.write_text('<link rel="stylesheet" href="../../assets/a.css"><script src="../../assets/a.js"></script>'
                    '<p id="art_1">x</p><link rel="stylesheet" href="https://cdn.example/x.css">')
    (site / "en" / "all.html").write_text('<p id="art_1">x</p>' + "y" * 500)
    assert weight.pages_by_id(site)[("en", "art_1")] == page
    found = weight.static_weight(site, page)
    assert found["kinds"] == {"html": [1, page.stat().st_size], "css": [1, len(css)], "font": [1, 100], "js": [1, 10]}
    assert found["external"] == ["https://cdn.example/x.css"] and found["missing"] == []
    page.write_text(page.read_text() + '<script src="../../assets/gone.js"></script>')
    assert weight.static_weight(site, page)["missing"] == ["assets/gone.js"]


def test_html_parts_measures_the_layout_elements():
    header = b'<header class="md-header">hh</header>'
    nav = b'<nav class="md-nav md-nav--primary"><ul><li>a</li></ul></nav>'
    content = b'<article class="md-content__inner md-typeset">text</article>'
    page = b"<html><body>" + header + nav + content + b"</body></html>"
    assert weight.html_parts(page) == {"header": len(header), "navigation": len(nav), "content": len(content)}


@pytest.fixture(scope="module")
def editions96(tmp_path_factory):
    directory = corpus.write_editions(tmp_path_factory.mktemp("editions") / "source", 96)
    return directory, validate.checked_editions(directory)


def test_three_edition_corpus_validates_with_only_missing_text_warnings(editions96):
    directory, editions = editions96
    problems = validate.problems(directory)
    assert problems and all(p.severity == "warning" and p.message == "no text yet (status: missing)" for p in problems)
    assert [(e.id, e.kind, len(e.source.articles)) for e in editions.editions] == [
        ("2026-01-30", "draft", 95), ("2026-02-12", "final draft", 96), ("2026-03-15", "adopted", 96)]
    assert editions.current_id == "2026-03-15"


def test_three_edition_corpus_renumbers_from_the_inserted_article(editions96):
    from constitution.editions.correspondence import all_correspondences

    _, editions = editions96
    final, adopted = all_correspondences(editions)
    inserted = 48
    assert [(m.id, m.status) for m in final.articles if m.status == "new"] == [(f"art_{inserted}", "new")]
    for match in final.articles:
        number = int(match.id.removeprefix("art_"))
        if number > inserted:
            assert (match.status, match.previous) == ("moved", f"art_{number - 1}"), match
        elif number < inserted:
            assert match.previous == match.id and match.status in ("unchanged", "changed"), match
    assert final.dropped_articles == () and len(final.dropped_units) == 1
    assert {m.status for m in adopted.articles} <= {"unchanged", "changed"} and adopted.dropped_units == ()
    assert any(m.status == "changed" for m in adopted.units)


def test_three_edition_corpus_is_the_same_bytes_for_the_same_seed(tmp_path):
    first = files(corpus.write_editions(tmp_path / "a", 24))
    assert first == files(corpus.write_editions(tmp_path / "b", 24))
    assert first != files(corpus.write_editions(tmp_path / "c", 24, seed=7))


def test_the_three_edition_rows_run_each_command_on_the_editions_corpus(tmp_path, monkeypatch):
    from benchmarks import run
    from benchmarks.measure import Measurement

    ran = []
    monkeypatch.setattr(run.Size, "measure", lambda self, name, argv, **_: ran.append((name, argv)) or
                        Measurement(1.0, 0.5, 40.0, 1))
    size = run.Size(12, tmp_path / "work", 60)
    run.three_editions(size)
    source = str(tmp_path / "work" / "source-editions")
    assert [(name, argv[3], argv[argv.index("--source") + 1]) for name, argv in ran] == [
        ("validate: three editions", "validate", source), ("export: three editions", "export", source),
        ("editions: three editions", "editions", source), ("site: three editions", "site", source)]
    export_out = ran[1][1][ran[1][1].index("--out") + 1]
    assert export_out.startswith(str(tmp_path / "work"))
    assert [row.stage for row in size.rows] == list(report.EDITIONS_ROWS)
    assert validate.checked_editions(tmp_path / "work" / "source-editions").several


def test_three_editions_need_an_article_more_than_sections(tmp_path):
    from benchmarks import run

    size = run.Size(11, tmp_path / "work", 60)
    run.three_editions(size)
    assert [(row.stage, row.error) for row in size.rows] == [
        (name, "three editions need at least 12 articles: the draft has one less, one per section")
        for name in report.EDITIONS_ROWS]
