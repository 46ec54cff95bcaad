"""The path format is documented: every key, every problem code, an example that passes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import REPO, copy_project
from dilemmes import fields
from dilemmes.project import gather
from test_parcours_problems import FILES

GUIDE = REPO / "docs" / "parcours-format.md"


def _guide() -> str:
    return GUIDE.read_text("utf-8")


def test_guide_documents_every_key_in_a_table_row() -> None:
    rows = {line.split("|")[1].strip() for line in _guide().splitlines() if line.startswith("| `")}
    for spec in (fields.PARCOURS, fields.ETAPE):
        for field in spec.fields:
            assert f"`{field.key}`" in rows, field.key


def test_guide_documents_every_problem_code_a_path_can_get(tmp_path: Path) -> None:
    codes: set[str] = set()
    for number, fixture in enumerate(FILES):
        root = copy_project(tmp_path / str(number))
        shutil.copy(fixture, root / "cases" / "_parcours" / fixture.name)
        codes |= {problem.code for problem in gather(root, include_drafts=True).problems}
    documented = set(re.findall(r"`([a-z]+(?:-[a-z]+)+)`", _guide()))
    assert codes - documented == set()
    assert len(codes) >= 15  # the fixtures do reach the path rules


def test_guide_example_passes_check(tmp_path: Path) -> None:
    example = re.search(r"## Un exemple complet\n\n```yaml\n(.*?)```", _guide(), re.S)
    assert example is not None
    root = tmp_path / "depot"
    for name in ("cases", "docs"):
        shutil.copytree(REPO / name, root / name)
    (root / "cases" / "_parcours" / "exemple.yaml").write_text(example.group(1), "utf-8")

    gathered = gather(root)

    assert [str(p) for p in gathered.problems] == []
    assert gathered.corpus.parcours["exemple"].duree == 45
