"""One digest run for one target: retry what is pending, then build, record and post what is
new. Every article reaches each target in exactly one digest (see ``bot.digest.ledger``):

1. take the target's lock (a second run at the same time posts nothing: DigestBusyError);
2. post again each pending digest, exactly as it was built; if its earlier attempt may have
   reached the channel, ask the poster first (``PostLookup``) and only mark it;
3. pick the new articles (ingested since the period start, in no digest of this target),
   build the digest, record it *pending* with its articles, post it, mark it *posted*.

A failed post leaves the digest pending for the next run; nothing is lost and nothing is built
twice. The residual risk is one window: the process dies after the surface took the message and
before it is marked, *and* the poster cannot look it up (a Slack channel given by name, a
surface without ``PostLookup``): that digest is then posted a second time rather than lost.

The ledger lives in the state (``bot.state``): a SQLite file beside the index serialises the
processes of one host; a PostgreSQL state (``TRIALBOT_STATE_URL``) the runs of every host, so
two runs started together on two nodes still post each article once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal

from bot.app.services import Services
from bot.digest.build import DigestBuilder, new_articles
from bot.digest.ledger import DigestLedger, DigestLock
from bot.digest.models import Digest
from bot.digest.post import DigestPoster, PostLookup, normalize_target, poster_for
from bot.infra.errors import TrialbotError

log = logging.getLogger(__name__)

OutcomeStatus = Literal["posted", "already posted", "failed", "dry run"]


@dataclass(frozen=True)
class DigestOutcome:
    digest: Digest
    status: OutcomeStatus
    message_id: str = ""
    error: str = ""
    retried: bool = False  # a digest recorded by an earlier run


@dataclass
class DigestRunReport:
    target: str
    outcomes: list[DigestOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.status != "failed" for o in self.outcomes)

    @property
    def articles(self) -> int:
        return sum(len(o.digest.entries) for o in self.outcomes if o.status != "failed")


class DigestRunner:
    """Runs digests for one target over one index and its state DB."""

    def __init__(
        self,
        services: Services,
        ledger: DigestLedger,
        poster: DigestPoster,
        target: str,
        *,
        builder: DigestBuilder | None = None,
        post_empty: bool = False,
        max_articles: int = 15,
        lock_ttl_s: float = 1800.0,
    ) -> None:
        self.services = services
        self.ledger = ledger
        self.poster = poster
        self.target = normalize_target(target)
        self.builder = builder or DigestBuilder(services.answerer)
        self.post_empty = post_empty
        self.max_articles = max_articles
        self.lock_ttl_s = lock_ttl_s

    @classmethod
    def from_services(
        cls, services: Services, target: str, poster: DigestPoster | None = None
    ) -> DigestRunner:
        """The real runner: the configured state, the poster the target names."""
        s = services.settings
        d = s.digest
        return cls(
            services,
            DigestLedger(services.state),
            poster or poster_for(normalize_target(target), s),
            target,
            builder=DigestBuilder(services.answerer, figures=d.figures),
            post_empty=d.post_empty,
            max_articles=d.max_articles,
            lock_ttl_s=d.lock_ttl_s,
        )

    def run(self, *, since: str | None = None) -> DigestRunReport:
        """Post what is pending, then what is new. ``since`` (ISO date or time) replaces the
        start of the first period; articles already in a digest of this target never repeat."""
        report = DigestRunReport(self.target)
        with self.ledger.lock(self.target, self.lock_ttl_s) as lock:
            for pending in self.ledger.pending(self.target):
                outcome = self._deliver(
                    pending.digest, lock, pending.attempts, pending.first_attempt_at, retried=True
                )
                report.outcomes.append(outcome)
                if outcome.status == "failed":
                    return report  # in order: the next run starts with this one again
            digest = self._new_digest(since, delivered=bool(report.outcomes))
            if digest is not None:
                self.ledger.record(digest, self.target)
                report.outcomes.append(self._deliver(digest, lock, 0, "", retried=False))
        return report

    def preview(self, *, since: str | None = None) -> list[Digest]:
        """What the next run would post (pending digests, then the new one), recording nothing."""
        digests = [p.digest for p in self.ledger.pending(self.target)]
        new = self._new_digest(since, delivered=bool(digests))
        return [*digests, new] if new is not None else digests

    def _new_digest(self, since: str | None, *, delivered: bool) -> Digest | None:
        floor = since or self.ledger.baseline()
        chosen, more = new_articles(
            self.services.store.articles(),
            floor,
            self.ledger.digested(self.target),
            self.max_articles,
        )
        if not chosen and (delivered or not self.post_empty):
            return None
        return self.builder.build(
            chosen, since=since or self.ledger.period_start(self.target), more=more
        )

    def _deliver(
        self,
        digest: Digest,
        lock: DigestLock,
        attempts: int,
        first_attempt_at: str,
        *,
        retried: bool,
    ) -> DigestOutcome:
        """Post ``digest`` (recorded pending) unless an earlier attempt is found to have
        reached the target; mark it posted, or keep it pending with the error."""
        if attempts and isinstance(self.poster, PostLookup):
            try:
                found = self.poster.find_posted(digest, first_attempt_at)
            except TrialbotError as exc:
                self.ledger.note_failure(digest.id, str(exc))
                log.warning("digest %s for %s: %s", digest.id, self.target, exc)
                return DigestOutcome(digest, "failed", error=str(exc), retried=retried)
            if found:
                self.ledger.mark_posted(digest.id, found)
                log.info("digest %s had reached %s already", digest.id, self.target)
                return DigestOutcome(digest, "already posted", found, retried=retried)
        lock.renew()
        self.ledger.note_attempt(digest.id)
        try:
            message_id = self.poster.post(digest)
        except TrialbotError as exc:
            self.ledger.note_failure(digest.id, str(exc))
            log.warning(
                "digest %s for %s not posted, kept for the next run: %s",
                digest.id,
                self.target,
                exc,
            )
            return DigestOutcome(digest, "failed", error=str(exc), retried=retried)
        self.ledger.mark_posted(digest.id, message_id)
        log.info(
            "digest %s posted to %s (%d articles)", digest.id, self.target, len(digest.entries)
        )
        return DigestOutcome(digest, "posted", message_id or "", retried=retried)
