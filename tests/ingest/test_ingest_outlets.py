"""One outlet, one name: the bundled table, a user's own table, spellings and read-back JSONL."""

from __future__ import annotations

import json

import pytest

from newsprism.cli import main
from newsprism.errors import NewsprismError
from newsprism.ingest import read_inputs
from newsprism.ingest.outlets import USER_TABLE_VARIABLE, normalize_outlet, outlet_table, unify_spellings
from newsprism.model import Article

BODY = "The council voted on Tuesday to approve the new budget for the city of Springfield.\n"


@pytest.mark.parametrize("given", ["Wired", "WIRED", "wired.com", "https://www.wired.com/story/x"])
def test_every_spelling_and_domain_of_wired_is_one_outlet(given):
    assert normalize_outlet(given) == "Wired"


def test_the_bbc_by_its_full_name_is_bbc_news():
    assert normalize_outlet("British Broadcasting Corporation") == normalize_outlet("BBC News") == "BBC News"


def test_a_subdomain_is_the_outlet_of_its_domain():
    assert normalize_outlet("sports.latimes.com") == "Los Angeles Times"


def test_an_unknown_name_is_kept_tidied():
    assert normalize_outlet("  The  Springfield   Shopper ") == "The Springfield Shopper"


def _use_table(tmp_path, monkeypatch, text: str) -> None:
    table = tmp_path / "outlets.tsv"
    table.write_text(text, encoding="utf-8")
    monkeypatch.setenv(USER_TABLE_VARIABLE, str(table))


def test_a_users_table_adds_an_outlet(tmp_path, monkeypatch):
    _use_table(tmp_path, monkeypatch, "# mine\nThe Springfield Shopper\tshopper | springfieldshopper.com\n")
    assert normalize_outlet("springfieldshopper.com") == "The Springfield Shopper"
    assert normalize_outlet("SHOPPER") == "The Springfield Shopper"


def test_a_users_table_can_rename_a_bundled_outlet(tmp_path, monkeypatch):
    _use_table(tmp_path, monkeypatch, "WIRED\twired.com | wired\n")
    assert normalize_outlet("wired.com") == "WIRED"


def test_a_users_table_line_without_a_tab_is_refused_with_its_line_number(tmp_path):
    table = tmp_path / "outlets.tsv"
    table.write_text("Shopper, shopper.com\n", encoding="utf-8")
    with pytest.raises(NewsprismError, match=r"outlets.tsv:1: .*tab"):
        outlet_table(table)


def test_a_missing_users_table_is_an_error_naming_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(USER_TABLE_VARIABLE, str(tmp_path / "absent.tsv"))
    with pytest.raises(NewsprismError, match=USER_TABLE_VARIABLE):
        normalize_outlet("Wired")


def test_unknown_names_that_differ_only_in_case_get_the_most_frequent_spelling():
    articles = [Article(id=str(i), text=BODY, outlet=o)
                for i, o in enumerate(["Springfield Shopper", "SPRINGFIELD SHOPPER", "Springfield Shopper"])]
    assert {a.outlet for a in unify_spellings(articles)} == {"Springfield Shopper"}


def test_reads_own_jsonl_read_back_keeps_the_outlet_shown_for_an_unknown_outlet(tmp_path, capsys):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "council.txt").write_text(BODY, encoding="utf-8")
    assert main(["read", str(folder / "council.txt")]) == 0
    first = json.loads(capsys.readouterr().out)
    (tmp_path / "read.jsonl").write_text(json.dumps(first) + "\n", encoding="utf-8")
    (article,) = read_inputs([str(tmp_path / "read.jsonl")]).articles
    assert article.display_outlet == first["display_outlet"] == "council.txt"


def test_reads_own_jsonl_read_back_keeps_a_known_outlet(tmp_path, capsys):
    (tmp_path / "council.txt").write_text(BODY, encoding="utf-8")
    assert main(["read", f"Wired={tmp_path / 'council.txt'}"]) == 0
    (tmp_path / "read.jsonl").write_text(capsys.readouterr().out, encoding="utf-8")
    (article,) = read_inputs([str(tmp_path / "read.jsonl")]).articles
    assert article.outlet == "Wired"
