"""The post-build audit: hostile markup injected into a real built page is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build
from dilemmes.audit import SiteFiles, audit_page, audit_site

PAGE = "cas/erreurs-de-saisie/index.html"


@pytest.fixture(scope="module")
def clean_page(fixture_site: Path) -> str:
    return (fixture_site / PAGE).read_text("utf-8")


def _inject(page: str, snippet: str, where: str = "article") -> str:
    if where == "article":
        marker = '<p class="cas-resume">'
        return page.replace(marker, snippet + marker, 1)
    if where == "nav":
        return page.replace(
            '<nav class="md-nav md-nav--primary"',
            snippet + '<nav class="md-nav md-nav--primary"',
            1,
        )
    if where == "head":
        return page.replace("</head>", snippet + "</head>", 1)
    raise ValueError(where)


def _codes(page: str, site: Path) -> list[str]:
    return [p.code for p in audit_page("site/" + PAGE, page, site, PAGE)]


def test_fixture_site_with_hostile_vignette_passes(fixture_site: Path) -> None:
    assert audit_site(fixture_site) == []


@pytest.mark.parametrize(
    ("snippet", "where", "code"),
    [
        ("<script>alert(1)</script>", "article", "audit-script"),
        ('<script src="https://evil.example/x.js"></script>', "head", "audit-script"),
        ('<script src="../../assets/absent.js"></script>', "head", "audit-script"),
        ('<iframe src="https://example.org"></iframe>', "article", "audit-balise"),
        ("<svg onload=alert(1)></svg>", "article", "audit-evenement"),
        ("<img src=x onerror=alert(1)>", "article", "audit-evenement"),
        ('<img title=">" onerror="alert(1)">', "article", "audit-evenement"),
        ('<a href="javascript:alert(1)">x</a>', "article", "audit-url"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "article", "audit-url"),
        ('<a href="&#106;avascript&#58;alert(1)">x</a>', "article", "audit-url"),
        ('<a href="java&#x09;script:alert(1)">x</a>', "article", "audit-url"),
        ('<a href=" data:text/html;base64,PHNjcmlwdD4=">x</a>', "article", "audit-url"),
        ('<p onclick="alert(1)">x</p>', "nav", "audit-evenement"),
        # Event handlers are looked for only where "on…=" follows whitespace: any whitespace,
        # after other "on…=" that do not count.
        ("<img src=x\tonerror = alert(1)>", "article", "audit-evenement"),
        ('<p data-on="1" title="con=1"\nonclick=x>', "article", "audit-evenement"),
        ('<p title="<b onclick=x>">x</p>', "article", "audit-evenement"),
        ('<meta http-equiv="refresh" content="0; url=https://evil.example/">', "head", "audit-url"),
        ('<base href="https://evil.example/">', "head", "audit-balise"),
        ("<style>body{background:url(x)}</style>", "article", "audit-script"),
        ('<object data="x.swf"></object>', "article", "audit-balise"),
        ("<marquee>x</marquee>", "article", "audit-balise"),
        ("</article></div></div></main>", "article", "audit-squelette"),
        ('<main class="x">', "article", "audit-squelette"),
        ("<footer>", "nav", "audit-squelette"),
        # Found since the audit was made cheaper (gaps its equivalence check brought out):
        # an upper-case handler, a refresh to "//host", a handler beside a short script body.
        ("<img src=x ONERROR=alert(1)>", "article", "audit-evenement"),
        ('<meta http-equiv="refresh" content="0; url=//evil.example/">', "head", "audit-url"),
        (
            '<script src="../../assets/javascripts/x.js" onload="alert(1)">a</script>',
            "head",
            "audit-evenement",
        ),
    ],
)
def test_injected_markup_is_found(
    clean_page: str, fixture_site: Path, snippet: str, where: str, code: str
) -> None:
    assert _codes(clean_page, fixture_site) == []
    assert code in _codes(_inject(clean_page, snippet, where), fixture_site)


def test_markup_in_title_is_found(clean_page: str, fixture_site: Path) -> None:
    page = clean_page.replace("<title>", "<title><b>x</b>", 1)
    assert _codes(page, fixture_site) == ["audit-titre"]


def test_finding_names_page_and_line(clean_page: str, fixture_site: Path) -> None:
    page = _inject(clean_page, "<script>alert(1)</script>")
    line = page[: page.index("<script>alert(1)")].count("\n") + 1
    problems = [str(p) for p in audit_page("site/" + PAGE, page, fixture_site, PAGE)]
    assert problems[0].startswith(f"site/{PAGE}:{line}: script en ligne inconnu du thème")
    assert (
        problems[1] == f"site/{PAGE}:{line}: balise <script> inattendue dans le contenu de la page"
    )


def test_script_files_are_resolved_as_the_file_system_does(tmp_path: Path) -> None:
    # SiteFiles remembers each step of a resolution for the whole audit: the answers must
    # stay those of resolving anew, symbolic links included.
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "cas" / "a").mkdir(parents=True)
    (site / "assets" / "app.js").write_text("", "utf-8")
    (site / "x.js").write_text("", "utf-8")
    (tmp_path / "dehors.js").write_text("", "utf-8")
    (tmp_path / "autre" / "sous").mkdir(parents=True)
    (site / "assets" / "fuite.js").symlink_to(tmp_path / "dehors.js")
    (site / "raccourci").symlink_to(site / "assets")
    (site / "sortie").symlink_to(tmp_path / "autre" / "sous")
    files = SiteFiles(site)
    for _ in range(2):  # the second round reads remembered answers
        assert files.has("cas/a/index.html", "../../assets/app.js")
        assert not files.has("index.html", "../../assets/app.js")  # same src, other folder
        assert files.has("index.html", "assets/app.js?v=1#x")
        assert files.has("cas/a/index.html", "../../raccourci/app.js")
        assert not files.has("cas/a/index.html", "../../assets/fuite.js")
        assert not files.has("cas/a/index.html", "../../raccourci/fuite.js")
        assert not files.has("index.html", "sortie/../x.js")  # autre/x.js, not site/x.js
        assert files.has("404.html", "/assets/app.js")


@pytest.mark.parametrize("single_process", ["0", "1"], ids=["worker", "un-processus"])
def test_the_build_fails_when_a_page_carries_a_script(tmp_path: Path, single_process: str) -> None:
    # Hand-written pages go through Python-Markdown, which passes raw HTML: the audit,
    # run by every build, is what stops it, in the worker process (``background``) or not.
    root = copy_project(tmp_path)
    (root / "docs" / "a-propos.md").write_text("# À propos\n\n<script>alert(1)</script>\n", "utf-8")
    result = mkdocs_build(root, env={"DILEMMES_UN_SEUL_PROCESSUS": single_process})
    assert result.returncode == 1
    assert "site/a-propos/index.html:" in result.stderr
    assert "script en ligne inconnu du thème" in result.stderr
