"""Golden questions written from the seed articles, asked of the seed articles themselves and of
the project's own rewritten samples. Every answer must be grounded; accuracy has a floor."""

import os

import pytest
import yaml

from bot.answer.grounding import ungrounded_numbers
from bot.app.evaluation import judge
from tests.conftest import (
    GOLDEN_QUESTIONS,
    ROOT,
    SAMPLES,
    make_services,
    seed_files,
    seeded_services,
)

QUESTIONS = GOLDEN_QUESTIONS


def _evaluate(services, questions=QUESTIONS):
    correct, wrong, ungrounded = 0, [], []
    for q in questions:
        a = services.answerer.ask(q["question"])
        if a.status == "answered" and ungrounded_numbers(a.text, a.citations):
            ungrounded.append(q["id"])
        ok = judge(q, a)
        correct += ok
        if not ok:
            wrong.append((q["id"], a.status, a.text[:120]))
    return correct / len(questions), wrong, ungrounded


def _wrong_figures(misses) -> int:
    """Misses that led with a figure (worse than a Not found)."""
    return sum(status == "answered" for _, status, _ in misses)


@pytest.fixture(scope="module")
def seed_services(tmp_path_factory, embedder):
    return seeded_services(tmp_path_factory.mktemp("seeds"), embedder)


@pytest.fixture(scope="module")
def sample_services(tmp_path_factory, embedder):
    services = make_services(tmp_path_factory.mktemp("samples"), embedder)
    with services.ingestor() as ing:
        ing.ingest_paths([SAMPLES])
    return services


def test_golden_set_is_large_and_well_formed():
    assert len(QUESTIONS) >= 30
    assert len({q["id"] for q in QUESTIONS}) == len(QUESTIONS)
    assert all(("expect" in q) != bool(q.get("not_found")) for q in QUESTIONS)


def test_seed_articles(seed_services):
    accuracy, wrong, ungrounded = _evaluate(seed_services)
    assert ungrounded == []
    # measured 74/81 (0.91) with 2 wrong figures when this floor was set (76/81 at a minimum
    # confidence of 0.2; 71/81 and 6 wrong before); raise it as the engine improves
    assert accuracy >= 0.90, wrong
    assert _wrong_figures(wrong) <= 3, wrong


class _Recording:
    """The real searcher, keeping what each search returned."""

    def __init__(self, searcher):
        self.searcher, self.hits = searcher, []

    def __getattr__(self, name):
        return getattr(self.searcher, name)

    def search(self, *args, **kwargs):
        self.hits = self.searcher.search(*args, **kwargs)
        return self.hits


def test_the_chunk_holding_the_expected_figure_is_retrieved_in_the_top_4(seed_services):
    """Retrieval as ``Answerer.ask`` runs it: for every golden question with an expected figure,
    one of the first four chunks holds it (bench/retrieval.py prints hit@1 and hit@4 beside the
    LangChain tutorial pipeline and BM25)."""
    answerer = seed_services.answerer
    recording = _Recording(answerer.searcher)
    answerer.searcher = recording
    try:
        missed = []
        for q in QUESTIONS:
            if not q.get("expect"):
                continue
            answerer.ask(q["question"])
            if not any(e in h.chunk.text for h in recording.hits[:4] for e in q["expect"]):
                missed.append(q["id"])
    finally:
        answerer.searcher = recording.searcher
    assert missed == []


def test_sample_articles(sample_services):
    accuracy, wrong, ungrounded = _evaluate(sample_services)
    assert ungrounded == []
    # measured 61/81 (0.75) with 4 wrong figures when this floor was set (66/81 at a minimum
    # confidence of 0.2; 62/81 and 5 before)
    assert accuracy >= 0.75, wrong
    assert _wrong_figures(wrong) <= 5, wrong


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("What was the ORR with I-DXd in second line?", "56.3%"),
        ("ORR with I-DXd in the third-line setting and beyond?", "45.7%"),
        ("Median OS with lurbinectedin plus atezolizumab in IMforte?", "13.2"),
        ("Median OS with atezolizumab alone in IMforte?", "10.6"),
        ("What was the hazard ratio for PFS in IMforte?", "0.54"),
    ],
)
def test_leads_with_the_figure_of_the_asked_subgroup_and_arm(seed_services, question, figure):
    a = seed_services.answerer.ask(question)
    assert a.status == "answered"
    assert figure in a.text.split("[1]")[0]
    assert figure in a.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "What was the PFS with tarlatamab in DeLLphi-304?",
        "What was the intracranial ORR in IDeate-Lung01?",
        "What was the ORR in the 8 mg/kg arm of IDeate-Lung01?",
    ],
)
def test_not_found_lists_closest_sources_instead_of_guessing(seed_services, question):
    a = seed_services.answerer.ask(question)
    assert a.status == "not_found"
    assert a.text.startswith("Not found")
    assert a.citations and all(c.quote for c in a.citations)


# Held-out sets: other trials, other sites, questions written by helpers that never read the code
# (bench/heldout*/README.md). The seeds are indexed beside the first set, as the issue asks.
@pytest.mark.parametrize(
    ("folder", "with_seeds", "floor"),
    [
        ("bench/heldout", True, 0.95),  # measured 29/30, 0 wrong figures
        ("bench/heldout2", False, 0.86),  # measured 39/44, 1 wrong figure (34/44 and 3 when
        # the floor was first set; 38/44 and 6 before the ambiguity rule)
    ],
)
def test_held_out_articles(tmp_path, embedder, folder, with_seeds, floor):
    services = make_services(tmp_path / "index", embedder)
    with services.ingestor() as ing:
        ing.ingest_paths([ROOT / folder / "articles", *(seed_files() if with_seeds else [])])
    questions = yaml.safe_load((ROOT / folder / "questions.yaml").read_text())["questions"]
    accuracy, wrong, ungrounded = _evaluate(services, questions)
    assert ungrounded == []
    assert accuracy >= floor, wrong
    assert _wrong_figures(wrong) <= 3, wrong


# The blind corpus's development parts, each with its bounds (bench/blind/README.md).
BLIND_PARTS = [
    # 15 articles over 13 tumour types and 7 formats; 42.9% right and 141 wrong figures
    # before this corpus was used. Measured 300/365 with 3 wrong when these bounds were set
    # (at the minimum confidence of 0.4).
    ("dev", 360, 0.82, 4),
    # 10 articles (head and neck, lymphoma, CML, lung, cervical, colorectal, AML), written
    # blind in session 6: 166/289 with 37 wrong on its first, untouched run; measured
    # 228/289 with 3 wrong when these bounds were set.
    ("dev2", 285, 0.78, 4),
    # the first sealed part, run once in session 6 (153/281, 42 wrong, as printed in
    # bench/results/blind-sealed-first-run.txt), a development part since: measured
    # 206/281 with 4 wrong when these bounds were set; 205/281 (4 wrong) since session
    # 21's dose ranges ("20-30 mg" of a prior treatment now rivals NETTER-1's control dose).
    ("sealed", 280, 0.72, 5),
    # the second sealed part, run once in session 7 (182/300, 45 wrong, as printed in
    # bench/results/blind-sealed2-first-run.txt), a development part since: measured
    # 216/300 with 6 wrong when these bounds were set.
    ("sealed2", 300, 0.72, 7),
    # the third sealed part, run once in session 8 (174/304, 34 wrong, as printed in
    # bench/results/blind-sealed3-first-run.txt), a development part since: measured
    # 214/304 with 5 wrong when these bounds were set.
    ("sealed3", 300, 0.70, 6),
    # the fourth sealed part, run once in session 9 (164/298, 26 wrong, as printed in
    # bench/results/blind-sealed4-first-run.txt), a development part since: measured
    # 213/298 with 3 wrong when these bounds were set.
    ("sealed4", 295, 0.71, 4),
    # the fifth sealed part, run once in session 10 (191/296, 38 wrong, as printed in
    # bench/results/blind-sealed5-first-run.txt), a development part since: measured
    # 220/296 with 10 wrong when these bounds were set.
    ("sealed5", 290, 0.74, 11),
    # the sixth sealed part, run once in session 11 (176/302, 28 wrong, as printed in
    # bench/results/blind-sealed6-first-run.txt), a development part since: measured
    # 203/302 with 11 wrong when these bounds were set.
    ("sealed6", 300, 0.67, 12),
    # the seventh sealed part, run once in session 12 (199/280, 15 wrong, as printed in
    # bench/results/blind-sealed7-first-run.txt), a development part since: measured
    # 213/280 with 3 wrong when these bounds were set.
    ("sealed7", 280, 0.76, 4),
    # the eighth sealed part, run once in session 13 (207/296, 21 wrong, as printed in
    # bench/results/blind-sealed8-first-run.txt), a development part since: measured
    # 207/296 with 8 wrong when these bounds were set.
    ("sealed8", 290, 0.69, 9),
    # the ninth sealed part, run once in session 14 (199/330, 26 wrong, as printed in
    # bench/results/blind-sealed9-first-run.txt), a development part since: measured
    # 224/330 with 19 wrong when these bounds were set; 21 wrong from session 29 on (233
    # right): CheckMate 141's 2-year update HR now answers an OS HR asked without an
    # analysis, where a tie with a subgroup's HR (now refused) held it back before.
    ("sealed9", 325, 0.67, 21),
    # the tenth sealed part, run once in session 14 (228/339, 19 wrong, as printed in
    # bench/results/blind-sealed10-first-run.txt), a development part since: measured
    # 243/339 with 17 wrong when these bounds were set.
    ("sealed10", 335, 0.71, 18),
    # the eleventh sealed part, run once in session 15 (216/355, 25 wrong, as printed in
    # bench/results/blind-sealed11-first-run.txt), a development part since: measured
    # 231/355 with 17 wrong when these bounds were set.
    ("sealed11", 350, 0.65, 18),
    # the twelfth sealed part, run once in session 16 (251/370, 21 wrong, as printed in
    # bench/results/blind-sealed12-first-run.txt), a development part since: measured
    # 275/370 with 11 wrong when these bounds were set.
    ("sealed12", 365, 0.74, 12),
    # the thirteenth sealed part, run once at the end of session 16 (223/386, 32 wrong, as
    # printed in bench/results/blind-sealed13-first-run.txt), a development part since:
    # measured 224/386 with 29 wrong when these bounds were set.
    ("sealed13", 380, 0.58, 30),
    # the fourteenth sealed part, run once at the start of session 17 (223/356, 20 wrong, as
    # printed in bench/results/blind-sealed14-first-run.txt), a development part since:
    # measured 242/356 with 13 wrong when these bounds were set.
    ("sealed14", 350, 0.67, 14),
    # the fifteenth sealed part, run once at the end of session 17 (217/367, 26 wrong, as
    # printed in bench/results/blind-sealed15-first-run.txt), a development part since:
    # measured 217/367 with 26 wrong when these bounds were set.
    ("sealed15", 360, 0.59, 27),
    # the sixteenth sealed part, run once at the start of session 18 (185/368, 34 wrong, as
    # printed in bench/results/blind-sealed16-first-run.txt), a development part since:
    # measured 207/368 with 24 wrong when these bounds were set.
    ("sealed16", 360, 0.56, 25),
    # the seventeenth sealed part, run once at the end of session 18 (219/364, 18 wrong, as
    # printed in bench/results/blind-sealed17-first-run.txt), a development part since:
    # measured 225/364 with 14 wrong when these bounds were set.
    ("sealed17", 360, 0.61, 15),
    # the eighteenth sealed part, run once at the start of session 19 (198/351, 21 wrong, as
    # printed in bench/results/blind-sealed18-first-run.txt), a development part since:
    # measured 236/351 with 16 wrong when these bounds were set.
    ("sealed18", 345, 0.66, 17),
    # the nineteenth sealed part, run once at the end of session 19 (184/351, 19 wrong, as
    # printed in bench/results/blind-sealed19-first-run.txt), a development part since:
    # measured 190/351 with 18 wrong when these bounds were set.
    ("sealed19", 345, 0.53, 19),
    # the twentieth sealed part, run once at the start of session 20 (214/326, 17 wrong, as
    # printed in bench/results/blind-sealed20-first-run.txt), a development part since:
    # measured 214/326 with 17 wrong when these bounds were set (246/326, 10 wrong at the
    # end of session 20).
    ("sealed20", 320, 0.65, 18),
    # the twenty-first sealed part, run once at the end of session 20 (204/349, 38 wrong, as
    # printed in bench/results/blind-sealed21-first-run.txt), a development part since:
    # measured 204/349 with 38 wrong when these bounds were set.
    ("sealed21", 345, 0.58, 39),
    # the twenty-second sealed part, run once at the start of session 21 (194/344, 25 wrong,
    # as printed in bench/results/blind-sealed22-first-run.txt), a development part since:
    # measured 194/344 with 25 wrong when these bounds were set.
    ("sealed22", 340, 0.56, 26),
    # the twenty-third sealed part, run once at the end of session 21 (218/354, 23 wrong,
    # as printed in bench/results/blind-sealed23-first-run.txt), a development part since:
    # measured 218/354 with 23 wrong when these bounds were set.
    ("sealed23", 350, 0.61, 24),
    # the twenty-fourth sealed part, run once at the start of session 22 (214/347, 27 wrong,
    # as printed in bench/results/blind-sealed24-first-run.txt), a development part since:
    # measured 214/347 with 27 wrong when these bounds were set.
    ("sealed24", 340, 0.61, 28),
    # the twenty-fifth sealed part, run once mid-session 22 (206/346, 19 wrong,
    # as printed in bench/results/blind-sealed25-first-run.txt), a development part since:
    # measured 206/346 with 19 wrong when these bounds were set.
    ("sealed25", 340, 0.59, 20),
    # the twenty-sixth sealed part, run once at the end of session 22 (206/331, 22 wrong,
    # as printed in bench/results/blind-sealed26-first-run.txt), a development part since:
    # measured 206/331 with 22 wrong when these bounds were set.
    ("sealed26", 325, 0.62, 23),
    # the twenty-seventh sealed part, run once at the start of session 23 (212/329, 11 wrong,
    # as printed in bench/results/blind-sealed27-first-run.txt), a development part since:
    # measured 212/329 with 11 wrong when these bounds were set.
    ("sealed27", 320, 0.64, 12),
    # the twenty-eighth sealed part, run once mid-session 23 (216/332, 17 wrong,
    # as printed in bench/results/blind-sealed28-first-run.txt), a development part since:
    # measured 216/332 with 17 wrong when these bounds were set.
    ("sealed28", 325, 0.65, 18),
    # the twenty-ninth sealed part, run once at the start of session 24 (193/347, 24 wrong,
    # 7 of them ungrounded, as printed in bench/results/blind-sealed29-first-run.txt), a
    # development part since: measured 193/347 with 24 wrong when these bounds were set.
    ("sealed29", 340, 0.55, 25),
    # the thirtieth sealed part, run once at the start of session 25 (236/331, 15 wrong,
    # as printed in bench/results/blind-sealed30-first-run.txt), a development part since:
    # measured 236/331 with 15 wrong when these bounds were set.
    ("sealed30", 325, 0.70, 16),
    # the thirty-first sealed part, run once mid-session 25 (240/326, 13 wrong, as printed
    # in bench/results/blind-sealed31-first-run.txt), a development part since: measured
    # 240/326 with 13 wrong when these bounds were set.
    ("sealed31", 320, 0.72, 14),
    # the thirty-second sealed part, run once at the start of session 26 (226/349, 13 wrong,
    # as printed in bench/results/blind-sealed32-first-run.txt), a development part since:
    # measured 226/349 with 13 wrong when these bounds were set.
    ("sealed32", 340, 0.63, 14),
    # the thirty-third sealed part, run once at the end of session 26 (235/325, 11 wrong,
    # as printed in bench/results/blind-sealed33-first-run.txt), a development part since:
    # measured 235/325 with 11 wrong when these bounds were set.
    ("sealed33", 320, 0.71, 12),
    # the thirty-fourth sealed part, run once at the start of session 27 (249/323, 12 wrong,
    # as printed in bench/results/blind-sealed34-first-run.txt), a development part since:
    # measured 249/323 with 12 wrong when these bounds were set.
    ("sealed34", 315, 0.76, 13),
    # the thirty-fifth sealed part, run once at the end of session 27 (243/334, 11 wrong,
    # as printed in bench/results/blind-sealed35-first-run.txt), a development part since:
    # measured 243/334 with 11 wrong when these bounds were set.
    ("sealed35", 325, 0.71, 12),
    # the thirty-sixth sealed part, run once at the start of session 28 (237/338, 14 wrong,
    # as printed in bench/results/blind-sealed36-first-run.txt), a development part since:
    # measured 237/338 with 14 wrong when these bounds were set.
    ("sealed36", 330, 0.69, 15),
    # the thirty-seventh sealed part, run once at the end of session 28 (214/329, 11 wrong,
    # as printed in bench/results/blind-sealed37-first-run.txt), a development part since:
    # measured 214/329 with 11 wrong when these bounds were set.
    ("sealed37", 320, 0.63, 12),
    # the thirty-eighth sealed part, run once at the start of session 29 (204/331, 15 wrong,
    # as printed in bench/results/blind-sealed38-first-run.txt), a development part since:
    # measured 204/331 with 15 wrong when these bounds were set.
    ("sealed38", 320, 0.60, 16),
    # the thirty-ninth sealed part, run once at the end of session 29 (220/343, 28 wrong,
    # as printed in bench/results/blind-sealed39-first-run.txt), a development part since:
    # measured 220/343 with 28 wrong when these bounds were set.
    ("sealed39", 330, 0.62, 29),
    # the fortieth sealed part, run once at the start of session 30 (229/360, 22 wrong,
    # as printed in bench/results/blind-sealed40-first-run.txt), a development part since:
    # measured 229/360 with 22 wrong when these bounds were set.
    ("sealed40", 350, 0.62, 23),
    # the forty-first sealed part, run once at the end of session 30 (258/374, 17 wrong,
    # as printed in bench/results/blind-sealed41-first-run.txt), a development part since:
    # measured 258/374 with 17 wrong when these bounds were set.
    ("sealed41", 360, 0.67, 18),
    # the forty-second sealed part, run once at the start of session 31 (249/364, 14 wrong,
    # as printed in bench/results/blind-sealed42-first-run.txt), a development part since:
    # measured 249/364 with 14 wrong when these bounds were set.
    ("sealed42", 350, 0.67, 15),
    # the forty-third sealed part, run once at the end of session 31 (255/371, 16 wrong,
    # as printed in bench/results/blind-sealed43-first-run.txt), a development part since:
    # measured 255/371 with 16 wrong when these bounds were set.
    ("sealed43", 360, 0.67, 17),
]
# Each part builds its own index (about 20 s on CI's two cores): the suite checks the three
# oldest parts and the twelve newest on every run, to stay well under 15 minutes as a part is
# added each session; `make golden-all` (TRIALBOT_ALL_BLIND_PARTS=1) checks every part, and so
# does each session's run of every part (bench/blind.py, bench/RESULTS.md).
CHECKED_PARTS = (
    BLIND_PARTS
    if os.environ.get("TRIALBOT_ALL_BLIND_PARTS") == "1"
    else BLIND_PARTS[:3] + BLIND_PARTS[-12:]
)


@pytest.mark.parametrize(("part", "size", "floor", "most_wrong"), CHECKED_PARTS)
def test_blind_development_corpus(tmp_path, embedder, part, size, floor, most_wrong):
    """A development part of the blind corpus (bench/blind/README.md), all its articles in one
    index as in real use. The issue's target is 90% and at most 2% wrong: these bounds only
    catch a regression."""
    dev = ROOT / "bench" / "blind" / part
    services = make_services(tmp_path / "index", embedder)
    with services.ingestor() as ing:
        ing.ingest_paths(sorted(dev.glob("*/articles")))
    questions = [
        q
        for qfile in sorted(dev.glob("*/questions.yaml"))
        for q in yaml.safe_load(qfile.read_text())["questions"]
    ]
    assert len(questions) >= size
    accuracy, wrong, ungrounded = _evaluate(services, questions)
    assert ungrounded == []
    assert accuracy >= floor, wrong
    assert _wrong_figures(wrong) <= most_wrong
