"""``make serve`` after a save: seconds until the page shows the change in Chromium.

The bench project is served as ``make serve`` serves the repository; Chromium keeps the
case page open (with MkDocs' live-reload script). Two kinds of save alternate: a sentence
added to the récit (only the case page changes) and a changed title (the list of cases,
theme and guidance pages and related cases change too). The clock starts when the file is
written and stops when the page shows the change. The server's log says how many vignettes
each rebuild read again.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error, Page, sync_playwright

from .search import CHROMIUM, FLAGS

# The command of ``make serve`` (a test keeps the two in step), and plain ``mkdocs serve``.
SERVE = ("mkdocs", "serve", "--dirty")
SERVE_FULL = ("mkdocs", "serve")
SETTLE = 4.0
_READ = re.compile(r"Aperçu : (\d+) vignette\(s\) relue\(s\), (\d+) inchangée\(s\)")


@dataclass
class Preview:
    """Seconds from save to updated page, per run, and what the last rebuild read."""

    recit: list[float] = field(default_factory=list)
    titre: list[float] = field(default_factory=list)
    reread: int = -1
    unchanged: int = -1
    first_build: float = 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_served(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise TimeoutError(f"{url} ne répond pas après {timeout:.0f} s")


def measure_preview(
    root: Path,
    case_file: Path,
    runs: int,
    serve: tuple[str, ...] = SERVE,
    timeout: float = 300,
) -> Preview:
    """Serve ``root`` with ``serve``, save ``case_file`` ``runs`` times, time each update."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DILEMMES_SITE_URL": base}
    command = [sys.executable, "-m", *serve, "--dev-addr", f"127.0.0.1:{port}"]
    original = case_file.read_text("utf-8")
    case_id = case_file.stem
    result = Preview()
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=log)
        try:
            _wait_until_served(base + f"cas/{case_id}/", timeout)
            result.first_build = time.perf_counter() - started
            with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
                context = pw.chromium.launch_persistent_context(
                    profile, executable_path=str(CHROMIUM), headless=True, args=FLAGS
                )
                page = context.new_page()
                page.goto(base + f"cas/{case_id}/")
                edits: dict[str, str] = {}
                for run in range(runs):
                    for kind, times in (("recit", result.recit), ("titre", result.titre)):
                        # Saves seconds apart, as when writing: after each reload the
                        # browser builds Material's search index, which keeps a core busy.
                        time.sleep(SETTLE)
                        marker = f"{kind} {run + 1} du banc"
                        times.append(_save_and_wait(page, case_file, original, edits, kind, marker))
                context.close()
        finally:
            case_file.write_text(original, "utf-8")
            server.terminate()
            server.wait(timeout=30)
        log.seek(0)
        found = _READ.findall(log.read().decode("utf-8", "replace"))
    if found:
        result.reread, result.unchanged = (int(n) for n in found[-1])
    return result


def _edited(original: str, edits: dict[str, str]) -> str:
    """The vignette with the current marker of each kind of edit (title, récit)."""
    text = original
    if "titre" in edits:
        text = re.sub(r"^titre: (.*)$", rf"titre: \1 ({edits['titre']})", text, count=1, flags=re.M)
    if "recit" in edits:
        text = re.sub(
            r"^recit: \|\n", f"recit: |\n  {edits['recit']}.\n\n", text, count=1, flags=re.M
        )
    if text.count("du banc") != len(edits):
        raise ValueError("ligne « titre: » ou « recit: | » introuvable")
    return text


def _save_and_wait(
    page: Page, case_file: Path, original: str, edits: dict[str, str], kind: str, marker: str
) -> float:
    """Change one thing (the other edit stays as it was), save, wait for the page to show it."""
    edits[kind] = marker
    case_file.write_text(_edited(original, edits), "utf-8")
    saved = time.perf_counter()
    selector = "h1" if kind == "titre" else ".cas-recit"
    script = f"document.querySelector('{selector}')?.textContent ?? ''"
    while time.perf_counter() < saved + 120:
        try:
            shown = page.evaluate(script)
        except Error:  # the page is reloading
            shown = ""
        if marker in str(shown):
            return time.perf_counter() - saved
        time.sleep(0.02)
    raise TimeoutError(f"la page de {case_file.stem} n'a pas changé après 120 s")
