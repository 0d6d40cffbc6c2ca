from newsprism.model import Article


def test_an_article_of_unknown_outlet_is_shown_by_its_file_name():
    assert Article("a", "text", source="/data/feeds/rt-2017.txt").display_outlet == "rt-2017.txt"


def test_an_article_of_unknown_outlet_from_a_url_is_shown_by_its_url():
    assert Article("a", "text", source="https://example.org/x").display_outlet == "https://example.org/x"


def test_a_known_outlet_is_shown_by_its_name():
    assert Article("a", "text", outlet="RT", source="/data/rt.txt").display_outlet == "RT"


def test_an_outlet_whose_sentence_matches_a_fact_it_could_not_join_is_among_the_outlets_conveying_it():
    from newsprism.model import Fact, Sentence, Story, StoryAnalysis

    articles = tuple(Article(id=f"a{i}", text=f"Sentence {i}.", outlet=o) for i, o in enumerate("ABC"))
    sentences = {a.id: (Sentence(a.id, 0, 0, len(a.text), a.text),) for a in articles}
    joined = Fact(0, (sentences["a0"][0], sentences["a1"][0]), ("A", "B"), sentences["a0"][0])
    alone = Fact(1, (sentences["a2"][0],), ("C",), sentences["a2"][0])
    analysis = StoryAnalysis(
        Story("s", articles), sentences, (joined, alone), {("a0", 0): 0, ("a1", 0): 0, ("a2", 0): 1},
        matches={(("a0", 0), ("a1", 0)): 0.9, (("a1", 0), ("a2", 0)): 0.7, (("a0", 0), ("a2", 0)): 0.1},
        link_probability=0.6,
    )
    assert analysis.outlets_conveying() == {0: ("A", "B", "C"), 1: ("C", "B")}
    assert analysis.outlets_conveying(0.8) == {0: ("A", "B"), 1: ("C",)}
