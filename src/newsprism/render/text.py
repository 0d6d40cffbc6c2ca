"""Plain-text renderings for the terminal: one item per line, outlets in square brackets.

Everything written here goes through ``terminal.visible``: article text is untrusted, and a
terminal obeys the control characters it is sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsprism.analysis.figures import display_value, reading_order
from newsprism.analysis.quotes import record_kind
from newsprism.analysis.quotes.speakers import is_pronoun
from newsprism.model import Comparison, QuoteGroup, StoryAnalysis, Summary
from newsprism.render.terminal import visible


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``1 line``, ``2 lines``, ``1 story``/``2 stories`` (with ``plural``): a number and its noun."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def articles_of(analysis: StoryAnalysis) -> str:
    """"1 article", "2 articles": how many articles the story has, as the headings say it."""
    return counted(len(analysis.story.articles), "article")


def _outlets(outlets: tuple[str, ...]) -> str:
    return "[" + ", ".join(outlets) + "]"


def summary_to_text(summary: Summary, analysis: StoryAnalysis) -> str:
    """Each summary sentence on its own line, followed by the outlets that report its fact."""
    outlets = ", ".join(analysis.story.outlets)
    lines = [f"Summary of {articles_of(analysis)} ({outlets}):", ""]
    lines += [f"{' '.join(s.sentence.text.split())} {_outlets(s.outlets)}" for s in summary.sentences]
    return visible("\n".join(lines) + "\n")


def speaker_of(group: QuoteGroup) -> str:
    """Who a quotation is shown as said by: its resolved speaker; else the words that name an
    unnamed one ("unnamed: a senior official"); else "(unattributed)". Never a guess. A report that
    names no source by design ("is expected to") is "(no source named)", in every output alike."""
    if group.speaker:
        return group.speaker
    if record_kind(group.quotes[0]) == "sourceless":
        return "(no source named)"
    mention = next(
        (
            q.speaker_mention.text for q in group.quotes
            if q.speaker_mention and not is_pronoun(q.speaker_mention.text) and q.speaker_mention.text.lower() != "who"
        ),
        None,
    )
    return f"unnamed: {' '.join(mention.split())}" if mention else "(unattributed)"


def said_and_done(groups: Sequence[QuoteGroup]) -> tuple[list[QuoteGroup], list[QuoteGroup]]:
    """The quotation groups split into what people said (speech, verbatim or reported) and the rest:
    positions and acts ("endorsed Trump", "voted 54-35 on the bill") and reports that name no source
    ("is expected to"). The extractor reads the rest as attributions (PolNeAR counts them), but they
    are no one's words, so the outputs list them apart from the quotations."""
    said = [g for g in groups if record_kind(g.quotes[0]) == "speech"]
    return said, [g for g in groups if record_kind(g.quotes[0]) != "speech"]


def position_line(group: QuoteGroup) -> str:
    """A position, act or unsourced report as a line, in the article's words and never in quotation
    marks: "Biden: proposed a budget ...", "(no source named): Gas prices are expected to ..."."""
    return f"{speaker_of(group)}: {group.text}"


def worded(text: str, direct: bool) -> str:
    """A quotation's words: inside quotation marks only when they are verbatim, reported speech
    marked as such ("(reported) the talks had failed")."""
    return f"\u201c{text}\u201d" if direct else f"(reported) {text}"


def sourcing_line(sourcing: Mapping[str, int], quoted: Mapping[str, int], most: int = 3) -> str:
    """"12 quotations (8 verbatim, 4 reported); 9 named, 3 unnamed (2 anonymous); most quoted: ..." """
    if not sourcing.get("quotations"):
        return "no quotations"
    top = ", ".join(f"{speaker} {count}" for speaker, count in list(quoted.items())[:most])
    return (
        f"{counted(sourcing['quotations'], 'quotation')} ({sourcing.get('direct', 0)} verbatim, {sourcing.get('reported', 0)} reported); "
        f"{sourcing.get('named', 0)} named, {sourcing.get('unnamed', 0)} unnamed ({sourcing.get('anonymous', 0)} anonymous)"
        + (f"; most quoted: {top}" if top else "")
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _figure_lines(comparison: Comparison) -> list[str]:
    """One line per quantity: the readings of all outlets that give it, side by side."""
    groups: dict[int, list] = {}
    for position, reading in enumerate(sorted(comparison.figures, key=reading_order)):
        groups.setdefault(reading.group if reading.group >= 0 else -1 - position, []).append(reading)
    lines = []
    for readings in groups.values():
        first = readings[0].figure
        told = "; ".join(
            f"{'! ' if r.conflict else ''}{r.outlet} \u201c{_one_line(r.figure.text)}\u201d" for r in readings
        )
        what = first.unit if first.unit == first.counts else f"{first.unit} ({first.counts or 'unspecified'})"
        what += ", previous value" if first.previous else ""
        lines.append(f"{display_value(first)} {what}: {told}")
    return lines


def comparison_to_text(comparison: Comparison, analysis: StoryAnalysis, limit: int = 10) -> str:
    """The comparison for a terminal: consensus, then per outlet its exclusives and omissions, then
    quotes by speaker, figures (conflicts marked ``!``) and framing. At most ``limit`` items per list;
    the number left out is always said."""
    lines = [f"Comparison of {articles_of(analysis)} ({', '.join(comparison.outlets)})", ""]

    def listed(title: str, items: list[str]) -> None:
        lines.append(f"{title} ({len(items)}):")
        lines.extend(f"  - {item}" for item in items[:limit])
        if len(items) > limit:
            lines.append(f"  ... and {len(items) - limit} more")
        lines.append("")

    listed("Consensus", [
        f"{_one_line(f.representative.text)} {_outlets(f.outlets)}" + (" (less sure match)" if f.id in comparison.doubtful else "")
        for f in comparison.consensus
    ])
    for outlet in comparison.outlets:
        listed(f"Only {outlet}", [_one_line(f.representative.text) for f in comparison.exclusives.get(outlet, ())])
        omitted = comparison.omissions.get(outlet, ())
        if omitted:
            listed(f"Not in {outlet}", [f"{_one_line(f.representative.text)} {_outlets(f.outlets)}" for f in omitted])
    said, others = said_and_done(comparison.quotes)
    listed("Quotes", [
        f"{speaker_of(group)}: {worded(_one_line(group.text), group.quotes[0].direct)} {_outlets(group.outlets)}"
        for group in said
    ])
    listed("Positions and acts (not quotations)", [f"{_one_line(position_line(group))} {_outlets(group.outlets)}" for group in others])
    listed("Figures (! before an outlet: it contradicts another outlet)", _figure_lines(comparison))
    lines.append("Framing:")
    for outlet, framing in comparison.framing.items():
        verbs = ", ".join(f"{verb} {count}" for verb, count in framing.attribution_verbs.items()) or "none"
        loaded = ", ".join(dict.fromkeys(s.text.lower() for s in framing.loaded)) or "none"
        hedges = ", ".join(dict.fromkeys(s.text.lower() for s in framing.hedges)) or "none"
        naming = "; ".join(f"{concept}: {names}" for concept, names in framing.naming.items()) or "none"
        lines += [
            f"  {outlet} (tone {framing.tone:+.2f})",
            f"    headline: {_one_line(framing.headline) if framing.headline else 'none'}",
            f"    loaded words in the headline: {', '.join(s.text.lower() for s in framing.headline_loaded) or 'none'}",
            f"    sourcing: {sourcing_line(framing.sourcing, framing.quoted)}",
            f"    attribution verbs: {verbs}",
            f"    loaded words (own words, outside quotations): {loaded}",
            f"    hedges: {hedges}",
            f"    naming: {naming}",
        ]
    return visible("\n".join(lines) + "\n")
