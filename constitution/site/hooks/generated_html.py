"""MkDocs hook: the generated pages' lines of HTML reach Markdown's stash without being parsed.

Most of a generated page is HTML (site/markup.py: each unit a `<p class="unit …">` line, each
row of a side-by-side page a `<div>` line; at 96 articles 4.9 of the pages' 5.7 MB).
Python-Markdown finds such blocks with a pure-Python HTML parser (HtmlBlockPreprocessor),
and MkDocs parses every page once more for the ids that links may point at
(`mkdocs_raw_html`, for `validation: anchors`): the two were a fifth of the mkdocs stage.

`GeneratedBlocks` stores each line that is one whole HTML element, with a blank line before
and after it, in Markdown's stash itself, and leaves in its place the lines Markdown's own
preprocessor would have left, so the page converts to the same HTML byte for byte; the ids
of the lines it stored go to MkDocs' set of the page's anchors. A line qualifies only if its
form leaves no doubt how Markdown would read it (`element_end`): tags with double-quoted
attribute values, no comment, script or style inside, every `&` an entity or character
reference, its first tag a block-level one closed at the line's end. From the first line that
starts with `<` and does not qualify, the rest of the page is left to Markdown as it is: what
that line opens could hold the lines after it.
"""

from __future__ import annotations

import html
import re

from markdown import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.exceptions import PluginError

MKDOCS_ANCHORS = "mkdocs_raw_html"  # MkDocs' preprocessor of the page's ids (mkdocs/structure/pages.py)
MARKDOWN_HTML = "html_block"  # Python-Markdown's raw HTML preprocessor, priority 20

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"<>]*\")?)*)\s*(/?)>")
ATTRIBUTE = re.compile(r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"([^\"]*)\")?")
REFERENCE = re.compile(r"&(?:[a-zA-Z][-.a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")
COMMENT_CLOSE = re.compile(r"--!?>")  # as Python-Markdown's HTML parser ends a comment
RAW_TEXT = {"script", "style", "textarea", "title"}  # elements whose content is not parsed as tags
NOT_PUSHED = {"hr"}  # Markdown's parser keeps no end for these (HTMLExtractor.empty_tags)


def element_end(line: str, block_level) -> tuple[bool, set[str]] | None:
    """(True, ids) if `line` is one whole element whose first tag is block-level, closed exactly
    at the line's end; (False, set()) if it is one whole comment; None if its form leaves any
    doubt. The ids are those MkDocs collects: each tag's id, and an <a>'s name."""
    if line.startswith("<!--"):
        close = COMMENT_CLOSE.search(line, 4)
        return (False, set()) if close and close.end() == len(line) and line.endswith("-->") else None
    if not (line.startswith("<") and line.endswith(">")) or ("&" in line and "&" in REFERENCE.sub("", line)):
        return None
    tags = TAG.findall(line)
    # each tag holds one < and one >: any other is a sign this reading of the line does not explain
    if line.count("<") != len(tags) or line.count(">") != len(tags):
        return None
    stack: list[str] = []
    ids: set[str] = set()
    last = len(tags) - 1
    for index, (closing, name, attributes, self_closing) in enumerate(tags):
        name = name.lower()
        if name in RAW_TEXT or (closing and (attributes or self_closing)):
            return None
        if not stack and (closing or self_closing or name in NOT_PUSHED or not block_level(name)):
            return None  # the line must open with a block-level element, and hold that one only
        if closing:
            if name in stack:
                while stack.pop() != name:
                    pass
            if not stack:
                return (True, ids) if index == last else None
            continue
        lowered = attributes.lower()
        if "id=" in lowered or "name=" in lowered:  # the attributes MkDocs reads (most tags have neither)
            for attribute, value in ATTRIBUTE.findall(attributes):
                attribute = attribute.lower()
                if attribute == "id" or (attribute == "name" and name == "a"):
                    ids.add(html.unescape(value))
        if not self_closing and name not in NOT_PUSHED:
            stack.append(name)
    return None


class _WithIds(Preprocessor):
    """A preprocessor sharing the set of the stored lines' ids with the other one of the page."""

    def __init__(self, md, ids: set[str]):
        super().__init__(md)
        self.ids = ids


class StashGenerated(_WithIds):
    """Each qualifying line into the stash, in the form Markdown's own preprocessor gives it."""

    def run(self, lines: list[str]) -> list[str]:
        self.ids.clear()
        out: list[str] = []
        for index, line in enumerate(lines):
            if line[:4].lstrip(" ").startswith("<"):
                found = None
                if (index == 0 or lines[index - 1] == "") and index + 1 < len(lines) and lines[index + 1] == "":
                    found = element_end(line, self.md.is_block_level)
                if found is None:
                    return out + lines[index:]
                element, ids = found
                self.ids.update(ids)
                placeholder = self.md.htmlStash.store(line + "\n")
                # HtmlBlockPreprocessor leaves "\n" + placeholder + "\n\n" for an element, and the
                # placeholder + "\n\n" for a comment, where the line was.
                out.extend(["", placeholder, "", ""] if element else [placeholder, "", ""])
                continue
            out.append(line)
        return out


class AddAnchors(_WithIds):
    """The stored lines' ids into MkDocs' set of the page's anchors, after it has made it."""

    def run(self, lines: list[str]) -> list[str]:
        anchors = self.md.preprocessors[MKDOCS_ANCHORS] if MKDOCS_ANCHORS in self.md.preprocessors else None
        if not isinstance(getattr(anchors, "present_anchor_ids", None), set):
            raise PluginError(f"generated_html hook: MkDocs has no {MKDOCS_ANCHORS!r} preprocessor with its set "
                              "of the page's anchors to add the stored lines' ids to (a newer MkDocs?)")
        anchors.present_anchor_ids.update(self.ids)
        return lines


class GeneratedBlocks(Extension):
    def extendMarkdown(self, md):
        if MARKDOWN_HTML not in md.preprocessors:
            raise PluginError(f"generated_html hook: Markdown has no {MARKDOWN_HTML!r} preprocessor")
        ids: set[str] = set()
        # between NormalizeWhitespace (30) and MkDocs' ids (21); the anchors between it and html_block (20)
        md.preprocessors.register(StashGenerated(md, ids), "constitution_generated_html", 25)
        md.preprocessors.register(AddAnchors(md, ids), "constitution_generated_anchors", 20.5)


def on_config(config):
    if not any(isinstance(extension, GeneratedBlocks) for extension in config.markdown_extensions):
        config.markdown_extensions.append(GeneratedBlocks())  # each language's build runs on_config
    return config
