"""`python -m constitution.build.mkdocs_child PARENT ARGS…`: `mkdocs ARGS…` as a child of a build
that ends with it (core/children.py), so a killed build leaves no MkDocs writing into its
staging folder."""

import runpy
import sys

from constitution.core.children import end_with

if __name__ == "__main__":
    end_with(int(sys.argv[1]))
    sys.argv = ["mkdocs", *sys.argv[2:]]
    runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
