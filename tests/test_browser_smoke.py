"""The fixture site in headless Chromium: a case page renders with no console error."""

from __future__ import annotations

from typing import Any


def test_case_page_renders_without_console_errors(chromium: Any, fixture_url: str) -> None:
    page = chromium.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(fixture_url + "cas/vente-au-premier-appel/")
    assert (
        page.locator("h1").first.inner_text().startswith("Conclure la vente dès le premier appel")
    )
    assert page.locator(".cas-option").count() == 2
    assert errors == []
    page.close()
