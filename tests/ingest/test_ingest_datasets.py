"""Research formats: Multi-News raw source files and DUC 2004 document folders."""

from __future__ import annotations

from datetime import datetime

from newsprism.errors import InputError
from newsprism.ingest import read_inputs, read_stories
from newsprism.model import Story

MULTINEWS_LINE = (
    "The second ex-wife of peter cook has issued an apology . NEWLINE_CHAR NEWLINE_CHAR "
    "She said she regretted the remarks . ||||| Christie brinkley 's lawyer said the apology was "
    "accepted . NEWLINE_CHAR The two met in court on tuesday . ||||| "
)

# Shaped like DUC 2004 docs/d30001t/APW19981016.0240 and an NYT file of the same collection.
APW_DOC = """<DOC>
<DOCNO> APW19981016.0240 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 10/16/1998 07:57:00 </DATE_TIME>
<BODY>
<SLUG> BC-Cambodia-Politics </SLUG>
<HEADLINE>
Cambodian leader rejects opposition demands
</HEADLINE>
<TEXT>
<P>
Cambodian leader Hun Sen on Friday rejected opposition parties' demands for talks outside the
country, accusing them of trying to internationalize the political crisis.
</P>
<P>
Government and opposition parties have asked King Norodom Sihanouk to host a summit meeting.
</P>
</TEXT>
</BODY>
</DOC>
"""
NYT_DOC = """<DOC>
<DOCNO> NYT19981003.0093 </DOCNO>
<DOCTYPE> NEWS </DOCTYPE>
<TXTTYPE> NEWSWIRE </TXTTYPE>
<BODY>
<HEADLINE> Hun Sen and rival agree to meet </HEADLINE>
<TEXT>
   PHNOM PENH, Cambodia _ Prime Minister Hun Sen and his rival agreed on Saturday to meet
at the royal palace &QL;
   The king said he would attend &AMP; mediate the talks.
</TEXT>
<TRAILER> NYT-10-03-98 1421EDT &QL; </TRAILER>
</BODY>
</DOC>
"""


def test_multinews_line_is_a_story_of_its_documents(tmp_path):
    path = tmp_path / "test.src"
    path.write_text(MULTINEWS_LINE + "\n")
    (story,) = [item for item in read_stories(path) if isinstance(item, Story)]
    assert story.id == "test-0"
    assert [a.text for a in story.articles] == [
        "The second ex-wife of peter cook has issued an apology .\nShe said she regretted the remarks .",
        "Christie brinkley 's lawyer said the apology was accepted .\nThe two met in court on tuesday .",
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


def _duc(tmp_path):
    for story, name, doc in (("d30001t", "APW19981016.0240", APW_DOC), ("d30001t", "NYT19981003.0093", NYT_DOC),
                             ("d30002t", "APW19981017.0001", APW_DOC.replace("19981016.0240", "19981017.0001"))):
        (tmp_path / "docs" / story).mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / story / name).write_text(doc)
    return tmp_path / "docs"


def test_duc_folder_gives_one_story_per_topic_folder(tmp_path):
    stories = list(read_stories(_duc(tmp_path)))
    assert [(s.id, [a.id for a in s.articles]) for s in stories] == [
        ("d30001t", ["APW19981016.0240", "NYT19981003.0093"]), ("d30002t", ["APW19981017.0001"])]


def test_duc_document_gets_newswire_date_and_headline_from_its_markup(tmp_path):
    article = next(read_stories(_duc(tmp_path))).articles[0]
    assert (article.outlet, article.published, article.title) == (
        "Associated Press", datetime(1998, 10, 16), "Cambodian leader rejects opposition demands")
    assert article.text.splitlines()[1] == (
        "Government and opposition parties have asked King Norodom Sihanouk to host a summit meeting.")


def test_duc_paragraphs_without_p_tags_and_typesetting_codes_are_handled(tmp_path):
    article = next(read_stories(_duc(tmp_path))).articles[1]
    assert article.outlet == "The New York Times"
    assert article.text == ("PHNOM PENH, Cambodia _ Prime Minister Hun Sen and his rival agreed on Saturday to meet "
                            "at the royal palace\nThe king said he would attend & mediate the talks.")
    assert article.meta["notes"] == ("removed 1 typesetting codes such as &QL;",)


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
