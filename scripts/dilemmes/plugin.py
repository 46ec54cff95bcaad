"""The MkDocs adapter: gathered corpus in, in-memory pages out; nothing written to docs/.

Hooks (https://www.mkdocs.org/dev-guide/plugins/#events): ``on_startup`` learns whether
this is a preview (drafts shown), ``on_files`` gathers the whole corpus, adds the site's
address and the git dates of the vignettes (``history``) and adds the generated pages,
``on_page_markdown`` keeps case and trainer pages out of Material's search index,
``on_post_build`` checks the published addresses (``addresses``), writes our search index
in place of Material's (``search_site``) and audits the built HTML.

``make site`` draws the QR codes, analyses the cases for the search index and audits the
pages in a second process while MkDocs builds (``background``); ``on_post_build`` waits for
them.

Fast preview: defining ``on_startup`` keeps one plugin instance for a whole ``mkdocs serve``,
so its ``CaseCache`` spares re-reading unchanged vignettes, its ``PageMemo`` re-rendering
unchanged case pages, and ``on_env`` recompiling the theme's templates; under ``serve
--dirty`` (``make serve``), a generated page whose Markdown is the one already built is not
rebuilt by MkDocs either, and the audit reads only the pages written.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterable
from concurrent.futures import Future
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import addresses, formation
from .audit import audit_site
from .background import Background, result, worth_it
from .bulk_read import collector_paused
from .case_cache import CaseCache
from .history import read_git_history
from .model import Corpus, Publication
from .page_memo import PageMemo
from .pages import BUILDERS, Builder, build_pages, case_uri, qr_pages
from .problems import Problem, format_problems
from .project import gather
from .search_documents import is_trainer_page
from .search_index import Analysed
from .search_site import CaseAnalyses, PageAnalyses, analyse_cases, write_search

log = logging.getLogger("mkdocs.plugins.dilemmes")


class CasebookConfig(Config):
    root = config_options.Optional(config_options.Dir(exists=True))


class CasebookPlugin(BasePlugin[CasebookConfig]):
    """Turns ``cases/`` and the registries into the pages of the site."""

    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.corpus: Corpus | None = None
        self.urls: dict[str, str] = {}
        self.case_sources: set[str] = set()
        self.cases = CaseCache()
        self.memo = PageMemo()
        self.templates = _CompiledTemplates()
        self.analyses = CaseAnalyses()
        self.page_analyses = PageAnalyses()
        self._built: dict[str, str | bytes] = {}  # generated content of the last dirty build
        self._started = 0.0
        self.background: Background | None = None
        self._qr_codes: Future[list[tuple[str, str]]] | None = None
        self._qr_targets: dict[str, str] = {}
        self._search: Future[list[Analysed]] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        self.cases = CaseCache()  # a new session starts from a new site folder
        self.memo = PageMemo()
        self.templates = _CompiledTemplates()
        self.analyses = CaseAnalyses()
        self.page_analyses = PageAnalyses()
        self._built = {}

    def _root(self, config: MkDocsConfig) -> Path:
        if self.config.root:
            return Path(self.config.root)
        return Path(config.config_file_path).parent

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        parsed = self.cases.parsed
        root = self._root(config)
        with self._collector_paused():
            gathered = gather(root, include_drafts=self.serving, case_reader=self.cases)
        self.cases.keep_only(gathered.checked)
        if gathered.problems:
            sys.stderr.write(format_problems(gathered.problems))
            sys.stderr.flush()
            count = len(gathered.problems)
            summary = f"{count} problème(s) dans les vignettes et registres (liste ci-dessus)"
            if not self.serving:
                raise PluginError(f"{summary} ; corrigez-les, « make check » les répète")
            log.warning("%s ; les pages valides restent visibles dans l'aperçu", summary)
        corpus = replace(gathered.corpus, publication=publication(config, root))
        with self._collector_paused():
            pages = build_pages(corpus, self._builders(corpus))
        built, self._built = self._built, {}
        for page in pages.values():
            file = _GeneratedFile.generated(config, page.src_uri, content=page.content)
            assert isinstance(file, _GeneratedFile)
            if self.dirty:
                file.unchanged = built.get(page.src_uri) == page.content
                self._built[page.src_uri] = page.content
            _replace(files, file, edit_path=page.edit_path)
        for uri in self._qr_targets:
            _replace(files, _LaterFile.generated(config, uri, content=""), edit_path=None)
        if self.serving:
            _remove_vanished(config, built.keys() - pages.keys())
            read = self.cases.parsed - parsed
            log.info(
                "Aperçu : %d vignette(s) relue(s), %d inchangée(s)", read, len(self.cases) - read
            )
        self.corpus = corpus
        self.urls = {file.src_uri: file.url for file in files.documentation_pages()}
        self.case_sources = {case_uri(case_id) for case_id in gathered.corpus.cases}
        if self.background is not None and "material/search" in config.plugins:
            self._search = self.background.submit(analyse_cases, corpus, self.urls)
        return files

    def _collector_paused(self) -> AbstractContextManager[None]:
        """A build makes long-lived objects only: Python's cyclic collector would walk them
        again and again for nothing (7 % of gathering and rendering 5,000 cases). A preview
        lives on, with its caches: the collector is left alone there."""
        return nullcontext() if self.serving else collector_paused()

    def _builders(self, corpus: Corpus) -> Iterable[Builder]:
        """``pages.BUILDERS``, remembered in a preview, QR codes drawn aside in a build."""
        if self.serving:
            return self.memo.builders()
        if self.background is None:
            return BUILDERS
        # The files exist for MkDocs (links to them are checked) but are written at the
        # end, once drawn: ``_LaterFile``.
        self._qr_targets = formation.qr_targets(corpus)
        self._qr_codes = self.background.submit(formation.qr_files, list(self._qr_targets.items()))
        return tuple(builder for builder in BUILDERS if builder is not qr_pages)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # Cases enter the search index from their vignette (search_documents), trainer
        # pages never: Material's plugin need not read either.
        if page.file.src_uri in self.case_sources or is_trainer_page(page.url):
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        # Each rebuild of ``mkdocs serve`` makes a new theme environment that would compile
        # Material's templates again (a fifth of a rebuild): keep their bytecode instead.
        if self.serving:
            env.bytecode_cache = self.templates
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._started = time.time()
        self._close_background()
        if not self.serving and worth_it():
            # Forked before the corpus is read: the copy is small, the corpus is sent.
            self.background = Background(Path(config.site_dir))
            log.info("Codes QR, index de recherche et audit : dans un second processus")

    @event_priority(-100)  # last: the audit reads the page as it is written
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.background is not None:
            self.background.audit(page.file.dest_uri, output)
        return output

    @event_priority(-50)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Published addresses, our search index in place of Material's, then the security
        audit of every built page; a finding fails the build.

        A dirty build audits only the pages it wrote (a second of margin for the clock of
        file times); the others were audited when they were written.
        """
        site_dir = Path(config.site_dir)
        self._write_qr_codes(site_dir)
        self._check_addresses(config)
        if self.corpus is not None and "material/search" in config.plugins:
            self._write_search(site_dir)
        problems = self._audit(site_dir)
        self._close_background()
        if not problems:
            return
        sys.stderr.write(format_problems(problems))
        summary = (
            f"audit de sécurité : {len(problems)} élément(s) actif(s) inattendu(s) dans le site"
        )
        if not self.serving:
            raise PluginError(summary)
        log.warning(summary)

    def _check_addresses(self, config: MkDocsConfig) -> None:
        registry = self._root(config) / addresses.REGISTRY
        if not registry.is_file():
            return
        entries, problems = addresses.parse_registry(
            addresses.REGISTRY, registry.read_text("utf-8-sig")
        )
        exists = addresses.site_has(Path(config.site_dir))
        problems += addresses.check_against_site(addresses.REGISTRY, entries, exists)
        if not problems:
            return
        sys.stderr.write(format_problems(problems))
        summary = f"{len(problems)} adresse(s) publiée(s) introuvable(s) dans le site construit"
        if not self.serving:
            raise PluginError(summary)
        log.warning(summary)

    def _write_qr_codes(self, site_dir: Path) -> None:
        if self._qr_codes is None:
            return
        targets = list(self._qr_targets.items())
        for uri, svg in result(self._qr_codes, lambda: formation.qr_files(targets)):
            (site_dir / uri).write_text(svg, encoding="ascii")
        self._qr_codes, self._qr_targets = None, {}

    def _audit(self, site_dir: Path) -> list[Problem]:
        """Pages handed to the worker, then every other page written by this build."""
        since = self._started - 1.0 if self.dirty else None
        if self.background is None:
            return audit_site(site_dir, since=since)
        problems = self.background.audit_findings()
        problems += audit_site(site_dir, since=since, skip=self.background.audited)
        return sorted(problems, key=lambda problem: problem.path)

    def _close_background(self) -> None:
        if self.background is not None:
            self.background.close()
        self.background, self._qr_codes, self._search = None, None, None
        self._qr_targets = {}

    def _write_search(self, site_dir: Path) -> None:
        assert self.corpus is not None
        corpus, urls = self.corpus, self.urls
        start = time.perf_counter()
        if self._search is not None:
            cases = result(self._search, lambda: analyse_cases(corpus, urls))
        else:
            cases = self.analyses(corpus, urls) if self.serving else analyse_cases(corpus, urls)
        pages = self.page_analyses if self.serving else None
        written = write_search(site_dir, corpus, urls, cases, pages)
        log.info(
            "Recherche : %d documents, %d fichiers, %d octets (manifeste : %d octets) en %.1f s",
            written.documents,
            written.files,
            written.total_bytes,
            written.manifest_bytes,
            time.perf_counter() - start,
        )

    def on_build_error(self, *, error: Exception) -> None:
        # Pages of a failed build may be missing from the site: rebuild them all next time.
        self._built = {}
        self._close_background()


def publication(config: MkDocsConfig, root: Path) -> Publication:
    """What pages need to know of the published site (``make bench`` builds it too)."""
    return Publication(
        site_name=config.site_name,
        site_url=config.site_url or "",
        history=read_git_history(root),
        directory_urls=config.use_directory_urls,
    )


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory; Jinja checks each against its source."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class _LaterFile(File):
    """A generated file that the plugin writes itself in ``on_post_build`` (QR codes)."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


class _GeneratedFile(File):
    """A generated page that a dirty build may skip when it is the page already built.

    MkDocs takes every in-memory file for modified (``File.is_modified``); the plugin knows
    better, since it keeps the Markdown of the last build.
    """

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


def _remove_vanished(config: MkDocsConfig, src_uris: Iterable[str]) -> None:
    """A dirty build keeps old pages: drop those of cases now deleted, renamed or invalid."""
    for src_uri in src_uris:
        Path(File.generated(config, src_uri, content="").abs_dest_path).unlink(missing_ok=True)


def _replace(files: Files, file: File, edit_path: str | None) -> None:
    """Put a generated file in place of any hand-written one at the same address."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    # The edit button opens the file a researcher writes: ``edit_uri`` points into
    # ``docs/``, so go up one level to reach ``cases/`` (urljoin drops the ``..``).
    file.edit_uri = f"../{edit_path}" if edit_path else None
    files.append(file)
