"""The pipeline's commands as the benchmark runs them, with every output in the work folder.

Each stage's options are read from its own `add_arguments`, so a new option with a path
default inside the repository is pointed into the work folder instead of touching
site/, dist/ or docs/ of the checkout.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from constitution.core import catalogue, paths

STAGES = ("validate", "generate", "site", "offline", "pdf", "export")
SHARED_DOCS = "docs"  # generate writes here; the mkdocs builds read it
OUTPUT_OPTIONS = ("out", "dist", "docs")  # redirected whatever their default


@dataclass(frozen=True)
class Stage:
    name: str
    argv: list[str]  # the full command line
    outputs: dict[str, Path]  # option dest -> folder it writes (into), removed before each run


def options(command: str) -> list[argparse.Action] | None:
    """The command's argparse actions (constitution/cli.py), or None if there is no such command."""
    from constitution.cli import COMMANDS

    if command not in COMMANDS:
        return None
    arguments, _, _ = COMMANDS[command]
    parser = argparse.ArgumentParser(prog=command, add_help=False)
    arguments(parser)
    return list(parser._actions)


def _inside(path: Path, folder: Path) -> bool:
    try:
        Path(path).resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def file_name(command: str, dest: str, source: Path) -> str | None:
    """The name of the file an option writes, for the options that name a file, not a folder."""
    if (command, dest) == ("offline", "out"):  # the zip, named as dist/ and the Downloads page name it
        document = yaml.safe_load((source / paths.DOCUMENT_FILE).read_text(encoding="utf-8"))
        return catalogue.offline_name(str(document["edition"]["id"]))
    return None


def command_line(command: str, actions: list[argparse.Action], source: Path, work: Path) -> Stage:
    """`python -m constitution COMMAND` with --source and every repository path redirected into `work`."""
    argv = [sys.executable, "-m", "constitution", command]
    outputs = {}
    for action in actions:
        if not action.option_strings:
            continue
        flag = max(action.option_strings, key=len)
        if action.dest == "source":
            argv += [flag, str(source)]
        elif action.dest == "docs" and command == "generate":
            argv += [flag, str(work / SHARED_DOCS)]
            outputs[action.dest] = work / SHARED_DOCS
        elif action.dest in OUTPUT_OPTIONS or (isinstance(action.default, Path) and _inside(
                action.default, paths.ROOT) and not _inside(action.default, paths.SOURCE_DIR)):
            target = work / f"{command}-{action.dest}"
            name = file_name(command, action.dest, source)
            argv += [flag, str(target / name if name else target)]
            outputs[action.dest] = target
    return Stage(command, argv, outputs)


def stage(command: str, source: Path, work: Path) -> Stage | None:
    actions = options(command)
    return None if actions is None else command_line(command, actions, source, work)


def environment() -> dict:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
