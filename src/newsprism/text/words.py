"""Word lists more than one stage reads, each kept once.

The speech verbs were lists that disagreed: quotation reading's (``analysis.quotes``, held to the
quotation floors of ``tests/analysis/test_quotes_annotated.py`` and ``test_quotes_polnear.py``) and
shorter ones of the sentence splitter and the summary, for the short attribution after a quotation.
The measured list is the one kept; the attribution after a quotation is that list plus the one
sense it leaves out on purpose.
"""

from __future__ import annotations

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
    "acknowledging", "stating", "explaining", "asking", "pledged", "affirms", "affirmed", "tweets",
    "recounted", "recalls", "proclaimed", "retorted", "scoffed",
)
"""Verbs that introduce speech; the framing report counts which of them each outlet uses.

Forms that are more often nouns or other senses in news ("comments", "notes", "claims", "states",
"continued", "posted", "charged") are left out."""

ATTRIBUTION_VERBS: frozenset[str] = frozenset(SPEECH_VERBS) | {"continued", "continues"}
"""Verbs of a short attribution that follows a quotation as its own clause ("Is it?" Durbin asked.;
"...," Smith continued.): the speech verbs, and "continued", which right after a quotation and a
name is speech although elsewhere it is mostly not (so ``SPEECH_VERBS`` leaves it out). The
sentence splitter keeps such a clause with its quotation, and the summary keeps a sentence that is
only such a clause with the quotation before it."""


MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)
"""The month names in order: the clusterer reads them in URLs, the figure reader in dates, the
quotation reader tells a month from a time or a name ("Johnson endorsed May")."""

IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children"})
"""The irregular plurals news uses most: a count of them ("hundreds of missing people") for the
figure reader, an owner that makes a name with what follows ("Children’s Hospital") for speakers."""
