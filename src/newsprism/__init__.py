"""newsprism: one story, many outlets — attributed summaries and outlet comparisons."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsprism")  # the one version is pyproject.toml's, as installed
except PackageNotFoundError:  # a source tree on the path that was never installed
    __version__ = "0+unknown"
