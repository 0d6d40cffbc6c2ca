"""What every command's parser shares: one help layout (the description wrapped to the terminal,
then examples exactly as typed) and the options several commands take."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

ALLOW_PRIVATE_HELP = "allow URLs on loopback, private and link-local addresses (refused by default)"


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps prose to the terminal but keeps the ``examples:`` epilog line by line, so each example
    can be copied as one command."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def add_command(
    subparsers: argparse._SubParsersAction, name: str, *, help: str, description: str, examples: Sequence[str],
) -> argparse.ArgumentParser:
    """The parser of one command, with its one-line ``help``, its ``description`` and examples."""
    return subparsers.add_parser(
        name,
        help=help,
        description=description,
        epilog="examples:\n" + "\n".join(f"  {example}" for example in examples),
        formatter_class=_HelpFormatter,
    )


def add_allow_private(parser: argparse.ArgumentParser) -> None:
    """URLs on the user's own network are refused unless asked for: a URL in a feed is untrusted."""
    parser.add_argument("--allow-private", action="store_true", help=ALLOW_PRIVATE_HELP)


MEANING_HELP = (
    "align the outlets' sentences with MiniLM's sense of meaning as well as their words: more facts told "
    "in other words are found, at about 30 CPU seconds per 1,000 sentences (needs the [neural] extra)"
)


def add_meaning(parser: argparse.ArgumentParser) -> None:
    """``--meaning``: the slower, surer alignment (``AlignSettings.meaning``) for those who can wait."""
    parser.add_argument("--meaning", action="store_true", help=MEANING_HELP)
