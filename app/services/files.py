"""Writing output files so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from app.services.errors import InvalidInput
from app.services.messages import say


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, flush it to disk and move it into place."""
    path = Path(path)
    folder = path.resolve().parent
    if not folder.is_dir():
        raise InvalidInput(say("folder_missing", folder=folder))
    if path.is_dir():
        raise InvalidInput(say("path_is_folder", path=path))
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise InvalidInput(say("cannot_write", path=path, reason=exc.strerror)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _give_usual_permissions(Path(temp), path)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise InvalidInput(say("cannot_write", path=path, reason=exc.strerror)) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process umask without changing it (Linux tells it; elsewhere assume 022)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022


def _give_usual_permissions(temp: Path, target: Path) -> None:
    """mkstemp makes a private (0600) file; the result should read like any saved file:
    the old file's mode when replacing one, else what the umask allows."""
    if os.name != "posix":
        return
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    with contextlib.suppress(OSError):  # permissions are a courtesy, the data is what counts
        os.chmod(temp, mode)


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))
