"""A whole project read at once by the command line: vignettes on every core, the cyclic
garbage collector paused.

``make check`` on thousands of vignettes spends most of its time reading each file on its
own (YAML, fields, personal data). ``read_cases_in_processes`` shares the files between this
process and worker processes: the workers take chunks from the front, this process from the
back, until they meet; the results come back in the original order. Below ``MIN_FILES``
files, or on a single core, the files are read in turn: starting a worker costs more than
it saves. Workers start with "spawn" (never "fork", which copies a process that may hold
threads and locks; spawn also works the same on every system).

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

from .project import CaseRead, CaseReader

MIN_FILES = 200
CHUNK_FILES = 50  # small enough for an even share, large enough to amortise each hand-over


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
    """``project.read_in_turn``, shared with worker processes when there are many files.

    ``min_files`` defaults to ``MIN_FILES``, ``workers`` to one less than the cores (this
    process reads too). ``case_reader`` must be picklable (a module-level function such as
    ``read_case``), and the program's main module must not start work when imported (a
    spawned worker imports it; ``python -m dilemmes`` is safe).
    """
    min_files = MIN_FILES if min_files is None else min_files
    workers = available_cores() - 1 if workers is None else workers
    if len(files) < min_files or workers < 1:
        return [case_reader(path, data) for path, data in files]
    chunks = [files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES)]
    results: list[list[CaseRead] | None] = [None] * len(chunks)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, initializer=gc.disable) as pool:
        futures = [pool.submit(_read_chunk, case_reader, chunk) for chunk in chunks]
        for index in reversed(range(len(chunks))):
            if futures[index].cancel():  # no worker has taken it yet: read it here
                results[index] = _read_chunk(case_reader, chunks[index])
        for index, future in enumerate(futures):
            if results[index] is None:
                results[index] = future.result()
    return [read for chunk in results if chunk is not None for read in chunk]


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
