"""Cross-file rules: references that exist, ids and aliases used once across files."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from .problems import Problem
from .validate import Checked, Reference, suggestion

_WHAT = {
    "theme": ("theme-inconnu", "thème inconnu", "thèmes connus"),
    "piste": ("piste-inconnue", "piste inconnue", "pistes connues"),
    "cas": ("cas-inconnu", "cas inconnu", "cas connus"),
    "etude": ("etude-inconnue", "étude inconnue", "études connues"),
}
_LISTED = 6


def unknown(path: str, ref: Reference, known: Collection[str]) -> Problem:
    """``thème inconnu « x » ; vouliez-vous dire « y » ? ; thèmes connus : …``."""
    code, label, known_label = _WHAT[ref.ref]
    ordered = sorted(known)
    listed = ", ".join(ordered[:_LISTED]) + (", …" if len(ordered) > _LISTED else "")
    return Problem(
        path,
        ref.line,
        code,
        f"{label} « {ref.value} »{suggestion(ref.value, ordered)} ; "
        f"{known_label} : {listed or 'aucun'}",
    )


def check_references(
    cases: Iterable[Checked],
    themes: Collection[str],
    pistes: Collection[str],
    studies: Collection[str],
) -> list[Problem]:
    """Every reference of every case resolves; ids and aliases are unique."""
    cases = list(cases)
    owners = _owners(cases)
    problems = _duplicates(owners)
    case_ids = {name for name, places in owners.items() if places[0][2] == "id"}
    known = {"theme": themes, "piste": pistes, "etude": studies, "cas": case_ids}
    for checked in cases:
        own_id = checked.values.get("id")
        for ref in checked.references:
            if ref.ref == "cas" and ref.value == own_id:
                problems.append(
                    Problem(
                        checked.path,
                        ref.line,
                        "cas-inconnu",
                        f"« {ref.key} » : un cas ne peut pas être lié à lui-même",
                    )
                )
            elif ref.ref in known and ref.value not in known[ref.ref]:
                problems.append(unknown(checked.path, ref, known[ref.ref]))
    return problems


def _owners(cases: list[Checked]) -> dict[str, list[tuple[str, int, str]]]:
    """Each id or alias with the places that claim it: (path, line, "id" or "alias")."""
    owners: dict[str, list[tuple[str, int, str]]] = {}
    for checked in cases:
        case_id = checked.values.get("id")
        if isinstance(case_id, str):
            owners.setdefault(case_id, []).append((checked.path, _id_line(checked), "id"))
    for checked in cases:
        for ref in checked.references:
            if ref.ref == "alias":
                owners.setdefault(ref.value, []).append((checked.path, ref.line, "alias"))
    return owners


def _id_line(checked: Checked) -> int:
    return checked.lines.get("id", 1)


def _duplicates(owners: dict[str, list[tuple[str, int, str]]]) -> list[Problem]:
    problems = []
    for name, places in owners.items():
        if len(places) < 2:
            continue
        for path, line, role in places:
            others = ", ".join(f"{p}:{n}" for p, n, _ in places if (p, n) != (path, line))
            what = "identifiant" if role == "id" else "alias"
            problems.append(
                Problem(
                    path,
                    line,
                    "identifiant-duplique",
                    f"{what} « {name} » déjà utilisé ({others}) ; chaque "
                    "identifiant et chaque alias ne sert qu'une fois",
                )
            )
    return problems
