"""What serves the site (constitution/build/deploy.py), on small sites written here: the inline
scripts' hashes, inline code refused, reproducible copies, `_headers` rules checked against the
table, the nginx configuration's values."""

from __future__ import annotations

import base64
import gzip
import hashlib
import os

import pytest

from constitution.build import deploy
from constitution.core import headers
from constitution.core.problems import BuildError

SITE_URL = "https://example.org/constitution/"
CONFIG = '<script id="__config" type="application/json">{"base": "."}</script>'


def digest(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


def page(*scripts: str, body: str = "<p>Текст</p>") -> str:
    return f'<!doctype html><html lang="kk"><head>{"".join(scripts)}</head><body>{body}</body></html>'


def write_site(folder, files: dict[str, str]):
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_every_inline_script_is_hashed_and_data_blocks_and_files_are_not(tmp_path):
    site = write_site(tmp_path, {
        "index.html": page("<script>var a=1</script>", CONFIG, '<script src="x.js"></script>'),
        "ru/art_2/index.html": page("<script>\n  var b = «2»\n</script>", "<script>var a=1</script>"),
    })
    assert deploy.script_hashes(site) == sorted([digest("var a=1"), digest("\n  var b = «2»\n")])


INLINE = [
    ("style-attribute", '<p style="color:red">x</p>'),
    ("style-element", "<style>p{}</style>"),
    ("handler", '<a href="#" onclick="go()">x</a>'),
    ("upper-case-handler-after-a-line-break", '<a href="#"\nONCLICK = \'go()\'>x</a>'),
    ("upper-case-style-element", "<STYLE type=text/css>p{}</STYLE>"),
    ("style-attribute-after-a-tab", '<p\tStyle="color:red">x</p>'),
]
NOT_INLINE = [
    ("words-in-text", "<p>The styles are plain; money on = 'x'</p>"),
    ("part-of-a-name", '<p data-style="x" class="button">on</p>'),
    ("a-script-only", '<script>document.body.style = "x"; a.onclick = "y"</script>'),
]


@pytest.mark.parametrize("body", [case[1] for case in NOT_INLINE], ids=[case[0] for case in NOT_INLINE])
def test_what_is_no_inline_code_passes(tmp_path, body):
    write_site(tmp_path, {"en/art_1/index.html": page(body=body)})
    deploy.script_hashes(tmp_path)


@pytest.mark.parametrize("body", [case[1] for case in INLINE], ids=[case[0] for case in INLINE])
def test_inline_code_the_policy_would_block_stops_the_build(tmp_path, body):
    write_site(tmp_path, {"en/art_1/index.html": page(body=body)})
    with pytest.raises(BuildError) as raised:
        deploy.script_hashes(tmp_path)
    assert raised.value.messages[0].startswith("en/art_1/index.html: holds inline code")


def test_copies_are_smaller_reproducible_and_only_of_text(tmp_path):
    site = write_site(tmp_path / "one", {"index.html": page(body="<p>Қазақстан</p>" * 200), "tiny.txt": "a",
                                         "assets/x.woff2": "binary"})
    other = write_site(tmp_path / "two", {"index.html": page(body="<p>Қазақстан</p>" * 200), "tiny.txt": "a",
                                          "assets/x.woff2": "binary"})
    made = sorted(path.relative_to(site).as_posix() for path in deploy.precompress(site))
    assert made == ["index.html.br", "index.html.gz"]  # tiny.txt: a copy would be larger; fonts are packed
    deploy.precompress(other)
    for name in made:
        assert (site / name).read_bytes() == (other / name).read_bytes()
    assert deploy.site_files(site) == ["assets/x.woff2", "index.html", "tiny.txt"]  # the copies are no files of their own


@pytest.fixture(autouse=True)
def compressed_cache(tmp_path, monkeypatch):
    """Each test's own cache of compressed copies (never the checkout's)."""
    cache = tmp_path / "compressed-cache"
    monkeypatch.setenv(deploy.COMPRESSED_CACHE_ENV, str(cache))
    return cache


def test_shared_assets_copies_are_kept_by_content_and_read_back(tmp_path, compressed_cache):
    import brotli

    script = "var constitution = {kk: 'Қазақстан'};\n" * 300
    files = {"assets/javascripts/bundle.js": script, "index.html": page(body="<p>Қазақстан</p>" * 200)}
    site = write_site(tmp_path / "one", files)
    deploy.precompress(site)
    digest_hex = hashlib.sha256(script.encode()).hexdigest()
    entries = sorted(path.name for path in compressed_cache.iterdir())
    assert [name.split("-")[0] for name in entries] == [digest_hex, digest_hex]  # the shared asset's, not the page's
    assert gzip.decompress((site / "assets/javascripts/bundle.js.gz").read_bytes()).decode() == script
    assert brotli.decompress((site / "assets/javascripts/bundle.js.br").read_bytes()).decode() == script
    brotli_entry = next(compressed_cache.glob("*.br"))
    brotli_entry.write_bytes(b"kept")  # what the next build must take from the cache
    other = write_site(tmp_path / "two", files)
    deploy.precompress(other)
    assert (other / "assets/javascripts/bundle.js.br").read_bytes() == b"kept"
    assert (other / "index.html.br").read_bytes() == (site / "index.html.br").read_bytes()


def test_an_entry_no_build_used_for_a_month_is_removed(tmp_path, compressed_cache):
    compressed_cache.mkdir()
    stale, recent = compressed_cache / "stale.br", compressed_cache / "recent.br"
    for entry in (stale, recent):
        entry.write_bytes(b"x")
    old = os.stat(stale).st_mtime - (deploy.COMPRESSED_CACHE_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    deploy.precompress(write_site(tmp_path / "site", {"index.html": page()}))
    assert sorted(path.name for path in compressed_cache.iterdir()) == ["recent.br"]


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(deploy.COMPRESSED_CACHE_ENV, str(blocked / "cache"))
    site = write_site(tmp_path / "site", {"assets/x.js": "var x = 1;\n" * 300})
    assert sorted(path.name for path in deploy.precompress(site)) == ["x.js.br", "x.js.gz"]


def small_site(tmp_path):
    return write_site(tmp_path / "site", {
        "index.html": page(), "404.html": page(), "art_1/index.html": page(), "art_12/index.html": page(),
        "art_26-1/index.html": page(), "sec_1/index.html": page(), "2026-01-30/art_1/index.html": page(), "about/index.html": page(), "downloads/index.html": page(),
        "downloads/constitution.csv": "id,kk\n", "ru/index.html": page(), "ru/404.html": page(),
        "en/art_1/index.html": page(), "assets/javascripts/bundle.0123abcd.min.js": "x",
        "assets/javascripts/reader.js": "x", "assets/fonts/noto-sans/a.woff2": "x", "search/kk.json": "{}",
        "sitemap.xml": "<urlset/>", ".constitution-build": "marker",
    })


def test_header_rules_give_every_file_the_table_s_headers_once(tmp_path):
    site = small_site(tmp_path)
    where = deploy.served(site, SITE_URL, hsts=False)
    files = deploy.site_files(site)
    rules = deploy.header_rules(files, where)
    assert deploy.header_rules_problems(files, rules, where) == []
    patterns = [pattern for pattern, _ in rules]
    assert patterns[:3] == ["/constitution/*", "/constitution/ru/*", "/constitution/en/*"]
    assert "/constitution/art_*" in patterns and "/constitution/downloads/" in patterns
    assert not any(pattern.startswith("/constitution/art_26") for pattern in patterns)  # art_* holds it
    assert "/constitution/2026-01-30/*" in patterns  # an edition's dated pages
    assert "/constitution/assets/javascripts/bundle.0123abcd.min.js" in patterns
    assert ".constitution-build" not in " ".join(patterns)


def test_a_rule_that_sets_a_header_twice_or_wrongly_is_a_problem(tmp_path):
    site = small_site(tmp_path)
    where = deploy.served(site, SITE_URL, hsts=False)
    files = deploy.site_files(site)
    rules = [*deploy.header_rules(files, where), ("/constitution/assets/*", {"Cache-Control": headers.IMMUTABLE})]
    problems = deploy.header_rules_problems(files, rules, where)
    assert any(line.startswith("_headers: assets/javascripts/bundle.0123abcd.min.js: set twice") for line in problems)
    assert any(line.startswith("_headers: assets/javascripts/reader.js: set twice []") for line in problems)


def test_the_nginx_configuration_serves_the_folder_at_the_site_s_path(tmp_path):
    site = small_site(tmp_path)
    written = deploy.write(site, tmp_path / "deploy", site, SITE_URL, hsts=True)
    conf = (tmp_path / "deploy" / deploy.NGINX_CONF).read_text(encoding="utf-8")
    assert f'alias "{site}/";' in conf and "server_name example.org;" in conf
    assert "error_page 404 /constitution/ru/404.html;" in conf and "error_page 404 /constitution/404.html;" in conf
    assert 'add_header Strict-Transport-Security "max-age=31536000" always;' in conf
    assert f'"{hashlib.sha256(b"id,kk" + bytes([10])).hexdigest()}"' in conf  # the download's ETag
    assert conf.count("{") == conf.count("}")
    assert site / deploy.HEADERS_FILE in written and "Strict-Transport-Security" in (site / deploy.HEADERS_FILE).read_text()


BAD = [
    ("hsts-over-http", "http://example.org/", True, "--hsts: the site's address http://example.org/ is not https"),
    ("quote-in-path", 'https://example.org/a"b/', False, "SITE_URL's path holds a sign"),
]


@pytest.mark.parametrize("url, hsts, message", [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_what_cannot_be_served_stops_with_one_line(tmp_path, url, hsts, message):
    site = small_site(tmp_path)
    with pytest.raises(BuildError) as raised:
        deploy.write(site, tmp_path / "deploy", site, url, hsts)
    assert len(raised.value.messages) == 1 and message in raised.value.messages[0]


def test_a_site_at_the_host_s_root_is_the_server_s_root(tmp_path):
    site = small_site(tmp_path)
    deploy.write(site, tmp_path / "deploy", site, "https://example.org/", hsts=False)
    conf = (tmp_path / "deploy" / deploy.NGINX_CONF).read_text(encoding="utf-8")
    assert f'    root "{site}";' in conf and "alias" not in conf
    assert "    location / {" in conf and "error_page 404 /ru/404.html;" in conf and "error_page 404 /404.html;" in conf
    rules = (site / deploy.HEADERS_FILE).read_text(encoding="utf-8").splitlines()
    assert "/*" in rules and "/ru/*" in rules and "/art_*" in rules
