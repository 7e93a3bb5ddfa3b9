"""`python -m mintrender` entry point."""

from mintrender.cli import main

raise SystemExit(main())
