"""Open data: ``donnees/cas.json`` and ``donnees/cas.csv``, and the page that documents them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from conftest import FIXTURES, read_html
from dilemmes import fields, opendata, schema
from dilemmes.load import load_yaml
from dilemmes.model import Corpus
from dilemmes.project import gather
from dilemmes.validate import check_tree

PUBLISHED = ["erreurs-de-saisie", "piege-html", "vente-au-premier-appel"]


@pytest.fixture(scope="module")
def with_drafts() -> Corpus:
    """The fixture corpus as a preview sees it: drafts included."""
    corpus = gather(FIXTURES / "projet", include_drafts=True).corpus
    assert "brouillon-en-cours" in corpus.cases
    return corpus


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_json_holds_published_cases_only_with_version_and_registries(with_drafts: Corpus) -> None:
    data = json.loads(opendata.to_json(with_drafts))
    assert data["format"] == "dilemmes-au-travail/cas"
    assert data["version"] == opendata.VERSION
    assert data["schema_vignette"] == "vignette.schema.json"
    assert [case["id"] for case in data["cas"]] == PUBLISHED
    assert data["nombre_de_cas"] == 3
    assert {t["id"] for t in data["themes"]} == {"pression", "cadence"}
    assert {p["id"]: p["niveau"] for p in data["pistes"]} == {
        "en-parler-en-equipe": "collectif",
        "reconnaitre-les-efforts": "organisationnel",
    }
    assert data["etudes"][0]["id"] == "etude-test"


def test_a_case_keeps_the_keys_of_its_yaml_file(with_drafts: Corpus) -> None:
    data = json.loads(opendata.to_json(with_drafts))
    case = next(c for c in data["cas"] if c["id"] == "vente-au-premier-appel")
    assert list(case) == [
        "id", "titre", "resume", "contexte", "themes", "recit", "dilemme", "questions",
        "pistes", "cas_lies", "animation", "mots_cles", "source", "anonymisation", "alias",
    ]  # fmt: skip
    assert case["dilemme"]["options"][1]["consequences"].startswith("- La cliente est respectée.")
    assert case["recit"].startswith("Depuis l'arrivée du nouvel outil de soumission")
    assert "### Ce que demande la cliente" in case["recit"]  # Markdown source, as written
    assert case["animation"] == "Commencez par un tour de table.\n"
    assert case["anonymisation"] == {"revise_le": "2026-11-20"}
    assert case["alias"] == ["ancienne-vente"]
    empty = next(c for c in data["cas"] if c["id"] == "erreurs-de-saisie")
    assert "contexte" not in empty and "animation" not in empty


def test_every_published_case_is_a_valid_vignette(with_drafts: Corpus) -> None:
    """Each case, read back as a vignette file, passes the project's own check."""
    for case in json.loads(opendata.to_json(with_drafts))["cas"]:
        path = f"cases/{case['id']}.yaml"
        loaded = load_yaml(path, json.dumps(case, ensure_ascii=False).encode("utf-8"))
        assert loaded.problems == [] and loaded.root is not None
        assert check_tree(path, loaded.root, fields.VIGNETTE).problems == []


def test_every_key_of_the_format_is_published_or_deliberately_left_out() -> None:
    top = {path.split(".")[0] for path, _, _ in opendata.published_fields()}
    keys = {field.key for field in fields.VIGNETTE.fields}
    assert keys - top == {"statut"}
    nested = {path for path, _, _ in opendata.published_fields()}
    assert "anonymisation.accepter" not in nested and "contexte.fonction" in nested


def test_json_follows_its_schema_and_each_case_the_vignette_schema(with_drafts: Corpus) -> None:
    envelope = opendata.envelope_schema()
    jsonschema.Draft7Validator.check_schema(envelope)
    # cas.schema.json refers to vignette.schema.json beside it, as the site publishes both.
    registry = Registry().with_resource(
        opendata.VIGNETTE_SCHEMA, Resource.from_contents(schema.vignette_schema())
    )
    validator = jsonschema.Draft7Validator(envelope, registry=registry)
    data = json.loads(opendata.to_json(with_drafts))
    assert [error.message for error in validator.iter_errors(data)] == []
    del data["cas"][1]["titre"]  # the cases are really checked, not waved through
    assert [list(error.path) for error in validator.iter_errors(data)] == [["cas", 1]]


def test_csv_is_one_row_per_published_case(with_drafts: Corpus) -> None:
    text = opendata.to_csv(with_drafts)
    rows = _rows(text)
    assert [row["id"] for row in rows] == PUBLISHED
    assert list(rows[0]) == [
        "id", "titre", "resume", "contexte.secteur", "contexte.fonction", "contexte.canal",
        "themes", "recit", "dilemme.question", "dilemme.options.1.choix",
        "dilemme.options.1.consequences", "dilemme.options.2.choix",
        "dilemme.options.2.consequences", "questions", "pistes", "cas_lies", "animation",
        "mots_cles", "source.etude", "source.type", "anonymisation.revise_le", "alias",
    ]  # fmt: skip
    row = next(r for r in rows if r["id"] == "vente-au-premier-appel")
    assert row["themes"] == "pression\ncadence"  # a list: one item a line
    assert row["contexte.canal"] == "Centre d'appels"
    assert row["questions"].split("\n")[1] == "Qui décide du rythme des appels ?"
    # A Markdown list starts with « - »: a spreadsheet would read a formula.
    assert row["dilemme.options.2.consequences"].startswith("'- La cliente est respectée.")
    hostile = next(r for r in rows if r["id"] == "piege-html")
    assert hostile["titre"] == "<b>Gras</b> & </title><script>alert('titre')</script>"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_run_as_a_formula_starts_with_an_apostrophe(start: str) -> None:
    assert opendata.safe_cell(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


def test_ordinary_cells_are_left_as_written() -> None:
    for text in ("Conclure la vente", "3 options", "« Non »", "", "a=b"):
        assert opendata.safe_cell(text) == text


def test_options_columns_grow_with_the_case_that_has_the_most(with_drafts: Corpus) -> None:
    columns = opendata.csv_columns(3)
    assert columns[columns.index("dilemme.question") + 1 :][:6] == [
        "dilemme.options.1.choix",
        "dilemme.options.1.consequences",
        "dilemme.options.2.choix",
        "dilemme.options.2.consequences",
        "dilemme.options.3.choix",
        "dilemme.options.3.consequences",
    ]


def test_site_publishes_the_files_at_their_addresses(fixture_site: Path) -> None:
    folder = fixture_site / "donnees"
    data = json.loads((folder / "cas.json").read_text("utf-8"))
    assert [case["id"] for case in data["cas"]] == PUBLISHED
    assert (folder / "cas.csv").read_bytes().startswith(b"\xef\xbb\xbfid,titre,resume,")
    assert json.loads((folder / "cas.schema.json").read_text("utf-8"))["type"] == "object"


def test_open_data_page_documents_addresses_version_and_every_field(fixture_site: Path) -> None:
    article = read_html(fixture_site / "donnees" / "index.html").select_one("article")
    assert article is not None
    text = " ".join(article.get_text(" ").split())
    for expected in (
        "donnees/cas.json",
        "donnees/cas.csv",
        "donnees/vignette.schema.json",
        f"Version actuelle : {opendata.VERSION}",
        "UTF-8 avec marque d'ordre d'octets",
        "commence par une apostrophe",
    ):
        assert expected in text
    documented = {code.get_text() for code in article.select("td code")}
    assert {path for path, _, _ in opendata.published_fields()} <= documented
    links = {a["href"] for a in article.select("a[href]")}
    assert {"cas.json", "cas.csv", "cas.schema.json"} <= links
