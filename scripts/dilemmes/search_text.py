"""Search text: the words of a French text as the search index and the query see them.

The same rules run in the browser (``overrides/assets/javascripts/recherche.js``,
``termes``); a test feeds both the same strings. Rules, in order:

1. lower case; the ligatures œ and æ become ``oe`` and ``ae``; accents are removed
   (« Clientèle » and « clientele » are one word, as are « manœuvre » and « manoeuvre »);
2. a word is a run of letters and digits: apostrophes (' and ’) and hyphens separate
   words, so « l'entreprise » gives « entreprise »; single letters (the elided l, d, j, …)
   and elided fragments (qu, jusqu, lorsqu, …) are dropped;
3. a light French stemming: a final ``s`` or ``x`` (plural) goes, then a final ``e``
   after ``ee`` or ``ere`` and ``le``/``ne`` after ``elle``/``enne`` (feminine): « employées »,
   « employé » → ``employe`` ; « conseillères », « conseiller » → ``conseiller``.

Stemming only ever removes letters, so a word typed halfway is still a prefix of the
stem of the whole word: the browser matches the last word of a query as a prefix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
ELIDED = frozenset({"qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"})
# Common words that would only make the index heavier: every case contains them.
# fmt: off
STOP_WORDS = frozenset((
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle",
    "elles", "en", "est", "et", "etre", "eu", "il", "ils", "je", "la", "le", "les", "leur",
    "leurs", "lui", "mais", "me", "meme", "mes", "moi", "mon", "ne", "nos", "notre", "nous",
    "on", "ont", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son",
    "sont", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous",
))
# fmt: on


def fold(text: str) -> str:
    """Lower case, ligatures spelled out, accents removed (combining marks, category M)."""
    if text.isascii():
        return text.lower()  # no ligature, nothing to decompose: most words
    decomposed = unicodedata.normalize("NFD", text.lower().translate(LIGATURES))
    return _NON_ASCII.sub(_without_marks, decomposed)


def stem(word: str) -> str:
    """A folded word without its plural and its most common feminine endings."""
    if len(word) > 3 and word[-1] in "sx" and word[-2] != "s":
        word = word[:-1]
    if len(word) > 4 and word.endswith("ee"):
        return word[:-1]
    if len(word) > 5 and word.endswith("ere"):
        return word[:-1]
    if len(word) > 5 and (word.endswith("elle") or word.endswith("enne")):
        return word[:-2]
    return word


def _mark_ranges() -> list[tuple[int, int]]:
    """First and last code of each run of combining marks (category M), where marks are."""
    ranges: list[tuple[int, int]] = []
    start = -1
    for code in (*range(0x20000), *range(0xE0000, 0xE1000)):
        if unicodedata.category(chr(code))[0] == "M":
            start = code if start < 0 else start
        elif start >= 0:
            ranges.append((start, code - 1))
            start = -1
    return ranges


_MARK_RANGES = _mark_ranges()
_MARK_CLASS = "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _MARK_RANGES) + "]"
_NO_MARKS: dict[int, None] = {code: None for a, b in _MARK_RANGES for code in range(a, b + 1)}
# Marks are looked for among the few characters that are not ASCII, a run at a time: four
# times faster than testing each character in Python, and folding long pages is most of
# the time of the search index's check for quoted trainer notes.
_NON_ASCII = re.compile("[^\\x00-\\x7f]+")


def _without_marks(run: re.Match[str]) -> str:
    return run.group().translate(_NO_MARKS)


# Letters, digits and combining marks, as ``[\p{L}\p{N}\p{M}]`` in the browser: a decomposed
# « é » (e + accent) stays one word. ``[^\W_]`` is Python's letters and digits; runs of each
# are taken whole (the two classes share no character), which is faster than one by one.
WORD = re.compile(f"(?:[^\\W_]+|{_MARK_CLASS}+)+")


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, folded word)`` for every word of ``text``, before stemming.

    Offsets are those of ``text``: folding may change a word's length (« œ » gives two
    letters), so each word is folded on its own.
    """
    for match in WORD.finditer(text):
        yield match.start(), match.end(), fold(match.group())


def is_word(folded: str) -> bool:
    """False for what the index leaves out: single letters and elided fragments."""
    return len(folded) > 1 and folded not in ELIDED


def terms(text: str) -> list[str]:
    """The index terms of a text, in order, stop words included."""
    return [stem(folded) for _start, _end, folded in spans(text) if is_word(folded)]
