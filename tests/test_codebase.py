"""The architecture holds: ruff and mypy clean, layers kept, Qt only in app/ui, the domain free
of HTTP and Qt."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from importlinter.api import read_configuration
from mypy import api as mypy_api

ROOT = Path(__file__).resolve().parent.parent
#: ``lint-imports --no-cache`` without relying on the script being on PATH; ``-c`` puts the
#: working directory (this checkout) first on sys.path, so its ``app`` is the one analysed.
LINT_IMPORTS = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(no_cache=True, no_logo=True))"
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_qt_import_outside_app_ui() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in [*(ROOT / "app").rglob("*.py"), ROOT / "main.py"]
        if "ui" not in path.relative_to(ROOT / "app" if path.parent != ROOT else ROOT).parts[:1]
        and any(name.split(".")[0] in {"PySide6", "PyQt5", "PyQt6"} for name in _imports(path))
    ]
    assert offenders == []


def test_services_and_models_know_nothing_of_http_qt_or_reports() -> None:
    forbidden = {"fastapi", "uvicorn", "starlette", "PySide6", "matplotlib", "reportlab"}
    offenders = {}
    for folder in ("services", "models"):
        for path in (ROOT / "app" / folder).rglob("*.py"):
            bad = {n for n in _imports(path) if n.split(".")[0] in forbidden}
            bad |= {
                n for n in _imports(path) if n.startswith(("app.server", "app.ui", "app.reports"))
            }
            if bad:
                offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_import_linter_contracts_hold() -> None:
    """Every contract in pyproject.toml is checked and kept (import-linter's Python entry point,
    so the test needs no ``lint-imports`` script on PATH and never skips)."""
    contracts = read_configuration(str(ROOT / "pyproject.toml"))["contracts_options"]
    result = subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(contracts) >= 3
    for contract in contracts:
        assert f"{contract['name']} KEPT" in result.stdout


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    """Zero errors over app/ ([tool.mypy] in pyproject.toml: strict for services and models)."""
    config = str(ROOT / "pyproject.toml")
    stdout, stderr, status = mypy_api.run(["--config-file", config, str(ROOT / "app")])
    assert status == 0, stdout + stderr
    assert "Success: no issues found" in stdout


MAX_LINES = 450
REASON = "# Longer than 450 lines:"


def test_long_modules_say_why_at_their_top() -> None:
    """A module under app/ over 450 lines is split, or says why not within its first 30
    lines (a comment starting ``# Longer than 450 lines:``)."""
    unexplained = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        lines = path.read_text("utf-8").splitlines()
        if len(lines) > MAX_LINES and not any(
            line.startswith(REASON) and len(line) > len(REASON) + 20 for line in lines[:30]
        ):
            unexplained.append(f"{path.relative_to(ROOT).as_posix()} ({len(lines)} lines)")
    assert unexplained == []


IGNORE = re.compile(r"#\s*type:\s*ignore(\[[^\]]*\])?(?P<rest>.*)$")


def test_every_type_ignore_says_why() -> None:
    """A ``# type: ignore[code]`` names its code and a reason: after it on the same line, or
    in a comment on the line above (the checker cannot follow something; say what)."""
    silent = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        lines = path.read_text("utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            found = IGNORE.search(line)
            if found is None:
                continue
            reason_after = re.sub(r"#\s*noqa\S*", "", found["rest"]).strip().lstrip("#").strip()
            reason_above = number > 1 and lines[number - 2].strip().startswith("#")
            if found[1] is None or not (reason_after or reason_above):
                silent.append(f"{path.relative_to(ROOT).as_posix()}:{number}")
    assert silent == []
