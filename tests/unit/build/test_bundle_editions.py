"""What the offline bundle of a source of several editions holds (constitution/build/bundle_editions.py),
on tests/data/editions and on the tiny website of test_offline.py: the pages it leaves out, the
links to them led to the website or left as text, the Downloads page saying which editions it
holds; a one-edition source's bundle is what it was, whatever the choice (the bundles of a real
build: tests/build/build/test_offline.py, in a browser: tests/browser/test_offline.py)."""

from __future__ import annotations

import pytest

from constitution.build import bundle_editions, offline
from constitution.core import paths, urls
from constitution.core.problems import BuildError
from constitution.source.editions import single
from constitution.source.validate import checked_editions, checked_source
from tests.helpers import DATA
from tests.unit.build.test_offline import website  # noqa: F401 - the tiny website, a fixture

SITE = "https://example.org/constitution/"
PAIR = "2026-02-12..2026-03-15"


@pytest.fixture(scope="module")
def editions():
    return checked_editions(DATA / "editions")


def held(editions, choice=bundle_editions.CURRENT, website=SITE):
    return bundle_editions.plan(editions, choice, website)


def test_the_current_edition_alone_leaves_out_every_dated_and_comparison_folder_and_earlier_files(editions):
    assert held(editions).left_out == (*(
        urls.page_url(key, lang) for key in ("2026-01-30", "2026-02-12", "2026-03-15", "compare")
        for lang in ("kk", "ru", "en")), "downloads/2026-01-30/", "downloads/2026-02-12/",
        *(f"search/{edition}/{lang}{suffix}" for edition in ("2026-01-30", "2026-02-12")
          for lang in ("kk", "ru", "en") for suffix in (".json", ".js")))
    assert held(editions, bundle_editions.ALL).left_out == ()


HOLDS = [
    # test id, site-relative file or search location, in the bundle of the current edition
    ("home", "index.html", True),
    ("article", "ru/art_4/index.html", True),
    ("search-location", "en/art_4/#art_4__para_1", True),
    ("dated-article", "2026-01-30/art_3/index.html", False),
    ("dated-current-edition", "en/2026-03-15/index.html", False),
    ("comparison", f"ru/compare/{PAIR}/art_4/index.html", False),
    ("dated-search-location", "ru/2026-02-12/art_2/#art_2__para_1", False),
    ("a-folder-named-like-one", "compared/index.html", True),
    ("current-download", "downloads/constitution-kk.pdf", True),
    ("current-editions-download", "downloads/2026-03-15/constitution-kk.pdf", True),
    ("earlier-editions-download", "downloads/2026-02-12/changes.json", False),
]


@pytest.mark.parametrize("name, expected", [case[1:] for case in HOLDS], ids=[case[0] for case in HOLDS])
def test_the_bundle_of_the_current_edition_holds_its_undated_pages_only(editions, name, expected):
    assert held(editions).holds(name) is expected
    assert held(editions, bundle_editions.ALL).holds(name)


LINKS = [
    # test id, page, the link on the website, in the bundle with the website's address known, without it
    ("comparison", "en/art_4/index.html", f'<a href="../compare/{PAIR}/art_4/">Compare</a>',
     f'<a href="{SITE}en/compare/{PAIR}/art_4/" rel="external">Compare (on the website)</a>', "Compare"),
    ("fragment-and-markup", "art_4/index.html", f'<a href="../compare/{PAIR}/art_4/#art_4__para_3"><em>x</em></a>',
     f'<a href="{SITE}compare/{PAIR}/art_4/#art_4__para_3" rel="external"><em>x</em> (сайтта)</a>', "<em>x</em>"),
    ("dated-page", "ru/art_4/index.html", '<a href="../2026-01-30/art_3/">3</a>',
     f'<a href="{SITE}ru/2026-01-30/art_3/" rel="external">3 (на сайте)</a>', "3"),
    ("root-absolute", "index.html", '<a href="/constitution/ru/compare/">c</a>',  # under another site's path: as it is
     f'<a href="{SITE}ru/compare/" rel="external">c (сайтта)</a>', None),
    ("attributes-kept", "en/art_4/index.html", '<a class="x" href="../2026-02-12/" title="a &amp; b">e</a>',
     f'<a href="{SITE}en/2026-02-12/" class="x" title="a &amp; b" rel="external">e (on the website)</a>', "e"),
    ("earlier-editions-file", "en/about/index.html", '<a href="../../downloads/2026-01-30/constitution-en.pdf">f</a>',
     f'<a href="{SITE}downloads/2026-01-30/constitution-en.pdf" rel="external">f (on the website)</a>', "f"),
    ("page-held", "en/art_4/index.html", '<a href="../art_2/#art_2__para_1">2</a>', None, None),
    ("external", "en/art_4/index.html", '<a href="https://example.com/compare/">w</a>', None, None),
    ("fragment-only", "en/art_4/index.html", '<a href="#compare">w</a>', None, None),
]


@pytest.mark.parametrize("page, link, to_website, as_text", [case[1:] for case in LINKS], ids=[case[0] for case in LINKS])
def test_a_link_to_a_page_left_out_leads_to_the_website_or_is_text(editions, page, link, to_website, as_text):
    body = f"<p>Before {link} after.</p>"
    assert held(editions).page(body, page) == (body if to_website is None else f"<p>Before {to_website} after.</p>")
    for unknown in (None, urls.LOCAL_SITE_URL):  # a build without SITE_URL names localhost
        assert held(editions, website=unknown).page(body, page) == (
            body if as_text is None else f"<p>Before {as_text} after.</p>")
    assert held(editions, bundle_editions.ALL).page(body, page) == body  # every page is in it


DOWNLOADS = '<h1 id="downloads">Downloads</h1>\n<p>Intro.</p>\n<h2 id="pdf">PDF</h2>'


def test_the_downloads_page_of_the_current_edition_names_it(editions):
    said = held(editions).page(DOWNLOADS, urls.page_file(urls.DOWNLOADS_PAGE, "en"))
    assert said == ('<h1 id="downloads">Downloads</h1>\n<p>Intro.</p>\n<p>This offline copy holds the current '
                    'edition only: “Fixture text adopted on 15 March 2026” (15 March 2026). The earlier editions '
                    'and their comparison are on the website.</p>\n<h2 id="pdf">PDF</h2>')
    assert held(editions).page(DOWNLOADS, "en/about/index.html") == DOWNLOADS  # the Downloads page only


def test_the_downloads_page_of_every_edition_links_each_in_the_bundle(editions):
    said = held(editions, bundle_editions.ALL).page(DOWNLOADS, urls.page_file(urls.DOWNLOADS_PAGE, "ru"))
    assert said == (
        '<h1 id="downloads">Downloads</h1>\n<p>Intro.</p>\n<p>В этой копии для чтения без интернета все редакции '
        'текста:</p>\n<ul>\n<li><a href="../2026-01-30/">Тестовый проект от 30 января 2026 года (30 января 2026 г.)'
        '</a></li>\n<li><a href="../2026-02-12/">Окончательный тестовый проект от 12 февраля 2026 года '
        '(12 февраля 2026 г.)</a></li>\n<li><a href="../2026-03-15/">Тестовый текст, принятый 15 марта 2026 года '
        '(15 марта 2026 г.)</a> — Это текущая редакция.</li>\n</ul>\n<h2 id="pdf">PDF</h2>')


def test_a_downloads_page_without_its_heading_and_groups_stops_the_bundle(editions):
    with pytest.raises(BuildError, match="downloads/index.html: no <h1 id=\"downloads\">"):
        held(editions).page('<h1 id="downloads">Downloads</h1><p>no group</p>', "downloads/index.html")


def test_a_choice_of_another_name_stops_the_bundle(editions):
    with pytest.raises(BuildError, match="'every': one of current, all"):
        held(editions, "every")


@pytest.mark.parametrize("choice", bundle_editions.CHOICES)
def test_a_one_edition_sources_bundle_is_what_it_was_whatever_the_choice(website, choice):  # noqa: F811
    one = single(checked_source(paths.SOURCE_DIR))
    assert bundle_editions.plan(one, choice, SITE) is None
    assert offline.bundle_files(website, one, choice) == offline.bundle_files(website)
