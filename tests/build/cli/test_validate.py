"""`python -m constitution validate`: each broken source of tests/unit/source/test_validate.py
prints its one line and exits 1; valid sources exit 0; warnings fail only with --strict."""

import subprocess
import sys

import pytest

from constitution.core.problems import ERROR
from constitution.source import validate
from tests.helpers import RICH, ROOT
from tests.unit.source.test_validate import CASES, broken_source, expected_start


def run_validate(*args):
    return subprocess.run([sys.executable, "-m", "constitution", "validate", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


CLI_CASES = [case for case in CASES if case.name in (
    "clause-gap", "absent-language", "text-missing-without-status", "not-nfc", "yaml-syntax", "binary-garbage",
    "section-lists-absent-article", "huge-article-number")]


@pytest.mark.parametrize("case", CLI_CASES, ids=[case.name for case in CLI_CASES])
def test_command_prints_the_line_and_exits_1(tmp_path, case):
    source = broken_source(tmp_path, case)
    result = run_validate("--source", source)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith(expected_start(source, case)) and case.fragment in line for line in lines), result.stdout
    assert lines[-1].startswith(f"{source}: ") and "error(s)" in lines[-1]


@pytest.mark.parametrize("source", [ROOT / "translations", RICH], ids=["translations", "rich"])
def test_valid_sources_exit_0(source):
    result = run_validate("--source", source)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith(("no problems", "0 error(s), 2 warning(s)"))
    assert not [p for p in validate.problems(source) if p.severity == ERROR]


def test_translations_pass_strict():
    result = run_validate("--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "translations: no problems"


@pytest.mark.parametrize("strict, code", [(False, 0), (True, 1)], ids=["default", "strict"])
def test_warnings_fail_only_with_strict(tmp_path, strict, code):
    case = next(case for case in CASES if case.name == "mixed-script-word")
    source = broken_source(tmp_path, case)
    result = run_validate("--source", source, *(["--strict"] if strict else []))
    assert result.returncode == code, result.stdout
    assert "mixes Latin and Cyrillic" in result.stdout
