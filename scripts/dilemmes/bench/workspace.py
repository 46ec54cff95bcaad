"""Bench projects on disk: the generated project, and its plain-Markdown twin.

Both live under the bench folder (``.bench/`` by default, ignored by git), never in the
repository's ``cases/`` or ``docs/``.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..pages import build_pages
from ..project import gather
from . import corpus, registries

SEED = 2026


@dataclass(frozen=True)
class BenchProject:
    """A generated project: where it is, how many cases it holds and how many were made."""

    root: Path
    cases: int
    generated: int


def _copy_site_sources(repo: Path, dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in corpus.PROJECT_ENTRIES:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy(source, dest / name)


def _stems(folder: Path, suffix: str) -> list[str]:
    return sorted(p.stem for p in folder.glob(f"*{suffix}") if not p.name.startswith("_"))


def make_project(repo: Path, dest: Path, count: int, seed: int = SEED) -> BenchProject:
    """The repository's site with generated vignettes up to ``count`` cases in all."""
    _copy_site_sources(repo, dest)
    for page, text in {**registries.theme_pages(), **registries.piste_pages()}.items():
        target = dest / page
        if not target.exists():  # the repository's own page of that id stays
            target.write_text(text, encoding="utf-8")
    sources = dest / "cases" / "_sources.yaml"
    sources.write_text(sources.read_text("utf-8").rstrip("\n") + "\n" + registries.STUDY, "utf-8")
    themes = _stems(dest / "docs" / "themes", ".md")
    pistes = _stems(dest / "docs" / "pistes", ".md")
    own = len(_stems(dest / "cases", ".yaml"))
    generated = max(0, count - own)
    for index in range(generated):
        text = corpus.vignette(seed, index, generated, themes, pistes)
        path = dest / "cases" / f"{corpus.case_id(seed, index)}.yaml"
        path.write_text(text, encoding="utf-8")
    return BenchProject(dest, own + generated, generated)


def our_plugins() -> set[str]:
    """Names under which this package registers MkDocs plugins (``dilemmes``, …)."""
    return {
        entry.name
        for entry in metadata.entry_points(group="mkdocs.plugins")
        if entry.value.split(".", 1)[0] == "dilemmes"
    }


def without_plugins(config: str, names: set[str]) -> str:
    """``mkdocs.yml`` text without the ``- name`` entries (and their options) of ``names``."""
    kept: list[str] = []
    skip_deeper_than: int | None = None
    for line in config.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip(" "))
        if skip_deeper_than is not None:
            if not line.strip() or indent > skip_deeper_than:
                continue
            skip_deeper_than = None
        match = re.match(r"^(\s*)- ([\w.-]+):?\s*$", line)
        if match and match.group(2) in names:
            skip_deeper_than = len(match.group(1)) + 1
            continue
        kept.append(line)
    return "".join(kept)


def make_plain(project: Path, dest: Path) -> int:
    """The same pages as plain files for stock MkDocs: same config minus our plugins.

    Returns the number of generated files written. Hand-written pages are copied; every
    page our plugin would generate is written at its source path.
    """
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    config = (project / "mkdocs.yml").read_text("utf-8")
    (dest / "mkdocs.yml").write_text(without_plugins(config, our_plugins()), "utf-8")
    for name in corpus.PROJECT_ENTRIES:
        if name not in ("mkdocs.yml", "cases") and (project / name).is_dir():
            shutil.copytree(project / name, dest / name)
    (dest / "cases").mkdir()  # ``watch: [cases]`` must still name a folder
    pages = build_pages(gather(project).corpus)
    docs = dest / "docs"
    for page in pages.values():
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(page.content, bytes):
            target.write_bytes(page.content)
        else:
            target.write_text(page.content, encoding="utf-8")
    return len(pages)
