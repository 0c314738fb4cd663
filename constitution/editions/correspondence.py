"""The correspondence of a later edition with the edition before it: each unit's predecessor and status.

Articles are renumbered between drafts (a new Article 41 makes the old 41 the new 42), so a
unit is matched by its words as well as by its number: first the hand corrections
(same_as.yaml), then identical texts, then, greedily, the pairs whose similarity (plus a bonus
where the number is the same) reaches MATCH. Articles are matched first, by all their words;
then the units of each matched pair of articles (and of the document outside them: the title,
recitals, section and chapter titles) by kind, place in their article and words; last, a unit
still unmatched may follow a unit of another article whose words it nearly repeats (ELSEWHERE).
Across several editions (`across`), a unit follows what its predecessors followed, edition by
edition, so that any two editions compare as each step between them was matched (and corrected).

Each unit of the later edition is then `new` (no predecessor), `moved` (its id changed:
renumbered, or moved to another article), `changed` (same id, other words) or `unchanged`; a
moved unit whose words changed too says `changed: True`. An article's status is that of its
id and of all its units. The units of the edition before that nothing follows are dropped.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Hashable, Sequence

from constitution.core import languages
from constitution.source.editions import Edition, Editions
from constitution.source.model import Article, SameAs, Source, Unit, article_units

UNCHANGED, CHANGED, MOVED, NEW = "unchanged", "changed", "moved", "new"
STATUSES = (UNCHANGED, CHANGED, MOVED, NEW)
BY_HAND, BY_NUMBER, BY_TEXT, BY_SAME_TEXT = "hand", "number", "text", "same text"
BY_CHAIN = "through the editions between"  # a correspondence across editions (`across`)
MATCH = 0.55  # a pair's score (similarity + SAME_PLACE where its number is the same) to be matched
SAME_PLACE = 0.2
ELSEWHERE = 0.8  # the similarity a unit needs to follow one of another article
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Match:
    """What one unit (or article) of the later edition follows."""

    id: str
    kind: str
    status: str  # one of STATUSES
    previous: str | None = None  # its predecessor's id in the edition before
    changed: bool = False  # its words (or, for an article, any of its units) differ from its predecessor's
    similarity: float | None = None  # of its words to its predecessor's, where matched by them
    by: str | None = None  # how it was matched: hand, same text, number, text


@dataclass(frozen=True)
class Correspondence:
    edition: str
    previous: str
    articles: tuple[Match, ...]  # one per article of the later edition, in order
    units: tuple[Match, ...]  # one per unit of the later edition, in reading order
    dropped_articles: tuple[str, ...]  # articles of the edition before that none follows
    dropped_units: tuple[str, ...]  # units of the edition before that none follows

    def unit(self, unit_id: str) -> Match:
        return next(match for match in self.units if match.id == unit_id)

    def article(self, article_id: str) -> Match:
        return next(match for match in self.articles if match.id == article_id)


def all_correspondences(editions: Editions) -> list[Correspondence]:
    """The correspondence of each edition after the first with the one before it."""
    return [correspond(editions.previous(edition), edition) for edition in editions.editions[1:]]


def correspond(earlier: Edition, later: Edition) -> Correspondence:
    return correspondence(earlier.source, later.source, later.corrections, earlier.id, later.id)


def across(editions: Editions, earlier: Edition, later: Edition,
           steps: dict[str, Correspondence] | None = None) -> Correspondence:
    """The correspondence of `later` with any edition before it: each unit followed back through
    every edition between (`steps`: the correspondences of the later editions, by id, if known)."""
    order = list(editions.editions)
    first, last = order.index(earlier), order.index(later)
    if first >= last:
        raise ValueError(f"edition '{earlier.id}' is not before '{later.id}'")
    chain = [(steps or {}).get(order[k].id) or correspond(order[k - 1], order[k]) for k in range(first + 1, last + 1)]
    if len(chain) == 1:
        return chain[0]
    old_units = {unit.id: unit for unit in earlier.source.units()}

    def back(matches_of, unit_id: str) -> str | None:
        for step in reversed(chain):
            unit_id = matches_of(step).get(unit_id)
            if unit_id is None:
                return None
        return unit_id

    unit_steps = {id(step): {m.id: m.previous for m in step.units} for step in chain}
    article_steps = {id(step): {m.id: m.previous for m in step.articles} for step in chain}
    units = []
    for unit in later.source.units():
        previous = back(lambda step: unit_steps[id(step)], unit.id)
        units.append(_unit_match(unit, None if previous is None else (previous, None, BY_CHAIN), old_units))
    units = tuple(units)
    reached = {match.previous for match in units}
    dropped_units = tuple(unit.id for unit in old_units.values() if unit.id not in reached)
    articles = tuple(_article_match(article, (back(lambda step: article_steps[id(step)], article.id), None, BY_CHAIN),
                                    units, earlier.source, dropped_units) for article in later.source.articles)
    followed = {match.previous for match in articles}
    dropped_articles = tuple(a.id for a in earlier.source.articles if a.id not in followed)
    return Correspondence(later.id, earlier.id, articles, units, dropped_articles, dropped_units)


def correspondence(earlier: Source, later: Source, corrections: Sequence[SameAs] = (),
                   earlier_id: str = "", later_id: str = "") -> Correspondence:
    """Match every unit and article of `later` with `earlier` (see the module's docstring)."""
    hand = {correction.id: correction.same_as for correction in corrections}
    articles = _match_articles(earlier.articles, later.articles, hand)
    new_units, old_units = list(later.units()), list(earlier.units())
    by_article_new = _containers(new_units)
    by_article_old = _containers(old_units)
    old_of = {unit.id: unit for unit in old_units}
    new_of = {unit.id: unit for unit in new_units}
    found: dict[str, tuple[str, float | None, str]] = {}
    # the corrections of units (one of an article with clauses is the article's alone)
    fixed_new = {unit_id: target for unit_id, target in hand.items()
                 if unit_id in new_of and (target is None or target in old_of)}
    for unit_id, target in fixed_new.items():
        if target is not None:
            found[unit_id] = (target, _Similarity()(new_of[unit_id], old_of[target]), BY_HAND)
    taken = {target for target, _, _ in found.values()}
    alike = _Similarity(MATCH - SAME_PLACE)  # below it no pair reaches MATCH
    pairs = [(None, None)] + [(article.number, articles[article.id][0]) for article in later.articles
                              if articles[article.id][0] is not None]
    old_numbers = {article.id: article.number for article in earlier.articles}
    for new_number, old_id in pairs:
        mine = [u for u in by_article_new.get(new_number, []) if u.id not in fixed_new]
        theirs = [u for u in by_article_old.get(old_numbers.get(old_id) if old_id else None, []) if u.id not in taken]
        for kind in dict.fromkeys(unit.kind for unit in mine):
            kinds = [u for u in mine if u.kind == kind]
            matched = _assign(kinds, [u for u in theirs if u.kind == kind], _place, alike, MATCH)
            for position, (other, similarity, by) in matched.items():
                found[kinds[position].id] = (other.id, similarity, by)
                taken.add(other.id)
    # a unit that moved to another article: nearly the same words, anywhere in the edition before
    left = [u for u in new_units if u.id not in found and u.id not in fixed_new]
    rest = [u for u in old_units if u.id not in taken]
    for kind in dict.fromkeys(unit.kind for unit in left):
        kinds = [u for u in left if u.kind == kind]
        matched = _assign(kinds, [u for u in rest if u.kind == kind], lambda unit: None, _Similarity(ELSEWHERE),
                          ELSEWHERE, same_place=0.0)
        for position, (other, similarity, by) in matched.items():
            found[kinds[position].id] = (other.id, similarity, by)
            taken.add(other.id)
    units = tuple(_unit_match(unit, found.get(unit.id), old_of) for unit in new_units)
    dropped_units = tuple(unit.id for unit in old_units if unit.id not in taken)
    article_matches = tuple(_article_match(article, articles[article.id], units, earlier, dropped_units)
                            for article in later.articles)
    followed = {match.previous for match in article_matches}
    dropped_articles = tuple(article.id for article in earlier.articles if article.id not in followed)
    return Correspondence(later_id, earlier_id, article_matches, units, dropped_articles, dropped_units)


def _containers(units: list[Unit]) -> dict:
    """The units of each article (by its number), and those outside every article (None)."""
    out: dict = {}
    for unit in units:
        out.setdefault(unit.article, []).append(unit)
    return out


def _place(unit: Unit) -> Hashable:
    """Where a unit stands in its article (its trail: clause 2, point 1), or outside one, its number."""
    return unit.trail if unit.article is not None else (unit.kind, unit.number)


def _texts(unit: Unit) -> dict[str, tuple]:
    return {lang: (unit.texts.status(lang), unit.texts.text(lang)) for lang in languages.LANGUAGES}


def _words(text: str | None) -> list[str]:
    return WORD.findall((text or "").lower())


class _Similarity:
    """How alike two units' words are, 0 to 1, over the languages both have text in (None: none);
    below `floor` it says 0 without the full comparison (difflib's quick upper bounds first)."""

    def __init__(self, floor: float = 0.0):
        self.floor = floor
        self.cache: dict[tuple, list[str]] = {}  # the units live as long as one correspondence

    def words(self, unit: Unit, common: tuple[str, ...]) -> list[str]:
        key = (id(unit), common)
        if key not in self.cache:
            self.cache[key] = [f"{lang}:{word}" for lang in common for word in _words(unit.texts.text(lang))]
        return self.cache[key]

    def __call__(self, new: Unit | None, old: Unit | None) -> float | None:
        if new is None or old is None:
            return None
        common = tuple(lang for lang in languages.LANGUAGES if new.texts.text(lang) and old.texts.text(lang))
        if not common:
            return None
        matcher = difflib.SequenceMatcher(None, self.words(new, common), self.words(old, common), autojunk=False)
        if matcher.real_quick_ratio() < self.floor or matcher.quick_ratio() < self.floor:
            return 0.0
        return matcher.ratio()


def _assign(new: list, old: list, place: Callable, similarity: Callable, threshold: float,
            same_place: float = SAME_PLACE) -> dict[int, tuple]:
    """Greedy one-to-one matching, as {index in `new`: (item of `old`, similarity, by)}: identical
    texts first, then the best-scoring pairs whose score reaches `threshold`."""
    out: dict[int, tuple] = {}
    used: set[int] = set()
    exact: dict = {}
    for index, item in enumerate(old):
        exact.setdefault(_key(item), []).append(index)
    for position, item in enumerate(new):  # the same words (and statuses): most units of a later draft
        same_words = exact.get(_key(item), [])
        for index in same_words:
            here = place(item) is not None and place(item) == place(old[index])
            if index not in used and (here or len(same_words) == 1):
                out[position] = (old[index], 1.0, BY_NUMBER if here else BY_SAME_TEXT)
                used.add(index)
                break
    candidates = []
    for position, item in enumerate(new):
        if position in out:
            continue
        for index, other in enumerate(old):
            if index in used:
                continue
            value = similarity(item, other)
            same = place(item) is not None and place(item) == place(other)
            score = (value if value is not None else (1.0 if same else 0.0)) + (same_place if same else 0.0)
            if score >= threshold:
                candidates.append((-score, position, index, value, same))
    for _, position, index, value, same in sorted(candidates, key=lambda c: c[:3]):
        if position in out or index in used:
            continue
        out[position] = (old[index], value, BY_NUMBER if same else BY_TEXT)
        used.add(index)
    return out


def _key(item) -> Hashable:
    """What makes two units (or articles) the same text: their kind and every language's status and words."""
    if isinstance(item, _ArticleWords):
        item = item.article
    if isinstance(item, Article):
        return tuple((unit.kind, unit.trail, tuple(sorted(_texts(unit).items()))) for unit in article_units(item))
    return item.kind, tuple(sorted(_texts(item).items()))


def _unit_match(unit: Unit, found: tuple | None, old_of: dict[str, Unit]) -> Match:
    if found is None:
        return Match(unit.id, unit.kind, NEW)
    previous, similarity, by = found
    changed = _texts(unit) != _texts(old_of[previous])
    status = MOVED if previous != unit.id else CHANGED if changed else UNCHANGED
    return Match(unit.id, unit.kind, status, previous, changed,
                 None if similarity is None else round(similarity, 2), by)


# --- articles -----------------------------------------------------------------------------------

class _ArticleWords:
    """An article as the bag of all its words (every language), for a cheap similarity of two."""

    def __init__(self, article: Article):
        self.article = article
        self.bag = Counter(f"{lang}:{word}" for unit in article_units(article) for lang in languages.LANGUAGES
                           for word in _words(unit.texts.text(lang)))
        self.size = sum(self.bag.values())


def _dice(new: _ArticleWords, old: _ArticleWords, floor: float = MATCH - SAME_PLACE) -> float | None:
    """The Dice coefficient of two articles' bags of words; 0 without counting where the sizes
    alone keep it below `floor` (below it no pair reaches MATCH): every later article is weighed
    against every earlier one, and most pairs differ in length."""
    if not new.size or not old.size:
        return None
    if 2 * min(new.size, old.size) < floor * (new.size + old.size):
        return 0.0
    small, large = (new.bag, old.bag) if len(new.bag) <= len(old.bag) else (old.bag, new.bag)
    common = sum(min(small[word], large[word]) for word in small.keys() & large.keys())
    return 2 * common / (new.size + old.size)


def _match_articles(earlier: list[Article], later: list[Article], hand: dict) -> dict[str, tuple]:
    """Each later article's predecessor: article id -> (id or None, similarity, by)."""
    old_ids = {article.id for article in earlier}
    result: dict[str, tuple] = {}
    for article in later:
        if article.id in hand and (hand[article.id] is None or hand[article.id] in old_ids):
            result[article.id] = (hand[article.id], None, BY_HAND if hand[article.id] else None)
    taken = {value[0] for value in result.values()}
    mine = [_ArticleWords(a) for a in later if a.id not in result]
    theirs = [_ArticleWords(a) for a in earlier if a.id not in taken]
    matched = _assign(mine, theirs, lambda words: words.article.number, _dice, MATCH)
    for position, words in enumerate(mine):
        other = matched.get(position)
        result[words.article.id] = (other[0].article.id, other[1], other[2]) if other else (None, None, None)
    return result


def _article_match(article: Article, found: tuple, units: tuple[Match, ...], earlier: Source,
                   dropped: tuple[str, ...]) -> Match:
    previous, similarity, by = found
    if previous is None:
        return Match(article.id, "article", NEW)
    own = {unit.id for unit in article_units(article)}
    before = {unit.id for unit in article_units(next(a for a in earlier.articles if a.id == previous))}
    changed = any(match.id in own and (match.changed or match.status == NEW or
                                       (match.previous is not None and match.previous not in before))
                  for match in units) or any(unit_id in before for unit_id in dropped)
    status = MOVED if previous != article.id else CHANGED if changed else UNCHANGED
    return Match(article.id, "article", status, previous, changed,
                 None if similarity is None else round(similarity, 2), by)
