"""Bytes to text without silent mojibake.

Files and downloads arrive in whatever encoding their producer used. UTF-8 is tried first (strict);
otherwise the encoding is detected (charset_normalizer, already a dependency of trafilatura) and
the choice is recorded as a note. UTF-8 text that was once mis-decoded as Windows-1252 ("â€™" for
"’") is repaired when the repair is exact, and flagged when it is not. Binary data is refused.
"""

from __future__ import annotations

import codecs
import re

from newsprism.errors import InputError
from newsprism.ingest.settings import ReadSettings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# UTF-8 lead bytes (Â, Ã, â, ...) read as Windows-1252, followed by a continuation byte.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6"
                       "\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc"
                       "\u2122\u0161\u203a\u0153\u017e\u0178]")
# Control characters (Unicode category Cc: U+0000-U+001F and U+007F-U+009F) other than the layout
# ones (tab, line feed, vertical tab, form feed, carriage return), and the replacement character.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def decode_bytes(data: bytes, source: str, settings: ReadSettings = ReadSettings()) -> tuple[str, list[str]]:
    """The text of ``data`` and notes on how it was decoded; ``InputError`` for empty or binary data."""
    if not data.strip():
        raise InputError(source, "empty input (no text)")
    notes: list[str] = []
    text = _decode_with_bom(data)
    if text is None:
        if b"\x00" in data[:8192]:
            raise InputError(source, "binary data (NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            text, encoding = _detect(data, source, error)
            notes.append(f"not valid UTF-8 (bad byte at offset {error.start}); decoded as {encoding}")
    return _checked(text, notes, source, settings)


# The WHATWG Encoding Standard decodes these labels as windows-1252, as every browser does; pages
# that say "iso-8859-1" routinely contain cp1252 quotes and dashes.
_BROWSER_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252"}


def decode_declared(data: bytes, declared: str | None, source: str,
                    settings: ReadSettings = ReadSettings()) -> tuple[str, list[str]]:
    """``data`` decoded with the charset its producer declared, when that decodes it cleanly.

    A declaration (HTTP header, ``<meta charset>``) is better evidence than detection on short text;
    a wrong one (bytes it cannot decode) is noted and detection takes over.
    """
    if not declared:
        return decode_bytes(data, source, settings)
    codec = _BROWSER_ALIASES.get(declared.strip().lower(), declared.strip())
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        text, notes = decode_bytes(data, source, settings)
        return text, [f"declared charset {declared!r} does not decode the input", *notes]
    if not text.strip():
        raise InputError(source, "empty input (no text)")
    return _checked(text, [], source, settings)


def _checked(text: str, notes: list[str], source: str, settings: ReadSettings) -> tuple[str, list[str]]:
    """Decoded text with mojibake repaired (noted), refused when it is binary after all."""
    repaired, note = repair_mojibake(text)  # before the binary check: latin-1 mojibake holds C1 controls
    _refuse_binary(repaired, source, settings)
    return repaired, [*notes, note] if note else notes


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """``text`` with UTF-8-read-as-Windows-1252 undone when that is exact, and a note saying what was done."""
    hits = _MOJIBAKE.findall(text)
    if len(hits) < 2:
        return text, None
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        return fixed, f"repaired mis-encoded text (UTF-8 read as {codec}, e.g. {hits[0]!r})"
    return text, f"text looks mis-encoded ({len(hits)} sequences such as {hits[0]!r}); left as is"


def _decode_with_bom(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    return None


def _detect(data: bytes, source: str, error: UnicodeDecodeError) -> tuple[str, str]:
    """The detected decoding; Windows-1252 wins whenever the detector finds it plausible.

    On short Western text the detector's first guess is often a neighbour (cp1250 for cp1252,
    turning "naïve" into "naďve"); English-language news that is not UTF-8 is overwhelmingly
    Windows-1252, so a plausible cp1252 is preferred over the top-scored candidate.
    """
    import charset_normalizer

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise InputError(source, f"not valid UTF-8 (bad byte at offset {error.start}) and no text encoding detected")
    candidates = {m.encoding for m in matches} | set(best.could_be_from_charset)
    if "cp1252" in candidates:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def _refuse_binary(text: str, source: str, settings: ReadSettings) -> None:
    sample = text[:100_000]
    controls = len(_NOT_TEXT.findall(sample))  # one pass in C; a loop over characters cost ~5 ms per article
    ratio = controls / max(len(sample), 1)
    if ratio > settings.max_control_ratio:
        raise InputError(source, f"binary data, not text ({ratio:.0%} control or undecodable characters)")
