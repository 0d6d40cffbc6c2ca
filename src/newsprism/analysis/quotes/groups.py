"""The same quotation across outlets: quotes of different articles grouped around a centre."""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from newsprism.analysis import align
from newsprism.analysis.align import terms
from newsprism.analysis.graph import centred_groups
from newsprism.analysis.quotes.extract import record_kind
from newsprism.analysis.quotes.settings import QuoteSettings
from newsprism.analysis.quotes.speakers import is_description, is_pronoun
from newsprism.analysis.quotes.words import FRAGMENTS, STOP
from newsprism.model import Quote, QuoteGroup
from newsprism.text.stopwords import ENGLISH_STOP_WORDS

log = logging.getLogger(__name__)

def content_words(text: str) -> set[str]:
    """Porter-stemmed words of ``text`` that carry meaning (the alignment's stems, no stop words)."""
    tokens, stems = terms(text)
    return {stem for token, stem in zip(tokens, stems) if token not in STOP and token not in ENGLISH_STOP_WORDS}


def _quote_words(text: str) -> set[str]:
    """The content words of a quote that can show two quotes are one remark: also without the
    inflected forms of the common verbs ("takes" -> "take")."""
    return {
        w for w in content_words(text)
        if w not in FRAGMENTS and w not in STOP and not (len(w) == 1 and w.isalpha())
    }


def _word_sequence(text: str) -> str:
    """The quote's words (``align.words``: letters and digits of any script), space-separated with a
    space at both ends, so that one quote found word for word inside another is a substring of it
    ("&" read as "and")."""
    return " " + " ".join(align.words(text.replace("&", " and "))) + " "


def speaker_key(speaker: str) -> str:
    return speaker.split()[-1].lower() if speaker else ""


def quote_speaker_key(quote: Quote) -> str:
    """The last word of a quote's speaker, or of the description that names it when it is
    unresolved ("the official" and "a senior official" may be one source); "" for a pronoun or none."""
    if quote.speaker:
        return speaker_key(quote.speaker)
    mention = quote.speaker_mention.text if quote.speaker_mention else ""
    return "" if is_pronoun(mention) else speaker_key(mention).strip(".,")


def group_quotes(
    quotes: Sequence[Quote],
    outlet_of: Callable[[str], str],
    idf: Mapping[str, float],
    same_fact: Callable[[Quote, Quote], bool] = lambda a, b: False,
    settings: QuoteSettings = QuoteSettings(),
) -> tuple[QuoteGroup, ...]:
    """Quotes from different articles that are the same quotation, grouped around a centre.

    Each group is a quote and the quotes matched to it directly (``centred_groups``): single-link
    grouping chains one speaker's different remarks, and remarks of people quoted beside them, into
    one "quotation" carried by every outlet.

    ``idf`` weighs words by how rare they are in the story; ``same_fact`` says whether two quotes
    sit in sentences the story's alignment put in one fact. Groups are ordered by the number of
    outlets carrying them, then by first appearance; a group's first quote is the direct quotation
    matched by most others (``QuoteGroup.text`` shows it).
    """
    words = [_quote_words(q.text) for q in quotes]
    sequences = [_word_sequence(q.text) for q in quotes]
    pairs = [
        (i, j) for i in range(len(quotes)) for j in range(i + 1, len(quotes))
        if quotes[i].article != quotes[j].article
        and _same_quotation(
            quotes[i], quotes[j], (words[i], words[j]), (sequences[i], sequences[j]), idf, same_fact, settings
        )
    ]
    links = Counter(k for pair in pairs for k in pair)
    groups = []
    for indices in centred_groups(len(quotes), pairs):
        # the group is shown by its first quote: a direct one matched by the most others
        ordered = sorted(indices, key=lambda i: (not quotes[i].direct, -links[i], i))
        group = tuple(quotes[i] for i in ordered)
        speakers = Counter(q.speaker for q in group if q.speaker)
        speaker = best_speaker(speakers)
        outlets = tuple(dict.fromkeys(outlet_of(q.article) for q in group))
        groups.append((indices[0], QuoteGroup(speaker, group, outlets)))
    groups.sort(key=lambda item: (-len(item[1].outlets), item[0]))
    return tuple(group for _, group in groups)


def best_speaker(speakers: Counter[str]) -> str:
    """The most named form among the speakers of a group (a full name before a description)."""
    if not speakers:
        return ""

    def rank(item: tuple[str, int]) -> tuple[int, int, int]:
        name, count = item
        return (is_description(name), -count, -len(name))
    return min(speakers.items(), key=rank)[0]


def _same_quotation(
    a: Quote, b: Quote, words: tuple[set[str], set[str]], sequences: tuple[str, str],
    idf: Mapping[str, float], same_fact: Callable[[Quote, Quote], bool], settings: QuoteSettings,
) -> bool:
    """Whether two quotes of different articles report one remark.

    ``words`` are the two quotes' content words (``_quote_words``), ``sequences`` their
    ``_word_sequence``. A partial quote ("up to date") found word for word in the other, or two
    quotes of one speaker in one fact, need one shared content word; otherwise enough of the shorter
    quote's rare words (IDF-weighted) must be in the other, and at least
    ``settings.group_min_shared_words`` of them unless they are nearly all of the shorter quote's.
    """
    if record_kind(a) != record_kind(b):  # "endorsed Trump" is what someone did, not a remark another outlet quotes
        return False
    key = quote_speaker_key(a)
    same_speaker = bool(key) and key == quote_speaker_key(b)
    named = [q.speaker and not is_description(q.speaker) for q in (a, b)]
    if all(named) and not same_speaker:  # two people named: two remarks, however alike
        return False
    words_a, words_b = words
    shared = words_a & words_b
    if not shared:  # not even one word: two remarks of one sentence, not one remark told twice
        return False
    shorter, longer = sorted(sequences, key=len)
    if shorter.strip() and shorter in longer:
        return True
    if same_speaker and same_fact(a, b):
        return True
    weight = lambda ws: sum(idf.get(w, 0.0) for w in ws)  # noqa: E731
    smaller = min(weight(words_a), weight(words_b))
    if smaller <= 0:
        return False
    overlap = weight(shared) / smaller
    if len(shared) < settings.group_min_shared_words:
        return same_speaker and overlap >= settings.group_overlap_one_word
    return overlap >= (settings.group_overlap if same_speaker else settings.group_overlap_any_speaker)


def story_idf(texts: Iterable[str]) -> dict[str, float]:
    """Smoothed inverse document frequency of content words over ``texts`` (the story's sentences)."""
    frequency: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        frequency.update(content_words(text))
    return {word: math.log((1 + total) / (1 + count)) + 1.0 for word, count in frequency.items()}
