"""The table of headers (constitution/core/headers.py): each kind of file by its place, its
Content-Type with the charset of text, and the security headers."""

from __future__ import annotations

import pytest

from constitution.core import headers

KINDS = [  # (file of the site, kind, Content-Language or None)
    ("index.html", "html", "kk"),
    ("art_2/index.html", "html", "kk"),
    ("ru/art_2/index.html", "html", "ru"),
    ("en/parallel/art_2/index.html", "html", "en"),
    ("downloads/index.html", "html", "kk"),  # the Kazakh Downloads page, beside the files
    ("ru/downloads/index.html", "html", "ru"),
    ("404.html", "not_found", "kk"),
    ("ru/404.html", "not_found", "ru"),
    ("en/404.html", "not_found", "en"),
    ("assets/javascripts/bundle.a5f9d56c.min.js", "hashed", None),
    ("assets/javascripts/bundle.a5f9d56c.min.js.map", "hashed", None),
    ("assets/stylesheets/main.57a0d79d.min.css", "hashed", None),
    ("assets/javascripts/workers/search.a7633da7.min.js", "hashed", None),
    ("assets/javascripts/reader.js", "asset", None),
    ("assets/javascripts/lunr/min/lunr.ru.min.js", "asset", None),  # no hash in its name
    ("assets/images/favicon.png", "asset", None),
    ("assets/fonts/noto-sans/noto-sans-cyrillic-400-normal.woff2", "font", None),
    ("assets/fonts/noto-sans/OFL.txt", "font", None),
    ("search/kk.json", "search", None),
    ("search/ru.js", "search", None),  # the script form (the offline bundle's)
    ("downloads/constitution-kk.pdf", "download", None),
    ("downloads/constitution.csv", "download", None),
    ("downloads/2026-01-30/constitution-kk.pdf", "download", None),  # an edition's, at its dated address
    ("downloads/2026-02-12/changes.json", "download", None),
    ("sitemap.xml", "sitemap", None),
    ("sitemap.xml.gz", "sitemap", None),
    ("_headers", "other", None),
]


@pytest.mark.parametrize("path, kind, language", KINDS, ids=[case[0] for case in KINDS])
def test_each_file_is_of_its_kind(path, kind, language):
    assert headers.kind_of(path).name == kind
    sent = headers.file_headers(path, ["abc="], hsts=False, sha256="f" * 64)
    assert sent.get("Content-Language") == language
    assert ("ETag" in sent) == (kind == "download")


TYPES = [
    ("ru/art_2/index.html", "text/html; charset=utf-8", True),
    ("assets/stylesheets/reader.css", "text/css; charset=utf-8", True),
    ("assets/javascripts/reader.js", "text/javascript; charset=utf-8", True),
    ("search/kk.json", "application/json; charset=utf-8", True),
    ("downloads/constitution-kk.akn.xml", "application/xml; charset=utf-8", True),
    ("downloads/constitution.csv", "text/csv; charset=utf-8", True),
    ("assets/fonts/noto-serif/noto-serif-latin-400-normal.woff2", "font/woff2", False),
    ("downloads/constitution-kk.pdf", "application/pdf", False),
    ("sitemap.xml.gz", "application/gzip", False),
    ("_headers", headers.DEFAULT_TYPE, False),
]


@pytest.mark.parametrize("path, mime, compressed", TYPES, ids=[case[0] for case in TYPES])
def test_content_type_and_whether_copies_are_made(path, mime, compressed):
    assert headers.content_type(path) == mime
    assert headers.compressible(path) == compressed


CACHE = [
    ("ru/art_2/index.html", headers.REVALIDATE),
    ("assets/javascripts/bundle.a5f9d56c.min.js", "public, max-age=31536000, immutable"),
    ("assets/javascripts/reader.js", headers.REVALIDATE),
    ("assets/fonts/noto-sans/noto-sans-latin-400-normal.woff2", headers.FONT_CACHE),
    ("search/en.json", headers.REVALIDATE),
    ("downloads/constitution.json", headers.REVALIDATE),
]


@pytest.mark.parametrize("path, cache", CACHE, ids=[case[0] for case in CACHE])
def test_cache_control(path, cache):
    assert headers.file_headers(path, [], hsts=False)["Cache-Control"] == cache


def test_the_policy_names_each_hash_and_allows_no_inline_code_otherwise():
    policy = headers.content_security_policy(["one=", "two="])
    directives = dict(item.split(" ", 1) for item in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' 'sha256-one=' 'sha256-two='"
    assert directives["style-src"] == "'self'" and directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in policy


@pytest.mark.parametrize("hsts", [False, True], ids=["without-hsts", "with-hsts"])
def test_hsts_only_when_asked(hsts):
    sent = headers.security_headers([], hsts)
    assert ("Strict-Transport-Security" in sent) == hsts
    assert sent["X-Content-Type-Options"] == "nosniff" and sent["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in sent["Permissions-Policy"]
