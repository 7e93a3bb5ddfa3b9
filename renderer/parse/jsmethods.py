"""More of JavaScript's string, array and number methods for the build-time subset
(`expreval`'s core has `.map`, `.join`, `.replace` and their kin): the everyday idioms of
snippet components, `price.toFixed(2)`, `n.toLocaleString()`, `s.charAt(0).toUpperCase()`,
`String(n).padStart(3, "0")`, `[...].sort()`, and `parseInt`/`parseFloat`, as a browser
computes them (in the `en-US` locale a server render uses)."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from mintrender.parse.expr import ExprError
from mintrender.parse.jsvalues import js_string, strict_equal, to_number

STRING_METHODS = frozenset(
    "charAt charCodeAt padStart padEnd repeat at indexOf lastIndexOf trimStart trimEnd concat "
    "substring localeCompare".split()
)
LIST_METHODS = frozenset("at indexOf lastIndexOf reverse sort concat pop shift keys".split())
NUMBER_METHODS = frozenset("toFixed toLocaleString".split())


def more_method(
    target: Any, name: str, args: list[Any], call: Callable[..., Any] | None, offset: int
) -> Any:
    """`target.name(*args)`; `call`: its first argument as a function, where it is one
    (`.sort((a, b) => a - b)`)."""
    arg = args[0] if args else None
    if isinstance(target, (int, float)) and not isinstance(target, bool):
        return _number_method(target, name, args, offset)
    if name == "at":
        i = int(to_number(arg)) if arg is not None else 0
        return target[i] if -len(target) <= i < len(target) else None
    if name in ("indexOf", "lastIndexOf"):
        return _index_of(target, arg, name == "lastIndexOf")
    if name == "concat":
        if isinstance(target, str):
            return target + "".join(js_string(a) for a in args)
        return [*target, *(x for a in args for x in (a if isinstance(a, list) else [a]))]
    if isinstance(target, list):
        if name in ("pop", "shift"):  # the item it takes (the array is not changed here)
            return (target[-1] if name == "pop" else target[0]) if target else None
        if name == "reverse":
            return target[::-1]
        if name == "keys":  # `Array(n).keys()`: its indices (spread or `Array.from`ed)
            return list(range(len(target)))
        if call is not None:  # `.sort((a, b) => a - b)`
            return sorted(target, key=functools.cmp_to_key(lambda a, b: _sign(call(a, b))))
        return sorted(target, key=lambda v: "\uffff" if v is None else js_string(v))
    return _string_method(target, name, args)


def _string_method(target: str, name: str, args: list[Any]) -> Any:
    arg = args[0] if args else None
    if name == "localeCompare":  # as a collation orders them: letters before case
        other = js_string(arg)
        mine, theirs = (target.casefold(), target.swapcase()), (other.casefold(), other.swapcase())
        return (mine > theirs) - (mine < theirs)
    n = int(to_number(arg)) if arg is not None and to_number(arg) == to_number(arg) else 0
    if name == "charAt":
        return target[n] if 0 <= n < len(target) else ""
    if name == "charCodeAt":
        return ord(target[n]) if 0 <= n < len(target) else math.nan
    if name in ("padStart", "padEnd"):
        fill = js_string(args[1]) if len(args) > 1 and args[1] is not None else " "
        room = n - len(target)
        if room <= 0 or not fill:
            return target
        pad = (fill * (room // len(fill) + 1))[:room]
        return pad + target if name == "padStart" else target + pad
    if name == "repeat":
        if n < 0:
            raise ExprError("`.repeat()` of a negative count throws in JavaScript", 0)
        return target * n
    if name == "trimStart":
        return target.lstrip()
    if name == "trimEnd":
        return target.rstrip()
    # substring: negative or NaN indices are 0, the larger one is the end
    end = len(target) if len(args) < 2 or args[1] is None else int(to_number(args[1]))
    start, end = sorted(max(0, min(len(target), i)) for i in (n, end))
    return target[start:end]


def _index_of(target: Any, value: Any, last: bool) -> int:
    if isinstance(target, str):
        return target.rfind(js_string(value)) if last else target.find(js_string(value))
    found = [i for i, v in enumerate(target) if strict_equal(v, value)]
    return (found[-1] if last else found[0]) if found else -1


def _sign(value: Any) -> int:
    number = to_number(value)
    return 0 if number != number or number == 0 else (1 if number > 0 else -1)


def _number_method(value: int | float, name: str, args: list[Any], offset: int) -> str:
    if value != value or value in (math.inf, -math.inf):
        return js_string(value)
    if name == "toFixed":
        digits = int(to_number(args[0])) if args and args[0] is not None else 0
        if not 0 <= digits <= 100:
            raise ExprError("`.toFixed()` takes 0 to 100 digits", offset)
        return _rounded(value, digits, digits)
    return locale_string(value, args, offset)


_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CNY": "CN¥"}
_SYMBOLS |= {"CAD": "CA$", "AUD": "A$", "BRL": "R$", "KRW": "₩", "MXN": "MX$", "ILS": "₪"}
_NO_CENTS = frozenset({"JPY", "KRW", "CLP", "VND", "ISK"})
_COMMA_DECIMAL = frozenset("de es it pt nl id tr da nb sv fi pl cs ru uk ro hu el".split())


def locale_string(value: int | float, args: list[Any], offset: int) -> str:
    """`toLocaleString(locale, options)` as Intl writes it: `en` (the default), the languages
    that group with `.` and mark decimals with `,` (`de`, `es`, `pt`…; `sv`, `fi`, `ru` and
    the like group with a space), and `fr`; `style` `decimal`, `percent` or `currency`."""
    locale = js_string(args[0]).lower() if args and isinstance(args[0], str) else "en"
    options = args[1] if len(args) > 1 and isinstance(args[1], dict) else {}
    style = options.get("style") if options.get("style") in ("percent", "currency") else ""
    code = str(options.get("currency") or "USD").upper()
    least_default = (0 if code in _NO_CENTS else 2) if style == "currency" else 0
    most_default = least_default if style == "currency" else (0 if style else 3)
    least = int(to_number(options.get("minimumFractionDigits", least_default)))
    most = int(to_number(options.get("maximumFractionDigits", max(most_default, least))))
    if not 0 <= least <= most <= 100:
        raise ExprError("`.toLocaleString()` options out of range", offset)
    number = value * 100 if style == "percent" else value
    whole, _, fraction = _rounded(abs(number), most, least, shortest=True).partition(".")
    digits = int(to_number(options.get("minimumIntegerDigits", 1)))
    whole = whole.rjust(max(1, min(digits, 21)), "0")
    language = locale.split("-")[0]
    group, point = ",", "."
    if language == "fr" or language in ("sv", "fi", "nb", "ru", "uk", "pl", "cs"):
        group, point = "\u202f" if language == "fr" else "\u00a0", ","
    elif language in _COMMA_DECIMAL:
        group = "."
        point = ","
    grouped = whole if language == "es" and len(whole) <= 4 else _grouped(whole, group)
    text = grouped + (point + fraction if fraction else "")
    sign = "-" if number < 0 and float(text.replace(group, "").replace(point, ".")) else ""
    english = group == ","
    if style == "percent":
        return sign + text + ("%" if english else "\u00a0%")
    if style == "currency":
        symbol = _SYMBOLS.get(code, code)
        if english:
            return sign + symbol + ("\u00a0" if symbol == code else "") + text
        if language == "pt":
            return sign + symbol + "\u00a0" + text
        return sign + text + "\u00a0" + symbol
    return sign + text


def _grouped(whole: str, mark: str) -> str:
    out: list[str] = []
    while len(whole) > 3:
        whole, out = whole[:-3], [whole[-3:], *out]
    return mark.join([whole, *out])


def _rounded(value: int | float, most: int, least: int, *, shortest: bool = False) -> str:
    """`value` with at most `most` fraction digits (half away from zero) and at least `least`
    (trailing zeros dropped between). `toFixed` rounds the exact binary value (2.005 is
    2.00); `Intl` the shortest decimal that reads back as it (`shortest`: 1.0005 is 1.001)."""
    exact = Decimal(repr(value) if shortest else value).quantize(
        Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP
    )
    text = f"{exact:f}"
    if "." in text and most > least:
        whole, fraction = text.split(".")
        fraction = fraction.rstrip("0").ljust(least, "0")
        text = whole + ("." + fraction if fraction else "")
    return text.lstrip("-") if value == 0 else text  # -0 prints as 0; -0.001 as -0.00


_INT_START = re.compile(r"\s*([+-]?)(0[xX][0-9a-fA-F]+|[0-9a-zA-Z]+)")
_FLOAT_START = re.compile(r"\s*[+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")


def parse_int(args: list[Any]) -> int | float:
    """`parseInt(text, radix)`: the integer its text starts with (`"12px"` is 12), else NaN."""
    text = js_string(args[0]) if args else "undefined"
    radix = int(to_number(args[1])) if len(args) > 1 and args[1] is not None else 10
    m = _INT_START.match(text)
    if m is None:
        return math.nan
    digits = m.group(2)
    if digits[:2].lower() == "0x" and radix in (0, 10, 16):
        digits, radix = digits[2:], 16
    radix = radix or 10
    valid = "0123456789abcdefghijklmnopqrstuvwxyz"[:radix] if 2 <= radix <= 36 else ""
    kept = re.match(f"[{re.escape(valid)}]*", digits.lower()) if valid else None
    if not kept or not kept.group(0):
        return math.nan
    number = int(kept.group(0), radix)
    return -number if m.group(1) == "-" else number


def parse_float(args: list[Any]) -> int | float:
    """`parseFloat(text)`: the number its text starts with, else NaN."""
    m = _FLOAT_START.match(js_string(args[0]) if args else "undefined")
    if m is None:
        return math.nan
    number = float(m.group(0).replace("Infinity", "inf"))
    return int(number) if number.is_integer() and abs(number) < 2**53 else number
