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


class Pid:
    """Notes the process that ran it, and how many documents that process has seen."""

    name = "pid"
    requires = ("text",)
    provides = ()
    seen = 0

    def __call__(self, doc: Document) -> Document:
        import os

        Pid.seen += 1
        return doc.with_(notes=doc.notes + (f"pid:{os.getpid()}", f"seen:{Pid.seen}"))


class ToyRecipe:
    """Builds its pipeline where it is used, as sideline.pipeline.Recipe does."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    def build(self):
        from sideline.errors import ConfigError
        from sideline.pipeline import Pipeline

        if self.fail:
            raise ConfigError(E.E008, path="/no/such/folder")
        return Pipeline([Shout(), Words(), Pid()])


class BlasEnv:
    """Notes the size of the BLAS thread pool the process was started with."""

    name = "blas-env"
    requires = ("text",)
    provides = ()

    def __call__(self, doc: Document) -> Document:
        import os

        return doc.with_(notes=doc.notes + (f"blas:{os.environ.get('OPENBLAS_NUM_THREADS')}",))
