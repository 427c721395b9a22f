"""Bytes -> text: byte-order marks, binary files (E103) and the encodings a news file is in (E107).

``read_text_bytes`` decodes UTF-8 (with or without BOM, UTF-16/32 with a BOM), else cp1252 when
that reads as Latin-script text, else what charset-normalizer guesses.
"""
from __future__ import annotations

from ...errors import E, InputError

__all__ = ["BOMS", "binary_reason", "read_text_bytes", "western"]

BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
MAGIC = ((b"%PDF", "a PDF file"), (b"PK\x03\x04", "a ZIP archive"), (b"\x89PNG", "a PNG image"),
         (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"), (b"\x1f\x8b", "gzip data"),
         (b"\x7fELF", "an executable"))
CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def binary_reason(data: bytes) -> str | None:
    for magic, what in MAGIC:
        if data.startswith(magic):
            return what
    sample = data[:8192]
    if b"\x00" in sample:
        return "it holds NUL bytes"
    controls = sum(sample.count(bytes([b])) for b in CONTROL)
    if controls >= 4 and controls > 0.01 * len(sample):
        return f"{controls} control characters in its first {len(sample):,} bytes"
    return None


def read_text_bytes(data: bytes) -> str:
    """Decode a text file's bytes; raise InputError E103 (binary) or E107 (undecodable)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(E.E107, reason=f"{encoding}: {err.reason}") from err
    if reason := binary_reason(data):
        raise InputError(E.E103, reason=reason)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    latin = western(data)
    if latin is not None:
        return latin
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise InputError(E.E107, reason="not UTF-8, and no other encoding fits") from err


def western(data: bytes) -> str | None:
    """``data`` as cp1252 when that reads as a Latin-script text (most letters plain ASCII):
    a Cyrillic cp1251 text read as cp1252 is all accented letters, and is not taken."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if not ch.isascii())
    return text if letters and accented <= 0.3 * len(letters) else None
