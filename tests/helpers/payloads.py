"""The XSS table's source: tests/data/rich with a markup payload in every string of every file.

`payload_source(directory, port)` copies the rich fixture (with the repository's ui.yaml) and
appends the payloads to every string: legal text, titles, notes, every ui string (its
placeholders kept), language names, the edition, the timeline, the sources. Each payload
would act if any channel let text become markup: run script (a dialog), add an element
(class "xss"), fetch from 127.0.0.1:`port` (the PDF renderer or the browser), or inject CSS.
Where a field cannot hold a sign at all (validate says so, one located line: the theme's
names, a URL, the date pattern, a file id, the point letters), it gets what it may hold and the rejection is
tested on its own (tests/unit/source/test_validate.py, tests/build/cli/test_hostile_input.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from constitution.source import ui
from tests.helpers import DATA, ROOT

INJECTED = ".xss, [onload], [onerror], [onmouseover], [onclick]"  # what a payload would add


def payloads(port: int) -> dict[str, str]:
    """name -> payload; none holds a brace (ui strings would read it as a placeholder)."""
    return {
        "attribute": "\"'><svg class=xss onload=alert(1)>",
        "img": f"<img class=xss src=http://127.0.0.1:{port}/img.png onerror=alert(2)>",
        "title": "</title><b class=xss>t</b>",
        "pre-escaped": "&lt;script&gt;alert(3)&lt;/script&gt;",
        "javascript": "javascript:alert(4)",
        "markdown": "[md](javascript:alert(5)) **em** `code` <b class=xss>b</b>",
        "css": f"); *( display:none ) @import url(http://127.0.0.1:{port}/css.css); /*",
    }


def theme_payload(port: int) -> str:
    """For the names the theme prints as HTML (no < > & quote: validate rejects those there)."""
    # ending in backslashes: an escape in CSS and JS strings and in Markdown
    return (f"[md](javascript:alert(5)) *em* javascript:alert(4) ) @import url(http://127.0.0.1:{port}/t.css); "
            "/* \\ x \\")


ATTR_LIST = "{: .xss onclick=alert(9) }"  # Markdown's attr_list: only where braces may stand


def payload_text(port: int, braces: bool = True) -> str:
    return " ".join([*payloads(port).values(), *([ATTR_LIST] if braces else [])])


URL = "https://example.org/?a=1&b=&lt;script&gt;&c=__x__&d=_y_"  # valid, but every sign must stay text in href


def _filled(node, path: tuple, text: str, theme: str):
    if isinstance(node, dict):
        return {key: _filled(value, path + (key,), text, theme) for key, value in node.items()}
    if isinstance(node, list):
        return [_filled(value, path + (index,), text, theme) for index, value in enumerate(node)]
    if not isinstance(node, str) or path[-1] in ("id", "status"):
        return node
    if path[-1] == "url":
        return URL
    if path[0] == "languages" and path[-1] == "name":
        return f"{node} {theme}"
    return f"{node} {text}"


def payload_source(directory: Path, port: int) -> Path:
    """A copy of the rich fixture with the payloads in every string (see the module's doc)."""
    shutil.copytree(DATA / "rich", directory)
    shutil.copyfile(ROOT / "translations" / "ui.yaml", directory / "ui.yaml")
    text, ui_text, theme = payload_text(port), payload_text(port, braces=False), theme_payload(port)
    for path in directory.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "ui.yaml":
            data = {key: {lang: (value if key == "point_letters"  # single letters only (rules.point_letters)
                                 else f"{value} {theme}" if key in ui.UNESCAPED_KEYS
                                 else f"{value} '<img class=xss src=http://127.0.0.1:{port}/d.png>'"
                                 if key == "date_format" else f"{value} {ui_text}")
                          for lang, value in texts.items()} for key, texts in data.items()}
        else:
            data = _filled(data, (), text, theme)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
    return directory
