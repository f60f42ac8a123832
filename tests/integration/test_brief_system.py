"""The summary of a weapon system type, read back: the same figures as the dashboard."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from forensics_gui.core.analytics import AnalyticsFilters
from forensics_gui.core.errors import NotFoundError
from forensics_gui.reports import briefs
from forensics_gui.services import analytics, records, stores
from forensics_gui.services.briefs.common import BriefOptions
from tests import pdf_tools

SYSTEM = "Iskander-M 9M723"
AT = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _poppler() -> None:
    pdf_tools.require()


def write(store: stores.Store, path: Path, **options: object) -> briefs.BriefResult:
    return briefs.write(store, "system", SYSTEM, path, BriefOptions(**options),  # type: ignore[arg-type]
                        invariant=True, at=AT)


def test_a_system_summary_shows_the_dashboards_figures(demo_store: stores.Store,
                                                       tmp_path: Path) -> None:
    result = write(demo_store, tmp_path / "system.pdf")
    text = pdf_tools.words(result.path)
    pages = pdf_tools.pages(result.path)
    assert result.pages == len(pages)
    for number, page in enumerate(pages, 1):
        assert page.count("OFFICIAL") >= 2 and f"Page {number} of {len(pages)}" in page
    assert f"Weapon-system summary: {SYSTEM}" in text
    system = records.get(demo_store, "system", SYSTEM)
    board = analytics.dashboard(demo_store, AnalyticsFilters(system_id=system.id))
    for name in ("by_country", "by_chpl_tier", "produced_after"):
        figure = board.figure(name)
        assert figure.title in text, name
        for bar in figure.bars:
            shown = bar.label + (f" ({bar.detail})" if bar.detail else "")
            assert f"{shown} {bar.value} {bar.share:.0%}" in text, (name, shown)
    assert "What changed over time" in text and "2024 1 4 100%" in text
    assert all(f["embedded"] == "yes" for f in pdf_tools.fonts(result.path))
    images = pdf_tools.run("pdfimages", "-list", result.path).splitlines()[2:]
    assert not images, "charts are vector drawings, not pictures"


def test_sections_language_and_bad_input(demo_store: stores.Store, tmp_path: Path) -> None:
    trimmed = pdf_tools.words(write(demo_store, tmp_path / "t.pdf", sections=("changes",),
                                    language="uk").path)
    assert f"Зведення щодо системи озброєння: {SYSTEM}" in trimmed
    assert "Що змінилося з часом" in trimmed and "Країни виробників" in trimmed
    assert "Рівні CHPL" not in trimmed
    target = tmp_path / "none.pdf"
    with pytest.raises(NotFoundError, match="Zircon"):
        briefs.write(demo_store, "system", "Zircon", target)
    assert not target.exists()
    empty = records.create(demo_store, "system", {"name": "Kh-59"})
    text = pdf_tools.words(briefs.write(demo_store, "system", empty.name, tmp_path / "e.pdf",
                                        invariant=True, at=AT).path)
    assert "No recovered item of this type is recorded." in text
