"""The machine-readable change list of an edition after the first (changes.json): what the
edition changed against the edition before it, article by article and unit by unit.

Every article and unit that is not unchanged is listed with its status (changed, moved, new),
its predecessor, how it was matched and, where its words changed, each language's word-level
difference as pieces (`equal`, `delete`, `insert`) whose equal and deleted texts give back the
old text and whose equal and inserted ones the new; then the dropped articles and units with
their last text. The figures of each status come first, so a reader sees the whole at once.
"""

from __future__ import annotations

from collections import Counter

from constitution.core import languages
from constitution.editions.correspondence import STATUSES, UNCHANGED, Match, correspond
from constitution.editions.diff import word_diff
from constitution.source.editions import Edition, Editions
from constitution.source.model import Source, Unit

DROPPED = "dropped"


def change_list(editions: Editions, edition: Edition) -> dict:
    """The change list of `edition` (one after the first) against the edition before it."""
    previous = editions.previous(edition)
    found = correspond(previous, edition)
    units_now = {unit.id: unit for unit in edition.source.units()}
    units_then = {unit.id: unit for unit in previous.source.units()}
    return {
        "edition": _edition(edition),
        "previous": _edition(previous),
        "summary": {"articles": _counts(found.articles, found.dropped_articles),
                    "units": _counts(found.units, found.dropped_units)},
        "articles": [_article(match, edition.source, previous.source) for match in found.articles
                     if match.status != UNCHANGED],
        "units": [_unit(match, units_now[match.id], units_then.get(match.previous)) for match in found.units
                  if match.status != UNCHANGED],
        DROPPED: {"articles": [{"id": a, "number": _number(previous.source, a)} for a in found.dropped_articles],
                  "units": [_dropped(units_then[unit_id]) for unit_id in found.dropped_units]},
    }


def _edition(edition: Edition) -> dict:
    return {"id": edition.id, "date": edition.date.isoformat(), "kind": edition.kind,
            "name": edition.name.model_dump()}


def _counts(matches: tuple[Match, ...], dropped: tuple[str, ...]) -> dict[str, int]:
    counts = Counter(match.status for match in matches)
    return {**{status: counts[status] for status in STATUSES}, DROPPED: len(dropped)}


def _number(source: Source, article_id: str):
    return next(article.number for article in source.articles if article.id == article_id)


def _match(match: Match) -> dict:
    return {"id": match.id, "status": match.status, "previous": match.previous, "changed": match.changed,
            "similarity": match.similarity, "by": match.by}


def _article(match: Match, now: Source, then: Source) -> dict:
    numbers = {"number": _number(now, match.id)}
    if match.previous:
        numbers["previous_number"] = _number(then, match.previous)
    return {**_without_none(_match(match)), **numbers}


def _unit(match: Match, unit: Unit, before: Unit | None) -> dict:
    entry = {**_without_none(_match(match)), "kind": unit.kind, "article": unit.article}
    if match.changed or before is None:
        entry["diff"] = {lang: [{"op": piece.op, "text": piece.text} for piece in
                                word_diff(before.texts.text(lang) if before else None, unit.texts.text(lang))]
                         for lang in languages.LANGUAGES}
    return _without_none(entry)


def _dropped(unit: Unit) -> dict:
    return _without_none({"id": unit.id, "kind": unit.kind, "article": unit.article,
                          "text": {lang: unit.texts.text(lang) for lang in languages.LANGUAGES}})


def _without_none(entry: dict) -> dict:
    return {key: value for key, value in entry.items() if value is not None}
