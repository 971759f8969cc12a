"""Building digests from a real index: which articles are new, and their cited key figures."""

from __future__ import annotations

from bot.answer.grounding import is_grounded
from bot.app.services import Services
from bot.digest.build import DigestBuilder, new_articles
from index.store import ArticleRecord
from tests.feeds.site import BRISTLE3, FIGURES, KESTREL12, ORCA7, NewsSite, publish_and_poll


def record(id_: str, at: str) -> ArticleRecord:
    return ArticleRecord(id_, f"Title {id_}", f"https://x.org/{id_}", at, 1, {})


def test_new_articles_are_those_since_the_start_and_in_no_digest():
    articles = [
        record("old", "2025-05-31T23:59:59+00:00"),
        record("a", "2025-06-01T00:00:00+00:00"),
        record("b", "2025-06-02T10:00:00+00:00"),
        record("c", "2025-06-03T10:00:00+00:00"),
        record("d", "2025-06-04T10:00:00+00:00"),
    ]
    chosen, more = new_articles(articles[::-1], "2025-06-01", digested={"b"}, limit=2)
    assert [a.id for a in chosen] == ["a", "c"], "oldest first, digested ones left out"
    assert more == 1, "d waits for the next digest"


def test_each_entry_has_its_trial_and_two_to_four_figures_cited_verbatim(
    site: NewsSite, services: Services
):
    publish_and_poll(site, services, ORCA7, BRISTLE3, KESTREL12)
    articles = services.store.articles()
    digest = DigestBuilder(services.answerer, figures=4).build(articles, since="2025-06-01")

    assert [e.link for e in digest.entries] == [a.source for a in articles]
    for entry in digest.entries:
        name = entry.link.rsplit("/", 1)[1].removesuffix(".html")
        trial, expected = FIGURES[name]
        assert entry.trials == [trial]
        assert 2 <= len(entry.figures) <= 4
        text = "\n".join(entry.figures)
        for value in expected:
            assert value in text, f"{value} missing from {entry.title}"
        for line in entry.figures:
            assert is_grounded(line, entry.citations), line
        for c in entry.citations:
            assert c.article_id == entry.article_id, "figures come from the entry's own article"
            assert c.quote and c.quote in str(services.store.chunks([entry.article_id]))
    assert "Median OS" not in "\n".join(digest.entries[0].figures), "ORCA-7's OS is immature"


def test_a_figure_from_another_article_is_not_credited_to_this_one(
    site: NewsSite, services: Services
):
    publish_and_poll(site, services, ORCA7)
    # a second article on the same trial that reports none of its figures
    from index.loaders import LoadedArticle

    with services.ingestor() as ingestor:
        result = ingestor.ingest(
            LoadedArticle(
                "ORCA-7 enrolment update\nThe phase 3 ORCA-7 trial completed enrolment at 62 "
                "sites in Europe and Asia, the sponsor said in a short statement today.",
                "ORCA-7 enrolment update",
                "https://news.example.org/orca7-enrolment",
            )
        )
    update = next(a for a in services.store.articles() if a.id == result.article_id)
    entry = DigestBuilder(services.answerer).entry(update)
    assert entry.trials == ["ORCA-7"]
    assert entry.figures == [] and entry.citations == []
