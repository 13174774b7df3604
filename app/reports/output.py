"""Writing a finished report: atomically, and readable like any file the user saves."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from app.services.files import write_bytes_atomic


def _umask() -> int:
    """The process umask without changing it (Linux tells it; elsewhere assume 022)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022


def write_output(path: Path, data: bytes) -> None:
    """Complete file or none at all; then the usual permissions (the temporary file the
    atomic write starts from is private, 0600, which would lock colleagues out)."""
    path = Path(path)
    write_bytes_atomic(path, data)
    if os.name == "posix":
        with contextlib.suppress(OSError):  # written already; permissions are a courtesy
            os.chmod(path, 0o666 & ~_umask())
