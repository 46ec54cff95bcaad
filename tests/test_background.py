"""The second process of ``make site`` (``background``) changes the time, not the site."""

from __future__ import annotations

import gc
import logging
from concurrent.futures import Future
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import copy_project, mkdocs_build
from dilemmes.background import Background, result


def _files(site: Path) -> dict[str, bytes]:
    # The sitemap's gzip copy carries the time it was written.
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name != "sitemap.xml.gz"
    }


def test_the_site_is_the_same_built_with_or_without_the_worker(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    url = {"DILEMMES_SITE_URL": "https://exemple.org/dilemmes/"}  # QR codes are drawn
    with_worker = mkdocs_build(root, "--site-dir", "avec", env={**url})
    alone = mkdocs_build(root, "--site-dir", "seul", env={**url, "DILEMMES_UN_SEUL_PROCESSUS": "1"})
    assert with_worker.returncode == 0, with_worker.stderr
    assert alone.returncode == 0, alone.stderr
    assert "dans un second processus" in with_worker.stderr
    assert "dans un second processus" not in alone.stderr
    built, expected = _files(root / "avec"), _files(root / "seul")
    assert built.keys() == expected.keys()
    assert [name for name in built if built[name] != expected[name]] == []
    # What the worker makes is there: QR codes, the search pieces with the cases.
    assert built["cas/vente-au-premier-appel/qr.svg"].startswith(b"<svg")
    assert any(name.startswith("search/termes/") for name in built)


def test_a_failed_worker_leaves_its_part_to_the_build(caplog: pytest.LogCaptureFixture) -> None:
    failed: Future[int] = Future()
    failed.set_exception(RuntimeError("processus arrêté"))
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.dilemmes"):
        assert result(failed, lambda: 42) == 42
    assert "repris dans ce processus" in caplog.text


def test_a_build_leaves_the_garbage_collector_on(tmp_path: Path) -> None:
    # The plugin pauses it while it gathers and renders (``collector_paused``), not longer.
    root = copy_project(tmp_path)
    assert gc.isenabled()
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert gc.isenabled()
    assert (tmp_path / "site" / "cas" / "vente-au-premier-appel" / "index.html").is_file()


def test_a_dead_worker_leaves_the_audit_to_the_build(tmp_path: Path) -> None:
    hostile = "<html><head><title>t</title></head><body><img src=x onerror=alert(1)></body></html>"
    (tmp_path / "page.html").write_text(hostile, "utf-8")
    background = Background(tmp_path)
    for process in list(background._pool._processes.values()):  # the worker dies
        process.kill()
        process.join()
    background.audit("page.html", hostile)
    findings = background.audit_findings()
    background.close()
    assert [(p.path, p.code) for p in findings] == [("site/page.html", "audit-evenement")]
