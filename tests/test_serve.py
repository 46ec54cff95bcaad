"""``make serve``: drafts are shown, and a saved vignette updates its page, no restart.

The server runs the command of ``make serve`` (``mkdocs serve --dirty``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO, copy_project
from dilemmes.bench.preview import SERVE


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, predicate: object, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    body = None
    while time.monotonic() < deadline:
        body = _get(url)
        if body is not None and predicate(body):  # type: ignore[operator]
            return body
        time.sleep(0.2)
    raise AssertionError(f"{url} n'a pas la forme attendue après {seconds} s")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    root = copy_project(tmp_path)
    port = _free_port()
    # As ``make serve``: the preview lives at the root of the address, not under
    # the published site's path.
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DILEMMES_SITE_URL": f"http://127.0.0.1:{port}/",
    }
    with (tmp_path / "serve.log").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", *SERVE, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=log,
            stderr=log,
        )
        try:
            yield root, f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=20)


def test_saving_a_vignette_updates_its_page(served: tuple[Path, str]) -> None:
    root, base = served
    url = base + "cas/erreurs-de-saisie/"
    _wait_for(url, lambda body: "Des erreurs de saisie en fin de journée" in body)
    case = root / "cases" / "erreurs-de-saisie.yaml"
    case.write_text(
        case.read_text("utf-8").replace(
            "titre: Des erreurs de saisie en fin de journée",
            "titre: Des erreurs de saisie le vendredi soir",
        ),
        "utf-8",
    )

    started = time.monotonic()
    _wait_for(url, lambda body: "Des erreurs de saisie le vendredi soir" in body)
    assert time.monotonic() - started < 30
    # Only the saved vignette was read again (``make bench`` times this at 1,000 cases).
    log = (root.parent / "serve.log").read_text("utf-8")
    vignettes = [p for p in (root / "cases").glob("*.yaml") if not p.name.startswith("_")]
    assert f"Aperçu : 1 vignette(s) relue(s), {len(vignettes) - 1} inchangée(s)" in log


def test_make_serve_runs_the_measured_command() -> None:
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert f"$(BIN)/{' '.join(SERVE)} " in makefile


def test_preview_shows_drafts(served: tuple[Path, str]) -> None:
    _, base = served
    body = _wait_for(base + "cas/brouillon-en-cours/", lambda body: "Brouillon" in body)
    assert "Un cas encore en brouillon" in body
