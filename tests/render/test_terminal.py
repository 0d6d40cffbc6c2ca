"""Untrusted text printed on a terminal: control characters are shown, never sent."""

from __future__ import annotations

import json

import pytest

from newsprism.cli import main
from newsprism.render.terminal import visible

ESCAPES = "\x1b]0;owned\x07 \x1b[2J \x9b31m"


def test_control_characters_are_shown_as_escapes_and_newlines_and_tabs_kept():
    assert visible("a\x1b[2Jb\x9b\x7f\tc\nd") == "a\\x1b[2Jb\\x9b\\x7f\tc\nd"


@pytest.mark.parametrize("command", [
    ["summarize"], ["summarize", "--format", "markdown"], ["compare"], ["clean", "--explain"],
    ["read", "--format", "table"],
])
def test_no_command_sends_an_articles_control_characters_to_the_terminal(command, tmp_path, capsys):
    text = ("The council approved the harbour budget on Monday after a long debate, officials said. "
            f"The mayor called it {ESCAPES} a fair deal for the city.")
    path = tmp_path / "escapes.jsonl"
    path.write_text(json.dumps({"id": "e1", "outlet": f"Daily {ESCAPES}", "title": f"Budget {ESCAPES}",
                                "text": text}) + "\n", encoding="utf-8")
    assert main([*command, str(path)]) == 0
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert "\x1b" not in stream and "\x07" not in stream and "\x9b" not in stream
    assert "\\x1b" in captured.out


def test_a_warning_about_a_file_shows_the_control_characters_in_its_name(tmp_path, capsys):
    bad = tmp_path / "bad\x1b[2J.txt"
    bad.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text("The council approved the harbour budget on Monday after a long debate.\n")
    assert main(["read", str(bad), str(good)]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "bad\\x1b[2J.txt" in err


def test_bidirectional_overrides_are_shown_as_escapes_not_obeyed():
    assert visible("report\u202etxt.exe \u2066x\u2069") == "report\\u202etxt.exe \\u2066x\\u2069"
