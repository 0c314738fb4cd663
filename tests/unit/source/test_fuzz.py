"""Bounded, seeded fuzzing of validate -> export -> generate (issue 15): whatever one field or
one file of the source holds, each command either succeeds or prints located lines
(`path:line: id: lang: problem`) and exits non-zero; never a traceback, never a hang.

A second test sets one ui key in one language (any key of ui.KEYS) to braces that look like
placeholders (`{x}`, `{0}`, `{n.a}`, `{n!r}`, a lone brace …): the crash class that
rules.ui_placeholders stops (without it, labels.fill raises KeyError in export or generate).

The commands run in-process (`constitution.cli.main`), so an exception that escapes them
fails the example. Hypothesis is derandomized (the same examples on every run) and bounded
(examples and a deadline per example) so the test takes seconds; longer runs: raise
FUZZ_EXAMPLES or use atheris.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constitution.cli import main
from constitution.core import languages
from constitution.source import ui
from tests.helpers import RICH, ROOT

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
# path:line: id: lang: problem, the id and language plain words, quoted or '-'
LOCATED = re.compile(r"^[^\n]+:\d+: (?:[\w.\-]+|'[^\n]*'|\"[^\n]*\"): (?:[\w\-]+|'[^\n]*'|\"[^\n]*\"): [^\n]+$")
FILES = ("document.yaml", "preamble.yaml", "ui.yaml", "articles/001.yaml", "articles/002.yaml")
# Characters that have broken something once: controls, bidi, zero-width, noncharacters,
# surrogates, braces and the signs of Markdown, HTML, CSS and YAML
SHARP = list("\x00\x07\x1b\r\t\x85\u202e\u2066\u200b\u200d\ufeff\u00ad\uffff\ud800{}[]()<>&\"'`*_#!:|%\\")
TEXT = st.text(alphabet=st.one_of(st.sampled_from(SHARP), st.characters()), max_size=40)
PLACEHOLDERISH = st.text(alphabet=st.sampled_from(list("{}n:!.[]0_>ordinal x")), max_size=16)
# The forms a ui string's braces take that have crashed a stage (labels.fill, markup.fill,
# str.format): another key's name, an index, an attribute, a conversion, a spec, a lone brace
BRACES = ["{n}", "{x}", "{unit}", "{article}", "{0}", "{n.a}", "{n[0]}", "{n!r}", "{n:>9}", "{n:ordinal}",
          "{", "}", "{{n}}", "{}", " text "]
UI_VALUE = st.one_of(PLACEHOLDERISH, st.lists(st.sampled_from(BRACES), min_size=1, max_size=4).map("".join))


def _strings(node, keys=()):
    """Every (key path) of a string in a parsed file."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, keys + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, keys + (index,))
    elif isinstance(node, (str, int)) or node is None:
        yield keys


def _set(node, keys, value):
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("fuzz") / "source"
    shutil.copytree(RICH, directory)
    shutil.copyfile(ROOT / "translations" / "ui.yaml", directory / "ui.yaml")
    return directory


@st.composite
def mutation(draw):
    """One field of one file set to a hostile value, or bytes spliced into one file."""
    file = draw(st.sampled_from(FILES))
    kind = draw(st.sampled_from(["value", "value", "placeholder", "bytes"]))
    if kind == "bytes":
        return file, kind, draw(st.integers(0, 4000)), draw(st.binary(min_size=1, max_size=12))
    value = draw(PLACEHOLDERISH if kind == "placeholder" else st.one_of(TEXT, st.integers(), st.none()))
    return file, kind, draw(st.integers(0, 10_000)), value


def _apply(source: Path, change) -> None:
    file, kind, where, value = change
    path = source / file
    if kind == "bytes":
        raw = path.read_bytes()
        at = where % (len(raw) + 1)
        path.write_bytes(raw[:at] + value + raw[at:])
        return
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    targets = list(_strings(data))
    _set(data, targets[where % len(targets)], value)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _run(capsys, *argv) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(list(argv))  # an exception here is the traceback a user would have seen
    out = capsys.readouterr()
    return code, [line for line in (out.err + out.out).splitlines() if line]


def _ui_change(source: Path, change) -> None:
    key, lang, value = change
    path = source / "ui.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[key][lang] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


FUZZ = settings(max_examples=EXAMPLES, deadline=10_000, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FUZZ
@given(change=mutation())
def test_validate_export_generate_succeed_or_say_where(template, capsys, change):
    _succeed_or_say_where(template, capsys, _apply, change)


@FUZZ
@given(change=st.tuples(st.sampled_from(ui.KEYS), st.sampled_from(languages.LANGUAGES), UI_VALUE))
def test_any_ui_string_with_braces_succeeds_or_says_where(template, capsys, change):
    """Every ui key in turn with placeholder-like braces: what rules.ui_placeholders must refuse."""
    _succeed_or_say_where(template, capsys, _ui_change, change)


def _succeed_or_say_where(template, capsys, apply, change):
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "source"
        shutil.copytree(template, source)
        try:
            apply(source, change)
        except (UnicodeEncodeError, yaml.YAMLError):  # the mutation itself cannot be written as YAML
            return
        code, lines = _run(capsys, "validate", "--source", str(source))
        if code != 0:
            errors = [line for line in lines[:-1] if ": warning: " not in line]
            assert errors and all(LOCATED.match(line) for line in errors), lines
            return
        for argv in (("export", "--source", str(source), "--out", f"{work}/dist"),
                     ("generate", "--source", str(source), "--docs", f"{work}/docs")):
            code, lines = _run(capsys, *argv)
            assert code == 0, lines  # what validate passed, every stage can write
