"""The ``newsprism`` command: one sub-command per module named in ``COMMANDS``.

Each command module has ``register(subparsers)``, which adds its parser and sets ``run`` as the
parser's ``func``; ``run(args)`` returns the exit status. Expected problems raise
``NewsprismError`` and are printed as one line, without a traceback. What several commands share
lives beside them: ``console`` (progress, warnings), ``options`` (help layout, common options),
``articles`` (reading articles to group into stories) and ``batch`` (one story or a cluster file).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from newsprism import __version__
from newsprism.errors import NewsprismError

COMMANDS: tuple[str, ...] = ("read", "clean", "report", "summarize", "compare", "evaluate", "cluster", "ingest", "stories", "serve",
                            "run")
"""Modules of ``newsprism.cli`` that define a command, in the order ``--help`` lists them."""

DESCRIPTION = """\
newsprism reads news articles from many outlets, groups them into stories, and for each story
writes a summary whose every sentence names the outlets that report it, plus a comparison of how
each outlet covered the story.

examples:
  newsprism report RT=examples/000_431b17eb286845b6.txt examples/001_70f2f9c0c9a27f18.txt --out story.html
  newsprism read examples/ --format table
  newsprism stories day.jsonl --out reports/

Each command's --help lists its options with examples: newsprism COMMAND --help
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsprism",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsprism {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"newsprism.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Other libraries log only their errors: their warnings ("discarding data: None" from
    # trafilatura) repeat, in their own words, problems newsprism reports as one warning per input.
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("newsprism").setLevel(logging.INFO if args.verbose else logging.WARNING)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except NewsprismError as error:
        from newsprism.render.terminal import visible

        print(f"newsprism: error: {visible(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsprism: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
