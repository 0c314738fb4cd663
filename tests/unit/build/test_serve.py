"""The preview's own parts (constitution/build/serve.py): patching built pages, which pages an
edit changes, the server that adds its reload script and answers the long poll."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.request
from pathlib import Path

import pytest

from constitution.build import serve
from constitution.source.validate import checked_source

UNIT = '<p class="unit" id="art_1__para_1">{}</p>'
MD = "<!-- generated -->\n\n# Article 1 {{#art_1}}\n\n" + UNIT + "\n"
HTML = '<html><body><article><h1 id="art_1">Article 1</h1>\n' + UNIT + "\n</article></body></html>"


@pytest.mark.parametrize("old_md, new_md, html, expected", [
    (MD.format("Old."), MD.format("New."), HTML.format("Old."), HTML.format("New.")),
    (MD.format("Old."), MD.format("Old."), HTML.format("Old."), HTML.format("Old.")),
    (MD.format("Old."), MD.format("New.").replace("# Article 1", "# Article One"), HTML.format("Old."), None),
    (MD.format("Old."), MD.format("New.") + "\nMore.\n", HTML.format("Old."), None),
    (MD.format("Old."), MD.format("New."), HTML.format("Old.") + HTML.format("Old."), None),
], ids=["a unit's line", "nothing changed", "a line Markdown rewrote", "lines added", "the line twice"])
def test_a_page_is_patched_only_where_its_changed_lines_are_in_it_as_they_are(old_md, new_md, html, expected):
    assert serve.patched(html, old_md, new_md) == expected


@pytest.mark.parametrize("md, html", [("en/art_5/index.md", "en/art_5/index.html"),
                                      ("kk/art_5/index.md", "art_5/index.html"),
                                      ("ru/parallel/art_5/index.md", "ru/parallel/art_5/index.html"),
                                      ("kk/index.md", "index.html")], ids=["en", "kk at the root", "nested", "home"])
def test_a_generated_page_maps_to_its_built_file(md, html):
    assert serve.built_page(md) == html


@pytest.fixture(scope="module")
def sources(tmp_path_factory, rich_source):
    """The rich source, and a copy whose first clause's English text is edited."""
    edited = tmp_path_factory.mktemp("edited") / "source"
    shutil.copytree(rich_source, edited)
    before = checked_source(rich_source)
    article = next(a for a in before.articles if a.clauses)
    path = edited / "articles" / f"{article.number:03d}.yaml"
    text = article.clauses[0].text("en")
    assert path.read_text(encoding="utf-8").count(text) == 1
    path.write_text(path.read_text(encoding="utf-8").replace(text, "Edited " + text), encoding="utf-8")
    return before, checked_source(edited), article, path.relative_to(edited).as_posix()


def test_an_edit_of_one_clause_changes_that_articles_page_in_that_language_only(sources):
    before, after, article, name = sources
    pages = serve.changed_pages(before, after, [name])
    assert list(pages) == [f"en/{article.id}/index.md"]
    assert "Edited " in pages[f"en/{article.id}/index.md"]


def test_the_fast_pages_are_those_the_generator_writes(sources):
    from constitution.site.nav import site_files

    before, after, _, name = sources
    files = site_files(after)
    for page, text in serve.changed_pages(before, after, [name]).items():
        assert files[page] == text


@pytest.mark.parametrize("changed", [["ui.yaml"], ["document.yaml", "articles/001.yaml"], []],
                         ids=["ui", "document too", "nothing"])
def test_an_edit_of_other_files_has_no_fast_pages(sources, changed):
    before, after, _, _ = sources
    assert serve.changed_pages(before, after, changed) is None


def test_the_server_adds_its_script_to_pages_and_answers_the_poll_when_the_site_changes(tmp_path):
    preview = serve.Preview(tmp_path / "source", tmp_path / "dist", tmp_path / "work")
    preview.site.mkdir(parents=True)
    (preview.site / "index.html").write_text("<html><body><p>kk</p></body></html>", encoding="utf-8")
    (preview.site / "404.html").write_text("<html><body>gone</body></html>", encoding="utf-8")
    server = serve.http.server.ThreadingHTTPServer((serve.HOST, 0), serve.handler(preview))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://{serve.HOST}:{server.server_address[1]}"
    try:
        page = urllib.request.urlopen(base + "/").read().decode()
        assert page == f'<html><body><p>kk</p><script src="{serve.SCRIPT}" data-version="0"></script></body></html>'
        assert b"location.reload" in urllib.request.urlopen(base + serve.SCRIPT).read()
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/nowhere/")
        assert missing.value.code == 404 and b"gone" in missing.value.read()
        threading.Timer(0.3, lambda: preview.patch({"kk/index.md": "<p>kk!</p>"}, {"kk/index.md": "<p>kk</p>"})).start()
        answer = json.loads(urllib.request.urlopen(base + serve.WAIT + "?version=0", timeout=10).read())
        assert answer == {"version": 1, "full": False}  # a patch: the page puts the new article in
        assert "<p>kk!</p>" in urllib.request.urlopen(base + "/").read().decode()
        with preview.lock:  # as a full build swapped in does
            preview.version = preview.full_version = 2
        answer = json.loads(urllib.request.urlopen(base + serve.WAIT + "?version=1", timeout=10).read())
        assert answer == {"version": 2, "full": True}  # the page reloads whole
    finally:
        server.shutdown()
        server.server_close()


def test_the_server_listens_on_the_loopback_interface_only():
    assert serve.HOST == "127.0.0.1"
    assert Path(serve.__file__).read_text(encoding="utf-8").count("ThreadingHTTPServer((HOST,") == 1
