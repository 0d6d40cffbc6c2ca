"""Limits the readers apply to untrusted input, as one typed, picklable settings record."""

from __future__ import annotations

from dataclasses import dataclass

from newsprism import __version__
from newsprism.errors import NewsprismError


@dataclass(frozen=True, slots=True)
class ReadSettings:
    """How much the readers accept before refusing an input.

    The size caps are far above any real article (a long news page is a few hundred kilobytes of
    HTML; the largest record in ../shared/data is under 100 kB) and exist so that a wrong or hostile
    input fails fast with a clear error instead of filling memory. The network limits follow common
    crawler practice (a browser-like 5 s connect timeout, a handful of redirects).
    """

    max_file_bytes: int = 20_000_000
    """A single text/HTML file larger than this is refused (not an article)."""
    max_line_bytes: int = 20_000_000
    """A single JSONL line larger than this is refused (the rest of the file is still read)."""
    max_response_bytes: int = 10_000_000
    """A download is streamed and stopped once it passes this size, counted after decompression
    (a few kilobytes of nested gzip can decode to gigabytes)."""
    max_article_chars: int = 1_000_000
    """An article's text is cut after this many characters (at the last paragraph, sentence or word
    break before it), with a note saying so. About 150,000 words: thirty times the longest article
    of ../shared/data (31,148 characters, in DUC 2004), far beyond any news article. The analysis of
    a 1 MB article already takes 15 to 20 s; cut here, a 10 MB single-line article goes through
    ``newsprism report`` in about 13 to 17 s and 330 to 360 MB (``benchmarks/robustness_bench.py``)."""
    max_json_depth: int = 64
    """A JSON document nested deeper than this is refused: real records nest two or three levels,
    and deep nesting makes JSON writers and readers overflow the stack."""
    connect_timeout: float = 5.0
    """Seconds to wait for a TCP/TLS connection."""
    read_timeout: float = 15.0
    """Seconds to wait for each read of a response."""
    fetch_deadline: float = 60.0
    """Seconds one URL may take in all, redirects and download included: a server that sends a
    byte just before each read timeout would otherwise hold a fetch as long as it likes. Checked
    at every received chunk, so a fetch ends within ``fetch_deadline + read_timeout``."""
    max_redirects: int = 5
    """Redirect hops followed per URL; every hop's address is checked again."""
    max_feed_entries: int = 200
    """Entries of one RSS/Atom feed followed to their pages; the rest are reported, not read."""
    max_control_ratio: float = 0.1
    """Share of control or undecodable characters above which decoded "text" is treated as binary
    data. Text has few: the worst document of ../shared/data (a Multi-News page whose cp1252 quote
    marks survive as C1 controls) has 0.9%, and a short article whose curly quotes were garbled to
    U+FFFD a few per cent (a 70-character line with one: 1.4%, refused by the earlier 1% limit);
    control bytes taken for text are mostly such characters (``bytes(range(1, 32))``: 84%)."""
    ca_bundle: str | None = None
    """A PEM file of certificate authorities to trust instead of the default ones (a private CA)."""
    user_agent: str = f"newsprism/{__version__}"
    """Sent with every request, so that site owners can see what is reading their pages."""

    def __post_init__(self) -> None:
        for name in ("max_file_bytes", "max_line_bytes", "max_response_bytes", "max_feed_entries",
                     "max_article_chars", "max_json_depth", "fetch_deadline"):
            if getattr(self, name) <= 0:
                raise NewsprismError(f"{name} must be a positive number, got {getattr(self, name)!r}")
        if self.max_redirects < 0:
            raise NewsprismError(f"max_redirects must be >= 0, got {self.max_redirects!r}")
        if not 0.0 <= self.max_control_ratio <= 1.0:
            raise NewsprismError(f"max_control_ratio must be in [0.0, 1.0], got {self.max_control_ratio!r}")
