"""newsprism: one story, many outlets — attributed summaries and outlet comparisons."""

__version__ = "0.1.0"
