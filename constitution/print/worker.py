"""`python -m constitution.print.worker PARENT_PID THREADS`: render the PDF editions in a child process.

pdf.py starts one and hands it, pickled on stdin, the typesetting jobs of the editions
(print/typeset.py: plain data, so the worker never loads the source), heaviest first; it
typesets them on THREADS threads (Typst releases the GIL while it works) and the PDFs come
back pickled on stdout. The worker never outlives its parent (it watches for being orphaned, so a killed build leaves no process behind) and
ignores Ctrl-C, which the parent handles for the whole build (no worker tracebacks).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys

from constitution.core.children import end_with


def main() -> int:
    # One Typst thread per edition: the editions are the parallelism (one thread per core),
    # and Typst's own threads would only spin against them
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with(int(sys.argv[1]) if len(sys.argv) > 1 else os.getppid())
    from constitution.print import fonts
    from constitution.print.typeset import typeset

    from concurrent.futures import ThreadPoolExecutor

    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    jobs = pickle.load(sys.stdin.buffer)
    fonts.typst_fonts()  # read once, before the threads share them
    with ThreadPoolExecutor(max_workers=threads) as pool:
        rendered = dict(zip(jobs, pool.map(typeset, jobs.values())))
    sys.stdout.buffer.write(pickle.dumps(rendered, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
