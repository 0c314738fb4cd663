"""Run `mkdocs build --strict` on generated pages, in a child process (MkDocs keeps global state).

The hooks read where the pages and the downloads are from the environment (core/paths.py:
the pages folder, the files of dist/ and the manifest that lists them).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from constitution.core import paths, urls
from constitution.core.problems import BuildError


def run_mkdocs(docs: Path, dist: Path, manifest: Path, site: Path, downloads: list[str],
               env: dict | None = None) -> None:
    """Build `docs` with the files of `dist` listed in `manifest` into `site`, which must then
    serve every one of `downloads`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {}),
           paths.DOCS_ENV: str(docs), paths.DIST_ENV: str(dist), paths.MANIFEST_ENV: str(manifest)}
    command = [sys.executable, "-m", "constitution.build.mkdocs_child", str(os.getpid()), "build", "--strict",
               "--config-file", str(paths.MKDOCS_CONFIG), "--site-dir", str(site)]
    result = subprocess.run(command, env=env, cwd=paths.ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(problems(result.stderr))
    missing = [name for name in downloads if not (site / urls.download_url(name)).is_file()]
    if missing:
        raise BuildError([f"{site}: downloads not in the site: {', '.join(missing)}"])


def problems(stderr: str) -> list[str]:
    """MkDocs' warnings and errors, one line each; the last line if it crashed without one."""
    found: list[str] = []
    for line in stderr.splitlines():
        if line.startswith(("WARNING", "ERROR")):
            if found and found[-1].endswith(":"):  # "Error reading page 'x.md':" + the reason
                found[-1] += " " + " ".join(line.split("-", 1)[-1].split())
            else:
                found.append(" ".join(line.split()))
        elif found and line.startswith((" ", "\t")) and line.strip():
            found[-1] += " " + line.strip()
    if not found:
        lines = [line.strip() for line in stderr.splitlines() if line.strip()]
        found = lines[-1:] or ["mkdocs build failed without a message"]
    return found
