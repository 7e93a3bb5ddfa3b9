"""Time icon rendering and Tailwind CSS generation on the shared corpora.

Run: ``python -m benchmarks.bench_icons_tailwind`` (from the repository root).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_icons import CORPORA, corpus_library, scan_corpus_icons  # noqa: E402
from test_tailwind import scan_corpus_classes  # noqa: E402

from mintrender.render import icons, tailwind  # noqa: E402


def _ms(start: float) -> str:
    return f"{(time.perf_counter() - start) * 1000:.1f} ms"


def main() -> None:
    for corpus in ("modelslab", "mintlify-docs"):
        root = CORPORA / corpus
        library = corpus_library(root)
        used = scan_corpus_icons(root)
        start = time.perf_counter()
        for (name, kind), count in used.items():
            for _ in range(count):
                icons.render_icon(name, icon_type=kind, library=library)
        print(f"{corpus}: {sum(used.values())} icon uses ({len(used)} distinct), cold {_ms(start)}")
        start = time.perf_counter()
        for (name, kind), count in used.items():
            for _ in range(count):
                icons.render_icon(name, icon_type=kind, library=library)
        print(f"{corpus}: same again, cached {_ms(start)}")
    classes: Counter[str] = Counter()
    for corpus in ("modelslab", "mintlify-docs"):
        classes += scan_corpus_classes(CORPORA / corpus)
    start = time.perf_counter()
    css = tailwind.generate_css(classes)
    print(f"tailwind: {len(classes)} class names -> {len(css)} bytes, cold {_ms(start)}")
    start = time.perf_counter()
    tailwind.generate_css(classes)
    print(f"tailwind: same again {_ms(start)}")


if __name__ == "__main__":
    main()
