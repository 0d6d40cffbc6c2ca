"""Plain-text files and folders through read_inputs."""

from __future__ import annotations

from pathlib import Path

from newsprism.ingest import ReadSettings, read_inputs

# The two seed articles shipped in examples/ (as in tests/conftest.py, but found from this file
# because another conftest.py under tests/ can shadow the module name "conftest").
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RT_SEED = EXAMPLES / "000_431b17eb286845b6.txt"
LATIMES_SEED = EXAMPLES / "001_70f2f9c0c9a27f18.txt"


def test_outlet_prefix_sets_the_normalised_outlet():
    result = read_inputs([f"rt.com={RT_SEED}"])
    assert [a.outlet for a in result.articles] == ["RT"]


def test_text_is_kept_exactly_as_read():
    article = read_inputs([str(LATIMES_SEED)]).articles[0]
    assert article.text == LATIMES_SEED.read_text(encoding="utf-8")


def test_outlet_is_unknown_without_prefix_and_display_falls_back_to_the_file():
    article = read_inputs([str(RT_SEED)]).articles[0]
    assert article.outlet == ""
    assert article.display_outlet == RT_SEED.name


def test_headline_after_navigation_labels_becomes_the_title():
    article = read_inputs([str(LATIMES_SEED)]).articles[0]
    assert article.title == "When it comes to U.S.-Russia relations, 'it takes two to tango,' Kremlin says"


def test_text_opening_with_a_body_paragraph_has_no_title():
    assert read_inputs([str(RT_SEED)]).articles[0].title is None


def test_folder_reads_every_file_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second story headline here\nBody of the second one.\n")
    (tmp_path / "a.txt").write_text("First story headline here\nBody of the first one.\n")
    (tmp_path / ".hidden.txt").write_text("never read")
    result = read_inputs([str(tmp_path)])
    assert [a.id for a in result.articles] == ["a", "b"]
    assert result.errors == []


def test_same_file_name_twice_gets_distinct_ids(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("Some body text for this story.\n")
    ids = [a.id for a in read_inputs([str(tmp_path)]).articles]
    assert ids == ["story", "story-2"]


def test_missing_file_is_an_error_and_the_batch_goes_on(tmp_path):
    result = read_inputs([str(tmp_path / "missing.txt"), str(RT_SEED)])
    assert len(result.articles) == 1
    assert [(e.source, e.reason) for e in result.errors] == [(str(tmp_path / "missing.txt"), "no such file or folder")]


def test_empty_file_is_an_error_naming_it(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n  \n")
    (error,) = read_inputs([str(empty)]).errors
    assert error.source == str(empty) and "empty" in error.reason


def test_binary_file_is_an_error_naming_it(tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 20)
    (error,) = read_inputs([str(binary)]).errors
    assert error.source == str(binary) and "binary" in error.reason


def test_file_over_the_size_cap_is_refused_before_reading(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_text("word " * 3000)
    (error,) = read_inputs([str(huge)], settings=ReadSettings(max_file_bytes=10_000)).errors
    assert "over the 10,000-byte limit" in error.reason


def test_windows_1252_text_is_decoded_with_a_note(tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("The café’s “naïve” owner said déjà vu.\n".encode("cp1252"))
    article = read_inputs([str(legacy)]).articles[0]
    assert article.text == "The café’s “naïve” owner said déjà vu.\n"
    assert any("decoded as cp1252" in note for note in article.meta["notes"])


def test_outlet_prefix_is_recognised_before_a_url_but_not_inside_one():
    from newsprism.ingest.inputs import split_outlet

    assert split_outlet("RT=https://www.rt.com/news/1") == ("RT", "https://www.rt.com/news/1")
    assert split_outlet("https://example.com/story?id=7") == ("", "https://example.com/story?id=7")


def test_existing_file_with_an_equals_sign_in_its_name_is_a_path(tmp_path):
    odd = tmp_path / "a=b.txt"
    odd.write_text("Body text of a story.\n")
    (article,) = read_inputs([str(odd)]).articles
    assert article.outlet == "" and article.id == "a=b"


def test_a_short_text_with_a_garbled_quote_mark_is_read_not_refused_as_binary(tmp_path):
    path = tmp_path / "garbled.txt"
    path.write_text("The mayor called it a \u201cfair deal\u00e2\u20ac\ufffd for the city on Monday.\n", encoding="utf-8")
    result = read_inputs([str(path)])
    assert result.errors == [] and "fair deal" in result.articles[0].text


def test_a_broken_link_or_a_linked_folder_in_a_folder_is_reported_not_skipped_silently(tmp_path):
    (tmp_path / "a.txt").write_text("First story headline here\nBody of the first one.\n")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    result = read_inputs([str(tmp_path)])
    assert [a.id for a in result.articles] == ["a"]
    assert [(e.source, e.reason) for e in result.errors] == [
        (str(tmp_path / "gone.txt"), "broken symbolic link (its target does not exist)"),
        (str(tmp_path / "sub" / "up"), "symbolic link to a folder, not followed (name the folder itself)"),
    ]


def test_a_renamed_duplicate_id_is_noted_on_the_article(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("Some body text for this story.\n")
    first, second = read_inputs([str(tmp_path)]).articles
    assert "notes" not in first.meta
    assert second.meta["notes"] == ("id 'story' is taken by an earlier article; renamed 'story-2'",)
