"""``newsprism report``: the summary and the comparison of one story as one offline HTML page."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from newsprism.cli.batch import pipeline_settings, story_result
from newsprism.cli.options import add_allow_private, add_command, add_meaning
from newsprism.engines.local import Pipeline
from newsprism.errors import NewsprismError
from newsprism.render.text import counted

log = logging.getLogger(__name__)

DEFAULT_WORDS = 100
"""Summary length in words: the length of the newser.com briefs of Multi-News and of DUC 2004's
reference summaries, the two kinds of summary newsprism is measured against."""

def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "report",
        help="write one story's summary and outlet comparison as a standalone HTML page",
        description=(
            "Read INPUTs as the articles of one story and write a standalone, offline HTML page: the "
            "attributed summary at the top, then a coverage matrix and the consensus, the outlets side "
            "by side (exclusives, omissions), quotes by speaker, figures (conflicts first) and framing. "
            "Click any sentence to see where it came from."
        ),
        examples=[
            "newsprism report RT=examples/000_431b17eb286845b6.txt examples/001_70f2f9c0c9a27f18.txt --out story.html",
        ],
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="an article: OUTLET=PATH, a file, a folder of files, or a URL",
    )
    parser.add_argument(
        "--out", "-o", metavar="FILE",
        help="where to write the page (default: standard output)",
    )
    parser.add_argument(
        "--words", type=int, default=DEFAULT_WORDS, metavar="N",
        help=f"summary length in words (default: {DEFAULT_WORDS})",
    )
    add_allow_private(parser)
    add_meaning(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsprism.render.html import render_report

    result = story_result(args.inputs, Pipeline(pipeline_settings(args, words=args.words)))
    story, analysis, summary, comparison = result.story, result.analysis, result.summary, result.comparison
    assert story is not None and analysis is not None and summary is not None and comparison is not None
    page = render_report(analysis, summary, comparison)
    if args.out is None:
        sys.stdout.write(page)
        return 0
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)  # "--out reports/today.html" into a new folder
        out.write_text(page, encoding="utf-8")
    except OSError as error:
        raise NewsprismError(f"cannot write the report to {out}: {error.strerror}") from error
    log.info("wrote %s (%d articles, %d bytes)", out, len(story.articles), len(page.encode()))
    print(f"wrote {out}: {counted(len(story.articles), 'article')} from {counted(len(story.outlets), 'outlet')}",
          file=sys.stderr)
    return 0
