"""The field's own checkers, as the tests run them: the Nu Html Checker (npm vnu-jar, on a Java
runtime that `make test` installs: .ci/ensure-java) and the measures taken in Chromium (layout
shift, colour contrast)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The checker's CSS grammar predates container queries (CSS Containment 3, in every current
# browser): these two messages about reader.css are its gap, not an error of ours.
CSS_CHECKER_GAPS = (
    "CSS: “container”: Property “container” doesn't exist.",
    "CSS: Unrecognized at-rule “@container”",
)


def nu_errors(folder: Path) -> list[str]:
    """'file:line: message' of every error the Nu Html Checker finds in the HTML and CSS of `folder`."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("the Nu Html Checker needs a Java runtime: run `make test` (it installs default-jre-headless)",
                    pytrace=False)
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `make setup` (npm ci)", pytrace=False)
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--skip-non-html", "--also-check-css", "--errors-only",
         "--format", "json", str(folder)],
        capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu gave no report (exit {result.returncode}): {result.stderr[-2000:]}", pytrace=False)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")
              and m.get("message") not in CSS_CHECKER_GAPS]
    return [f"{Path(m.get('url', '?').removeprefix('file:')).relative_to(folder.resolve())}:"
            f"{m.get('lastLine', '?')}: {m['message']}" for m in errors]


def contrast(foreground: tuple[float, ...], background: tuple[float, ...]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours (0–255 channels; alpha already composed)."""
    def luminance(rgb):
        channels = [c / 255 for c in rgb[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
