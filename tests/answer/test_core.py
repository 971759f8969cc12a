"""Trial names in questions written as the indexed articles write them."""

import pytest

from bot.answer.core import _name_table, _spell_names, name_spans
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


def test_a_trial_name_without_its_disease_letters_is_the_one_trial_of_that_stem():
    # myeloma and colorectal cancer: "ICARIA" for ICARIA-MM, "BEACON" for BEACON CRC
    snap = _snapshot(["ICARIA-MM", "BEACON CRC", "DESKTOP III"], ["isatuximab", "encorafenib"])
    assert _spell_names("mPFS Isa-Pd in ICARIA?", snap) == "mPFS Isa-Pd in ICARIA-MM?"
    assert _spell_names("BEACON mOS triplet?", snap) == "BEACON CRC mOS triplet?"
    # a series number is no disease: "DESKTOP" may be DESKTOP I or II (a guard)
    assert _spell_names("DESKTOP OS?", snap) == "DESKTOP OS?"
    # a stem two indexed trials share, and a word in lower case, stay as asked (guards)
    shared = _snapshot(["ORCA-MM", "ORCA-HN"], [])
    assert _spell_names("ORR in ORCA?", shared) == "ORR in ORCA?"
    assert _spell_names("a beacon of hope", snap) == "a beacon of hope"


# ---- which articles a question is about, and names that are not trials


def _words_snapshot(articles: dict[str, str]) -> Snapshot:
    from index.search import article_words

    records = {
        a: ArticleRecord(a, a, a, "2026-01-01", 1, {"trials": [], "drugs": []}) for a in articles
    }
    words = {a: frozenset(article_words(text)) for a, text in articles.items()}
    return Snapshot(records, [], BM25Index([]), words)


def test_only_trial_shaped_unknown_names_block_a_question(vocab):
    from bot.answer.core import looks_like_trial_name

    for name in ("FRESCO-2", "KN-048", "CM649", "MARIPOSA", "ECHELON-2"):
        assert looks_like_trial_name(name, vocab), name
    for word in ("uHCC", "CPS5", "L+P", "EGFRm", "TNBC", "Lonsurf"):
        assert not looks_like_trial_name(word, vocab), word


def test_a_trial_name_of_mixed_capitals_blocks_a_question_when_unknown(vocab):
    # liver cancer (SIRveNIB), cholangiocarcinoma (ClarIDHy), breast cancer (NeoALTTO): a
    # name of capitals and small letters mixed is a trial's; a marker (glioma's IDHwt, breast
    # cancer's BMNeg), a device (TTFields), a plural or a test in shorthand is not
    from bot.answer.core import looks_like_trial_name

    for name in ("SIRveNIB", "ClarIDHy", "NeoALTTO"):
        assert looks_like_trial_name(name, vocab), name
    for word in ("dMMR", "ctDNA", "TRAEs", "EGFRm", "CheckMate", "IDHwt", "BMNeg", "TTFields"):
        assert not looks_like_trial_name(word, vocab), word


def test_a_numbered_endpoint_is_another_endpoint(vocab):
    # lung and cervical cancer: PFS2 (progression on the next line) is not PFS; CPS5 is no endpoint
    from bot.answer.core import _endpoint_variant

    for word in ("PFS2", "DFS2", "EFS2"):
        assert _endpoint_variant(word, vocab), word
    for word in ("CPS5", "HER2", "PFS", "IA2"):
        assert not _endpoint_variant(word, vocab), word


def test_a_brand_or_clipped_drug_name_finds_the_articles_that_use_it(vocab):
    from bot.answer.core import articles_by_rare_words

    snap = _words_snapshot(
        {
            "crc": "Trifluridine/tipiracil (Lonsurf) plus bevacizumab extended OS in mCRC.",
            "nsclc": "Lorlatinib kept most ALK-positive lung cancer patients free of progression.",
            "hcc": "Durvalumab plus tremelimumab improved OS in liver cancer over sorafenib.",
        }
    )
    assert articles_by_rare_words("mOS lonsurf alone?", snap, vocab) == ["crc"]
    assert articles_by_rare_words("5-yr PFS w/ lorla?", snap, vocab) == ["nsclc"]
    assert articles_by_rare_words("durva mono mOS?", snap, vocab) == ["hcc"]
    # words every article has, or none has, name no article
    assert articles_by_rare_words("median OS?", snap, vocab) is None


def test_a_word_of_how_a_figure_is_asked_names_no_article(vocab):
    # lung and prostate cancer: "stay below", "remained": words of the asking, however rare
    from bot.answer.core import articles_by_rare_words

    snap = _words_snapshot(
        {
            "nsclc": "The benefit of ivonescimab seemed to stay consistent across subgroups.",
            "prostate": "Five-year control remained high after five fractions of SBRT.",
            "hcc": "Durvalumab plus tremelimumab improved OS in liver cancer over sorafenib.",
        }
    )
    question = "did the HR CI upper bound stay below the margin?"
    assert articles_by_rare_words(question, snap, vocab) is None
    assert articles_by_rare_words("which HR remained significant?", snap, vocab) is None
    # a rare word of what is asked still names its article (a guard)
    assert articles_by_rare_words("OS w/ ivonescimab?", snap, vocab) == ["nsclc"]


def test_a_brand_is_held_by_every_article_that_names_its_drug(vocab):
    from bot.answer.core import articles_by_rare_words

    snap = _words_snapshot(
        {
            # oesophageal and lung cancer: one article says the brand, the other the drug
            "escc": "Nivolumab plus chemotherapy extended OS in oesophageal cancer.",
            "nsclc": "Neoadjuvant Opdivo plus chemotherapy before surgery in lung cancer.",
            # breast and cervical cancer: likewise
            "tnbc": "Keytruda plus chemotherapy before surgery in triple-negative breast cancer.",
            "cx": "Pembrolizumab with chemoradiotherapy in cervical cancer.",
            "mm": "Daratumumab in myeloma.",
            "rcc": "Cabozantinib in kidney cancer.",
            "hcc": "Atezolizumab plus bevacizumab in liver cancer.",
            "aml": "Venetoclax plus azacitidine in AML.",
        }
    )
    assert articles_by_rare_words("mOS for Opdivo + chemo?", snap, vocab) == ["escc", "nsclc"]
    assert articles_by_rare_words("d/c rate on keytruda arm", snap, vocab) == ["cx", "tnbc"]


def test_confidence_is_the_margin_over_the_best_rival():
    from bot.answer.extractive import confidence_of

    assert confidence_of(0.0) == 0.0
    assert confidence_of(1.0) == 0.5
    assert confidence_of(99.0) == 1.0
    assert confidence_of(0.3) < confidence_of(0.6) < confidence_of(2.0)


def test_a_trial_named_in_full_scopes_to_its_articles_not_to_its_family():
    from bot.answer.core import articles_of_named_trials

    def record(a, trials):
        return ArticleRecord(a, a, a, "2026-01-01", 1, {"trials": trials, "drugs": []})

    # mesothelioma and colorectal cancer trials of one family, a myeloma trial
    articles = {
        "meso": record("meso", ["ECHELON-1", "CheckMate 743"]),
        "crc": record("crc", ["CheckMate 8HW"]),
        "mm": record("mm", ["CARTITUDE-4"]),
    }
    snap = Snapshot(articles, [], BM25Index([]), {a: frozenset() for a in articles})
    assert articles_of_named_trials("mOS nivo/ipi in checkmate 743?", snap) == ["meso"]
    assert articles_of_named_trials("PFS HR in CheckMate 8HW", snap) == ["crc"]
    assert articles_of_named_trials("cartitude-4 ORR", snap) == ["mm"]
    assert articles_of_named_trials("mOS nivo/ipi?", snap) is None


def test_a_short_coded_name_is_the_indexed_trial_even_when_its_parts_are_words():
    from bot.answer.core import _canonical_name

    def record(a, trials):
        return ArticleRecord(a, a, a, "2026-01-01", 1, {"trials": trials, "drugs": []})

    # mesothelioma and melanoma trials; "cm" and "743" are each words of the index
    articles = {"meso": record("meso", ["CheckMate 743"]), "mel": record("mel", ["RELATIVITY-047"])}
    words = {"meso": frozenset({"cm", "743", "checkmate"}), "mel": frozenset({"relativity", "047"})}
    snap = Snapshot(articles, [], BM25Index([]), words)
    assert _canonical_name("CM-743", snap) == "CheckMate 743"
    assert _canonical_name("rela-047", snap) == "RELATIVITY-047"
    assert _canonical_name("CM-744", snap) == "CM-744"


def test_hyphenated_unindexed_trial_names_block_the_question(vocab):
    from bot.answer.core import looks_like_trial_name

    # breast cancer and lung cancer trial names with a word before the number
    assert looks_like_trial_name("DESTINY-Breast09", vocab)
    assert looks_like_trial_name("TROPION-Lung01", vocab)


def test_a_family_name_an_article_carries_does_not_scope_to_the_familys_other_trials(vocab):
    from bot.answer.core import _trials_named, articles_of_named_trials

    def record(a, trials):
        return ArticleRecord(a, a, a, "2026-01-01", 1, {"trials": trials, "drugs": []})

    # colorectal cancer (an article annotated with the bare family name too) and mesothelioma
    articles = {
        "crc": record("crc", ["CheckMate 8HW", "CheckMate"]),
        "meso": record("meso", ["CheckMate 743"]),
    }
    snap = Snapshot(articles, [], BM25Index([]), {a: frozenset() for a in articles})
    assert articles_of_named_trials("was ORR w/ nivo/ipi above 50% in CheckMate 743?", snap) == [
        "meso"
    ]
    assert _trials_named("ORR in CheckMate 743?", snap, vocab) == ["CheckMate 743"]
    # an unindexed trial of the family is that trial, not the family
    assert _trials_named("mPFS in CheckMate 067?", snap, vocab) == ["CheckMate 067"]
    # ALK-positive lung cancer: "CROWN 5 yr update" names CROWN and a time
    crown = Snapshot({"l": record("l", ["CROWN"])}, [], BM25Index([]), {"l": frozenset()})
    assert _trials_named("mPFS crizotinib arm in CROWN 5 yr update?", crown, vocab) == ["CROWN"]


def test_another_number_of_an_indexed_family_is_another_trial_however_long_its_number(vocab):
    from bot.answer.core import _trials_named

    def record(a, trials):
        return ArticleRecord(a, a, a, "2026-01-01", 1, {"trials": trials, "drugs": []})

    # EGFR-mutant lung cancer (a four-digit number) and cervical cancer (a three-letter family)
    articles = {"lung": record("lung", ["ARCHER 1050"]), "cx": record("cx", ["GOG 240"])}
    snap = Snapshot(articles, [], BM25Index([]), {a: frozenset() for a in articles})
    assert _trials_named("ARCHER 1009 mPFS dacomitinib vs erlotinib?", snap, vocab) == [
        "ARCHER 1009"
    ]
    assert _trials_named("mOS in GOG 241?", snap, vocab) == ["GOG 241"]
    assert _trials_named("ARCHER 1050 mPFS?", snap, vocab) == ["ARCHER 1050"]
    assert _trials_named("gog 240 mOS w/ bev?", snap, vocab) == ["GOG 240"]


def test_a_brand_no_article_uses_is_asked_by_its_generic_name(vocab):
    from bot.answer.core import _spell_brands

    # endometrial and breast cancer: the articles say dostarlimab and abemaciclib
    snap = _snapshot(["RUBY"], ["dostarlimab"])
    assert _spell_brands("G3+ AEs on Jemperli + chemo?", snap, vocab) == (
        "G3+ AEs on dostarlimab + chemo?"
    )
    assert _spell_brands("IDFS HR verzenio + ET vs ET?", snap, vocab) == (
        "IDFS HR abemaciclib + ET vs ET?"
    )
    # a brand an article uses stays: that article says which drug it is
    carvykti = _snapshot(["CARTITUDE-4"], ["carvykti"])
    assert _spell_brands("CRS rate with Carvykti?", carvykti, vocab) == "CRS rate with Carvykti?"


def test_a_word_before_a_coded_name_is_not_part_of_it(vocab):
    from bot.answer.core import _trials_named

    # colorectal and lung cancer: "in 8HW", "of 743" are no trials "in 8HW", "of 743"
    snap = Snapshot(
        {"c": ArticleRecord("c", "c", "c", "2026-01-01", 1, {"trials": ["CheckMate 8HW"]})},
        [],
        BM25Index([]),
        {"c": frozenset()},
    )
    assert "in 8HW" not in _trials_named("ORR for nivo alone in 8HW", snap, vocab)
    assert _trials_named("ORR in ORCA-12 of 743 pts", snap, vocab) == ["ORCA-12"]


def test_a_coded_name_of_two_words_is_read_whole(vocab):
    from bot.answer.core import _trials_named

    # lung and cervical cancer: "ORCA-Lung 3" is another trial than the indexed "ORCA-Lung 1",
    # not the family "ORCA-Lung" and a stray 3
    snap = Snapshot(
        {
            "l": ArticleRecord("l", "l", "l", "2026-01-01", 1, {"trials": ["ORCA-Lung 1"]}),
            "c": ArticleRecord("c", "c", "c", "2026-01-01", 1, {"trials": ["ORCA-Cervical 2"]}),
        },
        [],
        BM25Index([]),
        {"l": frozenset(), "c": frozenset()},
    )
    assert _trials_named("ORCA-Lung 3 mOS w/ chemo?", snap, vocab) == ["ORCA-Lung 3"]
    assert _trials_named("ORCA-Cervical 2 PFS HR?", snap, vocab) == ["ORCA-Cervical 2"]
    assert _trials_named("ORCA-Cervical 9 PFS HR?", snap, vocab) == ["ORCA-Cervical 9"]


def test_capitals_with_a_letter_suffix_look_like_a_trial_name(vocab):
    from bot.answer.core import looks_like_trial_name

    # leukaemia, lung and melanoma trial names with no number (a lower-case letter too)
    for name in ("VIALE-A", "ENESTnd", "ZEPHYR-B", "COMBI-v", "ORCHID-d"):
        assert looks_like_trial_name(name, vocab), name
    for word in ("EGFRm", "HER2-low", "MSI-H", "dMMR"):
        assert not looks_like_trial_name(word, vocab), word


def test_a_trial_is_named_by_the_coded_last_part_of_its_name(vocab):
    from bot.answer.core import _names_by_tail

    # cervical cancer "A18" and colorectal cancer "8HW"; a number alone names no trial
    names = frozenset({"KEYNOTE-A18", "KEYNOTE-689", "CheckMate 8HW", "CheckMate 77T"})
    assert _names_by_tail("maintenance pembro dosing in A18?", names) == {"KEYNOTE-A18"}
    assert _names_by_tail("PFS HR nivo/ipi vs nivo in 8HW", names) == {"CheckMate 8HW"}
    assert _names_by_tail("EFS in 689 pts?", names) == set()
    # a tail two trials share names neither
    assert _names_by_tail("ORR in A18?", frozenset({"KEYNOTE-A18", "ZENITH-A18"})) == set()


def test_a_hyphenated_word_finds_articles_by_its_rare_parts(vocab):
    from bot.answer.core import articles_by_rare_words

    snap = _words_snapshot(
        {
            "mcl": "Acalabrutinib plus bendamustine-rituximab in mantle cell lymphoma.",
            "nsclc": "Amivantamab plus lazertinib in EGFR-mutant lung cancer.",
            "cll": "Venetoclax plus obinutuzumab in chronic lymphocytic leukaemia.",
        }
    )
    # "acala-BR", "ami-laz": clipped drug names joined by a hyphen
    assert articles_by_rare_words("G3+ AEs acala-BR vs pbo-BR?", snap, vocab) == ["mcl"]
    assert articles_by_rare_words("ORR ami-laz?", snap, vocab) == ["nsclc"]


def test_a_word_saying_how_a_figure_is_asked_names_no_article(vocab):
    from bot.answer.core import articles_by_rare_words

    snap = _words_snapshot(
        {
            # liver cancer: the one article saying "upper bound"; bladder cancer: an EFS HR
            "hcc": "The upper bound of the confidence interval fell below the margin in HCC.",
            "bladder": "EFS was longer with durvalumab (HR 0.68; 95% CI, 0.56-0.82).",
            "crc": "Fewer patients stopped treatment above the age of 75 years in mCRC.",
        }
    )
    assert articles_by_rare_words("lower CI bound on the EFS hazard ratio?", snap, vocab) is None
    assert articles_by_rare_words("was ORR above 40%?", snap, vocab) is None
    # the content words of a question still name their article
    assert articles_by_rare_words("ORR w/ durva, lower bound?", snap, vocab) == ["bladder"]


def test_a_short_coded_name_is_spelled_as_the_indexed_trial(vocab):
    from bot.answer.core import _spell_names

    def record(a, trials):
        return ArticleRecord(a, a, a, "2026-01-01", 1, {"trials": trials, "drugs": []})

    # head and neck "KN689"; lung "CM-77T"; an unknown code is left as typed
    records = {
        "hn": record("hn", ["KEYNOTE-689"]),
        "lung": record("lung", ["CheckMate 77T"]),
    }
    snap = Snapshot(records, [], BM25Index([]), {"hn": frozenset(), "lung": frozenset()})
    assert _spell_names("EFS HR in CPS 10+ KN689", snap) == "EFS HR in CPS 10+ KEYNOTE-689"
    assert _spell_names("EFS HR in CM-77T?", snap) == "EFS HR in CheckMate 77T?"
    assert _spell_names("ORR in XY-301?", snap) == "ORR in XY-301?"
    # kidney "CM-9ER" and colorectal "CM-8HW": one digit with letters after it
    records = {
        "kidney": record("kidney", ["CheckMate 9ER"]),
        "crc": record("crc", ["CheckMate 8HW"]),
    }
    snap = Snapshot(records, [], BM25Index([]), {"kidney": frozenset(), "crc": frozenset()})
    assert _spell_names("PFS HR in CM-9ER", snap) == "PFS HR in CheckMate 9ER"
    assert _spell_names("pts randomized in CM8HW?", snap) == "pts randomized in CheckMate 8HW?"
    # breast "DB-06" and bladder "JB100": the initials of a name's words and its number; lung
    # "CM 816": capitals and a number apart
    records = {
        "breast": record("breast", ["DESTINY-Breast06"]),
        "bladder": record("bladder", ["JAVELIN Bladder 100"]),
        "lung": record("lung", ["CheckMate 816"]),
    }
    words = {a: frozenset() for a in records}
    snap = Snapshot(records, [], BM25Index([]), words)
    assert (
        _spell_names("PFS HR, HER2-low pop, DB-06", snap)
        == "PFS HR, HER2-low pop, DESTINY-Breast06"
    )
    assert _spell_names("avelumab dose in JB100?", snap) == "avelumab dose in JAVELIN Bladder 100?"
    assert _spell_names("OS HR in CM 816?", snap) == "OS HR in CheckMate 816?"
    assert _spell_names("OS at 12 months", snap) == "OS at 12 months"


def test_a_drug_code_the_lexicon_knows_does_not_block_the_question(vocab):
    from bot.answer.core import looks_like_trial_name

    # colorectal "TAS-102" and lymphoma "BV" are drugs; an unknown coded name still blocks
    assert not looks_like_trial_name("TAS-102", vocab)
    assert not looks_like_trial_name("T-DXd", vocab)
    assert looks_like_trial_name("ZENITH-102", vocab)


def test_trial_names_are_found_by_their_parts_whole_words_only():
    # cervical and lung cancer trials, as people write their names
    table = _name_table(frozenset({"KEYNOTE-A18", "CheckMate 77T", "SKYLARK2", "LAURA"}))
    text = "KEYNOTE A18 vs CheckMate-77T vs skylark 2 in LAURA"
    assert [name for _, _, name in name_spans(text, table)] == [
        "KEYNOTE-A18",
        "CheckMate 77T",
        "SKYLARK2",
        "LAURA",
    ]
    # inside another word or code, or with a part of its own after a hyphen, it is no name
    assert name_spans("XLAURA and LAURA-2 and SKYLARK2b", table) == []
    assert name_spans("LAURA's update", table) == [(0, 5, "LAURA")]


def test_a_sibling_trial_named_by_one_letter_is_not_indexed(vocab):
    # leukaemia: QuANTUM-R is not QuANTUM-First, VIALE-C is not VIALE-A, though every part of
    # their names is a word of the index
    from bot.answer.core import _indexed, looks_like_trial_name

    words = frozenset({"quantum", "quantum-first", "r", "viale", "viale-a", "a", "c"})
    trials = {"quantumfirst": (), "vialea": ()}
    assert looks_like_trial_name("QuANTUM-R", vocab)
    assert not _indexed("QuANTUM-R", words, trials)
    assert not _indexed("VIALE-C", words, trials)
    assert _indexed("VIALE-A", words, trials)
    assert _indexed("anti-PD", frozenset({"anti", "pd"}), trials)


def test_an_indexed_trial_asked_without_its_numbers_leading_zero_is_indexed():
    # endometrial cancer ("GOG-209" for GOG 0209) and lung cancer ("JCOG 802" for JCOG0802):
    # the index's words hold the number as the article wrote it
    from bot.answer.core import _indexed
    from bot.answer.trials import name_key

    words = frozenset({"gog", "0209", "jcog0802"})
    trials = {name_key("GOG 0209"): (), name_key("JCOG0802"): ()}
    assert _indexed("GOG-209", words, trials)
    assert _indexed("JCOG 802", words, trials)
    assert not _indexed("GOG-210", words, trials)


def test_a_radiolabelled_drug_asked_without_its_mass_number_is_indexed():
    # prostate cancer ("Lu-PNT2002" of "177Lu-PNT2002") and neuroendocrine tumours
    # ("Lu-DOTATATE" of "177Lu-DOTATATE"); a name that only ends another word is not (a guard)
    from bot.answer.core import _indexed

    words = frozenset({"177lu-pnt2002", "pnt2002", "177lu-dotatate", "dotatate", "xlaura-2"})
    assert _indexed("Lu-PNT2002", words, {})
    assert _indexed("Lu-DOTATATE", words, {})
    assert not _indexed("LAURA-2", words, {})


@pytest.mark.parametrize(
    ("text", "question", "value"),
    [
        # prostate cancer: "PNT2002" of "177Lu-PNT2002"
        (
            "SPLASH: 177Lu-PNT2002 in metastatic prostate cancer\n\nThe objective response rate "
            "was 38.1% with 177Lu-PNT2002 and 12.0% with an androgen-receptor pathway inhibitor.\n",
            "ORR w/ PNT2002 in SPLASH?",
            "38.1%",
        ),
        # neuroendocrine tumours: "ITM11" of "177Lu-ITM11"
        (
            "COMPETE: 177Lu-ITM11 in neuroendocrine tumours\n\nMedian PFS was 23.9 months with "
            "177Lu-ITM11 and 14.1 months with everolimus.\n",
            "median PFS with ITM11 in COMPETE?",
            "23.9",
        ),
    ],
)
def test_a_code_written_after_a_label_is_written(tmp_path, embedder, text, question, value):
    """A drug's code asked ("PNT2002") is written after the isotope's label ("177Lu-PNT2002")
    in an article written for this test."""
    from tests.conftest import make_services

    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    services = make_services(tmp_path / "index", embedder)
    with services.ingestor() as ingestor:
        ingestor.ingest_paths([article])
    answer = services.answerer.ask(question)
    assert value in answer.text, answer.text


def test_a_question_naming_nothing_is_not_guessed_among_trials(tmp_path, embedder):
    """Ovarian and prostate cancer trials (written for this test) both report a median PFS with
    placebo: asked without a trial or drug, which one is not said; named, it is answered."""
    from tests.conftest import make_services

    ovarian = tmp_path / "ovarian.txt"
    ovarian.write_text(
        "OVARIA-7: olaparib maintenance in ovarian cancer\n\n"
        "In the phase 3 OVARIA-7 trial, median PFS was 19.1 months with olaparib and 5.5 months "
        "with placebo.\n"
    )
    prostate = tmp_path / "prostate.txt"
    prostate.write_text(
        "PROSTA-9: darolutamide in prostate cancer\n\n"
        "In the phase 3 PROSTA-9 trial, median PFS was 40.4 months with darolutamide and 18.4 "
        "months with placebo.\n"
    )
    services = make_services(tmp_path / "index", embedder)
    with services.ingestor() as ing:
        ing.ingest_paths([ovarian, prostate])
    vague = services.answerer.ask("mPFS in the placebo arm?")
    assert vague.status == "not_found" and "2 indexed trials report this" in vague.text
    for question, figure in (
        ("mPFS on placebo in OVARIA-7?", "5.5"),
        ("PROSTA-9 pbo mPFS?", "18.4"),
    ):
        named = services.answerer.ask(question)
        assert named.status == "answered" and figure in named.text.split("\n")[0], named.text


def test_a_trial_an_article_only_mentions_is_answered_only_where_it_is_named(tmp_path, embedder):
    """Ovarian and breast cancer articles (written for this test), each naming another trial
    beside its own: that trial's figure comes from a sentence naming it, or is Not found; a
    trial's name the articles never write ("ZENITH-02", "MAGNITUDE" where they say "the
    magnitude of benefit") is no indexed trial."""
    from tests.conftest import make_services

    ovarian = tmp_path / "ovarian.txt"
    ovarian.write_text(
        "OVARIA-MONO: rucaparib maintenance in ovarian cancer\n\n"
        "In OVARIA-MONO, the PFS hazard ratio for rucaparib versus placebo was 0.52 (95% CI, "
        "0.40-0.68). The magnitude of benefit was similar across subgroups. The OVARIA-COMBO "
        "comparison of rucaparib plus nivolumab is ongoing. The zenith of enrolment came in "
        "2021, and 02 sites closed early.\n"
    )
    breast = tmp_path / "breast.txt"
    breast.write_text(
        "BREZA-3: tucatinib triplet in HER2-positive breast cancer\n\n"
        "In the phase 3 BREZA-3 trial, the PFS hazard ratio was 0.54. In the separate "
        "CLIMBER-EXT study of tucatinib with T-DM1, the PFS hazard ratio was 0.76.\n"
    )
    services = make_services(tmp_path / "index", embedder)
    with services.ingestor() as ing:
        ing.ingest_paths([ovarian, breast])
    ask = services.answerer.ask
    combo = ask("OVARIA-COMBO ruca + nivo PFS HR?")
    assert combo.status == "not_found" and "0.52" not in combo.text.split("\n")[0], combo.text
    named = ask("CLIMBER-EXT tucatinib PFS HR?")
    assert named.status == "answered" and "0.76" in named.text.split("\n")[0], named.text
    for name in ("ZENITH-02", "MAGNITUDE"):
        unwritten = ask(f"{name} rucaparib PFS HR?")
        assert unwritten.status == "not_found" and f"mentions {name}" in unwritten.text


def test_a_trial_the_question_calls_by_a_name_no_article_writes_is_not_found(tmp_path, embedder):
    """Melanoma and breast cancer articles (written for this test): "in the E1609 trial" or
    "FinHer-X study" names a trial none of them writes, whatever the drug and endpoint they
    share; a trial they do write is answered."""
    from tests.conftest import make_services

    melanoma = tmp_path / "melanoma.txt"
    melanoma.write_text(
        "Adjuvant ipilimumab in stage III melanoma\n\n"
        "In the EORTC 18071 trial, median RFS was 26.1 months with ipilimumab 10 mg/kg and "
        "17.1 months with placebo (HR 0.75).\n"
    )
    breast = tmp_path / "breast.txt"
    breast.write_text(
        "Trastuzumab for a year in early breast cancer\n\n"
        "In the HERALD-6 trial, the DFS hazard ratio for trastuzumab was 0.64.\n"
    )
    services = make_services(tmp_path / "index", embedder)
    with services.ingestor() as ing:
        ing.ingest_paths([melanoma, breast])
    ask = services.answerer.ask
    for question, name in (
        ("RFS for ipilimumab 3 mg/kg vs 10 mg/kg in the E1609 trial?", "E1609"),
        ("FinHer-X study DFS HR for 9 wks trastuzumab?", "FinHer-X"),
    ):
        answer = ask(question)
        assert answer.status == "not_found" and f"mentions {name}" in answer.text, answer.text
    named = ask("DFS HR with trastuzumab in the HERALD-6 trial?")
    assert named.status == "answered" and "0.64" in named.text.split("\n")[0], named.text


def test_drugs_given_together_each_clipped_are_spelled_as_the_articles_spell_them(vocab):
    from bot.answer.core import _spell_combinations as spell

    def _spell_combinations(text, snap):
        return spell(text, snap, vocab)

    # lung cancer and melanoma: each part starts exactly one indexed drug's name
    lung = _snapshot(["MARIPOSA"], ["amivantamab", "lazertinib", "osimertinib"])
    assert _spell_combinations("G3+ AEs ami-laz vs osimertinib", lung) == (
        "G3+ AEs amivantamab + lazertinib vs osimertinib"
    )
    melanoma = _snapshot(["CheckMate 067"], ["ipilimumab", "nivolumab"])
    assert _spell_combinations("PFS HR ipi-nivo vs nivo", melanoma) == (
        "PFS HR ipilimumab + nivolumab vs nivo"
    )
    # a part that starts no drug, or two, leaves the words as they are
    assert _spell_combinations("ORR pembro-chemo?", _snapshot([], ["pembrolizumab"])) == (
        "ORR pembro-chemo?"
    )
    two = _snapshot([], ["pembrolizumab", "pemetrexed", "carboplatin"])
    assert _spell_combinations("OS with pem-carbo?", two) == "OS with pem-carbo?"
    assert _spell_combinations("post-RT PFS", lung) == "post-RT PFS"


def test_a_gene_fusion_is_no_coded_trial_name(vocab):
    from bot.answer.core import _coded_trial

    # lung cancer: fusion partners; breast and ovarian cancer: trials' coded names
    assert not _coded_trial("CCDC6-RET", vocab)
    assert not _coded_trial("EML4-ALK", vocab)
    assert _coded_trial("HER2CLIMB-02", vocab)
    assert _coded_trial("ATHENA-COMBO", vocab)


def test_a_mutated_gene_written_with_m_is_the_gene_the_index_names():
    from bot.answer.core import _indexed

    # AML and lung cancer: "FLT3m", "EGFRm" where the articles say "FLT3 mutation", "EGFR"
    words = frozenset({"flt3", "mutation", "egfr", "midostaurin"})
    assert _indexed("FLT3m", words) and _indexed("EGFRm", words)
    assert not _indexed("KRASm", words)


def test_a_regimen_code_of_clipped_names_and_capitals_is_spelled(vocab):
    from bot.answer.core import _spell_combinations

    # CLL: "Ven" starts one drug, "R" one other; a brand ("Venclexta") is no second drug
    cll = _snapshot(["MURANO"], ["venetoclax", "venclexta", "rituximab", "bendamustine"])
    assert _spell_combinations("4-yr PFS VenR vs BR?", cll, vocab) == (
        "4-yr PFS venetoclax + rituximab vs BR?"
    )
    # AML: two clipped names
    aml = _snapshot(["VIALE-A"], ["venetoclax", "azacitidine"])
    assert _spell_combinations("CR rate w/ VenAza?", aml, vocab) == (
        "CR rate w/ venetoclax + azacitidine?"
    )
    # clipped letters that start two drugs, or a word of the index, stay as they are
    two = _snapshot([], ["pembrolizumab", "pemetrexed", "carboplatin"])
    assert _spell_combinations("OS with PemC?", two, vocab) == "OS with PemC?"


def test_a_clipped_drug_name_is_spelled_as_the_one_indexed_drug_it_starts(vocab):
    from bot.answer.core import _spell_clipped

    # kidney cancer and CML: each clipped name starts one indexed drug's name
    kidney = _snapshot(["COMPARZ"], ["pazopanib", "sunitinib"])
    assert _spell_clipped("PFS HR pazo vs suni?", kidney, vocab) == (
        "PFS HR pazopanib vs sunitinib?"
    )
    cml = _snapshot(["ENESTnd"], ["nilotinib", "imatinib"])
    assert _spell_clipped("MMR for the nilo 400 mg arm", cml, vocab) == (
        "MMR for the nilotinib 400 mg arm"
    )
    # two drugs start so (lung cancer): left as typed; nor a word of the index, nor a
    # combination's part
    lung = _snapshot(["LUX-Lung"], ["zemplitinib", "zempatinib", "afatinib", "gefitinib"])
    assert _spell_clipped("ORR w/ zemp?", lung, vocab) == "ORR w/ zemp?"
    assert _spell_clipped("ORR w/ gefi+afat?", lung, vocab) == "ORR w/ gefi+afat?"
    assert _spell_clipped("ORR w/ afat?", lung, vocab) == "ORR w/ afatinib?"


def test_a_figure_with_its_unit_few_articles_name_finds_them(vocab):
    from bot.answer.core import articles_by_rare_words

    snap = _words_snapshot(
        {
            # lung cancer: a radiotherapy dose; melanoma: an antibody's dose level
            "nsclc": "Chemoradiotherapy to 74 Gy shortened survival compared with 60 Gy.",
            "mel": "Pembrolizumab at 2 mg/kg or 10 mg/kg every 3 weeks beat chemotherapy.",
            "crc": "Bevacizumab 5 mg/kg was added to IFL every 2 weeks.",
        }
    )
    assert articles_by_rare_words("mOS w/ 74Gy chemoRT?", snap, vocab, ["74 gy"]) == ["nsclc"]
    assert articles_by_rare_words("mDOR on the 2 mg/kg arm?", snap, vocab, ["2 mg/kg"]) == ["mel"]
    # a value no article names, or none asked, names no article
    assert articles_by_rare_words("mOS at 66 Gy?", snap, vocab, ["66 gy"]) is None
    assert articles_by_rare_words("mDOR on the 2 mg/kg arm?", snap, vocab) is None


def test_a_trials_name_with_a_dot_is_found_however_it_is_typed():
    # lung and breast cancer: "JBR.10", "JBR10", "jbr 10"; "MA.17" and "MA 17"
    from bot.answer.core import _names_in

    names = frozenset({"JBR.10", "MA.17", "GOG 172"})
    for text, name in (
        ("JBR.10 OS HR at the primary analysis", "JBR.10"),
        ("median OS for observation in JBR10", "JBR.10"),
        ("jbr 10 cisplatin dose", "JBR.10"),
        ("MA.17 DFS?", "MA.17"),
        ("MA 17 letrozole DFS?", "MA.17"),
    ):
        assert _names_in(text, names) == {name}, text


def test_a_trial_named_by_its_groups_long_number_alone():
    # melanoma and head and neck cancer: "18991", "0129"; a year is no trial's number (a guard)
    from bot.answer.core import _indexed_names_in

    names = frozenset({"EORTC 18991", "RTOG 0129", "IFM 2009", "KEYNOTE-A18"})
    assert _indexed_names_in("10-yr OS in 18991 peg-IFN vs obs?", names) == {"EORTC 18991"}
    assert _indexed_names_in("OS HR in 0129, p16-positive?", names) == {"RTOG 0129"}
    assert _indexed_names_in("what did trials published in 2009 show?", names) == set()


def test_a_trials_roman_number_is_its_number_however_it_is_typed():
    # anal and breast cancer: "ACT II" typed "ACT2" or "act 2"; "IBIS-II" typed "IBIS 2"
    from bot.answer.core import _names_in

    names = frozenset({"ACT II", "IBIS-II", "ACT I"})
    for text, name in (
        ("median f/u in ACT2?", "ACT II"),
        ("act 2 cCR at 26 weeks", "ACT II"),
        ("ACT II maintenance PFS HR?", "ACT II"),
        ("IBIS 2 anastrozole breast cancer incidence?", "IBIS-II"),
    ):
        assert _names_in(text, names) == {name}, text
    # another number is another trial (a guard)
    assert _names_in("ACT3 PFS?", names) == set()


def test_a_regimen_an_arm_is_named_by_finds_its_article(tmp_path, embedder):
    """Gastric cancer and Hodgkin lymphoma articles (written for this test) whose arms are
    named by their regimens' codes: a question naming one code, and no trial, is about the
    article whose arms it names."""
    from tests.conftest import make_services

    gastric = tmp_path / "gastric.txt"
    gastric.write_text(
        "GASTRO-4: four triplets in oesophagogastric cancer\n\n"
        "In the phase 3 GASTRO-4 trial, median PFS was 6.2 months with ECF, 6.7 months with ECX "
        "and 7.0 months with EOX.\n"
    )
    hodgkin = tmp_path / "hodgkin.txt"
    hodgkin.write_text(
        "HODGE-9: escalated therapy in advanced Hodgkin lymphoma\n\n"
        "In the phase 3 HODGE-9 trial, median PFS was not reached with BEACOPP and 8.1 years "
        "with ABVD. Five-year PFS was 88.4% with BEACOPP and 74.2% with ABVD.\n"
    )
    services = make_services(tmp_path / "index", embedder)
    with services.ingestor() as ing:
        ing.ingest_paths([gastric, hodgkin])
    for question, figure in (("mPFS with ECX", "6.7"), ("5-yr PFS with ABVD?", "74.2%")):
        answer = services.answerer.ask(question)
        assert answer.status == "answered" and figure in answer.text.split("\n")[0], answer.text


def test_a_time_joined_to_its_number_after_a_trials_name_is_no_part_of_it(vocab):
    # head and neck and lung cancer: "De-ESCALaTE 2y OS", "PACIFIC 5y OS"
    from bot.answer.core import _trials_named

    snap = _snapshot(["De-ESCALaTE", "PACIFIC"], ["cisplatin", "durvalumab"])
    assert _trials_named("De-ESCALaTE 2y OS cisplatin arm?", snap, vocab) == ["De-ESCALaTE"]
    assert _trials_named("PACIFIC 5y OS w/ durva?", snap, vocab) == ["PACIFIC"]
    # a coded name with letters after its number is still one (a guard)
    assert _trials_named("CheckMate 9ER PFS?", snap, vocab) == ["CheckMate 9ER"]


def _trial_snapshot(articles: dict[str, tuple[str, str, dict[str, str]]]) -> Snapshot:
    """Articles by id: (trial name, text, defined abbreviations)."""
    from index.search import article_words

    records = {
        a: ArticleRecord(a, a, a, "2026-01-01", 1, {"trials": [t], "drugs": [], "aliases": al})
        for a, (t, _, al) in articles.items()
    }
    words = {a: frozenset(article_words(f"{t} {text}")) for a, (t, text, _) in articles.items()}
    return Snapshot(records, [], BM25Index([]), words)


def test_an_abbreviation_of_two_meanings_takes_the_one_its_trials_articles_use(vocab):
    from bot.answer.core import _spell_senses

    snap = _trial_snapshot(
        {
            # melanoma: the article spells out melanoma-specific survival, never "MSS"
            "m": ("MSLT-9", "Melanoma-specific survival at 3 years was 86% in both arms.", {}),
            # colorectal cancer: microsatellite stable tumours
            "c": ("KEYCRC-1", "Among patients with microsatellite stable disease ...", {}),
            # ovarian cancer: CRS defined as cytoreductive surgery
            "o": (
                "OVA-3",
                "interval cytoreductive surgery (CRS)",
                {"CRS": "cytoreductive surgery"},
            ),
            # lymphoma: cytokine release syndrome after CAR-T
            "l": ("CART-7", "Cytokine release syndrome occurred in 42% of patients.", {}),
            # liver cancer, adjuvant: TTR is the time to recurrence; lymphoma: the time to response
            "h": ("STORM-2", "Median time to recurrence was 38.6 months.", {}),
            "r": ("RESP-4", "Median time to response was 1.9 months.", {}),
        }
    )
    assert (
        _spell_senses("MSS HR in MSLT-9?", snap, vocab)
        == "melanoma-specific survival HR in MSLT-9?"
    )
    assert _spell_senses("mPFS in MSS pts, KEYCRC-1", snap, vocab) == (
        "mPFS in microsatellite stable pts, KEYCRC-1"
    )
    assert _spell_senses("CRS rate in OVA-3", snap, vocab) == "cytoreductive surgery rate in OVA-3"
    assert (
        _spell_senses("G3+ CRS in CART-7?", snap, vocab)
        == "G3+ cytokine release syndrome in CART-7?"
    )
    assert _spell_senses("TTR HR in STORM-2?", snap, vocab) == "time to recurrence HR in STORM-2?"
    assert _spell_senses("median TTR in RESP-4", snap, vocab) == "median time to response in RESP-4"
    # no trial named, and the articles use both meanings: left as asked
    assert _spell_senses("MSS HR?", snap, vocab) == "MSS HR?"
    # an acronym the vocabulary does not know stays a code the answer must say (a guard)
    assert _spell_senses("OS HR in pts given PCI in MSLT-9?", snap, vocab) == (
        "OS HR in pts given PCI in MSLT-9?"
    )


def test_a_trial_of_two_groups_numbers_or_a_roman_number_is_found_as_people_shorten_it():
    from bot.answer.core import _spell_names, articles_of_named_trials

    # glioma: "EORTC 22033-26033" asked by either number; myeloma: "Myeloma XI" as "Myeloma 11"
    snap = _snapshot(["EORTC 22033-26033", "Myeloma XI"], ["temozolomide", "lenalidomide"])
    for question in (
        "p-value for the primary PFS comparison in 22033?",
        "upper CI bound of the PFS HR in EORTC 22033?",
        "EORTC 26033 mPFS",
        "OS HR in the maintenance population, Myeloma 11",
        "myeloma xi mPFS",
    ):
        assert articles_of_named_trials(_spell_names(question, snap), snap) == ["a1"], question
    # another number is another trial (a guard)
    assert articles_of_named_trials(_spell_names("Myeloma 12 PFS", snap), snap) is None


def test_a_cytotoxics_code_finds_the_articles_that_name_the_drug(vocab):
    from bot.answer.core import articles_by_rare_words

    snap = _words_snapshot(
        {
            # glioblastoma: the article says lomustine and temozolomide, the question CCNU/TMZ
            "gbm": "Lomustine plus temozolomide extended survival in MGMT-methylated glioblastoma.",
            # melanoma: the article says dacarbazine, the question DTIC
            "mel": "Ipilimumab plus dacarbazine improved survival in metastatic melanoma.",
            "her2": "Trastuzumab emtansine plus pertuzumab in HER2-positive breast cancer.",
            "crc": "Encorafenib plus cetuximab in BRAF V600E colorectal cancer.",
            "mm": "Isatuximab plus carfilzomib in relapsed myeloma.",
        }
    )
    assert articles_by_rare_words("G3-4 thrombocytopenia with CCNU/TMZ?", snap, vocab) == ["gbm"]
    assert articles_by_rare_words("mOS ipi + DTIC?", snap, vocab) == ["mel"]


def test_a_trials_initial_and_number_name_it():
    def record(a, trials):
        return ArticleRecord(a, a, a, "2026-01-01", 1, {"trials": trials, "drugs": []})

    # oesophageal "R302" and lung "K189": a name's first letter and its number, one word
    records = {
        "escc": record("escc", ["RATIONALE-302"]),
        "lung": record("lung", ["KEYNOTE-189"]),
    }
    snap = Snapshot(records, [], BM25Index([]), {a: frozenset() for a in records})
    assert _spell_names("upper bound of the OS HR CI in R302?", snap) == (
        "upper bound of the OS HR CI in RATIONALE-302?"
    )
    assert _spell_names("OS HR in K189", snap) == "OS HR in KEYNOTE-189"
