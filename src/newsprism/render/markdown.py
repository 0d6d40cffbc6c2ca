"""Markdown renderings. Article text is untrusted: every piece of it is escaped, so a sentence can
never become a link, an image, HTML or formatting in the reader's viewer."""

from __future__ import annotations

import re

from newsprism.model import StoryAnalysis, Summary

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")


def escape(text: str) -> str:
    """``text`` with every Markdown-significant character backslash-escaped, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def summary_to_markdown(summary: Summary, analysis: StoryAnalysis) -> str:
    """A heading, then one list item per summary sentence with its outlets in bold brackets."""
    outlets = ", ".join(escape(o) for o in analysis.story.outlets)
    lines = [f"## Summary of {len(analysis.story.articles)} articles ({outlets})", ""]
    for chosen in summary.sentences:
        named = ", ".join(escape(o) for o in chosen.outlets)
        lines.append(f"- {escape(chosen.sentence.text)} **\\[{named}\\]**")
    return "\n".join(lines) + "\n"
