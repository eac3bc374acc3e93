"""layout: print clippings and e-books from one article."""

__version__ = "0.1.0"
