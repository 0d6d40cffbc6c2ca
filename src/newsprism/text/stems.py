"""Word stems: the Porter stems rouge-score compares, shared by the alignment and the same-fact judge."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _porter():
    from nltk.stem.porter import PorterStemmer  # installed with rouge-score

    return PorterStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """rouge-score's stemming rule: Porter stems for words longer than three characters."""
    return _porter().stem(word) if len(word) > 3 else word
