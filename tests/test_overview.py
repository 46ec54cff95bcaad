"""The overview page: guidance pages by themes, with the number of cases behind each cell."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, read_html
from dilemmes.overview import build_overview
from dilemmes.project import gather


def test_cells_count_cases_by_guidance_page_and_theme() -> None:
    overview = build_overview(gather(FIXTURES / "projet").corpus)
    assert [theme.id for theme in overview.themes] == ["cadence", "pression"]
    # Guidance pages by level: collectif before organisationnel.
    assert [row.piste.id for row in overview.rows] == [
        "en-parler-en-equipe",
        "reconnaitre-les-efforts",
    ]
    cells = {
        (row.piste.id, cell.theme.id): (cell.count, cell.addressed)
        for row in overview.rows
        for cell in row.cells
    }
    assert cells == {
        # erreurs-de-saisie (cadence) leads to en-parler-en-equipe.
        ("en-parler-en-equipe", "cadence"): (1, True),
        ("en-parler-en-equipe", "pression"): (0, False),
        # vente-au-premier-appel (pression, cadence) and erreurs-de-saisie (cadence).
        ("reconnaitre-les-efforts", "cadence"): (2, True),
        ("reconnaitre-les-efforts", "pression"): (1, True),
    }
    assert [row.total for row in overview.rows] == [1, 2]
    assert overview.theme_totals == (2, 2)
    assert [cell.step for cell in overview.rows[0].cells] == [2, 0]  # 1 of at most 2
    assert [cell.step for cell in overview.rows[1].cells] == [4, 2]


def test_table_has_headers_for_rows_and_columns_and_links_to_the_explorer(
    fixture_site: Path,
) -> None:
    html = read_html(fixture_site / "vue-d-ensemble" / "index.html")
    table = html.select_one("table.vue")
    assert table is not None
    columns = [th.get_text(" ", strip=True) for th in table.select("thead th[scope=col]")]
    assert columns == [
        "Piste d'action",
        "Cadence et erreurs",
        "La pression à la vente",
        "Cas qui mènent à la piste",
    ]
    rows = table.select("tbody th[scope=row]")
    assert [" ".join(th.get_text(" ").split()) for th in rows] == [
        "En parler en équipe collectif",
        "Reconnaître les efforts organisationnel",
        "Cas du thème",
    ]
    first = table.select("tbody tr")[0].select("td")
    # The number is written and spoken, not only coloured.
    assert " ".join(first[0].get_text(" ").split()) == "1 cas ✓ (thème abordé par la piste)"
    assert first[0].select_one("a")["href"] == "../cas/?theme=cadence&piste=en-parler-en-equipe"
    assert first[1].get_text(strip=True) == "0"
    assert "vue-aborde" not in first[1]["class"]
    region = html.select_one(".vue-tableau")
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert html.select_one(f"#{region['aria-labelledby']}") is not None
