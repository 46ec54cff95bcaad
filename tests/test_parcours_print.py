"""The kits on paper: headless Chromium prints them to PDF, poppler reads the PDF back.

``chromium --print-to-pdf`` is what a trainer's « Imprimer » does; ``pdfinfo`` gives the
page count and size, ``pdftotext`` the text of each page (pages split on form feeds).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import CHROMIUM, FLAGS, serve_directory
from conftest import REPO, mkdocs_build
from dilemmes.parcours_render import steps
from dilemmes.project import gather


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} manque : « make test » l'installe (paquet poppler-utils)"
    return found


@pytest.fixture(scope="module")
def shipped_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped content (cases, paths, docs), built and served on loopback."""
    root = tmp_path_factory.mktemp("livre") / "depot"
    root.mkdir()
    for name in ("mkdocs.yml", "overrides", "docs", "cases"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    with serve_directory(root / "site") as url:
        yield url


def _print(url: str, out: Path) -> list[str]:
    """Print ``url`` with headless Chromium; the text of each page of the PDF."""
    assert CHROMIUM.exists(), "Chromium manque : « make test » l'installe (paquet chromium)"
    profile = out.parent / f"profil-{out.stem}"
    subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            url,
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    info = subprocess.run(
        [_tool("pdfinfo"), str(out)], capture_output=True, text=True, check=True
    ).stdout
    assert "612 x 792 pts (letter)" in info
    text = subprocess.run(
        [_tool("pdftotext"), "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")]
    assert len(pages) - 1 == int(info.split("Pages:")[1].split()[0])
    return pages[:-1]  # pdftotext ends every page, the last one too, with a form feed


@pytest.mark.browser
@pytest.mark.parametrize(
    "path_id", ["pression-a-la-vente-en-equipe", "objectifs-et-erreurs-encadrement"]
)
def test_shipped_kit_prints_each_case_on_its_own_pages(
    path_id: str, shipped_url: str, tmp_path: Path
) -> None:
    corpus = gather(REPO).corpus
    path = corpus.parcours[path_id]
    shown = steps(path, corpus)

    pages = _print(f"{shipped_url}parcours/{path_id}/trousse/", tmp_path / f"{path_id}.pdf")

    cases = [step for step in shown if step.case is not None]
    assert len(cases) + 1 <= len(pages) <= 4 * (len(cases) + 1)
    assert pages[0].startswith(f"Trousse d'animation : {path.titre.split()[0]}")
    # Every case step opens a page, in the order of the plan, and its text follows.
    starts = []
    for step in cases:
        heading = f"Étape {step.number} · {step.titre}"
        opening = [n for n, page in enumerate(pages) if page.startswith(heading)]
        assert len(opening) == 1, heading
        starts.append(opening[0])
        rest = " ".join(pages[opening[0] :])
        assert step.case is not None
        assert step.case.question in rest
        assert step.case.options[-1].choix in rest
    assert starts == sorted(starts) and starts[0] >= 1
    whole = " ".join(pages)
    titles = [whole.find(f"Étape {s.number} · {s.titre}") for s in shown]
    assert -1 not in titles and titles == sorted(titles)


@pytest.mark.browser
def test_kit_asks_for_letter_paper_even_when_the_printer_says_a4(
    chromium: Any, fixture_url: str, tmp_path: Path
) -> None:
    page = chromium.new_page()
    page.goto(fixture_url + "parcours/atelier-vente/trousse/")
    kit = tmp_path / "trousse.pdf"
    page.pdf(path=str(kit), format="A4", prefer_css_page_size=True)
    page.goto(fixture_url + "cas/")
    other = tmp_path / "cas.pdf"
    page.pdf(path=str(other), format="A4", prefer_css_page_size=True)
    page.close()

    def size(pdf: Path) -> str:
        return subprocess.run(
            [_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
        ).stdout

    assert "(letter)" in size(kit)
    # The named page applies to the kit only: other pages keep the printer's paper.
    assert "(A4)" in size(other)
