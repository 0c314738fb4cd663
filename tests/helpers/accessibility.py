"""What the accessibility gates read from a built site: the kinds of page (from its sitemap), the
page audited per kind, and text in another language than its element's `lang`; and axe-core's
script, which the browser tests inject into a page."""

from __future__ import annotations

import re
from pathlib import Path

from constitution.core import ids, languages, urls
from constitution.source.validate import checked_source
from tests.helpers.builds import GATES_SITE_URL

LANGUAGES = languages.LANGUAGES
BLOCKING_IMPACTS = ("serious", "critical")  # what axe may not find
AXE_SCRIPT = None


def axe_script() -> str:
    """axe-core 4, the copy that axe-playwright-python ships, read once."""
    global AXE_SCRIPT
    if AXE_SCRIPT is None:
        import axe_playwright_python

        AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    return AXE_SCRIPT


def kind_of(page: str) -> str:
    """A page's kind: its key with numbers taken out ('art_2' -> 'art_N'); the home page is 'home'."""
    return re.sub(r"\d+", "N", page) or "home"


KNOWN_KINDS = {kind_of(page) for page in (
    urls.HOME_PAGE, ids.PREAMBLE_ID, ids.section_id(1), ids.article_id(1),
    urls.ABOUT_PAGE, urls.DOWNLOADS_PAGE,
)}
KNOWN_KINDS |= {kind_of(urls.parallel_page()), kind_of(urls.parallel_page(ids.article_id(1))),  # reader tools
                kind_of(urls.STATUS_PAGE)}


def sitemap_pages(site: Path) -> list[tuple[str, str]]:
    """(language, page key) of every page the built sitemap lists."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    pages = []
    for url in re.findall(r"<loc>([^<]*)</loc>", text):
        path = url.removeprefix(GATES_SITE_URL).strip("/")
        first, _, rest = path.partition("/")
        lang, key = (first, rest) if first in LANGUAGES and first != languages.DEFAULT_LANGUAGE \
            else (languages.DEFAULT_LANGUAGE, path)
        assert urls.page_url(key, lang) == (f"{path}/" if path else ""), url
        pages.append((lang, key))
    return pages


def audited_pages(site: Path, lang: str) -> dict[str, str]:
    """{kind: page key} of one language: per kind, the page with the most HTML."""
    chosen: dict[str, tuple[int, str]] = {}
    for page_lang, key in sitemap_pages(site):
        if page_lang != lang:
            continue
        size = (site / urls.page_url(key, lang) / "index.html").stat().st_size
        kind = kind_of(key)
        if kind not in chosen or size > chosen[kind][0]:
            chosen[kind] = (size, key)
    return {kind: key for kind, (_, key) in sorted(chosen.items())}


def language_strings(source_dir: Path) -> dict[str, set[str]]:
    """{lang: strings only that language's pages hold}: lines of unit texts, language names."""
    source = checked_source(source_dir)
    strings: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for unit in source.units():
        for lang in LANGUAGES:
            for line in (unit.texts.text(lang) or "").split("\n"):
                strings[lang].add(" ".join(line.split()))
    for lang in LANGUAGES:
        strings[lang].add(getattr(source.document.languages, lang).name)
    shared = set.intersection(*strings.values())  # e.g. a line of symbols, the same in all three
    return {lang: {text for text in texts - shared if len(text) >= 4} for lang, texts in strings.items()}


def foreign_text(texts: list[tuple[str, str]], page_lang: str, strings: dict[str, set[str]]):
    """(text, its lang, the language it is in) of every text node holding another language's string."""
    for text, marked in texts:
        effective = marked or page_lang
        for lang, known in strings.items():
            if lang != effective and any(string in text for string in known) \
                    and not any(string in text for string in strings[effective]):
                yield text, effective, lang


def page_texts(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """(the page's lang, [(text, lang of its element)]) of a built HTML file, as the server sends it."""
    import lxml.html

    root = lxml.html.fromstring(path.read_bytes(), parser=lxml.html.HTMLParser(encoding="utf-8"))
    found = []

    def marked(element) -> str:
        holder = next((e for e in element.iterancestors() if e.get("lang")), None) if not element.get("lang") else element
        return holder.get("lang") if holder is not None and holder.tag != "html" else ""

    for element in root.body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "template"):
            continue
        for text, holder in ((element.text, element), (element.tail, element.getparent())):
            text = " ".join((text or "").split())
            if text and holder is not None and holder.tag not in ("script", "style", "template"):
                found.append((text, marked(holder)))
    return root.get("lang"), found
