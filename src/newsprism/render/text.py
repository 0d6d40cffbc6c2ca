"""Plain-text renderings for the terminal: one item per line, outlets in square brackets."""

from __future__ import annotations

from newsprism.model import StoryAnalysis, Summary


def _outlets(outlets: tuple[str, ...]) -> str:
    return "[" + ", ".join(outlets) + "]"


def summary_to_text(summary: Summary, analysis: StoryAnalysis) -> str:
    """Each summary sentence on its own line, followed by the outlets that report its fact."""
    outlets = ", ".join(analysis.story.outlets)
    lines = [f"Summary of {len(analysis.story.articles)} articles ({outlets}):", ""]
    lines += [f"{' '.join(s.sentence.text.split())} {_outlets(s.outlets)}" for s in summary.sentences]
    return "\n".join(lines) + "\n"
