"""The alignment's array counting: runs within sentences only, stock phrases, vectors, centrality."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analysis.align import AlignSettings, StoryWords, analyze, sentence_vectors, shared_runs
from newsprism.model import Article, Sentence, Story


def sentences(*texts: str) -> list[Sentence]:
    return [Sentence(article=f"a{k}", index=0, start=0, end=len(t), text=t) for k, t in enumerate(texts)]


def test_a_run_repeated_in_two_sentences_links_them():
    flat = sentences("Peskov said it takes two to tango on Friday.", "Moscow insists it takes two to tango now.")
    assert shared_runs(StoryWords.of(flat), AlignSettings()).tolist() == [[0, 1]]


def test_a_run_spanning_the_end_of_one_sentence_and_the_start_of_the_next_links_nothing():
    # "envoys in Vienna on Monday" runs across sentences 0 and 1; sentence 2 holds it whole.
    flat = sentences("Officials said the minister met the envoys", "in Vienna on Monday morning.",
                     "Reporters saw the envoys in Vienna on Monday.")
    assert shared_runs(StoryWords.of(flat), AlignSettings()).tolist() == []


def test_a_run_in_more_than_twice_the_square_root_of_the_sentences_is_a_stock_phrase_and_links_nothing():
    phrase = "the European Central Bank governing council"
    flat = sentences(*(f"Sentence {k} mentions {phrase} today." for k in range(8)))  # 8 > 2 * sqrt(8)
    assert len(shared_runs(StoryWords.of(flat), AlignSettings())) == 0


def test_sentence_vectors_are_unit_rows_and_equal_sentences_have_cosine_one():
    flat = sentences("Rates rose to 5.5 percent.", "Rates rose to 5.5 percent.", "A storm hit the coast.")
    vectors = sentence_vectors(StoryWords.of(flat))
    similarity = (vectors @ vectors.T).toarray()
    assert np.allclose(np.diag(similarity), 1.0)
    assert similarity[0, 1] == pytest.approx(1.0) and similarity[0, 2] == 0.0


def test_the_representative_is_the_member_most_similar_to_the_others():
    # a1 shares its flight wording with a0 and its "homes" with a2.
    story = Story(id="s", articles=(
        Article(id="a0", text="Floods hit Dhaka on Monday, forcing thousands of people to flee.", outlet="A"),
        Article(id="a1", text="Floods hit Dhaka on Monday and forced thousands of people to flee their homes.", outlet="B"),
        Article(id="a2", text="Floods hit Dhaka on Monday, and thousands of people fled their homes.", outlet="C"),
    ))
    fact = analyze(story).facts[0]
    assert len(fact.sentences) == 3 and fact.representative.article == "a1"
