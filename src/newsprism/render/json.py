"""Plain JSON-ready dictionaries of newsprism's results, for ``--format json``/``jsonl`` and the store.

Each function returns only built-in types (str, int, float, list, dict), so ``json.dumps`` needs no
custom encoder; offsets always index into the article's text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from newsprism.analysis.figures import display_value
from newsprism.analysis.headlines import agreed_title
from newsprism.analysis.quotes import record_kind
from newsprism.model import Article, Comparison, Conflict, Fact, Mention, Sentence, Span, StoryAnalysis, Summary


def article_to_dict(article: Article, sentences: Sequence[Sentence]) -> dict:
    """The article as the JSON contract of ``newsprism read --format jsonl``.

    Contract fields (other tools rely on these names): ``id``, ``outlet`` ("" when unknown),
    ``title``, ``published`` (ISO 8601 or null), ``url``, ``text``, ``sentences``: ``[{"start",
    "end", "text"}]`` with ``text[start:end] == sentence text``, ``removed``: ``[{"line",
    "reason"}]``. Also: ``display_outlet`` (the outlet, else the input's name), ``source``,
    ``language``, each sentence's ``index`` and ``paragraph``, and ``meta`` (reader notes, dataset
    fields, byline...).
    """
    return {
        "id": article.id,
        "outlet": article.outlet,
        "display_outlet": article.display_outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "source": article.source,
        "language": article.language,
        "text": article.text,
        "sentences": [
            {"index": s.index, "paragraph": s.paragraph, "start": s.start, "end": s.end, "text": s.text}
            for s in sentences
        ],
        "removed": [{"line": r.line, "reason": r.reason} for r in article.removed],
        "meta": _plain(article.meta),
    }


def _plain(value: Any) -> Any:
    """``value`` as built-in JSON types (mappings to dicts, tuples to lists, dates to ISO strings)."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(item) for item in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def summary_to_dict(summary: Summary, analysis: StoryAnalysis) -> dict:
    """``{"id", "summary", "sentences": [{"text", "article", "start", "end", "outlets", "fact"}]}``.

    ``article`` is the article id; ``article.text[start:end] == text`` for the article of that id in
    ``analysis.story``; ``outlets`` are the outlets that report the sentence's fact; ``fact`` is the
    fact's position in ``analysis.facts``.
    """
    return {
        "id": summary.story,
        "summary": summary.text,
        "sentences": [
            {
                "text": chosen.sentence.text,
                "article": chosen.sentence.article,
                "start": chosen.sentence.start,
                "end": chosen.sentence.end,
                "outlets": list(chosen.outlets),
                "fact": analysis.fact_of[(chosen.sentence.article, chosen.sentence.index)],
            }
            for chosen in summary.sentences
        ],
    }


def _fact_to_dict(fact: Fact) -> dict:
    """A fact as a list entry (consensus, exclusives, omissions): its representative sentence and
    ``fact``, its id in the comparison's ``facts``."""
    sentence = fact.representative
    return {
        "text": sentence.text,
        "outlets": list(fact.outlets),
        "fact": fact.id,
        "confidence": round(fact.confidence, 3),
        "article": sentence.article,
        "start": sentence.start,
        "end": sentence.end,
    }


def _full_fact_to_dict(fact: Fact, analysis: StoryAnalysis) -> dict:
    return {
        "id": fact.id,
        "outlets": list(fact.outlets),
        "confidence": round(fact.confidence, 3),
        "sentences": [
            {"article": s.article, "outlet": analysis.outlet_of(s.article), "start": s.start, "end": s.end, "text": s.text}
            for s in fact.sentences
        ],
    }


def _conflict_to_dict(conflict: Conflict) -> dict:
    return {
        "kind": conflict.kind,
        "note": conflict.note,
        "sentences": [
            {"article": s.article, "outlet": s.label, "start": s.start, "end": s.end, "text": s.text}
            for s in (conflict.first, conflict.second)
        ],
    }


def _span_to_dict(span: Span) -> dict:
    return {"text": span.text, "article": span.article, "start": span.start, "end": span.end, "label": span.label}


def _mention_to_dict(mention: Mention | None) -> dict | None:
    return None if mention is None else {"text": mention.text, "start": mention.start, "end": mention.end}


def comparison_to_dict(comparison: Comparison, analysis: StoryAnalysis) -> dict:
    """The comparison as the JSON contract of ``newsprism compare --format json``.

    Contract fields (other tools rely on these names): ``outlets``; ``facts``: every fact of the
    story, ``[{"id", "outlets", "confidence", "sentences": [{"article", "outlet", "start", "end",
    "text"}]}]``, each sentence of each article that states it; ``consensus``: ``[{"text",
    "outlets", "fact", "doubtful"}]`` (``fact`` is an ``id`` of ``facts``, as in exclusives and
    omissions; ``doubtful`` true for a less sure match, ``Comparison.doubtful``); ``exclusives``: ``{outlet: [{"text"}]}`` (a piece of a quotation
    of several sentences as the whole quotation: ``text``, ``start`` and ``end`` span it, ``fact``
    is the first piece's); ``omissions``: ``{outlet: [{"text",
    "outlets"}]}``; ``quotes``: ``[{"speaker", "text", "direct", "kind", "outlets", "quotes": [{"speaker",
    "speaker_id", "speaker_mention", "cue", "direct", "kind", "text", ...}]}]`` (``speaker`` the
    resolved person or organisation, null when unresolved; ``speaker_mention`` ``{"text", "start",
    "end"}``, the words that name the speaker with offsets into the article text, or null; ``direct``
    true for verbatim words, false for reported speech; ``kind`` ``"speech"`` for someone's words,
    ``"stance"`` for a position or act, ``"sourceless"`` for a report naming no source; ``verb`` repeats ``cue`` for older readers); ``figures``: ``[{"value",
    "unit", "counts", "outlet", "text", "conflict"}]`` (``unit`` ``"count"``, ``"%"``, a currency
    code, ``"lb"``, ``"years"``, ``"date"`` or ``"tally"``; ``display`` the value as written: a date's
    ``value`` packs year × 10,000 + month × 100 + day, a tally's yes × 1,000 + no, "252-175"); ``framing``: ``{outlet: {"loaded": [{"text",
    "article", "start", "end"}], "attribution_verbs": {verb: count}, "headline", "headline_loaded"
    (offsets into the title), "sourcing": {"quotations", "direct", "reported", "named", "unnamed",
    "anonymous"}, "quoted": {speaker: count}}}`` (loaded words and hedges outside quotations);
    ``title``: the headline the outlets agree on most. Every fact, quote and
    figure also carries its ``article`` id and ``start``/``end`` offsets into that article's text;
    ``conflicts``: ``[{"kind", "note", "sentences": [two sentences as in facts]}]``.
    """
    return {
        "id": comparison.story,
        "title": agreed_title(analysis.story.articles),
        "outlets": list(comparison.outlets),
        "articles": [
            {"id": a.id, "outlet": a.display_outlet, "title": a.title, "url": a.url, "source": a.source}
            for a in analysis.story.articles
        ],
        "facts": [_full_fact_to_dict(f, analysis) for f in comparison.facts],
        "consensus": [{**_fact_to_dict(f), "doubtful": f.id in comparison.doubtful} for f in comparison.consensus],
        "exclusives": {o: [_fact_to_dict(f) for f in facts] for o, facts in comparison.exclusives.items()},
        "omissions": {o: [_fact_to_dict(f) for f in facts] for o, facts in comparison.omissions.items()},
        "quotes": [
            {
                "speaker": group.speaker or None,
                "speaker_id": group.quotes[0].speaker_id if group.speaker else None,
                "text": group.text,
                "direct": group.quotes[0].direct,
                "kind": record_kind(group.quotes[0]),
                "outlets": list(group.outlets),
                "quotes": [
                    {
                        "speaker": q.speaker or None,
                        "speaker_id": q.speaker_id,
                        "speaker_mention": _mention_to_dict(q.speaker_mention),
                        "cue": q.verb,
                        "text": q.text,
                        "outlet": analysis.outlet_of(q.article),
                        "article": q.article,
                        "start": q.start,
                        "end": q.end,
                        "direct": q.direct,
                        "kind": record_kind(q),
                        "verb": q.verb,
                    }
                    for q in group.quotes
                ],
            }
            for group in comparison.quotes
        ],
        "figures": [
            {
                "value": r.figure.value,
                "display": display_value(r.figure),
                "unit": r.figure.unit,
                "counts": r.figure.counts,
                "outlet": r.outlet,
                "text": r.figure.text,
                "conflict": r.conflict,
                "previous": r.figure.previous,
                "group": r.group,
                "article": r.figure.article,
                "start": r.figure.start,
                "end": r.figure.end,
            }
            for r in comparison.figures
        ],
        "framing": {
            outlet: {
                "loaded": [_span_to_dict(s) for s in framing.loaded],
                "attribution_verbs": dict(framing.attribution_verbs),
                "hedges": [_span_to_dict(s) for s in framing.hedges],
                "naming": dict(framing.naming),
                "tone": framing.tone,
                "headline": framing.headline,
                "headline_loaded": [_span_to_dict(s) for s in framing.headline_loaded],
                "headline_naming": dict(framing.headline_naming),
                "sourcing": dict(framing.sourcing),
                "quoted": dict(framing.quoted),
            }
            for outlet, framing in comparison.framing.items()
        },
        "conflicts": [_conflict_to_dict(c) for c in comparison.conflicts],
    }
