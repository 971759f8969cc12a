"""The errors trialbot raises, one small tree.

    TrialbotError                 anything reported to a user as a clear message
    ├── ConfigError               a setting is missing or wrong (model path, LLM provider)
    ├── ArticleError              one input file or page cannot be ingested; the others go on
    │   ├── UnreadableArticleError    missing, unreadable, binary or undecodable
    │   ├── UnsupportedArticleError   a file type we do not read
    │   └── EmptyArticleError         no text left after extraction
    ├── IndexUnavailableError     the vector store cannot be opened or reached
    │   ├── IndexLockedError          another process is writing the embedded index
    │   └── IndexDamagedError         the embedded index's files are emptied, missing or garbled
    ├── EngineError               an answer engine failed (LLM call); the core falls back
    ├── NotAllowedError           the user may not do this (``/trials add`` is restricted)
    ├── QuestionsFileError        a questions file of ``trialbot eval`` is missing or malformed
    ├── FeedError                 a subscribed feed cannot be fetched or parsed; others go on
    ├── StateError                the state store (SQLite file, PostgreSQL) cannot be used
    │   └── StateConflictError        a write broke a unique key (another process wrote first)
    └── DigestError               a digest run could not finish; the next run retries it
        ├── DigestPostError           the chat surface did not take the digest
        └── DigestBusyError           another digest run holds the lock of the same state

A page fetched for ``/trials add URL`` that cannot be read raises an ArticleError whose source
is the URL. Surfaces (CLI, Slack, Teams) turn these into a message for the user; anything else
is a bug, logged with its traceback and answered with a short apology.

The root and the index branch (TrialbotError, ConfigError, ArticleError and its subclasses,
IndexUnavailableError and its subclasses) are defined in ``index.errors``, because the index
layer imports nothing from ``bot``; they are re-exported here as the same classes, so this module
stays the one place to import any trialbot error from.
"""

from index.errors import (
    ArticleError,
    ConfigError,
    EmptyArticleError,
    IndexDamagedError,
    IndexLockedError,
    IndexUnavailableError,
    TrialbotError,
    UnreadableArticleError,
    UnsupportedArticleError,
)

__all__ = [
    "ArticleError",
    "ConfigError",
    "DigestBusyError",
    "DigestError",
    "DigestPostError",
    "EmptyArticleError",
    "EngineError",
    "FeedError",
    "IndexDamagedError",
    "IndexLockedError",
    "IndexUnavailableError",
    "NotAllowedError",
    "QuestionsFileError",
    "StateConflictError",
    "StateError",
    "TrialbotError",
    "UnreadableArticleError",
    "UnsupportedArticleError",
]


class EngineError(TrialbotError):
    """An answer engine failed; the answer core falls back to the deterministic engine."""


class NotAllowedError(TrialbotError):
    """The user may not run this command (a setting lists who may)."""


class QuestionsFileError(TrialbotError):
    """A questions file (``trialbot eval``) cannot be read or does not have the documented shape."""


class FeedError(TrialbotError):
    """A subscribed feed is down, slow, answered an error or is not valid RSS/Atom."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class StateError(TrialbotError):
    """The state store cannot be opened, reached, migrated or copied; the message names it
    without its password."""


class StateConflictError(StateError):
    """A write in a state transaction broke a unique key: another process wrote it first.
    The transaction was rolled back."""


class DigestError(TrialbotError):
    """A digest run could not finish; its state is kept and the next run retries."""


class DigestPostError(DigestError):
    """The chat surface did not take the digest (an error answer, unreachable)."""


class DigestBusyError(DigestError):
    """Another digest run holds the lock of the same digest state."""
