"""core/contract.py, core/languages.py: the names and languages shared with what Python cannot import.

The theme's scripts and stylesheets, and mkdocs.yml, repeat names the package declares once;
each is checked here against its declaration, so a rename in one place fails in the other.
"""

from pathlib import Path

import pytest
import yaml

from constitution.core import contract, languages, paths

ASSETS = paths.ROOT / "overrides" / "assets"
READER_JS = ASSETS / "javascripts" / "reader.js"
SEARCH_JS = ASSETS / "javascripts" / "search-languages.js"
SEARCH_WORKER = ASSETS / "javascripts" / "workers" / "search-i18n.js"
STYLES = ASSETS / "stylesheets"
SEARCH_EDITION_HTML = paths.ROOT / "overrides" / "partials" / "search-edition.html"

# (name, files that must use it): what each script or stylesheet selects by.
USES = [
    (contract.UNIT, [READER_JS, STYLES / "constitution.css", STYLES / "print.css", STYLES / "fonts.css"]),
    (contract.PERMALINK, [READER_JS, STYLES / "constitution.css", STYLES / "print.css", STYLES / "accessibility.css"]),
    (contract.UNIT_NUMBER, [STYLES / "constitution.css", STYLES / "print.css"]),
    (contract.DATA_CITE, [READER_JS]),
    (contract.CITE_STRINGS, [READER_JS]),
    (contract.PARALLEL_CONTROLS, [READER_JS, STYLES / "reader.css", STYLES / "print.css"]),
    (contract.PARALLEL_ROW_PREFIX, [STYLES / "reader.css"]),
    (f'"{contract.SCROLL_FOCUS}"', [READER_JS]),
    (f"[{contract.SCROLL_FOCUS}]", [STYLES / "accessibility.css"]),
    (contract.SEARCH_SCOPE, [SEARCH_JS, STYLES / "search.css", paths.ROOT / "overrides" / "main.html"]),
    (contract.SEARCH_EDITION, [SEARCH_JS, STYLES / "search.css", SEARCH_EDITION_HTML]),
    (contract.SEARCH_EDITION_INDEX, [SEARCH_JS, SEARCH_EDITION_HTML]),
    (f"page.meta.{contract.EDITION_META}", [SEARCH_EDITION_HTML]),
    (f'"{contract.SEARCH_SCRIPT_GLOBAL}"', [SEARCH_WORKER]),
    (f'"{contract.SEARCH_DIR}"', [SEARCH_WORKER]),
    (f'"{contract.SEARCH_STEMS}"', [SEARCH_WORKER]),
]


@pytest.mark.unit
@pytest.mark.parametrize(("name", "files"), USES, ids=[name for name, _ in USES])
def test_scripts_and_stylesheets_use_the_contract_names(name, files):
    for path in files:
        assert name in path.read_text(encoding="utf-8"), f"{path.relative_to(paths.ROOT)} does not use {name!r}"


def mkdocs_config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml's own tags (!ENV): read as plain values, only the lists matter here
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load(paths.MKDOCS_CONFIG.read_text(encoding="utf-8"), Loader=Loader)


@pytest.mark.unit
def test_mkdocs_languages_are_the_language_records():
    config = mkdocs_config()
    plugins = {next(iter(plugin)): plugin[next(iter(plugin))] for plugin in config["plugins"] if isinstance(plugin, dict)}
    i18n = [language["locale"] for language in plugins["i18n"]["languages"]]
    assert i18n == list(languages.LANGUAGES)
    assert [language["locale"] for language in plugins["i18n"]["languages"] if language.get("default")] == [
        languages.DEFAULT_LANGUAGE]
    assert plugins["search"]["lang"] == [record.search for record in languages.RECORDS if record.search]


@pytest.mark.unit
def test_mkdocs_hooks_are_the_package_hooks():
    hooks = mkdocs_config()["hooks"]
    package = sorted(path.relative_to(paths.ROOT).as_posix()
                     for path in (paths.ROOT / "constitution" / "site" / "hooks").glob("*.py") if path.stem != "__init__")
    assert sorted(hooks) == package
    assert all(Path(paths.ROOT / hook).is_file() for hook in hooks)
