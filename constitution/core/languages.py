"""The three languages, one record each: codes, locales, search and how a published text writes them.

Kazakh is the state language: the site's default, served at the root. Everything that
differs by language and is not a translated string (those are in ui.yaml) lives in the
record, so adding a language means adding one record here.
"""

from __future__ import annotations

from dataclasses import dataclass

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"  # capitals of the three alphabets, as a regex character set body
ROMAN = "[IVXLCІХ]+"  # Kazakh and Russian texts often type Cyrillic І and Х for Roman I and X
NEVER = r"(?!)"


@dataclass(frozen=True)
class ImportPatterns:
    """How one language's published text writes its parts; each heading's group 1 is its number."""

    draft: str  # the word printed with the title of a draft
    title_word: str  # a word of the title, which is printed in capitals
    section: str
    article: str
    address: str  # the preamble's opening address ("We, the people ...,"): its first recital
    # In run-on text a recital ends at a comma after a word like `recital_ends`, or before a
    # word like `recital_starts`: each recital is a participial phrase of its own.
    recital_ends: str
    recital_starts: str


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47, as in lang="…", hreflang and the site's folders
    iso639_2: str  # as Akoma Ntoso's FRBRlanguage wants
    date_locale: str  # Babel locale for dates in running text
    search: str | None  # lunr's language (mkdocs.yml `search.lang`); None: lunr has none
    patterns: ImportPatterns


RECORDS = (
    Language("kk", "kaz", "kk", None, ImportPatterns(
        draft="Жоба|ЖОБА", title_word="КОНСТИТУЦИЯ",
        section=rf"(?<!\w)({ROMAN}|\d{{1,2}})(?:-|\s)(?i:бөлім)\b", article=r"(?<!\w)(\d{1,3})-(?i:бап)\b",
        address=r"Біз,[^,]*,", recital_ends=r"\w+(?:ып|іп|п)",  # converb: сақтай отырып,
        recital_starts=NEVER)),
    Language("ru", "rus", "ru", "ru", ImportPatterns(
        draft="Проект|ПРОЕКТ", title_word="КОНСТИТУЦИЯ",
        section=rf"(?<!\w)(?i:Раздел)\s+({ROMAN})\b", article=r"(?<!\w)(?i:Статья)\s+(\d{1,3})\b",
        address=r"Мы,[^,]*,", recital_ends=NEVER,
        recital_starts=r"[А-ЯЁ]\w*|\w+(?:я|ясь|вшись|аем|яем)")),  # деепричастие, принимаем
    Language("en", "eng", "en_GB", "en", ImportPatterns(
        draft="Draft|Project|DRAFT|PROJECT", title_word="CONSTITUTION",
        section=rf"(?<!\w)(?i:Section)\s+({ROMAN})\b", article=r"(?<!\w)(?i:Article)\s+(\d{1,3})\b",
        address=r"We,[^,]*,", recital_ends=NEVER,
        recital_starts=r"[A-Z]\w*|\w+(?:ing|ed)")),  # a capital or a participle
)

LANGUAGE = {record.code: record for record in RECORDS}
LANGUAGES = tuple(LANGUAGE)  # in the order every table, column and list shows them
DEFAULT_LANGUAGE = "kk"  # the state language: served at the site root


def others(code: str) -> list[str]:
    """The languages other than `code`, in order."""
    return [other for other in LANGUAGES if other != code]


def page_first(code: str) -> list[str]:
    """Every language, `code` first: the order of a page's columns and lists."""
    return [code, *others(code)]
