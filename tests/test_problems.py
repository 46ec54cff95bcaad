"""Every problem fixture gives exactly its expected lines, and nothing raises.

Each ``fixtures/problemes/<nom>.yaml`` (or folder of files) is dropped into a copy of the
fixture project; ``<nom>.attendu`` holds the exact lines ``make check`` must print.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project
from dilemmes import cli

PROBLEMS = FIXTURES / "problemes"
CASES = sorted(p for p in PROBLEMS.iterdir() if p.suffix != ".attendu")


def _run_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = cli.main(["--racine", str(root), "check"])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if not line.endswith("fichier(s).")]


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: p.stem)
def test_problem_fixture(fixture: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path)
    for file in sorted(fixture.iterdir()) if fixture.is_dir() else [fixture]:
        shutil.copy(file, root / "cases" / file.name)
    expected = (PROBLEMS / f"{fixture.stem}.attendu").read_text(encoding="utf-8").splitlines()

    code, lines = _run_check(root, capsys)

    assert lines == expected
    assert code == (1 if expected else 0)


def test_every_problem_of_every_file_in_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    expected: list[str] = []
    for fixture in CASES:
        if fixture.is_file():
            shutil.copy(fixture, root / "cases" / fixture.name)
            expected += (PROBLEMS / f"{fixture.stem}.attendu").read_text("utf-8").splitlines()

    code, lines = _run_check(root, capsys)

    assert code == 1

    # Every file's own lines appear (the list of known cases now names more cases),
    # sorted by file then line.
    def known_cut(line: str) -> str:
        return line.split(" ; cas connus")[0]

    assert {known_cut(line) for line in expected} <= {known_cut(line) for line in lines}
    assert lines == sorted(lines, key=lambda x: (x.split(":")[0], int(x.split(":")[1])))


def test_make_check_prints_typo_with_suggestion_and_exits_1(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    case = root / "cases" / "erreurs-de-saisie.yaml"
    case.write_text(case.read_text("utf-8").replace("resume:", "resumee:"), "utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "dilemmes", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert (
        "cases/erreurs-de-saisie.yaml:3: clé inconnue « resumee » ; vouliez-vous dire "
        "« resume » ?" in result.stderr.splitlines()
    )
    assert "Traceback" not in result.stderr


def test_clean_project_exits_0(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "dilemmes", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("4 cas valides (1 brouillon(s))")
