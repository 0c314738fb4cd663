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
class Ordinals:
    """Ordinal words (masculine nominative) of 1–99: the units' own, and the tens' cardinals and ordinals."""

    units: tuple[str, ...]  # 1 to 19
    tens: tuple[str, ...]  # 20, 30, … 90 as cardinals ("двадцать"), for 21, 22 …
    tens_ordinal: tuple[str, ...]  # 20, 30, … 90 as ordinals ("двадцатый")

    def word(self, number: int) -> str | None:
        if 1 <= number <= 19:
            return self.units[number - 1]
        if 20 <= number <= 99:
            ten, unit = divmod(number, 10)
            return self.tens_ordinal[ten - 2] if unit == 0 else f"{self.tens[ten - 2]} {self.units[unit - 1]}"
        return None


# Russian legal citations name a preamble's paragraph by its ordinal word: «абзац второй преамбулы».
RUSSIAN_ORDINALS = Ordinals(
    units=("первый", "второй", "третий", "четвертый", "пятый", "шестой", "седьмой", "восьмой", "девятый",
           "десятый", "одиннадцатый", "двенадцатый", "тринадцатый", "четырнадцатый", "пятнадцатый",
           "шестнадцатый", "семнадцатый", "восемнадцатый", "девятнадцатый"),
    tens=("двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"),
    tens_ordinal=("двадцатый", "тридцатый", "сороковой", "пятидесятый", "шестидесятый", "семидесятый",
                  "восьмидесятый", "девяностый"),
)


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47, as in lang="…", hreflang and the site's folders
    iso639_2: str  # as Akoma Ntoso's FRBRlanguage wants
    date_locale: str  # Babel locale for dates (ui.yaml's date_format is the pattern)
    search: str | None  # lunr's language (mkdocs.yml `search.lang`); None: lunr has none
    patterns: ImportPatterns
    ordinals: Ordinals | None = None  # words for `{n:ordinal}` in ui.yaml; None: digits
    # Invisible joiners (U+200C ZWNJ, U+200D ZWJ) the language's script needs inside words and
    # so keeps in its text (Persian or Hindi would); Cyrillic and Latin need none, so kk, ru and
    # en keep none: there a joiner is an invisible character that breaks search (source/rules.py).
    joiners: frozenset[str] = frozenset()
    locale: str = ""  # language_TERRITORY, as Open Graph's og:locale wants

    def ordinal(self, number: int) -> str:
        """The number as this language's ordinal word, where it has one; else its digits."""
        word = self.ordinals.word(number) if self.ordinals else None
        return word or str(number)


RECORDS = (
    Language("kk", "kaz", "kk", None, ImportPatterns(
        draft="Жоба|ЖОБА", title_word="КОНСТИТУЦИЯ",
        section=rf"(?<!\w)({ROMAN}|\d{{1,2}})(?:-|\s)(?i:бөлім)\b", article=r"(?<!\w)(\d{1,3})-(?i:бап)\b",
        address=r"Біз,[^,]*,", recital_ends=r"\w+(?:ып|іп|п)",  # converb: сақтай отырып,
        recital_starts=NEVER), locale="kk_KZ"),
    Language("ru", "rus", "ru", "ru", ImportPatterns(
        draft="Проект|ПРОЕКТ", title_word="КОНСТИТУЦИЯ",
        section=rf"(?<!\w)(?i:Раздел)\s+({ROMAN})\b", article=r"(?<!\w)(?i:Статья)\s+(\d{1,3})\b",
        address=r"Мы,[^,]*,", recital_ends=NEVER,
        recital_starts=r"[А-ЯЁ]\w*|\w+(?:я|ясь|вшись|аем|яем)"),  # деепричастие, принимаем
        RUSSIAN_ORDINALS, locale="ru_KZ"),
    Language("en", "eng", "en_GB", "en", ImportPatterns(
        draft="Draft|Project|DRAFT|PROJECT", title_word="CONSTITUTION",
        section=rf"(?<!\w)(?i:Section)\s+({ROMAN})\b", article=r"(?<!\w)(?i:Article)\s+(\d{1,3})\b",
        address=r"We,[^,]*,", recital_ends=NEVER,
        recital_starts=r"[A-Z]\w*|\w+(?:ing|ed)"), locale="en_GB"),  # recital_starts: a capital or a participle
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
