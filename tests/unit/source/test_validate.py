"""The validator: valid sources pass; each broken source, made from tests/data/rich by one
small mutation, gets the one line naming its file, line, id and language (the command and its
exit code: tests/build/cli/test_validate.py)."""

import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from constitution.core.problems import ERROR, WARNING, SourceError
from constitution.source import validate
from constitution.source.rules import RULES
from tests.helpers import RICH


@dataclass(frozen=True)
class Case:
    name: str
    edits: tuple  # ("replace", file, old, new) | ("write", file, text or bytes) | ("delete", file)
    # | ("move", file, new name) | ("append", file, text)
    file: str  # the line expected: file:line: id: lang: ...fragment
    line: int
    id: str
    lang: str
    fragment: str
    severity: str = ERROR


def replace(file, old, new):
    return ("replace", file, old, new)


A1, A2, A3 = "articles/001.yaml", "articles/002.yaml", "articles/003.yaml"
DOC, PRE, UI = "document.yaml", "preamble.yaml", "ui.yaml"
RU_A1 = "  text: Тестовый текст первой статьи."
MISSING = "  kk:\n    status: missing\n  ru:\n    status: missing\n  en:\n    status: missing\n"
UI_LINES = (RICH / UI).read_text(encoding="utf-8").splitlines()
POINT_LETTERS = UI_LINES.index("point_letters:") + 1  # the key's line in the fixture's ui.yaml
EN_URL = "https://www.gov.kz/memleket/entities/kostanai-kalasy-akimat/press/news/details/1152143?lang=kk"

CASES = [
    # What the loader reports: syntax, encoding, types, unknown keys, languages, statuses.
    Case("yaml-syntax", (replace(A1, "number: 1\n", "number: [1\n"),), A1, 4, "-", "-", "YAML syntax"),
    Case("not-utf8", (("write", PRE, b"id: preamble\nrecitals: \xff\n"),), PRE, 2, "-", "-", "not UTF-8"),
    Case("binary-garbage", (("write", A2, bytes(range(256)) * 4),), A2, 2, "-", "-", "not UTF-8 (byte 0x80)"),
    Case("nul-byte", (("write", A2, b"id: art_2\nnumber: \x00"),), A2, 2, "-", "-", "binary data (NUL byte)"),
    Case("list-for-mapping", (("write", DOC, "- a\n- b\n"),), DOC, 1, "-", "-", "valid dictionary"),
    Case("empty-file", (("write", UI, ""),), UI, 1, "-", "-", "file is empty"),
    Case("absent-file", (("delete", PRE),), PRE, 1, "-", "-", "file is absent"),
    Case("yaml-alias", (("write", UI, "a: &x [*x]\n"),), UI, 1, "-", "-", "aliases"),
    Case("impossible-date", (replace(DOC, "date: 2026-01-30", "date: 2026-13-45"),), DOC, 15, "-", "-",
         "unreadable value"),
    Case("duplicate-key", (replace(A1, "section: 1\n", "section: 1\nsection: 1\n"),), A1, 5, "-", "-",
         "duplicate key 'section'"),
    Case("unknown-key", (replace(A1, "section: 1\n", "section: 1\nheading: x\n"),), A1, 5, "art_1", "-",
         "unknown key 'heading'"),
    Case("unknown-language", (replace(A2, "  en:\n", "  de:\n    status: unofficial\n    text: x\n  en:\n"),),
         A2, 14, "art_2__para_1", "-", "unknown language or key 'de'"),
    Case("unknown-status", (replace(A1, "status: official", "status: draft"),), A1, 6, "art_1", "kk",
         "unknown status 'draft'"),
    # The rules of source/rules.py, one case (at least) each.
    Case("id-not-its-number", (replace(A2, "- id: art_2__para_1", "- id: art_2__para_9"),), A2, 6,
         "art_2__para_9", "-", "expected 'art_2__para_1'"),
    Case("point-id-not-its-number", (replace(A3, "- id: art_3__point_2", "- id: art_3__point_3"),), A3, 26,
         "art_3__point_3", "-", "expected 'art_3__point_2'"),
    Case("section-id-not-its-number", (replace(DOC, "- id: sec_2", "- id: section_2"),), DOC, 80, "section_2",
         "-", "expected 'sec_2'"),
    Case("clause-gap", (replace(A2, "- id: art_2__para_3\n  number: 3", "- id: art_2__para_4\n  number: 4"),
                        replace(A2, "art_2__para_3__point_", "art_2__para_4__point_")),
         A2, 44, "art_2__para_4", "-", "clause 4 follows clause 2: clause 3 is absent"),
    # Version 2's units: suffixed and lettered numbers, parts, wrap-ups, notes, chapters.
    Case("suffix-skips", (replace(A2, "- id: art_2__para_2\n  number: 2", "- id: art_2__para_1-2\n  number: 1-2"),),
         A2, 18, "art_2__para_1-2", "-", "clause 1-2 follows clause 1: expected 2 or 1-1"),
    Case("letters-and-digits", (replace(A3, "- id: art_3__point_2\n  number: 2", "- id: art_3__point_b\n  number: b"),),
         A3, 27, "art_3__point_b", "-", "point b among numbered points"),
    Case("letter-id", (replace(A3, "- id: art_3__point_1\n  number: 1", "- id: art_3__point_1\n  number: a"),
                       replace(A3, "- id: art_3__point_2\n  number: 2", "- id: art_3__point_b\n  number: b")),
         A3, 15, "art_3__point_1", "-", "expected 'art_3__point_a'"),
    Case("part-starts-at-one", (("append", A1, "parts:\n- id: art_1__subpara_1\n  number: 1\n" + MISSING),),
         A1, 16, "art_1__subpara_1", "-", "part numbers start at 1, not 2"),
    Case("note-id", (("append", A1, "notes:\n- id: art_1__note_2\n  number: 1\n" + MISSING),),
         A1, 15, "art_1__note_2", "-", "expected 'art_1__note_1'"),
    Case("wrap-up-without-points", (("append", A1, "wrap_up:\n  id: art_1__wrapup\n" + MISSING.replace("  ", "", 0)),),
         A1, 14, "art_1", "-", "a wrap-up is the text after a list of points"),
    Case("article-with-clauses-and-parts", (("append", A2, "parts:\n- id: art_2__subpara_2\n  number: 2\n" + MISSING),),
         A2, 76, "art_2", "-", "an article with clauses has no parts of its own"),
    Case("chapter-leaves-an-article", (replace(DOC, "  articles:\n  - 1\n  - 2\n",
                                               "  articles:\n  - 1\n  - 2\n  chapters:\n  - id: chp_1\n    number: 1\n"
                                               "    title:\n" + MISSING.replace("  ", "      ", 1).replace("\n  ", "\n      ")
                                               + "    articles: [1]\n"),),
         DOC, 80, "sec_1", "-", "article 2 is in no chapter"),
    Case("point-letters-twice", (replace(UI, "  en: a b c d e", "  en: a b b d e"),), UI, POINT_LETTERS + 3, "point_letters", "en",
         "point_letters holds 'b' twice"),
    Case("point-letters-too-few", (replace(UI, "  ru: а б в г д е ж з и к л м н о п р с т у ф х ц ч ш щ э", "  ru: а"),
                                   replace(A3, "- id: art_3__point_1\n  number: 1", "- id: art_3__point_a\n  number: a"),
                                   replace(A3, "- id: art_3__point_2\n  number: 2", "- id: art_3__point_b\n  number: b")),
         UI, POINT_LETTERS + 2, "point_letters", "ru", "point_letters has 1 letters; the source letters a point 'b'"),
    Case("clauses-swapped", (replace(A2, "- id: art_2__para_1\n  number: 1", "- id: art_2__para_2\n  number: 2"),
                          replace(A2, "- id: art_2__para_2\n  number: 2\n  kk:\n    status: unofficial\n"
                                      "    text: |-", "- id: art_2__para_1\n  number: 1\n  kk:\n"
                                      "    status: unofficial\n    text: |-")),
         A2, 7, "art_2__para_2", "-", "clause numbers start at 2, not 1"),
    Case("clause-repeated", (replace(A2, "- id: art_2__para_3\n  number: 3", "- id: art_2__para_2\n  number: 2"),
                             replace(A2, "art_2__para_3__point_", "art_2__para_2__point_")),
         A2, 44, "art_2__para_2", "-", "clause 2 comes after clause 2: out of order or repeated"),
    Case("recital-gap", (replace(PRE, "- id: preamble__rec_2\n  number: 2", "- id: preamble__rec_3\n  number: 3"),),
         PRE, 16, "preamble__rec_3", "-", "recital 3 follows recital 1"),
    Case("points-start-at-0", (replace(A3, "- id: art_3__point_1\n  number: 1", "- id: art_3__point_0\n  number: 0"),),
         A3, 16, "art_3__point_0", "-", "point numbers start at 0, not 1"),
    Case("duplicate-id-across-files", (("write", "articles/004.yaml", (RICH / A1).read_text(encoding="utf-8")),),
         "articles/004.yaml", 2, "art_1", "-", "id 'art_1' is already used at"),
    Case("file-name-not-its-number", (("move", A3, "articles/03.yaml"),), "articles/03.yaml", 3, "art_3", "-",
         "Article 3 belongs in articles/003.yaml, not 03.yaml"),
    Case("section-lists-absent-article", (("delete", A3),), DOC, 93, "sec_2", "-",
         "lists article 3, which does not exist"),
    Case("article-in-no-section", (replace(DOC, "  articles:\n  - 3\n", "  articles: []\n"),), A3, 4, "art_3", "-",
         "Article 3 is in no section"),
    Case("article-section-disagrees", (replace(A3, "section: 2", "section: 1"),), A3, 4, "art_3", "-",
         "lists Article 3 in section 2"),
    Case("article-in-two-sections", (replace(DOC, "  articles:\n  - 3\n", "  articles:\n  - 2\n  - 3\n"),), A2, 4,
         "art_2", "-", "listed by sections 1, 2"),
    Case("sections-out-of-order", (replace(DOC, "- id: sec_2\n  number: 2", "- id: sec_1\n  number: 1"),), DOC, 81,
         "sec_1", "-", "section 1 comes after section 1"),
    Case("article-beyond-full-text", (replace(DOC, "  articles: 5", "  articles: 2"),), A3, 3, "art_3", "-",
         "outside 1 to 2"),
    Case("huge-article-number", (replace(A3, "number: 3", "number: 1" + "0" * 300),), A3, 3, "art_3", "-",
         "article number 100000... (301 digits) is outside 1 to 5"),
    Case("schema-version", (replace(DOC, "schema_version: 1", "schema_version: 3"),), DOC, 2, "-", "-",
         "schema_version is 3; this package reads versions 1 to 2"),
    Case("article-with-clauses-and-text", (replace(A2, "section: 1\n", "section: 1\nen:\n  status: unofficial\n"
                                                                     "  text: Stray.\n"),),
         A2, 5, "art_2", "en", "an article with clauses has no text of its own"),
    Case("absent-language", (replace(A1, "ru:\n  status: unofficial\n" + RU_A1 + "\n", ""),), A1, 2, "art_1", "ru",
         "no ru entry: write `ru:` with `status: missing`"),
    Case("missing-with-text", (replace(PRE, "    status: missing\n", "    status: missing\n    text: Вторая.\n"),),
         PRE, 20, "preamble__rec_2", "ru", "status is missing but there is text"),
    Case("text-missing-without-status", (replace(A2, "  ru:\n    status: missing", "  ru:\n    status: unofficial"),),
         A2, 48, "art_2__para_3", "ru", "status is unofficial but there is no text"),
    Case("empty-text", (replace(A1, "  text: Fixture text of article one.", "  text: ''"),), A1, 13, "art_1", "en",
         "en.text is empty"),
    Case("whitespace-text", (replace(A1, RU_A1, "  text: '  \t'"),), A1, 10, "art_1", "ru",
         "ru.text is only whitespace"),
    Case("section-title-empty", (replace(DOC, "text: Second fixture section", "text: ' '"),), DOC, 91, "sec_2", "en",
         "only whitespace"),
    Case("not-nfc", (replace(A1, RU_A1, RU_A1.replace("Тестовый", "Тестови\u0306")),), A1, 10, "art_1", "ru",
         "not in Unicode NFC (at character 8, U+0306)"),
    Case("combining-mark", (replace(A1, RU_A1, RU_A1.replace("Тестовый", "Теста\u0301вый")),), A1, 10, "art_1", "ru",
         "holds the combining mark U+0301 after 'а', at character 6"),
    Case("ui-not-nfc", (replace(UI, "ru: Проект\n", "ru: Прои\u0306ект\n"),), UI, 9, "draft", "ru", "not in Unicode NFC"),
    Case("ui-placeholders", (replace(UI, 'ru: "Раздел {n}"', 'ru: "Раздел"'),), UI, 17, "section_label", "ru",
         "placeholders (none) differ from kk's {n}"),
    # `{recital:ordinal}` names the value `{recital}` names (written as a word); another name differs
    Case("ui-ordinal-placeholder", (replace(UI, 'ru: "абзац {recital:ordinal} преамбулы"',
                                            'ru: "абзац {number:ordinal} преамбулы"'),), UI, 272, "cite_recital", "ru",
         "placeholders {number} differ from kk's {recital}"),
    Case("ui-format-spec", (replace(UI, 'ru: "Раздел {n}"', 'ru: "Раздел {n:>300}"'),), UI, 17, "section_label", "ru",
         "placeholder {n:>300}: only {name:ordinal} may carry a form"),
    Case("ui-retired-key", (replace(UI, "date_format:\n", "cite_date_format:\n"),), UI, 242, "cite_date_format", "-",
         "'cite_date_format' is renamed date_format"),
    Case("ui-empty", (replace(UI, "en: Preamble", "en: ''"),), UI, 14, "preamble", "en", "is empty"),
    # The interface strings are declared (source/ui.py KEYS): an absent one is a load error.
    Case("ui-key-absent", (replace(UI, "site_permalink:\n", "site_permalink_old:\n"),), UI, 3, "site_permalink", "-",
         "required key 'site_permalink' is absent"),
    Case("no-article", (("delete", A1), ("delete", A2), ("delete", A3)), "articles", 1, "-", "-", "no article"),
    Case("mixed-script-word", (replace(A1, RU_A1, RU_A1.replace("Тестовый", "Тeстовый")),), A1, 10, "art_1", "ru",
         "warning: 'Тeстовый' mixes Latin and Cyrillic letters (Latin: e)", WARNING),
    Case("text-missing", (), PRE, 20, "preamble__rec_2", "ru", "warning: no text yet (status: missing)", WARNING),
    # What an output cannot hold or a reader cannot see (issue 15): one line each, at its string
    *(Case(f"hidden-{name}", (replace(A1, RU_A1, f'  text: "Тестовый{escape} текст"'),), A1, 10, "art_1", "ru",
           f"ru.text holds {why}, U+{code}, at character 9")
      for name, escape, why, code in (
          ("bell", "\\x07", "a control character", "0007"), ("escape", "\\e", "a control character", "001B"),
          ("carriage-return", "\\r", "a control character", "000D"), ("tab", "\\t", "a tab", "0009"),
          ("c1", "\\x85", "a control character", "0085"), ("noncharacter", "\\uFFFF", "a noncharacter", "FFFF"),
          ("noncharacter-fdd0", "\\uFDD0", "a noncharacter", "FDD0"),
          ("bidi-override", "\\u202E", "a bidirectional control", "202E"),
          ("bidi-embedding", "\\u202A", "a bidirectional control", "202A"),
          ("bidi-isolate", "\\u2066", "a bidirectional control", "2066"),
          ("bidi-pop-isolate", "\\u2069", "a bidirectional control", "2069"),
          ("zero-width-space", "\\u200B", "a zero-width space", "200B"),
          ("zwnj", "\\u200C", "a zero-width non-joiner (ZWNJ)", "200C"),
          ("zwj", "\\u200D", "a zero-width joiner (ZWJ)", "200D"),
          ("bom", "\\uFEFF", "a zero-width no-break space (BOM)", "FEFF"),
          ("soft-hyphen", "\\u00AD", "a soft hyphen", "00AD"),
          ("line-separator", "\\u2028", "a line separator", "2028"))),
    # libyaml refuses a surrogate escape, and UTF-8 cannot encode one: it never reaches the rules
    Case("lone-surrogate", (replace(A1, RU_A1, '  text: "Тестовый\\uD800 текст"'),), A1, 10, "-", "-",
         "YAML syntax: found invalid Unicode character escape code"),
    Case("lone-surrogate-bytes", (("write", A1, b"id: art_1\nnumber: 1\ntext: \xed\xa0\x80\n"),), A1, 3, "-", "-",
         "not UTF-8 (byte 0xed)"),
    Case("hidden-twice", (replace(A1, RU_A1, '  text: "Тестовый\\x07 текст\\u200B"'),), A1, 10, "art_1", "ru",
         "(and 1 more)"),
    Case("ui-control-character", (replace(UI, "ru: Проект\n", 'ru: "Про\\eект"\n'),), UI, 9, "draft", "ru",
         "ru holds a control character, U+001B"),
    Case("language-name-carriage-return", (replace(DOC, "    name: Русский", '    name: "Русский\\r}"'),), DOC, 35,
         "-", "ru", "languages.ru.name holds a control character, U+000D"),
    # interface strings: plain text with their key's named placeholders
    *(Case(f"ui-{name}", (replace(UI, 'ru: "Раздел {n}"', f'ru: "Раздел {text}"'),), UI, 17, "section_label", "ru",
           fragment) for name, text, fragment in (
        ("unknown-placeholder", "{x}", "unknown placeholder {x}: section_label knows {n}"),
        ("positional", "{0}", "placeholder {0} is not {name} or {name:ordinal}"),
        ("empty-braces", "{}", "placeholder {} is not {name} or {name:ordinal}"),
        ("attribute", "{n.__class__.__mro__}", "placeholder {n.__class__.__mro__} is not {name}"),
        ("index", "{n[0]}", "placeholder {n[0]} is not {name}"),
        ("conversion", "{n!r}", "placeholder {n!r} is not {name}"),
        ("huge-width", "{n:>300000000}", "placeholder {n:>300000000}: only {name:ordinal} may carry a form"),
        ("stray-open", "{n", "unbalanced '{' at character 8"),
        ("stray-close", "n}", "unbalanced '}' at character 9"),
        ("doubled", "{{n}}", "'{{' at character 8: a ui string has no brace escape; a placeholder is {name}"),
        ("ordinal-not-read", "{n:ordinal}", "placeholder {n:ordinal}: only {name:ordinal} may carry a form, "
                                            "and only in cite_recital"))),
    Case("ui-placeholder-of-another-key", (replace(UI, 'ru: "{n} КБ"', 'ru: "{n} КБ {unit}"'),), UI, 231,
         "site_size_kb", "ru", "unknown placeholder {unit}: site_size_kb knows {n}"),
    *(Case(f"date-pattern-{name}", (replace(UI, "ru: \"d MMMM y 'г.'\"", f'ru: "{pattern}"'),), UI, 244,
           "date_format", "ru", fragment) for name, pattern, fragment in (
        ("fraction-of-second", "d MMMM y SSS", "date pattern: 'S' is no field of a date"),
        ("hour", "d MMMM y HH:mm", "date pattern: 'Hm' is no field of a date"),
        ("unquoted-word", "d MMMM y г. text", "date pattern: 'x' is no field of a date"))),
    # what the theme prints as HTML, and what names files or links out
    Case("site-name-markup", (replace(UI, "en: Draft Constitution of the Republic of Kazakhstan\n",
                                      "en: Draft </title><svg onload=alert(1)>\n"),), UI, 6, "site_name", "en",
         "site_name.en holds '<': the theme prints this name as HTML"),
    Case("site-description-quote", (replace(UI, "en: The draft Constitution", "en: The \"draft\" Constitution"),),
         UI, 80, "site_description", "en", "site_description.en holds '\"'"),
    Case("language-name-markup", (replace(DOC, "    name: Русский", "    name: Русский<svg onload=alert(1)>"),),
         DOC, 35, "-", "ru", "languages.ru.name holds '<'"),
    *(Case(f"edition-id-{name}", (replace(DOC, "id: '2026-01-30'", f"id: '{value}'"),), DOC, 14, "-", "-",
           "edition.id may hold only letters") for name, value in (
        ("slash", "a/b"), ("dots", "../.."), ("markdown", "kk.pdf)<svg\tonload=alert(1)>(x"), ("space", "a b"),
        ("leading-dot", ".hidden"))),
    Case("edition-id-long", (replace(DOC, "id: '2026-01-30'", f"id: '{'a' * 65}'"),), DOC, 14, "-", "-",
         "edition.id is 65 characters long: at most 64"),
    *(Case(f"source-url-{name}", (replace(DOC, f"url: {EN_URL}", f"url: {value}"),), DOC, 63, "-",
           "en", fragment) for name, value, fragment in (
        ("javascript", "'javascript:alert(1)//'", "sources.en.url scheme 'javascript:' is not allowed"),
        ("data", "'data:text/html,x'", "scheme 'data:' is not allowed: only https:, http:, mailto:"),
        ("markdown-link", "'https://x.kz/[a](b)'", "sources.en.url holds '['"),
        ("attribute", "'https://x.kz/\" onmouseover=alert(1) x=\"'", "holds '\"'"),
        ("no-host", "'https:evil'", "has no host"))),
    # what a spreadsheet opening constitution.csv would run as a formula (the text stays verbatim: refused)
    *(Case(f"formula-{name}", (replace(A1, "  text: Fixture text of article one.", f"  text: {value}"),), A1, 13,
           "art_1", "en", f"en.text starts with {value.strip(chr(39))[0]!r}: a spreadsheet opening constitution.csv")
      for name, value in (("hyperlink", "'=HYPERLINK(\"https://x.kz\",\"y\")'"), ("plus", "'+1+1'"),
                          ("at", "'@SUM(A1:A2)'"), ("minus-sum", "'-1+1'"), ("minus-cell", "-A1"),
                          ("minus-bracket", "'-(1)'"))),
    Case("formula-section-title", (replace(DOC, "text: Second fixture section", "text: '=1+1'"),), DOC, 91, "sec_2",
         "en", "sections.1.title.en.text starts with '='"),
    Case("formula-timeline", (replace(DOC, "en: The Constitutional Commission published the first draft of the new "
                                           "Constitution for public discussion.", "en: '@Commission'"),), DOC, 99,
         "-", "en", "timeline.0.text.en starts with '@'"),
    *(Case(f"date-pattern-{name}", (replace(UI, "ru: \"d MMMM y 'г.'\"", f'ru: "{pattern}"'),), UI, 244,
           "date_format", "ru", fragment) for name, pattern, fragment in (
        ("unterminated-quote", "d 'MMMM y", "date pattern: a quote ' is not closed"),
        ("unterminated-after-word", "d MMMM y 'г.", "date pattern: a quote ' is not closed"),
        ("long-run", "d MMMM " + "y" * 100000, "date pattern: 100000 'y' in a row: a field is at most 5 letters"),
        ("six-letters", "d MMMMMM y", "date pattern: 6 'M' in a row"))),
    # the edition's id names files, not a unit: it never stands in a problem line's id slot
    Case("edition-id-tab", (replace(DOC, "id: '2026-01-30'", "id: \"kk.pdf)<svg\\tonload=alert(1)>(x\""),), DOC, 14,
         "-", "-", "edition.id holds a tab"),
    Case("edition-unknown-key", (replace(DOC, "  date: 2026-01-30\n  name:",
                                         "  date: 2026-01-30\n  a[0]: 1\n  name:"),),
         DOC, 16, "-", "-", "unknown key 'a[0]'"),
    # YAML: plain data only; a key may hold any sign
    Case("yaml-tag-on-mapping", (replace(A1, "kk:\n  status: official", "kk: !!python/object/apply:os.system\n"
                                                                      "  status: official"),), A1, 5, "-", "-",
         "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    Case("yaml-tag-on-list", (replace(DOC, "sections:\n", "sections: !!set\n"),), DOC, 64, "-", "-",
         "YAML tag 'tag:yaml.org,2002:set' is not allowed"),
    Case("yaml-custom-tag", (replace(A1, "  text: Fixture text of article one.", "  text: !x Fixture"),), A1, 13, "-",
         "-", "YAML tag '!x' is not allowed"),
    Case("key-with-bracket", (replace(A1, "section: 1\n", "section: 1\nx[0]: 1\n"),), A1, 5, "art_1", "-",
         "unknown key 'x[0]'"),
    # files that are not regular files, and files too big to read
    Case("fifo-as-file", (("fifo", UI),), UI, 1, "-", "-", "is a FIFO (named pipe), not a file"),
    Case("folder-as-file", (("folder", PRE),), PRE, 1, "-", "-", "is a folder, not a file"),
    Case("symlink-loop-article", (("loop", A2),), A2, 1, "-", "-", "is a symbolic link that loops"),
    Case("symlink-loop-document", (("loop", DOC),), DOC, 1, "-", "-", "is a symbolic link that loops"),
    Case("huge-sparse-file", (("sparse", A3),), A3, 1, "-", "-", "file is 8000000000 bytes, more than 2000000"),
]


def broken_source(tmp_path, case: Case):
    source = tmp_path / "source"
    shutil.copytree(RICH, source)
    for op, file, *rest in case.edits:
        path = source / file
        if op == "replace":
            old, new = rest
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{case.name}: the fixture changed, '{old}' is not in {file}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        elif op == "write":
            data = rest[0]
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        elif op == "append":
            path.write_text(path.read_text(encoding="utf-8") + rest[0], encoding="utf-8")
        elif op == "delete":
            path.unlink()
        elif op == "move":
            path.rename(source / rest[0])
        elif op in ("fifo", "folder", "loop"):
            path.unlink()
            {"fifo": os.mkfifo, "folder": os.mkdir, "loop": lambda p: os.symlink(p.name, p)}[op](path)
        elif op == "sparse":  # a huge file that takes no room: read whole, it would exhaust memory
            with path.open("r+b") as handle:
                handle.truncate(8_000_000_000)
    return source


def expected_start(source, case: Case) -> str:
    return f"{source / case.file}:{case.line}: {case.id}: {case.lang}: "


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_broken_source_names_file_line_id_and_language(tmp_path, case):
    source = broken_source(tmp_path, case)
    found = validate.problems(source)
    lines = [str(problem) for problem in found]
    start = expected_start(source, case)
    matching = [p for p in found if str(p).startswith(start) and case.fragment in str(p)]
    assert matching, f"expected a line starting {start!r} with {case.fragment!r}; got:\n" + "\n".join(lines)
    assert matching[0].severity == case.severity
    assert lines == sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1]))), "not sorted"


def test_checked_source_raises_with_rule_errors_not_only_load_errors(tmp_path):
    case = next(case for case in CASES if case.name == "clause-gap")
    with pytest.raises(SourceError) as raised:
        validate.checked_source(broken_source(tmp_path, case))
    assert any("clause 3 is absent" in problem.message for problem in raised.value.problems)
    assert all(problem.severity == ERROR for problem in raised.value.problems)


def test_every_rule_has_a_one_line_docstring_and_a_case():
    for rule in RULES:
        assert rule.__doc__ and "\n" not in rule.__doc__.strip(), rule.__name__


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01\x02", b"\xff\xfe\xfd", b"[" * 600, b"{a: [}",
                                     b"!!python/object:os.system x", b"- 1\n- 2\n", b"a: " + b"9" * 5000],
                         ids=["empty", "nul", "not-utf8", "deep", "unclosed", "python-tag", "list", "5000-digits"])
@pytest.mark.parametrize("file", [DOC, PRE, UI, A2], ids=["document", "preamble", "ui", "article"])
def test_no_traceback_on_garbage(tmp_path, file, garbage):
    source = broken_source(tmp_path, Case("garbage", (("write", file, garbage),), file, 1, "", "", ""))
    found = validate.problems(source)
    assert any(problem.path == str(source / file) and problem.severity == ERROR for problem in found)


def test_every_unreadable_file_is_reported_not_only_the_first(tmp_path, monkeypatch):
    """A FIFO, a folder, a symlink loop and a file we may not read: four lines, one per file."""
    from constitution.core import reading

    source = broken_source(tmp_path, Case("many", (("fifo", UI), ("folder", PRE), ("loop", A2)), UI, 1, "", "", ""))
    denied = source / A1

    def guarded_open(path, *args, **kwargs):
        if Path(path) == denied:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(reading, "open", guarded_open, raising=False)  # as root, chmod 000 would not stop us
    lines = [str(problem) for problem in validate.problems(source) if problem.severity == ERROR]
    for file, fragment in ((UI, "is a FIFO (named pipe), not a file"), (PRE, "is a folder, not a file"),
                           (A2, "is a symbolic link that loops"), (A1, "cannot be read: permission denied")):
        assert any(line.startswith(f"{source / file}:1: -: -: {fragment}") for line in lines), "\n".join(lines)


def test_an_unreadable_articles_folder_is_one_line(tmp_path, monkeypatch):
    from constitution.source import load

    source = broken_source(tmp_path, Case("articles", (), UI, 1, "", "", ""))

    def denied(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(load.os, "listdir", denied)
    lines = [str(problem) for problem in validate.problems(source)]
    assert f"{source / 'articles'}:1: -: -: cannot be read: permission denied" in lines


@pytest.mark.parametrize("start", ["- a dash and a space", "— an em dash", "–1 en dash", "-бап", "1 = 1", "a@b"],
                         ids=["hyphen-space", "em-dash", "en-dash", "hyphen-cyrillic", "equals-inside", "at-inside"])
def test_a_legal_dash_or_a_sign_inside_is_no_formula(tmp_path, start):
    source = tmp_path / "source"
    shutil.copytree(RICH, source)
    path = source / A1
    path.write_text(path.read_text(encoding="utf-8").replace("Fixture text of article one.", f"'{start}'"),
                    encoding="utf-8")
    assert not [p for p in validate.problems(source) if p.severity == ERROR], start


@pytest.mark.parametrize("file, key", [(A1, "k" * 1_500_000), (UI, "u" * 1_500_000), (A1, "k\u202e" * 50)],
                         ids=["article-key", "ui-key", "bidi-key"])
def test_a_runaway_key_is_cut_in_its_line(tmp_path, file, key):
    source = tmp_path / "source"
    shutil.copytree(RICH, source)
    path = source / file
    path.write_text(path.read_text(encoding="utf-8") + f"? \"{key}\"\n: 1\n", encoding="utf-8")  # a long key: explicit
    lines = [str(problem) for problem in validate.problems(source) if "unknown key" in problem.message]
    assert len(lines) == 1 and len(lines[0]) < 600 and "…" in lines[0] and "\u202e" not in lines[0], lines


def test_a_symlink_loop_prints_relative_like_every_other_path(tmp_path, monkeypatch):
    source = broken_source(tmp_path, next(case for case in CASES if case.name == "symlink-loop-article"))
    monkeypatch.chdir(tmp_path)
    lines = [str(problem) for problem in validate.problems(Path("source"))]
    assert "source/articles/002.yaml:1: -: -: is a symbolic link that loops (or is nested too deeply)" in lines
    assert all(not line.startswith("/") for line in lines), lines
