"""core/kazakh.py and its twin workers/kazakh.js: one specification, two implementations that agree.

The table tests/data/stemmer/kk.tsv (form, stem, lemma) is the stemmer's specification by example:
both implementations give every row's stem. Its lemmas measure the stemmer: precision (forms
that share a stem are forms of one lemma) and recall (forms of one lemma share a stem), the
figures the README states. The Latin-script table reads the 2021 alphabet, case pairs included.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from collections import Counter

import pytest

from constitution.core import kazakh, paths
from tests.helpers import DATA

SCRIPT = paths.ROOT / "overrides" / "assets" / "javascripts" / "workers" / "kazakh.js"
TABLE = DATA / "stemmer" / "kk.tsv"
README = paths.ROOT / "README.md"


def table() -> list[tuple[str, str, str]]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row["form"], row["stem"], row["lemma"]) for row in rows]


ROWS = table()

LATIN = [
    # (typed, read)
    ("Qazaqstan", "Қазақстан"),
    ("qūqyq", "құқық"),
    ("memleket", "мемлекет"),
    ("Astana", "Астана"),
    ("QAZAQSTAN", "ҚАЗАҚСТАН"),
    ("Qazaqstan Respublikasynyñ Konstitusiiasy", "Қазақстан Республикасының Конституциясы"),
    ("azamattarğa", "азаматтарға"),
    ("Mäjılıs", "Мәжіліс"),
    ("Qūryltai", "Құрылтай"),  # i after a vowel is й
    ("üiıne", "үйіне"),
    ("Prezident", "Президент"),  # i after a consonant is и
    ("Aziiada", "Азияда"),  # ia is я
    ("iurist", "юрист"),  # iu is ю
    ("Konstitusiia", "Конституция"),  # s before ия is ц …
    ("pensiia", "пенсия"),  # … but not after с, н, р, л
    ("sessiia", "сессия"),
    ("ekonomika", "экономика"),  # the loanwords' э, ъ, ц
    ("obekt", "объект"),
    ("sifrlyq", "цифрлық"),
    # the letters of their own, small and capital
    ("ä Ä", "ә Ә"), ("ğ Ğ", "ғ Ғ"), ("ı I", "і І"), ("ñ Ñ", "ң Ң"), ("ö Ö", "ө Ө"), ("ş Ş", "ш Ш"),
    ("ū Ū", "ұ Ұ"), ("ü Ü", "ү Ү"), ("i İ", "и И"), ("y Y", "ы Ы"), ("q Q", "қ Қ"), ("j J", "ж Ж"),
    # the Turkic case pairs: İ/i is и, I/ı is і (a default case mapping pairs I with i)
    ("İIıi", "Иіій"),
    ("İlım", "Илім"),
    ("BILIM", "БІЛІМ"),
    ("bılım", "білім"),
    ("i\u0307", "и"),  # what a default lowercase makes of İ
    # everything else as it was
    ("құқық", "құқық"),
    ("2026 ж., № 1 — «Astana»", "2026 ж., № 1 — «Астана»"),
    ("www.x", "www.x"),  # letters the alphabet has not
]

LOWER = [
    ("İ", "i"), ("I", "ı"), ("QAZAQSTAN", "qazaqstan"), ("İIıi", "iııi"), ("QŪQYQ", "qūqyq"),
    ("I\u0307", "i"), ("ҚҰҚЫҚ", "құқық"), ("ІЛІМ", "ілім"),
]

UNCHANGED = ["state", "2026", "Құқық", "ел", "бап", "мен", "а", "art_2", "құқық-", "__proto__", "constructor", ""]


def run_node(stem_words: list[str], latin_texts: list[str], lower_texts: list[str]) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: workers/kazakh.js is tested with Node (Debian: apt-get install nodejs; "
                    "`make` needs npm, which brings it)")
    program = (
        "require(process.argv[1]);"
        "var k = globalThis.kazakh, input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify({stem: input.stem.map(k.stem), fromLatin: input.fromLatin.map(k.fromLatin),"
        " lower: input.lower.map(k.lower)}));"
    )
    done = subprocess.run(
        [node, "-e", program, str(SCRIPT)], input=json.dumps(
            {"stem": stem_words, "fromLatin": latin_texts, "lower": lower_texts}),
        capture_output=True, text=True, encoding="utf-8", check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def latin_spelling(word: str) -> str:
    """A Cyrillic word as the 2021 alphabet writes it (й and и as i, я as ia, ю as iu, ц as s)."""
    letters = {cyrillic: latin for latin, cyrillic in kazakh.spec()["latin"]["letters"].items()
               if len(latin) == 1 and latin != "c"}
    return "".join({**letters, "й": "i", "и": "i", "я": "ia", "ю": "iu", "ц": "s"}[letter] for letter in word)


# what the 2021 alphabet writes alike (ъ, ь, ё, э, щ, ч, һ) cannot be read back
SPELLED = [(latin_spelling(form), form) for form, _, _ in ROWS if not set(form) & set("ъьёэщчһ")]


def generated() -> list[str]:
    """Every lemma of the table with each suffix of the specification; a third of them also with each possessive + case."""
    slots = {slot["id"]: [suffix for suffix, _ in slot["suffixes"]] for slot in kazakh.spec()["stemmer"]["slots"]}
    lemmas = sorted({lemma for _, _, lemma in ROWS})
    single = [lemma + suffix for lemma in lemmas for suffixes in slots.values() for suffix in suffixes]
    double = [lemma + possessive + case for lemma in lemmas[::3] for possessive in slots["possessive"] for case in slots["case"]]
    return sorted(set(single + double))


GENERATED = generated()


@pytest.fixture(scope="module")
def javascript() -> dict:
    words = [form for form, _, _ in ROWS] + UNCHANGED + GENERATED
    texts = [typed for typed, _ in LATIN] + [spelled for spelled, _ in SPELLED]
    lowered = [text for text, _ in LOWER]
    out = run_node(words, texts, lowered)
    return {"stem": dict(zip(words, out["stem"])), "fromLatin": dict(zip(texts, out["fromLatin"])),
            "lower": dict(zip(lowered, out["lower"]))}


def test_the_table_is_large_and_each_form_is_there_once():
    forms = Counter(form for form, _, _ in ROWS)
    assert len(ROWS) >= 300
    assert [form for form, count in forms.items() if count > 1] == []
    letters = set(kazakh.spec()["stemmer"]["alphabet"])
    assert [form for form, _, _ in ROWS if not set(form) <= letters] == []


@pytest.mark.parametrize(("form", "expected", "lemma"), ROWS, ids=[form for form, _, _ in ROWS])
def test_python_stems_the_table(form, expected, lemma):
    assert kazakh.stem(form) == expected


@pytest.mark.parametrize(("form", "expected", "lemma"), ROWS, ids=[form for form, _, _ in ROWS])
def test_javascript_stems_the_table_alike(javascript, form, expected, lemma):
    assert javascript["stem"][form] == expected


@pytest.mark.parametrize("word", UNCHANGED, ids=UNCHANGED)
def test_short_and_foreign_words_are_left_as_they_are(javascript, word):
    assert kazakh.stem(word) == word
    assert javascript["stem"][word] == word


@pytest.mark.parametrize(("typed", "read"), LATIN + SPELLED, ids=[typed for typed, _ in LATIN + SPELLED])
def test_latin_script_reads_as_cyrillic(javascript, typed, read):
    """The table above, and every form of the stemmer's table spelled in Latin."""
    assert kazakh.from_latin(typed) == read
    assert javascript["fromLatin"][typed] == read


@pytest.mark.parametrize(("text", "lowered"), LOWER, ids=[text for text, _ in LOWER])
def test_lowercase_keeps_the_turkic_pairs(javascript, text, lowered):
    assert kazakh.lower(text) == lowered
    assert javascript["lower"][text] == lowered


def test_both_stem_every_suffix_alike(javascript):
    """Beyond the table: each lemma with each suffix of the specification, and possessive + case."""
    assert len(GENERATED) > 20_000
    python = {word: kazakh.stem(word) for word in GENERATED}
    differ = [(word, python[word], javascript["stem"][word]) for word in GENERATED if python[word] != javascript["stem"][word]]
    assert differ == []


def test_the_script_is_plain_es5():
    """The worker loads it with importScripts in any browser Material supports: no ES2015 syntax."""
    code = re.sub(r"//.*|/\*.*?\*/", "", SCRIPT.read_text(encoding="utf-8"), flags=re.S)
    assert re.findall(r"\b(?:let|const|class)\s|=>|`|\.\.\.", code) == []


def test_the_script_embeds_the_specification():
    found = re.search(r"// kazakh\.json: begin\n\s*var SPEC = (.*);\n\s*// kazakh\.json: end",
                      SCRIPT.read_text(encoding="utf-8"), re.S)
    assert found, f"{SCRIPT.name}: no SPEC between the markers `// kazakh.json: begin` and `// kazakh.json: end`"
    assert json.loads(found.group(1)) == kazakh.spec(), (
        f"{SCRIPT.name}: its SPEC is not constitution/core/kazakh.json: paste the file between its markers")


def test_the_specification_is_consistent():
    rules = kazakh.spec()["stemmer"]
    for slot in rules["slots"]:
        suffixes = [suffix for suffix, _ in slot["suffixes"]]
        assert len(suffixes) == len(set(suffixes)), slot["id"]
        assert {condition for _, condition in slot["suffixes"]} <= set(rules["conditions"]), slot["id"]
        assert set("".join(suffixes)) <= set(rules["alphabet"]), slot["id"]
    assert all(kazakh.stem(word) == word for word in rules["keep"])


def measures(rows) -> tuple[float, float]:
    """Pairwise precision (of the pairs of forms with one stem, those of one lemma) and recall (the converse)."""
    def pairs(counts: Counter) -> int:
        return sum(count * (count - 1) // 2 for count in counts.values())

    both = pairs(Counter((stem, lemma) for _, stem, lemma in rows))
    return both / pairs(Counter(stem for _, stem, _ in rows)), both / pairs(Counter(lemma for _, _, lemma in rows))


def test_the_readme_states_precision_and_recall():
    precision, recall = measures(ROWS)
    stated = f"{len(ROWS)} forms of {len({lemma for _, _, lemma in ROWS})} words: precision {precision:.1%}, recall {recall:.1%}"
    assert stated in README.read_text(encoding="utf-8"), f"README.md should say: {stated}"
    assert precision >= 0.98 and recall >= 0.9
