"""Rules of grouping quotes of different articles as one remark."""

from __future__ import annotations

import pytest

from newsprism.analysis.quotes import QuoteSettings, group_quotes, story_idf
from newsprism.errors import NewsprismError
from newsprism.model import Quote

OUTLETS = {"a": "RT", "b": "LA Times"}.get
FILLER = ["The talks failed", "Moscow is ready", "Sanctions were imposed", "Relations are bad", "Prices rose"]


def _quote(text: str, article: str, speaker: str = "Dmitry Peskov") -> Quote:
    return Quote(speaker, text, article, 0, len(text), True, "said")


def _groups(a: Quote, b: Quote):
    return group_quotes([a, b], OUTLETS, story_idf([a.text, b.text, *FILLER]))


def test_one_shared_word_does_not_join_two_remarks_of_one_speaker():
    a = _quote("Nothing can justify the wall", "a")
    b = _quote("They justify the expulsion of diplomats", "b")
    assert len(_groups(a, b)) == 2


def test_a_partial_quote_found_word_for_word_in_the_full_quote_is_grouped_with_it():
    b = _quote("Making sure the voter rolls are complete and kept up to date is key to fair elections", "b")
    a = _quote("up to date", "a")
    assert len(_groups(a, b)) == 1


def test_two_remarks_in_another_script_sharing_one_word_are_not_one_quotation():
    a = _quote("Мы не согласны с этим решением", "a", speaker="")
    b = _quote("Мы согласны, решение принято вчера", "b", speaker="")
    assert len(_groups(a, b)) == 2


def test_a_partial_quote_in_another_script_is_grouped_with_the_full_quote():
    b = _quote("Мы не согласны с этим решением правительства", "b")
    a = _quote("с этим решением", "a")
    assert len(_groups(a, b)) == 1


def test_pieces_of_contractions_are_not_shared_words():
    a = _quote("We don't think the U.S. wants that", "a")
    b = _quote("They don't trust the U.S. delegation", "b")
    assert len(_groups(a, b)) == 2


def test_a_grouping_share_above_one_is_refused_with_its_name():
    with pytest.raises(NewsprismError, match="group_overlap must be in"):
        QuoteSettings(group_overlap=1.5)
