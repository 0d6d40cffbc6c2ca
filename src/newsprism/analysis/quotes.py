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

import functools
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsprism.analysis import align
from newsprism.analysis.align import terms
from newsprism.errors import NewsprismError
from newsprism.model import Article, Mention, Quote, QuoteGroup, Sentence
from newsprism.text.stopwords import ENGLISH_STOP_WORDS

log = logging.getLogger(__name__)


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
    group_overlap: float = 0.5
    """IDF-weighted share of the shorter quote's words found in the other for the same speaker.
    0.3 joined different remarks of one long-winded speaker. On the development quote pairs
    (``tests/analysis/quote_pairs.json``, measured by ``test_quote_groups_annotated.py``), 0.3 / 0.4
    / 0.5 / 0.6 group 34 / 32 / 30 / 28 pairs of which 26 / 26 / 26 / 25 are one remark."""
    group_overlap_any_speaker: float = 0.75
    """The same share when one speaker is unknown or a description (a quote re-attributed to an
    institution); quotes of two different named speakers are never grouped."""
    group_min_shared_words: int = 2
    """Rare-word overlap needs this many shared content words: one shared word ("lockdowns",
    "justify", "race") is found in different remarks of one speaker. Partial quotes found word for
    word inside the other quote, and quotes the alignment put in one fact, need only one. On the
    development pairs 1 / 2 / 3 group 35 / 30 / 28 pairs of which 25 / 26 / 25 are one remark."""
    group_overlap_one_word: float = 0.75
    """With fewer shared words, the same speaker's quotes still group at this share: a short remark
    whose rare words are (nearly) all in the other ("It takes two to tango" / "dance tango, as they say").
    On the development pairs 0.6, and leaving this rule out, each group one wrong pair more than
    0.75 and 0.9 (the groups are built around a centre, so one link more or less moves others)."""

    def __post_init__(self) -> None:
        for name in ("group_overlap", "group_overlap_any_speaker", "group_overlap_one_word"):
            if not 0.0 < getattr(self, name) <= 1.0:
                raise NewsprismError(f"{name} must be in (0, 1], got {getattr(self, name)}")
        if self.group_min_shared_words < 1:
            raise NewsprismError(f"group_min_shared_words must be at least 1, got {self.group_min_shared_words}")


SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding",
    "stated", "explained", "explains", "commented", "noted",
    "pointed out", "points out", "claimed", "insisted", "insists", "admitted", "admits",
    "argued", "argues", "warned", "warns", "wrote", "writes", "declared", "declares", "announced",
    "announces", "asked", "asks", "replied", "replies", "responded", "acknowledged",
    "acknowledges", "conceded", "concedes", "maintained", "contended", "suggested",
    "suggests", "stressed", "stresses", "emphasized", "emphasised", "recalled", "observed",
    "remarked", "predicted", "alleges", "asserted", "asserts", "confirmed", "confirms",
    "denied", "denies", "tweeted", "testified", "complained", "vowed", "promised",
    "urged", "boasted", "quipped", "joked", "cautioned", "reiterated", "summarized",
    "summarised", "concluded", "exclaimed", "lamented", "countered", "shouted", "reported",
    "reports", "tell", "claiming", "arguing", "insisting", "noting", "warning", "declaring",
    "acknowledging", "stating", "explaining", "asking", "pledged",
)
"""Verbs that introduce speech; the framing report counts which of them each outlet uses.

Forms that are more often nouns or other senses in news ("comments", "notes", "claims", "states",
"continued", "posted", "charged") are left out."""

BELIEF_VERBS: tuple[str, ...] = (
    "think", "thinks", "thought", "believe", "believes", "believed", "feel", "feels", "felt", "fear", "fears",
    "feared", "hope", "hopes", "hoped", "know", "knows", "knew", "show", "shows", "showed", "found", "finds",
    "indicate", "indicates", "indicated", "agree", "agrees", "agreed", "realize", "realized", "realizes",
    "understand", "understands", "estimate", "estimates", "estimated", "expect", "expects", "expected",
    "worry", "worries", "worried", "doubt", "doubts", "doubted", "recognize", "recognized", "learned",
    "discovered", "assume", "assumes", "assumed", "hinted", "signaled", "signalled", "argue", "suggest",
    "contend", "contends", "insist", "predict", "predicts", "warn", "claim", "claims", "allege", "alleged",
    "concede", "admit", "deny", "acknowledge", "add", "explain", "note", "notes", "write",
)
"""Verbs that attribute a belief, a finding or a stance rather than words ("Trump thinks ...", "the
poll showed that ..."): PolNeAR annotates them as attributions; they report content, never verbatim
words. Only with a clause after them (see ``_NEEDS_THAT``)."""

_BARE_CLAUSE = frozenset("think thinks thought believe believes believed feel feels felt fear fears feared".split())
"""Belief verbs whose clause often comes without "that" ("I think he is right")."""

_BELIEF = frozenset(BELIEF_VERBS) - frozenset(SPEECH_VERBS)
_BELIEF_CLAUSE = (
    re.compile(r"(?:\s+(?:on\s+\w+|\w+ly))?,?\s+that\b"),
    re.compile(r"(?:\s+(?:on\s+\w+|\w+ly))?,?\s+(?:that\b|(?!(?:of|about|so|it|this|that|the|a|an|to|in|for)\b)[A-Za-z’']+\s+(?:\w+\s+)?(?:is|are|was|were|will|would|could|can|should|has|have|had|may|might|must|does|did|do)\b)"),
)
"""What must follow a belief verb: "that" (or, after think/believe/feel/fear, a subject and its verb)."""

_NEEDS_THAT = frozenset(
    """announced announces confirmed confirms denied denies urged promised pledged vowed predicted
    acknowledged acknowledges suggested suggests recalled observed testified complained reported
    reports asked asks""".split()
) | frozenset(BELIEF_VERBS) - _BARE_CLAUSE
"""Verbs that also take a plain object ("announced the plan", "asked members to join"): they report
speech without quote marks only in a "that" clause."""

_TITLES = (
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj",
    "Prof", "Rev", "Adm", "Sens", "Reps", "Amb", "Atty", "Supt", "Insp", "St", "Cmdr",
)
_ROLE_WORDS = frozenset(
    """president vice prime minister secretary spokesman spokeswoman spokesperson chairman chairwoman
    chair senator sen. rep. representative governor gov. mayor leader chief director editor official
    officials ambassador general gen. justice judge attorney commissioner ceo founder head speaker
    press deputy former minority majority house senate white state foreign defense defence
    republican democratic democrat gop u.s. us russian american kremlin national party
    lawmaker congressman congresswoman commander sheriff councilman councilwoman adviser advisor
    aide analyst professor dr. mr. mrs. ms. lt. col. sgt. capt. maj. prof. rev. adm. sens. reps.
    executive economist correspondent anchor host reporter columnist author acting interim""".split()
)
"""Capitalised words that head a name as a title ("Russian President Vladimir Putin") and are dropped from it."""

_PERSON_ROLES = frozenset(
    """spokesman spokeswoman spokesperson official secretary minister president chairman chairwoman
    aide adviser advisor envoy ambassador diplomat senator governor mayor leader chief director
    lawmaker congressman congresswoman representative attorney lawyer judge commissioner
    officer sheriff analyst expert economist professor executive ceo head man woman source
    officials aides critics experts analysts lawyers police authorities witnesses residents protesters
    researchers scientists doctors prosecutors investigators democrats republicans democrat republican
    leaders members voters sources people spokespeople spokesmen statement report study survey poll
    letter ruling complaint lawsuit court committee agency ministry department government campaign
    administration family organizers organisers group insider insiders operative operatives strategist
    strategists activist activists candidate candidates owner owners worker workers employee employees
    student students teacher teachers parent parents father mother wife husband son daughter friend
    neighbor neighbour victim victims survivor survivors citizen citizens resident witness office
    cabinet embassy military army navy regime council commission board company firm spokespersons""".split()
)
"""Heads of a description that can speak ("the Kremlin spokesman", "officials", "a statement");
a description with another head ("an e-mail to RNC members") is not taken for a speaker."""

_INDIVIDUAL_ROLES = frozenset(
    """spokesman spokeswoman spokesperson official secretary minister president chairman chairwoman
    envoy ambassador diplomat senator governor mayor leader chief director lawmaker congressman
    congresswoman representative attorney lawyer judge commissioner officer sheriff economist
    professor executive ceo head adviser advisor""".split()
)
"""Roles of one person that an article uses for someone it also names ("the Kremlin spokesman",
"the presidential press secretary"): resolved to the only person the article quotes by name.
Institutions ("the campaign") and unnamed people ("one GOP insider") are never resolved so."""

_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "it", "we", "i"})

_NAME_WORD = r"(?:[A-Z][\w’'\-]*\.?|(?:de|van|von|da|bin|al|del|la|le)\b|and(?=\s+[A-Z]))"
"""A word of a name: capitalised, a particle ("van", "bin"), or the "and" of "Customs and Border Protection"."""
_TITLE = r"(?:(?:" + "|".join(_TITLES) + r")\.\s+)"
_NAME = rf"(?:\b(?:(?:acting|former|interim|deputy)\s+)?{_TITLE}?(?:the\s+)?[A-Z][\w’'\-]*\.?(?:\s+{_NAME_WORD}){{0,5}})"
_PRONOUN = r"(?:\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I))"
_GROUP = (
    r"(?:\b(?:(?:[Mm]ultiple|[Ss]everal|[Mm]any|[Ss]ome|[Oo]ther|[Ss]enior|[Tt]op|[Nn]ew)\s+)?"
    r"(?:(?!(?:that|and|but|as|which|who|whom|when|while|if|because|the|a|an|of|to|in|on|at|for|with|by|from|said|says|say|told)\b)"
    r"[\w.’'\-]+\s+){0,3}"
    r"(?:[Rr]eports|[Ff]igures|[Dd]ata|[Oo]fficials|[Aa]ides|[Cc]ritics|[Ee]xperts|[Aa]nalysts|[Ss]ources|"
    r"[Ii]nsiders|[Ll]awmakers|[Aa]uthorities|[Pp]olice|[Rr]esidents|[Ww]itnesses|[Pp]rosecutors|[Ii]nvestigators|"
    r"[Ll]eaders|[Mm]embers|[Vv]oters|[Ee]conomists|[Pp]eople|[Ss]upporters|[Aa]dvocates|[Oo]bservers|[Pp]olls|"
    r"[Ss]urveys|[Ss]tudies|[Dd]ocuments|[Rr]ecords|[Nn]ewspapers|[Aa]ctivists|[Ss]trategists|[Dd]emocrats|[Rr]epublicans|"
    r"[Oo]peratives|[Aa]ttorneys|[Ll]awyers|[Ee]xecutives|[Ss]cientists|[Rr]esearchers|[Ss]pokesmen|[Ss]pokespeople|"
    r"[Dd]elegates|[Dd]onors|[Oo]rganizers|[Pp]rotesters|[Cc]andidates|[Ff]riends|[Aa]llies|[Oo]pponents|[Aa]ssociates)\b)"
)
"""Bare plural speakers without a determiner ("Republican officials said", "Critics say")."""
_DESCRIPTION = (
    r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Oo]ther|[Bb]oth|[Tt]wo|[Tt]hree)\s+"
    r"(?:[\w’'\-.]+\s+){0,5}?[\w’'\-]+"
    rf"|{_NAME}[’']s\s+(?:[a-z\-]+\s+){{0,3}}[a-z\-]+)"
)
_SPEAKER = rf"(?P<speaker>{_DESCRIPTION}|{_GROUP}|{_NAME}|{_PRONOUN})"
_AUX = r"(?:(?:has|had|have|was|were|will|would|also|later|then|previously|earlier|repeatedly|again|once|just|recently|first|initially|publicly|privately)\s+)*"
_VERB = r"(?P<verb>" + "|".join(sorted((re.escape(v) for v in {*SPEECH_VERBS, *BELIEF_VERBS}), key=len, reverse=True)) + r")\b(?!(?<!vowed)(?<!promised)(?<!pledged)\s+to\b)"

# "SPEAKER (has) said", anchored so the speaker ends right before the verb.
_ASIDE = r"(?:\s*\([^)]{1,40}\))?(?:\s+who\s+[^,.;“\"]{1,120}?)?"
"""A party label or a relative clause between a speaker and the verb ("Schumer (D-N.Y.)", "an insider who met him")."""
_WHEN = r"(?:\s+(?:on\s+[A-Z]\w+|last\s+\w+|this\s+\w+|earlier|later|yesterday|today))?"
_SPEAKER_VERB = re.compile(rf"{_SPEAKER}{_ASIDE}(?P<apposed>(?:,[^,]{{1,160}}){{1,3}},|,)?{_WHEN}\s+{_AUX}{_VERB}")
# "..., said SPEAKER" / "” said Mr. Steele" (inverted, after a quote or a comma).
_VERB_SPEAKER = re.compile(
    rf"[,”\"Q']\s*{_VERB}\s+(?P<speaker>{_DESCRIPTION}|{_NAME})"
    r"(?=\s*[,.;:!?]|\s*$|\s+(?:on|in|at|during|after|before|while|when|last|this|yesterday|today|who|from|of)\b)"
)
"""Inverted attribution ("..., said Mr. Steele."); the speaker must end the clause, so the subject
of reported speech ("said Mr. Steele was ...") is not taken for the speaker."""
_ACCORDING = re.compile(
    rf"\b[Aa]ccording to\s+(?P<speaker>(?:{_DESCRIPTION}|{_GROUP}|{_NAME})(?:\s+(?:of|from|by|at|for|on|in)\s+[^,.;:]{{1,60}}?)?)(?=\s*[,.;:]|\s*$)"
    rf"|\b[Aa]ccording to\s+(?P<short>{_DESCRIPTION}|{_GROUP}|{_NAME})"
)
""""According to a new poll by the Harvard Institute of Politics," to its comma; else its first noun phrase."""
_GROUP_SPEAKER = re.compile(_GROUP)

_QUOTE_PAIRS = {"“": ("”", '"'), '"': ('"', "”"), "«": ("»",), "„": ("“", "”"), "''": ("''",)}
"""Opening mark -> the marks that may close it (copy often mixes curly and straight quotes; The New
York Times' archive writes two apostrophes, ''like this'')."""
QUOTE_MARKS = frozenset(mark for pair in _QUOTE_PAIRS.items() for mark in (pair[0], *pair[1]) if len(mark) == 1)
"""Every one-character double quote mark that opens or closes a quotation."""
_OPEN = re.compile(r"[“\"«„]|(?<![\w'])''(?=\S)")
_MASK = "Q"
_WORD = re.compile(r"[A-Za-z][\w’'\-]*")


@dataclass(frozen=True, slots=True)
class _QuotedSpan:
    start: int  # of the words, inside the marks
    end: int


def quoted_spans(text: str) -> list[_QuotedSpan]:
    """Spans of text inside double quote marks.

    A quotation left open at a paragraph end runs to the end of that paragraph (the news convention
    for quotes that go on in the next paragraph).
    """
    spans: list[_QuotedSpan] = []
    position = 0
    while match := _OPEN.search(text, position):
        opening = match.group()
        closing = _QUOTE_PAIRS[opening]
        paragraph_end = text.find("\n", match.end())
        if paragraph_end == -1:
            paragraph_end = len(text)
        closes = [(c, len(mark)) for mark in closing if (c := text.find(mark, match.end(), paragraph_end)) != -1]
        end, width = min(closes, default=(paragraph_end, 1))
        if end > match.end():
            spans.append(_QuotedSpan(match.end(), end))
        position = end + width
    return spans


def _mask(text: str, offset: int, spans: Sequence[_QuotedSpan]) -> str:
    """``text`` with the words of every quotation replaced by a placeholder of the same length."""
    chars = list(text)
    for span in spans:
        lo, hi = max(span.start - offset, 0), min(span.end - offset, len(text))
        for i in range(lo, hi):
            if not chars[i].isspace():
                chars[i] = _MASK
    return "".join(chars)


_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "one"})
_POSSESSIVE_ROLE = re.compile(r"[’']s\s+[a-z]")


def _strip_title(name: str) -> str:
    """A name without its leading titles and roles ("Russian President Vladimir Putin" -> "Vladimir Putin")."""
    words = name.replace("’s", "").replace("'s", "").split()
    while len(words) > 1 and (words[0].lower() in _ROLE_WORDS or words[0].lower() == "the"):
        words.pop(0)
    return " ".join(words).strip(" ,.")


def _is_description(speaker: str) -> bool:
    """Whether a speaker is a description ("the official", "Putin’s spokesman") rather than a name.

    "The Washington Post" and "the Kremlin" are names: after the article every word is capitalised.
    """
    words = speaker.split()
    if words[0].lower() in _DETERMINERS:
        return len(words) == 1 or not all(w[0].isupper() for w in words[1:])
    return bool(_POSSESSIVE_ROLE.search(speaker))


def _is_pronoun(speaker: str) -> bool:
    return speaker.lower() in _PRONOUNS


_CAPITALISED = r"[A-Z](?:[a-z’'\-]+|[a-z]*[A-Z][a-z’'\-]+)"  # "Peskov", "McCain", "DeMint"
_FULL_NAME = re.compile(rf"\b{_CAPITALISED}(?:\s+(?:[A-Z]\.\s+)?{_CAPITALISED}){{1,2}}\b")
_NOT_NAME_START = frozenset(
    """The A An In On At For And But If When While After Before Since As This That These Those It Its
    He She They We I His Her Their Our Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Read More""".split()
)


_NOT_PERSON_WORDS = frozenset(
    """security news house journal post times committee party department court senate congress union
    act fund trust bank council agency administration office service republic states street center
    centre university institute association foundation commission board company group network
    organization organisation press club ministry army force forces navy police patrol protection
    border medicare medicaid care affairs nations olympic cup day week year social federal supreme
    united new north south east west central national international american european republican
    democratic party's city county state valley river island islands coast airport station school
    college church hospital museum park square road avenue bridge""".split()
)
"""Words that make a capitalised pair an institution or a place ("Social Security", "Fox News"), not a person."""


def _person_names(text: str) -> list[str]:
    """Full names (two or three capitalised words) in order of first appearance, titles stripped."""
    found: dict[str, None] = {}
    for match in _FULL_NAME.finditer(text):
        words = _strip_title(match.group()).split()
        while words and words[0] in _NOT_NAME_START:
            words.pop(0)
        if len(words) >= 2 and not any(w.lower() in _ROLE_WORDS or w.lower() in _NOT_PERSON_WORDS for w in words):
            found.setdefault(" ".join(words), None)
    return list(found)


_APPOSITION = re.compile(
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]+){1,3}),\s+(?:(?:the|a|an)\s+)?(?P<role>[a-z][^,.;“\"]{2,80}?)[,.]"
    r"|\b(?:the|a|an)\s+(?P<role2>[^,.;“\"]{3,60}?),\s+(?P<name2>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]+){1,3})[,.]"
)


def _appositions(text: str) -> dict[str, str]:
    """Role descriptions set beside a name ("Brad Woodhouse, a spokesman for the DNC") -> the name."""
    found: dict[str, str] = {}
    for match in _APPOSITION.finditer(text):
        name = match.group("name") or match.group("name2")
        role = (match.group("role") or match.group("role2")).lower().replace("’s", "")
        determiner = match.group().split(",")[1].split()[0].lower() in {"the", "a", "an"} if match.group("name") else True
        if not determiner and role.split()[0] not in _PERSON_ROLES | _ROLE_WORDS | {"former"}:
            continue  # "Dick Cheney, became ...": a verb, not a role
        if any(word in _PERSON_ROLES for word in role.split()[:4]):
            found.setdefault(role, _strip_title(name))
    return found


@dataclass
class _Resolver:
    """Resolves the speakers of one article to the fullest name the article makes clear."""

    names: list[str]
    appositions: Mapping[str, str]
    persons: tuple[str, ...] = ()
    """Named people the article attributes speech to; a role resolves to the only one."""
    last_speaker: str = ""
    """The latest named speaker, person or institution: quote-only paragraphs continue it."""
    last_person: str = ""
    last_person_at: int = -1
    last_mention: str = ""
    last_mention_at: int = -1
    """The first person named in the latest earlier sentence that names one (the likely subject)."""

    def full_name(self, name: str) -> str:
        stripped = _strip_title(name)
        words = stripped.split()
        for k in range(1, len(words) - 1):  # "Weekly Standard Editor Bill Kristol" -> "Bill Kristol"
            if " ".join(words[k:]) in self.names:
                return " ".join(words[k:])
        if " " in stripped or not stripped:
            return stripped
        for candidate in self.names:  # a surname: the first full name in the article that ends with it
            if candidate.split()[-1] == stripped:
                return candidate
        return stripped

    def is_person(self, name: str) -> bool:
        return self.full_name(name) in self.names

    def mentioned(self, masked: str, position: int) -> None:
        """Remember the first person a sentence names, for pronouns in the sentences after it."""
        if self.mention_pattern is None:
            return
        if match := self.mention_pattern.search(masked):
            self.last_mention, self.last_mention_at = self.full_name(match.group()), position

    @functools.cached_property
    def mention_pattern(self) -> re.Pattern[str] | None:
        forms = {form for name in self.names for form in (name, name.split()[-1])}
        if not forms:
            return None
        return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b")

    def resolve(self, raw: str, before: str = "") -> str:
        """The speaker ``raw`` refers to; ``before`` is the sentence up to it (a name there wins for a pronoun)."""
        speaker = " ".join(raw.split()).strip(" ,")
        if _is_pronoun(speaker):
            if speaker.lower() not in {"he", "she", "him", "her"}:
                return ""
            if self.mention_pattern is not None and (match := self.mention_pattern.search(before)):
                return self.full_name(match.group())
            return self.last_mention if self.last_mention_at > self.last_person_at else self.last_person
        if _is_description(speaker):
            return self._description(speaker)
        return self.full_name(speaker)

    def _description(self, description: str) -> str:
        words = description.lower().replace("’s", "").replace("'s", "").split()
        key = " ".join(words[1:])
        for role, name in self.appositions.items():
            if key and (key == role or (len(key) > 8 and (key in role or role in key))):
                return name
        same_head = {name for role, name in self.appositions.items() if _head("x " + role) == _head(description)}
        if len(same_head) == 1:  # "the president's budget director" and "Jack Lew, director of the OMB"
            return same_head.pop()
        if words[-1] in _INDIVIDUAL_ROLES and len(self.persons) == 1:
            return self.persons[0]
        return description[0].lower() + description[1:] if words[0] in _DETERMINERS else description


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: str
    verb: str
    start: int  # of the attribution (speaker and verb), sentence-relative
    end: int
    apposed: bool = False  # "Another figure, Dan Senor, told ...": what comes before is not speech
    mention: tuple[int, int] | None = None  # the words naming the speaker, sentence-relative


def _head(description: str) -> str:
    """The head noun of a description: the word before its first preposition, else its last word."""
    words = description.lower().replace("’s", "").replace("'s", "").split()
    return next((words[i - 1] for i, w in enumerate(words) if i and w in _PREPOSITIONS), words[-1])


def _can_speak(speaker: str, before: str = "") -> bool:
    """A name, a pronoun, or a description of someone or something that speaks (see ``_PERSON_ROLES``).

    ``before`` is the text before the speaker: a name right after a preposition ("contact with
    Steele told") is an object, not the speaker.
    """
    if not speaker or _MASK * 2 in speaker or speaker.endswith(("’s", "'s")):
        return False
    if _is_pronoun(speaker) or _GROUP_SPEAKER.fullmatch(speaker):
        return True
    if not _is_description(speaker):
        speaker = re.sub(r"^(?:acting|former|interim|deputy|[Tt]he)\s+", "", speaker)
        first = speaker.split()[0]
        return (
            speaker[0].isupper()
            and speaker.rstrip(".") not in _TITLES
            and first not in _NOT_NAME_START
            and not _PARTY_LABEL.match(speaker)
            and not re.search(r"\b(?:" + "|".join(_PREPOSITIONS) + r")\s*$", before)
        )
    words = speaker.split()
    head = _head(speaker)
    return len(words) > 1 and (
        head in _PERSON_ROLES
        or any(w[0].isupper() and w.lower() == head for w in words[1:])
        or (head.isalpha() and head.islower() and head not in _SILENT_HEADS and head not in _DETERMINERS)
    )


_SILENT_HEADS = frozenset(
    """time times day days week weeks month months year years morning afternoon evening night hour hours
    moment way thing things point fact case part end start beginning while same other others more most
    first last next one two three it this that what which""".split()
)
"""Heads of a description that name no speaker ("the same day said", "a year ago said"); any other
description may name one (PolNeAR's sources include "the actress", "the probe", "a polling
average"). Whether it names a person or an organisation is decided when the speaker is resolved."""

_LEAD_WORD = re.compile(
    r"^(?:But|And|Yet|So|Still|Now|Meanwhile|Instead|Also|However|Then|Despite|Earlier|Later|Indeed|Even|Only|Though|Although|While|When|After|Before|If|Because)\s+(?=\S)"
)
"""A sentence connective the speaker pattern took in ("But Murshed Zaheed said"; "Despite Trump saying")."""


_PREPOSITIONS = frozenset({"of", "for", "at", "with", "to", "in", "from", "on", "about", "against", "by"})
_PARTY_LABEL = re.compile(r"^[RDI]-[A-Z]")


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``pattern``, also those that start inside a longer match ("On Tuesday, the
    company said": the match from "On" swallows the one from "the")."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        position = match.start() + 1


def _attribution(masked: str, rank_by_position: bool = True) -> _Attribution | None:
    """The speaker and verb of a sentence, read outside its quotations.

    Of several, the first in the sentence: the main clause's ("He said her family asked ...").
    """
    candidates = []
    seen_verbs: set[int] = set()
    for pattern in (_VERB_SPEAKER, _SPEAKER_VERB, _ACCORDING):
        for match in _matches(pattern, masked):
            group = "speaker" if match.group("speaker") is not None else "short"
            raw = match.group(group)
            speaker = _clean_description(_LEAD_WORD.sub("", raw))
            verb_at = match.start("verb") if match.groupdict().get("verb") else match.start()
            object_of = match.start() if pattern is _ACCORDING else match.start(group)  # "according to" ends in "to"
            if verb_at in seen_verbs or not _can_speak(speaker, masked[:object_of]):
                continue
            apposed = bool(match.groupdict().get("apposed"))
            if apposed and match.group("apposed") == "," and not masked[: match.start("speaker")].rstrip().endswith(","):
                continue  # "NAME, said" only closes an apposition (", Brad Woodhouse, said")
            verb = match.groupdict().get("verb") or "according to"
            if verb in _BELIEF and not _BELIEF_CLAUSE[verb in _BARE_CLAUSE].match(masked, match.end("verb")):
                continue  # "Nobody knew the outcome": a belief verb attributes only a clause
            at = match.start(group) + raw.rfind(speaker)
            seen_verbs.add(verb_at)
            candidates.append(_Attribution(speaker, verb, match.start(), match.end(), apposed, (at, at + len(speaker))))
    if not candidates and (joined := _COORDINATED.search(masked)):
        # "Critics have described him as gaffe-prone and said ...": the speaker is the clause subject
        subject = _CLAUSE_SUBJECT.match(masked)
        if subject and _can_speak(subject.group("speaker")):
            return _Attribution(
                subject.group("speaker"), joined.group("verb"), subject.start("speaker"), joined.end(),
                mention=subject.span("speaker"),
            )
    if not candidates:
        participle = _PARTICIPLE.search(masked)
        subjects = list(_CLAUSE_SUBJECT.finditer(masked, 0, participle.start())) if participle else []
        subjects = [m for m in subjects if _can_speak(m.group("speaker"), masked[: m.start("speaker")])]
        if not subjects:
            return None
        # "Barry Rand issued a statement ... claiming “...”": the speaker is the subject of the clause
        return _Attribution(
            subjects[-1].group("speaker"), participle.group(), subjects[-1].start("speaker"), participle.end(),
            mention=subjects[-1].span("speaker"),
        )

    def rank(candidate: _Attribution) -> tuple[int, int]:  # a name before a description before a pronoun
        kind = 2 if _is_pronoun(candidate.speaker) else 1 if _is_description(candidate.speaker) else 0
        return (candidate.start,) if rank_by_position else (kind, candidate.start)

    best = min(candidates, key=rank)
    if best.verb.endswith("ing") and _is_description(best.speaker):
        # "Steele issued a statement saying ...": the speaker is the subject of the clause
        subjects = list(_CLAUSE_SUBJECT.finditer(masked, 0, best.start))
        if subjects and _can_speak(subject := subjects[-1].group("speaker")):
            return _Attribution(
                subject, best.verb, subjects[-1].start("speaker"), best.end, best.apposed, subjects[-1].span("speaker")
            )
    return best


_PARTICIPLE = re.compile(
    r"\b(?:saying|adding|claiming|arguing|insisting|noting|warning|declaring|acknowledging|stating|explaining|telling)\b"
)
_CLAUSE_SUBJECT = re.compile(rf"(?:^\W*|,\s+)(?P<speaker>{_GROUP}|{_NAME}|{_PRONOUN})(?:,[^,]{{1,160}},)?\s+[a-z]+")
_COORDINATED = re.compile(rf"\b(?:and|but)\s+{_AUX}{_VERB}")


def _clean_description(speaker: str) -> str:
    """A captured speaker trimmed to its noun phrase: the lazy match may take in a clause before it.

    The "and" inside a name ("Customs and Border Protection") is kept.
    """
    for cut in (" that ", " which ", " and ", " but ", " as ", " then ", " while "):
        if cut in speaker and not (cut == " and " and re.search(r"\band\s+[A-Z]", speaker)):
            speaker = speaker.rsplit(cut, 1)[-1]
    return speaker.strip()


_TELL_VERBS = frozenset({"told", "tell", "tells", "telling", "asked", "asks"})
_TELL_OBJECT = re.compile(
    r"\s*(?:reporters|the media|the press|journalists|(?:the\s+)?[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*|him|her|them|us|me)"
    r"(?=\s|[,.;:!?]|$)"
)
_CLAUSE_START = re.compile(
    r"\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\s*)?"
    r"(?:(?:on|in|at|during|over|last|this) [“\"]?(?:[A-Z][\w.’']+|the \w+|\w+)(?:\s+[A-Z][\w.’']+)*[”\"]?\s*)?(?:today\s+|yesterday\s+)?(?:,\s*)?(?:that\s+)?"
)
_TIME_AFTER = re.compile(
    r"\s*(?:(?:on\s+|last\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|week|month|year)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)?"
)
_NOT_A_CLAUSE = re.compile(
    r"^\W*(?:[A-Za-z]+ing|In|On|At|During|After|Before|While|When|Asked|Writing|Interviewed)\b"
)
"""A lead-in that is not reported speech ("Speaking on ABC's “This Week,” McCain said ...")."""
_LEAD_IN = re.compile(r"^\W*(?:[A-Za-z]+ing|Asked|Writing|Interviewed)\b")
"""The same before an attribution that ends its sentence: "In 2014, 82 percent ..., according to
the FBI" reports all that comes before it."""


def _indirect_span(masked: str, attribution: _Attribution) -> tuple[int, int] | None:
    """The reported clause of a sentence without quotations, sentence-relative.

    The clause before a trailing attribution ("..., the official said") or after a leading one
    ("Peskov told reporters that ..."; "According to the report, ...").
    """
    lead = masked[: attribution.start].rstrip()
    before = lead.rstrip(" ,")
    # "..., the department announced Thursday, with ..." ends the verb; "... announced it had hired" does not
    after = attribution.end
    if attribution.verb in _TELL_VERBS and (told := _TELL_OBJECT.match(masked, after)):
        after = told.end()  # "..., the spokesman told reporters."
    rest = masked[_TIME_AFTER.match(masked, after).end() :]
    trailing = not rest.strip() or rest.lstrip()[0] in ",.;:!?—–-"
    if (
        trailing and lead.endswith(",") and not attribution.apposed and len(_WORD.findall(before)) >= 4
        and not (_LEAD_IN.match(before) and "," not in before)
    ):
        return len(masked) - len(masked.lstrip()), len(before)
    if attribution.verb == "according to":
        after_comma = masked.find(",", attribution.end)
        lo = after_comma + 1 if after_comma != -1 else len(masked)
    else:
        lo = attribution.end
        if attribution.verb in _TELL_VERBS and (told := _TELL_OBJECT.match(masked, lo)):
            lo = told.end()
        elif attribution.verb in _TELL_VERBS and (that := re.compile(r"[^,;:]{1,60}?\bthat\b").match(masked, lo)):
            lo = that.end()  # "told a military officer the night before that ..."
        lo = _CLAUSE_START.match(masked, lo).end()
        if attribution.verb in _NEEDS_THAT and not re.search(r"\bthat\s*$", masked[attribution.end : lo]):
            return None
    hi = len(masked.rstrip(" .!?\"”\n"))
    return (lo, hi) if hi > lo else None


def extract_quotes(
    article: Article, sentences: Sequence[Sentence], settings: QuoteSettings = QuoteSettings()
) -> tuple[Quote, ...]:
    """Direct and indirect quotations in ``article``, each with its resolved speaker and span.

    ``sentences`` are the article's sentences (from ``newsprism.text.segment``); spans index into
    ``article.text``. A quotation whose speaker cannot be found keeps ``speaker=""``.
    """
    text = article.text
    all_spans = quoted_spans(text)
    direct_spans = [s for s in all_spans if len(_WORD.findall(text[s.start : s.end])) >= settings.min_direct_words]
    read = []  # per sentence: (sentence, masked text, attribution, direct quotations overlapping it)
    for sentence in sentences:
        overlapping = [s for s in all_spans if s.start < sentence.end and s.end > sentence.start]
        masked = _mask(sentence.text, sentence.start, overlapping)
        inside = [s for s in direct_spans if s.start < sentence.end and s.end > sentence.start]
        read.append((sentence, masked, _attribution(masked), inside))

    resolver = _Resolver(names=_person_names(text), appositions=_appositions(text))
    named = (a.speaker for _, _, a, _ in read if a and not _is_pronoun(a.speaker) and not _is_description(a.speaker))
    resolver.persons = tuple(dict.fromkeys(resolver.full_name(n) for n in named if resolver.is_person(n)))

    quotes: list[Quote] = []
    last_attributed = -len(sentences) - 1
    last_mention: Mention | None = None
    seen: set[_QuotedSpan] = set()
    for position, (sentence, masked, attribution, inside) in enumerate(read):
        speaker, verb, mention = "", None, None
        if attribution is not None:
            speaker, verb = resolver.resolve(attribution.speaker, masked[: attribution.start]), attribution.verb
            if attribution.mention is not None:
                lo, hi = (sentence.start + at for at in attribution.mention)
                mention = Mention(text[lo:hi], lo, hi)
            last_attributed, last_mention = position, mention
            if speaker and not _is_description(speaker):
                resolver.last_speaker = speaker
            if speaker and resolver.is_person(speaker):
                resolver.last_person, resolver.last_person_at = speaker, position
        elif inside and position - last_attributed <= settings.continuation_sentences:
            speaker, mention = resolver.last_speaker, last_mention
        resolver.mentioned(masked, position)
        inside = [span for span in inside if not _is_title(text[span.start : span.end])]
        for span in inside:
            if span in seen:  # a quotation running over several sentences is one quote
                continue
            seen.add(span)
            start, end = _trim(text, span.start, span.end)
            quotes.append(Quote(speaker, text[start:end], article.id, start, end, True, verb, mention))
        if inside or attribution is None:
            continue
        relative = _indirect_span(masked, attribution)
        if relative is None:
            continue
        start, end = _trim(text, sentence.start + relative[0], sentence.start + relative[1])
        if len(_WORD.findall(text[start:end])) >= settings.min_indirect_words:
            quotes.append(Quote(speaker, text[start:end], article.id, start, end, False, verb, mention))
    log.debug("article %s: %d quotes", article.id, len(quotes))
    return tuple(quotes)


_MINOR_WORDS = frozenset({"of", "the", "a", "an", "and", "on", "in", "at", "for", "to", "with", "by"})


def _is_title(quoted: str) -> bool:
    """A quoted name of a show, book or law ("Fox News Sunday"), not a quotation: every word capitalised."""
    words = _WORD.findall(quoted)
    return all(w[0].isupper() or w in _MINOR_WORDS for w in words) and len(words) <= 8


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without surrounding spaces and the punctuation a quotation keeps before its attribution."""
    while start < end and (text[start].isspace() or text[start] in "“\"‘,"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "”\",’:;."):
        end -= 1
    return start, end


# --- grouping across articles -----------------------------------------------------------------

_STOP = frozenset(
    """a an the and or but if of to in on at for with by from as is are was were be been being it its
    this that these those he she they we you i our their his her them us me my your not no so do does did
    has have had will would can could should may might must than then there here what which who whom
    whose when where why how all any some such very just also into over about after before
    take make get go come say said says tell told want know think see look give use find ask work seem
    feel try leave call need keep let put mean become show one two three first last new good great
    time year way day thing people like well even back still now only many much more most out up""".split()
)
"""Stop words plus the commonest English verbs, numbers and nouns: two remarks sharing "take" and
"two" are not the same remark, two sharing "tango" may be."""


def content_words(text: str) -> set[str]:
    """Porter-stemmed words of ``text`` that carry meaning (the alignment's stems, no stop words)."""
    tokens, stems = terms(text)
    return {stem for token, stem in zip(tokens, stems) if token not in _STOP and token not in ENGLISH_STOP_WORDS}


_FRAGMENTS = frozenset(
    "ve ll re don doesn didn isn aren wasn weren wouldn couldn shouldn haven hasn hadn ain".split()
)
"""Pieces of contractions and abbreviations ("doesn't" -> "doesn" "t", "U.S." -> "u" "s"): shared
by any two remarks, so never evidence that they are one."""


def _quote_words(text: str) -> set[str]:
    """The content words of a quote that can show two quotes are one remark: also without the
    inflected forms of the common verbs ("takes" -> "take")."""
    return {
        w for w in content_words(text)
        if w not in _FRAGMENTS and w not in _STOP and not (len(w) == 1 and w.isalpha())
    }


def _word_sequence(text: str) -> str:
    """The quote's words (``align.words``: letters and digits of any script), space-separated with a
    space at both ends, so that one quote found word for word inside another is a substring of it
    ("&" read as "and")."""
    return " " + " ".join(align.words(text.replace("&", " and "))) + " "


def _speaker_key(speaker: str) -> str:
    return speaker.split()[-1].lower() if speaker else ""


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
        speaker = _best_speaker(speakers)
        outlets = tuple(dict.fromkeys(outlet_of(q.article) for q in group))
        groups.append((indices[0], QuoteGroup(speaker, group, outlets)))
    groups.sort(key=lambda item: (-len(item[1].outlets), item[0]))
    return tuple(group for _, group in groups)


def _best_speaker(speakers: Counter[str]) -> str:
    """The most named form among the speakers of a group (a full name before a description)."""
    if not speakers:
        return ""

    def rank(item: tuple[str, int]) -> tuple[int, int, int]:
        name, count = item
        return (_is_description(name), -count, -len(name))
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
    same_speaker = bool(a.speaker) and _speaker_key(a.speaker) == _speaker_key(b.speaker)
    named = [q.speaker and not _is_description(q.speaker) for q in (a, b)]
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


def connected_groups(count: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The items ``0..count-1`` grouped by the links in ``pairs`` (single link), each group in item order."""
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[find(j)] = find(i)
    members: dict[int, list[int]] = {}
    for i in range(count):
        members.setdefault(find(i), []).append(i)
    return list(members.values())


def centred_groups(count: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The items ``0..count-1`` grouped so that every member is linked to its group's centre.

    Within each single-link group the item with the most links left becomes a centre and takes the
    items linked to it; the rest are grouped again the same way. Each group is in item order.
    """
    pairs = list(pairs)
    linked: dict[int, set[int]] = {}
    for i, j in pairs:
        linked.setdefault(i, set()).add(j)
        linked.setdefault(j, set()).add(i)
    groups = []
    for component in connected_groups(count, pairs):
        remaining = set(component)
        while remaining:
            centre = max(sorted(remaining), key=lambda i: len(linked.get(i, set()) & remaining))
            members = {centre} | (linked.get(centre, set()) & remaining)
            groups.append(sorted(members))
            remaining -= members
    return sorted(groups)


def story_idf(texts: Iterable[str]) -> dict[str, float]:
    """Smoothed inverse document frequency of content words over ``texts`` (the story's sentences)."""
    frequency: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        frequency.update(content_words(text))
    return {word: math.log((1 + total) / (1 + count)) + 1.0 for word, count in frequency.items()}
