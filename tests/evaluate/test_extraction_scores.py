"""Scores of kept page text against a gold article body, on pages built inline."""

from __future__ import annotations

from newsprism.evaluate.extraction import page_blocks, score_page

GOLD = ("WASHINGTON (AP) — The council voted on Tuesday to approve the new budget for the city.\n\n"
        "Opponents said the plan would raise taxes for most residents next year.")
EXTRACTED = ("WASHINGTON (AP) — The council voted on Tuesday to approve the new budget for the city.\n"
             "Sign up for our daily newsletter today\n"
             "Opponents said the plan would raise taxes for most residents next year.")


def test_a_junk_line_of_the_extraction_counts_against_precision_and_as_junk_left():
    counts = score_page(extracted=EXTRACTED, kept=EXTRACTED, gold=GOLD)
    assert (counts.kept_body_lines, counts.kept_lines) == (2, 3)
    assert (counts.junk_lines_left, counts.junk_lines) == (1, 1)


def test_a_gold_paragraph_with_its_dateline_cut_off_still_counts_as_kept():
    kept = "The council voted on Tuesday to approve the new budget for the city.\n" + GOLD.split("\n\n")[1]
    counts = score_page(extracted=EXTRACTED, kept=kept, gold=GOLD)
    assert (counts.gold_paragraphs_kept, counts.keep_snippets_kept, counts.junk_lines_left) == (2, 2, 0)


def test_page_blocks_outside_the_gold_body_are_must_drop_snippets():
    page = ("<html><head><title>Budget</title><script>var x = 'not text';</script></head><body>"
            "<nav><a>Home</a><a>World news and politics today</a></nav>"
            f"<p>{GOLD.split(chr(10))[0]}</p><p>{GOLD.split(chr(10))[-1]}</p></body></html>")
    counts = score_page(extracted=EXTRACTED, kept=EXTRACTED, gold=GOLD, blocks=page_blocks(page))
    assert (counts.drop_snippets, counts.drop_snippets_left) == (1, 0)
