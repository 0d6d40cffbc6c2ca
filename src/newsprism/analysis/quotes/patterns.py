"""What attributions look like: the regular expressions that read a speaker, a cue and the words
said in a sentence whose quotations are masked (``marks.mask``), and cheap tests that tell when a
pattern cannot match. Used by ``extract``; data only in ``words``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsprism.analysis.quotes.words import (
    BELIEF_VERBS,
    PREPOSITIONS,
    RESPONSE_EVENTS,
    RESPONSE_PLACES,
    ROLE_WORDS,
    SPEECH_VERBS,
    STANCE_VERBS,
    TITLES,
)

BELIEF = frozenset(BELIEF_VERBS) - frozenset(SPEECH_VERBS)

BELIEF_CLAUSE = (
    re.compile(r"(?:\s+(?:on\s+\w+|\w+ly))?,?\s+that\b"),
    re.compile(r"(?:\s+(?:on\s+\w+|\w+ly))?,?\s+(?:that\b|(?!(?:of|about|so|it|this|that|the|a|an|to|in|for)\b)[A-Za-z’']+\s+(?:\w+\s+)?(?:is|are|was|were|will|would|could|can|should|has|have|had|may|might|must|does|did|do)\b)"),
)
"""What must follow a belief verb: "that" (or, after think/believe/feel/fear, a subject and its verb)."""

NAME_WORD = r"(?:[A-Z][\w’'\-]*\.?|(?:de|van|von|da|bin|al|del|la|le)\b|(?:and|of|for)(?=\s+[A-Z]))"
"""A word of a name: capitalised, a particle ("van", "bin"), or the "and", "of" or "for" of "Customs and
Border Protection", "Secretary of State Shirley Weber", "Center for Disease Control"."""

TITLE = r"(?:(?:" + "|".join(TITLES) + r")\.\s+)"

NAME = rf"(?:\b(?:(?:acting|former|interim|deputy|retired)\s+)?{TITLE}?(?:the\s+)?[A-Z][\w’'\-]*\.?(?:\s+{NAME_WORD}){{0,5}})"

PRONOUN = r"(?:\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I))"

GROUP = (
    r"(?:\b(?:(?:[Mm]ultiple|[Ss]everal|[Mm]any|[Ss]ome|[Oo]ther|[Ss]enior|[Tt]op|[Nn]ew)\s+)?"
    r"(?:(?!(?:that|and|but|as|which|who|whom|when|where|while|if|because|though|although|whereas|after|before|since|until"
    r"|unless|whether|the|a|an|of|to|in|on|at|for|with|by|from|said|says|say|told)\b)"
    r"[\w.’'\-]+\s+){0,3}"
    r"(?:[Rr]eports|[Ff]igures|[Dd]ata|[Oo]fficials|[Aa]ides|[Cc]ritics|[Ee]xperts|[Aa]nalysts|[Ss]ources|"
    r"[Ii]nsiders|[Ll]awmakers|[Aa]uthorities|[Pp]olice|[Rr]esidents|[Ww]itnesses|[Pp]rosecutors|[Ii]nvestigators|"
    r"[Ll]eaders|[Mm]embers|[Vv]oters|[Ee]conomists|[Pp]eople|[Ss]upporters|[Aa]dvocates|[Oo]bservers|[Pp]olls|"
    r"[Ss]urveys|[Ss]tudies|[Dd]ocuments|[Rr]ecords|[Nn]ewspapers|[Aa]ctivists|[Ss]trategists|[Dd]emocrats|[Rr]epublicans|"
    r"[Oo]peratives|[Aa]ttorneys|[Ll]awyers|[Ee]xecutives|[Ss]cientists|[Rr]esearchers|[Ss]pokesmen|[Ss]pokespeople|"
    r"[Dd]elegates|[Dd]onors|[Oo]rganizers|[Pp]rotesters|[Cc]andidates|[Ff]riends|[Aa]llies|[Oo]pponents|[Aa]ssociates|"
    r"[Cc]onservatives|[Ll]iberals|[Pp]rogressives|[Ee]vangelicals|[Ss]pecialists|[Pp]ollsters|[Hh]istorians|[Cc]ommentators|"
    r"[Pp]undits|[Jj]ournalists|[Rr]eporters|[Ss]cholars|[Aa]cademics|[Ss]taffers|[Aa]dvisers|[Aa]dvisors|[Oo]fficers|[Aa]gents|"
    r"[Aa]mericans|[Cc]itizens|[Ww]orkers|[Dd]octors|[Tt]eachers|[Pp]arents|[Ss]tudents|[Ff]amilies|[Cc]ritics|[Ff]ans|[Bb]ackers|"
    r"[Ss]enators|[Gg]overnors|[Ll]egislators|[Cc]ongressmen|[Dd]iplomats|[Jj]udges|[Jj]ustices|[Vv]olunteers|[Mm]ayors|[Oo]thers)\b)"
)
"""Bare plural speakers without a determiner ("Republican officials said", "Critics say"), none of
their words a conjunction ("near Hollywood where witness reports said", "even though top GOP leaders
opposed": the speakers are "witness reports" and "top GOP leaders")."""

DESCRIPTION = (
    r"(?:\b(?:[Tt]he|[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Oo]ther|[Bb]oth|[Tt]wo|[Tt]hree)\s+"
    r"(?:[\w’'\-.]+\s+){0,5}?[\w’'\-]+"
    rf"|{NAME}[’']s\s+(?:[a-z\-]+\s+){{0,3}}[a-z\-]+)"
)

SHARE = (
    r"(?:\b(?:[Aa]bout\s+|[Nn]early\s+|[Aa]lmost\s+|[Oo]nly\s+|[Jj]ust\s+)?(?:[A-Z]?[a-z]+(?:-[a-z]+)?|\d+(?:\.\d+)?)"
    r"(?:\s+percent|\s*%|\s+in\s+(?:10|ten|\d{1,3}(?!\d)|three|four|five|six|seven|eight|nine)|\s+of\s+(?:10|ten))(?:\s+of\s+(?:the\s+|all\s+)?[\w\-]+(?:\s+[\w\-]+){0,3}?)?)"
)
"""A share of the people polled ("Twenty-four percent", "Six in 10", "55 percent of all voters")."""

SHARE_SPEAKER = re.compile(SHARE)

JOINT = rf"(?:{NAME}\s+and\s+{NAME})"
"""Two names joined, each with its titles ("Senate Minority Leader Chuck Schumer and House Speaker Nancy
Pelosi"): longer than one name may be, read when no single name reaches the verb."""

SPEAKER = rf"(?P<speaker>{DESCRIPTION}|{GROUP}|{SHARE}|{NAME}|{JOINT}|{PRONOUN})"

COME_TO = r"(?:believe|think|feel|see|view|regard|accept|realize|realise|understand|recognize|recognise|expect|agree|doubt|suspect|trust|know)"
"""Verbs of belief that "come to" leads to: a belief reached over time ("have come to believe")."""

AUX = (
    r"(?:(?:has|had|have|is|are|am|be|been|being|was|were|will|would|may|might|could|should|can|must|did|does|do|not|never|also|now|still|long"
    r"|even|reportedly|already|often|later|then|previously|earlier|repeatedly|again|once|just|recently|first|initially"
    r"|publicly|privately|openly|flatly|explicitly|further|since|(?:come|comes|came|coming) to(?=\s+" + COME_TO + r"\b)"
    r"|(?!(?:family|ally|rally|assembly|supply|anomaly|monopoly|belly|bully|reply|apply|comply|july|italy)\b)[a-z]{3,}ly)\s+|(?:did|does|do|could|would|should|has|have|had|ca|wo)n[’']t\s+)*"
)
"""Auxiliaries, negations and adverbs between a speaker and the verb ("has long said", "did not say",
"doesn’t think", "now says", "bluntly accused"; any word in -ly but nouns such as "family", "rally"),
and "come to" before a verb of belief ("Labor Department officials have come to believe that ...";
not "came to praise him", a visit and its purpose)."""

HEADLINE_VERBS = ("Says", "Said", "Tells", "Told", "Claims", "Thinks", "Admits", "Warns", "Explains", "Asks", "Reveals", "Insists")
"""Verbs as a headline capitalises them ("Bernie Sanders Says He’s Already Started Writing His Address")."""

NOT_A_RESPONSE = (
    r"(?!respond(?:s|ed|ing)?\s+to\s+(?:(?:a|an|the|this|that)\s+)?"
    r"(?:(?!(?:about|of|on|over|from|by|with|for|to|in|at|and|or)\b)[a-z0-9][\w’'\-]*\s+){0,3}?"
    r"(?:(?:" + "|".join(sorted(RESPONSE_PLACES)) + r")\b|(?:" + "|".join(sorted(RESPONSE_EVENTS)) + r")\b(?!\s+(?:of|for)\b))"
    r"(?!(?:\s+[a-z][\w\-]*){0,2}[’']s\b))"
)
"""Not "responded to" an event or a place (``words.RESPONSE_EVENTS``, ``words.RESPONSE_PLACES``:
"Officers responded to an altercation outside ...", "a 911 call"): an act, where "responded to a
question about the fire", "responded to Sanders' call for ..." (a name among its words) and
"responded to the calls for his resignation" (an event's word before "of" or "for") are speech or a
stance, and so is one whose word owns what follows ("responded to the school board's vote", "the
fire department's report": the word is no head). Set before a verb group, read from the verb's start."""

VERB = (
    NOT_A_RESPONSE + r"(?P<verb>" + "|".join(sorted((re.escape(v) for v in {*SPEECH_VERBS, *BELIEF_VERBS, *HEADLINE_VERBS}), key=len, reverse=True))
    + r")\b(?!(?<!vowed)(?<!promised)(?<!pledged)\s+to\b(?!\s+(?:reporters|the|a|an|his|her|their|its|[A-Z]))"
    r"(?:\s+(?:be|have|been|\w+ly)\b|\s+[a-z]+\s+(?:the|a|an|his|her|their|that|to|in|on|for|with|him|them|it)\b))"
)
"""A verb of speech or belief; not "said to be", "said to favor the plan" (what others say of someone),
but "said to reporters", "said to enthusiastic cheers"."""


_KNOWS = r"close\s+to|familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|involved\s+in"
"""What an unnamed source knows, after its head ("people familiar with the talks", "sources close to Clinton")."""

_CLAUSE = r"(?:[^,.;“\"]|(?<=[A-Z])\.){1,120}?"
"""The words of a relative clause, in which a full stop is an initialism's ("that forced the closure of the
largest U.S. fuel pipeline")."""

_THAT_CLAUSE = (
    r"|" + "".join(sorted(rf"(?<!\b{verb.split()[0]})" for verb in {*SPEECH_VERBS, *BELIEF_VERBS})) + r"\s+(?P<that>that)(?=\s+(?:(?:has|have|had|is|are|was|were|will|would)\s|[a-z]+ed\s|[a-z]+s\s+(?:the|a|an|his|her|their|its|[A-Z])))\s+"
    + r"(?:(?!that\b)[^,.;“\"—–]|(?<=[A-Z])\.){1,120}?(?<!ing)"
)
"""A relative clause with "that", read before a verb of speech only (before a verb of stance, a noun in
its words may pass for the verb: "a relationship that has ricocheted from fawning support to searing
personal insults"), and never after one, where "that" opens what was said ("Ivana Trump's brief said
that was not her view": the description's last word may be the verb). Its words hold no dash and no
other "that", which open another clause with its own subject ("a deal that would help Australia form a
fleet — a partnership that experts believe ...")."""


def _aside(relative: str) -> str:
    """What may stand between a speaker and its verb (``ASIDE``), with ``relative`` the relative clauses read."""
    return (
        r"(?:\s+of\s+the\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,4})?"
        r"(?:\s*\([^)]{1,40}\))?(?P<origin>\s+(?:in|from)\s+(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+(?:of\s+)?[A-Z][\w.’'\-]*){0,3})?"
        r"(?:\s+who\s+" + _CLAUSE + relative + r")?"
        r"(?:\s+(?:during|at|in|on)\s+(?:a|an|the)\s+[\w\-]+(?:\s+[\w\-]+)?)?"
        r"(?:\s+(?:" + _KNOWS + r")"
        r"\s+(?:(?:the|a|an|his|her|their|its)\s+)?[\w’'\-.]+(?:\s+[\w’'\-.]+){0,4}?)?"
    )


ASIDE = _aside(_THAT_CLAUSE)
"""A party label, a relative clause or what a source knows between a speaker and the verb ("Schumer (D-N.Y.)", "an
insider who met him", "people close to Clinton"); a relative clause with "that" when a verb follows it ("The group
that sued the state said": not "the state"; "that the senator said", "that officials said" open a clause), ending on
no word in -ing, an adjective before a noun that may pass for the verb ("that has ricocheted from fawning support")."""

WHEN = r"(?:\s+(?:on\s+[A-Z]\w+|last\s+\w+|this\s+\w+|earlier|later|yesterday|today)(?:\s+(?:morning|afternoon|evening|night))?)?"

# "SPEAKER (has) said", anchored so the speaker ends right before the verb.
SPEAKER_VERB = re.compile(rf"{SPEAKER}{ASIDE}(?P<apposed>(?:,[^,]{{1,160}}){{1,3}},|,)?{WHEN}\s+{AUX}{VERB}")


STANCE = NOT_A_RESPONSE + r"(?P<verb>" + "|".join(sorted(STANCE_VERBS, key=len, reverse=True)) + r")\b"

SPEAKER_STANCE = re.compile(rf"{SPEAKER}{_aside('')}(?P<apposed>(?:,[^,]{{1,160}}){{1,3}},|,)?{WHEN}\s+{AUX}{STANCE}(?=\s+[\w“\"])")
"""A speaker and a verb of stance with its object ("Ryan endorsed Trump"): read only when the sentence
has no verb of speech or belief."""

ROLE = r"(?:" + "|".join(sorted((re.escape(w) for w in ROLE_WORDS if w.isalpha()), key=len, reverse=True)) + r")"
"""A role or title word in lower case ("spokesman", "former", "governor")."""

ROLE_BEFORE_NAME = rf"(?:(?:{ROLE}|[A-Z][\w.’'\-]*)\s+){{0,4}}?{ROLE}\s+(?=[A-Z])"
"""A role in lower case, perhaps with capitalised words, before the name that follows an inverted
verb ("said former Utah governor Michael Leavitt", "tweeted Rubio spokesman Alex Conant"): part of
the attribution, not of the speaker's name."""

# "..., said SPEAKER" / "” said Mr. Steele" (inverted, after a quote or a comma).
VERB_SPEAKER = re.compile(
    rf"[,”\"Q']\s*{VERB}\s+(?:{ROLE_BEFORE_NAME})?(?P<speaker>{DESCRIPTION}|{NAME})(?:\s*\([^)]{{1,20}}\))?"
    r"(?=\s*[,.;:!?]|\s*$|\s+(?:on|in|at|during|after|before|while|when|last|this|yesterday|today|who|from|of)\b)"
)
"""Inverted attribution ("..., said Mr. Steele."); the speaker must end the clause, so the subject
of reported speech ("said Mr. Steele was ...") is not taken for the speaker."""

GOES_ON = re.compile(
    rf"[”\"Q']\s*(?P<speaker>{PRONOUN}|{NAME}|{DESCRIPTION})\s+(?P<verb>continued|went on)\b"
    rf"|[”\"Q']\s*(?P<verb2>continued|went on)\s+(?P<speaker2>{NAME}|{DESCRIPTION})(?=\s*[,.;:!?]|\s*$)"
    rf"|(?P<speaker3>{PRONOUN}|{NAME}|{DESCRIPTION})\s+(?P<verb3>continued|went on)\s*:\s*$"
)
""""Continued" and "went on" attribute speech only right after a quotation or before a colon that
opens one ("..., he continued."; "Caddell continued:"): elsewhere the war continued."""

AFTER_QUOTE = re.compile(
    rf"Q[,!?]?[”\"']\s*(?P<verb4>[a-z]+ed)\s+(?:{ROLE_BEFORE_NAME})?(?P<speaker4>{NAME}|{DESCRIPTION})(?=\s*[,.;:!?]|\s*$)"
    rf"|Q[,!?]?[”\"']\s*(?P<speaker5>{PRONOUN}|{NAME}|{DESCRIPTION})\s+(?P<verb5>[a-z]+ed)(?=\s*[,.;:!?]|\s*$)"
)
"""Any verb in -ed right after a quotation's closing mark is its cue ("“This is fantastic!” beamed
Donald Hartley"; "“...,” she gushed.")."""

WHO = re.compile(
    rf"(?:(?P<antecedent>{NAME})\s*,\s*|(?P<plural>{GROUP})\s+)?\b(?P<who>who)\s+{AUX}" + VERB.replace("(?P<verb>", "(?P<verb6>", 1)
)
"""A relative clause that reports speech ("business leaders who say ...", "Martin O’Malley, who noted
that ..."): the mention is "who", the speaker the name before it when there is one; after a bare
plural the mention is its head and "who" ("prosecutors who said"), so that an unnamed source still
shows who it is."""

QUOTED_AS = re.compile(
    rf"(?:(?P<outlet>{DESCRIPTION}|{NAME})\s+{AUX})?(?P<quoted>quot(?:ed|es|ing))\s+"
    rf"(?P<speaker>\b(?:him|her|them)\b|{DESCRIPTION}|{GROUP}|{NAME})(?:\s*\([^)]{{1,40}}\))?(?:\s*,[^,;:]{{1,80}},)?\s+(?P<as>as\s+)?"
    r"(?P<verb>saying|telling|writing|stating|warning|adding|arguing|claiming|insisting|noting|explaining|predicting"
    r"|acknowledging|declaring)\b"
)
"""One who reports what another said ("Science quoted Gao as saying that ...", "Reuters quoted a
spokesman saying ...", "quoted Dmitry Peskov, the Kremlin spokesman, as saying"): the speaker is the one
quoted, not the outlet; the cue is "quoted ... as saying". A pronoun is tried first: as a
description "her as" would be read ("quoted her as saying"), where "her spokesman" still is one."""

PROMPTED = re.compile(
    rf"\b(?:prompting|prompted|leading|led|causing|caused|forcing|forced|moving|moved|inspiring|inspired)\s+"
    rf"(?P<speaker>{DESCRIPTION}|{NAME}|\b(?:him|her|them)\b)\s+to\s+"
    r"(?P<verb>ask|say|declare|exclaim|tweet|write|remark|quip|warn|wonder|reply|respond|add)\s*:"
)
"""Someone moved to speak, the words after a colon ("..., prompting the state’s governor to ask: “What
the hell is wrong with us?”"): the speaker is the one prompted; what comes before is not what they said."""

BYLINE = re.compile(rf"[”\"]\s*[―—–]+\s*(?P<byline>{NAME})\s*\.?\s*$")
"""A quotation signed after a dash ("“...” ― Carla Sanchez"): the cue is the dash."""

LABEL = re.compile(rf"^\W*(?P<label>{NAME}):\s+(?=\S)")
"""A speaker label opening a paragraph: a transcript's "TAPPER: ..." or a headline's "Ted Cruz: ...";
the cue is the colon."""

LABEL_WORDS = frozenset("update note photo video watch read more editor related source sources correction".split())
"""Labels that name no speaker ("Update: ...", "Photo: ...")."""

DOCUMENT_PARTICIPLE = r"(?:compiled|released|published|collected|obtained|reviewed|conducted|provided|analyzed|analysed|issued|reported|gathered|prepared)"
"""What was done to a document by its source ("data compiled by the Gun Violence Archive")."""

ACCORDING = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?:{ROLE_BEFORE_NAME})?(?P<speaker>(?:{DESCRIPTION}|{GROUP}|{NAME})(?:\s+(?:{DOCUMENT_PARTICIPLE}\s+)?(?:of|from|by|at|for|on|in|{_KNOWS})\s+(?:(?!\s+and\s+[^A-Z])[^,.;:]){{1,60}}?)?(?:\s+\([A-Z]{{2,}}\))?)(?=\s*[,;:]|\s*\.+(?:\s|$)|\s*$|\s+and\s+{DOCUMENT_PARTICIPLE})"
    rf"|\b[Aa]ccording\s+to\s+(?:{ROLE_BEFORE_NAME})?(?P<short>{DESCRIPTION}|{GROUP}|{NAME}|{PRONOUN}\b|(?:him|her|them)\b|[a-z][\w’'\-]+(?:\s+(?:[\w’'\-]+|[A-Z]\.(?:[A-Z]\.)*)){{0,11}}?(?=\s*(?:[,;:()]|\.(?:\s|$)|$)))"
)
""""According to a new poll by the Harvard Institute of Politics," to its comma, with
an abbreviation in parentheses after it ("the U.S. Energy Information Administration (EIA)"; a full
stop inside an initialism ends nothing) and an "and" only inside a name ("the Centers for Disease
Control and Prevention"; "and" before a lower-case word joins another source); else its first noun phrase, a
pronoun ("according to him") or the words up to the comma ("according to recent polling,"). A role in lower
case before a name is no part of it ("according to Gasbuddy analyst Patrick De Haan": De Haan). Any space
may stand between "according" and "to" (a no-break space, as some pages write it)."""

GROUP_SPEAKER = re.compile(GROUP)

AFTER_PREPOSITION = re.compile(r"\b(?:" + "|".join(PREPOSITIONS) + r")\s+(?:[A-Z][\w.’'\-]*\s+)*$|\b(?:" + "|".join(PREPOSITIONS) + r")\s*$")
"""Text ending in a preposition, perhaps with the start of a name after it ("of New" before "York")."""

COMMON_HEAD = re.compile(r"[a-z0-9][a-z0-9\-]*[a-z]")
"""A lower-case head noun, perhaps with digits and hyphens ("the 46-year-old")."""

FUNCTION_WORDS = frozenset(
    "who whom which that and or but of to in on at for with by from the a an as if whether when while because unless until".split()
)
"""Words that end no noun phrase: a speaker ending in one is a clause ("his expertise to the Trump
Administration if" before "asked")."""

LEAD_WORD = re.compile(
    r"^(?:But|And|Yet|So|Still|Now|Meanwhile|Instead|Also|However|Then|Despite|Earlier|Later|Indeed|Even|Only|Though|Although|While|When|After|Before|If|Because)\s+(?=\S)"
)
"""A sentence connective the speaker pattern took in ("But Murshed Zaheed said"; "Despite Trump saying")."""

PARTY_LABEL = re.compile(r"^[RDI]-[A-Z]")

PERSON_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.?\s+[A-Z]|^(?:President|Senator|Governor|Secretary)\s+[A-Z]")
"""A mention that names a person by a title ("Mr. Obama"): a pronoun after it refers to that person."""

ROLE_BEFORE = re.compile(r",\s*(?:(?!(?:that|which|who|and|but|as|when|while|if|because|after|before|to|of|the|a|an)\b)[\w’'\-.]+\s+){1,6}$")
"""The words of a role between a comma and the speaker's name ("..., Algerian foreign affairs ministry
spokesman Benali Cherif Abdelaziz said"): the trailing attribution starts at the comma."""

DATELINE_AFTER = re.compile(r"\s*(?:\([A-Za-z. ]{1,20}\)\s*)?[—–-]")

VERB_WORDS = frozenset(verb.split()[0] for verb in {*SPEECH_VERBS, *BELIEF_VERBS})

STANCE_WORDS = frozenset(verb.split()[0] for verb in STANCE_VERBS)

HEADLINE_VERB = re.compile(r"\b(?:" + "|".join(HEADLINE_VERBS) + r")\b")

LOWER_WORD = re.compile(r"[a-z]+")


def any_verb(text: str) -> bool:
    """Whether any word of ``text`` starts a verb of speech or belief: far cheaper than the verb pattern."""
    return not VERB_WORDS.isdisjoint(LOWER_WORD.findall(text)) or HEADLINE_VERB.search(text) is not None

MAY_MATCH: dict[re.Pattern[str], Callable[[str], object]] = {
    SPEAKER_STANCE: lambda text: not STANCE_WORDS.isdisjoint(LOWER_WORD.findall(text)),
    SPEAKER_VERB: any_verb, VERB_SPEAKER: any_verb, WHO: any_verb, QUOTED_AS: re.compile(r"\bquot(?:ed|es|ing)\s").search,
    PROMPTED: re.compile(r"\bto\s+[a-z]+\s*:").search, ACCORDING: re.compile(r"[Aa]ccording\s+to").search,
    GOES_ON: re.compile(r"\b(?:continued|went on)\b").search, LABEL: re.compile(r":").search, BYLINE: re.compile(r"[―—–]").search,
    AFTER_QUOTE: re.compile(r"Q[,!?]?[”\"']\s*\S+ed\b|Q[,!?]?[”\"']\s*\S+(?:\s+\S+){0,5}\s+[a-z]+ed\b").search,
}
"""Per pattern, a fast test that must pass for the pattern to match at all."""

CUE_OF = {LABEL: ":", BYLINE: "―"}
"""The cue of the patterns that have no verb."""

PARTICIPLE = re.compile(
    r"\b(?:saying|adding|claiming|arguing|insisting|noting|warning|declaring|acknowledging|stating|explaining|telling"
    r"|interjecting)\b"
)

STANCE_PARTICIPLE = re.compile(
    r",\s+(?P<verb>calling|citing|referring to|suggesting|hoping|urging|accusing|praising|criticizing|blaming|denouncing"
    r"|defending|supporting|backing|promising|vowing|pledging|announcing|recalling|describing|dismissing|questioning"
    r"|comparing|touting|insisting|saying|adding|noting|arguing|warning|claiming|declaring|acknowledging|explaining"
    r"|asking|predicting|rejecting|demanding|threatening|seeking|pointing to|expressing|arguing|attacking|blasting)\b"
)
"""A participle after a comma that attributes to the clause's subject ("..., calling him a disgrace",
"..., said Ed Rendell, referring to the list of endorsements")."""

_ROLE_PREFIX = (
    r"(?:(?:[Tt]he\s+)?(?:[A-Z][\w’'\-]*\s+)?(?:(?:"
    + "|".join(sorted((re.escape(w) for w in ROLE_WORDS if w.isalpha()), key=len, reverse=True))
    + r")\s+){1,3}(?=[A-Z]))?"
)
"""Titles in lower case before a name ("Republican presidential nominee Mitt Romney"): left out of the subject."""
_CONNECTIVE = r"(?:(?:But|And|Yet|So|Still|Now|Meanwhile|However|Then|Instead)\s+)?"
CLAUSE_SUBJECT = re.compile(
    rf"(?:^\W*{_CONNECTIVE}|,\s+){_ROLE_PREFIX}(?P<speaker>{GROUP}|{NAME}|{PRONOUN})(?:,[^,]{{1,160}},)?\s+"
    r"(?!(?:the|a|an|his|her|their|its|this|that)\b|[a-z]+ing\b)[a-z]+"
)
"""The subject of a clause: a name followed by its verb, not by a determiner ("Driving the news: ..."),
after a connective ("But Netanyahu pushed back ...") and its titles; nor by a bare participle, so that
a plural is not read through the verb before it ("Trump described families playing in Central Park":
the subject is "Trump", not "Trump described families")."""

COORDINATED = re.compile(rf"\b(?:and|but)\s+{AUX}{VERB}")

OPENING_DESCRIPTION = re.compile(rf"^\W*{_CONNECTIVE}(?P<speaker>{DESCRIPTION})\s")
"""A description opening a sentence ("A spokesman for the mayor defended the route and said ..."): the
subject of a coordinated verb of speech when no name opens it."""

FRONTED_PARTICIPLE = re.compile(
    rf"^\W*(?:Having\s+{AUX}{VERB}|{_CONNECTIVE}(?P<present>[Ss]aying|[Aa]rguing|[Cc]laiming|[Ii]nsisting|[Dd]eclaring"
    r"|[Aa]sserting|[Ss]tating|[Cc]ontending|[Mm]aintaining)\b(?=\s+(?:that\b|[A-Z]|(?:he|she|they|it|we|the)\b)))"
)
"""A participle of speech opening a sentence, perfect ("Having announced that ..., Judge Berman
proceeded") or present before its clause ("Saying Hamas must pay a “very heavy price”, Israel ..."):
no name, its speaker the subject of the main clause after it."""

OPEN_APPOSITION = re.compile(
    rf"\W*{_CONNECTIVE}(?P<name>{NAME})(?:\s*\([^)]{{1,40}}\))?,\s+(?:a|an|the)\s+(?:(?!\b(?:who|which|that)\b)[^,;:])*"
)
"""A name opening a sentence and an apposition after it that no comma closes ("Sen. Kristen Gillibrand
(D-NY), a supporter of Hillary Clinton’s 2016 bid for the presidency told ..."), matched up to the
end of the speaker read before the verb: the name is the speaker, not the apposition's last words."""

IN_SOURCE = re.compile(
    r"^\W*(?:(?:But|And|Meanwhile|Still)\s+)?[Ii]n\s+(?P<speaker>(?:a|an|the|its|his|her|their)\s+(?:[^,;:]{0,60}?\s+)?"
    r"(?:poll|survey|statement|interview|report|letter|memo|op-ed|speech|study|analysis|filing|ruling|opinion)s?"
    r"(?:\s+(?:by|of|from|for|with|released|conducted|published|issued|on|in)\b[^,;:]{0,80}?)?)\s*,\s*(?=\S)"
)
"""A source set before its clause ("In a CNN national poll, Clinton held a 24-point lead"; "In a
statement, the company ..."): the cue is "in"."""

ASKED = re.compile(
    r"(?:^\W*|,\s*|\b(?:when|after|while|as)\s+)(?:(?:was|were|when|after)\s+)?(?P<verb>[Aa]sked)"
    r"(?:\s+by\s+(?P<speaker>[^,;:]{1,60}?))?(?:\s+(?:on|in|at|during)\s+[^,;:]{1,40}?)?"
    r"\s+(?=(?:about|whether|if|why|how|what|who|when|where)\b)(?P<question>[^,;:]+)"
)
"""A question put to someone, set apart from what they answered ("Asked whether he would counsel
Clinton, Reid said ..."; "..., when asked by Ingraham about ..."): its own reported record, by whoever
asked it (often unnamed), from "asked"."""

REDUCED_PARTICIPLE = re.compile(
    r"(?P<speaker>\b(?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-]+|\bthose|\b[a-z]+(?:ers|ors|ists|ans|ives|ents|ants|ics|ies)"
    r"|\b(?:polls?|surveys?|stud(?:y|ies)|data|results|numbers|figures)(?=\s+(?:showing|suggesting)))"
    r"\s+(?P<verb>supporting|backing|opposing|criticizing|endorsing|praising|denouncing|defending|urging|demanding"
    r"|calling|showing|suggesting"
    r"|accusing|blaming|attacking|questioning|describing\s+themselves|identifying\s+(?:themselves|as|with))\b"
    r"(?=\s+[\w“\"])"
)
"""A participle right after its agent, with no comma ("hedge fund executives supporting her campaign",
"pastors backing Mr. Cruz"): a stance of the agent, from the participle to the clause's end."""

_TOLD_NAME = rf"(?:the\s+)?[A-Z][\w.’']*(?:\s+(?:[A-Z][\w.’']*|(?:\d+|{ROLE})(?=\s+(?:[A-Z]|{ROLE}\b))))*"
"""A name told something, with the roles and numbers inside it ("Channel 4 host Ann Lee")."""

TELL_OBJECT = re.compile(
    rf"\s*(?:reporters|the media|the press|journalists|{_TOLD_NAME}"
    r"(?:\s+(?!(?:that|the|a|an|and|or|just|only|even|exactly|precisely)\b|[a-z]+ly\b)[a-z][\w\-]*){1,2}(?=\s+that\b)"
    rf"|{_TOLD_NAME}|him|her|them|us|me)"
    r"(?=\s|[,.;:!?]|$)"
)
"""Whom something was told, before the clause: "reporters", "Fox News host Sean Hannity", "the U.S.
government" (lower-case words after a name only before "that")."""

OCCASION = (
    r"(?:in|on|at|during|over|via|through|with)\s+(?:a|an|his|her|their|its|the)\s+(?:[\w\-’']+\s+){0,2}?"
    r"(?:statement|interview|speech|letter|tweet|email|e-mail|post|memo|op-ed|release|appearance|call|conference|briefing|"
    r"radio|television|TV|podcast|video|message|note|filing|report)s?"
    r"(?:\s+(?:with|on|to|for)\s+(?:[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*|the\s+\w+|\w+))?"
)
"""Where words were said, between the verb and the clause ("said in a statement that ...", "told
reporters in an interview with CNN")."""

CLAUSE_START = re.compile(
    r"\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\s*)?"
    r"(?:(?:earlier|later)(?:\s+(?:in|on)\s+the\s+\w+)?\s+)?"
    rf"(?:{OCCASION}\s*(?:,\s*)?)?"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\s+(?=that\b))?"
    r"(?:(?:on|in|at|during|over|last|this) [“\"]?(?:[A-Z][\w.’']+|the \w+|\w+)(?:\s+[A-Z][\w.’']+)*[”\"]?"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*)?(?:today\s+|yesterday\s+)?(?:,\s*)?"
    r"(?:(?:however|though|moreover|meanwhile|instead|nonetheless|nevertheless|in\s+fact|for\s+example|for\s+instance"
    r"|in\s+addition|too|also)\s*,\s*)?"
    r"(?:that\s+)?"
)

TIME_AFTER = re.compile(
    r"\s*(?:(?:on\s+|last\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|week|month|year)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)?"
)

NOT_A_CLAUSE = re.compile(
    r"^\W*(?:[A-Za-z]+ing|In|On|At|During|After|Before|While|When|Asked|Writing|Interviewed)\b"
)
"""A lead-in that is not reported speech ("Speaking on ABC's “This Week,” McCain said ...")."""

LEAD_IN = re.compile(r"^\W*(?:[A-Za-z]+ing|Asked|Writing|Interviewed|In\s+(?:response|reply|answer)\s+to|When\s+asked)\b")
"""The same before an attribution that ends its sentence: "In 2014, 82 percent ..., according to
the FBI" reports all that comes before it."""

PLACE_TAIL = re.compile(r"\s*(?:(?:on|in|at|during|to|with|from|after|before|while|for|via|over)\b[^,;:]*?)?[\s.!?”\"']*")
"""What may follow the verb of an attribution that ends its sentence: where or when it was said
("..., Fauci said on ABC's “This Week.”")."""

FINITE_CLAUSE = re.compile(
    r"(?:[A-Za-z’'\-]+\s+){1,3}?(?:is|are|was|were|will|would|could|can|should|has|have|had|may|might|must|does|did|do|wo|ca)(?:n[’']t)?\b"
)
"""A clause after a verb that also takes a plain object ("declared he is sticking to the deadline")."""

WH_CLAUSE = re.compile(r"(?:[\w’'\-]+\s+){0,3}?(?P<wh>whether|if|why|how|what|who|when|where)\b")
"""A reported question after "asked" or "wondered", perhaps after its object."""


LEADING_ADVERBIAL = r"(?:(?:In|On|At|After|Before|During|Since|Last|This|Earlier|Later|Over|For|By|With|Without|Despite|Under|Unlike|Like)\b[^,;:]{0,60},\s+)?"

LOOSE_STANCE = re.compile(
    rf"^\W*{LEADING_ADVERBIAL}{_CONNECTIVE}(?P<speaker>{DESCRIPTION}|{GROUP}|{NAME}|{PRONOUN})(?P<middle>(?:\s+|,\s+|\s*\()[^;:]{{0,140}}?)?"
    r"\s+" + AUX + NOT_A_RESPONSE + r"(?P<verb>" + "|".join(sorted({*STANCE_VERBS, *SPEECH_VERBS, *BELIEF_VERBS}, key=len, reverse=True)) + r")\b(?=\s+[\w“\"])"
)
"""The subject opening a sentence and the first verb of speech, belief or stance after it, whatever
lies between ("Toomey and Sen. Kelly Ayotte (R-N.H.), who are both in tight reelection races, endorsed
the compromise"): read last, for stances, when no tighter pattern reads the sentence."""


SOURCELESS = re.compile(
    rf"^\W*{LEADING_ADVERBIAL}(?:(?:But|And|Yet|So|Still|Now|Meanwhile|However|Indeed|Instead)\s*,?\s+)?"
    r"(?P<subject>[^,;:—–()]{1,90}?)\s+(?:(?:also|still|now|already|increasingly|clearly|certainly|only|has|have|had|all|both)\s+)*"
    r"(?P<cue>(?:seem|seems|seemed|appear|appears|appeared)(?=\s+(?!(?:on|in|at|before|with|alongside|onstage|as|for|from|during|after)\b)[a-z])"
    r"|(?:is|are|was|were)\s+(?:(?:widely|not|also|still|now|generally|largely)\s+)*expected(?=\s+to\b)"
    r"|reportedly(?=\s+[a-z]))"
)
"""An impression or a report with no source opening a sentence ("Sanders appears to have a slight
lead", "The embattled French president is expected to run", "The Club for Growth is reportedly
spending ..."): the subject and all after it are what is attributed, the cue is the verb; not "appeared
on Fox News" (showing up), nor "was expected" without "to"."""

LATER_STANCE = re.compile(
    rf"(?:[,;—]\s+(?:and\s+|but\s+)?|\s+(?:and|but|while|as|whereas|because|after|before|when|since|though|although|where)\s+)"
    rf"(?P<speaker>{NAME}|{PRONOUN}|{GROUP}|{DESCRIPTION})\s+{AUX}{STANCE}(?=\s+[\w“\"])"
)
"""A stance in a later clause of a sentence, after a comma or a conjunction ("..., but Sanders endorsed
Clinton", "... while Democrats criticized the plan"): a sentence may attribute to several people."""

RELATIVE_STANCE = re.compile(
    rf"(?:(?P<antecedent>{NAME})(?:\s*\([^)]{{1,40}}\))?\s*,\s*|(?P<described>\b(?:[Aa]n?|[Tt]he)\s+(?:[\w’'\-]+\s+){{0,2}}?[\w’'\-]+)\s+)"
    rf"(?P<who>who)\s+{AUX}{STANCE}(?=\s+[\w“\"])"
)
"""A stance in a relative clause ("a judge who ruled that ...", "Judge Analisa Torres, who called the
policy arbitrary, ..."): the one the clause is about takes the stance; the mention is "who" after a
name (as for speech, ``WHO``), the description with "who" otherwise."""

LATER_CLAUSE_END = re.compile(r"[;—]|,\s+(?:and|but|while|as)\s")
"""Where a later clause's stance ends: at the next clause."""

LEAD_BEFORE_SUBJECT = re.compile(rf"\W*{LEADING_ADVERBIAL}{_CONNECTIVE}(?:(?:{ROLE}|[A-Z][\w.’'\-]*)\s+)*$")
"""What may stand before the subject that opens a sentence (matched from the sentence's start): a connective, an adverbial and titles
("In his speech, Obama ...", "But Sen. ...", "Cleveland Police Chief Calvin Williams")."""

LEAD_VERB = re.compile(rf"(?:,[^,]{{1,80}},)?{WHEN}\s+{AUX}(?P<verb>(?!(?:" + "|".join(sorted(FUNCTION_WORDS)) + r")\b)[a-z][a-z\-]+(?:ed|ied|s|ght|ew|ave|ook|ent|ote|oke|ade|ut|et|ang|ung|old)\b)(?=\s+[\w“\"(])")
"""The finite verb right after the subject that opens a sentence ("Kasich bemoaned ...", "She has pushed back
...", "Obama positioned ..."), perhaps after an apposition: the main clause before a participle of speech."""
