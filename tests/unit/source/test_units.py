"""Format version 2's units: tests/data/units holds every kind, and Source.units() yields each
once, in reading order, with its id, kind, number, owner and place in its article."""

from constitution.core import ids
from constitution.source import validate
from constitution.source.model import LEGAL_KINDS, UNIT_KINDS

# (kind, id, number, parent) in the order a reader meets them
EXPECTED = [
    ("title", "title", None, None),
    ("recital", "preamble__rec_1", 1, "preamble"),
    ("recital", "preamble__rec_2", 2, "preamble"),
    ("note", "preamble__rec_2__note_1", 1, "preamble__rec_2"),
    ("section", "sec_1", 1, None),
    ("note", "sec_1__note_1", 1, "sec_1"),
    ("heading", "art_1__hdg", None, "art_1"),
    ("note", "art_1__note_1", 1, "art_1"),
    ("article", "art_1", 1, None),
    ("subparagraph", "art_1__subpara_2", 2, "art_1"),
    ("subparagraph", "art_1__subpara_3", 3, "art_1"),
    ("section", "sec_2", 2, None),
    ("chapter", "sec_2__chp_1", 1, None),
    ("heading", "art_2__hdg", None, "art_2"),
    ("clause", "art_2__para_1", 1, "art_2"),
    ("clause", "art_2__para_1-1", "1-1", "art_2"),
    ("clause", "art_2__para_2", 2, "art_2"),
    ("point", "art_2__para_2__point_1", 1, "art_2__para_2"),
    ("point", "art_2__para_2__point_1-1", "1-1", "art_2__para_2"),
    ("point", "art_2__para_2__point_2", 2, "art_2__para_2"),
    ("wrapup", "art_2__para_2__wrapup", None, "art_2__para_2"),
    ("note", "art_2__para_2__note_1", 1, "art_2__para_2"),
    ("clause", "art_2__para_3", 3, "art_2"),
    ("subparagraph", "art_2__para_3__subpara_2", 2, "art_2__para_3"),
    ("note", "art_2__para_3__subpara_2__note_1", 1, "art_2__para_3__subpara_2"),
    ("article", "art_2-1", "2-1", None),
    ("point", "art_2-1__point_a", "a", "art_2-1"),
    ("subparagraph", "art_2-1__point_a__subpara_2", 2, "art_2-1__point_a"),
    ("point", "art_2-1__point_b", "b", "art_2-1"),
    ("note", "art_2-1__point_b__note_1", 1, "art_2-1__point_b"),
    ("point", "art_2-1__point_c", "c", "art_2-1"),
    ("chapter", "sec_2__chp_2", 2, None),
    ("note", "sec_2__chp_2__note_1", 1, "sec_2__chp_2"),
    ("clause", "art_3__para_1", 1, "art_3"),
    ("point", "art_3__para_1__point_1", 1, "art_3__para_1"),
    ("point", "art_3__para_1__point_2", 2, "art_3__para_1"),
    ("wrapup", "art_3__para_1__wrapup", None, "art_3__para_1"),
    ("note", "art_3__para_1__wrapup__note_1", 1, "art_3__para_1__wrapup"),
]


def test_units_fixture_is_valid_and_yields_every_unit_in_reading_order(units_source):
    assert [p for p in validate.problems(units_source) if p.severity == "error"] == []
    source = validate.checked_source(units_source)
    found = [(u.kind, u.id, u.number, u.parent) for u in source.units()]
    assert found == EXPECTED
    assert {kind for kind, *_ in found} == set(UNIT_KINDS)
    assert set(LEGAL_KINDS) == set(UNIT_KINDS) - {"note"}


def test_units_know_their_article_chapter_and_trail(units_source):
    units = {u.id: u for u in validate.checked_source(units_source).units()}
    part = units["art_2__para_3__subpara_2__note_1"]
    assert (part.article, part.section, part.chapter) == (2, 2, 1)
    assert part.trail == (("clause", 3), ("subparagraph", 2), ("note", 1))
    assert units["art_2-1__point_a__subpara_2"].trail == (("point", "a"), ("subparagraph", 2))
    assert (units["art_3__para_1"].chapter, units["art_1"].chapter) == (2, None)


def test_articles_sort_by_number_with_suffixes(units_source):
    source = validate.checked_source(units_source)
    assert [a.number for a in source.articles] == [1, 2, "2-1", 3]
    assert source.article("2-1").id == "art_2-1"


def test_ids_of_the_new_units():
    assert ids.subparagraph_id(ids.clause_id(60, 4), 2) == "art_60__para_4__subpara_2"
    assert ids.wrap_up_id("art_5__para_2") == "art_5__para_2__wrapup"
    assert ids.note_id("art_2", 1) == "art_2__note_1"
    assert ids.heading_id("art_7") == "art_7__hdg"
    assert ids.chapter_id("sec_2", 3) == "sec_2__chp_3"
    assert ids.akn_eid("sec_2__chp_3") == "sec_II__chp_3"
    assert ids.point_id(ids.article_id("26-1"), ids.letter(2)) == "art_26-1__point_b"
    assert ids.akn_eid("sec_1__note_1") == "sec_I__note_1"
    assert ids.akn_eid("sec_12") == "sec_XII"
    assert [ids.number_key(n) for n in (3, "3-1", "3-1-2", "c")] == [(3,), (3, 1), (3, 1, 2), (3,)]


def test_save_writes_the_units_fixture_back_byte_for_byte(units_source):
    from constitution.source import save

    header = "# Fixture source for tests: synthetic text, not legal text.\n"
    for relative, text in save.source_files(validate.checked_source(units_source)).items():
        assert header + text == (units_source / relative).read_text(encoding="utf-8"), relative
