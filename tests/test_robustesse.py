"""Nothing is lost and nothing runs away: writes stay in site/, resources stay bounded."""

from __future__ import annotations

import hashlib
import time
import tracemalloc
from pathlib import Path

from conftest import FIXTURES, copy_project, mkdocs_build, read_html
from dilemmes.load import load_yaml
from dilemmes.project import gather, read_case
from dilemmes.render import render_case


def _snapshot(root: Path) -> dict[str, str]:
    """Every file outside site/ and caches, with the hash of its bytes."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and path.relative_to(root).parts[0] not in ("site",)
        and "__pycache__" not in path.parts
    }


def test_a_build_writes_only_into_site(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    before = _snapshot(root)
    assert mkdocs_build(root).returncode == 0
    assert _snapshot(root) == before
    assert (root / "site" / "index.html").is_file()


def test_a_failed_build_leaves_cases_and_docs_untouched(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    case = root / "cases" / "erreurs-de-saisie.yaml"
    case.write_text(case.read_text("utf-8") + "inconnue: oui\n", "utf-8")
    before = _snapshot(root)
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert "cases/erreurs-de-saisie.yaml:" in result.stderr
    assert "Traceback" not in result.stderr
    assert _snapshot(root) == before


def test_paths_from_contributor_text_never_leave_their_folder(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    case = root / "cases" / "erreurs-de-saisie.yaml"
    case.write_text(case.read_text("utf-8") + "alias: [../../evasion, '..', 'a/b']\n", "utf-8")
    gathered = gather(root)
    assert [p.code for p in gathered.problems if p.path == "cases/erreurs-de-saisie.yaml"] == [
        "identifiant-invalide"
    ] * 3
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert not (root / "evasion").exists() and not (tmp_path / "evasion").exists()


def test_billion_laughs_is_refused_fast_without_memory_growth() -> None:
    data = (FIXTURES / "problemes" / "ancres-milliard.yaml").read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    loaded = load_yaml("cases/ancres-milliard.yaml", data)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [p.code for p in loaded.problems] == ["ancre-interdite"]
    assert elapsed < 0.5  # a guard against expansion, not a benchmark (it takes ~1 ms)
    assert peak < 1_000_000


def test_twenty_thousand_nested_brackets_render_quickly(tmp_path: Path) -> None:
    base = (FIXTURES / "projet" / "cases" / "erreurs-de-saisie.yaml").read_text("utf-8")
    text = base.replace(
        "recit: |\n  L'agent traite des réclamations.",
        "recit: |\n  " + "[" * 20_000 + "\n\n  L'agent traite des réclamations.",
    )
    corpus = gather(FIXTURES / "projet").corpus
    started = time.perf_counter()
    case, checked = read_case("cases/erreurs-de-saisie.yaml", text.encode())
    assert case is not None, checked.problems
    markdown = render_case(case, corpus)
    assert time.perf_counter() - started < 10  # Python-Markdown alone takes minutes
    assert "[" * 20_000 in markdown

    root = copy_project(tmp_path)
    (root / "cases" / "erreurs-de-saisie.yaml").write_text(text, "utf-8")
    assert mkdocs_build(root).returncode == 0
    recit = read_html(root / "site" / "cas" / "erreurs-de-saisie" / "index.html").select_one(
        ".cas-recit"
    )
    assert recit is not None and "[" * 20_000 in recit.get_text()
