"""The digest schedule of ``trialbot serve``: on ``TRIALBOT_DIGEST_CRON``, poll the feeds, then
post the digest to ``TRIALBOT_DIGEST_TARGET`` (APScheduler, one background thread).

Each scheduled run is one job at a time (``max_instances=1``), missed runs are coalesced into
one, and a run that fails is logged and left to the next: the feed store and the digest ledger
keep what is pending. Several replicas of ``serve`` must not all run the schedule on their own
state: give it to one of them (or to a Kubernetes CronJob with ``concurrencyPolicy: Forbid``
running ``trialbot poll`` and ``trialbot digest --post TARGET``), or share one state DB.
"""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.app.services import Services
from bot.digest.post import DigestPoster
from bot.digest.run import DigestRunner
from bot.feeds.poll import FeedPoller
from bot.infra.errors import ConfigError, DigestBusyError, TrialbotError

log = logging.getLogger(__name__)

JOB_ID = "trialbot-poll-and-digest"


class DigestSchedule:
    """Poll then digest, on a cron expression, in a background thread."""

    def __init__(
        self,
        services: Services,
        cron: str,
        target: str,
        *,
        timezone: str = "UTC",
        poster: DigestPoster | None = None,
    ) -> None:
        try:
            zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"TRIALBOT_DIGEST_TIMEZONE: unknown time zone '{timezone}'") from exc
        try:
            self.trigger = CronTrigger.from_crontab(cron, timezone=zone)
        except ValueError as exc:
            raise ConfigError(
                f"TRIALBOT_DIGEST_CRON: '{cron}' is not a crontab expression ({exc}); "
                "e.g. '0 8 * * 1-5' for 08:00 on weekdays"
            ) from exc
        self.poller = FeedPoller.from_services(services)
        self.runner = DigestRunner.from_services(services, target, poster)
        self.zone = zone
        self._scheduler = BackgroundScheduler(timezone=zone)
        self._scheduler.add_job(
            self.run_once,
            self.trigger,
            id=JOB_ID,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=3600,
        )

    def start(self) -> DigestSchedule:
        self._scheduler.start()
        job = self._scheduler.get_job(JOB_ID)
        log.info("digest to %s scheduled; next run %s", self.runner.target, job.next_run_time)
        return self

    def run_soon(self) -> None:
        """Run the job now, in the scheduler's thread (tests, an operator's nudge)."""
        self._scheduler.modify_job(JOB_ID, next_run_time=datetime.now(self.zone))

    def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=True)

    def run_once(self) -> None:
        """One scheduled run: poll, then digest; every failure is logged, none is raised."""
        try:
            report = self.poller.poll()
            if report.error:
                log.warning("poll: %s", report.error)
            for feed in report.failed_feeds:
                log.warning("poll: feed %s skipped: %s", feed.url, feed.error)
            log.info("poll: %d new articles ingested", len(report.ingested))
        except TrialbotError as exc:
            log.warning("poll failed (%s); digesting what is indexed", exc)
        try:
            result = self.runner.run()
        except DigestBusyError as exc:
            log.info("digest skipped: %s", exc)
            return
        except TrialbotError as exc:
            log.error("digest failed, the next run retries: %s", exc)
            return
        for outcome in result.outcomes:
            if outcome.status == "failed":
                log.error("digest not posted, the next run retries it: %s", outcome.error)


def start_schedule(services: Services) -> DigestSchedule | None:
    """The digest schedule of ``services``' settings, started; None when no cron is set."""
    d = services.settings.digest
    if not d.cron:
        return None
    if not d.target:
        raise ConfigError(
            "TRIALBOT_DIGEST_CRON is set but TRIALBOT_DIGEST_TARGET is not "
            "(where digests go, e.g. slack:C0123ABC)"
        )
    return DigestSchedule(services, d.cron, d.target, timezone=d.timezone).start()
