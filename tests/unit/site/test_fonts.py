"""The self-hosted fonts: fonts.css against the font files themselves, and the copy hook
(constitution/site/hooks/fonts.py)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from constitution.build import offline
from constitution.site.hooks import fonts as hook
from tests.helpers import ROOT

FONTS_CSS = ROOT / "overrides" / "assets" / "stylesheets" / "fonts.css"
FONTSOURCE = ROOT / "node_modules" / "@fontsource"

KAZAKH = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
NEEDED = {
    "Kazakh": KAZAKH + KAZAKH.lower(),
    "Russian": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "English": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "punctuation": "«»–—№¶.,;:!?()[]\"'’“”…§/ \u00a0",
}
FACE = re.compile(r"@font-face\s*{(.*?)}", re.S)


def faces() -> list[dict]:
    found = []
    for body in FACE.findall(FONTS_CSS.read_text(encoding="utf-8")):
        props = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", body))
        package, name = re.fullmatch(r'url\("\.\./fonts/([^/]+)/([^"]+)"\) format\("woff2"\)',
                                     props["src"]).groups()
        found.append({"key": (props["font-family"], props["font-weight"], props["font-style"]),
                      "file": FONTSOURCE / package / "files" / name,
                      "range": code_points(props["unicode-range"])})
    return found


def code_points(unicode_range: str) -> set[int]:
    points: set[int] = set()
    for part in unicode_range.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def character_map(path: Path) -> set[int]:
    from fontTools.ttLib import TTFont

    return set(TTFont(path).getBestCmap())


FACES = faces()


def test_fonts_css_declares_sans_and_serif_faces():
    families = {face["key"][0] for face in FACES}
    assert families == {'"Noto Sans"', '"Noto Serif"'}
    assert len({face["file"] for face in FACES}) == len(FACES)


@pytest.mark.parametrize("face", FACES, ids=[face["file"].name for face in FACES])
def test_each_unicode_range_promises_only_glyphs_its_file_has(face):
    assert face["file"].is_file(), f"{face['file']}: run `make setup` (npm ci)"
    missing = face["range"] - character_map(face["file"])
    assert not missing, [f"U+{point:04X}" for point in sorted(missing)]


KEYS = sorted({face["key"] for face in FACES})


@pytest.mark.parametrize("key", KEYS, ids=[" ".join(key).replace('"', "") for key in KEYS])
@pytest.mark.parametrize("script", NEEDED, ids=list(NEEDED))
def test_every_face_covers_the_letters_of_the_text(key, script):
    covered = set().union(*(face["range"] for face in FACES if face["key"] == key))
    missing = [char for char in NEEDED[script] if ord(char) not in covered]
    assert missing == []


def test_the_hook_copies_every_named_font_and_the_licences(tmp_path):
    hook.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))
    copied = sorted(path.relative_to(tmp_path / "assets" / "fonts").as_posix()
                    for path in (tmp_path / "assets" / "fonts").rglob("*.woff2"))
    assert copied == sorted(f"{face['file'].parent.parent.name}/{face['file'].name}" for face in FACES)
    assert sorted(p.parent.name for p in tmp_path.rglob("OFL.txt")) == ["noto-sans", "noto-serif"]


def test_the_hook_stops_on_a_font_that_is_not_installed(tmp_path, monkeypatch):
    css = tmp_path / "fonts.css"
    css.write_text('src: url("../fonts/noto-sans/noto-sans-klingon-400-normal.woff2")', encoding="utf-8")
    monkeypatch.setattr(hook, "FONTS_CSS", css)
    with pytest.raises(PluginError, match=r"noto-sans-klingon-400-normal\.woff2: missing .*npm ci"):
        hook.on_post_build(SimpleNamespace(site_dir=str(tmp_path / "site")))


# --- preloads: the faces of a page's first screen (hook.on_post_page)

LANGUAGE_SCRIPTS = {"kk": "Kazakh", "ru": "Russian", "en": "English"}
PAGE_HEAD = '<head>\n  <link rel="stylesheet" href="../../assets/stylesheets/fonts.css">\n</head>'
PRELOADS = [
    # test id, language, what the page holds, (package, weight) of the faces preloaded
    ("interface-page", "ru", "<p>Текст</p>", {("noto-sans", "400"), ("noto-sans", "300")}),
    ("legal-text", "kk", '<p class="unit unit--clause">Мәтін</p>',
     {("noto-sans", "400"), ("noto-sans", "300"), ("noto-serif", "400")}),
    ("side-by-side", "en", '<div class="pl-row pl-head"></div>',
     {("noto-sans", "400"), ("noto-sans", "300"), ("noto-serif", "400"), ("noto-sans", "700")}),
]


def preloaded_links(output: str) -> list[str]:
    return re.findall(r'<link rel="preload" href="\.\./\.\./assets/fonts/([^"]+)" as="font" type="font/woff2" crossorigin>',
                      output)


def page_config(lang: str):
    return SimpleNamespace(theme={"language": lang})


@pytest.mark.parametrize("lang, body, expected", [case[1:] for case in PRELOADS], ids=[case[0] for case in PRELOADS])
def test_a_page_preloads_the_faces_of_its_first_screen_before_fonts_css(lang, body, expected):
    page = SimpleNamespace(file=SimpleNamespace(src_uri=f"{lang}/x/index.md"))
    output = hook.on_post_page(PAGE_HEAD + body, page, page_config(lang))
    files = preloaded_links(output)
    assert output.index('rel="preload"') < output.index("fonts.css")
    assert {tuple(re.match(r"(noto-sans|noto-serif)/\1-[a-z-]+-(\d{3})-normal\.woff2", name).groups())
            for name in files} == expected
    # the preloaded files draw every letter of the languages the page shows, in each face
    scripts = LANGUAGE_SCRIPTS.values() if "pl-row" in body else [LANGUAGE_SCRIPTS[lang]]
    for package, weight in expected:
        family = '"Noto Sans"' if package == "noto-sans" else '"Noto Serif"'
        covered = set().union(*(face["range"] for face in FACES if face["key"] == (family, weight, "normal")
                                and f"{package}/{face['file'].name}" in files))
        for script in [*scripts, "punctuation"]:
            assert [char for char in NEEDED[script] if ord(char) not in covered] == [], (package, weight, script)


def test_the_offline_bundle_preloads_nothing():
    """Its pages are the website's with the preloads left out (build/offline.py)."""
    page = SimpleNamespace(file=SimpleNamespace(src_uri="kk/x/index.md"))
    website = hook.on_post_page(PAGE_HEAD, page, page_config("kk"))
    assert preloaded_links(website)
    assert offline.offline_head(website.partition("</head>")[0], "x/index.html").count('rel="preload"') == 0


def test_a_language_without_font_subsets_stops_the_build():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="de/index.md"))
    with pytest.raises(PluginError, match="no font subsets for language 'de'"):
        hook.on_post_page(PAGE_HEAD, page, page_config("de"))
