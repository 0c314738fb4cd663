"""MkDocs hook: put the self-hosted fonts into the built site.

overrides/assets/stylesheets/fonts.css is the one list of font files: every
`url("../fonts/PACKAGE/FILE.woff2")` in it is copied from node_modules/@fontsource/PACKAGE/
files/FILE.woff2 to site/assets/fonts/PACKAGE/, with the package's licence (the SIL Open
Font License asks that it travel with the fonts). A file named but not installed stops the
build with one line saying what to run.

Each page also preloads the faces its first screen is set in, in the subsets of the page's
language: the interface's Noto Sans, regular and light (Material's headings), and on a page
with legal text (units) Noto Serif regular; a side-by-side page shows every language, with
their names in bold at the head of the columns: the subsets of all, and Noto Sans bold,
so the text is drawn once in its own font instead of swapping in after the first paint
(the layout shift tests/browser/test_validators.py measures). The other faces (bold,
italic, light, other scripts) still load on demand. The offline bundle's pages preload
nothing (build/offline.py leaves the preloads out): its files are on the reader's disk.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from constitution.core import contract, paths

FONTS_CSS = paths.ROOT / "overrides" / "assets" / "stylesheets" / "fonts.css"
FONTSOURCE = paths.NODE_MODULES / "@fontsource"
SITE_FONTS = Path("assets") / "fonts"  # inside site_dir; fonts.css links ../fonts/
FONT_URL = re.compile(r'url\("\.\./fonts/([a-z0-9-]+)/([a-z0-9-]+\.woff2)"\)')
LICENCE = "LICENSE"
# The subsets (fonts.css' comment) of the letters each language is written in; Latin also
# holds the digits, spaces and punctuation every page uses.
SUBSETS = {"kk": ("latin", "cyrillic", "cyrillic-ext"), "ru": ("latin", "cyrillic"), "en": ("latin",)}
PRELOADED = (("noto-sans", "400-normal"), ("noto-sans", "300-normal"))
LEGAL_TEXT = ("noto-serif", "400-normal")
COLUMN_NAMES = ("noto-sans", "700-normal")
UNIT_MARK = f'class="{contract.UNIT} '
SIDE_BY_SIDE_MARK = 'class="pl-row'  # a row of the languages side by side (site/parallel.py)
FONTS_LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)assets/stylesheets/fonts\.css">')


def font_files(css: str) -> list[tuple[str, str]]:
    """(package, file name) of every font that fonts.css links, in order, once each."""
    return list(dict.fromkeys(FONT_URL.findall(css)))


def preloaded(language: str, html: str) -> list[str]:
    """The font files (SITE_FONTS-relative) the page `html` in `language` preloads."""
    if language not in SUBSETS:
        raise PluginError(f"fonts hook: no font subsets for language '{language}' (SUBSETS)")
    side_by_side = SIDE_BY_SIDE_MARK in html
    subsets = dict.fromkeys(subset for code in (SUBSETS if side_by_side else [language]) for subset in SUBSETS[code])
    faces = [*PRELOADED, *([LEGAL_TEXT] if side_by_side or UNIT_MARK in html else []),
             *([COLUMN_NAMES] if side_by_side else [])]
    return [f"{package}/{package}-{subset}-{face}.woff2" for package, face in faces for subset in subsets]


def on_post_page(output, page, config):
    link = FONTS_LINK.search(output)
    if link is None:
        raise PluginError(f"{page.file.src_uri}: no fonts.css link to preload the fonts before (overrides/main.html)")
    listed = {f"{package}/{name}" for package, name in font_files(FONTS_CSS.read_text(encoding="utf-8"))}
    files = preloaded(config.theme["language"], output)
    if not set(files) <= listed:
        raise PluginError(f"{FONTS_CSS}: does not name the preloaded {sorted(set(files) - listed)}")
    base = link.group(1)
    preloads = "".join(f'<link rel="preload" href="{base}{SITE_FONTS.as_posix()}/{name}" as="font" '
                       'type="font/woff2" crossorigin>\n  ' for name in files)
    return output[:link.start()] + preloads + output[link.start():]


def on_post_build(config, **kwargs) -> None:
    wanted = font_files(FONTS_CSS.read_text(encoding="utf-8"))
    if not wanted:
        raise PluginError(f"{FONTS_CSS}: names no font file (url(\"../fonts/PACKAGE/FILE.woff2\"))")
    target = Path(config.site_dir) / SITE_FONTS
    for package in dict.fromkeys(package for package, _ in wanted):
        _copy(FONTSOURCE / package / LICENCE, target / package / "OFL.txt")
    for package, name in wanted:
        _copy(FONTSOURCE / package / "files" / name, target / package / name)


def _copy(source: Path, destination: Path) -> None:
    if not source.is_file():
        raise PluginError(f"{source}: missing (fonts.css needs it): run `make setup` (npm ci)")
    # static-i18n runs this once per language into the same site: copy only what changed
    if destination.is_file() and destination.stat().st_size == source.stat().st_size:
        return
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, destination)
