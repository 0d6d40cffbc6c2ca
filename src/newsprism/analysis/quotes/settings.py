"""Settings of quotation extraction and grouping."""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.errors import NewsprismError


@dataclass(frozen=True, slots=True)
class QuoteSettings:
    """Thresholds of quote extraction and grouping.

    Defaults were set by reading the seed pair and the annotated sets in
    ``tests/analysis/quote_annotations.json`` (extraction, measured by ``test_quotes_annotated.py``)
    and ``tests/analysis/quote_pairs.json`` (grouping, ``test_quote_groups_annotated.py``).
    """

    min_direct_words: int = 3
    """Shorter quoted strings ("perplexed", “pending”) are scare or partial quotes, read as part of the sentence."""
    continuation_sentences: int = 2
    """A quote with no attribution continues the last speaker when that speaker was attributed this many sentences back."""
    min_indirect_words: int = 4
    """Reported speech shorter than this is not a statement ("he said so")."""
    stances: bool = True
    """Also read stances, intentions and requests with a plain object ("Ryan endorsed Trump", "asked the
    court to intervene"), as reported records whose words start at the verb (``is_stance``), after
    speech and never changing it. On by default since PolNeAR dev measured recall 0.510 without them
    and 0.660 with them at precision 0.969 and 0.943 (``benchmarks/quotes_polnear.py``); the quotation
    sets annotated for speech alone measure the records that are not stances."""
    min_stance_words: int = 2
    """A stance record needs its verb and at least one more word ("endorsed Trump")."""
    group_overlap: float = 0.5
    """IDF-weighted share of the shorter quote's words found in the other for the same speaker.
    0.3 joined different remarks of one long-winded speaker (the pairs each value groups on the
    development quote pairs: docs/evaluation.md, "Where the fact and quotation settings come from")."""
    group_overlap_any_speaker: float = 0.75
    """The same share when one speaker is unknown or a description (a quote re-attributed to an
    institution); quotes of two different named speakers are never grouped."""
    group_min_shared_words: int = 2
    """Rare-word overlap needs this many shared content words: one shared word ("lockdowns",
    "justify", "race") is found in different remarks of one speaker. Partial quotes found word for
    word inside the other quote, and quotes the alignment put in one fact, need only one (measured on
    the development pairs: docs/evaluation.md, "Where the fact and quotation settings come from")."""
    group_overlap_one_word: float = 0.75
    """With fewer shared words, the same speaker's quotes still group at this share: a short remark
    whose rare words are (nearly) all in the other ("It takes two to tango" / "dance tango, as they say").
    On the development pairs 0.6, and leaving this rule out, each group one wrong pair more than
    0.75 and 0.9 (the groups are built around a centre, so one link more or less moves others)."""

    def __post_init__(self) -> None:
        for name in ("group_overlap", "group_overlap_any_speaker", "group_overlap_one_word"):
            if not 0.0 < getattr(self, name) <= 1.0:
                raise NewsprismError(f"{name} must be in (0, 1], got {getattr(self, name)}")
        if self.min_stance_words < 2:
            raise NewsprismError(f"min_stance_words must be at least 2 (the verb and its object), got {self.min_stance_words}")
        if self.group_min_shared_words < 1:
            raise NewsprismError(f"group_min_shared_words must be at least 1, got {self.group_min_shared_words}")
