"""`python -m constitution`: the command line (cli.py)."""

import sys

from constitution.cli import main

sys.exit(main())
