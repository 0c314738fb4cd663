"""`python -m scripts COMMAND`: one command per stage of the pipeline.

Each stage module offers `add_arguments(parser)` and `run(args) -> int`. Bad input ends in
one line per problem and a non-zero exit, never a traceback.
"""

import argparse
import importlib
import sys

from .load import SourceError

COMMANDS = {
    "validate": ("validate", "check translations/ and print every problem"),
    "import": ("importer", "read published plain text into an aligned source"),
    "generate": ("pages", "write the per-language Markdown pages into docs/"),
    "site": ("build", "validate, generate and build site/ and dist/"),
    "offline": ("offline", "build the offline HTML bundle (zip)"),
    "pdf": ("pdf", "render the PDFs"),
    "export": ("export", "write JSON, CSV and Akoma Ntoso exports"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if argv and argv[0] == name:  # import only the stage that runs: startup stays fast
            module = importlib.import_module(f".{module_name}", __package__)
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except SourceError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{error.filename or '-'}: {error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
