"""Cold start of the desktop app: from spawning ``python`` to the main window painted, for
Votum (the window as a benchmark builds it, and the real entry ``main.py``) against a bare
PySide6 QMainWindow, interleaved subprocesses (``bench_live.py`` reports the medians).

The children keep their bytecode in a temporary cache, as an installed app has it (with
``compile_each_start`` every start compiles Votum's modules anew, as with
``PYTHONDONTWRITEBYTECODE``); ``against`` cold-starts another checkout in the same run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Both children print "shown" and the CPU time they used (all threads, since the process
#: started) at the window's first paint event, and then quit.
PAINTED = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("shown", time.process_time(), flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
"""

BARE = (
    """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
"""
    + PAINTED
)

VOTUM = (
    """
import sys
from app.ui.application import create_application
app = create_application(sys.argv)
from app.ui.mainwindow import MainWindow
window = MainWindow(sys.argv[1], offer_demo=False, warm=False)
"""
    + PAINTED
)

#: ``main.py`` as a user starts it (``VOTUM_DB`` names the database); when its event loop
#: starts, the main window (shown by then) gets the filter that sees its first paint.
ENTRY = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("shown", time.process_time(), flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            obj.removeEventFilter(self)
        return False
painted = Painted()
exec_ = QApplication.exec
def watched_exec(app):
    for widget in app.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            widget.installEventFilter(painted)
    return exec_()
QApplication.exec = watched_exec
sys.argv = ["main.py"]
with open("main.py", encoding="utf-8") as main:
    exec(compile(main.read(), "main.py", "exec"), {"__name__": "__main__"})
"""


def cold_start(
    runs: int, against: Path | None = None, *, compile_each_start: bool = False
) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) milliseconds to the first paint per program: "bare", "window", "main.py"
    (and "window before", "main.py before" from the ``against`` checkout), interleaved."""
    tmp = Path(tempfile.mkdtemp(prefix="votum-cold-"))
    url = f"sqlite:///{(tmp / 'cold.sqlite3').as_posix()}"
    from app.db import Database
    from app.services.demo import load_demo

    db = Database.open(url)
    with db.write() as s:
        load_demo(s)
    db.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VOTUM_DB": url}
    if compile_each_start:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pyc")

    def once(root: Path, code: str, *args: str) -> tuple[float, float]:
        """(wall, CPU) milliseconds to the first paint."""
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.PIPE,
            env={**env, "PYTHONPATH": str(root)},
            cwd=root,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = (time.perf_counter() - start) * 1000
        proc.kill()
        proc.wait()
        if not line.startswith(b"shown "):
            raise SystemExit(f"the window was not shown ({root})")
        return elapsed, float(line.split()[1]) * 1000

    programs = {
        "bare": (ROOT, BARE, ()),
        "window": (ROOT, VOTUM, (url,)),
        "main.py": (ROOT, ENTRY, ()),
    }
    if against is not None:
        programs["window before"] = (against, VOTUM, (url,))
        programs["main.py before"] = (against, ENTRY, ())
    try:
        for root, code, args in programs.values():  # fill the bytecode and file caches
            once(root, code, *args)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
        for _ in range(runs):
            for name, (root, code, args) in programs.items():
                times[name].append(once(root, code, *args))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return times
