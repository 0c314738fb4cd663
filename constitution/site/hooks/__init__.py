"""MkDocs hooks, one module each, listed in mkdocs.yml. Each is small: one event or marker, a
small builder, and a loud error (PluginError) on markup it does not know."""
