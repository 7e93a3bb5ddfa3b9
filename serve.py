"""`python serve.py [DOCS_DIR] [--port 3000] [--host 127.0.0.1] [--safe]`: live preview.

The same server as `mintrender serve` (alias `mintrender dev`); the work happens in
`mintrender.serve` (`server`: threads and watcher, `app`: HTTP and live reload, `state`: rebuilds).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def serve(docs_dir: Path, host: str = "127.0.0.1", port: int = 3000, safe: bool = False) -> int:
    """Serve DOCS_DIR with live reload until Ctrl+C; returns the exit code."""
    from mintrender.model import Safety
    from mintrender.serve.server import serve as run

    return run(Path(docs_dir), host=host, port=port, safe=Safety() if safe else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="serve.py", description="Preview Mintlify-format docs with live reload."
    )
    parser.add_argument("docs_dir", nargs="?", default=".", help="folder holding docs.json")
    parser.add_argument("--port", type=int, default=3000, help="port (next free one if taken)")
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default local)")
    parser.add_argument(
        "--safe", action="store_true", help="docs you do not trust (SECURITY.md; default: off)"
    )
    args = parser.parse_args(argv)
    try:
        return serve(Path(args.docs_dir), host=args.host, port=args.port, safe=args.safe)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
