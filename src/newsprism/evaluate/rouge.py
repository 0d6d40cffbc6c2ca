"""ROUGE of system summaries against a cluster file's references, pinned to rouge-score.

Two conventions, the ones the published numbers use:

- ``duc`` (DUC 2004 task 2; ROUGE-1.5.5 ``-n 2 -m -l 100 -f A``): each system summary is cut to its
  first 100 words; ROUGE-1 and ROUGE-2 recall against each reference, averaged over the references
  of the story ("-f A"), then over stories.
- ``mds`` (Multi-News, Fabbri et al. 2019): ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 against the one
  reference, sentences separated by newlines for ROUGE-Lsum.

Both report the bootstrap 95% confidence intervals of rouge-score's ``BootstrapAggregator`` (1,000
resamples, percentiles of the resampled means), drawn from a generator of this call's own with a
fixed seed, so that a rerun prints the same interval and nothing else in the process is touched:
rouge-score draws from numpy's global generator, which would need a global seed (``aggregate``).

Deviations from ROUGE-1.5.5, stated as convention 9 of the design asks: rouge-score tokenises by
lower-casing and keeping runs of ``[a-z0-9]``, applies the Porter stemmer (``-m``) only to words of
more than three characters, removes no stop words (as ``-s`` is off), and does not use ROUGE-1.5.5's
jackknifing over references; it reads about 1.2 ROUGE-1 and 0.3 ROUGE-2 points lower than the Perl
script on DUC 2004, so compare only numbers from this scorer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import InputError, NewsprismError, first_named
from newsprism.ingest.jsonl import iter_records

log = logging.getLogger(__name__)

MODES = ("duc", "mds")
DUC_WORDS = 100
"""The DUC 2004 task 2 limit (ROUGE-1.5.5 ``-l 100``)."""


@dataclass(frozen=True, slots=True)
class Interval:
    """The mean over stories and its bootstrap 95% confidence interval, in ROUGE points (0-100).

    ``mean`` is the plain mean (what papers report); rouge-score's own "mid", the median of the
    bootstrap means, differs from it by a few hundredths.
    """

    mean: float
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class RougeReport:
    """Scores per measure ("rouge1 recall", ...) and how many stories they cover."""

    mode: str
    stories: int
    scores: Mapping[str, Interval]
    missing: tuple[str, ...] = ()


def read_references(path: str | Path) -> Iterator[tuple[str, list[str]] | InputError]:
    """``(story id, reference texts)`` per line of a cluster file; bad lines as ``InputError``.

    ``summaries`` may hold strings (Multi-News) or ``{"text": ...}`` records (DUC 2004).
    """
    return _read_lines(path, _references, "a story with id and summaries")


def read_summaries(path: str | Path) -> Iterator[tuple[str, list[str]] | InputError]:
    """``(story id, summary sentences)`` per line of ``newsprism summarize --format jsonl`` output."""
    return _read_lines(path, _summary, "a summary with id and sentences")


def _references(record: Mapping[str, Any]) -> tuple[str, list[str]]:
    references = [s["text"] if isinstance(s, dict) else s for s in record.get("summaries") or []]
    story_id = str(record["id"])
    if not references or not all(isinstance(r, str) and r.strip() for r in references):
        raise ValueError(f"story {story_id!r} has no reference summary")
    return story_id, references


def _summary(record: Mapping[str, Any]) -> tuple[str, list[str]]:
    story_id = str(record["id"])
    if "sentences" not in record and "summary" not in record:  # a cluster file given as summaries
        raise KeyError("sentences")
    sentences = [s["text"] for s in record.get("sentences") or []]
    if not sentences and record.get("summary"):
        sentences = [record["summary"]]
    return story_id, sentences


def _read_lines(
    path: str | Path, parse: Callable[[Mapping[str, Any]], tuple[str, list[str]]], what: str,
) -> Iterator[tuple[str, list[str]] | InputError]:
    """Each JSON line of ``path`` through ``parse``; a line that is not JSON, not ``what`` or that
    ``parse`` rejects (``ValueError``) becomes an ``InputError`` naming the file and line."""
    for line in iter_records(Path(path)):
        if isinstance(line, InputError):
            yield line
            continue
        try:
            parsed = parse(line.record)
        except KeyError as error:
            yield InputError(line.source, f"not {what}: no {error} field")
            continue
        except (AttributeError, TypeError) as error:
            yield InputError(line.source, f"not {what} ({error})")
            continue
        except ValueError as error:
            yield InputError(line.source, str(error))
            continue
        yield parsed


def _scorer(types: list[str]):
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(types, use_stemmer=True)


def score_duc(summary: str, references: list[str], scorer=None) -> dict[str, float]:
    """ROUGE-1/2 recall of ``summary`` cut to 100 words, averaged over ``references`` (0-1)."""
    scorer = scorer or _scorer(["rouge1", "rouge2"])
    cut = " ".join(summary.split()[:DUC_WORDS])
    per = [scorer.score(reference, cut) for reference in references]
    return {f"{m} recall": sum(p[m].recall for p in per) / len(per) for m in ("rouge1", "rouge2")}


def score_mds(sentences: list[str], references: list[str], scorer=None) -> dict[str, float]:
    """ROUGE-1/2/Lsum F1 of the summary sentences against the best-matching reference (0-1).

    Multi-News has one reference; with several, rouge-score's ``score_multi`` keeps the best.
    """
    scorer = scorer or _scorer(["rouge1", "rouge2", "rougeLsum"])
    scores = scorer.score_multi(references, "\n".join(sentences))
    return {f"{m} F1": scores[m].fmeasure for m in ("rouge1", "rouge2", "rougeLsum")}


BOOTSTRAP_SAMPLES = 1000
"""Resamples per interval: rouge-score's ``BootstrapAggregator`` default."""


def aggregate(rows: Iterable[Mapping[str, float]], *, seed: int = 0) -> dict[str, Interval]:
    """Mean and bootstrap 95% interval of each measure, as rouge-score's aggregator computes them.

    rouge-score's ``BootstrapAggregator`` resamples with numpy's global generator; this draws the
    same resamples, measure after measure in the order the rows name them, from a generator of its
    own (``RandomState(seed)`` gives the stream the global generator gives after
    ``np.random.seed(seed)``), so the intervals are rouge-score's to the last digit and no global
    state is set: two threads can score at once.
    """
    rows = list(rows)
    rng = np.random.RandomState(seed)
    measures = list(dict.fromkeys(k for row in rows for k in row))
    result = {}
    for k in measures:
        values = np.array([row[k] for row in rows])
        low, high = _bootstrap_interval(values, rng)
        result[k] = Interval(100 * float(np.mean(values)), 100 * low, 100 * high)
    return result


def _bootstrap_interval(values: np.ndarray, rng: np.random.RandomState, confidence: float = 0.95) -> tuple[float, float]:
    """The ``confidence`` interval of the mean of ``values`` by the bootstrap: the percentiles of
    the means of ``BOOTSTRAP_SAMPLES`` resamples with replacement, drawn one resample at a time as
    rouge-score's ``BootstrapAggregator._bootstrap_resample`` draws them (which also keeps its
    floating-point sums: a column per precision, recall and F1, all three equal here)."""
    matrix = np.repeat(values[:, None], 3, axis=1)
    means = np.zeros((BOOTSTRAP_SAMPLES, 3))
    for i in range(BOOTSTRAP_SAMPLES):
        means[i, :] = np.mean(matrix[rng.choice(np.arange(len(values)), size=len(values)), :], axis=0)
    tail = (1 - confidence) / 2
    low, _, high = np.percentile(means, 100 * np.array([tail, 0.5, 1 - tail]), axis=0)[:, 2]
    return float(low), float(high)


def evaluate(clusters: str | Path, summaries: str | Path, mode: str, *, warn=log.warning,
             track: Callable[[Iterable[str]], Iterable[str]] = iter) -> RougeReport:
    """Score the summaries file against the cluster file's references in ``mode`` (``duc``/``mds``).

    A story of the cluster file without a summary scores as an empty summary (zero), so a system
    cannot gain by skipping hard stories; such stories are listed in ``RougeReport.missing`` and
    reported through ``warn``, by id. A summary for a story the cluster file lacks is an error.
    ``track`` wraps the stories as they are scored (the command line draws a progress bar with it).
    """
    if mode not in MODES:
        raise NewsprismError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
    references: dict[str, list[str]] = {}
    for item in read_references(clusters):
        if isinstance(item, InputError):
            warn(str(item))
        else:
            references[item[0]] = item[1]
    produced: dict[str, list[str]] = {}
    for item in read_summaries(summaries):
        if isinstance(item, InputError):
            warn(str(item))
            continue
        if item[0] not in references:
            raise NewsprismError(f"{summaries}: story {item[0]!r} is not in {clusters} (or has no reference)")
        produced[item[0]] = item[1]
    if not produced:
        raise NewsprismError(f"{summaries}: no summary to score")
    missing = tuple(story for story in references if story not in produced)
    if missing:
        named = first_named(missing)
        counted = "1 story of" if len(missing) == 1 else f"{len(missing)} stories of"
        warn(f"{counted} {clusters} {'has' if len(missing) == 1 else 'have'} no summary in {summaries}; "
             f"scored as empty: {named}")
    if mode == "duc":
        scorer = _scorer(["rouge1", "rouge2"])
        rows = [score_duc(" ".join(produced.get(s, [])), references[s], scorer) for s in track(references)]
    else:
        scorer = _scorer(["rouge1", "rouge2", "rougeLsum"])
        rows = [score_mds(produced.get(s, []), references[s], scorer) for s in track(references)]
    return RougeReport(mode=mode, stories=len(rows), scores=aggregate(rows), missing=missing)
