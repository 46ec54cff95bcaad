"""Timings and peak memory of child processes, and sizes of a built site.

Every measure runs in its own process, waited for with ``os.wait4`` so that its peak
resident memory is its own (``RUSAGE_CHILDREN`` would give the largest child so far).
Medians are taken by the caller, over runs that alternate between the measures compared.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024


@dataclass(frozen=True)
class Run:
    """One child process: wall time, processor time, peak resident memory, its output."""

    seconds: float
    cpu_seconds: float
    peak_bytes: int
    stdout: str


class BenchError(RuntimeError):
    """A measured command failed: the bench stops and shows what it printed."""


def run(command: list[str], cwd: Path) -> Run:
    """Run ``command`` to completion; its wall time and its own peak memory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode != 0:
        raise BenchError(f"{' '.join(command)} (dans {cwd}) a échoué :\n{stderr[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss * 1024, stdout)  # ru_maxrss: KiB on Linux


def python(*args: str) -> list[str]:
    """``python -m …`` with this interpreter (the project's ``.venv``)."""
    return [sys.executable, "-m", *args]


def mkdocs_build(root: Path) -> Run:
    """``mkdocs build --strict --clean`` in ``root``: what ``make site`` runs."""
    return run(python("mkdocs", "build", "--strict", "--clean", "--quiet"), root)


def make_check(root: Path) -> Run:
    """``python -m dilemmes check``: what ``make check`` runs."""
    return run(python("dilemmes", "--racine", str(root), "check"), root)


@dataclass(frozen=True)
class OwnWork:
    """``gather`` then ``build_pages`` once, in a fresh process, as ``make site`` does."""

    gather: float
    render: float
    aside: float  # what ``make site`` does in its second process: QR, search, audit
    cpu: float  # processor time of gather and render, measured inside the process
    aside_cpu: float
    problems: int
    peak_bytes: int


def own_work(root: Path) -> OwnWork:
    """Our work on ``root``, whose ``site/`` must have been built (for the audit)."""
    result = run(python("dilemmes.bench.own", str(root)), root)
    data = json.loads(result.stdout)
    if data["findings"]:
        raise BenchError(f"l'audit de sécurité signale {data['findings']} élément(s) dans {root}")
    return OwnWork(
        gather=data["gather"],
        render=data["pages"],
        aside=data["aside"],
        cpu=data["cpu"],
        aside_cpu=data["aside_cpu"],
        problems=data["problems"],
        peak_bytes=result.peak_bytes,
    )


def median(values: list[float]) -> float:
    return statistics.median(values)


@dataclass(frozen=True)
class SiteSize:
    files: int
    total_bytes: int


def site_size(site: Path) -> SiteSize:
    sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
    return SiteSize(len(sizes), sum(sizes))


def gzip_size(path: Path) -> int:
    """Bytes of ``path`` compressed as a static host serves it (gzip, level 6)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))
