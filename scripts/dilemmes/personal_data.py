"""Personal data in one text field of a vignette: what must go before a case is published.

Structured identifiers (NAS, telephone, e-mail, postal code, street address, date of birth,
policy or claim number) are found by patterns; people and institutions by lists of names
(``data/pd_*.txt``) looked up token by token. Text is matched after ``_fold``, which removes
accents without moving offsets. Every pattern is anchored at a word start and its repetitions
are bounded or unambiguous, so that no input makes the regex engine backtrack for long.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

_DATA = Path(__file__).parent / "data"

# kind: (label, reason). The order is the priority between two findings of the same span.
KINDS: dict[str, tuple[str, str]] = {
    "nas": ("numéro d'assurance sociale",
            "un NAS identifie une personne de façon unique ; retirez-le."),
    "courriel": ("adresse courriel",
                 "une adresse courriel mène à une personne ; retirez-la."),
    "numero-dossier": ("numéro de police ou de dossier",
                       "un numéro de police, de contrat ou de dossier renvoie à un dossier réel ; "
                       "retirez-le."),
    "telephone": ("numéro de téléphone",
                  "un numéro de téléphone permet de joindre une personne ; retirez-le."),
    "code-postal": ("code postal",
                    "un code postal situe un domicile à quelques rues près ; retirez-le."),
    "adresse": ("adresse civique",
                "une adresse civique situe une personne ; nommez plutôt un type de lieu."),
    "date-naissance": ("date de naissance",
                       "une date de naissance aide à reconnaître une personne ; "
                       "donnez plutôt un âge approximatif."),
    "nom-personne": ("nom de personne",
                     "un nom désigne une personne ; nommez plutôt son rôle (« la conseillère ») "
                     "ou déclarez le pseudonyme dans anonymisation.accepter."),
    "nom-institution": ("nom d'assureur ou d'institution financière",
                        "ce nom fait reconnaître l'organisation et ses employés ; écrivez "
                        "« un assureur », « une banque » ou déclarez-le dans "
                        "anonymisation.accepter."),
}
_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
_NAME_KINDS = frozenset({"nom-personne", "nom-institution"})


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text field."""

    kind: str
    label: str
    start: int
    end: int
    text: str
    reason: str


# (start, end, kind, rank): a lower rank wins between two findings of the same length.
_Candidate = tuple[int, int, str, int]
_Detector = Callable[[str, str], Iterator[_Candidate]]
_Trie = dict[str, "_Trie"]


def _fold_table() -> dict[int, str]:
    """One character for one: accents off, typographic apostrophes, spaces and hyphens plain."""
    table = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base
    table.update({ord(c): "'" for c in "’‘ʼ"})
    table.update({ord(c): " " for c in "\u00a0\u202f\u2009\u2007"})
    table.update({ord(c): "-" for c in "\u2010\u2011"})
    return table


_FOLD = _fold_table()


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _key(text: str) -> str:
    """Case, accents, punctuation and spacing ignored: the form in which names are compared."""
    return " ".join(re.sub(r"[\W_]+", " ", _fold(text).lower()).split())


def _read(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(_fold(word).lower() for line in _read(name) for word in line.split())


FIRST_NAMES = _words("pd_prenoms.txt")
SURNAMES = _words("pd_noms.txt")
NOT_NAMES = _words("pd_mots_outils.txt")
KNOWN_PHRASES = frozenset(_key(line) for line in _read("pd_expressions.txt"))
# compact key ("cooperators") -> (name as listed, rule); see pd_institutions.txt for the rules.
INSTITUTIONS = {
    re.sub(r"[\W_]+", "", _fold(name).lower()): (_fold(name.strip()), rule.strip())
    for name, _, rule in (line.partition("|") for line in _read("pd_institutions.txt"))
}


def _trie_pattern(names: Collection[str]) -> str:
    """One regex for many names, shared prefixes merged: each position costs one branch."""
    trie: _Trie = {}
    for name in names:
        node = trie
        for char in " ".join(re.findall(r"\w+", _fold(name).lower())):
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: _Trie) -> str:
    branches = [(r"[\s'-]{0,2}" if char == " " else re.escape(char)) + _node_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_INSTITUTION = re.compile(r"(?<!\w)" + _trie_pattern([n for n, _ in INSTITUTIONS.values()])
                          + r"(?!\w)", re.I)
_COMPANY_AFTER = re.compile(r"\s{1,2}(?:assurances?|groupe|financiere|vie|inc|ltee)\b", re.I)

_NAS = re.compile(r"(?<![\w.,$-])(?<!\d )(\d{3})([ -]?)(\d{3})\2(\d{3})(?![\w$%-]|[ ,.]\d| ?[$%])")
_NAS_CONTEXT = re.compile(r"\b(?:nas|sin|assurance[ -]sociale|social insurance)\b", re.I)
_PHONE = re.compile(
    r"(?<![\w+$.-])(?:\+?1[ .-]?)?(?:\([2-9]\d\d\) ?|[2-9]\d\d[ .-]?)[2-9]\d\d[ .-]?\d{4}"
    r"(?![\w-]|[.,]\d)(?:,? ?(?:poste|p\.|ext\.?|extension|x|#) ?\d{1,6}(?!\w))?", re.I)
_LOCAL_PHONE = re.compile(
    r"(?:\btel\.?|\btelephone|\bcell(?:ulaire)?|\b(?:joindre|appele[rz]|rappele[rz]|"
    r"compose[rz]|texte[rz]) (?:au|le)) ?:? ?([2-9]\d\d-\d{4})(?![\w-])", re.I)
_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]{1,64}(?:@| ?[\[(](?:at|arobase)[\])] ?)"
    r"[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6}(?![\w-])", re.I)
_POSTAL = re.compile(
    r"(?<![\w-])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-])", re.I)
_CAP_WORD = r"(?-i:[A-Z])[\w'-]*"
_ADDRESS = re.compile(
    r"(?<![\w.,$-])\d{1,6}(?:-?[a-d](?!\w)|-\d{1,5})?,?\s{1,2}(?:"
    r"(?:rue|avenue|av\.|boulevard|boul\.|bd|blvd\.?|chemin|ch\.|rang|route|place|croissant|"
    r"montee|cote|allee|impasse|promenade|terrasse|carre|ruelle|square|voie)\s{1,2}"
    r"(?:(?:de la|de l'|du|des|de|d'|la|le|l')\s{0,2})?"
    rf"(?:{_CAP_WORD}|\d{{1,3}}(?:e|re|ieme)?(?!\w))(?: {_CAP_WORD}){{0,2}}"
    r"|\d{1,3}(?:e|re|ieme) (?:avenue|rue|rang)(?!\w)"
    rf"|{_CAP_WORD}(?: {_CAP_WORD}){{0,2}} (?-i:Street|St\.|Avenue|Ave\.?|Road|Rd\.|"
    r"Boulevard|Blvd\.?|Drive|Lane|Crescent|Court|Way)(?!\w)"
    r"(?: (?-i:East|West|North|South|Est|Ouest|Nord|Sud)(?!\w))?)", re.I)
_PO_BOX = re.compile(r"(?<![\w.])(?:c\. ?p\.|case postale) ?\d{2,6}(?!\w)", re.I)
_MONTH = (r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|"
          r"decembre|janv\.|fevr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|dec\.)")
_DATE = re.compile(
    rf"(?<![\w/.-])(?:(?:1er|[0-3]?\d) {_MONTH}(?: (?:19|20)\d\d)?|{_MONTH} (?:19|20)\d\d"
    r"|[0-3]?\d[/.-][01]?\d[/.-](?:19|20)?\d\d|(?:19|20)\d\d[/.-][01]?\d[/.-][0-3]?\d)"
    r"(?![\w/])", re.I)
_BORN = re.compile(r"(?<!\w)(?:née?s?|NÉE?S?|né\(e\))(?!\w)")
_BIRTH = re.compile(r"naissance|\bddn\b|\bdob\b|date of birth|\bborn\b", re.I)
_FILE = re.compile(
    r"(?<![\w#°º])(?:(?:polices?|contrats?|dossiers?|reclamations?|sinistres?|certificats?|"
    r"matricule|compte|folio|reference|ref|numeros?|nos?)\b\.?|n[°º]s?|#)"
    r"(?: {1,2}(?:de (?:la |l')?|du |des |d')(?:police|contrat|dossier|reclamation|sinistre|"
    r"client|cliente|membre|assurance|assuree?|compte|reference|certificat|employee?|auto|"
    r"habitation|vie|groupe|adherente?)s?\b){0,2}"
    r"(?: {0,2}(?::|(?:no|numero)\b\.?|n[°º]|#)){0,2} {0,2}"
    r"(?P<id>[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])| (?=\d{3}(?!\d))){0,40})", re.I)
_YEARS = re.compile(r"(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?")
_PHONE_SHAPE = re.compile(r"\d{3}[ .-]\d{3}[ .-]\d{4}")
_MONEY_AFTER = re.compile(r" ?(?:\$|%|dollars?\b)", re.I)
_LAW_BEFORE = re.compile(r"\b(?:article|art\.|loi|reglement|chapitre|alinea|paragraphe)\s*$",
                         re.I)
_DIGIT = re.compile(r"\d")

_TOKEN = re.compile(r"(?:(?<![\w'-])|(?<=\b[dljDLJ]')|(?<=\b[qQ]u'))[A-Z]\w*(?:['-][A-Za-z]\w*)*")
_HONORIFIC = re.compile(
    r"(?<![\w.])(?:M\.|MM\.|(?:Mmes?|Mlles?|Me|Dre?|Pre?|Mrs?|Ms)\b\.?"
    r"|(?i:monsieur|madame|mademoiselle|maitre|docteure?|professeure?)\b) {1,2}")
_INITIAL = re.compile(r"(?<![\w.'-])[A-Z]\.(?:-?[A-Z]\.)? {1,2}")
_PLACE_BEFORE = re.compile(
    r"\b(?:rue|avenue|av|boulevard|boul|chemin|pont|parc|place|station|metro|ecole|college|"
    r"cegep|universite|hopital|pavillon|fondation|prix|salle|centre|aeroport|autoroute|route|"
    r"rang|promenade|montee|cote|carre|complexe|residence|lac|mont|ile|saint|sainte)\.? {1,2}$",
    re.I)


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _starts_sentence(folded: str, start: int) -> bool:
    before = folded[max(0, start - 12):start].rstrip(" \t*_«\"“([#>-")
    return not before or before[-1] in ".!?…\n"


def _nas(text: str, folded: str) -> Iterator[_Candidate]:
    # A 9-digit number that fails Luhn is not a NAS unless the text says it is one.
    for m in _NAS.finditer(folded):
        if _NAS_CONTEXT.search(folded, max(0, m.start() - 40), m.start()):
            yield m.start(), m.end(), "nas", -1
        elif _luhn(m[1] + m[3] + m[4]):
            yield m.start(), m.end(), "nas", _RANK["nas"]


def _file_numbers(text: str, folded: str) -> Iterator[_Candidate]:
    for m in _FILE.finditer(folded):
        ident = m["id"].rstrip(" ")
        digits = sum(c.isdigit() for c in ident)
        if digits < 4 and not (digits >= 3 and any(c.isalpha() for c in ident)):
            continue
        end = m.start("id") + len(ident)
        if (_YEARS.fullmatch(ident) or _PHONE_SHAPE.fullmatch(ident)
                or _MONEY_AFTER.match(folded, end)
                or _LAW_BEFORE.search(folded, max(0, m.start() - 20), m.start())):
            continue
        yield m.start("id"), end, "numero-dossier", _RANK["numero-dossier"]


def _dates_of_birth(text: str, folded: str) -> Iterator[_Candidate]:
    for m in _DATE.finditer(folded):
        before = re.split(r"[.!?;,\n]", text[max(0, m.start() - 40):m.start()])[-1]
        after = re.split(r"[.!?;\n]", folded[m.end():m.end() + 30])[0]
        if _BORN.search(before) or _BIRTH.search(_fold(before)) or _BIRTH.search(after):
            yield m.start(), m.end(), "date-naissance", _RANK["date-naissance"]


def _simple(pattern: re.Pattern[str], kind: str, group: int = 0) -> _Detector:
    def detect(text: str, folded: str) -> Iterator[_Candidate]:
        for m in pattern.finditer(folded):
            yield m.start(group), m.end(group), kind, _RANK[kind]
    return detect


def _institutions(text: str, folded: str) -> Iterator[_Candidate]:
    for m in _INSTITUTION.finditer(folded):
        name, rule = INSTITUTIONS[re.sub(r"[\W_]+", "", m[0].lower())]
        if rule == "casse" and re.sub(r"[\W_]+", "", m[0]) != re.sub(r"[\W_]+", "", name):
            continue
        if rule in ("majuscule", "contexte") and not _same_capitals(m[0], name):
            continue
        if (rule == "contexte" and _starts_sentence(folded, m.start())
                and not _COMPANY_AFTER.match(folded, m.end())):
            continue
        yield m.start(), m.end(), "nom-institution", _RANK["nom-institution"]


def _same_capitals(found: str, name: str) -> bool:
    """Words of three letters or more keep the capital they have in the listed name."""
    found_words, name_words = re.findall(r"\w+", found), re.findall(r"\w+", name)
    if len(found_words) != len(name_words):
        return found[0].isupper() or not name[0].isupper()
    return all(f[0].isupper() for f, n in zip(found_words, name_words, strict=True)
               if len(n) >= 3 and n[0].isupper())


def _is_first_name(word: str) -> bool:
    parts = word.split("-")
    return word in FIRST_NAMES or (1 < len(parts) <= 3 and all(p in FIRST_NAMES for p in parts))


def _is_surname(word: str) -> bool:
    return word in SURNAMES or all(p in SURNAMES for p in word.split("-"))


def _name_part(folded: str, token: tuple[int, int, str]) -> bool:
    """A word that can be part of a name: capitalised, not a tool word, capitals only if known."""
    start, end, word = token
    if word in NOT_NAMES or end - start < 2:
        return False
    return not folded[start:end].isupper() or _is_surname(word) or _is_first_name(word)


def _adjacent(folded: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    gap = folded[left[1]:right[0]]
    return 0 < len(gap) <= 3 and not gap.strip() and gap.count("\n") <= 1


def _person_names(text: str, folded: str) -> Iterator[_Candidate]:
    tokens = [(m.start(), m.end(), m[0].lower()) for m in _TOKEN.finditer(folded)]
    index = {token[0]: i for i, token in enumerate(tokens)}
    rank = _RANK["nom-personne"]
    for m in _HONORIFIC.finditer(folded):
        i = index.get(m.end())
        if i is not None and _name_part(folded, tokens[i]):
            yield m.start(), tokens[_extend(folded, tokens, i, 2)][1], "nom-personne", rank
    for m in _INITIAL.finditer(folded):
        i = index.get(m.end())
        if i is not None and _is_surname(tokens[i][2]):
            yield m.start(), tokens[i][1], "nom-personne", rank
    for i, (first, second) in enumerate(zip(tokens, tokens[1:], strict=False)):
        if not (_adjacent(folded, first, second) and _name_part(folded, first)
                and _name_part(folded, second)) or _is_pair_exempt(folded, first, second):
            continue
        if _is_first_name(first[2]) or (_is_surname(second[2]) and not folded[
                first[0]:first[1]].isupper()):
            yield first[0], tokens[_extend(folded, tokens, i + 1, 1)][1], "nom-personne", rank


def _extend(folded: str, tokens: list[tuple[int, int, str]], i: int, most: int) -> int:
    """Index of the last word of a name that starts at token ``i`` (a surname may follow)."""
    last = i
    while (last - i < most and last + 1 < len(tokens)
           and _adjacent(folded, tokens[last], tokens[last + 1])
           and _name_part(folded, tokens[last + 1])):
        last += 1
    return last


def _is_pair_exempt(folded: str, first: tuple[int, int, str], second: tuple[int, int, str]) -> bool:
    """A known phrase, a listed institution, or a name given to a street or a building."""
    return (f"{_key(first[2])} {_key(second[2])}" in KNOWN_PHRASES
            or re.sub(r"[\W_]+", "", second[2]) in INSTITUTIONS and not _is_first_name(first[2])
            or _PLACE_BEFORE.search(folded, max(0, first[0] - 16), first[0]) is not None)


_DIGIT_DETECTORS: tuple[_Detector, ...] = (
    _nas, _file_numbers, _dates_of_birth,
    _simple(_PHONE, "telephone"), _simple(_LOCAL_PHONE, "telephone", 1),
    _simple(_POSTAL, "code-postal"), _simple(_ADDRESS, "adresse"), _simple(_PO_BOX, "adresse"),
)


def _candidates(text: str, folded: str) -> Iterator[_Candidate]:
    if _DIGIT.search(folded):  # most fields have no digit: skip their patterns
        for detect in _DIGIT_DETECTORS:
            yield from detect(text, folded)
    if "@" in folded or "(at)" in folded or "[at]" in folded or "arobase" in folded:
        yield from _simple(_EMAIL, "courriel")(text, folded)
    yield from _institutions(text, folded)
    yield from _person_names(text, folded)


def _is_accepted(found: str, kind: str, accepted: Collection[str]) -> bool:
    found_key = f" {_key(found)} "
    return any(found_key in f" {entry} " or (kind in _NAME_KINDS and f" {entry} " in found_key)
               for entry in accepted)


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Overlapping findings: the longest stays; for the same length, the lower rank."""
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[3], c[0])):
        if all(cand[1] <= k[0] or k[1] <= cand[0] for k in kept):
            kept.append(cand)
    return sorted(kept)


def find_personal_data(text: str, accepted: Collection[str] = ()) -> list[Finding]:
    """Findings in one text field, in order of position.

    ``accepted`` are the file's ``anonymisation.accepter`` entries. Both sides are compared
    with case, accents and punctuation ignored and whitespace collapsed, on whole words: a
    finding is dropped when its text equals an entry or lies inside one (« Julie » inside an
    accepted « Julie Tremblay »), and a name finding is dropped too when it contains an entry
    (the accepted pseudonym « Tremblay » covers « Mme Tremblay »).
    """
    folded = _fold(text)
    keys = [key for key in map(_key, accepted) if key]
    kept = _resolve([c for c in _candidates(text, folded)
                     if not _is_accepted(text[c[0]:c[1]], c[2], keys)])
    return [Finding(kind, KINDS[kind][0], start, end, text[start:end], KINDS[kind][1])
            for start, end, kind, _ in kept]
