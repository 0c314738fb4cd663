"""A build that is interrupted or killed leaves no process, no traceback and no foreign deletion.

The PDF stage renders in worker processes (print/worker.py). Killing the build (SIGKILL) must
not leave them running, holding its stdout; Ctrl-C (SIGINT to the whole process group, as a
terminal sends it) ends the build with exit 130 and one line, no worker's traceback. An
output the build may not replace is refused before anything is done (tried on a throwaway
checkout: were the guard ever to fail, only the copy would be lost).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from constitution.core import paths

WORKER = "constitution.print.worker"


def workers_of(parent: int) -> list[int]:
    """The PDF workers whose command line names `parent` (they are given its pid)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if WORKER.encode() in command and str(parent).encode() in command:
            found.append(int(entry.name))
    return found


def start_pdf(tmp_path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "constitution", "pdf", "--out", str(tmp_path / "out")],
                            cwd=paths.ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def wait_for_workers(process: subprocess.Popen, seconds: float = 60) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = workers_of(process.pid)
        if found:
            return found
        if process.poll() is not None:
            pytest.fail(f"the build ended before its workers started: {process.stderr.read().decode()}")
        time.sleep(0.05)
    pytest.fail("no PDF worker started")


def gone(pids: list[int], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{pid}").exists() and b"Z" not in _state(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


def _state(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/stat").read_bytes().split(b") ", 1)[1][:1]
    except OSError:
        return b"Z"


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the PDFs render in-process, without workers")
def test_a_killed_build_leaves_no_worker_running(tmp_path):
    process = start_pdf(tmp_path)
    workers = wait_for_workers(process)
    process.kill()
    process.wait()
    assert gone(workers), f"workers {workers} outlived the killed build"
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.pdf"))


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the PDFs render in-process, without workers")
def test_ctrl_c_ends_the_build_without_tracebacks_or_workers(tmp_path):
    process = start_pdf(tmp_path)
    workers = wait_for_workers(process)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in stderr, stderr.decode()
    assert stderr.decode().splitlines() == ["pdf: interrupted"]
    assert gone(workers)


def test_the_checkout_as_output_is_refused_and_nothing_is_touched(tmp_path):
    import shutil

    checkout = tmp_path / "checkout"  # the package and the source: what the guard reads
    for part in ("constitution", "translations"):
        shutil.copytree(paths.ROOT / part, checkout / part, ignore=shutil.ignore_patterns("__pycache__"))
    before = sorted(path.relative_to(checkout) for path in checkout.rglob("*"))
    result = subprocess.run([sys.executable, "-m", "constitution", "site", "--out", str(checkout),
                             "--dist", str(tmp_path / "dist")], cwd=checkout, capture_output=True, text=True)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines == [f"site: --out {checkout}: holds the source {checkout / 'translations'}; nothing was written"], lines
    assert sorted(path.relative_to(checkout) for path in checkout.rglob("*") if "__pycache__" not in path.parts) \
        == [path for path in before if "__pycache__" not in path.parts]
    assert not (tmp_path / "dist").exists()
