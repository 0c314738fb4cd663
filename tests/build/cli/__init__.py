"""The commands (constitution/cli.py) run as `python -m constitution COMMAND` in a child process."""
