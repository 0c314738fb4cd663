"""Akoma Ntoso ids of the text units, and the Roman numerals of section numbers.

One naming convention for site anchors, PDF destinations and XML eIds, so that one id
names a clause in every output: `sec_1`, `sec_2__chp_3`, `preamble__rec_3`, `art_2__para_4__point_1`,
`art_60__para_4__subpara_2` (an unnumbered part), `art_5__para_2__wrapup` (the text after a
clause's points), `art_7__hdg` (an article's title), `art_2__note_1` (a note on a unit); the
numbers as written (`art_26-1`, `art_3__para_3-1`, `art_4__para_1__point_b`: NUMBER); and
FILE_ID, the strict pattern of an id that names files (the edition's).

Two units are named otherwise in Akoma Ntoso, whose naming convention builds an eId from
the element's <num> and names an unnumbered element by its name and ordinal (akn_eid): a
section is `sec_I` ("Section I"), the long title `longTitle_1`. The site and the PDFs keep
`sec_1` and `title` (their URLs and anchors do not change); each such page also carries the
Akoma Ntoso eId as an alias anchor, so an eId of the XML is an anchor on the site too.
"""

import re

TITLE_ID = "title"
PREAMBLE_ID = "preamble"


LONG_TITLE_EID = "longTitle_1"
_SECTION_ID = re.compile(r"sec_(\d+)(?=__|$)")

# A number as the text writes it: 26, a suffixed 26-1 (an article, clause or point inserted
# after 26), or a point's letter, written with the Latin letters a-z in every language
# (ui.yaml `point_letters` says which letter each language prints in that place).
SUFFIXED = r"[1-9][0-9]*(?:-[1-9][0-9]*)+"
LETTER = r"[a-z]"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
Number = int | str


def number_key(number: Number) -> tuple[int, ...]:
    """Sort key of a number: 26 -> (26,), '26-1' -> (26, 1), 'b' -> (2,) (letters sort among themselves)."""
    if isinstance(number, int):
        return (number,)
    if len(number) == 1 and number in LETTERS:
        return (LETTERS.index(number) + 1,)
    return tuple(int(part) for part in number.split("-"))


def base_number(number: Number) -> int:
    """The plain number a suffixed one follows: '26-1' -> 26 (a letter's is its position)."""
    return number_key(number)[0]


def is_letter(number: Number) -> bool:
    return isinstance(number, str) and len(number) == 1 and number in LETTERS


def letter(position: int) -> str:
    """The id letter of the n-th lettered point: 1 -> 'a'."""
    return LETTERS[position - 1]


def section_id(number: int) -> str:
    return f"sec_{number}"


def recital_id(number: int) -> str:
    return f"{PREAMBLE_ID}__rec_{number}"


def chapter_id(section_id_: str, number: int) -> str:
    """A chapter of a section: `sec_2__chp_3` (shown on its section's page)."""
    return f"{section_id_}__chp_{number}"


def article_id(number: Number) -> str:
    return f"art_{number}"


def heading_id(article_id_: str) -> str:
    """An article's title (its heading)."""
    return f"{article_id_}__hdg"


def clause_id(article_number: Number, number: Number) -> str:
    return f"{article_id(article_number)}__para_{number}"


def point_id(parent_id: str, number: Number) -> str:
    return f"{parent_id}__point_{number}"


def subparagraph_id(parent_id: str, number: int) -> str:
    """The n-th unnumbered part of an article, clause or point (its text is part 1)."""
    return f"{parent_id}__subpara_{number}"


def wrap_up_id(parent_id: str) -> str:
    """The closing text of a clause (or article) after its points: Akoma Ntoso `wrapUp`."""
    return f"{parent_id}__wrapup"


def note_id(owner_id: str, number: int) -> str:
    """The n-th note (editorial note, amendment footnote) attached to a unit."""
    return f"{owner_id}__note_{number}"


ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def roman(number: int) -> str:
    """Section numbers are printed in Roman numerals in all three languages."""
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(letters: str) -> int:
    values = dict((letter, value) for value, letter in ROMAN if len(letter) == 1)
    total = 0
    for index, letter in enumerate(letters):
        value = values[letter]
        following = values[letters[index + 1]] if index + 1 < len(letters) else 0
        total += -value if value < following else value
    return total


# An id that names files (the edition's: constitution-<id>-offline.zip, the bundle's folder):
# letters and digits in runs joined by one '.' or '-', never a path, a Markdown or an HTML sign.
FILE_ID = re.compile(r"[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*")
MAX_FILE_ID = 64


def file_id_problem(value: str) -> str | None:
    """Why `value` cannot name a file, or None: see FILE_ID."""
    if len(value) > MAX_FILE_ID:
        return f"is {len(value)} characters long: at most {MAX_FILE_ID}"
    if not FILE_ID.fullmatch(value):
        return ("may hold only letters A-Z a-z and digits, in runs joined by one '.' or '-' "
                "(it names files), e.g. 2026-01-30")
    return None


def akn_eid(unit_id: str) -> str:
    """The unit's eId in Akoma Ntoso: `sec_1` -> `sec_I` (`sec_1__note_1` -> `sec_I__note_1`),
    `title` -> `longTitle_1`, any other unchanged."""
    if unit_id == TITLE_ID:
        return LONG_TITLE_EID
    return _SECTION_ID.sub(lambda m: f"sec_{roman(int(m.group(1)))}", unit_id, count=1) \
        if unit_id.startswith("sec_") else unit_id
