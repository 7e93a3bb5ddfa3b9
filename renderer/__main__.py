"""`python -m mintrender` entry point."""

from mintrender.cli import run

run()
