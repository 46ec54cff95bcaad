"""The bench table in Markdown, in French, with the targets of issue 8 checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from .measure import MIB, Run, SiteSize, median
from .preview import Preview
from .search import SearchPayload

OWN_SHARE_MAX = 0.05
RATIO_MAX = 1.15
LINEAR_MAX = 1.25  # cost per case at 5 000 over cost per case at 1 000
VALIDATION_MAX = 5.0  # « a few seconds » for 5 000 cases
PREVIEW_MAX = 2.0
SEARCH_BYTES_MAX = 1_000_000  # « aim under 1 MB » before the first result
ANSWER_MAX = 0.3  # a query answers in under 300 ms


@dataclass
class SizeResult:
    """Every measure at one corpus size."""

    cases: int
    generated: int
    pages: int
    gather: list[float]
    render: list[float]
    own_cpu: list[float]
    aside: list[float]  # the second process of ``make site``: QR codes, search, audit
    aside_cpu: list[float]
    own_peak: int
    site: list[Run]
    plain: list[Run]
    check: list[Run]
    site_size: SiteSize
    plain_size: SiteSize
    search: SearchPayload

    @property
    def own(self) -> float:
        return median(self.gather) + median(self.render)

    @property
    def with_aside(self) -> float:
        """Our work including what ``make site`` does in its second process."""
        return self.own + median(self.aside)

    @property
    def full(self) -> float:
        return median([r.seconds for r in self.site])

    @property
    def base(self) -> float:
        return median([r.seconds for r in self.plain])

    @property
    def ratio(self) -> float:
        """Median of the ratios of runs made back to back: load on the machine cancels out."""
        return median([s.seconds / p.seconds for s, p in zip(self.site, self.plain, strict=True)])

    @property
    def cpu_share(self) -> float:
        """Our share in processor time, which other work on the machine inflates less."""
        return median(self.own_cpu) / median([r.cpu_seconds for r in self.site])

    @property
    def cpu_share_with_aside(self) -> float:
        own = median(self.own_cpu) + median(self.aside_cpu)
        return own / median([r.cpu_seconds for r in self.site])

    @property
    def cpu_ratio(self) -> float:
        pairs = zip(self.site, self.plain, strict=True)
        return median([s.cpu_seconds / p.cpu_seconds for s, p in pairs])


@dataclass
class Report:
    sizes: list[SizeResult] = field(default_factory=list)
    preview: Preview | None = None
    preview_full: Preview | None = None
    preview_cases: int = 0
    header: list[str] = field(default_factory=list)


def number(value: float, digits: int = 1) -> str:
    """French writing: « 1 234,5 » (narrow no-break space, decimal comma)."""
    text = f"{value:,.{digits}f}".replace(",", "\u202f").replace(".", ",")
    return text


def seconds(value: float) -> str:
    return f"{number(value, 2 if value < 10 else 1)} s"


def mib(value: float) -> str:
    return f"{number(value / MIB, 0 if value >= 10 * MIB else 1)} Mio"


def _search(payload: SearchPayload) -> str:
    if payload.note:
        return f"n. d. ({payload.note})"
    return f"{mib(payload.raw_bytes)} ({mib(payload.gzip_bytes)} gzip)"


def table(report: Report) -> str:
    """One line per size; times are medians, the ratio is the median of paired ratios."""
    lines = [
        "| cas | pages | notre travail (dont validation) | second processus | part de "
        "`make site` (avec le second) | `make site` "
        "| MkDocs seul (base) | rapport | mémoire max : site / base / nous "
        "| recherche avant le 1er résultat | 1er résultat | site |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in report.sizes:
        peaks = (
            max(r.peak_bytes for r in size.site),
            max(r.peak_bytes for r in size.plain),
            size.own_peak,
        )
        first = seconds(size.search.seconds) if not size.search.note else "n. d."
        lines.append(
            f"| {number(size.cases, 0)} | {number(size.pages, 0)} "
            f"| {seconds(size.own)} ({seconds(median(size.gather))}) "
            f"| {seconds(median(size.aside))} | {number(100 * size.own / size.full)} % "
            f"({number(100 * size.with_aside / size.full)} %) | {seconds(size.full)} "
            f"| {seconds(size.base)} | {number(size.ratio, 2)} "
            f"| {' / '.join(mib(p) for p in peaks)} | {_search(size.search)} | {first} "
            f"| {mib(size.site_size.total_bytes)} |"
        )
    return "\n".join(lines)


def _verdict(ok: bool) -> str:
    return "tenu" if ok else "**non tenu**"


def _at(report: Report, cases: int) -> SizeResult | None:
    return next((size for size in report.sizes if size.cases == cases), None)


def targets(report: Report) -> list[str]:
    """Each target of issue 8, with the figures that decide it."""
    lines = []
    big = [size for size in report.sizes if size.cases >= 1000]
    for size in big:
        share, aside = size.own / size.full, size.with_aside / size.full
        lines.append(
            f"- Notre travail ≤ {number(100 * OWN_SHARE_MAX, 0)} % de `make site` à "
            f"{number(size.cases, 0)} cas : {number(100 * share)} % (en temps processeur : "
            f"{number(100 * size.cpu_share)} %) — {_verdict(share <= OWN_SHARE_MAX)} ; en y "
            "ajoutant ce que fait le second processus pendant que MkDocs construit (codes QR, "
            f"recherche, audit) : {number(100 * aside)} % "
            f"(processeur : {number(100 * size.cpu_share_with_aside)} %)."
        )
    for size in report.sizes:
        lines.append(
            f"- `make site` ≤ {number(RATIO_MAX, 2)} × la base à {number(size.cases, 0)} cas : "
            f"{number(size.ratio, 2)} (en temps processeur : {number(size.cpu_ratio, 2)}) — "
            f"{_verdict(size.ratio <= RATIO_MAX)}."
        )
    lines += _linearity(report)
    largest = max(report.sizes, key=lambda size: size.cases, default=None)
    if largest is not None:
        check = median([r.seconds for r in largest.check])
        lines.append(
            f"- Validation seule de {number(largest.cases, 0)} cas en quelques secondes "
            f"(≤ {number(VALIDATION_MAX, 0)} s) : {seconds(median(largest.gather))} dans le "
            f"processus, {seconds(check)} pour `make check` entier — "
            f"{_verdict(check <= VALIDATION_MAX)}."
        )
    lines += _search_targets(report)
    if report.preview is not None and report.preview.recit:
        took = median(report.preview.recit)
        lines.append(
            f"- Aperçu : page à jour ≤ {number(PREVIEW_MAX, 0)} s après l'enregistrement d'une "
            f"vignette à {number(report.preview_cases, 0)} cas (récit modifié) : {seconds(took)} "
            f"— {_verdict(took <= PREVIEW_MAX)} ; titre modifié (plus de pages à refaire) : "
            f"{seconds(median(report.preview.titre))}."
        )
    return lines


def _search_targets(report: Report) -> list[str]:
    """At the largest size searched: bytes before the first result, and each answer's time."""
    searched = [size for size in report.sizes if not size.search.note]
    if not searched:
        return []
    size = max(searched, key=lambda one: one.cases)
    payload = size.search
    lines = [
        f"- Recherche à {number(size.cases, 0)} cas : téléchargé avant le premier résultat "
        f"≤ 1 Mo : {number(payload.raw_bytes / 1000, 0)} ko "
        f"({number(payload.gzip_bytes / 1000, 0)} ko en gzip) — "
        f"{_verdict(payload.raw_bytes <= SEARCH_BYTES_MAX)}."
    ]
    if payload.answers:
        slowest = max(payload.answers)
        lines.append(
            f"- Recherche à {number(size.cases, 0)} cas : une requête répond en ≤ "
            f"{number(1000 * ANSWER_MAX, 0)} ms dans Chromium, de la dernière touche aux "
            f"résultats ({len(payload.answers)} requêtes) : médiane "
            f"{number(1000 * median(payload.answers), 0)} ms, la plus lente "
            f"{number(1000 * slowest, 0)} ms — {_verdict(slowest <= ANSWER_MAX)}."
        )
    return lines


def _linearity(report: Report) -> list[str]:
    """Cost per case between the two largest sizes: a quadratic step would double it."""
    sizes = sorted((s for s in report.sizes if s.cases >= 1000), key=lambda s: s.cases)
    if len(sizes) < 2:
        return []
    small, large = sizes[-2], sizes[-1]
    lines = []
    for label, cost in (("notre travail", _own), ("`make site`", _full)):
        growth = (cost(large) / large.cases) / (cost(small) / small.cases)
        lines.append(
            f"- Coût linéaire ({label}) : {number(1000 * cost(small) / small.cases, 2)} ms par cas "
            f"à {number(small.cases, 0)}, {number(1000 * cost(large) / large.cases, 2)} ms à "
            f"{number(large.cases, 0)} (× {number(growth, 2)} ; ≤ {number(LINEAR_MAX, 2)}) — "
            f"{_verdict(growth <= LINEAR_MAX)}."
        )
    return lines


def _own(size: SizeResult) -> float:
    return size.own


def _full(size: SizeResult) -> float:
    return size.full


def preview_lines(report: Report) -> list[str]:
    if report.preview is None:
        return []
    done = report.preview
    lines = [
        f"- `make serve` à {number(report.preview_cases, 0)} cas : première construction "
        f"{seconds(done.first_build)}.",
        f"- Récit modifié et enregistré : page à jour dans Chromium en "
        f"{seconds(median(done.recit))} ({_listed(done.recit)}).",
        f"- Titre modifié : {seconds(median(done.titre))} ({_listed(done.titre)}) ; la liste "
        "des cas, les pages de ses thèmes et pistes et les cas liés sont refaits aussi.",
        f"- Vignettes relues à la dernière reconstruction : {done.reread} ; "
        f"{done.unchanged} reprises sans être relues.",
    ]
    full = report.preview_full
    if full is not None and full.recit:
        lines.append(
            "- Pour comparer, `mkdocs serve` sans `--dirty` (toutes les pages refaites à chaque "
            f"enregistrement) : récit {seconds(median(full.recit))}, titre "
            f"{seconds(median(full.titre))}."
        )
    return lines


def _listed(values: list[float]) -> str:
    return f"médiane de {len(values)} : " + ", ".join(seconds(v) for v in values)


def document(report: Report) -> str:
    """The whole Markdown report: header, table, targets, preview."""
    parts = [
        "## Résultats",
        "",
        *report.header,
        "",
        table(report),
        "",
        "## Cibles",
        "",
        *targets(report),
    ]
    if report.preview is not None:
        parts += ["", "## Aperçu", "", *preview_lines(report)]
    return "\n".join(parts) + "\n"
