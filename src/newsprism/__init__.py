"""newsprism: one story, many outlets — attributed summaries and outlet comparisons.

The Python API, one name per stage (each imported on first use, so that ``import newsprism`` and
the command line stay quick)::

    import newsprism

    read = newsprism.read(["examples/"])                   # read and clean: .articles, .errors
    for story in newsprism.cluster(read.articles).stories:  # dedup and group into stories
        analysis = newsprism.analyze(story)                 # facts, quotations, figures, framing
        summary = newsprism.summarize(analysis, 100)
        comparison = newsprism.compare(analysis)

``Pipeline`` runs every stage from one ``PipelineSettings`` and yields a ``StoryResult`` per story;
``Store`` keeps articles and their stories in SQLite.
"""

from __future__ import annotations

import importlib
import sys
import types
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("newsprism")  # the one version is pyproject.toml's, as installed
except PackageNotFoundError:  # a source tree on the path that was never installed
    __version__ = "0+unknown"

if TYPE_CHECKING:
    from newsprism.analysis.story import AnalysisSettings, analyze
    from newsprism.compare import CompareSettings, compare
    from newsprism.engines.local import Clustering, Pipeline, StoryResult
    from newsprism.engines.local import cluster_stories as cluster
    from newsprism.engines.local import read_articles as read
    from newsprism.engines.settings import PipelineSettings
    from newsprism.errors import InputError, NewsprismError
    from newsprism.ingest import ReadResult, ReadSettings
    from newsprism.model import Article, Comparison, Story, StoryAnalysis, Summary
    from newsprism.store import Store
    from newsprism.stories.cluster import ClusterSettings
    from newsprism.stories.dedup import DedupSettings
    from newsprism.summarize import SummarySettings, summarize
    from newsprism.text.clean import CleanSettings

_EXPORTS: dict[str, tuple[str, str]] = {
    "read": ("newsprism.engines.local", "read_articles"),
    "cluster": ("newsprism.engines.local", "cluster_stories"),
    "analyze": ("newsprism.analysis.story", "analyze"),
    "summarize": ("newsprism.summarize", "summarize"),
    "compare": ("newsprism.compare", "compare"),
    "Pipeline": ("newsprism.engines.local", "Pipeline"),
    "StoryResult": ("newsprism.engines.local", "StoryResult"),
    "Clustering": ("newsprism.engines.local", "Clustering"),
    "Store": ("newsprism.store", "Store"),
    "PipelineSettings": ("newsprism.engines.settings", "PipelineSettings"),
    "ReadSettings": ("newsprism.ingest", "ReadSettings"),
    "CleanSettings": ("newsprism.text.clean", "CleanSettings"),
    "DedupSettings": ("newsprism.stories.dedup", "DedupSettings"),
    "ClusterSettings": ("newsprism.stories.cluster", "ClusterSettings"),
    "AnalysisSettings": ("newsprism.analysis.story", "AnalysisSettings"),
    "SummarySettings": ("newsprism.summarize", "SummarySettings"),
    "CompareSettings": ("newsprism.compare", "CompareSettings"),
    "ReadResult": ("newsprism.ingest", "ReadResult"),
    "Article": ("newsprism.model", "Article"),
    "Story": ("newsprism.model", "Story"),
    "StoryAnalysis": ("newsprism.model", "StoryAnalysis"),
    "Summary": ("newsprism.model", "Summary"),
    "Comparison": ("newsprism.model", "Comparison"),
    "NewsprismError": ("newsprism.errors", "NewsprismError"),
    "InputError": ("newsprism.errors", "InputError"),
}

__all__ = [  # the names of _EXPORTS: a literal list, so that linters and type checkers can read it
    "__version__", "read", "cluster", "analyze", "summarize", "compare", "Pipeline", "StoryResult", "Clustering",
    "Store", "PipelineSettings", "ReadSettings", "CleanSettings", "DedupSettings", "ClusterSettings",
    "AnalysisSettings", "SummarySettings", "CompareSettings", "ReadResult", "Article", "Story", "StoryAnalysis", "Summary", "Comparison",
    "NewsprismError", "InputError",
]


def __getattr__(name: str) -> Any:
    """The API's names, each imported from its stage's module when first asked for."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'newsprism' has no attribute {name!r}")
    module, attribute = _EXPORTS[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


class _Package(types.ModuleType):
    """The package, whose ``summarize`` and ``compare`` stay the functions of the API.

    Importing a submodule sets the package's attribute of the same name to the submodule, and
    ``newsprism.summarize`` and ``newsprism.compare`` are submodules as well as functions: without
    this, the first import of the module anywhere would replace the function. The submodules stay
    importable as ever (``from newsprism.summarize import SummarySettings``, ``sys.modules``).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
