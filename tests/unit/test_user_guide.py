"""The user guide holds together: its overview links the four pages, every link and picture
points to a file that exists (and a heading that exists), and every picture in the guide's
folder is shown by a page, within the size the application bundle can carry."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"
OVERVIEW = DOCS / "user-guide.md"
PAGES = [DOCS / "guide" / name for name in
         ("field-teams.md", "desk-officers.md", "report-writers.md", "administrators.md")]
SCREENSHOTS = DOCS / "guide" / "screenshots"
MAX_PICTURES_BYTES = 6 * 1024 * 1024
# [text](target) and ![text](target); the text may hold brackets of its own only as `…`.
LINK = re.compile(r"(!?)\[[^\]]*\]\(([^)\s]+)\)")


def _documents() -> list[Path]:
    return sorted(DOCS.glob("*.md")) + sorted((DOCS / "guide").glob("*.md"))


def _links(page: Path) -> list[tuple[bool, str]]:
    """(is a picture, target) of every Markdown link of the page, code spans left out."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    text = re.sub(r"`[^`\n]*`", "", text)
    return [(bang == "!", target) for bang, target in LINK.findall(text)]


def _local(target: str) -> bool:
    return not re.match(r"^[a-z]+:", target)


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    return {_anchor(line.lstrip("#")) for line in page.read_text(encoding="utf-8").splitlines()
            if line.startswith("#")}


def test_the_overview_links_the_four_pages_and_each_links_back() -> None:
    targets = {target for _picture, target in _links(OVERVIEW)}
    for page in PAGES:
        assert page.is_file(), page
        assert f"guide/{page.name}" in targets, f"the overview does not link {page.name}"
        assert "../user-guide.md" in {t for _p, t in _links(page)}, \
            f"{page.name} does not link back to the overview"


def test_every_link_and_picture_points_to_something_that_exists() -> None:
    broken = []
    for page in _documents():
        for picture, target in _links(page):
            if not _local(target):
                continue
            path_part, _hash, fragment = target.partition("#")
            path = (page.parent / path_part).resolve() if path_part else page
            if not path.is_file():
                broken.append(f"{page.relative_to(DOCS)}: {target}")
            elif fragment and not picture and path.suffix == ".md" \
                    and fragment not in _anchors(path):
                broken.append(f"{page.relative_to(DOCS)}: {target} (no such heading)")
    assert not broken, broken


def test_every_picture_of_the_guide_is_shown_by_a_page() -> None:
    shown = {(page.parent / target).resolve()
             for page in _documents() for picture, target in _links(page)
             if picture and _local(target)}
    pictures = sorted(SCREENSHOTS.glob("*"))
    assert pictures, "run tests/tools/take_screenshots.py --guide"
    unused = [p.name for p in pictures if p.resolve() not in shown]
    assert not unused, f"pictures no page shows: {unused}"
    assert all(p.suffix == ".png" for p in pictures)
    assert sum(p.stat().st_size for p in pictures) < MAX_PICTURES_BYTES


def test_every_page_shows_pictures_of_its_own() -> None:
    for page in PAGES:
        assert any(picture and target.startswith("screenshots/")
                   for picture, target in _links(page)), page.name
