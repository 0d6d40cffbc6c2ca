"""Whether a summary reads like a brief an editor could publish: the sentence rules, counted.

ROUGE counts shared words and cannot see a sentence cut short by its source, a piece of a longer
quotation, a quotation with no speaker, a line of page furniture, or a summary that opens with "He
said". Read as an editor would, those were half the defects of the summaries (issue 13), so each is
a rule here, with a name, and a summary is scored by the share of its sentences that break one:

- ``ellipsis``: the sentence ends in "..." or "…" (before any closing quote or bracket), not after its own full stop: the source
  cut it short (a teaser, an excerpt);
- ``unbalanced-quotes``: its double quote marks do not pair up: a piece of a quotation that runs
  over several sentences, cut from the words before or after it;
- ``all-quotation``: every word is inside quote marks, so the sentence never says who speaks; a
  quotation set apart with only a dash-led source line under it ("— Sen. Jane Doe, in a tweet,
  April 25, 2021") is one too: fact-checks and letters pages set so the claim they check or the
  reader's letter, which a brief would carry as the outlet's report;
- ``table-row``: two or more "|" (a row of a table or a navigation bar read as a sentence);
- ``email``: an e-mail address (contact lines, tables of addresses);
- ``prompt``: a call to the reader: sign up, newsletter, click here, download the ... app,
  subscribe to, write to X at, submit a letter, follow us;
- ``pronoun-lead``: the summary's first sentence starts with He, She, They, It, This, His or Her,
  which points back to nothing (checked for the first sentence only).

The same functions decide which sentences the summariser may choose (``newsprism.summarize``) and
count the breaks of finished summaries (``benchmarks/brief_bench.py`` and the tests), so the rule a
user reads here is the rule both apply.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsprism.model import Sentence
from newsprism.text.segment import RuleSettings
from newsprism.text.words import ATTRIBUTION_VERBS

SENTENCE_RULES = ("ellipsis", "unbalanced-quotes", "all-quotation", "table-row", "email", "prompt")
"""Rules any summary sentence must keep, in the order they are reported."""
LEAD_RULE = "pronoun-lead"
"""The rule only the first sentence of a summary must keep."""
RULES = SENTENCE_RULES + (LEAD_RULE,)

_QUOTE_CLOSERS = {"“": "”\"", '"': '"”', "«": "»", "„": "“”"}
"""Opening double quote mark -> the marks that may close it (copy often mixes curly and straight)."""
_STRAY_CLOSERS = frozenset("”»")
_ELLIPSIS_END = re.compile(r"(?:\.\s?\.\s?\.|…)[\s\"”’'»)\]]*$")
_ENDED_THEN_CUT = re.compile(r"(?<![\w.])(?P<word>[A-Za-z0-9]*[a-z0-9])\.\s?(?:\.\s?\.\s?\.|…)[\s\"”’'»)\]]*$")
"""A word's full stop before the ellipsis ("... the agency said...."): the writer's sentence ended
there and the source cut what followed; after an abbreviation ("in the U.S....", "Mr....") it did not."""
_ELLIPSIS_ONLY = re.compile(r"\s?(?:\.\s?\.\s?\.|…)")
_RULES = RuleSettings()
_ABBREVIATED = _RULES.abbreviations | _RULES.number_prefixes
_WORD = re.compile(r"\w")
_LOWER_WORD = re.compile(r"[a-z]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PROMPTS = re.compile(
    r"(?:^|[:|•·\-–—]\s*)sign[- ]?up\b"  # "Sign up for ...", "TIME: Sign Up for Worth Your Time"
    r"|\bsign[- ]?up (?:here|now|today|for (?:our|free|a free|the \w+ newsletter))\b"
    r"|\bnewsletters?\b(?=.*\b(?:sign|subscribe|inbox|delivered|get|receive)\w*\b)"
    r"|\b(?:our|free|daily|weekly) (?:\w+ )?newsletters?\b"
    r"|^\W*(?:[A-Z][\w&'-]* ){0,4}Newsletters?\W*$"  # a newsletter's name as a line: "PC Gamer Newsletter"
    r"|\b(?:click|tap) (?:here|the link|below)\b"
    r"|\bdownload (?:the|our) (?:[\w&'-]+ ){0,5}app\b"
    r"|\bsubscribe (?:to|now|today|here)\b"
    r"|\bwrite to (?:[A-Z][\w.'-]*\s){1,5}at\b"  # "Write to Alejandro de la Garza at ..."
    r"|\bsubmit a letter\b"
    r"|\bfollow us\b",
    re.IGNORECASE,
)
_PRONOUN_LEAD = re.compile(r"^\W*(?:he|she|they|it|this|his|her)\b", re.IGNORECASE)
_ATTRIBUTION_ONLY = re.compile(
    r"^[^\"“”«»\s]+(?:\s+[^\"“”«»\s]+){0,9}?\s+"
    r"(?:" + "|".join(re.escape(verb) for verb in sorted(ATTRIBUTION_VERBS, key=len, reverse=True)) + ")"
    r"(?:\s+[^\"“”«»\s]+){0,5}[.!]$"
)
"""A sentence that only names who spoke ("Senate Majority Leader Mitch McConnell, R-Ky., asked on
Tuesday."): what the splitter leaves when it cuts a long attribution from its quotation."""
_SOURCE_LINE = re.compile(r"^\s*(?:—|–|--)\s*[^\"“”«»\s][^\"“”«»]*$")
"""A line that opens with a dash and names the source of the quotation set above it ("— Sen. Jane
Doe (R-Ark.), in a tweet, April 25, 2021"), as fact-checks cite the claims they check: no fact of
its own, but the speaker of that quotation."""
_SOURCE_LINE_END = re.compile(r"(?:^|\n)\s*(?:—|–|--)\s*[^\"“”«»\s][^\"“”«»\n]*$")
"""Such a source line closing a quotation joined with it: not words of the outlet's own."""


@dataclass(frozen=True, slots=True)
class Quotation:
    """How the double quote marks of a sentence pair up.

    ``stray``: a closing-only mark (”, ») with no quotation open: the end of a quotation that began
    in an earlier sentence; ``open``: a quotation still open at the end, to go on in a later one;
    ``outside``: the text outside quotations.
    """

    stray: bool
    open: bool
    outside: str

    @property
    def balanced(self) -> bool:
        return not self.stray and not self.open


def quotation(text: str) -> Quotation:
    """The quote marks of ``text``: an opening mark is closed by the first mark that may close it,
    and a straight mark (") that ends the text, with no quotation open, closes one begun before."""
    outside: list[str] = []
    closers = ""
    stray = False
    last = len(text.rstrip()) - 1
    for position, char in enumerate(text):
        if closers:
            if char in closers:
                closers = ""
            continue
        if char in _STRAY_CLOSERS or (char == '"' and position == last and position > 0):
            stray = True  # a straight mark ending the text closes a quotation; it opens nothing
        elif char in _QUOTE_CLOSERS:
            closers = _QUOTE_CLOSERS[char]
        else:
            outside.append(char)
    return Quotation(stray, bool(closers), "".join(outside))


def quotation_units(text: str, sentences: Sequence[Sentence], limit: int) -> list[tuple[int, int]]:
    """Positions (first, last) of the runs of an article's ``sentences`` (of ``text``) that make one
    quotation with its speaker, every sentence in exactly one run (most runs are one sentence).

    A quotation opened in one sentence and closed (quote marks balanced) within ``limit`` sentences
    of it is one run: the splitter cuts "“We will do what is necessary. We have the votes,” Thune
    said." in two, and each half alone is a piece of a quotation, the first without its speaker. A
    quotation with no word outside it that follows a quotation whose speaker is named joins it
    ("“...,” Trump tweeted. “These are sick and demented people.”": news copy lets a quote-only
    sentence continue the last speaker), and so does a sentence that only names the speaker after a
    quote-only one ("“... by a Republican president?” / Senate Majority Leader Mitch McConnell,
    R-Ky., asked on Tuesday." or a source line "— Sen. Jane Doe, in a tweet, April 25, 2021"). The summary chooses such a run whole, and the comparison lists it
    as one item, so that a speaker's words are told with the speaker.
    """

    def marks(first: int, last: int) -> Quotation:
        return quotation(text[sentences[first].start : sentences[last].end])

    units: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        last = i
        opening = marks(i, i)
        if opening.open and not opening.stray:
            closing = next((k for k in range(i + 1, min(i + limit, len(sentences))) if not marks(i, k).open), None)
            if closing is not None and marks(i, closing).balanced:
                last = closing
        units.append((i, last))
        i = last + 1
    runs: list[tuple[int, int]] = []
    for first, last in units:
        if runs and last - runs[-1][0] < limit:
            before = marks(*runs[-1])
            quoted_before = before.outside != text[sentences[runs[-1][0]].start : sentences[runs[-1][1]].end]
            if _quote_only(marks(first, last)) and before.balanced and quoted_before and not _quote_only(before):
                runs[-1] = (runs[-1][0], last)  # a quote-only sentence continues the quotation before it
                continue
            if _quote_only(before) and first == last and _names_speaker(sentences[first].text):
                runs[-1] = (runs[-1][0], last)  # the speaker the splitter cut from the quotation
                continue
        runs.append((first, last))
    return runs


def _names_speaker(text: str) -> bool:
    """Whether ``text`` only names the speaker of a quotation before it: an attribution the splitter
    cut from its quotation (``_ATTRIBUTION_ONLY``) or a dash-led source line (``_SOURCE_LINE``)."""
    return _ATTRIBUTION_ONLY.match(text) is not None or _SOURCE_LINE.match(text) is not None


def joined_sentence(text: str, sentences: Sequence[Sentence]) -> Sentence:
    """Consecutive ``sentences`` of one article (of ``text``) as one span, numbered as the first."""
    start, end = sentences[0].start, sentences[-1].end
    return Sentence(sentences[0].article, sentences[0].index, start, end, text[start:end], sentences[0].paragraph)


def _quote_only(marks: Quotation) -> bool:
    """Whether text whose quote marks are ``marks`` is quotation only: no word outside its marks."""
    return marks.balanced and not _WORD.search(marks.outside)


def cut_short(text: str) -> bool:
    """Whether ``text`` ends in "..." or "…" (the ``ellipsis`` rule): its source cut it short. A
    sentence whose own full stop stands before the ellipsis is whole (``_ENDED_THEN_CUT``)."""
    text = text.rstrip()
    if _ELLIPSIS_END.search(text) is None:
        return False
    ended = _ENDED_THEN_CUT.search(text)
    return ended is None or ended.group("word") in _ABBREVIATED


def whole_end(text: str) -> int | None:
    """Where a sentence whose own full stop stands before a closing ellipsis ends: after that full
    stop ("... the agency said...." -> "... the agency said."), so that it is shown without the mark
    of what the source cut after it; None for any other sentence, and when a quote or bracket closes
    after the ellipsis (leaving it out would leave the quotation open)."""
    text = text.rstrip()
    ended = _ENDED_THEN_CUT.search(text)
    if ended is None or cut_short(text) or not _ELLIPSIS_ONLY.fullmatch(text, ended.end("word") + 1):
        return None
    return ended.end("word") + 1


def _without_source_line(outside: str) -> str:
    """The words outside a text's quotations without the dash-led source line that closes them ("—
    Jane Roe, in a tweet, April 26, 2021"). After a dash, a verb of speech ("“...” — Smith said on
    Monday.") makes the words the outlet's own attribution, which stay."""
    line = _SOURCE_LINE_END.search(outside)
    if line is None or ATTRIBUTION_VERBS.intersection(_LOWER_WORD.findall(line.group().lower())):
        return outside
    return outside[: line.start()]


def sentence_breaks(text: str) -> tuple[str, ...]:
    """The names of the ``SENTENCE_RULES`` that ``text`` breaks, in rule order (empty: none)."""
    broken = []
    if cut_short(text):
        broken.append("ellipsis")
    marks = quotation(text)
    if not marks.balanced:
        broken.append("unbalanced-quotes")
    elif marks.outside != text and not _WORD.search(_without_source_line(marks.outside)):
        broken.append("all-quotation")
    if text.count("|") >= 2:
        broken.append("table-row")
    if _EMAIL.search(text):
        broken.append("email")
    if _PROMPTS.search(text.strip()):
        broken.append("prompt")
    return tuple(broken)


def opens_with_pronoun(text: str) -> bool:
    """Whether ``text`` starts with He, She, They, It, This, His or Her (any case, after quote marks)."""
    return _PRONOUN_LEAD.match(text) is not None


def summary_breaks(sentences: Sequence[str]) -> list[tuple[str, ...]]:
    """For each sentence of one summary, in order, the rules it breaks (``LEAD_RULE`` for the first only)."""
    breaks = []
    for position, text in enumerate(sentences):
        broken = sentence_breaks(text)
        if position == 0 and opens_with_pronoun(text):
            broken += (LEAD_RULE,)
        breaks.append(broken)
    return breaks


@dataclass(frozen=True, slots=True)
class BriefScore:
    """Rule breaks over many summaries.

    ``sentences``: summary sentences read; ``breaking``: those that break at least one rule;
    ``by_rule``: sentences breaking each rule (a sentence may break several); ``summaries``: summaries
    read; ``empty``: those with no sentence.
    """

    sentences: int
    breaking: int
    by_rule: dict[str, int]
    summaries: int
    empty: int

    @property
    def share(self) -> float:
        """The share of summary sentences that break a rule (0 when there are none)."""
        return self.breaking / self.sentences if self.sentences else 0.0


def score_briefs(summaries: Iterable[Sequence[str]]) -> BriefScore:
    """Count the rule breaks of ``summaries``, each given as its sentences in order."""
    sentences = breaking = read = empty = 0
    by_rule: Counter[str] = Counter()
    for summary in summaries:
        read += 1
        if not summary:
            empty += 1
        for broken in summary_breaks(summary):
            sentences += 1
            breaking += bool(broken)
            by_rule.update(broken)
    return BriefScore(sentences, breaking, {rule: by_rule[rule] for rule in RULES}, read, empty)
