"""Speakers: names, roles and pronouns in an article resolved to the person or organisation they name."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newsprism.analysis.quotes.words import (
    DETERMINERS,
    DOCUMENT_HEADS,
    EVIDENCE_HEADS,
    FEMALE_FIRST_NAMES,
    INDEFINITE,
    INDIVIDUAL_ROLES,
    INSTITUTION_WORDS,
    MALE_FIRST_NAMES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NICKNAMES,
    NOT_A_NAME,
    NOT_NAME_START,
    NOT_PERSON_WORDS,
    OWNED_BODIES,
    PARTY_MEMBERS,
    PERSON_ROLES,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_WORDS,
    SILENT_HEADS,
    TITLE_OF_ROLE,
)
from newsprism.model import Quote
from newsprism.text.words import IRREGULAR_PLURALS, MONTHS

_POSSESSIVE_ROLE = re.compile(r"[’']s\s+[a-z]")




def after_owner(words: Sequence[str]) -> list[str]:
    """The words of a name after the owner that qualifies it ("Brazil’s JBS SA" -> "JBS SA", "Russia’s
    foreign minister Sergei Lavrov", "Tuesday’s Washington"). A possessive that is part of the name
    stays: before a capitalised word of an institution ("Macy’s Inc.", "Children’s Hospital of
    Philadelphia"; ``words.INSTITUTION_WORDS``) with no title after it, or after a plural owner
    ("Women’s March"). A title after the institution's word makes it a person's ("Biden’s Press
    Secretary Jen Psaki" -> "Press Secretary Jen Psaki"): the owner qualifies the person."""
    owners = [
        i for i, (word, after) in enumerate(zip(words, words[1:]))
        if word.endswith(("’s", "'s")) and word[:-2].lower() not in IRREGULAR_PLURALS
        and not (after[0].isupper() and after.lower().strip(".,") in INSTITUTION_WORDS
                 and not any(_is_role(w) for w in words[i + 2 :]))
    ]
    return list(words[owners[-1] + 1 :] if owners else words)


def strip_title(name: str) -> str:
    """A name without its leading titles and roles ("Russian President Vladimir Putin" -> "Vladimir Putin"),
    its owner (``after_owner``: the possessive qualifies the name, it is no part of it) and a possessive
    ending ("Trump’s" -> "Trump")."""
    words = after_owner(name.split())
    if words:
        words[-1] = re.sub(r"[’']s$", "", words[-1])
    while len(words) > 1 and (words[0].lower() in ROLE_WORDS or words[0].lower() == "the"):
        words.pop(0)
    return " ".join(words).strip(" ,.")


def _is_role(word: str) -> bool:
    """Whether a word of a name is a role or title, with its abbreviation's dot ("Gen.", "Sen.") or
    without it ("Mayor")."""
    lower = word.lower().rstrip(",")
    return lower in ROLE_WORDS or lower.rstrip(".") in ROLE_WORDS


def is_description(speaker: str) -> bool:
    """Whether a speaker is a description ("the official", "Putin’s spokesman") rather than a name.

    "The Washington Post" and "the Kremlin" are names: after the article every word is capitalised,
    unless the last is a member of a party or a role of one person ("The Kentucky Republican"). After
    "a" or "an", capitalised words ending in a demonym describe someone ("a New Yorker", "an
    American"): no name takes that article (``_DEMONYM``; "A Food" cut from "A Food and Drug
    Administration panel" is none).
    """
    words = speaker.split()
    if words[0].lower() in ("a", "an") and len(words) > 1 and _DEMONYM.search(words[-1]):
        return True
    if words[0].lower() in DETERMINERS:
        return len(words) == 1 or not all(w[0].isupper() for w in words[1:]) or _one_person(words[-1])
    return bool(_POSSESSIVE_ROLE.search(speaker))


_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:er|an|ese|ite|i)$")
"""A word that names one of a people or a place's residents ("Yorker", "American", "Texan",
"Israeli")."""


def _role_plural(speaker: str) -> bool:
    """Whether a speaker is one capitalised word that is a role in the plural ("Economists",
    "Officers"): capitalised only where it opens a sentence, a group no name picks out; a party's
    members ("Democrats") are named by the party."""
    lower = speaker.lower()
    if " " in lower or not lower.endswith("s") or lower[:-1] in PARTY_MEMBERS:
        return False
    return lower in PERSON_ROLES or lower[:-1] in PERSON_ROLES


def _one_person(word: str) -> bool:
    """Whether a word heads a description of one person: a role or a member of a party."""
    return word.lower() in INDIVIDUAL_ROLES or word.lower() in PARTY_MEMBERS


def is_pronoun(speaker: str) -> bool:
    return speaker.lower() in PRONOUNS

_CAPITALISED = r"[A-Z](?:[a-z’']+|[a-z]*[A-Z][a-z’']+)(?:-[A-Z][a-z’']+)*"  # "Peskov", "McCain", "DeMint", "Ocasio-Cortez"

_RUN_WORD = r"(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr)\.|[A-Z][\w’'\-]*)"
_NAME_RUN = re.compile(_RUN_WORD + r"(?:\s+" + _RUN_WORD + r")*")
"""A run of capitalised words, to be cut after its titles ("Surfside Mayor Charles Burkett")."""
_FULL_NAME = re.compile(rf"\b{_CAPITALISED}(?:\s+(?:[A-Z]\.\s+)?{_CAPITALISED}){{1,2}}\b")


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every line of four or more words, nearly all capitalised (a headline)."""
    spans, start = [], 0
    for line in text.split("\n"):
        words = re.findall(r"[A-Za-z][\w’'\-]*", line)
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def person_names(text: str, common_words: frozenset[str] = frozenset()) -> list[str]:
    """Full names (two or three capitalised words) in order of first appearance, titles stripped.

    Lines in title case (headlines: "Piece Exploits Trump Supporters") are not read, and a leading
    word the article also writes in lower case ("Crowd Glenn Beck") is left out of a name.
    """
    found: dict[str, None] = {}
    headlines = _headline_lines(text)
    for run in _NAME_RUN.finditer(text):
        if any(lo <= run.start() < hi for lo, hi in headlines):
            continue
        words = run.group().split()
        roles = [i for i, w in enumerate(words) if _is_role(w) and i < len(words) - 2]
        words = words[roles[-1] + 1 :] if roles else words  # "U.S. District Judge Analisa Torres" -> "Analisa Torres"
        words = after_owner(words)  # "Tuesday’s Washington": an owner is no part of the name after it
        if any(w.endswith(("’s", "'s")) for w in words[:-1]):
            continue  # "Women’s Health Summit": a possessive kept in a name makes it no person's
        while words and (words[0] in NOT_NAME_START or (len(words) > 2 and words[0].lower() in common_words)):
            words.pop(0)
        if not _FULL_NAME.fullmatch(" ".join(words)):
            continue
        if len(words) >= 2 and not any(w.lower() in ROLE_WORDS or w.lower() in NOT_PERSON_WORDS for w in words):
            found.setdefault(" ".join(words), None)
    return list(found)

_APPOSITION = re.compile(
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]+){1,3}),\s+(?:(?:the|a|an)\s+)?(?P<role>[a-z][^,.;“\"]{2,80}?)[,.]"
    r"|\b(?:the|a|an)\s+(?P<role2>[^,.;“\"]{3,60}?),\s+(?P<name2>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]+){1,3})[,.]"
)


def appositions(text: str) -> dict[str, str]:
    """Role descriptions set beside a name ("Brad Woodhouse, a spokesman for the DNC") -> the name."""
    found: dict[str, str] = {}
    for match in _APPOSITION.finditer(text):
        name = match.group("name") or match.group("name2")
        role = (match.group("role") or match.group("role2")).lower().replace("’s", "")
        determiner = match.group().split(",")[1].split()[0].lower() in {"the", "a", "an"} if match.group("name") else True
        if not determiner and role.split()[0] not in PERSON_ROLES | ROLE_WORDS | {"former"}:
            continue  # "Dick Cheney, became ...": a verb, not a role
        if any(word in PERSON_ROLES for word in role.split()[:4]):
            found.setdefault(role, strip_title(name))
    return found


_PARTY_NAMES = {"republican": ("Republican|GOP", "R"), "democrat": ("Democrat|Democratic", "D")}
"""How an article names each of ``words.PARTY_MEMBERS`` beside a person: its words, and the letter
of a label ("R-Ky.")."""


@dataclass
class Resolver:
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
    text: str = ""
    """The article text, to see whom it gives a role as a title."""
    earlier: list[str] = field(default_factory=list)
    """The people named so far, in order: a pronoun that fits neither of the last two goes further back."""
    common_words: frozenset[str] = frozenset()
    """Words the article also writes in lower case: capitalised at a sentence start ("Officials",
    "Earlier"), they are not names."""

    def full_name(self, name: str) -> str:
        if " of " in name:  # "Charles E. Schumer of New York"; "Secretary of State Shirley Weber"
            person, _, place = name.partition(" of ")
            if self.is_person(person) or _TITLED_PERSON.match(person):
                return self.full_name(person)
            after = place.split()
            roles = [i for i, w in enumerate(after) if w.lower() in ROLE_WORDS]
            if roles and len(after) - roles[-1] > 2:
                return self.full_name(" ".join(after[roles[-1] + 1 :]))
        stripped = strip_title(name)
        words = stripped.split()
        roles = [i for i, w in enumerate(words) if _is_role(w) and i < len(words) - 2]
        if roles:  # "Surfside Mayor Charles Burkett" -> "Charles Burkett"
            words = words[roles[-1] + 1 :]
            stripped = " ".join(words)
        for k in range(1, len(words) - 1):  # "Weekly Standard Editor Bill Kristol" -> "Bill Kristol"
            if stripped in self.names and words[0].lower() not in PERSON_ROLES:
                break  # "Patrick De Haan", named in full, is not "De Haan" named alone later ("Activist Angela Davis" is)
            if words[k - 1] != "and" and " ".join(words[k:]) in self.names:  # not one of "Khizr and Ghazala Khan"
                return " ".join(words[k:])
        if len(words) == 2 and words[0].lower() in NAME_PARTICLES:  # "De Haan": the surname of "Patrick De Haan"
            return next((c for c in self.names if c.endswith(" " + stripped)), stripped)
        if " " in stripped or not stripped:
            return stripped
        for candidate in self.names:  # a surname: the first full name in the article that ends with it
            if candidate.split()[-1] == stripped:
                return candidate
        return stripped

    def is_person(self, name: str) -> bool:
        """Whether ``name`` is one person the article names (people named together are not one)."""
        return " and " not in name and self.full_name(name) in self.names

    def mentioned(self, masked: str, position: int) -> None:
        """Remember the first person a sentence names, for pronouns in the sentences after it."""
        if self.mention_pattern is None:
            return
        for mention in self.mention_pattern.finditer(masked):
            name = self.full_name(mention.group())
            if not self.earlier or self.earlier[-1] != name:
                self.earlier.append(name)
        if first := self.mention_pattern.search(masked):
            self.last_mention, self.last_mention_at = self.full_name(first.group()), position

    @functools.cached_property
    def mention_pattern(self) -> re.Pattern[str] | None:
        forms = {form for name in self.names for form in (name, name.split()[-1])}
        if not forms:
            return None
        return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b")

    def resolve(self, raw: str, before: str = "") -> str:
        """The speaker ``raw`` refers to; ``before`` is the sentence up to it (a name there wins for a pronoun).
        A mention ending in an abbreviation in parentheses that resolves to no one is read without it
        ("the U.S. Energy Information Administration (EIA)")."""
        resolved = self._resolve(raw, before)
        if not resolved and (bare := _ABBREVIATION_AFTER.sub("", raw)) != raw:
            return self._resolve(bare, before)
        return resolved

    def _resolve(self, raw: str, before: str) -> str:
        speaker = re.sub(r"^(?:acting|former|interim|deputy|retired)\s+(?=[A-Z])", "", " ".join(raw.split()).strip(" ,"))
        if is_pronoun(speaker):
            if speaker.lower() not in {"he", "she", "him", "her"}:
                return ""
            if self.mention_pattern is not None and (match := self.mention_pattern.search(before)):
                return self.full_name(match.group())
            female = speaker.lower() in {"she", "her"}
            order = [self.last_mention, self.last_person]
            if self.last_mention_at <= self.last_person_at:
                order.reverse()
            # "he" is not the woman named last ("She said ..." of Ivanka Trump; then "he said" of a spokesman)
            fitting = [name for name in order if name and _may_be(name, female)]
            if fitting:
                return fitting[0]
            return next((name for name in reversed(self.earlier) if _may_be(name, female)), "")
        if is_description(speaker) or (speaker[:1].islower() and not speaker.startswith("the ")):
            return self._description(speaker)  # "data compiled by the Gun Violence Archive"
        if _role_plural(speaker):
            return ""  # "Economists expected ...": unnamed sources, capitalised only to open the sentence
        if (joint := self._joint(speaker)) is not None:
            return joint
        name = self.full_name(speaker)
        titled_person = " " in name and name != re.sub(r"^[Tt]he\s+", "", speaker) and not is_organisation(name)
        if is_organisation(speaker) and not titled_person and (self.is_name(speaker) or _THE_INSTITUTION.fullmatch(speaker)):
            return re.sub(r"^[Tt]he\s+", "", speaker)  # "The Republican National Committee", "the Pentagon", "The House"
        return name if self.is_name(name) else ""  # "Senate Majority Leader Chuck Schumer": the person, not the Senate

    def _joint(self, speaker: str) -> str | None:
        """Several people named together ("Schumer and Pelosi", "Senate Minority Leader Chuck Schumer and
        House Speaker Nancy Pelosi"), each by the full name the article gives them: "Chuck Schumer and
        Nancy Pelosi", not one of them. None unless every part is a person the article names (not
        "Customs and Border Protection", "Johnson and Johnson", "the Institute for Science and
        International Security")."""
        parts = [part for part in _JOINED.split(speaker) if part]
        if len(parts) < 2 or not all(self.is_person(part) for part in parts):
            return None
        people = list(dict.fromkeys(self.full_name(part) for part in parts))
        return " and ".join(people) if len(people) == len(parts) else None

    def _party_member(self, key: str) -> str:
        """The person "the Kentucky Republican" (``key``: "kentucky republican") refers to: the one the
        article titles with all its words ("Kentucky Republican Rand Paul"), else the one person it
        quotes by name and writes beside the other words ("Sen. Rand Paul of Kentucky", ``_tied``), else the person quoted by
        name last ("House Speaker Paul Ryan says ... The Wisconsin Republican says"), else the only
        person quoted by name; "" when none. A party alone is no title of one person ("Republican
        Jeff Hoover" is not "the Arizona Republican"), and a person the article gives another party
        is not the member described ("Chuck Schumer, a New York Democrat" is no "Kentucky Republican")."""
        if " " in key and (titled := self.titled(key, whole=True)):
            return titled
        party = key.split()[-1]
        place = self._place(key.split()[:-1])
        tied = {name for name in self.persons if place is not None and self._tied(place, name)}
        if len(tied) == 1:
            (person,) = tied
            return person if self._parties_of(person) <= {party} else ""
        if self.is_person(self.last_speaker):
            return self.last_speaker if self._parties_of(self.last_speaker) <= {party} else ""
        only = self.persons[0] if len(self.persons) == 1 else ""
        return only if only and not self.titles_another(key, only) and self._parties_of(only) <= {party} else ""

    def _place(self, qualifiers: Sequence[str]) -> str | None:
        """The place of a description's qualifiers, as a pattern: the longest run of the last ones the
        article writes capitalised ("West Virginia" of "the moderate West Virginia Democrat", so that
        "West" alone, "in the West Wing", ties no one); None when it writes none so."""
        words = [re.escape(q.capitalize()) for q in qualifiers]
        runs = (r"\s+".join(words[i:]) for i in range(len(words)))
        return next((run for run in runs if re.search(rf"\b{run}\b", self.text)), None)

    def _tied(self, place: str, person: str) -> bool:
        """Whether the article writes ``person`` beside a description's ``place`` (``_place``) in one
        sentence ("Kentucky Sen. Rand Paul", "Rand Paul of Kentucky" for "the Kentucky Republican"), so
        that the description refers to them whoever was quoted last; the place before a party is a
        description of its own, not a tie ("... on Monday. The Kentucky Republican")."""
        surname = re.escape(person.split()[-1])
        qualifier = rf"\b{place}\b(?!\s+(?:\w+\s+){{0,2}}?{_PARTY_WORD})"
        return re.search(rf"{qualifier}{_SAME_SENTENCE}\b{surname}\b|\b{surname}\b{_SAME_SENTENCE}{qualifier}", self.text) is not None

    def _parties_of(self, person: str) -> set[str]:
        """The parties (``words.PARTY_MEMBERS``) the article gives ``person``: before the name
        ("Democrat Chuck Schumer", "Democratic Sen. Chuck Schumer"), in an apposition after it
        ("Chuck Schumer, a New York Democrat") or as a label ("Schumer (D-N.Y.)", "Schumer, R-Ky.")."""
        surname = re.escape(person.split()[-1])
        return {
            party for party, (words, letter) in _PARTY_NAMES.items()
            if re.search(rf"\b(?:{words})\s+(?:[A-Z][\w.’'\-]*\s+){{0,3}}{surname}\b"
                         rf"|\b{surname},\s+(?:a|an|the)\s+(?:[A-Z][\w.’'\-]*\s+){{0,3}}(?:{words})\b"
                         rf"|\b{surname}(?:\s*\(|,\s*){letter}-[A-Z]", self.text)
        }

    def titled(self, role: str, whole: bool = False) -> str:
        """The one person the article gives ``role`` as a title ("President Obama", "Republican nominee
        Donald Trump"), by the fullest form of the name; "" when none or several. Unless ``whole``,
        the role's last word alone is tried too ("the Manhattan jurist" as "Judge ...")."""
        found = set()
        phrases = (role,) if whole else (role, role.split()[-1], TITLE_OF_ROLE.get(role.split()[-1], role))
        for phrase in dict.fromkeys(phrases):
            pattern = rf"\b(?i:{re.escape(phrase)})\s+((?:[A-Z][\w’'\-]*\.?\s+){{0,2}}[A-Z][\w’'\-]+)\b(?!\.\s)"
            found = {self.full_name(match.group(1)) for match in re.finditer(pattern, self.text)}
            found = {name for name in found if self.is_name(name) and not is_organisation(name)}
            if found:
                break
        if len({name.split()[-1] for name in found}) > 1:  # "President Joe Biden" and "Russian President Vladimir Putin"
            quoted = {name.split()[-1] for name in self.persons}
            found = {name for name in found if name.split()[-1] in quoted}  # of them, the one the article quotes by name
        return max(found, key=len) if len({name.split()[-1] for name in found}) == 1 else ""

    def titles_another(self, role: str, person: str) -> bool:
        """Whether the article gives ``role`` as a title to someone other than ``person`` ("President
        Obama" when the only person quoted by full name is Donald J. Trump)."""
        surname = person.split()[-1]
        titled = re.finditer(rf"\b(?i:{re.escape(role)})\s+(?:[A-Z][\w.’'\-]*\s+){{0,2}}([A-Z][\w’'\-]+)\b(?!\.\s)", self.text)
        return any(match.group(1) != surname for match in titled)

    def is_name(self, name: str) -> bool:
        """Whether ``name`` names a person or an organisation: capitalised words ("Dmitry Peskov",
        "the Kremlin", "Customs and Border Protection", "CBP"), none of them a common word the
        article writes in lower case or a word that is never a name ("Earlier", "Critics",
        "There"); "data", "Republican officials" and "" are not names."""
        words = re.sub(r"^[Tt]he\s+", "", name).split()
        if not words or not words[0][0].isupper() or not words[-1][0].isupper():
            return False
        if any(not w[0].isupper() and w not in NAME_PARTICLES for w in words):
            return False
        if len(words) == 1:
            word = words[0].strip(".,").lower()
            return len(word) > 1 and words[0].strip(".,") not in NOT_NAME_START and not (
                word in self.common_words or word in NOT_A_NAME or word in PERSON_ROLES or word in ROLE_WORDS
                or word in SILENT_HEADS or word in PRONOUNS
            )
        return words[0] not in NOT_NAME_START

    def _description(self, description: str) -> str:
        words = description.lower().replace("’s", "").replace("'s", "").split()
        if not _POSSESSIVE_OWNER.match(description) and (organisation := organisation_in(description)):
            return organisation  # "the nonpartisan Commission on Presidential Debates", "a GAO report"
        if (author := _DOCUMENT_BY.search(description)) and head_noun(description) in DOCUMENT_HEADS | {"book", "excerpt"}:
            name = self.full_name(author.group(1))
            if self.is_name(name) and not is_organisation(name):
                return name  # "a book excerpt from reporter Bob Woodward"
        if (source := _GATHERED_BY.search(description)) and self.is_name(source.group(1)) and source.group(1).lower() not in MONTHS:
            return source.group(1)  # "outage figures reported by GasBuddy"
        if (body := _DOCUMENT_FROM_BODY.search(description)) and head_noun(description) in DOCUMENT_HEADS:
            owner = _POSSESSIVE_OWNER.match(body.group(1))
            if owner and self.is_name(owner.group(1)):
                return body.group(1)  # "A statement from Netanyahu’s office": the office, named by its owner
        last = description.split()[-1]
        if (
            words[0] in DETERMINERS and last[0].isupper() and not _QUALIFIED_BY_NAME.search(description)
            and self.mention_pattern and self.mention_pattern.fullmatch(last)
        ):  # "the moderate Manchin": a name with an epithet
            return self.full_name(last)
        if words[0] in INDEFINITE:
            return ""  # "a senior official": someone the article does not name, never the one it does
        key = " ".join(words[1:])
        for role, name in self.appositions.items():
            if key and (key == role or (len(key) > 8 and (f" {key} " in f" {role} " or f" {role} " in f" {key} "))):
                return name
        if words[-1] in PARTY_MEMBERS:  # a party is the head of too many appositions ("Jeff Hoover, a Republican")
            return self._party_member(key) if words[0] == "the" else ""
        same_head = {name for role, name in self.appositions.items() if head_noun("x " + role) == head_noun(description)}
        if len(same_head) == 1:  # "the president's budget director" and "Jack Lew, director of the OMB"
            return same_head.pop()
        if words[-1] in INDIVIDUAL_ROLES and len(self.persons) == 1 and not self.titles_another(words[-1], self.persons[0]):
            return self.persons[0]
        if words[0] == "the" and (words[-1] in INDIVIDUAL_ROLES or words[-1] in {"nominee", "candidate"}) and (titled := self.titled(key)):
            return titled  # "The president told ..." where the article writes "President Obama"
        owner = _POSSESSIVE_OWNER.match(description)
        if owner and self.is_name(owner.group(1)) and words[-1] in OWNED_BODIES:
            return description  # "Benjamin Netanyahu’s office": an organisation named by its owner
        if (origin := _ORIGIN_TAIL.search(description)) is not None:
            return self._description(description[: origin.start()])  # "The congresswoman from New York": "The congresswoman"
        return ""  # unresolved: the mention keeps the description

_QUALIFIED_BY_NAME = re.compile(r"\s(?:" + "|".join(sorted(PREPOSITIONS - {"from", "by"})) + r")\s")
"""A preposition before the name that ends a description: the name qualifies whom the description
names ("a spokesman for Donald Trump", "an aide to Trump"), who is not the one named; after "from"
or "by" the name is the source ("a statement from Pentagon spokesperson John Kirby")."""

_ABBREVIATION_AFTER = re.compile(r"\s+\([A-Z]{2,}\)$")
"""An abbreviation in parentheses after a name ("the Energy Information Administration (EIA)")."""

_PARTY_WORD = r"(?i:republican|democrat|democratic|gop)\b"

_SAME_SENTENCE = r"(?:(?![a-z]{3}[.!?]\s)[^\n]){0,40}?"
"""Up to 40 characters within one sentence: no full stop after a word ("Monday. The"), where an
abbreviation's may stand ("Kentucky Sen. Rand Paul")."""

_JOINED = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
"""What joins the names of several speakers ("Schumer, Pelosi and Durbin")."""

_CAPITALISED_RUN = re.compile(r"[A-Z][\w.’'\-]*(?:\s+(?:(?:of|and|for|the|on|at)\s+)*[A-Z][\w.’'\-]*)*")


def is_organisation(name: str) -> bool:
    """Whether capitalised words name an institution ("Commission on Presidential Debates", "Fox News",
    "Centers for Disease Control", "the White House")."""
    words = [w.lower().strip(".,") for w in re.split(r"[\s\-]+", name)]
    return any(w in INSTITUTION_WORDS or (w.endswith("s") and w[:-1] in INSTITUTION_WORDS) for w in words) or bool(
        _INSTITUTION_NAME.fullmatch(name)
    )


_THE_INSTITUTION = re.compile(r"[Tt]he\s+(?:U\.S\.\s+)?[A-Z][a-z]+(?:\s+of\s+[A-Z][a-z]+)?")
"""An institution named by its one word after "the" ("The House", "the Senate", "The U.S. House of
Representatives"), a word the article may also write as a title ("House Speaker")."""

_INSTITUTION_NAME = re.compile(r"(?:[Tt]he\s+)?White\s+House")
"""Institutions named with words that are otherwise titles ("White House press secretary")."""

_GATHERED_BY = re.compile(
    r"\b(?:" + "|".join(sorted(DOCUMENT_HEADS | EVIDENCE_HEADS)) + r")\s+(?:reported|compiled|gathered|collected|released"
    r"|published|prepared)\s+by\s+(?:the\s+)?([A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,4})$"
)
"""The source that gathered figures or a document, named after it ("outage figures reported by GasBuddy")."""

_DOCUMENT_BY = re.compile(r"\b(?:by|from)\s+(?:[a-z]+\s+){0,2}((?:[A-Z][\w’'\-]*\.?\s+){1,3}[A-Z][\w’'\-]+)$")
"""The author a document is from ("a book excerpt from reporter Bob Woodward")."""

_ORIGIN_TAIL = re.compile(r"\s+(?:in|from)\s+(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+(?:of\s+)?[A-Z][\w.’'\-]*){0,3}$")
"""The place or body a description comes from, after it ("The congresswoman from New York"): tried
without it when the whole resolves to no one."""

_DOCUMENT_FROM_BODY = re.compile(
    r"\b(?:by|from|of)\s+((?:[A-Z][\w’'\-]*\.?\s+){0,3}[A-Z][\w’'\-]*[’']s\s+(?:" + "|".join(sorted(OWNED_BODIES)) + r"))$"
)
"""The body of a named owner a document is from ("A statement from Netanyahu’s office")."""

_TITLED_PERSON = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+[A-Z]")


_POSSESSIVE_END = re.compile(r"[’']s(?=\s|$)|(?<=s)[’'](?=\s|$)")
"""The possessive that ends an owner's name ("the CDC’s", "the Bureau of Labor Statistics'")."""


def _document_owner(run: str) -> str:
    """The owner in a run of capitalised words that names something it owns, when what it owns is no
    body of its own ("CDC’s" data, "Bureau of Labor Statistics' Job Openings Survey"): the owner
    speaks through it. A body it owns ("the FDA's Advisory Committee") or a possessive inside a name
    ("People’s Bank of China") keeps the whole run."""
    owner, *possession = _POSSESSIVE_END.split(run, maxsplit=1)
    return owner if possession and not is_organisation(possession[0].strip()) else run


def organisation_in(description: str) -> str:
    """The organisation a description names when it is the organisation or a document of it ("the
    nonpartisan Commission on Presidential Debates"; "A Government Accountability Office report" ->
    "Government Accountability Office"; "a study by Harvard University"), or "". A person of an
    organisation ("a senior White House official", "the GOP chairman") is not the organisation."""
    head = head_noun(description)
    documented = any(w.strip(".,") in DOCUMENT_HEADS for w in description.lower().split())
    for run in _CAPITALISED_RUN.findall(description):
        run = _document_owner(re.sub(r"^(?:The|A|An)\s+", "", run))
        words = run.split()
        cut = next((i for i, w in enumerate(words) if i and w in NOT_NAME_START), len(words))
        while cut > 1 and words[cut - 1].lower() in NAME_PARTICLES:
            cut -= 1  # "United Nations on Monday" -> "United Nations"
        run = " ".join(words[:cut])
        if not documented and head not in run.lower().split():
            continue
        if (len(run.split()) > 1 and is_organisation(run)) or (run.isupper() and len(run) > 1):
            return run
    return ""

_POSSESSIVE_OWNER = re.compile(
    r"^(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)[’']s\b)"
    r"([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*)[’']s\s+[a-z]"
)
"""An owner opening a description ("Benjamin Netanyahu’s office"); a day is none ("Friday’s report
from the Labor Department": the report is the department's)."""


def _may_be(name: str, female: bool) -> bool:
    """Whether ``he`` (or ``she`` when ``female``) may refer to ``name``: not when its first name is
    one given almost only to the other sex; unknown first names fit both. Several people named
    together ("Ted Cruz and Marco Rubio") are no "he"."""
    first = name.split()[0].lower() if " " in name else ""
    return " and " not in name and first not in (MALE_FIRST_NAMES if female else FEMALE_FIRST_NAMES)


def head_noun(description: str) -> str:
    """The head noun of a description: the word before its first preposition, else its last word."""
    words = description.lower().replace("’s", "").replace("'s", "").split()
    return next((words[i - 1] for i, w in enumerate(words) if i and w in PREPOSITIONS), words[-1])


def _name_key(name: str) -> tuple[str, str] | None:
    """(first name in full form, surname) of a person's name, middle names, initials, titles and
    suffixes left out; None for one word or a name with lower-case words (an organisation)."""
    words = [w for w in strip_title(name).split() if w.lower().strip(",") not in NAME_SUFFIXES]
    if len(words) < 2 or any(not w[0].isupper() for w in words):
        return None
    first = words[0].lower().rstrip(".")
    return NICKNAMES.get(first, first), words[-1].lower()


def _same_first_name(a: str, b: str) -> bool:
    """Whether two first names can be one person's: equal, or one the other's initial ("P." / "Paul")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def speaker_identities(speakers: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Each speaker name of a story -> (the name shown for that person, an id), one per person.

    Full names with one surname and first names that can be one person's ("Paul LePage" / "Paul R.
    LePage", "Mike Elliott" / "Michael Elliott", "P. LePage") are one person, shown by the form used
    most (on a tie, the one of fewest words spelled out longest); a surname alone ("LePage") joins the one person with that surname,
    and stays apart when there are several. Organisations ("the Kremlin") are one by their words.
    The id is the shown name in lower case with hyphens, numbered when two people share it.
    """
    counts = Counter(s for s in speakers if s)
    people: list[list[str]] = []  # each: the name variants of one person
    keys: list[tuple[str, str]] = []
    singles = []
    for name in sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n)):
        key = _name_key(name)
        if key is None:
            singles.append(name)
            continue
        for index, (first, last) in enumerate(keys):
            if last == key[1] and _same_first_name(first, key[0]):
                people[index].append(name)
                break
        else:
            people.append([name])
            keys.append(key)
    for name in singles:
        surname = strip_title(name).split()[-1].lower() if strip_title(name) else ""
        matches = [i for i, (_, last) in enumerate(keys) if last == surname and len(strip_title(name).split()) == 1]
        if len(matches) == 1:
            people[matches[0]].append(name)
        else:
            organisation = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).lower()
            same = next((group for group in people if re.sub(r"^the\s+", "", group[0], flags=re.IGNORECASE).lower() == organisation), None)
            if same is not None:
                same.append(name)
            else:
                people.append([name])
    identities: dict[str, tuple[str, str]] = {}
    used: Counter[str] = Counter()
    for variants in people:
        full = [v for v in variants if _name_key(v) is not None] or variants
        shown = min(full, key=lambda v: (-counts[v], len(v.split()), -len(v), v))  # most used, else fullest
        slug = re.sub(r"[^a-z0-9]+", "-", shown.lower()).strip("-") or "speaker"
        used[slug] += 1
        identity = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
        for variant in variants:
            identities[variant] = (shown, identity)
    return identities


def unify_speakers(quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """The quotes of a story with one name and one ``speaker_id`` per person (``speaker_identities``)."""
    identities = speaker_identities(q.speaker for q in quotes)
    return tuple(
        dataclasses.replace(q, speaker=identities[q.speaker][0], speaker_id=identities[q.speaker][1]) if q.speaker else q
        for q in quotes
    )
