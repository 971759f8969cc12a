"""The errors trialbot raises, one small tree.

    TrialbotError                 anything reported to a user as a clear message
    ├── ConfigError               a setting is missing or wrong (model path, LLM provider)
    ├── ArticleError              one input file or page cannot be ingested; the others go on
    │   ├── UnreadableArticleError    missing, unreadable, binary or undecodable
    │   ├── UnsupportedArticleError   a file type we do not read
    │   └── EmptyArticleError         no text left after extraction
    ├── IndexUnavailableError     the vector store cannot be opened or reached
    │   └── IndexLockedError          another process is writing the embedded index
    ├── EngineError               an answer engine failed (LLM call); the core falls back
    └── NotAllowedError           the user may not do this (``/trials add`` is restricted)

A page fetched for ``/trials add URL`` that cannot be read raises an ArticleError whose source
is the URL. Surfaces (CLI, Slack, Teams) turn these into a message for the user; anything else
is a bug, logged with its traceback and answered with a short apology.
"""


class TrialbotError(Exception):
    """Base of every error trialbot reports to a user."""


class ConfigError(TrialbotError):
    """A setting is missing or invalid."""


class ArticleError(TrialbotError):
    """An article cannot be ingested. ``source`` names the file or URL."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnreadableArticleError(ArticleError):
    """The file is missing, unreadable, binary or not decodable as text."""


class UnsupportedArticleError(ArticleError):
    """The file type is not one trialbot reads."""


class EmptyArticleError(ArticleError):
    """Nothing readable was left after extracting the article's text."""


class IndexUnavailableError(TrialbotError):
    """The vector store cannot be opened or reached."""


class IndexLockedError(IndexUnavailableError):
    """Another process holds the write lock of an embedded index."""


class EngineError(TrialbotError):
    """An answer engine failed; the answer core falls back to the deterministic engine."""


class NotAllowedError(TrialbotError):
    """The user may not run this command (a setting lists who may)."""
