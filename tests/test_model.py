from newsprism.model import Article


def test_an_article_of_unknown_outlet_is_shown_by_its_file_name():
    assert Article("a", "text", source="/data/feeds/rt-2017.txt").display_outlet == "rt-2017.txt"


def test_an_article_of_unknown_outlet_from_a_url_is_shown_by_its_url():
    assert Article("a", "text", source="https://example.org/x").display_outlet == "https://example.org/x"


def test_a_known_outlet_is_shown_by_its_name():
    assert Article("a", "text", outlet="RT", source="/data/rt.txt").display_outlet == "RT"
