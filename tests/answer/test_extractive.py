"""Rules of the extractive engine, each on sentences from more than one tumour type."""

import pytest

from bot.answer.extractive import _drugs_named, says_population


@pytest.mark.parametrize(
    ("words", "sentence", "says"),
    [
        # colorectal cancer: a clipped drug and a word of the population
        (["bev", "naive"], "Among bevacizumab-naive patients the HR was 0.40.", True),
        (["bev", "naive"], "The hazard ratio for death was 0.61.", False),
        # lung cancer: an abbreviation in the plural
        (
            ["brain", "mets"],
            "In patients with brain metastases, 63% were free of progression.",
            True,
        ),
        # breast cancer: a cohort said whole
        (["cohort 2"], "In Cohort 2, the IDFS HR was 0.70.", True),
        (["cohort 2"], "In cohort 1, the IDFS HR was 0.68 and 2 patients died.", False),
    ],
)
def test_a_figure_answers_a_named_population_only_when_its_sentence_says_it(words, sentence, says):
    assert says_population(words, sentence) is says


def test_the_drugs_a_text_names_include_clipped_names_and_classes(vocab):
    # small-cell lung cancer and gastric cancer regimens as clinicians type them
    sclc = ["lurbinectedin", "atezolizumab"]
    assert _drugs_named("mOS for lurbi/atezo maintenance?", sclc, vocab) == set(sclc)
    gastric = ["nivolumab", "ipilimumab", "oxaliplatin"]
    assert _drugs_named("G3-4 TRAEs with nivo plus chemo?", gastric, vocab) == {
        "nivolumab",
        "chemotherapy",
    }
    assert _drugs_named("in the nivolumab plus ipilimumab arm", gastric, vocab) == {
        "nivolumab",
        "ipilimumab",
    }


def test_a_score_cut_off_is_matched_however_it_is_typed():
    # gastric and head-and-neck cancer: "CPS5+" is "CPS >=5"; "CPS >=1" is another population
    assert says_population(["cps>=5"], "In patients with PD-L1 CPS ≥5, the rate was 57%.")
    assert not says_population(["cps>=5"], "In the CPS ≥1 population it was 55%.")
    assert not says_population(["cps<1"], "Among CPS ≥20 patients, the HR was 0.61.")
    # no cut-off said: the section or table may be about this one
    assert says_population(["cps>=20"], "Median OS was 14.9 months versus 10.7 months.")


def test_a_brand_name_in_a_question_names_its_drugs(vocab):
    # melanoma: "Opdualag" is nivolumab and relatlimab; myeloma: "Carvykti" is cilta-cel
    brands = {"opdualag": ["nivolumab", "relatlimab"], "carvykti": ["ciltacabtagene"]}
    assert _drugs_named("12-mo PFS rate opdualag?", [], vocab, brands) == {
        "nivolumab",
        "relatlimab",
    }
    assert _drugs_named("G3/4 CRS w/ carvykti?", [], vocab, brands) == {"ciltacabtagene"}


def test_a_population_said_by_what_it_lacks_is_not_the_one_with_it():
    from bot.answer.extractive import _NEGATED

    # lung cancer and mesothelioma
    assert _NEGATED.search("among those without baseline brain metastases")
    assert _NEGATED.search("in non-epithelioid disease")
    assert _NEGATED.search("pts w/o brain mets at baseline")
    assert not _NEGATED.search("among the 72 patients with brain lesions")
    assert not _NEGATED.search("in the epithelioid subgroup")


def test_an_arm_missing_a_drug_the_question_names_is_another_arm(vocab):
    from types import SimpleNamespace

    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.question import analyze
    from index.figures import extract_figures

    engine = ExtractiveEngine(vocab)
    # melanoma: the brand names both drugs; the figure is the nivolumab-alone arm's
    melanoma = SimpleNamespace(
        meta={
            "drugs": ["nivolumab", "relatlimab"],
            "brands": {"opdualag": ["nivolumab", "relatlimab"]},
        }
    )
    text = "At 12 months, 36.0% of patients receiving nivolumab were progression-free."
    sentence = SimpleNamespace(text=text, article=melanoma)
    fig = next(f for f in extract_figures(text, vocab) if f.value == "36.0%")
    assert engine._other_arm(analyze("12-mo PFS rate opdualag?", vocab), sentence, fig)
    # gastric cancer: "the pembrolizumab arm" answers for pembrolizumab plus chemotherapy
    gastric = SimpleNamespace(meta={"drugs": ["pembrolizumab"], "brands": {}})
    text2 = "An objective response was recorded in 51% of patients in the pembrolizumab arm."
    sentence2 = SimpleNamespace(text=text2, article=gastric)
    fig2 = next(f for f in extract_figures(text2, vocab) if f.value == "51%")
    assert not engine._other_arm(analyze("ORR with pembro plus chemo?", vocab), sentence2, fig2)


def test_a_severe_grade_figure_answers_only_a_severe_grade_question(vocab):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.question import analyze
    from index.figures import extract_figures

    engine = ExtractiveEngine(vocab)
    # myeloma CAR-T and Hodgkin lymphoma safety sentences
    crs = "Any-grade CRS occurred in 76.1% of infused patients, including grade 3 or 4 in 1.1%."
    figs = {f.value: f for f in extract_figures(crs, vocab)}
    assert engine._grade_unasked(analyze("any-grade CRS rate?", vocab), figs["1.1%"])
    assert not engine._grade_unasked(analyze("any-grade CRS rate?", vocab), figs["76.1%"])
    assert not engine._grade_unasked(analyze("G3/4 CRS rate?", vocab), figs["1.1%"])
    pn = "Peripheral neuropathy occurred in 67% with A+AVD; grade 3 or higher in 11%."
    figs2 = {f.value: f for f in extract_figures(pn, vocab)}
    assert engine._grade_unasked(analyze("PN rate with A+AVD?", vocab), figs2["11%"])


def test_a_paragraph_is_about_the_population_its_nearest_setting_sentence_names(vocab):
    from bot.answer.extractive import ExtractiveEngine

    engine = ExtractiveEngine(vocab)
    # endometrial cancer: the dMMR paragraph, its HR two sentences later
    before = [
        "With placebo it was 15.7%.",
        "At 24 months, 61.4% of dMMR/MSI-H patients were alive.",
    ]
    assert engine._said_before("dMMR", before)
    # a nearer sentence about the other population decides
    assert not engine._said_before("dMMR", ["In pMMR tumours the rate was 30%.", *before])
    # ovarian cancer: HR-deficient and HR-proficient populations
    assert engine._said_before("HR-deficient", ["Among HR-deficient patients PFS was 21.9 months."])
    assert not engine._said_before("HR-deficient", ["The trial enrolled 733 patients."])
