"""Our own work on a project, timed in a process of its own: ``python -m dilemmes.bench.own``.

Prints JSON. What ``make site`` does in MkDocs' process: ``gather`` (load, validate,
cross-check) and ``build_pages`` (every page, with the site's address and git dates as the
plugin gives them), QR codes apart. What it does in its second process (``background``)
while MkDocs builds: the QR codes, the analysis of the cases for the search index and the
security audit of the built ``site/``. Each part is timed here one after the other, in one
process, so that time and memory are ours.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from mkdocs.config import load_config

from .. import formation
from ..audit import audit_site
from ..pages import BUILDERS, build_pages, case_uri, qr_pages
from ..plugin import publication
from ..project import gather
from ..search_site import analyse_cases


def measure(root: Path) -> dict[str, float]:
    config = load_config(str(root / "mkdocs.yml"))
    started, cpu = time.perf_counter(), time.process_time()
    gathered = gather(root)
    gathered_at = time.perf_counter()
    # As the plugin does: the site's address and the vignettes' git dates (QR codes, dates).
    corpus = replace(gathered.corpus, publication=publication(config, root))
    pages = build_pages(corpus, [builder for builder in BUILDERS if builder is not qr_pages])
    rendered_at, rendered_cpu = time.perf_counter(), time.process_time()
    codes = formation.qr_files(list(formation.qr_targets(corpus).items()))
    urls = {case_uri(case_id): f"cas/{case_id}/" for case_id in corpus.cases}
    analyse_cases(corpus, urls)
    audited = audit_site(root / "site") if (root / "site").is_dir() else []
    return {
        "gather": gathered_at - started,
        "pages": rendered_at - gathered_at,
        "aside": time.perf_counter() - rendered_at,
        "cpu": rendered_cpu - cpu,
        "aside_cpu": time.process_time() - rendered_cpu,
        "findings": len(audited),
        "problems": len(gathered.problems),
        "cases": len(gathered.corpus.cases),
        "files": len(pages) + len(codes),
    }


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
