"""Trial names in questions written as the indexed articles write them."""

from bot.answer.core import _spell_names
from index.lexical import BM25Index
from index.search import Snapshot
from index.store import ArticleRecord


def _snapshot(trials: list[str], drugs: list[str]) -> Snapshot:
    article = ArticleRecord("a1", "t", "s", "2026-01-01", 1, {"trials": trials, "drugs": drugs})
    words = frozenset(w.casefold() for w in [*trials, *drugs])
    return Snapshot({"a1": article}, [], BM25Index([]), {"a1": words})


def test_names_of_several_parts_are_written_as_the_articles_write_them():
    snap = _snapshot(["SKYLARK2", "ORCA-7", "NOVA-12A"], ["zemplitinib"])
    assert _spell_names("PFS in SKYLARK 2?", snap) == "PFS in SKYLARK2?"
    assert _spell_names("orca 7 ORR and Nova12A OS", snap) == "ORCA-7 ORR and NOVA-12A OS"
    # another number is another trial, whatever the letters
    assert _spell_names("ORCA-8 and ORCA-71 and ORCA 8", snap) == "ORCA-8 and ORCA-71 and ORCA 8"


def test_a_one_letter_slip_in_a_long_name_is_mended_when_only_one_name_is_that_close():
    snap = _snapshot(["SKYLARK", "SKYPARK", "SKYLINE-3"], ["zemplitinib"])
    assert _spell_names("ORR in SKYLRK?", snap) == "ORR in SKYLARK?"
    assert _spell_names("zemplitinib in SKYLNE-3", snap) == "zemplitinib in SKYLINE-3"
    assert _spell_names("SKYMARK", snap) == "SKYMARK"  # one edit from two names: left alone
    assert _spell_names("SKYLINE-4", snap) == "SKYLINE-4"  # another trial
    assert snap.names == frozenset({"skylark", "skypark", "skyline-3", "zemplitinib"})
