"""The vignette format as a JSON Schema, derived from ``fields.VIGNETTE`` for editors.

An editor that knows the schema (any editor built on yaml-language-server) completes keys,
shows the French help of each key and underlines what ``make check`` would refuse. It is a
help, not the check: cross-references, Markdown rules and YAML 1.1's implicit conversions
stay with ``make check``. ``schema/vignette.schema.json`` is a committed copy that works
offline; the site publishes the same text at ``donnees/vignette.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from .fields import SLUG, VIGNETTE, Field

DRAFT = "http://json-schema.org/draft-07/schema#"
PUBLISHED_URI = "donnees/vignette.schema.json"
COMMITTED_PATH = "schema/vignette.schema.json"

# Texts that ``make check`` wants on one line (``texte``, ``markdown-ligne``, …): no line
# break inside, once the line breaks at either end are stripped (``>`` leaves one at the
# end), and at least one visible character.
_ONE_LINE = r"^\n*[^\n]*\S[^\n]*\n*$"
_NOT_BLANK = r"\S"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def vignette_schema() -> dict[str, Any]:
    """The JSON Schema (draft 7) of a vignette, descriptions and examples in French."""
    schema = {
        "$schema": DRAFT,
        "title": "Vignette de « Dilemmes au travail »",
        **_schema(VIGNETTE),
    }
    return schema


def schema_json() -> str:
    """The schema as the text that is committed and published (stable, UTF-8, indented)."""
    return json.dumps(vignette_schema(), ensure_ascii=False, indent=2) + "\n"


def _schema(field: Field) -> dict[str, Any]:
    # An editor's hover shows the title as a heading: the key the researcher is on.
    schema: dict[str, Any] = {"title": field.key} if field.key else {}
    schema["description"] = _description(field)
    schema.update(_KINDS[field.kind](field))
    if field.default is not None:
        schema["default"] = field.default
    example = _example(field)
    if example is not None:
        schema["examples"] = [example]
    return schema


def _description(field: Field) -> str:
    text = field.description
    if field.required and field.key:
        return f"Obligatoire. {text[0].upper()}{text[1:]}"
    return text[0].upper() + text[1:]


def _string(pattern: str, message: str, field: Field) -> dict[str, Any]:
    # ``patternErrorMessage`` is an editor extension (VS Code, yaml-language-server) that
    # replaces "does not match the pattern ^…$" by a sentence; validators ignore it.
    schema: dict[str, Any] = {"type": "string", "pattern": pattern, "patternErrorMessage": message}
    if field.max_length is not None:
        schema["maxLength"] = field.max_length
    return schema


def _identifier(field: Field) -> dict[str, Any]:
    return _string(
        f"^{SLUG.pattern}$",
        "un identifiant s'écrit en minuscules sans accents, chiffres et traits d'union "
        "(par exemple « vente-des-le-premier-appel »)",
        field,
    )


def _one_line(field: Field) -> dict[str, Any]:
    return _string(
        _ONE_LINE,
        "un texte non vide, sur une seule ligne ; pour un texte long, écrivez « >- » puis "
        "le texte sur les lignes suivantes, indenté",
        field,
    )


def _markdown(field: Field) -> dict[str, Any]:
    return _string(_NOT_BLANK, "ce texte est vide", field)


def _date(field: Field) -> dict[str, Any]:
    # An unquoted 2026-11-20 is a YAML date for PyYAML and a string for editors (YAML 1.2):
    # both are accepted by ``make check``; the schema describes the text.
    schema = _string(_DATE, "une date s'écrit AAAA-MM-JJ, par exemple 2026-11-20", field)
    return {**schema, "format": "date"}


def _number(field: Field) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "integer", "minimum": 1}
    if field.maximum is not None:
        schema["maximum"] = field.maximum
    return schema


def _choice(field: Field) -> dict[str, Any]:
    return {"type": "string", "enum": list(field.choices)}


def _list(field: Field) -> dict[str, Any]:
    assert field.item is not None
    schema: dict[str, Any] = {"type": "array", "items": _schema(field.item)}
    if field.min_items:
        schema["minItems"] = field.min_items
    return schema


def _object(field: Field) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {child.key: _schema(child) for child in field.fields},
        "additionalProperties": False,
    }
    required = [child.key for child in field.fields if child.required]
    if required:
        schema["required"] = required
    return schema


_KINDS = {
    "identifiant": _identifier,
    "texte": _one_line,
    "markdown-ligne": _one_line,
    "markdown": _markdown,
    "date": _date,
    "nombre": _number,
    "choix": _choice,
    "liste": _list,
    "objet": _object,
}


def _example(field: Field) -> object:
    """The field's own example; an object without one is shown by its children's."""
    if field.example is not None:
        return field.example
    if field.kind == "objet":
        parts = {child.key: _example(child) for child in field.fields}
        examples = {key: value for key, value in parts.items() if value is not None}
        return examples or None
    return None
