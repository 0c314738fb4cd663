"""A reading (importer/read.py) as a flat table of its units, for tests to compare with what they expect:
`{"sec I": title, "art 2": text, "art 2 / 1": clause, "art 2 / 1 / 2)": point, "art 2 / 1 closing": …,
"art 2 title": …, "art 2 note 1": …, "preamble / 1": recital, "title": …}`."""

from __future__ import annotations

from constitution.importer.read import Reading


def units(reading: Reading) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    if reading.title:
        out["title"] = reading.title
    for index, recital in enumerate(reading.recitals, start=1):
        out[f"preamble / {index}"] = recital

    def notes(name, piece):
        for index, note in enumerate(piece.notes, start=1):
            out[f"{name} note {index}"] = reading.text(note)

    def points(name, piece):
        for number, point in piece.points.items():
            out[f"{name} / {number})"] = reading.text(point)
            notes(f"{name} / {number})", point)
        if piece.wrap_up:
            out[f"{name} closing"] = reading.wrap_up(piece)

    notes("preamble", reading.builder.preamble)
    for number, section in reading.sections.items():
        out[f"sec {number.main}"] = reading.builder.text(section.spans, flow=True)
        notes(f"sec {number.main}", section)
    for number, chapter in reading.chapters.items():
        out[f"ch {number}"] = reading.builder.text(chapter.spans, flow=True)
        notes(f"sec {section} ch {number}", chapter)
    for number, article in reading.articles.items():
        name = f"art {number}"
        if article.title:
            out[f"{name} title"] = reading.title_of(article)
        if reading.text(article) is not None or not article.clauses:
            out[name] = reading.text(article)
        notes(name, article)
        points(name, article)
        for clause_number, clause in article.clauses.items():
            out[f"{name} / {clause_number}"] = reading.text(clause)
            notes(f"{name} / {clause_number}", clause)
            points(f"{name} / {clause_number}", clause)
    return out


def placed(reading: Reading) -> dict[str, str]:
    """Where each article sits: {"art 3": "sec 2 ch 1"}; "-" before any section heading."""
    out = {}
    for number, article in reading.articles.items():
        where = f"sec {article.section.main}" if article.section else "-"
        out[f"art {number}"] = where + (f" ch {article.chapter}" if article.chapter else "")
    return out
