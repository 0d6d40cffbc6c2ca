"""Markdown renderings. Article text is untrusted: every piece of it is escaped, so a sentence can
never become a link, an image, HTML or formatting in the reader's viewer."""

from __future__ import annotations

import re

from newsprism.analysis.figures import display_value, reading_order
from newsprism.model import Comparison, Fact, StoryAnalysis, Summary
from newsprism.render.terminal import visible
from newsprism.render.text import articles_of, position_line, said_and_done, sourcing_line, speaker_of, worded

_INLINE = re.compile(r"([\\`*_\[\]()<>|~&])")
"""Characters that mean something anywhere in a line: emphasis, code, links, HTML, entities, tables."""
_BLOCK_START = re.compile(r"^([#+=-]|\d+(?=[.)]))")
"""What means something only at the start of a line: a heading, a list item, a setext underline."""
_HEADING_CLOSE = re.compile(r"(?<!\\)#$")
"""A "#" at the end of a heading's line: with the ones before it, the heading's optional closing sequence."""


def escape(text: str) -> str:
    """``text`` on one line with every Markdown-significant character backslash-escaped, and its
    control characters shown as escapes (the Markdown is often read in a terminal first).

    Full stops and hyphens are escaped only where they could start a list or heading, so that the
    Markdown stays readable as plain text when pasted ("U.S.-Russia", not "U\\.S\\.\\-Russia"); a
    "#" that ends the text is escaped, as it would close a heading the text ends ("# Story s1: Top
    stories #" loses its "#").
    """
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    text = _BLOCK_START.sub(lambda m: m.group() + "\\" if m.group().isdigit() else "\\" + m.group(), text)
    return visible(_HEADING_CLOSE.sub(r"\\#", text))


def summary_to_markdown(summary: Summary, analysis: StoryAnalysis) -> str:
    """A heading, then one list item per summary sentence with its outlets in bold brackets."""
    outlets = ", ".join(escape(o) for o in analysis.story.outlets)
    lines = [f"## Summary of {articles_of(analysis)} ({outlets})", ""]
    for chosen in summary.sentences:
        named = ", ".join(escape(o) for o in chosen.outlets)
        lines.append(f"- {escape(chosen.sentence.text)} **\\[{named}\\]**")
    return "\n".join(lines) + "\n"


def _named(outlets: tuple[str, ...]) -> str:
    return "**\\[" + ", ".join(escape(o) for o in outlets) + "\\]**"


def _facts(facts: tuple[Fact, ...], with_outlets: bool, doubtful: frozenset[int] = frozenset()) -> list[str]:
    return [
        f"- {escape(f.representative.text)}" + (f" {_named(f.outlets)}" if with_outlets else "")
        + (" _(less sure match)_" if f.id in doubtful else "")
        for f in facts
    ]


def comparison_to_markdown(comparison: Comparison, analysis: StoryAnalysis) -> str:
    """Sections for consensus, each outlet's exclusives and omissions, quotes, figures and framing."""
    outlets = ", ".join(escape(o) for o in comparison.outlets)
    lines = [f"## Comparison of {articles_of(analysis)} ({outlets})", "", "### Consensus", ""]
    lines += _facts(comparison.consensus, True, comparison.doubtful) or ["_No fact is told by more than one outlet._"]
    for outlet in comparison.outlets:
        lines += ["", f"### {escape(outlet)}", "", "Only here:", ""]
        lines += _facts(comparison.exclusives.get(outlet, ()), False) or ["- _nothing_"]
        omitted = comparison.omissions.get(outlet, ())
        if omitted:
            lines += ["", "Left out (told by most other outlets):", ""] + _facts(omitted, True)
    said, others = said_and_done(comparison.quotes)
    lines += ["", "### Quotes", ""]
    lines += [
        f"- {escape(speaker_of(g))}: {worded(escape(g.text), g.quotes[0].direct)} {_named(g.outlets)}"
        for g in said
    ] or ["_No quotation found._"]
    if others:
        lines += ["", "### Positions and acts (not quotations)", ""]
        lines += [f"- {escape(position_line(g))} {_named(g.outlets)}" for g in others]
    lines += ["", "### Figures", "", "| outlet | value | unit | counts | text | conflict |", "| --- | --- | --- | --- | --- | --- |"]
    for r in sorted(comparison.figures, key=reading_order):
        lines.append(
            f"| {escape(r.outlet)} | {escape(display_value(r.figure))} | {escape(r.figure.unit)} | "
            f"{escape(r.figure.counts)}{' (previous value)' if r.figure.previous else ''} | {escape(r.figure.text)} | "
            f"{'**yes**' if r.conflict else ''} |"
        )
    lines += ["", "### Headlines", "", "| outlet | headline | loaded words | naming | sourcing |", "| --- | --- | --- | --- | --- |"]
    for outlet, framing in comparison.framing.items():
        headline_naming = "; ".join(f"{escape(c)}: {escape(n)}" for c, n in framing.headline_naming.items())
        lines.append(
            f"| {escape(outlet)} | {escape(framing.headline or '')} | "
            f"{', '.join(escape(s.text.lower()) for s in framing.headline_loaded)} | {headline_naming} | "
            f"{escape(sourcing_line(framing.sourcing, framing.quoted))} |"
        )
    lines += ["", "### Framing (the outlet's own words, outside quotations)", "",
              "| outlet | tone | attribution verbs | loaded words | hedges | naming |", "| --- | --- | --- | --- | --- | --- |"]
    for outlet, framing in comparison.framing.items():
        verbs = ", ".join(f"{escape(v)} {c}" for v, c in framing.attribution_verbs.items())
        loaded = ", ".join(escape(w) for w in dict.fromkeys(s.text.lower() for s in framing.loaded))
        hedges = ", ".join(escape(w) for w in dict.fromkeys(s.text.lower() for s in framing.hedges))
        naming = "; ".join(f"{escape(c)}: {escape(n)}" for c, n in framing.naming.items())
        lines.append(f"| {escape(outlet)} | {framing.tone:+.2f} | {verbs} | {loaded} | {hedges} | {naming} |")
    return "\n".join(lines) + "\n"
