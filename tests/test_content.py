"""The shipped content: every case and registry passes the check, and the site builds."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, mkdocs_build, read_html
from dilemmes.project import gather


def test_shipped_cases_pass_check() -> None:
    gathered = gather(REPO, include_drafts=True)
    assert [str(p) for p in gathered.problems] == []
    assert len(gathered.corpus.cases) >= 1


def test_shipped_site_builds_strict(tmp_path: Path) -> None:
    root = tmp_path / "depot"
    root.mkdir()
    for name in ("mkdocs.yml", "overrides", "docs", "cases"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    gathered = gather(REPO)
    for case in gathered.corpus.cases.values():
        page = read_html(root / "site" / "cas" / case.id / "index.html")
        assert page.select_one("h1") is not None
