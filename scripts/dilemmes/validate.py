"""Validate: one loaded file against a ``Field`` tree, to plain values and problems.

Nothing here raises on bad content: every rule that fails adds a ``Problem`` and the
walk goes on, so that a researcher sees every problem of every file in one run.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from . import markup
from .fields import PLACEHOLDER, SLUG, Field
from .load import Map, Node, Scalar, Seq
from .problems import Problem

_KIND_NAMES = {
    "str": "un texte",
    "bool": "un booléen (vrai/faux)",
    "int": "un nombre entier",
    "float": "un nombre",
    "null": "une valeur vide",
    "timestamp": "une date",
}
_DIGITS = re.compile(r"[0-9]+")
_TEXT_KINDS = ("texte", "markdown", "markdown-ligne", "identifiant", "choix")


@dataclass(frozen=True)
class Reference:
    """A value that names another thing of the corpus (a theme, a case, …)."""

    ref: str
    value: str
    line: int
    key: str


@dataclass(frozen=True)
class TextField:
    """A text value as found in the file, for the personal-data check."""

    key: str
    scalar: Scalar


@dataclass
class Checked:
    """What one file's validation gives: values, references, texts and problems."""

    path: str
    values: dict[str, object] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    texts: list[TextField] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def closest(word: str, candidates: list[str] | tuple[str, ...]) -> str | None:
    """The known name nearest to a typo, if one is near enough."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def suggestion(word: str, candidates: list[str] | tuple[str, ...]) -> str:
    near = closest(word, candidates)
    return f" ; vouliez-vous dire « {near} » ?" if near else ""


class _Walker:
    def __init__(self, checked: Checked) -> None:
        self.checked = checked

    def problem(self, line: int, code: str, message: str) -> None:
        self.checked.problems.append(Problem(self.checked.path, line, code, message))

    def walk(self, node: Node, spec: Field, name: str) -> object:
        if spec.kind == "objet":
            return self._object(node, spec, name)
        if spec.kind == "liste":
            return self._list(node, spec, name)
        return self._scalar(node, spec, name)

    def _object(self, node: Node, spec: Field, name: str) -> dict[str, object] | None:
        if not isinstance(node, Map):
            self.problem(
                node.line,
                "type-invalide",
                f"« {name} » attend des clés ({', '.join(f.key for f in spec.fields)}),"
                f" pas {_describe(node)}",
            )
            return None
        values: dict[str, object] = {}
        children = {f.key: f for f in spec.fields}
        known = tuple(children)
        for key, entry in node.entries.items():
            child = children.get(key)
            if child is None:
                hint = suggestion(key, known) or f" ; clés permises : {', '.join(known)}"
                self.problem(entry.key_line, "cle-inconnue", f"clé inconnue « {key} »{hint}")
                continue
            value = self.walk(entry.value, child, _join(name, key))
            if value is not None:
                values[key] = value
        for child in spec.fields:
            if child.required and child.key not in node.entries:
                self.problem(
                    node.line,
                    "cle-manquante",
                    f"clé « {_join(name, child.key)} » manquante : {child.description}",
                )
        return values

    def _list(self, node: Node, spec: Field, name: str) -> list[object] | None:
        assert spec.item is not None
        if not isinstance(node, Seq):
            hint = ""
            if isinstance(node, Scalar) and spec.item.kind != "objet":
                hint = f" ; écrivez par exemple « {name.rsplit('.', 1)[-1]}: [{node.text}] »"
            self.problem(
                node.line,
                "type-invalide",
                f"« {name} » attend une liste, pas {_describe(node)}{hint}",
            )
            return None
        values = []
        for index, item in enumerate(node.items, 1):
            value = self.walk(item, spec.item, f"{name}[{index}]")
            if value is not None:
                values.append(value)
        if len(node.items) < spec.min_items:
            self.problem(
                node.line,
                "liste-trop-courte",
                f"« {name} » compte {len(node.items)} élément(s) ; il en faut au moins "
                f"{spec.min_items}",
            )
        return values

    def _scalar(self, node: Node, spec: Field, name: str) -> object:
        if not isinstance(node, Scalar):
            self.problem(
                node.line,
                "type-invalide",
                f"« {name} » attend {_expected(spec)}, pas {_describe(node)}",
            )
            return None
        self.checked.lines[name] = node.line
        if PLACEHOLDER in node.text:
            self.problem(
                node.line, "a-remplir", f"« {name} » est encore à remplir : {spec.description}"
            )
            return None
        if spec.kind == "nombre":
            return self._number(node, spec, name)
        if spec.kind == "date":
            return self._date(node, name)
        if node.tag != "str":
            self._conversion(node, spec, name)
            return None
        text = node.text
        if node.trailing_comment and spec.kind in ("texte", "markdown-ligne"):
            self.problem(
                node.line,
                "commentaire-inattendu",
                f"« {node.trailing_comment} » est lu comme un commentaire et retiré de "
                f"« {name} » ; mettez toute la valeur entre guillemets",
            )
        if not text.strip():
            self.problem(node.line, "valeur-vide", f"« {name} » est vide : {spec.description}")
            return None
        if spec.kind in _TEXT_KINDS and spec.kind != "markdown":
            text = self._one_line(node, spec, name)
        if spec.max_length is not None and len(text) > spec.max_length:
            self.problem(
                node.line,
                "texte-trop-long",
                f"« {name} » compte {len(text)} caractères ; {spec.max_length} au plus",
            )
        if spec.kind == "identifiant":
            self._identifier(node, spec, name)
        elif spec.kind == "choix" and text not in spec.choices:
            self.problem(
                node.line,
                "valeur-invalide",
                f"« {name} » vaut « {text} »{suggestion(text, spec.choices)} ; valeurs "
                f"permises : {', '.join(spec.choices)}",
            )
        elif spec.kind in ("markdown", "markdown-ligne"):
            self._markdown(node, name)
        if spec.kind in ("texte", "markdown", "markdown-ligne"):
            self.checked.texts.append(TextField(name, node))
        return text

    def _one_line(self, node: Scalar, spec: Field, name: str) -> str:
        text = node.text.strip("\n") if not node.plain else node.text
        if "\n" in text:
            self.problem(
                node.line,
                "texte-multiligne",
                f"« {name} » tient sur une ligne ; pour un texte long, écrivez "
                f"« {name.rsplit('.', 1)[-1]}: >- » puis le texte indenté",
            )
        return text.replace("\n", " ")

    def _identifier(self, node: Scalar, spec: Field, name: str) -> None:
        if not SLUG.fullmatch(node.text):
            self.problem(
                node.line,
                "identifiant-invalide",
                f"« {name} » vaut « {node.text} » ; un identifiant s'écrit en "
                "minuscules sans accents, chiffres et traits d'union "
                "(par exemple « vente-des-le-premier-appel »)",
            )
        elif spec.ref:
            self.checked.references.append(Reference(spec.ref, node.text, node.line, name))

    def _markdown(self, node: Scalar, name: str) -> None:
        base = node.line + (0 if node.plain else 1)
        for finding in markup.inspect(node.text):
            line = base + finding.offset_line
            if finding.code == "titre-niveau":
                level = (
                    len(finding.detail)
                    if finding.detail.startswith("#")
                    else (1 if finding.detail.startswith("=") else 2)
                )
                self.problem(
                    line,
                    "titre-niveau",
                    f"titre de niveau {level} dans « {name} » : le titre de la page "
                    "occupe les niveaux 1 et 2 ; commencez les titres d'un texte de "
                    "vignette au niveau 3 (« ### »)",
                )
            else:
                self.problem(
                    line,
                    "lien-interdit",
                    f"lien « {finding.detail[:80]} » refusé dans « {name} » : seuls les "
                    "liens http://, https://, mailto: et relatifs sont permis",
                )

    def _date(self, node: Scalar, name: str) -> dt.date | None:
        try:
            if node.tag in ("timestamp", "str") and len(node.text.strip()) == 10:
                return dt.date.fromisoformat(node.text.strip())
        except ValueError:
            pass
        self.problem(
            node.line,
            "date-invalide",
            f"« {name} » vaut « {node.text} » ; une date s'écrit AAAA-MM-JJ, "
            "par exemple 2026-11-20",
        )
        return None

    def _number(self, node: Scalar, spec: Field, name: str) -> int | None:
        # Whole decimal digits only: YAML 1.1 also reads « 1:30 » (90), « 0x2D » and
        # « 1_000 » as integers, which nobody means for a number of minutes.
        text = node.text.strip()
        if node.tag == "null" or not text:
            self.problem(node.line, "valeur-vide", f"« {name} » est vide : {spec.description}")
            return None
        if not _DIGITS.fullmatch(text):
            self.problem(
                node.line,
                "nombre-invalide",
                f"« {name} » vaut « {text} » ; attendu : {spec.description}",
            )
            return None
        value = int(text)
        if value < 1 or (spec.maximum is not None and value > spec.maximum):
            allowed = f"de 1 à {spec.maximum}" if spec.maximum is not None else "1 ou plus"
            self.problem(
                node.line, "nombre-invalide", f"« {name} » vaut {value} ; permis : {allowed}"
            )
            return None
        return value

    def _conversion(self, node: Scalar, spec: Field, name: str) -> None:
        if node.tag == "null":
            self.problem(node.line, "valeur-vide", f"« {name} » est vide : {spec.description}")
            return
        self.problem(
            node.line,
            "conversion-implicite",
            f"« {node.text} » serait lu par YAML comme {_kind_name(node.tag)}, pas "
            f'comme un texte ; mettez-le entre guillemets : "{node.text}"',
        )


def _kind_name(tag: str) -> str:
    # YAML 1.1 also resolves "=" (value) and "<<" (merge): rare, but never a KeyError.
    return _KIND_NAMES.get(tag, f"une valeur spéciale (« {tag} »)")


def _join(name: str, key: str) -> str:
    return f"{name}.{key}" if name else key


def _describe(node: Node) -> str:
    if isinstance(node, Map):
        return "des clés"
    if isinstance(node, Seq):
        return "une liste"
    return _kind_name(node.tag)


def _expected(spec: Field) -> str:
    return {
        "date": "une date",
        "nombre": "un nombre entier",
        "choix": "une valeur parmi " + ", ".join(spec.choices),
    }.get(spec.kind, "un texte")


def check_tree(path: str, root: Node, spec: Field) -> Checked:
    """Walk ``root`` against ``spec``: values, references, texts and problems."""
    checked = Checked(path)
    values = _Walker(checked).walk(root, spec, "")
    if isinstance(values, dict):
        checked.values = values
    elif not isinstance(root, Map):
        checked.problems[:] = [
            Problem(
                path,
                root.line,
                "racine-non-objet",
                "le fichier doit commencer par des clés (« id: … », "
                "« titre: … ») et non par une liste ou un texte",
            )
        ]
    return checked
