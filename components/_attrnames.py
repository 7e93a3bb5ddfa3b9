"""React prop names -> HTML and SVG attribute names, as React DOM writes them.

`className` -> `class`, `httpEquiv` -> `http-equiv`, `xlinkHref` -> `xlink:href`,
`strokeWidth` -> `stroke-width`, `viewBox` stays `viewBox`, `tabIndex` -> `tabindex`.
"""

from __future__ import annotations

import re

INLINE_ELEMENTS = frozenset(
    "a abbr b bdi bdo br cite code data dfn em i img input kbd label mark q s samp small span "
    "strong sub sup time u var wbr del ins".split()
)
"""HTML's phrasing elements: text, not blocks."""

_SPECIAL = {
    "className": "class",
    "defaultValue": "value",  # a server render writes the initial value and state
    "defaultChecked": "checked",
    "htmlFor": "for",
    "httpEquiv": "http-equiv",
    "acceptCharset": "accept-charset",
    "xlinkActuate": "xlink:actuate",
    "xlinkArcrole": "xlink:arcrole",
    "xlinkHref": "xlink:href",
    "xlinkRole": "xlink:role",
    "xlinkShow": "xlink:show",
    "xlinkTitle": "xlink:title",
    "xlinkType": "xlink:type",
    "xmlBase": "xml:base",
    "xmlLang": "xml:lang",
    "xmlSpace": "xml:space",
    "xmlnsXlink": "xmlns:xlink",
}

SVG_ELEMENTS = frozenset(
    "svg g path circle ellipse line polyline polygon rect text tspan textPath defs symbol use "
    "title desc clipPath mask pattern marker linearGradient radialGradient stop image filter "
    "feBlend feColorMatrix feComposite feFlood feGaussianBlur feMerge feMergeNode feOffset "
    "feMorphology feDropShadow".split()
)
"""SVG's elements: what `--safe` keeps of an inline SVG (`render.sanitize`), and an icon that
sits in a line of text (`parse.jsxtext.own_lines`)."""

# SVG attributes whose names are camelCase in the SVG specification itself: kept as written.
SVG_CAMEL = frozenset(
    "allowReorder attributeName attributeType autoReverse baseFrequency baseProfile calcMode "
    "clipPathUnits contentScriptType contentStyleType diffuseConstant edgeMode "
    "externalResourcesRequired filterRes filterUnits glyphRef gradientTransform gradientUnits "
    "kernelMatrix kernelUnitLength keyPoints keySplines keyTimes lengthAdjust limitingConeAngle "
    "markerHeight markerUnits markerWidth maskContentUnits maskUnits numOctaves pathLength "
    "patternContentUnits patternTransform patternUnits pointsAtX pointsAtY pointsAtZ "
    "preserveAlpha preserveAspectRatio primitiveUnits refX refY repeatCount repeatDur "
    "requiredExtensions requiredFeatures specularConstant specularExponent spreadMethod "
    "startOffset stdDeviation stitchTiles surfaceScale systemLanguage tableValues targetX "
    "targetY textLength viewBox viewTarget xChannelSelector yChannelSelector zoomAndPan".split()
)

# SVG presentation attributes: hyphenated in markup, camelCase in React.
_SVG_HYPHENATED = frozenset(
    "alignmentBaseline baselineShift clipPath clipRule colorInterpolation "
    "colorInterpolationFilters colorProfile colorRendering dominantBaseline enableBackground "
    "fillOpacity fillRule floodColor floodOpacity fontFamily fontSize fontSizeAdjust "
    "fontStretch fontStyle fontVariant fontWeight glyphName glyphOrientationHorizontal "
    "glyphOrientationVertical horizAdvX horizOriginX imageRendering letterSpacing lightingColor "
    "markerEnd markerMid markerStart overlinePosition overlineThickness paintOrder panose1 "
    "pointerEvents renderingIntent shapeRendering stopColor stopOpacity strikethroughPosition "
    "strikethroughThickness strokeDasharray strokeDashoffset strokeLinecap strokeLinejoin "
    "strokeMiterlimit strokeOpacity strokeWidth textAnchor textDecoration textRendering "
    "underlinePosition underlineThickness unicodeBidi unicodeRange unitsPerEm vAlphabetic "
    "vHanging vIdeographic vMathematical vectorEffect vertAdvY vertOriginX vertOriginY "
    "wordSpacing writingMode xHeight".split()
)
_UPPER = re.compile(r"(?<!^)([A-Z0-9]+)")


def attribute_name(prop: str) -> str:
    """The attribute React DOM writes for a JSX prop."""
    if prop in _SPECIAL:
        return _SPECIAL[prop]
    if prop.startswith(("data-", "aria-")) or prop in SVG_CAMEL:
        return prop
    if prop in _SVG_HYPHENATED:
        return _UPPER.sub(r"-\1", prop).lower()
    return prop.lower()
