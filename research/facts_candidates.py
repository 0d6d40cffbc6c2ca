"""How many gold fact pairs the candidates miss, and how many MiniLM's cosine would bring in.

    python research/facts_candidates.py [--split dev|heldout]

For each annotated story (tests/analysis/fact_annotations_*.json) every pair of sentences of two
articles is looked at: whether the annotators placed it in one fact (a gold pair), whether the words
make it a candidate (``candidate_pairs`` without meaning), and its MiniLM sentence cosine. Printed:
the share of gold pairs that are candidates, and for each cosine threshold how many more pairs and
gold pairs the meaning candidates would add. Needs ../shared/data and the ``[neural]`` extra.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsprism.analysis.align import AlignSettings, candidate_pairs, story_sentences
from newsprism.analysis.meaning import shared_encoder
from newsprism.engines.local import iter_cluster_stories
from newsprism.errors import InputError
from newsprism.evaluate.facts import gold_pairs, load_gold
from newsprism.model import StoryAnalysis

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = sorted((ROOT / "tests" / "analysis").glob("fact_annotations_*.json"))
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    split = parser.parse_args().split
    if not DATA.exists():
        sys.exit(f"{DATA} is absent (licensed evaluation data, never in the repository)")
    gold = {story.story: story for story in load_gold(GOLD, DATA, split)}
    gold_total = gold_candidates = candidates_total = 0
    added = {threshold: [0, 0] for threshold in THRESHOLDS}
    for file in sorted({story.file for story in gold.values()}):
        for story in iter_cluster_stories(str(DATA / file)):
            if isinstance(story, InputError) or story.id not in gold:
                continue
            sentences, flat, article_of = story_sentences(story)
            found = candidate_pairs(flat, article_of, AlignSettings(), story.id)
            candidates = set(zip(found.first.tolist(), found.second.tolist()))
            analysis = StoryAnalysis(story, sentences, (), {})
            right = {(d1, i1, d2, i2) for d1, s1, d2, s2 in gold_pairs(analysis, gold[story.id]) for i1 in s1 for i2 in s2}
            vectors = shared_encoder().sentence_vectors([s.text for s in flat])
            cosine = vectors @ vectors.T
            candidates_total += len(candidates)
            for i in range(len(flat)):
                for j in range(i + 1, len(flat)):
                    if article_of[i] == article_of[j]:
                        continue
                    is_gold = (article_of[i], flat[i].index, article_of[j], flat[j].index) in right
                    gold_total += is_gold
                    if (i, j) in candidates:
                        gold_candidates += is_gold
                        continue
                    for threshold in THRESHOLDS:
                        if cosine[i, j] >= threshold:
                            added[threshold][0] += 1
                            added[threshold][1] += is_gold
    print(f"{split}: {gold_total} gold pairs, {gold_candidates} of them candidates ({gold_candidates / gold_total:.3f}); "
          f"{candidates_total} candidates")
    for threshold, (pairs, gold_pairs_added) in added.items():
        print(f"  MiniLM cosine >= {threshold}: {pairs} more pairs, {gold_pairs_added} of them gold; "
              f"gold pairs that are candidates {(gold_candidates + gold_pairs_added) / gold_total:.3f}")


if __name__ == "__main__":
    main()
