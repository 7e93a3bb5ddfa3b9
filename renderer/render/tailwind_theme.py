"""Tailwind CSS v3 default theme values (palette, scales) used by the utility generator."""

from __future__ import annotations

_SHADES = ("50", "100", "200", "300", "400", "500", "600", "700", "800", "900", "950")

# Tailwind v3.3+ palette, 50 -> 950 (tailwindcss/src/public/colors.js).
_PALETTE_ROWS = {
    "slate": "f8fafc f1f5f9 e2e8f0 cbd5e1 94a3b8 64748b 475569 334155 1e293b 0f172a 020617",
    "gray": "f9fafb f3f4f6 e5e7eb d1d5db 9ca3af 6b7280 4b5563 374151 1f2937 111827 030712",
    "zinc": "fafafa f4f4f5 e4e4e7 d4d4d8 a1a1aa 71717a 52525b 3f3f46 27272a 18181b 09090b",
    "neutral": "fafafa f5f5f5 e5e5e5 d4d4d4 a3a3a3 737373 525252 404040 262626 171717 0a0a0a",
    "stone": "fafaf9 f5f5f4 e7e5e4 d6d3d1 a8a29e 78716c 57534e 44403c 292524 1c1917 0c0a09",
    "red": "fef2f2 fee2e2 fecaca fca5a5 f87171 ef4444 dc2626 b91c1c 991b1b 7f1d1d 450a0a",
    "orange": "fff7ed ffedd5 fed7aa fdba74 fb923c f97316 ea580c c2410c 9a3412 7c2d12 431407",
    "amber": "fffbeb fef3c7 fde68a fcd34d fbbf24 f59e0b d97706 b45309 92400e 78350f 451a03",
    "yellow": "fefce8 fef9c3 fef08a fde047 facc15 eab308 ca8a04 a16207 854d0e 713f12 422006",
    "lime": "f7fee7 ecfccb d9f99d bef264 a3e635 84cc16 65a30d 4d7c0f 3f6212 365314 1a2e05",
    "green": "f0fdf4 dcfce7 bbf7d0 86efac 4ade80 22c55e 16a34a 15803d 166534 14532d 052e16",
    "emerald": "ecfdf5 d1fae5 a7f3d0 6ee7b7 34d399 10b981 059669 047857 065f46 064e3b 022c22",
    "teal": "f0fdfa ccfbf1 99f6e4 5eead4 2dd4bf 14b8a6 0d9488 0f766e 115e59 134e4a 042f2e",
    "cyan": "ecfeff cffafe a5f3fc 67e8f9 22d3ee 06b6d4 0891b2 0e7490 155e75 164e63 083344",
    "sky": "f0f9ff e0f2fe bae6fd 7dd3fc 38bdf8 0ea5e9 0284c7 0369a1 075985 0c4a6e 082f49",
    "blue": "eff6ff dbeafe bfdbfe 93c5fd 60a5fa 3b82f6 2563eb 1d4ed8 1e40af 1e3a8a 172554",
    "indigo": "eef2ff e0e7ff c7d2fe a5b4fc 818cf8 6366f1 4f46e5 4338ca 3730a3 312e81 1e1b4b",
    "violet": "f5f3ff ede9fe ddd6fe c4b5fd a78bfa 8b5cf6 7c3aed 6d28d9 5b21b6 4c1d95 2e1065",
    "purple": "faf5ff f3e8ff e9d5ff d8b4fe c084fc a855f7 9333ea 7e22ce 6b21a8 581c87 3b0764",
    "fuchsia": "fdf4ff fae8ff f5d0fe f0abfc e879f9 d946ef c026d3 a21caf 86198f 701a75 4a044e",
    "pink": "fdf2f8 fce7f3 fbcfe8 f9a8d4 f472b6 ec4899 db2777 be185d 9d174d 831843 500724",
    "rose": "fff1f2 ffe4e6 fecdd3 fda4af fb7185 f43f5e e11d48 be123c 9f1239 881337 4c0519",
}

#: ``"zinc-950"`` -> ``"#09090b"``; plus ``black`` and ``white``.
PALETTE: dict[str, str] = {"black": "#000", "white": "#fff"}
for _name, _row in _PALETTE_ROWS.items():
    for _shade, _hex in zip(_SHADES, _row.split(), strict=True):
        PALETTE[f"{_name}-{_shade}"] = f"#{_hex}"

#: Colours that are not hex values, so opacity modifiers go through ``color-mix``.
#: ``primary*`` are Mintlify's theme colours (docs.json ``colors``), set by the theme on ``:root``.
SPECIAL_COLORS: dict[str, str] = {
    "transparent": "transparent",
    "current": "currentColor",
    "inherit": "inherit",
    "primary": "var(--mr-primary, #0d9373)",
    "primary-light": "var(--mr-primary-light, var(--mr-primary, #55d799))",
    "primary-dark": "var(--mr-primary-dark, var(--mr-primary, #0d9373))",
    # Mintlify's page colours (docs.json `background.color`, else the theme's), in either mode
    "background-light": "var(--mr-background-light, #fff)",
    "background-dark": "var(--mr-background-dark, #0f1014)",
}
# Mintlify's code block fill (`dark:bg-codeblock` in its components and in sites' own): a
# plain colour, so `/50` opacity modifiers mix it as they mix the palette's
PALETTE["codeblock"] = "#0b0c0e"

_SPACING_KEYS = "0 0.5 1 1.5 2 2.5 3 3.5 4 5 6 7 8 9 10 11 12 14 16 20 24 28 32 36 40 44 48 52 56 60 64 72 80 96"


def _rem(key: str) -> str:
    value = float(key) / 4
    return "0px" if value == 0 else f"{value:g}rem"


#: ``spacing`` scale: ``"4"`` -> ``"1rem"``, ``"px"`` -> ``"1px"``.
SPACING: dict[str, str] = {k: _rem(k) for k in _SPACING_KEYS.split()}
SPACING["px"] = "1px"


def _fractions(max_denominator: int) -> dict[str, str]:
    out: dict[str, str] = {}
    for den in (2, 3, 4, 5, 6, 12):
        if den > max_denominator:
            continue
        for num in range(1, den):
            out[f"{num}/{den}"] = f"{num / den * 100:.6f}".rstrip("0").rstrip(".") + "%"
    return out


FRACTIONS = _fractions(12)
INSET_FRACTIONS = {k: v for k, v in _fractions(4).items() if k.split("/")[1] in ("2", "3", "4")}

_SIZING_KEYWORDS = {"auto": "auto", "full": "100%", "min": "min-content", "max": "max-content"}
_SIZING_KEYWORDS["fit"] = "fit-content"

WIDTH = {**SPACING, **_SIZING_KEYWORDS, **FRACTIONS, "screen": "100vw"}
WIDTH.update({"svw": "100svw", "lvw": "100lvw", "dvw": "100dvw"})
HEIGHT = {**SPACING, **_SIZING_KEYWORDS, **_fractions(6), "screen": "100vh"}
HEIGHT.update({"svh": "100svh", "lvh": "100lvh", "dvh": "100dvh"})
SIZE = {**SPACING, **_SIZING_KEYWORDS, **FRACTIONS}
MIN_WIDTH = {**SPACING, "full": "100%", "min": "min-content", "max": "max-content"}
MIN_WIDTH["fit"] = "fit-content"
MIN_HEIGHT = {**MIN_WIDTH, "screen": "100vh", "svh": "100svh", "lvh": "100lvh", "dvh": "100dvh"}
MAX_HEIGHT = {**MIN_HEIGHT, "none": "none"}
MAX_WIDTH = {
    **SPACING,
    "none": "none",
    "xs": "20rem",
    "sm": "24rem",
    "md": "28rem",
    "lg": "32rem",
    "xl": "36rem",
    "2xl": "42rem",
    "3xl": "48rem",
    "4xl": "56rem",
    "5xl": "64rem",
    "6xl": "72rem",
    "7xl": "80rem",
    "full": "100%",
    "min": "min-content",
    "max": "max-content",
    "fit": "fit-content",
    "prose": "65ch",
    "screen-sm": "640px",
    "screen-md": "768px",
    "screen-lg": "1024px",
    "screen-xl": "1280px",
    "screen-2xl": "1536px",
}
INSET = {**SPACING, "auto": "auto", "full": "100%", **INSET_FRACTIONS}
TRANSLATE = {**SPACING, "full": "100%", **INSET_FRACTIONS}
MARGIN = {**SPACING, "auto": "auto"}

#: ``text-*`` sizes: (font-size, line-height).
FONT_SIZE: dict[str, tuple[str, str]] = {
    "xs": ("0.75rem", "1rem"),
    "sm": ("0.875rem", "1.25rem"),
    "base": ("1rem", "1.5rem"),
    "lg": ("1.125rem", "1.75rem"),
    "xl": ("1.25rem", "1.75rem"),
    "2xl": ("1.5rem", "2rem"),
    "3xl": ("1.875rem", "2.25rem"),
    "4xl": ("2.25rem", "2.5rem"),
    "5xl": ("3rem", "1"),
    "6xl": ("3.75rem", "1"),
    "7xl": ("4.5rem", "1"),
    "8xl": ("6rem", "1"),
    "9xl": ("8rem", "1"),
}
FONT_WEIGHT = {
    "thin": "100",
    "extralight": "200",
    "light": "300",
    "normal": "400",
    "medium": "500",
    "semibold": "600",
    "bold": "700",
    "extrabold": "800",
    "black": "900",
}
FONT_FAMILY = {
    "sans": 'ui-sans-serif, system-ui, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", '
    '"Segoe UI Symbol", "Noto Color Emoji"',
    "serif": 'ui-serif, Georgia, Cambria, "Times New Roman", Times, serif',
    "mono": 'ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, "Liberation Mono", '
    '"Courier New", monospace',
}
LINE_HEIGHT = {str(n): f"{n / 4:g}rem" for n in range(3, 11)}
LINE_HEIGHT.update(
    {"none": "1", "tight": "1.25", "snug": "1.375", "normal": "1.5", "relaxed": "1.625"}
)
LINE_HEIGHT["loose"] = "2"
LETTER_SPACING = {
    "tighter": "-0.05em",
    "tight": "-0.025em",
    "normal": "0em",
    "wide": "0.025em",
    "wider": "0.05em",
    "widest": "0.1em",
}
BORDER_RADIUS = {
    "none": "0px",
    "sm": "0.125rem",
    "": "0.25rem",
    "md": "0.375rem",
    "lg": "0.5rem",
    "xl": "0.75rem",
    "2xl": "1rem",
    "3xl": "1.5rem",
    "full": "9999px",
}
BORDER_WIDTH = {"": "1px", "0": "0px", "2": "2px", "4": "4px", "8": "8px"}
_BLACK = "rgb(0 0 0 / {})"
BOX_SHADOW = {
    "sm": f"0 1px 2px 0 {_BLACK.format(0.05)}",
    "": f"0 1px 3px 0 {_BLACK.format(0.1)}, 0 1px 2px -1px {_BLACK.format(0.1)}",
    "md": f"0 4px 6px -1px {_BLACK.format(0.1)}, 0 2px 4px -2px {_BLACK.format(0.1)}",
    "lg": f"0 10px 15px -3px {_BLACK.format(0.1)}, 0 4px 6px -4px {_BLACK.format(0.1)}",
    "xl": f"0 20px 25px -5px {_BLACK.format(0.1)}, 0 8px 10px -6px {_BLACK.format(0.1)}",
    "2xl": f"0 25px 50px -12px {_BLACK.format(0.25)}",
    "inner": f"inset 0 2px 4px 0 {_BLACK.format(0.05)}",
    "none": "0 0 #0000",
}
OPACITY = {str(n): f"{n / 100:g}" for n in range(0, 101, 5)}
Z_INDEX = {"0": "0", "10": "10", "20": "20", "30": "30", "40": "40", "50": "50", "auto": "auto"}
DURATION = {str(n): f"{n}ms" for n in (0, 75, 100, 150, 200, 300, 500, 700, 1000)}
EASE = {
    "linear": "linear",
    "in": "cubic-bezier(0.4, 0, 1, 1)",
    "out": "cubic-bezier(0, 0, 0.2, 1)",
    "in-out": "cubic-bezier(0.4, 0, 0.2, 1)",
}
SCALE = {str(n): f"{n / 100:g}" for n in (0, 50, 75, 90, 95, 100, 105, 110, 125, 150)}
ROTATE = {str(n): f"{n}deg" for n in (0, 1, 2, 3, 6, 12, 45, 90, 180)}
SKEW = {str(n): f"{n}deg" for n in (0, 1, 2, 3, 6, 12)}
ASPECT = {"auto": "auto", "square": "1 / 1", "video": "16 / 9"}
RING_WIDTH = {"": "3px", "0": "0px", "1": "1px", "2": "2px", "4": "4px", "8": "8px"}
STROKE_WIDTH = {"0": "0", "1": "1", "2": "2"}
GRID_SPAN = {str(n): f"span {n} / span {n}" for n in range(1, 13)}
TRANSITION_PROPERTY = {
    "": "color, background-color, border-color, text-decoration-color, fill, stroke, opacity, "
    "box-shadow, transform, filter, backdrop-filter",
    "all": "all",
    "colors": "color, background-color, border-color, text-decoration-color, fill, stroke",
    "opacity": "opacity",
    "shadow": "box-shadow",
    "transform": "transform",
}

#: Responsive breakpoints (min-width), in cascade order.
SCREENS = {"sm": "640px", "md": "768px", "lg": "1024px", "xl": "1280px", "2xl": "1536px"}
