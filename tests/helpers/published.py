"""A source rendered back as a published plain text, in each layout a text is found in and in each
language's heading forms, for the importer's round trips (tests/unit/importer/test_full_size.py,
tests/build/cli/test_import.py).

`importable(corpus)` makes benchmarks/corpus.py's synthetic data a text that has one reading: every
unit present in every language, no line break inside a unit, a title with the title word, a
preamble opening with the language's address whose recitals end in `;`, one sentence per point.
`render(source, lang, layout, style)` writes it; `LAYOUTS` names the layouts.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from benchmarks import corpus
from constitution.core import ids, languages, paths
from constitution.importer import headings

LAYOUTS = ("lines", "blank-line", "paragraph-per-article", "paragraph-per-section", "run-on", "pdf",
           "pdf-layout", "crlf", "cr", "bom")

TITLE = {"kk": "СИНТЕТИКАЛЫҚ СЫНАҚ КОНСТИТУЦИЯСЫ", "ru": "СИНТЕТИЧЕСКАЯ ТЕСТОВАЯ КОНСТИТУЦИЯ",
         "en": "SYNTHETIC TEST CONSTITUTION"}
ADDRESS = {"kk": "Біз,", "ru": "Мы,", "en": "We,"}
DRAFT = {"kk": "Жоба", "ru": "ПРОЕКТ", "en": "Draft"}
RUNNING_HEADER = {"kk": "Синтетикалық мәтін, ресми емес", "ru": "Синтетический текст, неофициальный",
                  "en": "Synthetic text, unofficial"}


def _section(lang: str, number: int, style: int) -> str:
    roman = ids.roman(number)
    forms = {
        "kk": (f"{roman} бөлім", f"{number}-бөлім", f"{languages.KAZAKH_ORDINALS.word(number).upper()} БӨЛІМ",
               f"{roman} бөлiм"),  # the last with a Latin i
        "ru": (f"РАЗДЕЛ {roman}", f"Раздел {number}", f"Раздел {languages.RUSSIAN_ORDINALS.word(number)}",
               f"Раздел {roman}."),
        "en": (f"Section {roman}", f"PART {roman}", f"Part {languages.ENGLISH_CARDINALS.word(number).title()}",
               f"Section {number}"),
    }[lang]
    return forms[style % len(forms)]


def _article(lang: str, number, style: int) -> str:
    forms = {
        "kk": (f"{number}-бап", f"{number} бап", f"{number}–бап", f"{number}-БАП"),
        "ru": (f"Статья {number}", f"СТАТЬЯ {number}.", f"Статья {number}.", f"статья {number}"),
        "en": (f"Article {number}", f"ARTICLE {number}.", f"Article {number}.", f"article {number}"),
    }[lang]
    return forms[style % len(forms)]


# --- the source made unambiguous -----------------------------------------------------------------

def importable(data: dict[str, dict], seed: int = 11) -> dict[str, dict]:
    """The corpus's files with one reading each (see the module's docstring)."""
    words = corpus.Words(random.Random(seed))
    document, preamble = data["document.yaml"], data["preamble.yaml"]
    document["title"] = {lang: {"status": "unofficial", "text": TITLE[lang]} for lang in languages.LANGUAGES}
    recitals = preamble["recitals"]
    for index, recital in enumerate(recitals):
        for lang in languages.LANGUAGES:
            text = _filled(recital, lang, words)
            text = re.sub(r"[.,;:]", "", text).strip()
            if index == 0:
                text = f"{ADDRESS[lang]} {text[0].lower()}{text[1:]},"
            else:
                text += "." if index == len(recitals) - 1 else ";"
            recital[lang] = {"status": "unofficial", "text": text}
    for name, article in data.items():
        if name.startswith("articles/"):
            _units(article, words, point=False)
    for section in document["sections"]:
        _units(section["title"], words, point=False)
    return data


def _filled(unit: dict, lang: str, words: corpus.Words) -> str:
    """The unit's text in `lang`, or, where it is missing, made-up words shaped like another's."""
    entry = unit[lang]
    if entry.get("text"):
        return " ".join(entry["text"].split())
    other = next(unit[o]["text"] for o in languages.LANGUAGES if unit[o].get("text"))
    text = words.sentences(lang, len(other.split()), other[-1] if other[-1] in ".,;:" else ".")
    text = " ".join(text.split())
    return text[0].lower() + text[1:] if other[0].islower() else text


def _units(unit: dict, words: corpus.Words, point: bool) -> None:
    if any(lang in unit for lang in languages.LANGUAGES):
        for lang in languages.LANGUAGES:
            text = _filled(unit, lang, words)
            if point:  # one sentence: a second one after a list's last point would be the closing text
                text = re.sub(r"\. (\S)", lambda m: " " + m.group(1).lower(), text)
            unit[lang] = {"status": "unofficial", "text": text}
    for clause in unit.get("clauses", []):
        _units(clause, words, point=False)
    for item in unit.get("points", []):
        _units(item, words, point=True)


def write_full(directory: Path) -> Path:
    """The full-size importable source (96 articles) written into `directory`, with the project's ui.yaml."""
    (directory / paths.ARTICLES_DIR).mkdir(parents=True)
    for name, data in importable(corpus.corpus(96)).items():
        (directory / name).write_text(corpus.dump(data), encoding="utf-8")
    shutil.copyfile(paths.SOURCE_DIR / paths.UI_FILE, directory / paths.UI_FILE)
    return directory


# --- rendering ---------------------------------------------------------------------------------------

def blocks(source, lang: str, style: int) -> list[tuple[str, list[str]]]:
    """(kind, lines) in reading order: front, then per section its heading and each article."""
    out = [("front", [DRAFT[lang], source.document.title.text(lang)])]
    out.append(("front", [recital.text(lang) for recital in source.preamble.recitals]))
    for section in source.document.sections:
        out.append(("section", [_section(lang, section.number, style), section.title.text(lang)]))
        for article in source.section_articles(section):
            lines = [_article(lang, article.number, style)]
            if not article.has_clauses:
                lines.append(article.text(lang))
            lines += [f"{point.number}) {point.text(lang)}" for point in article.points]
            for clause in article.clauses:
                lines.append(f"{clause.number}. {clause.text(lang)}")
                lines += [f"{point.number}) {point.text(lang)}" for point in clause.points]
            out.append(("article", lines))
    return out


def render(source, lang: str, layout: str, style: int = 0) -> str:
    parts = blocks(source, lang, style)
    if layout in ("lines", "crlf", "cr", "bom"):
        text = "\n".join(line for _, lines in parts for line in lines) + "\n"
        if layout == "crlf":
            return text.replace("\n", "\r\n")
        if layout == "cr":
            return text.replace("\n", "\r")
        if layout == "bom":  # two files put together, each with its byte order mark
            middle = text.index("\n", len(text) // 2) + 1
            return "\ufeff" + text[:middle] + "\ufeff" + text[middle:]
        return text
    if layout == "blank-line":
        return "\n\n".join(line for _, lines in parts for line in lines) + "\n"
    if layout == "paragraph-per-article":
        return "\n\n".join(" ".join(lines) if kind == "article" else "\n".join(lines) for kind, lines in parts) + "\n"
    if layout == "paragraph-per-section":
        paragraphs, current = ["\n".join(parts[0][1]), "\n".join(parts[1][1])], []
        for kind, lines in parts[2:]:
            if kind == "section" and current:
                paragraphs.append(" ".join(current))
                current = []
            current += lines
        paragraphs.append(" ".join(current))
        return "\n\n".join(paragraphs) + "\n"
    if layout == "run-on":
        return " ".join(line for _, lines in parts for line in lines) + "\n"
    if layout in ("pdf", "pdf-layout"):
        return pdf_pages(parts, lang, indent=layout == "pdf-layout")
    raise ValueError(layout)


def pdf_pages(parts, lang: str, indent: bool, width: int = 70, height: int = 40) -> str:
    """As pdftotext gives a typeset text: lines wrapped, long words cut with a hyphen, a running
    header and a page number on every page, a form feed between pages."""
    forms = headings.forms(lang)
    patterns = (forms.heading, forms.clause, forms.point, forms.note, re.compile(r"\d"))

    class ambiguous:  # what a line must not start with: it could start a unit
        @staticmethod
        def match(word: str) -> bool:
            return any(pattern.match(word) for pattern in patterns)

    lines = []
    for _, unit_lines in parts:
        for line in unit_lines:
            lines.extend(_wrapped(line, width, ambiguous))
    pages, page_number = [], 1
    for start in range(0, len(lines), height):
        body = lines[start:start + height]
        header = RUNNING_HEADER[lang].center(width).rstrip() if indent else RUNNING_HEADER[lang]
        footer = f"- {page_number} -".center(width).rstrip() if indent else str(page_number)
        shown = [("    " + line if indent and line else line) for line in body]
        pages.append("\n".join([header, "", *shown, "", footer]))
        page_number += 1
    return "\n\f".join(pages) + "\n\f"


def _wrapped(line: str, width: int, ambiguous) -> list[str]:
    """The line wrapped at `width`; no wrapped line starts with what could start a unit; every
    third long word at a line end is cut with a hyphen."""
    words, out, current, cuts = line.split(), [], "", 0
    for word in words:
        if current and len(current) + 1 + len(word) > width and not ambiguous.match(word):
            if len(word) >= 8 and word.isalpha() and cuts % 3 == 0 and len(current) + 5 <= width:
                out.append(f"{current} {word[:4]}-")
                word = word[4:]
            else:
                out.append(current)
            cuts += 1
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return out

