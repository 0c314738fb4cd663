"""The page generator (constitution/site/pages.py, nav.py): page set, anchors, literal text,
notices, and `generate` with --check (build/docs.py)."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml

from constitution.cli import main
from constitution.core import catalogue, languages, paths, urls
from constitution.site import pages
from constitution.site.markup import file_size, literal_markdown, ranges
from constitution.site.nav import GENERATED_MD, site_files
from constitution.site.units import Lang
from constitution.source.validate import checked_source
from tests.helpers import ROOT
from tests.helpers.rendering import TextOf, clause_text, render
from tests.helpers.rich import RICH_SOURCE as RICH
from tests.helpers.rich import SPECIAL

RICH_PAGES = ("", "preamble", "sec_1", "art_1", "art_2", "sec_2", "art_3", "about", "downloads",
              "parallel", "parallel/art_1", "parallel/art_2", "parallel/art_3", "status")
NOT_IN_NAV = ("parallel/art_1", "parallel/art_2", "parallel/art_3")  # reached from their article


@pytest.fixture(scope="module")
def files(rich_source) -> dict[str, str]:
    return site_files(checked_source(rich_source))


@pytest.fixture(scope="module")
def source(rich_source):
    return checked_source(rich_source)


# --- the page set ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_every_language_has_the_same_pages(files, lang):
    assert {name for name in files if name.startswith(f"{lang}/")} == {
        urls.page_source(key, lang) for key in RICH_PAGES}


def test_nothing_else_is_generated(files):
    expected = {urls.page_source(key, lang) for key in RICH_PAGES for lang in languages.LANGUAGES}
    assert set(files) == expected | {paths.SITE_DATA_FILE}


@pytest.mark.parametrize("page, url_kk, url_ru", [
    ("", "", "ru/"), ("art_2", "art_2/", "ru/art_2/"), ("sec_1", "sec_1/", "ru/sec_1/"),
    ("preamble", "preamble/", "ru/preamble/"), ("about", "about/", "ru/about/"),
], ids=["home", "article", "section", "preamble", "about"])
def test_urls_are_language_neutral_paths(page, url_kk, url_ru):
    assert (urls.page_url(page, "kk"), urls.page_url(page, "ru")) == (url_kk, url_ru)


@pytest.mark.parametrize("unit_id, url", [
    ("art_2__para_4", "en/art_2/#art_2__para_4"), ("preamble__rec_3", "en/preamble/#preamble__rec_3"),
    ("art_2__para_3__point_1", "en/art_2/#art_2__para_3__point_1"), ("sec_2", "en/sec_2/#sec_2"),
    ("title", "en/#title"),
])
def test_unit_urls(unit_id, url):
    assert urls.unit_url(unit_id, "en") == url


def test_every_generated_file_says_so_on_its_first_line(files):
    for name, text in files.items():
        assert paths.GENERATED_MARKER in text.splitlines()[0], name


# --- anchors ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", languages.LANGUAGES)
@pytest.mark.parametrize("unit_id", [unit.id for unit in RICH.units()])
def test_every_unit_id_is_an_anchor_on_its_page(files, lang, unit_id):
    page = files[urls.page_source(urls.page_of(unit_id), lang)]
    assert f'id="{unit_id}"' in page or f"{{#{unit_id}}}" in page


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_headings_have_explicit_ascii_ids(files, lang):
    for name, text in files.items():
        if name.startswith(f"{lang}/"):
            for line in text.splitlines():
                if line.startswith("#"):
                    assert re.search(r" \{#[a-z0-9_-]+\}$", line), f"{name}: {line}"


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_every_unit_has_a_named_permalink(files, lang):
    page = files[urls.page_source("art_2", lang)]
    permalinks = re.findall(r'<a class="unit__permalink" href="#([^"]+)" aria-label="([^"]+)"', page)
    assert [unit_id for unit_id, _ in permalinks] == [u.id for u in RICH.units() if u.article == 2]
    label = {"kk": "2-бап, 3-тармақ, 1) тармақша", "ru": "Статья 2, пункт 3, подпункт 1)",
             "en": "Article 2, paragraph 3, subparagraph 1)"}[lang]
    assert any(name.endswith(label) for _, name in permalinks)


# --- the text shows as written ----------------------------------------------------------------


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_special_characters_render_literally(files, lang, tmp_path):
    html = render(files[urls.page_source("art_2", lang)], tmp_path)
    assert clause_text(html, SPECIAL.id, "2.") == SPECIAL.text(lang)
    assert "INCLUDED FROM A SNIPPET" not in html and "<script>" not in html


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "*stars* _under_ **bold**", "[a](javascript:x)", "| cell |",
    "{: #x } {#y}", '--8<-- "x.md"', ":smile: :+1:", "&amp; &#42; \\*", "==mark== ^^ins^^ ~~del~~",
    "{++ added ++}", "https://example.org <https://example.org>", "1. one", "# hash", "> quote",
    "Қазақстан – «Заң мен Тәртіп»", "line one\nline two", "[^1] *[HTML]: Hyper",
], ids=lambda text: text[:14])
def test_strings_inside_markdown_render_literally(text, tmp_path):
    html = render(f"# {literal_markdown(text)} {{#x}}\n\n- {literal_markdown(text)}\n", tmp_path)
    flat = " ".join(text.split("\n"))
    assert TextOf.read(html, "x") == flat
    assert "INCLUDED FROM A SNIPPET" not in html


# --- notices -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, page, shown", [
    ("kk", "art_1", False),  # every unit official in Kazakh
    ("kk", "art_2", True),
    ("ru", "art_1", True),
    ("en", "preamble", True),
    ("kk", "", True),  # home, about and downloads: the language has unofficial text
    ("kk", "about", True),
    ("ru", "downloads", True),
], ids=lambda value: str(value) or "home")
def test_unofficial_banner(files, source, lang, page, shown):
    text = files[urls.page_source(page, lang)]
    banner = f'!!! warning unofficial "{literal_markdown(source.ui.get("site_unofficial_title", lang))}"'
    assert (banner in text) is shown
    if shown:  # near the top: right under the page's heading (and its Akoma Ntoso alias anchor, if any)
        lines = [line for line in text.splitlines() if line and 'class="akn-alias"' not in line]
        assert lines[1].startswith("# ") and lines[2] == banner


@pytest.mark.parametrize("page, unit_id, fallbacks", [
    ("art_2", "art_2__para_3", {"kk": "Үшінші тармақтың кіріспесі:", "en": "Introduction of paragraph three:"}),
    ("preamble", "preamble__rec_2", {"kk": "Сынақ кіріспесінің екінші жолы.",
                                     "en": "Second line of the fixture preamble."}),
])
def test_missing_text_says_so_and_offers_the_other_languages(files, source, page, unit_id, fallbacks, tmp_path):
    html = render(files[urls.page_source(page, "ru")], tmp_path)
    block = re.search(rf'<div class="unit [^"]*unit--missing" id="{unit_id}".*?</div>', html, re.S).group(0)
    assert source.ui.get("site_missing_notice", "ru") in block
    for lang, text in fallbacks.items():
        assert re.search(rf'<p class="unit__fallback" lang="{lang}">.*{re.escape(text)}</p>', block)


@pytest.mark.parametrize("directory, lang, expected", [
    (ROOT / "translations", "en", "Preamble and Articles 1–2 of 95"),
    (ROOT / "translations", "ru", "Преамбула и статьи 1–2 из 95"),
    (ROOT / "translations", "kk", "Кіріспе және 95 баптың 1–2-баптары"),
    ("rich", "en", "Preamble and Articles 1–3 of 5"),
], ids=["repo-en", "repo-ru", "repo-kk", "rich-en"])
def test_home_says_what_part_of_the_text_the_edition_holds(rich_source, directory, lang, expected):
    source = checked_source(rich_source if directory == "rich" else directory)
    assert pages.holds(Lang(source, lang), source) == expected
    home = site_files(source)[urls.page_source("", lang)]
    assert literal_markdown(expected) in home


# --- downloads ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_downloads_page_marks_every_file_for_the_build_to_fill(files, lang):
    page = files[urls.page_source(urls.DOWNLOADS_PAGE, lang)]
    names = catalogue.names(catalogue.downloads(RICH.document.edition.id, bundle=False))  # the PDFs, the exports
    for name in names:
        assert pages.DOWNLOAD_SIZE.format(name=name) in page
        assert pages.DOWNLOAD_SHA256.format(name=name) in page
        assert f"](../../{urls.download_url(name)})" in page
    assert pages.DOWNLOAD_ALL in page
    home = files[urls.page_source("", lang)]
    assert [name for name in names if name.endswith(".pdf") and name in home] == [
        name for name in names if name.endswith(".pdf")]


@pytest.mark.parametrize("size, expected", [
    (10, "1\u00a0KB"), (1024, "1\u00a0KB"), (1025, "2\u00a0KB"), (1024 * 1024 - 1, "1024\u00a0KB"),
    (1024 * 1024, "1.0\u00a0MB"), (int(2.46 * 1024 * 1024), "2.5\u00a0MB"),
])
def test_file_sizes(size, expected):
    """A number and its unit on one line: a no-break space between them, whatever ui.yaml has."""
    assert file_size(size, kb="{n} KB", mb="{n} MB", decimal=".") == expected


@pytest.mark.parametrize("numbers, expected", [
    ([1, 2], "1–2"), ([1], "1"), ([1, 2, 3, 5, 7, 8], "1–3, 5, 7–8"), ([3, 1, 2], "1–3"),
])
def test_article_ranges(numbers, expected):
    assert ranges(numbers) == expected


# --- nav and Material's Kazakh ------------------------------------------------------------------


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_nav_lists_every_page_once_in_its_language(files, source, lang):
    data = yaml.safe_load(files[paths.SITE_DATA_FILE])["languages"][lang]

    def nav_paths(items):
        for item in items:
            for value in item.values():
                yield from (nav_paths(value) if isinstance(value, list) else [value])

    assert sorted(nav_paths(data["nav"])) == sorted(
        urls.page_source(key, lang).split("/", 1)[1] for key in RICH_PAGES if key not in NOT_IN_NAV)
    assert data["nav"][0] == {source.ui.get("site_home", lang): "index.md"}
    assert data["name"] == getattr(source.document.languages, lang).name


def test_material_strings_exist_in_kazakh_for_every_key():
    english = Path(markdown.__file__).parent.parent / "material/templates/partials/languages/en.html"
    kazakh = ROOT / "overrides/partials/languages/kk.html"
    key = re.compile(r'^\s*"([a-z.]+)": "(.*)",?$', re.M)
    kk = dict(key.findall(kazakh.read_text(encoding="utf-8")))
    assert set(kk) == set(dict(key.findall(english.read_text(encoding="utf-8"))))
    assert kk["language"] == "kk"
    assert re.search("[әғқңөұүһі]", "".join(kk.values()))


# --- generate and --check -----------------------------------------------------------------------


def generate(*args: str) -> int:
    return main(["generate", *args])


@pytest.mark.parametrize("change, expected", [
    (lambda docs: None, None),
    (lambda docs: (docs / "ru/art_2/index.md").write_text("edited\n", encoding="utf-8"), "ru/art_2/index.md: stale"),
    (lambda docs: (docs / "en/about/index.md").unlink(), "en/about/index.md: missing"),
    (lambda docs: (docs / "kk/old.md").write_text("x\n", encoding="utf-8"), "kk/old.md: extra"),
], ids=["current", "stale", "missing", "extra"])
def test_check_reports_a_stale_docs_folder_and_writes_nothing(rich_source, tmp_path, capsys, change, expected):
    docs = tmp_path / "docs"
    assert generate("--source", str(rich_source), "--docs", str(docs)) == 0
    change(docs)
    before = {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()}
    code = generate("--source", str(rich_source), "--docs", str(docs), "--check")
    assert {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()} == before
    error = capsys.readouterr().err
    assert code == (0 if expected is None else 1)
    if expected:
        assert f"{docs}/{expected}" in error


def test_generate_removes_what_it_generated_before_and_keeps_the_rest(rich_source, tmp_path, capsys):
    docs = tmp_path / "docs"
    assert generate("--source", str(rich_source), "--docs", str(docs)) == 0
    old = docs / "kk/art_9/index.md"
    old.parent.mkdir()
    old.write_text(GENERATED_MD + "\n", encoding="utf-8")
    assert generate("--source", str(rich_source), "--docs", str(docs)) == 0
    assert not old.parent.exists()
    (docs / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert generate("--source", str(rich_source), "--docs", str(docs)) == 1
    assert "notes.txt" in capsys.readouterr().err and (docs / "notes.txt").is_file()


def test_committed_docs_are_current(capsys):
    assert generate("--check") == 0, capsys.readouterr().err


def without_text(source_dir: Path, tmp_path: Path, file: str, old: str) -> Path:
    """A copy of a source where one language's text (the line `old` names) is missing."""
    import shutil

    copy = tmp_path / "source"
    shutil.copytree(source_dir, copy)
    path = copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, "status: missing", 1), encoding="utf-8")
    return copy


@pytest.mark.parametrize("file, old, page", [
    (None, None, None),
    ("document.yaml", "status: unofficial\n      text: Второй тестовый раздел", "sec_2"),
    ("articles/001.yaml", "status: unofficial\n  text: Тестовый текст первой статьи.", "art_1"),
], ids=["rich", "section-title-missing", "article-text-missing"])
def test_no_id_is_used_twice_on_a_page(rich_source, tmp_path, file, old, page):
    source_dir = without_text(rich_source, tmp_path, file, old) if file else rich_source
    files = site_files(checked_source(source_dir))
    for name, text in files.items():
        ids = re.findall(r' id="([^"]+)"', text) + re.findall(r"\{#([^}]+)\}", text)
        assert len(ids) == len(set(ids)), name
    if page:
        assert 'unit--missing" id="' in files[urls.page_source(page, "ru")]


@pytest.mark.parametrize("lang, others", [
    ("kk", {"ru": "ru/index.html", "en": "en/index.html"}),
    ("ru", {"kk": "../index.html", "en": "../en/index.html"}),
    ("en", {"kk": "../index.html", "ru": "../ru/index.html"}),
], ids=languages.LANGUAGES)
def test_home_page_offers_the_other_languages(files, lang, others):
    home = files[urls.page_source(urls.HOME_PAGE, lang)]
    line = next(text for text in home.splitlines() if 'class="other-languages"' in text)
    found = dict((code, href) for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+">', line))
    assert found == others
