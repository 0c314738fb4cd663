"""source/ui.py: the tables beside KEYS (placeholders, ordinal and theme keys) name only
declared keys, checked when the module loads; the theme's strings are listed there once."""

from __future__ import annotations

import pytest

from constitution.source import ui


@pytest.mark.parametrize("tables, undeclared", [
    (({"site_name": 1},), []), (({"site_nmae": 1},), ["site_nmae"]), ((("site_name",), ("x",)), ["x"]),
    ((ui.PLACEHOLDERS, ui.ORDINAL_KEYS, ui.UNESCAPED_KEYS), []),
], ids=["declared", "misspelt", "second-table", "the-module's-own"])
def test_a_key_beside_keys_must_be_declared(tables, undeclared):
    assert ui.undeclared(*tables) == undeclared


def test_the_theme_strings_are_what_site_yml_escapes(rich_source):
    import yaml

    from constitution.site.nav import site_data, site_files
    from constitution.source.validate import checked_source

    files = site_files(checked_source(rich_source))
    languages = yaml.safe_load(files["site.yml"] if "site.yml" in files else next(
        text for name, text in files.items() if name.endswith("site.yml")))["languages"]
    for settings in languages.values():
        assert set(ui.THEME_KEYS) <= set(settings)
        assert set(settings["theme_text"]) == set(ui.TEMPLATE_KEYS)  # what overrides/*.html print
    assert site_data  # the one writer of site.yml
