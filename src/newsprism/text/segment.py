"""Sentences with exact character spans.

Every later stage (alignment, summaries, quotes, highlighting) points back into the article through
these spans, so ``article.text[start:end]`` is always exactly the sentence text, with no leading or
trailing whitespace, and a sentence never crosses a paragraph break: each line of an article is a
paragraph (the cleaner and the HTML extractor both give one paragraph per line), except in text
hard-wrapped at a fixed width, whose wrapped lines are joined back into their paragraph.

Within a paragraph the default splitter is a small rule set for news English. It was chosen over
pysbd and blingfire by boundary F1 on DUC 2004 and by speed (docs/evaluation.md, "Sentence splitting"). Other
splitters can be injected through the ``Splitter`` protocol.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from newsprism.errors import NewsprismError
from newsprism.model import Article, Sentence
from newsprism.text.words import ATTRIBUTION_VERBS

Span = tuple[int, int]


class Splitter(Protocol):
    """Splits one paragraph into sentence spans (line breaks in it are hard wraps, not ends)."""

    def __call__(self, paragraph: str) -> list[Span]: ...


# Abbreviation lists follow AP style, the house style of the newswire text newsprism reads:
# titles before names, state and company suffixes after them, month and number prefixes before
# figures.
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Messrs Mmes Dr Drs Prof Sen Sens Rep Reps Gov Govs Gen Gens Lt Col Maj Capt Cmdr "
    "Cmdt Sgt Adm Cpl Pvt Spc Rev Fr Msgr Hon Pres Supt Atty Amb Mt Ft vs v cf "
    "Inc Corp Co Cos Ltd Jr Sr Bros LLC Plc plc Dept Univ Assn Ave Blvd Rd St Sq Hwy etc al approx "
    "est Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo "
    "Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo".split()
)
_NUMBER_PREFIXES = frozenset(
    "No Nos no nos Vol vol Art art Fig fig p pp ch sec Sec Ch Pt pt Rte Rt Ex Jan Feb Mar Apr Jun "
    "Jul Aug Sep Sept Oct Nov Dec".split()
)
# Words that begin sentences far more often than they follow an abbreviation inside one: after an
# abbreviation ("U.S.", "Inc.", "Sen.", an initial) a sentence only ends when one of them follows.
# Words that also open names ("Now" in "L.A. Now", "Today") are left out.
_SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I You His Her Its Their Our My Your This That These Those There "
    "But And Or So Yet Then In On At For From With Without By To Of As If When While After Before "
    "Since Although Though Because Despite During Under Over Meanwhile However Also Some Many "
    "Most All Both Each Other Another Not Neither None One Two Three What Who Why "
    "How Where Which Is Are Was Were Do Does Did Has Have Had Will Would Can Could Should Last "
    "Earlier Later".split()
)




@dataclass(frozen=True, slots=True)
class RuleSettings:
    """The word lists the rule splitter consults (defaults: AP style, see above).

    ``abbreviations``, dotted abbreviations ("U.S.", "p.m.", "e.g.") and initials end a sentence
    only when a common ``sentence_starters`` word follows; ``number_prefixes`` ("Nov.", "No.") do
    not end one before a figure ("Nov. 10", "No. 3"). A quotation is not cut from a short
    attribution made of up to four capitalised words and one of ``speech_verbs`` (the shared
    ``newsprism.text.words.ATTRIBUTION_VERBS``).

    A paragraph of at least ``caseless_min_length`` characters with no capital letter after a
    lower-case word or a comma has lost its case (Multi-News is lower-cased, and its quotations
    start in lower case); there a lower-case word may start a sentence. The default, 80 characters
    (about 15 words), is a length at which cased news text nearly always shows a name.
    """

    abbreviations: frozenset[str] = _ABBREVIATIONS
    number_prefixes: frozenset[str] = _NUMBER_PREFIXES
    sentence_starters: frozenset[str] = _SENTENCE_STARTERS
    speech_verbs: frozenset[str] = ATTRIBUTION_VERBS
    caseless_min_length: int = 80

    def __post_init__(self) -> None:
        if not isinstance(self.caseless_min_length, int) or self.caseless_min_length < 0:
            raise NewsprismError(
                f"RuleSettings.caseless_min_length must be a whole number of characters >= 0, "
                f"not {self.caseless_min_length!r}"
            )
        for name in ("abbreviations", "number_prefixes"):
            dotted = sorted(word for word in getattr(self, name) if word.endswith("."))
            if dotted:
                raise NewsprismError(
                    f"RuleSettings.{name} are written without their final dot: {dotted[0]!r} "
                    f"should be {dotted[0][:-1]!r}"
                )


# A candidate end: terminal punctuation (or a spaced ". . ." ellipsis), any closing quotes or
# brackets, then whitespace, then any opening quotes or brackets and the next word.
_CANDIDATE = re.compile(
    r"""(?P<term>(?:\.\s){2,}\.|[.!?\u2026]+)(?P<close>(?:["'\u201d\u2019)\]]|\s\u201d|\s"(?=\s))*)\s+"""
    r"""(?=(?P<open>["'\u201c\u2018(\[]*)(?P<next>[^\s"'\u201c\u2018(\[]?[A-Za-z]*)(?P<after>.?))"""
)
_OPENERS = "\"'\u201c\u2018(["
_DOTTED = re.compile(r"[A-Za-z]{1,2}(?:\.[A-Za-z]{1,2})+")  # "U.S.", "p.m.", "Ph.D.", not "RT.com"
_LIST_MARKER = re.compile(r"(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})")
_QUOTES = frozenset("\"'\u201d\u2019")
_CLOSERS = frozenset("\u201d\u2019)]")
# An attribution clause: up to four capitalised words, a verb, and either the full stop at once or
# a short phrase opened by a preposition ('Obama wrote in a letter on Tuesday.').
_ATTRIBUTION_TAIL = (
    r"(?P<verb>[a-z]+)"
    r"(?:\s+(?:in|on|at|during|after|before|to|via|with|from|by)(?:\s+(?!that\b)[\w'\u2019-]+){1,6})?"
    r"\.(?:\s|$)"
)
_ATTRIBUTION = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s+){1,4}" + _ATTRIBUTION_TAIL)
_ATTRIBUTION_CASELESS = re.compile(r"(?:[\w'\u2019.-]+\s+){1,4}" + _ATTRIBUTION_TAIL)
# A capital letter after a lower-case word or a comma: evidence that a paragraph keeps its case.
_CASED = re.compile(r"[a-z0-9,;:]\s+[A-Z]")


def _opening_mark_after(paragraph: str, match: re.Match[str]) -> tuple[int, int]:
    """Where a sentence that ends at ``match`` ends, and where the next one starts.

    Tokenized copy spaces its straight quote marks ('probity . " " i have known'), so a spaced
    mark after the full stop may close the quotation the sentence holds or open the next one's.
    Counting the straight marks of the paragraph tells which: one met with no quotation open opens
    the next sentence's, and the sentence ends before it.
    """
    close_start = match.start("close")
    quoting = paragraph.count('"', 0, close_start) % 2 == 1
    close = match.group("close")
    for k, char in enumerate(close):
        if char != '"':
            continue
        if not quoting and k and close[k - 1].isspace():
            return close_start + k - 1, close_start + k
        quoting = not quoting
    return match.end("close"), match.end()


class RuleSplitter:
    """The default splitter: a few rules about what may follow terminal punctuation in news text.

    A ``!``, ``?`` or ``.`` ends a sentence when whitespace and a capital, digit or opening quote
    follow, unless the word before the dot is an abbreviation or initial (see ``RuleSettings``).
    A lower-case next word never starts a sentence in cased text, which keeps ``"Why?" he asked.``
    whole.
    """

    def __init__(self, settings: RuleSettings = RuleSettings()) -> None:
        if not isinstance(settings, RuleSettings):
            raise TypeError(f"RuleSplitter takes RuleSettings, not {type(settings).__name__}")
        self.settings = settings

    def __call__(self, paragraph: str) -> list[Span]:
        spans: list[Span] = []
        start = 0
        caseless = len(paragraph) >= self.settings.caseless_min_length and not _CASED.search(paragraph)
        for match in _CANDIDATE.finditer(paragraph):
            if self._ends_sentence(paragraph, start, match, caseless):
                end, after = _opening_mark_after(paragraph, match)
                spans.append((start, end))
                start = after
        if start < len(paragraph):
            spans.append((start, len(paragraph)))
        return spans

    def _ends_sentence(self, paragraph: str, start: int, match: re.Match[str], caseless: bool) -> bool:
        nxt = match.group("next")
        lower = nxt[:1].islower() and nxt == nxt.lower()  # "eBay" may start a sentence
        if lower and not caseless:
            return False  # lower case continues the sentence
        if not nxt and not match.group("open").endswith(("(", "[")):
            return False  # a dash or stray mark continues the sentence
        if nxt[:1] in _CLOSERS:
            return False  # a closing mark after the stop ("law.\u2019 \u201d") still belongs here
        term, term_start = match.group("term"), match.start("term")
        if len(term) > 1 and term[0] in ".\u2026" or term == "\u2026":
            # "He paused... Then" ends a sentence. A spaced "word ... Word" marks an omission, which
            # ends one only before a common sentence opener ("to do ... We're not here"). An ellipsis
            # opening a sentence ("terror. ... And" splits before it) or before a lower-case word,
            # even in lower-cased text ("important... development"), ends nothing.
            if lower or term_start == start:
                return False
            return not paragraph[term_start - 1].isspace() or nxt in self.settings.sentence_starters
        quoted = bool(_QUOTES.intersection(match.group("close")))
        if quoted and self._attribution_follows(paragraph, match.end(), caseless):
            return False
        if term != ".":
            return not (lower and quoted)  # '"why?" he asked' in lower-cased text
        word_start = term_start
        while word_start > start and not paragraph[word_start - 1].isspace():
            word_start -= 1
        word = paragraph[word_start:term_start].lstrip(_OPENERS)
        if not word:
            return False
        settings = self.settings
        if _LIST_MARKER.fullmatch(word) and self._opens_list_item(paragraph, start, word_start):
            return False  # "1." or "b." opening a sentence or following a colon marks a list item
        cased_word = word.capitalize() if caseless else word
        if cased_word in settings.number_prefixes:
            return not nxt[:1].isdigit()
        initial = len(word) == 1 and (word.isupper() or caseless and word.isalpha())
        if cased_word in settings.abbreviations or _DOTTED.fullmatch(word) or initial:
            # lower-cased text gives no evidence after an abbreviation: keep the sentence whole
            return not lower and nxt in settings.sentence_starters and match.group("after") != "."
        return True

    @staticmethod
    def _opens_list_item(paragraph: str, start: int, word_start: int) -> bool:
        before = paragraph[start:word_start].rstrip()
        return not before or before.endswith((":", ";"))

    def _attribution_follows(self, paragraph: str, position: int, caseless: bool) -> bool:
        attribution = (_ATTRIBUTION_CASELESS if caseless else _ATTRIBUTION).match(paragraph, position)
        return attribution is not None and attribution.group("verb") in self.settings.speech_verbs


DEFAULT_SPLITTER: Splitter = RuleSplitter()

# Everything ``str.splitlines`` treats as a line break.
_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_BULLET = re.compile(r"[-*\u2022\u25aa\u2013]\s|\(?\d{1,2}[.)]\s")
_LINE_ENDS = frozenset(".!?:\"'\u201d\u2019")


@dataclass(frozen=True, slots=True)
class HardWrap:
    """When a block of lines between blank lines is one paragraph cut at a fixed width.

    Text files and e-mail are often wrapped at 70-80 columns (RFC 5322 recommends 78), which would
    otherwise make every line a paragraph and cut sentences in two. A block is taken as wrapped
    prose when it has at least ``min_lines`` lines, none longer than ``max_width`` characters,
    every line but the last at least ``min_fill`` of the longest, no line opening with a bullet or
    number, at most half of the lines but the last ending in punctuation (lists, and DUC's
    sentence-per-line text, end their lines in full stops), and some line after the first opening
    in lower case (one-line key points each start with a capital).
    """

    min_lines: int = 3
    max_width: int = 120
    min_fill: float = 0.7


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blocks(text: str) -> list[list[Span]]:
    """The trimmed non-blank lines of ``text``, grouped into runs between blank lines."""
    blocks: list[list[Span]] = []
    previous_end = None
    for line in _LINE.finditer(text):
        start, end = _trim(text, *line.span())
        if start == end:
            previous_end = None  # a line of spaces is a blank line
            continue
        if previous_end is None or len(_BREAK.findall(text, previous_end, start)) > 1:
            blocks.append([])
        blocks[-1].append((start, end))
        previous_end = end
    return blocks


def _is_wrapped(text: str, block: list[Span], wrap: HardWrap) -> bool:
    if len(block) < wrap.min_lines:
        return False
    lengths = [end - start for start, end in block]
    width = max(lengths)
    if width > wrap.max_width or min(lengths[:-1]) < wrap.min_fill * width:
        return False
    if any(_BULLET.match(text, start) for start, _ in block):
        return False
    punctuated = sum(text[end - 1] in _LINE_ENDS for _, end in block[:-1])
    continued = any(text[start].islower() for start, _ in block[1:])
    return continued and 2 * punctuated <= len(block) - 1


def paragraphs(text: str, wrap: HardWrap = HardWrap()) -> list[Span]:
    """Spans of the paragraphs of ``text``, stripped of surrounding whitespace.

    Each non-blank line is a paragraph, except that a hard-wrapped block of lines (see
    ``HardWrap``) is one paragraph whose span contains its line breaks.
    """
    spans: list[Span] = []
    for block in _blocks(text):
        if _is_wrapped(text, block, wrap):
            spans.append((block[0][0], block[-1][1]))
        else:
            spans.extend(block)
    return spans


def _sentence_spans(text: str, splitter: Splitter) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph index)`` of every sentence, trimmed of whitespace."""
    if not isinstance(text, str):
        raise TypeError(f"sentence splitting needs the text as a str, not {type(text).__name__}")
    found = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        previous_end = 0
        for start, end in splitter(text[p_start:p_end]):
            if not previous_end <= start <= end <= p_end - p_start:
                raise ValueError(
                    f"sentence splitter {splitter!r} returned span ({start}, {end}), which is out "
                    f"of order or outside its paragraph of {p_end - p_start} characters"
                )
            previous_end = end
            start, end = _trim(text, start + p_start, end + p_start)
            if start < end:
                found.append((start, end, number))
    return found


def split(text: str, splitter: Splitter = DEFAULT_SPLITTER) -> list[Span]:
    """Character spans ``(start, end)`` of the sentences of ``text``, in order."""
    return [(start, end) for start, end, _ in _sentence_spans(text, splitter)]


def segment(article: Article, splitter: Splitter = DEFAULT_SPLITTER) -> tuple[Sentence, ...]:
    """The sentences of ``article``, each with its span, its index and its paragraph index."""
    return tuple(
        Sentence(
            article=article.id,
            index=index,
            start=start,
            end=end,
            text=article.text[start:end],
            paragraph=number,
        )
        for index, (start, end, number) in enumerate(_sentence_spans(article.text, splitter))
    )
