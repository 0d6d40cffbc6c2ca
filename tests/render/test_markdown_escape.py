"""Markdown escaping, checked by rendering with a CommonMark parser (markdown-it-py, which rich uses)."""

from __future__ import annotations

import html

import pytest

from newsprism.render.markdown import escape

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (a dependency of rich) is not installed")

HOSTILE = [
    "Click [here](javascript:alert(1)) or ![x](http://x/y.png) <img src=x onerror=alert(1)> &lt;b&gt;",
    "*bold* _em_ `code` ~~gone~~ a|b \\ back",
    "1. Not a list", "12) Nor this", "# Not a heading", "- Not an item", "+ Nor this", "=== not an underline",
    "> not a quote",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_exactly_its_own_characters_in_one_list_item(text):
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough").render(f"- {escape(text)}\n")
    assert rendered == f"<ul>\n<li>{html.escape(text, quote=False)}</li>\n</ul>\n"


def test_full_stops_and_hyphens_inside_a_line_are_left_readable():
    assert escape("The U.S.-Russia talks ended in 2017. Both sides left.") == (
        "The U.S.-Russia talks ended in 2017. Both sides left."
    )


@pytest.mark.parametrize("text", [*HOSTILE, "Top stories #", "Ranked #1 ##", "C#", "#"])
def test_escaped_text_renders_as_exactly_its_own_characters_in_a_heading(text):
    # a story heading ends with its headline: a "#" there would close the heading and be lost
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough").render(f"# Story s1: {escape(text)}\n")
    assert rendered == f"<h1>Story s1: {html.escape(text, quote=False)}</h1>\n"
