"""The source: its format (model.py, ui.py), how it is read (load.py) and written (save.py), the
rules that relate its fields (context.py, rules.py, validate.py) and the names of its parts
in each language (labels.py). Imports only core."""
