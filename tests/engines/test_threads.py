"""Library code is safe to call from several threads: two different stories run through one
pipeline at once, in two threads, give what each gives alone (their summaries and comparisons as
JSON, which holds every part of the analysis they show)."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone

from datapaths import LATIMES_SEED, RT_SEED

from newsprism.engines.local import Pipeline
from newsprism.model import Article, Story
from newsprism.render.json import comparison_to_dict, summary_to_dict

_HARBOUR = (
    ("Coast Daily", 'The harbour bridge will close for six weeks from Monday after engineers found cracks in two '
     'of its 14 supports, the city said on Friday. "We cannot take any risk with a structure that carries 40,000 '
     'cars a day," Mayor Ana Ruiz told reporters. Repairs are expected to cost $12 million.'),
    ("Bay Herald", 'Engineers found cracks in two supports of the harbour bridge, which closes on Monday for six '
     'weeks, city officials said. Mayor Ana Ruiz said: "We cannot take any risk with a structure that carries '
     '40,000 cars a day." The repairs will cost $15 million, according to the transport department. Ferry '
     'services will run every 20 minutes during the closure.'),
    ("Evening Post", 'Commuters face six weeks of delays as the harbour bridge shuts on Monday. The city blamed '
     'cracks found in its supports. Critics accused the council of neglecting the bridge for a decade, and '
     'opposition leader Tom Baker called the closure "a disgrace that was years in the making".'),
)


def _harbour_story() -> Story:
    published = datetime(2024, 3, 1, tzinfo=timezone.utc)
    return Story("harbour", tuple(
        Article(id=f"h{i}", text=text, outlet=outlet, published=published) for i, (outlet, text) in enumerate(_HARBOUR)
    ))


PIPELINE = Pipeline()
"""One pipeline object, shared by the threads as a server would share it."""


def _results(story: Story) -> str:
    result = PIPELINE.result(story)
    assert result.ok and result.analysis and result.summary and result.comparison, result.error
    both = {"summary": summary_to_dict(result.summary, result.analysis),
            "comparison": comparison_to_dict(result.comparison, result.analysis)}
    return json.dumps(both, sort_keys=True, default=str)


def test_two_stories_run_in_two_threads_at_once_give_what_each_gives_alone():
    seeds, _ = PIPELINE.story([f"RT={RT_SEED}", str(LATIMES_SEED)])
    stories = {"seeds": seeds, "harbour": _harbour_story()}
    alone = {name: _results(story) for name, story in stories.items()}
    together: dict[str, list[str]] = {name: [] for name in stories}
    failures: list[BaseException] = []
    start = threading.Barrier(len(stories))

    def run(name: str) -> None:
        try:
            start.wait()
            for _ in range(3):
                together[name].append(_results(stories[name]))
        except BaseException as error:  # noqa: BLE001 - reported by the test below, not lost in the thread
            failures.append(error)

    threads = [threading.Thread(target=run, args=(name,)) for name in stories]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert together == {name: [result] * 3 for name, result in alone.items()}
