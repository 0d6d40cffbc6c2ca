"""How an outlet frames a story: its words, not its facts.

Per outlet: the verbs it attributes speech with ("said" versus "claimed", "admitted", "insisted"),
its hedges ("reportedly", "may"), its loaded or subjective words (a lexicon in
``newsprism/data/loaded_words.tsv``, written from the categories of public subjectivity and bias
lexicons), the names it picks for contested things ("Kiev"/"Kyiv", "annexation"/"reunification") and
a tone: the balance of its positive and negative loaded words.

Lexicon matching accepts regular inflections ("slammed", "slams" for "slam"), which is what makes a
short, hand-written list usable; its precision and recall against BASIL's annotated lexical-bias
spans are measured in ``tests/analysis/test_framing_basil.py`` and reported in docs/evaluation.md.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources

from newsprism.analysis.quotes import is_speech, quoted_spans
from newsprism.analysis.quotes.words import PREPOSITIONS
from newsprism.errors import NewsprismError
from newsprism.model import Article, Framing, Quote, Span

log = logging.getLogger(__name__)

HEDGES: tuple[str, ...] = (
    "alleged", "allegedly", "reportedly", "apparently", "purportedly", "supposedly", "ostensibly", "possibly",
    "perhaps", "probably", "likely", "unlikely", "may", "might", "could", "appears", "appeared",
    "seems", "seemed", "suggests", "suggested", "unclear", "unconfirmed", "unverified",
    "believed to", "said to be", "thought to be", "it is not clear", "it was not clear",
)
"""Words that weaken a claim (the hedge category of Hyland's metadiscourse, as used by Recasens et al. 2013)."""


@dataclass(frozen=True, slots=True)
class NamingChoice:
    """One contested thing and the names outlets use for it (each a regular expression)."""

    concept: str
    variants: tuple[tuple[str, str], ...]  # (display name, pattern)


NAMING_CHOICES: tuple[NamingChoice, ...] = (
    NamingChoice("Ukraine's capital", (("Kiev", r"\bKiev\b"), ("Kyiv", r"\bKyiv\b"))),
    NamingChoice("eastern Ukraine region", (("Donbass", r"\bDonbass\b"), ("Donbas", r"\bDonbas\b"))),
    NamingChoice("Luhansk", (("Lugansk", r"\bLugansk\b"), ("Luhansk", r"\bLuhansk\b"))),
    NamingChoice("Crimea joining Russia", (
        ("annexation", r"\bannex(?:ation|ed|ing)?\b"), ("reunification", r"\breunifi(?:cation|ed)\b"),
        ("accession", r"\baccession\b"), ("occupation", r"\boccup(?:ation|ied)\b"),
    )),
    NamingChoice("eastern Ukraine's armed groups", (
        ("self-proclaimed republics", r"\bself-proclaimed republics?\b"), ("separatists", r"\bseparatists?\b"),
        ("rebels", r"\brebels?\b"), ("militias", r"\bmilitias?\b"), ("people's republics", r"\bpeople[’']s republics?\b"),
    )),
    NamingChoice("immigrants without legal status", (
        ("illegal immigrants", r"\billegal (?:immigrants?|migrants?)\b"), ("illegal aliens", r"\billegal aliens?\b"),
        ("undocumented immigrants", r"\bundocumented (?:immigrants?|migrants?|workers?)\b"), ("illegals", r"\billegals\b"),
    )),
    NamingChoice("abortion", (
        ("pro-life", r"\bpro-life\b"), ("anti-abortion", r"\banti-abortion\b"),
        ("pro-choice", r"\bpro-choice\b"), ("abortion rights", r"\babortion[- ]rights\b"),
    )),
    NamingChoice("estate tax", (("estate tax", r"\bestate tax\b"), ("death tax", r"\bdeath tax\b"))),
    NamingChoice("the 2010 health law", (("Obamacare", r"\bObamacare\b"), ("Affordable Care Act", r"\bAffordable Care Act\b"))),
    NamingChoice("climate", (
        ("climate change", r"\bclimate change\b"), ("global warming", r"\bglobal warming\b"), ("climate crisis", r"\bclimate crisis\b"),
    )),
    NamingChoice("guns", (("gun control", r"\bgun control\b"), ("gun safety", r"\bgun safety\b"), ("gun rights", r"\bgun rights\b"))),
    NamingChoice("the Islamic State group", (
        ("ISIS", r"\bISIS\b"), ("ISIL", r"\bISIL\b"), ("Islamic State", r"\bIslamic State\b"), ("Daesh", r"\bDaesh\b"),
    )),
    NamingChoice("armed opponents", (
        ("terrorists", r"\bterrorists?\b"), ("militants", r"\bmilitants?\b"), ("insurgents", r"\binsurgents?\b"),
    )),
    NamingChoice("street unrest", (("riot", r"\briot(?:s|ers?|ing)?\b"), ("protest", r"\bprotest(?:s|ers?)?\b"), ("unrest", r"\bunrest\b"))),
    NamingChoice("tax cuts", (("tax cuts", r"\btax cuts?\b"), ("tax relief", r"\btax relief\b"), ("tax breaks", r"\btax breaks?\b"))),
    NamingChoice("interrogation", (("enhanced interrogation", r"\benhanced interrogation\b"), ("torture", r"\btortur(?:e|ed|ing)\b"))),
    NamingChoice("Myanmar", (("Burma", r"\bBurma\b"), ("Myanmar", r"\bMyanmar\b"))),
)
"""Contested names, written from the style-guide debates they come from (AP Stylebook entries, the
Ukrainian "KyivNotKiev" campaign, US partisan vocabulary)."""


class Lexicon(Mapping[str, str]):
    """Words and phrases with their polarity, immutable and hashed by content, so that settings
    holding one are immutable and hashable (one cached lexicon is shared by every settings object;
    a mutable dict there would let one caller change every other's framing)."""

    __slots__ = ("_entries", "_hash")

    def __init__(self, entries: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._entries = dict(entries)
        self._hash: int | None = None

    def __getitem__(self, word: str) -> str:
        return self._entries[word]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._entries.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and self._entries == dict(other.items())

    def __repr__(self) -> str:
        return f"Lexicon({len(self)} entries)"

    def __reduce__(self) -> tuple[type[Lexicon], tuple[dict[str, str]]]:
        return (Lexicon, (self._entries,))


LITERAL = "literal"
"""The polarity of a phrase in which a loaded word has its literal news sense ("presidential hopeful",
"explosive device", "pleaded guilty to conspiracy"): matched like any phrase, before its words, and
never flagged, so that the word inside it is not counted as the outlet's judgement."""


@functools.cache
def loaded_lexicon() -> Lexicon:
    """The bundled lexicon: lower-case word or phrase -> polarity ("neg", "pos", "int", or ``LITERAL``)."""
    text = resources.files("newsprism").joinpath("data/loaded_words.tsv").read_text(encoding="utf-8")
    lexicon = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, polarity = line.split("\t")
            lexicon[word.strip().lower()] = polarity.strip()
    return Lexicon(lexicon)


@dataclass(frozen=True, slots=True)
class FramingSettings:
    """What counts as framing.

    ``tone_smoothing`` is added to the number of polar words so that one word cannot set the tone
    of an outlet (with 5, a single negative word gives -1/6). ``include_quoted`` counts loaded words
    and hedges inside quotations too; by default only the outlet's own words count (a speaker's
    "witch hunt" is not the outlet's tone), measured against BASIL's lexical-bias spans outside
    quotations in ``tests/analysis/test_framing_basil.py``.
    """

    tone_smoothing: float = 5.0
    include_quoted: bool = False
    hedges: tuple[str, ...] = HEDGES
    naming: tuple[NamingChoice, ...] = NAMING_CHOICES
    lexicon: Mapping[str, str] = field(default_factory=loaded_lexicon)
    """Any mapping; it is kept as an immutable ``Lexicon`` copy, so the settings stay hashable."""

    def __post_init__(self) -> None:
        if not isinstance(self.lexicon, Lexicon):
            if not isinstance(self.lexicon, Mapping):
                raise NewsprismError(f"FramingSettings.lexicon must map words to polarities, not {type(self.lexicon).__name__}")
            object.__setattr__(self, "lexicon", Lexicon(self.lexicon))


WORD = re.compile(r"[A-Za-z][A-Za-z\-’']*[A-Za-z]|[A-Za-z]")
"""A word as the lexicon is matched against (letters, inner hyphens and apostrophes)."""


@functools.lru_cache(maxsize=100_000)
def base_forms(word: str) -> tuple[str, ...]:
    """``word`` and what it could be an inflection of ("slammed" -> "slamm", "slam", "slamme")."""
    forms = [word]
    for suffix in ("ing", "ed", "es", "s", "ly", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            forms += [stem, stem + "e"]
            if len(stem) >= 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
            if stem.endswith("i"):
                forms.append(stem[:-1] + "y")
    return tuple(dict.fromkeys(forms))


def _phrase_match(words: Sequence[str], lexicon: Mapping[str, str]) -> str | None:
    """The lexicon entry a run of words is, inflected on its last word ("witch hunts") or its first ("lashed out")."""
    head, last = " ".join(words[:-1]), words[-1]
    for form in base_forms(last):
        if f"{head} {form}" in lexicon:
            return f"{head} {form}"
    tail = " ".join(words[1:])
    for form in base_forms(words[0]):
        if f"{form} {tail}" in lexicon:
            return f"{form} {tail}"
    return None


def find_loaded(
    text: str, article: str, lexicon: Mapping[str, str], skip: Sequence[tuple[int, int]] = (), names: bool = True
) -> list[Span]:
    """Loaded words of ``text`` as spans labelled with their polarity (phrases before single words; a
    ``LITERAL`` phrase holds its words back unflagged).

    With ``names=False`` a word capitalised inside a sentence is taken for part of a name and left
    out ("the Patriot Act", "the Freedom Caucus"); a headline, capitalised throughout, keeps ``True``.
    """
    tokens = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in WORD.finditer(text)]
    phrase_words = {word for entry in lexicon if " " in entry for word in entry.split()}
    sizes = sorted({entry.count(" ") + 1 for entry in lexicon if " " in entry}, reverse=True)
    spans: list[Span] = []
    i = 0
    while i < len(tokens):
        start = tokens[i][0]
        if any(lo <= start < hi for lo, hi in skip):
            i += 1
            continue
        entry, size = None, 1
        for size in sizes:  # phrases first, and only where a phrase word could be
            run = tokens[i : i + size]
            if len(run) < size or not any(f in phrase_words for t in run for f in base_forms(t[2])):
                continue
            if re.fullmatch(r"[A-Za-z\-’' ]+", text[start : run[-1][1]]) and (entry := _phrase_match([t[2] for t in run], lexicon)):
                break
        if entry is None:
            size = 1
            entry = next((form for form in base_forms(tokens[i][2]) if form in lexicon), None)
        if entry is not None:
            end = tokens[i + size - 1][1]
            if lexicon[entry] != LITERAL and (names or not in_name(text, start)):
                spans.append(Span(text[start:end], article, start, end, lexicon[entry]))
            i += size
        else:
            i += 1
    return spans


_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[“\"‘(]\s*|[.!?][”\"’]\s+)$")
"""What comes before a word that opens a sentence or a quotation, where a capital says nothing."""


def in_name(text: str, start: int) -> bool:
    """Whether the word at ``start`` is capitalised inside a sentence, so taken for part of a name."""
    return text[start].isupper() and not _SENTENCE_OPENS.search(text, 0, start)


_SHOWED_UP = (
    r"(?!\s+(?:at(?!\s+(?:odds|ease|a\s+loss|risk)\b)|before|alongside|onstage|during)\b"
    r"|\s+on\s+(?!(?:track|course|pace|the\s+(?:verge|brink|cusp|point|mend|way|rise))\b))"
)
"""After "appear": a place or an occasion is where someone or something showed up ("an account with the
handle @desk appeared on the site", "appeared on his show"), no hedge; "appeared to be", "appears likely",
"appeared on track", "appears on the verge of", "appeared on the cusp of", "appears at odds with", "appeared at ease" stay hedges."""


@functools.cache
def _hedge_pattern(hedges: tuple[str, ...]) -> re.Pattern[str]:
    """Hedges in lower case or capitalised at a sentence start ("May" is left alone: it is a month),
    forms of "appear" only where they do not tell where someone showed up (``_SHOWED_UP``)."""
    forms = {*hedges, *(h[0].upper() + h[1:] for h in hedges if h != "may")}
    spelled = (re.escape(form) + (_SHOWED_UP if form.lower().startswith("appear") else "") for form in sorted(forms, key=len, reverse=True))
    return re.compile(r"\b(?:" + "|".join(spelled) + r")\b")


def frame_outlet(
    outlet: str, articles: Sequence[Article], quotes: Iterable[Quote] = (), settings: FramingSettings | None = None
) -> Framing:
    """The framing of ``outlet`` over its ``articles``; ``quotes`` are theirs (for attribution verbs)."""
    settings = settings or FramingSettings()
    loaded: list[Span] = []
    hedges: list[Span] = []
    names: Counter[tuple[str, str]] = Counter()
    hedge_pattern = _hedge_pattern(settings.hedges)
    for article in articles:
        skip = () if settings.include_quoted else [(s.start, s.end) for s in quoted_spans(article.text)]
        loaded.extend(find_loaded(article.text, article.id, settings.lexicon, skip, names=False))
        hedges.extend(
            Span(m.group(), article.id, m.start(), m.end(), "hedge") for m in hedge_pattern.finditer(article.text)
            if not any(lo <= m.start() < hi for lo, hi in skip)
        )
        names.update(_names_used(article.text, settings.naming))
    quotes = [q for q in quotes if is_speech(q)]  # whom it quotes: speech, not what people did ("endorsed Trump") nor sourceless reports
    verbs = Counter(q.verb.lower() for q in quotes if q.verb)
    polar = Counter(span.label for span in loaded)
    tone = (polar["pos"] - polar["neg"]) / (polar["pos"] + polar["neg"] + settings.tone_smoothing)
    headed = next((a for a in articles if a.title), None)
    headline = headed.title if headed else None
    return Framing(
        outlet=outlet,
        loaded=tuple(loaded),
        hedges=tuple(hedges),
        attribution_verbs=dict(verbs.most_common()),
        naming=_naming(names),
        tone=round(tone, 3),
        headline=headline,
        headline_loaded=tuple(find_loaded(headline, headed.id, settings.lexicon)) if headed and headline else (),
        headline_naming=_naming(_names_used(headline or "", settings.naming)),
        sourcing=sourcing_profile(quotes),
        quoted=dict(Counter(q.speaker for q in quotes if q.speaker).most_common()),
    )


def _names_used(text: str, choices: Sequence[NamingChoice]) -> Counter[tuple[str, str]]:
    """How often ``text`` uses each name of each contested thing."""
    return Counter({
        (choice.concept, name): count for choice in choices for name, pattern in choice.variants
        if (count := len(re.findall(pattern, text)))
    })


def _naming(names: Counter[tuple[str, str]]) -> dict[str, str]:
    """Per contested thing, the names used, the most used first ("Kyiv / Kiev")."""
    naming: dict[str, list[tuple[str, int]]] = {}
    for (concept, name), count in names.items():
        naming.setdefault(concept, []).append((name, count))
    return {concept: " / ".join(n for n, _ in sorted(used, key=lambda x: -x[1])) for concept, used in naming.items()}


ANONYMOUS_HEADS = frozenset(
    """source sources official officials person people aide aides insider insiders adviser advisers
    advisor advisors operative operatives diplomat diplomats staffer staffers""".split()
)
"""Heads of the descriptions that stand for an anonymous source ("a senior official", "people
familiar with the talks", "sources")."""


def sourcing_profile(quotes: Iterable[Quote]) -> dict[str, int]:
    """How an outlet sources a story: its quotations, how many are verbatim or reported, and how
    many have a named speaker, an unnamed one, or an anonymous source ("a senior official said")."""
    profile = Counter(quotations=0, direct=0, reported=0, named=0, unnamed=0, anonymous=0)
    for quote in quotes:
        profile["quotations"] += 1
        profile["direct" if quote.direct else "reported"] += 1
        mention = quote.speaker_mention.text.lower() if quote.speaker_mention else ""
        if quote.speaker:
            profile["named"] += 1
        elif mention and mention not in {"he", "she", "they", "it", "we", "i", "him", "her"}:
            profile["unnamed"] += 1
            profile["anonymous"] += any(w.strip(".,’'") in ANONYMOUS_HEADS for w in _head_words(mention)[-3:])
    return dict(profile)


_POSTMODIFIER = re.compile(r"[,(]|\b(?:" + "|".join(sorted(PREPOSITIONS | {"who", "that", "which"})) + r")\b")
"""Where the words after a description's head begin: a preposition, a relative pronoun, a comma."""


_PARTITIVE = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|several|many|most|all|none|each|both|any|either"
    r"|neither|dozens|(?:a\s+)?(?:few|number|handful|couple))\s+of\s+"
)
"""A quantity of what follows "of" ("two of the officials"), whose head is that of the words after "of"."""


def _head_words(mention: str) -> list[str]:
    """The words of a description up to its head: its last words when nothing follows the head ("a
    senior official"), those before what qualifies it otherwise ("a source familiar with the
    discussions", "officials at the agency"), whose own last words name no source; after a quantity,
    those of what it counts ("one of the people familiar with the talks")."""
    counted = _PARTITIVE.match(mention)
    if counted:
        return _head_words(mention[counted.end() :])
    qualified = _POSTMODIFIER.search(mention)
    return mention[: qualified.start() if qualified else len(mention)].split()
