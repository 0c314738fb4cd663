"""Reader tools in a browser: choosing the languages side by side (rows stay aligned, the choice
follows the reader to other articles, cells stack on a phone) and the copy buttons of each unit
(mouse and keyboard, over HTTP and from file:// without the asynchronous clipboard).

The rich fixture (points, units missing in ru) built once per session with `python -m
constitution site` (conftest.served_site), served on 127.0.0.1 with SITE_URL at that address;
Debian's chromium through Playwright (conftest.py).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from constitution.core import contract, urls
from tests.helpers.browser import CLIPBOARD, DESKTOP, PHONE  # noqa: F401 - CLIPBOARD: test_served reads it here
from tests.unit.site.test_reader import CITATIONS

POINT = "art_2__para_3__point_1"


@pytest.fixture(scope="module")
def site(served_site) -> tuple[str, Path]:
    """(URL, folder) of the rich fixture's site."""
    return served_site("rich")


def parallel_url(site_url: str, article: str | None, lang: str) -> str:
    return urljoin(site_url, urls.page_url(urls.parallel_page(article), lang))


def columns(page) -> list[dict]:
    """Every row as shown: its id, and each visible cell's language, unit link and box."""
    return page.evaluate("""() => [...document.querySelectorAll('.pl-row:not(.pl-head)')].map(row => ({
        id: row.id,
        cells: [...row.children].filter(cell => cell.offsetParent !== null).map(cell => {
            const box = cell.getBoundingClientRect()
            return {lang: cell.lang, unit: cell.querySelector('a.pl-go').hash.slice(1),
                    top: box.top, bottom: box.bottom, left: box.left}
        })
    }))""")


def choose(page, column: int, value: str) -> None:
    """Set a column's language ("": none) as a reader does, by the select's label."""
    label = page.locator(".pl-choice > span").nth(column - 1).inner_text()
    select = page.get_by_label(label, exact=False)
    assert select.count() == 1 and select.get_attribute("name") == f"column-{column}"
    if value:
        select.select_option(value=value)
    else:
        select.select_option(index=0)


def expect_columns(page, order: list[str]) -> None:
    rows = columns(page)
    assert rows and [cell["lang"] for cell in page.evaluate(
        "() => [...document.querySelector('.pl-head').children].filter(c => !c.hidden).map(c => ({lang: c.lang}))")] == order
    for row in rows:
        assert [cell["lang"] for cell in row["cells"]] == order, row["id"]
        assert {cell["unit"] for cell in row["cells"]} == {row["id"].removeprefix(contract.PARALLEL_ROW_PREFIX)}
        assert max(c["top"] for c in row["cells"]) - min(c["top"] for c in row["cells"]) < 1, row  # one line
        assert [c["left"] for c in row["cells"]] == sorted(c["left"] for c in row["cells"])


def test_choose_two_languages_and_their_order(open_page, site):
    site_url, _ = site
    page = open_page(parallel_url(site_url, "art_2", "kk"))
    assert page.title().startswith("2-бап: тілдік нұсқаларды салыстыру - ")  # not "Index": site/hooks/page_titles.py
    expect_columns(page, ["kk", "ru", "en"])  # the page's language first
    choose(page, 1, "ru")  # ru leaves column 2 for column 1: kk takes its place
    expect_columns(page, ["ru", "kk", "en"])
    choose(page, 2, "en")
    choose(page, 3, "")
    expect_columns(page, ["ru", "en"])
    choose(page, 1, "en")
    expect_columns(page, ["en", "ru"])
    assert page.url.endswith("?langs=en,ru")
    assert [page.locator(f"select[name=column-{n}]").input_value() for n in (1, 2, 3)] == ["en", "ru", ""]
    missing = page.locator(f"#{contract.parallel_row_id('art_2__para_3')} > div[lang=ru] .pl-missing")
    assert missing.is_visible() and missing.inner_text() == "Бұл тілдегі мәтін әзірге жоқ."
    assert page.errors == []


def test_the_choice_follows_the_reader_to_other_articles(open_page, site):
    site_url, _ = site
    page = open_page(parallel_url(site_url, "art_2", "ru"))
    choose(page, 1, "en")
    choose(page, 3, "")
    expect_columns(page, ["en", "kk"])
    page.get_by_role("link", name="Следующая: Статья 3").click()  # the link carries the choice
    page.wait_for_url(parallel_url(site_url, "art_3", "ru") + "?langs=en,kk")
    expect_columns(page, ["en", "kk"])
    page.goto(parallel_url(site_url, "art_1", "en"))  # no query: the stored choice
    expect_columns(page, ["en", "kk"])
    assert page.url.endswith("?langs=en,kk")
    page.goto(parallel_url(site_url, None, "kk"))  # the whole text too
    expect_columns(page, ["en", "kk"])


def test_a_shared_link_shows_its_languages(open_page, site):
    site_url, _ = site
    page = open_page(parallel_url(site_url, None, "en") + "?langs=ru,kk,en")
    expect_columns(page, ["ru", "kk", "en"])
    page = open_page(parallel_url(site_url, "art_1", "en") + "?langs=xx,kk")  # nonsense: the default
    expect_columns(page, ["en", "kk", "ru"])


def test_on_a_phone_the_languages_stack_each_labelled(open_page, site):
    site_url, _ = site
    page = open_page(parallel_url(site_url, "art_2", "ru"), viewport=PHONE)
    for row in columns(page):
        cells = row["cells"]
        assert [c["lang"] for c in cells] == ["ru", "kk", "en"]
        assert all(lower["top"] >= upper["bottom"] - 1 for upper, lower in zip(cells, cells[1:])), row
    label = page.locator(f"#{contract.parallel_row_id(POINT)} > div[lang=kk] .pl-lang")
    assert label.is_visible() and label.text_content() == "Қазақша"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scroll


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def unit_button(page, unit_id: str, kind: str):
    return page.locator(f"[id='{unit_id}'] button.cite-btn--{kind}")


@pytest.mark.parametrize("unit_id, lang, citation", CITATIONS, ids=[f"{u}-{lang}" for u, lang, _ in CITATIONS])
def test_copy_the_permalink_and_the_citation(open_page, site, unit_id, lang, citation):
    site_url, _ = site
    page = open_page(urljoin(site_url, urls.page_url(urls.page_of(unit_id), lang)))
    unit_button(page, unit_id, "link").click()
    assert clipboard(page) == urljoin(site_url, urls.unit_url(unit_id, lang))
    unit_button(page, unit_id, "citation").click()
    assert clipboard(page) == citation
    page.wait_for_function("() => document.querySelector('.cite-status[role=status]').textContent !== ''")
    label = page.get_attribute(f"[id='{unit_id}']", "data-label")
    assert label in page.locator(".cite-status").inner_text()
    assert page.errors == []


@pytest.mark.parametrize("lang, link_name, citation_name", [
    ("kk", "Тұрақты сілтемені көшіру: 2-бап, 3-тармақ, 1) тармақша", "Дәйексөзді көшіру: 2-бап, 3-тармақ, 1) тармақша"),
    ("ru", "Копировать постоянную ссылку: Статья 2, пункт 3, подпункт 1)",
     "Копировать ссылку для цитирования: Статья 2, пункт 3, подпункт 1)"),
    ("en", "Copy permanent link: Article 2, paragraph 3, subparagraph 1)",
     "Copy citation: Article 2, paragraph 3, subparagraph 1)"),
])
def test_the_keyboard_reaches_the_buttons_and_enter_copies(open_page, site, lang, link_name, citation_name):
    site_url, _ = site
    page = open_page(urljoin(site_url, urls.page_url("art_2", lang)))
    page.focus(f"[id='{POINT}'] a.unit__permalink")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == link_name
    assert page.get_by_role("button", name=link_name).count() == 1
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.cite-status').textContent !== ''")
    assert clipboard(page) == urljoin(site_url, urls.unit_url(POINT, lang))
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == link_name  # focus stays
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == citation_name
    page.keyboard.press("Enter")
    expected = next(c for u, code, c in CITATIONS if u == "art_2__para_3__point_2" and code == lang)
    assert clipboard(page) == expected.replace("2)", "1)")


def test_tab_from_the_top_reaches_the_first_copy_button(open_page, site):
    site_url, _ = site
    page = open_page(urljoin(site_url, urls.page_url("art_2", "en")))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite-btn')"):
            break
    assert page.evaluate("document.activeElement.closest('.unit').id") == "art_2__para_1"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus seen


def test_copy_from_disk_without_the_clipboard_api(open_page, site):
    """Offline (file://, no canonical address): the page's own URL, copied by the fallback."""
    _, folder = site
    url = (folder / urls.page_file("art_2", "ru")).as_uri()
    page = open_page(url)
    page.evaluate("""() => {
        document.querySelector('link[rel=canonical]')?.remove()  // as in the offline bundle
        Object.defineProperty(navigator, 'clipboard', {value: undefined})
    }""")
    assert page.evaluate("navigator.clipboard") is None
    unit_button(page, POINT, "link").click()
    page.wait_for_function("() => document.querySelector('.cite-status').textContent !== ''")
    reader = page.context.new_page()
    reader.goto(url)
    assert clipboard(reader) == f"{url}#{POINT}"
    unit_button(page, POINT, "citation").click()
    assert clipboard(reader) == ("подпункт 1) пункта 3 статьи 2 проекта Конституции Республики Казахстан "
                                 "(30 января 2026 г.)")


def test_the_clause_reached_by_its_link_is_highlighted(open_page, site):
    site_url, _ = site
    page = open_page(urljoin(site_url, urls.unit_url(POINT, "kk")))
    colour = page.evaluate(f"getComputedStyle(document.getElementById('{POINT}')).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    other = page.evaluate("getComputedStyle(document.getElementById('art_2__para_1')).backgroundColor")
    assert other in ("rgba(0, 0, 0, 0)", "transparent")
