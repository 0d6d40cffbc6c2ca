"""Would the quotation reader's speakers keep two people's like words apart as two facts?

    python research/facts_speakers.py [--factor F] [--direct]

An editor reading the comparison finds consensus facts made of two speakers' alike words (one
candidate's "release the full Mueller report to the American people", another's "release the Mueller
report to the American public"). The same-fact judge reads a speaker only from the words around a
speech verb. This script gives it the speakers the quotation reader resolves (``extract_quotes``,
one id per person across the story by ``unify_speakers``): a pair of sentences each holding
quotations, whose speakers share no one, has its probability multiplied by ``--factor`` (0.5, as
the other rules of ``details_differ``); ``--direct`` counts verbatim quotations only. Printed: pair
precision and recall through ``analyze`` on the annotated dev and held-out stories, with the shipped
judge and with the rule. Needs ../shared/data.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from facts_bench import DATA, _annotated_stories  # noqa: E402

from newsprism.analysis.align import analyze, story_sentences  # noqa: E402
from newsprism.analysis.quotes import extract_quotes, unify_speakers  # noqa: E402
from newsprism.analysis.samefact import PairEvidence, default_model  # noqa: E402
from newsprism.evaluate.facts import PairCounts, score_story  # noqa: E402
from newsprism.model import Story  # noqa: E402


class _SpeakersApart:
    """The shipped judge, with pairs of sentences quoting different people weighed down."""

    def __init__(self, speakers: dict[str, set[str]], factor: float) -> None:
        self.speakers, self.factor, self.base = speakers, factor, default_model()
        self.threshold = self.base.threshold

    def probabilities(self, pairs: Sequence[PairEvidence]) -> np.ndarray:
        apart = [bool(self.speakers.get(p.first) and self.speakers.get(p.second)
                      and not self.speakers[p.first] & self.speakers[p.second]) for p in pairs]
        return self.base.probabilities(pairs) * np.where(apart, self.factor, 1.0)


def _speakers(story: Story, direct: bool) -> dict[str, set[str]]:
    """Each sentence's text with the ids of the resolved speakers of the quotations it holds."""
    sentences, _, _ = story_sentences(story)
    quotes = unify_speakers([q for article in story.articles for q in extract_quotes(article, sentences[article.id])])
    found: dict[str, set[str]] = {}
    for quote in quotes:
        if quote.speaker and quote.speaker_id and (quote.direct or not direct):
            for sentence in sentences[quote.article]:
                if sentence.start < quote.end and quote.start < sentence.end:
                    found.setdefault(sentence.text, set()).add(quote.speaker_id)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=float, default=0.5)
    parser.add_argument("--direct", action="store_true", help="verbatim quotations only")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent (licensed evaluation data, never in the repository)")
    for split in ("dev", "heldout+heldout-b"):
        shipped, ruled = PairCounts(), PairCounts()
        for story, gold in _annotated_stories(split):
            shipped.add(score_story(analyze(story), gold))
            ruled.add(score_story(analyze(story, judge=_SpeakersApart(_speakers(story, args.direct), args.factor)), gold))
        print(f"{split}: shipped {shipped.precision:.3f} ({shipped.predicted_right}/{shipped.predicted}) / "
              f"{shipped.recall:.3f} ({shipped.gold_found}/{shipped.gold}); speakers apart x{args.factor}: "
              f"{ruled.precision:.3f} ({ruled.predicted_right}/{ruled.predicted}) / {ruled.recall:.3f} "
              f"({ruled.gold_found}/{ruled.gold})", flush=True)


if __name__ == "__main__":
    main()
