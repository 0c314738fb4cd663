"""The site served by Debian's nginx with the configuration `python -m constitution site` wrote
(deploy/nginx.conf, constitution/build/deploy.py): every file with the table's headers
(constitution/core/headers.py), the precompressed copies for Accept-Encoding, each
language's 404 page with status 404, and `_headers` (Cloudflare Pages, Netlify) giving the
same headers as nginx sends.

The rich fixture built once per session (conftest.built_site, SITE_URL on a sub-path),
served once (conftest.nginx_site, tests/helpers/nginx.py: a free port of 127.0.0.1).
"""

from __future__ import annotations

import gzip
import http.client
import json
import zipfile

import brotli
import pytest

from constitution.build import deploy
from constitution.core import catalogue, headers, languages, urls
from tests.helpers.builds import GATES_SITE_URL

PATH = "/constitution/"  # GATES_SITE_URL's path
assert GATES_SITE_URL.endswith(PATH)
SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
            "X-Frame-Options")
OWN = ("Cache-Control", "Content-Type", "Content-Language", "ETag", *SECURITY)  # what the table says


@pytest.fixture(scope="module")
def served(nginx_site):
    return nginx_site("rich")


@pytest.fixture(scope="module")
def table(served):
    """The table's view of the built site: files and their headers."""
    _, built = served
    return deploy.served(built.site, GATES_SITE_URL, hsts=False)


def get(server, path: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def own_headers(sent: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in sent.items() if name in OWN}


def files_of(built, kind: str) -> list[str]:
    return [name for name in deploy.site_files(built.site) if headers.kind_of(name).name == kind]


@pytest.mark.parametrize("kind", list(headers.KINDS))
def test_every_file_of_each_kind_is_served_with_the_table_s_headers(served, table, kind):
    server, built = served
    names = files_of(built, kind)
    assert names, f"the site has no file of kind {kind}"
    if headers.KINDS[kind].language:  # every language's pages
        assert {headers.language_of(name) for name in names} == set(languages.LANGUAGES)
    wrong = {}
    for name in names:
        status, sent, body = get(server, f"{PATH}{name}")
        if status != 200 or own_headers(sent) != table.headers(name) or body != (built.site / name).read_bytes():
            wrong[name] = (status, own_headers(sent))
    assert not wrong, wrong


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_a_page_by_its_folder_address_is_the_page_with_its_headers(served, table, lang):
    server, built = served
    page = urls.page_url("art_2", lang)
    status, sent, body = get(server, f"{PATH}{page}")
    assert status == 200 and body == (built.site / page / "index.html").read_bytes()
    assert own_headers(sent) == table.headers(f"{page}index.html")
    assert sent["Content-Language"] == lang and sent["Content-Type"] == "text/html; charset=utf-8"
    status, sent, _ = get(server, f"{PATH}{page.rstrip('/')}")  # without its slash: to the folder
    assert (status, sent["Location"]) == (301, f"{PATH}{page}")


COMPRESSED = [  # (test id, file, Accept-Encoding, the copy sent)
    ("html-br", "ru/art_2/index.html", "br, gzip", ".br"),
    ("html-gzip", "en/art_2/index.html", "gzip", ".gz"),
    ("html-kk-br", "art_2/index.html", "gzip, deflate, br", ".br"),
    ("hashed-br", None, "br, gzip", ".br"),
    ("asset-gzip", "assets/javascripts/reader.js", "gzip", ".gz"),
    ("search-br", "search/kk.json", "br, gzip", ".br"),
    ("download-br", f"downloads/{catalogue.EXPORT_CSV}", "br, gzip", ".br"),
    ("sitemap-gzip", "sitemap.xml", "gzip", ".gz"),
    ("identity", "ru/art_2/index.html", None, ""),
]


@pytest.mark.parametrize("name, encoding, suffix", [case[1:] for case in COMPRESSED], ids=[c[0] for c in COMPRESSED])
def test_accept_encoding_gets_the_precompressed_copy(served, name, encoding, suffix):
    server, built = served
    name = name or next(n for n in files_of(built, "hashed") if n.endswith(".js"))
    status, sent, body = get(server, f"{PATH}{name}", encoding)
    assert status == 200
    assert body == (built.site / f"{name}{suffix}").read_bytes()
    assert sent.get("Content-Encoding") == {".br": "br", ".gz": "gzip", "": None}[suffix]
    if suffix:
        assert sent["Vary"] == "Accept-Encoding"
        assert sent["Content-Type"] == headers.content_type(name)


def test_the_copies_are_the_files_compressed_and_every_text_file_has_them(served):
    _, built = served
    texts = [name for name in deploy.site_files(built.site) if headers.compressible(name)]
    assert len(texts) > 50
    for name in texts:
        data = (built.site / name).read_bytes()
        for suffix, unpack in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            copy = built.site / f"{name}{suffix}"
            if copy.is_file():
                assert unpack(copy.read_bytes()) == data, copy
            else:  # only where compression would not make it smaller
                assert len(data) < 200, f"{copy} is missing"
    assert gzip.decompress((built.site / "sitemap.xml.gz").read_bytes()) == (built.site / "sitemap.xml").read_bytes()


NOT_FOUND = [  # (test id, address, the language of the 404 page)
    ("kk-root", "no-such-page/", "kk"),
    ("kk-deep", "art_2/no/such/file.html", "kk"),
    ("ru", "ru/no-such-page/", "ru"),
    ("ru-deep", "ru/art_2/no-such", "ru"),
    ("en", "en/no-such-page/", "en"),
    ("en-file", "en/missing.pdf", "en"),
    ("marker", ".constitution-build", "kk"),
]


@pytest.mark.parametrize("address, lang", [c[1:] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND])
def test_an_unknown_address_gets_its_language_s_404_page_with_status_404(served, table, address, lang):
    server, built = served
    page = f"{urls.page_url('', lang)}404.html"
    status, sent, body = get(server, f"{PATH}{address}")
    assert status == 404
    assert body == (built.site / page).read_bytes()
    assert f'lang="{lang}"' in body.decode("utf-8")[:200]
    assert own_headers(sent) == {key: value for key, value in table.headers(page).items()}


def test_hashed_assets_are_immutable_and_nothing_else_is(served, table):
    server, built = served
    hashed = files_of(built, "hashed")
    assert any(name.endswith(".js") for name in hashed) and any(name.endswith(".css") for name in hashed)
    for name in deploy.site_files(built.site):
        immutable = "immutable" in table.headers(name)["Cache-Control"]
        assert immutable == (name in hashed), name
    for name in hashed:
        assert get(server, f"{PATH}{name}")[1]["Cache-Control"] == "public, max-age=31536000, immutable"


def get_if_none_match(server, path: str, etag: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", path, headers={"If-None-Match": etag, "If-Modified-Since": "Thu, 01 Jan 2099 00:00:00 GMT"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def test_a_download_is_validated_by_its_checksum(served):
    """Its ETag is its SHA-256 (the manifest's); a browser holding it gets 304, one holding another 200."""
    server, built = served
    manifest = json.loads((built.dist / catalogue.MANIFEST).read_bytes())
    for entry in manifest["files"]:
        path = f"{PATH}{urls.download_url(entry['name'])}"
        _, sent, _ = get(server, path)
        assert sent["ETag"] == f'"{entry["sha256"]}"', entry["name"]
        status, again, body = get_if_none_match(server, path, sent["ETag"])
        assert (status, body, again["ETag"]) == (304, b"", sent["ETag"]), entry["name"]
        assert again["Cache-Control"] == headers.REVALIDATE
        status, _, body = get_if_none_match(server, path, '"0000"')
        assert status == 200 and body == (built.site / urls.download_url(entry["name"])).read_bytes()


def test_the_policy_allows_exactly_the_inline_scripts_of_the_pages(table, served):
    _, built = served
    policy = table.headers("index.html")["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    allowed = set(policy.split("script-src ", 1)[1].split(";", 1)[0].split())
    digests = set()
    for name in deploy.site_files(built.site):
        if name.endswith(".html"):
            digests |= set(deploy.script_hashes_of((built.site / name).read_text(encoding="utf-8")))
    assert allowed == {"'self'", *(f"'sha256-{digest}'" for digest in digests)}
    assert len(digests) >= 2  # Material's configuration reader (by folder depth) and its tab fix


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """`_headers` as Cloudflare Pages and Netlify read it: a URL pattern, its indented headers."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("  "):
            name, _, value = line.strip().partition(": ")
            rules[-1][1][name] = value
        else:
            rules.append((line, {}))
    return rules


def host_match(pattern: str, url: str) -> bool:
    head, star, tail = pattern.partition("*")
    return url.startswith(head) and url.endswith(tail) and len(url) >= len(head + tail) if star else url == pattern


def test_headers_file_gives_every_file_what_nginx_sends(served):
    """Each header once per URL (the hosts would join two); what it leaves to the hosts is what
    they send anyway: their Content-Type and ETag, and Cache-Control when it is their default."""
    server, built = served
    rules = parse_headers_file((built.site / deploy.HEADERS_FILE).read_text(encoding="utf-8"))
    assert len(rules) <= 100  # Cloudflare Pages reads at most 100 rules
    differences = {}
    for name in deploy.site_files(built.site):
        url = f"{PATH}{name[:-len('index.html')] if name.endswith('index.html') else name}"
        matched = [values for pattern, values in rules if host_match(pattern, url)]
        given = {key: value for values in matched for key, value in values.items()}
        assert sum(len(values) for values in matched) == len(given), f"{url}: a header set twice"
        _, sent, _ = get(server, url)
        expected = {key: value for key, value in own_headers(sent).items() if key not in ("Content-Type", "ETag")}
        if expected.get("Cache-Control") == headers.REVALIDATE:
            del expected["Cache-Control"]
        if given != expected:
            differences[url] = (given, expected)
    assert not differences, differences


def test_the_offline_bundle_holds_no_server_files(served):
    _, built = served
    bundle = next(built.dist.glob("*-offline.zip"))
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert not [name for name in names if name.endswith((".gz", ".br", deploy.HEADERS_FILE))]


def test_nginx_logged_no_error(served):
    server, _ = served
    assert "[error]" not in server.errors() and "[emerg]" not in server.errors()


def test_the_configuration_names_the_built_site_and_no_other_folder(served):
    _, built = served
    conf = (built.deploy / deploy.NGINX_CONF).read_text(encoding="utf-8")
    assert f'alias "{built.site.resolve()}/";' in conf
    assert f"location {PATH} {{" in conf and "server_name example.org;" in conf
