"""Benchmarks that never rot: every ``benchmarks/bench_*.py`` (a new one included, without
a word here) prints its help at once and runs in ``--quick`` mode (tiny sizes, seconds)
as a subprocess, so a change that breaks a benchmark fails the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = sorted((ROOT / "benchmarks").glob("bench_*.py"))


def _run(script: Path, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    env.pop("VOTUM_DB", None)  # a benchmark makes its own databases
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )


def test_there_are_benchmarks() -> None:
    assert len(BENCHMARKS) >= 4


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda path: path.stem)
def test_a_benchmark_prints_its_help_without_running(script: Path) -> None:
    done = _run(script, "--help", timeout=60)  # running the benchmark would take minutes
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage:") and "--quick" in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda path: path.stem)
def test_a_benchmark_runs_in_quick_mode(script: Path) -> None:
    done = _run(script, "--quick", timeout=300)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    assert len(done.stdout.strip().splitlines()) >= 2  # it reports its figures
