"""Attributions read from sentences: the speaker mention, the cue and the content of each quotation."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsprism.analysis.quotes.marks import (
    MASK,
    WORD,
    QuotedSpan,
    is_title,
    mask,
    quoted_spans,
    trim,
)
from newsprism.analysis.quotes.patterns import (
    ACCORDING,
    AFTER_PREPOSITION,
    AFTER_QUOTE,
    ASKED,
    AUX,
    BELIEF,
    BELIEF_CLAUSE,
    BYLINE,
    CLAUSE_START,
    CLAUSE_SUBJECT,
    COMMON_HEAD,
    COORDINATED,
    CUE_OF,
    DATELINE_AFTER,
    DESCRIPTION,
    DOCUMENT_PARTICIPLE,
    FINITE_CLAUSE,
    FRONTED_PARTICIPLE,
    FUNCTION_WORDS,
    GOES_ON,
    GROUP_SPEAKER,
    IN_SOURCE,
    LABEL,
    LABEL_WORDS,
    LATER_CLAUSE_END,
    LATER_STANCE,
    LEAD_BEFORE_SUBJECT,
    LEAD_IN,
    LEAD_VERB,
    LEAD_WORD,
    LOOSE_STANCE,
    MAY_MATCH,
    NAME,
    OPEN_APPOSITION,
    OPENING_DESCRIPTION,
    PARTICIPLE,
    PARTY_LABEL,
    PERSON_TITLE,
    PLACE_TAIL,
    PROMPTED,
    PRONOUN,
    QUOTED_AS,
    REDUCED_PARTICIPLE,
    RELATIVE_STANCE,
    ROLE_BEFORE,
    SHARE_SPEAKER,
    SOURCELESS,
    SPEAKER_STANCE,
    SPEAKER_VERB,
    STANCE_PARTICIPLE,
    TELL_OBJECT,
    TIME_AFTER,
    VERB_SPEAKER,
    VERB_WORDS,
    WH_CLAUSE,
    WHO,
    any_verb,
)
from newsprism.analysis.quotes.settings import QuoteSettings
from newsprism.analysis.quotes.speakers import (
    Resolver,
    appositions,
    head_noun,
    is_description,
    is_pronoun,
    person_names,
)
from newsprism.analysis.quotes.words import (
    ACTED_ON_HEADS,
    BARE_CLAUSE_VERBS,
    BELIEF_VERBS,
    DETERMINERS,
    EVIDENCE_HEADS,
    EVIDENCE_VERBS,
    GLOSS_EVENTS,
    NEEDS_THAT,
    NOT_NAME_START,
    OWNED_BODIES,
    PERSON_ROLES,
    PLURAL_SPEECH_NOUNS,
    RECORDING_HEADS,
    REPLY_VERBS,
    RESULT_PARTICIPLES,
    RESULT_PHRASES,
    SILENT_HEADS,
    SOURCELESS_CUES,
    SPEECH_VERBS,
    STANCE_FALLBACK,
    STANCE_NOUNS,
    STANCE_VERBS,
    TELL_VERBS,
    TITLES,
)
from newsprism.model import Article, Mention, Quote, Sentence
from newsprism.text.words import MONTHS

log = logging.getLogger(__name__)

SPEECH_WORDS = frozenset(SPEECH_VERBS)


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: str
    verb: str
    start: int  # of the attribution (speaker and verb), sentence-relative
    end: int
    apposed: bool = False  # "Another figure, Dan Senor, told ...": what comes before is not speech
    mention: tuple[int, int] | None = None  # the words naming the speaker, sentence-relative
    evidence: bool = False  # "the poll showed Clinton ahead": a finding, reported without "that"
    inverted: bool = False  # "..., said Ray Jadallah, chief of ...": what was said comes before the verb
    stance: int | None = None  # where the verb of a stance starts ("Ryan endorsed Trump"): its words start there
    cue: str = ""  # the cue when it is more than the verb read ("quoted ... as saying"); else the verb
    until: int | None = None  # where what was said ends when a clause follows it ("Having announced that ..., X")


_RECORDING_OF = re.compile(r"\b(?i:" + "|".join(sorted(RECORDING_HEADS)) + r")\s+of\s+$")
"""A recording and "of" before a description: what the recording shows, no subject ("A video of the episode shows")."""


def _can_speak(speaker: str, before: str = "") -> bool:
    """A name, a pronoun, or a description of someone or something that speaks (see ``PERSON_ROLES``).

    ``before`` is the text before the speaker: a name right after a preposition ("contact with
    Steele told") is an object, not the speaker.
    """
    if not speaker or MASK * 2 in speaker or speaker.endswith(("’s", "'s")):
        return False
    if head_noun(speaker) in RECORDING_HEADS or _RECORDING_OF.search(before):
        return False  # "The footage showed ...", "A video of the episode shows": what was caught on camera, no one's statement
    if len(speaker.split()) > 1 and speaker.split()[-1].lower() in FUNCTION_WORDS:
        return False  # "the objection of prosecutors who": a clause, not a speaker
    if is_pronoun(speaker) or GROUP_SPEAKER.fullmatch(speaker) or SHARE_SPEAKER.fullmatch(speaker):
        return True
    if not is_description(speaker):
        speaker = re.sub(r"^(?:acting|former|interim|deputy|retired|[Tt]he)\s+", "", speaker)
        first = speaker.split()[0].rstrip(".,")
        return (
            speaker[0].isupper()
            and len(speaker.strip(".")) > 1
            and speaker.rstrip(".") not in TITLES
            and first not in NOT_NAME_START
            and not PARTY_LABEL.match(speaker)
            and not AFTER_PREPOSITION.search(before)
        )
    words = speaker.split()
    head = head_noun(speaker)
    return len(words) > 1 and (
        head in PERSON_ROLES
        or any(w[0].isupper() and w.lower() == head for w in words[1:])
        or (COMMON_HEAD.fullmatch(head) is not None and head not in SILENT_HEADS and head not in DETERMINERS)
    )


_ING_PERSONS = frozenset("sibling underling offspring darling".split())


def _event_head(speaker: str) -> bool:
    """Whether an article and one word in -ing name an event, which takes no stance ("The panic-buying
    threatens to exacerbate the supply shock", "The fighting threatens"); a thing acted on or a person
    is none ("The filing claims", "a sibling"). Stances only: a verb of speech after such words is read
    as before."""
    words = speaker.lower().split()
    if len(words) != 2 or words[0] not in ("the", "a", "an"):
        return False
    head = words[1]
    return len(head) > 5 and head.endswith("ing") and head not in _ING_PERSONS and head not in ACTED_ON_HEADS


def _reads_inverted(subject: _Attribution, inverted: str) -> bool:
    """Whether "..., said NAME" beats the subject read before the same verb: a name after the verb
    against a description with a clause before it ("the northeast section ... had collapsed, said
    Ray Jadallah")."""
    return subject.apposed and is_description(subject.speaker) and not is_description(inverted) and not is_pronoun(inverted)


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``pattern``, also those that start inside a longer match ("On Tuesday, the
    company said": the match from "On" swallows the one from "the")."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        position = match.start() + 1


def _attribution(masked: str, stances: bool = True) -> _Attribution | None:
    """The speaker and verb of a sentence, read outside its quotations.

    Of several, the first in the sentence: the main clause's ("He said her family asked ...").
    With ``stances``, a sentence without speech may attribute a stance ("Ryan endorsed Trump").
    """
    found = _speech(_without_dash_apposition(masked), stances)
    if found is None and stances:
        found = _stance(masked) or _participle(masked) or _loose_stance(masked)
    return found


_DASH_APPOSITION = re.compile(r"(?<=\w)\s*[—–]\s*(?P<aside>(?:a|an|the|his|her|its|their)\s[^—–]{1,160}?)[—–]\s*(?=[a-z])")
"""An apposition between dashes after a noun, its verb after it ("a committee for the mayor—a lawyer
who served two terms—released a statement saying")."""


def _without_dash_apposition(masked: str) -> str:
    """The sentence with its appositions between dashes blanked, the offsets kept: the speaker is the
    noun before the apposition, not a description in it, and no verb of the apposition is the
    speaker's. An aside holding a quotation stays, and so does one whose own subject speaks ("The
    bill—the senator said he expected it to pass—was signed"): it is the sentence's attribution."""
    return _DASH_APPOSITION.sub(lambda m: m.group() if _keeps_aside(m.group("aside")) else " " * len(m.group()), masked)


def _keeps_aside(aside: str) -> bool:
    """Whether an aside between dashes is to be read: it holds a quotation, or its opening words are
    the subject of a verb of speech ("the mayor said", not "a lawyer who said he would run")."""
    if MASK in aside:
        return True
    said = _speech(aside, stances=False)
    return said is not None and said.mention is not None and said.mention[0] == 0


_NOT_OBJECT = re.compile(r"\s+(?:by|from|of)\b")
_ADVERB_START = re.compile(r"^\w+(?:ly|ing)\b")

_LOOSE_MIDDLE = re.compile(r"\s*[,(]|\s+(?:of|for|at|in|from|with|on|and|close\s+to)\b")
"""What may stand between the loose subject and its verb: an apposition, a parenthesis, a relative
clause or a phrase after a preposition ("Toomey and Sen. Kelly Ayotte (R-N.H.), who ..., endorsed")."""

_COORDINATION = re.compile(r"\b(?:and|but)(?:\s+(?:then|also|later|now|has|have|had|is|was|will|would))*\s*$")
"""A second verb of the same subject ("Reid caucused in Nevada on Saturday and says he voted ...")."""

_LOOSE_MIDDLE_STOPS = re.compile(r"\b(?:that|which|whom|whose|to|was|were|is|are|been|being|be|by|as)\s*$|[“\"]")


def _loose_stance(masked: str) -> _Attribution | None:
    """A stance whose subject opens the sentence with words between them (``patterns.LOOSE_STANCE``)."""
    match = LOOSE_STANCE.search(masked)
    if match is None or MASK in (middle := match.group("middle") or ""):
        return None
    if middle and not _LOOSE_MIDDLE.match(middle) and not _COORDINATION.search(middle):
        return None  # "The Republican front-runner has already won ... and wants": another verb's subject
    speaker = _clean_description(match.group("speaker"))
    before = masked[: match.start("verb")]
    if not _can_speak(speaker) or _event_head(speaker) or _LOOSE_MIDDLE_STOPS.search(before.rstrip()) or _BE_BEFORE.search(before):
        return None  # "The plan that was approved", "the list compiled by": the verb is not the subject's
    verb = match.group("verb")
    before_verb = match.end("middle") if match.group("middle") else match.end("speaker")
    if not masked[before_verb : match.start("verb")].strip() and (
        _plural_noun(masked, *match.span("verb")) or (not middle and _owned(speaker.split()) and _noun_after_singular(speaker, verb))
    ):
        return None  # "Budget talks broke down on Friday", "Obama's original pledge to ...": the form is a noun of the subject
    if verb in STANCE_NOUNS or verb.endswith("ing") or _NOT_OBJECT.match(masked, match.end("verb")):
        return None  # "a harsh attack on", "saying": no finite verb of the subject; "support from": a noun
    if _state(masked, verb, match.end("verb")):
        return None
    if _ADVERB_START.match(speaker):
        return None  # "Specifically, ...", "Repeating ...": no subject
    at = match.start("speaker") + match.group("speaker").rfind(speaker)
    return _Attribution(speaker, verb, at, match.end(), mention=(at, at + len(speaker)), stance=match.start("verb"))


def _participle(masked: str) -> _Attribution | None:
    """A participle of stance after the clause's subject ("Hillary Clinton set out ..., hoping to ...")."""
    participle = STANCE_PARTICIPLE.search(masked)
    if participle is None:
        return None
    subjects = [
        m for m in CLAUSE_SUBJECT.finditer(masked, 0, participle.start())
        if _can_speak(m.group("speaker"), masked[: m.start("speaker")])
    ]
    if not subjects:
        return None
    return _Attribution(
        subjects[-1].group("speaker"), participle.group("verb"), subjects[-1].start("speaker"), participle.end(),
        mention=subjects[-1].span("speaker"), stance=participle.start("verb"),
    )


_KNOWS_OF = re.compile(r"\b(?:close\s+to|familiar\s+with|knowledge\s+of|briefed\s+on)\s+$")
"""Before a description that is not the subject ("some close to the GOP chairman say")."""

_SINGULAR_DETERMINERS = frozenset("a an the this that his her its".split())


def _noun_after_singular(speaker: str, verb: str) -> bool:
    """Whether a verb form after a singular description cannot be its finite verb: a singular subject
    takes "claims" or "claimed", never "claim" or "warning" without an auxiliary; so does one after an
    owner ("President Biden's joint address to Congress": "address" is a noun)."""
    words = speaker.split()
    singular = words[0].lower() in _SINGULAR_DETERMINERS or _owned(words)
    if len(words) < 2 or not singular or words[-1].lower().endswith("s"):
        return False
    finite = (verb.endswith("s") and not verb.endswith("ss")) or verb.endswith("ed") or verb in _IRREGULAR_PAST
    return verb.endswith("ing") or not finite  # "address", "discuss": base forms in -s


_POSSESSIVE = re.compile(r"[’']s$")


def _noun_of_owner(speaker: str, verb: str) -> bool:
    """Whether a form in -s that is as often a plural noun (``PLURAL_SPEECH_NOUNS``), after an owner
    and up to three words in lower case, none of them a head that can speak, is the owner's noun
    ("Trump’s false claims that ...", "Trump’s stolen election claims and ..."); after a head that
    can speak it is that head's verb ("Trump’s lawyer claims")."""
    words = speaker.split()
    owner = next((i for i in range(len(words) - 1, -1, -1) if _POSSESSIVE.search(words[i])), None)
    if owner is None or verb not in PLURAL_SPEECH_NOUNS or not 1 <= len(words) - owner - 1 <= 3:
        return False
    between = words[owner + 1 :]
    return all(w.islower() for w in between) and head_noun(" ".join(between)) not in PERSON_ROLES | OWNED_BODIES

_CONTRACTED = frozenset("he she it that there what who here where let".split())
"""Words whose "’s" is "is" or "us" ("He’s not saying", "It's a strategy"), no owner."""


def _owned(words: Sequence[str]) -> bool:
    """Whether a speaker is a short noun phrase after its owner that opens it ("President Biden's joint",
    "Obama's original"; not "Critics of Biden’s first", "Trump's campaign released a statement", nor
    one with an auxiliary in it)."""
    owner = next((i for i, w in enumerate(words[:-1]) if _POSSESSIVE.search(w)), None)
    return (
        owner is not None and len(words) - owner <= 3 and all(w[0].isupper() for w in words[:owner])
        and _POSSESSIVE.sub("", words[owner]).lower() not in _CONTRACTED
        and _FINITE.search(" ".join(words[owner + 1 :])) is None  # "Mr. Trump's children would": the verb follows
    )

_IRREGULAR_PAST = frozenset("sought told said thought felt knew saw found made gave wrote spoke".split())

_FINITE_AFTER = re.compile(
    r"(?:\s+|\s*[—–]\s*)(?:(?:is|are|was|were|will|would|have|has|had|could|can|should|may|might|must|did|do|does)\b"
    r"|(?:[a-z]+ed|broke|fell|rose|sank|slid|held|began|went|came|ran|took|stood|grew|got|hit|stalled|ended)"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:down|up|off|out|on|in|at|for|to|with|over|after|before|again|amid|as|and|but|when|because"
    r"|the|a|an|this|last|late|early|yesterday|today|[a-z]+ly|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\s+(?:about\s+|by\s+|nearly\s+|almost\s+)?[$€£]?\d))"
)
"""A finite verb right after a form in -s, or after the dash that closes an aside: an auxiliary, or a
past form followed by no noun ("talks broke down on Friday", "plans called for", "talks collapsed.",
"claims rose 5 percent"), where a participle before a noun is an adjective ("backs renewed talks"):
the form in -s is then a plural noun, the head of the subject."""


_ASIDE_AFTER = re.compile(r"\s*[—–]\s*[^—–]+(?=[—–])")
"""An aside between dashes after a noun ("Continuing claims—which get reported with a week’s delay—fell")."""


def _plural_noun(masked: str, start: int, end: int) -> bool:
    """Whether the form of stance or speech at ``start:end``, right after its subject, is a plural noun
    heading the subject with a finite verb after it, or after an aside between dashes
    (``_FINITE_AFTER``: "Budget talks broke down", "Weekly claims fell to 400,000")."""
    aside = _ASIDE_AFTER.match(masked, end)
    return masked[start:end].endswith("s") and _FINITE_AFTER.match(masked, aside.end() if aside else end) is not None

_AGREES_WITH_ONE = re.compile(r"(?:\s+|\s*[—–]\s*)(?:is|was|has|had|will|would|can|could|should|may|might|must|does|did|do)\b")


def _series(masked: str, speaker: str, at: int, start: int, end: int) -> bool:
    """Whether a verb form in -s (``start:end``) right after its subject (at ``at``) is a plural noun
    the subject qualifies, with its own verb after it ("Weekly claims are down", "Jobless claims rose 5
    percent", "Jobless claims can be volatile"): a data series, not a statement. Inside a sentence, a
    verb after it that agrees with one, or a modal, leaves the form a verb of a relative clause
    ("which Clinton hopes can help", "which the OECD says had the highest wage floors"); after a
    pronoun it is always a verb ("the rules he says are unfair")."""
    if is_pronoun(speaker) or not _plural_noun(masked, start, end):
        return False
    aside = _ASIDE_AFTER.match(masked, end)
    opens = LEAD_BEFORE_SUBJECT.fullmatch(masked, 0, at) is not None
    return opens or _AGREES_WITH_ONE.match(masked, aside.end() if aside else end) is None


def _participle_after_that(match: re.Match[str]) -> bool:
    """Whether the verb after a relative clause with "that" (``patterns.ASIDE``) is a participle, no
    verb of the subject ("online postings that included one saying that ...")."""
    return match.groupdict().get("that") is not None and match.group("verb").endswith("ing")


_RELATIVE_APPOSED = re.compile(r",\s*who\s+[^,]+,$")

_NOT_IN_SPEAKER = frozenset("was were is are be been being has have had to what which who that when if".split())


def _stance(masked: str) -> _Attribution | None:
    """The first speaker and verb of stance of a sentence ("Ryan endorsed Trump", "He declined to comment")."""
    if not MAY_MATCH[SPEAKER_STANCE](masked):
        return None
    for match in _matches(SPEAKER_STANCE, masked):
        raw = match.group("speaker")
        speaker = _clean_description(LEAD_WORD.sub("", raw))
        apposed = match.group("apposed")
        if not _can_speak(speaker, masked[: match.start("speaker")]) or (apposed and not _RELATIVE_APPOSED.match(apposed)):
            continue  # "Clinton, Sanders and Trump": a list, not one speaker; "Stevens, who served ...,": a relative clause
        if _event_head(speaker):
            continue  # "The panic-buying threatens to ...": an event, no one's stance
        if (
            not _NOT_IN_SPEAKER.isdisjoint(speaker.lower().split()) or _NOT_OBJECT.match(masked, match.end("verb"))
            or _state(masked, match.group("verb"), match.end("verb"))
        ):
            continue  # "The plan was ultimately approved": a passive, not a speaker; "calls from": a noun; "finds itself"
        verb = match.group("verb")
        auxiliary = masked[match.end("speaker") : match.start("verb")].strip()
        if _BE_AUXILIARY.search(auxiliary) and verb.endswith("ed"):
            continue  # "The plan was ultimately approved by the council": a passive, its subject no speaker
        if verb in STANCE_NOUNS and not auxiliary and is_description(speaker) and not GROUP_SPEAKER.fullmatch(speaker):
            continue  # "a harsh attack on", "the call-in show": a noun after a description, not its verb
        if not auxiliary and _noun_after_singular(speaker, verb):
            continue  # "a shocking claim", "a clear warning to Tehran": a noun, not the description's verb
        if not auxiliary and _plural_noun(masked, match.start("verb"), match.end("verb")):
            continue  # "Budget talks broke down on Friday": a plural noun before its verb, not "Budget"'s stance
        at = match.start("speaker") + raw.rfind(speaker)
        speaker = _with_origin(masked, match, at, speaker)
        if relative := _RELATIVE_BEFORE.search(masked, 0, match.start("verb")):
            at, speaker = relative.start(1), relative.group(1)  # "donors who back Mr. Cruz": the mention is "who"
        negated = _NEGATION.search(masked, match.end("speaker"), match.start("verb"))
        stance = negated.start() if negated else match.start("verb")
        return _Attribution(
            speaker, match.group("verb"), match.start(), match.end(), mention=(at, at + len(speaker)),
            stance=stance, cue=masked[stance : match.end("verb")] if negated else "",  # as written: the words start with it
        )
    return None


_NEGATION = re.compile(
    r"\b(?:(?:did|does|do|has|have|had|is|are|was|were|will|would|could|should|can|may|might|must)\s+)?(?:not|never)\b"
    r"|\b\w+n[’']t\b"
)
"""A negation among the auxiliaries of a stance ("Authorities did not immediately offer details"): the
stance's words start there, so that no record reads as its opposite ("offer details")."""

_BE_AUXILIARY = re.compile(r"\b(?:was|were|been|being|is|are|be|am)\b")
"""A form of "be" among the auxiliaries before a participle: the verb is passive."""

_RELATIVE_BEFORE = re.compile(r"\b(who|which)\s+(?:(?:has|have|had|is|are|was|were|will|would|also|not|never|long|once|still)\s+)*$")


_DOCUMENT_TAIL = re.compile(rf"\s+{DOCUMENT_PARTICIPLE}\s+(?:by|from)\s+.*$")

_WHAT_BEFORE = re.compile(r"\b(?:[Ww]hat|[Ww]hatever)\s+$")

_PASSIVE_VERBS = frozenset(
    "told asked urged warned reported stated found discovered learned estimated indicated recognized known assumed".split()
)
"""Verbs whose form after "was", "has been" is a passive: the subject is what was found, not who found it
("John McAfee has been found dead", "... was discovered at the Brians 2 penitentiary")."""
_REPLY_OBJECT = re.compile(r"\s+(?:the|a|an|his|her|their|its|this|that\s+(?:question|charge|call)|questions?|reporters|him|them|it)\b")
"""An object right after a verb of reply ("answered the question", "answered questions"): an act, not
what was said."""

_REFLEXIVE = re.compile(r"\s+(?:him|her|them|it|our|my|your|one)sel(?:f|ves)\b")
"""A reflexive object after a verb of belief: the subject's state, no belief ("found himself embroiled in a
heated back-and-forth", "finds itself in a bind")."""

_ITSELF = re.compile(r"\s+itself\b(?!\s+(?:as|from|against|to)\b)")
""""itself" after a verb: a thing that shows ("asserts itself"), not one who speaks; with what follows it,
a stance or a description ("distanced itself from the remarks", "described itself as")."""


def _state(masked: str, verb: str, end: int) -> bool:
    """Whether a verb of belief ending at ``end`` has a reflexive object (``_REFLEXIVE``), or any verb
    "itself" (``_ITSELF``): a state or what a thing does, no one's belief or words."""
    return (verb in BELIEF and _REFLEXIVE.match(masked, end) is not None) or _ITSELF.match(masked, end) is not None


_ATTRIBUTING = "|".join(sorted(map(re.escape, {*SPEECH_VERBS, *BELIEF_VERBS, *STANCE_VERBS}), key=len, reverse=True))

_NO_OBJECT = re.compile(
    r"\s*(?:,(?![^,]{1,60},\s*that\b)|[.;:)—–]|$)|\s+(?:and|or|but)\b(?!\s+(?:" + _ATTRIBUTING + r")\b)"
)
"""Nothing after a verb of belief but the clause's end or a conjunction: its object is the noun before its
subject ("well below the nearly 1 million jobs economists expected and a sharp contrast to ..."), no
belief of the words that follow; an aside before "that" is no end ("They argue, for example, that ..."),
nor a conjunction before another verb of the subject ("Voters believed or hoped the war would end")."""

_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|am)\s+(?:\w+ly\s+|not\s+)?$")


def _speech(masked: str, stances: bool) -> _Attribution | None:
    """The first speaker and verb of speech or belief of a sentence (see ``_attribution``)."""
    if (fronted := FRONTED_PARTICIPLE.match(masked)) is not None:
        reading = _fronted(masked, fronted)
        comma = reading.until if reading is not None else masked.find(",", fronted.end())
        if comma is None or comma < 0:
            return reading
        # "Having said that, Smith told reporters that ...": the main clause's own verb of speech is the
        # sentence's attribution (read with the participle clause blanked, the offsets kept)
        main = _speech(" " * (comma + 1) + masked[comma + 1 :], stances)
        if main is None or reading is None:
            return main or reading
        if fronted.group("present"):  # "Saying the talks had failed, she urged calm": what the participle says,
            # unless the main clause says more ("Arguing the case, the lawyer said the evidence was thin")
            return main if main.stance is None and len(WORD.findall(masked, main.end)) >= 4 else reading
        return main if main.stance is None else reading
    candidates: list[_Attribution] = []
    seen_verbs: dict[int, int] = {}  # verb position -> its candidate
    for pattern in (QUOTED_AS, SPEAKER_VERB, VERB_SPEAKER, ACCORDING, GOES_ON, LABEL, BYLINE, AFTER_QUOTE, WHO, PROMPTED):
        if not MAY_MATCH[pattern](masked):
            continue  # a cheap test first: most sentences hold no cue of most patterns
        for match in _matches(pattern, masked):
            group = next(
                g for g in ("speaker", "short", "speaker2", "speaker3", "label", "byline", "speaker4", "speaker5", "who")
                if match.groupdict().get(g) is not None
            )
            if group == "label" and match.group(group).lower() in LABEL_WORDS:
                continue
            if pattern is VERB_SPEAKER and match.group("verb") in TELL_VERBS:
                continue  # "..., told The Huffington Post": after the verb, whom it was told
            raw = match.group(group)
            if group == "who":  # resolve the name before "who"; the mention stays "who"
                if match.group("verb6") in BELIEF and not BELIEF_CLAUSE[match.group("verb6") in BARE_CLAUSE_VERBS].match(
                    masked, match.end("verb6")
                ):
                    continue  # "chief of staff, who knew about the account": knowing a thing is no speech
                at = match.start("who")
                if match.group("plural"):  # "prosecutors who said": the plural's head with "who" ("9.8 million people who": "people")
                    at = match.start("plural") + match.group("plural").rfind(match.group("plural").split()[-1])
                candidates.append(_Attribution(
                    match.group("antecedent") or "who", match.group("verb6"), match.start(), match.end(),
                    mention=(at, match.end("who")),
                ))
                continue
            if _WHAT_BEFORE.search(masked, 0, match.start(group)):
                continue  # "punish students for what they say off campus": what is said, not a saying
            if raw.isupper() and DATELINE_AFTER.match(masked, match.end(group)):
                continue  # "WASHINGTON — ...": a dateline
            speaker = _clean_description(LEAD_WORD.sub("", raw))
            opened = _open_apposition(masked, match) if pattern is SPEAKER_VERB else None
            if opened is not None:
                raw = speaker = opened.group("name")  # "Sen. Gillibrand (D-NY), a supporter of ... told": not "the presidency"
            verb_group = next((g for g in ("verb", "verb2", "verb3", "verb4", "verb5", "verb6") if match.groupdict().get(g)), None)
            verb_at = match.start(verb_group) if verb_group else match.start()
            object_of = (  # "according to" ends in "to"
                match.start() if pattern is ACCORDING else opened.start("name") if opened else match.start(group)
            )
            core = _DOCUMENT_TAIL.sub("", speaker) if pattern is ACCORDING else speaker  # "data [compiled by ...]"
            if not _can_speak(core, masked[:object_of]) and not (pattern is ACCORDING and core[:1].islower()):
                continue  # after "according to", any words name a source ("according to exit polls")
            if pattern is SPEAKER_VERB and _participle_after_that(match):
                continue  # "postings that included one saying": no verb of the postings
            if verb_at in seen_verbs and not (
                pattern is VERB_SPEAKER and _reads_inverted(candidates[seen_verbs[verb_at]], speaker)
            ):
                continue
            apposed = bool(match.groupdict().get("apposed"))
            if apposed and match.group("apposed") == "," and not masked[: match.start("speaker")].rstrip().endswith(","):
                continue  # "NAME, said" only closes an apposition (", Brad Woodhouse, said")
            verb = match.group(verb_group) if verb_group else CUE_OF.get(pattern, "according to")
            if (
                pattern is SPEAKER_VERB and not masked[match.end(group) : verb_at].strip()
                and not _KNOWS_OF.search(masked, 0, match.start(group))
                and _noun_after_singular(speaker.split(" was ")[-1].split(" is ")[-1], verb)
            ):
                continue  # "a shocking claim", "was a clear warning to Tehran": a noun, not a verb of speech
            if (
                pattern is SPEAKER_VERB and verb_group is not None and not masked[match.end(group) : verb_at].strip()
                and (_series(masked, speaker, match.start(group), verb_at, match.end(verb_group)) or _noun_of_owner(speaker, verb))
            ):
                continue  # "Weekly claims are down", "Trump’s false claims that": a plural noun, no one's claim
            if verb in REPLY_VERBS and verb_group and _REPLY_OBJECT.match(masked, match.end(verb_group)):
                continue  # "Trump had answered the question": an act on its object, no attribution
            if verb in _PASSIVE_VERBS and pattern is not VERB_SPEAKER and _BE_BEFORE.search(masked, 0, verb_at):
                continue  # "Communities have been told to evacuate": told, not telling
            if verb_group and _ITSELF.match(masked, match.end(verb_group)):
                continue  # "a basic pattern asserts itself", "history repeats itself": what a thing does, no words
            evidence = verb in EVIDENCE_VERBS and head_noun(speaker) in EVIDENCE_HEADS
            stance = None
            if (
                verb_group and verb in BELIEF and not evidence
                and not BELIEF_CLAUSE[verb in BARE_CLAUSE_VERBS].match(masked, match.end(verb_group))
            ):
                if not stances or _state(masked, verb, match.end(verb_group)) or _NO_OBJECT.match(masked, match.end(verb_group)):
                    continue  # "Nobody knew the outcome": a belief verb attributes only a clause; "found himself": a state
                stance = match.start(verb_group)  # "They expect a close race": a belief with its object
            at = opened.start("name") if opened else match.start(group) + raw.rfind(speaker)
            named = _apposed_name(match, speaker) if apposed else None
            if named is not None:  # "The spokesman, Peter Carr, said": the apposition names the speaker
                speaker, at = named
            speaker = _with_origin(masked, match, at, speaker)
            end, mention_end = match.end(), at + len(speaker)
            if pattern is ACCORDING and (listed := _source_list_end(masked, match)) is not None:
                end = mention_end = listed  # "..., according to JBS posts on Facebook, labor unions and employees."
            found = _Attribution(  # one prompted to speak ("prompting the governor to ask:") says nothing before
                speaker, verb, match.start(), end, apposed or pattern is PROMPTED, (at, mention_end), evidence,
                inverted=pattern is VERB_SPEAKER or group == "speaker4", stance=stance, cue=_quoted_cue(match),
            )
            if verb_at in seen_verbs:
                candidates[seen_verbs[verb_at]] = found
            else:
                seen_verbs[verb_at] = len(candidates)
                candidates.append(found)
    if not candidates and (joined := COORDINATED.search(masked)):
        # "Critics have described him as gaffe-prone and said ...": the speaker is the clause subject
        subject = CLAUSE_SUBJECT.match(masked)
        if subject is None or not _can_speak(subject.group("speaker")):
            subject = OPENING_DESCRIPTION.match(masked)  # "A spokesman for the mayor defended ... and said ..."
        if subject and _can_speak(subject.group("speaker")):
            return _Attribution(
                subject.group("speaker"), joined.group("verb"), subject.start("speaker"), joined.end(),
                mention=subject.span("speaker"),
            )
    if not candidates and (source := IN_SOURCE.match(masked)) is not None and _can_speak(source.group("speaker")):
        # "In a CNN national poll, Clinton held a 24-point lead": the source set before its clause
        return _Attribution(source.group("speaker"), "in", source.start("speaker"), source.end(), mention=source.span("speaker"))
    if not candidates:
        participle = PARTICIPLE.search(masked)
        span = _clause_subject(masked, participle.start()) if participle else None
        if span is None or participle is None:  # no participle, no subjects
            return None
        # "Barry Rand issued a statement ... claiming “...”": the speaker is the subject of the clause
        return _Attribution(masked[span[0] : span[1]], participle.group(), span[0], participle.end(), mention=span)

    best = _without_own_verb(masked, _own_subject(masked, candidates, min(candidates, key=lambda candidate: candidate.start)))
    if best.verb.endswith("ing") and (is_description(best.speaker) or (best.apposed and GROUP_SPEAKER.fullmatch(best.speaker))):
        # "Steele issued a statement saying ...", "The senator sought to calm his supporters, and took a
        # heckler in stride, saying": the speaker is the subject of the clause, not a plural before a comma
        if (span := _clause_subject(masked, best.start)) is not None:
            return _Attribution(masked[span[0] : span[1]], best.verb, span[0], best.end, best.apposed, span)
    return best


_OWN_VERB = re.compile(r"\s+(?:[a-z]+ed|" + "|".join(sorted(_IRREGULAR_PAST)) + r")\s+(?:a|an|the|its|his|her|their)\s")
"""A past form and the determiner of its object inside a description ("The Post issued a correction")."""


def _without_own_verb(masked: str, best: _Attribution) -> _Attribution:
    """The attribution of a participle ("saying") with the speaker cut before its own verb and object:
    a time between them and the participle ("The Post issued a correction on Saturday saying ...")
    lets a description read up to the time take them in, where the subject alone speaks. A name
    left after a preposition is no subject ("Members of the Union issued a statement on Monday
    saying": the clause's subject is read as before)."""
    own = _OWN_VERB.search(best.speaker) if best.verb.endswith("ing") else None
    if best.mention is None or own is None:
        return best
    lo = best.mention[0]
    if not _can_speak(best.speaker[: own.start()], masked[:lo]):
        return best
    return dataclasses.replace(best, speaker=best.speaker[: own.start()], mention=(lo, lo + own.start()))


def _fronted(masked: str, fronted: re.Match[str]) -> _Attribution | None:
    """A participle clause of speech opening the sentence, perfect ("Having announced that he would not
    send me to prison, Judge Berman proceeded ...") or present ("Saying the talks had failed, Ryan
    urged calm"): said by the main clause's subject, up to the comma before it (or the end of the
    quotation that holds the comma); None when no subject that can speak follows."""
    subjects = [
        _name_before_verb(masked, m.span("speaker")) for m in CLAUSE_SUBJECT.finditer(masked, fronted.end())
        if _can_speak(m.group("speaker"), masked[: m.start("speaker")]) and not _qualifies_noun(masked, m)
    ] + [
        m.span("speaker") for m in _DESCRIBED_SUBJECT.finditer(masked, fronted.end())
        if head_noun(m.group("speaker")) in PERSON_ROLES
    ]
    after_quotation = [
        m.span("speaker") for m in _SUBJECT_AFTER_QUOTATION.finditer(masked, fronted.end())
        if _can_speak(m.group("speaker"), masked[: m.start("speaker")])
    ]
    if not subjects and not after_quotation:
        return None
    lo, hi = _with_role(masked, min(subjects + after_quotation))
    comma = masked.rfind(",", 0, lo)
    if (lo, hi) in after_quotation and comma < fronted.end():
        comma = masked.rfind(" ", 0, lo)  # the clause ends with its quotation, whose comma it holds
    verb = "verb" if fronted.group("verb") else "present"
    return _Attribution(masked[lo:hi], fronted.group(verb).lower(), fronted.start(verb), fronted.end(), mention=(lo, hi),
                        until=comma if comma > fronted.end() else None)


_NOUN_AFTER = re.compile(
    r"\s+[a-z]+[^su]s\s+(?!(?:to|the|a|an|his|her|their|its|that|this|he|she|they|it|we)\b)(?:always|sometimes|perhaps|[a-z]+(?<!s))\b"
)
"""A plural noun and its verb, which does not end in -s ("jets struck", "troops enter"; an adverb
before it may: "jets always strike"); after a name's verb in -s come "to", a pronoun, a determiner
or a plural object ("Ryan wants to", "Morgan urges the", "Ryan wants lawmakers")."""


_NAME_THEN_VERB = re.compile(r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*(?=\s+[a-z]+s\s)")
"""Capitalised words before a verb in -s that more words follow ("Pelosi urges members")."""


def _name_before_verb(masked: str, span: tuple[int, int]) -> tuple[int, int]:
    """A subject's span without the verb and object a plural's pattern took in with the name ("Pelosi
    urges members" read as one group of members: "Pelosi")."""
    name = _NAME_THEN_VERB.match(masked, span[0], span[1])
    return (span[0], name.end()) if name is not None else span


def _qualifies_noun(masked: str, subject: re.Match[str]) -> bool:
    """Whether a subject is one capitalised adjective before a plural noun and its verb ("Israeli jets
    struck", "Russian troops entered"): the noun's qualifier, no one who speaks; a name with its verb
    is none ("Ryan wants to")."""
    word = subject.group("speaker")
    return " " not in word and word.endswith(("i", "an", "ese", "ish")) and _NOUN_AFTER.match(masked, subject.end("speaker")) is not None


_NO_VERB = r"(?:the|a|an|his|her|their|its|of|to|in|on|for)\b"
"""A word after a subject that is no verb of it: a determiner or a preposition."""

_SUBJECT_AFTER_QUOTATION = re.compile(rf"{MASK}[”\"]\s+(?P<speaker>{NAME}|{PRONOUN})\s+(?!{_NO_VERB}|[a-z]+ing\b)[a-z]+")
"""The main clause's subject right after a quotation that closes the clause before it, with its comma
inside ("And saying Israel “is responsible for the consequences,” Hamas launched ...")."""

_DESCRIBED_SUBJECT = re.compile(rf",\s+(?P<speaker>{DESCRIPTION})\s+(?!{_NO_VERB})[a-z]+")
"""A description after a comma followed by its verb ("..., the mayor left"): a clause's subject."""


def _clause_subject(masked: str, before: int) -> tuple[int, int] | None:
    """The span of the last subject of a clause before ``before`` that can speak, with the role nouns
    after it ("The Florida senator"), or of a description of someone opening the sentence when a comma
    stands before ``before`` ("The company fired him on Monday, saying ..."; not "The decision was a
    clear warning"): who speaks in a participle after the clause."""
    subjects = [
        m for m in CLAUSE_SUBJECT.finditer(masked, 0, before) if _can_speak(m.group("speaker"), masked[: m.start("speaker")])
    ]
    if subjects:
        return _with_role(masked, subjects[-1].span("speaker"))
    opening = _OPENING_ROLE.match(masked)
    if opening is not None and opening.end("speaker") < before and masked[:before].rstrip().endswith(","):
        return _with_role(masked, opening.span("speaker"))  # not "..., in which Gao apologized for saying"
    return None


_OPENING_ROLE = re.compile(
    r"^\W*(?:(?:But|And|Yet|So|Still|Now|Meanwhile|However|Then|Instead)\s+)?(?P<speaker>(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+"
    r"(?:[\w’'\-.]+\s+){0,4}?(?:" + "|".join(sorted(PERSON_ROLES, key=len, reverse=True)) + r"))\b"
)
"""A description of someone opening a sentence, to its head ("A New York judge", "The company")."""


def _open_apposition(masked: str, match: re.Match[str]) -> re.Match[str] | None:
    """The name that opens the sentence when the speaker read before the verb ends an apposition no
    comma closes (``patterns.OPEN_APPOSITION``): a full name or a titled one ("Sen. Kristen
    Gillibrand", "John Smith"; a single capitalised word may be an adverb: "Significantly, the judge
    said"), with a finite verb (not "the reality show") that no comma follows ("Hillary Clinton, a top
    aide said, “...”" is the aide's)."""
    opened = OPEN_APPOSITION.fullmatch(masked, 0, match.end("speaker"))
    if opened is None or len(opened.group("name").split()) < 2 or not _can_speak(opened.group("name")):
        return None
    verb = match.group("verb")
    if not (verb.endswith(("s", "ed")) or verb in _IRREGULAR_PAST) or masked[match.end("verb") :].startswith(","):
        return None
    return None if any_verb(opened.group()[opened.end("name") :]) else opened


_AND_BEFORE = re.compile(r"(?:,\s*)?\b(?:and|but)\s+$")

_QUOTATION = re.compile(rf"[“\"]{MASK}")


def _own_subject(masked: str, candidates: Sequence[_Attribution], first: _Attribution) -> _Attribution:
    """The attribution of the sentence's quotations: the first one read, unless a later clause joined
    by "and" or "but" has its own subject and verb of speech and every quotation comes after it ("a
    woman asked for a photo and Clinton said, “...”" is Clinton's, not the woman's)."""
    quotation = _QUOTATION.search(masked)
    for later in sorted(candidates, key=lambda candidate: candidate.start):
        if (
            quotation is not None and later.start > first.start and quotation.start() >= later.end
            and later.mention is not None and not later.inverted and later.stance is None and later.verb in SPEECH_WORDS
            and _AND_BEFORE.search(masked, 0, later.mention[0]) is not None
            and not masked[later.end : quotation.start()].strip(" ,:")  # "and Clinton said, “...”", not "but Moscow denies — “"
        ):
            return later
    return first


_ROLE_AFTER = re.compile(r"\s+([a-z]+)\b")


def _with_role(masked: str, span: tuple[int, int]) -> tuple[int, int]:
    """A subject's span with the role nouns after it ("The Florida" read as a name, and "senator"): the
    mention is the whole description."""
    lo, hi = span
    while (after := _ROLE_AFTER.match(masked, hi)) is not None and after.group(1) in PERSON_ROLES:
        hi = after.end()
    return lo, hi


def _with_origin(masked: str, match: re.Match[str], at: int, speaker: str) -> str:
    """A description read at ``at`` with the place or body it comes from after it, when the pattern read
    one (``patterns.ASIDE``: "Friday’s report from the Labor Department showed", "The No. 3 Republican
    in the U.S. House of Representatives said", "A federal judge in the Southern District of
    California ruled", a bare plural: "data from the Department of Labor showed"): the mention is the
    whole; a time is no origin (``_TIME_ORIGIN``)."""
    origin = match.groupdict().get("origin")
    described = is_description(speaker) or speaker.islower()  # "data from the Department of Labor showed"
    if not origin or at + len(speaker) != match.start("origin") or not described or _TIME_ORIGIN.match(origin):
        return speaker
    return masked[at : match.end("origin")]


_TIME_ORIGIN = re.compile(
    r"\s+in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
"""A time after a speaker ("the Trump administration in January said"): no place it belongs to."""

_LIST_WORD = r"[\w’'\-&]+(?:\.(?=\w)[\w’'\-&]*)*(?:\.(?=\s))?"
_SOURCE_LIST = re.compile(
    rf"(?:\s+{_LIST_WORD}){{0,5}}?(?:,\s+(?!(?:and|or)\b){_LIST_WORD}(?:\s+{_LIST_WORD}){{0,4}}?)+,?\s+(?:and|or)\s+{_LIST_WORD}"
    rf"(?:\s+{_LIST_WORD}){{0,4}}?(?=[.!?”\"’']*\s*$)"
)
"""The rest of a list of sources that ends its sentence after "according to" ("..., according to JBS
posts on Facebook, labor unions and employees.")."""

_CLAUSE_WORDS = frozenset(
    "that which who whom whose is are was were be been has have had will would could can should said says say told".split()
)


def _source_list_end(masked: str, match: re.Match[str]) -> int | None:
    """Where a list of sources ends when "according to" follows the clause it attributes and names
    several sources up to the sentence's end: the words after its first comma are more sources, not
    what they said. ``None`` when "according to" opens the sentence (its clause comes after the list)
    or the words after it read as a clause."""
    before = masked[: match.start()].rstrip()
    listed = _SOURCE_LIST.match(masked, match.end())
    if listed is None or not before.endswith(",") or len(WORD.findall(before)) < 4:
        return None
    words = listed.group().lower().replace(",", " ").split()
    return None if MASK in listed.group() or not _CLAUSE_WORDS.isdisjoint(words) else listed.end()


def _quoted_cue(match: re.Match[str]) -> str:
    """The cue of "X quoted Y as saying" ("quoted ... as saying"): the participle alone would read as
    Y's own "saying"; any other pattern's cue is its verb (left empty here)."""
    if match.re is not QUOTED_AS:
        return ""
    return f"{match.group('quoted')} ... {'as ' if match.group('as') else ''}{match.group('verb')}"


def _clean_description(speaker: str) -> str:
    """A captured speaker trimmed to its noun phrase: the lazy match may take in a clause before it.

    The "and" before capitalised words is kept ("Customs and Border Protection", "the Florida senator
    and Republican presidential candidate", "The Clinton campaign and DNC"), unless it joins a clause
    (``_joins_a_clause``: "a photo and Clinton").
    """
    for cut in (" that ", " which ", " and ", " but ", " as ", " then ", " while ", " though ", " although ", " because "):
        if cut in speaker and not (cut == " and " and re.search(r"\band\s+[A-Z]", speaker) and not _joins_a_clause(speaker)):
            speaker = speaker.rsplit(cut, 1)[-1]
    words = speaker.split()
    if len(words) > 1 and words[-1] in _SUBJECT_PRONOUNS and VERB_WORDS.isdisjoint(w.lower() for w in words):
        return words[-1]  # "when the virus first emerged he called": the clause's subject is "he" ("attendees said they": not)
    return speaker.strip()


_NAME_AFTER_AND = re.compile(r"\b[a-z][\w’'\-]*\s+and\s+[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*)*$")
"""A lower-case noun, "and", and only capitalised words after it ("a photo and Clinton")."""


def _joins_a_clause(speaker: str) -> bool:
    """Whether a name after "and" opens a clause of its own: the words before "and" end in a lower-case
    noun of no one who speaks ("asked for a photo and Clinton said"), not a joint source ("The Clinton
    campaign and DNC did not respond")."""
    return _NAME_AFTER_AND.search(speaker) is not None and head_noun(speaker.rsplit(" and ", 1)[0]) not in PERSON_ROLES


_SUBJECT_PRONOUNS = frozenset("he she they we I".split())


def _end_of(optional: re.Pattern[str], text: str, position: int) -> int:
    """Where ``optional``, a pattern that may match nothing and so always matches, ends when matched at ``position``."""
    match = optional.match(text, position)
    return match.end() if match else position


def _indirect_span(masked: str, attribution: _Attribution, stances: bool = True) -> tuple[int, int] | None:
    """The reported clause of a sentence without quotations, sentence-relative.

    The clause before a trailing attribution ("..., the official said") or after a leading one
    ("Peskov told reporters that ..."; "According to the report, ..."); a stance from its verb to
    the end of the sentence ("endorsed Trump").
    """
    hi = attribution.until or len(masked.rstrip(" .!?\"”\n"))
    if attribution.stance is not None:
        hi = _before_gloss(masked, attribution.stance, _before_said(masked, attribution.stance, hi))
        return (attribution.stance, hi) if hi > attribution.stance else None
    lead = masked[: attribution.start + (masked[attribution.start] == ",")].rstrip()  # "..., said X": keep the comma
    if not lead.endswith(",") and (role := ROLE_BEFORE.search(lead + " ")) is not None:
        lead = lead[: role.start() + 1]  # "..., ministry spokesman Benali Cherif said"
    before = lead.rstrip(" ,")
    # "..., the department announced Thursday, with ..." ends the verb; "... announced it had hired" does not
    after = attribution.end
    if attribution.verb in TELL_VERBS and (told := TELL_OBJECT.match(masked, after)):
        after = told.end()  # "..., the spokesman told reporters."
    rest = masked[_end_of(TIME_AFTER, masked, after) :]
    trailing = (
        not rest.strip() or rest.lstrip()[0] in ",.;:!?—–-" or PLACE_TAIL.fullmatch(rest) is not None
        or (attribution.verb == "according to" and "," not in rest)  # "..., according to officials familiar with it."
    )
    if (
        trailing and lead.endswith(",") and not attribution.apposed and len(WORD.findall(before)) >= 4
        and not (LEAD_IN.match(before) and "," not in before)
    ):
        if _CONTINUES.match(rest) and not STANCE_PARTICIPLE.match(rest):
            return len(masked) - len(masked.lstrip()), hi  # "it is his job, he said, to talk to Congress": both sides
        return len(masked) - len(masked.lstrip()), len(before)
    if attribution.inverted:
        return None  # what comes after "said NAME" is about NAME, not what was said
    if attribution.verb == "according to":
        after_comma = masked.find(",", attribution.end)
        lo = after_comma + 1 if after_comma != -1 else len(masked)
    else:
        lo = attribution.end
        if attribution.verb in TELL_VERBS and (told := TELL_OBJECT.match(masked, lo)):
            lo = told.end()
        elif attribution.verb in TELL_VERBS and (that := re.compile(r"[^,;:]{1,60}?\bthat\b").match(masked, lo)):
            lo = that.end()  # "told a military officer the night before that ..."
        lo = _end_of(CLAUSE_START, masked, lo)
        if (participle := PARTICIPLE.match(masked, lo)) is not None and _QUOTATION.search(masked) is None:
            # "responded, saying in a statement that ...": the participle is a cue; beside a quotation it
            # marks the clause as reported speech of its own ("“...,” Ms. Acosta said, explaining how ...")
            lo = _end_of(CLAUSE_START, masked, participle.end())
        if attribution.verb in NEEDS_THAT and not attribution.evidence and not re.search(r"\bthat\s*$", masked[attribution.end : lo]):
            if question := WH_CLAUSE.match(masked, lo):
                lo = question.start("wh")  # "asked workers if they planned to attend"
            elif stances and attribution.verb in STANCE_FALLBACK and attribution.start < attribution.end:
                lo = attribution.end - len(attribution.verb)  # "asked the court to intervene": a request, from its verb
                hi = _before_said(masked, lo, hi)
            elif not FINITE_CLAUSE.match(masked, lo):
                return None  # "declared a state of emergency": an act, not speech
        if _NEGATED.search(masked, attribution.start, attribution.end) and not (
            FINITE_CLAUSE.match(masked, lo) or WH_CLAUSE.match(masked, lo) or re.search(r"\bthat\s*$", masked[attribution.end : lo])
        ):
            return None  # "Fox News has not commented publicly on its host's claim": nothing was said
        hi = _before_gloss(masked, lo, hi)
        hi = _before_next_clause(masked, lo, hi)
    return (lo, hi) if hi > lo else None


_NEXT_CLAUSE = re.compile(
    rf"(?:(?P<comma>,)|(?<=[{MASK}.,!?])[”\"])\s+(?:and|but|yet|while|whereas)\s+"
    rf"(?P<subject>{NAME}|\b(?:the|a|an|this|these|those|its|his|her|their)\s+(?:[\w’'\-]+\s+){{0,3}}?[\w’'\-]+)\s+{AUX}"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do|[a-z]+ed|[a-z]{3,}s"
    r"|said|told|made|took|gave|went|came|got|saw|found|won|lost|left|kept|held|ran|sent|put|set|cut|began|fell|rose|grew|spent|paid)\b"
)
"""A clause of its own after the reported one, its subject a name or a description and a finite verb
after it ("The senator said the bill was “a disaster for farmers,” and the House passed it anyway"):
the writer's narration goes on, not the speaker's words. A pronoun after the conjunction may be the
speaker going on ("... and she expects more"), so it ends nothing."""


def _next_clause(
    article: Article, sentence: Sentence, masked: str, reported: tuple[int, int], resolver: Resolver, settings: QuoteSettings
) -> Iterator[Quote]:
    """The attribution of a clause of its own right after a reported one (``_NEXT_CLAUSE``: "Cook said
    Carter stopped the practice, but the department did not say when"), read as a sentence of its own
    from its subject on, its offsets kept."""
    found = _NEXT_CLAUSE.search(masked, reported[0])
    if found is None or found.start() > reported[1] + 1:
        return
    at = found.start("subject")
    tail = " " * at + masked[at:]
    attribution = _speech(tail, settings.stances)
    relative = _indirect_span(tail, attribution, settings.stances) if attribution is not None else None
    if attribution is None or relative is None:
        return
    speaker, verb, mention = _said_by((sentence, tail, attribution), resolver, article.text)
    start, end = trim(article.text, sentence.start + relative[0], sentence.start + relative[1])
    words = settings.min_stance_words if attribution.stance is not None else settings.min_indirect_words
    if len(WORD.findall(article.text[start:end])) >= words:
        yield Quote(speaker, article.text[start:end], article.id, start, end, False, verb, mention)


def _before_next_clause(masked: str, lo: int, hi: int) -> int:
    """The end of a reported clause before a clause of its own after it (``_NEXT_CLAUSE``), after its closing mark."""
    found = _NEXT_CLAUSE.search(masked, lo, hi)
    if found is None:
        return hi
    return found.start() if found.group("comma") else found.start() + 1


_CONTINUES = re.compile(r",\s+(?:to|that)\s")
"""After an attribution set inside its sentence, the reported clause goes on ("..., he said, to talk to ...");
a new clause after it ("..., officials said Sunday, and his plans were unknown") is not what was said."""

_NEGATED = re.compile(r"\b(?:not|never)\b|n[’']t\b")


def _closing_attribution(read: Sequence[tuple], position: int, span: QuotedSpan) -> tuple[Sentence, str, _Attribution] | None:
    """The attribution of a later sentence of a quotation that runs over several, after its closing mark."""
    for sentence, masked, attribution, _ in read[position + 1 :]:
        if sentence.start >= span.end:
            return None
        named_at = attribution.mention[0] if attribution is not None and attribution.mention else None
        if named_at is not None and sentence.start + named_at >= span.end:
            return sentence, masked, attribution
    return None


_MIXED_CLAUSE = re.compile(
    r"(?:[\w’'\-]+\s+){0,2}?(?:that|whether|if)\b|(?:saying|adding|claiming|arguing|insisting|noting|warning|declaring"
    r"|acknowledging|stating|explaining|calling|citing|referring|suggesting|urging|accusing|asking|predicting)\b"
)
"""Reported speech beside a quotation that is not a mere object or place ("“...,” Trump told Britain’s
ITV television station", "“...,” Peskov said today during a conference call"): a "that" clause or a
participle of speech ("“...,” he said, adding that ...")."""


_RELATIVE = re.compile(r"\W*(?:which|who|whom|whose|where|when)\b")

_THAT_BEFORE = re.compile(r"\bthat\s*$")
"""A "that" right before a clause: "when ..." after it opens what was said, not a relative clause."""


def _named_after(read: Sequence[tuple], position: int, span: QuotedSpan, text: str) -> tuple[Sentence, str, _Attribution] | None:
    """The attribution of the sentence right after a quotation that ends its own sentence, when that
    sentence opens with the speaker and a verb of speech ("“..., who knows?” Trump told ITV on Monday.")."""
    if position + 1 >= len(read):
        return None
    sentence, masked, attribution, inside = read[position + 1]
    if attribution is None or inside or attribution.stance is not None or attribution.mention is None or attribution.inverted:
        return None
    if "\n" in text[span.end : sentence.start] or text[span.end : sentence.start].strip(" ”\"’'.!?,"):
        return None  # another paragraph, or words between the quotation and the sentence
    if masked[: attribution.mention[0]].strip() or attribution.verb not in SPEECH_WORDS:
        return None  # the sentence must open with its speaker and a verb of speech
    return sentence, masked, attribution


_APPOSED_NAME = re.compile(r",\s*((?:[A-Z][\w’'\-]*\.?\s+){1,3}[A-Z][\w’'\-]+)\s*,")


def _apposed_name(match: re.Match[str], speaker: str) -> tuple[str, int] | None:
    """The person a description's apposition names ("the spokesman, Peter Carr, said") with where the
    name starts, when the speaker read is a description and the apposition is a bare name."""
    appositive = _APPOSED_NAME.fullmatch(match.group("apposed") or "")
    if appositive is None or not is_description(speaker):
        return None
    return appositive.group(1), match.start("apposed") + appositive.start(1)


_PASSIVE_AGENT = re.compile(r"^\W*[A-Z][a-z]+ed\s+by\s+(?P<speaker>(?:[\w’'\-.]+\s+){0,4}?[\w’'\-]+)\s+as\b")
"""A participle opening a sentence with its agent ("Described by leftist outlets as ..."): the agent
said what follows "as", and the participle is no name."""


def _quotes_within(masked: str) -> bool:
    """Whether a sentence quotes within words of its own (not a quote-only sentence) and no quotation
    in it is a phrase owned by someone else ("Clinton’s “basket of deplorables”")."""
    words = masked.split()
    return bool(words) and sum(MASK in w for w in words) < 0.6 * len(words) and not re.search(r"[’']s\s+[“\"]", masked)


def _own_source(masked: str) -> _Attribution | None:
    """The stance of a sentence that names its own source for the quotations within it ("A statement
    from Netanyahu’s office hailed “significant achievements” ..., “some of which are unprecedented.”"):
    its subject, opening the sentence, speaks them, where the speaker of the sentence before does not;
    a stance inside a later clause ("Wallace’s contention that the speech, in which Scott praised ...,
    was “...”") names no source of them."""
    masked = _without_dash_apposition(masked)
    if not _quotes_within(masked) or (found := _stance(masked)) is None or found.mention is None:
        return None
    return found if MASK not in found.speaker and LEAD_BEFORE_SUBJECT.match(masked, 0, found.mention[0]) else None


def _quoting_subject(masked: str) -> re.Match[str] | None:
    """The subject that opens a sentence quoting within it (not a quote-only sentence, and not a
    phrase owned by someone else: "Clinton’s “basket of deplorables”"), or the agent of a participle
    that opens it ("Described by leftist outlets as a “tear-jerking queer story,” ...")."""
    if not _quotes_within(masked):
        return None
    if (agent := _PASSIVE_AGENT.match(masked)) is not None:  # "Described by leftist outlets as a “...”": the agent
        return agent if MASK not in agent.group("speaker") else None
    subject = CLAUSE_SUBJECT.match(masked)
    if subject is not None and not _can_speak(subject.group("speaker")):
        subject = None  # "Speaking to ...": a lead-in, no subject
    if subject is None and LEAD_IN.match(masked) and (quotation := _QUOTATION.search(masked)) is not None:
        # "Speaking to MSNBC’s Morning Joe Monday in New Hampshire, ..., Bush referred to Rubio as “...”":
        # the subject of the main clause after the lead-in
        subjects = [m for m in _matches(CLAUSE_SUBJECT, masked[: quotation.start()]) if _can_speak(m.group("speaker"))]
        subject = subjects[-1] if subjects else None
    if subject is None or MASK in subject.group("speaker"):
        return None
    return subject  # every branch above took only a subject that _can_speak


def _said_by(found: tuple[Sentence, str, _Attribution], resolver: Resolver, text: str) -> tuple[str, str, Mention | None]:
    """The speaker, cue and mention of an attribution found in another sentence."""
    sentence, masked, attribution = found
    mention = None
    if attribution.mention is not None:
        lo, hi = (sentence.start + at for at in attribution.mention)
        mention = Mention(text[lo:hi], lo, hi)
    before = masked[: attribution.mention[0] if attribution.mention else attribution.start]
    return resolver.resolve(attribution.speaker, before), attribution.cue or attribution.verb, mention


def _trailing_participle(
    article: Article, sentence: Sentence, masked: str, attribution: _Attribution,
    said_by: tuple[str, str | None, Mention | None], quotes: Sequence[Quote], speech: bool,
) -> Iterator[Quote]:
    """A participle clause after a sentence's attribution that no record of the sentence holds ("“...,”
    said Ed Rendell, referring to the list of endorsements"): the same speaker's, from the participle
    (a stance); with ``speech``, only a participle of speech before a clause, which is its cue, the
    words starting after it ("..., saying in a statement that he was calling for ...")."""
    for participle in STANCE_PARTICIPLE.finditer(masked, attribution.end):
        at = sentence.start + participle.start("verb")
        if any(q.start <= at < q.end for q in quotes if q.article == article.id):
            return
        hi = len(masked.rstrip(" .!?\"”\n"))
        clause = _said_after(masked, participle)
        said = clause is not None
        if said != speech:
            return
        lo = clause if clause is not None else participle.start("verb")
        start, end = trim(article.text, sentence.start + lo, sentence.start + hi)
        if said and any(q.start < end and start < q.end for q in quotes if q.article == article.id):
            return  # "“...,” Smith said, adding that ...": the sentence's record already holds the clause
        if MASK not in masked[participle.start("verb") : hi] and len(WORD.findall(article.text[start:end])) >= 2:
            yield Quote(said_by[0], article.text[start:end], article.id, start, end, False, participle.group("verb"), said_by[2])
        return


def _said_after(masked: str, participle: re.Match[str]) -> int | None:
    """Where the clause after a participle of speech starts ("..., saying in a statement that he ..."),
    or None when the participle is no speech or no clause follows it."""
    if participle.group("verb") not in SPEECH_WORDS:
        return None
    clause = _end_of(CLAUSE_START, masked, participle.end())
    return clause if re.search(r"\bthat\s*$", masked[:clause]) or FINITE_CLAUSE.match(masked, clause) else None


def _before_said(masked: str, lo: int, hi: int) -> int:
    """The end of a stance's words before a participle of speech with its clause ("announced a truce
    ..., saying it was time to ..."): the participle's clause is a record of its own."""
    participle = next((p for p in STANCE_PARTICIPLE.finditer(masked, lo, hi) if _said_after(masked, p) is not None), None)
    return participle.start() if participle is not None else hi


_GLOSS = re.compile(
    r",\s+(?:" + "|".join([*sorted(RESULT_PARTICIPLES), *(r"\s+".join(p.split()) for p in sorted(RESULT_PHRASES))]) + r")\b"
    r"|,\s+(?:something|a\s+claim|a\s+charge|an\s+allegation|an\s+assertion|a\s+notion)\s+(?:that|which)\b"
    r"|,\s+in\s+(?:a|an|another|the\s+latest|its\s+latest)\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(GLOSS_EVENTS)) + r")\b(?!-)"
)
"""The writer's gloss after a comma, not the subject's words: a participle of an act's result
(``words.RESULT_PARTICIPLES``: "agreed to a cease-fire Thursday, halting a bruising 11-day war ...",
"..., permitting broader travel ...") or a noun that sums up what was said ("alleged that the lab had
been funded by the agency, something that the director strongly disputed") or what the writer makes of it, after "in" ("..., in the latest move by a
major social media company limiting ...", "..., in a sign of ...": ``words.GLOSS_EVENTS``, whole words:
"..., in a step-by-step format" is no gloss)."""


def _before_gloss(masked: str, lo: int, hi: int) -> int:
    """The end of a record's words before the writer's gloss (``_GLOSS``)."""
    gloss = _GLOSS.search(masked, lo, hi)
    return gloss.start() if gloss is not None else hi


def is_stance(quote: Quote) -> bool:
    """Whether a record is a stance ("Paul Ryan: (reported) endorsed Donald Trump"): reported words
    that start at their own cue, where reported speech starts after it ("said that ...")."""
    return not quote.direct and bool(quote.verb) and quote.text.lower().startswith((quote.verb or "").lower())


def is_sourceless(quote: Quote) -> bool:
    """Whether a record is an impression or a report that names no source ("Sanders appears to have a
    slight lead", "Clinton is expected to win"): reported, with no speaker and no mention, its cue one
    of ``words.SOURCELESS_CUES``. Like a stance, it is no one's words: never grouped with a quotation,
    never counted in a sourcing profile."""
    cue = (quote.verb or "").split()
    return not quote.direct and not quote.speaker and quote.speaker_mention is None and bool(cue) and cue[-1] in SOURCELESS_CUES


def is_speech(quote: Quote) -> bool:
    """Whether a record is someone's words, verbatim or reported: neither a stance nor a sourceless report."""
    return not is_stance(quote) and not is_sourceless(quote)


def record_kind(quote: Quote) -> str:
    """``"speech"``, ``"stance"`` or ``"sourceless"``: records of different kinds never stand for one remark."""
    return "stance" if is_stance(quote) else "sourceless" if is_sourceless(quote) else "speech"


_MAX_SOURCELESS_SUBJECT_WORDS = 12
"""A longer stretch before "appears" or "is expected" is a clause of its own, not one subject."""


def _sourceless(article: Article, sentence: Sentence, masked: str) -> Iterator[Quote]:
    """The record of an impression or a report without a source opening a sentence (``patterns.SOURCELESS``):
    from its subject to the sentence's end, with no speaker and no mention."""
    found = SOURCELESS.match(masked)
    if found is None or len(found.group("subject").split()) > _MAX_SOURCELESS_SUBJECT_WORDS:
        return
    hi = len(masked.rstrip(" .!?\"”\n"))
    start, end = trim(article.text, sentence.start + found.start("subject"), sentence.start + hi)
    if end > start and len(WORD.findall(article.text[start:end])) >= 4:
        yield Quote("", article.text[start:end], article.id, start, end, False, " ".join(found.group("cue").split()), None)


def _later_stances(
    article: Article, sentence: Sentence, masked: str, resolver: Resolver, quotes: Sequence[Quote]
) -> Iterator[Quote]:
    """Stances of later clauses of a sentence (``patterns.LATER_STANCE``) that no record of the
    sentence holds yet: from the verb to the clause's end, by the clause's subject."""
    text = article.text
    for later in LATER_STANCE.finditer(masked):
        raw = later.group("speaker")
        speaker = _clean_description(LEAD_WORD.sub("", raw))
        if not _can_speak(speaker, masked[: later.start("speaker")]) or _NOT_OBJECT.match(masked, later.end("verb")):
            continue
        if not _NOT_IN_SPEAKER.isdisjoint(speaker.lower().split()) or later.group("verb") in STANCE_NOUNS:
            continue
        if _plural_noun(masked, later.start("verb"), later.end("verb")):
            continue  # "..., and the new rules would hurt farmers": a plural noun heading the subject, no verb
        span = _clause_span(text, sentence, masked, later.start("verb"), LATER_CLAUSE_END.search(masked, later.end()), quotes)
        if span is None:
            continue
        start, end = span
        at = sentence.start + later.start("speaker") + raw.rfind(speaker)
        mention = Mention(text[at : at + len(speaker)], at, at + len(speaker))
        yield Quote(resolver.resolve(speaker, masked[: later.start("speaker")]), text[start:end], article.id, start, end, False,
                    later.group("verb"), mention)


def _clause_span(
    text: str, sentence: Sentence, masked: str, verb: int, stop: re.Match[str] | None, quotes: Sequence[Quote]
) -> tuple[int, int] | None:
    """The article span of a stance read from its ``verb`` (an offset into the sentence) to ``stop``
    (else the sentence's end), trimmed; None when it holds a quotation, is under two words, or
    overlaps a record the sentence already has."""
    hi = stop.start() if stop else len(masked.rstrip(" .!?\"”\n"))
    if MASK in masked[verb:hi]:
        return None
    start, end = trim(text, sentence.start + verb, sentence.start + hi)
    if len(WORD.findall(text[start:end])) < 2 or any(q.start < end and start < q.end for q in quotes):
        return None
    return start, end


_CLAUSE_STOP = re.compile(r"[,;:—]")

_AFTER_COMMA_OR_PREPOSITION = re.compile(r"(?:,|\b(?:of|for|from|in|at|by|with|to|on))\s*$")
"""Before a name that may close an apposition or a place ("Roanoke, Va., who"): the clause may be about
someone named earlier, so only a person the article names is taken."""


def _relative_stances(
    article: Article, sentence: Sentence, masked: str, resolver: Resolver, quotes: Sequence[Quote]
) -> Iterator[Quote]:
    """Stances in relative clauses (``patterns.RELATIVE_STANCE``) that no record of the sentence holds:
    from the verb to the clause's end, by the one the clause is about: a person the article names, a
    name that closes nothing before it, or a description of someone (``PERSON_ROLES``); not a passive."""
    text = article.text
    for relative in RELATIVE_STANCE.finditer(masked):
        named, opening = relative.group("antecedent"), relative.start()
        if named and named.split()[0] in ("The", "the"):
            named = None  # "The Kentucky Republican, who": a description of someone
        speaker = named or masked[opening : relative.start("who")].rstrip(" ,")
        if not _can_speak(speaker) or _NOT_OBJECT.match(masked, relative.end("verb")):
            continue
        if named and not resolver.is_person(named) and _AFTER_COMMA_OR_PREPOSITION.search(masked, 0, opening):
            continue  # "Hilton Head, South Carolina, who", "the president of the Foundation for ..., who": not the one
        if not named and head_noun(speaker) not in PERSON_ROLES:
            continue  # "a wide margin among voters who decided": the clause is about the voters, not the margin
        if _BE_AUXILIARY.search(masked, relative.end("who"), relative.start("verb")) and relative.group("verb").endswith("ed"):
            continue  # "who was named last week": a passive
        if not _NOT_IN_SPEAKER.isdisjoint(speaker.lower().split()) or relative.group("verb") in STANCE_NOUNS:
            continue
        span = _clause_span(text, sentence, masked, relative.start("verb"), _CLAUSE_STOP.search(masked, relative.end("verb")), quotes)
        if span is None:
            continue
        start, end = span
        lo, high = (sentence.start + at for at in (relative.start("who") if named else opening, relative.end("who")))
        yield Quote(resolver.resolve(speaker, masked[:opening]), text[start:end], article.id, start, end, False,
                    relative.group("verb"), Mention(text[lo:high], lo, high))


def _questions_and_agents(article: Article, sentence: Sentence, masked: str, resolver: Resolver) -> Iterator[Quote]:
    """Stances set inside a sentence beside its main attribution: a question put to someone ("Asked
    whether he would counsel Clinton, ...", ``patterns.ASKED``) and a participle right after its agent
    ("hedge fund executives supporting her campaign", ``patterns.REDUCED_PARTICIPLE``)."""
    text = article.text
    hi = len(masked.rstrip(" .!?\"”\n"))
    for asked in ASKED.finditer(masked):
        if MASK in asked.group("question"):
            continue
        start, end = trim(text, sentence.start + asked.start("verb"), sentence.start + asked.end("question"))
        mention, speaker = None, ""
        if asked.group("speaker") and _can_speak(asked.group("speaker")):
            lo, high = (sentence.start + at for at in asked.span("speaker"))
            mention = Mention(text[lo:high], lo, high)
            speaker = resolver.resolve(asked.group("speaker"), masked[: asked.start("speaker")])
        yield Quote(speaker, text[start:end], article.id, start, end, False, "asked", mention)
    for agent in REDUCED_PARTICIPLE.finditer(masked):
        if not _can_speak(agent.group("speaker"), masked[: agent.start("speaker")]) and agent.group("speaker")[:1].isupper():
            continue
        stop = re.compile(r"[,;:—]").search(masked, agent.end("verb"))
        end_at = stop.start() if stop else hi
        if MASK in masked[agent.start("verb") : end_at] or end_at <= agent.end("verb"):
            continue
        start, end = trim(text, sentence.start + agent.start("verb"), sentence.start + end_at)
        lo, high = (sentence.start + at for at in agent.span("speaker"))
        speaker = resolver.resolve(agent.group("speaker"), masked[: agent.start("speaker")])
        yield Quote(speaker, text[start:end], article.id, start, end, False, agent.group("verb"), Mention(text[lo:high], lo, high))


def _lead_stances(article: Article, sentences: Sequence[Sentence], records: Sequence[Quote]) -> Iterator[Quote]:
    """The main clause before a trailing attribution by the same subject ("Kasich bemoaned America's
    reputation around the world, saying that ..."; "She blamed the violence on a disturbed person
    and said ..."): a stance of that subject, from its verb to the attribution, when no record holds it."""
    text = article.text
    for quote in records:
        mention, verb = quote.speaker_mention, quote.verb or ""
        if mention is None or not verb.isalpha() or mention.end >= quote.start:
            continue
        sentence = next((s for s in sentences if s.start <= mention.start < s.end), None)
        if sentence is None or not LEAD_BEFORE_SUBJECT.match(text, sentence.start, mention.start):
            continue
        cues = list(re.finditer(rf"(?:,\s+(?:and\s+)?|\s+and\s+{AUX}){verb}\b", text[mention.end : quote.start]))
        lead = LEAD_VERB.match(text, mention.end)
        if not cues or lead is None or lead.group("verb") in SPEECH_WORDS:
            continue
        if _BE_AUXILIARY.search(text, lead.start(), lead.start("verb")) and lead.group("verb").endswith("ed"):
            continue  # "Trump was widely criticized ..., saying": a passive, not his stance
        start, end = trim(text, lead.start("verb"), mention.end + cues[-1].start())
        if len(WORD.findall(text[start:end])) >= 2 and not any(q.start < end and start < q.end for q in records):
            yield Quote(quote.speaker, text[start:end], article.id, start, end, False, lead.group("verb"), mention)


def extract_quotes(
    article: Article, sentences: Sequence[Sentence], settings: QuoteSettings = QuoteSettings()
) -> tuple[Quote, ...]:
    """Direct and indirect quotations in ``article``, each with its resolved speaker and span.

    ``sentences`` are the article's sentences (from ``newsprism.text.segment``); spans index into
    ``article.text``. A quotation whose speaker cannot be found keeps ``speaker=""``.

    Speech is read first, as if stances did not exist, so that reading stances never changes a
    quotation or its speaker; with ``settings.stances`` the stance records that no quotation
    overlaps are added (in text order).
    """
    speech = tuple(_widened(q, article.text) for q in _extract(article, sentences, dataclasses.replace(settings, stances=False))
                   if not _not_said(q, article.text))
    if not settings.stances:
        return speech
    stances = [
        q for q in _extract(article, sentences, settings)
        if (is_stance(q) or is_sourceless(q)) and not any(q.start < s.end and s.start < q.end for s in speech)
    ]
    found = [*stances, *_lead_stances(article, sentences, [*speech, *stances])]
    # several readings of a sentence may find one stance: it is one record
    unique: dict[tuple[int, int, bool], Quote] = {}
    for quote in found:
        if not _not_said(quote, article.text):
            unique.setdefault((quote.start, quote.end, quote.direct), _widened(quote, article.text))
    stances = sorted(unique.values(), key=lambda q: (q.start, q.end))
    merged: list[Quote] = []
    for quote in speech:  # each stance before the first quotation that starts after it; speech keeps its order
        while stances and stances[0].start < quote.start:
            merged.append(stances.pop(0))
        merged.append(quote)
    return (*merged, *stances)


_ADDED_AMOUNT = re.compile(
    r"(?:(?:nearly|almost|about|roughly|some|just|only|another|over|more than|less than|fewer than|an additional)\s+)*"
    r"[$€£]?\d"
)
"""An amount opening what follows "added" ("The US added 559,000 jobs", "added nearly 500,000")."""

_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do)\b")
"""An auxiliary or a form of "be": what makes words after "added" a clause someone said ("He added
2020 had been the hardest year", "Smith added 40 percent of the money was missing")."""

_MONTHS = "|".join(month.capitalize() for month in MONTHS)

_ONLY_WHEN = re.compile(
    r"\s*(?:(?:in|on|at|during|since|last|this|earlier|later|early|late)\s+)?(?:(?:" + _MONTHS
    + r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{1,2}|\d{4}"
    r"|today|yesterday|tonight|week|month|year|morning|afternoon|evening|night|the|last|this|next)\b[\s,.]*)*"
)
"""Words that only say when ("in March", "on Tuesday morning"): a stance with nothing else after its
verb says nothing. A number is a day (one or two digits) or a year (four), so that an amount says
something ("The governor pledged 2,000 this week."); each word ends at a word boundary, so that a run of digits
is read one way: split four digits at a time in every way, a long number took exponential time."""

_MONTH_OBJECT = re.compile(rf"\s+(?:{_MONTHS})\b(?![\s,]*\d)")
"""A month's name right after a stance's verb with no day after it: the object, a name ("Johnson
endorsed May", "praised April last week"), where a time comes after a preposition or with its day
("announced in May", "announced May 5")."""

_PASSIVE_AFTER = re.compile(r"\s+(?:in|on|at|by|last|earlier|during)\b")
"""A preposition or a time right after a participle: "a suit filed in 2019" is passive."""

_ACTS_ON_DOCUMENTS = frozenset("filed released issued published signed passed approved introduced submitted".split())
"""Verbs of what is done to a document (its participle after one is passive); "the complaint
alleged in court papers that ..." is the document speaking."""


def _not_said(quote: Quote, text: str) -> bool:
    """A reported record that attributes nothing: "added" an amount with no clause after it ("the
    U.S. economy added 559,000 jobs in May"), the participle of an act on a document ("a suit
    filed in 2019 against ...", "the report released on Tuesday"), where the verb is no one's speech
    or stance, or a stance with no more than a time after its verb ("announced in March")."""
    if quote.direct or quote.verb is None:
        return False
    if is_stance(quote) and _ONLY_WHEN.fullmatch(quote.text, len(quote.verb)) and not _MONTH_OBJECT.match(quote.text, len(quote.verb)):
        return True  # "Vance announced in March...": what was announced is cut off
    if quote.verb in ("add", "adds", "added", "adding"):
        return _ADDED_AMOUNT.match(text, quote.start) is not None and _FINITE.search(quote.text) is None
    mention = quote.speaker_mention
    return (
        mention is not None and not quote.speaker and quote.verb in _ACTS_ON_DOCUMENTS
        and text.startswith(quote.verb, quote.start) and head_noun(mention.text) in ACTED_ON_HEADS
        and _PASSIVE_AFTER.match(text, quote.start + len(quote.verb)) is not None
    )


_ROLE_BEFORE = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+){0,2}(?P<role>[a-z]+)|(?<![\w’'\-.])(?P<plural>[A-Za-z]+s))"
    r"\s+(?:in|at|from|for|of|with|inside|within|among|on)\s+$"
)
"""A description of someone ending in a preposition right before a mention: "A federal judge in" the
Southern District of California; or a bare plural of a role ("Ambassadors from" the 27 member states,
"Sources inside" the closed-door meeting, "Republicans on" the committee)."""


def _widened(quote: Quote, text: str) -> Quote:
    """A quotation whose unresolved mention is the place or body a described person belongs to ("A
    federal judge in the Southern District of California ruled ...", "Ambassadors from the 27 member
    states endorsed ..."), its mention widened to the person: the one who speaks is the judge, not the
    district."""
    mention = quote.speaker_mention
    if mention is None or quote.speaker:
        return quote
    found = _ROLE_BEFORE.search(text, max(0, mention.start - 60), mention.start)
    if found is None:
        return quote
    role = found.group("role") or found.group("plural").lower()
    if role not in PERSON_ROLES and role[:-1] not in PERSON_ROLES:  # "judge", "ambassadors"
        return quote
    return dataclasses.replace(quote, speaker_mention=Mention(text[found.start() : mention.end], found.start(), mention.end))


_SO_CALLED = re.compile(r"\bso[\s-]called\s*\W$", re.IGNORECASE)
"""A term the writer names and keeps at a distance ("the so-called “lab leak hypothesis”"): no one's words."""

_SO_CALLED_WIDTH = 40
"""How far before a quotation "so-called" is looked for: a fixed window, so that an article of many
quotations is read in time linear in its length, not from its start for each."""


def _extract(article: Article, sentences: Sequence[Sentence], settings: QuoteSettings) -> tuple[Quote, ...]:
    """The records of one reading of ``article`` (see ``extract_quotes``)."""
    text = article.text
    all_spans = quoted_spans(text)
    direct_spans = [
        s for s in all_spans
        if len(WORD.findall(text[s.start : s.end])) >= settings.min_direct_words
        and not _SO_CALLED.search(text, max(0, s.start - _SO_CALLED_WIDTH), s.start)
    ]
    read = []  # per sentence: (sentence, masked text, attribution, direct quotations overlapping it)
    for sentence in sentences:
        overlapping = [s for s in all_spans if s.start < sentence.end and s.end > sentence.start]
        masked = mask(sentence.text, sentence.start, overlapping)
        inside = [s for s in direct_spans if s.start < sentence.end and s.end > sentence.start]
        read.append((sentence, masked, _attribution(masked, settings.stances), inside))

    common_words = frozenset(re.findall(r"\b[a-z][a-z’'\-]+\b", text))
    resolver = Resolver(
        names=person_names(text, common_words), appositions=appositions(text), text=text, common_words=common_words
    )
    named = (a.speaker for _, _, a, _ in read if a and not is_pronoun(a.speaker) and not is_description(a.speaker))
    resolver.persons = tuple(dict.fromkeys(resolver.full_name(n) for n in named if resolver.is_person(n)))

    quotes: list[Quote] = []
    last_attributed = -len(sentences) - 1
    last_mention: Mention | None = None
    last_resolved = ""
    seen: set[QuotedSpan] = set()
    named_after: set[int] = set()  # sentences whose attribution names the speaker of the quotation before them
    pending: tuple[Sentence, str, _Attribution, tuple[str, str | None, Mention | None]] | None = None
    for position, (sentence, masked, attribution, inside) in enumerate(read):
        if pending is not None:  # the speech participle of the sentence before, now that all its own records are read
            quotes.extend(_trailing_participle(article, *pending, quotes, True))
            pending = None
        if settings.stances and position:  # the sentence before, now that all its own records are read
            quotes.extend(_later_stances(article, *read[position - 1][:2], resolver, quotes))
            quotes.extend(_relative_stances(article, *read[position - 1][:2], resolver, quotes))
        speaker, verb, mention = "", None, None
        if attribution is not None:
            speaker, verb, mention = _said_by((sentence, masked, attribution), resolver, text)
            if attribution.stance is None:  # a stance ("Trump sought to rally ...") is no speaker of the quotes after it
                last_attributed, last_mention, last_resolved = position, mention, speaker
            if speaker and not is_description(speaker):
                resolver.last_speaker = speaker
            if speaker and " and " not in speaker and (resolver.is_person(speaker) or PERSON_TITLE.match(attribution.speaker)):
                # people named together are no "he" or "she" of the sentences after them
                resolver.last_person, resolver.last_person_at = speaker, position
        elif inside and (subject := _quoting_subject(masked)) is not None:
            # "Sanders accused him of preventing Americans from being able to “stand together ...”":
            # a quotation inside a sentence about its subject is the subject's
            speaker = resolver.resolve(subject.group("speaker"), masked[: subject.start("speaker")])
            lo, hi = (sentence.start + at for at in subject.span("speaker"))
            mention, verb = Mention(text[lo:hi], lo, hi), None
        elif inside and (own := _own_source(masked)) is not None:
            speaker, _, mention = _said_by((sentence, masked, own), resolver, text)  # a stance is no cue of the quotation
        elif inside and position - last_attributed <= settings.continuation_sentences:
            # a quote-only sentence continues the last attribution; a quotation running on keeps it going
            speaker, mention, last_attributed = last_resolved, last_mention, position
        resolver.mentioned(masked, position)
        inside = [span for span in inside if not is_title(text[span.start : span.end])]
        for span in inside:
            if span in seen:  # a quotation running over several sentences is one quote
                continue
            seen.add(span)
            start, end = trim(text, span.start, span.end)
            said_by = (speaker, verb, mention)
            if attribution is None and (closing := _closing_attribution(read, position, span)) is not None:
                said_by = _said_by(closing, resolver, text)  # "“A. B. C,” Clinton said.": named where it closes
            elif attribution is None and (after := _named_after(read, position, span, text)) is not None:
                said_by = _said_by(after, resolver, text)  # "“..., who knows?” / Trump told ITV.": named after it
                named_after.add(position + 1)
            elif attribution is None and (signed := _SIGNED_AFTER.match(text, span.end)) and _can_speak(signed.group("name")):
                # "“I just ran for my life,” Rochelle Hawkins, a VTA mechanic who ...": the verb cut off, the name is there
                lo, hi = signed.span("name")
                said_by = (resolver.resolve(signed.group("name")), None, Mention(text[lo:hi], lo, hi))
            quotes.append(Quote(said_by[0], text[start:end], article.id, start, end, True, said_by[1], said_by[2]))
        if settings.stances and attribution is None:
            quotes.extend(_questions_and_agents(article, sentence, masked, resolver))
            if not inside:
                quotes.extend(_sourceless(article, sentence, masked))
        if attribution is None or position in named_after:
            continue  # a sentence that only names the speaker of the quotation before it reports nothing more
        if settings.stances:
            quotes.extend(_trailing_participle(article, sentence, masked, attribution, (speaker, verb, mention), quotes, False))
            quotes.extend(_questions_and_agents(article, sentence, masked, resolver))
        else:  # read once the sentence's own records are in: a participle inside them is no record of its own
            pending = (sentence, masked, attribution, (speaker, verb, mention))
        relative = _indirect_span(masked, attribution, settings.stances)
        if relative is None:
            continue
        if attribution.stance is None:
            quotes.extend(_next_clause(article, sentence, masked, relative, resolver, settings))
        if inside and (
            len(WORD.findall(masked[relative[0] : relative[1]].replace(MASK, " "))) < settings.min_indirect_words
            or not (
                any(sentence.start + relative[0] < q.end and q.start < sentence.start + relative[1] for q in inside)
                or FINITE_CLAUSE.match(masked, relative[0]) or _MIXED_CLAUSE.match(masked, relative[0])
            )
            or (_RELATIVE.match(masked, relative[0]) and not _THAT_BEFORE.search(masked, 0, relative[0]))
            # "“...,” Steele wrote in a message, which was provided to ..."; "noted that when ..." is the clause
        ):
            continue  # the clause is the quotation: "“...,” he said"; else mixed: "He said they feared a “cultural war”"
        start, end = trim(text, sentence.start + relative[0], sentence.start + relative[1])
        stance = attribution.stance is not None or (verb in STANCE_FALLBACK and text.startswith(verb or "", start))
        if len(WORD.findall(text[start:end])) >= (settings.min_stance_words if stance else settings.min_indirect_words):
            transcript = verb == ":" and _TRANSCRIPT_LABEL.fullmatch(attribution.speaker) is not None
            quotes.append(Quote(speaker, text[start:end], article.id, start, end, transcript, verb, mention))
    if pending is not None:
        quotes.extend(_trailing_participle(article, *pending, quotes, True))
    if settings.stances and read:
        quotes.extend(_later_stances(article, *read[-1][:2], resolver, quotes))
        quotes.extend(_relative_stances(article, *read[-1][:2], resolver, quotes))
    log.debug("article %s: %d quotes", article.id, len(quotes))
    return _run_on(text, quotes)


_TRANSCRIPT_LABEL = re.compile(r"[A-Z][A-Z.’'\-]+(?:\s+[A-Z][A-Z.’'\-]+){0,3}")
"""A transcript's speaker label in capitals ("TAPPER", "TUCKER CARLSON"): the words after it are the
speaker's own, verbatim, where a headline's "Ted Cruz: ..." label gives no more than reported words."""


_SIGNED_AFTER = re.compile(rf"(?:[,!?]|(?<=[,!?]))[”\"][ \t]*(?P<name>{NAME}),\s+(?:a|an|the|who)\s")
"""A name right after a quotation that does not end its sentence (a comma, "!" or "?" before the closing
mark, the name on the same line) and before its apposition ("“...,” Rochelle Hawkins, a VTA mechanic
who was at the facility during..."): the speaker, even where the verb is lost (an excerpt cut short) or
not read. After a full stop the name opens a sentence of its own."""


_RUNS_ON = re.compile(r"[.,!?;:…]*[ \t]*\n+\s*[“\"]")
"""A quotation left open at its paragraph's end, the next paragraph opening with a quote mark: the
news convention for one quotation over several paragraphs."""


def _run_on(text: str, quotes: list[Quote]) -> tuple[Quote, ...]:
    """Quotations over several paragraphs: a speakerless piece left open at its paragraph's end takes
    the speaker of the piece that goes on in the next paragraph (named where the quotation closes:
    "“We will rebuild every home. / “We will not leave anyone behind,” she said.")."""
    starts = {q.start: i for i, q in enumerate(quotes) if q.direct}
    for i in range(len(quotes) - 1, -1, -1):
        quote = quotes[i]
        if not quote.direct or quote.speaker or quote.speaker_mention is not None:
            continue
        opening = _RUNS_ON.match(text, quote.end)
        after = starts.get(opening.end()) if opening else None
        if after is not None and (quotes[after].speaker or quotes[after].speaker_mention is not None):
            quotes[i] = dataclasses.replace(
                quote, speaker=quotes[after].speaker, verb=quotes[after].verb, speaker_mention=quotes[after].speaker_mention
            )
    return tuple(quotes)
