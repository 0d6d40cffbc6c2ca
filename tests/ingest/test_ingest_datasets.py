"""Research formats: Multi-News raw source files and DUC 2004 document folders."""

from __future__ import annotations

from datetime import datetime

from newsprism.errors import InputError
from newsprism.ingest import read_inputs, read_stories
from newsprism.model import Story

MULTINEWS_LINE = (
    "The city council has approved a new bike lane . NEWLINE_CHAR NEWLINE_CHAR "
    "Work starts in may , the mayor said . ||||| Local shop owners said the lane was "
    "welcome . NEWLINE_CHAR They had asked for it since 2019 . ||||| "
)

# Shaped like the DUC 2004 files (docs/d30001t/APW19981016.0240: TIPSTER SGML, lines wrapped, ``quotes''),
# with invented text: the collection's own text is licensed and never copied here.
APW_DOC = """<DOC>
<DOCNO> APW19981016.0240 </DOCNO>
<DOCTYPE> NEWS </DOCTYPE>
<TXTTYPE> NEWSWIRE </TXTTYPE>
<TEXT>
The harbor authority on Friday postponed the vote on the new ferry terminal,
citing ``unresolved safety questions'' raised by the coast guard. Officials said
the vote would be held within a month.
</TEXT>
</DOC>
"""
NYT_DOC = """<DOC>
<DOCNO> NYT19981003.0093 </DOCNO>
<DOCTYPE> NEWS </DOCTYPE>
<TXTTYPE> NEWSWIRE </TXTTYPE>
<BODY>
<HEADLINE> Ferry terminal vote delayed </HEADLINE>
<TEXT>
   PORT TOWN _ The harbor authority and the ferry operators agreed on Saturday to meet
at the town hall &QL;
   The mayor said she would attend &AMP; mediate the talks.
</TEXT>
<TRAILER> NYT-10-03-98 1421EDT &QL; </TRAILER>
</BODY>
</DOC>
"""
P_DOC = """<DOC>
<DOCNO> XIE19981017.0001 </DOCNO>
<BODY>
<HEADLINE>
Ferry operators welcome delay
</HEADLINE>
<TEXT>
<P>
Ferry operators on Saturday welcomed the delay.
</P>
<P>
They said the terminal plan needed changes.
</P>
</TEXT>
</BODY>
</DOC>
"""


def test_multinews_line_is_a_story_of_its_documents(tmp_path):
    path = tmp_path / "test.src"
    path.write_text(MULTINEWS_LINE + "\n")
    (story,) = [item for item in read_stories(path) if isinstance(item, Story)]
    assert story.id == "test-0"
    assert [a.text for a in story.articles] == [
        "The city council has approved a new bike lane .\nWork starts in may , the mayor said .",
        "Local shop owners said the lane was welcome .\nThey had asked for it since 2019 .",
    ]


def test_multinews_empty_document_is_reported(tmp_path):
    path = tmp_path / "test.src"
    path.write_text(MULTINEWS_LINE + "\n")
    errors = [item for item in read_stories(path) if isinstance(item, InputError)]
    assert [(e.source, e.reason) for e in errors] == [(f"{path}:1 document 2", "empty text; document skipped")]


def test_multinews_file_given_as_input_gives_its_articles(tmp_path):
    path = tmp_path / "test.src"
    path.write_text(MULTINEWS_LINE + "\n" + MULTINEWS_LINE + "\n")
    result = read_inputs([str(path)])
    assert [a.id for a in result.articles] == ["test-0/0", "test-0/1", "test-1/0", "test-1/1"]


def test_empty_multinews_file_is_an_error(tmp_path):
    path = tmp_path / "test.src"
    path.write_text("")
    (error,) = read_stories(path)
    assert (error.source, error.reason) == (str(path), "empty file (no Multi-News lines)")


def _duc(tmp_path):
    for story, name, doc in (("d30001t", "APW19981016.0240", APW_DOC), ("d30001t", "NYT19981003.0093", NYT_DOC),
                             ("d30002t", "XIE19981017.0001", P_DOC)):
        (tmp_path / "docs" / story).mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / story / name).write_text(doc)
    return tmp_path / "docs"


def _article(tmp_path, docno):
    return next(a for s in read_stories(_duc(tmp_path)) for a in s.articles if a.id == docno)


def test_duc_folder_gives_one_story_per_topic_folder(tmp_path):
    stories = list(read_stories(_duc(tmp_path)))
    assert [(s.id, [a.id for a in s.articles]) for s in stories] == [
        ("d30001t", ["APW19981016.0240", "NYT19981003.0093"]), ("d30002t", ["XIE19981017.0001"])]


def test_duc_collection_root_above_docs_gives_the_same_stories(tmp_path):
    _duc(tmp_path)
    assert [s.id for s in read_stories(tmp_path)] == ["d30001t", "d30002t"]


def test_duc_single_topic_folder_is_one_story(tmp_path):
    assert [s.id for s in read_stories(_duc(tmp_path) / "d30002t")] == ["d30002t"]


def test_duc_document_gets_newswire_and_date_from_its_number(tmp_path):
    article = _article(tmp_path, "APW19981016.0240")
    assert (article.outlet, article.published, article.title) == ("Associated Press", datetime(1998, 10, 16), None)


def test_duc_wrapped_lines_join_into_one_paragraph_with_typographic_quotes(tmp_path):
    article = _article(tmp_path, "APW19981016.0240")
    assert article.text == ("The harbor authority on Friday postponed the vote on the new ferry terminal, citing "
                            "“unresolved safety questions” raised by the coast guard. Officials said the vote "
                            "would be held within a month.")
    assert "``quotes'' written as “quotes”" in article.meta["notes"]


def test_duc_indented_paragraphs_and_typesetting_codes_are_handled(tmp_path):
    article = _article(tmp_path, "NYT19981003.0093")
    assert (article.outlet, article.title) == ("The New York Times", "Ferry terminal vote delayed")
    assert article.text == ("PORT TOWN _ The harbor authority and the ferry operators agreed on Saturday to meet "
                            "at the town hall\nThe mayor said she would attend & mediate the talks.")
    assert "removed 1 typesetting codes such as &QL;" in article.meta["notes"]


def test_duc_p_elements_are_paragraphs(tmp_path):
    article = _article(tmp_path, "XIE19981017.0001")
    assert article.outlet == "Xinhua" and article.title == "Ferry operators welcome delay"
    assert article.text.splitlines() == ["Ferry operators on Saturday welcomed the delay.",
                                         "They said the terminal plan needed changes."]


def test_duc_file_without_text_is_reported_and_the_folder_goes_on(tmp_path):
    docs = _duc(tmp_path)
    (docs / "d30001t" / "APW19981016.9999").write_text("<DOC>\n<DOCNO> APW19981016.9999 </DOCNO>\n<BODY>")
    items = list(read_stories(docs))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.reason for e in errors] == ["<DOC> without <TEXT> (truncated?); skipped"]
    assert sum(len(i.articles) for i in items if isinstance(i, Story)) == 3


def test_duc_folder_given_as_input_reads_each_document(tmp_path):
    result = read_inputs([str(_duc(tmp_path))])
    assert len(result.articles) == 3 and result.errors == []


def test_folder_without_documents_is_not_a_story(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    file_error, folder_error = read_stories(tmp_path)
    assert (file_error.source, file_error.reason) == (str(tmp_path / "notes.txt"), "no <DOC> element found")
    assert folder_error.reason == "no DUC documents (<DOC> files) in this folder"


def test_multinews_line_in_a_legacy_encoding_keeps_a_note(tmp_path):
    path = tmp_path / "test.src"
    path.write_bytes("Le café a fermé . ||||| Il rouvrira en mai .\n".encode("cp1252"))
    (story,) = read_stories(path)
    assert story.articles[0].text == "Le café a fermé ."
    assert story.articles[0].meta["notes"] == ("not valid UTF-8 (bad byte at offset 6); decoded as cp1252",)
