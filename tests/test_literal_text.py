"""Any text a clause can hold shows literally, on the page and in the PDF (issue 7, part 4).

Property-based (hypothesis): texts of printable Unicode, Markdown and HTML signs and line
breaks, normalised to NFC as validate requires, are written into a copy of tests/data/rich
(the English of Article 2, paragraph 1 and of Section I's title), read back and validated;
what validate rejects is not a clause and is skipped. Then:

- site: the generator's pure function (pages.site_files) and Python-Markdown with the
  site's extensions (mkdocs.yml's, plus those MkDocs always adds) give HTML in which the
  clause, its preview on the section page, the section's heading, its side-by-side cell
  and its search entry (hooks/search_units.py) hold exactly that text;
- PDF: a few texts of characters the PDF font draws, rendered by scripts/pdf.py, are in the
  English PDF's text.
"""

from __future__ import annotations

import copy
import html
import importlib.util
import shutil
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT, pdf_body_text
from constitution.core import contract, ids, paths, urls
from scripts import pages, validate
from scripts.load import ERROR, load_source
from scripts.markup import excerpt

ARTICLE_FILE = f"{paths.ARTICLES_DIR}/{paths.article_file_name(2)}"
CLAUSE = ids.clause_id(2, 1)
SECTION = ids.section_id(1)
LANG = "en"

SIGNS = ["<", ">", "&", '"', "'", "*", "_", "[", "]", "(", ")", "{", "}", "#", "|", "`", "\\", ":", "!", "-", "+",
         "=", "~", "^", "$", "%", "@", ".", ";", ",", "/", " ", "\n", "\u00a0", "<script>", "</p>", "&amp;", "&#35;",
         "--8<--", ":smile:", "{: #x }", "](javascript:x)", "\n# ", "\n1. ", "\n- ", "\n> ", "<!--", "-->", "]]>",
         "    ", "\n\n", "***", "<br>", "{#id}", "¶"]
TEXT = st.lists(st.one_of(st.characters(categories=("L", "M", "N", "P", "S", "Zs")), st.sampled_from(SIGNS)),
                min_size=1, max_size=40).map("".join).map(lambda text: unicodedata.normalize("NFC", text))


@pytest.fixture(scope="module")
def workspace(rich_source, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("literal") / "source"
    shutil.copytree(rich_source, directory)
    return directory


def with_texts(directory: Path, clause: str, section_title: str):
    """Write the texts into the source; the loaded Source, or None when validate rejects them."""
    article_path = directory / ARTICLE_FILE
    article = yaml.safe_load((ROOT / "tests" / "data" / "rich" / ARTICLE_FILE).read_text(encoding="utf-8"))
    article["clauses"][0][LANG]["text"] = clause
    article_path.write_text(yaml.safe_dump(article, allow_unicode=True, sort_keys=False), encoding="utf-8")
    document_path = directory / paths.DOCUMENT_FILE
    document = yaml.safe_load((ROOT / "tests" / "data" / "rich" / paths.DOCUMENT_FILE).read_text(encoding="utf-8"))
    document["sections"][0]["title"][LANG]["text"] = section_title
    document_path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load_source(directory)
    if any(problem.severity == ERROR for problem in validate.check(loaded)):
        return None
    return loaded.source()


@lru_cache(maxsize=1)
def site_markdown():
    """Python-Markdown as the site runs it: mkdocs.yml's extensions and MkDocs' own defaults."""
    import markdown

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, options = ["toc", "tables", "fenced_code"], {}
    for item in config.get("markdown_extensions") or []:
        name, settings_ = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if settings_:
            options[name] = settings_
    return markdown.Markdown(extensions=list(dict.fromkeys(names)), extension_configs=options)


def page_html(files: dict[str, str], page: str) -> str:
    converter = site_markdown()
    converter.reset()
    return converter.convert(files[urls.page_source(page, LANG)])


def element(html_text: str, element_id: str):
    import lxml.html

    root = lxml.html.fragment_fromstring(html_text, create_parent="div")
    found = root.xpath("//*[@id=$id]", id=element_id)
    assert len(found) == 1, f"{len(found)} elements with id {element_id}"
    return found[0]


def shown(el) -> str:
    """What a reader sees of an element's text: line breaks as newlines, without the unit's
    number and without links (the ¶; legal text never makes one)."""
    el = copy.deepcopy(el)
    for part in el.xpath(".//*[contains(concat(' ', @class, ' '), ' unit__num ')] | .//a"):
        part.drop_tree()
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return el.text_content()


@lru_cache(maxsize=1)
def search_units():
    spec = importlib.util.spec_from_file_location("search_units_hook", ROOT / "hooks" / "search_units.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def flat(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(clause=TEXT, title=TEXT)
def test_any_clause_text_shows_literally_on_the_site(workspace, clause, title):
    source = with_texts(workspace, clause, title)
    assume(source is not None)
    assert source.article(2).clauses[0].text(LANG) == clause  # the YAML round trip keeps it
    files = pages.site_files(source)

    article = page_html(files, ids.article_id(2))
    assert shown(element(article, CLAUSE)) == f" {clause} "  # number, text, ¶

    entries, _ = search_units().split_units(article, f"{LANG}/art_2/", LANG)
    entry = next(entry for entry in entries if entry["location"].endswith(f"#{CLAUSE}"))
    assert flat(clause) in html.unescape(entry["text"])

    section = page_html(files, SECTION)
    heading = element(section, SECTION)
    assert flat(heading.text_content()) == flat(pages.section_title(pages.Lang(source, LANG), source.section(1)))
    assert flat(title) in flat(heading.text_content())
    previews = [flat(li.text_content()) for li in element(section, "articles").getnext().iter("li")]
    assert any(preview.endswith(flat(excerpt(clause))) for preview in previews), previews

    if hasattr(constants, "parallel_page"):  # the side-by-side view (reader tools, issue 6)
        parallel = page_html(files, urls.parallel_page(ids.article_id(2)))
        row = element(parallel, contract.parallel_row_id(CLAUSE))
        cell = row.xpath("./*[@lang=$lang]", lang=LANG)[0]
        assert shown(cell) == f" {clause}\u00a0"


# --- the PDF ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def drawable() -> list[str]:
    """Printable characters the PDF font draws with a glyph of their own (so its text layer can
    say which character it was), plus a line break."""
    from fontTools.ttLib import TTFont

    from scripts.pdf_templates import fonts

    cmap = TTFont(fonts.merged_font(fonts.STYLES[0])).getBestCmap()
    uses: dict[str, int] = {}
    for glyph in cmap.values():
        uses[glyph] = uses.get(glyph, 0) + 1
    return sorted(chr(code) for code, glyph in cmap.items()
                  if uses[glyph] == 1 and unicodedata.category(chr(code))[0] in "LMNPS") + ["\n", " "]


@settings(max_examples=4, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_clause_text_is_in_the_pdf_text(workspace, data):
    from scripts import pdf
    from scripts.pdf_templates import fonts

    letters = st.sampled_from(drawable())
    signs = st.sampled_from([sign for sign in SIGNS if set(sign) <= set(drawable())])
    clause = data.draw(st.lists(st.one_of(letters, signs), min_size=1, max_size=200).map("".join)
                       .map(lambda text: unicodedata.normalize("NFC", text)))
    source = with_texts(workspace, clause, "Section title")
    assume(source is not None)
    path = workspace.parent / "en.pdf"
    path.write_bytes(pdf.render(source, LANG, fonts.font_face_css()))
    printed = "".join(pdf_body_text(path).split())
    assert "".join(clause.split()) in printed
