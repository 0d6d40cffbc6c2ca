"""Quote extraction measured on PolNeAR dev: every article alone, each quotation record matched to
a gold attribution when their content spans overlap by at least half of the shorter
(``newsprism.evaluate.attribution``; ``benchmarks/quotes_polnear.py`` prints the same numbers).

Measured on all 84 dev articles (2,192 gold attributions): see ``FLOORS`` and the history in
``docs/quotations.md``. The extractor was tuned on PolNeAR train only; floors sit about one
percentage point under the measurement: with the default settings (verbs of speech and belief)
precision 0.968, recall 0.509, speaker mention 0.863; with stances as well
(``QuoteSettings(stances=True)``, PolNeAR's own notion of an attribution) 0.937, 0.650 and 0.858.
"""

from __future__ import annotations

import functools

from datapaths import shared_file

from newsprism.analysis.quotes import QuoteSettings, extract_quotes
from newsprism.evaluate.attribution import AttributionScore, evaluate, read_gold

FLOORS = {"precision": 0.955, "recall": 0.50, "mention": 0.85}
STANCE_FLOORS = {"precision": 0.925, "recall": 0.64, "mention": 0.845}


@functools.cache
def _dev_score() -> AttributionScore:
    return evaluate(read_gold(shared_file("polnear/polnear_dev.jsonl")), extract_quotes)


@functools.cache
def _stance_score() -> AttributionScore:
    settings = QuoteSettings(stances=True)
    return evaluate(
        read_gold(shared_file("polnear/polnear_dev.jsonl")), lambda article, sentences: extract_quotes(article, sentences, settings)
    )


def test_quotation_records_on_polnear_dev_are_attributions_at_the_floor_precision():
    assert _dev_score().precision >= FLOORS["precision"], _dev_score().summary()


def test_quotation_records_on_polnear_dev_find_the_floor_share_of_attributions():
    assert _dev_score().recall >= FLOORS["recall"], _dev_score().summary()


def test_speaker_mentions_on_polnear_dev_overlap_the_gold_source_at_the_floor_rate():
    assert _dev_score().mention >= FLOORS["mention"], _dev_score().summary()


def test_with_stances_records_on_polnear_dev_are_attributions_at_the_floor_precision():
    assert _stance_score().precision >= STANCE_FLOORS["precision"], _stance_score().summary()


def test_with_stances_records_on_polnear_dev_find_the_floor_share_of_attributions():
    assert _stance_score().recall >= STANCE_FLOORS["recall"], _stance_score().summary()


def test_with_stances_speaker_mentions_on_polnear_dev_overlap_the_gold_source_at_the_floor_rate():
    assert _stance_score().mention >= STANCE_FLOORS["mention"], _stance_score().summary()
