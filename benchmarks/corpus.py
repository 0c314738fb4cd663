"""A synthetic source in the project's YAML layout, for measuring the pipeline at scale.

Every word is made up from syllables by a seeded generator, in each language's script
(Kazakh with ә ғ қ ң ө ұ ү һ і), and every title says "synthetic": nothing here is, or
imitates, published legal text. The shape is a constitution's: 11 sections, a preamble of
12 recitals, articles with their own text or 1-8 clauses, some points, some `missing`
units. The same (articles, seed) always gives the same bytes.

With `--editions`, a source of three editions (translations/README.md, "Several editions")
shaped like the constitution's 2026 texts: a draft one article short, a final draft with an
article inserted in its middle (every later article renumbered, as 95 -> 96), some clauses
reworded, one dropped and one added, and an adopted text that rewords a few more.

    python -m benchmarks.corpus OUT_DIR [--articles 96] [--seed 2026] [--editions]
"""

from __future__ import annotations

import argparse
import datetime
import random
import shutil
import sys
import unicodedata
from pathlib import Path

import yaml

from constitution.core import ids, languages, paths

from constitution.source import model

SECTIONS = 11
RECITALS = 12
DEFAULT_SEED = 2026
HEADER = "# Synthetic benchmark source (benchmarks/corpus.py): made-up words, not legal text.\n"

# (consonants, vowels) per language; words are C V (C) syllables.
SCRIPTS = {
    "kk": ("бдгжзклмнпрстшғқңһ", "аеыіоөұүәу"),
    "ru": ("бвгджзклмнпрстфхцчш", "аеиоуыяюэ"),
    "en": ("bcdfghklmnprstvwz", "aeiou"),
}
SYNTHETIC = {"kk": "Синтетикалық", "ru": "Синтетический", "en": "Synthetic"}
QUOTES = {"kk": ("«", "»"), "ru": ("«", "»"), "en": ("\u201c", "\u201d")}

# Edition metadata, in our own words: it says what this corpus is.
DOCUMENT_TITLE = {
    "kk": "СИНТЕТИКАЛЫҚ СЫНАҚ МӘТІНІ",
    "ru": "СИНТЕТИЧЕСКИЙ ТЕСТОВЫЙ ТЕКСТ",
    "en": "SYNTHETIC BENCHMARK TEXT",
}
EDITION_NAME = {
    "kk": "Өнімділікті өлшеуге арналған синтетикалық мәтін",
    "ru": "Синтетический текст для измерения производительности",
    "en": "Synthetic text for performance measurement",
}
EDITION_AUTHOR = {
    "kk": "Синтетикалық мәтін генераторы (benchmarks/corpus.py)",
    "ru": "Генератор синтетического текста (benchmarks/corpus.py)",
    "en": "Synthetic text generator (benchmarks/corpus.py)",
}
SOURCE_DESCRIPTION = {
    "kk": "Кездейсоқ буындардан құралған синтетикалық сөздер; аударма да, құқықтық мәтін де емес.",
    "ru": "Синтетические слова из случайных слогов; это не перевод и не правовой текст.",
    "en": "Synthetic words made of random syllables; neither a translation nor legal text.",
}
EVENT = {
    "kk": "Өнімділікті өлшеу үшін синтетикалық мәтін жасалды.",
    "ru": "Создан синтетический текст для измерения производительности.",
    "en": "A synthetic text was made to measure performance.",
}
LANGUAGES = {
    "kk": {"name": "Қазақша", "names": {"kk": "қазақ тілі", "ru": "казахский язык", "en": "Kazakh"}},
    "ru": {"name": "Русский", "names": {"kk": "орыс тілі", "ru": "русский язык", "en": "Russian"}},
    "en": {"name": "English", "names": {"kk": "ағылшын тілі", "ru": "английский язык", "en": "English"}},
}
DATE = datetime.date(2026, 1, 30)


class Words:
    """Seeded pseudo-words and sentences in one script per language."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def word(self, lang: str) -> str:
        consonants, vowels = SCRIPTS[lang]
        syllables = self.rng.choice((1, 2, 2, 3, 3, 4))
        out = []
        for _ in range(syllables):
            out.append(self.rng.choice(consonants) + self.rng.choice(vowels))
            if self.rng.random() < 0.3:
                out.append(self.rng.choice(consonants))
        return "".join(out)

    def phrase(self, lang: str, count: int) -> str:
        words = [self.word(lang) for _ in range(count)]
        if count > 6 and self.rng.random() < 0.15:
            left, right = QUOTES[lang]
            at = self.rng.randrange(1, count - 1)
            words[at] = f"{left}{words[at].capitalize()}{right}"
        if count > 8 and self.rng.random() < 0.15:
            words.insert(self.rng.randrange(2, count - 2), "–")
        if self.rng.random() < 0.1:
            words.append(str(self.rng.randrange(2, 100)))
        return " ".join(words)

    def sentences(self, lang: str, words: int, end: str = ".") -> str:
        """About `words` words in 1-3 sentences; a few texts carry a line break."""
        parts, left = [], words
        while left > 0:
            size = min(left, self.rng.randint(6, 18))
            if left - size < 5:  # no one-word tail sentence
                size = left
            parts.append(self.phrase(lang, size).capitalize())
            left -= size
        separator = "\n" if len(parts) > 1 and self.rng.random() < 0.05 else " "
        return separator.join([p + "." for p in parts[:-1]] + [parts[-1] + end])


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def aligned(words: Words, length: int, end: str = ".", missing: float = 0.0, lower: bool = False) -> dict:
    """One unit in every language; with probability `missing`, kk or ru is `missing`."""
    gone = words.rng.choice(("kk", "ru")) if words.rng.random() < missing else None
    unit = {}
    for lang in languages.LANGUAGES:
        if lang == gone:
            unit[lang] = {"status": "missing"}
            continue
        size = max(3, length + words.rng.randint(-2, 2))
        text = words.sentences(lang, size, end)
        if lower:
            text = text[0].lower() + text[1:]
        unit[lang] = {"status": "unofficial", "text": _nfc(text)}
    return unit


def title(words: Words, count: int) -> dict:
    return {
        lang: {"status": "unofficial", "text": _nfc(f"{SYNTHETIC[lang]} {words.phrase(lang, count)}")}
        for lang in languages.LANGUAGES
    }


def points(words: Words, parent_id: str) -> list[dict]:
    count = words.rng.randint(2, 7)
    return [
        {"id": ids.point_id(parent_id, n), "number": n,
         **aligned(words, words.rng.randint(3, 12), ";" if n < count else ".", 0.02, lower=True)}
        for n in range(1, count + 1)
    ]


def article(words: Words, number: int, section: int) -> dict:
    art_id = ids.article_id(number)
    data = {"id": art_id, "number": number, "section": section}
    if words.rng.random() < 0.12:  # an article with its own text, like Article 1
        with_points = words.rng.random() < 0.35
        data.update(aligned(words, words.rng.randint(12, 40), ":" if with_points else ".", 0.03))
        if with_points:
            data["points"] = points(words, art_id)
        return data
    count = words.rng.choices(range(1, 9), weights=(6, 12, 16, 16, 12, 8, 5, 3))[0]
    clauses = []
    for n in range(1, count + 1):
        clause_id = ids.clause_id(number, n)
        with_points = words.rng.random() < 0.08
        clause = {"id": clause_id, "number": n,
                  **aligned(words, words.rng.randint(8, 45), ":" if with_points else ".", 0.03)}
        if with_points:
            clause["points"] = points(words, clause_id)
        clauses.append(clause)
    data["clauses"] = clauses
    return data


def section_sizes(rng: random.Random, articles: int) -> list[int]:
    """Split `articles` over the sections unevenly, at least one each."""
    if articles < SECTIONS:
        raise ValueError(f"need at least {SECTIONS} articles, one per section")
    weights = [rng.uniform(0.4, 1.6) for _ in range(SECTIONS)]
    sizes = [1 + int((articles - SECTIONS) * w / sum(weights)) for w in weights]
    for index in range(articles - sum(sizes)):
        sizes[index % SECTIONS] += 1
    return sizes


def corpus(articles: int, seed: int = DEFAULT_SEED) -> dict[str, dict]:
    """The whole source as {relative file path: YAML data} (ui.yaml excluded)."""
    rng = random.Random(seed)
    words = Words(rng)
    sections, files, number = [], {}, 0
    for section_number, size in enumerate(section_sizes(rng, articles), start=1):
        numbers = list(range(number + 1, number + size + 1))
        number += size
        sections.append({"id": ids.section_id(section_number), "number": section_number,
                         "title": title(words, rng.randint(2, 5)), "articles": numbers})
        for n in numbers:
            path = f"{paths.ARTICLES_DIR}/{paths.article_file_name(n)}"
            files[path] = article(words, n, section_number)
    recitals = [
        {"id": ids.recital_id(n), "number": n,
         **aligned(words, rng.randint(5, 16), "." if n == RECITALS else ",", 0.0, lower=n > 1)}
        for n in range(1, RECITALS + 1)
    ]
    document = {
        # the oldest version this package reads: the corpus has none of version 2's units, and
        # the old engine's row (old_engine.py) reads version 1 only
        "schema_version": model.READ_SCHEMA_VERSIONS[0],
        "title": {lang: {"status": "unofficial", "text": DOCUMENT_TITLE[lang]} for lang in languages.LANGUAGES},
        "edition": {"id": DATE.isoformat(), "date": DATE, "name": EDITION_NAME, "author": EDITION_AUTHOR},
        "full_text": {"sections": SECTIONS, "articles": articles},
        "languages": LANGUAGES,
        "sources": {lang: {"description": SOURCE_DESCRIPTION} for lang in languages.LANGUAGES},
        "sections": sections,
        "timeline": [{"date": DATE, "text": EVENT}],
    }
    return {paths.DOCUMENT_FILE: document,
            paths.PREAMBLE_FILE: {"id": ids.PREAMBLE_ID, "recitals": recitals},
            **files}


# --- three editions ---------------------------------------------------------------------------

EDITIONS = (  # id (its date), kind
    (datetime.date(2026, 1, 30), "draft"),
    (datetime.date(2026, 2, 12), "final draft"),
    (datetime.date(2026, 3, 15), "adopted"),
)
EDITION_KIND_NAME = {
    "draft": {"kk": "жоба", "ru": "проект", "en": "draft"},
    "final draft": {"kk": "түпкілікті жоба", "ru": "окончательный проект", "en": "final draft"},
    "adopted": {"kk": "қабылданған мәтін", "ru": "принятый текст", "en": "adopted text"},
}
REWORDED = 0.1  # the share of clauses each later edition rewords


def _renumbered(value, old: int, new: int):
    """An article's data with its number and every id in it moved from `old` to `new`."""
    prefix, moved = ids.article_id(old), ids.article_id(new)
    if isinstance(value, dict):
        out = {key: _renumbered(item, old, new) for key, item in value.items()}
        if isinstance(out.get("id"), str) and (out["id"] == prefix or out["id"].startswith(prefix + "__")):
            out["id"] = moved + out["id"][len(prefix):]
        if out.get("id") == moved:
            out["number"] = new
        return out
    if isinstance(value, list):
        return [_renumbered(item, old, new) for item in value]
    return value


def _reworded(words: Words, unit: dict) -> dict:
    """A unit with a word of each language's text replaced and a few words added."""
    out = dict(unit)
    for lang in languages.LANGUAGES:
        entry = unit.get(lang)
        if not entry or entry.get("status") == "missing":
            continue
        text = entry["text"].split(" ")
        text[words.rng.randrange(len(text))] = words.word(lang)
        body, end = " ".join(text)[:-1], " ".join(text)[-1]
        out[lang] = {**entry, "text": _nfc(f"{body} {words.phrase(lang, words.rng.randint(2, 5))}{end}")}
    return out


def _edited(words: Words, article: dict, drop: bool, add: bool) -> dict:
    """An article's next edition: some clauses reworded, its last clause dropped or one added."""
    if not article.get("clauses"):
        return _reworded(words, article) if words.rng.random() < REWORDED else article
    clauses = [_reworded(words, clause) if words.rng.random() < REWORDED else clause for clause in article["clauses"]]
    if drop and len(clauses) > 1:
        clauses = clauses[:-1]
    if add:
        number = len(clauses) + 1
        clauses.append({"id": ids.clause_id(article["number"], number), "number": number,
                        **aligned(words, words.rng.randint(8, 30), ".", 0.0)})
    return {**article, "clauses": clauses}


def _edition_files(document: dict, preamble: dict, articles: dict[int, dict], date: datetime.date,
                   kind: str, sections: list[list[int]]) -> dict[str, dict]:
    name = {lang: f"{EDITION_NAME[lang]}: {EDITION_KIND_NAME[kind][lang]}" for lang in languages.LANGUAGES}
    edition = {"id": date.isoformat(), "date": date, "name": name, "author": EDITION_AUTHOR}
    listed = [{**section, "articles": numbers} for section, numbers in zip(document["sections"], sections)]
    for numbers, section in zip(sections, listed):
        for number in numbers:
            articles[number] = {**articles[number], "section": section["number"]}
    files = {paths.DOCUMENT_FILE: {**document, "edition": edition, "sections": listed,
                                   "full_text": {"sections": SECTIONS, "articles": len(articles)}},
             paths.PREAMBLE_FILE: preamble}
    files.update({f"{paths.ARTICLES_DIR}/{paths.article_file_name(n)}": articles[n] for n in sorted(articles)})
    return files


def editions_corpus(articles: int = 96, seed: int = DEFAULT_SEED) -> dict[str, dict]:
    """A source of three editions as {relative file path: YAML data} (ui.yaml excluded): the draft
    has `articles` - 1 articles, the final draft inserts one in the middle (the later ones
    renumbered), rewords some clauses, drops one and adds one; the adopted text rewords a few more."""
    if articles <= SECTIONS:
        raise ValueError(f"three editions need at least {SECTIONS + 1} articles: the draft has one less, one per section")
    first = corpus(articles - 1, seed)
    words = Words(random.Random(seed + 1))
    document, preamble = first[paths.DOCUMENT_FILE], first[paths.PREAMBLE_FILE]
    draft = {data["number"]: data for name, data in first.items() if name.startswith(paths.ARTICLES_DIR)}
    sections = [list(section["articles"]) for section in document["sections"]]
    inserted = (articles - 1) // 2 + 1  # the new article's number: the later ones move up by one
    final = {}
    for number, data in draft.items():
        new = number + 1 if number >= inserted else number
        final[new] = _edited(words, _renumbered(data, number, new), drop=number == inserted + 3,
                             add=number == inserted + 5)
    holder = next(index for index, numbers in enumerate(sections) if inserted in numbers or inserted - 1 in numbers)
    final[inserted] = article(words, inserted, holder + 1)
    final_sections = [[n + 1 if n >= inserted else n for n in numbers] for numbers in sections]
    final_sections[holder] = sorted(final_sections[holder] + [inserted])
    adopted = {number: _edited(words, data, drop=False, add=False) for number, data in final.items()}
    out: dict[str, dict] = {}
    for (date, kind), texts, listed in zip(EDITIONS, (draft, final, adopted),
                                          (sections, final_sections, final_sections)):
        files = _edition_files(document, preamble, dict(texts), date, kind, listed)
        out.update({f"{paths.EDITIONS_DIR}/{date.isoformat()}/{name}": data for name, data in files.items()})
    out[paths.EDITIONS_FILE] = {"current": EDITIONS[-1][0].isoformat(), "editions": [
        {"id": date.isoformat(), "date": date, "kind": kind,
         "name": out[f"{paths.EDITIONS_DIR}/{date.isoformat()}/{paths.DOCUMENT_FILE}"]["edition"]["name"]}
        for date, kind in EDITIONS]}
    return out


def write_editions(directory: Path, articles: int = 96, seed: int = DEFAULT_SEED,
                   ui_file: Path = paths.SOURCE_DIR / paths.UI_FILE) -> Path:
    """Write a fresh synthetic source of three editions into `directory` (replacing it)."""
    directory = Path(directory)
    if directory.exists():
        shutil.rmtree(directory)
    for name, data in editions_corpus(articles, seed).items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_text(dump(data), encoding="utf-8")
    for date, _ in EDITIONS:
        shutil.copyfile(ui_file, directory / paths.EDITIONS_DIR / date.isoformat() / paths.UI_FILE)
    return directory


class _Dumper(yaml.SafeDumper):
    """Indented lists and block scalars for line breaks, as in translations/."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data):
        return True


def _str(dumper: yaml.SafeDumper, text: str):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)


def dump(data: dict) -> str:
    return HEADER + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)


def write(directory: Path, articles: int, seed: int = DEFAULT_SEED,
          ui_file: Path = paths.SOURCE_DIR / paths.UI_FILE) -> Path:
    """Write a fresh synthetic source into `directory` (replacing it); ui.yaml is the project's own."""
    directory = Path(directory)
    if directory.exists():
        shutil.rmtree(directory)
    (directory / paths.ARTICLES_DIR).mkdir(parents=True)
    for name, data in corpus(articles, seed).items():
        (directory / name).write_text(dump(data), encoding="utf-8")
    shutil.copyfile(ui_file, directory / paths.UI_FILE)
    return directory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=96)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--editions", action="store_true",
                        help="a source of three editions (the draft one article short)")
    args = parser.parse_args(argv)
    try:
        (write_editions if args.editions else write)(args.out, args.articles, args.seed)
    except ValueError as error:
        print(f"benchmarks.corpus: {error}", file=sys.stderr)
        return 2
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
