"""Quotation marks: the spans inside them, and sentences with those spans masked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.analysis.quotes.words import MINOR_WORDS

_QUOTE_PAIRS = {"“": ("”", '"'), '"': ('"', "”"), "«": ("»",), "„": ("“", "”"), "''": ("''",)}
"""Opening mark -> the marks that may close it (copy often mixes curly and straight quotes; The New
York Times' archive writes two apostrophes, ''like this'')."""

QUOTE_MARKS = frozenset(mark for pair in _QUOTE_PAIRS.items() for mark in (pair[0], *pair[1]) if len(mark) == 1)
"""Every one-character double quote mark that opens or closes a quotation."""

_OPEN = re.compile(r"[“\"«„]|(?<![\w'])''(?=\S)")

MASK = "Q"

WORD = re.compile(r"[A-Za-z][\w’'\-]*")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    start: int  # of the words, inside the marks
    end: int

_OPENING_AS_CLOSING = re.compile(r"[,.!?]“(?=\s|$)")
"""An opening mark written where a closing one belongs ("... problems for her here,“ said Clyburn")."""


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Spans of text inside double quote marks.

    A quotation left open at a paragraph end runs to the end of that paragraph (the news convention
    for quotes that go on in the next paragraph).
    """
    spans: list[QuotedSpan] = []
    position = 0
    while match := _OPEN.search(text, position):
        opening = match.group()
        closing = _QUOTE_PAIRS[opening]
        paragraph_end = text.find("\n", match.end())
        if paragraph_end == -1:
            paragraph_end = len(text)
        closes = [(c, len(mark)) for mark in closing if (c := text.find(mark, match.end(), paragraph_end)) != -1]
        if opening == "“" and (miswritten := _OPENING_AS_CLOSING.search(text, match.end(), paragraph_end)):
            closes.append((miswritten.end() - 1, 1))
        end, width = min(closes, default=(paragraph_end, 1))
        if end > match.end():
            spans.append(QuotedSpan(match.end(), end))
        position = end + width
    return spans


def mask(text: str, offset: int, spans: Sequence[QuotedSpan]) -> str:
    """``text`` with the words of every quotation replaced by a placeholder of the same length."""
    chars = list(text)
    for span in spans:
        lo, hi = max(span.start - offset, 0), min(span.end - offset, len(text))
        for i in range(lo, hi):
            if not chars[i].isspace():
                chars[i] = MASK
    return "".join(chars)


def is_title(quoted: str) -> bool:
    """A quoted name of a show, book or law ("Fox News Sunday"), not a quotation: every word capitalised."""
    words = WORD.findall(quoted)
    return all(w[0].isupper() or w in MINOR_WORDS for w in words) and len(words) <= 8


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without surrounding spaces and the punctuation a quotation keeps before its attribution.

    A span that opens a quotation inside it keeps the mark that closes it: the reported clause
    ``Moscow's position ... "is well known."`` ends at the closing mark, not at ``known``; and one
    that starts with a quotation it holds whole keeps the opening mark (``"the deal" was ...``), so
    that no record prints a quotation left open."""
    while start < end and (text[start].isspace() or text[start] in "“\"‘,"):
        if text[start] in "“\"" and _closes_inside(text, start, end):
            break  # a quotation the span holds whole: "the deal" was ...
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "”\",’:;."):
        end -= 1
    inside = text[start:end]
    if (inside.count("“") > inside.count("”") or inside.count('"') % 2) and (closing := _CLOSING.match(text, end)):
        end = closing.end()
    return start, end


def _closes_inside(text: str, start: int, end: int) -> bool:
    """Whether the quotation opened at ``start`` closes before the span's last word."""
    closer = text.find("”" if text[start] == "“" else '"', start + 1, end)
    return closer != -1 and bool(text[closer + 1 : end].strip(" .,;:!?”\"’"))


_CLOSING = re.compile(r"[.,!?;:]?[”\"]")
"""The closing mark after a span's last word, past the punctuation a quotation keeps inside it."""
