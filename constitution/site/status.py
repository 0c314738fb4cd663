"""The translation status page: totals per language, then every unit's status in kk, ru and en,
each status as a word with a shape beside it (filled, half, empty), never colour alone."""

from __future__ import annotations

from constitution.core import contract, languages, urls
from constitution.site import html
from constitution.site.markup import fill, literal_markdown
from constitution.site.units import (
    Lang,
    Page,
    heading,
    link,
    status_counts,
    unit_names,
)
from constitution.source.model import STATUSES, Source


def status_mark(lang: Lang, status: str) -> str:
    """A status as a word with a shape before it (filled, half, empty: reader.css)."""
    return html.render("status_mark", status, lang.ui(f"status_{status}"))


def status_page(lang: Lang, source: Source) -> Page:
    page = urls.STATUS_PAGE
    title = lang.ui("status_title")
    units = list(source.units())
    columns = " | ".join(html.render("language_name", code, lang.endonym(code)) for code in languages.LANGUAGES)
    lines = [heading(1, literal_markdown(title), page), "", literal_markdown(lang.ui("status_intro")), "",
             heading(2, literal_markdown(lang.ui("status_totals")), contract.STATUS_TOTALS), "",
             f"| {literal_markdown(lang.ui('site_source_status'))} | {columns} |", "| --- | --- | --- | --- |"]
    counts = {code: status_counts(units, code) for code in languages.LANGUAGES}
    for status in STATUSES:
        lines.append(f"| {status_mark(lang, status)} | "
                     + " | ".join(str(counts[code][status]) for code in languages.LANGUAGES) + " |")
    lines += [f"| **{literal_markdown(lang.ui('status_all'))}** | "
              + " | ".join(f"**{len(units)}**" for _ in languages.LANGUAGES) + " |", ""]
    lines += [heading(2, literal_markdown(lang.ui("status_units")), contract.STATUS_UNITS), "",
              f"| {literal_markdown(lang.ui('status_unit'))} | {columns} |", "| --- | --- | --- | --- |"]
    names = unit_names(lang)
    for unit in units:
        label = literal_markdown(names[unit.id])
        where = link(page, urls.page_of(unit.id), unit.id)
        marks = " | ".join(status_mark(lang, unit.texts.status(code)) for code in languages.LANGUAGES)
        lines.append(f"| [{label}]({where})<br>`{unit.id}` | {marks} |")
    return Page(page, title, lines)


def status_link(lang: Lang, page: str) -> list[str]:
    """The About page's sentence that leads to the translation status."""
    target = f"[{literal_markdown(lang.ui('status_title'))}]({link(page, urls.STATUS_PAGE)})"
    return [fill(lang.ui("status_about"), markdown={"link": target}), ""]
