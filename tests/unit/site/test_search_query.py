"""overrides/assets/javascripts/workers/search-query.js in Node: how the search worker reads a
query (its plain words and its phrases) and checks a phrase against a text."""

from __future__ import annotations

import pytest
import yaml

from constitution.core import paths
from tests.helpers.node import run_script

SCRIPT = paths.ROOT / "overrides" / "assets" / "javascripts" / "workers" / "search-query.js"


@pytest.fixture(scope="module")
def separator() -> str:
    """The site's search separator (mkdocs.yml), which the worker passes on."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load(paths.MKDOCS_CONFIG.read_text(encoding="utf-8"), Loader=Loader)
    search = next(plugin["search"] for plugin in config["plugins"] if isinstance(plugin, dict) and "search" in plugin)
    return search["separator"]


def call(program: str, data):
    return run_script(SCRIPT, program, data)


PARSES = [
    # test id, query, its words as typed, its phrases, what Material gets (split at spaces)
    ("word", "құқық", ["құқық"], [], ["құқық"]),
    ("guillemets", "«адам құқықтары» және", ["адам", "құқықтары", "және"], [["адам", "құқықтары"]],
     ["адам", "құқықтары", "және"]),
    ("straight", 'duties "rights and"', ["duties", "rights", "and"], [["rights", "and"]], ["duties", "rights", "and"]),
    ("curly", "“first point”", ["first", "point"], [["first", "point"]], ["first", "point"]),
    ("low-high", "„город Астана“", ["город", "Астана"], [["город", "Астана"]], ["город", "Астана"]),
    ("two-phrases", '"a b" «c d»', ["a", "b", "c", "d"], [["a", "b"], ["c", "d"]], ["a", "b", "c", "d"]),
    ("unclosed-runs-to-the-end", '"point first', ["point", "first"], [["point", "first"]], ["point", "first"]),
    ("empty-quotes", 'x ""', ["x"], [], ["x"]),
    ("a-quote-in-a-word-opens-a-phrase", 'a"b', ["a", "b"], [["b"]], ["a", "b"]),
    ("lunr-syntax-passed-on", "+мемлекет -заң title:бап сот*", [], [], ["+мемлекет", "-заң", "title:бап", "сот*"]),
    ("split-at-the-separator", "әкімшілік-аумақтық", ["әкімшілік", "аумақтық"], [], ["әкімшілік-аумақтық"]),
    ("latin-case-kept", "Qazaqstan İlim Iş", ["Qazaqstan", "İlim", "Iş"], [], ["Qazaqstan", "İlim", "Iş"]),
    ("phrase-split-at-the-separator", "«әкімшілік-аумақтық құрылысы»", ["әкімшілік", "аумақтық", "құрылысы"],
     [["әкімшілік", "аумақтық", "құрылысы"]], ["әкімшілік", "аумақтық", "құрылысы"]),
]


@pytest.mark.parametrize("query, words, phrases, material", [p[1:] for p in PARSES], ids=[p[0] for p in PARSES])
def test_a_query_is_read_as_words_and_phrases(separator, query, words, phrases, material):
    parsed = call("self.searchQuery.parse(data.query, new RegExp(data.separator))",
                  {"query": query, "separator": separator})
    assert (parsed["words"], parsed["phrases"], parsed["query"].split()) == (words, phrases, material)
    assert '"' not in parsed["query"]  # Material would make a quoted phrase's words required, in any order


def test_the_words_of_an_index_entry_leave_out_tags_and_entities(separator):
    text = "<p>Астана &amp; Қала: &lt;b&gt;bold&lt;/b&gt;</p> <ul><li>«Заң»</li></ul>"
    assert call("self.searchQuery.textWords(data.text, new RegExp(data.separator))",
                {"text": text, "separator": separator}) == ["астана", "қала", "b", "bold", "b", "заң"]


HOLDS = [
    # test id, the text's words (each its forms), the phrase's words (each its forms), held?
    ("in-order", [["a"], ["b"], ["c"]], [["b"], ["c"]], True),
    ("reversed", [["a"], ["b"], ["c"]], [["c"], ["b"]], False),
    ("apart", [["a"], ["b"], ["c"]], [["a"], ["c"]], False),
    ("whole-text", [["a"], ["b"]], [["a"], ["b"]], True),
    ("longer-than-the-text", [["a"]], [["a"], ["b"]], False),
    ("prefix", [["құқықтары"], ["мен"]], [["құқық"], ["мен"]], True),
    ("not-a-prefix", [["құқық"]], [["құқықтары"]], False),
    ("a-form-of-each", [["құқығы", "құқық"]], [["құқықтар", "құқық"]], True),
    ("repeated-start", [["a"], ["a"], ["b"]], [["a"], ["b"]], True),
    ("empty-text", [], [["a"]], False),
]


@pytest.mark.parametrize("words, phrase, held", [h[1:] for h in HOLDS], ids=[h[0] for h in HOLDS])
def test_a_phrase_is_held_in_order_and_together(words, phrase, held):
    assert call("self.searchQuery.holdsPhrase(data.words, data.phrase)", {"words": words, "phrase": phrase}) is held
