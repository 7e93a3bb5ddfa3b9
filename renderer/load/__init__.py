"""The load stage: docs.json (or mint.json), navigation, source files."""
