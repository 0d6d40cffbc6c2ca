"""The cluster, ingest, stories and evaluate clusters commands on invented articles."""

from __future__ import annotations

import json

import pytest

from newsprism.cli import main

EVENTS = {
    "bridge": "The harbour bridge will close for repairs after engineers found cracks in two supports, "
              "the mayor said on Tuesday. A ferry will carry commuters while the bridge is closed.",
    "orchestra": "The city orchestra named a new principal conductor who will lead the symphony season, "
                 "the board announced. The conductor has led orchestras in Vienna and Oslo.",
}


def _write(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def articles(tmp_path):
    records = [
        {"id": "b1", "text": EVENTS["bridge"], "outlet": "Harbour Post", "published": "2024-03-01"},
        {"id": "o1", "text": EVENTS["orchestra"], "outlet": "Arts Daily", "published": "2024-03-01"},
        {"id": "b2", "text": EVENTS["bridge"] + " Reporting by the wire.", "outlet": "City Times",
         "published": "2024-03-01T14:00:00"},
        {"id": "o2", "text": "The symphony board announced that the new conductor of the city orchestra "
                             "previously led orchestras in Vienna and Oslo.", "outlet": "Music Weekly",
         "published": "2024-03-02"},
    ]
    path = tmp_path / "articles.jsonl"
    _write(path, records)
    return path


def test_cluster_prints_one_line_per_input_article_in_input_order(articles, capsys):
    assert main(["cluster", str(articles), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["article"] for r in lines] == ["b1", "o1", "b2", "o2"]
    by_id = {r["article"]: r for r in lines}
    assert by_id["b2"]["duplicate_of"] == "b1" and by_id["b2"]["story"] == by_id["b1"]["story"]
    assert by_id["o2"]["story"] == by_id["o1"]["story"] != by_id["b1"]["story"]
    assert by_id["o2"]["duplicate_of"] is None


def test_evaluate_clusters_prints_bcubed_pairwise_and_ari(articles, tmp_path, capsys):
    main(["cluster", str(articles)])
    pred = tmp_path / "pred.jsonl"
    pred.write_text(capsys.readouterr().out)
    gold = tmp_path / "gold.jsonl"
    _write(gold, [{"article": a, "story": a[0]} for a in ("b1", "o1", "b2", "o2")])
    assert main(["evaluate", "clusters", "--gold", str(gold), "--pred", str(pred)]) == 0
    out = capsys.readouterr().out
    assert "B-cubed" in out and "adjusted Rand index" in out and "1.000" in out


def test_ingest_twice_stores_each_article_once_and_stories_lists_them(articles, tmp_path, capsys):
    db = tmp_path / "news.db"
    assert main(["ingest", str(articles), "--db", str(db)]) == 0
    assert main(["ingest", str(articles), "--db", str(db)]) == 0
    assert "0 articles added" in capsys.readouterr().err
    assert main(["stories", "--db", str(db), "--format", "jsonl"]) == 0
    stories = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(s["articles"] for s in stories) == [2, 2]
    assert main(["stories", "--db", str(db), "--since", "2024-03-02", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_stories_of_a_missing_store_or_a_bad_date_is_a_one_line_error(tmp_path, capsys):
    assert main(["stories", "--db", str(tmp_path / "none.db")]) == 2
    assert "no such store" in capsys.readouterr().err
    assert main(["stories", "--db", str(tmp_path / "none.db"), "--since", "soon"]) == 2
    assert "--since 'soon' is not a date" in capsys.readouterr().err


def test_stories_writes_a_report_per_story_and_an_index(articles, tmp_path):
    out = tmp_path / "reports"
    assert main(["stories", str(articles), "--out", str(out)]) == 0
    pages = sorted(p.name for p in (out / "stories").iterdir())
    assert len(pages) == 2
    index = (out / "index.html").read_text()
    assert all(f"stories/{page}" in index for page in pages)
    assert "Music Weekly" in index


def test_a_50_mb_article_is_reported_and_the_others_still_clustered(articles, tmp_path, capsys):
    huge = tmp_path / "huge.jsonl"
    huge.write_text(articles.read_text() + json.dumps({"id": "huge", "text": "word " * 10_000_000}) + "\n")
    assert main(["cluster", str(huge)]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["article"] for line in captured.out.splitlines()] == ["b1", "o1", "b2", "o2"]
    assert "huge.jsonl:5" in captured.err


def test_future_and_unparseable_dates_are_clustered_by_content_with_a_warning(tmp_path, capsys):
    path = tmp_path / "future.jsonl"
    _write(path, [{"id": "f", "text": EVENTS["bridge"], "published": "2999-01-01"},
                  {"id": "g", "text": EVENTS["orchestra"], "published": "not a date"}])
    assert main(["cluster", str(path)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert "in the future; clustered by content alone" in captured.err
    assert "unparseable date 'not a date'" in captured.err


def test_reports_of_a_store_keep_each_storys_summary_and_comparison_in_it(articles, tmp_path):
    from newsprism.store import Store

    db, out = tmp_path / "news.db", tmp_path / "reports"
    assert main(["ingest", str(articles), "--db", str(db)]) == 0
    assert main(["stories", "--db", str(db), "--out", str(out)]) == 0
    assert len(list((out / "stories").iterdir())) == 2
    with Store(db) as store:
        for row in store.stories():
            assert store.analysis(row.id, "summary")["sentences"]
            assert "consensus" in store.analysis(row.id, "comparison")


def test_each_story_page_links_back_to_the_index(articles, tmp_path):
    out = tmp_path / "reports"
    assert main(["stories", str(articles), "--out", str(out)]) == 0
    for page in (out / "stories").glob("*.html"):
        assert '<a href="../index.html" class="back">' in page.read_text(encoding="utf-8")
        assert (page.parent / "../index.html").resolve() == (out / "index.html").resolve()


def test_an_untitled_story_is_named_on_the_index_by_whole_words_with_its_dates(tmp_path):
    sentence = ("Negotiators for the northern fishing cooperatives and the regional port authority resumed "
                "talks over the disputed harbour fees on Wednesday afternoon in the capital.")
    path = tmp_path / "untitled.jsonl"
    _write(path, [
        {"id": "u1", "text": sentence + " Both sides called the talks useful.", "outlet": "Coast News",
         "published": "2024-03-01"},
        {"id": "u2", "text": sentence + " A deal is expected next week.", "outlet": "Port Daily",
         "published": "2024-03-04"},
    ])
    out = tmp_path / "reports"
    assert main(["stories", str(path), "--out", str(out)]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    link_text = index.split('href="stories/')[1].split(">", 1)[1].split("</a>")[0]
    shown = link_text.removesuffix("…")
    assert link_text.endswith("…") and sentence.startswith(shown) and sentence[len(shown)] == " "
    assert "2024-03-01 to 2024-03-04" in index


def test_stories_exit_1_and_say_how_many_reports_failed(articles, tmp_path, capsys):
    out = tmp_path / "reports"
    assert main(["stories", str(articles), "--out", str(out), "--words", "3"]) == 1
    err = capsys.readouterr().err
    assert "smaller than every sentence" in err
    assert "and 0 story reports; 2 failed" in err


def test_a_word_budget_below_one_is_refused_before_any_story_is_read(articles, tmp_path, capsys):
    assert main(["stories", str(articles), "--out", str(tmp_path / "r"), "--words", "0"]) == 2
    assert capsys.readouterr().err == "newsprism: error: --words must be at least 1, got 0\n"
    assert not (tmp_path / "r").exists()


def test_a_stored_story_without_titles_is_listed_by_its_opening_words(articles, tmp_path, capsys):
    db = tmp_path / "news.db"
    assert main(["ingest", str(articles), "--db", str(db)]) == 0
    assert main(["stories", "--db", str(db), "--format", "jsonl"]) == 0
    leads = {s["lead"] for s in map(json.loads, capsys.readouterr().out.splitlines())}
    assert leads == {EVENTS["bridge"][:200], EVENTS["orchestra"][:200]}
    assert main(["stories", "--db", str(db)]) == 0
    assert "The harbour bridge will close for repairs" in capsys.readouterr().out


def test_since_also_selects_the_stories_written_from_inputs(tmp_path):
    path = tmp_path / "days.jsonl"
    _write(path, [
        {"id": "b1", "text": EVENTS["bridge"], "outlet": "Harbour Post", "published": "2024-03-01"},
        {"id": "o1", "text": EVENTS["orchestra"], "outlet": "Arts Daily", "published": "2024-03-05T09:00:00+01:00"},
    ])
    out = tmp_path / "reports"
    assert main(["stories", str(path), "--out", str(out), "--since", "2024-03-02"]) == 0
    (page,) = (out / "stories").iterdir()
    assert "conductor" in page.read_text(encoding="utf-8")


def test_since_does_not_count_a_date_in_the_future_for_inputs_as_for_a_store(tmp_path, capsys):
    path = tmp_path / "days.jsonl"
    _write(path, [
        {"id": "b1", "text": EVENTS["bridge"], "outlet": "Harbour Post", "published": "2099-01-01"},
        {"id": "o1", "text": EVENTS["orchestra"], "outlet": "Arts Daily", "published": "2024-03-05"},
    ])
    out = tmp_path / "reports"
    assert main(["stories", str(path), "--out", str(out), "--since", "2024-03-02"]) == 0
    assert "1 story with no article since 2024-03-02 left out" in capsys.readouterr().err
    (page,) = (out / "stories").iterdir()
    assert "conductor" in page.read_text(encoding="utf-8")
    db = tmp_path / "news.db"
    assert main(["ingest", str(path), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", str(db), "--since", "2024-03-02", "--format", "jsonl"]) == 0
    assert [json.loads(line)["articles"] for line in capsys.readouterr().out.splitlines()] == [1]


def test_evaluate_clusters_scores_an_article_the_clusterer_skipped_as_a_story_of_its_own(articles, tmp_path, capsys):
    junk = tmp_path / "junk.jsonl"
    _write(junk, [{"id": "j1", "text": "Copyright 2024, Harbour Post", "outlet": "Harbour Post"}])
    assert main(["cluster", str(articles), str(junk)]) == 0
    pred = tmp_path / "pred.jsonl"
    pred.write_text(capsys.readouterr().out)
    gold = tmp_path / "gold.jsonl"
    _write(gold, [{"article": a, "story": a[0]} for a in ("b1", "o1", "b2", "o2", "j1")])
    assert main(["evaluate", "clusters", "--gold", str(gold), "--pred", str(pred)]) == 0
    captured = capsys.readouterr()
    assert "the clusterer skipped 1 article" in captured.err and captured.err.rstrip().endswith(": j1")
    assert f"{pred}: the clusterer skipped 1 article of {gold} (their 'skipped' field says why)" in captured.err
    assert "Clustering: 5 articles, 3 gold and 3 predicted" in " ".join(captured.out.split())


def test_clustering_options_given_with_a_store_are_refused_not_ignored(articles, tmp_path, capsys):
    db = tmp_path / "news.db"
    assert main(["ingest", str(articles), "--db", str(db)]) == 0
    assert main(["stories", "--db", str(db), "--threshold", "0.3"]) == 2
    assert "--threshold and --dormant-days apply to INPUTs" in capsys.readouterr().err


def test_stories_say_how_many_stories_min_articles_left_out(articles, tmp_path, capsys):
    junk = tmp_path / "more.jsonl"
    _write(junk, [{"id": "x1", "text": "A chess club opened a new hall for its weekly tournaments in the old library.",
                   "outlet": "Board Games Weekly"}])
    assert main(["stories", str(articles), str(junk), "--out", str(tmp_path / "r"), "--min-articles", "2"]) == 0
    assert "and 2 story reports; 1 story of fewer than 2 articles left out" in capsys.readouterr().err


def test_a_report_that_cannot_be_written_is_a_one_line_error_naming_it(articles, tmp_path, capsys, monkeypatch):
    import errno
    from pathlib import Path

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    assert main(["stories", str(articles), "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newsprism: error: cannot write {tmp_path / 'r' / 'stories'}") and "No space left" in err


def test_ingest_of_nothing_usable_exits_2_and_creates_no_store(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    db = tmp_path / "news.db"
    assert main(["ingest", str(empty), "--db", str(db)]) == 2
    assert "no article with text to store" in capsys.readouterr().err
    assert not db.exists()


def test_a_rerun_removes_its_earlier_story_pages_but_no_other_file(articles, tmp_path, capsys):
    out = tmp_path / "reports"
    assert main(["stories", str(articles), "--out", str(out)]) == 0
    (out / "stories" / "notes.html").write_text("<p>my own notes</p>")
    single = tmp_path / "single.jsonl"
    _write(single, [{"id": "x1", "text": EVENTS["bridge"], "outlet": "Harbour Post"}])
    capsys.readouterr()
    assert main(["stories", str(single), "--out", str(out)]) == 0
    assert "removed 1 page of an earlier run" in capsys.readouterr().err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (out / "stories").iterdir()) == ["notes.html", "s1.html"]
    assert 'href="stories/s1.html"' in index


def test_the_ingest_summary_says_1_article_and_1_story_in_the_singular(tmp_path, capsys):
    _write(tmp_path / "one.jsonl", [{"id": "a", "outlet": "Reuters", "published": "2024-03-05",
                                     "text": "The council voted on Tuesday to approve the new budget for the city."}])
    assert main(["ingest", str(tmp_path / "one.jsonl"), "--db", str(tmp_path / "one.db")]) == 0
    err = capsys.readouterr().err
    assert "1 article added" in err and "1 story updated" in err and "1 article in the store" in err
