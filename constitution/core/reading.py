"""Reading one input file: a regular file only, its size checked before a byte is read, and
every way it can fail (absent, a folder, a FIFO, a symlink loop, permission) as one message.

The loaders (source/load.py, importer/read.py) turn the message into a located Problem and go
on with the other files, so one bad file never hides the next.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = ((stat.S_ISDIR, "is a folder, not a file"), (stat.S_ISFIFO, "is a FIFO (named pipe), not a file"),
          (stat.S_ISSOCK, "is a socket, not a file"), (stat.S_ISCHR, "is a device, not a file"),
          (stat.S_ISBLK, "is a device, not a file"))


def os_problem(error: OSError) -> str:
    """An OS error as the end of a problem line, without the path (the line names it)."""
    if error.errno == errno.ENOENT:
        return "file is absent"
    if error.errno == errno.ELOOP:
        return "is a symbolic link that loops (or is nested too deeply)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    return f"cannot be read: {error.strerror or error}"


def read_limited(path: Path, limit: int) -> tuple[bytes | None, str | None]:
    """(the file's bytes, None), or (None, why it cannot be read): never raises on bad input.
    The size is taken from the open file, before reading, so a huge (or sparse) file costs nothing."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return None, os_problem(error)
    except ValueError:  # an embedded NUL in a path given on the command line
        return None, "is not a usable path"
    for test, why in _KINDS:
        if test(mode):
            return None, why
    if not stat.S_ISREG(mode):
        return None, "is not a regular file"
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                return None, f"file is {size} bytes, more than {limit}"
            raw = handle.read(limit + 1)
    except OSError as error:
        return None, os_problem(error)
    if len(raw) > limit:  # grew while we read it
        return None, f"file is more than {limit} bytes"
    return raw, None
