"""Training paths: ``cases/_parcours/<id>.yaml`` read, checked against the cases, and kept.

A path names cases by id, so it is checked once every case has been read: an unknown
case gets a suggestion, a draft case in a published path is refused, and the question
numbers a step singles out must exist in its case. Rules that span keys read the nodes
(not the values), so that a broken step never shifts the numbering of the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import fields, model
from .anonymity import personal_data_problems
from .load import Map, Node, Scalar, Seq, load_yaml
from .problems import Problem
from .references import unknown
from .validate import Checked, Reference, check_tree

PARCOURS_DIR = fields.PARCOURS_DIR
_DIGITS = re.compile(r"[0-9]+")
_STEP = re.compile(r"etapes\[(\d+)\]")

Steps = dict[int, Map]  # the node of each step, by its number from 1


@dataclass
class Found:
    """Every path file of a project: the valid paths, what was checked, the problems."""

    parcours: list[model.Parcours] = field(default_factory=list)
    checked: dict[str, Checked] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_parcours(path: str, data: bytes) -> tuple[model.Parcours | None, Checked]:
    """One path file on its own: its ``Parcours`` when valid, and what was checked."""
    one, checked, _ = _read(path, data)
    return one, checked


def _read(path: str, data: bytes) -> tuple[model.Parcours | None, Checked, Steps]:
    loaded = load_yaml(path, data)
    if loaded.root is None or loaded.problems:
        return None, Checked(path, problems=loaded.problems), {}
    if not isinstance(loaded.root, Map):
        message = "un parcours commence par des clés (« titre: … », « resume: … »), pas par "
        message += "une liste ou un texte"
        problem = Problem(path, loaded.root.line, "racine-non-objet", message)
        return None, Checked(path, problems=[problem]), {}
    checked = check_tree(path, loaded.root, fields.PARCOURS)
    steps = _steps(loaded.root)
    _check_file_name(path, checked)
    _check_steps(steps, checked)
    _check_total(loaded.root, checked)
    checked.problems.extend(personal_data_problems(checked, loaded.source))
    if checked.problems:
        return None, checked, steps
    return parcours_from_values(path, checked.values), checked, steps


def _problem(checked: Checked, line: int, code: str, message: str) -> None:
    checked.problems.append(Problem(checked.path, line, code, message))


def _text(node: Node) -> str | None:
    return node.text if isinstance(node, Scalar) else None


def _check_file_name(path: str, checked: Checked) -> None:
    stem = Path(path).stem
    if not fields.SLUG.fullmatch(stem) or len(stem) > fields.SLUG_MAX:
        _problem(
            checked,
            1,
            "identifiant-invalide",
            f"le nom du fichier « {Path(path).name} » forme l'adresse parcours/<id>/ ; "
            "renommez-le en minuscules sans accents, chiffres et traits d'union, "
            f"{fields.SLUG_MAX} caractères au plus (par exemple « vente-en-equipe.yaml »)",
        )


def _steps(root: Map) -> Steps:
    entry = root.entries.get("etapes")
    if entry is None or not isinstance(entry.value, Seq):
        return {}
    return {i: item for i, item in enumerate(entry.value.items, 1) if isinstance(item, Map)}


def _check_steps(steps: Steps, checked: Checked) -> None:
    """A case or a title, questions only with a case, and each case used once."""
    seen: dict[str, int] = {}
    for index, step in steps.items():
        name = f"etapes[{index}]"
        entries = step.entries
        if "cas" not in entries and "titre" not in entries:
            _problem(
                checked,
                step.line,
                "etape-incomplete",
                f"l'étape « {name} » n'a ni « cas » ni « titre » : écrivez « cas: <id> » "
                "pour discuter un cas, ou « titre: … » pour une activité sans cas",
            )
        elif "cas" in entries and "titre" in entries:
            _problem(
                checked,
                entries["titre"].key_line,
                "etape-incomplete",
                f"l'étape « {name} » a un « cas » et un « titre » : une étape de cas prend "
                "le titre du cas ; retirez « titre » ou faites-en une étape à part",
            )
        if "questions" in entries and "cas" not in entries:
            _problem(
                checked,
                entries["questions"].key_line,
                "questions-sans-cas",
                f"« {name}.questions » choisit des questions d'un cas, mais l'étape n'a pas "
                "de « cas »",
            )
        case_id = _text(entries["cas"].value) if "cas" in entries else None
        if case_id is None or not fields.SLUG.fullmatch(case_id):
            continue
        if case_id in seen:
            _problem(
                checked,
                entries["cas"].value.line,
                "cas-repete",
                f"le cas « {case_id} » figure déjà à l'étape {seen[case_id]} ; un cas ne "
                "sert qu'une fois par parcours",
            )
        seen.setdefault(case_id, index)


def _check_total(root: Map, checked: Checked) -> None:
    """The durations of the steps add up to ``duree`` (a problem, not a warning: the
    person who leads the session keeps time by the plan)."""
    total = checked.values.get("duree")
    entry = root.entries.get("etapes")
    if not isinstance(total, int) or entry is None or not isinstance(entry.value, Seq):
        return
    steps = checked.values.get("etapes")
    durations = [s.get("duree") for s in steps] if isinstance(steps, list) else []
    # Only when every step has a valid duration: otherwise the sum would mislead.
    if not durations or len(durations) != len(entry.value.items):
        return
    if not all(isinstance(d, int) for d in durations):
        return
    added = sum(durations)
    if added != total:
        terms = " + ".join(str(d) for d in durations)
        _problem(
            checked,
            root.entries["duree"].value.line,
            "duree-incoherente",
            f"« duree » vaut {total} minutes, mais les étapes totalisent {added} minutes "
            f"({terms}) ; corrigez « duree » ou la durée d'une étape",
        )


def parcours_from_values(path: str, values: dict[str, Any]) -> model.Parcours:
    """A ``Parcours`` from values that passed validation."""
    steps = tuple(
        model.Etape(
            duree=step["duree"],
            consignes=step["consignes"],
            cas=step.get("cas", ""),
            titre=step.get("titre", ""),
            questions=tuple(sorted(set(step.get("questions", ())))),
        )
        for step in values["etapes"]
    )
    return model.Parcours(
        id=Path(path).stem,
        path=path,
        titre=values["titre"],
        resume=values["resume"],
        public=values["public"],
        duree=values["duree"],
        objectifs=tuple(values["objectifs"]),
        etapes=steps,
        statut=values.get("statut", "publie"),
        materiel=tuple(values.get("materiel", ())),
        preparation=values.get("preparation", ""),
        conclusion=values.get("conclusion", ""),
    )


@dataclass(frozen=True)
class CaseFacts:
    """What a path needs to know of a case file, valid or not."""

    draft: bool
    questions: int | None  # None when the case file has problems of its own


def case_facts(cases: Iterable[Checked], broken: Collection[str]) -> dict[str, CaseFacts]:
    """Every case id of the checked case files, drafts and question counts."""
    facts = {}
    for one in cases:
        case_id = one.values.get("id")
        if isinstance(case_id, str):
            questions = one.values.get("questions")
            count = len(questions) if isinstance(questions, list) else 0
            facts[case_id] = CaseFacts(
                draft=one.values.get("statut") == "brouillon",
                questions=None if one.path in broken else count,
            )
    return facts


def _aliases(cases: Iterable[Checked]) -> dict[str, str]:
    return {
        ref.value: str(one.values.get("id"))
        for one in cases
        for ref in one.references
        if ref.ref == "alias"
    }


def check_cases(
    checked: Checked, steps: Steps, facts: dict[str, CaseFacts], aliases: dict[str, str]
) -> list[Problem]:
    """Each case a path names exists, is published when the path is, and has the
    questions the path singles out."""
    problems = []
    published = checked.values.get("statut", "publie") == "publie"
    for ref in checked.references:
        if ref.ref != "cas":
            continue
        fact = facts.get(ref.value)
        if fact is None and ref.value in aliases:
            problems.append(
                Problem(
                    checked.path,
                    ref.line,
                    "cas-inconnu",
                    f"« {ref.key} » vaut « {ref.value} », un ancien identifiant ; "
                    f"écrivez « {aliases[ref.value]} »",
                )
            )
        elif fact is None:
            problems.append(unknown(checked.path, ref, facts))
        else:
            if fact.draft and published:
                problems.append(_draft_problem(checked.path, ref))
            match = _STEP.match(ref.key)
            step = steps.get(int(match[1])) if match else None
            problems.extend(_question_problems(checked.path, ref, fact, step))
    return problems


def _draft_problem(path: str, ref: Reference) -> Problem:
    return Problem(
        path,
        ref.line,
        "cas-brouillon",
        f"le cas « {ref.value} » est un brouillon ; un parcours publié ne cite que des cas "
        "publiés : publiez le cas, ou écrivez « statut: brouillon » dans le parcours",
    )


def _question_problems(
    path: str, ref: Reference, fact: CaseFacts, step: Map | None
) -> list[Problem]:
    entry = step.entries.get("questions") if step is not None else None
    if fact.questions is None or entry is None or not isinstance(entry.value, Seq):
        return []
    name = ref.key.rsplit(".", 1)[0] + ".questions"
    problems = []
    for item in entry.value.items:
        text = _text(item)
        # A number that is not a whole number from 1 already has its own problem.
        if text is not None and _DIGITS.fullmatch(text) and int(text) > fact.questions:
            problems.append(
                Problem(
                    path,
                    item.line,
                    "question-inconnue",
                    f"« {name} » cite la question {int(text)}, mais le cas "
                    f"« {ref.value} » n'en compte que {fact.questions}",
                )
            )
    return problems


def _path_files(root: Path) -> list[Path]:
    base = root / PARCOURS_DIR
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if p.is_file() and not p.name.startswith("_"))


def _wrong_extension(path: str, file: Path) -> Problem:
    return Problem(
        path,
        1,
        "fichier-ignore",
        f"un parcours s'écrit dans un fichier .yaml ; renommez-le en {file.stem}.yaml",
    )


def gather_parcours(
    root: Path,
    cases: list[Checked],
    broken: Collection[str],
    read: Callable[[Path], bytes],
) -> Found:
    """Read and check every path of ``cases/_parcours/`` against the checked cases."""
    found = Found()
    facts, aliases = case_facts(cases, broken), _aliases(cases)
    for file in _path_files(root):
        path = file.relative_to(root).as_posix()
        if file.suffix == ".yml":
            found.problems.append(_wrong_extension(path, file))
        if file.suffix != ".yaml":
            continue
        one_path, one, steps = _read(path, read(file))
        one.problems.extend(check_cases(one, steps, facts, aliases))
        found.checked[path] = one
        found.problems.extend(one.problems)
        if one_path is not None and not one.problems:
            found.parcours.append(one_path)
    return found


def publishable(
    paths: Iterable[model.Parcours], corpus: model.Corpus, include_drafts: bool
) -> dict[str, model.Parcours]:
    """The paths a site shows: drafts only in preview, and only paths whose every case
    is on the site (a case with problems drops the paths that use it)."""
    kept = {}
    for one in sorted(paths, key=lambda p: (p.titre.casefold(), p.id)):
        if one.draft and not include_drafts:
            continue
        if all(step.cas in corpus.cases for step in one.etapes if step.cas):
            kept[one.id] = one
    return kept
