"""Node runs the site's plain browser scripts in the unit tests: a script that sets a global on
`self` (as the search worker's helpers do) is loaded in a fresh context and its functions are
called on JSON data."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

# Load the script with `self` as the context's global, then run `program` on `data`; print its value as JSON
RUNNER = """
const vm = require("vm"), fs = require("fs")
const [script, program] = process.argv.slice(1)
const context = vm.createContext({ URL })
context.self = context
vm.runInContext(fs.readFileSync(script, "utf8"), context, { filename: script })
context.data = JSON.parse(fs.readFileSync(0, "utf8"))
process.stdout.write(JSON.stringify(vm.runInContext(program, context)))
"""


def run_script(script: Path, program: str, data) -> object:
    """The value of the JavaScript expression `program` (which sees `self`, set up by `script`,
    and `data`), in a Node context where `script` ran; a failing test if node cannot."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: the site's scripts are tested with Node (Debian: apt-get install nodejs)")
    done = subprocess.run([node, "-e", RUNNER, str(script), program], input=json.dumps(data),
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        pytest.fail(f"node: {script.name}: {done.stderr.strip()}")
    return json.loads(done.stdout)
