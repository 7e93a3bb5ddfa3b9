"""Language facts for search and layout: Snowball stemmer, stop words, CJK bigrams, direction.

A docs.json language code (`navigation.languages[].language`: `fr`, `pt-BR`, `zh-Hans`, `cn`,
`jp`, ...) maps to one `LanguageProfile`. English and pages without a language keep lunr's own
English pipeline (`legacy`), so their index and ranking are exactly what they were before
languages had pipelines of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Direction = Literal["ltr", "rtl"]

_ALIASES = {"cn": "zh", "jp": "ja"}

SNOWBALL: dict[str, str] = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "nl": "dutch",
    "no": "norwegian",
    "nb": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
"""Base language code -> Snowball algorithm name (as `snowballstemmer.stemmer` spells it)."""

RTL = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi"}
)
"""Base codes of languages written right to left."""

BIGRAM = frozenset({"zh", "ja"})
"""Languages without spaces between words: Han and kana runs are indexed as character bigrams."""

# Function words, written without accents (they are compared after folding). Our own short
# lists: the words that carry no meaning for documentation search.
_STOP: dict[str, str] = {
    "es": """a al algo algunas algunos ante antes como con contra cual cuando de del desde donde
        durante e el ella ellas ellos en entre era eres es esa esas ese eso esos esta estas este
        esto estos fue ha hay la las le les lo los mas me mi mis muy nos o os para pero por porque
        que se sea ser si sin sobre son su sus tambien te tu tus u un una unas uno unos y ya yo""",
    "fr": """a au aux avec ce ces cet cette d dans de des du elle elles en est et etre il ils je l
        la le les leur leurs lui m ma mais me mes moi mon n ne nos notre nous on ou par pas pour
        qu que qui s sa sans se ses si son sont sur t ta te tes toi ton tu un une vos votre vous y""",
    "de": """aber als am an auch auf aus bei bin bis bist da das dass dem den der des die dir du
        ein eine einem einen einer eines er es fur hat ich ihr im in ist ja mit nach nicht noch
        oder sie sind so uber um und uns vom von vor wie wir zu zum zur""",
    "pt": """a ao aos as com como da das de do dos e ela elas ele eles em entre era essa esse
        esta este eu foi ha isso isto ja mais mas me na nas nao no nos o os ou para pela pelas pelo
        pelos por qual quando que se sem ser seu seus sua suas tambem te um uma umas uns voce""",
    "it": """a ad al alla alle allo agli ai che chi ci con da dal dalla dalle dei del della delle
        dello di e ed gli ha hanno i il in la le lo ma mi ne nei nel nella non o per piu quella
        quello questa questo se si sono su sua sue suo suoi tra un una uno""",
    "nl": """aan al als bij dan dat de der die dit door een en er het hij hoe ik in is je maar
        met naar niet of om ook op te tot u uit van voor wat we wel wij zijn""",
}


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    """How one language's text is searched."""

    code: str
    """The code as docs.json spells it (`""` for a site without languages)."""
    base: str
    """Lower-case base code without region or alias (`pt-BR` -> `pt`, `cn` -> `zh`)."""
    legacy: bool
    """English or no language: lunr's English pipeline (Porter stemmer), no folding."""
    stemmer: str | None
    """Snowball algorithm, or None (no stemming)."""
    stop_words: tuple[str, ...]
    """Folded stop words, sorted (indexed never; typo tolerance skips them)."""
    bigrams: bool
    """Han and kana runs become character bigrams."""

    @property
    def direction(self) -> Direction:
        return text_direction(self.code)


def base_code(code: str | None) -> str:
    """`pt-BR` -> `pt`, `zh-Hans` -> `zh`, `cn` -> `zh`, `jp` -> `ja`, None -> ``."""
    base = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return _ALIASES.get(base, base)


def text_direction(code: str | None) -> Direction:
    """Writing direction of a language code (`rtl` for Arabic, Hebrew, Persian, Urdu, ...)."""
    return "rtl" if base_code(code) in RTL else "ltr"


def language_profile(code: str | None) -> LanguageProfile:
    """The search profile of a docs.json language code."""
    base = base_code(code)
    if base in ("", "en"):
        return LanguageProfile(code or "", base, True, None, (), False)
    stop = tuple(sorted(set(_STOP.get(base, "").split())))
    return LanguageProfile(code or "", base, False, SNOWBALL.get(base), stop, base in BIGRAM)
