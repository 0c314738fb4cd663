"""The Nu Html Checker (W3C's, npm vnu-jar) finds no error in the built site's HTML and CSS, nor
in the offline bundle's: Material's markup that it flagged (autocomplete on checkboxes, a
label for no control) is mended by the accessibility hook. Its one gap, container queries in
reader.css, is left out by its exact messages (tests/helpers/validators.py).

The session's builds (conftest: built_site, offline_folder), checked as they are.
"""

from __future__ import annotations

import pytest

from tests.helpers.validators import nu_errors


@pytest.mark.parametrize("name", ["repo", "rich", "units"])
def test_the_site_has_no_html_or_css_error(built_site, name):
    assert nu_errors(built_site(name).site) == []


def test_the_offline_bundle_has_no_html_or_css_error(offline_folder):
    assert nu_errors(offline_folder) == []
