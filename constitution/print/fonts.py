"""The PDF fonts: Noto Serif, one merged file per style, so every Kazakh letter is embedded.

Fontsource ships each style as four WOFF2 subsets (latin, latin-ext, cyrillic,
cyrillic-ext) tied together by CSS `unicode-range`. Typst reads neither WOFF2 nor
`unicode-range`: merging the subsets into one TrueType font (fontTools) gives it one face
per style with the whole Cyrillic and Latin repertoire, and the only fonts it may use
(typst_fonts: no system or built-in font can stand in for a missing glyph).

The merged files are cached in .build/pdf-fonts/ (or the folder the environment variable
CONSTITUTION_FONT_CACHE names, e.g. an empty one: the tests build with a cold cache without
deleting the developer's) under a hash of their inputs and of CACHE_VERSION. A merged font
is the same bytes whenever and wherever it is made: its `head.created` and `head.modified`
are the subsets' own (fontTools would write the time of the merge), so a cold cache, a warm
one, `make clean` or another machine give the same PDFs (issue 16).
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from constitution.core import atomic, paths

FONT_DIR = paths.NODE_MODULES / "@fontsource" / "noto-serif" / "files"
SUBSETS = ("latin", "latin-ext", "cyrillic", "cyrillic-ext")
CACHE_DIR = paths.ROOT / paths.STAGING_DIR / "pdf-fonts"  # the default cache
CACHE_ENV = "CONSTITUTION_FONT_CACHE"  # another folder for the cache (read at each use)
# Part of the cache key: raise it when the merge changes, so no older merge is reused
# (2: fixed timestamps; the fonts of 1 carry the time they were merged at; 3, 4: a folder per face).
CACHE_VERSION = 4


@dataclass(frozen=True)
class Style:
    weight: int
    style: str  # "normal" or "italic"


STYLES = (Style(400, "normal"), Style(700, "normal"), Style(400, "italic"))


def subset_files(style: Style) -> list[Path]:
    files = [FONT_DIR / f"noto-serif-{subset}-{style.weight}-{style.style}.woff2" for subset in SUBSETS]
    for path in files:
        if not path.is_file():
            raise FileNotFoundError(errno.ENOENT, "PDF font is absent (run `make setup` or `npm ci`)", str(path))
    return files


def cache_dir() -> Path:
    """Where the merged fonts are kept: $CONSTITUTION_FONT_CACHE if set, else .build/pdf-fonts/."""
    configured = os.environ.get(CACHE_ENV)
    return Path(configured).absolute() if configured else CACHE_DIR


def merged_font(style: Style) -> Path:
    """The merged TTF of one style, built once and then read from the cache."""
    import fontTools

    inputs = subset_files(style)
    digest = hashlib.sha256(f"{fontTools.version} {CACHE_VERSION}".encode())
    for path in inputs:
        digest.update(path.read_bytes())
    cache = cache_dir()
    # A folder per merged face: Typst is given folders, and each must hold that face alone
    name = f"noto-serif-{style.weight}-{style.style}"
    target = cache / f"{name}-{digest.hexdigest()[:16]}" / f"{name}.ttf"
    if target.is_file():
        return target
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    target.parent.mkdir(parents=True, exist_ok=True)
    plain, created, modified = [], [], []
    for path in inputs:  # the merger reads plain TrueType, not WOFF2
        font = TTFont(path)
        font.flavor = None
        created.append(font["head"].created)
        modified.append(font["head"].modified)
        plain_path = cache / f"{path.stem}.{os.getpid()}.ttf"
        font.save(plain_path)
        plain.append(plain_path)
    try:
        merged = Merger().merge([str(path) for path in plain])
        # The subsets' dates, not the merge's (fontTools' merger and save write "now")
        merged["head"].created, merged["head"].modified = min(created), max(modified)
        merged.recalcTimestamp = False
        data = io.BytesIO()
        merged.save(data)
        atomic.write_bytes(target, data.getvalue())  # a parallel build never reads half a font
    finally:
        for path in plain:
            path.unlink(missing_ok=True)
    return target


@lru_cache(maxsize=1)
def coverage() -> frozenset[int]:
    """Code points every PDF style can draw (the merged regular face; the others match).

    Kept beside the merged face as ranges of code points, one `first-last` (hex) a line, so
    a build reads a few lines instead of the font's cmap (and fontTools)."""
    font = merged_font(STYLES[0])
    listed = font.with_suffix(".coverage")
    if listed.is_file():
        points = set()
        for line in listed.read_text(encoding="ascii").split():
            first, last = (int(part, 16) for part in line.split("-"))
            points.update(range(first, last + 1))
        return frozenset(points)
    from fontTools.ttLib import TTFont

    points = sorted(TTFont(font).getBestCmap())
    ranges = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    atomic.write_bytes(listed, "".join(f"{first:x}-{last:x}\n" for first, last in ranges).encode("ascii"))
    return frozenset(points)


@lru_cache(maxsize=1)
def typst_fonts():
    """The merged faces as Typst's only fonts (read once per process)."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                       font_paths=[str(merged_font(style).parent) for style in STYLES])
