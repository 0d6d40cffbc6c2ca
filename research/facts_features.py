"""Does MiniLM tell the same fact better than the words, given every pair that shares a word?

    python research/facts_features.py [--candidate-threshold C] [--folds K]

The shipped judge weighs the pairs whose story cosine reaches 0.1; a perfect judge over every pair
sharing a word would reach held-out recall 0.68 instead of 0.50 (``facts_bench.py ceiling``). This
script asks whether a judge fitted on those wider candidates, with or without MiniLM's evidence,
finds more of them. For every annotated story (tests/analysis/fact_annotations_*.json) it takes the
candidate pairs at ``--candidate-threshold`` (default 1e-06: any shared word), labels them by the
gold facts, and fits a logistic model per feature set on the dev stories' pairs alone (MSRP left
out: its annotators call a sentence that adds a clause "not equivalent", which is not what an
editor asks). Each feature set is scored through ``analyze`` (candidates, the details rule and the
grouping as shipped) with the model's probabilities standing in for the judge: on dev out of fold
(K folds grouped by story), and on both held-out sets with the model fitted on all of dev.

Feature sets: the 25 lexical features of ``samefact.FEATURES``; their MiniLM sentence cosine; the
shipped meaning features (``meaning.MEANING_FEATURES``: BERTScore-like coverage); the best cosine
between a clause of one sentence and a clause of the other (clauses split at commas, semicolons,
colons, dashes and brackets, a piece of fewer than three content words joined to its neighbour,
each clause encoded alone), the best content-word overlap of two clauses, and the log of the
number of clause pairs. Needs ../shared/data and the ``[neural]`` extra; about 10 minutes on two
cores, most of it MiniLM encoding some 4,000 sentences and 6,000 clauses.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from facts_bench import DATA, _annotated_stories  # noqa: E402

from newsprism.analysis.align import AlignSettings, analyze, candidate_pairs, story_sentences  # noqa: E402
from newsprism.analysis.meaning import meaning_features, shared_encoder  # noqa: E402
from newsprism.analysis.samefact import PairEvidence, details_differ, pair_features, parse  # noqa: E402
from newsprism.evaluate.facts import PairCounts, gold_pairs, score_story  # noqa: E402
from newsprism.model import StoryAnalysis  # noqa: E402
from newsprism.text.stopwords import ENGLISH_STOP_WORDS  # noqa: E402

SPLITS = ("dev", "heldout", "heldout-b")
THRESHOLDS = (0.5, 0.6, 0.7)
_BREAK = re.compile(r"\s*[,;:()\[\]—–]\s*|\s+-{1,2}\s+")
_WORD = re.compile(r"[^\W_]+")


def _content(text: str) -> int:
    return sum(1 for word in _WORD.findall(text.lower()) if word not in ENGLISH_STOP_WORDS)


def clauses(text: str) -> list[str]:
    """The pieces of ``text`` between its breaks, a piece of fewer than three content words joined
    to the one before (the first, to the one after)."""
    merged: list[str] = []
    for piece in (p for p in _BREAK.split(text) if p.strip()):
        if merged and (_content(merged[-1]) < 3 or _content(piece) < 3):
            merged[-1] = f"{merged[-1]}, {piece}"
        else:
            merged.append(piece)
    return merged or [text]


class _Replay:
    """A judge that gives each pair the probability a fitted model gave it beforehand."""

    def __init__(self, table: dict[tuple[str, str, str], float], story: str, threshold: float) -> None:
        self.table, self.story, self.threshold = table, story, threshold

    def probabilities(self, pairs: list[PairEvidence]) -> np.ndarray:
        return np.array([self.table[(self.story, p.first, p.second)] for p in pairs])


def _candidates(annotated: dict, settings: AlignSettings) -> tuple[list[tuple[str, str, PairEvidence]], np.ndarray]:
    rows, labels = [], []
    for split, stories in annotated.items():
        for story, gold in stories:
            sentences, flat, article_of = story_sentences(story)
            found = candidate_pairs(flat, article_of, settings, story.id)
            located = gold_pairs(StoryAnalysis(story, sentences, (), {}), gold)
            right = {(d1, i1, d2, i2) for d1, s1, d2, s2 in located for i1 in s1 for i2 in s2}
            right |= {(d2, i2, d1, i1) for d1, i1, d2, i2 in right}
            for i, j, evidence in zip(found.first.tolist(), found.second.tolist(), found.evidence):
                rows.append((split, story.id, evidence))
                labels.append(int((article_of[i], flat[i].index, article_of[j], flat[j].index) in right))
    return rows, np.array(labels)


def _clause_features(first: str, second: str, vectors: dict[str, np.ndarray]) -> list[float]:
    a, b = clauses(first), clauses(second)
    best_cosine = float(np.max(np.array([vectors[x] for x in a]) @ np.array([vectors[y] for y in b]).T))
    best_overlap = 0.0
    for x in a:
        for y in b:
            cx, cy = parse(x).content, parse(y).content
            if cx and cy:
                best_overlap = max(best_overlap, len(cx & cy) / min(len(cx), len(cy)))
    return [best_cosine, best_overlap, math.log(len(a) * len(b))]


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidate-threshold", type=float, default=1e-6)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent (licensed evaluation data, never in the repository)")
    settings = AlignSettings(candidate_threshold=args.candidate_threshold)
    annotated = {split: _annotated_stories(split) for split in SPLITS}
    rows, y = _candidates(annotated, settings)
    print(f"{len(rows)} candidate pairs ({y.sum()} gold) at cosine {args.candidate_threshold}", flush=True)
    encoder = shared_encoder()
    texts = sorted({t for _, _, e in rows for t in (e.first, e.second)})
    encoded = dict(zip(texts, encoder.encode(texts)))
    pieces = sorted({c for t in texts for c in clauses(t)})
    vectors = dict(zip(pieces, encoder.sentence_vectors(pieces)))
    lexical = np.array([pair_features(e) for _, _, e in rows])
    meaning = np.array([meaning_features(encoded[e.first], encoded[e.second]) for _, _, e in rows])
    cosine = meaning[:, 2:3]
    clause = np.array([_clause_features(e.first, e.second, vectors) for _, _, e in rows])
    contradicted = np.array([details_differ(e.first, e.second) for _, _, e in rows])
    split = np.array([s for s, _, _ in rows])
    story = np.array([s for _, s, _ in rows])
    keys = [(s, e.first, e.second) for _, s, e in rows]
    sets = {
        "the lexical features": lexical,
        "+ MiniLM sentence cosine": np.c_[lexical, cosine],
        "+ the shipped meaning features": np.c_[lexical, meaning],
        "+ sentence and clause cosine": np.c_[lexical, cosine, clause[:, :1]],
        "+ sentence and clause cosine, clause overlap": np.c_[lexical, cosine, clause],
    }
    dev = split == "dev"
    print("| features | dev, out of fold: P / R at " + " / ".join(map(str, THRESHOLDS))
          + " | held out (26 stories): P / R at the same |\n| --- | --- | --- |")
    for name, x in sets.items():
        scale = x[dev].std(axis=0)
        z = (x - x[dev].mean(axis=0)) / np.where(scale == 0, 1.0, scale)
        probability = np.zeros(len(y))
        inside = np.flatnonzero(dev)
        for train, test in GroupKFold(args.folds).split(inside, groups=story[inside]):
            model = LogisticRegression(max_iter=3000).fit(z[inside[train]], y[inside[train]])
            probability[inside[test]] = model.predict_proba(z[inside[test]])[:, 1]
        model = LogisticRegression(max_iter=3000).fit(z[dev], y[dev])
        probability[~dev] = model.predict_proba(z[~dev])[:, 1]
        probability *= np.where(contradicted, 0.5, 1.0)  # the details rule, as the shipped judge applies it
        table = dict(zip(keys, probability.tolist()))
        cells = []
        for splits in (("dev",), ("heldout", "heldout-b")):
            scores = []
            for threshold in THRESHOLDS:
                total = PairCounts()
                for part in splits:
                    for one, gold in annotated[part]:
                        judged = analyze(one, settings=settings, judge=_Replay(table, one.id, threshold))
                        total.add(score_story(judged, gold))
                scores.append(f"{total.precision:.3f} / {total.recall:.3f}")
            cells.append(", ".join(scores))
        print(f"| {name} | {cells[0]} | {cells[1]} |", flush=True)


if __name__ == "__main__":
    main()
