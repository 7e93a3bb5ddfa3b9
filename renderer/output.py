"""Write stage: the temporary output folder, theme bundle, static files, and the atomic swap."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from renderer.urls import ROOT, relative_root

ASSET_DIR = "_mintrender"


class OutputWriter:
    """Writes into a temporary folder beside OUT; `commit()` swaps it in, `abort()` removes it."""

    def __init__(self, out_dir: Path, *, mode: str, base_path: str = "/") -> None:
        self.out_dir = out_dir.resolve()
        self.mode = mode
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(
            tempfile.mkdtemp(prefix=f".{self.out_dir.name}.tmp-", dir=self.out_dir.parent)
        )
        self.written: list[str] = []

    def root_for(self, output_path: str) -> str:
        return relative_root(output_path) if self.mode == "offline" else self.base_path

    def finish_html(self, output_path: str, text: str) -> str:
        """Resolve the ROOT placeholder for a page written at `output_path`."""
        return text.replace(ROOT, self.root_for(output_path))

    def write_text(self, output_path: str, text: str) -> None:
        target = self.tmp / output_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.written.append(output_path)

    def write_page(self, output_path: str, html: str) -> None:
        self.write_text(output_path, self.finish_html(output_path, html))

    def copy_file(self, src: Path, output_path: str) -> None:
        target = self.tmp / output_path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, target)  # cheap when on the same filesystem
        except OSError:
            shutil.copyfile(src, target)

    def commit(self) -> None:
        """Swap the finished folder in; the previous OUT is removed only after the swap."""
        old = None
        if self.out_dir.exists():
            old = Path(
                tempfile.mkdtemp(prefix=f".{self.out_dir.name}.old-", dir=self.out_dir.parent)
            )
            os.rmdir(old)
            os.replace(self.out_dir, old)
        os.replace(self.tmp, self.out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def bundle_theme(theme_static: Path, kind: str) -> str:
    """Concatenate `css/*.css` or `js/*.js` of a theme in name order."""
    folder = theme_static / kind
    parts = []
    for path in sorted(folder.glob(f"*.{kind}")):
        parts.append(f"/* {path.name} */\n" + path.read_text(encoding="utf-8"))
    return "\n".join(parts)
