"""`python -m constitution site` with the CPU and wall time of each of its stages written down.

    python -m benchmarks.site_stages TIMES_JSON site --source DIR --out DIR ...

Runs the command as `python -m constitution` does (constitution/cli.py), each stage of the
pipeline (constitution/build/pipeline.py STAGES, whatever they are) timed: CPU time of this
process and of the children it waited for during the stage (the PDF worker, MkDocs), from
getrusage, whose user and system times of reaped children are sums, so their differences are
the stage's own. TIMES_JSON gets [{"stage", "cpu_s", "wall_s"}] in the order the stages ran.
"""

from __future__ import annotations

import dataclasses
import json
import resource
import sys
import time
from pathlib import Path


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(stage, times: list[dict]):
    """The stage with a run that appends its times to `times` (also when it fails)."""
    def run(build):
        cpu, wall = cpu_seconds(), time.perf_counter()
        try:
            return stage.run(build)
        finally:
            times.append({"stage": stage.name, "cpu_s": cpu_seconds() - cpu, "wall_s": time.perf_counter() - wall})
    return dataclasses.replace(stage, run=run)


def main(argv: list[str]) -> int:
    from constitution import cli
    from constitution.build import pipeline

    out, command = Path(argv[0]), argv[1:]
    times: list[dict] = []
    pipeline.STAGES = tuple(timed(stage, times) for stage in pipeline.STAGES)
    code = cli.main(command)
    out.write_text(json.dumps(times, indent=1), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
