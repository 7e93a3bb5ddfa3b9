"""`new Date(…)`, `Date.now()` and `new Intl.NumberFormat(…)` for the build-time expression
subset: a footer's `© {new Date().getFullYear()}`, a snippet's `export const year = …`.

A page is drawn once, when the site is built, as a server draws it, in UTC. `new Date()` is the
build's time: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when it is set,
else the clock. A page that reads the clock is kept in the build cache for that day only
(`CLOCK`, a pseudo input whose digest is the date), so a warm build on New Year's day shows the
new year.
"""

from __future__ import annotations

import math
import os
import re
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from mintrender.parse.expr import ExprError
from mintrender.parse.jsmethods import locale_string
from mintrender.parse.jsvalues import JsObject, _tidy, js_number, to_number

CLOCK = "\x00clock"
"""The pseudo input of a page that read the clock (`buildcache`: its digest is the day)."""

_read = False


def _now_ms() -> float:
    """Milliseconds since the epoch: `SOURCE_DATE_EPOCH`, else now."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return int(given) * 1000.0
    return float(int(time.time() * 1000))


def clock_ms() -> float:
    """`_now_ms()`, for a page: the page has read the clock (`take_clock_read`)."""
    global _read
    _read = True
    return _now_ms()


def clock_stamp() -> str:
    """The day of the build's clock: the `CLOCK` input's digest."""
    return datetime.fromtimestamp(_now_ms() / 1000, timezone.utc).strftime("%Y-%m-%d")


def take_clock_read() -> bool:
    """Whether `clock_ms` ran since the last call."""
    global _read
    was, _read = _read, False
    return was


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_ISO = re.compile(
    r"([+-]\d{6}|\d{4})(?:-(\d\d)(?:-(\d\d))?)?"
    r"(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d\d:?\d\d)?\Z",
    re.I,
)
_MONTHS = "January February March April May June July August September October November December"
MONTHS = _MONTHS.split()
DAYS = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split()
_WRITTEN = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\Z"
)


class JsDate(JsObject):
    """A JavaScript Date: milliseconds since the epoch (NaN: an invalid date), read in UTC."""

    __slots__ = ("ms",)

    def __init__(self, ms: float) -> None:
        self.ms = ms if math.isfinite(ms) and abs(ms) <= 8.64e15 else math.nan

    def when(self) -> datetime | None:
        if math.isnan(self.ms):
            return None
        return _EPOCH + timedelta(milliseconds=self.ms)

    def js_number(self) -> int | float:
        return _tidy(self.ms)

    def js_text(self) -> str:
        return str(self)

    def __str__(self) -> str:  # String(date)
        when = self.when()
        if when is None:
            return "Invalid Date"
        return when.strftime("%a %b %d %Y %H:%M:%S") + " GMT+0000 (Coordinated Universal Time)"


class JsFormat(JsObject):
    """`new Intl.NumberFormat(locale, options)` (its `format(n)` is `n.toLocaleString(…)`) or
    `new Intl.DateTimeFormat(locale, options)` (`format(d)` is `d.toLocaleDateString(…)`)."""

    __slots__ = ("kind", "args")

    def __init__(self, kind: str, args: list[Any]) -> None:
        self.kind = kind
        self.args = args


def make_date(args: list[Any], offset: int) -> JsDate:
    """`new Date()`, `new Date(ms)`, `new Date("2024-05-01")`, `new Date(y, m, d, h, mi, s)`."""
    if not args:
        return JsDate(clock_ms())
    if len(args) == 1:
        value = args[0]
        if isinstance(value, JsDate):
            return JsDate(value.ms)
        if isinstance(value, str):
            return JsDate(_parse(value, offset))
        return JsDate(float(to_number(value)))
    parts = [to_number(a) for a in args[:7]]
    if any(isinstance(p, float) and not math.isfinite(p) for p in parts):
        return JsDate(math.nan)
    year, month, *rest = (int(p) for p in parts)
    day, hour, minute, second, milli = (rest + [1, 0, 0, 0, 0][len(rest) :])[:5]
    year += month // 12
    start = datetime(year, month % 12 + 1, 1, tzinfo=timezone.utc)
    moment = start + timedelta(
        days=day - 1, hours=hour, minutes=minute, seconds=second, milliseconds=milli
    )
    return JsDate((moment - _EPOCH) / timedelta(milliseconds=1))


def _parse(text: str, offset: int) -> float:
    """`Date.parse`: ISO 8601 dates and times, and `December 17, 2024`; NaN for neither."""
    text = text.strip()
    m = _ISO.match(text)
    if m is not None:
        year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        hour, minute, second = (int(m.group(i) or 0) for i in (4, 5, 6))
        micro = int((m.group(7) or "0")[:6].ljust(6, "0"))
        try:
            moment = datetime(year, month, day, hour, minute, second, micro, tzinfo=timezone.utc)
        except ValueError:
            return math.nan
        zone = m.group(8)
        if zone and zone.upper() != "Z":
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            moment -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return (moment - _EPOCH) / timedelta(milliseconds=1)
    m = _WRITTEN.match(text)
    if m is not None:
        names = [n for n in MONTHS if n.lower().startswith(m.group(1).lower())]
        if len(names) == 1 and len(m.group(1)) >= 3:
            try:
                moment = datetime(
                    int(m.group(3)),
                    MONTHS.index(names[0]) + 1,
                    int(m.group(2)),
                    tzinfo=timezone.utc,
                )
            except ValueError:
                return math.nan
            return (moment - _EPOCH) / timedelta(milliseconds=1)
    return math.nan


_GETTERS = {
    "getFullYear": lambda d: d.year,
    "getMonth": lambda d: d.month - 1,
    "getDate": lambda d: d.day,
    "getDay": lambda d: (d.weekday() + 1) % 7,
    "getHours": lambda d: d.hour,
    "getMinutes": lambda d: d.minute,
    "getSeconds": lambda d: d.second,
    "getMilliseconds": lambda d: d.microsecond // 1000,
}
_GETTERS |= {"getUTC" + name[3:]: fn for name, fn in _GETTERS.items()}
DATE_METHODS = frozenset(
    [*_GETTERS, "getTime", "valueOf", "getTimezoneOffset", "toISOString", "toJSON"]
    + ["toString", "toDateString", "toUTCString", "toLocaleDateString", "toLocaleString"]
    + ["toLocaleTimeString"]
)


def date_method(date: JsDate, name: str, args: list[Any], offset: int) -> Any:
    """`date.getFullYear()`, `date.toISOString()`, `date.toLocaleDateString("en-US", …)`…"""
    if name not in DATE_METHODS:
        raise ExprError(f"`.{name}()` of a date cannot run at build time", offset)
    if name in ("getTime", "valueOf"):
        return _tidy(date.ms)
    if name == "getTimezoneOffset":
        return 0 if date.when() else math.nan
    when = date.when()
    if when is None:
        if name in ("toISOString", "toJSON"):
            raise ExprError("`toISOString()` of an invalid date (RangeError)", offset)
        return math.nan if name in _GETTERS else "Invalid Date"
    if name in _GETTERS:
        return _GETTERS[name](when)
    if name in ("toISOString", "toJSON"):
        return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"
    if name == "toString":
        return str(date)
    if name == "toDateString":
        return when.strftime("%a %b %d %Y")
    if name == "toUTCString":
        return when.strftime("%a, %d %b %Y %H:%M:%S GMT")
    return format_date(when, name, args, offset)


def format_date(when: datetime, name: str, args: list[Any], offset: int) -> str:
    """`toLocaleDateString` / `toLocaleString` / `toLocaleTimeString` (and
    `Intl.DateTimeFormat`) in English (`en`, `en-US`, `en-GB`…), as Intl writes them."""
    locale = args[0] if args and isinstance(args[0], str) else "en-US"
    options = args[1] if len(args) > 1 and isinstance(args[1], dict) else {}
    if locale.split("-")[0].lower() != "en":
        raise ExprError(f"dates in the {locale!r} locale cannot be written at build time", offset)
    british = locale.lower() in ("en-gb", "en-au", "en-nz", "en-ie", "en-in", "en-za")
    date_keys = ("weekday", "year", "month", "day")
    asked = {k: str(options[k]) for k in (*date_keys, "hour", "minute", "second") if k in options}
    if not asked:
        if name != "toLocaleTimeString":
            asked.update(year="numeric", month="numeric", day="numeric")
        if name != "toLocaleDateString":
            asked.update(hour="numeric", minute="2-digit", second="2-digit")
    date_text = _date_part(when, asked, british)
    time_text = _time_part(when, asked, british, options.get("hour12"))
    if date_text and time_text:
        joiner = ", " if asked.get("month", "numeric") in ("numeric", "2-digit") else " at "
        return date_text + joiner + time_text
    return date_text or time_text


def _two(value: int, style: str) -> str:
    return f"{value:02d}" if style == "2-digit" else str(value)


def _date_part(when: datetime, asked: dict[str, str], british: bool) -> str:
    year = _two(when.year % 100, "2-digit") if asked.get("year") == "2-digit" else str(when.year)
    month_style = asked.get("month")
    weekday = asked.get("weekday")
    day_name = DAYS[(when.weekday() + 1) % 7]
    day_text = day_name[:3] if weekday in ("short", "narrow") else day_name
    if month_style in ("long", "short", "narrow"):
        month = MONTHS[when.month - 1]
        month = (
            month[:3] if month_style == "short" else month[0] if month_style == "narrow" else month
        )
        day = _two(when.day, asked["day"]) if "day" in asked else ""
        if british:
            text = " ".join(p for p in (day, month, year if "year" in asked else "") if p)
            return (day_text + ", " + text) if weekday else text
        text = month + (" " + day if day else "")
        if "year" in asked:
            text += (", " if day else " ") + year
        return (day_text + ", " + text) if weekday else text
    parts = []
    numeric = {
        "month": _two(when.month, month_style or ""),
        "day": _two(when.day, asked.get("day", "")),
    }
    order = ("day", "month") if british else ("month", "day")
    if british and ("day" in asked or "month" in asked):
        numeric = {k: f"{int(v):02d}" for k, v in numeric.items()}
    for key in order:
        if key in asked:
            parts.append(numeric[key])
    if "year" in asked:
        parts.append(year)
    text = "/".join(parts)
    if weekday:
        return day_text + (", " + text if text else "")
    return text


def _time_part(when: datetime, asked: dict[str, str], british: bool, hour12: Any) -> str:
    if "hour" not in asked and "minute" not in asked:
        return ""
    twelve = (not british) if hour12 is None else bool(hour12)
    hour = when.hour % 12 or 12 if twelve else when.hour
    text = _two(hour, "2-digit" if not twelve else asked.get("hour", ""))
    if "minute" in asked:
        text += f":{when.minute:02d}"
    if "second" in asked:
        text += f":{when.second:02d}"
    return text + ((" AM" if when.hour < 12 else " PM") if twelve else "")


def format_method(fmt: JsFormat, name: str, args: list[Any], offset: int) -> Any:
    """`new Intl.NumberFormat(…).format(n)`, `new Intl.DateTimeFormat(…).format(date)`."""
    if name != "format":
        raise ExprError(f"`.{name}()` of an Intl format cannot run at build time", offset)
    if fmt.kind == "Intl.DateTimeFormat":
        date = args[0] if args and isinstance(args[0], JsDate) else make_date([], offset)
        when = date.when()
        if when is None:
            raise ExprError("`format()` of an invalid date (RangeError)", offset)
        return format_date(when, "toLocaleDateString", fmt.args, offset)
    value = to_number(args[0]) if args else math.nan
    if isinstance(value, float) and not math.isfinite(value):
        return js_number(value)
    return locale_string(value, fmt.args, offset)


def make_instance(kind: str, args: list[Any], offset: int) -> JsDate | JsFormat:
    """`new Date(…)`, `new Intl.NumberFormat(…)` or `new Intl.DateTimeFormat(…)` (`new Set`
    and `new Map`: `jsvalues.make_collection`)."""
    if kind == "Date":
        return make_date(args, offset)
    return JsFormat(kind, args)


def now(args: list[Any]) -> int | float:
    """`Date.now()`."""
    return _tidy(clock_ms())


def parse_date(args: list[Any]) -> int | float:
    """`Date.parse(text)`: milliseconds, NaN for a text it cannot read."""
    return _tidy(_parse(str(args[0]), 0)) if args and isinstance(args[0], str) else math.nan
