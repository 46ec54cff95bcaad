"""The search index: documents in, small files a browser loads only as it needs them.

Material's own search downloads the whole index before the first result (36 MB at 5,000
cases). This index is cut into pieces: the terms, sorted, in chunks of about
``CHUNK_BYTES``; the documents (title, résumé, tags, address) in blocks of
``BLOCK_SIZE``. A query loads the chunks of its words and the blocks of its best results.
Each piece is a script (``__recherche("termes/3", {...});``) so that the same file
works fetched by the search worker and loaded by a ``<script>`` tag from ``file://``.

Scores are computed here, once: a BM25F weight of each term in each document (title,
keywords and themes weigh more than the text), times the term's rarity.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .search_text import STOP_WORDS, WORD, fold, is_word, stem

CHUNK_BYTES = 24_000
BLOCK_SIZE = 4
MAX_RESULTS = 50
SATURATION = 2.0  # BM25's k1: how fast repeating a word stops adding to its weight
LENGTH_NORM = 0.75  # BM25's b, for long fields only
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Field:
    """Indexed text with its weight; ``long`` fields are normalised by their length."""

    text: str
    weight: float
    long: bool = False


@dataclass(frozen=True)
class Document:
    """A search result: a page or a section of one (``parent`` is the page's number)."""

    location: str
    title: str
    text: str
    fields: tuple[Field, ...]
    tags: tuple[str, ...] = ()
    parent: int = -1
    boost: float = 1.0


@dataclass
class Index:
    """Term → postings ``[(document number, score)]``, and the spellings seen of each term."""

    documents: list[Document]
    postings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    spellings: dict[str, set[str]] = field(default_factory=dict)


def _field_terms(
    text: str, spellings: dict[str, set[str]], known: dict[str, str | None]
) -> Counter[str]:
    """The terms of a text and how often each occurs; ``known`` caches word → term."""
    counts: Counter[str] = Counter()
    for spelled, count in Counter(WORD.findall(text.lower())).items():
        if spelled not in known:
            folded = fold(spelled)
            keep = is_word(folded) and folded not in STOP_WORDS
            known[spelled] = stem(folded) if keep else None
            term = known[spelled]
            # Only spellings that the term does not already match as a prefix are kept:
            # the page highlighter needs « clientèle » for the term « clientele ».
            if term is not None and not spelled.startswith(term):
                spellings[term].add(spelled)
        term = known[spelled]
        if term is not None:
            counts[term] += count
    return counts


@dataclass
class Analysed:
    """Documents with the terms of each field, before the corpus-wide scoring.

    Analysing is most of the cost and needs one document at a time: ``make site`` analyses
    the cases in a second process while MkDocs builds the pages (``background``).
    """

    documents: list[Document] = field(default_factory=list)
    terms: list[list[tuple[Field, Counter[str], int]]] = field(default_factory=list)
    spellings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def analyse(documents: Sequence[Document]) -> Analysed:
    """The terms of every field of every document, and the spellings seen of each term."""
    result = Analysed()
    known: dict[str, str | None] = {}
    for document in documents:
        analysed = []
        for item in document.fields:
            counts = _field_terms(item.text, result.spellings, known)
            analysed.append((item, counts, sum(counts.values())))
        result.documents.append(document)
        result.terms.append(analysed)
    return result


def build_index(documents: Sequence[Document]) -> Index:
    """Score every term of every document (BM25F, with per-field weights)."""
    return score([analyse(documents)])


def score(parts: Sequence[Analysed]) -> Index:
    """The index of analysed documents, numbered in the order of ``parts``."""
    documents = [document for part in parts for document in part.documents]
    per_doc = [analysed for part in parts for analysed in part.terms]
    spellings: dict[str, set[str]] = defaultdict(set)
    for part in parts:
        for term, spelled in part.spellings.items():
            spellings[term] |= spelled
    lengths: dict[tuple[float, bool], list[int]] = defaultdict(list)
    for analysed in per_doc:
        for item, _, size in analysed:
            lengths[(item.weight, item.long)].append(size)
    average = {key: max(1.0, sum(v) / len(v)) for key, v in lengths.items()}

    weights: dict[str, dict[int, float]] = defaultdict(dict)
    for number, analysed in enumerate(per_doc):
        combined: dict[str, float] = defaultdict(float)
        for item, counts, size in analysed:
            norm = 1.0
            if item.long:
                ratio = size / average[(item.weight, item.long)]
                norm = 1 - LENGTH_NORM + LENGTH_NORM * ratio
            for term, count in counts.items():
                combined[term] += item.weight * count / norm
        for term, value in combined.items():
            weights[term][number] = documents[number].boost * value / (SATURATION + value)

    total = len(documents)
    postings: dict[str, list[tuple[int, int]]] = {}
    for term, docs in weights.items():
        rarity = math.log(1 + (total - len(docs) + 0.5) / (len(docs) + 0.5))
        postings[term] = [
            (number, max(1, round(10 * rarity * value))) for number, value in sorted(docs.items())
        ]
    return Index(documents, postings, {k: v for k, v in spellings.items() if v})


def _script(key: str, data: object) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"__recherche({json.dumps(key)},{payload});\n"


def _encode_postings(postings: list[tuple[int, int]]) -> list[int]:
    """``[gap, score, gap, score, …]``: document numbers as gaps compress better."""
    flat: list[int] = []
    previous = 0
    for number, score in postings:
        flat += [number - previous, score]
        previous = number
    return flat


def _term_chunks(index: Index) -> list[dict[str, list[object]]]:
    chunks: list[dict[str, list[object]]] = []
    current: dict[str, list[object]] = {"t": [], "p": [], "s": []}
    size = 0
    for term in sorted(index.postings):
        if size >= CHUNK_BYTES:
            chunks.append(current)
            current, size = {"t": [], "p": [], "s": []}, 0
        encoded = _encode_postings(index.postings[term])
        spelled = " ".join(sorted(index.spellings.get(term, ())))
        current["t"].append(term)
        current["p"].append(encoded)
        current["s"].append(spelled)
        size += len(term) + len(spelled) + len(json.dumps(encoded))
    if current["t"]:
        chunks.append(current)
    return chunks


def _document_record(document: Document) -> list[object]:
    return [document.location, document.title, document.text, list(document.tags)]


def index_files(index: Index, config: dict[str, object]) -> dict[str, str]:
    """The files of ``search/``: the manifest (Material's ``search_index.json``), pieces."""
    files: dict[str, str] = {}
    chunks = _term_chunks(index)
    for number, chunk in enumerate(chunks):
        files[f"termes/{number}.js"] = _script(f"termes/{number}", chunk)
    documents = index.documents
    for start in range(0, len(documents), BLOCK_SIZE):
        number = start // BLOCK_SIZE
        block = [_document_record(d) for d in documents[start : start + BLOCK_SIZE]]
        files[f"documents/{number}.js"] = _script(f"documents/{number}", block)
    manifest = {
        "version": FORMAT_VERSION,
        "termes": [chunk["t"][0] for chunk in chunks],
        "documents": len(documents),
        "bloc": BLOCK_SIZE,
        "max": MAX_RESULTS,
        "arret": sorted(STOP_WORDS),
        # Section → its page, flattened: results are grouped by page before any
        # document block is loaded.
        "parents": [n for i, d in enumerate(documents) if d.parent >= 0 for n in (i, d.parent)],
    }
    # Material's bundle reads ``config`` (the separator for the page highlighter) and
    # passes it to the worker untouched; ``docs`` stays empty: they are in the pieces.
    data = {"config": {**config, "recherche": manifest}, "docs": []}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    files["search_index.json"] = text
    # Opened from disk, Material loads the index with a <script> tag (its offline mode).
    files["search_index.js"] = f"var __index = {text};\n"
    return files
