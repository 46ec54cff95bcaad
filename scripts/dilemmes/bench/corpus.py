"""A bench project of N vignettes: the repository's site plus generated cases, on disk.

The project is a copy of what ``make site`` reads (``mkdocs.yml``, ``overrides/``,
``docs/``, ``cases/``) with synthetic themes, guidance pages, a synthetic study and as many
generated vignettes as it takes to reach N cases. Generation is deterministic for a seed.
Related cases are neighbours in generation order: linking costs nothing per pair.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import unicodedata
from collections.abc import Sequence

from . import parts, phrases, registries

# What ``make site`` reads; copied as they are into every bench project.
PROJECT_ENTRIES = ("mkdocs.yml", "overrides", "docs", "cases")


def slugify(text: str) -> str:
    """« Conclure une vente dès le premier appel » → ``conclure-une-vente-des-le-premier-appel``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _de(noun: str) -> str:
    """« de » before a noun phrase: « du conseiller », « d'une assurance », « de la cliente »."""
    for article, contracted in (
        ("le ", "du "),
        ("les ", "des "),
        ("un ", "d'un "),
        ("une ", "d'une "),
    ):
        if noun.startswith(article):
            return contracted + noun[len(article) :]
    return "de " + noun


def _a(noun: str) -> str:
    """« à » before a noun phrase: « au conseiller », « aux clients », « à la cliente »."""
    for article, contracted in (("le ", "au "), ("les ", "aux ")):
        if noun.startswith(article):
            return contracted + noun[len(article) :]
    return "à " + noun


def _slots(rng: random.Random) -> dict[str, str]:
    """One cast and setting for a vignette: every slot of the phrase banks, both cases."""
    fonction, role, pron, agree, label = rng.choice(phrases.ROLES)
    client, le_client, cpron = rng.choice(phrases.CLIENTS)
    canal, canal_label = rng.choice(phrases.CANAUX)
    slots = {
        "fonction": fonction,
        "role": role,
        "de_role": _de(role),
        "a_role": _a(role),
        "pron": pron,
        "e": agree,
        "label": label,
        "client": client,
        "le_client": le_client,
        "de_client": _de(le_client),
        "cpron": cpron,
        "canal": canal,
        "canal_label": canal_label,
        "moment": rng.choice(phrases.MOMENTS),
    }
    nouns = {
        "produit": phrases.PRODUITS,
        "outil": phrases.OUTILS,
        "indicateur": phrases.INDICATEURS,
        "gestion": phrases.GESTION,
    }
    for name, bank in nouns.items():
        noun = rng.choice(bank)
        slots |= {name: noun, f"de_{name}": _de(noun), f"a_{name}": _a(noun)}
    return slots | {_cap(key): _cap(value) for key, value in slots.items()}


def _sentences(
    rng: random.Random, bank: Sequence[str], count: int, slots: dict[str, str]
) -> list[str]:
    return [line.format(**slots) for line in rng.sample(bank, count)]


def recit(rng: random.Random, slots: dict[str, str]) -> str:
    """About 300 words in four paragraphs; some with a list, some with a level-3 heading."""
    situation = _sentences(rng, phrases.SITUATION[1:], 4, slots)
    paragraphs = [
        " ".join(_sentences(rng, phrases.CONTEXT, 4, slots)),
        " ".join([phrases.SITUATION[0].format(**slots), *situation]),
    ]
    tension = _sentences(rng, phrases.TENSION, 5, slots)
    shape = rng.random()
    if shape < 0.2:
        intro = rng.choice(phrases.LIST_INTRO).format(**slots)
        items = "\n".join(f"- {line[0].lower()}{line[1:-1]} ;" for line in tension[2:])
        paragraphs.append(" ".join(tension[:2]) + f"\n\n{intro}\n\n{items[:-2]}.")
    elif shape < 0.4:
        paragraphs.append(" ".join(tension[:-1]) + f" **{tension[-1]}**")
    else:
        paragraphs.append(" ".join(tension))
    closing = " ".join(_sentences(rng, phrases.CLOSING, 3, slots))
    if rng.random() < 0.15:
        closing = f"### {rng.choice(phrases.HEADINGS)}\n\n{closing}"
    paragraphs.append(closing)
    return "\n\n".join(paragraphs)


def _consequences(rng: random.Random, family: str, slots: dict[str, str]) -> str:
    lines = []
    for party, choices in zip(parts.PARTIES, parts.CONSEQUENCES[family], strict=True):
        lines.append(f"- **{party.format(**slots)}** : {rng.choice(choices)}")
    return "\n".join(lines)


def _dilemma(rng: random.Random, slots: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    quick_verb, quick_choice = rng.choice(parts.QUICK)
    careful_verb, careful_choice = rng.choice(parts.CAREFUL)
    question = f"{slots['Role']} doit-{slots['pron']} {quick_verb}, ou {careful_verb} ?"
    options = [
        (quick_choice, _consequences(rng, "quick", slots)),
        (careful_choice, _consequences(rng, "careful", slots)),
    ]
    if rng.random() < 0.3:
        options.append((rng.choice(parts.MIDDLE), _consequences(rng, "middle", slots)))
    return question, options


def _title(rng: random.Random) -> str:
    return f"{rng.choice(parts.TITLE_ACTIONS)} {rng.choice(parts.TITLE_CIRCUMSTANCES)}"


def _rng(seed: int, index: int) -> random.Random:
    return random.Random(seed * 1_000_003 + index)


def case_id(seed: int, index: int) -> str:
    """The id of the ``index``-th generated case: its title's slug and its number."""
    base = slugify(_title(_rng(seed, index)))[:60].rstrip("-")
    return f"{base}-{index}"


def _plain(text: str) -> str:
    """A one-line YAML value, plain when YAML reads it back unchanged, quoted otherwise."""
    if re.fullmatch(r"[A-Za-zÀ-ÿ][^:#\"\[\]{},&*!|>%@`]*[^ ]", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _block(text: str, indent: str) -> str:
    return "\n".join(f"{indent}{line}" if line else "" for line in text.split("\n"))


def _folded(text: str, indent: str) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 88:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(indent + one for one in lines)


def vignette(
    seed: int, index: int, count: int, themes: Sequence[str], pistes: Sequence[str]
) -> str:
    """The YAML text of the ``index``-th of ``count`` generated vignettes."""
    rng = _rng(seed, index)
    titre = _title(rng)
    slots = _slots(rng)
    need = rng.choice(parts.SUMMARY_NEEDS)
    constraint = rng.choice(parts.SUMMARY_CONSTRAINTS).format(**slots)
    resume = (
        f"{_cap(slots['client'])} {need}, alors que {constraint}. "
        f"{slots['Role']} doit choisir entre aller vite et prendre le temps."
    )
    case_themes = [themes[index % len(themes)]]
    extra = rng.sample(themes, min(len(themes), rng.randint(0, 2)))
    case_themes += [t for t in extra if t not in case_themes]
    question, options = _dilemma(rng, slots)
    lines = [
        f"id: {case_id(seed, index)}",
        f"titre: {_plain(titre)}",
        "resume: >-",
        _folded(resume, "  "),
        "contexte:",
        f"  secteur: {_plain(rng.choice(phrases.SECTEURS))}",
        f"  fonction: {_plain(slots['fonction'])}",
        f"  canal: {_plain(slots['canal_label'])}",
        f"themes: [{', '.join(case_themes)}]",
        "recit: |",
        _block(recit(rng, slots), "  "),
        "dilemme:",
        "  question: >-",
        _folded(question, "    "),
        "  options:",
    ]
    for choix, consequences in options:
        lines += [f"    - choix: {_plain(choix)}", "      consequences: |"]
        lines.append(_block(consequences, "        "))
    lines.append("questions:")
    for text in rng.sample(parts.QUESTIONS, rng.randint(2, 4)):
        lines.append(f"  - {json.dumps(text.format(**slots), ensure_ascii=False)}")
    chosen = rng.sample(pistes, min(len(pistes), rng.randint(0, 2)))
    if chosen:
        lines.append(f"pistes: [{', '.join(chosen)}]")
    related = [n for n in (index + 1, index + 7) if n < count and rng.random() < 0.7]
    if related:
        lines.append(f"cas_lies: [{', '.join(case_id(seed, n) for n in related)}]")
    if rng.random() < 0.3:
        lines += ["animation: |", _block(rng.choice(parts.ANIMATION), "  ")]
    keywords = rng.sample(parts.KEYWORDS, rng.randint(2, 5))
    lines.append(f"mots_cles: [{', '.join(keywords)}]")
    lines.append(f"source: {{etude: {registries.STUDY_ID}, type: composite}}")
    reviewed = dt.date(2026, 1, 5) + dt.timedelta(days=index % 300)
    lines.append(f"anonymisation: {{revise_le: {reviewed.isoformat()}}}")
    if index % 20 == 3:
        lines.append(f"alias: [ancienne-adresse-{index}]")
    return "\n".join(lines) + "\n"
