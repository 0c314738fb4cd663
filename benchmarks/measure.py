"""Run one command as a child process and measure its wall time, CPU time and peak memory.

CPU time and ru_maxrss come from os.wait4 for that one child: they cover the child and
every descendant it waited for. (getrusage's RUSAGE_CHILDREN is a running maximum over all
children ever reaped, so deltas of it say nothing about the second and later children.)
ru_maxrss is the largest single process, so a stage running workers in parallel would look
smaller than it is: the child gets a session of its own, and a sampler adds up the resident
memory of every process in that session every SAMPLE_S seconds. Peak is the larger of the two.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_S = 0.2
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
REPEAT_UNDER_S = 10.0  # a command faster than this is run up to MAX_RUNS times, best kept
MAX_RUNS = 3


@dataclass(frozen=True)
class Run:
    wall_s: float
    cpu_s: float  # user + system time of the child and its waited-for descendants
    peak_mib: float
    returncode: int
    error: str = ""  # one line when the command failed


@dataclass(frozen=True)
class Measurement:
    wall_s: float | None  # best of `runs`
    cpu_s: float | None  # least of `runs`: less disturbed than wall time by other work on the machine
    peak_mib: float | None  # largest over `runs`
    runs: int
    error: str = ""

    @classmethod
    def failed(cls, error: str) -> "Measurement":
        return cls(None, None, None, 0, error)

    @property
    def ok(self) -> bool:
        return not self.error


def failure_line(output: str, returncode: int) -> str:
    """The one line that says why a command failed: its last line logged as an ERROR (as
    MkDocs logs them), else its last non-empty line."""
    lines = [" ".join(line.split()) for line in output.splitlines() if line.strip()]
    if returncode < 0:
        reason = f"killed by signal {-returncode}"
        return f"{reason}: {lines[-1]}" if lines else reason
    errors = [line for line in lines if line.startswith("ERROR")]
    last = (errors or lines or [f"exit status {returncode}"])[-1]
    return last if len(last) <= 160 else last[:157] + "..."


def session_rss(session: int) -> int:
    """Bytes resident in all processes of a session (shared pages counted in each)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                data = handle.read()
        except OSError:  # it ended meanwhile
            continue
        fields = data[data.rindex(b")") + 2:].split()  # after "pid (name) "
        if int(fields[3]) == session:  # fields: state ppid pgrp session ... rss is the 22nd
            total += int(fields[21]) * PAGE_BYTES
    return total


class _Sampler(threading.Thread):
    def __init__(self, session: int):
        super().__init__(daemon=True)
        self.session, self.peak, self.done = session, 0, threading.Event()

    def run(self):
        while not self.done.wait(SAMPLE_S):
            self.peak = max(self.peak, session_rss(self.session))


def run_once(argv: list[str], cwd: Path, env: dict, log: Path, timeout_s: float) -> Run:
    """Run argv once; its output goes to `log` (kept for reading a failure)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        timed_out = threading.Event()
        timer = threading.Timer(timeout_s, _kill_group, (process.pid, timed_out))
        sampler = _Sampler(process.pid)
        timer.start()
        sampler.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
            sampler.done.set()
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    peak = max(usage.ru_maxrss * 1024, sampler.peak) / 2 ** 20  # ru_maxrss is in KiB on Linux
    cpu = usage.ru_utime + usage.ru_stime
    if process.returncode == 0:
        return Run(wall, cpu, peak, 0)
    text = log.read_text(encoding="utf-8", errors="replace")
    error = failure_line(text, process.returncode)
    if timed_out.is_set():
        error = f"timed out after {timeout_s:.0f} s"
    return Run(wall, cpu, peak, process.returncode, error)


def _kill_group(pid: int, flag: threading.Event) -> None:
    flag.set()
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def measure(argv: list[str], cwd: Path, env: dict, log: Path, timeout_s: float = 900.0,
            repeat_under_s: float = REPEAT_UNDER_S, max_runs: int = MAX_RUNS, prepare=None) -> Measurement:
    """Best wall time of up to `max_runs` runs (one run when the first takes `repeat_under_s` or more).

    `prepare`, if given, is called before every run (e.g. to remove the previous output, so
    each run builds from scratch).
    """
    runs: list[Run] = []
    while len(runs) < max_runs:
        if prepare:
            prepare()
        run = run_once(argv, cwd, env, log, timeout_s)
        if run.error:
            return Measurement(None, None, None, len(runs) + 1, run.error)
        runs.append(run)
        if run.wall_s >= repeat_under_s:
            break
    return Measurement(min(r.wall_s for r in runs), min(r.cpu_s for r in runs), max(r.peak_mib for r in runs),
                       len(runs))
