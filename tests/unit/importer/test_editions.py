"""`import … --date D [--kind K] [--current] --out DIR` into a source of several editions: it adds
the edition or replaces the one of its id, lists it in editions.yaml in date order, keeps the
others as they are, and writes nothing on an error (run in this process through cli.main)."""

import shutil

import pytest

from constitution import cli
from constitution.source import ui, validate
from constitution.source.model import EDITION_KINDS
from tests.helpers import DATA, RICH

LINES = DATA / "import" / "lines"
THREE = [f"--{lang}={LINES / f'{lang}.txt'}" for lang in ("kk", "ru", "en")]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """tests/data/rich with the editions' strings in its ui.yaml (an edition of several needs them)."""
    folder = tmp_path_factory.mktemp("template") / "rich"
    shutil.copytree(RICH, folder)
    shutil.copyfile(DATA / "editions" / "editions" / "2026-01-30" / "ui.yaml", folder / "ui.yaml")
    return folder


def run(template, out, *options):
    return cli.main(["import", *THREE, f"--template={template}", f"--out={out}", *options])


def listing(out):
    editions = validate.checked_editions(out)
    return [(e.id, e.date.isoformat(), e.kind) for e in editions.editions], editions.current_id


def tree(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_the_kinds_of_the_command_are_the_formats():
    assert cli.EDITION_KINDS == EDITION_KINDS


def test_a_first_edition_makes_the_list_and_is_current(template, tmp_path, capsys):
    out = tmp_path / "src"
    assert run(template, out, "--date=2026-02-12", "--kind=final draft") == 0
    assert listing(out) == ([("2026-02-12", "2026-02-12", "final draft")], "2026-02-12")
    assert sorted(p.name for p in (out / "editions" / "2026-02-12").iterdir()) == [
        "articles", "document.yaml", "preamble.yaml", "ui.yaml"]
    assert "wrote " + str(out / "editions" / "2026-02-12") in capsys.readouterr().out


def test_editions_are_listed_by_date_and_current_only_when_asked(template, tmp_path):
    out = tmp_path / "src"
    assert run(template, out, "--date=2026-02-12", "--kind=final draft") == 0
    assert run(template, out, "--date=2026-01-30", "--kind=draft") == 0  # an earlier one goes first
    assert listing(out) == ([("2026-01-30", "2026-01-30", "draft"), ("2026-02-12", "2026-02-12", "final draft")],
                            "2026-02-12")
    assert run(template, out, "--date=2026-03-15", "--kind=adopted", "--current") == 0
    assert listing(out)[1] == "2026-03-15"


def test_an_edition_of_the_same_id_is_replaced_its_kind_kept_the_others_untouched(template, tmp_path):
    out = tmp_path / "src"
    assert run(template, out, "--date=2026-01-30", "--kind=draft") == 0
    assert run(template, out, "--date=2026-02-12", "--kind=final draft") == 0
    first = tree(out / "editions" / "2026-01-30")
    stale = out / "editions" / "2026-02-12" / "articles" / "009.yaml"
    shutil.copy(out / "editions" / "2026-02-12" / "articles" / "001.yaml", stale)  # not in the new text
    assert run(template, out, "--date=2026-02-12", "--edition=Renamed") == 0
    assert not stale.exists()
    assert tree(out / "editions" / "2026-01-30") == first
    editions = validate.checked_editions(out)
    assert [(e.id, e.kind, e.name.en) for e in editions.editions][1] == ("2026-02-12", "final draft", "Renamed")


@pytest.mark.parametrize("options, line", [
    (("--date=2026-02-12",), "editions.yaml:1: 2026-02-12: -: edition '2026-02-12' is new here: give its --kind"),
    (("--date=2026-01-30", "--kind=draft", "--edition-id=../../x"),
     "editions.yaml:1: '../../x': -: edition id may hold only letters"),
], ids=["new-without-kind", "bad-id"])
def test_an_error_writes_nothing(template, tmp_path, capsys, options, line):
    out = tmp_path / "src"
    assert run(template, out, "--date=2026-02-01", "--kind=draft") == 0
    before = tree(out)
    capsys.readouterr()
    assert run(template, out, *options) == 1
    assert line in capsys.readouterr().err
    assert tree(out) == before


def test_an_edition_needs_its_date_or_id(template, tmp_path, capsys):
    assert run(template, tmp_path / "src", "--kind=draft") == 2
    assert "needs its --date" in capsys.readouterr().err
    assert not (tmp_path / "src").exists()


def test_a_one_edition_folder_is_not_turned_into_a_list(template, tmp_path, capsys):
    out = tmp_path / "src"
    shutil.copytree(RICH, out)
    before = tree(out)
    assert run(template, out, "--date=2026-02-12", "--kind=draft") == 1
    assert "document.yaml:1: -: -: beside editions.yaml" in capsys.readouterr().err
    assert tree(out) == before


def test_an_import_writes_the_review_file_of_the_later_editions(template, tmp_path):
    out = tmp_path / "src"
    assert run(template, out, "--date=2026-01-30", "--kind=draft") == 0
    assert not list(out.rglob("correspondence.yaml"))  # the first edition follows none
    assert run(template, out, "--date=2026-02-12", "--kind=final draft") == 0
    text = (out / "editions" / "2026-02-12" / "correspondence.yaml").read_text(encoding="utf-8")
    assert "{id: art_2__para_1, status: unchanged, previous: art_2__para_1, by: number}" in text
    assert cli.main(["editions", f"--source={out}", "--check"]) == 0


def test_a_template_without_the_editions_strings_is_one_line(tmp_path, capsys):
    out = tmp_path / "src"
    assert run(RICH, out, "--date=2026-01-30", "--kind=draft") == 1
    absent = len(ui.EDITION_KEYS)  # the rich fixture, one edition, holds none of them
    assert f"editions/2026-01-30/ui.yaml:1: edition_notice: -: {absent} of the editions' strings absent" in \
        capsys.readouterr().err
    assert not out.exists()
