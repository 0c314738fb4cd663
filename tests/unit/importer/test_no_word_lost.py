"""A property: whatever the articles say, in whichever layout, no word is lost or moved to another
article — each article's units (its text, parts, clauses, points, closing text), numbers and all,
concatenated, are its input text, whitespace aside. Bounded examples (make test stays short)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constitution.importer.headings import canonical, forms
from constitution.importer.read import read_text

FORMS = forms("en")
RESERVED = set(FORMS.words) | set(FORMS.kinds) | {"note", "notes", "footnote", "we"}

word = st.text(alphabet="bcdfghklmnprstvwzaeiou", min_size=2, max_size=8).filter(
    lambda w: canonical(w) not in RESERVED)
sentence = st.lists(word, min_size=2, max_size=7).map(lambda words: " ".join(words).capitalize())
points = st.lists(st.lists(word, min_size=1, max_size=5).map(" ".join), min_size=0, max_size=4)
clause = st.tuples(sentence, points, st.booleans())  # its text, its points, a closing sentence
article = st.one_of(st.tuples(st.just(None), clause), st.tuples(st.lists(clause, min_size=1, max_size=4), st.none()))


def listed(text: str, items: list[str], closing: bool) -> list[str]:
    if not items:
        return [text + "."]
    out = [text + ":"] + [f"{n}) {item}{';' if n < len(items) else '.'}" for n, item in enumerate(items, 1)]
    return out + (["The list closes here."] if closing else [])


def article_lines(value) -> list[str]:
    clauses, own = value
    if own is not None:
        return listed(*own)
    return [line for n, (text, items, closing) in enumerate(clauses, 1)
            for line in listed(f"{n}. {text}", items, closing)]


def rendered(articles, layout: str) -> str:
    head = ["CONSTITUTION OF A SAMPLE", "We, the sample folk, adopt it.", "Section I", "Sample rules"]
    bodies = [(f"Article {n}", article_lines(value)) for n, value in enumerate(articles, 1)]
    if layout == "lines":
        return "\n".join(head + [line for heading, lines in bodies for line in (heading, *lines)])
    if layout == "blank-line":
        return "\n\n".join(head + [line for heading, lines in bodies for line in (heading, *lines)])
    if layout == "paragraph-per-article":
        return "\n\n".join(["\n".join(head)] + [" ".join((heading, *lines)) for heading, lines in bodies])
    return " ".join(head + [line for heading, lines in bodies for line in (heading, *lines)])


def read_back(reading, piece) -> list[str]:
    """The article's units in reading order, each with its number as printed."""
    out = []

    def unit(prefix, part):
        out.extend([prefix + text if index == 0 else text for index, text in enumerate(reading.parts(part))])
        for number, point in part.points.items():
            out.append(f"{number}) " + " ".join(reading.parts(point)))
        if part.wrap_up:
            out.append(reading.text(part.wrap_up))

    if piece.clauses:
        for number, clause in piece.clauses.items():
            unit(f"{number}. ", clause)
    else:
        unit("", piece)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article, min_size=1, max_size=5),
       st.sampled_from(["lines", "blank-line", "paragraph-per-article", "run-on"]))
def test_no_word_of_an_article_is_lost_or_moved(articles, layout):
    reading, problems = read_text(rendered(articles, layout), "en", "x.txt")
    assert problems == []
    assert sorted(reading.articles) == list(range(1, len(articles) + 1))
    for number, value in enumerate(articles, 1):
        expected = "".join(" ".join(article_lines(value)).split())
        assert "".join(" ".join(read_back(reading, reading.articles[number])).split()) == expected
    assert not [entry for entry in reading.entries if entry.warning]
