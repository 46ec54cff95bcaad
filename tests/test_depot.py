"""Repository conventions: the CI workflow, the issue form, the pull-request template,
pre-commit, and the GitHub annotations of ``make check``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, copy_project
from dilemmes.problems import Problem, github_annotation
from dilemmes.project import theme_titles

GITHUB = REPO / ".github"
WORKFLOW = GITHUB / "workflows" / "site.yml"
ISSUE_FORM = GITHUB / "ISSUE_TEMPLATE" / "proposer-un-cas.yml"
PR_TEMPLATE = GITHUB / "pull_request_template.md"
PRE_COMMIT = REPO / ".pre-commit-config.yaml"
BIN = Path(sys.executable).parent


def _yaml(path: Path) -> Any:
    # BaseLoader: « on: » stays the key "on" (YAML 1.1 would read it as True).
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with its vendored schema: no network needed."""
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# --- the workflow ------------------------------------------------------------------------


def test_workflow_matches_the_github_workflow_schema() -> None:
    result = _check_jsonschema("vendor.github-workflows", WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_the_readme_targets_on_pull_requests() -> None:
    workflow = _yaml(WORKFLOW)
    assert "pull_request" in workflow["on"]
    assert workflow["on"]["push"]["branches"] == ["main"]
    job = workflow["jobs"]["verifier"]
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs == ["make check", "make test", "make site"]
    assert job["container"] == "python:3.11-bookworm"
    assert job["env"]["DILEMMES_SITE_URL"].startswith("https://${{ github.repository_owner }}")
    assert job["env"]["DILEMMES_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"


def test_workflow_publishes_to_pages_from_main_only() -> None:
    jobs = _yaml(WORKFLOW)["jobs"]
    upload = next(
        s for s in jobs["verifier"]["steps"] if "upload-pages-artifact" in s.get("uses", "")
    )
    assert upload["with"]["path"] == "site"
    on_main = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert upload["if"] == on_main
    deploy = jobs["publier"]
    assert deploy["if"] == on_main and deploy["needs"] == "verifier"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


# --- the issue form and the pull-request template -----------------------------------------


def test_issue_form_matches_the_github_issue_form_schema() -> None:
    result = _check_jsonschema("vendor.github-issue-forms", ISSUE_FORM)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_form_offers_the_themes_of_the_site() -> None:
    form = _yaml(ISSUE_FORM)
    themes = next(item for item in form["body"] if item.get("id") == "themes")
    expected = [f"{title} ({theme})" for theme, title in sorted(theme_titles(REPO).items())]
    assert themes["attributes"]["options"] == expected


def test_issue_form_warns_that_the_issue_is_public_and_asks_to_confirm() -> None:
    form = _yaml(ISSUE_FORM)
    intro = form["body"][0]["attributes"]["value"]
    assert "**Ce ticket est public.**" in intro
    boxes = next(item for item in form["body"] if item["type"] == "checkboxes")
    assert all(option["required"] == "true" for option in boxes["attributes"]["options"])


def _checklist(text: str) -> list[str]:
    return re.findall(r"^\s*- \[ \] (.+(?:\n {2,}[^-\s].*)*)", text, flags=re.M)


def test_pull_request_template_carries_the_anonymisation_checklist() -> None:
    template = PR_TEMPLATE.read_text(encoding="utf-8")
    guide = (REPO / "docs" / "contribuer.md").read_text(encoding="utf-8")
    items = _checklist(template)
    assert len(items) >= 10
    # The indirect identifiers the guide names are all in the template.
    for topic in (
        "Le lieu de travail",
        "Le rôle et l'ancienneté",
        "Les événements rares",
        "Les dates exactes",
    ):
        assert f"**{topic.lower()}**" in guide.lower()
        assert any(item.startswith(topic) for item in items), topic
    assert "`anonymisation.revise_le`" in template and "`anonymisation.accepter`" in template


# --- pre-commit --------------------------------------------------------------------------


def test_pre_commit_configuration_is_valid() -> None:
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", str(PRE_COMMIT)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in (result.stdout + result.stderr).lower()


def _hooks() -> dict[str, dict[str, Any]]:
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_runs_make_check_on_the_whole_corpus_when_a_vignette_changes() -> None:
    hook = _hooks()["dilemmes-check"]
    assert hook["entry"] == "make check"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in ("cases/vente.yaml", "cases/_sources.yaml", "docs/themes/x.md", "docs/pistes/y.md"):
        assert files.search(path), path
    for path in ("docs/index.md", "scripts/dilemmes/cli.py", "mkdocs.yml"):
        assert not files.search(path), path


def test_pre_commit_style_hooks_and_ruff_version() -> None:
    hooks = _hooks()
    assert {"check-yaml", "end-of-file-fixer", "ruff", "ruff-format"} <= set(hooks)
    assert re.compile(hooks["check-yaml"]["exclude"]).search("cases/vente.yaml")
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    ruff = next(r for r in config["repos"] if r["repo"].endswith("ruff-pre-commit"))
    pinned = re.search(r"^ruff==(\S+)$", (REPO / "requirements.txt").read_text(), re.M)
    assert pinned is not None and ruff["rev"] == f"v{pinned[1]}"


# --- annotations -------------------------------------------------------------------------


def test_annotation_escapes_per_the_workflow_command_rules() -> None:
    problem = Problem("cases/a,b:c.yaml", 7, "cle-inconnue", "100 % sûr\r\nligne 2 : fin")
    assert github_annotation(problem) == (
        "::error file=cases/a%2Cb%3Ac.yaml,line=7,title=cle-inconnue"
        "::100 %25 sûr%0D%0Aligne 2 : fin"
    )


def _check(root: Path, *args: str, github_actions: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    if github_actions:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "dilemmes", "check", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def typo_project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path)
    case = root / "cases" / "erreurs-de-saisie.yaml"
    case.write_text(case.read_text("utf-8").replace("resume:", "resumee:"), "utf-8")
    return root


TYPO_LINE = (
    "cases/erreurs-de-saisie.yaml:3: clé inconnue « resumee » ; vouliez-vous dire « resume » ?"
)
TYPO_ANNOTATION = (
    "::error file=cases/erreurs-de-saisie.yaml,line=3,title=cle-inconnue::"
    "clé inconnue « resumee » ; vouliez-vous dire « resume » ?"
)


def test_in_github_actions_check_also_prints_annotations(typo_project: Path) -> None:
    result = _check(typo_project, github_actions=True)

    assert result.returncode == 1
    assert TYPO_ANNOTATION in result.stdout.splitlines()
    assert "::error file=cases/erreurs-de-saisie.yaml,line=1,title=cle-manquante::" in result.stdout
    # The normal lines stay, for the log and for people.
    assert TYPO_LINE in result.stderr.splitlines()


def test_outside_github_actions_no_annotation_unless_asked(typo_project: Path) -> None:
    plain = _check(typo_project, github_actions=False)
    assert "::error" not in plain.stdout + plain.stderr
    assert TYPO_LINE in plain.stderr.splitlines()

    asked = _check(typo_project, "--format", "github", github_actions=False)
    assert TYPO_ANNOTATION in asked.stdout.splitlines()

    refused = _check(typo_project, "--format", "texte", github_actions=True)
    assert "::error" not in refused.stdout + refused.stderr


def test_clean_project_prints_no_annotation(tmp_path: Path) -> None:
    result = _check(copy_project(tmp_path), github_actions=True)
    assert result.returncode == 0
    assert "::" not in result.stdout
