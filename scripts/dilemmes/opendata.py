"""Open data: every published case as JSON and as CSV, at stable addresses under ``donnees/``.

A case in ``cas.json`` is written with the keys of its YAML file (``fields.VIGNETTE``), so
each one follows the vignette schema (``donnees/vignette.schema.json``); the file around
them carries a format version and the registries that give ids their titles. ``cas.csv``
is one case per row; its columns are the paths of the same keys (``contexte.fonction``).
Drafts never appear here, even in a preview.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any

from . import fields, render, schema
from .fields import Field
from .model import Case, Corpus

FORMAT = "dilemmes-au-travail/cas"
# Second number: a field added; first number: a field removed or changed in meaning.
VERSION = "1.0"
JSON_URI = "donnees/cas.json"
CSV_URI = "donnees/cas.csv"
SCHEMA_URI = "donnees/cas.schema.json"
VIGNETTE_SCHEMA = PurePosixPath(schema.PUBLISHED_URI).name  # beside cas.json
CASE_ADDRESS = "cas/{id}/"
# Keys of the format that are not published: every published case is « publie », and
# the personal-data check's word list is a tool setting, not part of the case.
UNPUBLISHED = frozenset({"statut", "anonymisation.accepter"})
LIST_SEPARATOR = "\n"
# Spreadsheets run a cell that starts with one of these as a formula (OWASP, « CSV
# injection »); such a cell gets a leading apostrophe, which they show as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def published(corpus: Corpus) -> list[Case]:
    """The published cases, by id (a stable order for diffs between versions)."""
    return sorted((case for case in corpus.cases.values() if not case.draft), key=lambda c: c.id)


def case_record(case: Case) -> dict[str, Any]:
    """A case with the keys and nesting of its YAML file; empty optional keys left out."""
    values: dict[str, Any] = {
        "id": case.id,
        "titre": case.titre,
        "resume": case.resume,
        "contexte": dict(case.contexte),
        "themes": list(case.themes),
        "recit": case.recit,
        "dilemme": {
            "question": case.question,
            "options": [{"choix": o.choix, "consequences": o.consequences} for o in case.options],
        },
        "questions": list(case.questions),
        "pistes": list(case.pistes),
        "cas_lies": list(case.cas_lies),
        "animation": case.animation,
        "mots_cles": list(case.mots_cles),
        "source": {"etude": case.etude, "type": case.source_type},
        "anonymisation": {"revise_le": case.revise_le.isoformat()},
        "alias": list(case.alias),
    }
    order = [field.key for field in fields.VIGNETTE.fields]
    return {key: values[key] for key in order if key in values and values[key] not in ("", [], {})}


def document(corpus: Corpus) -> dict[str, Any]:
    """The whole of ``cas.json``."""
    cases = published(corpus)
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": "cas.schema.json",
        "schema_vignette": VIGNETTE_SCHEMA,
        "adresse_des_cas": CASE_ADDRESS,
        "nombre_de_cas": len(cases),
        "cas": [case_record(case) for case in cases],
        "themes": [
            {"id": t.id, "titre": t.titre, "resume": t.resume} for t in corpus.themes.values()
        ],
        "pistes": [
            {
                "id": p.id,
                "titre": p.titre,
                "resume": p.resume,
                "niveau": p.niveau,
                "themes": list(p.themes),
            }
            for p in corpus.pistes.values()
        ],
        "etudes": [
            {
                "id": s.id,
                "titre": s.titre,
                "organisation": s.organisation,
                "methode": s.methode,
                "participants": s.participants,
                "periode": s.periode,
                "secteur": s.secteur,
                "resume": s.resume,
            }
            for s in sorted(corpus.studies.values(), key=lambda s: s.id)
        ],
    }


def to_json(corpus: Corpus) -> str:
    """``cas.json``, one case a line: readable in an editor, short diffs, quick to write.

    Compact separators keep Python's C encoder (``indent`` would switch to the slower
    Python one): 0.3 s instead of 0.5 s at 5,000 cases.
    """
    data = document(corpus)
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n".join(_compact(item) for item in value)
            parts.append(f"{_compact(key)}:[\n{items}\n]")
        else:
            parts.append(f"{_compact(key)}:{_compact(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def published_fields(
    field: Field = fields.VIGNETTE, prefix: str = "", required: bool = True
) -> Iterator[tuple[str, Field, bool]]:
    """``(path, field, required)`` of every published leaf key: ``contexte.fonction``…

    Options are a list of objects: their keys appear once, as ``dilemme.options.N.choix``.
    """
    for child in field.fields:
        path = f"{prefix}{child.key}"
        needed = required and child.required
        if path in UNPUBLISHED:
            continue
        if child.kind == "objet":
            yield from published_fields(child, path + ".", needed)
        elif child.kind == "liste" and child.item is not None and child.item.kind == "objet":
            yield from published_fields(child.item, path + ".N.", needed)
        else:
            yield path, child, needed


def csv_columns(option_count: int) -> list[str]:
    """Column names; the ``dilemme.options.N.*`` group repeated for N from 1 to ``option_count``."""
    columns: list[str] = []
    group: list[str] = []
    for path, _, _ in published_fields():
        if ".N." in path:
            group.append(path)
            continue
        columns.extend(_numbered(group, option_count))
        group = []
        columns.append(path)
    columns.extend(_numbered(group, option_count))
    return columns


def _numbered(group: list[str], count: int) -> list[str]:
    return [path.replace(".N.", f".{n}.") for n in range(1, count + 1) for path in group]


def _flatten(value: Any, prefix: str, row: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{prefix}{key}.", row)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for number, item in enumerate(value, 1):
            _flatten(item, f"{prefix}{number}.", row)
    elif isinstance(value, list):
        row[prefix[:-1]] = LIST_SEPARATOR.join(value)
    else:
        row[prefix[:-1]] = str(value)


def safe_cell(text: str) -> str:
    """A cell that a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(corpus: Corpus) -> str:
    """``cas.csv``: UTF-8 with a byte-order mark (Excel then reads the accents), commas."""
    records = [case_record(case) for case in published(corpus)]
    option_count = max([2, *(len(r["dilemme"]["options"]) for r in records)])
    columns = csv_columns(option_count)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        row: dict[str, str] = {}
        _flatten(record, "", row)
        writer.writerow(safe_cell(row.get(column, "")) for column in columns)
    return "\ufeff" + buffer.getvalue()


def envelope_schema() -> dict[str, Any]:
    """The JSON Schema of ``cas.json``; each case refers to the vignette schema."""
    text = {"type": "string", "minLength": 1}
    ids = {"type": "array", "items": {"type": "string", "pattern": f"^{fields.SLUG.pattern}$"}}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Les cas publiés de « Dilemmes au travail » (données ouvertes)",
        "description": "Le fichier donnees/cas.json. Chaque cas suit le schéma d'une vignette.",
        "type": "object",
        "required": ["format", "version", "nombre_de_cas", "cas", "themes", "pistes", "etudes"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"type": "string", "pattern": r"^1\.[0-9]+$"},
            "schema": text,
            "schema_vignette": text,
            "adresse_des_cas": text,
            "nombre_de_cas": {"type": "integer", "minimum": 0},
            "cas": {"type": "array", "items": {"$ref": VIGNETTE_SCHEMA}},
            "themes": _records({"id": text, "titre": text, "resume": text}),
            "pistes": _records(
                {
                    "id": text,
                    "titre": text,
                    "resume": text,
                    "niveau": {"enum": ["individuel", "collectif", "organisationnel"]},
                    "themes": ids,
                }
            ),
            "etudes": _records(
                {key: text for key in ("id", *(f.key for f in fields.SOURCE.fields))}
            ),
        },
    }


def _records(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"type": "object", "required": list(properties), "properties": properties},
    }


def schema_json() -> str:
    return json.dumps(envelope_schema(), ensure_ascii=False, indent=2) + "\n"


def data_files(corpus: Corpus) -> Iterable[tuple[str, str]]:
    """``(address, content)`` of each open-data file."""
    yield JSON_URI, to_json(corpus)
    yield CSV_URI, to_csv(corpus)
    yield SCHEMA_URI, schema_json()


KIND_LABELS = {
    "identifiant": "identifiant",
    "texte": "texte",
    "markdown": "Markdown",
    "markdown-ligne": "Markdown (une ligne)",
    "date": "date (AAAA-MM-JJ)",
    "choix": "choix",
    "liste": "liste",
    "objet": "objet",
}


LIST_LABELS = {
    "identifiant": "liste d'identifiants",
    "texte": "liste de textes",
    "markdown-ligne": "liste de lignes Markdown",
}


def field_rows() -> list[tuple[str, str, bool, str]]:
    """``(path, type, required, description)`` of each published key, for the page."""
    rows = []
    for path, field, required in published_fields():
        kind = KIND_LABELS[field.kind]
        if field.kind == "choix":
            kind += " : " + ", ".join(field.choices)
        elif field.kind == "liste" and field.item is not None:
            kind = LIST_LABELS[field.item.kind]
        rows.append((path, kind, required, field.description))
    return rows


def render_page(corpus: Corpus) -> str:
    """The Markdown of the « Données ouvertes » page, ``donnees/``."""
    return render.render_page(
        "open_data.md.j2",
        count=len(published(corpus)),
        version=VERSION,
        format=FORMAT,
        case_address=CASE_ADDRESS,
        rows=field_rows(),
    )
