"""Child processes that never outlive the build that started them.

A build starts children (the PDF workers, MkDocs). A child given its parent's pid watches
it and exits at once when it is gone (it is then adopted by another process): a build
killed with SIGKILL leaves no child running, writing into a staging folder or holding the
build's output streams.
"""

from __future__ import annotations

import os
import threading
import time


def _watch(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(0.2)


def end_with(parent: int) -> None:
    """Exit this process as soon as `parent` is no longer its parent."""
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
