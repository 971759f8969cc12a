"""Plain-text rendering of feed subscriptions and poll reports, for the terminal."""

from __future__ import annotations

from bot.feeds.poll import PollReport
from bot.feeds.store import Feed


def render_feeds(feeds: list[Feed]) -> str:
    if not feeds:
        return "No feeds yet. Subscribe with: trialbot feeds add URL"
    lines = []
    for f in feeds:
        if not f.last_polled_at:
            state = "not polled yet"
        elif f.last_error:
            state = f"last poll {f.last_polled_at} failed: {f.last_error}"
        else:
            state = f"last poll {f.last_polled_at} ok"
        lines.append(f"{f.url}\n  {state}")
    return "\n".join(lines)


def render_poll(report: PollReport) -> tuple[list[str], list[str]]:
    """What a poll did (stdout lines) and what failed (stderr lines)."""
    out: list[str] = []
    err: list[str] = []
    for feed in report.feeds:
        if feed.error:
            err.append(f"error: feed {feed.url}: {feed.error} (skipped; the next poll retries)")
            continue
        new = [i for i in feed.items if i.status in ("added", "replaced", "unchanged")]
        out.append(f"feed {feed.url}: {len(new)} new items")
        for item in feed.items:
            if item.status == "failed":
                err.append(f"error: {item.link}: {item.error} (the next poll retries)")
            elif item.status == "given up":
                err.append(f"error: {item.link}: {item.error} (given up after repeated failures)")
            else:
                out.append(f"  {item.status}: {item.link} ({item.title})")
    if report.error:
        err.append(f"error: {report.error}")
    if not report.feeds:
        out.append("No feeds to poll. Subscribe with: trialbot feeds add URL")
    return out, err
