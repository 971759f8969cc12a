"""The errors the index layer raises: the root of trialbot's error tree and its index branch.

    TrialbotError                 anything reported to a user as a clear message
    ├── ConfigError               a setting is missing or wrong (model path, vocabulary file)
    ├── ArticleError              one input file or page cannot be ingested; the others go on
    │   ├── UnreadableArticleError    missing, unreadable, binary or undecodable
    │   ├── UnsupportedArticleError   a file type we do not read
    │   └── EmptyArticleError         no text left after extraction
    └── IndexUnavailableError     the vector store cannot be opened or reached
        ├── IndexLockedError          another process is writing the embedded index
        └── IndexDamagedError         the embedded index's files are emptied, missing or garbled

They live here, not in ``bot``, because ``index`` imports nothing from ``bot`` (an
import-linter contract in pyproject.toml). ``bot.infra.errors`` re-exports these same classes and
adds the errors of the chat side, so ``from bot.infra.errors import ArticleError`` catches what
``index`` raises.
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


class IndexDamagedError(IndexUnavailableError):
    """The embedded index's database is emptied, missing or garbled; the message names the file
    and says what to do (restore a backup, or remove the store and re-ingest)."""
