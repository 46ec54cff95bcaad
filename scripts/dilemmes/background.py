"""Work done on a second core while MkDocs builds the pages (``make site``).

MkDocs renders pages on one core, and the machines that build the site have two. Three
parts of our work need nothing from MkDocs until the end, or one page at a time: the QR
code of each case's address, the analysis of each case for the search index, and the
security audit of each built page. The plugin hands them to one worker process as soon
as it can (``on_files``, then ``on_post_page``) and collects the results in
``on_post_build``; together they cost about 7 ms a case, three times the rest of our
work (``docs/performance.md``).

The worker is a fork of the build's process, made before the pool starts its threads:
it starts at once, with our modules already imported, and never imports the program that
runs MkDocs again (as "spawn" and "forkserver" do, which fails for a script that builds
when imported). Forking a process that has threads can hang, so a process with threads
(a test runner, ``mkdocs serve``) does its work in process. Results are the same either
way (tests compare them); a worker that fails is reported and its part done in process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import TypeVar

from .audit import SiteFiles, audit_page
from .problems import Problem

log = logging.getLogger("mkdocs.plugins.dilemmes")

T = TypeVar("T")
AUDIT_BATCH = 50  # pages sent to the worker at once: fewer, larger messages


SINGLE_PROCESS = "DILEMMES_UN_SEUL_PROCESSUS"  # set to 1: everything in the build's process


def worth_it() -> bool:
    """A worker only helps when it gets a core of its own, and is safe to fork."""
    return (
        os.environ.get(SINGLE_PROCESS) != "1"
        and (os.cpu_count() or 1) >= 2
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


class Background:
    """One worker process for one build, and the audits it was handed."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        # Fork now, while this process has one thread: the pool starts its own threads.
        self._pool.submit(int).result()
        self._batch: list[tuple[str, str]] = []
        # Paths only: the pages' HTML, kept until the end, would weigh a third of the build's
        # memory (5,000 cases); a failed worker's pages are read again from the site.
        self._audits: list[tuple[list[str], Future[list[Problem]]]] = []
        self.audited: set[str] = set()  # site-relative paths of the pages handed over

    def submit(self, function: Callable[..., T], *args: object) -> Future[T]:
        try:
            return self._pool.submit(function, *args)
        except Exception as error:  # a pool broken earlier: ``result`` does it in process
            failed: Future[T] = Future()
            failed.set_exception(error)
            return failed

    def audit(self, relative: str, html: str) -> None:
        """Audit one built page (``relative`` to the site folder) in the worker."""
        self.audited.add(relative)
        self._batch.append((relative, html))
        if len(self._batch) >= AUDIT_BATCH:
            self._send_batch()

    def _send_batch(self) -> None:
        if self._batch:
            batch, self._batch = self._batch, []
            future = self.submit(audit_pages, self.site_dir, batch)
            self._audits.append(([relative for relative, _ in batch], future))

    def audit_findings(self) -> list[Problem]:
        """Every finding of the pages handed over, in the order of their paths."""
        self._send_batch()
        problems: list[Problem] = []
        for relatives, future in self._audits:
            found: list[Problem] = result(future, partial(audit_files, self.site_dir, relatives))
            problems += found
        return sorted(problems, key=lambda problem: problem.path)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def result(future: Future[T], in_process: Callable[[], T]) -> T:
    """The worker's result, or the same computed here if the worker failed."""
    try:
        return future.result()
    except Exception as error:  # any failure of the worker: the same remedy
        log.warning("Travail en parallèle interrompu (%s) : repris dans ce processus", error)
        return in_process()


def audit_files(site_dir: Path, relatives: list[str]) -> list[Problem]:
    """``audit_pages`` of pages as written in the site folder."""
    return audit_pages(site_dir, [(r, (site_dir / r).read_text("utf-8")) for r in relatives])


def audit_pages(site_dir: Path, pages: list[tuple[str, str]]) -> list[Problem]:
    """``audit_page`` for each ``(relative path, HTML)``, as ``audit_site`` names them."""
    problems: list[Problem] = []
    files = SiteFiles(site_dir)
    for relative, html in pages:
        problems += audit_page(f"site/{relative}", html, site_dir, relative, files)
    return problems
