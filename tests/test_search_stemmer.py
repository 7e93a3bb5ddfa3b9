"""The UI's Porter stemmer gives lunr.py's stems for every word of both shared corpora."""

from __future__ import annotations

import pytest
from lunr.stemmer import PorterStemmer
from test_search_support import MINTLIFY, MODELSLAB, browser, chromium_path, write_test_site

from mintrender.index.search import build_search_index, normalize_text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="no chromium executable on PATH"),
]

# Classic Porter examples plus the edge cases of lunr.py's buffer arithmetic.
EDGE_WORDS = """caresses ponies ties caress cats feed agreed disabled matting mating meeting milling
messing meetings happy sky relational conditional rational valenci hesitanci digitizer
conformabli radicalli differentli vileli analogousli vietnamization predication operator
feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate
formative formalize electriciti electrical hopeful goodness revival allowance inference airliner
gyroscopic adjustable defensible irritant replacement adjustment dependent adoption homologou
communism activate angulariti homologous effective bowdlerize probate rate cease controll roll
lay try ies sses y yy eed ied ing ed s ss is as us yes eyes bye abye aies iess ying yed
apology logi bli abli 2xl 1080p v6 text2img a1111 ö över cafés naïve
𝐀s 𝐀𝐁s 𝐚ies 𝐚𝐛ing x𝐚ed 𠀀𠀁s 𠀀ational""".split()


def _vocabulary() -> list[str]:
    words: set[str] = set(EDGE_WORDS)
    for root in (MODELSLAB, MINTLIFY):
        for path in root.rglob("*.mdx"):
            words.update(normalize_text(path.read_text(encoding="utf-8")).split())
    return sorted(words)


def test_js_stemmer_matches_lunr_py(tmp_path) -> None:  # type: ignore[no-untyped-def]
    words = _vocabulary()
    assert len(words) > 10_000
    stemmer = PorterStemmer()
    want = [stemmer.stem(w) for w in words]
    home = write_test_site(tmp_path, [], build_search_index([]))
    with browser() as b:
        page = b.new_page()
        page.goto(home.as_uri())
        got = page.evaluate("ws => ws.map(w => mrSearch.stem(w))", words)
    mismatches = [(w, g, e) for w, g, e in zip(words, got, want, strict=True) if g != e]
    assert mismatches == []
