"""What trainers need around a case: its addresses, dates, citation, QR code and session plan.

Pure functions of a case and the corpus (``Corpus.publication`` carries the site's address
and the git dates). The vignette format has no timing or debriefing keys, and SPEC is the
contract: the suggested timing is computed from the length and structure of the case and
the debriefing prompts are the same generic questions for every case, both labelled as
suggestions on the page. A trainer's own notes live in ``animation``.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import segno

from .model import Case, Corpus, Dates, Piste

# Reading aloud in a group is slower than reading alone; the other figures are the
# plan's defaults, stated on the page so that a trainer can adapt them.
READING_WORDS_PER_MINUTE = 150
MINUTES_TO_CHOOSE = 3
MINUTES_PER_OPTION = 4
MINUTES_PER_QUESTION = 5
MINUTES_TO_DEBRIEF = 10

SOURCE_KINDS = {"composite": "vignette composite", "adapte": "vignette adaptée d'un récit"}
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
DateFormat = Callable[[dt.date], str]
_BIBTEX_RE = re.compile("|".join(re.escape(ch) for ch in _BIBTEX_SPECIAL))


@dataclass(frozen=True)
class Step:
    """One part of the suggested session plan."""

    label: str
    minutes: int
    detail: str


@dataclass(frozen=True)
class Citation:
    """A case as a reference: author-date text (its title apart, for italics) and BibTeX."""

    before_title: str
    title: str
    after_title: str
    bibtex: str

    @property
    def text(self) -> str:
        return f"{self.before_title}{self.title}{self.after_title}"


def trainer_uri(case_id: str) -> str:
    """Source path of the trainer view, served at ``cas/<id>/animation/``."""
    return f"cas/{case_id}/animation.md"


def case_address(case_id: str) -> str:
    return f"cas/{case_id}/"


def absolute_url(site_url: str, address: str) -> str:
    """``site_url`` joined with a site-relative address; the address alone without one."""
    if not site_url:
        return address
    return site_url.rstrip("/") + "/" + address


def short_address(url: str) -> str:
    """An address to write on a board: no scheme, no ``www.``."""
    return re.sub(r"^[a-z]+://(www\.)?", "", url)


def address_parts(short: str) -> list[str]:
    """The short address cut after each ``/``: printed, it may wrap there and only there.

    A break after a hyphen would leave a reader unsure whether the hyphen belongs to the
    address, and pdftotext, like a person, would drop it.
    """
    return re.findall(r"[^/]*/|[^/]+$", short)


def qr_svg(url: str) -> str:
    """A QR code of ``url`` as an SVG file of one ``path``, sized by CSS where it is shown.

    One file per case, shown by the group page and the trainer view, so it is made once.
    The mask is fixed: segno's search for the best of eight masks takes four times as
    long (11 ms instead of 2.5 ms a code, measured), a minute at 5,000 cases, and any
    mask gives a valid code that phones read on paper.
    """
    code = segno.make(url, error="m", micro=False, mask=0)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", xmldecl=False, svgns=True, nl=True, omitsize=True, border=4)
    return buffer.getvalue().decode("ascii")


def qr_uri(case_id: str) -> str:
    return f"cas/{case_id}/qr.svg"


def qr_targets(corpus: Corpus) -> dict[str, str]:
    """``{source path of a QR code: the address it encodes}``; none without a site address."""
    site_url = corpus.publication.site_url
    if not site_url:
        return {}
    return {qr_uri(i): absolute_url(site_url, case_address(i)) for i in corpus.cases}


def qr_files(targets: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``[(source path, SVG)]`` for ``[(source path, address)]``: one call per process."""
    return [(uri, qr_svg(url)) for uri, url in targets]


def case_dates(case: Case, corpus: Corpus) -> Dates | None:
    return corpus.publication.history.get(case.path)


def suggested_timing(case: Case) -> list[Step]:
    """A session plan from the case's length and structure, in minutes."""
    words = sum(
        len(text.split())
        for text in (
            case.recit,
            case.question,
            *(o.choix + " " + o.consequences for o in case.options),
        )
    )
    reading = max(2, math.ceil(words / READING_WORDS_PER_MINUTE))
    options = len(case.options)
    questions = len(case.questions)
    return [
        Step("Lecture du cas", reading, f"environ {words} mots, lus à voix haute"),
        Step("Choix individuel", MINUTES_TO_CHOOSE, "chaque personne choisit une option"),
        Step(
            "Discussion des options",
            MINUTES_PER_OPTION * options,
            f"{options} options, {MINUTES_PER_OPTION} minutes chacune",
        ),
        Step(
            "Questions pour la discussion",
            MINUTES_PER_QUESTION * questions,
            f"{questions} questions, {MINUTES_PER_QUESTION} minutes chacune"
            if questions > 1
            else f"1 question, {MINUTES_PER_QUESTION} minutes",
        ),
        Step("Retour sur la discussion", MINUTES_TO_DEBRIEF, "questions de retour ci-dessous"),
    ]


def debrief_prompts(pistes: list[Piste]) -> list[str]:
    """Generic closing questions (plain text); the guidance pages are listed apart."""
    prompts = [
        "Quelle option a été choisie le plus souvent ? Qu'est-ce qui a fait pencher la balance ?",
        "Pour chaque option, qui en porte les conséquences : la clientèle, la personne, "
        "l'équipe, l'organisation ?",
        "Dans cette situation, qu'est-ce qui dépend de la personne, de l'équipe ou de "
        "l'organisation ?",
    ]
    if pistes:
        prompts.append(
            "Parmi les pistes d'action liées à ce cas, laquelle serait possible dans votre "
            "milieu, et à quelles conditions ?"
        )
    prompts.append("Qu'est-ce que chaque personne retient pour sa propre pratique ?")
    return prompts


def page_context(case: Case, corpus: Corpus, format_date: DateFormat) -> dict[str, object]:
    """What both views of a case show about its address, dates and citation."""
    url = absolute_url(corpus.publication.site_url, case_address(case.id))
    return {
        "url": url if corpus.publication.site_url else "",
        "short": short_address(url),
        "short_parts": address_parts(short_address(url)),
        "dates": case_dates(case, corpus),
        "citation": citation(case, corpus, format_date),
        "has_qr": bool(corpus.publication.site_url),
    }


def citation(case: Case, corpus: Corpus, format_date: DateFormat) -> Citation:
    """The reference to a case: the project as author, the date it last changed."""
    publication = corpus.publication
    author = publication.site_name or "Dilemmes au travail"
    url = absolute_url(publication.site_url, case_address(case.id))
    dates = case_dates(case, corpus)
    study = corpus.studies.get(case.etude)
    kind = SOURCE_KINDS.get(case.source_type, "vignette")
    if study is not None:
        kind += f", d'après l'étude « {study.titre} » ({study.organisation}, {study.periode})"
    when = f"{dates.changed.year}, {_day_month(format_date(dates.changed))}" if dates else "s. d."
    fields = [
        ("author", "{" + _bibtex(author) + "}"),
        ("title", _bibtex(case.titre)),
    ]
    if dates is not None:
        fields += [("year", str(dates.changed.year)), ("date", dates.changed.date().isoformat())]
    fields += [
        ("url", url),
        ("howpublished", r"\url{" + url + "}"),
        ("note", _bibtex(kind[0].upper() + kind[1:])),
        ("language", "french"),
    ]
    body = ",\n".join(f"  {name:<12} = {{{value}}}" for name, value in fields)
    return Citation(
        before_title=f"{author}. ({when}). ",
        title=case.titre,
        after_title=f" [{kind}]. {url}",
        bibtex=f"@misc{{dilemmes-{case.id},\n{body},\n}}",
    )


def _day_month(formatted: str) -> str:
    """« 27 novembre 2026 » as « 27 novembre », the year being written before it."""
    return formatted.rsplit(" ", 1)[0]


def _bibtex(text: str) -> str:
    """Plain text for a braced BibTeX field: LaTeX's special characters escaped."""
    return _BIBTEX_RE.sub(lambda m: _BIBTEX_SPECIAL[m.group(0)], text)
