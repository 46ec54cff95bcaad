"""Shared helpers: copies of fixture projects and real ``mkdocs build --strict`` runs."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from browser import CHROMIUM, FLAGS, serve_directory
from dilemmes.model import Dates, Publication

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SITE_CONFIG = ("mkdocs.yml", "overrides")


def built_site_url() -> str:
    """The ``site_url`` a build gets: the environment's, or mkdocs.yml's default."""
    configured = re.search(
        r'^site_url: !ENV \[DILEMMES_SITE_URL, "([^"]+)"\]',
        (REPO / "mkdocs.yml").read_text("utf-8"),
        re.M,
    )
    assert configured is not None, "site_url de mkdocs.yml introuvable"
    return os.environ.get("DILEMMES_SITE_URL") or configured.group(1)


def fixture_publication() -> Publication:
    """Fixed site address and git dates for the fixture project; ``piege-html`` has none."""
    zone = dt.timezone(dt.timedelta(hours=-5))
    return Publication(
        site_name="Dilemmes au travail",
        site_url="https://exemple.org/dilemmes/",
        history={
            "cases/vente-au-premier-appel.yaml": Dates(
                dt.datetime(2026, 3, 2, 10, tzinfo=zone), dt.datetime(2026, 11, 27, 9, tzinfo=zone)
            ),
            "cases/erreurs-de-saisie.yaml": Dates(
                dt.datetime(2026, 10, 15, 14, tzinfo=zone),
                dt.datetime(2026, 10, 15, 14, tzinfo=zone),
            ),
        },
    )


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


def mkdocs_build(
    root: Path, *extra: str, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``root``, as ``make site`` runs it (``env``: added)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
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


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own content, built once with the real configuration."""
    root = tmp_path_factory.mktemp("depot")
    for name in ("mkdocs.yml", "overrides", "docs", "cases", "adresses.txt"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def explorer_project(destination: Path) -> Path:
    """The fixture project plus the cases of ``fixtures/explorateur/`` (roles, channels)."""
    root = copy_project(destination)
    for case in (FIXTURES / "explorateur").glob("*.yaml"):
        shutil.copy(case, root / "cases" / case.name)
    return root


@pytest.fixture(scope="session")
def explorer_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The explorer's fixture project, built once; returns its ``site/``."""
    root = explorer_project(tmp_path_factory.mktemp("explorateur"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Playwright browser context on Debian's Chromium (``make test`` installs it)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium manque : « make test » l'installe (paquet chromium)"
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profil")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            locale="fr-CA",
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    """The fixture site served on loopback."""
    with serve_directory(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def explorer_url(explorer_site: Path) -> Iterator[str]:
    """The explorer's fixture site served on loopback."""
    with serve_directory(explorer_site) as url:
        yield url


@pytest.fixture(scope="session")
def shipped_url(shipped_site: Path) -> Iterator[str]:
    """The repository's own site served on loopback."""
    with serve_directory(shipped_site) as url:
        yield url
