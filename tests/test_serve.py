"""``make serve``: drafts are shown, and a saved vignette updates its page, no restart."""

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

from conftest import copy_project


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
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
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


def test_preview_shows_drafts(served: tuple[Path, str]) -> None:
    _, base = served
    body = _wait_for(base + "cas/brouillon-en-cours/", lambda body: "Brouillon" in body)
    assert "Un cas encore en brouillon" in body
