"""Readers: files, folders, HTML, URLs, feeds, JSONL, research datasets and WARC to raw ``Article`` records.

``read_inputs`` reads what a user names on the command line; ``read_stories`` reads collections that
already group articles into stories. Neither cleans: that is ``newsprism.text.clean``.
"""

from newsprism.ingest.inputs import ReadResult, read_inputs
from newsprism.ingest.settings import ReadSettings
from newsprism.ingest.stories import read_stories

__all__ = ["ReadResult", "ReadSettings", "read_inputs", "read_stories"]
