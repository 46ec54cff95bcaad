"""Personal data in one text field of a vignette: what must go before a case is published.

Identifiers (NAS, telephone, e-mail, postal code, street address, date of birth, policy or
claim number) are found by patterns; people and institutions by lists of names
(``data/pd_*.txt``) looked up word by word. Speed: a scan costs about as much as the text is
long, so the text is scanned a few times only (numbers, runs of capitalised words, names of
institutions, file-number keywords); other patterns run only where a cheap substring test
says they can match. Every repetition is bounded or unambiguous: no input backtracks for long.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

_DATA = Path(__file__).parent / "data"

# kind: (label, reason). The order is the priority between two findings of the same span: a
# 9-digit number that passes Luhn is reported as a NAS even after « police » or « dossier ».
KINDS: dict[str, tuple[str, str]] = {
    "nas": (
        "numéro d'assurance sociale",
        "un NAS identifie une personne de façon unique ; retirez-le.",
    ),
    "courriel": ("adresse courriel", "une adresse courriel mène à une personne ; retirez-la."),
    "numero-dossier": (
        "numéro de police ou de dossier",
        "un numéro de police, de contrat ou de dossier renvoie à un dossier réel ; retirez-le.",
    ),
    "telephone": (
        "numéro de téléphone",
        "un numéro de téléphone permet de joindre une personne ; retirez-le.",
    ),
    "code-postal": (
        "code postal",
        "un code postal situe un domicile à quelques rues près ; retirez-le.",
    ),
    "adresse": (
        "adresse civique",
        "une adresse civique situe une personne ; nommez plutôt un type de lieu.",
    ),
    "date-naissance": (
        "date de naissance",
        "une date de naissance aide à reconnaître une personne ; "
        "donnez plutôt un âge approximatif.",
    ),
    "nom-personne": (
        "nom de personne",
        "un nom désigne une personne ; nommez plutôt son rôle (« la conseillère »).",
    ),
    "nom-institution": (
        "nom d'assureur ou d'institution financière",
        "ce nom fait reconnaître l'organisation et ses employés ; "
        "écrivez plutôt « un assureur » ou « une banque ».",
    ),
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


# (start, end, kind, rank): between overlapping candidates the longer, then the lower rank, wins.
_Candidate = tuple[int, int, str, int]
_Token = tuple[int, int, str]  # a capitalised word: start, end, folded lower-case form
_Trie = dict[str, "_Trie"]

_FOLD = {
    code: unicodedata.normalize("NFD", chr(code))[0]
    for code in range(0xC0, 0x250)
    if unicodedata.normalize("NFD", chr(code))[0].isascii()
} | {ord("’"): "'"}


def _key(text: str) -> str:
    """Case, accents, punctuation and spacing ignored: the form in which names are compared."""
    return " ".join(re.sub(r"[\W_]+", " ", text.translate(_FOLD).lower()).split())


def _compact(text: str) -> str:
    return _key(text).replace(" ", "")


def _read(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(word.translate(_FOLD).lower() for line in _read(name) for word in line.split())


FIRST_NAMES = _words("pd_prenoms.txt")
SURNAMES = _words("pd_noms.txt")
NOT_NAMES = _words("pd_mots_outils.txt")
KNOWN_PHRASES = frozenset(_key(line) for line in _read("pd_expressions.txt"))
# compact key ("cooperators") -> (name as listed, rule); the rules are in pd_institutions.txt.
INSTITUTIONS = {
    _compact(name): (name.strip(), rule.strip())
    for name, _, rule in (line.partition("|") for line in _read("pd_institutions.txt"))
}
HONORIFICS = frozenset(word for line in _read("pd_titres.txt") for word in line.split())
# Written out in full, a title may be in lower case too (« madame Girard »).
_LOWER_TITLES = tuple(sorted(word.lower() for word in HONORIFICS if len(word) > 4))
_ACCENTED = {"a": "[aàâä]", "c": "[cç]", "e": "[eéèêë]", "i": "[iîï]", "o": "[oôö]", "u": "[uùûü]"}


def _trie_pattern(names: Collection[str]) -> str:
    """One regex for many names, prefixes shared: each position follows a single branch."""
    trie: _Trie = {}
    for name in names:
        node = trie
        for char in " ".join(re.findall(r"\w+", name.translate(_FOLD).lower())):
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: _Trie) -> str:
    branches = [
        (r"[\s'’-]{0,2}" if char == " " else _ACCENTED.get(char, re.escape(char)))
        + _node_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_UP = "A-ZÀ-ÖØ-Þ"
_CAP = rf"[{_UP}][\w'’-]*"
_STREET = (
    r"(?i:rue|avenue|av\.|boulevard|boul\.|bd|blvd\.?|chemin|ch\.|rang|route|place|"
    r"croissant|mont[ée]e|c[ôo]te|all[ée]e|impasse|promenade|terrasse|carr[ée]|ruelle)"
)
_PHONE_END = (
    r"[2-9]\d\d[ .-]?\d{4}(?![\w-]|[.,]\d)"
    r"(?:,?\s?(?i:poste|p\.|ext\.?|extension|x|#)\s?\d{1,6}(?!\w))?"
)
# Led by a digit, so that the engine jumps from digit to digit. Some matches start one or two
# characters before their digit (« (514) », « +1 », the letter of a postal code): see _numbers.
_NUMBERS = re.compile(
    r"\d(?<!\d\d)(?:(?P<nas>(?<![\w.,$-]\d)(?<!\d\s\d)\d\d(?P<sep>[ \u00a0\u202f-]?)"
    r"\d{3}(?P=sep)\d{3}(?![\w$%-]|[\s,.]\d|\s?[$%]))"
    rf"|(?P<telephone>(?<![\w$.,-]1)(?<=1)[ .-]?\(?[2-9]\d\d\)?[ .-]?{_PHONE_END}"
    rf"|(?<![\w$.,-]\d)(?<=[2-9])\d\d\)?[ .-]?{_PHONE_END})"
    r"|(?P<code_postal>(?<![\w-][A-Za-z]\d)(?<=[ABCEGHJ-NPRSTVXYabceghj-nprstvxy]\d)"
    r"[ABCEGHJ-NPRSTV-Zabceghj-nprstv-z][ -]?\d[ABCEGHJ-NPRSTV-Zabceghj-nprstv-z]\d(?![\w-]))"
    rf"|(?P<adresse>(?<![\w.,$-]\d)\d{{0,5}}(?:-?[a-dA-D](?!\w)|-\d{{1,5}})?,?\s{{1,2}}(?:"
    rf"{_STREET}\s{{1,2}}(?:(?i:de la|de l['’]|du|des|de|d['’]|la|le|l['’])\s?)?"
    rf"(?:{_CAP}|\d{{1,3}}(?:e|re|i[eè]me)?(?!\w))(?: {_CAP}){{0,2}}"
    r"|\d{1,3}(?:e|re) (?i:avenue|rue|rang)(?!\w)"
    rf"|{_CAP}(?: {_CAP}){{0,2}} (?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?|"
    r"Drive|Lane|Crescent|Court|Way)(?!\w)(?: (?:East|West|North|South|Est|Ouest|Nord|Sud))?))"
    r"|(?P<local>(?<![\w$.,-]\d)(?<=[2-9])\d\d-\d{4}(?![\w-])))"
)
_LOCAL_CONTEXT = re.compile(
    r"(?:\bt[ée]l\.?|t[ée]l[ée]phone|\bcell(?:ulaire)?|(?:joindre|"
    r"appele[rz]|compose[rz]|texte[rz]) (?:au|le))\s?:?\s?$"
)
_NAS_CONTEXT = re.compile(r"\b(?:nas|sin|assurance[ -]sociale|social insurance)\b")
_FILE_WORDS = (  # noqa: SIM905 -- one branch per keyword, see _FILE
    "polices? contrats? dossiers? r[ée]clamations? sinistres? certificats? matricule compte "
    "folio r[ée]f[ée]rence r[ée]f num[ée]ros? nos?"
).split()
# Each keyword is its own branch, so that the engine only stops on their first letters.
_FILE = re.compile(
    "(?:" + "|".join(word + r"\b\.?" for word in _FILE_WORDS) + r"|n[°º]s?|#)"
    r"(?:\s{1,2}(?:de (?:la |l['’])?|du |des |d['’])(?:police|contrat|dossier|r[ée]clamation|"
    r"sinistre|client|cliente|membre|assurance|assur[ée]e?|compte|r[ée]f[ée]rence|certificat|"
    r"employ[ée]e?|auto|habitation|vie|groupe|adh[ée]rente?)s?\b){0,2}"
    r"(?:\s{0,2}(?:[:,]|(?:no|num[ée]ro)\b\.?|n[°º]|#)){0,2}\s{0,2}"
    r"(?P<id>[a-z0-9](?:[a-z0-9]|[-/.](?=[a-z0-9])|(?<=\d) (?=\d{3,4}(?!\d))){0,40})"
)
_YEARS = re.compile(r"(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?")
_PHONE_SHAPE = re.compile(r"\d{3}[ .-]\d{3}[ .-]\d{4}")
_MONEY_AFTER = re.compile(r"\s?(?:\$|%|dollars?\b)")
_LAW_BEFORE = re.compile(r"\b(?:article|art\.|loi|r[èe]glement|chapitre|alin[ée]a)\s*$")
_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]{1,64}(?:@|\s?[\[(](?:at|arobase)[\])]\s?)"
    r"[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6}(?![\w-])",
    re.I,
)
_PO_BOX = re.compile(r"(?<![\w.])(?:c\.\s?p\.|case postale)\s?\d{2,6}(?!\w)")
_MONTH = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|"
    r"novembre|d[ée]cembre|janv\.|f[ée]vr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|d[ée]c\.)"
)
_DATE = re.compile(
    rf"(?<![\w/.-])(?:(?:1er|[0-3]?\d)\s{_MONTH}(?:\s(?:19|20)\d\d)?|{_MONTH}\s(?:19|20)\d\d"
    r"|[0-3]?\d[/.-][01]?\d[/.-](?:19|20)?\d\d|(?:19|20)\d\d[/.-][01]?\d[/.-][0-3]?\d)"
    r"(?![\w/])"
)
_DIGIT = re.compile(r"\d")
_GAP_BREAK = re.compile(r"[.!?;\n\d]")  # another sentence, or another number in between
_BIRTH_HINT = re.compile(r"née?s?(?:\(e\))?(?!\w)|naissance|ddn|dob|born")  # in lower case
# A capitalised word; bounded, so that « A'A'A'… » costs little from each of its starts.
_W_REST = rf"(?:\.-[{_UP}]|\w{{0,40}}(?:['’-]\w{{1,40}}){{0,4}})"
_WORD = re.compile(rf"[{_UP}]{_W_REST}")
_RUN = re.compile(rf"[{_UP}](?<![\w-][{_UP}]){_W_REST}(?:\.?\s{{1,3}}[{_UP}]{_W_REST}){{1,8}}")
_LOWER_HONORIFIC = re.compile(rf"(?:{'|'.join(_LOWER_TITLES)})\s{{1,2}}(?=[{_UP}])")
_PLACE_BEFORE = re.compile(
    r"\b(?:rue|avenue|av|boulevard|boul|chemin|pont|parc|place|station|m[ée]tro|[ée]cole|"
    r"coll[èe]ge|c[ée]gep|universit[ée]|h[ôo]pital|pavillon|fondation|prix|salle|centre|"
    r"a[ée]roport|autoroute|route|rang|promenade|mont[ée]e|c[ôo]te|r[ée]sidence|lac|saint|"
    r"sainte)\.?\s{1,2}$"
)
_INSTITUTION = re.compile(
    r"(?<!\w)" + _trie_pattern([n for n, _ in INSTITUTIONS.values()]) + r"(?!\w)"
)
_COMPANY_AFTER = re.compile(r"\s{1,2}(?:assurances?|groupe|financi[èe]re|vie|inc|lt[ée]e)\b")


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].rstrip(" \t*_«\"“'’([#>-")
    return not before or before[-1] in ".!?…\n"


def _numbers(text: str, low: str) -> Iterator[_Candidate]:
    for m in _NUMBERS.finditer(text):
        kind, start, end = m.lastgroup or "", m.start(), m.end()
        if kind == "nas":
            # A 9-digit number that fails Luhn is not a NAS, unless the text says it is one.
            if _luhn(re.sub(r"\D", "", m[0])) or _NAS_CONTEXT.search(
                low, max(0, start - 40), start
            ):
                yield start, end, "nas", _RANK["nas"]
        elif kind == "telephone":
            before = text[max(0, start - 1) : start]
            if before == "+" or (before == "(" and m[0][3:4] == ")"):
                start -= 1
            yield start, end, "telephone", _RANK["telephone"]
        elif kind == "local":
            if _LOCAL_CONTEXT.search(low, max(0, start - 25), start):
                yield start, end, "telephone", _RANK["telephone"]
        elif kind:
            kind = kind.replace("_", "-")
            yield start - (kind == "code-postal"), end, kind, _RANK[kind]


def _file_numbers(text: str, low: str) -> Iterator[_Candidate]:
    for m in _FILE.finditer(low):
        if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] in "#°º_"):
            continue  # the keyword is the end of a longer word; no lookbehind keeps scans fast
        ident = m["id"].rstrip(" ")
        digits = sum(c.isdigit() for c in ident)
        if digits < 4 and not (digits >= 3 and any(c.isalpha() for c in ident)):
            continue
        end = m.start("id") + len(ident)
        if (
            _YEARS.fullmatch(ident)
            or _PHONE_SHAPE.fullmatch(ident)
            or _MONEY_AFTER.match(low, end)
            or _LAW_BEFORE.search(low, max(0, m.start() - 20), m.start())
        ):
            continue
        yield m.start("id"), end, "numero-dossier", _RANK["numero-dossier"]


def _dates_of_birth(text: str, low: str) -> Iterator[_Candidate]:
    """A date a few words before or after « né », « naissance », « DDN », same sentence."""
    seen = set()
    for hint in _BIRTH_HINT.finditer(low):
        if hint.start() and low[hint.start() - 1].isalnum():
            continue  # « année », « mené »
        for m in _DATE.finditer(low, max(0, hint.start() - 50), hint.end() + 50):
            after = m.start() >= hint.end()
            gap = low[hint.end() : m.start()] if after else low[m.end() : hint.start()]
            if m.start() not in seen and len(gap) <= 35 and not _GAP_BREAK.search(gap):
                seen.add(m.start())
                yield m.start(), m.end(), "date-naissance", _RANK["date-naissance"]


def _emails(text: str, low: str) -> Iterator[_Candidate]:
    for m in _EMAIL.finditer(text):
        yield m.start(), m.end(), "courriel", _RANK["courriel"]


def _po_boxes(text: str, low: str) -> Iterator[_Candidate]:
    for m in _PO_BOX.finditer(low):
        yield m.start(), m.end(), "adresse", _RANK["adresse"]


def _institutions(text: str, low: str) -> Iterator[_Candidate]:
    for m in _INSTITUTION.finditer(low):
        found = text[m.start() : m.end()]
        name, rule = INSTITUTIONS[_compact(found)]
        if rule == "casse" and re.sub(r"\W+", "", found) != re.sub(r"\W+", "", name):
            continue
        if rule in ("majuscule", "contexte") and not _same_capitals(found, name):
            continue
        if (
            rule == "contexte"
            and _starts_sentence(text, m.start())
            and not _COMPANY_AFTER.match(low, m.end())
        ):
            continue
        yield m.start(), m.end(), "nom-institution", _RANK["nom-institution"]


def _same_capitals(found: str, name: str) -> bool:
    """Words of three letters or more keep the capital they have in the listed name."""
    found_words, name_words = re.findall(r"\w+", found), re.findall(r"\w+", name)
    if len(found_words) != len(name_words):
        return found[0].isupper() or not name[0].isupper()
    return all(
        f[0].isupper()
        for f, n in zip(found_words, name_words, strict=True)
        if len(n) >= 3 and n[0].isupper()
    )


def _is_first_name(word: str) -> bool:
    parts = word.split("-")
    return word in FIRST_NAMES or (1 < len(parts) <= 3 and all(p in FIRST_NAMES for p in parts))


def _is_surname(word: str) -> bool:
    return word in SURNAMES or all(part in SURNAMES for part in word.split("-"))


def _name_part(text: str, token: _Token) -> bool:
    """Can be part of a name: not a tool word nor an initial; in capitals only if listed."""
    start, end, word = token
    if word in NOT_NAMES or end - start < 2 or text[start:end] in HONORIFICS:
        return False
    return not text[start:end].isupper() or _is_surname(word) or _is_first_name(word)


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [
        (m.start(), m.end(), m[0].translate(_FOLD).lower())
        for m in _WORD.finditer(text, start, end)
    ]


def _joined(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left[1] : right[0]]
    return "." not in gap and gap.count("\n") <= 1


def _name_end(text: str, tokens: list[_Token], first: int, most: int) -> int:
    """Index after the last word of a name starting at ``first`` (``first`` if none)."""
    last = first
    while (
        last < len(tokens)
        and last - first < most
        and _name_part(text, tokens[last])
        and (last == first or _joined(text, tokens[last - 1], tokens[last]))
    ):
        last += 1
    return last


def _is_name_pair(text: str, low: str, left: _Token, right: _Token) -> bool:
    """« Julie Tremblay »: a first name, or a capitalised word before a listed surname."""
    if (
        not (_joined(text, left, right) and _name_part(text, left) and _name_part(text, right))
        or f"{_key(left[2])} {_key(right[2])}" in KNOWN_PHRASES
        or _PLACE_BEFORE.search(low, max(0, left[0] - 20), left[0])
    ):
        return False
    if _is_first_name(left[2]):
        return True
    return (
        _is_surname(right[2])
        and not text[left[0] : left[1]].isupper()
        and _compact(right[2]) not in INSTITUTIONS
    )


def _name_at(text: str, low: str, tokens: list[_Token], i: int) -> int:
    """Index after the last word of a name that starts at word ``i`` (``i`` when none does)."""
    start, end, _ = tokens[i]
    word, dot = text[start:end], text[end : end + 1] == "."
    if word in HONORIFICS and (dot or word not in ("M", "MM")):
        return _name_end(text, tokens, i + 1, 3)
    if re.fullmatch(r"[A-Z](?:\.-[A-Z])?", word) and dot:  # « J. Tremblay », « J.-F. Roy »
        return i + 2 if _is_surname(tokens[i + 1][2]) else i
    if not _is_name_pair(text, low, tokens[i], tokens[i + 1]):
        return i
    if _is_first_name(tokens[i + 1][2]) or (i + 2 < len(tokens) and _is_surname(tokens[i + 2][2])):
        return _name_end(text, tokens, i + 2, 1)  # « Marie Claude Tremblay »
    return i + 2


def _names_in_run(text: str, low: str, tokens: list[_Token]) -> Iterator[tuple[int, int]]:
    i = 0
    while i < len(tokens) - 1:
        last = _name_at(text, low, tokens, i)
        if last > i + 1:
            yield tokens[i][0], tokens[last - 1][1]
        i = max(last, i + 1)


def _person_names(text: str, low: str) -> Iterator[_Candidate]:
    rank = _RANK["nom-personne"]
    for run in _RUN.finditer(text):
        for start, end in _names_in_run(text, low, _tokens(text, run.start(), run.end())):
            yield start, end, "nom-personne", rank
    if _holds_any(low, _LOWER_TITLES):
        for m in _LOWER_HONORIFIC.finditer(text):
            if m.start() and text[m.start() - 1].isalnum():
                continue
            tokens = _tokens(text, m.end(), min(len(text), m.end() + 80))
            last = _name_end(text, tokens, 0, 3) if tokens and tokens[0][0] == m.end() else 0
            if last:
                yield m.start(), tokens[last - 1][1], "nom-personne", rank


# Substrings without which a detector cannot match (tested on the lower-case text).
_BIRTH_HINTS = ("né", "naissance", "ddn", "dob", "born")
_PO_BOX_HINTS = ("c.p", "c. p", "postale")
_EMAIL_HINTS = ("@", "[at]", "(at)", "arobase")


def _holds_any(low: str, words: tuple[str, ...]) -> bool:
    # ``map`` keeps the loop in C: a generator expression here cost a tenth of the scan.
    return any(map(low.__contains__, words))


def _candidates(text: str, low: str) -> Iterator[_Candidate]:
    """Every detector that can match; cheap tests first, as most fields hold nothing to find."""
    if _DIGIT.search(text):
        yield from _numbers(text, low)
        yield from _file_numbers(text, low)
        if _holds_any(low, _BIRTH_HINTS):
            yield from _dates_of_birth(text, low)  # « né » is also in « année »: checked there
        if _holds_any(low, _PO_BOX_HINTS):
            yield from _po_boxes(text, low)
    if _holds_any(low, _EMAIL_HINTS):
        yield from _emails(text, low)
    if text != low:  # a name needs a capital
        yield from _person_names(text, low)
    yield from _institutions(text, low)


def _is_accepted(found: str, kind: str, accepted: Collection[str]) -> bool:
    found_key = f" {_key(found)} "
    return any(
        found_key in f" {entry} " or (kind in _NAME_KINDS and f" {entry} " in found_key)
        for entry in accepted
    )


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Overlapping candidates: the longest stays; for the same length, the lower rank."""
    kept: list[_Candidate] = []  # sorted by start, never overlapping
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[3], c[0])):
        at = bisect.bisect(kept, cand)
        if (at == 0 or kept[at - 1][1] <= cand[0]) and (at == len(kept) or cand[1] <= kept[at][0]):
            kept.insert(at, cand)
    return kept


def find_personal_data(text: str, accepted: Collection[str] = ()) -> list[Finding]:
    """Findings in one text field, in order of position.

    ``accepted`` are the file's ``anonymisation.accepter`` entries. Both sides are compared
    with case, accents and punctuation ignored and whitespace collapsed, on whole words: a
    finding is dropped when its text equals an entry or lies inside one (« Julie » inside an
    accepted « Julie Tremblay »), and a name finding is dropped too when it contains an entry
    (the accepted pseudonym « Tremblay » covers « Mme Tremblay »).
    """
    low = text.lower()
    if len(low) != len(text):  # a few characters (« İ ») lengthen when lower-cased
        low = "".join(char.lower()[0] for char in text)
    keys = [key for key in map(_key, accepted) if key]
    candidates = list(_candidates(text, low))
    kept = _resolve([c for c in candidates if not _is_accepted(text[c[0] : c[1]], c[2], keys)])
    return [
        Finding(kind, KINDS[kind][0], start, end, text[start:end], KINDS[kind][1])
        for start, end, kind, _ in kept
    ]
