"""Kazakh for search: the stemmer, the reading of the 2021 Latin alphabet, Turkic lowercase.

The rules are data, in kazakh.json beside this module: the one specification, which the search
worker's overrides/assets/javascripts/workers/kazakh.js embeds and implements the same way
(tests/unit/core/test_kazakh.py runs both on tests/data/stemmer/kk.tsv). Pure functions.

`stem` strips a word's inflection from the outside in, one suffix per slot: the finite verb's
ending, the attribute -ғы/-дағы, case, possessive, plural, participle, verbal noun. Within a
slot the longest suffix whose condition holds (the letter before it: a vowel, a consonant, a
voiceless one, the possessive's ы/і) and that leaves a stem of `min_stem` letters with a vowel
(or one of the `short_stems`, ел, іс, өз …, or before a verb's suffix `short_verb_stems`, ал,
ет …) is taken. A word of `keep` the word begins with is
never cut into and ends the stripping, and so does an agent noun in -шы/-ші. The stem's final
ғ/г/б is then written қ/к/п (құқығы → құқық), and a stem that lost its vowel gets it back
(халқ → халық).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

SPEC_FILE = Path(__file__).with_name("kazakh.json")
COMBINING_DOT = "\u0307"  # what Python's and JavaScript's "İ".lower() leave after the i


@cache
def spec() -> dict:
    return json.loads(SPEC_FILE.read_text(encoding="utf-8"))


@cache
def _stemmer() -> dict:
    """The stemmer's part of the specification, its slots' suffixes longest first."""
    rules = dict(spec()["stemmer"])
    rules["slots"] = [(sorted(slot["suffixes"], key=lambda suffix: -len(suffix[0])), slot.get("last", False),
                       slot.get("verb", False)) for slot in rules["slots"]]
    for name in ("alphabet", "vowels", "short_stems", "short_verb_stems", "keep"):  # read for membership only
        rules[name] = frozenset(rules[name])
    return rules


def _is_stem(rules: dict, candidate: str, verb: bool = False) -> bool:
    """Long enough, with a vowel; or a short stem (a verb's only before a verb's suffix: алды is алд-ы)."""
    if candidate in rules["short_stems"] or (verb and candidate in rules["short_verb_stems"]):
        return True
    return len(candidate) >= rules["min_stem"] and any(letter in rules["vowels"] for letter in candidate)


def _kept(rules: dict, candidate: str) -> bool:
    """Whether `candidate` is a stem of its own: a word of `keep`, or long and of one of `keep_endings`."""
    endings = rules["keep_endings"]
    return candidate in rules["keep"] or (
        len(candidate) >= endings["min_length"] and any(candidate.endswith(end) for end in endings["endings"]))


def _allowed(rules: dict, rest: str, condition: str, verb: bool) -> bool:
    """Whether a suffix may leave `rest`: a stem that ends in a letter or an ending of the suffix's condition."""
    fits = rules["conditions"][condition]
    if fits and not ((rest and rest[-1] in fits["letters"])
                     or any(rest.endswith(end) for end in fits.get("endings", ()))):
        return False
    return _is_stem(rules, rest, verb)


def stem(word: str) -> str:
    """The stem of one lowercase Cyrillic Kazakh word; a word with any other letter comes back unchanged."""
    rules = _stemmer()
    if any(letter not in rules["alphabet"] for letter in word) or not _is_stem(rules, word):
        return word
    current = word
    # a word of `keep` the word begins with is never cut into: отаны is отан-ы, not ота-ны
    protect = next((word[:end] for end in range(len(word), 0, -1) if word[:end] in rules["keep"]), None)
    for suffixes, last, verb in rules["slots"]:
        if _kept(rules, current):
            return current
        for suffix, condition in suffixes:
            if not current.endswith(suffix):
                continue
            rest = current[: len(current) - len(suffix)]
            if protect and len(rest) < len(protect):
                continue
            if rest == protect:  # whatever the suffix's condition: зейнетақысы is зейнетақы-сы
                return rest
            if _allowed(rules, rest, condition, verb):
                current = rest
                break
        if last and current != word:  # a finite verb's stem: no case, possessive or plural before its ending
            break
    if _kept(rules, current):
        return current
    final = current[-1]
    current = current[:-1] + rules["alternations"].get(final, final)
    return rules["vowel_drop"].get(current, current)


def lower(text: str) -> str:
    """Lowercase with the Turkic pairs of the Latin alphabet: İ → i, I → ı (never i̇ nor i)."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("İ", "i").replace("I", "ı").lower().replace("i" + COMBINING_DOT, "i")


@cache
def _latin() -> tuple[dict, re.Pattern]:
    latin = spec()["latin"]
    letters = "".join(sorted({*latin["upper"], *latin["upper"].values(), COMBINING_DOT}))
    return latin, re.compile(f"[{re.escape(letters)}]+")


def _cased(latin: dict, word: str, model: str) -> str:
    """`word` (lowercase Cyrillic) in the case of `model` (its Latin spelling): all capitals, first capital, or none."""
    capitals = [letter for letter in model if letter in latin["upper"]]
    if len(capitals) == len(model) and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1] in latin["upper"] else word


def _latin_word(latin: dict, word: str) -> str:
    """One word of the 2021 Latin alphabet in Cyrillic, lowercase."""
    letters = latin["letters"]
    text = "".join(latin["upper"].get(letter, letter) for letter in word).replace("i" + COMBINING_DOT, "i")
    out = []
    index = 0
    while index < len(text):
        pair = text[index:index + 2]
        if len(pair) == 2 and pair in letters:
            out.append(letters[pair])
            index += 2
            continue
        letter = text[index]
        if letter == "i":
            after_vowel = index > 0 and text[index - 1] in latin["vowels"]
            out.append(latin["dotted_i"]["after_vowel" if after_vowel else "otherwise"])
        else:
            out.append(letters.get(letter, letter))
        index += 1
    cyrillic = "".join(out)
    tse = latin["tse_before_ia"]  # ц is written s: «Konstitusiia», but «pensiia», «sessiia» keep their с
    found = cyrillic.find(tse["find"], 1)
    while found > 0:
        if cyrillic[found - 1] not in tse["unless_after"]:
            cyrillic = cyrillic[:found] + tse["replace"] + cyrillic[found + len(tse["find"]):]
        found = cyrillic.find(tse["find"], found + 1)
    for written, meant in latin["loanwords"].items():
        if cyrillic.startswith(written):
            return meant + cyrillic[len(written):]
    return cyrillic


def from_latin(text: str) -> str:
    """Text in the 2021 Kazakh Latin alphabet, in Cyrillic; every other character as it was."""
    latin, word = _latin()
    text = unicodedata.normalize("NFC", text)
    return word.sub(lambda found: _cased(latin, _latin_word(latin, found.group()), found.group()), text)
