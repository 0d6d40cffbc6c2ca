"""Every link between the README and the guides leads somewhere: the file exists, and a ``#part``
names one of its headings (as GitHub makes anchors of headings).

The README points to the guides and the guides to docs/evaluation.md by section; a section renamed
or a page moved would leave a reader at a dead end without this check.
"""

from __future__ import annotations

import re

import pytest
from datapaths import ROOT

PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md"), ROOT / "research" / "README.md",
                ROOT / "benchmarks" / "README.md"])
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchor(heading: str) -> str:
    """GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(page) -> set[str]:
    return {anchor(line.lstrip("#")) for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("#")}


def local_links(page) -> list[str]:
    return [target for target in LINK.findall(page.read_text(encoding="utf-8")) if "://" not in target]


def test_the_readme_links_to_the_guides():
    assert len(local_links(ROOT / "README.md")) >= 10


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_local_link_of_a_page_leads_to_a_file_and_heading_that_exist(page):
    dead = []
    for target in local_links(page):
        path, _, part = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists() or (part and linked.suffix == ".md" and part not in anchors(linked)):
            dead.append(target)
    assert dead == []


def test_every_guide_in_docs_is_linked_from_the_readme():
    linked = {(ROOT / target.partition("#")[0]).resolve() for target in local_links(ROOT / "README.md")}
    assert sorted(p.name for p in (ROOT / "docs").glob("*.md") if p.resolve() not in linked) == []
