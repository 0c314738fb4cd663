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

A source of several editions has one index per language for each edition besides the current
one, of that edition's dated preamble and article pages, in a folder named as its dated pages:
`search/2026-01-30/kk.json`; the current edition's is today's `search/kk.json`, of today's pages.
`indexes` finds them in a built site, so that the offline bundle holds the indexes of the
editions it holds, whichever they are.

From disk (file://) a page can fetch nothing, but it can run scripts: `offline_files` gives
each index as a script, `search/kk.js`, which sets the global `__search_index_kk` to it
(`search/2026-01-30/kk.js`: `__search_index_2026_01_30_kk`, `script_global`; `var NAME = {…};`, as Material's own script form), every location pointing at a file (`art_2/index.html#art_2__para_4`), as
a folder does not open from disk. The worker loads these when its own address is a file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Iterable

from constitution.core import contract, kazakh, languages
from constitution.core.problems import BuildError

CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")  # what the worker reads of the search settings
STEMMED = "kk"  # the language whose index holds its stems (workers/search-i18n.js: KAZAKH)
FIELDS = ("title", "text")  # the fields of an entry Material indexes from the HTML it holds
TAG = re.compile(r"<[^>]*>")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _name(lang: str, edition: str) -> str:
    return f"{edition}/{lang}" if edition else lang


def index_path(lang: str, edition: str = "") -> str:
    """Site-relative path of a language's index: 'search/ru.json'; of an edition's, 'search/2026-01-30/ru.json'."""
    return f"{contract.SEARCH_DIR}{_name(lang, edition)}.json"


def script_path(lang: str, edition: str = "") -> str:
    """Site-relative path of a language's index as a script (file://): 'search/ru.js'."""
    return f"{contract.SEARCH_DIR}{_name(lang, edition)}.js"


def script_global(lang: str, edition: str = "") -> str:
    """The global an index's script sets: '__search_index_ru', '__search_index_2026_01_30_ru'
    (workers/search-i18n.js: every sign of the path that JavaScript names cannot hold is '_')."""
    return contract.SEARCH_SCRIPT_GLOBAL + re.sub(r"[^A-Za-z0-9_]", "_", _name(lang, edition))


def indexes(site: Path) -> list[tuple[str, str]]:
    """(language, edition folder) of every index of a built site: each language's of the current
    edition ('' its folder), then those of the other editions found, by folder."""
    search = Path(site) / contract.SEARCH_DIR
    folders = sorted(path.name for path in search.iterdir() if path.is_dir()) if search.is_dir() else []
    return [(lang, "") for lang in languages.LANGUAGES] + [
        (lang, folder) for folder in folders for lang in languages.LANGUAGES
        if (search / folder / f"{lang}.json").is_file()]


def index_bytes(config: dict, docs: list[dict], stems: dict[str, str] | None = None) -> bytes:
    """An index as Material's worker reads it, {"config", "docs"}, and the Kazakh one's
    `stems`, in UTF-8."""
    data = {"config": {key: config[key] for key in CONFIG_KEYS}, "docs": docs}
    if stems is not None:
        data[contract.SEARCH_STEMS] = stems
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def write_index(site: Path, lang: str, config: dict, docs: list[dict], edition: str = "") -> Path:
    path = Path(site) / index_path(lang, edition)
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


def script_bytes(lang: str, index: dict, edition: str = "") -> bytes:
    """A language's index as a script that sets `__search_index_<lang>` (script_global) to it."""
    index = {**index, "docs": [{**doc, "location": file_location(doc["location"])} for doc in index["docs"]]}
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return f"var {script_global(lang, edition)} = {data};\n".encode("utf-8")


def read_index(site: Path, lang: str, edition: str = "") -> dict:
    """A built index; a missing or unreadable one stops the build."""
    path = Path(site) / index_path(lang, edition)
    try:
        index = json.loads(path.read_bytes().decode("utf-8"))
        if not isinstance(index.get("docs"), list):
            raise ValueError("no list of docs")
    except FileNotFoundError:
        raise BuildError([f"{path}: missing; the search of language '{lang}' needs it"]) from None
    except (ValueError, AttributeError) as error:
        raise BuildError([f"{path}: not a search index ({error})"]) from None
    return index


def offline_files(site: Path, editions: Iterable[str] | None = None,
                  keep: Callable[[str], bool] | None = None) -> dict[str, bytes]:
    """{site-relative path: bytes} of the search files of the offline bundle, made from the built
    site's indexes (each language's, and of the other editions' those of `editions`: folders;
    None: all): each index as the script search loads on file:// (script_path) and as itself,
    its locations files (index_path); without the entries whose location `keep` refuses (and the
    Kazakh stems of the words only they held). A missing or unreadable index stops the build."""
    files = {}
    for lang, edition in held(site, editions):
        index = read_index(site, lang, edition)
        kept = [doc for doc in index["docs"] if keep is None or keep(doc["location"])]
        if len(kept) < len(index["docs"]):
            index = {**index, "docs": kept}
            if contract.SEARCH_STEMS in index:
                index[contract.SEARCH_STEMS] = stems_of(index["config"], kept)
        docs = [{**doc, "location": file_location(doc["location"])} for doc in kept]
        files[script_path(lang, edition)] = script_bytes(lang, index, edition)
        files[index_path(lang, edition)] = index_bytes(index["config"], docs, index.get(contract.SEARCH_STEMS))
    return files


def held(site: Path, editions: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """The site's indexes (`indexes`) of the current edition and of `editions` (None: all)."""
    kept = None if editions is None else set(editions)
    return [(lang, edition) for lang, edition in indexes(site) if not edition or kept is None or edition in kept]
