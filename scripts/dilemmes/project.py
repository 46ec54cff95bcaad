"""Gather a project folder into a corpus: every file read, checked and cross-checked.

This is the only module of the core that reads files. It never writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import addresses, fields, model
from .anonymity import personal_data_problems
from .load import Map, load_yaml
from .parcours import gather_parcours, publishable
from .problems import Problem
from .references import check_references
from .validate import Checked, check_tree

CASES_DIR = "cases"
SOURCES_FILE = "cases/_sources.yaml"
THEMES_DIR = "docs/themes"
PISTES_DIR = "docs/pistes"


# One vignette file read: its ``Case`` when valid on its own, and what was checked.
CaseRead = tuple[model.Case | None, Checked]
CaseReader = Callable[[str, bytes], CaseRead]
# Every vignette file's path and bytes, to their ``CaseRead`` in the same order.
CasesReader = Callable[[CaseReader, Sequence[tuple[str, bytes]]], list[CaseRead]]


@dataclass
class Gathered:
    """A whole project: its corpus, the checked files behind it, and every problem."""

    corpus: model.Corpus
    problems: list[Problem]
    checked: dict[str, Checked] = field(default_factory=dict)
    drafts: tuple[str, ...] = ()


def read_case(path: str, data: bytes) -> CaseRead:
    """One vignette file: its ``Case`` when it is valid on its own, and what was checked."""
    loaded = load_yaml(path, data)
    if loaded.root is None or loaded.problems:
        return None, Checked(path, problems=loaded.problems)
    checked = check_tree(path, loaded.root, fields.VIGNETTE)
    _check_file_name(path, loaded.root, checked)
    checked.problems.extend(personal_data_problems(checked, loaded.source))
    if checked.problems:
        return None, checked
    return model.case_from_values(path, checked.values), checked


def _check_file_name(path: str, root: Any, checked: Checked) -> None:
    stem = Path(path).stem
    case_id = checked.values.get("id")
    valid = isinstance(case_id, str) and fields.SLUG.fullmatch(case_id)
    if valid and case_id != stem and isinstance(root, Map):
        line = root.entries["id"].value.line
        checked.problems.append(
            Problem(
                path,
                line,
                "identifiant-fichier",
                f"« id » vaut « {case_id} » mais le fichier s'appelle {Path(path).name} ; "
                f"renommez le fichier en {case_id}.yaml ou corrigez « id »",
            )
        )


def split_front_matter(path: str, text: str) -> tuple[str | None, str, list[Problem]]:
    """Front matter and body of a hand-written page; lines stay countable."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return (
            None,
            text,
            [
                Problem(
                    path,
                    1,
                    "front-matter-manquant",
                    "la page doit commencer par « --- », puis « titre: … » et "
                    "« resume: … », puis « --- »",
                )
            ],
        )
    for index, line in enumerate(lines[1:], 1):
        if line.rstrip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), []
    return (
        None,
        text,
        [
            Problem(
                path,
                1,
                "front-matter-manquant",
                "le front matter ouvert par « --- » à la ligne 1 n'est jamais "
                "fermé par une ligne « --- »",
            )
        ],
    )


def read_page(path: str, data: bytes, spec: fields.Field) -> tuple[dict[str, Any], str, Checked]:
    """A theme or guidance page: front-matter values, Markdown body, what was checked."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    front, body, problems = split_front_matter(path, text)
    if front is None:
        return {}, body, Checked(path, problems=problems)
    loaded = load_yaml(path, front.encode("utf-8"))
    shifted = [replace(p, line=p.line + 1) for p in loaded.problems]
    if loaded.root is None or shifted:
        return {}, body, Checked(path, problems=shifted)
    checked = check_tree(path, _shift(loaded.root), spec)
    return checked.values, body, checked


def _shift(node: Any) -> Any:
    """Front-matter lines count from the opening ``---``."""
    from .load import Entry, Scalar, Seq

    if isinstance(node, Map):
        return Map(
            {k: Entry(e.key, e.key_line + 1, _shift(e.value)) for k, e in node.entries.items()},
            node.line + 1,
        )
    if isinstance(node, Seq):
        return Seq(tuple(_shift(item) for item in node.items), node.line + 1)
    assert isinstance(node, Scalar)
    return replace(node, line=node.line + 1)


def read_sources(path: str, data: bytes) -> tuple[list[model.Study], Checked]:
    """``cases/_sources.yaml``: a mapping from study id to its description."""
    loaded = load_yaml(path, data)
    checked = Checked(path, problems=list(loaded.problems))
    if loaded.root is None or loaded.problems:
        return [], checked
    if not isinstance(loaded.root, Map):
        checked.problems.append(
            Problem(
                path,
                loaded.root.line,
                "racine-non-objet",
                "le registre des sources associe un identifiant d'étude à sa description",
            )
        )
        return [], checked
    studies = []
    for study_id, entry in loaded.root.entries.items():
        if not fields.SLUG.fullmatch(study_id):
            checked.problems.append(
                Problem(
                    path,
                    entry.key_line,
                    "identifiant-invalide",
                    f"identifiant d'étude « {study_id} » invalide ; "
                    "minuscules, chiffres et traits d'union",
                )
            )
            continue
        one = check_tree(path, entry.value, fields.SOURCE)
        checked.problems.extend(one.problems)
        if not one.problems:
            studies.append(model.Study(id=study_id, **one.values))  # type: ignore[arg-type]
    return studies, checked


def read_in_turn(case_reader: CaseReader, files: Sequence[tuple[str, bytes]]) -> list[CaseRead]:
    """Each vignette in turn, in the order given (``gather``'s default ``read_cases``)."""
    return [case_reader(path, data) for path, data in files]


Reader = Callable[[Path], bytes]


def _files(root: Path, folder: str, suffix: str) -> Iterable[Path]:
    base = root / folder
    if not base.is_dir():
        return []
    found = (p for p in base.glob(f"*{suffix}") if p.is_file() and not p.name.startswith("_"))
    return sorted(found, key=lambda p: p.name)  # by name: comparing Paths costs more


def gather(
    root: Path,
    include_drafts: bool = False,
    read: Reader = Path.read_bytes,
    case_reader: CaseReader = read_case,
    read_cases: CasesReader = read_in_turn,
) -> Gathered:
    """Read, check and cross-check a project; the corpus holds only valid files.

    ``case_reader`` turns one vignette's bytes into its ``CaseRead`` (``read_case``, or a
    ``CaseCache`` that skips files whose bytes did not change). ``read_cases`` applies it
    to every vignette file, in order (``read_in_turn``, or the command line's
    ``bulk_read.read_cases_in_processes``).
    """
    problems: list[Problem] = []
    checked: dict[str, Checked] = {}
    themes, pistes = (
        _read_registry(root, THEMES_DIR, fields.THEME, problems, checked),
        _read_registry(root, PISTES_DIR, fields.PISTE, problems, checked),
    )
    studies: list[model.Study] = []
    if (root / SOURCES_FILE).is_file():
        studies, source_check = read_sources(SOURCES_FILE, read(root / SOURCES_FILE))
        problems.extend(source_check.problems)
    else:
        problems.append(
            Problem(
                SOURCES_FILE,
                1,
                "fichier-manquant",
                "registre des études absent ; créez cases/_sources.yaml",
            )
        )
    cases: list[model.Case] = []
    files = [
        (file.relative_to(root).as_posix(), read(file)) for file in _files(root, CASES_DIR, ".yaml")
    ]
    for (path, _), (case, one) in zip(files, read_cases(case_reader, files), strict=True):
        checked[path] = one
        problems.extend(one.problems)
        if case is not None:
            cases.append(case)
    problems.extend(
        check_references(
            [c for p, c in checked.items() if p.startswith(CASES_DIR + "/")],
            themes={t.id for t in themes},
            pistes={p.id for p in pistes},
            studies={s.id for s in studies},
        )
    )
    problems.extend(_registry_references(checked, {t.id for t in themes}))
    broken = {p.path for p in problems}
    kept = [c for c in cases if c.path not in broken]
    drafts = tuple(c.id for c in kept if c.draft)
    if (root / addresses.REGISTRY).is_file():
        known = addresses.known_from(
            checked, drafts, (t.id for t in themes), (p.id for p in pistes)
        )
        problems.extend(
            addresses.check_registry(addresses.REGISTRY, read(root / addresses.REGISTRY), known)
        )
    if not include_drafts:
        kept = [c for c in kept if not c.draft]
    corpus = model.build_corpus(kept, themes, pistes, studies)
    case_checks = [c for p, c in checked.items() if p.startswith(CASES_DIR + "/")]
    found = gather_parcours(root, case_checks, broken, read)
    problems.extend(found.problems)
    checked.update(found.checked)
    corpus = replace(corpus, parcours=publishable(found.parcours, corpus, include_drafts))
    return Gathered(corpus, sorted(set(problems)), checked, drafts)


def _read_registry(
    root: Path,
    folder: str,
    spec: fields.Field,
    problems: list[Problem],
    checked: dict[str, Checked],
) -> list[Any]:
    records: list[Any] = []
    for file in _files(root, folder, ".md"):
        path = file.relative_to(root).as_posix()
        values, body, one = read_page(path, file.read_bytes(), spec)
        checked[path] = one
        problems.extend(one.problems)
        if one.problems:
            continue
        if spec is fields.THEME:
            records.append(model.Theme(id=file.stem, path=path, body=body, **values))
        else:
            values["themes"] = tuple(values["themes"])
            records.append(model.Piste(id=file.stem, path=path, body=body, **values))
    return records


def _registry_references(checked: dict[str, Checked], themes: set[str]) -> list[Problem]:
    from .references import unknown

    problems = []
    for path, one in checked.items():
        if path.startswith(PISTES_DIR):
            for ref in one.references:
                if ref.ref == "theme" and ref.value not in themes:
                    problems.append(unknown(path, ref, themes))
    return problems


def theme_titles(root: Path) -> dict[str, str]:
    """Each theme id (its file name) with its title, for ``make new``; a page whose front
    matter is broken still lists its id (``make check`` reports the page)."""
    titles = {}
    for file in _files(root, THEMES_DIR, ".md"):
        values, _, _ = read_page(file.name, file.read_bytes(), fields.THEME)
        titles[file.stem] = str(values.get("titre", file.stem))
    return titles


def study_ids(root: Path) -> list[str]:
    """The ids of ``cases/_sources.yaml``, valid or not, for the scaffold's comment."""
    path = root / SOURCES_FILE
    if not path.is_file():
        return []
    loaded = load_yaml(SOURCES_FILE, path.read_bytes())
    if not isinstance(loaded.root, Map):
        return []
    return sorted(key for key in loaded.root.entries if fields.SLUG.fullmatch(key))
