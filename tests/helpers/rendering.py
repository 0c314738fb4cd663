"""Generated Markdown rendered as hostile as it gets, and the text a reader sees in it."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

# Every extension a future mkdocs.yml might switch on that reads signs in text.
HOSTILE_EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
    "smarty", "pymdownx.betterem", "pymdownx.caret", "pymdownx.critic", "pymdownx.emoji",
    "pymdownx.keys", "pymdownx.magiclink", "pymdownx.mark", "pymdownx.tilde", "pymdownx.snippets",
]


class TextOf(HTMLParser):
    """The text a reader sees in the element with a given id (a <br> is a line break)."""

    def __init__(self, element_id: str):
        super().__init__(convert_charrefs=True)
        self.element_id, self.depth, self.parts, self.found = element_id, 0, [], False

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag not in ("br",)
            if tag == "br":
                self.parts.append("\n")
        elif dict(attrs).get("id") == self.element_id:
            self.depth, self.found = 1, True

    def handle_endtag(self, tag):
        if self.depth and tag != "br":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)

    @classmethod
    def read(cls, html: str, element_id: str) -> str | None:
        parser = cls(element_id)
        parser.feed(html)
        return "".join(parser.parts) if parser.found else None


def clause_text(html: str, unit_id: str, number: str) -> str:
    """A unit's own words: its text without the leading number and the trailing ¶."""
    text = TextOf.read(html, unit_id)
    assert text is not None, f"no element with id {unit_id}"
    return text.removeprefix(number).strip().removesuffix("¶").strip()


def render(page_markdown: str, tmp_path: Path) -> str:
    """Python-Markdown with every hostile extension on (a snippet to include lies in tmp_path)."""
    import markdown

    (tmp_path / "x.md").write_text("INCLUDED FROM A SNIPPET", encoding="utf-8")
    configs = {"pymdownx.snippets": {"base_path": [str(tmp_path)]}}
    return markdown.markdown(page_markdown, extensions=HOSTILE_EXTENSIONS, extension_configs=configs)


def page_parser(files: dict[str, str], folder: Path):
    """parsed(page, lang) -> a generated page (site/nav.py site_files) rendered with every hostile
    extension on and parsed as an lxml fragment, each page once."""
    import lxml.html

    from constitution.core import urls

    cache = {}

    def parsed(page: str, lang: str):
        if (page, lang) not in cache:
            text = render(files[urls.page_source(page, lang)], folder)
            cache[page, lang] = lxml.html.fragment_fromstring(text, create_parent="div")
        return cache[page, lang]

    return parsed
