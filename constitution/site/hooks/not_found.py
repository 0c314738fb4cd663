"""MkDocs hook: the site's 404 page is in the default language.

static-i18n builds every language into the same site, and each build writes the theme's
404.html at the root; the last language would win. Web servers serve only the root one.
"""

from pathlib import Path

from constitution.core import languages

NOT_FOUND = "404.html"


def on_post_template(output_content, template_name, config):
    if template_name != NOT_FOUND or config.theme["language"] == languages.DEFAULT_LANGUAGE:
        return output_content
    return (Path(config.site_dir) / NOT_FOUND).read_text(encoding="utf-8")  # the default's, built first
