"""Texts a clause can hold, written into a copy of tests/data/rich (the literal-text tests of the
site, tests/unit/site/test_literal_text.py, and of the PDF, tests/build/print/test_literal_text.py)."""

from __future__ import annotations

from pathlib import Path

import yaml

from constitution.core import ids, paths
from constitution.core.problems import ERROR
from constitution.source import validate
from constitution.source.load import load_source
from tests.helpers import RICH

ARTICLE_FILE = f"{paths.ARTICLES_DIR}/{paths.article_file_name(2)}"
CLAUSE = ids.clause_id(2, 1)
SECTION = ids.section_id(1)
LANG = "en"

SIGNS = ["<", ">", "&", '"', "'", "*", "_", "[", "]", "(", ")", "{", "}", "#", "|", "`", "\\", ":", "!", "-", "+",
         "=", "~", "^", "$", "%", "@", ".", ";", ",", "/", " ", "\n", "\u00a0", "<script>", "</p>", "&amp;", "&#35;",
         "--8<--", ":smile:", "{: #x }", "](javascript:x)", "\n# ", "\n1. ", "\n- ", "\n> ", "<!--", "-->", "]]>",
         "    ", "\n\n", "***", "<br>", "{#id}", "¶"]


def with_texts(directory: Path, clause: str, section_title: str):
    """Write the texts into the source; the loaded Source, or None when validate rejects them."""
    article_path = directory / ARTICLE_FILE
    article = yaml.safe_load((RICH / ARTICLE_FILE).read_text(encoding="utf-8"))
    article["clauses"][0][LANG]["text"] = clause
    article_path.write_text(yaml.safe_dump(article, allow_unicode=True, sort_keys=False), encoding="utf-8")
    document_path = directory / paths.DOCUMENT_FILE
    document = yaml.safe_load((RICH / paths.DOCUMENT_FILE).read_text(encoding="utf-8"))
    document["sections"][0]["title"][LANG]["text"] = section_title
    document_path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load_source(directory)
    if any(problem.severity == ERROR for problem in validate.check(loaded)):
        return None
    return loaded.source()
