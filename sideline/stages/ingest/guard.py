"""What every record leaving ingest must be: storable, one per id, from a regular file.

* :func:`storable`: ids, origins, titles and reasons become valid UTF-8 (undecodable bytes
  of a file name as ``\\xe9``, lone surrogates as ``\\ud800``); an article whose *text*
  holds a lone surrogate is rejected (E113), since its text is kept as given.
* :func:`first_wins`: the first record that names an id owns it for the run; a later
  article with the same id is rejected (E114), naming the line that came first.
* :func:`not_regular`: a FIFO, socket or device is no article file (E115), and reading
  one could block for ever.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ...errors import E
from ...records import Article, Reject

__all__ = ["printable", "storable", "first_wins", "not_regular"]


def printable(text: str) -> str:
    """``text`` as valid UTF-8: bytes escaped by the file system (``surrogateescape``) as
    ``\\xe9``, other lone surrogates as ``\\ud800``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _surrogate(text: str) -> int:
    """The position of the first lone surrogate in ``text``, or -1."""
    try:
        text.encode("utf-8")
        return -1
    except UnicodeEncodeError as err:
        return err.start


def _opt(value: str | None) -> str | None:
    return None if value is None else printable(value)


def storable(item: Article | Reject) -> Article | Reject:
    """``item`` with every name and reason valid UTF-8; an unstorable text becomes E113."""
    if isinstance(item, Reject):
        return replace(item, origin=printable(item.origin), reason=printable(item.reason),
                       article=_opt(item.article))
    art = replace(item, id=printable(item.id), origin=_opt(item.origin), url=_opt(item.url),
                  title=_opt(item.title), source=_opt(item.source))
    pos = _surrogate(art.text)
    if pos >= 0:
        return Reject(origin=art.origin or art.id, code="E113", article=art.id,
                      reason=E.E113.format(char=f"\\u{ord(art.text[pos]):04x}", pos=pos))
    return art


def first_wins(stream: Iterable[Article | Reject]) -> Iterator[Article | Reject]:
    """Reject (E114) every article whose id an earlier record of the stream had."""
    seen: dict[str, str] = {}
    for item in stream:
        art_id = item.id if isinstance(item, Article) else item.article
        if art_id is None:
            yield item
            continue
        first = seen.get(art_id)
        if first is None:
            seen[art_id] = (item.origin if isinstance(item, Article) else item.origin) or art_id
            yield item
        elif isinstance(item, Article):
            yield Reject(origin=item.origin or art_id, code="E114",
                         reason=E.E114.format(article=art_id, first=first))
        else:
            yield item


def not_regular(path: Path) -> str | None:
    """What ``path`` is when it is no regular file (a FIFO, a socket, a device), else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return what
    return "not a file"
