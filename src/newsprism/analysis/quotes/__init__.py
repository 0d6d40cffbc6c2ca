"""Quotations and who said them, and the same quotation found across outlets.

News prose marks speech in a handful of ways: a quotation in quote marks that opens, closes or
wraps around an attribution ("“...,” Peskov said"; "Peskov said: “...”"), reported speech with an
attribution verb ("..., the official said"; "Peskov told reporters that ..."; "according to ..."),
and quote-only paragraphs that continue the last speaker. This module reads those patterns with
regular expressions over each sentence, with the text inside quote marks masked so that words in a
quotation are never taken for its attribution.

Speakers are resolved inside the article, the way a reader does: a surname ("Peskov", "Mr.
Steele") to the full name the article gives elsewhere ("Dmitry Peskov"), a pronoun to the person
last named or quoted, and a one-person role ("the Kremlin spokesman", "the presidential press secretary") to the one person
the article quotes when it quotes only one, or to the person it is set beside ("Brad Woodhouse, a
spokesman for ..."). When that is not clear the description is kept as the speaker, never guessed.

Quotes from different articles are grouped as one quotation when their speakers agree and their
words overlap by enough rare words (IDF-weighted, at least two of them, or for one speaker one
that is nearly all, 0.75, of a short quote's: translations of the same remark, "It takes two to tango" / "it is necessary to dance
tango, as they say"), when one is a partial quote found word for word in the other, or when the
story's alignment already put their sentences in the same fact.
"""

from __future__ import annotations

from newsprism.analysis.graph import centred_groups, connected_groups
from newsprism.analysis.quotes.extract import extract_quotes, is_sourceless, is_speech, is_stance, record_kind
from newsprism.analysis.quotes.groups import content_words, group_quotes, story_idf
from newsprism.analysis.quotes.marks import QUOTE_MARKS, quoted_spans
from newsprism.analysis.quotes.settings import QuoteSettings
from newsprism.analysis.quotes.speakers import speaker_identities, unify_speakers
from newsprism.analysis.quotes.words import BELIEF_VERBS, SPEECH_VERBS

__all__ = [
    "BELIEF_VERBS", "QUOTE_MARKS", "SPEECH_VERBS", "QuoteSettings", "centred_groups", "connected_groups",
    "content_words", "extract_quotes", "group_quotes", "is_sourceless", "is_speech", "is_stance", "quoted_spans",
    "record_kind", "speaker_identities", "story_idf", "unify_speakers",
]
