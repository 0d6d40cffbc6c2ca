"""Quote extraction measured on PolNeAR dev: every article alone, each quotation record matched to
a gold attribution when their content spans overlap by at least half of the shorter
(``newsprism.evaluate.attribution``; ``benchmarks/quotes_polnear.py`` prints the same numbers).

Measured on all 84 dev articles (2,192 gold attributions): see ``FLOORS`` and the history in
``docs/quotations.md``. The extractor was tuned on PolNeAR train only; floors sit about one
percentage point under the measurement. By default stances are read as well (PolNeAR's own notion
of an attribution: "Ryan endorsed Trump") and, since, impressions with no source ("Sanders appears to
lead", ``is_sourceless``), verbs of expression ("cast him as weak") and the main clause before a
participle of speech ("Kasich bemoaned ..., saying"): precision 0.933, recall 0.698, speaker mention
0.859 (train 0.926, 0.664, 0.865).
Speech and belief alone (``QuoteSettings(stances=False)``, the default before): 0.969, 0.510, 0.866.
"""

from __future__ import annotations

import functools

from datapaths import shared_file

from newsprism.analysis.quotes import QuoteSettings, extract_quotes
from newsprism.evaluate.attribution import AttributionScore, evaluate, read_gold

FLOORS = {"precision": 0.93, "recall": 0.68, "mention": 0.85}
SPEECH_FLOORS = {"precision": 0.955, "recall": 0.50, "mention": 0.85}


@functools.cache
def _dev_score() -> AttributionScore:
    return evaluate(read_gold(shared_file("polnear/polnear_dev.jsonl")), extract_quotes)


@functools.cache
def _speech_score() -> AttributionScore:
    settings = QuoteSettings(stances=False)
    return evaluate(
        read_gold(shared_file("polnear/polnear_dev.jsonl")), lambda article, sentences: extract_quotes(article, sentences, settings)
    )


def test_quotation_records_on_polnear_dev_are_attributions_at_the_floor_precision():
    assert _dev_score().precision >= FLOORS["precision"], _dev_score().summary()


def test_quotation_records_on_polnear_dev_find_the_floor_share_of_attributions():
    assert _dev_score().recall >= FLOORS["recall"], _dev_score().summary()


def test_speaker_mentions_on_polnear_dev_overlap_the_gold_source_at_the_floor_rate():
    assert _dev_score().mention >= FLOORS["mention"], _dev_score().summary()


def test_speech_alone_on_polnear_dev_is_attributions_at_the_floor_precision():
    assert _speech_score().precision >= SPEECH_FLOORS["precision"], _speech_score().summary()


def test_speech_alone_on_polnear_dev_finds_the_floor_share_of_attributions():
    assert _speech_score().recall >= SPEECH_FLOORS["recall"], _speech_score().summary()


def test_speech_alone_speaker_mentions_on_polnear_dev_overlap_the_gold_source_at_the_floor_rate():
    assert _speech_score().mention >= SPEECH_FLOORS["mention"], _speech_score().summary()
