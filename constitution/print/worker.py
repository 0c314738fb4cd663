"""`python -m constitution.print.worker`: render some PDF editions in a child process.

pdf.py starts one per core and hands it, pickled on stdin, the typesetting jobs of its
editions (print/typeset.py: plain data, so a worker never loads the source); the PDFs come back pickled on stdout. A worker never outlives its
parent (it watches for being orphaned, so a killed build leaves no process behind) and
ignores Ctrl-C, which the parent handles for the whole build (no worker tracebacks).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys

from constitution.core.children import end_with


def main() -> int:
    # One thread per worker: the workers are the parallelism (one per core), and Typst's own
    # threads would only spin against each other
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with(int(sys.argv[1]) if len(sys.argv) > 1 else os.getppid())
    from constitution.print.typeset import typeset

    jobs = pickle.load(sys.stdin.buffer)
    rendered = {edition: typeset(job) for edition, job in jobs.items()}
    sys.stdout.buffer.write(pickle.dumps(rendered, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
