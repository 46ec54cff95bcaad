"""Shared helpers: copies of fixture projects and real ``mkdocs build --strict`` runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SITE_CONFIG = ("mkdocs.yml", "overrides")


def copy_project(destination: Path, fixture: str = "projet") -> Path:
    """A fixture project with the repository's real site configuration."""
    root = destination / fixture
    shutil.copytree(FIXTURES / fixture, root)
    for name in SITE_CONFIG:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    return root


def mkdocs_build(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``root``, as ``make site`` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", *extra],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def read_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project, built once for the whole session; returns its ``site/``."""
    root = copy_project(tmp_path_factory.mktemp("site"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"
