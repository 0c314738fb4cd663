"""The generated pages of a source of several editions (site/editions.py, in this process): a
one-edition source's files are what they were; several editions add exactly the dated and
comparison pages, out of search, and leave today's pages as the current edition's alone."""

import re

import pytest

from constitution.core import catalogue, languages, paths, urls
from constitution.site.nav import site_files
from constitution.source.editions import single
from constitution.source.validate import checked_editions, checked_source
from tests.helpers import DATA, RICH

EDITIONS = DATA / "editions"


def test_a_one_edition_source_gets_no_page_more():
    source = checked_source(RICH)
    assert site_files(source, single(source)) == site_files(source)


CITED = re.compile(r'<div class="cite-strings" hidden[^\n]*></div>')
NOTICE = re.compile(r'\n!!! info edition-notice "[^"\n]*"\n\n    [^\n]*\n')


def test_several_editions_add_their_pages_and_a_notice_on_todays_text():
    editions = checked_editions(EDITIONS)
    current = site_files(editions.current.source)
    files = site_files(editions.current.source, editions)
    noticed = {name for name in current if NOTICE.search(files[name])}
    assert noticed == {f"{lang}/{key}/index.md" for lang in languages.LANGUAGES
                       for key in ("preamble", *(f"art_{n}" for n in range(1, 7)))}
    downloads = {urls.page_source(urls.DOWNLOADS_PAGE, lang) for lang in languages.LANGUAGES}  # every edition's files
    changed = {name for name in current if name not in downloads and name != paths.SITE_DATA_FILE}  # site.yml: search's editions too
    assert {name: CITED.sub("", NOTICE.sub("", files[name], count=1)) for name in changed} == \
        {name: CITED.sub("", current[name]) for name in changed}
    compared = {name.split("/")[1] for name in noticed if "/compare/" in NOTICE.search(files[name]).group()}
    assert compared == {"art_1", "art_2", "art_4"}  # what the adopted text changed: they link their comparison
    added = sorted(set(files) - set(current))
    per_language = {name.split("/", 1)[1] for name in added}
    assert {name.split("/", 1)[0] for name in added} == set(languages.LANGUAGES)
    assert len(added) == 3 * len(per_language)
    dated = {name.split("/")[0] for name in per_language}
    assert dated == {"2026-01-30", "2026-02-12", "2026-03-15", "compare"}
    # each edition's home, preamble and articles, a change page of each later one; the
    # comparisons: 4 and 3 of the consecutive pairs, the draft's with the adopted text (its page and 5)
    assert len(per_language) == (1 + 1 + 6) + (1 + 1 + 7 + 1) + (1 + 1 + 6 + 1) + 4 + 3 + (1 + 5)
    for name in added:  # only an earlier edition's preamble and articles are searched, in its own index
        edition, _, rest = name.split("/", 1)[1].partition("/")
        searched = edition in ("2026-01-30", "2026-02-12") and rest.count("/") == 1 and not rest.startswith("changes/")
        front = "---\n" + ("" if searched else "search:\n  exclude: true\n")
        if edition != "compare":
            front += f'edition: "{edition}"\n'
        assert files[name].startswith(front + "description: "), name


def test_todays_pages_cite_the_dated_address_and_name_the_edition():
    editions = checked_editions(EDITIONS)
    files = site_files(editions.current.source, editions)
    strings = CITED.search(files["en/art_2/index.md"]).group()
    assert 'data-edition-link="../2026-03-15/art_2/"' in strings and 'data-current-link=""' in strings
    assert "Constitution of the Republic of Kazakhstan, edition “Fixture text adopted on 15 March 2026”" in strings
    dated = CITED.search(files["ru/2026-01-30/art_3/index.md"]).group()
    assert 'data-edition-link=""' in dated and "data-current-link" not in dated  # not the current text
    assert "в редакции «Тестовый проект от 30 января 2026 года»" in dated
    current = CITED.search(files["kk/2026-03-15/art_2/index.md"]).group()
    assert 'data-edition-link=""' in current and 'data-current-link="../../art_2/"' in current


def test_every_dated_page_has_its_own_description():
    editions = checked_editions(EDITIONS)
    files = site_files(editions.current.source, editions)
    for lang in languages.LANGUAGES:
        descriptions = [next(line for line in text.split("\n") if line.startswith("description: "))
                        for name, text in files.items()
                        if name.startswith(f"{lang}/") and text.startswith("---\n")]
        assert len(descriptions) == len(set(descriptions))


DOWNLOAD_LINK = re.compile(r"\]\(((?:\.\./)+)downloads/(?!index\.md)([^)]+)\)")  # not the Downloads page


def download_links(text: str) -> list[str]:
    """The files of dist/ a generated page links, by their names there."""
    return [name for _, name in DOWNLOAD_LINK.findall(text)]


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_the_downloads_page_lists_todays_files_then_every_editions(lang):
    editions = checked_editions(EDITIONS)
    files = site_files(editions.current.source, editions)
    text = files[urls.page_source(urls.DOWNLOADS_PAGE, lang)]
    every = tuple(edition.id for edition in editions.editions)
    today = catalogue.names([item for item in catalogue.downloads(editions.current_id, editions=every)
                             if item.edition is None])
    assert today[:-2] == catalogue.names([*catalogue.pdfs(), *catalogue.exports()])
    assert today[-2:] == [catalogue.EXPORT_EDITIONS, catalogue.offline_name(editions.current_id)]
    dated = [f"{edition}/{name}" for index, edition in enumerate(every)
             for name in [*catalogue.names(catalogue.pdfs()), *catalogue.edition_exports(index == 0)]]
    assert download_links(text) == today + dated  # the current edition's at today's names first
    headings = re.findall(r"^### (.*) \{#edition-([^}]+)\}$", text, re.M)
    assert headings == [(getattr(edition.name, lang), edition.id) for edition in editions.editions]
    part = text.split("{#edition-2026-02-12}", 1)[1].split("### ", 1)[0]
    kind = {"kk": "түпкілікті жоба", "ru": "окончательный проект", "en": "final draft"}[lang]
    assert f":** {kind}\n" in part and '<time datetime="2026-02-12">' in part
    assert "](../2026-02-12/index.md)" in part  # its pages


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_an_editions_dated_home_links_its_own_pdfs(lang):
    editions = checked_editions(EDITIONS)
    files = site_files(editions.current.source, editions)
    for edition in editions.editions:
        text = files[urls.page_source(edition.id, lang)]
        first = [code for code in languages.page_first(lang)]
        assert download_links(text) == [f"{edition.id}/{catalogue.pdf_name(code)}" for code in
                                        [*first, catalogue.PARALLEL]]
        assert f"/downloads/index.md#edition-{edition.id})" in text  # its part of the Downloads page
