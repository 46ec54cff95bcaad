"""What the search finds: a document per case, built from the vignette, and the other pages.

A case is one result, shown with its title and its résumé; its keywords (``mots_cles``)
and themes weigh as much as its title, its story and dilemma less. Trainer notes
(``animation``) never enter the index: the case document is built field by field from
the vignette, without them; pages for trainers are left out by address
(``is_trainer_page``), and any other page or section that quotes a sentence of a note
(``TrainerNotes``). The other pages come from the index Material's search plugin wrote,
page and section by section.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from markdown_it import MarkdownIt

from .model import Case, Corpus
from .search_index import Document, Field
from .search_text import WORD, fold

log = logging.getLogger("mkdocs.plugins.dilemmes")

TITLE_WEIGHT = 8.0
KEYWORD_WEIGHT = 6.0
THEME_WEIGHT = 6.0
RESUME_WEIGHT = 2.0
TEXT_WEIGHT = 1.0
LISTING_BOOST = 0.3
SECTION_BOOST = 0.4
TEASER_CHARACTERS = 300

# Any address with a path segment ``animation`` or ``trousse`` (``cas/<id>/animation/``,
# ``parcours/<id>/trousse/``, their ``.html`` form offline) is for trainers only.
_TRAINER_PATH = re.compile(r"(^|/)(animation|trousse)(/|\.html$|$|#)")
_SENTENCE = re.compile(r"[.!?;:…]+")
QUOTE_CHARACTERS = 30  # shorter sentences (« À faire ressortir ») are common phrases
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def is_trainer_page(location: str) -> bool:
    """True for the pages of the trainer view: they never enter the search index."""
    return _TRAINER_PATH.search(location.split("?")[0]) is not None


class TrainerNotes:
    """The sentences of every case's ``animation``, to recognise a page that quotes one."""

    def __init__(self, corpus: Corpus) -> None:
        self.sentences = {
            key
            for case in corpus.cases.values()
            for key in _sentence_keys(case.animation)
            if len(key) >= QUOTE_CHARACTERS
        }

    def quoted_in(self, text: str) -> bool:
        """True when ``text`` holds a whole sentence of a trainer note."""
        return bool(self.sentences) and any(k in self.sentences for k in _sentence_keys(text))


def _sentence_keys(text: str) -> list[str]:
    # Words only: Markdown's marks (**, -, #) and the page's spacing leave no trace.
    return [" ".join(WORD.findall(fold(sentence))) for sentence in _SENTENCE.split(text)]


def markdown_text(text: str) -> str:
    """The words of vignette Markdown, without its markup."""
    words: list[str] = []
    for token in _MARKDOWN.parse(text):
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
        if token.type.endswith("_close"):
            words.append(" ")
    return _SPACES.sub(" ", "".join(words)).strip()


def case_document(case: Case, corpus: Corpus, location: str) -> Document:
    """A case as a search result: title and résumé shown, the vignette's text indexed."""
    themes = [corpus.themes[t].titre for t in case.themes if t in corpus.themes]
    body = [
        *case.contexte.values(),
        markdown_text(case.recit),
        case.question,
        *(f"{option.choix} {markdown_text(option.consequences)}" for option in case.options),
        *(markdown_text(question) for question in case.questions),
    ]
    fields = (
        Field(case.titre, TITLE_WEIGHT),
        Field(" ; ".join(case.mots_cles), KEYWORD_WEIGHT),
        Field(" ; ".join(themes), THEME_WEIGHT),
        Field(case.resume, RESUME_WEIGHT),
        Field(" ".join(body), TEXT_WEIGHT, long=True),
    )
    return Document(location, case.titre, case.resume, fields, tags=(*themes, *case.mots_cles))


def _plain(markup: str) -> str:
    return _SPACES.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


def _teaser(text: str) -> str:
    if len(text) <= TEASER_CHARACTERS:
        return text
    cut = text.rfind(" ", 0, TEASER_CHARACTERS)
    return text[: cut if cut > 0 else TEASER_CHARACTERS] + " …"


def page_documents(
    material_docs: Iterable[Mapping[str, Any]],
    skip: set[str],
    listings: set[str],
    first_number: int,
    notes: TrainerNotes,
) -> list[Document]:
    """Pages and sections from Material's ``search_index.json``, less ``skip`` and trainers.

    A page or section that quotes a trainer note is left out, whatever its address.

    Pages in ``listings`` weigh less. ``first_number`` is the number the first of them will
    have in the index, so that a section can name its page as ``parent``.
    """
    documents: list[Document] = []
    pages: dict[str, int] = {}
    for doc in material_docs:
        location = str(doc.get("location", ""))
        page = location.split("#")[0]
        if page in skip or is_trainer_page(location):
            continue
        title = _plain(str(doc.get("title", "")))
        text = _plain(str(doc.get("text", "")))
        tags = tuple(_plain(str(tag)) for tag in doc.get("tags") or ())
        if notes.quoted_in(f"{title}. {text}"):
            log.info("Recherche : %s cite une note d'animation, laissé hors de l'index", location)
            continue
        parent = pages.get(page, -1) if "#" in location else -1
        if parent < 0 and "#" in location:
            continue  # a section whose page was left out
        fields = (
            Field(title, TITLE_WEIGHT),
            Field(" ; ".join(tags), KEYWORD_WEIGHT),
            Field(text, TEXT_WEIGHT, long=True),
        )
        if "#" not in location:
            pages[page] = first_number + len(documents)
        # Material ranks a page above its sections; listings below what they list.
        boost = (SECTION_BOOST if parent >= 0 else 1.0) * (
            LISTING_BOOST if page in listings else 1.0
        )
        documents.append(Document(location, title, _teaser(text), fields, tags, parent, boost))
    return documents
