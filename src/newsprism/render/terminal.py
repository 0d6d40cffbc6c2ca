"""Untrusted text made safe to print on a terminal.

A terminal obeys the control characters it is sent: an escape sequence inside an article, a title
or a file name could retitle the window, clear the screen or recolour what follows. Whatever
newsprism prints for a person to read goes through ``visible``, which shows such characters as
escapes instead. JSON output is left as it is: it is data for programs, not a terminal.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]")
"""C0 controls but tab and newline, DEL, the C1 controls (``\\x9b`` opens a sequence too), and the
bidirectional formatting characters: U+202E (right-to-left override) makes a terminal show a line
reversed from it on, so that ``txt.exe`` can be made to read ``exe.txt``."""


def visible(text: str) -> str:
    """``text`` with every control character but newline and tab shown as its escape (``\\x1b``,
    ``\\u202e``)."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
