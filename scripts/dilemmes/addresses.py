"""Published addresses: the registry ``adresses.txt`` and the rule that none ever breaks.

Trainers print and share addresses for years (SPEC, « Addresses »). Every address the site
has published is a line of ``adresses.txt``; the registry only grows. Two checks read it:
``check_against_corpus`` (``make check`` and every build: a renamed case without its
``alias`` is named with the fix) and ``check_against_site`` (after a build: every listed
address is a page, a redirect or a file of ``site/``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .validate import Checked, closest

REGISTRY = "adresses.txt"
REGISTRY_HEADER = """\
# Adresses publiées de Dilemmes au travail : chacune doit toujours mener quelque part.
# Une adresse par ligne, à partir de la racine du site (« /cas/<id>/ »).
# La liste ne fait que grandir : un cas renommé garde son ancien identifiant dans
# « alias », et son ancienne adresse mène à la nouvelle. Les tests ajoutent ici les
# nouvelles adresses (DILEMMES_METTRE_A_JOUR=1 .venv/bin/python -m pytest
# tests/test_formation_adresses.py) ; retirer une ligne est une décision à justifier.
"""

_ADDRESS = re.compile(r"^/(?:[a-z0-9][a-z0-9._-]*/)*(?:[a-z0-9][a-z0-9._-]*\.[a-z0-9]+)?$")
_KINDS = (
    (re.compile(r"^/cas/([a-z0-9-]+)/$"), "cas"),
    (re.compile(r"^/cas/([a-z0-9-]+)/animation/$"), "animation"),
    (re.compile(r"^/themes/([a-z0-9-]+)/$"), "theme"),
    (re.compile(r"^/pistes/([a-z0-9-]+)/$"), "piste"),
)
# Folders of a built site that are not pages a person links to.
_NOT_ADDRESSES = ("assets/", "search/", "pagefind/")


@dataclass(frozen=True)
class Entry:
    line: int
    address: str


@dataclass(frozen=True)
class Known:
    """What the corpus serves: published case ids and aliases, drafts, themes, guidance."""

    cases: frozenset[str]
    aliases: frozenset[str]
    drafts: frozenset[str]
    themes: frozenset[str]
    pistes: frozenset[str]


def parse_registry(path: str, text: str) -> tuple[list[Entry], list[Problem]]:
    """Addresses of the registry with their lines; comments (``#``) and blank lines skipped."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        address = raw.split("#", 1)[0].strip()
        if not address:
            continue
        if not _ADDRESS.match(address):
            problems.append(
                Problem(
                    path,
                    number,
                    "adresse-invalide",
                    f"« {address} » n'est pas une adresse du site ; écrivez le chemin depuis "
                    "la racine, en minuscules, par exemple « /cas/vente-des-le-premier-appel/ »",
                )
            )
        elif address in seen:
            problems.append(
                Problem(
                    path,
                    number,
                    "adresse-en-double",
                    f"« {address} » figure déjà à la ligne {seen[address]} ; "
                    "gardez une seule ligne",
                )
            )
        else:
            seen[address] = number
            entries.append(Entry(number, address))
    return entries, problems


def known_from(
    checked: Mapping[str, Checked],
    drafts: Iterable[str],
    themes: Iterable[str],
    pistes: Iterable[str],
) -> Known:
    """What a gathered project serves; a case file with problems still counts as there."""
    hidden = frozenset(drafts)
    cases: set[str] = set()
    aliases: set[str] = set()
    for path, one in checked.items():
        if not path.startswith("cases/") or Path(path).stem in hidden:
            continue
        cases.add(Path(path).stem)
        aliases.update(ref.value for ref in one.references if ref.ref == "alias")
    return Known(frozenset(cases), frozenset(aliases), hidden, frozenset(themes), frozenset(pistes))


def check_registry(path: str, data: bytes, known: Known) -> list[Problem]:
    """``make check``'s view of the registry: its format and the addresses the corpus lost."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [Problem(path, 1, "encodage", "le fichier doit être enregistré en UTF-8")]
    entries, problems = parse_registry(path, text)
    return problems + check_against_corpus(path, entries, known)


def kind_of(address: str) -> tuple[str, str] | None:
    """``("cas", id)``, ``("animation", id)``, ``("theme", id)`` or ``("piste", id)``."""
    for pattern, kind in _KINDS:
        match = pattern.match(address)
        if match:
            return kind, match.group(1)
    return None


def check_against_corpus(path: str, entries: Iterable[Entry], known: Known) -> list[Problem]:
    """Registry addresses of cases, trainer views, themes and guidance the corpus lost."""
    kinds = [(entry, kind_of(entry.address)) for entry in entries]
    registered = {kind[1] for _, kind in kinds if kind and kind[0] == "cas"}
    # A renamed case is a case whose address is not registered yet.
    unregistered = sorted(known.cases - registered - known.aliases)
    problems = []
    for entry, kind in kinds:
        if kind is None:
            continue
        message = _lost(kind[0], kind[1], entry.address, known, unregistered)
        if message:
            problems.append(Problem(path, entry.line, "adresse-perdue", message))
    return problems


def _rename_hint(key: str, known: Known, unregistered: list[str]) -> str:
    if 1 <= len(unregistered) <= 3:
        names = ", ".join(f"cases/{case_id}.yaml" for case_id in unregistered)
        return f" (pas encore dans {REGISTRY}, donc peut-être le nouveau nom : {names})"
    nearest = closest(key, sorted(known.cases))
    return f" (le cas au nom le plus proche : cases/{nearest}.yaml)" if nearest else ""


def _lost(kind: str, key: str, address: str, known: Known, unregistered: list[str]) -> str | None:
    if kind in ("cas", "animation"):
        if key in known.cases or key in known.aliases:
            return None
        if key in known.drafts:
            return (
                f"l'adresse publiée {address} ne mène plus nulle part : le cas « {key} » est "
                "redevenu un brouillon ; remettez « statut: publie » ou, si le retrait est "
                "voulu, retirez cette ligne"
            )
        hint = _rename_hint(key, known, unregistered)
        return (
            f"l'adresse publiée {address} ne mène plus à aucun cas ; si le cas a été renommé, "
            f"ajoutez « {key} » à la liste « alias » de sa vignette, par exemple "
            f"« alias: [{key}] »{hint} ; s'il a été retiré volontairement, retirez cette ligne"
        )
    folder, names = ("themes", known.themes) if kind == "theme" else ("pistes", known.pistes)
    if key in names:
        return None
    return (
        f"l'adresse publiée {address} ne mène plus nulle part : docs/{folder}/{key}.md "
        "n'existe plus ; remettez la page (elle peut renvoyer vers une autre) ou, si le "
        "retrait est voulu, retirez cette ligne"
    )


def check_against_site(
    path: str, entries: Iterable[Entry], exists: Callable[[str], bool]
) -> list[Problem]:
    """Registry addresses that the built site does not serve."""
    return [
        Problem(
            path,
            entry.line,
            "adresse-perdue",
            f"l'adresse publiée {entry.address} n'existe pas dans le site construit ; "
            "une adresse publiée doit toujours mener quelque part (une page ou une redirection)",
        )
        for entry in entries
        if not exists(entry.address)
    ]


def site_has(site: Path) -> Callable[[str], bool]:
    """Whether a built site serves an address: ``…/`` is a folder's ``index.html``."""

    def exists(address: str) -> bool:
        relative = address.lstrip("/")
        target = site / relative / "index.html" if address.endswith("/") else site / relative
        return target.is_file()

    return exists


def site_addresses(site: Path, extra_files: Iterable[str] = ()) -> list[str]:
    """Every page of a built site as an address, plus the listed files that exist."""
    addresses = []
    for page in site.rglob("index.html"):
        relative = page.parent.relative_to(site).as_posix()
        folder = "" if relative == "." else relative + "/"
        if not folder.startswith(_NOT_ADDRESSES):
            addresses.append("/" + folder)
    addresses.extend(f for f in extra_files if (site / f.lstrip("/")).is_file())
    return sorted(addresses)


def with_addresses(text: str, addresses: Iterable[str]) -> str:
    """The registry with the addresses it lacks added at the end; its lines left as they are."""
    entries, _ = parse_registry(REGISTRY, text)
    listed = {entry.address for entry in entries}
    missing = sorted(set(addresses) - listed)
    if not text.strip():
        text = REGISTRY_HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    return text + "".join(f"{address}\n" for address in missing)
