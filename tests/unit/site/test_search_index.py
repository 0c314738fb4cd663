"""constitution/site/search_index.py: each language's index in UTF-8, and its script form for file://."""

from __future__ import annotations

import json

import pytest

from constitution.core import contract, languages
from constitution.core.problems import BuildError
from constitution.site import search_index

CONFIG = {"lang": ["ru", "en"], "separator": "[\\s]+", "pipeline": ["trimmer"], "fields": {"title": {"boost": 1000.0}},
          "jieba_dict": None, "enabled": True}  # the plugin's other settings are no part of the index
DOCS = {
    "kk": [{"location": "art_2/#art_2__para_4", "title": "2-бап, 4-тармақ", "text": "Астана қаласы"}],
    "ru": [{"location": "ru/art_2/", "title": "Статья 2", "text": ""},
           {"location": "ru/art_2/#art_2__para_4", "title": "Статья 2, пункт 4", "text": "город Астана"}],
    "en": [{"location": "en/", "title": "Home", "text": "&lt;b&gt; “quoted” \u2028"}],
}


def write_all(site):
    for lang, docs in DOCS.items():
        search_index.write_index(site, lang, CONFIG, docs)


def test_an_index_is_utf8_with_the_workers_settings_only(tmp_path):
    path = search_index.write_index(tmp_path, "ru", CONFIG, DOCS["ru"])
    assert path == tmp_path / "search" / "ru.json"
    data = path.read_bytes()
    assert b"\\u" not in data and "Астана".encode() in data
    assert json.loads(data) == {"config": {key: CONFIG[key] for key in ("lang", "separator", "pipeline", "fields")},
                                "docs": DOCS["ru"]}


@pytest.mark.parametrize("location, on_disk", [
    ("", "index.html"),
    ("#x", "index.html#x"),
    ("ru/", "ru/index.html"),
    ("ru/art_2/#art_2__para_4", "ru/art_2/index.html#art_2__para_4"),
    ("ru/art_2/index.html#art_2__para_4", "ru/art_2/index.html#art_2__para_4"),  # already a file
], ids=["home", "home-anchor", "language-home", "clause", "file"])
def test_a_location_from_disk_is_a_file(location, on_disk):
    assert search_index.file_location(location) == on_disk


def test_offline_files_are_one_script_per_language_holding_its_index(tmp_path):
    write_all(tmp_path)
    files = search_index.offline_files(tmp_path)
    assert set(files) == {f"search/{lang}.{kind}" for lang in languages.LANGUAGES for kind in ("js", "json")}
    for lang in languages.LANGUAGES:  # the index itself, its locations files too
        assert [doc["location"] for doc in json.loads(files[f"search/{lang}.json"])["docs"]] == [
            search_index.file_location(doc["location"]) for doc in DOCS[lang]]
    for lang in languages.LANGUAGES:
        script = files[f"search/{lang}.js"].decode("utf-8")
        prefix = f"var {contract.SEARCH_SCRIPT_GLOBAL}{lang} = "
        assert script.startswith(prefix) and script.endswith(";\n") and "\\u" not in script
        index = json.loads(script.removeprefix(prefix).removesuffix(";\n"))
        index_on_site = json.loads((tmp_path / "search" / f"{lang}.json").read_text(encoding="utf-8"))
        assert index["config"] == index_on_site["config"]
        assert [doc["location"] for doc in index["docs"]] == [
            search_index.file_location(doc["location"]) for doc in DOCS[lang]]
        assert [(doc["title"], doc["text"]) for doc in index["docs"]] == [(doc["title"], doc["text"]) for doc in DOCS[lang]]


@pytest.mark.parametrize("damage, message", [
    (lambda path: path.unlink(), r"search/ru\.json: missing; the search of language 'ru' needs it"),
    (lambda path: path.write_text("{", encoding="utf-8"), r"search/ru\.json: not a search index"),
    (lambda path: path.write_text('{"docs": {}}', encoding="utf-8"), r"search/ru\.json: not a search index \(no list"),
    (lambda path: path.write_text("[]", encoding="utf-8"), r"search/ru\.json: not a search index"),
], ids=["missing", "not-json", "docs-not-a-list", "not-an-object"])
def test_a_missing_or_broken_index_stops_the_bundle_in_one_line(tmp_path, damage, message):
    write_all(tmp_path)
    damage(tmp_path / "search" / "ru.json")
    with pytest.raises(BuildError, match=message) as raised:
        search_index.offline_files(tmp_path)
    assert len(raised.value.lines()) == 1 and "\n" not in raised.value.lines()[0]


KAZAKH_CONFIG = {**CONFIG, "separator": r"[\s\-.,;:()]+|&(?:lt|gt|amp|quot|#\d+);"}  # as mkdocs.yml's
KAZAKH_DOCS = [
    {"location": "art_1/", "title": "1-бап", "text": ""},
    {"location": "art_1/#art_1__para_2", "title": "1-бап, 2-тармақ",
     "text": "<p>Құқығы &amp; құқықтары; кітабын (Qūqyq)</p>"},
]


def test_the_kazakh_index_lists_the_words_its_stem_does_not_begin(tmp_path):
    """құқығы and кітабын are found by their stems құқық, кітап only when indexed under them;
    құқықтары begins with its stem and is found by prefix; ru and en have no stems."""
    kazakh = json.loads(search_index.write_index(tmp_path, "kk", KAZAKH_CONFIG, KAZAKH_DOCS).read_bytes())
    assert kazakh[contract.SEARCH_STEMS] == {"құқығы": "құқық", "кітабын": "кітап"}
    assert contract.SEARCH_STEMS not in json.loads(search_index.write_index(tmp_path, "ru", CONFIG, DOCS["ru"]).read_bytes())


def test_entries_the_bundle_does_not_hold_leave_its_index_and_so_do_their_words_stems(tmp_path):
    write_all(tmp_path)
    search_index.write_index(tmp_path, "kk", KAZAKH_CONFIG, KAZAKH_DOCS + [
        {"location": "compare/a..b/art_1/", "title": "1-бап", "text": "<p>кітабын</p>"}])
    files = search_index.offline_files(tmp_path, keep=lambda location: not location.startswith("compare/"))
    for path in ("search/kk.json", "search/kk.js"):
        text = files[path].decode("utf-8")
        index = json.loads(text[text.index("{"):].removesuffix(";\n"))
        assert [doc["location"] for doc in index["docs"]] == ["art_1/index.html", "art_1/index.html#art_1__para_2"]
        assert index[contract.SEARCH_STEMS] == {"құқығы": "құқық", "кітабын": "кітап"}  # кітабын is in a kept entry too
    search_index.write_index(tmp_path, "kk", KAZAKH_CONFIG, [KAZAKH_DOCS[0], {
        "location": "compare/a..b/art_1/", "title": "1-бап", "text": "<p>кітабын</p>"}])
    kept = json.loads(search_index.offline_files(tmp_path, keep=lambda location: not location.startswith("compare/"))
                      ["search/kk.json"])
    assert kept[contract.SEARCH_STEMS] == {}  # its only entry left out: its word's stem goes too


def test_the_script_form_keeps_the_stems(tmp_path):
    write_all(tmp_path)
    search_index.write_index(tmp_path, "kk", KAZAKH_CONFIG, KAZAKH_DOCS)
    script = search_index.offline_files(tmp_path)["search/kk.js"].decode("utf-8")
    index = json.loads(script.removeprefix(f"var {contract.SEARCH_SCRIPT_GLOBAL}kk = ").removesuffix(";\n"))
    assert index[contract.SEARCH_STEMS] == {"құқығы": "құқық", "кітабын": "кітап"}


# A source of several editions: each edition's index besides the current one's in a folder of its own
EDITION_DOCS = {lang: [{**doc, "location": doc["location"].replace("art_2/", "2026-01-30/art_2/")} for doc in docs]
                for lang, docs in DOCS.items()}


@pytest.mark.parametrize("lang, edition, path, script, name", [
    ("kk", "", "search/kk.json", "search/kk.js", "__search_index_kk"),
    ("ru", "2026-01-30", "search/2026-01-30/ru.json", "search/2026-01-30/ru.js", "__search_index_2026_01_30_ru"),
    ("en", "draft.2", "search/draft.2/en.json", "search/draft.2/en.js", "__search_index_draft_2_en"),
], ids=["current", "dated", "signs"])
def test_an_editions_index_is_named_by_its_folder(lang, edition, path, script, name):
    assert search_index.index_path(lang, edition) == path
    assert search_index.script_path(lang, edition) == script
    assert search_index.script_global(lang, edition) == name


def write_editions(site, folders=("2026-01-30", "2026-02-12")):
    write_all(site)
    for folder in folders:
        for lang, docs in EDITION_DOCS.items():
            search_index.write_index(site, lang, CONFIG, docs, folder)


def test_the_indexes_of_a_site_are_each_languages_then_each_editions(tmp_path):
    write_editions(tmp_path)
    (tmp_path / "search" / "2026-01-30" / "kk.json.gz").write_bytes(b"")  # a precompressed copy: no index
    assert search_index.indexes(tmp_path) == [
        *((lang, "") for lang in languages.LANGUAGES),
        *((lang, "2026-01-30") for lang in languages.LANGUAGES), *((lang, "2026-02-12") for lang in languages.LANGUAGES)]


@pytest.mark.parametrize("held, folders", [
    (None, ("2026-01-30", "2026-02-12")), ((), ()), (("2026-02-12",), ("2026-02-12",)),
], ids=["all", "current-only", "one"])
def test_the_bundle_gets_the_scripts_of_the_editions_it_holds(tmp_path, held, folders):
    write_editions(tmp_path)
    files = search_index.offline_files(tmp_path, held)
    assert set(files) == {path for folder in ("", *folders) for lang in languages.LANGUAGES
                          for path in (search_index.script_path(lang, folder), search_index.index_path(lang, folder))}
    for folder in folders:
        script = files[search_index.script_path("kk", folder)].decode("utf-8")
        prefix = f"var {search_index.script_global('kk', folder)} = "
        assert script.startswith(prefix)
        index = json.loads(script.removeprefix(prefix).removesuffix(";\n"))
        assert [doc["location"] for doc in index["docs"]] == ["2026-01-30/art_2/index.html#art_2__para_4"]
        assert index[contract.SEARCH_STEMS] == {}  # the Kazakh index of an edition holds its stems too


def test_a_broken_index_of_an_edition_stops_the_bundle_in_one_line(tmp_path):
    write_editions(tmp_path)
    (tmp_path / "search" / "2026-02-12" / "ru.json").write_text("[]", encoding="utf-8")
    with pytest.raises(BuildError, match=r"search/2026-02-12/ru\.json: not a search index") as raised:
        search_index.offline_files(tmp_path)
    assert len(raised.value.lines()) == 1
    assert set(search_index.offline_files(tmp_path, ["2026-01-30"]))  # an edition left out is not read
