"""The two baselines the stages are compared with, on the same text.

- a bare `mkdocs build`: Material with its defaults (search plugin), the project's Markdown
  extensions and each language's nav as the generator wrote it in docs/site.yml (so the
  pages and their navigation are the same; a nav made from the files would list every
  page on every page), and nothing else of the project: no hooks, no i18n plugin, no
  overrides, no extra CSS or JS. Each generated language folder is built as a plain site
  of its own, one after another in one process, as the i18n plugin builds one language
  after another.
- a bare Typst render: the same text as plain headings and paragraphs (Typst's own fonts,
  its default page, no tagging standard, given as JSON data as the pdf stage gives it), one
  document per language plus one trilingual document with the languages after each other
  unit by unit, as many documents as the pdf stage writes.

    python -m benchmarks.bare pdf SOURCE_DIR OUT_DIR
    python -m benchmarks.bare mkdocs CONFIG...
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from constitution.core import languages, paths

# Used when the project has no mkdocs.yml to read its extensions from.
DEFAULT_EXTENSIONS = ["attr_list", "md_in_html", "toc"]


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !!python/name or !ENV tags."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def project_extensions(config: Path = paths.ROOT / "mkdocs.yml") -> list:
    """The markdown_extensions of the project's mkdocs.yml (entries with tags are kept by name only)."""
    if not config.is_file():
        return list(DEFAULT_EXTENSIONS)
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    out = []
    for entry in data.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            (name, settings), = entry.items()
            settings = {k: v for k, v in (settings or {}).items() if v is not None}
            out.append({name: settings} if settings else name)
        else:
            out.append(entry)
    return out


def generated_nav(docs: Path, lang: str) -> list | None:
    """The nav the generator wrote for one language (docs/site.yml), if any."""
    path = docs / "site.yml"
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return ((data.get("languages") or {}).get(lang) or {}).get("nav")


def mkdocs_config(docs_dir: Path, site_dir: Path, extensions: list, lang: str = "en",
                  nav: list | None = None) -> str:
    """A minimal mkdocs.yml: Material, default plugins (search), the given extensions and nav."""
    config = {
        "site_name": f"Bare baseline ({lang})",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {"name": "material", "language": lang if lang != "kk" else "en"},
        "markdown_extensions": extensions,
        **({"nav": nav} if nav else {}),
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


# A plain document: each unit a heading or a paragraph, nothing else.
BARE_TYPST = """#for unit in json(bytes(sys.inputs.units)) {
  if unit.level > 0 { heading(level: unit.level, text(lang: unit.lang, unit.text)) } else { par(text(lang: unit.lang, unit.text)) }
}"""
LEVELS = {"title": 1, "section": 2}  # an article's label is level 3, every other unit a paragraph


def plain_units(source, languages: tuple[str, ...]) -> list[dict]:
    """The whole text as a list of headings and paragraphs, each unit in each of `languages` in turn."""
    units, article = [], None
    for unit in source.units():
        if unit.article is not None and unit.article != article:
            article = unit.article
            units += [{"level": 3, "lang": lang, "text": source.ui.get("article_label", lang).format(n=article)}
                      for lang in languages]
        units += [{"level": LEVELS.get(unit.kind, 0), "lang": lang, "text": unit.texts.text(lang)}
                  for lang in languages if unit.texts.text(lang) is not None]
    return units


def documents(source) -> dict[str, list[dict]]:
    """File name -> units: one per language and one trilingual."""
    docs = {f"bare-{lang}.pdf": plain_units(source, (lang,)) for lang in languages.LANGUAGES}
    docs["bare-parallel.pdf"] = plain_units(source, languages.LANGUAGES)
    return docs


def render_pdfs(source_dir: Path, out_dir: Path) -> list[Path]:
    import json

    import typst

    from constitution.source.validate import checked_source

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, units in documents(checked_source(source_dir)).items():
        path = out_dir / name
        path.write_bytes(typst.compile(BARE_TYPST.encode(), sys_inputs={"units": json.dumps(units)}))
        paths.append(path)
    return paths


def build_sites(configs: list[Path]) -> None:
    """`mkdocs build` of each config in turn, in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for config in configs:
        build(load_config(config_file=str(config)))


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "pdf":
        for path in render_pdfs(Path(argv[1]), Path(argv[2])):
            print(path)
        return 0
    if len(argv) >= 2 and argv[0] == "mkdocs":
        build_sites([Path(a) for a in argv[1:]])
        return 0
    print("usage: python -m benchmarks.bare pdf SOURCE_DIR OUT_DIR | mkdocs CONFIG...", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
