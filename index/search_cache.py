"""The searcher's derived data kept beside the store, so that a new process does not rebuild it.

Each file of the folder (``<index dir>/search-cache/group-*.bin``) holds one ``ArticleGroup``:
a header line naming the format, then a JSON line with the derivation key, the number of
articles and a CRC-32 of the payload, then the payload (a pickle read back by an unpickler that
admits only the records, sets and numpy arrays it holds). Files are written whole under a
temporary name and renamed; an ingest adds one file (its new articles), and merges them all
into one when there are more than ``MAX_FILES`` or they hold many removed articles.

The cache is never trusted over the store: the searcher takes from it only the articles the
store lists, and derives from the store those it lacks. A file that is damaged or was derived
differently (another trialbot, another vocabulary) is skipped with a warning, and its articles
are derived again.
"""

from __future__ import annotations

import gc
import io
import json
import logging
import os
import pickle
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.derived import ArticleGroup
from index.lexical import Postings
from index.store import ArticleRecord, ChunkRecord

log = logging.getLogger(__name__)

FOLDER = "search-cache"
MAX_FILES = 8  # more than this and an ingest merges them into one
_MAGIC = b"trialbot search cache 1\n"
_PATTERN = "group-*.bin"
_ALLOWED = {
    ("index.store", "ArticleRecord"),
    ("index.store", "ChunkRecord"),
    ("builtins", "frozenset"),
    ("builtins", "set"),
    ("numpy", "dtype"),
    ("numpy", "ndarray"),
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy.core.numeric", "_frombuffer"),
    ("numpy._core.numeric", "_frombuffer"),
}


@dataclass(frozen=True)
class LoadedGroup:
    path: Path
    group: ArticleGroup


class SearchCache:
    """The group files of one index folder, for one derivation key."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.key = key

    def load(self) -> list[LoadedGroup]:
        """Every readable group of this derivation, oldest first; the others are logged."""
        try:
            paths = sorted(self.folder.glob(_PATTERN))
        except OSError as exc:
            log.warning("cannot read the search cache %s (%s); rebuilding", self.folder, exc)
            return []
        groups = []
        for path in paths:
            try:
                group = self._read(path)
            except FileNotFoundError:
                continue  # merged away by another process since the listing
            except _Skipped as exc:
                log.warning("search cache file %s %s; its articles are read again", path, exc)
                continue
            groups.append(LoadedGroup(path, group))
        return groups

    def save(self, group: ArticleGroup) -> Path | None:
        """Write ``group`` as a new file; None (and a warning) if it cannot be written."""
        payload = pickle.dumps(_to_payload(group), protocol=5)
        header = {
            "key": self.key,
            "articles": len(group.articles),
            "crc32": zlib.crc32(payload),
            "bytes": len(payload),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # names sort by creation: a later file's copy of an article wins
            name = f"group-{time.time_ns():020d}-{os.getpid()}.bin"
            fd, tmp = tempfile.mkstemp(prefix=".group-", dir=self.folder)
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC)
                f.write(json.dumps(header).encode() + b"\n")
                f.write(payload)
            os.replace(tmp, self.folder / name)
        except OSError as exc:
            log.warning("cannot write the search cache in %s (%s)", self.folder, exc)
            return None
        return self.folder / name

    def replace(self, group: ArticleGroup, old: list[Path]) -> Path | None:
        """Write ``group`` and remove the files ``old`` (whose live articles it holds); the new
        file, or None (and the old files kept) if it cannot be written."""
        path = self.save(group)
        if path is not None:
            for stale in old:
                stale.unlink(missing_ok=True)
        return path

    def stray_files(self, kept: list[Path]) -> list[Path]:
        """Group files not in ``kept`` (damaged, or of another derivation)."""
        keep = set(kept)
        return [p for p in sorted(self.folder.glob(_PATTERN)) if p not in keep]

    def _read(self, path: Path) -> ArticleGroup:
        with path.open("rb") as f:
            if f.readline() != _MAGIC:
                raise _Skipped("is not a trialbot search cache file (damaged?)")
            try:
                header = json.loads(f.readline())
            except ValueError as exc:
                raise _Skipped(f"has a damaged header ({exc})") from exc
            payload = f.read()
        if not isinstance(header, dict) or header.get("key") != self.key:
            raise _Skipped("was derived by another trialbot version or vocabulary")
        if len(payload) != header.get("bytes") or zlib.crc32(payload) != header.get("crc32"):
            raise _Skipped("is damaged (its checksum does not match)")
        # the collector would walk the growing heap again and again while a million objects are
        # built (3 times the load's time at 1,000 articles); none of them is garbage
        collecting = gc.isenabled()
        gc.disable()
        try:
            return _from_payload(_Unpickler(io.BytesIO(payload)).load())
        except Exception as exc:  # a payload that passes the checksum yet does not read back
            raise _Skipped(f"cannot be read ({type(exc).__name__}: {exc})") from exc
        finally:
            if collecting:
                gc.enable()


class _Skipped(Exception):
    """A group file that is not used, and why."""


class _Unpickler(pickle.Unpickler):
    """Admits only what a group's payload holds: no other class can be built from a file."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"unexpected {module}.{name}")
        return super().find_class(module, name)


def _to_payload(group: ArticleGroup) -> dict[str, Any]:
    p = group.postings
    return {
        "articles": group.articles,
        "offsets": group.offsets,
        "chunks": group.chunks,
        "terms": group.terms,
        "figures": group.figures,
        "words": group.words,
        "postings": {
            "terms": p.terms,
            "indptr": p.indptr,
            "docs": p.docs,
            "tfs": p.tfs,
            "lengths": p.lengths,
        },
    }


def _from_payload(payload: dict[str, Any]) -> ArticleGroup:
    p = payload["postings"]
    group = ArticleGroup(
        articles=list(payload["articles"]),
        offsets=np.asarray(payload["offsets"], np.int64),
        chunks=list(payload["chunks"]),
        terms=list(payload["terms"]),
        figures=list(payload["figures"]),
        words=list(payload["words"]),
        postings=Postings(
            terms=list(p["terms"]),
            indptr=np.asarray(p["indptr"], np.int64),
            docs=np.asarray(p["docs"], np.int32),
            tfs=np.asarray(p["tfs"], np.float32),
            lengths=np.asarray(p["lengths"], np.int32),
        ),
    )
    _check(group)
    return group


def _check(group: ArticleGroup) -> None:
    """The shapes agree (a file that reads back but holds something else is refused)."""
    n, size = len(group.articles), len(group.chunks)
    p = group.postings
    ok = (
        all(isinstance(a, ArticleRecord) for a in group.articles)
        and all(isinstance(c, ChunkRecord) for c in group.chunks)
        and len(group.offsets) == n + 1
        and int(group.offsets[0]) == 0
        and int(group.offsets[-1]) == size
        and bool(np.all(np.diff(group.offsets) >= 0))
        and len(group.terms) == len(group.figures) == size == p.size
        and len(group.words) == n
        and len(p.indptr) == len(p.terms) + 1
        and len(p.docs) == len(p.tfs) == int(p.indptr[-1])
        and (not len(p.docs) or (int(p.docs.min()) >= 0 and int(p.docs.max()) < size))
    )
    if not ok:
        raise ValueError("its parts do not fit together")
