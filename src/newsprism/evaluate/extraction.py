"""How much of a page's true article body a reader keeps, and how much page furniture it leaves.

Scored against a gold article body marked by a person (the article extraction benchmark in
../shared/data), in two views, both on text normalised to lower-case word tokens so that quotation
marks, dashes and spacing do not count:

* **lines**: the lines of the HTML extractor's output (trafilatura's) are body lines when they are
  part of the gold body and junk otherwise. ``precision`` is the share of the lines a reader keeps
  that are body lines; ``recall`` the share of the gold body's paragraphs found whole in what it
  keeps; ``junk_left`` the share of the extractor's junk lines still kept.
* **snippets**: the text blocks of the whole page (paragraphs, list items, headings, captions...
  of four words or more) that are not part of the gold body are must-drop snippets; the gold
  body's paragraphs are must-keep snippets. ``drop_left`` is the share of must-drop snippets found
  in a reader's text, ``keep_kept`` the share of must-keep snippets found in it. This view also
  charges the extractor with the furniture it let through, so an extractor and a cleaner of its
  output can be put side by side.

A line or paragraph is "part of" a text when its tokens occur there contiguously. A gold paragraph
counts as kept also when it is found with up to ``MAX_CUT_TOKENS`` of its first tokens missing:
a cleaner moves a dateline ("WASHINGTON (AP) —") to the article's metadata and keeps the body. A line of fewer
than ``MIN_BODY_TOKENS`` tokens counts as body only when it is a whole gold paragraph (a subheading):
"Share" or "Advertisement" may occur inside a body sentence by chance.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsprism.ingest.decode import decode_declared
from newsprism.ingest.html import article_from_html, block_lines, meta_charset
from newsprism.model import Article

MIN_BODY_TOKENS = 4
"""Shortest line taken for a piece of the gold body without being a whole gold paragraph."""
MAX_CUT_TOKENS = 6
"""Most tokens a dateline cut off the start of a gold paragraph may take ("ST JOSEPH Mich AP")."""
MIN_PROSE_TOKENS = 8
"""Shortest gold paragraph used as a must-keep snippet (it must also end like a sentence)."""
MIN_SNIPPET_TOKENS = 4
"""Shortest page text block used as a must-drop snippet: shorter ones ("World", "Sign in") occur
inside body text by chance, so finding them there says nothing."""

_PROSE_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
_TOKEN = re.compile(r"[^\W_]+")  # letters and digits: a rule of underscores says nothing
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")


def normalize(text: str) -> str:
    """``text`` as lower-case word tokens joined by single spaces, padded with a space each side."""
    return " " + " ".join(_TOKEN.findall(text.casefold())) + " "


def _tokens(normalized: str) -> int:
    return normalized.count(" ") - 1 if normalized.strip() else 0


def paragraphs(text: str) -> list[str]:
    """The non-blank lines of ``text``, normalised."""
    return [n for n in (normalize(line) for line in text.splitlines()) if n.strip()]


def page_blocks(html: str | bytes) -> list[str]:
    """The visible text blocks of a page, normalised, each once, in page order."""
    import lxml.html

    root = lxml.html.fromstring(html)
    for element in list(root.iter(*_INVISIBLE_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    return list(dict.fromkeys(paragraphs("\n".join(block_lines(root)))))


@dataclass(slots=True)
class ExtractionCounts:
    """Counts summed over pages; the shares are computed from them (micro-averaged)."""

    kept_lines: int = 0
    kept_body_lines: int = 0
    gold_paragraphs: int = 0
    gold_paragraphs_kept: int = 0
    junk_lines: int = 0
    junk_lines_left: int = 0
    drop_snippets: int = 0
    drop_snippets_left: int = 0
    keep_snippets: int = 0
    keep_snippets_kept: int = 0

    def add(self, other: ExtractionCounts) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def share(self, part: str, whole: str) -> float:
        """``part / whole`` for two count names; 0.0 when ``whole`` is 0."""
        total = getattr(self, whole)
        return getattr(self, part) / total if total else 0.0

    precision = property(lambda self: self.share("kept_body_lines", "kept_lines"),
                         doc="Share of the kept lines that are part of the gold body.")
    recall = property(lambda self: self.share("gold_paragraphs_kept", "gold_paragraphs"),
                      doc="Share of the gold body's paragraphs kept.")
    junk_left = property(lambda self: self.share("junk_lines_left", "junk_lines"),
                         doc="Share of the extractor's junk lines still kept.")
    drop_left = property(lambda self: self.share("drop_snippets_left", "drop_snippets"),
                         doc="Share of the page's must-drop snippets still in the text.")
    keep_kept = property(lambda self: self.share("keep_snippets_kept", "keep_snippets"),
                         doc="Share of the gold body's must-keep (prose) snippets in the text.")


def is_body_line(line: str, gold_body: str, gold_paragraphs: Iterable[str]) -> bool:
    """Whether a normalised line is part of the normalised gold body."""
    if _tokens(line) >= MIN_BODY_TOKENS:
        return line in gold_body
    return line in set(gold_paragraphs)


def _found(line: str, text: str, lines: list[str]) -> bool:
    """Whether a normalised line is in a text: as a run of its tokens, or, when short, as a line."""
    return line in text if _tokens(line) >= MIN_BODY_TOKENS else line in lines


def _kept(paragraph: str, text: str) -> bool:
    """Whether a normalised gold paragraph is in a text, whole or with a dateline cut off its start."""
    if paragraph in text:
        return True
    words = paragraph.split()
    return any(" " + " ".join(words[cut:]) + " " in text
               for cut in range(1, min(MAX_CUT_TOKENS, len(words) - MIN_BODY_TOKENS) + 1))


def score_page(*, extracted: str, kept: str, gold: str, blocks: Iterable[str] = ()) -> ExtractionCounts:
    """The counts of one page: ``extracted`` is the extractor's text, ``kept`` what a reader keeps
    of it (``extracted`` itself to score the extractor alone), ``gold`` the gold body and
    ``blocks`` the page's text blocks (``page_blocks``)."""
    keeps = [normalize(line) for line in gold.splitlines()
             if _PROSE_END.search(line) and _tokens(normalize(line)) >= MIN_PROSE_TOKENS]
    gold_paragraphs = paragraphs(gold)
    gold_body = " ".join(gold_paragraphs)
    kept_lines = paragraphs(kept)
    kept_text = " ".join(kept_lines)
    junk = [line for line in paragraphs(extracted) if not is_body_line(line, gold_body, gold_paragraphs)]
    drops = [b for b in blocks if _tokens(b) >= MIN_SNIPPET_TOKENS and b not in gold_body]
    return ExtractionCounts(
        kept_lines=len(kept_lines),
        kept_body_lines=sum(is_body_line(line, gold_body, gold_paragraphs) for line in kept_lines),
        gold_paragraphs=len(gold_paragraphs),
        gold_paragraphs_kept=sum(_kept(p, kept_text) for p in gold_paragraphs),
        junk_lines=len(junk),
        junk_lines_left=sum(_found(line, kept_text, kept_lines) for line in junk),
        drop_snippets=len(drops),
        drop_snippets_left=sum(d in kept_text for d in drops),
        keep_snippets=len(keeps),
        keep_snippets_kept=sum(_kept(k, kept_text) for k in keeps),
    )


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the benchmark: its key, URL, HTML bytes and gold article body."""

    key: str
    url: str
    html: bytes
    gold: str


def load_pages(folder: Path, limit: int | None = None) -> list[Page]:
    """The pages of the benchmark in key order (the first ``limit`` of them)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        pages.append(Page(key, truth[key]["url"], html, truth[key]["articleBody"]))
    return pages


def read_page(page: Page) -> Article:
    """The raw article newsprism reads from a page (before cleaning)."""
    text, notes = decode_declared(page.html, meta_charset(page.html), page.key)
    return article_from_html(text, article_id=page.key, source=page.key, url=page.url, notes=notes)


def measure_pages(pages: Iterable[Page], clean=None) -> dict[str, ExtractionCounts]:
    """Counts over ``pages`` for trafilatura's text as it comes ("trafilatura") and for that text
    after ``clean`` ("newsprism"; ``newsprism.text.clean.clean_article`` by default), each page read
    and cleaned on its own as ``newsprism read page.html`` does. A page with no main text keeps
    nothing, for both."""
    from newsprism.errors import InputError
    from newsprism.text.clean import clean_article

    clean = clean or clean_article
    totals = {"trafilatura": ExtractionCounts(), "newsprism": ExtractionCounts()}
    for page in pages:
        blocks = page_blocks(page.html)
        try:
            raw = read_page(page)
        except InputError:
            raw = Article(id=page.key, text="")
        totals["trafilatura"].add(score_page(extracted=raw.text, kept=raw.text, gold=page.gold, blocks=blocks))
        totals["newsprism"].add(score_page(extracted=raw.text, kept=clean(raw).text, gold=page.gold, blocks=blocks))
    return totals
