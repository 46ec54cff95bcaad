"""The explorer's facets: folded text, grouped roles and channels, counts per choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import explorer_project
from dilemmes.facets import UNSPECIFIED, build_facets, channel_parts, fold, role_key, slug
from dilemmes.project import gather


def test_fold_drops_case_accents_and_ligatures() -> None:
    assert fold("  Marges de MANŒUVRE  à  l’équipe ") == "marges de manoeuvre a l'equipe"


def test_slug_is_an_address_word() -> None:
    assert slug("Cheffe d'équipe (adjointe)") == "cheffe-d-equipe-adjointe"


@pytest.mark.parametrize(
    ("feminine", "masculine"),
    [
        ("Conseillère au service à la clientèle", "Conseiller au service à la clientèle"),
        ("Cheffe d'équipe", "Chef d'équipe"),
        ("Agente d'indemnisation", "Agent d'indemnisation"),
        ("Tarificatrice", "Tarificateur"),
        ("Vendeuse", "Vendeur"),
        ("Technicienne en administration", "Technicien en administration"),
        ("Employée de bureau", "Employé de bureau"),
        ("Directrice adjointe", "Directeur adjoint"),
        ("CONSEILLERE AU SERVICE A LA CLIENTELE", "Conseiller au service à la clientèle"),
    ],
)
def test_feminine_and_masculine_roles_share_a_key(feminine: str, masculine: str) -> None:
    assert role_key(feminine) == role_key(masculine)


def test_different_roles_keep_different_keys() -> None:
    keys = {role_key(r) for r in ("Souscripteur", "Tarificatrice", "Chef d'équipe", "Agent")}
    assert len(keys) == 4


def test_a_channel_that_names_several_counts_under_each() -> None:
    assert channel_parts("Téléphone (centre d'appels) et courriel") == [
        ("telephone", "Téléphone"),
        ("centre-d-appels", "Centre d'appels"),
        ("courriel", "Courriel"),
    ]
    assert channel_parts("En personne et visioconférence") == [
        ("en-personne", "En personne"),
        ("visioconference", "Visioconférence"),
    ]
    # « et » and « ou » inside a word do not split it.
    assert channel_parts("Réseaux sociaux") == [("reseaux-sociaux", "Réseaux sociaux")]


def test_fixture_facets_group_roles_and_count_cases(tmp_path: Path) -> None:
    facets = build_facets(gather(explorer_project(tmp_path)).corpus)
    roles = {choice.key: (choice.label, choice.count) for choice in facets.fonctions}
    # Both spellings as written; equally used, they come in alphabetical order.
    assert roles["conseiller-au-service-a-la-clientele"] == (
        "Conseiller / Conseillère au service à la clientèle",
        2,
    )
    # A case without ``contexte`` is filed under « non précisé », offered last.
    assert facets.fonctions[-1].key == UNSPECIFIED
    assert facets.fonctions[-1].count == 1
    channels = {choice.key: choice.count for choice in facets.canaux}
    assert channels == {
        "centre-d-appels": 2,
        "courriel": 1,
        "telephone": 1,
        UNSPECIFIED: 2,
    }
    levels = {choice.key: choice.count for choice in facets.niveaux}
    assert levels == {"individuel": 0, "collectif": 2, "organisationnel": 2}
    case = facets.cases["erreurs-de-saisie"]
    assert case.niveaux == ("collectif", "organisationnel")
    assert (case.fonction, case.canaux) == (UNSPECIFIED, (UNSPECIFIED,))


def test_a_role_written_as_unspecified_joins_the_cases_without_one(tmp_path: Path) -> None:
    corpus = gather(explorer_project(tmp_path)).corpus
    case = corpus.cases["erreurs-de-saisie"]
    corpus.cases["erreurs-de-saisie"] = type(case)(
        **{**case.__dict__, "contexte": {"fonction": "Non précisé"}}
    )
    facets = build_facets(corpus)
    assert [c.key for c in facets.fonctions].count(UNSPECIFIED) == 1
    assert facets.cases["erreurs-de-saisie"].fonction == UNSPECIFIED
