"""`python serve.py [DOCS_DIR] [--port 3000] [--host 127.0.0.1] [--safe] [--allow-...]`: live preview.

The same server and the same options as `mintrender serve` (alias `mintrender dev`); the work
happens in `mintrender.serve` (`server`: threads and watcher, `app`: HTTP and live reload,
`state`: rebuilds).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mintrender.model import Safety


def serve(
    docs_dir: Path, host: str = "127.0.0.1", port: int = 3000, safe: bool | Safety = False
) -> int:
    """Serve DOCS_DIR with live reload until Ctrl+C; returns the exit code.

    `safe` is True for `--safe` with the default allowances, or the `Safety` to apply."""
    from mintrender.serve.server import serve as run

    safety = safe if isinstance(safe, Safety) else (Safety() if safe else None)
    return run(Path(docs_dir), host=host, port=port, safe=safety)


def main(argv: list[str] | None = None) -> int:
    from mintrender.cli import add_serve_options, docs_folder, safety_of

    parser = argparse.ArgumentParser(
        prog="serve.py", description="Preview Mintlify-format docs with live reload."
    )
    add_serve_options(parser)
    args = parser.parse_args(argv)
    docs_dir = docs_folder(args.docs_dir)
    if docs_dir is None:
        return 2
    try:
        return serve(docs_dir, host=args.host, port=args.port, safe=safety_of(args) or False)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
