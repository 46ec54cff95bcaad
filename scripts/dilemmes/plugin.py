"""The MkDocs adapter: gathered corpus in, in-memory pages out; nothing written to docs/.

Hooks (https://www.mkdocs.org/dev-guide/plugins/#events): ``on_startup`` learns whether
this is a preview (drafts shown), ``on_files`` gathers the whole corpus, adds the site's
address and the git dates of the vignettes (``history``) and adds the generated pages,
``on_post_build`` checks the published addresses (``addresses``) and audits the built HTML.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import addresses
from .audit import audit_site
from .history import read_git_history
from .model import Publication
from .pages import build_pages
from .problems import format_problems
from .project import gather

log = logging.getLogger("mkdocs.plugins.dilemmes")


class CasebookConfig(Config):
    root = config_options.Optional(config_options.Dir(exists=True))


class CasebookPlugin(BasePlugin[CasebookConfig]):
    """Turns ``cases/`` and the registries into the pages of the site."""

    def __init__(self) -> None:
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def _root(self, config: MkDocsConfig) -> Path:
        if self.config.root:
            return Path(self.config.root)
        return Path(config.config_file_path).parent

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        gathered = gather(self._root(config), include_drafts=self.serving)
        if gathered.problems:
            sys.stderr.write(format_problems(gathered.problems))
            sys.stderr.flush()
            count = len(gathered.problems)
            summary = f"{count} problème(s) dans les vignettes et registres (liste ci-dessus)"
            if not self.serving:
                raise PluginError(f"{summary} ; corrigez-les, « make check » les répète")
            log.warning("%s ; les pages valides restent visibles dans l'aperçu", summary)
        publication = Publication(
            site_name=config.site_name,
            site_url=config.site_url or "",
            history=read_git_history(self._root(config)),
        )
        corpus = replace(gathered.corpus, publication=publication)
        for page in build_pages(corpus).values():
            _replace(
                files,
                File.generated(config, page.src_uri, content=page.content),
                edit_path=page.edit_path,
            )
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The security audit of every built page (see ``audit``) and the published
        addresses (see ``addresses``); a finding fails the build."""
        self._check_addresses(config)
        problems = audit_site(Path(config.site_dir))
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


def _replace(files: Files, file: File, edit_path: str | None) -> None:
    """Put a generated file in place of any hand-written one at the same address."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    # The edit button opens the file a researcher writes: ``edit_uri`` points into
    # ``docs/``, so go up one level to reach ``cases/`` (urljoin drops the ``..``).
    file.edit_uri = f"../{edit_path}" if edit_path else None
    files.append(file)
