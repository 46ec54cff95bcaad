"""The personal-data check: one test per kind, negatives, ``accepted``, hostile input, figures.

Run as a script to print the figures of the contribution guide:
``PYTHONPATH=scripts python tests/test_personal_data.py``.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from dilemmes.personal_data import KINDS, find_personal_data

CORPUS = Path(__file__).parent / "personal_data" / "corpus.yaml"
HELDOUT = Path(__file__).parent / "personal_data" / "heldout.yaml"


def found(text: str, accepted: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_personal_data(text, accepted)]


# --- one test per kind: exact kind and text --------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Son NAS : 046 454 286.", "046 454 286"),
        ("Il a dicté 261-973-069 au téléphone.", "261-973-069"),
        ("Le champ contenait 175006691.", "175006691"),
        ("Numéro d'assurance sociale : 123 456 789", "123 456 789"),  # the text says it is one
    ],
)
def test_nas(text: str, expected: str) -> None:
    assert found(text) == [("nas", expected)]


def test_nine_digits_failing_luhn_without_context_are_not_a_nas() -> None:
    assert found("Il a dicté 123 456 789 au téléphone.") == []
    assert found("Le dossier 123 456 789 est fermé.") == [("numero-dossier", "123 456 789")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rappelez au 514 555-1234.", "514 555-1234"),
        ("Le (514) 555-1234 sonne.", "(514) 555-1234"),
        ("Écrire 514.555.1234 ici", "514.555.1234"),
        ("Du +1 514 555 1234 hier", "+1 514 555 1234"),
        ("Le 1-800-555-1234 est gratuit.", "1-800-555-1234"),
        ("Au 514-555-1234 poste 123, personne.", "514-555-1234 poste 123"),
        ("Au 514 555-1234, ext. 12, personne.", "514 555-1234, ext. 12"),
        ("Tél. : 555-1234", "555-1234"),
        ("Julie (514 555-1234, le soir)", "514 555-1234"),  # no closing parenthesis
    ],
)
def test_telephone(text: str, expected: str) -> None:
    assert found(text) == [("telephone", expected)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Écrire à julie.tremblay@exemple.ca.", "julie.tremblay@exemple.ca"),
        ("Voir jf_roy+dossier@courriel.qc.ca pour la suite", "jf_roy+dossier@courriel.qc.ca"),
        ("Voir julie[at]exemple.com", "julie[at]exemple.com"),
    ],
)
def test_courriel(text: str, expected: str) -> None:
    assert found(text) == [("courriel", expected)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le code H2X 1Y4 est saisi.", "H2X 1Y4"),
        ("Le code h2x1y4 est saisi.", "h2x1y4"),
        ("Le code G1V-0A6 est saisi.", "G1V-0A6"),
    ],
)
def test_code_postal(text: str, expected: str) -> None:
    assert found(text) == [("code-postal", expected)]


def test_postal_code_letters_outside_the_canadian_set_are_not_flagged() -> None:
    assert found("Les codes D2X 1Y4, H2D 1Y4 et W1A 1AA ne sont pas canadiens.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Elle habite au 1234, rue Saint-Denis depuis peu.", "1234, rue Saint-Denis"),
        ("Le 4500 boul. Henri-Bourassa Est a brûlé.", "4500 boul. Henri-Bourassa Est"),
        ("Au 22 avenue des Érables, rien.", "22 avenue des Érables"),
        ("Au 125 Main Street, rien.", "125 Main Street"),
        ("Au 350, rang 4, rien.", "350, rang 4"),
        ("Case postale 2218, Rimouski", "Case postale 2218"),
    ],
)
def test_adresse(text: str, expected: str) -> None:
    assert found(text) == [("adresse", expected)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Elle est née le 12 mars 1984 à Laval.", "12 mars 1984"),
        ("Date de naissance : 1984-03-12", "1984-03-12"),
        ("DDN 12/03/1984", "12/03/1984"),
        ("Le 12/03/1984 (date de naissance) est faux.", "12/03/1984"),
    ],
)
def test_date_naissance(text: str, expected: str) -> None:
    assert found(text) == [("date-naissance", expected)]


def test_dates_without_a_birth_context_are_not_flagged() -> None:
    assert found("Le 12 mars 1984, la cliente a signé ; le 14/02/2022 aussi.") == []
    assert found("Elle ne rappelle que le 12 mars 2022.") == []  # « ne », not « né »


@pytest.mark.parametrize(
    "text, expected",
    [
        ("La police no AB-123456 est résiliée.", "AB-123456"),
        ("Le dossier 2021-004512 attend.", "2021-004512"),
        ("La réclamation #458712 attend.", "458712"),
        ("Le numéro de sinistre : 3347781 attend.", "3347781"),
        ("Le n° 45871 attend.", "45871"),
    ],
)
def test_numero_dossier(text: str, expected: str) -> None:
    assert found(text) == [("numero-dossier", expected)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mme Julie Tremblay a appelé.", "Mme Julie Tremblay"),
        ("Le dossier de M. Gagnon attend.", "M. Gagnon"),
        ("Jean-François Gagnon a appelé.", "Jean-François Gagnon"),
        ("Selon Dre Lavoie, non.", "Dre Lavoie"),
        ("Il a vu Karine Nguyen hier.", "Karine Nguyen"),
        ("Signé : J. Fortin", "J. Fortin"),
        ("Le dossier d'Émilie Côté attend.", "Émilie Côté"),
        ("Elle a parlé à madame Girard.", "madame Girard"),
        ("Kathia Tremblay a appelé.", "Kathia Tremblay"),  # unknown first name, listed surname
    ],
)
def test_nom_personne(text: str, expected: str) -> None:
    assert found(text) == [("nom-personne", expected)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Elle travaille chez Desjardins.", "Desjardins"),
        ("Elle travaille chez desjardins.", "desjardins"),
        ("Une offre d'Intact est arrivée.", "Intact"),
        ("Intact Assurance a refusé.", "Intact Assurance"),
        ("Le prêt de la Banque Nationale.", "Banque Nationale"),
        ("Le client de La Capitale.", "La Capitale"),
        ("Un contrat d'iA Groupe financier.", "iA Groupe financier"),
        ("Sa carte de la TD.", "TD"),
        ("L'Unique assurances générales a payé.", "L'Unique"),
        ("Chez Équitable, moins de pression.", "Équitable"),
        ("Les frais de la Financière Sun Life.", "Financière Sun Life"),
    ],
)
def test_nom_institution(text: str, expected: str) -> None:
    assert found(text) == [("nom-institution", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "Le dossier est intact.",
        "Intact, le dossier n'a pas bougé.",
        "C'est l'unique solution.",
        "Un partage équitable des tâches.",
        "La capitale nationale.",
        "L'IA générative change le travail.",  # « IA », not the insurer « iA »
        "La 2e td de la session.",
    ],
)
def test_ordinary_words_are_not_institutions(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "La prime passe de 1 250 $ à 500 000 $ en 2021, soit 15 % de plus.",
        "D'octobre 2021 à juin 2022, trois mois de pointe, de 9 h 30 à 14h ou 17:00.",
        "Les 44 employé(e)s traitent 30 dossiers par jour.",
        "L'article 2408 du Code civil, la Loi 25, le projet de loi 64 et l'art. 12.",
        "L'Autorité des marchés financiers (AMF), la CNESST, la RAMQ et la SAAQ.",
        "Le Bureau d'assurance du Canada, la ChAD et la Chambre de la sécurité financière.",
        "Retraite Québec, l'Office de la protection du consommateur et l'Université Laval.",
        "La conseillère, le chef d'équipe et la directrice, lundi en mars.",
        "Claire et Rose ont parlé à Pierre.",  # first names alone are pseudonyms
    ],
)
def test_what_must_not_be_flagged(text: str) -> None:
    assert found(text) == []


# --- accepted --------------------------------------------------------------------------------


def test_accepted_pseudonym_drops_every_form_of_it() -> None:
    text = "Mme Julie Tremblay a appelé ; Julie Tremblay rappellera."
    assert found(text, ("Julie Tremblay",)) == []
    assert found(text, ("julie   TREMBLAY",)) == []


def test_accepted_compares_without_accents_and_on_whole_words() -> None:
    assert found("Émilie Côté a appelé.", ("emilie cote",)) == []
    assert found("M. Royer a appelé.", ("Roy",)) == [("nom-personne", "M. Royer")]
    assert found("M. Roy a appelé.", ("Roy",)) == []


def test_accepted_public_body_or_institution() -> None:
    assert found("La caisse Desjardins du quartier.", ("Desjardins",)) == []
    assert found("La caisse Desjardins du quartier.", ("Caisse Desjardins",)) == []


def test_accepted_does_not_hide_other_kinds() -> None:
    text = "Julie Tremblay, 514 555-1234"
    assert found(text, ("Tremblay",)) == [("telephone", "514 555-1234")]
    assert found(text, ("514 555-1234",)) == [("nom-personne", "Julie Tremblay")]


# --- the interface ---------------------------------------------------------------------------


def test_finding_carries_offsets_label_and_reason() -> None:
    text = "Appeler Julie Tremblay."
    (finding,) = find_personal_data(text)
    assert (finding.start, finding.end) == (8, 22)
    assert text[finding.start : finding.end] == finding.text
    assert finding.label == "nom de personne"
    assert (
        finding.reason
        == "un nom désigne une personne ; nommez plutôt son rôle (« la conseillère »)."
    )


def test_findings_are_in_order_of_position() -> None:
    text = "Beneva, 514 555-1234, H2X 1Y4, Mme Roy, julie@exemple.ca, NAS 046 454 286"
    starts = [f.start for f in find_personal_data(text)]
    assert starts == sorted(starts) and len(starts) == 6


def test_every_kind_has_a_label_and_a_reason() -> None:
    assert set(KINDS) == {
        "nas",
        "telephone",
        "courriel",
        "code-postal",
        "adresse",
        "date-naissance",
        "numero-dossier",
        "nom-personne",
        "nom-institution",
    }
    assert all(label and reason.endswith(".") for label, reason in KINDS.values())


# --- hostile input ---------------------------------------------------------------------------

HOSTILE = [
    "1" * 100_000,
    "1 " * 50_000,
    "A" * 100_000,
    "Aa " * 33_000,
    "@" * 100_000,
    "a@" * 50_000,
    "a." * 50_000,
    "Julie " * 16_000,
    "123 456 " * 12_000,
    "(514) " * 16_000,
    "1 rue " * 16_000,
    "1 " + "Aaa " * 25_000,
    "1-" * 50_000,
    "a" * 100_000 + "@",
    "x@" + "a." * 50_000,
    "H2X " * 25_000,
    "no " * 33_000,
    "police " + "1-" * 50_000,
    "né le 12 " * 10_000,
    "née le 12/03/1984 " * 6_000,
    "M. " * 33_000,
    "Julie Tremblay " * 6_600,
    "A'" * 50_000,
    "d'A" * 33_000,
    "Desjardins " * 9_000,
    "police #" * 12_000,
    ("ab" * 30 + "@") * 1_600,
    "É" * 100_000,
    "\n" * 100_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(h[:12]) for h in HOSTILE])
def test_hostile_input_of_100_kb_completes_fast(text: str) -> None:
    started = time.perf_counter()
    find_personal_data(text)
    assert time.perf_counter() - started < 1.0


# --- figures on the labelled corpora ---------------------------------------------------------


@dataclass
class Figures:
    """Recall per kind and false positives on one labelled corpus."""

    positives: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    negatives: int = 0
    flagged_negatives: int = 0
    sentences: int = 0
    extra: int = 0  # findings in positive sentences that match nothing expected
    misses: list[str] = field(default_factory=list)

    def recall(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else list(KINDS)
        total = sum(self.positives[k] for k in kinds)
        return sum(self.found[k] for k in kinds) / total if total else 1.0

    def false_positive_rate(self) -> float:
        return self.flagged_negatives / self.negatives if self.negatives else 0.0


def measure(path: Path) -> Figures:
    """A positive is found when a finding of its kind overlaps its text."""
    figures = Figures()
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        text, expected = item["texte"], item["attendu"]
        findings = find_personal_data(text)
        figures.sentences += 1
        if not expected:
            figures.negatives += 1
            figures.flagged_negatives += bool(findings)
            figures.misses += [
                f"faux positif : {f.kind} « {f.text} » dans « {text} »" for f in findings
            ]
            continue
        spans = []
        for kind, part in expected:
            start = text.index(part)
            spans.append((kind, start, start + len(part)))
            figures.positives[kind] += 1
            hit = any(
                f.kind == kind and f.start < start + len(part) and start < f.end for f in findings
            )
            figures.found[kind] += hit
            if not hit:
                figures.misses.append(f"manqué : {kind} « {part} » dans « {text} »")
        for f in findings:
            if not any(k == f.kind and f.start < e and s < f.end for k, s, e in spans):
                figures.extra += 1
                figures.misses.append(f"en trop : {f.kind} « {f.text} » dans « {text} »")
    return figures


def table(figures: Figures) -> str:
    rows = ["| type | positifs | trouvés | rappel |", "| --- | --- | --- | --- |"]
    rows += [
        f"| {kind} | {figures.positives[kind]} | {figures.found[kind]} | "
        f"{figures.recall(kind):.2f} |"
        for kind in KINDS
    ]
    rows.append(
        f"| **ensemble** | {sum(figures.positives.values())} | "
        f"{sum(figures.found.values())} | {figures.recall():.3f} |"
    )
    rows.append(
        f"\nNégatifs : {figures.negatives} phrases, {figures.flagged_negatives} signalées "
        f"à tort ({figures.false_positive_rate():.1%}) ; signalements en trop dans les "
        f"phrases positives : {figures.extra} ; {figures.sentences} phrases en tout."
    )
    return "\n".join(rows)


def test_corpus_recall_per_kind_and_false_positives() -> None:
    figures = measure(CORPUS)
    assert figures.sentences >= 250 and figures.negatives >= 120
    assert all(figures.positives[kind] >= 15 for kind in KINDS)
    assert all(figures.recall(kind) >= 0.95 for kind in KINDS), figures.misses
    assert figures.false_positive_rate() <= 0.02, figures.misses
    assert figures.extra <= 2, figures.misses


def test_heldout_recall_and_false_positives() -> None:
    figures = measure(HELDOUT)
    assert figures.sentences >= 80
    assert all(figures.positives[kind] >= 4 for kind in KINDS)
    assert figures.recall() >= 0.90, figures.misses
    assert figures.false_positive_rate() <= 0.05, figures.misses


if __name__ == "__main__":
    for name, path in (("corpus.yaml", CORPUS), ("heldout.yaml", HELDOUT)):
        if path.exists():
            result = measure(path)
            print(f"## {name}\n\n{table(result)}\n")
            if "-v" in sys.argv:
                print("\n".join(result.misses) + "\n")
