"""Akoma Ntoso ids of the text units, and the Roman numerals of section numbers.

One naming convention for site anchors, PDF destinations and XML eIds, so that one id
names a clause in every output: `sec_1`, `preamble__rec_3`, `art_2__para_4__point_1`;
and FILE_ID, the strict pattern of an id that names files (the edition's).

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
_SECTION_ID = re.compile(r"sec_(\d+)")


def section_id(number: int) -> str:
    return f"sec_{number}"


def recital_id(number: int) -> str:
    return f"{PREAMBLE_ID}__rec_{number}"


def article_id(number: int) -> str:
    return f"art_{number}"


def clause_id(article_number: int, number: int) -> str:
    return f"{article_id(article_number)}__para_{number}"


def point_id(parent_id: str, number: int) -> str:
    return f"{parent_id}__point_{number}"


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
    """The unit's eId in Akoma Ntoso: `sec_1` -> `sec_I`, `title` -> `longTitle_1`, any other unchanged."""
    if unit_id == TITLE_ID:
        return LONG_TITLE_EID
    section = _SECTION_ID.fullmatch(unit_id)
    return f"sec_{roman(int(section.group(1)))}" if section else unit_id
