"""MkDocs hook: the theme's templates print none of the whitespace that lays out their source.

Material's templates put every `{% if %}`, `{% set %}` and `{% for %}` on a line of its own,
indented, and indent their HTML by its nesting; rendered as they are, a page carries that
layout, and the nav repeats it for every item (a third of an article page was blank lines
and spaces). Three steps remove it, all on the templates (the pages' Markdown content is
HTML by the time a template prints it, and is printed as it is):

- Jinja's `trim_blocks` drops the newline after a tag, `lstrip_blocks` the spaces before a
  tag on its line: a line holding only tags prints nothing;
- the templates' own text (never a value they print) has each run of whitespace that holds a
  line break shortened to one line break (`Compact`): a browser shows any such run as one
  space, so the page looks and reads the same, and the templates hold no <pre> or
  <textarea>, where it would not (a template that does stops the build).

The templates so changed are compiled once per build, not once per language: static-i18n
builds each language with a new Jinja environment, and each would compile the theme's
templates again (with `Compact`, the stage's largest cost after Markdown and the pages
themselves). `COMPILED` keeps their code in memory for the build's process, keyed by each
template's name and source, as Jinja's bytecode caches are; every environment this hook
sets up compiles with the same options, so the code is the same. The environment does not
look at the files' dates again either (`auto_reload`): nothing edits a theme during a build.
"""

from __future__ import annotations

import re

from jinja2.bccache import Bucket, BytecodeCache
from jinja2.ext import Extension
from jinja2.lexer import Token
from mkdocs.exceptions import PluginError

LAYOUT = re.compile(r"[ \t]*\n\s*")  # a line break, with the spaces, blank lines and indentation around it
INDENT = re.compile(r"^[ \t]{2,}")  # spaces that open a template's text after a tag (its line break trimmed)
PREFORMATTED = re.compile(r"<(?:pre|textarea)\b", re.I)


class Compact(Extension):
    """Each whitespace run with a line break in a template's text becomes one line break."""

    def filter_stream(self, stream):
        for token in stream:
            if token.type == "data":
                if PREFORMATTED.search(token.value):
                    raise PluginError(f"{stream.name}: a template with <pre> or <textarea>, whose "
                                      "whitespace shows: the whitespace hook cannot compact it")
                token = Token(token.lineno, token.type, INDENT.sub(" ", LAYOUT.sub("\n", token.value)))
            yield token


class InMemory(BytecodeCache):
    """Compiled templates kept for the life of the process."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # a changed source resets the bucket

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = InMemory()


def on_env(env, config, files):
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.add_extension(Compact)
    env.bytecode_cache = COMPILED
    env.auto_reload = False
    return env
