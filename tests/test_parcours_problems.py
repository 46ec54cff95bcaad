"""Training paths: every problem fixture gives exactly its expected lines.

Each ``fixtures/problemes-parcours/<nom>.yaml`` is dropped into ``cases/_parcours/`` of a
copy of the fixture project; ``<nom>.attendu`` holds the exact lines ``make check`` prints.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project
from dilemmes import cli
from dilemmes.project import gather

PROBLEMS = FIXTURES / "problemes-parcours"
FILES = sorted(p for p in PROBLEMS.iterdir() if p.suffix != ".attendu")


def _run_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = cli.main(["--racine", str(root), "check"])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if not line.endswith("fichier(s).")]


@pytest.mark.parametrize("fixture", FILES, ids=lambda p: p.name)
def test_parcours_problem_fixture(
    fixture: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    shutil.copy(fixture, root / "cases" / "_parcours" / fixture.name)
    expected = (PROBLEMS / f"{fixture.stem}.attendu").read_text(encoding="utf-8").splitlines()

    code, lines = _run_check(root, capsys)

    assert lines == expected
    assert code == (1 if expected else 0)


def test_path_problems_come_with_case_problems_in_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    for name in ("duree-incoherente.yaml", "cas-inconnu.yaml"):
        shutil.copy(PROBLEMS / name, root / "cases" / "_parcours" / name)
    case = root / "cases" / "erreurs-de-saisie.yaml"
    case.write_text(case.read_text("utf-8").replace("resume:", "resumee:"), "utf-8")

    code, lines = _run_check(root, capsys)

    assert code == 1
    assert lines[0].startswith("cases/_parcours/cas-inconnu.yaml:8: cas inconnu")
    assert any(line.startswith("cases/_parcours/duree-incoherente.yaml:4:") for line in lines)
    assert any(line.startswith("cases/erreurs-de-saisie.yaml:3: clé inconnue") for line in lines)


def test_a_broken_case_drops_its_paths_without_a_false_problem(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    case = root / "cases" / "vente-au-premier-appel.yaml"
    case.write_text(case.read_text("utf-8").replace("resume:", "resumee:"), "utf-8")

    gathered = gather(root)

    # Only the case's own problem: the path that uses it says nothing about question 2.
    assert {p.path for p in gathered.problems} == {"cases/vente-au-premier-appel.yaml"}
    assert "atelier-vente" not in gathered.corpus.parcours
    assert "piege-parcours" in gathered.corpus.parcours


def test_a_case_that_loses_a_question_is_reported_in_the_path(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    case = root / "cases" / "vente-au-premier-appel.yaml"
    text = case.read_text("utf-8").replace("  - Qui décide du rythme des appels ?\n", "")
    case.write_text(text, "utf-8")

    gathered = gather(root)

    assert [str(p) for p in gathered.problems] == [
        "cases/_parcours/atelier-vente.yaml:23: « etapes[2].questions » cite la question 2, "
        "mais le cas « vente-au-premier-appel » n'en compte que 1"
    ]


def test_drafts_are_kept_only_for_the_preview() -> None:
    published = gather(FIXTURES / "projet").corpus.parcours
    preview = gather(FIXTURES / "projet", include_drafts=True).corpus.parcours
    assert "parcours-en-brouillon" not in published
    assert "parcours-en-brouillon" in preview
    assert set(published) == {"atelier-vente", "piege-parcours"}


def test_clean_project_counts_its_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["--racine", str(FIXTURES / "projet"), "check"])
    assert code == 0
    assert "2 pistes, 3 parcours : aucun problème." in capsys.readouterr().out
