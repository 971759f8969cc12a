"""Polling against the loopback site, into a real index (Chroma on disk, the real model)."""

from __future__ import annotations

from bot.app.services import Services
from bot.feeds.poll import FeedPoller
from tests.feeds.pdf_bomb import pdf_bomb
from tests.feeds.site import BRISTLE3, KESTREL12, ORCA7, NewsSite


def sources(services: Services) -> list[str]:
    return sorted(a.source for a in services.store.articles())


def test_new_items_are_ingested_once_each(site: NewsSite, services: Services):
    poller = FeedPoller.from_services(services)
    poller.store.add(site.url("/feed.xml"))
    site.publish(ORCA7)

    first = poller.poll()
    assert first.ok
    assert [(i.link, i.status) for i in first.ingested] == [(site.article_url(ORCA7), "added")]
    assert sources(services) == [site.article_url(ORCA7)]
    (article,) = services.store.articles()
    assert article.meta["trials"] == ["ORCA-7"] and "41.2%" in str(services.store.chunks())

    site.publish(BRISTLE3)
    site.publish(KESTREL12)
    second = FeedPoller.from_services(services).poll()  # a restart between polls
    assert second.ok
    assert [i.link for i in second.ingested] == [
        site.article_url(BRISTLE3),
        site.article_url(KESTREL12),
    ], "only the new items, oldest first"
    assert len(services.store.articles()) == 3

    pages_before = sum(r.startswith("/articles/") for r in site.requests)
    third = poller.poll()
    assert third.ok and third.ingested == [] and third.feeds[0].items == []
    assert sum(r.startswith("/articles/") for r in site.requests) == pages_before, (
        "seen items are not fetched again"
    )


def test_failing_feeds_are_reported_and_the_others_ingested(site: NewsSite, services: Services):
    poller = FeedPoller.from_services(services)
    for path in ("/error.xml", "/slow.xml", "/broken.xml", "/feed.xml"):
        poller.store.add(site.url(path))
    site.publish(ORCA7)

    report = poller.poll()
    assert not report.ok
    failed = {f.url.rsplit("/", 1)[1]: f.error for f in report.failed_feeds}
    assert failed == {
        "error.xml": "the site answered HTTP 500",
        "slow.xml": "no answer within 2 s",
        "broken.xml": failed["broken.xml"],
    }
    assert failed["broken.xml"].startswith("not a valid RSS or Atom feed")
    assert [i.link for i in report.ingested] == [site.article_url(ORCA7)]
    by_url = {f.url: f for f in poller.store.feeds()}
    assert by_url[site.url("/error.xml")].last_error == "the site answered HTTP 500"
    assert by_url[site.url("/feed.xml")].last_error == ""


def test_a_failing_page_is_retried_by_the_next_poll(site: NewsSite, services: Services):
    poller = FeedPoller.from_services(services)
    poller.store.add(site.url("/feed.xml"))
    site.publish(ORCA7)
    site.publish(BRISTLE3)
    site.fail_page(BRISTLE3, times=1)

    first = poller.poll()
    assert [i.link for i in first.ingested] == [site.article_url(ORCA7)]
    (failed,) = first.failed_items
    assert failed.link == site.article_url(BRISTLE3) and "HTTP 503" in failed.error
    assert not first.ok

    second = poller.poll()
    assert second.ok and [i.link for i in second.ingested] == [site.article_url(BRISTLE3)]
    assert len(services.store.articles()) == 2


def test_a_page_that_keeps_failing_is_given_up(site: NewsSite, services: Services):
    services.settings.feeds.item_attempts = 2
    poller = FeedPoller.from_services(services)
    poller.store.add(site.url("/feed.xml"))
    site.publish("no_such_article")
    assert [i.status for i in poller.poll().failed_items] == ["failed"]
    assert [i.status for i in poller.poll().failed_items] == ["given up"]
    third = poller.poll()
    assert third.ok and third.feeds[0].items == [], "a given-up item is not fetched again"


def test_a_concurrent_writer_makes_the_poll_ingest_nothing(site: NewsSite, services: Services):
    poller = FeedPoller.from_services(services)
    poller.store.add(site.url("/feed.xml"))
    site.publish(ORCA7)
    # another process (here: a second Services on the same index) is writing the index
    other = Services(services.settings)
    other.__dict__.update(embedder=services.embedder, store=services.store)
    with other.ingestor():
        locked = poller.poll()
    assert not locked.ok and "another trialbot process is writing the index" in locked.error
    assert "the next poll tries again" in locked.error
    assert services.store.articles() == []

    retried = poller.poll()
    assert retried.ok and [i.link for i in retried.ingested] == [site.article_url(ORCA7)]


def test_the_same_article_in_two_feeds_is_ingested_once(site: NewsSite, services: Services):
    poller = FeedPoller.from_services(services)
    poller.store.add(site.url("/feed.xml"))
    poller.store.add(site.url("/atom.xml"))
    site.publish(KESTREL12)
    report = poller.poll()
    assert report.ok
    assert sorted(i.status for f in report.feeds for i in f.items) == ["added", "unchanged"]
    assert len(services.store.articles()) == 1


def test_a_poisoned_item_fails_alone_and_is_given_up(site: NewsSite, services: Services):
    """A page pypdf refuses (a decompression bomb) and a link with an invalid host are each
    their item's failure: reported by link, counted, given up; the good items are ingested."""
    services.settings.feeds.item_attempts = 2
    poller = FeedPoller.from_services(services)
    poller.store.add(site.url("/feed.xml"))
    bomb = site.serve("/bomb.pdf", "application/pdf", pdf_bomb())
    site.publish_link(bomb, "A PDF bomb")
    site.publish_link("http://999.1.1.1/x", "An invalid host")
    site.publish(ORCA7)

    first = poller.poll()
    assert not first.ok and not first.error
    assert [i.link for i in first.ingested] == [site.article_url(ORCA7)]
    failed = {i.link: i for i in first.failed_items}
    assert set(failed) == {bomb, "http://999.1.1.1/x"}
    assert {i.status for i in failed.values()} == {"failed"}
    assert "LimitReachedError" in failed[bomb].error or "PDF" in failed[bomb].error
    assert "invalid host '999.1.1.1'" in failed["http://999.1.1.1/x"].error
    assert all("\n" not in i.error for i in failed.values())

    site.publish(BRISTLE3)
    second = poller.poll()
    assert [i.link for i in second.ingested] == [site.article_url(BRISTLE3)], "the poll goes on"
    assert {(i.link, i.status) for i in second.failed_items} == {
        (bomb, "given up"),
        ("http://999.1.1.1/x", "given up"),
    }
    third = poller.poll()
    assert third.ok and third.feeds[0].items == [], "given-up items are not fetched again"
    assert sources(services) == sorted([site.article_url(ORCA7), site.article_url(BRISTLE3)])


def test_an_unforeseen_ingest_error_is_the_items_failure(
    site: NewsSite, services: Services, monkeypatch
):
    """An error the ingest does not foresee (here: the chunker fails on one article) fails that
    item only, with a one-line reason, and counts as its attempt."""
    import index.ingest

    real = index.ingest.chunk_article

    def chunk_article(text: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if "BRISTLE-3" in text:
            raise RuntimeError("chunker\nfailed")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(index.ingest, "chunk_article", chunk_article)
    poller = FeedPoller.from_services(services)
    poller.store.add(site.url("/feed.xml"))
    site.publish(BRISTLE3)
    site.publish(ORCA7)
    report = poller.poll()
    assert [i.link for i in report.ingested] == [site.article_url(ORCA7)]
    (failed,) = report.failed_items
    assert failed.link == site.article_url(BRISTLE3) and failed.status == "failed"
    assert failed.error == "cannot be read (RuntimeError: chunker failed)"
