"""Our own work on a project, timed in a process of its own: ``python -m dilemmes.bench.own``.

Prints JSON: seconds of ``gather`` (load, validate, cross-check), of ``build_pages`` (every
page, with the site's address and git dates as the plugin gives them) and of the security
audit of the built ``site/`` (which ``make site`` runs after MkDocs), and counts. Run once
per process, as in ``make site``, and apart from MkDocs so that time and memory are ours.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from mkdocs.config import load_config

from ..audit import audit_site
from ..pages import build_pages
from ..plugin import publication
from ..project import gather


def measure(root: Path) -> dict[str, float]:
    config = load_config(str(root / "mkdocs.yml"))
    started, cpu = time.perf_counter(), time.process_time()
    gathered = gather(root)
    gathered_at = time.perf_counter()
    # As the plugin does: the site's address and the vignettes' git dates (QR codes, dates).
    corpus = replace(gathered.corpus, publication=publication(config, root))
    pages = build_pages(corpus)
    rendered_at, rendered_cpu = time.perf_counter(), time.process_time()
    audited = audit_site(root / "site") if (root / "site").is_dir() else []
    return {
        "gather": gathered_at - started,
        "pages": rendered_at - gathered_at,
        "audit": time.perf_counter() - rendered_at,
        "cpu": rendered_cpu - cpu,
        "audit_cpu": time.process_time() - rendered_cpu,
        "findings": len(audited),
        "problems": len(gathered.problems),
        "cases": len(gathered.corpus.cases),
        "files": len(pages),
    }


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
