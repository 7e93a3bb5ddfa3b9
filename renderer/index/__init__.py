"""The index stage: search sections and lunr.py indexes, returned as data."""
