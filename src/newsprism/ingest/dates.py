"""Publication dates from the many shapes sources give them in.

A date that cannot be parsed is not an error worth losing an article over: the caller keeps the
article with ``published=None`` and records the raw value in its notes.
"""

from __future__ import annotations

import email.utils
import re
import time
from datetime import datetime, timezone

_DOCNO_DATE = re.compile(r"(?<!\d)(19|20)(\d{2})(\d{2})(\d{2})(?!\d)")
_FORMATS = ("%Y-%m-%d %H:%M", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%Y%m%d")


def parse_date(value: object) -> datetime | None:
    """A datetime for ``value`` (ISO 8601, RFC 2822, a few common written forms), or None."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, time.struct_time):  # feedparser's *_parsed fields are UTC
        return datetime(*value[:6], tzinfo=timezone.utc)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    for form in _FORMATS:
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    return None


def date_from_docno(docno: str) -> datetime | None:
    """The date in a newswire document number ("APW19981016.0240" -> 1998-10-16)."""
    match = _DOCNO_DATE.search(docno)
    if not match:
        return None
    try:
        return datetime.strptime("".join(match.groups()), "%Y%m%d")
    except ValueError:
        return None
