import sys
from pathlib import Path
from constitution.importer.read import read_file
from tests.helpers.importing import units, placed
for path in sorted(Path("tests/data/import/cases").glob(sys.argv[1] if len(sys.argv) > 1 else "*.txt")):
    lang = path.name.split(".")[-2]
    r, p = read_file(path, lang)
    print("=====", path.name)
    if p: print(p); continue
    for k, v in units(r).items(): print(f"  {k!s:24} | {v!r}")
    print("  placed", placed(r))
    for e in r.entries: print("  ", e)
