"""core/urls.py's one check of outside addresses (source links, SITE_URL) and core/ids.py's
strict pattern of an id that names files."""

from __future__ import annotations

import pytest

from constitution.core import ids, urls


@pytest.mark.parametrize("url", [
    "https://www.gov.kz/memleket/entities/x/press/news/details/1152143?lang=kk", "http://example.org/",
    "mailto:info@example.kz", "https://example.org/a?x=1&y=2#frag", "https://example.org/%D0%B0",
], ids=["gov", "http", "mailto", "query", "percent"])
def test_a_link_that_may_stand(url):
    assert urls.url_problem(url) is None


@pytest.mark.parametrize("url, fragment", [
    ("javascript:alert(1)", "scheme 'javascript:' is not allowed"),
    ("JavaScript:alert(1)", "scheme 'javascript:' is not allowed"),
    ("\tjavascript:alert(1)", "scheme 'javascript:' is not allowed"),
    ("data:text/html,<svg onload=alert(1)>", "scheme 'data:' is not allowed"),
    ("vbscript:x", "scheme 'vbscript:' is not allowed"),
    ("//example.org/", "has no scheme: write https://host/"),
    ("https://x.kz/[a](javascript:alert(1))", "holds '['"),
    ('https://x.kz/" onmouseover="alert(1)', "holds '\"'"),
    ("https://x.kz/'><svg>", "holds \"'\""),
    ("https://x.kz/a b", "holds ' '"),
    ("https://x.kz/\\x", "holds '\\\\'"),
    ("https:evil", "has no host"),
    ("https://x.kz:port/", "is not a URL"),
    ("mailto:nobody", "needs name@host"),
    ("https://x.kz/" + "a" * 2000, "at most 2000"),
], ids=["javascript", "mixed-case", "tab-before", "data", "vbscript", "no-scheme", "markdown", "quote", "apostrophe",
        "space", "backslash", "no-host", "bad-port", "mailto-no-at", "long"])
def test_a_link_that_may_not(url, fragment):
    problem = urls.url_problem(url)
    assert problem and fragment in problem


@pytest.mark.parametrize("url, fragment", [
    ("https://example.org/a&b/", "holds '&'"), ("https://example.org/<x>/", "holds '<'"),
    ("https://example.org/?a=1", "query or fragment"), ("https://example.org/#x", "query or fragment"),
    ("https://user@example.org/", "user name"), ("https://example.org/x", "must end with '/'"),
    ("mailto:a@b.kz", "scheme 'mailto:' is not allowed"), ("ftp://example.org/", "scheme 'ftp:'"),
    ("https://example.org/'/", "holds \"'\""),
], ids=["ampersand", "angle", "query", "fragment", "user", "no-slash", "mailto", "ftp", "apostrophe"])
def test_site_url_is_an_http_folder_of_plain_signs(url, fragment):
    problem = urls.url_problem(url, site=True)
    assert problem and fragment in problem


@pytest.mark.parametrize("url", ["https://example.org/constitution/", "http://127.0.0.1:8000/", "https://e.kz/"])
def test_site_urls_that_may_stand(url):
    assert urls.url_problem(url, site=True) is None


@pytest.mark.parametrize("value", ["2026-01-30", "first-draft", "v1.2", "A1"])
def test_file_ids_that_may_stand(value):
    assert ids.file_id_problem(value) is None


@pytest.mark.parametrize("value", ["a/b", "../..", "..", ".x", "x.", "a..b", "a b", "kk.pdf)<svg\tonload=alert(1)>(x",
                                   "a_b", "", "й", "a" * 65],
                         ids=["slash", "up", "dots", "leading-dot", "trailing-dot", "double-dot", "space", "markdown",
                              "underscore", "empty", "cyrillic", "long"])
def test_file_ids_that_may_not(value):
    assert ids.file_id_problem(value)


@pytest.mark.parametrize("url, fragment", [
    ("https://x.kz/%zz", "holds '%' not followed by two hex digits (at character 14): "
                         "write a percent sign itself as %25"),
    ("https://x.kz/100%", "holds '%' not followed by two hex digits"),
    ("https://x.kz/%4", "holds '%' not followed by two hex digits"),
    ("https://x.kz/%41%zz", "(at character 17)"),
], ids=["not-hex", "at-end", "one-digit", "after-a-good-one"])
def test_a_stray_percent_sign_is_named_as_such(url, fragment):
    for site in (False, True):
        problem = urls.url_problem(url, site=site)
        assert problem and fragment in problem and "write it %-encoded" not in problem


@pytest.mark.parametrize("url, fragment", [
    ("https://user@x.kz/", "holds a user name"), ("https://u:p@x.kz/", "holds a user name"),
    ("https://x.kz/?", "holds a query or fragment"), ("https://x.kz/#", "holds a query or fragment"),
    ("https://u@x.kz/?a", "holds a query or fragment"),
], ids=["user", "password", "empty-query", "empty-fragment", "both"])
def test_site_url_query_and_user_checked_once(url, fragment):
    assert fragment in urls.url_problem(url, site=True)


@pytest.mark.parametrize("url, linked", [
    ("https://x.kz/", True), ("HTTPS://X.KZ/", True), ("Http://x.kz/", True), ("mailto:info@x.kz", True),
    ("MAILTO:info@x.kz", True), ("javascript:alert(1)", False), ("ftp://x.kz/", False), ("https:evil", False),
], ids=["https", "upper-case", "mixed-case", "mailto", "mailto-upper", "javascript", "ftp", "no-host"])
def test_what_validate_lets_through_is_what_a_page_links(url, linked):
    """One allow-list: pages.external_link links exactly what url_problem accepts."""
    from constitution.site.pages import external_link

    assert urls.linkable(url) is linked is (urls.url_problem(url) is None)
    assert ('<a href="' in external_link(url)) is linked
