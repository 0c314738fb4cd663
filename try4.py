from pathlib import Path
import yaml
from constitution.importer.read import read_file
from tests.helpers.importing import units, placed
for path in sorted(Path("tests/data/import/cases").glob("*.txt")):
    lang = path.name.split(".")[-2]
    r, p = read_file(path, lang)
    data = {"units": units(r), "placed": placed(r),
            "report": [str(e).split(":", 1)[1] for e in sorted(r.entries, key=lambda e: (e.line, e.kind))]}
    out = path.with_name(path.name[:-4] + ".expected.yaml")
    head = f"# The units tests/unit/importer/test_cases.py expects from {path.name} (tests/helpers/importing.py names them),\n# where each article sits, and the import report's lines after the file name.\n"
    out.write_text(head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
