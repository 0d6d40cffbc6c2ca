"""Near-duplicate detection: MinHash estimates, the LSH index, its window and its settings."""

from __future__ import annotations

import time

import numpy as np
import pytest

from newsprism.errors import NewsprismError
from newsprism.stories.dedup import DedupSettings, DuplicateIndex, MinHasher, shingle_hashes

TEXT = (
    "The city council voted on Tuesday to close the old harbour bridge for repairs after engineers "
    "found cracks in two of its supports. The bridge carries about twelve thousand cars a day and "
    "will stay closed until the spring, the mayor said, adding that a ferry service would run in the "
    "meantime. Shop owners on the east bank said the closure would cost them customers."
)
OTHER = (
    "Engineers have found cracks in the supports of the harbour bridge, which the council will shut "
    "for months. Drivers face long detours; businesses east of the river fear losses. A ferry will "
    "carry commuters while the work is done, officials said on Tuesday."
)


def _jaccard(a: str, b: str) -> float:
    x, y = set(shingle_hashes(a, 5)), set(shingle_hashes(b, 5))
    return len(x & y) / len(x | y)


def test_minhash_estimates_the_jaccard_similarity_of_shingle_sets():
    edited = TEXT.replace("twelve thousand", "12,000").replace("the spring", "next April")
    signatures = MinHasher(DedupSettings(num_perm=256, bands=64)).signatures([TEXT, edited])
    estimate = float(np.mean(signatures[0] == signatures[1]))
    assert abs(estimate - _jaccard(TEXT, edited)) < 0.1


def _index_pair(first: str, second: str, settings: DedupSettings | None = None) -> str | None:
    hasher, index = MinHasher(settings), DuplicateIndex(settings)
    signatures = hasher.signatures([first, second])
    assert index.add("first", signatures[0], 0.0) is None
    return index.add("second", signatures[1], 60.0)


def test_a_copy_with_a_new_ending_is_a_duplicate_of_the_original():
    assert _index_pair(TEXT, TEXT + " Reporting by Jane Doe; editing by John Roe.") == "first"


def test_a_different_article_on_the_same_event_is_not_a_duplicate():
    assert _index_pair(TEXT, OTHER) is None


def test_an_original_older_than_the_window_is_forgotten():
    settings = DedupSettings()
    hasher, index = MinHasher(settings), DuplicateIndex(settings)
    signature = hasher.signatures([TEXT])[0]
    index.add("old", signature, 0.0)
    later = settings.window.total_seconds() + 1
    assert index.add("new", signature, later) is None
    assert "old" not in index and len(index) == 1


def test_signatures_are_the_same_in_every_process():
    # crc32 word hashes and seeded permutations: a store written today matches tomorrow's ingest
    assert MinHasher().signatures([TEXT])[0][:4].tolist() == MinHasher().signatures([TEXT])[0][:4].tolist()
    assert shingle_hashes("one two three four five", 5).tolist() == shingle_hashes("One two three four five!", 5).tolist()


def test_a_50_mb_article_is_hashed_from_its_first_words_only():
    huge = TEXT + " " + "filler words repeated " * 2_300_000  # about 50 MB
    started = time.perf_counter()
    signature = MinHasher().signatures([huge])[0]
    assert time.perf_counter() - started < 5
    head = " ".join(huge.split()[: DedupSettings().max_words])
    assert (signature == MinHasher().signatures([head])[0]).all()


def test_num_perm_must_split_into_whole_bands():
    with pytest.raises(NewsprismError, match=r"num_perm \(64\) must be a multiple of bands \(10\)"):
        DedupSettings(bands=10)
