"""Decoding bytes and parsing dates: no silent mojibake, no crash on odd dates."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsprism.errors import InputError
from newsprism.ingest.dates import date_from_docno, parse_date
from newsprism.ingest.decode import decode_bytes

QUOTE = "Peskov said “it takes two to tango” — and déjà vu followed."


def test_utf8_is_decoded_without_notes():
    assert decode_bytes(QUOTE.encode("utf-8"), "a.txt") == (QUOTE, [])


def test_utf8_with_byte_order_mark_loses_the_mark():
    assert decode_bytes(b"\xef\xbb\xbf" + QUOTE.encode("utf-8"), "a.txt")[0] == QUOTE


def test_utf16_with_byte_order_mark_is_decoded():
    assert decode_bytes(QUOTE.encode("utf-16"), "a.txt")[0] == QUOTE


def test_cyrillic_windows_1251_is_detected_with_a_note():
    text = "Песков заявил, что для танго нужны двое, и отношения с США остаются сложными."
    decoded, notes = decode_bytes(text.encode("cp1251"), "ru.txt")
    assert decoded == text
    assert notes == ["not valid UTF-8 (bad byte at offset 0); decoded as cp1251"]


@pytest.mark.parametrize(("original", "wrong_codec"), [
    ("It’s fine — déjà vu at the café.", "cp1252"),  # cp1252 has no character for byte 0x9d (in ”)
    ("It’s fine — déjà vu at the café, the “minister” said.", "latin-1"),
])
def test_utf8_that_was_read_in_a_western_codec_is_repaired_with_a_note(original, wrong_codec):
    broken = original.encode("utf-8").decode(wrong_codec).encode("utf-8")
    decoded, notes = decode_bytes(broken, "a.txt")
    assert decoded == original
    assert len(notes) == 1 and notes[0].startswith("repaired mis-encoded text")


def test_mojibake_that_cannot_be_repaired_is_flagged_not_hidden():
    broken = "Itâ€™s â€œfineâ€ and also “real” quotes ✓".encode("utf-8")
    decoded, notes = decode_bytes(broken, "a.txt")
    assert decoded == broken.decode("utf-8")
    assert notes[0].startswith("text looks mis-encoded")


@pytest.mark.parametrize("data", [b"", b" \n\t ", b"\x00\x01\x02binary\x00", bytes(range(1, 32)) * 10])
def test_empty_or_binary_data_is_refused_naming_the_input(data):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "input.bin")
    assert caught.value.source == "input.bin"


@pytest.mark.parametrize(("raw", "expected"), [
    ("2017-12-29", datetime(2017, 12, 29)),
    ("2017-12-29T11:24:00Z", datetime(2017, 12, 29, 11, 24, tzinfo=timezone.utc)),
    ("Fri, 29 Dec 2017 10:00:00 GMT", datetime(2017, 12, 29, 10, 0, tzinfo=timezone.utc)),
    ("December 29, 2017", datetime(2017, 12, 29)),
    ("Dec. 29, 2017", datetime(2017, 12, 29)),
])
def test_common_date_forms_are_parsed(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["", "yesterday", "2017-13-45", None, 12345])
def test_unparseable_dates_give_none(raw):
    assert parse_date(raw) is None


def test_newswire_document_number_gives_its_date():
    assert date_from_docno("APW19981016.0240") == datetime(1998, 10, 16)
    assert date_from_docno("XIE19981332.0001") is None


def test_exactly_the_non_layout_control_characters_and_the_replacement_character_count_as_not_text():
    import sys
    import unicodedata

    from newsprism.ingest.decode import _NOT_TEXT

    expected = [
        chr(c) for c in range(sys.maxunicode + 1)
        if chr(c) == "\ufffd" or (unicodedata.category(chr(c)) == "Cc" and chr(c) not in "\n\r\t\f\v")
    ]
    assert _NOT_TEXT.findall("".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)) == expected
