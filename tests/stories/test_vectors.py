"""Story vectors: names, stop words, incremental IDF and the fitted-state rule."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.stories.tokens import word_hashes
from newsprism.stories.vectors import StreamVectorizer, VectorSettings, entities

BRIDGE = Article(id="b", title="Harbour bridge closes", text="The mayor of Port Ellen said the harbour bridge will close.")
CONCERT = Article(id="c", title="Orchestra names conductor", text="The Vienna orchestra named Anna Berg its conductor.")


def test_entities_are_capitalised_names_without_sentence_initial_stop_words():
    assert entities("The mayor of Port Ellen met Anna Berg. They spoke.") == ["port ellen", "anna berg"]


def test_word_hashes_are_the_same_for_the_same_word_anywhere_and_ignore_case():
    hashes = word_hashes("Bridge closed; the bridge", 10)
    assert hashes[0] == hashes[3] and len(hashes) == 4
    assert len(word_hashes("a bridge", 10, min_length=2)) == 1


def test_a_vectorizer_used_before_any_article_is_a_clear_error():
    with pytest.raises(NewsprismError, match="not fitted yet; call partial_fit"):
        StreamVectorizer().transform([BRIDGE])


def test_idf_learned_incrementally_weighs_a_word_seen_everywhere_below_a_rare_one():
    vectorizer = StreamVectorizer().partial_fit([BRIDGE, CONCERT])
    assert vectorizer.n_documents_ == 2
    rows = vectorizer.transform([BRIDGE, CONCERT])
    assert np.allclose(np.sqrt(rows.multiply(rows).sum(axis=1)), 1.0)
    assert (rows @ rows.T).toarray()[0, 1] < 0.1


def test_one_streamed_chunk_equals_fitting_then_transforming_it():
    vectorizer = StreamVectorizer()
    streamed = vectorizer.fit_weigh(vectorizer.counts([BRIDGE, CONCERT]))
    fitted = StreamVectorizer().partial_fit([BRIDGE, CONCERT]).transform([BRIDGE, CONCERT])
    assert np.allclose(streamed.toarray(), fitted.toarray())


def test_a_hashing_space_that_is_not_a_power_of_two_is_refused():
    with pytest.raises(NewsprismError, match="power of two >= 1024, got 3000"):
        VectorSettings(n_features=3000)
