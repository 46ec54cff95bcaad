"""The JSON Schema of a vignette: derived from fields.py, committed, published, and in step
with ``make check`` on the shipped cases and on the problem fixtures."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import FIXTURES, REPO, copy_project
from dilemmes import cli
from dilemmes.load import Seq, load_yaml
from dilemmes.project import gather
from dilemmes.schema import COMMITTED_PATH, PUBLISHED_URI, schema_json, vignette_schema

PROBLEMS = FIXTURES / "problemes"


def _type_accepting_yaml_dates(
    validator: Any, types: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    """PyYAML reads an unquoted 2026-11-20 as a date: that is the text a date field wants.

    Anywhere else a date stays a type error, as ``make check`` says (conversion-implicite).
    """
    if isinstance(instance, dt.date) and schema.get("format") == "date":
        return
    yield from jsonschema.Draft7Validator.VALIDATORS["type"](validator, types, instance, schema)


YamlValidator = jsonschema.validators.extend(
    jsonschema.Draft7Validator, {"type": _type_accepting_yaml_dates}
)


def _validator() -> Any:
    return YamlValidator(vignette_schema(), format_checker=jsonschema.FormatChecker())


def _errors(path: Path) -> set[tuple[str, str]]:
    """(dotted path, JSON Schema keyword) of every error, the path as make check names it."""
    data = yaml.safe_load(path.read_bytes())
    return {
        (".".join(str(part) for part in error.absolute_path), str(error.validator))
        for error in _validator().iter_errors(data)
    }


def test_schema_is_valid_draft_7() -> None:
    jsonschema.Draft7Validator.check_schema(vignette_schema())
    assert vignette_schema()["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_committed_copy_is_the_generated_schema() -> None:
    committed = (REPO / COMMITTED_PATH).read_text(encoding="utf-8")
    assert committed == schema_json(), (
        f"{COMMITTED_PATH} est périmé : régénérez-le avec "
        f"« .venv/bin/python -m dilemmes schema > {COMMITTED_PATH} »"
    )


def test_cli_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == vignette_schema()


def test_site_publishes_the_schema(fixture_site: Path) -> None:
    published = fixture_site / PUBLISHED_URI
    assert published.read_text(encoding="utf-8") == schema_json()


def test_schema_describes_every_key_in_french() -> None:
    schema = vignette_schema()
    properties = schema["properties"]
    assert properties["titre"]["maxLength"] == 120
    assert properties["id"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert properties["statut"]["enum"] == ["publie", "brouillon"]
    assert properties["statut"]["default"] == "publie"
    assert properties["dilemme"]["properties"]["options"]["minItems"] == 2
    assert schema["additionalProperties"] is False
    assert "anonymisation" in schema["required"] and "statut" not in schema["required"]
    assert properties["titre"]["description"].startswith("Obligatoire. Titre du cas")
    assert properties["anonymisation"]["properties"]["revise_le"]["examples"] == ["2026-11-20"]


@pytest.mark.parametrize("case", sorted((REPO / "cases").glob("[!_]*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_vignette_matches_the_schema(case: Path) -> None:
    assert _errors(case) == set()


def test_the_example_of_the_schema_passes_make_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The schema's own example is a valid vignette once its references exist."""
    root = copy_project(tmp_path)
    example = dict(vignette_schema()["examples"][0])
    # The example names the real registries; the fixture project has its own.
    del example["cas_lies"]
    example.update(themes=["pression"], pistes=["reconnaitre-les-efforts"])
    example.update(source={"etude": "etude-test", "type": "composite"}, alias=["ancien-cas"])
    case = root / "cases" / f"{example['id']}.yaml"
    case.write_text(yaml.safe_dump(example, allow_unicode=True), encoding="utf-8")

    assert cli.main(["--racine", str(root), "check"]) == 0, capsys.readouterr().err
    assert _errors(case) == set()


# Fixture → (what make check says, what the schema says), both written out.
SAME_REASONS = {
    "cle-inconnue": (
        {"cle-inconnue", "cle-manquante"},
        {("", "additionalProperties"), ("", "required")},
    ),
    "cle-manquante": ({"cle-manquante"}, {("", "required")}),
    "conversion-booleen": ({"conversion-implicite"}, {("titre", "type"), ("questions.0", "type")}),
    "conversion-date-nombre": ({"conversion-implicite"}, {("titre", "type"), ("resume", "type")}),
    "date-invalide": (
        {"date-invalide"},
        {("anonymisation.revise_le", "pattern"), ("anonymisation.revise_le", "format")},
    ),
    "identifiant-invalide": ({"identifiant-invalide"}, {("id", "pattern")}),
    "identifiant-sosie": ({"identifiant-invalide"}, {("id", "pattern")}),
    "liste-au-lieu-de-texte": ({"type-invalide"}, {("titre", "type")}),
    "racine-liste": ({"racine-non-objet"}, {("", "type")}),
    "texte-au-lieu-de-liste": ({"type-invalide"}, {("themes", "type")}),
    "texte-multiligne": ({"texte-multiligne"}, {("titre", "pattern")}),
    "texte-trop-long": ({"texte-trop-long"}, {("titre", "maxLength")}),
    "une-seule-option": ({"liste-trop-courte"}, {("dilemme.options", "minItems")}),
    "valeur-invalide": ({"valeur-invalide"}, {("statut", "enum"), ("source.type", "enum")}),
    "valeur-vide": ({"valeur-vide"}, {("titre", "type"), ("resume", "pattern")}),
}


@pytest.mark.parametrize("name", sorted(SAME_REASONS))
def test_invalid_vignette_is_rejected_for_the_reasons_make_check_gives(
    name: str, tmp_path: Path
) -> None:
    codes, schema_errors = SAME_REASONS[name]
    root = copy_project(tmp_path)
    fixture = PROBLEMS / f"{name}.yaml"
    (root / "cases" / fixture.name).write_bytes(fixture.read_bytes())

    problems = [p for p in gather(root).problems if p.path == f"cases/{fixture.name}"]

    assert {p.code for p in problems} == codes
    assert _errors(fixture) == schema_errors
    # Where the schema finds a wrong value, make check reports a problem on that line.
    lines = {p.line for p in problems}
    for path in {path for path, _ in schema_errors if path}:
        assert _line_of(fixture, path) in lines, (path, problems)


def _line_of(path: Path, dotted: str) -> int:
    """The line of the value at ``dotted`` (``questions.0``), as the loader locates it."""
    node: Any = load_yaml(path.name, path.read_bytes()).root
    for part in dotted.split("."):
        node = node.items[int(part)] if isinstance(node, Seq) else node.entries[part].value
    return int(node.line)
