"""Handouts: every shipped case prints on one or two Letter pages, in both views.

Printed by headless Chromium (Page.printToPDF, what ``--print-to-pdf`` runs), then read
back with poppler (``pdfinfo``, ``pdftotext``, ``pdftoppm``) and zbar (``zbarimg``):
the page count, the text a trainer needs, and a QR code that leads back to the page.
``make test`` installs the tools (targets ``poppler`` and ``zbar``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import CHROMIUM, FLAGS, serve_directory
from conftest import REPO, built_site_url, read_html
from dilemmes import formation
from dilemmes.project import gather

SHIPPED = sorted(gather(REPO).corpus.cases)
TOOLS = ("pdfinfo", "pdftotext", "pdftoppm", "zbarimg")


@pytest.fixture(scope="module")
def shipped_url(shipped_site: Path) -> Iterator[str]:
    with serve_directory(shipped_site) as url:
        yield url


@pytest.fixture(scope="module")
def printed(
    chromium: Any, shipped_url: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], Path]:
    """Every shipped case printed once in each view: {(id, view): pdf}."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"outils absents : {missing} ; « make test » les installe"
    folder = tmp_path_factory.mktemp("fiches")
    page = chromium.new_page()
    pdfs = {}
    for case_id in SHIPPED:
        for view, address in (
            ("groupe", f"cas/{case_id}/"),
            ("animation", f"cas/{case_id}/animation/"),
        ):
            page.goto(shipped_url + address)
            pdf = folder / f"{case_id}-{view}.pdf"
            page.pdf(path=str(pdf), prefer_css_page_size=True)
            pdfs[(case_id, view)] = pdf
    page.close()
    return pdfs


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.M)
    assert match is not None
    assert "612 x 792 pts (letter)" in info.stdout
    return int(match.group(1))


def _text(pdf: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(unicodedata.normalize("NFKC", raw).split())


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _expected(site: Path, address: str) -> dict[str, Any]:
    html = read_html(site / address / "index.html")
    article = html.select_one("article")
    assert article is not None
    for permalink in html.select("a.headerlink"):
        permalink.decompose()
    notes = article.select_one(".cas-animation, .cas-animation-absente")
    return {
        "title": " ".join(html.select_one("h1").get_text().split()),
        "questions": [
            " ".join(li.get_text().split()) for li in article.select(".cas-questions li")
        ],
        "question": " ".join(article.select_one(".cas-question").get_text().split()),
        "notes": " ".join(notes.get_text().split()) if notes else "",
    }


@pytest.mark.browser
@pytest.mark.parametrize("case_id", SHIPPED)
def test_handouts_fit_and_hold_the_case(
    case_id: str, printed: dict[tuple[str, str], Path], shipped_site: Path
) -> None:
    short = formation.short_address(built_site_url() + f"cas/{case_id}/")
    group = _expected(shipped_site, f"cas/{case_id}")
    trainer = _expected(shipped_site, f"cas/{case_id}/animation")
    for view, expected in (("groupe", group), ("animation", trainer)):
        pdf = printed[(case_id, view)]
        assert 1 <= _pages(pdf) <= 2, (case_id, view, _pages(pdf))
        text = _text(pdf)
        assert expected["title"] in text, (case_id, view)
        assert expected["question"] in text, (case_id, view)
        for question in expected["questions"]:
            assert question in text, (case_id, view, question)
        assert short in _squeeze(text), (case_id, view)
        assert "Vignette composite" in text
        # No navigation, search or footer chrome; no screen-only parts.
        for chrome in ("Rechercher", "Made with", "Table des matières", "Citer ce cas", "Copier"):
            assert chrome not in text, (case_id, view, chrome)
    # Trainer notes are in the trainer print only.
    trainer_text = _text(printed[(case_id, "animation")])
    group_text = _text(printed[(case_id, "groupe")])
    assert trainer["notes"] and trainer["notes"] in trainer_text
    assert "Déroulement suggéré" in trainer_text and "Questions de retour" in trainer_text
    assert "Notes d'animation" not in group_text
    assert trainer["notes"] not in group_text


@pytest.mark.browser
def test_printed_qr_code_leads_back_to_the_case(
    printed: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    # The longest address makes the densest code; every code is printed the same way.
    # Decoding costs about a second a page, so two cases stand for all.
    for case_id in (max(SHIPPED, key=len), min(SHIPPED, key=len)):
        url = built_site_url() + f"cas/{case_id}/"
        for view in ("groupe", "animation"):
            pdf = printed[(case_id, view)]
            last = str(_pages(pdf))  # the QR code closes the handout
            image = tmp_path / f"{case_id}-{view}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "150",
                    "-png",
                    "-singlefile",
                    "-f",
                    last,
                    "-l",
                    last,
                    pdf,
                    image,
                ],
                check=True,
            )
            result = subprocess.run(
                ["zbarimg", "--quiet", "--raw", f"{image}.png"], capture_output=True, text=True
            )
            decoded = set(result.stdout.split())
            assert decoded == {url}, (case_id, view, decoded)


@pytest.mark.browser
def test_chromium_print_to_pdf_command(shipped_url: str, tmp_path: Path) -> None:
    """The command a trainer or a script can run, on the longest shipped case."""
    longest = max(
        SHIPPED, key=lambda case_id: len((REPO / "cases" / f"{case_id}.yaml").read_bytes())
    )
    for address in (f"cas/{longest}/", f"cas/{longest}/animation/"):
        pdf = tmp_path / "fiche.pdf"
        subprocess.run(
            [
                str(CHROMIUM),
                *FLAGS,
                f"--user-data-dir={tmp_path / 'profil'}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                shipped_url + address,
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
        assert 1 <= _pages(pdf) <= 2, address
        assert "Questions pour la discussion" in _text(pdf)
