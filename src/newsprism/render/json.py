"""Plain JSON-ready dictionaries of newsprism's results, for ``--format json``/``jsonl`` and the store.

Each function returns only built-in types (str, int, float, list, dict), so ``json.dumps`` needs no
custom encoder; offsets always index into the article's text.
"""

from __future__ import annotations

from newsprism.model import StoryAnalysis, Summary


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
