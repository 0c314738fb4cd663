"""The correspondence of the fixture's three editions (tests/data/editions) is exactly what the
fixture holds, unit by unit: renumbered articles (3 -> 4 … 6 -> 7, then 6 -> 5, 7 -> 6), changed,
added and dropped articles and clauses, and a clause rewritten whole that a hand correction
keeps; the committed review files are what the source gives; the matching stays one-to-one."""

import pytest

from constitution.editions import review
from constitution.editions.correspondence import correspondence, all_correspondences
from constitution.source.model import SameAs
from constitution.source.validate import checked_editions
from tests.helpers import DATA

EDITIONS = DATA / "editions"

# id: status previous [changed], as the fixture was written (tests/data/editions)
FINAL_DRAFT = """
art_1 unchanged art_1
art_2 changed art_2 changed
art_3 new
art_4 moved art_3 changed
art_5 moved art_4
art_6 moved art_5
art_7 moved art_6 changed
--
title unchanged title
preamble__rec_1 unchanged preamble__rec_1
preamble__rec_2 changed preamble__rec_2 changed
sec_1 unchanged sec_1
art_1 unchanged art_1
art_2__para_1 unchanged art_2__para_1
art_2__para_2 changed art_2__para_2 changed
art_3__para_1 new
art_3__para_2 new
art_4__para_1 moved art_3__para_1
art_4__para_2 moved art_3__para_2 changed
art_4__para_3 new
sec_2 unchanged sec_2
art_5 moved art_4
art_6__para_1 moved art_5__para_1
art_6__para_2 moved art_5__para_2
art_7 moved art_6 changed
"""
ADOPTED = """
art_1 changed art_1 changed
art_2 changed art_2 changed
art_3 unchanged art_3
art_4 changed art_4 changed
art_5 moved art_6
art_6 moved art_7
--
title unchanged title
preamble__rec_1 unchanged preamble__rec_1
preamble__rec_2 unchanged preamble__rec_2
sec_1 unchanged sec_1
art_1 changed art_1 changed
art_2__para_1 unchanged art_2__para_1
art_2__para_2 unchanged art_2__para_2
art_2__para_3 new
art_3__para_1 unchanged art_3__para_1
art_3__para_2 unchanged art_3__para_2
art_4__para_1 unchanged art_4__para_1
art_4__para_2 unchanged art_4__para_2
art_4__para_3 changed art_4__para_3 changed
sec_2 unchanged sec_2
art_5__para_1 moved art_6__para_1
art_5__para_2 moved art_6__para_2
art_6 moved art_7
"""
EXPECTED = {"2026-02-12": (FINAL_DRAFT, ("2026-01-30", (), ("art_2__para_3",))),
            "2026-03-15": (ADOPTED, ("2026-02-12", ("art_5",), ("art_5",)))}


def rows(matches):
    return [" ".join([m.id, m.status] + ([m.previous] if m.previous else []) + (["changed"] if m.changed else []))
            for m in matches]


def expected_rows(table):
    articles, units = table.strip().split("\n--\n")
    return articles.splitlines(), units.splitlines()


@pytest.fixture(scope="module")
def found():
    return {c.edition: c for c in all_correspondences(checked_editions(EDITIONS))}


@pytest.mark.parametrize("edition", EXPECTED)
def test_every_article_and_unit_follows_what_the_fixture_says(found, edition):
    table, (previous, dropped_articles, dropped_units) = EXPECTED[edition]
    articles, units = expected_rows(table)
    got = found[edition]
    assert got.previous == previous
    assert rows(got.articles) == articles
    assert rows(got.units) == units
    assert (got.dropped_articles, got.dropped_units) == (dropped_articles, dropped_units)


def test_the_renumbered_article_is_matched_by_its_words(found):
    article = found["2026-02-12"].article("art_4")  # Article 3 of the draft, after a new Article 3
    assert (article.status, article.previous, article.by) == ("moved", "art_3", "text")
    assert 0.55 <= article.similarity < 1
    clause = found["2026-02-12"].unit("art_4__para_2")
    assert (clause.status, clause.previous, clause.changed) == ("moved", "art_3__para_2", True)


def test_the_hand_correction_keeps_a_clause_rewritten_whole(found):
    clause = found["2026-03-15"].unit("art_4__para_3")
    assert (clause.status, clause.previous, clause.by) == ("changed", "art_4__para_3", "hand")
    assert clause.similarity < 0.2  # its words alone would have made it new


def test_without_the_hand_correction_it_is_new_and_its_predecessor_dropped():
    editions = checked_editions(EDITIONS)
    before, after = editions.edition("2026-02-12"), editions.edition("2026-03-15")
    got = correspondence(before.source, after.source)
    assert got.unit("art_4__para_3").status == "new"
    assert "art_4__para_3" in got.dropped_units


def test_a_correction_can_say_new_and_can_pair_across_articles():
    editions = checked_editions(EDITIONS)
    before, after = editions.edition("2026-01-30"), editions.edition("2026-02-12")
    got = correspondence(before.source, after.source, (SameAs(id="art_2__para_2", same_as=None),
                                                       SameAs(id="art_3__para_1", same_as="art_2__para_3")))
    assert got.unit("art_2__para_2").status == "new"
    assert (got.unit("art_3__para_1").status, got.unit("art_3__para_1").previous) == ("moved", "art_2__para_3")
    assert set(got.dropped_units) == {"art_2__para_2"}


def test_matching_is_one_to_one(found):
    for got in found.values():
        previous = [m.previous for m in got.units if m.previous]
        assert len(previous) == len(set(previous))
        assert not set(previous) & set(got.dropped_units)


def test_an_edition_against_itself_is_unchanged_throughout():
    source = checked_editions(EDITIONS).current.source
    got = correspondence(source, source)
    assert {m.status for m in got.units} | {m.status for m in got.articles} == {"unchanged"}
    assert got.dropped_units == () and got.dropped_articles == ()


def test_the_committed_review_files_are_what_the_source_gives():
    editions = checked_editions(EDITIONS)
    assert review.stale(editions, EDITIONS) == []
    assert sorted(review.review_files(editions)) == ["editions/2026-02-12/correspondence.yaml",
                                                     "editions/2026-03-15/correspondence.yaml"]


def test_the_review_file_has_a_line_per_unit():
    text = (EDITIONS / "editions" / "2026-02-12" / "correspondence.yaml").read_text(encoding="utf-8")
    assert "  - {id: art_4, status: moved, previous: art_3, changed: true, similarity: 0.74, by: text}\n" in text
    assert "  units: [art_2__para_3]\n" in text


def test_the_command_writes_and_checks_the_review_files(tmp_path, capsys):
    import shutil

    from constitution import cli

    source = tmp_path / "editions"
    shutil.copytree(EDITIONS, source)
    assert cli.main(["editions", f"--source={source}", "--check"]) == 0
    (source / "editions" / "2026-03-15" / "same_as.yaml").unlink()  # the rewritten clause is new now
    assert cli.main(["editions", f"--source={source}", "--check"]) == 1
    assert "2026-03-15/correspondence.yaml: not what the source gives" in capsys.readouterr().err
    assert cli.main(["editions", f"--source={source}"]) == 0
    text = (source / "editions" / "2026-03-15" / "correspondence.yaml").read_text(encoding="utf-8")
    assert "{id: art_4__para_3, status: new}" in text
    assert cli.main(["editions", f"--source={source}", "--check"]) == 0


def test_a_correction_of_an_article_decides_its_predecessor():
    editions = checked_editions(EDITIONS)
    before, after = editions.edition("2026-01-30"), editions.edition("2026-02-12")
    got = correspondence(before.source, after.source, (SameAs(id="art_3", same_as="art_3"),))
    assert (got.article("art_3").status, got.article("art_3").by) == ("changed", "hand")
    assert got.article("art_4").status == "new"  # its own predecessor is taken
    got = correspondence(before.source, after.source, (SameAs(id="art_5", same_as=None),))
    assert got.article("art_5").status == "new" and "art_4" in got.dropped_articles


def test_a_correction_between_an_article_with_clauses_and_one_without():
    editions = checked_editions(EDITIONS)
    before, after = editions.edition("2026-02-12"), editions.edition("2026-03-15")
    got = correspondence(before.source, after.source, (SameAs(id="art_6", same_as="art_6"),))  # text <- clauses
    assert (got.article("art_6").status, got.article("art_6").previous, got.article("art_6").by) == (
        "changed", "art_6", "hand")
    text = got.unit("art_6")  # the article's own text still follows its words, in the article dropped now
    assert (text.status, text.previous, text.by) == ("moved", "art_7", "same text")
    assert "art_7" in got.dropped_articles


def test_two_editions_apart_correspond_through_the_one_between():
    from constitution.editions.correspondence import across

    editions = checked_editions(EDITIONS)
    draft, adopted = editions.edition("2026-01-30"), editions.edition("2026-03-15")
    got = across(editions, draft, adopted)
    assert rows(got.articles) == ["art_1 changed art_1 changed", "art_2 changed art_2 changed", "art_3 new",
                                  "art_4 moved art_3 changed", "art_5 unchanged art_5", "art_6 changed art_6 changed"]
    assert (got.dropped_articles, got.dropped_units) == (("art_4",), ("art_2__para_3", "art_4"))
    assert got.unit("art_2__para_3").status == "new"  # the adopted clause 3 is not the draft's, dropped between
    assert got.unit("art_4__para_3").status == "new"  # new in the final draft, kept by hand in the adopted text
    with pytest.raises(ValueError):
        across(editions, adopted, draft)
