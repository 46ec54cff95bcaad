"""``make check`` on many vignettes: read on several processes, the same problems in the same
order as when read in turn; the garbage collector restored after the pause."""

from __future__ import annotations

import gc
import shutil
from functools import partial
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project
from dilemmes import bulk_read, cli
from dilemmes.project import CaseRead, gather, read_case, read_in_turn
from dilemmes.validate import Checked

PROBLEMS = FIXTURES / "problemes"


def _project_with_every_problem(tmp_path: Path) -> Path:
    """The fixture project with every problem fixture, and many copies of a valid case."""
    root = copy_project(tmp_path)
    for fixture in sorted(PROBLEMS.iterdir()):
        if fixture.suffix == ".attendu":
            continue
        for file in sorted(fixture.iterdir()) if fixture.is_dir() else [fixture]:
            shutil.copy(file, root / "cases" / file.name)
    valid = (root / "cases" / "vente-au-premier-appel.yaml").read_text("utf-8")
    for index in range(40):
        case_id = f"copie-{index:02d}"
        text = valid.replace("id: vente-au-premier-appel", f"id: {case_id}")
        (root / "cases" / f"{case_id}.yaml").write_text(text, "utf-8")
    return root


def _labelled(path: str, data: bytes) -> CaseRead:
    return None, Checked(path, values={"taille": len(data)})


def test_parallel_reading_gives_the_same_project_as_reading_in_turn(tmp_path: Path) -> None:
    root = _project_with_every_problem(tmp_path)
    in_parallel = partial(bulk_read.read_cases_in_processes, min_files=1, workers=1)

    expected = gather(root, include_drafts=True)
    gathered = gather(root, include_drafts=True, read_cases=in_parallel)

    assert len(expected.problems) > 50
    assert gathered.problems == expected.problems  # the same problems, in the same order
    assert gathered == expected


def test_make_check_prints_the_same_lines_on_the_parallel_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project_with_every_problem(tmp_path)
    code = cli.main(["--racine", str(root), "check"])  # fewer files than MIN_FILES: in turn
    in_turn = capsys.readouterr()

    monkeypatch.setattr(bulk_read, "MIN_FILES", 1)
    monkeypatch.setattr(bulk_read, "CHUNK_FILES", 7)
    monkeypatch.setattr(bulk_read, "available_cores", lambda: 2)
    assert cli.main(["--racine", str(root), "check"]) == code == 1
    in_parallel = capsys.readouterr()

    assert in_parallel.err == in_turn.err
    assert in_parallel.out == in_turn.out


@pytest.mark.parametrize("count", [0, 1, 6, 7, 8, 50])
def test_results_keep_the_order_of_the_files(count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_read, "CHUNK_FILES", 7)
    files = [(f"cases/cas-{index}.yaml", b"x" * index) for index in range(count)]

    read = bulk_read.read_cases_in_processes(_labelled, files, min_files=0, workers=1)

    assert [checked.path for _, checked in read] == [path for path, _ in files]
    assert read == read_in_turn(_labelled, files)


def test_few_files_or_a_single_core_are_read_in_this_process() -> None:
    files = [("cases/a.yaml", b"id: a\n"), ("cases/b.yaml", b"id: b\n")]
    expected = read_in_turn(read_case, files)

    assert bulk_read.read_cases_in_processes(read_case, files, min_files=3, workers=4) == expected
    assert bulk_read.read_cases_in_processes(read_case, files, min_files=0, workers=0) == expected


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_restored_after_the_pause(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with bulk_read.collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
