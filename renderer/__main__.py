"""`python -m renderer` entry point."""

from renderer.cli import main

raise SystemExit(main())
