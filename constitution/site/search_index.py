"""Each language's search index: its file on the website, and its script form for file://.

The search_units hook writes one index per language, `search/kk.json` (`ru.json`, `en.json`),
with the entries of that language's pages only, as UTF-8 JSON (Material's own index escapes
every Cyrillic letter as `\\uXXXX`). The search worker (overrides/assets/javascripts/workers/
search-i18n.js) loads the page's language's index when the search box is first used, and the
others when the reader chooses to search all languages.

The Kazakh index also holds `stems`: {word: its stem} for each word of its entries whose stem
(core/kazakh.py) does not begin it, as a final қ/к/п voices to ғ/г/б before a vowel (құқығы:
құқық). The worker indexes such a word under its stem too, at the word's own position; every
other stem begins its word, which the stem then finds by prefix. Stemmed here, once, and not
in the browser at each page's first search: at the 96 synthetic articles of benchmarks/corpus.py
(9,165 distinct Kazakh words, 748 listed), 0.2 s of Chromium on this 2-core machine against
0.5 CPU-s of the build and 6 KB more of gzipped index (62 → 68 KB).

From disk (file://) a page can fetch nothing, but it can run scripts: `offline_files` gives
each index as a script, `search/kk.js`, which sets the global `__search_index_kk` to it
(`var NAME = {…};`, as Material's own script form), every location pointing at a file (`art_2/index.html#art_2__para_4`), as
a folder does not open from disk. The worker loads these when its own address is a file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from constitution.core import contract, kazakh, languages
from constitution.core.problems import BuildError

CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")  # what the worker reads of the search settings
STEMMED = "kk"  # the language whose index holds its stems (workers/search-i18n.js: KAZAKH)
FIELDS = ("title", "text")  # the fields of an entry Material indexes from the HTML it holds
TAG = re.compile(r"<[^>]*>")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def index_path(lang: str) -> str:
    """Site-relative path of a language's index: 'search/ru.json'."""
    return f"{contract.SEARCH_DIR}{lang}.json"


def script_path(lang: str) -> str:
    """Site-relative path of a language's index as a script (file://): 'search/ru.js'."""
    return f"{contract.SEARCH_DIR}{lang}.js"


def index_bytes(config: dict, docs: list[dict], stems: dict[str, str] | None = None) -> bytes:
    """An index as Material's worker reads it, {"config", "docs"}, and the Kazakh one's
    `stems`, in UTF-8."""
    data = {"config": {key: config[key] for key in CONFIG_KEYS}, "docs": docs}
    if stems is not None:
        data[contract.SEARCH_STEMS] = stems
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def write_index(site: Path, lang: str, config: dict, docs: list[dict]) -> Path:
    path = Path(site) / index_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(index_bytes(config, docs, stems_of(config, docs) if lang == STEMMED else None))
    return path


def stems_of(config: dict, docs: list[dict]) -> dict[str, str]:
    """{word: stem} for the Cyrillic words of the entries whose Kazakh stem does not begin them,
    the words read as Material's worker reads them: the text between tags, split at the
    index's separator, lower-cased."""
    separator = re.compile(config["separator"])
    words = {word for doc in docs for field in FIELDS
             for word in separator.split(TAG.sub(" ", str(doc.get(field) or "")).lower())}
    stems = {word: kazakh.stem(word) for word in sorted(words) if CYRILLIC.search(word)}
    return {word: stem for word, stem in stems.items() if not word.startswith(stem)}


def file_location(location: str) -> str:
    """A website location as a file from disk: 'ru/art_2/#x' -> 'ru/art_2/index.html#x'."""
    path, hash_, anchor = location.partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path + hash_ + anchor


def script_bytes(lang: str, index: dict) -> bytes:
    """A language's index as a script that sets `__search_index_<lang>` to it."""
    index = {**index, "docs": [{**doc, "location": file_location(doc["location"])} for doc in index["docs"]]}
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return f"var {contract.SEARCH_SCRIPT_GLOBAL}{lang} = {data};\n".encode("utf-8")


def offline_files(site: Path) -> dict[str, bytes]:
    """{site-relative path: bytes} of the scripts that search loads from file://, one per
    language, made from the built site's indexes; a missing or unreadable index stops the build."""
    files = {}
    for lang in languages.LANGUAGES:
        path = Path(site) / index_path(lang)
        try:
            index = json.loads(path.read_bytes().decode("utf-8"))
            if not isinstance(index.get("docs"), list):
                raise ValueError("no list of docs")
        except FileNotFoundError:
            raise BuildError([f"{path}: missing; the search of language '{lang}' needs it"]) from None
        except (ValueError, AttributeError) as error:
            raise BuildError([f"{path}: not a search index ({error})"]) from None
        files[script_path(lang)] = script_bytes(lang, index)
    return files
