"""What the numbers were measured on: CPU, cores, memory, software versions, date, commit."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from constitution.core import paths

PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "Markdown", "pymdown-extensions",
            "typst", "pikepdf", "weasyprint", "pydantic", "PyYAML", "lxml", "playwright")


def _first(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _output(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=20, cwd=paths.ROOT).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def describe() -> dict[str, str]:
    memory = _first("/proc/meminfo", "MemTotal")
    if memory.endswith("kB") and memory.split()[0].isdigit():
        memory = f"{int(memory.split()[0]) / 1024 ** 2:.1f} GiB"
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (absent)")
    commit = _output(["git", "rev-parse", "--short", "HEAD"]) or "unknown"
    if _output(["git", "status", "--porcelain", "--untracked-files=no"]):
        commit += " with uncommitted changes"
    return {
        "date": datetime.date.today().isoformat(),
        "CPU": _first("/proc/cpuinfo", "model name"),
        "cores": f"{len(os.sched_getaffinity(0))} usable of {os.cpu_count()}",
        "memory": memory,
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "packages": ", ".join(versions),
        "chromium": _output(["/usr/bin/chromium", "--version"]) or "absent",
        "commit": commit,
    }


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
