"""One bad input never sinks a batch: each bad input found so far, beside the two example
articles, through each command gives a one-line warning naming it, the examples still come out,
and the command succeeds."""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.cli import main
from newsprism.store import Store

EXAMPLES = [f"RT={RT_SEED}", str(LATIMES_SEED)]


def _surrogate(tmp: Path) -> tuple[str, str]:
    path = tmp / "surrogate.jsonl"
    path.write_text('{"text": "The harbour bridge closes. \\ud800 Ferries run instead.", "outlet": "Harbour Post"}\n')
    return str(path), f"{path}:1"


def _corrupt_gzip(tmp: Path) -> tuple[str, str]:
    path = tmp / "corrupt.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "hello world. more text."}\n' * 50)[:30] + b"\x00garbage" * 20)
    return str(path), str(path)


def _long_integer(tmp: Path) -> tuple[str, str]:
    path = tmp / "number.json"
    path.write_text('{"text": "Hello world.", "n": ' + "9" * 5000 + "}")
    return str(path), str(path)


def _deep_json(tmp: Path) -> tuple[str, str]:
    path = tmp / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    return str(path), str(path)


def _deep_field(tmp: Path) -> tuple[str, str]:
    path = tmp / "deep-field.jsonl"
    path.write_text('{"text": "The harbour bridge closes.", "x": ' + "[" * 900 + "]" * 900 + "}\n")
    return str(path), f"{path}:1"


def _bad_character_feed(tmp: Path) -> tuple[str, str]:
    path = tmp / "character.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t &#x110000;</title>'
                    "<item><link>http://example.com/a</link></item></channel></rss>")
    return str(path), str(path)


def _bad_link_feed(tmp: Path) -> tuple[str, str]:
    path = tmp / "link.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title>'
                    "<link>http://[bad/a</link></item></channel></rss>")
    return str(path), str(path)


def _malformed_url(tmp: Path) -> tuple[str, str]:
    return "http://[::1", "http://[::1"


def _fifo_in_folder(tmp: Path) -> tuple[str, str]:
    folder = tmp / "folder"
    folder.mkdir()
    os.mkfifo(folder / "pipe")
    (folder / "note.txt").write_text("The harbour bridge will close for repairs, the mayor said on Tuesday.\n")
    return str(folder), str(folder / "pipe")


def _binary(tmp: Path) -> tuple[str, str]:
    path = tmp / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return str(path), str(path)


BAD_INPUTS: dict[str, Callable[[Path], tuple[str, str]]] = {
    "lone surrogate": _surrogate, "corrupt gzip": _corrupt_gzip, "5,000-digit integer": _long_integer,
    "100,000-deep JSON": _deep_json, "900-deep field": _deep_field, "out-of-range character feed": _bad_character_feed,
    "malformed feed link": _bad_link_feed, "malformed URL": _malformed_url, "FIFO in a folder": _fifo_in_folder,
    "binary file": _binary,
}


def _outlets_shown(out: str, tmp: Path) -> bool:
    return "RT" in out and "Los Angeles Times" in out


def _ids_shown(out: str, tmp: Path) -> bool:
    return RT_SEED.stem in out and LATIMES_SEED.stem in out


def _stored(out: str, tmp: Path) -> bool:
    with Store(tmp / "news.db", read_only=True) as store:
        ids = {article.id for article in store.articles()}
    return {RT_SEED.stem, LATIMES_SEED.stem} <= ids


def _reported(out: str, tmp: Path) -> bool:
    pages = "".join(page.read_text() for page in (tmp / "reports" / "stories").glob("*.html"))
    return "RT" in pages and "Los Angeles Times" in pages


COMMANDS: dict[str, tuple[list[str], Callable[[str, Path], bool]]] = {
    "read": (["read"], _ids_shown),
    "summarize": (["summarize"], _outlets_shown),
    "compare": (["compare"], _outlets_shown),
    "report": (["report"], _outlets_shown),
    "cluster": (["cluster"], _ids_shown),
    "ingest": (["ingest", "--db", "{tmp}/news.db"], _stored),
    "stories": (["stories", "--out", "{tmp}/reports"], _reported),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("bad", BAD_INPUTS)
def test_a_bad_input_beside_the_examples_is_one_warning_and_the_examples_still_come_out(bad, command, tmp_path,
                                                                                        capsys):
    argument, name = BAD_INPUTS[bad](tmp_path)
    words, came_out = COMMANDS[command]
    status = main([words[0], argument, *EXAMPLES, *(w.format(tmp=tmp_path) for w in words[1:])])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "Traceback" not in err
    naming = [line for line in err.splitlines() if line.startswith("newsprism: warning: ") and name in line]
    assert naming, err
    assert came_out(out, tmp_path)
