"""Quotation extraction against PolNeAR's annotated attributions.

    python benchmarks/quotes_polnear.py [--split dev|train] [--speech-only] [--limit N] [--show N]

Each article is read alone (segmented with the default splitter) through
``newsprism.analysis.quotes.extract_quotes``; every quotation record is matched to a gold
attribution when their content spans overlap by at least half of the shorter
(``newsprism.evaluate.attribution``). Prints content precision, recall and, of the matched records,
the share whose ``speaker_mention`` overlaps the gold source span. By default stances, intentions and
requests are read as well ("Ryan endorsed Trump"), which PolNeAR counts as attributions;
``--speech-only`` reads speech and belief alone (``QuoteSettings(stances=False)``). ``--show N`` prints N missed gold
attributions and N unmatched quotations (text of the licensed data: read, never committed).
Tune on ``train``; the floors in ``tests/analysis/test_quotes_polnear.py`` are pinned on ``dev``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from newsprism.analysis.quotes import BELIEF_VERBS, SPEECH_VERBS, QuoteSettings, extract_quotes
from newsprism.evaluate.attribution import AttributionScore, content_match, read_gold, score_article
from newsprism.model import Article
from newsprism.text.segment import segment

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--data", type=Path, help="a PolNeAR-style JSONL file (default: the split's file)")
    parser.add_argument("--limit", type=int, help="read only the first N articles")
    parser.add_argument("--show", type=int, default=0, help="print N misses and N unmatched quotations")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--speech-only", action="store_true", help="no stances and intentions ('Ryan endorsed Trump')")
    args = parser.parse_args(argv)
    path = args.data or DATA / f"polnear_{args.split}.jsonl"
    if not path.is_file():
        print(f"skipped: {path} is absent (licensed evaluation data, never in the repository)", file=sys.stderr)
        return 1
    settings = QuoteSettings(stances=not args.speech_only)
    score = AttributionScore()
    unmatched = []
    start = time.perf_counter()
    for gold in read_gold(path, args.limit):
        article = Article(id=gold.id, text=gold.text, title=gold.title or None)
        quotes = extract_quotes(article, segment(article), settings)
        score_article(gold, quotes, score)
        unmatched += [
            (gold.text, q) for q in quotes if max((content_match(q, g) for g in gold.attributions), default=0) < 0.5
        ]
    seconds = time.perf_counter() - start
    print(f"{path.name}: {score.summary()} [{seconds:.1f} s]")
    texts = {g.id: g.text for g in read_gold(path, args.limit)}
    speech = {*SPEECH_VERBS, *BELIEF_VERBS, "according to", ":"}

    def spoken(article_id: str, gold) -> bool:  # the cue is a verb of speech or belief ("has said", "according to")
        cue = texts[article_id][slice(*gold.cue)].lower() if gold.cue else ""
        return cue in speech or (cue.split() or [""])[-1] in speech

    cued = sum(spoken(g.id, a) for g in read_gold(path, args.limit) for a in g.attributions)
    missed = sum(spoken(article_id, gold) for article_id, gold in score.misses)
    print(f"recall over attributions cued by a verb of speech or belief: {(cued - missed) / max(cued, 1):.3f} "
          f"({cued - missed}/{cued}); the rest are stances and acts ('called for his dismissal')")
    if args.show:
        texts = {g.id: g.text for g in read_gold(path, args.limit)}
        rng = random.Random(args.seed)
        print("\n--- missed gold attributions")
        for article_id, gold in rng.sample(score.misses, min(args.show, len(score.misses))):
            text = texts[article_id]
            source = text[slice(*gold.source)] if gold.source else None
            cue = text[slice(*gold.cue)] if gold.cue else None
            content = " ... ".join(text[a:b] for a, b in gold.content)
            print(f"* [{source} | {cue}] {content[:300]!r}")
        print("\n--- quotations matching no gold attribution")
        for _text, quote in rng.sample(unmatched, min(args.show, len(unmatched))):
            mention = quote.speaker_mention.text if quote.speaker_mention else None
            print(f"* [{quote.speaker!r} <- {mention!r} | {quote.verb}] {quote.text[:300]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
