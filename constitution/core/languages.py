"""The three languages, one record each: codes, locales, search and how a published text writes them.

Kazakh is the state language: the site's default, served at the root. Everything that
differs by language and is not a translated string (those are in ui.yaml) lives in the
record, so adding a language means adding one record here.
"""

from __future__ import annotations

from dataclasses import dataclass

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"  # capitals of the three alphabets, as a regex character set body
NEVER = r"(?!)"


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


# The heading words of the other languages (never `{n:ordinal}`: their ui strings print digits).
KAZAKH_ORDINALS = Ordinals(
    units=("бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші",
           "тоғызыншы", "оныншы", "он бірінші", "он екінші", "он үшінші", "он төртінші", "он бесінші",
           "он алтыншы", "он жетінші", "он сегізінші", "он тоғызыншы"),
    tens=("жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"),
    tens_ordinal=("жиырмасыншы", "отызыншы", "қырқыншы", "елуінші", "алпысыншы", "жетпісінші", "сексенінші",
                  "тоқсаныншы"),
)
ENGLISH_ORDINALS = Ordinals(
    units=("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
           "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
           "eighteenth", "nineteenth"),
    tens=("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
    tens_ordinal=("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
                  "ninetieth"),
)
ENGLISH_CARDINALS = Ordinals(  # "Part One"
    units=("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
           "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
    tens=ENGLISH_ORDINALS.tens, tens_ordinal=ENGLISH_ORDINALS.tens,
)


@dataclass(frozen=True)
class ImportPatterns:
    """How one language's published text writes its parts (importer/headings.py makes them regexes):
    the words of each heading, written with its number before or after it (`1-бап`, `Статья 1`),
    and the words that open the preamble and a note."""

    draft: str  # the word printed with the title of a draft (a regex)
    title_word: str  # a word of the title, which is printed in capitals
    section_words: tuple[str, ...]
    chapter_words: tuple[str, ...]
    article_words: tuple[str, ...]
    number_words: tuple[Ordinals, ...]  # ordinal (and cardinal) words a heading may use for its number
    number_first: bool  # `1-бап`, `БІРІНШІ БӨЛІМ`; else `Статья 1`, `Раздел первый`
    note_words: tuple[str, ...]  # a note starts with one of them and a dot: «Примечание.»
    address: str  # the preamble's opening address ("We, the people ...,"): its first recital
    # In run-on text a recital ends at a comma after a word like `recital_ends`, or before a
    # word like `recital_starts`: each recital is a participial phrase of its own.
    recital_ends: str
    recital_starts: str
    letters: str  # the letters of lettered points, in order: а) б) в)


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
        draft="Жоба|ЖОБА", title_word="КОНСТИТУЦИЯ", section_words=("бөлім",), chapter_words=("тарау",),
        article_words=("бап",), number_words=(KAZAKH_ORDINALS,), number_first=True, note_words=("Ескерту", "Ескертпе"),
        address=r"Біз,[^,]*,", recital_ends=r"\w+(?:ып|іп|п)",  # converb: сақтай отырып,
        recital_starts=NEVER, letters="абвгдежзийклмнопрстуфхцчшщэюя"), locale="kk_KZ"),
    Language("ru", "rus", "ru", "ru", ImportPatterns(
        draft="Проект|ПРОЕКТ", title_word="КОНСТИТУЦИЯ", section_words=("Раздел",), chapter_words=("Глава",),
        article_words=("Статья",), number_words=(RUSSIAN_ORDINALS,), number_first=False,
        note_words=("Примечание", "Примечания", "Сноска", "Сноски"),
        address=r"Мы,[^,]*,", recital_ends=NEVER,
        recital_starts=r"[А-ЯЁ]\w*|\w+(?:я|ясь|вшись|аем|яем)",  # деепричастие, принимаем
        letters="абвгдежзиклмнопрстуфхцчшщэюя"), RUSSIAN_ORDINALS, locale="ru_KZ"),
    Language("en", "eng", "en_GB", "en", ImportPatterns(
        draft="Draft|Project|DRAFT|PROJECT", title_word="CONSTITUTION", section_words=("Section", "Part"),
        chapter_words=("Chapter",), article_words=("Article",), number_words=(ENGLISH_ORDINALS, ENGLISH_CARDINALS),
        number_first=False,
        note_words=("Note", "Notes", "Footnote"), address=r"We,[^,]*,", recital_ends=NEVER,
        recital_starts=r"[A-Z]\w*|\w+(?:ing|ed)",  # a capital or a participle
        letters="abcdefghijklmnopqrstuvwxyz"), locale="en_GB"),
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
