"""How each language names and numbers the document's parts, for the site, the PDFs and Akoma Ntoso.

The words are ui.yaml's (`article_label` "Статья {n}", `section_label` "{n} бөлім" …);
this module is the one place that fills them: sections take Roman numerals, a clause is
numbered `4.` and a point `1)` (a lettered point `б)`, its language's letter from
`point_letters`), a unit's full name is its article's and its own, and dates are written
with the language's `date_format`.
"""

from __future__ import annotations

import datetime

from constitution.core import ids, languages
from constitution.source import ui as ui_strings
from constitution.source.model import UI, Article, Chapter, Section, article_units

NUMBER_FORMAT = {"clause": "{n}.", "point": "{n})"}  # articles, recitals and parts show no number


def shown(ui: UI, lang: str, value: int | str) -> str:
    """A number as the language prints it: 26, 26-1, and a lettered point's letter in that language
    (the source's `b` is the second of ui.yaml's `point_letters`: Russian б, English b)."""
    if ids.is_letter(value):
        letters = ui.get("point_letters", lang).split()
        position = ids.number_key(value)[0]
        return letters[position - 1] if position <= len(letters) else str(value)
    return str(value)


def number(kind: str, value: int | str | None, ui: UI, lang: str) -> str:
    """The number printed before a unit's text: '4.' for a clause, '1)' or 'б)' for a point, else ''."""
    form = NUMBER_FORMAT.get(kind, "")
    return form.format(n=shown(ui, lang, value)) if form else ""  # our own constant, never a ui string


def section_label(ui: UI, lang: str, section_number: int) -> str:
    """'Раздел I', 'I бөлім', 'Section I'."""
    return fill(ui.get("section_label", lang), lang, n=ids.roman(section_number))


def article_label(ui: UI, lang: str, article_number: int) -> str:
    return fill(ui.get("article_label", lang), lang, n=article_number)


def titled(label: str, title: str | None) -> str:
    """A label and its title, 'Раздел I. Основы …'; the label alone when the title is missing."""
    return f"{label}. {title}" if title else label


def section_title(ui: UI, lang: str, section: Section) -> str:
    return titled(section_label(ui, lang, section.number), section.title.text(lang))


def chapter_label(ui: UI, lang: str, chapter_number: int) -> str:
    return fill(ui.get("chapter_label", lang), lang, n=chapter_number)


def chapter_title(ui: UI, lang: str, chapter: Chapter) -> str:
    """'Глава 1. …'."""
    return titled(chapter_label(ui, lang, chapter.number), chapter.title.text(lang))


def article_heading(ui: UI, lang: str, article: Article) -> str:
    """An article's label with its title where it has one: 'Статья 5. Права граждан'."""
    title = article.title.text(lang) if article.title is not None else None
    return titled(article_label(ui, lang, article.number), title)


def recital_label(ui: UI, lang: str, recital_number: int) -> str:
    return f"{ui.get('preamble', lang)}, {fill(ui.get('site_recital_label', lang), lang, n=recital_number)}"


OWN_LABEL = {"clause": "clause_label", "point": "point_label", "subparagraph": "part_label",
             "note": "note_label"}  # the unit's own name after its owner's; wrap-ups have wrap_up_label


def unit_labels(ui: UI, lang: str, article: Article) -> dict[str, str]:
    """How a reader names each unit of an article: '2-бап, 3-тармақ, 1) тармақша', '…, часть 2', '…, примечание 1'."""
    base = article_label(ui, lang, article.number)
    labels = {article.id: base}
    for unit in article_units(article):
        if unit.kind == "heading":
            labels[unit.id] = base
        elif unit.kind == "wrapup":
            labels[unit.id] = f"{labels[unit.parent]}, {ui.get('wrap_up_label', lang)}"
        elif unit.kind == "note" and unit.parent == article.id:
            labels[unit.id] = note_label(ui, lang, base, unit.number)
        elif unit.kind in OWN_LABEL:
            own = fill(ui.get(OWN_LABEL[unit.kind], lang), lang, n=shown(ui, lang, unit.number))
            labels[unit.id] = f"{labels[unit.parent]}, {own}"
    return labels


def note_badge(ui: UI, lang: str, text: str | None) -> str:
    """The word over a note («Примечание»), or '' where the note's text already opens with it."""
    badge = ui.get("note_badge", lang)
    return "" if text is not None and text.casefold().startswith(badge.casefold()) else badge


def note_label(ui: UI, lang: str, owner_label: str, number: int) -> str:
    """A note's name after its unit's: 'Раздел I, примечание 1'."""
    return f"{owner_label}, {fill(ui.get('note_label', lang), lang, n=number)}"


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


def edition_kind(ui: UI, lang: str, kind: str) -> str:
    """What an edition is, in words: 'final draft' (editions.yaml's kind) -> «окончательный проект»."""
    return ui.get(f"edition_kind_{kind.replace(' ', '_')}", lang)
