"""Figures: numbers with their unit and what they count, aligned across outlets, conflicts flagged.

Fact-checkers compare numbers first: "from 1,200 personnel to just over 450", "30 percent", "$5
billion", "at the age of 84". A figure is read with regular expressions as a number (digits, or
number words with a multiplier), its unit (percent, a currency, years of age, a date, a vote's
tally, or a plain count) and the noun it counts ("personnel", "troops"); a bare number with no unit and no noun is not
a figure ("it takes two to tango").

Two outlets give the same quantity when the unit and the counted noun agree and the sentences around
the figures say the same thing (the same fact of the story's alignment, or enough shared words).
Within such a group a reading is in conflict when another outlet gives the quantity and none of its
values matches (approximate figures, "about 450", match within a wider tolerance). Dates are
grouped, and flagged only when the story's alignment put their sentences in one fact and a part both
give differs (1994 against 1996; March 5 against March 6): two dates in merely like sentences are
far more often two events than a dispute, and "2020" agrees with "March 5, 2020".
"""

from __future__ import annotations

import bisect
import functools
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from newsprism.analysis.graph import connected_groups
from newsprism.analysis.quotes import content_words
from newsprism.model import Article, Figure, FigureReading, Sentence
from newsprism.text.words import IRREGULAR_PLURALS, MONTHS

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FigureSettings:
    """Tolerances of figure alignment.

    Defaults: newsroom rounding ("about 450" for 455) stays within 5 %, and hedged figures ("about",
    "nearly", "more than") within 10 %; the context threshold was set on the seed pair and BASIL
    stories so that a figure is grouped only with figures of like sentences.
    """

    exact_tolerance: float = 0.05
    approximate_tolerance: float = 0.10
    context_overlap: float = 0.25
    """Jaccard overlap of the content words of two figures' sentences to call them the same quantity."""


_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "dozens": 24, "hundreds": 200, "thousands": 2000,
}
_VAGUE = frozenset({"dozens", "hundreds", "thousands"})
"""Number words that give only a floor ("hundreds of lives": 200 or more), counting the noun after "of"."""
_VAGUE_BEFORE = re.compile(r"\b(?:tens|dozens|hundreds)\s+of\s+$", re.IGNORECASE)
_MULTIPLIERS = {"dozen": 12, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
_CURRENCIES = {
    "$": "USD", "€": "EUR", "£": "GBP", "dollars": "USD", "euros": "EUR", "pounds": "GBP", "rubles": "RUB", "roubles": "RUB",
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "ruble": "RUB", "rouble": "RUB",  # "a 20-dollar bill"
}
_MONTHS = {name[:3]: number for number, name in enumerate(MONTHS, 1)} | {"sept": 9}
_QUALIFIERS = (
    "about", "around", "nearly", "almost", "roughly", "approximately", "some", "more than", "over",
    "just over", "just under", "under", "at least", "up to", "fewer than", "less than", "an estimated",
    "as many as", "close to",
)
_MODIFIERS = frozenset(
    """more new additional other further extra fewer close senior top former key major old young small
    large big local national federal several different separate main white black male female adult""".split()
)
_NOT_COUNTED = frozenset(
    """to of in on at for with by from as and or but than the a an that this which who is are was were
    be been has have had will would can could percent per cent years year old times days weeks months
    across into onto over under between among through during after before since including there here
    each all both its their his her our your my these those them it they we he she so if when while
    up down out off about around against via per last next every nearly almost roughly approximately
    some just amid amidst despite within without toward towards beyond upon until throughout""".split()
)
_ADJECTIVE_SUFFIXES = ("ed", "al", "ic", "ive", "ous", "ful", "an", "ese", "ish", "ary", "ent", "ant", "ile", "less")
# Past the first adjective, only endings that seldom end a noun: "three armed masked men" counts
# "men", while "a phase three clinical trial shared" counts "trial" (nor "veteran", "resident").
_ADJECTIVE_ONLY_SUFFIXES = ("ed", "ous", "ful", "ese", "ish", "less")
# Number words and qualifiers in any case: a sentence opens with "Three people" or "Nearly 500".
_QUALIFIER = r"(?P<qual>(?i:" + "|".join(sorted(map(re.escape, _QUALIFIERS), key=len, reverse=True)) + r")\s+)?"
_FRACTIONS = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3}
# A whole number may end in a fraction sign ("9½ minutes").
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+|[½¼¾⅓⅔])?"
_WORDS = r"(?i:" + "|".join(_NUMBER_WORDS) + r")"
# "Three hundred thousand people": "hundred" before a larger multiplier multiplies it; "two dozen
# Gazans" are 24, not 2 and 12.
_MULT = r"(?:\s*(?P<mult>hundred(?:\s+(?:thousand|million|billion|trillion))?|thousand|million|billion|trillion|dozen\b|bn\b|[km]\b))?"
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

_DATE = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(?P<year>(?:1[89]|20)\d\d))?\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<year>(?:1[89]|20)\d\d)\b(?![.,]?\d)")
# A year before a word in -s is a count of it ("1999 students"), unless a determiner follows that
# word: then it is a verb and the year its subject ("2020 marks the sixth year of decline").
_YEAR = re.compile(
    r"(?<![\d$€£.,])\b(?P<year>(?:19|20)\d\d)\b(?![.,]?\d)"
    r"(?!\s*(?:%|percent|[a-z]+s\b(?!\s+(?:the|a|an|another|its|his|her|their)\b)))"
)
_MONEY = re.compile(rf"{_QUALIFIER}(?P<cur>[$€£])\s?(?P<num>{_DIGITS}){_MULT}")
# Joined by a hyphen too: "a 20-dollar bill", "a 5-cent tax" are money, not counts of "dollar bill".
_MONEY_WORDS = re.compile(rf"\b{_QUALIFIER}(?P<num>{_DIGITS}){_MULT}(?:\s+|-)(?P<cur>(?:dollar|euro|pound|ruble|rouble)s?)\b")
_PERCENT = re.compile(rf"\b{_QUALIFIER}(?P<num>{_DIGITS}|{_WORDS})(?:\s*|-)(?:%|percent\b|per cent\b|percentage points?\b)")
_CENTS = re.compile(rf"\b{_QUALIFIER}(?P<num>{_DIGITS})(?:\s+|-)cents?\b")
_AGE = re.compile(r"\b(?:(?:at the )?ages? of|aged|at age|ages)\s+(?P<num>\d{1,3})\b|\b(?P<num2>\d{1,3})-year-old\b")
_AGE_RANGE = re.compile(r"\s*(?:to|-|–)\s*(?=\d{1,3}\b(?![\d%]|[.,]\d))")
_AGE_UPPER = re.compile(r"(?P<num>\d{1,3})\b")
"""The end of a range of ages ("ages 15 to 44"): an age too, not a count of the noun after it."""
_COUNT = re.compile(rf"(?<![\w$€£.,:\-/])(?<!\b[Bb]oth )(?:{_QUALIFIER})(?P<num>{_DIGITS}|\b{_WORDS}\b){_MULT}(?![\w%.,]*\d)(?!\s*(?:%|percent|(?i:[ap]\.?m\.?)\b|o’clock|o'clock))")
# A vote's tally, yes first ("voted 54-35", "a 252-to-175 vote", "passed 252 to 175", "the court's
# 6-3 majority"), read only beside a word of voting: "ages 5 to 11" and "300-500 miles" are ranges.
_TALLY = re.compile(r"(?<![\w.,$€£\-–])(?P<yes>\d{1,3})(?:-to-|-|–| to )(?P<no>\d{1,3})(?![\w.,\-–]*\d)")
_TALLY_BEFORE = re.compile(r"\b(?:voted|votes? (?:was|of)|passed|approved|rejected|ruled|confirmed)\s+$", re.IGNORECASE)
_TALLY_AFTER = re.compile(r"\s+(?:[\w\-]+\s+)?(?P<noun>vote|votes|tally|margin|ruling|decision|verdict|majority)\b")
_RANGE_UNIT = re.compile(
    r"\s*(?:%|(?:percent|per cent|points?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|times)\b)",
    re.IGNORECASE,
)
"""A unit after two numbers: a range of it, no tally ("voted 10 to 15 years ago", "passed 2 to 3 percent")."""
_COMPOUND = re.compile(rf"(?<![\w$€£.,:\-/]){_QUALIFIER}(?P<num>\d+|\b{_WORDS})-(?P<unit>[a-z]+)(?=\s+(?P<noun>[a-z]+)\b)")
_NOT_COMPOUNDED = frozenset(
    """second minute hour day night week weekend month year decade century old percent point half third
    thirds quarter quarters fifth fifths way time fold some something ish odd plus""".split()
)
"""What a number joined to a word by a hyphen measures that is not a count: a duration ("a 7-year
high"), an age, a share ("two-thirds"), a manner ("a three-way race", "a four-time champion"), or
no number at all ("60-some miles", "20-something voters", "a 40-ish man"). Any other word is what is counted, with the noun it qualifies:
"the 60-vote threshold" -> 60 "vote threshold", "a seven-count indictment" -> 7 "count indictment"."""
_COUNTED = re.compile(r"\s+(?P<noun>[A-Za-z][A-Za-z\-]*(?:\s+[A-Za-z][A-Za-z\-]*){0,3})")
_NOT_PLURAL = frozenset(
    """always perhaps sometimes nowadays afterwards besides towards backwards forwards indoors outdoors
    overseas whereas unless thus plus across regardless""".split()
)
"""Words in -s after a count that are no plural noun ("two people always ...")."""
_MONTH_NAME = re.compile(_MONTH.replace("?P<month>", ""))
_RANGE_TARGET = re.compile(r"\bto\s+" + _QUALIFIER.replace("qual", "qual2") + r"$")
# Words that narrow a figure to part of what it measures: "core prices, excluding food and energy,
# rose 0.9 percent" is not the same quantity as "prices rose 0.8 percent".
_RESTRICTION = re.compile(
    r"\b(?:core|excluding|excludes?|except|controlling for|not counting|not including|apart from|stripping out|leaving out)\b",
    re.IGNORECASE,
)


def _number(token: str, multiplier: str | None) -> float:
    token = token.lower()
    fraction = _FRACTIONS.get(token[-1], 0.0)
    if fraction:
        token = token[:-1]
    value = float(_NUMBER_WORDS[token]) if token in _NUMBER_WORDS else float(token.replace(",", "")) + fraction
    return value * math.prod(_MULTIPLIERS[word] for word in (multiplier or "").lower().split())


def _month(name: str) -> int:
    name = name.lower()
    return _MONTHS["sept" if name.startswith("sept") else name[:3]]


def _counted_noun(text: str, end: int) -> str:
    """The noun a number counts: the next word, or the one after it when the next qualifies it.

    "1,200 personnel" -> "personnel"; "two unsigned opinions" -> "opinions"; "30,000 more troops"
    -> "troops"; "two nations exchanged" -> "nations"; a singular noun with the plural it qualifies
    ("three major spending proposals" -> "spending proposals", "two health officials" -> "health
    officials").
    """
    match = _COUNTED.match(text, end)
    if not match:
        return ""
    words = [w for w in match.group("noun").split() if w not in _MODIFIERS]
    if not words or words[0].lower() in _NOT_COUNTED:
        return ""
    return _counted_group(words) if words[0][0].isupper() else _head(words)


def _head(words: Sequence[str]) -> str:
    """The counted noun among lower-case words after a number: the first that is no adjective
    ("two unsigned opinions", "29,128 new reported coronavirus cases", "three armed masked men"); with the
    plural after it when it is a singular noun ("service members": "13 service members" and "two
    members of the group" are not one quantity)."""
    if words[0] in _NOT_COUNTED:
        return ""
    suffixes: tuple[str, ...] = _ADJECTIVE_SUFFIXES
    while _next_noun(words) and words[0].endswith(suffixes):
        words, suffixes = words[1:], _ADJECTIVE_ONLY_SUFFIXES
    if _next_noun(words) and _is_plural(words[1]) and not _is_plural(words[0]):
        return f"{words[0]} {words[1]}"
    return words[0] if len(words[0]) > 1 else ""


def _next_noun(words: Sequence[str]) -> bool:
    """Whether the word after the first may be part of what is counted."""
    return len(words) > 1 and words[1].islower() and words[1] not in _NOT_COUNTED


def _is_plural(word: str) -> bool:
    """A plural noun: "proposals", "officials" (not "ss", "us" or an adverb in -s), or one of the
    irregular plurals news counts most ("hundreds of missing people" counts "missing people")."""
    if word in IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")) and word not in _NOT_PLURAL


def _counted_group(words: Sequence[str]) -> str:
    """The noun a number counts when the word after it is capitalised: the noun that word qualifies
    when it is an adjective or an acronym ("six Republican senators", "two Israeli soldiers", "needs
    10 GOP votes" -> "votes"; not "1619 Project lies"), or the word itself when it is a plural and no
    plural noun follows ("37 million Americans to travel", "six Republicans breaking ranks"). A month
    is a date ("on 5 June officials said"), and a capitalised word followed by another is a name ("10
    Downing Street").
    """
    first, *rest = words
    if _MONTH_NAME.fullmatch(first) or (rest and not rest[0].islower()):
        return ""
    qualifies = first.isupper() or first.endswith(_ADJECTIVE_SUFFIXES + ("i",))  # "GOP", "Republican", "Israeli"
    noun = _head(rest) if rest and qualifies else ""
    if _is_plural_name(first) and not noun.endswith("s"):  # "Republicans breaking": a verb follows
        return first
    return noun


def _is_plural_name(word: str) -> bool:
    """A capitalised plural such as "Republicans", "Americans", "Israelis" (not an acronym such as
    "NFTs", nor a name in -us, -ss or -as such as "Celsius", "Congress", "Texas")."""
    return word[1:].islower() and not word.endswith("as") and _is_plural(word.lower())


def extract_figures(article: Article, sentences: Sequence[Sentence]) -> tuple[Figure, ...]:
    """Every figure in ``article`` with its unit, what it counts and its span, in text order."""
    figures: list[Figure] = []
    for sentence in sentences:
        taken: list[tuple[int, int]] = []  # spans already read, in text order: none overlaps another
        found: list[Figure] = []

        def add(
            match: re.Match,
            value: float,
            unit: str,
            counts: str,
            group: str = "num",
            *,  # this sentence's lists, bound now: the closure is only called within this iteration
            sentence: Sentence = sentence,
            taken: list[tuple[int, int]] = taken,
            found: list[Figure] = found,
        ) -> None:
            start = sentence.start + match.start()
            end = sentence.start + match.end()
            if _overlaps_taken(taken, match.start(), match.end()):
                return
            bisect.insort(taken, (match.start(), match.end()))
            text = article.text[start:end]
            stripped = len(text) - len(text.lstrip())
            found.append(Figure(value, unit, counts, article.id, start + stripped, end, text.strip()))

        body = sentence.text
        for match in _DATE.finditer(body):
            year = int(match.group("year") or 0)
            add(match, float(year * 10000 + _month(match.group("month")) * 100 + int(match.group("day"))), "date", "date")
        for match in _MONTH_YEAR.finditer(body):  # "in November 2019": the month is kept
            add(match, float(int(match.group("year")) * 10000 + _month(match.group("month")) * 100), "date", "date")
        for match in _YEAR.finditer(body):
            add(match, float(int(match.group("year")) * 10000), "date", "date")
        for match in (*_MONEY.finditer(body), *_MONEY_WORDS.finditer(body)):
            unit = _CURRENCIES[match.group("cur")]
            if match.group("cur").startswith("pound") and not _is_sterling(body, match):
                add(match, _number(match.group("num"), match.group("mult")), "lb", _counted_after_in(body, match.end()) or "weight")
                continue
            add(match, _number(match.group("num"), match.group("mult")), unit, _counted_after_in(body, match.end()))
        for match in _CENTS.finditer(body):
            add(match, _number(match.group("num"), None) / 100, _cents_currency(body), _counted_after_in(body, match.end()))
        for match in _PERCENT.finditer(body):
            add(match, _number(match.group("num"), None), "%", _counted_after_in(body, match.end()))
        for match in _AGE.finditer(body):
            person = _counted_noun(body, match.end()) if match.group("num2") else ""
            add(match, float(match.group("num") or match.group("num2")), "years", person or "age")
            between = _AGE_RANGE.match(body, match.end()) if match.group("num") else None
            if between and (upper := _AGE_UPPER.match(body, between.end())):
                add(upper, float(upper.group("num")), "years", "age")
        for match in _TALLY.finditer(body):
            after = _TALLY_AFTER.match(body, match.end())
            if after or (_TALLY_BEFORE.search(_window(body, match.start())) and not _ranges_over(body, match.end())):
                noun = "majority" if after and after.group("noun") == "majority" else "vote"
                add(match, float(int(match.group("yes")) * 1000 + int(match.group("no"))), "tally", noun)
        for match in _COMPOUND.finditer(body):
            if match.group("unit") not in _NOT_COMPOUNDED and match.group("noun") not in _NOT_COUNTED:
                add(match, _number(match.group("num"), None), "count", f"{match.group('unit')} {match.group('noun')}")
        for match in _COUNT.finditer(body):
            if _in_name(body, match.start()) or _no_count_after_the(body, match):
                continue
            counts = _counted_noun(body, match.end())
            if not counts and match.group("num").lower() in _VAGUE:
                counts = _counted_after_in(body, match.end(), "of")
                if counts.split(" ")[0].lower().rstrip("s") in {*_NUMBER_WORDS, *_MULTIPLIERS} or _VAGUE_BEFORE.search(_window(body, match.start())):
                    continue  # "hundreds of thousands", "tens of thousands of people": no floor read
            if not counts:
                counts = _range_noun(body, match, found)
            if counts:
                add(match, _number(match.group("num"), match.group("mult")), "count", counts)
        figures.extend(sorted((_as_previous(f, body, sentence.start, found) for f in found), key=lambda f: f.start))
    log.debug("article %s: %d figures", article.id, len(figures))
    return tuple(figures)


_LOOK_BACK = 160
"""How far before a figure the patterns anchored at its start read: a clause's width, not the
sentence's, so that a sentence of many numbers is read in time linear in its length."""


def _window(text: str, end: int) -> str:
    """The words of ``text`` within ``_LOOK_BACK`` characters before ``end``, cut at a space."""
    lo = max(0, end - _LOOK_BACK)
    if lo:
        space = text.find(" ", lo, end)
        lo = space + 1 if space != -1 else end
    return text[lo:end]


def _overlaps_taken(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a span of ``taken`` (sorted, none overlapping another): only the
    last span starting before ``end`` can, as it ends last of those."""
    before = bisect.bisect_left(taken, (end, end))
    return before > 0 and taken[before - 1][1] > start


_COLLECTIVE = frozenset("staff personnel police crew clergy cattle livestock".split())
"""Nouns that count many with no plural ending ("the 3,000 staff", "the 1,200 personnel")."""


def _counts_plural(body: str, end: int) -> bool:
    """Whether the words at ``end`` are a plural noun a number counts ("judges", "member states", a
    collective "staff")."""
    counted = _counted_noun(body, end).split(" ")[-1]
    return bool(counted) and (_is_plural(counted) or counted in _COLLECTIVE)


def _ranges_over(body: str, end: int) -> bool:
    """Whether a pair of numbers after a verb of voting is a range, no tally: before a plural noun they
    count ("approved 3 to 5 new judges", "passed 20-30 bills") or a unit ("voted 10 to 15 years
    ago"), where a tally is followed by a word of manner or time ("voted 54-35 along party lines",
    "passed 98-0 unanimously")."""
    return _counts_plural(body, end) or _RANGE_UNIT.match(body, end) is not None


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_YEAR_SHAPED = re.compile(r"(?:1[89]|20)\d\d")
_EXPECTED_BY = re.compile(r"\s+[A-Za-z\-]+\s+(?:had\s+|have\s+)?(?:expected|forecast|predicted|projected|estimated|anticipated|polled)\b")


def _no_count_after_the(body: str, match: re.Match) -> bool:
    """A number after "the" that is no count: a group named again ("the two men", "the two met"),
    a year ("the 2010 elections"), or what others expected ("more than the 870,000 economists had
    expected": the number is jobs, not economists), or a label or a mark before a singular noun
    ("the 405 freeway", "the 7 train", "passed the 1 million mark"). Other digits after "the" count
    the plural that follows ("the 27 member states", "the 1,768 pages of legislation"), and any
    after a qualifier ("the more than 3,000 staff")."""
    if _THE_BEFORE.search(_window(body, match.start())) is None:
        return False
    number = match.group("num")
    if not number[0].isdigit() or _YEAR_SHAPED.fullmatch(number) is not None or _EXPECTED_BY.match(body, match.end()) is not None:
        return True
    return match.group("qual") is None and not _counts_plural(body, match.end())


_NAME_BEFORE = re.compile(r"(?:^|[\s(])(?P<word>[A-Z][A-Za-z]*(?:&[A-Z]+)?)\s$")
_NUMBERED_NAMES = frozenset(
    """covid sars nasdaq dow ftse dax nikkei stoxx cac russell fortune section title chapter article
    amendment clause paragraph rule flight route interstate highway district precinct ward proposition
    prop measure phase stage level category model windows boeing airbus apollo artemis""".split()
)
"""Words a number follows as part of a name ("Covid 19", "Nasdaq 100", "Section 230", "Title 42",
"Fortune 500", "Flight 370"); any word with an ampersand is one too ("S&P 500")."""


def _in_name(body: str, start: int) -> bool:
    """A number that is part of a name, not a count: after one of ``_NUMBERED_NAMES`` or a word
    with an ampersand ("S&P 500"). Any other capitalised word leaves a count one ("On Monday 40
    people", "told CNN 12 soldiers died")."""
    found = _NAME_BEFORE.search(body, max(0, start - 40), start)
    return found is not None and ("&" in found.group("word") or found.group("word").lower() in _NUMBERED_NAMES)


_MONEY_CONTEXT = re.compile(
    r"£|\bsterling\b|\b(?:paid|pay|pays|cost|costs|worth|price|prices|fine|fined|salary|spent|spend|raised|budget|fee|fees|"
    r"bill|funding|fund|deal|sold|bought|earn|earned|profit|loss|debt|tax|taxes|wage|wages|bonus)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=64)
def _cents_currency(sentence: str) -> str:
    """Cents are the euro's in a sentence about euros, else the dollar's ("16 cents more than a month ago");
    read once per sentence however many cents it gives."""
    return "EUR" if re.search(r"€|\beuros?\b", sentence, re.IGNORECASE) else "USD"


@functools.lru_cache(maxsize=64)
def _about_money(sentence: str) -> bool:
    """Whether a sentence speaks of money (``_MONEY_CONTEXT``), read once per sentence."""
    return _MONEY_CONTEXT.search(sentence) is not None


_STERLING_AFTER = re.compile(r"\s+sterling\b")
_OF_AFTER = re.compile(r"\s+of\b")


def _is_sterling(sentence: str, match: re.Match) -> bool:
    """Whether "pounds" is money: with a multiplier ("5 million pounds"), or in a sentence about
    money ("fined 500 pounds"); "the baby weighed 7 pounds" and "10 pounds of cocaine" are weight."""
    if match.group("mult") or _STERLING_AFTER.match(sentence, match.end()):
        return True
    if _OF_AFTER.match(sentence, match.end()):
        return False
    return _about_money(sentence)


_PREVIOUS_BEFORE = re.compile(r"(?:\b(?:up|down|rising|falling|compared)\s+from|\bcompared (?:with|to)|\bversus|\bvs\.?)\s*$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
# A bare "from" gives the value compared with only in a sentence about a change ("rose to 6.1
# percent from 6 percent", "shrank from 1,200 personnel to 450"): "support from 35 Republicans" is
# where a count comes from, not what it was.
_CHANGE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|falls?|fallen|falling|drop(?:s|ped|ping)?|climb\w*|increas\w*|decreas\w*|"
    r"declin\w*|jump\w*|grew|grow(?:s|n|ing)?|slip(?:s|ped|ping)?|plung\w*|surg\w*|soar\w*|slid\w*|sank|sinks?|"
    r"dip(?:s|ped|ping)?|edg(?:e|es|ed|ing)|tumbl\w*|shr[aiu]nk\w*|cut(?:s|ting)?|lower\w*|reduc\w*|"
    r"chang\w*|revis\w*|swell\w*|doubl\w*|tripl\w*|halv\w*|widen\w*|narrow\w*)\b",
    re.IGNORECASE,
)
_TO_FIGURE = re.compile(r"[^,;]{0,40}?\bto\s+(?:[a-z]+\s+){0,2}[$€£]?\d")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|yet|while|whereas|although|though)\b|\b(?:while|whereas|although)\b", re.IGNORECASE)
"""Where a clause ends: a change in the clause before is not the change a later "from" belongs to
("Exports rose 5 percent, and aid came from 35 countries": 35 is no previous value)."""
_PREVIOUS_AFTER = re.compile(
    r"\s*(?:a year (?:earlier|ago|before)|the (?:previous|prior|year-earlier) (?:month|year|quarter|week|period)|"
    r"(?:in|during) the (?:previous|prior|same) (?:month|year|quarter|week|period)(?: a year (?:earlier|ago))?|"
    r"last (?:month|year|quarter|week)|previously|earlier this year)\b",
    re.IGNORECASE,
)


def _as_previous(figure: Figure, sentence: str, offset: int, found: Sequence[Figure]) -> Figure:
    """The figure marked ``previous`` when it is the value compared with ("to 6.1 percent from 6
    percent"; "up 3 percent, against 5 percent a year earlier"; "from 12 to 15"): it is then never
    taken for another outlet's current value. A bare "from" needs a change in its own clause
    (``_CLAUSE_BREAK``); a time after the figure needs another figure of its unit in the sentence,
    the value compared, as alone it says only when ("The birth rate fell 4% last year", "added
    266,000 jobs last month" are the news itself)."""
    if figure.unit == "date":
        return figure
    before = _window(sentence, figure.start - offset)
    after = sentence[figure.end - offset : figure.end - offset + _LOOK_BACK]
    clause = before[max((b.end() for b in _CLAUSE_BREAK.finditer(before)), default=0) :]
    from_change = _FROM_BEFORE.search(before) and (_CHANGE.search(clause) or _TO_FIGURE.match(after))
    compared = any(other is not figure and other.unit == figure.unit for other in found)
    if from_change or _PREVIOUS_BEFORE.search(before) or (compared and _PREVIOUS_AFTER.match(after)):
        return replace(figure, previous=True)
    return figure


def _counted_after_in(text: str, end: int, prepositions: str = "of|in|for") -> str:
    """What a percentage or a sum is of: "30 percent of voters" -> "voters", "$5 billion in aid" -> "aid"."""
    match = re.compile(rf"\s+(?:{prepositions})(?:\s+(?:the|its|their|all))?(?=\s)").match(text, end)
    return _counted_noun(text, match.end()) if match else ""


def _range_noun(text: str, match: re.Match, earlier: Sequence[Figure]) -> str:
    """The noun of a range's first figure for its second ("from 1,200 personnel ... to just over 450")."""
    before = _window(text, match.start())
    if not _RANGE_TARGET.search(before.rstrip() + " ") and not re.search(r"\bto\s*$", before):
        return ""
    for figure in reversed(earlier):
        if figure.unit == "count":
            return figure.counts
    return ""


def display_value(figure: Figure) -> str:
    """The value as a reader writes it: "1,200", "4.5", "2001-09-11", "2017", "252-175"."""
    if figure.unit == "tally":
        return f"{int(figure.value) // 1000}-{int(figure.value) % 1000}"
    if figure.unit == "date":
        number = int(figure.value)
        year, month, day = number // 10000, number // 100 % 100, number % 100
        parts = [f"{year:04d}" if year else "", f"{month:02d}" if month else "", f"{day:02d}" if day else ""]
        return "-".join(p for p in parts if p) if year else f"{month:02d}-{day:02d}"
    return f"{figure.value:,.0f}" if figure.value == int(figure.value) else f"{figure.value:,.2f}".rstrip("0")


def reading_order(reading: FigureReading) -> tuple[bool, bool, bool, int]:
    """Sort key for display: conflicts first, then quantities several outlets give, dates last."""
    return (not reading.conflict, reading.figure.unit == "date", reading.group < 0, reading.group)


_AT_LEAST = ("more than", "over", "just over", "at least", "as many as")
_AT_MOST = ("fewer than", "less than", "under", "just under", "up to")
_NEARLY = ("nearly", "almost", "close to")


def _interval(figure: Figure, settings: FigureSettings) -> tuple[float, float]:
    """The values a figure allows: "at least 150" allows 180, "nearly 190,000" allows 188,829."""
    lowered, value = figure.text.lower(), figure.value
    if figure.unit == "tally":  # votes are counted, not rounded: 252-175 and 250-175 are two tallies
        return value, value
    qualifier = next((q for q in sorted(_QUALIFIERS, key=len, reverse=True) if lowered.startswith(q + " ")), None)
    if qualifier in _AT_LEAST or lowered.split(" ")[-1] in _VAGUE:
        return value, float("inf")
    if qualifier in _AT_MOST:
        return 0.0, value
    if qualifier in _NEARLY:
        return value * (1 - settings.approximate_tolerance), value
    tolerance = settings.approximate_tolerance if qualifier else settings.exact_tolerance
    return value * (1 - tolerance), value * (1 + tolerance)


def _date_parts(figure: Figure) -> tuple[int, int, int]:
    number = int(figure.value)
    return number // 10000, number // 100 % 100, number % 100


def dates_conflict(a: Figure, b: Figure) -> bool:
    """Whether two dates cannot both hold for one event: a part both give differs, the year, the
    month or the day ("2020" and "March 5, 2020" agree, as do "March 2019" and "March 3, 2019";
    "March 2019" and "May 2019" do not, nor "March 5" and "March 6, 2020"). A part one date leaves
    out is no disagreement: it is only less precise."""
    return any(x and y and x != y for x, y in zip(_date_parts(a), _date_parts(b), strict=True))


def values_match(a: Figure, b: Figure, settings: FigureSettings) -> bool:
    (a_low, a_high), (b_low, b_high) = _interval(a, settings), _interval(b, settings)
    return a_low <= b_high and b_low <= a_high


def _key(figure: Figure) -> tuple[str, str, bool]:
    counts = figure.counts.lower()
    for suffix in ("ies", "es", "s"):
        if counts.endswith(suffix) and len(counts) > len(suffix) + 2:
            counts = counts[: -len(suffix)]
            break
    return figure.unit, counts, figure.previous


def _measured_from(figure: Figure, sentence: str) -> bool:
    """Whether a date is the one a record is measured from ("the highest since April 1982", "since the
    summer of 2008"): it is
    grouped only with such dates, never with the date of the event itself ("in 2020")."""
    return figure.unit == "date" and re.search(rf"\bsince\s+(?:[a-z]+[\s-]+){{0,4}}?{re.escape(figure.text)}", sentence) is not None


def _pair_by_value(
    figures: Sequence[Figure], outlets: Sequence[str], linked: list[set[int]], ambiguous: Sequence[bool],
    settings: FigureSettings,
) -> None:
    """Keep a link of an ambiguous reading only to the other outlet's figure closest to it in value,
    when it is also the closest to that figure and the two values agree: "rose 4.2 percent, higher
    than the estimated 3.6 percent" gives its 4.2 to another outlet's 4.2 and its 3.6 to another's
    3.6, and "8 percent of Virginia stations, more than 6 percent of Ohio's" its 8 to "7.7% in
    Virginia" alone; a link in which no reading is ambiguous is kept."""

    def closest(i: int, outlet: str) -> int:
        return min((j for j in linked[i] if outlets[j] == outlet), key=lambda j: abs(figures[j].value - figures[i].value))

    drop = [
        (i, j) for i in range(len(figures)) for j in linked[i]
        if i < j and (ambiguous[i] or ambiguous[j]) and not (
            values_match(figures[i], figures[j], settings) and closest(i, outlets[j]) == j and closest(j, outlets[i]) == i
        )
    ]
    for i, j in drop:
        linked[i].discard(j)
        linked[j].discard(i)


def align_figures(
    figures: Sequence[Figure],
    outlet_of: Callable[[str], str],
    context_of: Callable[[Figure], str],
    same_fact: Callable[[Figure, Figure], bool] = lambda a, b: False,
    settings: FigureSettings = FigureSettings(),
) -> tuple[FigureReading, ...]:
    """Each figure as a reading of its outlet, grouped with the same quantity in other outlets.

    ``context_of`` gives a figure's sentence; ``same_fact`` says whether two figures sit in sentences
    the story's alignment put in one fact. Two figures of different outlets are linked when they
    have the same unit and counted noun and their sentences are in one fact or share enough words,
    unless only one sentence narrows its figure to a part ("core", "excluding food and energy");
    a sum or a share with no counted noun is linked only through a fact, and one tally to the same
    tally in any sentence (a story's 252-175 is one vote, however told). ``FigureReading.group``
    numbers the linked groups; ``conflict`` marks a reading that an outlet linked to it contradicts
    with every value it gives (qualifiers widen a value: "at least 150" agrees with "180").
    """
    words = [content_words(re.sub(r"\d", " ", context_of(f))) for f in figures]
    restricted = [bool(_RESTRICTION.search(context_of(f))) for f in figures]
    since = [_measured_from(f, context_of(f)) for f in figures]
    outlets = [outlet_of(f.article) for f in figures]
    linked: list[set[int]] = [set() for _ in figures]
    in_fact: list[set[int]] = [set() for _ in figures]  # linked through the alignment's facts
    for i in range(len(figures)):
        for j in range(i + 1, len(figures)):
            if (
                outlets[i] == outlets[j] or _key(figures[i]) != _key(figures[j]) or restricted[i] != restricted[j]
                or since[i] != since[j]
            ):
                continue
            if same_fact(figures[i], figures[j]):
                in_fact[i].add(j)
                in_fact[j].add(i)
            elif not (figures[i].unit == "tally" and figures[i].value == figures[j].value):  # one story's 252-175 is one vote
                if not figures[i].counts:  # a sum or share without a noun: only aligned sentences tell it is the same
                    continue
                union = words[i] | words[j]
                if not union or len(words[i] & words[j]) / len(union) < settings.context_overlap:
                    continue
            linked[i].add(j)
            linked[j].add(i)
    # a sentence with two figures of one unit ("fell to 5.8% from 6.1%") pairs them with another
    # outlet's figures ambiguously: such readings are grouped but not flagged
    per_sentence = Counter((f.article, context_of(f), f.unit, f.previous) for f in figures)
    ambiguous = [per_sentence[(f.article, context_of(f), f.unit, f.previous)] > 1 for f in figures]
    _pair_by_value(figures, outlets, linked, ambiguous, settings)
    group_of: dict[int, int] = {}
    for members in connected_groups(len(figures), ((i, j) for i in range(len(figures)) for j in linked[i])):
        if len(members) > 1:
            number = len(set(group_of.values()))
            group_of.update(dict.fromkeys(members, number))
    readings = []
    for i, figure in enumerate(figures):
        conflict = False
        if figure.unit == "date" and not ambiguous[i]:  # one event in one fact, and every date of another outlet differs
            by_outlet: dict[str, list[int]] = {}
            for j in in_fact[i]:
                if not ambiguous[j]:
                    by_outlet.setdefault(outlets[j], []).append(j)
            conflict = any(all(dates_conflict(figure, figures[j]) for j in js) for js in by_outlet.values())
        elif figure.unit != "date":  # another outlet gives this very quantity, and none of its values agrees
            other_outlets = {outlets[j] for j in linked[i] if not ambiguous[i] and not ambiguous[j]}
            conflict = any(
                not any(values_match(figure, figures[j], settings) for j in linked[i] if outlets[j] == other)
                for other in other_outlets
            )
        readings.append(FigureReading(figure, outlets[i], conflict, group_of.get(i, -1)))
    return tuple(readings)
