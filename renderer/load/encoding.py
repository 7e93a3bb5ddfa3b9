"""Decoding docs files: UTF-8 (BOM or not), UTF-16 with a BOM, else bytes UTF-8 cannot read
taken as Windows-1252, with the position of the first one for a warning.

    b"caf\\xe9 au lait"  ->  Decoded("café au lait", bad=(1, 4, 0xE9))
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_FALLBACK = "cp1252"


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: the bytes UTF-8 rejected, read as Windows-1252 (U+FFFD for the five
    bytes it leaves undefined)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode(_FALLBACK, errors="replace"), exc.end


codecs.register_error("mintrender-cp1252", _cp1252_bytes)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    bad: tuple[int, int, int] | None = None
    """(line, column, byte) of the first byte that is not UTF-8 (1-based), None if clean."""
    binary: bool = False
    """The file holds a NUL byte (at `bad`): not text at all, so its text is left out."""

    def problem(self) -> str:
        """The warning for a file read with the fallback ("" for a clean file)."""
        if self.bad is None:
            return ""
        if self.binary:
            return (
                "this file is binary, not text (a NUL byte): it is left out; a page or snippet "
                "must be a UTF-8 text file"
            )
        return (
            f"this file is not valid UTF-8 (byte 0x{self.bad[2]:02X}): bytes UTF-8 cannot read "
            "were taken as Windows-1252 (cp1252); save the file as UTF-8"
        )


def decode_source(data: bytes) -> Decoded:
    """Text of a docs file; invalid UTF-8 sequences are read as Windows-1252 (a Latin-1 `é`
    stays `é`, never U+FFFD), and valid UTF-8 around them stays as it is."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_lf(data.decode("utf-16", errors="replace")))
    data = data.removeprefix(codecs.BOM_UTF8)
    nul = data.find(b"\0")
    if nul >= 0:  # an image or archive saved as .mdx: no text to read, and none to warn about
        line, column = _position(data, nul)
        return Decoded("", (line, column, 0), binary=True)
    try:
        return Decoded(_lf(data.decode("utf-8")))
    except UnicodeDecodeError as exc:
        first = exc.start
    line, column = _position(data, first)
    text = _lf(data.decode("utf-8", errors="mintrender-cp1252"))
    return Decoded(text, (line, column, data[first]))


def _lf(text: str) -> str:
    """`text` with Windows (CRLF) and old Mac (CR) line endings as `\n`, as CommonMark and MDX
    read them: a file saved on Windows reads as the same file saved elsewhere."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column) of the byte at `offset`, counting characters before it."""
    before = data[:offset].decode("utf-8", errors="replace")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
