"""How each language names and numbers the document's parts, for the site, the PDFs and Akoma Ntoso.

The words are ui.yaml's (`article_label` "Статья {n}", `section_label` "{n} бөлім" …);
this module is the one place that fills them: sections take Roman numerals, a clause is
numbered `4.` and a point `1)`, a clause's full name is its article's and its own, and
dates are written with the language's `date_format`.
"""

from __future__ import annotations

import datetime

from constitution.core import ids, languages
from constitution.source import ui as ui_strings
from constitution.source.model import UI, Article, Section, article_units

NUMBER_FORMAT = {"clause": "{n}.", "point": "{n})"}  # articles and recitals show no number


def number(kind: str, value: int) -> str:
    """The number printed before a unit's text: '4.' for a clause, '1)' for a point, else ''."""
    return NUMBER_FORMAT.get(kind, "").format(n=value)  # our own constant, never a ui string


def section_label(ui: UI, lang: str, section_number: int) -> str:
    """'Раздел I', 'I бөлім', 'Section I'."""
    return fill(ui.get("section_label", lang), lang, n=ids.roman(section_number))


def article_label(ui: UI, lang: str, article_number: int) -> str:
    return fill(ui.get("article_label", lang), lang, n=article_number)


def section_title(ui: UI, lang: str, section: Section) -> str:
    """A section's label and title, 'Раздел I. Основы …'; the label alone when the title is missing."""
    label = section_label(ui, lang, section.number)
    title = section.title.text(lang)
    return f"{label}. {title}" if title else label


def recital_label(ui: UI, lang: str, recital_number: int) -> str:
    return f"{ui.get('preamble', lang)}, {fill(ui.get('site_recital_label', lang), lang, n=recital_number)}"


def unit_labels(ui: UI, lang: str, article: Article) -> dict[str, str]:
    """How a reader names each unit of an article: '2-бап, 3-тармақ, 1) тармақша'."""
    base = article_label(ui, lang, article.number)
    labels = {article.id: base}
    for unit in article_units(article):
        if unit.kind == "clause":
            labels[unit.id] = f"{base}, {fill(ui.get('clause_label', lang), lang, n=unit.number)}"
        elif unit.kind == "point":
            labels[unit.id] = f"{labels[unit.parent]}, {fill(ui.get('point_label', lang), lang, n=unit.number)}"
    return labels


def fill(template: str, lang: str, **values) -> str:
    """A ui.yaml string with its `{name}` placeholders filled; `{name:ordinal}` writes the number
    as the language's ordinal word (core/languages.py). Plain substitution (ui.parse): nothing
    else in the string is read, no attribute, index or format spec."""
    out = []
    for text, name, form in ui_strings.parse(template):
        out.append(text)
        if not name:
            continue
        if name not in values:
            raise KeyError(f"ui string {template!r} has no value for {{{name}}}")
        out.append(languages.LANGUAGE[lang].ordinal(values[name]) if form else str(values[name]))
    return "".join(out)


def date(ui: UI, lang: str, day: datetime.date) -> str:
    """A date as the language writes it (ui.yaml `date_format`, a CLDR pattern): «2026 жылғы 30 қаңтар»,
    «30 января 2026 г.», "30 January 2026"."""
    from babel.dates import format_date

    return format_date(day, ui.get("date_format", lang), locale=languages.LANGUAGE[lang].date_locale)
