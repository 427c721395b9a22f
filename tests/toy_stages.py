"""Tiny stages for engine tests (importable by worker processes)."""
from sideline.errors import E, InputError
from sideline.records import Document, Span


class Shout:
    name = "shout"
    requires = ("article",)
    provides = ("text",)

    def __call__(self, doc: Document) -> Document:
        if not doc.article.text:
            raise InputError(E.E104)
        return doc.with_(text=doc.article.text.upper())


class Words:
    name = "words"
    requires = ("text",)
    provides = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        return doc.with_(sentences=(Span(0, len(doc.text)),))
