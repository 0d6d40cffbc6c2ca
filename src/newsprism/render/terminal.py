"""Untrusted text made safe to print on a terminal.

A terminal obeys the control characters it is sent: an escape sequence inside an article, a title
or a file name could retitle the window, clear the screen or recolour what follows. Whatever
newsprism prints for a person to read goes through ``visible``, which shows such characters as
escapes instead. JSON output is left as it is: it is data for programs, not a terminal.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]")
"""C0 controls but tab and newline, DEL, and the C1 controls (``\\x9b`` opens a sequence too)."""


def visible(text: str) -> str:
    """``text`` with every control character but newline and tab shown as its escape (``\\x1b``)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
