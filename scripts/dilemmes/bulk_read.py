"""A whole project read at once by the command line: vignettes on every core, the cyclic
garbage collector paused.

``make check`` on thousands of vignettes spends most of its time reading each file on its
own (YAML, fields, personal data). ``read_cases_in_processes`` hands chunks of files to one
worker process per core and puts the results back in the original order; this process only
waits. Below ``MIN_FILES`` files, or on a single core, the files are read in turn: starting
workers costs more than it saves. Workers start with "spawn" (never "fork", which copies a
process that may hold threads and locks; spawn also behaves the same on every system).

Tried and dropped: this process reading chunks from the back while one worker took them from
the front. Its busy main thread held the GIL that the pool's threads need to hand the next
chunk over, and the worker waited between chunks: no faster than a worker on each core.

``collector_paused`` suspends Python's cyclic garbage collector: gathering a project makes
hundreds of thousands of objects that form no cycles (reference counting frees them), and
each collection of the oldest generation walks them all again. It belongs to a short-lived
command, not to the core: a MkDocs preview runs for hours and decides for itself.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import repeat

from .project import CaseRead, CaseReader

MIN_FILES = 200
CHUNK_FILES = 100  # an even share at the end, and few hand-overs between processes


def available_cores() -> int:
    """The cores this process may run on (fewer than the machine's in a container)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def read_cases_in_processes(
    case_reader: CaseReader,
    files: Sequence[tuple[str, bytes]],
    min_files: int | None = None,
    workers: int | None = None,
) -> list[CaseRead]:
    """``project.read_in_turn``, shared between worker processes when there are many files.

    ``min_files`` defaults to ``MIN_FILES``; ``workers`` to one per core, none on a single
    core. ``case_reader`` must be picklable (a module-level function such as
    ``read_case``), and the program's main module must not start work when imported (a
    spawned worker imports it; ``python -m dilemmes`` is safe).
    """
    min_files = MIN_FILES if min_files is None else min_files
    if workers is None:
        cores = available_cores()
        workers = cores if cores > 1 else 0
    if len(files) < min_files or workers < 1:
        return [case_reader(path, data) for path, data in files]
    chunks = [files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, initializer=gc.disable) as pool:
        done = pool.map(_read_chunk, repeat(case_reader), chunks)
        return [read for chunk in done for read in chunk]


def _read_chunk(case_reader: CaseReader, files: Sequence[tuple[str, bytes]]) -> list[CaseRead]:
    return [case_reader(path, data) for path, data in files]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block, then as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
