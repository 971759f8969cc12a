"""Rules of the extractive engine, each on sentences from more than one tumour type."""

import re

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
        # oesophageal cancer and leukaemia: a British spelling is the same word
        (["esophageal"], "Oesophageal primary | Median DFS, nivolumab (mo): 24.0", True),
        (["esophageal"], "Gastric primary | Median DFS, nivolumab (mo): 22.4", False),
        (["leukemia"], "In patients with secondary leukaemia, CR was 41%.", True),
        (["hematologic"], "Haematological toxicity of grade 3 occurred in 12%.", True),
        # cervical and oesophageal cancer: "node+" is said "node-positive"
        (["node+"], "In node-positive disease the PFS HR was 0.61.", True),
        (["ypn+"], "Among ypN-positive patients, median DFS was 14.8 months.", True),
        (["ypn+"], "Among ypN0 patients, median DFS was 29.4 months.", False),
        # melanoma and colorectal cancer: a word said in two parts
        (["braf", "wildtype"], "In BRAF wild-type disease, the EFS HR was 0.44.", True),
        (["kras", "wildtype"], "Among KRAS wild type tumours the OS HR was 0.62.", True),
        (["kras", "wildtype"], "Among KRAS-mutant tumours, wild cards aside, HR 0.91.", False),
        # prostate and lung cancer: a lettered cohort alone is not said by two together
        (["cohort:a"], "In cohort A, median rPFS was 7.4 months with olaparib.", True),
        (["cohort:a"], "In cohorts A and B, median rPFS was 5.8 months.", False),
        (["cohort:a+b"], "In the overall population (cohorts A and B), it was 5.8.", True),
        (["cohort:b"], "In Part B (pretreated), the ORR was 49%.", True),
        (["cohort:b"], "In Part A (treatment-naive), the ORR was 61%.", False),
        # lymphoma and liver cancer: a marker's cut-off, said in words
        (["cut:ki67>=30"], "Among patients with Ki-67 of 30% or higher, the HR was 0.67.", True),
        (["cut:ki67>=30"], "Among patients with Ki-67 below 30%, the HR was 0.81.", False),
        (["cut:afp>=400"], "In those with AFP of 400 ng/mL or higher, median OS was 8.5.", True),
        (["cut:afp>=400"], "Median OS was 10.2 months with cabozantinib.", False),
    ],
)
def test_a_figure_answers_a_named_population_only_when_its_sentence_says_it(words, sentence, says):
    assert says_population(words, sentence) is says


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected"),
    [
        # mantle cell lymphoma: the subgroup's HR, its cut-off said in words
        (
            "Calquence+BR PFS HR in Ki-67 >=30% pts",
            [
                "The acalabrutinib combination cut the risk of progression or death (HR 0.73).",
                "Among patients with Ki-67 of 30% or higher, the HR for PFS was 0.67.",
            ],
            ["acalabrutinib", "bendamustine", "rituximab"],
            "0.67",
        ),
        # liver cancer: likewise, a serum marker
        (
            "cabo mOS in AFP ≥400 pts?",
            [
                "Median OS was 10.2 months with cabozantinib versus 8.0 months with placebo.",
                "In patients with a baseline AFP of 400 ng/mL or higher, median OS was 8.5 "
                "months with cabozantinib versus 5.2 months with placebo.",
            ],
            ["cabozantinib"],
            "8.5",
        ),
    ],
)
def test_a_subgroup_by_a_markers_cut_off_is_answered_by_its_figure(
    question, sentences, drugs, expected, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "gain"),
    [
        # breast cancer: a headline's gain is no arm's median
        (
            "mOS sacituzumab vs chemo?",
            "Sacituzumab govitecan extends survival by more than 3 months in pretreated "
            "HR+/HER2- metastatic breast cancer.",
            ["sacituzumab", "govitecan"],
            "3 months",
        ),
        # prostate cancer: likewise
        (
            "median OS with darolutamide?",
            "Darolutamide improved overall survival by nearly 5 months in metastatic prostate "
            "cancer.",
            ["darolutamide"],
            "5 months",
        ),
    ],
)
def test_a_gain_said_with_by_is_no_arms_figure(question, sentence, drugs, gain, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert gain not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value", "any_grade"),
    [
        # breast cancer: the grade's values in brackets after the event's any-grade values
        (
            "G3-4 hyperglycemia with inavolisib?",
            "Pathway toxicities differed: hyperglycemia occurred in 58.6% vs 8.6% of patients "
            "(grade 3-4 in 5.6% vs 0%), stomatitis in 51.2% vs 26.9%.",
            ["inavolisib", "palbociclib"],
            "5.6%",
            "58.6%",
        ),
        # myeloma: the same with "grade 3/4:"
        (
            "grade 3 or higher ocular AEs with belantamab?",
            "Ocular adverse events were reported in 79% vs 29% of patients (grade 3/4: 34% vs "
            "3%), most often blurred vision.",
            ["belantamab", "daratumumab"],
            "34%",
            "79%",
        ),
    ],
)
def test_a_grade_in_brackets_after_an_events_rates_is_that_events(
    question, sentence, drugs, value, any_grade, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    lead = draft.text.split("[")[0]
    assert value in lead and any_grade not in lead, draft.text


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


def test_a_two_part_nickname_names_its_drug(vocab):
    # myeloma and lymphoma CAR T-cell products: the start of the name and the end of its last word
    cilta = ["ciltacabtagene", "autoleucel", "pomalidomide"]
    assert _drugs_named("12-mo PFS w/ cilta-cel?", cilta, vocab) == {"ciltacabtagene", "autoleucel"}
    tisa = ["tisagenlecleucel"]
    assert _drugs_named("CRS rate with tisa-cel", tisa, vocab) == {"tisagenlecleucel"}
    # ... never a word that merely starts like a drug ("pom-cel" names nothing here)
    assert _drugs_named("pom-cel", cilta, vocab) == set()


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "other"),
    [
        # myeloma: the comparator named only as "the standard-therapy arm"
        (
            "12-mo PFS w/ cilta-cel?",
            "At 12 months, 75.9% of cilta-cel patients were alive and progression-free, against "
            "48.6% in the standard-therapy arm.",
            ["ciltacabtagene", "autoleucel"],
            "75.9%",
            "48.6%",
        ),
        # lung cancer: "the standard-care arm"
        (
            "24-mo PFS with osimertinib?",
            "At 24 months, 40% of patients in the standard-care arm were alive without "
            "progression, compared with 68% of those on osimertinib.",
            ["osimertinib"],
            "68%",
            "40%",
        ),
        # bladder cancer and melanoma: "the comparison group", its value the only one given
        (
            "2-yr OS with durvalumab?",
            "At 24 months, 75.2% of patients in the comparison group were alive.",
            ["durvalumab"],
            None,
            "75.2%",
        ),
        (
            "12-month RFS w/ pembrolizumab?",
            "Recurrence-free survival at 12 months was 61.0% in the comparison arm.",
            ["pembrolizumab"],
            None,
            "61.0%",
        ),
    ],
)
def test_a_drug_asked_is_not_answered_by_the_comparator_arms_figure(
    question, sentence, drugs, expected, other, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert expected is None or expected in draft.text, draft.text
    assert other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "other"),
    [
        # cervical cancer: "13% versus 7%", no arm named; the experimental arm is reported first
        (
            "discontinuation due to AEs pembrolizumab arm?",
            "Discontinuation of any study treatment because of adverse events occurred in 13% "
            "versus 7% of patients.",
            ["pembrolizumab"],
            "13%",
            None,
        ),
        (
            "discontinuation due to AEs in the placebo arm?",
            "Discontinuation of any study treatment because of adverse events occurred in 13% "
            "versus 7% of patients.",
            ["pembrolizumab"],
            "7%",
            "13%",
        ),
        # Hodgkin lymphoma: "..., respectively" after the arms were named sentences before
        (
            "6y PFS with brentuximab?",
            "PFS also remained superior: 6-year PFS was 82.3% and 74.5%, respectively.",
            ["brentuximab"],
            "82.3%",
            None,
        ),
        # lung cancer: but two parts of the population listed are no arms; the second is the
        # drug's own value in the second part
        (
            "ORR with pembrolizumab in PD-L1-negative patients?",
            "The ORR was 45% and 30% in PD-L1-positive and PD-L1-negative patients, respectively.",
            ["pembrolizumab"],
            "30%",
            "45%",
        ),
    ],
)
def test_two_values_compared_without_their_arms_are_the_experimental_arms_then_the_controls(
    question, sentence, drugs, expected, other, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text
    if other:
        assert other not in draft.text.split("[")[0].replace(expected, "", 1)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "other"),
    [
        # lymphoma: a subgroup's size given by arm names no part the question asks
        (
            "EFS HR axi-cel vs standard care?",
            [
                "Median EFS was 8.3 vs 2.0 months; HR 0.40 (95% CI, 0.31-0.51).",
                "Among patients aged 65 years or older (51 in the axi-cel arm and 58 in the "
                "standard-care arm), the HR for EFS was 0.28 (95% CI, 0.16-0.46).",
            ],
            ["axicabtagene", "ciloleucel"],
            "0.40",
            "0.28",
        ),
        # lung cancer: likewise
        (
            "PFS HR osimertinib vs usual care?",
            [
                "The HR for PFS was 0.20 (95% CI, 0.14-0.30).",
                "Among patients with brain metastases (40 in the osimertinib arm and 38 in the "
                "usual-care arm), the HR for PFS was 0.08 (95% CI, 0.04-0.19).",
            ],
            ["osimertinib"],
            "0.20",
            "0.08",
        ),
    ],
)
def test_a_parts_size_by_arm_does_not_make_it_the_part_asked(
    question, sentences, drugs, expected, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert expected in draft.text and other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "count"),
    [
        # lung cancer: "how long ... randomized" asks for a window, not how many were
        (
            "within how long after CRT did pts need to be randomized?",
            "A total of 216 patients were randomized within 6 weeks after chemoradiotherapy.",
            "216",
        ),
        # breast cancer: likewise for enrolment after surgery
        (
            "how long after surgery were patients enrolled?",
            "In all, 800 patients were enrolled within 12 weeks of surgery.",
            "800",
        ),
    ],
)
def test_a_time_asked_of_enrolment_is_no_head_count(question, sentence, count, vocab):
    draft = _answer_in(vocab, question, [sentence], [])
    assert count not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "other"),
    [
        # prostate cancer: patients who crossed over, not the trial's size
        (
            "how many pts crossed over?",
            [
                "A total of 1,150 patients were randomised to enzalutamide or placebo.",
                "After unblinding, 180 patients crossed over to enzalutamide.",
            ],
            ["enzalutamide"],
            "180",
            "1,150",
        ),
        # breast cancer: patients who had an event
        (
            "how many pts had a fracture on anastrozole?",
            [
                "A total of 2,000 patients were randomised to anastrozole or tamoxifen.",
                "Fractures were reported in 41 patients on anastrozole.",
            ],
            ["anastrozole", "tamoxifen"],
            "41",
            "2,000",
        ),
    ],
)
def test_how_many_pts_something_happened_to_is_no_head_count_of_the_trial(
    question, sentences, drugs, expected, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert expected in draft.text and other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "other"),
    [
        # melanoma: "Patients given encorafenib alone had ..." is the monotherapy arm's figure
        (
            "median OS for vem (control)?",
            [
                "Patients given encorafenib alone had a median OS of 23.5 months.",
                "The combination gave a median OS of 33.6 months, compared with 16.9 months for "
                "those given vemurafenib.",
            ],
            ["encorafenib", "binimetinib", "vemurafenib"],
            "16.9",
            "23.5",
        ),
        # lung cancer: "Those receiving osimertinib had ..."
        (
            "mPFS with lazertinib?",
            [
                "Those receiving osimertinib had a median PFS of 16.6 months.",
                "Median PFS reached 18.5 months on lazertinib.",
            ],
            ["osimertinib", "lazertinib", "amivantamab"],
            "18.5",
            "16.6",
        ),
    ],
)
def test_the_arm_a_sentence_names_as_its_subject_is_its_figures(
    question, sentences, drugs, expected, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert expected in draft.text and other not in draft.text, draft.text


def test_a_score_cut_off_is_matched_however_it_is_typed():
    # gastric and head-and-neck cancer: "CPS5+" is "CPS >=5"; "CPS >=1" is another population
    assert says_population(["cps>=5"], "In patients with PD-L1 CPS ≥5, the rate was 57%.")
    assert not says_population(["cps>=5"], "In the CPS ≥1 population it was 55%.")
    assert not says_population(["cps<1"], "Among CPS ≥20 patients, the HR was 0.61.")
    # no cut-off said by the sentence nor its section: everyone's figure, not this part's
    assert not says_population(["cps>=20"], "Median OS was 14.9 months versus 10.7 months.")
    assert says_population(["cps>=20"], "Median OS was 14.9 months.", section="CPS >=20")


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


def test_a_sentence_opening_with_the_median_goes_on_about_the_population_said_before(vocab):
    # endometrial cancer: the pMMR cohort's HR, then its medians
    text = (
        "In the pMMR cohort, pembrolizumab plus chemotherapy reduced the risk of progression "
        "or death by 46% (HR 0.54). Median PFS was 13.1 months for pembrolizumab plus "
        "chemotherapy versus 8.7 months for placebo plus chemotherapy."
    )
    answer = _answer(vocab, "mPFS pMMR cohort pembro vs placebo?", text, ["pembrolizumab"])
    assert answer.status == "answered" and "13.1" in answer.text
    # ovarian cancer: the HR-deficient population, then its medians
    text = (
        "Among HR-deficient patients, niraparib reduced the risk of progression or death by "
        "57% (HR 0.43). Median PFS was 21.9 months with niraparib versus 10.4 months with "
        "placebo."
    )
    answer = _answer(vocab, "mPFS in HRd pts with niraparib?", text, ["niraparib"])
    assert answer.status == "answered" and "21.9" in answer.text


@pytest.mark.parametrize(
    ("question", "rows", "drugs", "expected"),
    [
        # AML: the chemotherapy patients were preselected for is their part, not an arm
        (
            "OS HR in pts preselected for low-intensity chemo (LoDAC/aza)?",
            [
                "All patients | Gilteritinib median OS: 9.3 months | Chemotherapy median OS: "
                "5.6 months | HR (95% CI): 0.64 (0.49-0.83)",
                "Preselected low-intensity chemo | Gilteritinib median OS: 9.0 months | "
                "Chemotherapy median OS: 4.7 months | HR (95% CI): 0.56 (0.38-0.82)",
            ],
            ["gilteritinib", "azacitidine"],
            "0.56",
        ),
        # gastric cancer: the regimen patients had before
        (
            "OS HR in pts previously treated w/ ramucirumab + paclitaxel?",
            [
                "All patients | Trifluridine/tipiracil median OS: 5.7 months | Placebo median "
                "OS: 3.6 months | HR (95% CI): 0.69 (0.56-0.85)",
                "Prior ramucirumab | Trifluridine/tipiracil median OS: 5.5 months | Placebo "
                "median OS: 3.4 months | HR (95% CI): 0.73 (0.53-1.01)",
            ],
            ["trifluridine", "tipiracil", "ramucirumab", "paclitaxel"],
            "0.73",
        ),
    ],
)
def test_the_treatment_that_defines_a_part_of_the_population_is_no_arm(
    vocab, question, rows, drugs, expected
):
    answer = _answer_in(vocab, question, rows, drugs)
    assert answer.status == "answered" and f": {expected}" in answer.text


@pytest.mark.parametrize(
    ("question", "rows", "drugs", "expected"),
    [
        # oesophageal cancer: "all ESCC" is everyone of the part asked, not the whole trial
        (
            "upper bound of the 95% CI for the OS HR in all ESCC pts?",
            [
                "All randomised (n=749) | Median OS, pembrolizumab + chemo: 12.4 mo | Median OS, "
                "placebo + chemo: 9.8 mo | HR (95% CI): 0.73 (0.62-0.86)",
                "All ESCC (n=548) | Median OS, pembrolizumab + chemo: 12.6 mo | Median OS, "
                "placebo + chemo: 9.8 mo | HR (95% CI): 0.72 (0.60-0.88)",
            ],
            ["pembrolizumab"],
            "0.72",
        ),
        # EGFR lung cancer: a part the vocabulary names
        (
            "OS HR in all Asian pts?",
            [
                "All patients (n=556) | Median OS, osimertinib: 38.6 mo | Median OS, comparator "
                "EGFR-TKI: 31.8 mo | HR (95% CI): 0.80 (0.64-1.00)",
                "All Asian patients (n=347) | Median OS, osimertinib: 37.2 mo | Median OS, "
                "comparator EGFR-TKI: 35.7 mo | HR (95% CI): 1.00 (0.75-1.32)",
            ],
            ["osimertinib"],
            "1.00",
        ),
    ],
)
def test_everyone_of_the_part_asked_is_not_the_whole_trial(vocab, question, rows, drugs, expected):
    answer = _answer_in(vocab, question, rows, drugs)
    assert answer.status == "answered" and f": {expected}" in answer.text


@pytest.mark.parametrize(
    ("question", "rows", "drugs", "expected"),
    [
        # lung cancer: the cytotoxic drugs asked are the table's "chemo"
        (
            "ORR pembro+carbo/pac vs chemo alone?",
            [
                "Confirmed ORR | Pembrolizumab + chemo (n=278): 57.9% | Placebo + chemo "
                "(n=281): 38.4%"
            ],
            ["pembrolizumab", "carboplatin", "paclitaxel"],
            "57.9%",
        ),
        # endometrial cancer: the control arm asked by its drugs, said as chemotherapy
        (
            "median PFS with placebo + carbo/paclitaxel in the trial?",
            [
                "Median PFS was 13.1 months for pembrolizumab plus chemotherapy versus 8.7 "
                "months for placebo plus chemotherapy."
            ],
            ["pembrolizumab", "carboplatin", "paclitaxel"],
            "8.7 months",
        ),
        # oesophageal cancer: "chemotherapy alone" asked by its drugs
        (
            "ORR with cis/5FU alone (control arm)?",
            [
                "The ORR was 45.0% with pembrolizumab plus chemotherapy and 29.3% with "
                "chemotherapy alone."
            ],
            ["pembrolizumab", "cisplatin", "fluorouracil"],
            "29.3%",
        ),
    ],
)
def test_cytotoxic_drugs_asked_are_the_arm_called_chemotherapy(
    vocab, question, rows, drugs, expected
):
    answer = _answer_in(vocab, question, rows, drugs)
    assert answer.status == "answered" and expected in answer.text


@pytest.mark.parametrize(
    ("question", "row", "drugs", "expected"),
    [
        # AML: "vs chemo alone" is the comparison with the placebo-plus-chemotherapy column
        (
            "CR rate quizartinib vs chemo alone?",
            "CR rate | Quizartinib + chemo (n=268): 54.9% | Placebo + chemo (n=271): 55.4%",
            ["quizartinib"],
            "54.9%",
        ),
        # gastric cancer
        (
            "ORR zolbetuximab vs chemo alone?",
            "Confirmed ORR | Zolbetuximab + chemo (n=283): 48.1% | Placebo + chemo (n=282): 47.5%",
            ["zolbetuximab"],
            "48.1%",
        ),
    ],
)
def test_versus_chemo_alone_is_the_placebo_and_chemotherapy_column(
    vocab, question, row, drugs, expected
):
    answer = _answer_in(vocab, question, [row], drugs)
    assert answer.status == "answered" and expected in answer.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "other"),
    [
        # ovarian cancer: patients by their response to platinum, a part of the population
        (
            "pts in PR after platinum - mPFS on olaparib?",
            [
                "Among those in complete response, median PFS was 75.0 vs 15.3 months.",
                "Among those in partial response, median PFS was 29.4 vs 8.4 months (HR 0.31).",
            ],
            ["olaparib"],
            "29.4",
            "75.0",
        ),
        # AML: those in complete remission
        (
            "mDFS in pts in CR, mido vs pbo?",
            [
                "Among patients in complete remission, median disease-free survival was 26.7 "
                "months versus 15.5 months.",
                "The CR rate was 59% versus 54%.",
            ],
            ["midostaurin"],
            "26.7",
            "59%",
        ),
    ],
)
def test_patients_in_a_response_are_a_part_of_the_population(
    vocab, question, sentences, drugs, expected, other
):
    answer = _answer_in(vocab, question, sentences, drugs)
    assert answer.status == "answered" and expected in answer.text and other not in answer.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "interim"),
    [
        # lung cancer: the update asked, only the first interim analysis's figure reported
        (
            "5y update: mOS pembro?",
            [
                "At the first interim analysis, median OS was 15.9 months with pembrolizumab "
                "versus 11.3 months with placebo.",
                "The five-year update was presented at the meeting.",
            ],
            ["pembrolizumab"],
            "15.9",
        ),
        # urothelial cancer
        (
            "updated mOS w/ enfortumab vedotin?",
            [
                "At the interim analysis, median OS was 12.88 months with enfortumab vedotin.",
                "An updated analysis was presented at the meeting.",
            ],
            ["enfortumab vedotin"],
            "12.88",
        ),
    ],
)
def test_an_interim_analysis_does_not_answer_for_the_update(
    vocab, question, sentences, drugs, interim
):
    answer = _answer_in(vocab, question, sentences, drugs)
    assert answer.status == "not_found" and interim not in answer.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # kidney cancer (three arms): lenvatinib plus everolimus asked, the P value of
        # lenvatinib plus pembrolizumab against the same comparator reported
        (
            "p-value for OS, len-eve vs sunitinib?",
            "OS was significantly longer with lenvatinib plus pembrolizumab than with sunitinib "
            "(HR for death 0.66; 95% CI, 0.49-0.88; P=.005).",
            ["lenvatinib", "everolimus", "pembrolizumab", "sunitinib"],
        ),
        # breast cancer: another CDK4/6 inhibitor's comparison with the same control
        (
            "PFS HR ribociclib vs placebo?",
            "PFS was longer with palbociclib plus letrozole than with placebo plus letrozole "
            "(HR 0.58; 95% CI, 0.46-0.72).",
            ["ribociclib", "palbociclib", "letrozole"],
        ),
    ],
)
def test_a_statistic_of_another_arm_against_the_same_comparator_is_refused(
    vocab, question, sentence, drugs
):
    assert _answer_in(vocab, question, [sentence], drugs).status == "not_found"


def test_a_formulation_clipped_in_a_question_is_that_formulation(vocab):
    from bot.answer.extractive import _drugs_named

    # lung cancer: "nab-pac" is nab-paclitaxel, not paclitaxel
    drugs = ["pembrolizumab", "paclitaxel", "carboplatin", "nab-paclitaxel"]
    assert _drugs_named("nab-pac dose and schedule?", drugs, vocab) == {"nab-paclitaxel"}
    assert _drugs_named("paclitaxel 200 mg/m2 on day 1", drugs, vocab) == {"paclitaxel"}
    # CLL: a combination written with a hyphen is still its two drugs
    drugs = ["venetoclax", "obinutuzumab", "chlorambucil"]
    assert _drugs_named("chlorambucil-obinutuzumab arm", drugs, vocab) == {
        "chlorambucil",
        "obinutuzumab",
    }


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected"),
    [
        # CLL: the ramp-up's last step is venetoclax's dose, not a drug called "finally"
        (
            "venetoclax target dose?",
            "Venetoclax starts with a five-week ramp-up: 20 mg daily for a week, then 50, 100, "
            "200, and finally 400 mg once daily.",
            ["venetoclax"],
            "400 mg",
        ),
        # AML
        (
            "gilteritinib dose?",
            "Gilteritinib was given orally and subsequently 120 mg once daily.",
            ["gilteritinib"],
            "120 mg",
        ),
    ],
)
def test_an_adverb_before_a_dose_is_no_drug_of_its_own(vocab, question, sentence, drugs, expected):
    from bot.answer.question import analyze
    from index.figures import extract_figures

    engine, s, context = _engine_sentence_context(vocab, drugs, sentence)
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == expected)
    assert not engine._other_drugs_dose(analyze(question, vocab), s, fig, context)


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "any_grade"),
    [
        # large B-cell lymphoma: the grade asked has a value of its own after everyone's
        (
            "grade 3 neuro events w/ Breyanzi?",
            "Neurologic events were reported in 11% of patients, with grade 3 events in 4% and "
            "no grade 4 or 5 events.",
            ["lisocabtagene"],
            "4%",
            "11%",
        ),
        # myeloma
        (
            "grade 3/4 neurotox rate after ide-cel?",
            "Neurotoxic events occurred in 15% of patients, with grade 3 or 4 events in 3%.",
            ["idecabtagene"],
            "3%",
            "15%",
        ),
    ],
)
def test_an_events_rate_of_any_grade_does_not_answer_for_the_grade_said_after_it(
    vocab, question, sentence, drugs, expected, any_grade
):
    answer = _answer_in(vocab, question, [sentence], drugs)
    assert answer.status == "answered" and f": {expected}" in answer.text
    assert any_grade not in answer.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected"),
    [
        # adjuvant melanoma: recurrence-free survival reported as "recurrence or death"
        (
            "RFS HR nivo vs ipi?",
            "The hazard ratio for recurrence or death was 0.65 (97.56% CI, 0.51-0.83; P<0.001).",
            ["nivolumab", "ipilimumab"],
            "0.65",
        ),
        # adjuvant kidney cancer: disease-free survival asked, recurrence-free survival said
        (
            "DFS HR with pembrolizumab?",
            "The hazard ratio for recurrence-free survival was 0.68 (95% CI, 0.53-0.87).",
            ["pembrolizumab"],
            "0.68",
        ),
    ],
)
def test_disease_free_and_recurrence_free_survival_answer_for_each_other(
    vocab, question, sentence, drugs, expected
):
    answer = _answer_in(vocab, question, [sentence], drugs)
    assert answer.status == "answered" and expected in answer.text


def _engine_sentence_context(vocab, drugs, text):
    from bot.answer.extractive import ExtractiveEngine, _ArticleContext
    from bot.answer.passages import Sentence
    from index.store import ArticleRecord

    article = ArticleRecord("a", "Report", "s", "2026-01-01", 1, {"drugs": drugs})
    context = _ArticleContext(text={"a": text}, settings={}, values={})
    return ExtractiveEngine(vocab), Sentence(article, 0, len(text), text, 0), context


@pytest.mark.parametrize(
    ("text", "drugs", "control"),
    [
        # liver cancer: the arms compared with sorafenib, never sorafenib with them
        (
            "Atezolizumab plus bevacizumab improved overall survival versus sorafenib. Median "
            "OS was 19.2 vs 13.4 months. Bleeding occurred in 7.0% with atezolizumab vs 4.5% "
            "with sorafenib.",
            ["atezolizumab", "bevacizumab", "sorafenib"],
            {"sorafenib"},
        ),
        # kidney cancer: "compared with"; a population's drug before a value names no arm
        (
            "Cabozantinib prolonged PFS compared with everolimus. In the prior-nivolumab "
            "population, ORR was 21% with cabozantinib vs 5% with everolimus.",
            ["cabozantinib", "everolimus", "nivolumab"],
            {"everolimus"},
        ),
    ],
)
def test_the_drugs_an_article_compares_its_arms_with_are_its_control_arms(
    vocab, text, drugs, control
):
    engine, s, context = _engine_sentence_context(vocab, drugs, text)
    assert engine._sides(s, context)[1] == control


def test_an_unnamed_pairs_first_value_is_not_the_control_arms_beside_other_pairs(vocab):
    from index.figures import extract_figures

    # liver cancer: the pair of medians goes on with a pair of rates; both compare the arms
    text = "Median PFS was 6.8 months vs 4.3 months, and the 6-month rate was 54.5% vs 37.2%."
    engine, s, _ = _engine_sentence_context(vocab, ["sorafenib"], text)
    figs = {f.value: f for f in extract_figures(text, vocab)}
    assert engine._pair_of_other_arm(s, figs["6.8 months"], {"sorafenib"}, True, True)
    assert not engine._pair_of_other_arm(s, figs["4.3 months"], {"sorafenib"}, True, True)
    # kidney cancer: the same with an ORR pair after a PFS pair
    text = "Median PFS was 7.4 months vs 3.8 months, and the ORR was 21% vs 5%."
    engine, s, _ = _engine_sentence_context(vocab, ["everolimus"], text)
    figs = {f.value: f for f in extract_figures(text, vocab)}
    assert engine._pair_of_other_arm(s, figs["7.4 months"], {"everolimus"}, True, True)


def test_a_rows_values_of_one_label_are_shown_with_their_column_headers(vocab):
    # AML: the row names the subgroup, the headers the arms
    rows = [
        "Preselected high-intensity chemo | Gilteritinib median OS: 9.3 months | "
        "Chemotherapy median OS: 6.2 months | HR (95% CI): 0.66 (0.47-0.93)"
    ]
    answer = _answer_in(
        vocab, "mOS in the high-intensity preselected subgroup?", rows, ["gilteritinib"]
    )
    assert "Gilteritinib median OS: 9.3" in answer.text
    assert "Chemotherapy median OS: 6.2" in answer.text
    # oesophageal cancer
    rows = [
        "All randomised (n=749) | Median OS, pembrolizumab + chemo: 12.4 mo | "
        "Median OS, placebo + chemo: 9.8 mo | HR (95% CI): 0.73 (0.62-0.86)"
    ]
    answer = _answer_in(vocab, "mOS in all randomised pts?", rows, ["pembrolizumab"])
    assert "Median OS, placebo + chemo: 9.8" in answer.text


def test_a_lead_keeps_an_abbreviations_small_first_letter(vocab):
    from bot.answer.extractive import _capital

    assert (
        _capital("mPFS") == "mPFS"
        and _capital("uMRD, of those on Clb-Obi") == "uMRD, of those on Clb-Obi"
    )
    assert _capital("median PFS") == "Median PFS" and _capital("HR") == "HR"


def _answer(vocab, question, text, drugs, title="Trial report"):
    """The engine's answer to ``question`` from one article of ``text``, read whole."""
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import section_headings, sentences_of
    from bot.answer.question import analyze
    from index.search import Hit
    from index.store import ArticleRecord, ChunkRecord

    article = ArticleRecord("a1", title, "report.md", "2026-01-01", 1, {"drugs": drugs})
    chunk = ChunkRecord("a1:0", "a1", 0, 0, len(text), text)
    headings = section_headings([chunk])
    sentences = sentences_of([Hit(chunk, article, 1.0)], lambda _: headings)
    return ExtractiveEngine(vocab).answer(analyze(question, vocab), sentences)


def test_an_endpoint_carries_from_a_sentence_without_figures(vocab):
    # ALK-positive lung cancer: "it was 9.1 months", the hazard ratio named after it
    lung = (
        "Median follow-up for PFS was 60.2 months in the lorlatinib arm and 55.1 months in the "
        "crizotinib arm. Median PFS had still not been reached with lorlatinib. In the "
        "crizotinib arm, it was 9.1 months, with a hazard ratio of 0.19."
    )
    draft = _answer(vocab, "mPFS on the crizotinib arm?", lung, ["lorlatinib", "crizotinib"])
    assert draft.status == "answered" and "9.1 months" in draft.text
    assert "55.1" not in draft.text
    # renal cancer: the same shape with OS
    renal = (
        "Median overall survival was not reached with the combination. With sunitinib alone, "
        "it was 33.7 months, with a hazard ratio of 0.72."
    )
    draft = _answer(vocab, "median OS with sunitinib?", renal, ["lenvatinib", "sunitinib"])
    assert draft.status == "answered" and "33.7 months" in draft.text


def test_a_lettered_cohort_asked_is_answered_by_that_cohorts_figure(vocab):
    # prostate cancer: cohort A's median, not everyone's (cohorts A and B)
    prostate = (
        "In cohort A, median rPFS was 7.4 months with olaparib vs 3.6 months with the control "
        "drugs. In the overall population (cohorts A and B), median rPFS was 5.8 vs 3.5 months."
    )
    draft = _answer(vocab, "cohort A mrPFS on olaparib?", prostate, ["olaparib"])
    assert draft.status == "answered" and "7.4" in draft.text and "5.8" not in draft.text
    # lung cancer: a part of the trial by its letter
    lung = (
        "In Part A, the ORR with the drug was 61% among treatment-naive patients. In Part B, "
        "among pretreated patients, the ORR was 49%."
    )
    draft = _answer(vocab, "Part B ORR w/ selpercatinib?", lung, ["selpercatinib"])
    assert draft.status == "answered" and "49%" in draft.text and "61%" not in draft.text


def test_a_part_counted_after_everyone_answers_how_many_of_that_part(vocab):
    # kidney cancer: the intermediate/poor-risk count, not everyone's
    kidney = (
        "Of the 1,096 patients (550 nivo+ipi, 546 sunitinib), 847 had intermediate- or "
        "poor-risk disease (425 and 422, respectively)."
    )
    draft = _answer(vocab, "how many int/poor risk pts were randomized?", kidney, ["nivolumab"])
    assert draft.status == "answered" and "847" in draft.text and "1,096" not in draft.text
    # lung cancer: likewise, by histology
    lung = "Among the 1,150 randomized patients, 660 had squamous tumours."
    draft = _answer(vocab, "how many squamous pts were randomized?", lung, ["pembrolizumab"])
    assert draft.status == "answered" and "660" in draft.text and "1,150" not in draft.text


@pytest.mark.parametrize(
    ("question", "row", "bound"),
    [
        # lung cancer: a CI in the cell with its level and name
        (
            "upper bound of the CI for the OS HR in the overall IB-IIIA population?",
            "5-yr OS, stage IB-IIIA | Osimertinib: 88% | Placebo: 78% | HR (CI): 0.49 "
            "(95.03% CI 0.34-0.70)",
            "0.70",
        ),
        # oesophageal cancer: likewise, with a P value in the brackets
        (
            "upper CI bound for the OS HR, TC PD-L1 >=1%?",
            "TC PD-L1 >=1% | Median OS, nivolumab: 13.7 | HR: 0.64 (95% CI, 0.46-0.90; P=0.001)",
            "0.90",
        ),
    ],
)
def test_a_ci_bound_asked_is_read_from_a_table_cell(question, row, bound, vocab):
    draft = _answer_in(vocab, question, [row], ["osimertinib", "nivolumab"])
    assert draft.status == "answered" and bound in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # thyroid cancer: the grade 3 rate in brackets is hypertension's, not every event's
        (
            "G3+ TRAEs lenvatinib vs placebo",
            "Hypertension was the most common toxicity, reported in 67.8% of patients on "
            "lenvatinib (grade 3 or higher in 41.8%), followed by diarrhea (59.4%).",
            ["lenvatinib"],
        ),
        # liver cancer: likewise with diarrhoea
        (
            "grade 3+ AEs w/ cabozantinib?",
            "Palmar-plantar erythrodysesthesia was the most common toxicity, reported in 46% "
            "of patients on cabozantinib (grade 3 or higher in 17%), followed by diarrhoea (54%).",
            ["cabozantinib"],
        ),
    ],
)
def test_a_grades_rate_in_brackets_after_an_events_rate_is_that_events(
    question, sentence, drugs, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "dose", "other"),
    [
        # prostate cancer: the drug asked is the one named before "given with"
        (
            "prednisone schedule given with abiraterone?",
            "Patients received niraparib 200 mg or placebo, each given with abiraterone acetate "
            "1,000 mg orally once daily plus prednisone 10 mg daily.",
            ["niraparib", "abiraterone", "prednisone"],
            "10 mg",
            "1,000 mg",
        ),
        # myeloma: likewise
        (
            "dexamethasone dose w/ daratumumab?",
            "Daratumumab was given at 16 mg/kg weekly, with lenalidomide 25 mg on days 1-21 "
            "and dexamethasone 40 mg weekly.",
            ["daratumumab", "lenalidomide", "dexamethasone"],
            "40 mg",
            "16 mg/kg",
        ),
    ],
)
def test_the_drug_a_dose_question_names_before_with_is_the_one_asked(
    question, sentence, drugs, dose, other, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and dose in draft.text and other not in draft.text


def test_a_ratio_said_as_it_in_the_next_sentence_is_that_subgroups(vocab):
    # glioma: the second subgroup's HR, said as "it was", its CI in words
    glioma = (
        "In the oligodendroglioma subgroup the hazard ratio for progression was 0.48 (95% CI, "
        "0.29-0.80). In the astrocytomas, it was 0.35, with a confidence interval of 0.21 to 0.58."
    )
    draft = _answer(vocab, "what was the HR in the astrocytoma subgroup", glioma, ["vorasidenib"])
    assert draft.status == "answered" and "0.35" in draft.text and "0.48" not in draft.text
    # lung cancer: likewise, by histology
    lung = (
        "In patients with non-squamous tumours the hazard ratio for death was 0.62 (95% CI, "
        "0.50-0.77). Among squamous tumours it was 0.71, with a 95% CI of 0.55 to 0.92."
    )
    draft = _answer(vocab, "OS HR in squamous tumours?", lung, ["pembrolizumab"])
    assert draft.status == "answered" and "0.71" in draft.text and "0.62" not in draft.text


GASTRIC = """# Nivolumab plus chemotherapy in gastric cancer

## Primary endpoints (PD-L1 CPS ≥5)

Median OS was 14.4 months in the nivolumab arm and 11.1 months in the chemotherapy arm.

## All randomized patients

Across all 1581 randomized patients, median OS was 13.8 months with nivolumab plus chemotherapy \
and 11.6 months with chemotherapy alone.
"""

ENDOMETRIAL = """# Dostarlimab in endometrial cancer

## Overall population

Median PFS was 11.8 months with dostarlimab and 7.9 months with placebo.

## dMMR/MSI-H population

Median PFS was 30.3 months with dostarlimab and 7.7 months with placebo.
"""


def test_a_section_heading_says_whose_figures_follow(vocab):
    # gastric cancer: a score cut-off in the heading; the all-randomized figure is not the answer
    gastric = ["nivolumab"]
    draft = _answer(vocab, "mOS w/ chemo alone in the CPS 5+ group?", GASTRIC, gastric)
    assert draft.status == "answered" and "11.1 months" in draft.text
    draft = _answer(vocab, "mOS w/ chemo alone, all randomized?", GASTRIC, gastric)
    assert draft.status == "answered" and "11.6 months" in draft.text
    # endometrial cancer: a biomarker population in the heading
    endometrial = ["dostarlimab"]
    draft = _answer(vocab, "mPFS w/ placebo in the dMMR group?", ENDOMETRIAL, endometrial)
    assert draft.status == "answered" and "7.7 months" in draft.text
    draft = _answer(vocab, "median PFS placebo arm overall population?", ENDOMETRIAL, endometrial)
    assert draft.status == "answered" and "7.9 months" in draft.text


def test_the_whole_trials_figure_does_not_answer_for_a_part_of_it(vocab):
    # gastric cancer: no section about CPS >=10, and only the all-randomized figure in the text
    only_all = "Across all 1581 randomized patients, median PFS was 7.7 months versus 6.9 months."
    draft = _answer(vocab, "mPFS in the CPS ≥10 subgroup?", only_all, ["nivolumab"])
    assert draft.status == "not_found"
    # hepatocellular carcinoma: the ITT figure does not answer for HBV patients
    hcc = "In the intention-to-treat population, the hazard ratio for death was 0.78."
    draft = _answer(vocab, "OS HR among HBV patients?", hcc, ["durvalumab", "tremelimumab"])
    assert draft.status == "not_found"


def test_a_listed_value_has_its_lists_grade(vocab):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.question import analyze
    from index.figures import extract_figures

    engine = ExtractiveEngine(vocab)
    # Hodgkin lymphoma: "grade 3 or higher neuropathy in 11% vs 2%": both are severe-grade
    text = "Neuropathy was frequent (67% vs 43%), including grade 3 or higher in 11% vs 2%."
    figs = {f.value: f for f in extract_figures(text, vocab)}
    question = analyze("any grade PN w/ A+AVD vs ABVD?", vocab)
    assert engine._grade_unasked(question, figs["2%"], text)
    assert not engine._grade_unasked(question, figs["43%"], text)
    # breast cancer: "grade 3 diarrhea in 7.6% and 0.2%"
    text2 = "Diarrhea occurred in 83.5% and 8.6%; grade 3 or higher diarrhea in 7.6% and 0.2%."
    figs2 = {f.value: f for f in extract_figures(text2, vocab)}
    assert engine._grade_unasked(analyze("diarrhea rate?", vocab), figs2["0.2%"], text2)
    assert not engine._grade_unasked(analyze("diarrhea rate?", vocab), figs2["8.6%"], text2)


def test_an_age_subgroups_figure_answers_that_age_only(vocab):
    hodgkin = (
        "The hazard ratio for death was 0.59. The benefit was most pronounced in patients "
        "younger than 60 years, in whom the OS hazard ratio was 0.51."
    )
    drugs = ["brentuximab"]
    assert "0.51" in _answer(vocab, "OS HR in pts <60 yo?", hodgkin, drugs).text
    assert "0.59" in _answer(vocab, "OS HR with brentuximab?", hodgkin, drugs).text
    # prostate cancer: an older group's figure is not the younger group's
    prostate = "Among men 75 years or older, the rPFS hazard ratio was 0.62."
    assert _answer(vocab, "rPFS HR in pts <75?", prostate, ["enzalutamide"]).status == "not_found"


def test_a_brand_the_article_does_not_name_still_names_its_drug(vocab):
    # renal cancer and lung cancer: the vocabulary's brands, not the article's
    assert _drugs_named("ORR with Lenvima + Keytruda?", ["lenvatinib"], vocab) == {
        "lenvatinib",
        "pembrolizumab",
    }
    assert _drugs_named("tagrisso PFS", [], vocab) == {"osimertinib"}


def test_a_question_naming_no_trial_is_ambiguous_when_two_trials_report_it(vocab):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    def sentence(article_id, drugs, text):
        article = ArticleRecord(article_id, article_id, "s", "2026-01-01", 1, {"drugs": drugs})
        return Sentence(article, 0, len(text), text, 0)

    # colorectal cancer and gastric cancer articles both report a chemotherapy arm's median PFS
    crc = sentence("crc", ["nivolumab"], "Median PFS was 5.9 months with chemotherapy.")
    gastric = sentence("gc", ["nivolumab"], "Median PFS was 6.9 months with chemotherapy alone.")
    q = analyze("mPFS on the chemo arm?", vocab)
    q.scoped = False
    assert ExtractiveEngine(vocab).answer(q, [crc, gastric]).status == "not_found"
    # the same question about one article (named, or the only one indexed) is answered
    q.scoped = True
    assert "5.9 months" in ExtractiveEngine(vocab).answer(q, [crc]).text


def test_what_a_question_counts_is_not_the_drug_it_names(vocab):
    # myeloma CAR-T and breast cancer: "cilta-cel" and "abema" say whose figure, not what
    text = (
        "Among the 176 patients who received cilta-cel, cytokine release syndrome occurred in "
        "76.1%. Cranial nerve palsy occurred in 9.1%."
    )
    draft = _answer(vocab, "cranial nerve palsy incidence w/ cilta-cel", text, ["ciltacabtagene"])
    assert "9.1%" in draft.text and "76.1" not in draft.text
    breast = "Among patients given abemaciclib, diarrhea occurred in 83.5%; VTE occurred in 2.5%."
    draft = _answer(vocab, "VTE incidence w/ abema?", breast, ["abemaciclib"])
    assert "2.5%" in draft.text


COLORECTAL = """# Dual checkpoint blockade in MSI-H colorectal cancer

## Versus chemotherapy (first line)

| Endpoint | Nivo + ipi (n=171) | Chemotherapy (n=84) |
|---|---|---|
| 24-month PFS rate | 72% | 14% |

## Versus nivolumab monotherapy (all lines)

| Endpoint | Nivo + ipi (n=296) | Nivo (n=286) |
|---|---|---|
| 24-month PFS rate | 71% | 56% |
"""

COLORECTAL_SAFETY = """Nivolumab plus ipilimumab was compared with chemotherapy and with nivolumab.

| Endpoint | Nivo + ipi (n=171) | Chemotherapy (n=84) |
|---|---|---|
| Grade 3/4 TRAEs | 23% | 48% |

Grade 3/4 TRAEs were reported in 22% of the nivo + ipi arm and 14% of the nivolumab arm.
"""

HEAD_AND_NECK = """# Pembrolizumab in head and neck cancer

## Pembrolizumab alone

In the CPS ≥20 population, the hazard ratio for death was 0.61.

## Pembrolizumab plus chemotherapy

In the CPS ≥20 population, the hazard ratio for death was 0.60.
"""


def _roundup_answer(vocab, question, text, drugs, trials):
    """The engine's answer from one round-up article of two trials, read whole."""
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import section_headings, sentences_of
    from bot.answer.question import analyze
    from index.search import Hit
    from index.store import ArticleRecord, ChunkRecord

    meta = {"drugs": drugs, "trials": trials}
    article = ArticleRecord("a1", "Round-up", "roundup.md", "2026-01-01", 1, meta)
    chunk = ChunkRecord("a1:0", "a1", 0, 0, len(text), text)
    headings = section_headings([chunk])
    sentences = sentences_of([Hit(chunk, article, 1.0)], lambda _: headings)
    q = analyze(question, vocab)
    q.trials = [t for t in trials if t.casefold() in question.casefold()]
    return ExtractiveEngine(vocab).answer(q, sentences)


BREAST_ROUNDUP = """# Two adjuvant trials in early breast cancer

## OlympiA: olaparib in HER2-negative, BRCA-mutated disease

In the triple-negative subgroup, 3-year IDFS was 83.0% with olaparib vs 73.5% with placebo.

## NATALEE: three years of ribociclib for a broad HR-positive population

At the interim analysis, 3-year iDFS was 90.4% with ribociclib plus NSAI vs 87.1% with NSAI alone.
"""

LUNG_ROUNDUP = """# Two trials in EGFR-mutated lung cancer

## MARIPOSA: amivantamab and lazertinib in the second line and beyond

Median PFS was 23.7 months with the combination vs 16.6 months with osimertinib.

## LAURA: first-line osimertinib after chemoradiotherapy in stage III disease

Median PFS was 39.1 months with osimertinib vs 5.6 months with placebo.
"""


@pytest.mark.parametrize(
    ("question", "text", "drugs", "trials", "expected"),
    [
        # breast cancer: the section names its trial's whole population, no subgroup of it
        (
            "NATALEE 3-yr iDFS ribo + NSAI?",
            BREAST_ROUNDUP,
            ["olaparib", "ribociclib"],
            ["OlympiA", "NATALEE"],
            "90.4%",
        ),
        # lung cancer: "first-line" is who LAURA enrolled, whatever the other trial's line
        (
            "LAURA mPFS with osimertinib?",
            LUNG_ROUNDUP,
            ["osimertinib", "amivantamab", "lazertinib"],
            ["MARIPOSA", "LAURA"],
            "39.1",
        ),
    ],
)
def test_a_round_up_sections_heading_names_its_trials_patients_not_a_subgroup(
    question, text, drugs, trials, expected, vocab
):
    draft = _roundup_answer(vocab, question, text, drugs, trials)
    assert expected in draft.text, draft.text


def _table_answer(vocab, question, markdown, drugs):
    from index.tables import linearize_tables

    return _answer(vocab, question, linearize_tables(markdown), drugs)


def test_a_question_about_one_comparison_takes_that_comparisons_figure(vocab):
    # colorectal cancer: the combination arm in two comparisons
    drugs = ["nivolumab", "ipilimumab"]
    draft = _table_answer(
        vocab, "2-yr PFS rate nivo/ipi in the chemo comparison", COLORECTAL, drugs
    )
    assert "72%" in draft.text and "71%" not in draft.text
    draft = _table_answer(vocab, "24-mo PFS nivo+ipi vs nivo?", COLORECTAL, drugs)
    assert "71%" in draft.text and "72%" not in draft.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "expected"),
    [
        # colorectal cancer: nivolumab alone and chemotherapy are arms, never together
        ("G3-4 TRAEs with nivo plus chemo?", COLORECTAL_SAFETY, ["nivolumab", "ipilimumab"], None),
        (
            "G3-4 TRAEs with nivo plus chemo?",
            "Nivolumab plus chemotherapy was compared with chemotherapy. Grade 3-4 TRAEs were "
            "reported in 59% of the nivolumab plus chemotherapy arm and 44% of the "
            "chemotherapy arm.",
            ["nivolumab"],
            "59%",
        ),
        # lung cancer: atezolizumab alone against chemotherapy
        (
            "ORR atezo + chemo?",
            "Atezolizumab was compared with platinum-based chemotherapy. The ORR was 38% with "
            "atezolizumab and 29% with chemotherapy.",
            ["atezolizumab"],
            None,
        ),
        (
            "ORR atezo + chemo?",
            "Atezolizumab plus chemotherapy was compared with chemotherapy alone. The ORR was "
            "49% with atezolizumab plus chemotherapy and 41% with chemotherapy alone.",
            ["atezolizumab"],
            "49%",
        ),
    ],
)
def test_a_combination_asked_is_an_arm_only_where_the_trial_gives_it(
    question, text, drugs, expected, vocab
):
    draft = _answer(vocab, question, text, drugs)
    if expected is None:
        assert draft.status == "not_found"
    else:
        assert expected in draft.text


def test_a_figure_that_names_no_arm_is_its_sections(vocab):
    # head-and-neck cancer: "Pembrolizumab alone" and "... plus chemotherapy" sections
    drugs = ["pembrolizumab", "cetuximab"]
    draft = _answer(vocab, "OS HR pembro alone vs cetux/chemo, CPS 20+?", HEAD_AND_NECK, drugs)
    assert "0.61" in draft.text
    draft = _answer(vocab, "OS HR pembro + chemo vs EXTREME, CPS 20+?", HEAD_AND_NECK, drugs)
    assert "0.60" in draft.text


def test_an_arm_named_without_its_backbone_is_still_that_arm(vocab):
    # acute myeloid leukaemia: "the venetoclax group" is venetoclax plus azacitidine, because
    # azacitidine is given in the control arm too
    aml = (
        "Patients received azacitidine plus venetoclax or azacitidine plus placebo. Median OS "
        "was 14.7 months in the venetoclax group. With azacitidine alone it was 9.6 months."
    )
    draft = _answer(vocab, "mOS w/ ven/aza?", aml, ["venetoclax", "azacitidine"])
    assert "14.7 months" in draft.text
    # melanoma: nivolumab is the control arm's drug, relatlimab is not; "patients receiving
    # nivolumab" is the control arm and does not answer for the combination
    melanoma = (
        "Patients received nivolumab plus relatlimab or nivolumab alone. Median PFS was 10.1 "
        "months in patients receiving nivolumab."
    )
    draft = _answer(vocab, "mPFS nivo + rela?", melanoma, ["nivolumab", "relatlimab"])
    assert draft.status == "not_found"


def test_a_clipped_name_of_three_letters_names_the_one_drug_it_starts(vocab):
    # mesothelioma and colorectal cancer: "ipi", "bev"
    assert _drugs_named("ipi dosing in CM 743?", ["nivolumab", "ipilimumab"], vocab) == {
        "ipilimumab"
    }
    assert _drugs_named("bev dose", ["trifluridine", "bevacizumab"], vocab) == {"bevacizumab"}
    # two drugs start the same way: neither is meant for sure
    assert _drugs_named("pem dose?", ["pemetrexed", "pembrolizumab"], vocab) == set()


def test_an_estimate_carries_the_statistic_the_sentence_before_reported(vocab):
    # hepatocellular carcinoma: "the hazard ratio for death ... 0.64", then "the estimate was"
    hcc = (
        "In patients with hepatitis B virus (HBV) infection, the hazard ratio for death versus "
        "sorafenib was 0.64 (95% CI, 0.48-0.86). It was 0.74 among those with nonviral HCC. For "
        "patients with hepatitis C virus (HCV), the estimate was 1.06 (95% CI, 0.76-1.49)."
    )
    drugs = ["durvalumab", "tremelimumab", "sorafenib"]
    assert "1.06" in _answer(vocab, "did STRIDE help in hep C? HR?", hcc, drugs).text
    assert "0.64" in _answer(vocab, "OS HR in HBV pts?", hcc, drugs).text
    # lung cancer: the same by age
    lung = (
        "Among patients aged 65 or older, the hazard ratio for progression was 0.52. In "
        "patients younger than 65 years, the estimate was 0.91 (95% CI, 0.70-1.18)."
    )
    assert "0.91" in _answer(vocab, "PFS HR in pts <65?", lung, ["osimertinib"]).text


def test_a_numbered_cohort_is_a_part_of_the_population(vocab):
    # breast cancer: the cohort 1 figure answers cohort 1 only; ovarian cancer: part 2
    breast = (
        "The hazard ratio for IDFS was 0.680 (95% CI, 0.599-0.772). In Cohort 1, the rates were "
        "82.7% and 74.6% (HR 0.666; 95% CI, 0.585-0.759)."
    )
    drugs = ["abemaciclib"]
    assert "0.680" in _answer(vocab, "IDFS HR abema vs ET?", breast, drugs).text
    assert "0.666" in _answer(vocab, "IDFS HR in cohort 1?", breast, drugs).text
    ovarian = "The PFS hazard ratio was 0.59. In Part 2, the PFS hazard ratio was 0.41."
    assert "0.59" in _answer(vocab, "PFS HR with olaparib?", ovarian, ["olaparib"]).text


def test_a_coded_trial_name_is_satisfied_by_the_articles_trial(vocab):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    # colorectal cancer: "8HW" is CheckMate 8HW, which the article is about
    meta = {"drugs": ["nivolumab", "ipilimumab"], "trials": ["CheckMate 8HW"]}
    article = ArticleRecord("c", "Meeting report", "s", "2026-01-01", 1, meta)
    text = "The combination improved PFS, with a hazard ratio of 0.62 (95% CI, 0.48-0.81)."
    q = analyze("PFS HR nivo/ipi in 8HW", vocab)
    draft = ExtractiveEngine(vocab).answer(q, [Sentence(article, 0, len(text), text, 0)])
    assert "0.62" in draft.text


def test_an_opening_with_clause_names_the_figures_arm(vocab):
    # renal cancer: "With lenvatinib plus everolimus, median PFS was 14.7 months"
    renal = (
        "Median PFS was 23.9 months with lenvatinib plus pembrolizumab vs 9.2 months with "
        "sunitinib. With lenvatinib plus everolimus, median PFS was 14.7 months."
    )
    drugs = ["lenvatinib", "pembrolizumab", "everolimus", "sunitinib"]
    draft = _answer(vocab, "sunitinib mPFS?", renal, drugs)
    assert "9.2 months" in draft.text and "14.7" not in draft.text
    # colorectal cancer: a compound arm name, "trifluridine/tipiracil-plus-bevacizumab group"
    crc = (
        "Median overall survival was 10.8 months in the "
        "trifluridine/tipiracil-plus-bevacizumab group."
    )
    drugs = ["trifluridine", "tipiracil", "bevacizumab"]
    assert "10.8" in _answer(vocab, "mOS lonsurf + bev?", crc, drugs).text


def test_a_combination_by_its_initials_or_a_hyphened_pair_names_its_drugs(vocab):
    # renal cancer and myeloma: "L+P", "D+VRd"-style initials; "lenvatinib-everolimus"
    renal = ["lenvatinib", "pembrolizumab", "everolimus", "sunitinib"]
    assert _drugs_named("OS HR for L+P vs sunitinib", renal, vocab) >= {
        "lenvatinib",
        "pembrolizumab",
    }
    assert _drugs_named("the lenvatinib-everolimus combination", renal, vocab) == {
        "lenvatinib",
        "everolimus",
    }
    aml = ["venetoclax", "azacitidine"]
    assert _drugs_named("CR with venetoclax-azacitidine", aml, vocab) == set(aml)
    # "d/t" is "due to", and a trial's code is no pair of drugs
    lung = ["durvalumab", "tremelimumab"]
    assert _drugs_named("pts who stopped d/t AEs", lung, vocab) == set()
    melanoma = ["relatlimab", "nivolumab"]
    assert _drugs_named("ORR in rela-047", melanoma, vocab) == set()


def test_a_table_row_that_says_its_comparator_answers_for_it(vocab):
    # renal cancer: "OS HR vs sunitinib" with the two experimental arms as columns
    renal = (
        "OS HR vs sunitinib (95% CI) | Lenvatinib + pembrolizumab (n = 355): 0.66 (0.49-0.88) "
        "| Lenvatinib + everolimus (n = 357): 1.15 (0.88-1.50)"
    )
    drugs = ["lenvatinib", "pembrolizumab", "everolimus", "sunitinib"]
    assert "0.66" in _answer(vocab, "OS HR for L+P vs sunitinib", renal, drugs).text
    # melanoma: the comparator a row does not name is another comparison
    melanoma = "PFS HR vs ipilimumab | Nivolumab + ipilimumab: 0.42 | Nivolumab: 0.55"
    draft = _answer(vocab, "PFS HR nivo+ipi vs chemo?", melanoma, ["nivolumab", "ipilimumab"])
    assert draft.status == "not_found"


def test_a_dose_goes_with_what_is_said_after_it(vocab):
    # gastric cancer: one drug, two doses, each with its backbone
    gastric = (
        "Nivolumab was given at 360 mg every 3 weeks with XELOX (capecitabine 1000 mg/m2 twice "
        "daily plus oxaliplatin 130 mg/m2 on day 1), or at 240 mg every 2 weeks with FOLFOX."
    )
    drugs = ["nivolumab", "capecitabine", "oxaliplatin"]
    assert "360 mg" in _answer(vocab, "nivo dose when combined with XELOX?", gastric, drugs).text
    assert "240 mg" in _answer(vocab, "nivo dose with FOLFOX?", gastric, drugs).text
    # colorectal cancer: bevacizumab by schedule
    crc = (
        "Bevacizumab was dosed at 5 mg/kg every 2 weeks with FOLFIRI, or 7.5 mg/kg every 3 weeks "
        "with CAPOX."
    )
    assert "7.5 mg/kg" in _answer(vocab, "bev dose with CAPOX?", crc, ["bevacizumab"]).text


def test_a_count_of_randomized_patients_is_not_a_count_of_treated_ones(vocab):
    # myeloma: 419 randomized, 176 infused; melanoma: 714 enrolled, 355 evaluable
    myeloma = (
        "A total of 419 patients were randomized 1:1. Among the 176 patients who received "
        "cilta-cel as study treatment, CRS occurred in 76.1%."
    )
    draft = _answer(vocab, "how many pts randomized?", myeloma, ["ciltacabtagene"])
    assert "419" in draft.text
    melanoma = (
        "The trial enrolled 714 patients. Among the 355 patients evaluable for response, the "
        "ORR was 43%."
    )
    assert "714" in _answer(vocab, "how many pts were enrolled?", melanoma, ["relatlimab"]).text


@pytest.mark.parametrize(
    ("question", "sentences", "randomised", "registered"),
    [
        # lymphoma: registered for induction, then those in remission randomised
        (
            "how many pts randomized in ZETA-1?",
            [
                "ZETA-1 (NCT01234567), run by a cooperative group, enrolled 545 patients with "
                "newly diagnosed lymphoma at 74 centres.",
                "After induction, 268 patients in complete remission were randomised to "
                "observation or radiotherapy.",
            ],
            "268",
            "545",
        ),
        # myeloma: registered, then the responders randomly assigned to maintenance
        (
            "how many pts randomised in ZETA-1?",
            [
                "ZETA-1 (NCT01234567) registered 1,250 patients with newly diagnosed myeloma at "
                "90 centres.",
                "Of these, 612 patients who responded to induction were randomly assigned to "
                "lenalidomide maintenance or observation.",
            ],
            "612",
            "1,250",
        ),
    ],
)
def test_how_many_randomised_is_the_count_said_randomised(
    vocab, question, sentences, randomised, registered
):
    draft = _answer_in(vocab, question, sentences, prose=True)
    assert randomised in draft.text and registered not in draft.text


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        # breast cancer: the events counted are asked, the article's rate does not answer
        (
            "how many IBTR events in the APBI arm?",
            [
                "The 10-year cumulative incidence of IBTR was 4.6% with APBI and 3.9% with WBI.",
                "There were 161 IBTR events: 90 in the APBI arm and 71 in the WBI arm.",
            ],
        ),
        # ovarian cancer: the share who progressed is no number of events (a guard)
        (
            "number of PFS events on olaparib?",
            [
                "Median PFS was 19.1 months with olaparib. Progression or death occurred in 51% "
                "of patients receiving olaparib and 72% of those on placebo.",
                "In total, 412 PFS events occurred: 230 in the placebo arm and 182 in the "
                "olaparib arm.",
            ],
        ),
    ],
)
def test_a_number_of_events_is_not_answered_with_a_rate(vocab, question, sentences):
    draft = _answer_in(vocab, question, sentences, prose=True)
    assert "%" not in draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # breast cancer: the trial stopped for futility is no discontinuation of treatment, and
        # "how long ... followed" asks a time, never a rate
        (
            "how long had pts been followed (median) when ZETA-1 was stopped?",
            [
                "ZETA-1 was stopped early for futility at the second interim analysis.",
                "Treatment was discontinued because of adverse events in 25% of patients given "
                "atezolizumab and 13% of controls.",
                "At that point, patients had been followed for a median of 32 months.",
            ],
            "32 months",
        ),
        # glioblastoma: "followed for a median of" is the follow-up (a guard)
        (
            "how long were pts followed in ZETA-2?",
            [
                "In ZETA-2, 18% of patients with glioblastoma were alive at 5 years.",
                "Patients were followed for a median of 40.2 months.",
            ],
            "40.2 months",
        ),
    ],
)
def test_how_long_patients_were_followed_is_the_follow_up(vocab, question, sentences, expected):
    draft = _answer_in(vocab, question, sentences, prose=True)
    assert expected in draft.text and "%" not in draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "lead", "other"),
    [
        # lymphoma: the arm asked by its number of cycles, in digits; the article's in words
        (
            "3-yr PFS in the 6 cycle arm?",
            [
                "Patients were randomly assigned to four or six cycles of R-CHOP.",
                "Three-year PFS was 96% with four cycles of R-CHOP versus 94% with six cycles.",
            ],
            "94%",
            "96%",
        ),
        (
            "3yr PFS with 4x R-CHOP?",
            [
                "Patients were randomly assigned to four or six cycles of R-CHOP.",
                "Three-year PFS was 96% with four cycles of R-CHOP versus 94% with six cycles.",
            ],
            "96%",
            "94%",
        ),
        # breast cancer: the arm asked by its number of fractions
        (
            "5-yr local recurrence with 5 fractions?",
            [
                "Women were randomly assigned to whole-breast radiotherapy in 15 fractions or in "
                "5 fractions.",
                "The 5-year local recurrence rate was 2.1% with 15 fractions and 1.4% with 5 "
                "fractions.",
            ],
            "1.4%",
            "2.1%",
        ),
    ],
)
def test_an_arm_asked_by_its_number_of_courses_is_that_arms(
    vocab, question, sentences, lead, other
):
    draft = _answer_in(vocab, question, sentences, prose=True)
    # that arm's figure alone, not both arms side by side
    assert lead in draft.text and other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "expected", "other"),
    [
        # leukaemia: two schedules of one drug told apart by one word
        (
            "5-yr EFS w/ short dex?",
            "The 5-year EFS was 89.6% with short dexamethasone vs 90.1% with standard "
            "dexamethasone (HR 1.04; 95% CI, 0.82-1.31; P = 0.76).",
            "89.6%",
            "90.1%",
        ),
        # breast cancer: two ways of irradiating told apart by one word
        (
            "10y IBTR whole breast arm",
            "The 10-year IBTR rate was 4.6% with partial-breast irradiation and 3.9% with "
            "whole-breast irradiation.",
            "3.9%",
            "4.6%",
        ),
    ],
)
def test_an_arm_asked_by_the_word_that_tells_it_apart_is_that_arms(
    vocab, question, sentence, expected, other
):
    draft = _answer_in(vocab, question, [sentence], prose=True)
    assert expected in draft.text and other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected"),
    [
        # guards of the rule above. colorectal cancer: arms listed in order ("respectively")
        # are told apart by that order
        (
            "was the ORR with enco+bini above 60%?",
            "Confirmed objective response rates by central review were 63%, 51% and 40% in the "
            "combination, encorafenib and vemurafenib arms, respectively.",
            (),
            "63%",
        ),
        # gastric cancer: "compared with 29% in those with ..." names no arm of the 58%
        (
            "ORR in IHC 3+ pts on T-DXd?",
            "In patients with IHC 3+ disease, the ORR with T-DXd was 58%, compared with 29% in "
            "those with IHC 2+/ISH-positive tumours.",
            (),
            "58%",
        ),
        # melanoma: a drug's shorthand ("nivo") is no word that tells the arms apart
        (
            "12-month EFS for the upfront surgery + adjuvant nivo arm",
            "12-month EFS | Neoadjuvant ipi + nivo (n = 212): 83.7% | Adjuvant nivolumab "
            "(n = 211): 57.2%",
            ("ipilimumab", "nivolumab"),
            "57.2%",
        ),
    ],
)
def test_words_that_name_no_arm_tell_no_arm_apart(vocab, question, sentence, drugs, expected):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs, prose=True)
    assert draft.status == "answered" and expected in draft.text, draft.text


def test_an_absolute_gain_at_a_landmark_is_the_difference_not_a_rate(vocab):
    # breast cancer and lung cancer: "the absolute 5-yr IDFS gain"
    breast = (
        "At 5 years, 83.6% of patients given abemaciclib were free of invasive disease. In the "
        "endocrine therapy-alone arm, it was 76.0%, an absolute difference of 7.6 percentage "
        "points."
    )
    draft = _answer(
        vocab, "was the absolute 5-yr IDFS gain more than 5 points?", breast, ["abemaciclib"]
    )
    assert "7.6 percentage points" in draft.text
    lung = "The 3-year OS rate was 58% vs 49%, an absolute improvement of 9 percentage points."
    assert (
        "9 percentage points"
        in _answer(vocab, "absolute OS benefit at 3 yrs?", lung, ["osimertinib"]).text
    )


def test_what_a_drug_does_is_answered_by_what_it_acts_on(vocab):
    # colorectal cancer and AML: the sentence naming the drug's target, not the trial's intro
    crc = (
        "Combining trifluridine/tipiracil (Lonsurf) with bevacizumab extended survival. "
        "Trifluridine is a nucleoside analog, while tipiracil inhibits thymidine phosphorylase, "
        "the enzyme that would otherwise degrade trifluridine."
    )
    draft = _answer(vocab, "what does tipiracil actually do in lonsurf?", crc, ["tipiracil"])
    assert "thymidine phosphorylase" in draft.text
    aml = (
        "Venetoclax plus azacitidine extended survival in AML. Venetoclax is an oral inhibitor "
        "of BCL-2, the anti-apoptotic protein leukemic stem cells depend on."
    )
    draft = _answer(vocab, "how does venetoclax work?", aml, ["venetoclax", "azacitidine"])
    assert "BCL-2" in draft.text


def test_an_acronym_the_question_names_picks_the_figure_of_that_arm(vocab):
    # Hodgkin lymphoma: "for ABVD" among "82.1% with A+AVD and 77.2% with ABVD"
    hodgkin = (
        "At the primary analysis, 2-year modified PFS was 82.1% with A+AVD and 77.2% with ABVD."
    )
    draft = _answer(vocab, "echelon-1 2y mPFS for ABVD", hodgkin, ["brentuximab"])
    assert draft.text.startswith("PFS, with ABVD: 77.2%")
    # breast cancer: "TCHP" among two regimens; TCHP's value alone
    breast = "The pCR rate was 45.0% with TCHP and 57.0% with T-DXd."
    draft = _answer(vocab, "pCR with TCHP?", breast, ["trastuzumab"])
    assert draft.text.startswith("pCR, with TCHP: 45.0%") and "57.0%" not in draft.text


def _one_sentence_answer(vocab, question, *texts):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    article = ArticleRecord("a", "Report", "s", "2026-01-01", 1, {"drugs": [], "trials": []})
    sentences = [Sentence(article, i * 1000, i * 1000 + len(t), t, i) for i, t in enumerate(texts)]
    return ExtractiveEngine(vocab).answer(analyze(question, vocab), sentences)


@pytest.mark.parametrize(
    ("question", "texts", "long_form"),
    [
        # lung cancer: the long form before the abbreviation
        (
            "primary endpoint PFS by BICR - what's BICR?",
            [
                "PFS by BICR favoured the combination (HR 0.70).",
                "PFS was assessed by blinded independent central review (BICR).",
            ],
            "blinded independent central review",
        ),
        # leukaemia: the long form after a colon in brackets
        (
            "what does STAMP stand for?",
            [
                "It binds the ABL myristoyl pocket (STAMP: Specifically Targeting the ABL "
                "Myristoyl Pocket), locking the kinase."
            ],
            "Specifically Targeting",
        ),
        # lymphoma: "(IRC = ?)"
        (
            "ECHO PFS assessed by whom (IRC = ?)",
            ["The primary endpoint is PFS assessed by an independent review committee (IRC)."],
            "independent review committee",
        ),
    ],
)
def test_an_abbreviation_question_is_answered_by_the_sentence_that_spells_it_out(
    question, texts, long_form, vocab
):
    draft = _one_sentence_answer(vocab, question, *texts)
    assert draft.status == "answered" and long_form in draft.text


@pytest.mark.parametrize(
    ("question", "texts", "long_form"),
    [
        # oesophageal cancer: "X stands for?", the long form in British spelling
        (
            "ESCC stands for?",
            [
                "Both regimens improved OS as first-line treatment of advanced oesophageal "
                "squamous cell carcinoma (ESCC)."
            ],
            "oesophageal squamous cell carcinoma",
        ),
        # kidney cancer: "X meaning?", the abbreviation after a qualifier in its brackets
        (
            "M1 NED meaning?",
            [
                "Eligible patients were at high risk of recurrence, or M1 with no evidence of "
                "disease (M1 NED) after resection."
            ],
            "no evidence of disease",
        ),
        # breast cancer: "meaning of X", a glossary under a table
        (
            "meaning of IDFS in the trial",
            [
                "Abbreviations: AE, adverse event; IDFS, invasive disease-free survival; "
                "OS, overall survival."
            ],
            "invasive disease-free survival",
        ),
    ],
)
def test_an_abbreviation_asked_as_clinicians_type_it_is_spelled_out(
    question, texts, long_form, vocab
):
    draft = _one_sentence_answer(vocab, question, *texts)
    assert draft.status == "answered" and long_form in draft.text


_FILLER = [
    "The trial enrolled patients at 180 sites in 24 countries.",
    "Investigators presented the results at the annual meeting.",
    "Quality-of-life data will be reported separately.",
]


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # gastric cancer: a sentence saying half the question ("claudin status", not how it
        # was confirmed at screening)
        (
            "how was claudin status confirmed at screening?",
            "Claudin status was central to the design of both trials.",
            ["zolbetuximab"],
        ),
        # myeloma: likewise
        (
            "how was MRD status confirmed at screening?",
            "MRD status was central to the design of the trial.",
            ["daratumumab"],
        ),
    ],
)
def test_a_sentence_answer_saying_half_the_question_must_rank_first(
    question, sentence, drugs, vocab
):
    far_down = _answer_in(vocab, question, [*_FILLER, sentence], drugs)
    assert far_down.status == "not_found", far_down.text
    first = _answer_in(vocab, question, [sentence, *_FILLER], drugs)
    assert first.status == "answered" and sentence in first.citations[0].quote


@pytest.mark.parametrize(
    ("question", "texts", "definition"),
    [
        # breast cancer: the endpoint's definition, not its rate
        (
            "how was pCR defined?",
            [
                "pCR was 64.8% with pembrolizumab versus 51.2% with placebo.",
                "The dual primary endpoints were pathological complete response (pCR), defined "
                "as ypT0/Tis ypN0 at surgery, and event-free survival.",
            ],
            "ypT0/Tis ypN0",
        ),
        # melanoma: a response category by its long name
        (
            "how was major pathologic response defined",
            [
                "Major pathologic response was reported in 59% of patients.",
                "A major pathologic response was defined as 10% or less viable tumour.",
            ],
            "10% or less viable tumour",
        ),
    ],
)
def test_a_definition_question_is_answered_by_the_sentence_that_defines_it(
    question, texts, definition, vocab
):
    draft = _one_sentence_answer(vocab, question, *texts)
    assert draft.status == "answered" and definition in draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "section", "drugs"),
    [
        # colorectal cancer: what the drug does is asked; only its dose is said
        (
            "how does sotorasib work - what state does it lock KRAS G12C in?",
            "In the three-arm trial, the full 960 mg dose of sotorasib combined with the "
            "anti-EGFR antibody roughly halved the risk of progression or death.",
            "KRAS G12C-mutated colorectal cancer",
            ["sotorasib", "panitumumab"],
        ),
        # lung cancer: likewise, with another KRAS G12C inhibitor
        (
            "adagrasib MoA - how does it hit KRAS G12C?",
            "In the phase 2 trial, the full 400 mg dose of adagrasib combined with the anti-PD-1 "
            "antibody pembrolizumab roughly halved the risk of progression or death.",
            "KRAS G12C-mutated non-small cell lung cancer",
            ["adagrasib", "pembrolizumab"],
        ),
    ],
)
def test_what_a_drug_acts_on_is_not_answered_by_its_dose(question, sentence, section, drugs, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs, section=section)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "texts", "definition"),
    [
        # prostate cancer: "what X definition": the sentence that names it, not a figure
        (
            "what PSA failure definition did 0232 use?",
            [
                "The primary endpoint was progression-free survival, with progression defined "
                "as PSA failure by the Phoenix definition (nadir + 2 ng/mL), or death.",
                "Ten-year PSA failure was 18% vs 27%.",
            ],
            "Phoenix",
        ),
        # myeloma: likewise for the response criteria
        (
            "what CR definition did the trial use?",
            [
                "Complete response, defined as negative immunofixation and <5% plasma cells in "
                "the bone marrow, was reached by 40%.",
                "The ORR was 92%.",
            ],
            "negative immunofixation",
        ),
    ],
)
def test_a_definition_asked_by_its_name_is_the_sentence_that_gives_it(
    question, texts, definition, vocab
):
    draft = _answer_in(vocab, question, texts)
    assert draft.status == "answered" and definition in draft.text, draft.text


def test_a_definition_no_article_gives_is_not_found(vocab):
    # lymphoma: a rate of the endpoint is no definition of it
    draft = _one_sentence_answer(
        vocab, "how was CR defined?", "CR was reached by 78% of patients on the combination."
    )
    assert draft.status == "not_found"


def test_an_abbreviation_no_article_spells_out_is_not_found(vocab):
    # melanoma: the acronym is used, never spelled out; "PFS by BICR (...)" is no long form
    draft = _one_sentence_answer(
        vocab,
        "what does BICR stand for?",
        "The primary endpoint was PFS by BICR (nivolumab plus relatlimab vs nivolumab).",
    )
    assert draft.status == "not_found"


def test_whats_an_endpoint_asks_for_its_figure_not_its_long_form(vocab):
    from bot.answer.question import analyze

    # breast and kidney: "what's the ORR?" and "what is PFS?" want the figure
    assert analyze("what's the ORR?", vocab).defines is None
    assert analyze("what is PFS?", vocab).defines is None
    assert analyze("what does ORR stand for?", vocab).defines == "ORR"


def _answer_in(
    vocab,
    question,
    sentences,
    drugs=(),
    section="",
    scoped=True,
    aliases=None,
    title="Report",
    prose=False,
    rows_section=False,
    trials=(),
    regimens=(),
    known=False,
):
    """Answer ``question`` from ``sentences`` of one article (on ``trials``, a round-up's).
    ``prose``: one after the other as in running text (else apart); ``rows_section``: only
    table rows are under ``section``; ``regimens``: the codes it names its arms by; ``known``:
    the question read as ``ask`` reads it, the article's abbreviations and drugs being names
    the index knows ("STS" is no unknown code)."""
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    meta = {
        "drugs": list(drugs),
        "trials": list(trials),
        "aliases": aliases or {},
        "regimens": list(regimens),
    }
    article = ArticleRecord("a", title, "s", "2026-01-01", 1, meta)
    given, at = [], 0
    for i, text in enumerate(sentences):
        start = at if prose else i * 1000
        own = section if not rows_section or "|" in text else ""
        given.append(Sentence(article, start, start + len(text), text, i, section=own))
        at += len(text) + 1
    names = frozenset(a.casefold() for a in aliases or {}) | frozenset(d.casefold() for d in drugs)
    drug_names = frozenset(d.casefold() for d in drugs)
    q = analyze(question, vocab, names, drug_names) if known else analyze(question, vocab)
    q.scoped = scoped  # as `ask` sets it: the question names a trial or drug of the index
    return ExtractiveEngine(vocab).answer(q, given)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "dose"),
    [
        # lung cancer: both phases in one sentence; the adjuvant dose is asked
        (
            "adjuvant nivolumab dose?",
            [
                "Patients received neoadjuvant nivolumab 360 mg every 3 weeks for 4 cycles, "
                "followed by adjuvant nivolumab 480 mg every 4 weeks for 1 year."
            ],
            ["nivolumab"],
            "480 mg",
        ),
        # cervical cancer: the maintenance dose, not the one given with chemoradiotherapy
        (
            "maintenance pembro dosing?",
            [
                "Pembrolizumab 200 mg every 3 weeks was given with chemoradiotherapy for 5 "
                "cycles, then maintenance pembrolizumab 400 mg every 6 weeks for 15 cycles."
            ],
            ["pembrolizumab"],
            "400 mg",
        ),
        # the other way round: the neoadjuvant dose asked of the same lung cancer sentence
        (
            "neoadjuvant nivolumab dose?",
            [
                "Patients received neoadjuvant nivolumab 360 mg every 3 weeks for 4 cycles, "
                "followed by adjuvant nivolumab 480 mg every 4 weeks for 1 year."
            ],
            ["nivolumab"],
            "360 mg",
        ),
    ],
)
def test_a_dose_answers_for_the_phase_of_treatment_asked(question, sentences, drugs, dose, vocab):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert draft.status == "answered" and dose in draft.text.split("[")[0]


@pytest.mark.parametrize(
    ("question", "sentence", "section", "drugs"),
    [
        # colorectal cancer: a section comparing two immunotherapy arms has no chemo figure
        (
            "ORR in the chemo arm?",
            "The ORR was also higher with the combination, at 71% compared with 58%.",
            "Second primary endpoint: versus nivolumab monotherapy",
            ["nivolumab", "ipilimumab"],
        ),
        # kidney cancer: a section comparing with everolimus has no sunitinib figure
        (
            "ORR on sunitinib?",
            "The ORR was 35% with the combination compared with 18%.",
            "Lenvatinib plus everolimus versus everolimus",
            ["lenvatinib", "everolimus", "sunitinib"],
        ),
    ],
)
def test_a_figure_under_a_comparison_heading_is_not_of_an_arm_the_heading_leaves_out(
    question, sentence, section, drugs, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs, section=section)
    assert draft.status == "not_found"


def test_a_hyphenated_drug_and_class_names_both(vocab):
    # lung cancer "chemotherapy-placebo regimen"; leukaemia "placebo-azacitidine"
    assert _drugs_named("with the chemotherapy-placebo regimen", ["nivolumab"], vocab) == {
        "chemotherapy",
        "placebo",
    }
    assert _drugs_named("in the placebo-azacitidine arm", ["azacitidine"], vocab) == {
        "azacitidine",
        "placebo",
    }


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value"),
    [
        # lung cancer: the placebo arm got chemotherapy too
        (
            "median EFS placebo arm?",
            "Median EFS was not reached with nivolumab versus 18.4 months with the "
            "chemotherapy-placebo regimen.",
            ["nivolumab"],
            "18.4",
        ),
        # leukaemia: placebo with azacitidine
        (
            "median OS in the placebo arm?",
            "Median OS was 24.0 months with ivosidenib plus azacitidine and 7.9 months with "
            "placebo plus azacitidine.",
            ["ivosidenib", "azacitidine"],
            "7.9",
        ),
    ],
)
def test_the_placebo_arm_is_placebo_with_what_both_arms_got(
    question, sentence, drugs, value, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and value in draft.text.split("[")[0]


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # leukaemia: the week asked, not the week before
        (
            "MMR at week 96 w/ asciminib?",
            [
                "At week 48, the MMR rate with asciminib was 67.7% versus 49.0% with imatinib.",
                "MMR at week 96 was 74.1% with asciminib versus 52.0% with imatinib.",
            ],
            ["asciminib", "imatinib"],
            "74.1%",
        ),
        # lymphoma: the PET-negative rate at week 12
        (
            "ORR at week 12 with brentuximab?",
            [
                "By week 6, the ORR was 61% with brentuximab.",
                "At week 12, the ORR was 83% with brentuximab.",
            ],
            ["brentuximab"],
            "83%",
        ),
        # anal cancer and leukaemia: each value with its week right after it
        (
            "cCR rate at 18 weeks?",
            [
                "The proportion with a complete clinical response rose from 52% at 11 weeks to "
                "71% at 18 weeks and 78% at 26 weeks from the start of treatment."
            ],
            [],
            "71%",
        ),
        (
            "MMR by week 24 w/ asciminib?",
            ["With asciminib, MMR rose from 22% by week 12 to 46% by week 24 and 76% by week 48."],
            ["asciminib"],
            "46%",
        ),
    ],
)
def test_a_figure_answers_the_week_asked(question, sentences, drugs, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert draft.status == "answered" and value in draft.text.split("[")[0]


def test_a_week_the_article_never_names_is_not_found(vocab):
    # leukaemia: week 24 asked, only week 48 reported (and a sentence naming no week)
    draft = _answer_in(
        vocab,
        "MMR at week 24 asciminib vs imatinib?",
        [
            "At week 48, the MMR rate with asciminib was 67.7% versus 49.0% with imatinib.",
            "In the imatinib stratum, the MMR rate was 69.3% with asciminib.",
        ],
        ["asciminib", "imatinib"],
    )
    assert draft.status == "not_found"


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value"),
    [
        # leukaemia: "31.8% with A and 17.6% with B"
        (
            "MR4.5 at 96 wks w/ asciminib",
            "MR4.5 at week 96 was 31.8% with asciminib and 17.6% with imatinib.",
            ["asciminib", "imatinib"],
            "31.8%",
        ),
        # lung cancer: the second arm asked
        (
            "ORR w/ osimertinib?",
            "The ORR was 86% with amivantamab plus lazertinib and 85% with osimertinib.",
            ["amivantamab", "lazertinib", "osimertinib"],
            "85%",
        ),
    ],
)
def test_the_arm_said_after_a_value_is_its_own(question, sentence, drugs, value, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and draft.text.split("[")[0].rstrip().endswith(value)


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value"),
    [
        # colorectal cancer: "with A versus 14.9 months with B" is A's arm before B's value
        (
            "mOS nivolumab monotherapy?",
            "The control arm did better when the antibody was given alone: median OS was "
            "11.2 months with nivolumab versus 14.9 months with FOLFOX.",
            ["nivolumab", "oxaliplatin"],
            "11.2 months",
        ),
        # breast cancer: the same
        (
            "mPFS trastuzumab monotherapy?",
            "The control arm did better when the antibody was given alone: median PFS was "
            "4.1 months with trastuzumab versus 6.8 months with TCH.",
            ["trastuzumab", "docetaxel"],
            "4.1 months",
        ),
    ],
)
def test_the_arm_before_a_comparison_is_not_the_next_values(
    question, sentence, drugs, value, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and draft.text.split("[")[0].rstrip().endswith(value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "aliases", "value"),
    [
        # bladder cancer: "gem/cis" is the article's "GC, gemcitabine-cisplatin", which both
        # arms get; the durvalumab group's rate, not the comparison group's after "compared with"
        (
            "2y OS durva + gem/cis?",
            [
                "At 24 months, 82.2% of patients in the durvalumab group were alive compared "
                "with 75.2% in the comparison group.",
                "OS at 24 months | Durvalumab + GC (n=533): 82.2% | GC alone (n=530): 75.2%",
            ],
            ["durvalumab", "gemcitabine", "cisplatin"],
            {"GC": "gemcitabine-cisplatin"},
            "82.2%",
        ),
        # lung cancer: "carbo/pem", the article's "PC, pemetrexed-carboplatin"
        (
            "12-mo OS pembro + carbo/pem?",
            [
                "At 12 months, 69.8% of patients in the pembrolizumab group were alive compared "
                "with 48.1% in the placebo group.",
                "OS at 12 months | Pembrolizumab + PC (n=410): 69.8% | PC alone (n=206): 48.1%",
            ],
            ["pembrolizumab", "pemetrexed", "carboplatin"],
            {"PC": "pemetrexed-carboplatin"},
            "69.8%",
        ),
        # the same trials: the backbone alone, asked by its abbreviation, is the control arm
        (
            "median EFS with GC alone?",
            [
                "Median EFS was not reached with durvalumab and was 46.1 months with "
                "chemotherapy alone.",
                "EFS at 24 months | Durvalumab + GC (n=533): 67.8% | GC alone (n=530): 59.8%",
            ],
            ["durvalumab", "gemcitabine", "cisplatin"],
            {"GC": "gemcitabine-cisplatin"},
            "46.1 months",
        ),
        (
            "median OS with PC alone?",
            [
                "Median OS was 22.0 months with pembrolizumab and 10.7 months with "
                "chemotherapy alone.",
                "OS at 12 months | Pembrolizumab + PC (n=410): 69.8% | PC alone (n=206): 48.1%",
            ],
            ["pembrolizumab", "pemetrexed", "carboplatin"],
            {"PC": "pemetrexed-carboplatin"},
            "10.7 months",
        ),
    ],
)
def test_a_chemotherapy_backbone_is_named_by_clipped_names_or_the_articles_abbreviation(
    question, sentences, drugs, aliases, value, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs, aliases=aliases)
    assert draft.status == "answered" and draft.text.split("[")[0].rstrip().endswith(value)


def test_a_side_by_side_tables_other_trial_column_does_not_answer(vocab):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    # a lung cancer round-up of two trials, and a haematology one
    for question, row, trials, value in [
        (
            "TRIAL-B EFS HR?",
            "EFS HR | TRIAL-A77: 0.58 | TRIAL-B: 0.68",
            ["TRIAL-A77", "TRIAL-B"],
            "0.68",
        ),
        (
            "ORR in ZENITH-2?",
            "ORR, % | ALPINE-1: 78.1% | ZENITH-2: 83.5%",
            ["ALPINE-1", "ZENITH-2"],
            "83.5%",
        ),
    ]:
        meta = {"drugs": [], "trials": trials}
        article = ArticleRecord("a", "Round-up", "s", "2026-01-01", 1, meta)
        q = analyze(question, vocab)
        q.trials = [trials[1]]
        draft = ExtractiveEngine(vocab).answer(q, [Sentence(article, 0, len(row), row, 0)])
        assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text
        assert draft.text.split(":")[1].strip().startswith(value.split("%")[0]), draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        # lung cancer: the L858R group's ratio, not the exon 19 group's before it
        (
            "PFS HR for L858R pts?",
            "The hazard ratio was 0.14 in patients with exon 19 deletions and 0.20 in those "
            "with L858R.",
            "0.20",
        ),
        # liver cancer: the HCV group's ratio of two
        (
            "OS HR in HCV patients?",
            "The hazard ratio for death was 0.64 in patients with HBV and 1.06 in patients "
            "with HCV.",
            "1.06",
        ),
    ],
)
def test_a_subgroup_asked_gets_its_own_value_from_a_list_of_subgroups(
    question, sentence, value, vocab
):
    draft = _answer_in(vocab, question, [sentence])
    lead = draft.text.split("[")[0]
    assert draft.status == "answered" and lead.rstrip().endswith(value), draft.text


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("EFS HR in PD-L1 >=50%?", "0.26"),  # lung cancer
        ("EFS HR for PD-L1 1-49%?", "0.76"),
        ("EFS hazard ratio among PD-L1 negative (<1%) tumors", "0.73"),
    ],
)
def test_a_pd_l1_group_asked_gets_its_own_ratio(question, value, vocab):
    sentence = (
        "The HR was 0.73 for patients with tumour PD-L1 expression below 1%, 0.76 for PD-L1 "
        "1%-49%, and 0.26 for PD-L1 of 50% or more."
    )
    draft = _answer_in(vocab, question, ["The EFS benefit was seen across groups.", sentence])
    assert draft.status == "answered" and draft.text.split("[")[0].rstrip().endswith(value)


@pytest.mark.parametrize(
    ("question", "sentences", "value"),
    [
        # myeloma: the t(4;14) group's ratio answers for that group only
        (
            "PFS HR KRd vs VRd?",
            [
                "Median PFS was 35.2 months vs 34.1 months (HR 1.02; P=0.81).",
                "The benefit was similar across subgroups.",
                "In patients with t(4;14), the HR was 0.91.",
            ],
            "1.02",
        ),
        (
            "t(4;14) subgroup PFS HR?",
            [
                "Median PFS was 35.2 months vs 34.1 months (HR 1.02; P=0.81).",
                "The benefit was similar across subgroups.",
                "In patients with t(4;14), the HR was 0.91.",
            ],
            "0.91",
        ),
        # leukaemia: the same with an EFS rate
        (
            "3-yr EFS with imatinib?",
            [
                "Three-year EFS was 71% with imatinib and 62% without it.",
                "Among children with t(9;22), 3-year EFS was 58% with imatinib.",
            ],
            "71%",
        ),
        (
            "3-yr EFS with imatinib in t(9;22) pts?",
            [
                "Three-year EFS was 71% with imatinib and 62% without it.",
                "Among children with t(9;22), 3-year EFS was 58% with imatinib.",
            ],
            "58%",
        ),
    ],
)
def test_a_chromosomal_changes_figure_answers_for_its_group_only(question, sentences, value, vocab):
    draft = _answer_in(vocab, question, sentences, prose=True)
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # ovarian cancer: the whole trial's ratio answers for no two subgroups asked together
        ("OS HR in BRCA1 vs BRCA2 subgroups?", "The hazard ratio for death was 0.57 (P=.0004)."),
        # lung cancer: the same with two mutations
        ("PFS HR in exon 19 del vs L858R subgroups?", "The PFS hazard ratio was 0.46 overall."),
    ],
)
def test_the_whole_trials_figure_does_not_answer_for_two_subgroups(question, sentence, vocab):
    assert _answer_in(vocab, question, [sentence]).status == "not_found"


def test_a_pd_l1_groups_ratio_does_not_answer_for_everyone(vocab):
    # head and neck: only the CPS >=20 group's ratio is reported
    draft = _answer_in(vocab, "OS HR?", ["The OS hazard ratio was 0.61 in the CPS ≥20 population."])
    assert draft.status == "not_found"


@pytest.mark.parametrize(
    ("question", "sentences", "value"),
    [
        # leukaemia: the HR "for an EFS event -- defined as ..., or death" is EFS's, not OS's
        (
            "OS hazard ratio?",
            [
                "The hazard ratio for an EFS event -- defined as treatment failure, relapse, or "
                "death from any cause -- was 0.33 (95% CI, 0.16-0.69).",
                "Median OS was 24.0 versus 7.9 months (HR 0.44; 95% CI, 0.27-0.73).",
            ],
            "0.44",
        ),
        # leukaemia: a number inside the definition ("by week 24") is no value of its own
        (
            "EFS HR?",
            [
                "The hazard ratio for an EFS event -- defined as failure to achieve complete "
                "remission by week 24, relapse, or death -- was 0.35 (95% CI, 0.17-0.71).",
            ],
            "0.35",
        ),
        # myeloma: "the HR for PFS" before a clause naming death
        (
            "PFS HR?",
            [
                "The HR for PFS, which counted progression or death, was 0.26 (95% CI, 0.18-0.38).",
                "The hazard ratio for death was 0.57.",
            ],
            "0.26",
        ),
        # endometrial cancer: "the HR for RFS was 0.92 (...), and for OS it was 1.04"
        (
            "RFS HR brachy + chemo vs pelvic RT?",
            [
                "The hazard ratio for RFS with brachytherapy plus chemotherapy vs pelvic RT was "
                "0.88 (90% CI, 0.66-1.17), and for OS it was 1.06 (90% CI, 0.72-1.55)."
            ],
            "0.88",
        ),
        (
            "OS HR brachy + chemo vs pelvic RT?",
            [
                "The hazard ratio for RFS with brachytherapy plus chemotherapy vs pelvic RT was "
                "0.88 (90% CI, 0.66-1.17), and for OS it was 1.06 (90% CI, 0.72-1.55)."
            ],
            "1.06",
        ),
        # lung cancer: the same shape, endpoints spelt out
        (
            "PFS hazard ratio?",
            [
                "The hazard ratio for progression-free survival was 0.64 (95% CI, 0.52-0.79), "
                "and for overall survival it was 0.81 (95% CI, 0.66-0.99)."
            ],
            "0.64",
        ),
        (
            "HR for OS?",
            [
                "The hazard ratio for progression-free survival was 0.64 (95% CI, 0.52-0.79), "
                "and for overall survival it was 0.81 (95% CI, 0.66-0.99)."
            ],
            "0.81",
        ),
    ],
)
def test_a_statistic_belongs_to_the_endpoint_it_is_for(question, sentences, value, vocab):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and value in draft.text.split("[")[0]


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value"),
    [
        # melanoma: "A ... over B, ... 10.1 months versus 4.6 months"
        (
            "mPFS on nivolumab alone?",
            "Nivolumab plus relatlimab continued to show a PFS benefit over nivolumab, with a "
            "median PFS of 10.1 months versus 4.6 months.",
            ["nivolumab", "relatlimab"],
            "4.6",
        ),
        # kidney cancer: the combination asked of the same shape
        (
            "median PFS with lenvatinib plus pembrolizumab?",
            "Lenvatinib plus pembrolizumab improved PFS compared with sunitinib, a median of "
            "23.9 versus 9.2 months.",
            ["lenvatinib", "pembrolizumab", "sunitinib"],
            "23.9",
        ),
    ],
)
def test_two_values_take_the_arms_a_comparison_names_in_order(
    question, sentence, drugs, value, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected"),
    [
        # lung cancer: a bispecific's two targets in a hyphenated compound; the design sentence
        # naming EGFR-mutant disease is no answer
        (
            "what are amivantamab's targets",
            [
                "Patients with EGFR-mutant NSCLC were randomly assigned to amivantamab plus "
                "lazertinib or osimertinib.",
                "Amivantamab is a fully human EGFR-MET bispecific antibody that blocks ligand "
                "binding to both receptors.",
            ],
            ["amivantamab", "lazertinib", "osimertinib"],
            "EGFR-MET bispecific",
        ),
        # lung cancer (ALK): a TKI said as an abbreviation
        (
            "what generation ALK TKI is lorlatinib?",
            [
                "Lorlatinib was given to patients with ALK-positive NSCLC.",
                "Lorlatinib is a third-generation ALK/ROS1 TKI designed to cross the blood-brain "
                "barrier.",
            ],
            ["lorlatinib"],
            "third-generation",
        ),
        # lymphoma: "at a target dose of ..." names no target; "what antigen" asks for one
        (
            "what antigen does axicabtagene target",
            [
                "Patients then received a single infusion of axi-cel at a target dose of "
                "2 x 10^6 CAR T cells per kilogram.",
                "Axicabtagene ciloleucel (axi-cel) is an autologous CD19-directed CAR T-cell "
                "therapy.",
            ],
            ["axicabtagene", "ciloleucel"],
            "CD19-directed",
        ),
        # myeloma: likewise for a bispecific antibody
        (
            "which antigen does teclistamab target?",
            [
                "Teclistamab was escalated to the target dose of 1.5 mg/kg weekly.",
                "Teclistamab is a BCMA x CD3 bispecific antibody that redirects T cells.",
            ],
            ["teclistamab"],
            "BCMA x CD3",
        ),
    ],
)
def test_a_target_question_is_answered_by_a_sentence_that_says_what_the_drug_acts_on(
    question, sentences, drugs, expected, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text


def test_a_table_that_names_its_arms_in_the_column_header_refuses_an_arm_it_lacks(vocab):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    # gastric cancer: rows are populations, columns name the arms; the nivo/ipi arm is not in it
    row = (
        "All randomized | n: 1581 | Median OS, nivo + chemo (mo): 13.8 | Median OS, chemo "
        "(mo): 11.6 | HR for death: 0.80"
    )
    meta = {"drugs": ["nivolumab", "ipilimumab"], "trials": []}
    article = ArticleRecord("a", "Report", "s", "2026-01-01", 1, meta)
    q = analyze("mOS for the nivo/ipi arm?", vocab)
    draft = ExtractiveEngine(vocab).answer(q, [Sentence(article, 0, len(row), row, 0)])
    assert draft.status == "not_found"
    # ... and answers for the arm it has (the same shape in a lymphoma table)
    row2 = "All treated | Median PFS, acalabrutinib + BR (mo): 66.4 | Median PFS, BR (mo): 49.6"
    meta2 = {"drugs": ["acalabrutinib", "bendamustine", "rituximab"], "trials": []}
    article2 = ArticleRecord("b", "Report", "s", "2026-01-01", 1, meta2)
    q2 = analyze("median PFS with acalabrutinib + BR?", vocab)
    draft2 = ExtractiveEngine(vocab).answer(q2, [Sentence(article2, 0, len(row2), row2, 0)])
    assert "66.4" in draft2.text.split("[")[0]


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        # liver cancer: the HR after a sentence about OS is OS's, no answer for EFS
        (
            "EFS hazard ratio?",
            [
                "Median OS with durvalumab alone was 16.56 months.",
                "The hazard ratio for durvalumab versus sorafenib was 0.86 (95.67% CI, 0.73-1.03).",
            ],
        ),
        # lung cancer: a bulleted subgroup list under a PFS lead-in is no OS answer
        (
            "OS HR in patients without CNS metastases?",
            [
                "Investigator-assessed PFS by subgroup was as follows:",
                "- CNS metastases at baseline: 24.9 vs 13.8 months (HR = 0.47)",
                "- No CNS metastases at baseline: 27.6 vs 21.0 months (HR = 0.75)",
            ],
        ),
    ],
)
def test_a_statistic_naming_no_endpoint_is_the_endpoint_of_the_lines_before(
    question, sentences, vocab
):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    article = ArticleRecord("a", "Report", "s", "2026-01-01", 1, {"drugs": [], "trials": []})
    given, at = [], 0
    for text in sentences:  # consecutive sentences of one article
        given.append(Sentence(article, at, at + len(text), text, 0))
        at += len(text) + 1
    draft = ExtractiveEngine(vocab).answer(analyze(question, vocab), given)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "other"),
    [
        # lung cancer: an arm named by its dose and the word "dose", no dose asked
        (
            "ORR for the 6.4 dose arm?",
            "Confirmed ORR by BICR was 49.0% (95% CI, 39.0-59.1) with 5.4 mg/kg and 56.0% (95% "
            "CI, 41.3-70.0) with 6.4 mg/kg.",
            ["trastuzumab deruxtecan"],
            "56.0%",
            "49.0",
        ),
        # breast cancer: likewise
        (
            "mPFS for the 150 dose arm?",
            "Median PFS was 7.2 months with camizestrant 75 mg and 7.7 months with camizestrant "
            "150 mg, versus 3.7 months with fulvestrant.",
            ["camizestrant", "fulvestrant"],
            "7.7 months",
            "7.2",
        ),
    ],
)
def test_an_arm_named_by_its_dose_and_the_word_dose_asks_that_arms_figure(
    question, sentence, drugs, expected, other, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert other not in draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "other"),
    [
        # CLL: each part's hazard ratio after "where", in a list of parts
        (
            "what was the HR for unmutated IGHV subgroup?",
            "The PFS benefit was consistent across prespecified subgroups, including patients "
            "with deletion 11q, where the HR was 0.108, and patients with unmutated IGHV, where "
            "the HR was 0.159.",
            ["ibrutinib"],
            "0.159",
            "0.108",
        ),
        # prostate cancer: likewise
        (
            "OS HR in pts with liver mets?",
            "The OS benefit held across subgroups, including patients with visceral metastases, "
            "where the HR was 0.72, and patients with liver metastases, where the HR was 0.81.",
            ["enzalutamide"],
            "0.81",
            "0.72",
        ),
    ],
)
def test_a_part_said_before_where_is_the_parts_figure(
    question, sentence, drugs, expected, other, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert other not in draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected"),
    [
        # kidney cancer: a value said roughly ("about 86%") restates the precise one; the
        # precise one leads, even from a lower-ranked sentence
        (
            "48 mo OS placebo arm?",
            [
                "Because about 86% of placebo recipients were alive at 48 months, many patients "
                "are cured by surgery alone.",
                "The estimated OS at 48 months was 91.2% with pembrolizumab versus 86.0% with "
                "placebo.",
            ],
            ["pembrolizumab"],
            "86.0%",
        ),
        # lung cancer: likewise (a guard: the rounded value names no arm the question asks)
        (
            "5-yr OS in the observation arm?",
            [
                "With roughly 70% of observation patients alive at 5 years, many are cured by "
                "surgery alone.",
                "Five-year OS was 78.4% with adjuvant chemotherapy and 70.2% with observation.",
            ],
            ["cisplatin"],
            "70.2%",
        ),
    ],
)
def test_a_value_said_roughly_does_not_lead_over_the_precise_one(
    question, sentences, drugs, expected, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "row", "drugs", "expected"),
    [
        # lung cancer: a landmark asked of a row listing two, its value in the slashed cell
        (
            "12-month OS rate with T-DXd 5.4 mg/kg?",
            "6-month / 12-month OS | T-DXd 5.4 mg/kg (n=102): 87.9% / 67.0% | T-DXd 6.4 mg/kg "
            "(n=50): 84.6% / 73.2%",
            ["trastuzumab deruxtecan"],
            "67.0%",
        ),
        # breast cancer: likewise
        (
            "1-yr iDFS in arm B?",
            "1-year/2-year iDFS | Arm A: 95.1% / 90.2% | Arm B: 94.0% / 86.5%",
            ["ribociclib"],
            "94.0%",
        ),
    ],
)
def test_a_landmark_of_a_row_listing_two_is_read_in_its_slashed_cell(
    question, row, drugs, expected, vocab
):
    draft = _answer_in(vocab, question, [row], drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "rows", "drugs", "expected", "other"),
    [
        # lung cancer: no grade asked; the any-grade row answers, not one grade's (grade 5)
        (
            "drug-related ILD rate 5.4 vs 6.4 mg/kg?",
            [
                "Drug-related ILD, any grade | T-DXd 5.4 mg/kg (n=102): 12.9% | T-DXd 6.4 mg/kg "
                "(n=50): 28.0%",
                "Grade 5 drug-related ILD | T-DXd 5.4 mg/kg (n=102): 1.0% | T-DXd 6.4 mg/kg "
                "(n=50): 2.0%",
            ],
            ["trastuzumab deruxtecan"],
            "12.9%",
            "1.0%",
        ),
        # breast cancer: likewise with a grade 4 row first
        (
            "neutropenia rate with the combination?",
            [
                "Grade 4 neutropenia | Combination (n=200): 9.5% | Letrozole (n=198): 0.5%",
                "Neutropenia, any grade | Combination (n=200): 74.1% | Letrozole (n=198): 5.2%",
            ],
            ["palbociclib", "letrozole"],
            "74.1%",
            "9.5%",
        ),
    ],
)
def test_one_grades_row_does_not_answer_a_question_naming_no_grade(
    question, rows, drugs, expected, other, vocab
):
    draft = _answer_in(vocab, question, rows, drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert other not in draft.text


def test_a_time_to_next_treatment_no_article_reports_is_not_found(vocab):
    # Waldenström's macroglobulinaemia: a PFS sentence is no answer for the time to next
    # treatment (before, an unknown endpoint, it was answered with that sentence)
    draft = _answer_in(
        vocab,
        "median time to next treatment in the placebo-rituximab arm?",
        [
            "At the primary analysis, median PFS had not been reached with ibrutinib-rituximab "
            "versus 20.3 months with placebo-rituximab."
        ],
        ["ibrutinib", "rituximab"],
    )
    assert draft.status == "not_found", draft.text
    # CLL: reported, it answers (a guard)
    said = _answer_in(
        vocab,
        "TTNT with the combo vs chlorambucil?",
        [
            "Median time to next treatment was 56.4 months with obinutuzumab-chlorambucil "
            "versus 30.8 months with chlorambucil alone."
        ],
        ["obinutuzumab", "chlorambucil"],
    )
    assert "56.4" in said.text, said.text


@pytest.mark.parametrize(
    ("question", "sentence", "code", "spelt", "expected", "other"),
    [
        # neuroendocrine tumours: a regimen spelt out drug by drug, each dose its drug's
        (
            "temozolomide dose in CAPTEM?",
            "CAPTEM was capecitabine 1,500 mg/m² per day on days 1 to 14 with temozolomide "
            "200 mg/m² per day on days 10 to 14.",
            "CAPTEM",
            "capecitabine and temozolomide",
            "200 mg/m²",
            "1,500",
        ),
        # colorectal cancer: likewise
        (
            "oxaliplatin dose in XELOX?",
            "XELOX was capecitabine 1,000 mg/m² twice daily on days 1 to 14 with oxaliplatin "
            "130 mg/m² on day 1.",
            "XELOX",
            "capecitabine and oxaliplatin",
            "130 mg/m²",
            "1,000",
        ),
    ],
)
def test_a_regimens_dose_is_the_drugs_named_right_before_it(
    question, sentence, code, spelt, expected, other, vocab
):
    drugs = [*spelt.split(" and "), code]
    draft = _answer_in(vocab, question, [sentence], drugs, aliases={code: spelt}, regimens=[code])
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert other not in draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs"),
    [
        # urothelial cancer: a survival rate is no count of deaths
        (
            "how many treatment-related deaths in cohort 2?",
            ["In cohort 2, the 12-month OS rate was 61%.", "Median OS was 14.7 months."],
            ["enfortumab vedotin"],
        ),
        # lung cancer: likewise for the deaths of an arm
        (
            "deaths in the nivolumab arm?",
            ["The 2-year OS rate was 71% with nivolumab.", "Median OS was 28.0 months."],
            ["nivolumab"],
        ),
    ],
)
def test_a_survival_rate_is_no_count_of_deaths(question, sentences, drugs, vocab):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert draft.status == "not_found", draft.text
    # the hazard ratio for death stays OS's (a guard)
    ratio = _answer_in(
        vocab, "OS HR?", ["The hazard ratio for death was 0.72 (95% CI, 0.60-0.87)."]
    )
    assert "0.72" in ratio.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected"),
    [
        # breast cancer: a treatment history is a part; each bracket is its group's, the last
        # one after "or"
        (
            "DFS HR in pts w/ prior tamoxifen only?",
            "The effect of intermittent letrozole on DFS was consistent across prespecified "
            "subgroups, including patients who had received prior aromatase inhibitor only (HR "
            "1.13), prior tamoxifen only (HR 0.99) or both (HR 1.06).",
            ["letrozole", "tamoxifen"],
            "0.99",
        ),
        # myeloma: likewise
        (
            "PFS HR in pts w/ prior bortezomib?",
            "The PFS benefit of the triplet was consistent in patients with prior lenalidomide "
            "(HR 0.59), prior bortezomib (HR 0.66) or both (HR 0.71).",
            ["lenalidomide", "bortezomib", "daratumumab"],
            "0.66",
        ),
    ],
)
def test_a_prior_drug_names_the_part_whose_bracketed_value_answers(
    question, sentence, drugs, expected, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "title", "sentence", "drugs", "expected"),
    [
        # endometrial cancer: "endometrial pts" of an endometrial cancer trial name no part
        (
            "ORR in MSS endometrial pts?",
            "Results from the Endometrial Carcinoma Cohort",
            "Among the 94 patients whose tumors were microsatellite stable (MSS), the ORR at "
            "week 24 was 36.2% (95% CI, 26.5-46.7).",
            ["lenvatinib", "pembrolizumab"],
            "36.2%",
        ),
        # kidney cancer: likewise
        (
            "ORR in intermediate-risk RCC pts?",
            "Cabozantinib Plus Nivolumab in Advanced Renal Cell Carcinoma",
            "In intermediate-risk patients, the ORR was 52.1% with the combination.",
            ["cabozantinib", "nivolumab"],
            "52.1%",
        ),
    ],
)
def test_the_trials_own_tumour_type_in_a_question_names_no_part(
    question, title, sentence, drugs, expected, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs, title=title)
    assert draft.status == "answered" and expected in draft.text, draft.text
    # an article about another tumour type does not say it (a guard)
    other = _answer_in(vocab, question, [sentence], drugs, title="Results in Gastric Cancer")
    assert other.status == "not_found", other.text
    # sarcoma (a guard): a kind of the headline's tumour type is a part of the trial
    kind = _answer_in(
        vocab,
        "mPFS in liposarcoma pts on pazopanib?",
        ["Median PFS was 4.6 months with pazopanib."],
        ["pazopanib"],
        title="Pazopanib in Advanced Soft-Tissue Sarcoma",
    )
    assert kind.status == "not_found", kind.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs"),
    [
        # breast cancer: the whole population's pCR, said after both arms' values, is no pCR of
        # the cohort the article reports apart
        (
            "pCR rate in the PIK3CA-mutant cohort on taselisib?",
            [
                "The co-primary endpoints were ORR and pCR, each assessed in the ITT population "
                "and in the PIK3CA-mutant cohort.",
                "In the PIK3CA-mutant cohort, the ORR was 56.2% vs 38.0%.",
                "pCR was 2% in the taselisib arm and 1% in the placebo arm in the ITT population.",
            ],
            ["taselisib", "letrozole"],
        ),
        # lung cancer: likewise (a guard: refused before by the cohort's setting alone)
        (
            "DCR in the KRAS G12C-mutant cohort with sotorasib?",
            [
                "Efficacy was assessed in all treated patients and in the KRAS G12C-mutant cohort.",
                "In the KRAS G12C-mutant cohort, the ORR was 41% vs 12%.",
                "DCR was 80% with sotorasib and 60% with docetaxel in the overall population.",
            ],
            ["sotorasib", "docetaxel"],
        ),
    ],
)
def test_the_whole_populations_figure_said_at_the_end_is_no_cohorts(
    question, sentences, drugs, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs, title="Cohorts", prose=True)
    assert draft.status == "not_found", draft.text
    # asked of everyone, it answers (a guard)
    whole = _answer_in(vocab, question.split(" in the ")[0] + "?", sentences, drugs, prose=True)
    assert whole.status == "answered", whole.text


@pytest.mark.parametrize(
    ("question", "row", "drugs", "expected", "framed"),
    [
        # Waldenström's macroglobulinaemia: the follow-up a row's label gives in an aside
        (
            "median f/u at the final analysis?",
            "Median PFS, final analysis (median follow-up 63 months) | Ibrutinib + rituximab "
            "(n=75): Not reached | Placebo + rituximab (n=75): 20.3 months | HR / P: HR 0.25 "
            "(95% CI, 0.15-0.42); P<0.0001",
            ["ibrutinib", "rituximab"],
            "63 months",
            "20.3",
        ),
        # lung cancer: likewise, the row's medians being OS
        (
            "median follow-up at the updated analysis?",
            "Median OS, updated analysis (median follow-up 40.1 months) | Osimertinib: 38.6 "
            "months | Comparator EGFR-TKI: 31.8 months | HR 0.80",
            ["osimertinib"],
            "40.1 months",
            "38.6",
        ),
    ],
)
def test_a_follow_up_in_a_rows_label_is_its_own_figure_not_the_rows_medians(
    question, row, drugs, expected, framed, vocab
):
    draft = _answer_in(vocab, question, [row], drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert framed not in draft.text
    # a follow-up said in prose still answers (a guard)
    said = _answer_in(vocab, question, ["The median follow-up was 26.5 months."], drugs)
    assert "26.5 months" in said.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # prostate cancer: items of a list, each labelled by what it reports; the item after
        # the distant-metastases item is about PSA failure, not distant metastases
        (
            "HR for distant mets?",
            [
                "The other disease endpoints all favoured ADT:",
                "- Distant metastases: HR 0.25 (95% CI, 0.11-0.57; P < .001).",
                "Eight-year cumulative incidence was 4.7% vs 1.4%.",
                "- PSA failure: HR 0.52 (95% CI, 0.38-0.71; P < .001).",
            ],
            "0.25",
        ),
        # breast cancer: likewise after a local-recurrence item
        (
            "HR for local recurrence with the boost?",
            [
                "Secondary endpoints favoured the boost:",
                "- Local recurrence: HR 0.41 (95% CI, 0.26-0.64; P < .001).",
                "Ten-year cumulative incidence was 6.2% vs 3.1%.",
                "- Contralateral breast cancer: HR 0.93 (95% CI, 0.61-1.40; P = .72).",
            ],
            "0.41",
        ),
    ],
)
def test_an_item_of_a_labelled_list_is_not_about_the_item_before(
    question, sentences, expected, vocab
):
    draft = _answer_in(vocab, question, sentences, prose=True)
    assert draft.status == "answered" and expected in draft.text.split("(")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "lead"),
    [
        # leukaemia: the dose with how it is given
        (
            "acalabrutinib dose?",
            "Acalabrutinib 100 mg orally twice daily in 28-day cycles until progression.",
            ["acalabrutinib"],
            "100 mg orally twice daily",
        ),
        # neuroendocrine: a radioligand's activity in GBq, not the octreotide dose after it
        (
            "lutathera dose?",
            "Patients received four infusions of Lutathera 7.4 GBq every 8 weeks, plus "
            "octreotide LAR 30 mg intramuscularly.",
            ["dotatate"],
            "7.4 GBq every 8 weeks",
        ),
        # lymphoma: "BV" is brentuximab vedotin; the other drugs' doses after it are theirs
        (
            "BV dose?",
            "Brentuximab vedotin 1.2 mg/kg was given with doxorubicin 25 mg/m², vinblastine "
            "6 mg/m² and dacarbazine 375 mg/m².",
            ["brentuximab", "vedotin", "doxorubicin"],
            "1.2 mg/kg",
        ),
    ],
)
def test_a_dose_answers_with_its_schedule_for_the_drug_asked(
    question, sentence, drugs, lead, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and lead in draft.text.split("[")[0], draft.text


def test_a_dose_schedule_stops_before_a_result(vocab):
    from index.figures import schedule_after as _schedule_after

    # leukaemia: "80 mg once daily achieved an MMR rate of 67.7%": the schedule only
    sentence = "Asciminib 80 mg once daily achieved an MMR rate of 67.7% at week 48."
    assert _schedule_after(sentence, sentence.index(" once")) == " once daily"
    # lung cancer: no schedule said
    sentence = "Osimertinib 80 mg was compared with placebo."
    assert _schedule_after(sentence, sentence.index(" was")) == ""


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected"),
    [
        # oesophageal cancer: "pbo" is placebo; the nivolumab arm's median does not answer
        (
            "pbo mDFS?",
            ["Median DFS was 22.4 months in the nivolumab arm and 11.0 months in the placebo arm."],
            ["nivolumab"],
            "11.0",
        ),
        # lung cancer: both arms asked with "vs"; the comparator is left unsaid in the sentence
        (
            "mDoR osi vs pbo?",
            [
                "Responses on osimertinib were durable, with a median duration of response of "
                "36.9 months compared with 6.5 months."
            ],
            ["osimertinib"],
            "36.9 months compared with 6.5 months",
        ),
    ],
)
def test_placebo_shorthand_and_both_arms_asked(question, sentences, drugs, expected, vocab):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        # prostate cancer: "low-risk" asked, "high-risk" said first
        (
            "low-risk mHSPC HR for OS?",
            "The OS hazard ratio was 0.71 for men with high-risk disease and 0.62 for men with "
            "low-risk disease.",
            "0.62",
        ),
        # kidney cancer: "poor risk" asked, "favorable-risk" said first
        (
            "PFS HR for IMDC poor risk?",
            "By IMDC risk, the PFS hazard ratio was 0.62 for favorable-risk patients and 0.37 "
            "for poor-risk patients.",
            "0.37",
        ),
    ],
)
def test_the_other_side_of_a_split_does_not_answer(question, sentence, value, vocab):
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and draft.text.split("[")[0].rstrip().endswith(value)


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        # breast cancer: the PD-L1-negative group is never reported; the overall HR is no answer
        (
            "OS HR in the PD-L1-negative subgroup?",
            [
                "The hazard ratio for death was 0.66 (95% CI, 0.50-0.87) in the intention-to-treat "
                "population."
            ],
        ),
        # gastric cancer: CPS >=10 asked, only CPS >=5 reported
        (
            "mOS in CPS>=10 pts?",
            [
                "In patients with a CPS of 5 or more, median OS was 14.4 months with the "
                "combination."
            ],
        ),
    ],
)
def test_a_score_cut_off_the_article_never_names_is_not_found(question, sentences, vocab):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        # ovarian cancer: "high-grade serous" describes who, not an event grade
        (
            "how many pts randomized?",
            "A total of 733 patients with high-grade serous ovarian cancer were randomly "
            "assigned in a 2:1 ratio to niraparib (n = 487) or placebo (n = 246).",
            "733",
        ),
        # lymphoma: "high-grade B-cell lymphoma" in the head count's sentence
        (
            "how many patients were enrolled?",
            "The trial enrolled 879 patients with high-grade B-cell lymphoma or DLBCL.",
            "879",
        ),
    ],
)
def test_a_head_count_is_no_event_rate_of_a_grade(question, sentence, value, vocab):
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected"),
    [
        # colorectal cancer: two doses of the same drug are two arms
        (
            "OS HR for sotorasib 240 mg + pani vs investigator choice?",
            [
                "The hazard ratio for death was 0.70 for the 960 mg arm and 0.83 for the "
                "240 mg arm versus investigator's choice."
            ],
            ["sotorasib", "panitumumab"],
            "0.83",
        ),
        # breast cancer: an antibody-drug conjugate at two dose levels
        (
            "ORR with dato 4 mg/kg?",
            ["The ORR was 31% for the 6 mg/kg arm, while the 4 mg/kg arm had an ORR of 24%."],
            ["datopotamab"],
            "24%",
        ),
        # melanoma: the dose typed without its space ("2mg/kg") is the 2 mg/kg arm
        (
            "ORR for pembro 2mg/kg?",
            [
                "Objective response rates were 22% with 2 mg/kg and 28% with 10 mg/kg compared "
                "with 4% with chemotherapy."
            ],
            ["pembrolizumab"],
            "22%",
        ),
        # colorectal cancer: the same, with a dose in mg
        (
            "OS HR for sotorasib 240mg + pani vs investigator choice?",
            [
                "The hazard ratio for death was 0.70 for the 960 mg arm and 0.83 for the "
                "240 mg arm versus investigator's choice."
            ],
            ["sotorasib", "panitumumab"],
            "0.83",
        ),
    ],
)
def test_a_dose_the_question_names_is_the_arm_asked(question, sentences, drugs, expected, vocab):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text
    other = {"0.83": "0.70", "24%": "31%", "22%": "28%"}[expected]
    assert other not in draft.text.split("[")[0].split(expected)[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "dose"),
    [
        # neuroendocrine tumours: the dose after "drug A plus drug B" is drug B's
        (
            "lutathera dose?",
            [
                "Median OS was 48.0 months for patients randomized to Lutathera plus "
                "octreotide LAR 30 mg.",
                "Patients received four infusions of Lutathera 7.4 GBq every 8 weeks.",
            ],
            ["octreotide", "lutathera"],
            "7.4 GBq",
        ),
        # myeloma: lenalidomide's dose in a sentence that opens with daratumumab
        (
            "daratumumab dose?",
            [
                "Patients received daratumumab plus lenalidomide 25 mg on days 1 to 21.",
                "Daratumumab was given at 16 mg/kg weekly for 8 weeks.",
            ],
            ["daratumumab", "lenalidomide"],
            "16 mg/kg",
        ),
        # colorectal cancer: the drug named words before the dose ("was given orally at")
        (
            "cetuximab dosing in the triplet arm?",
            [
                "In the triplet arm, encorafenib was given orally at 300 mg once daily, "
                "cetuximab at 500 mg/m2 every 2 weeks, and mFOLFOX6 every 2 weeks."
            ],
            ["encorafenib", "cetuximab"],
            "500 mg/m2",
        ),
        # anal cancer and CNS lymphoma: cytotoxics asked by their abbreviations ("MMC", "MTX"),
        # beside another's dose ("5-FU 1000 mg/m2", "Ara-C 2 g/m2")
        (
            "what MMC dose was used?",
            [
                "All patients received 5-FU 1000 mg/m2 per day on days 1-4 and 29-32.",
                "The mitomycin group received mitomycin 12 mg/m2 as a bolus on day 1.",
            ],
            ["mitomycin", "cisplatin"],
            "12 mg/m2",
        ),
        (
            "MTX dose in induction?",
            [
                "Ara-C 2 g/m2 was given twice daily on days 2-3.",
                "Induction began with methotrexate 3.5 g/m2 on day 1.",
            ],
            ["methotrexate", "cytarabine"],
            "3.5 g/m2",
        ),
    ],
)
def test_a_dose_is_the_drug_nearest_before_it(question, sentences, drugs, dose, vocab):
    draft = _answer_in(vocab, question, sentences, drugs)
    assert draft.status == "answered" and dose in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "dose"),
    [
        # biliary tract cancer: a flat dose of durvalumab is no dose of cisplatin
        (
            "cisplatin dose per day?",
            "Practical points: durvalumab is given at a flat 1500 mg dose every 3 weeks.",
            ["durvalumab", "cisplatin"],
            "1500 mg",
        ),
        # breast cancer: pembrolizumab's dose is no dose of paclitaxel
        (
            "paclitaxel dose?",
            "Neoadjuvant pembrolizumab was administered intravenously at a fixed 200 mg "
            "every 3 weeks.",
            ["pembrolizumab", "paclitaxel"],
            "200 mg",
        ),
        # myeloma and CNS lymphoma: thromboprophylaxis and thiotepa are drugs of their own
        (
            "what aspirin dose for VTE ppx?",
            "Lenalidomide was given at 25 mg orally once daily on days 1-21 of each cycle.",
            ["lenalidomide"],
            "25 mg",
        ),
        # neuroblastoma: a cytokine asked by its abbreviation ("IL-2")
        (
            "IL-2 dose in week 2?",
            "Dinutuximab was given at 25 mg/m²/day for 4 days in each cycle.",
            ["dinutuximab"],
            "25 mg/m²/day",
        ),
        # kidney cancer: the same, beside a kinase inhibitor's dose
        (
            "high-dose IL-2 dose?",
            "Sunitinib was given at 50 mg daily for 4 weeks.",
            ["sunitinib"],
            "50 mg",
        ),
        (
            "thiotepa dose in the conditioning?",
            "Carmustine 400 mg/m2 was given on day -6 before the transplant.",
            ["carmustine"],
            "400 mg/m2",
        ),
    ],
)
def test_a_dose_said_after_another_drug_does_not_answer(question, sentence, drugs, dose, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert dose not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # leukaemia: a sentence that names the event but no number says no rate
        (
            "grade 3+ neutropenia in the G-Clb arm",
            ["Grade 3 or higher neutropenia was the most frequent event in the G-Clb arm."],
            None,
        ),
        # prostate cancer: the same, and the sentence with the rates answers
        (
            "grade 3-4 neutropenia in the placebo arm?",
            [
                "Neutropenia, anemia and febrile neutropenia were the most frequent severe events.",
                "The most common was neutropenia, reported at grade 3 or 4 in 33.7% and 34.2%, "
                "respectively.",
            ],
            "34.2%",
        ),
    ],
)
def test_a_question_that_asks_for_a_number_is_not_answered_by_a_sentence_without_one(
    question, sentences, expected, vocab
):
    draft = _answer_in(vocab, question, sentences)
    if expected is None:
        assert draft.status == "not_found", draft.text
    else:
        assert draft.status == "answered" and expected in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # cervical cancer: the immune-related events of any grade, with other events' rates
        (
            "grade >=3 immune-related AE rate with atezolizumab?",
            [
                "Immune-related adverse events of any grade were more common with atezolizumab, "
                "and fatal adverse events were reported in 4% vs 3% of patients."
            ],
            None,
        ),
        # lung cancer: likewise, with pembrolizumab
        (
            "G3+ imAEs w/ pembrolizumab?",
            [
                "Immune-mediated adverse events of any grade occurred more often with "
                "pembrolizumab, and fatal events were reported in 1.2% vs 0.4% of patients."
            ],
            None,
        ),
        # bladder cancer: every grade asked is said
        (
            "irAEs any grade and G3+ on avelumab?",
            [
                "Immune-related adverse events occurred in 29.4% (any grade) and 7.0% (grade 3 "
                "or higher) of patients on avelumab."
            ],
            "7.0%",
        ),
        # breast cancer: the most common events of a list name no grade: every grade's rates
        (
            "rate of G3+ hand-foot syndrome with tucatinib?",
            [
                "The most common adverse events in the tucatinib arm were diarrhoea (80.9% vs "
                "53.3% with placebo) and palmar-plantar erythrodysesthesia syndrome (63.4% vs "
                "52.8%)."
            ],
            None,
        ),
        # kidney cancer: likewise
        (
            "grade >=3 hypertension w/ cabozantinib?",
            ["Hypertension was reported in 37% of patients on cabozantinib and 8% on placebo."],
            None,
        ),
        # breast cancer: every grade's rate said without naming it, the severe one named
        (
            "any grade neutropenia on abemaciclib?",
            [
                "Neutropenia occurred in 45.8% of patients receiving abemaciclib (grade 3 or "
                "higher, 19.6%) compared with 5.6% of patients on endocrine therapy alone."
            ],
            "45.8%",
        ),
        # bladder cancer: likewise, both asked
        (
            "irAEs any grade and G3+ on avelumab?",
            [
                "Immune-related adverse events occurred in 29.4% of patients on avelumab, with "
                "grade 3 or higher in 7.0%."
            ],
            "29.4%",
        ),
    ],
)
def test_a_sentence_naming_other_grades_does_not_answer_for_the_grades_asked(
    question, sentences, expected, vocab
):
    drugs = ["atezolizumab", "pembrolizumab", "avelumab"]
    draft = _answer_in(vocab, question, sentences, drugs)
    if expected is None:
        assert draft.status == "not_found", draft.text
    else:
        assert draft.status == "answered" and expected in draft.text, draft.text


def test_of_two_articles_sentences_scoring_alike_the_one_naming_the_drug_leads(vocab):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    def sentence(article_id, text, rank, aliases=None):
        meta = {"drugs": ["durvalumab", "tremelimumab"], "aliases": aliases or {}}
        article = ArticleRecord(article_id, article_id, "s", "2026-01-01", 1, meta)
        return Sentence(article, 0, len(text), text, rank)

    names = frozenset({"durvalumab", "tremelimumab"})
    # liver cancer ranked first names a regimen of the drug asked; bladder cancer, second,
    # names the drug: the sentences score alike, and the one naming the drug leads
    regimen = {"STRIDE": "single tremelimumab regular interval durvalumab"}
    liver = sentence(
        "hcc", "Immune-mediated adverse events: 20.1% of the STRIDE group.", 0, regimen
    )
    bladder = sentence("mibc", "Immune-mediated adverse events: 21.3% of durvalumab pts.", 1)
    q = analyze("immune-mediated AEs w/ durvalumab, what %?", vocab, names)
    assert "21.3%" in ExtractiveEngine(vocab).answer(q, [liver, bladder]).text
    # lung cancer and melanoma: likewise
    tremelimumab = {"T300+D": "tremelimumab 300 mg plus durvalumab"}
    lung = sentence(
        "nsclc", "Hypothyroidism occurred in 9.1% of the T300+D group.", 0, tremelimumab
    )
    skin = sentence("mel", "Hypothyroidism occurred in 11.4% of tremelimumab pts.", 1)
    q = analyze("hypothyroidism w/ tremelimumab, what %?", vocab, names)
    assert "11.4%" in ExtractiveEngine(vocab).answer(q, [lung, skin]).text


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # neuroendocrine tumours asked, a breast cancer report's safety sentence given
        (
            "any-grade nausea with PRRT?",
            "Any-grade nausea was the most common adverse event with elacestrant.",
        ),
        # neuroendocrine tumours asked, a glioma interview's crossover sentence given
        (
            "did control pts cross over to RLT?",
            "Patients in the control group could cross over to vorasidenib at progression.",
        ),
    ],
)
def test_an_unscoped_question_is_not_answered_by_a_sentence_that_never_says_its_code(
    question, sentence, vocab
):
    draft = _answer_in(vocab, question, [sentence], scoped=False)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected", "wrong"),
    [
        # breast cancer: the ESR1-mutated count is named; the randomized total is everyone's
        (
            "how many ESR1-mutant pts were randomized?",
            [
                "A total of 478 patients were randomized.",
                "Of these, 228 patients had ESR1-mutated tumours and were randomized.",
            ],
            "228",
            "478",
        ),
        # colorectal cancer: the dMMR median is named; the median said without it is not it
        (
            "mPFS in dMMR pts?",
            [
                "Median PFS was 8.4 months.",
                "In dMMR tumours, median PFS was 11.2 months.",
            ],
            "11.2",
            "8.4",
        ),
    ],
)
def test_a_setting_the_article_reports_by_name_is_not_answered_by_a_figure_without_it(
    question, sentences, expected, wrong, vocab
):
    draft = _answer_in(vocab, question, sentences)
    lead = draft.text.split("[")[0]
    assert draft.status == "answered" and expected in lead and wrong not in lead, draft.text


def _answer_across(vocab, question, articles):
    """``articles``: (title, sentences) of several articles; the question names none of them."""
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    given = []
    for n, (title, sentences) in enumerate(articles):
        article = ArticleRecord(f"a{n}", title, "s", "2026-01-01", 1, {"drugs": [], "trials": []})
        given += [
            Sentence(article, i * 1000, i * 1000 + len(t), t, len(given) + i)
            for i, t in enumerate(sentences)
        ]
    q = analyze(question, vocab)
    q.scoped = False
    return ExtractiveEngine(vocab).answer(q, given)


@pytest.mark.parametrize(
    "articles",
    [
        # leukaemia and prostate cancer articles both say it
        [
            ("CLL report", ["The most common grade 3 or higher event was neutropenia, in 30%."]),
            ("Prostate report", ["Neutropenia was the most common grade 3 or 4 event, in 34%."]),
        ],
        # lung and kidney cancer articles both name their drug's target
        [
            ("Lung report", ["Osimertinib is an EGFR tyrosine kinase inhibitor."]),
            ("Kidney report", ["Cabozantinib is a tyrosine kinase inhibitor of MET and VEGFR."]),
        ],
    ],
)
def test_an_unscoped_question_two_articles_answer_alike_is_open(articles, vocab):
    question = {
        "CLL report": "most common grade 3+ event?",
        "Lung report": "which kinase inhibitor?",
    }[articles[0][0]]
    draft = _answer_across(vocab, question, articles)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # ovarian cancer: "HTN" is hypertension; the all-event rate does not answer
        (
            "grade >=3 HTN with niraparib?",
            [
                "Adverse events of grade 3 or higher occurred in 70.5% of niraparib recipients.",
                "Grade 3 or higher hypertension occurred in 6.0% of niraparib recipients.",
            ],
            "6.0%",
        ),
        # glioma: an ALT elevation named the way reports write it
        (
            "how often was there grade 3+ ALT elevation w/ vorasidenib?",
            [
                "Grade 3 or higher adverse events occurred in 22.8% of patients on vorasidenib.",
                "Grade 3 or higher increased ALT was seen in 9.6% of the vorasidenib group.",
            ],
            "9.6%",
        ),
    ],
)
def test_an_adverse_event_asked_by_its_shorthand_is_answered_by_its_own_rate(
    question, sentences, expected, vocab
):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # leukaemia: two arms named together; which value is the monotherapy's is not said
        (
            "how common was headache on acala mono?",
            "Headache was reported in 40% and 37% of patients in the two acalabrutinib arms.",
            ["acalabrutinib", "obinutuzumab"],
        ),
        # endometrial cancer: the same with three arms
        (
            "G3+ anemia with durva alone?",
            "Grade 3 or higher anemia occurred in 14%, 21% and 15% of patients across all three "
            "arms.",
            ["durvalumab", "olaparib"],
        ),
    ],
)
def test_values_of_arms_named_together_do_not_answer_for_one_arm(question, sentence, drugs, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs)
    lead = draft.text.split("[")[0]
    # Not found, or the sentence as it stands with every value (never one value as the arm's)
    assert draft.status == "not_found" or ("40%" in lead and "37%" in lead) or "15%" in lead
    assert not re.search(r":\s*(?:40|37|14|21|15)%", lead), draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # lymphoma: a table row whose column names the interval, and an HR for the composite
        (
            "lower bound of the 95% CI for the PFS HR?",
            [
                "2-year PFS | Pola-R-CHP (n=440): 76.7% | R-CHOP (n=439): 70.2% | "
                "HR (95% CI); P: 0.73 (0.57-0.95); P=.02"
            ],
            "0.57",
        ),
        # prostate cancer: the same column in a table of another endpoint
        (
            "lower CI bound for the time to CRPC HR?",
            ["Time to CRPC | HR (95% CI): 0.36 (0.30-0.42)"],
            "0.30",
        ),
        # lymphoma: "progression, relapse or death" is what PFS counts
        (
            "lower bound of the 95% CI for the PFS HR?",
            [
                "The 2-year rate was 70.2% with R-CHOP (HR for progression, relapse or death "
                "0.73; 95% CI, 0.57-0.95; P=.02)."
            ],
            "0.57",
        ),
    ],
)
def test_an_interval_said_by_a_tables_column_or_a_composite_endpoints_hr(
    question, sentences, expected, vocab
):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # lung cancer: a share asked; the dose given before surgery is no share
        (
            "what proportion of durvalumab pts made it to surgery?",
            [
                "Durvalumab 1500 mg was given every 3 weeks before surgery.",
                "Surgery was completed in 77.6% of patients in the durvalumab arm.",
            ],
            "77.6%",
        ),
        # bladder cancer: a time asked; the count of patients who had surgery is no time
        (
            "how long until surgery?",
            [
                "Surgery after the last cycle took place in 420 patients.",
                "The time to surgery was a median of 5.1 weeks.",
            ],
            "5.1 weeks",
        ),
    ],
)
def test_the_kind_of_number_a_question_asks_for_picks_the_figure(
    question, sentences, expected, vocab
):
    draft = _answer_in(vocab, question, sentences, ["durvalumab"])
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "regimens", "expected"),
    [
        # lymphoma: the arms' codes say whose rate, not what it counts; the asked word in a
        # longer form ("transplant": "transplantation") says what it counts
        (
            "transplant rate GDP vs DHAP?",
            [
                "Febrile neutropenia occurred in 9% of GDP patients vs 23% of DHAP patients, and "
                "hospitalisation for toxicity was required in 18% vs 29%.",
                "Transplantation was performed in 52.1% of GDP patients and 49.3% of DHAP "
                "patients (P=0.44).",
            ],
            ["GDP", "DHAP"],
            "52.1%",
        ),
        # gastric cancer: an article that reports no surgery rate has none, whatever its
        # figures and sentences of the two codes
        (
            "surgery rate FLOT vs ECF?",
            [
                "Dose delays were needed in 31% of FLOT patients vs 24% of ECF patients.",
                "Median overall survival was 50 months with FLOT and 35 months with ECF.",
            ],
            ["FLOT", "ECF"],
            None,
        ),
        # bladder cancer: the same for a cystectomy rate
        (
            "cystectomy rate ddMVAC vs GC?",
            [
                "Dose delays were needed in 31% of ddMVAC patients vs 24% of GC patients.",
                "Median overall survival was not reached with ddMVAC.",
            ],
            ["ddMVAC", "GC"],
            None,
        ),
    ],
)
def test_what_a_figure_counts_is_not_said_by_the_arms_codes(
    question, sentences, regimens, expected, vocab
):
    draft = _answer_in(vocab, question, sentences, regimens=regimens)
    if expected is None:
        assert draft.status == "not_found", draft.text
    else:
        assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # breast cancer: the all-TRAE rate, not the first event of the list after it
        (
            "what % of pts had any-grade TRAEs?",
            [
                "The most common TRAEs of any grade included nausea (43.1%), neutropenia (34.3%) "
                "and alopecia (30.2%).",
                "Any-grade TRAEs occurred in 89.8% of patients.",
            ],
            "89.8%",
        ),
        # myeloma: a table row named by one event is that event's
        (
            "AE rate with the combo?",
            [
                "Neutropenia | Combination: 54% | Control: 37%",
                "Adverse events occurred in 97% of patients with the combination.",
            ],
            "97%",
        ),
        # bladder cancer: the organ's events ("gastrointestinal toxicity") are one kind of AE
        (
            "G3+ AEs ddMVAC vs GC?",
            [
                "Severe toxicity was similar between arms: grade 3 or higher adverse events "
                "occurred in 52% of patients treated with dd-MVAC and 55% of those treated with "
                "GC.",
                "Grade 3 or higher asthenia (20% vs 7%) and gastrointestinal toxicity (9% vs 3%) "
                "were more common with dd-MVAC, while grade 3 or higher thrombocytopenia was "
                "more common with GC.",
            ],
            "52%",
        ),
        # head and neck cancer: the same for the blood's events
        (
            "grade 3+ toxicity with docetaxel?",
            [
                "Grade 3 or worse haematological toxicity was seen in 41% with docetaxel.",
                "Grade 3 or worse toxicity of any kind occurred in 63% with docetaxel.",
            ],
            "63%",
        ),
    ],
)
def test_every_event_asked_is_not_answered_by_one_events_rate(question, sentences, expected, vocab):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # lung cancer: grade 3 or higher asked; the any-grade rate comes first in the sentence
        (
            "Grade >=3 TRAE rate?",
            "Any-grade TRAEs occurred in 89.8% of patients, with grade 3 or higher TRAEs in 36.5%.",
            "36.5%",
        ),
        # kidney cancer: the same the other way round
        (
            "G3+ AEs with cabozantinib?",
            "All-grade adverse events were reported in 99% of patients and grade 3 or higher "
            "events in 75%.",
            "75%",
        ),
    ],
)
def test_a_severe_grade_asked_is_not_answered_by_the_any_grade_rate(
    question, sentence, expected, vocab
):
    draft = _answer_in(vocab, question, [sentence], ["cabozantinib"])
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "overall"),
    [
        # lung cancer: the second-line cohort is named apart; the overall DOR is not its DOR
        (
            "median DOR in the second-line subgroup?",
            [
                "The median duration of response in the overall population was 5.3 months.",
                "Second-line responders stayed in response for a median of 7.2 months.",
            ],
            "5.3",
        ),
        # colorectal cancer: the same with a first-line cohort and a PFS
        (
            "mPFS in 1L pts?",
            [
                "Median PFS in all patients was 6.1 months.",
                "The first-line cohort, 40 patients, stayed free of progression longer.",
            ],
            "6.1",
        ),
    ],
)
def test_a_setting_named_apart_is_not_answered_by_the_overall_figure(
    question, sentences, overall, vocab
):
    draft = _answer_in(vocab, question, sentences)
    assert overall not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # neuroendocrine tumours: the landmark said as "at month 20"
        (
            "PFS rate at 20 mo?",
            [
                "The estimated rate of PFS at month 12 was 80.1%, and the estimated rate of PFS "
                "at month 20 was 65.2% in the Lutathera group."
            ],
            "65.2%",
        ),
        # oesophageal cancer: "disease-free" at a landmark is the DFS rate
        (
            "6-mo DFS rate on nivo?",
            [
                "At 6 months, 72% of nivolumab-treated patients were disease-free, compared with "
                "63% of those on placebo."
            ],
            "72%",
        ),
        # kidney cancer: "at year 3"
        (
            "3-yr OS with the combination?",
            ["Overall survival at year 2 was 70.1% and at year 3 was 60.4% with the combination."],
            "60.4%",
        ),
    ],
)
def test_a_landmark_said_as_month_or_year_n(question, sentences, expected, vocab):
    draft = _answer_in(vocab, question, sentences, ["nivolumab"])
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected", "other"),
    [
        # biliary tract cancer: each pair of rates is followed by its landmark
        (
            "18-mo OS rate with durvalumab?",
            [
                "Estimated OS rates with durvalumab vs placebo were 52.0% vs 47.5% at 12 months, "
                "33.9% vs 24.1% at 18 months and 23.3% vs 11.0% at 24 months."
            ],
            "33.9%",
            "23.3%",
        ),
        # lung cancer: the same list shape for PFS rates
        (
            "2-year PFS rate on osimertinib?",
            [
                "PFS rates on osimertinib were 80.2% at 12 months, 65.7% at 24 months and "
                "48.9% at 36 months."
            ],
            "65.7%",
            "48.9%",
        ),
    ],
)
def test_a_landmark_said_after_its_values_is_theirs(question, sentences, expected, other, vocab):
    draft = _answer_in(vocab, question, sentences, ["durvalumab", "osimertinib"])
    lead = draft.text.split("[")[0]
    assert expected in lead and other not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # kidney cancer: diarrhea named after another event's rate is no rate of diarrhea
        (
            "rate of grade 3+ diarrhea w/ len+pembro?",
            "Hypertension was the most common grade 3 or higher event with lenvatinib plus "
            "pembrolizumab (27.6%), followed by diarrhea and elevated lipase.",
        ),
        # bladder cancer: a share asked; a head count is no share
        (
            "% that actually got cystectomy in the control arm",
            "The 530 patients in the comparison group received four cycles of neoadjuvant "
            "gemcitabine-cisplatin followed by radical cystectomy alone.",
        ),
    ],
)
def test_a_sentence_without_the_number_asked_does_not_answer(question, sentence, vocab):
    draft = _answer_in(vocab, question, [sentence], ["lenvatinib", "pembrolizumab"])
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # myelodysplastic syndromes: a rate in all patients is none in those with high sEPO
        (
            "primary endpoint rate in pts with sEPO >200 U/L on lusp?",
            "Overall, 58.5% of patients treated with luspatercept achieved the primary "
            "endpoint of transfusion independence.",
        ),
        # lung cancer: the same in those with an exon 19 deletion
        (
            "primary endpoint rate in pts with Ex19del on osimertinib?",
            "In all, 71% of patients treated with osimertinib achieved the primary endpoint.",
        ),
    ],
)
def test_a_sentence_about_all_patients_does_not_answer_for_a_part(question, sentence, vocab):
    draft = _answer_in(vocab, question, [sentence], ["luspatercept", "osimertinib"])
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "named", "rate"),
    [
        # colorectal cancer: the most common toxicities are events, not the TRAE rate
        (
            "most common TRAEs with sotorasib + panitumumab?",
            [
                "Grade 3 or higher treatment-related adverse events occurred in 35.8% of "
                "patients treated with sotorasib and panitumumab.",
                "The most common treatment-related adverse events with sotorasib and "
                "panitumumab were acneiform dermatitis and dry skin.",
            ],
            "acneiform dermatitis",
            "35.8%",
        ),
        # breast cancer: "which AEs" asks for names too
        (
            "which AEs were most frequent with abemaciclib?",
            [
                "Adverse events of any grade occurred in 98.5% of patients on abemaciclib.",
                "The most frequent adverse events with abemaciclib were diarrhea and neutropenia.",
            ],
            "diarrhea",
            "98.5%",
        ),
    ],
)
def test_a_question_for_which_events_is_answered_by_their_names(
    question, sentences, named, rate, vocab
):
    draft = _answer_in(vocab, question, sentences, ["sotorasib", "panitumumab", "abemaciclib"])
    lead = draft.text.split("[")[0]
    assert named in lead and rate not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "aliases", "expected"),
    [
        # bladder cancer: a table's column named by the regimen's abbreviation
        (
            "mPFS with EV+pembro?",
            [
                "Median PFS (BICR), months | EV+P (n=442): 12.5 | Chemotherapy (n=444): 6.3 | "
                "HR (95% CI): 0.45 (0.38-0.54) | P value: <0.001"
            ],
            ["enfortumab", "vedotin", "pembrolizumab"],
            {"EV+P": "Enfortumab vedotin plus pembrolizumab"},
            "12.5",
        ),
        # breast cancer: a table's column named the same way
        (
            "median PFS with trastuzumab deruxtecan + pertuzumab?",
            [
                "Median PFS, months | T-DXd+P (n=383): 40.7 | "
                "Taxane + trastuzumab + pertuzumab: 26.9"
            ],
            ["trastuzumab", "deruxtecan", "pertuzumab"],
            {"T-DXd+P": "trastuzumab deruxtecan plus pertuzumab"},
            "40.7",
        ),
    ],
)
def test_a_regimen_abbreviated_by_the_article_is_its_drugs(
    question, sentences, drugs, aliases, expected, vocab
):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    meta = {"drugs": drugs, "trials": [], "aliases": aliases}
    article = ArticleRecord("a", "Report", "s", "2026-01-01", 1, meta)
    given = [Sentence(article, i * 1000, i * 1000 + len(t), t, i) for i, t in enumerate(sentences)]
    q = analyze(question, vocab)
    q.scoped = True
    draft = ExtractiveEngine(vocab).answer(q, given)
    lead = draft.text.split("[")[0]
    assert draft.status == "answered" and expected in lead and "<0.001" not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # bladder cancer: a table row's P value is no median PFS
        (
            "median PFS with enfortumab?",
            "Median PFS (BICR), months, enfortumab vs chemotherapy | P value: <0.001",
        ),
        # kidney cancer: the same in another table's row
        (
            "mPFS on cabozantinib?",
            "Median PFS, months, cabozantinib vs sunitinib | P value: <0.001",
        ),
    ],
)
def test_a_p_value_is_no_median(question, sentence, vocab):
    draft = _answer_in(vocab, question, [sentence], ["enfortumab", "cabozantinib"])
    assert "0.001" not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "overall"),
    [
        # breast cancer: the article reports the PD-L1-negative group for pCR only
        (
            "OS HR in the PD-L1-negative subgroup?",
            [
                "In the smaller PD-L1-negative group, pCR was achieved by 45.3%.",
                "The hazard ratio for death was 0.66 (95% CI, 0.50-0.87).",
            ],
            "0.66",
        ),
        # cervical cancer: the CPS <1 group is named, its OS HR is not given
        (
            "OS HR in the CPS <1 subgroup?",
            [
                "Too few patients had a CPS <1 to draw conclusions.",
                "Whatever the CPS, the hazard ratio for overall survival was 0.63 "
                "(95% CI, 0.52-0.77).",
            ],
            "0.63",
        ),
    ],
)
def test_everyone_s_figure_does_not_answer_for_a_group_below_a_cut_off(
    question, sentences, overall, vocab
):
    draft = _answer_in(vocab, question, sentences, ["pembrolizumab"])
    assert overall not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "asked", "other"),
    [
        # prostate cancer: the doublet is the control arm
        (
            "3-yr OS rate for the doublet?",
            [
                "At 3 years, OS was 72.3% with the triplet.",
                "At 3 years, OS was 63.8% with the doublet of ADT and docetaxel.",
            ],
            "63.8%",
            "72.3%",
        ),
        # colorectal cancer: the doublet is an experimental arm, the triplet another
        (
            "confirmed ORR with the triplet?",
            [
                "The chemotherapy-free doublet produced a confirmed ORR of 45.6%.",
                "The triplet produced a confirmed ORR of 60.9%.",
            ],
            "60.9%",
            "45.6%",
        ),
    ],
)
def test_a_doublet_and_a_triplet_are_other_arms(question, sentences, asked, other, vocab):
    draft = _answer_in(vocab, question, sentences, ["docetaxel", "encorafenib"])
    lead = draft.text.split("[")[0]
    assert asked in lead and other not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        # myelodysplastic syndromes: a rate asked; the endpoint's 12-week window is no rate
        (
            "primary endpoint rate w/ luspatercept?",
            "The primary endpoint was transfusion independence for at least 12 weeks.",
            "12 weeks",
        ),
        # lung cancer: the same with another drug and window
        (
            "primary endpoint rate on osimertinib?",
            "The primary endpoint was intracranial response lasting at least 24 weeks.",
            "24 weeks",
        ),
    ],
)
def test_a_rate_asked_is_a_share(question, sentence, other, vocab):
    draft = _answer_in(vocab, question, [sentence], ["luspatercept", "osimertinib"])
    assert other not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "os_rate", "dss_rate"),
    [
        # melanoma: the 10-year OS rate, not the melanoma-specific one
        (
            "10-yr OS rate with nivolumab + ipilimumab?",
            [
                "At 10 years, 43 percent of patients on nivolumab plus ipilimumab were alive.",
                "Their 10-year melanoma-specific survival was 96 percent with nivolumab plus "
                "ipilimumab.",
            ],
            "43 percent",
            "96 percent",
        ),
        # prostate cancer: the same with cancer-specific survival
        (
            "5-year OS rate with enzalutamide?",
            [
                "At 5 years, 61% of patients on enzalutamide were alive.",
                "Their 5-year prostate cancer-specific survival was 88% with enzalutamide.",
            ],
            "61%",
            "88%",
        ),
    ],
)
def test_cancer_specific_survival_does_not_answer_for_overall_survival(
    question, sentences, os_rate, dss_rate, vocab
):
    draft = _answer_in(vocab, question, sentences, ["nivolumab", "ipilimumab", "enzalutamide"])
    lead = draft.text.split("[")[0]
    assert dss_rate not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "part", "overall"),
    [
        # breast cancer: those without a pCR, under a heading that names pCR
        (
            "5-yr EFS in pts w/o pCR on pembro?",
            [
                "At 60 months, EFS was 81.2% with pembrolizumab.",
                "Among patients who did not achieve a pCR, 5-year EFS was 62.6% with "
                "pembrolizumab.",
            ],
            "62.6%",
            "81.2%",
        ),
        # lymphoma: those without a complete response
        (
            "2-yr OS without CR on polatuzumab?",
            [
                "At 2 years, OS was 88.7% with polatuzumab.",
                "In patients with no CR at the end of treatment, OS at 2 years was 61.0% with "
                "polatuzumab.",
            ],
            "61.0%",
            "88.7%",
        ),
    ],
)
def test_those_without_a_response_are_a_part_of_the_population(
    question, sentences, part, overall, vocab
):
    draft = _answer_in(vocab, question, sentences, ["pembrolizumab", "polatuzumab"], "pCR and CR")
    lead = draft.text.split("[")[0]
    assert part in lead and overall not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "added"),
    [
        # prostate cancer: the doublet asked; the column adds darolutamide to it
        (
            "3 yr OS rate for ADT + docetaxel?",
            "3-year OS rate | Darolutamide + ADT + docetaxel (n=651): 72.3%",
            ["darolutamide", "docetaxel"],
            "72.3%",
        ),
        # lung cancer: the chemotherapy doublet asked; the column adds pembrolizumab
        (
            "ORR with carboplatin plus pemetrexed?",
            "ORR | Pembrolizumab + carboplatin + pemetrexed (n=410): 47.6%",
            ["pembrolizumab", "carboplatin", "pemetrexed"],
            "47.6%",
        ),
    ],
)
def test_an_arm_adding_a_drug_to_the_regimen_asked_is_another_arm(
    question, sentence, drugs, added, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert added not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "asked", "other"),
    [
        # biliary tract cancer: the update asked, only the primary analysis reported
        (
            "updated median OS placebo + gem/cis?",
            [
                "In the primary analysis, median OS was 11.5 months with placebo plus "
                "gemcitabine-cisplatin."
            ],
            None,
            "11.5",
        ),
        # leukaemia: the update asked
        (
            "updated mOS with ivosidenib after longer f/u?",
            [
                "In the primary analysis, median OS was 24.0 months with ivosidenib.",
                "After longer follow-up, median OS with ivosidenib was 29.3 months.",
            ],
            "29.3",
            "24.0",
        ),
    ],
)
def test_the_analysis_asked_is_the_one_answered(question, sentences, asked, other, vocab):
    draft = _answer_in(vocab, question, sentences, ["ivosidenib", "gemcitabine", "cisplatin"])
    lead = draft.text.split("[")[0]
    assert (asked is None or asked in lead) and other not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "asked", "other"),
    [
        # breast cancer: the HER2-ultralow cohort is not the HER2-low population
        (
            "mPFS with T-DXd in HER2-ultralow?",
            [
                "In the HER2-low population, median PFS was 13.2 months with T-DXd versus "
                "8.1 months with chemotherapy.",
                "In the HER2-ultralow cohort, median PFS was 15.1 months with T-DXd versus "
                "8.3 months with chemotherapy.",
            ],
            "15.1",
            "13.2",
        ),
        # gastric cancer: only the HER2-low figure is reported
        (
            "ORR with T-DXd in HER2-ultralow gastric cancer?",
            ["In HER2-low gastric cancer, the ORR was 26.3% with T-DXd."],
            None,
            "26.3%",
        ),
    ],
)
def test_a_her2_ultralow_cohort_is_not_the_her2_low_one(question, sentences, asked, other, vocab):
    draft = _answer_in(vocab, question, sentences, ["trastuzumab deruxtecan"])
    lead = draft.text.split("[")[0]
    assert other not in lead and (asked is None or asked in lead), draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "value", "answered"),
    [
        # ovarian cancer: the article is about the primary analysis and only looks ahead to the
        # final one, so its unmarked median is not the final analysis's
        (
            "final OS analysis: median OS with olaparib?",
            [
                "Median OS was 51.7 months with olaparib.",
                "At the primary analysis, PFS was improved with olaparib.",
                "The primary analysis data cut-off was in March 2019.",
                "A final analysis is planned for 2027.",
            ],
            "51.7",
            False,
        ),
        # kidney cancer: the article reports the final analysis, naming the primary beside it
        (
            "final analysis median OS with cabozantinib?",
            [
                "Median OS was 37.9 months with cabozantinib plus nivolumab.",
                "The final analysis confirmed the benefit seen at the primary analysis.",
                "This final analysis was presented at ASCO GU.",
            ],
            "37.9",
            True,
        ),
        # melanoma: the same when the article names only the analysis asked
        (
            "updated median PFS with relatlimab?",
            [
                "Median PFS was 10.2 months with relatlimab plus nivolumab.",
                "The updated analysis was presented at ASCO.",
            ],
            "10.2",
            True,
        ),
    ],
)
def test_a_figure_naming_no_analysis_is_of_the_one_its_article_reports(
    question, sentences, value, answered, vocab
):
    # the figure's sentence, heading and neighbours name no analysis: the article decides
    drugs = ["olaparib", "cabozantinib", "nivolumab", "relatlimab"]
    draft = _answer_in(vocab, question, sentences, drugs)
    assert (value in draft.text.split("[")[0]) == answered, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "overall"),
    [
        # colorectal cancer: a biomarker the article names, asked as a subgroup
        (
            "ORR in the MSI-H subgroup?",
            [
                "Patients with MSI-H tumours could enrol if they had received immunotherapy.",
                "The confirmed ORR was 60.9% with encorafenib.",
            ],
            "60.9%",
        ),
        # endometrial cancer: the same with dMMR
        (
            "PFS HR in the dMMR subset?",
            [
                "Enrolment was open regardless of MMR status, dMMR tumours included.",
                "The hazard ratio for PFS was 0.64 with durvalumab.",
            ],
            "0.64",
        ),
    ],
)
def test_a_setting_asked_as_a_subgroup_must_be_said_by_the_figure(
    question, sentences, overall, vocab
):
    draft = _answer_in(vocab, question, sentences, ["encorafenib", "durvalumab"])
    assert overall not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "median", "gain"),
    [
        # lung cancer: a projected improvement is no arm's median
        (
            "median OS with osimertinib?",
            [
                "Median OS was not reached with the combination versus 36.7 months with "
                "osimertinib; investigators projected that the median OS improvement would "
                "exceed 1 year."
            ],
            "36.7",
            "1 year",
        ),
        # kidney cancer: the gain over the other arm, said before the median
        (
            "median PFS on cabozantinib?",
            [
                "The median PFS gain with cabozantinib was 8.3 months over sunitinib.",
                "Median PFS was 16.6 months on cabozantinib.",
            ],
            "16.6",
            "8.3",
        ),
    ],
)
def test_a_difference_between_arms_is_no_arm_s_median(question, sentences, median, gain, vocab):
    draft = _answer_in(vocab, question, sentences, ["osimertinib", "cabozantinib"])
    lead = draft.text.split("[")[0]
    assert median in lead and gain not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "part"),
    [
        # ovarian cancer: the overall population asked, a subgroup analysis's median said
        (
            "overall population mPFS w/ niraparib?",
            "In a subgroup analysis, median PFS was 8.1 months with niraparib.",
            "8.1",
        ),
        # lung cancer: the same with a biomarker subgroup
        (
            "ORR in the overall population with pembrolizumab?",
            "Within the biomarker subgroup, ORR with pembrolizumab was 45.2%.",
            "45.2%",
        ),
    ],
)
def test_a_subgroup_s_figure_does_not_answer_for_the_overall_population(
    question, sentence, part, vocab
):
    draft = _answer_in(vocab, question, [sentence], ["niraparib", "pembrolizumab"])
    assert part not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "latest", "earlier"),
    [
        # cervical cancer: the second interim analysis's HR, not the first's
        (
            "OS HR pembro vs placebo?",
            [
                "24-month OS (IA1) | Pembrolizumab + CRT: 87% | Placebo + CRT: 81% | "
                "HR (95% CI): 0.73 (0.49-1.07)",
                "36-month OS (IA2) | Pembrolizumab + CRT: 82.6% | Placebo + CRT: 74.8% | "
                "HR (95% CI): 0.67 (0.50-0.90)",
            ],
            "0.67",
            "0.73",
        ),
        # biliary tract cancer: the updated analysis's, not the primary one's
        (
            "median OS with durvalumab?",
            [
                "In the primary analysis, median OS was 12.8 months with durvalumab.",
                "In the updated analysis, median OS was 12.9 months with durvalumab.",
            ],
            "12.9",
            "12.8",
        ),
    ],
)
def test_no_analysis_asked_an_earlier_one_never_leads_over_a_later_one(
    question, sentences, latest, earlier, vocab
):
    # the latest analysis's figure, or Not found: never the superseded one's
    draft = _answer_in(vocab, question, sentences, ["pembrolizumab", "durvalumab"])
    lead = draft.text.split("[")[0]
    assert earlier not in lead and (draft.status == "not_found" or latest in lead), draft.text


@pytest.mark.parametrize(
    ("sentences", "event_rate"),
    [
        # Hodgkin lymphoma: the febrile neutropenia rate goes on from a PFS sentence
        (
            [
                "6-year PFS was 82.3% vs 74.5%, respectively.",
                "Among patients in the A+AVD arm who received G-CSF prophylaxis, the febrile "
                "neutropenia rate dropped to 11%, and the protocol was amended to recommend it.",
            ],
            "11%",
        ),
        # lung cancer: a diarrhoea rate after a PFS sentence
        (
            [
                "The 12-month PFS rate was 68% vs 42%, respectively.",
                "In the osimertinib arm the diarrhea rate was 58%, and it was mostly grade 1.",
            ],
            "58%",
        ),
    ],
)
def test_a_figure_of_a_named_event_does_not_go_on_with_the_endpoint_before(
    sentences, event_rate, vocab
):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from index.figures import extract_figures
    from index.store import ArticleRecord

    article = ArticleRecord("a", "Report", "s", "2026-01-01", 1, {"drugs": [], "trials": []})
    first, second = sentences  # one right after the other, as an article says them
    given = [
        Sentence(article, 0, len(first), first, 0),
        Sentence(article, len(first) + 1, len(first) + 1 + len(second), second, 0),
    ]
    engine = ExtractiveEngine(vocab)
    analysed = [
        (s, vocab.terms(s.text), f, []) for s in given for f in extract_figures(s.text, vocab)
    ]
    endpoints = {f.value: f.endpoint for _, _, f, _ in engine._inherit_endpoints(analysed, given)}
    assert endpoints[event_rate] is None, endpoints
    # a figure that does go on ("the rate was ...") still takes the endpoint before
    goes_on = "In the control arm, the rate was 40%."
    given[1] = Sentence(article, len(first) + 1, len(first) + 1 + len(goes_on), goes_on, 0)
    analysed = [
        (s, vocab.terms(s.text), f, []) for s in given for f in extract_figures(s.text, vocab)
    ]
    endpoints = {f.value: f.endpoint for _, _, f, _ in engine._inherit_endpoints(analysed, given)}
    assert endpoints["40%"] == "PFS", endpoints


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "figure"),
    [
        # small-cell lung cancer: a question about eligibility, a cohort's response rate
        (
            "What was the maximum number of prior systemic therapy lines allowed?",
            "Patients who got I-DXd as their second-line treatment had an objective response "
            "rate of 56.3%.",
            ["ifinatamab deruxtecan"],
            "56.3%",
        ),
        # breast cancer: the same with another cohort's response rate
        (
            "maximum number of prior therapy lines allowed in the trial?",
            "Patients who received elacestrant after one prior line of therapy had an objective "
            "response rate of 21.4%.",
            ["elacestrant"],
            "21.4%",
        ),
        # colorectal cancer: a line of therapy's response rate
        (
            "how many prior lines of therapy were permitted?",
            "Patients treated in the second-line setting had an objective response rate of 41.0%.",
            ["fruquintinib"],
            "41.0%",
        ),
    ],
)
def test_a_question_naming_no_endpoint_is_not_answered_by_an_endpoints_figure(
    question, sentence, drugs, figure, vocab
):
    # the sentence may be quoted as the closest one; its figure is never the answer's lead
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert not any(w.startswith(f"lead {figure}") for w in draft.why), draft.why


def _other_drugs_doses(vocab, question, sentence, meta):
    """Each dose in ``sentence``: whether it is another drug's than the one ``question`` asks."""
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.figures import extract_figures
    from index.store import ArticleRecord

    article = ArticleRecord("a", "Report", "s", "2026-01-01", 1, meta)
    s = Sentence(article, 0, len(sentence), sentence, 0)
    q = analyze(question, vocab)
    engine = ExtractiveEngine(vocab)
    return {
        f.value: engine._other_drugs_dose(q, s, f, None) for f in extract_figures(sentence, vocab)
    }


@pytest.mark.parametrize(
    ("question", "sentence", "brands", "other_dose"),
    [
        # liver cancer: the regimen named by its name, the drug asked by its clipped name
        (
            "treme dose in the STRIDE regimen?",
            "STRIDE consisted of tremelimumab 300 mg given once, together with durvalumab "
            "1,500 mg.",
            {"stride": ["tremelimumab", "durvalumab"]},
            "1,500 mg",
        ),
        # melanoma: a fixed-dose combination's brand and one of its drugs
        (
            "relatlimab dose in Opdualag?",
            "In the Opdualag arm, patients received nivolumab 480 mg and relatlimab 160 mg every "
            "4 weeks.",
            {"opdualag": ["nivolumab", "relatlimab"]},
            "480 mg",
        ),
    ],
)
def test_a_drug_asked_within_a_named_regimen_is_the_one_whose_dose_answers(
    question, sentence, brands, other_dose, vocab
):
    drugs = sorted({d for v in brands.values() for d in v})
    doses = _other_drugs_doses(vocab, question, sentence, {"drugs": drugs, "brands": brands})
    assert doses[other_dose] is True, doses
    assert [v for v, other in doses.items() if not other] != [], doses


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "other_dose"),
    [
        # colorectal cancer: an arm's heading before its doses names both drugs
        (
            "ipi dose in the trial?",
            "- Nivolumab plus ipilimumab (n=354): nivolumab 240 mg plus ipilimumab 1 mg/kg every "
            "3 weeks",
            ["nivolumab", "ipilimumab"],
            "240 mg",
        ),
        # lung cancer: the same with a chemotherapy partner
        (
            "pemetrexed dose?",
            "Pembrolizumab plus pemetrexed (n=410): pembrolizumab 200 mg plus pemetrexed "
            "500 mg/m2 every 3 weeks",
            ["pembrolizumab", "pemetrexed"],
            "200 mg",
        ),
        # colorectal cancer: the next dose of the same drug, "followed by"
        (
            "ipi dose in the trial?",
            "- Nivolumab monotherapy: nivolumab 240 mg every 2 weeks for 6 doses, followed by "
            "480 mg every 4 weeks",
            ["nivolumab", "ipilimumab"],
            "480 mg",
        ),
        # breast cancer: a maintenance dose after a loading dose
        (
            "pertuzumab maintenance dose?",
            "Trastuzumab was given at 8 mg/kg as a loading dose, followed by 6 mg/kg every "
            "3 weeks.",
            ["trastuzumab", "pertuzumab"],
            "6 mg/kg",
        ),
    ],
)
def test_a_dose_belongs_to_the_drug_named_nearest_before_it(
    question, sentence, drugs, other_dose, vocab
):
    doses = _other_drugs_doses(vocab, question, sentence, {"drugs": drugs})
    assert doses[other_dose] is True, doses


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "values"),
    [
        # lung cancer: one drug named, set against "the combo"
        (
            "median DoR combo vs osimertinib?",
            "Median DoR was 25.8 months with amivantamab-lazertinib versus 16.8 months with "
            "osimertinib.",
            ["amivantamab", "lazertinib", "osimertinib"],
            ["25.8", "16.8"],
        ),
        # ovarian cancer: one drug named, set against placebo
        (
            "mPFS nira vs pbo in the HRd group?",
            "In the HRd group, median PFS was 21.9 months with niraparib vs 10.4 months with "
            "placebo.",
            ["niraparib"],
            ["21.9", "10.4"],
        ),
    ],
)
def test_a_drug_set_against_another_arm_is_answered_with_both(
    question, sentence, drugs, values, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    lead = draft.text.split("[")[0]
    assert all(v in lead for v in values), draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "asked", "other"),
    [
        # colorectal cancer: the arms compared before the values, in their order
        (
            "control arm mPFS?",
            "Encorafenib plus cetuximab and mFOLFOX6 (n=236) significantly improved PFS as "
            "assessed by BICR compared with standard-of-care chemotherapy (n=243), with a median "
            "PFS of 12.8 months versus 7.1 months (HR 0.53).",
            ["encorafenib", "cetuximab"],
            "7.1",
            "12.8",
        ),
        # lung cancer: the same with placebo, and the experimental arm asked
        (
            "mPFS with osimertinib?",
            "Osimertinib significantly prolonged PFS compared with placebo, with a median PFS "
            "of 39.1 months versus 5.6 months.",
            ["osimertinib"],
            "39.1",
            "5.6",
        ),
    ],
)
def test_values_after_a_comparison_of_two_arms_are_theirs_in_order(
    question, sentence, drugs, asked, other, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    lead = draft.text.split("[")[0]
    assert asked in lead and other not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "median"),
    [
        # colorectal cancer: the arms' sizes asked, only their medians reported
        (
            "how many pts were in each arm for the PFS analysis?",
            "Median PFS was 12.8 months with the triplet versus 7.1 months with chemotherapy.",
            ["encorafenib"],
            "12.8",
        ),
        # breast cancer: the same for a subgroup
        (
            "how many patients were in the PFS analysis of the ESR1-mutated group?",
            "In the ESR1-mutated group, median PFS was 3.8 months with elacestrant.",
            ["elacestrant"],
            "3.8",
        ),
    ],
)
def test_how_many_is_never_answered_by_a_median(question, sentence, drugs, median, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert median not in draft.text.split("[")[0], draft.text


def _adjacent(vocab, question, sentences, drugs=()):
    """Answer ``question`` from ``sentences`` said one right after the other in one article."""
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    article = ArticleRecord("a", "Report", "s", "2026-01-01", 1, {"drugs": list(drugs)})
    given, start = [], 0
    for i, text in enumerate(sentences):
        given.append(Sentence(article, start, start + len(text), text, i))
        start += len(text) + 1
    q = analyze(question, vocab)
    q.scoped = True
    return ExtractiveEngine(vocab).answer(q, given)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # biliary tract cancer: an interview's subgroup answer under the interviewer's question
        (
            "OS HR in pts outside Asia?",
            [
                "Median PFS was 6.5 months with pembrolizumab.",
                "**Were there subgroups that did better or worse?**",
                "The benefit was broadly consistent.",
                "By region, the hazard ratio was 0.85 in Asian patients and 0.81 in patients "
                "outside Asia.",
            ],
            ["pembrolizumab"],
            "0.81",
        ),
        # prostate cancer: a markdown heading opens the subgroup section
        (
            "OS HR in pts with visceral mets?",
            [
                "Median rPFS was 33.1 months with talazoparib.",
                "## Subgroups",
                "The hazard ratio was 0.72 in patients with visceral metastases.",
            ],
            ["talazoparib"],
            "0.72",
        ),
    ],
)
def test_a_statistic_takes_no_endpoint_from_before_a_heading(
    question, sentences, drugs, value, vocab
):
    draft = _adjacent(vocab, question, sentences, drugs)
    assert value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "overall"),
    [
        # biliary tract cancer: a region asked, the overall HR reported
        (
            "OS HR in pts outside Asia?",
            "The OS HR was 0.83 (95% CI, 0.72-0.95).",
            ["pembrolizumab"],
            "0.83",
        ),
        # urothelial cancer: a sex asked
        ("DFS HR in women?", "The DFS HR was 0.70 with nivolumab.", ["nivolumab"], "0.70"),
        # melanoma: a gene's status asked
        (
            "mOS BRAF wild-type nivo + ipi?",
            "Median OS was 71.9 months with nivolumab plus ipilimumab.",
            ["nivolumab", "ipilimumab"],
            "71.9",
        ),
    ],
)
def test_a_part_of_the_population_asked_is_not_answered_for_everyone(
    question, sentence, drugs, overall, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert overall not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "asked", "other"),
    [
        # colorectal cancer: the second landmark's values take the arms of the first's
        (
            "2-yr OS rate w/ EC + mFOLFOX6?",
            "The estimated OS rate at 12 months was 79.0% with EC + mFOLFOX6 versus 65.4% with "
            "control, and at 24 months it was 57.0% versus 31.4%.",
            ["encorafenib", "cetuximab"],
            "57.0%",
            "31.4%",
        ),
        # endometrial cancer: a combination abbreviated with "+", against control
        (
            "18-mo PFS w/ durva + ola?",
            "The 12-month PFS rate was 61% with durva + ola versus 41% with control, and at 18 "
            "months it was 46% versus 22%.",
            ["durvalumab", "olaparib"],
            "46%",
            "22%",
        ),
        # lung cancer: the same with placebo
        (
            "24-month PFS with osimertinib?",
            "The 12-month PFS rate was 68% with osimertinib versus 42% with placebo, and at 24 "
            "months it was 45% versus 20%.",
            ["osimertinib"],
            "45%",
            "20%",
        ),
    ],
)
def test_the_arm_after_a_value_is_not_the_next_values(
    question, sentence, drugs, asked, other, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    lead = draft.text.split("[")[0]
    assert asked in lead and other not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # melanoma: the response's definition is no rate of it
        (
            "MPR rate after 2 cycles of ipi+nivo?",
            "Patients with a major pathologic response (10% or less viable tumor) received no "
            "adjuvant therapy.",
            ["ipilimumab", "nivolumab"],
        ),
        # lung cancer: the same said as a definition
        (
            "MPR rate with nivolumab plus chemo?",
            "A major pathological response was defined as 10% or less residual viable tumour.",
            ["nivolumab"],
        ),
    ],
)
def test_a_ceiling_that_defines_a_response_is_no_rate_of_it(question, sentence, drugs, vocab):
    assert "10%" not in _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    # ... unless the question asks for the cut-off
    asked = _answer_in(vocab, "what viable tumor cutoff defined MPR?", [sentence], drugs)
    assert "10%" in asked.text, asked.text


@pytest.mark.parametrize(
    ("question", "row", "value"),
    [
        # cervical cancer: a table row naming its follow-up before the HR column
        (
            "PFS HR at IA1?",
            "24-month PFS (IA1, median f/u 17.9 mo) | Pembrolizumab + CRT (n = 529): 68% | "
            "Placebo + CRT (n = 531): 57% | HR (95% CI): 0.70 (0.55-0.89)",
            "0.70",
        ),
        # head and neck cancer: the same with EFS
        (
            "EFS HR?",
            "36-month EFS (median follow-up 38.3 mo) | Pembrolizumab (n = 363): 57.6% | "
            "SOC (n = 351): 46.4% | HR (95% CI): 0.73 (0.58-0.92)",
            "0.73",
        ),
    ],
)
def test_a_statistic_is_never_for_the_follow_up(question, row, value, vocab):
    draft = _answer_in(vocab, question, [row], ["pembrolizumab"])
    assert value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "other_events"),
    [
        # breast cancer: the next item's rate is leukopenia's
        (
            "grade >=3 neutropenia rate with sacituzumab govitecan?",
            "The most common grade 3 or higher events with the ADC were neutropenia (51% vs 38% "
            "with TPC), leukopenia (9% vs 5%) and diarrhea (10% vs 1%).",
            ["sacituzumab govitecan"],
            ["9%", "10%"],
        ),
        # prostate cancer: the list's last item is fatigue's
        (
            "anemia rate with tala+enza?",
            "The most common adverse events with the combination were anemia (66%; grade 3-4, "
            "46%), neutropenia (36%; grade 3-4, 18%) and fatigue (34%).",
            ["talazoparib", "enzalutamide"],
            ["36%", "34%"],
        ),
    ],
)
def test_an_event_asked_is_not_answered_by_another_items_rate(
    question, sentence, drugs, other_events, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert not any(v in lead for v in other_events), lead


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "every_event"),
    [
        # GIST: the rate of any adverse event is not alopecia's
        (
            "any-grade alopecia w/ ripretinib?",
            "Treatment-emergent adverse events of any grade occurred in 98.8% of ripretinib and "
            "97.7% of placebo patients.",
            ["ripretinib"],
            "98.8%",
        ),
        # breast cancer: nor nausea's
        (
            "any grade nausea with T-DXd?",
            "Adverse events of any grade were reported in 99.3% of patients on T-DXd.",
            ["trastuzumab deruxtecan"],
            "99.3%",
        ),
    ],
)
def test_an_event_asked_is_not_answered_by_every_events_rate(
    question, sentence, drugs, every_event, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert every_event not in lead, lead


@pytest.mark.parametrize(
    ("question", "sentences", "ratio"),
    [
        # liver cancer: the ratio, not the count or the trial's design sentence
        (
            "n and randomization ratio in the trial?",
            [
                "The trial was a global, open-label, randomized phase 3 trial.",
                "A total of 501 patients were randomized 2:1 to atezolizumab plus bevacizumab "
                "or sorafenib.",
            ],
            "2:1",
        ),
        # lung cancer: the ratio in words, not the hazard ratio
        (
            "randomisation ratio?",
            [
                "The hazard ratio was 0.16, with a 95% confidence interval of 0.10 to 0.24.",
                "Randomisation was two to one.",
            ],
            "two to one",
        ),
    ],
)
def test_a_randomization_ratio_asked_is_answered_by_the_allocation(
    question, sentences, ratio, vocab
):
    lead = _answer_in(vocab, question, sentences, ["atezolizumab", "osimertinib"]).text
    assert ratio in lead.split("[")[0], lead


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "organ_events"),
    [
        # cervical cancer: the clause's subject is the ocular events, not every TRAE
        (
            "G3+ TRAEs tisotumab vs chemo?",
            "Ocular adverse events of any grade occurred in 53.6% of patients on tisotumab "
            "vedotin, but grade 3 or higher ocular events were only 3.2%.",
            ["tisotumab vedotin"],
            "3.2%",
        ),
        # myeloma: the same for belantamab's eye toxicity
        (
            "grade 3-4 AEs with belantamab?",
            "Infections were common with belantamab, while grade 3 or 4 ocular toxicity was "
            "reported in 34%.",
            ["belantamab mafodotin"],
            "34%",
        ),
    ],
)
def test_the_rate_of_an_organs_events_is_not_every_events(
    question, sentence, drugs, organ_events, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert organ_events not in lead, lead


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value", "name"),
    [
        # breast cancer: the rate before a grade's brackets is every grade's
        (
            "any grade liver-related AEs with ribociclib?",
            "With ribociclib, liver-related adverse events occurred in 25.4% (grade 3 or higher, "
            "8.6%).",
            ["ribociclib"],
            "25.4%",
            "Liver-related adverse events",
        ),
        # ... and the brackets' rate is that grade's, named so
        (
            "G3+ hepatic AEs with ribociclib?",
            "With ribociclib, liver-related adverse events occurred in 25.4% (grade 3 or higher, "
            "8.6%).",
            ["ribociclib"],
            "8.6%",
            "Liver-related adverse events, grade 3 or higher",
        ),
        # prostate cancer: the same for anaemia
        (
            "anaemia any grade with olaparib?",
            "With olaparib, anaemia occurred in 46.0% (grade 3 or higher, 15.1%).",
            ["olaparib"],
            "46.0%",
            "",
        ),
    ],
)
def test_an_events_rate_and_its_grades_in_brackets_are_told_apart(
    question, sentence, drugs, value, name, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert value in lead and lead.startswith(name), lead


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "yardstick"),
    [
        # gastric cancer: the breast cancer dose the trial's is compared with
        (
            "T-DXd dose in the gastric trial?",
            "Note that the 6.4 mg/kg dose is higher than the 5.4 mg/kg used in breast cancer.",
            ["trastuzumab deruxtecan"],
            "5.4 mg/kg",
        ),
        # breast cancer: the metastatic dose the adjuvant one is compared with
        (
            "adjuvant ribociclib dose?",
            "The 400-mg adjuvant dose is lower than the 600 mg used in metastatic disease.",
            ["ribociclib"],
            "600 mg",
        ),
        # melanoma: the historical bound on the comparator's response rates
        (
            "ORR w/ dacarbazine?",
            "Before BRIM-3, dacarbazine was the reference chemotherapy, with response rates "
            "below 15% and no demonstrated survival benefit.",
            ["dacarbazine", "vemurafenib"],
            "15%",
        ),
        # GIST: rates "of up to" a share in earlier lines
        (
            "ORR with ripretinib?",
            "In earlier lines, TKIs gave response rates of up to 40%; ripretinib is a switch-"
            "control inhibitor.",
            ["ripretinib"],
            "40%",
        ),
    ],
)
def test_a_value_another_is_compared_with_is_no_answer(question, sentence, drugs, yardstick, vocab):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert yardstick not in lead, lead


CNS_PFS = (
    "An exploratory intracranial analysis reported that tucatinib reduced the risk of CNS "
    "progression or death by 68% (CNS-PFS HR, 0.32), with median CNS-PFS of 9.9 vs 4.2 months."
)


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "other"),
    [
        # breast cancer: the brain's PFS is not the PFS asked
        ("mPFS tucatinib vs control?", CNS_PFS, ["tucatinib"], "9.9"),
        # lung cancer: nor the intracranial ORR the ORR
        (
            "ORR with lorlatinib?",
            "The intracranial ORR was 82% with lorlatinib.",
            ["lorlatinib"],
            "82%",
        ),
    ],
)
def test_an_endpoint_of_a_part_does_not_answer_the_endpoint(
    question, sentence, drugs, other, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert other not in lead, lead


def test_an_endpoint_of_a_part_asked_is_answered_and_named_so(vocab):
    # breast and lung cancer: asked with its part, it answers, and the lead says which
    lead = _answer_in(vocab, "median CNS-PFS tucatinib?", [CNS_PFS], ["tucatinib"]).text
    assert lead.startswith("CNS-PFS: 9.9 vs 4.2 months"), lead
    lead = _answer_in(
        vocab,
        "intracranial ORR w/ lorlatinib?",
        ["The intracranial ORR was 82% with lorlatinib."],
        ["lorlatinib"],
    ).text
    assert "82%" in lead.split("[")[0], lead


def _answer_titled(vocab, question, title, sentences, drugs):
    return _answer_in(vocab, question, sentences, drugs, title=title)


@pytest.mark.parametrize(
    ("question", "title", "sentences", "drugs", "overall"),
    [
        # biliary tract cancer: MSI-H patients asked; the article names MSI-H only in passing
        (
            "mOS in MSI-H pts?",
            "Pembrolizumab Adds Survival in Biliary Tract Cancer",
            [
                "Few patients had MSI-H tumours.",
                "Median overall survival was 12.7 months in the pembrolizumab arm.",
            ],
            ["pembrolizumab"],
            "12.7",
        ),
        # breast cancer: ESR1-mutant patients asked
        (
            "PFS HR in ESR1-mutant pts?",
            "Inavolisib Triplet Extends PFS in PIK3CA-Mutated Breast Cancer",
            [
                "ESR1-mutated tumours were tested at baseline.",
                "The PFS hazard ratio was 0.43 with inavolisib.",
            ],
            ["inavolisib"],
            "0.43",
        ),
    ],
)
def test_a_setting_asked_as_the_patients_is_a_part_the_figure_must_say(
    question, title, sentences, drugs, overall, vocab
):
    draft = _answer_titled(vocab, question, title, sentences, drugs)
    assert overall not in draft.text.split("[")[0], draft.text


def test_a_setting_the_headline_names_is_the_whole_trials(vocab):
    # breast cancer: the trial is about HR+/HER2- disease; its 12-month rate answers
    draft = _answer_titled(
        vocab,
        "12-mo PFS rate w/ Trodelvy in HR+/HER2- pts?",
        "Sacituzumab Govitecan Extends Survival in HR+/HER2- Metastatic Breast Cancer",
        ["The 12-month PFS rate was 21% with sacituzumab govitecan."],
        ["sacituzumab govitecan"],
    )
    assert "21%" in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "asked", "others"),
    [
        # breast cancer: a pair with its arms for everyone, then a pair for a part of them
        (
            "ORR w/ capivasertib in the altered population",
            "Objective response was 22.9% with capivasertib vs 12.2% with placebo in the overall "
            "population, and 28.8% vs 9.7% in the altered population.",
            ["capivasertib"],
            "28.8%",
            ["22.9%", "9.7%"],
        ),
        # breast cancer (another trial): the same with medians
        (
            "mPFS elacestrant in ESR1m pts?",
            "Median PFS was 2.8 months with elacestrant versus 1.9 months with SOC in all "
            "patients, and 3.8 versus 1.9 months in the ESR1-mutated subgroup.",
            ["elacestrant"],
            "3.8",
            ["2.8", "1.9"],
        ),
        # lung cancer: the same with a mutation's subgroup
        (
            "ORR w/ osimertinib in the L858R population?",
            "ORR was 45% with osimertinib vs 30% with placebo in the overall population, and 52% "
            "vs 28% in the L858R population.",
            ["osimertinib"],
            "52%",
            ["45%", "28%"],
        ),
    ],
)
def test_a_pair_said_of_a_part_takes_the_arms_of_the_pair_before(
    question, sentence, drugs, asked, others, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert asked in lead and not any(o in lead for o in others), lead


@pytest.mark.parametrize(
    ("question", "section", "sentence", "drugs", "dose"),
    [
        # breast cancer: a trial's doses under a heading naming its biomarker population
        (
            "inavolisib dose?",
            "INAVO120: inavolisib + palbociclib + fulvestrant in first-line PIK3CA-mutated disease",
            "Patients were randomly assigned 1:1 to inavolisib 9 mg once daily plus palbociclib "
            "125 mg.",
            ["inavolisib", "palbociclib"],
            "9 mg",
        ),
        # lung cancer: the same under a mutation's cohort
        (
            "osimertinib dose?",
            "Osimertinib in first-line EGFR-mutated disease",
            "Patients received osimertinib 80 mg once daily until progression.",
            ["osimertinib"],
            "80 mg",
        ),
    ],
)
def test_a_regimens_dose_answers_whatever_part_of_the_population_its_section_names(
    question, section, sentence, drugs, dose, vocab
):
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    article = ArticleRecord("a", "Report", "s", "2026-01-01", 1, {"drugs": drugs, "trials": []})
    # another section's: the article reports on another line of therapy too
    overall = "In the second-line setting, the median PFS was 15.0 months."
    given = [
        Sentence(article, 0, len(sentence), sentence, 0, section=section),
        Sentence(article, 1000, 1000 + len(overall), overall, 1),
    ]
    q = analyze(question, vocab)
    q.scoped = True
    draft = ExtractiveEngine(vocab).answer(q, given)
    assert dose in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "other_dose"),
    [
        # colorectal cancer: "a 960 mg dose of sotorasib" is sotorasib's
        (
            "panitumumab dose?",
            "The full 960 mg dose of sotorasib combined with panitumumab halved the risk of "
            "progression.",
            ["sotorasib", "panitumumab"],
            "960 mg",
        ),
        # myeloma: the same with an antibody-drug conjugate
        (
            "bortezomib dose in the BVd arm?",
            "A 2.5 mg/kg dose of belantamab mafodotin was given with bortezomib every 3 weeks.",
            ["belantamab", "bortezomib"],
            "2.5 mg/kg",
        ),
    ],
)
def test_a_dose_of_a_drug_named_after_it_is_that_drugs(
    question, sentence, drugs, other_dose, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert other_dose not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value", "answers"),
    [
        # neuroendocrine tumours: the risk of progression or death is PFS's
        (
            "PFS HR lutathera vs octreotide LAR 60",
            "The risk of progression or death was reduced by 79% (HR 0.21; 95% CI, 0.13-0.33).",
            ["lutetium", "octreotide"],
            "0.21",
            True,
        ),
        # breast cancer: the risk of death is OS's ...
        (
            "OS HR SG vs TPC?",
            "Sacituzumab govitecan reduced the risk of death by 21% (HR 0.79; 95% CI, 0.65-0.96).",
            ["sacituzumab govitecan"],
            "0.79",
            True,
        ),
        # ... and no PFS's
        (
            "PFS HR SG vs TPC?",
            "Sacituzumab govitecan reduced the risk of death by 21% (HR 0.79; 95% CI, 0.65-0.96).",
            ["sacituzumab govitecan"],
            "0.79",
            False,
        ),
    ],
)
def test_a_risk_reductions_hazard_ratio_is_that_of_the_events_it_counts(
    question, sentence, drugs, value, answers, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert (value in draft.text.split("[")[0]) is answers, draft.text


@pytest.mark.parametrize(
    ("question", "title", "section", "sentences", "drugs", "answer", "row_value"),
    [
        # AML: the overall HR, not a subgroup row's; the trial's own marker names no row
        (
            "OS HR quizartinib vs placebo in FLT3-ITD AML?",
            "Quizartinib improves survival in FLT3-ITD-positive AML",
            "Subgroup analysis of overall survival",
            [
                "Overall survival was longer with quizartinib than with placebo (HR 0.78; 95% "
                "CI, 0.62-0.98).",
                "FLT3-ITD VAF 3%-25% | Quizartinib, n: 93 | Placebo, n: 89 | "
                "OS HR (95% CI): 0.77 (0.50-1.19)",
            ],
            ["quizartinib"],
            "0.78",
            "0.77",
        ),
        # GIST: "4L+" is the whole trial, not the ">=4 prior lines" row
        (
            "PFS HR ripretinib vs placebo in 4L+ GIST?",
            "Ripretinib in fourth-line GIST",
            "Subgroups",
            [
                "Ripretinib cut the risk of progression or death versus placebo (HR 0.15).",
                ">=4 prior lines | Ripretinib mPFS: 5.5 months | Placebo mPFS: 0.9 months | "
                "HR: 0.12",
            ],
            ["ripretinib"],
            "0.15",
            "0.12",
        ),
        # oesophageal cancer: the row asked by a clipped word
        (
            "adeno pts - DFS HR nivo?",
            "Adjuvant nivolumab in resected oesophageal cancer",
            "Subgroup analysis",
            [
                "The DFS hazard ratio was 0.69 with nivolumab.",
                "Adenocarcinoma | n (nivolumab / placebo): 376 / 187 | HR (95% CI): 0.75 "
                "(0.59-0.96)",
            ],
            ["nivolumab"],
            "0.75",
            None,
        ),
        # liver cancer: the row asked by the vocabulary's name for it
        (
            "OS HR in the HCV subgroup?",
            "Atezolizumab plus bevacizumab in unresectable HCC",
            "Subgroup analyses of OS",
            [
                "The OS hazard ratio was 0.66 with atezolizumab plus bevacizumab.",
                "Hepatitis C | Atezo-bev n: 72 | Sorafenib n: 36 | "
                "OS HR (95% CI): 0.43 (0.22-0.87)",
            ],
            ["atezolizumab", "bevacizumab"],
            "0.43",
            None,
        ),
    ],
)
def test_a_row_of_a_subgroup_table_answers_only_for_its_subgroup(
    question, title, section, sentences, drugs, answer, row_value, vocab
):
    draft = _answer_in(
        vocab, question, sentences, drugs, section=section, title=title, rows_section=True
    )
    lead = draft.text.split("[")[0]
    assert answer in lead and (row_value is None or row_value not in lead), draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "other_cause"),
    [
        # kidney cancer: events related to treatment do not answer events of any cause
        (
            "G3+ AEs (any cause) nivo/cabo vs sunitinib",
            "Treatment-related grade 3 or higher adverse events occurred in 60.6% of patients on "
            "nivolumab/cabozantinib and 50.9% of sunitinib-treated patients.",
            ["nivolumab", "cabozantinib", "sunitinib"],
            "60.6%",
        ),
        # breast cancer: nor events of any cause the treatment-related ones
        (
            "G3+ TRAEs with T-DXd?",
            "Grade 3 or higher adverse events of any cause occurred in 52.6% of patients on T-DXd.",
            ["trastuzumab deruxtecan"],
            "52.6%",
        ),
    ],
)
def test_adverse_events_by_one_cause_do_not_answer_for_another(
    question, sentence, drugs, other_cause, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert other_cause not in lead, lead


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "asked", "other"),
    [
        # lung cancer: the value said "in stage IB-II" is not stage IIIA's
        (
            "stage IIIA EFS HR with nivo chemo?",
            "By stage, the HR was 0.54 (95% CI, 0.37-0.80) in stage IIIA disease and 0.87 (95% "
            "CI, 0.48-1.56) in stage IB-II.",
            ["nivolumab"],
            "0.54",
            "0.87",
        ),
        # melanoma: the same the other way round
        (
            "RFS HR in stage IIIC with pembro?",
            "The RFS hazard ratio was 0.45 in stage IIIB disease and 0.70 in stage IIIC disease.",
            ["pembrolizumab"],
            "0.70",
            "0.45",
        ),
    ],
)
def test_a_stage_asked_is_not_answered_by_another_stages_value(
    question, sentence, drugs, asked, other, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert asked in lead and other not in lead, lead


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "asked", "other"),
    [
        # lung cancer: "the median" of a later clause does not carry OS to the surgery rate
        (
            "5-yr OS in the chemo arm?",
            [
                "The 5-year OS rate was 65.4% with the combination.",
                "Definitive surgery was performed in 83.2% of patients in the combination arm vs "
                "75.4% in the chemotherapy arm, and the median duration of surgery was 184 "
                "minutes vs 217 minutes.",
            ],
            ["nivolumab"],
            None,
            "75.4%",
        ),
        # breast cancer: the same for a surgery rate after an iDFS rate
        (
            "3-yr iDFS with endocrine therapy alone?",
            [
                "The 3-year iDFS rate was 88.1% with the combination.",
                "Breast-conserving surgery was performed in 60.2% of patients given endocrine "
                "therapy alone, and the median time to surgery was 5 weeks.",
            ],
            ["ribociclib"],
            None,
            "60.2%",
        ),
        # head and neck cancer: "grade 3 or higher events" go on from an adverse event sentence
        (
            "grade >=3 AE rate in the pembro + chemo arm",
            [
                "Adverse events were frequent in all arms.",
                "With pembrolizumab plus chemotherapy, grade 3 or higher events were reported in "
                "85% of patients, a rate similar to the control arm's.",
            ],
            ["pembrolizumab"],
            "85%",
            None,
        ),
        # lung cancer: the same said as toxicities
        (
            "G3+ AEs with osimertinib?",
            [
                "Adverse events were mostly low grade.",
                "With osimertinib, grade 3 or higher toxicities were reported in 23% of patients.",
            ],
            ["osimertinib"],
            "23%",
            None,
        ),
    ],
)
def test_a_sentence_goes_on_from_the_one_before_only_by_its_own_words(
    question, sentences, drugs, asked, other, vocab
):
    lead = _answer_in(vocab, question, sentences, drugs, prose=True).text.split("[")[0]
    assert (asked is None or asked in lead) and (other is None or other not in lead), lead


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "share"),
    [
        # lung cancer: a share of patients operated on is no number of cycles
        (
            "how many cycles of neoadjuvant tx before surgery?",
            "Definitive surgery was performed in 83.2% of patients in the combination arm.",
            ["nivolumab"],
            "83.2%",
        ),
        # myeloma: nor a share of successful collections a number of induction cycles
        (
            "how many cycles of induction before transplant?",
            "Stem cell collection before transplant succeeded in 92% of patients after induction.",
            ["daratumumab"],
            "92%",
        ),
    ],
)
def test_how_many_things_is_answered_only_by_a_count_of_them(
    question, sentence, drugs, share, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert share not in lead, lead


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "range_value"),
    [
        # lung cancer: stage IIIA asked; the figure is of stages II-IIIA together
        (
            "24-mo DFS in stage IIIA, osimertinib vs pbo?",
            "At the primary analysis, the 24-month DFS rate in stage II-IIIA disease was 90% with "
            "osimertinib vs 44% with placebo.",
            ["osimertinib"],
            "90%",
        ),
        # melanoma: stage IIIC asked; the figure is of stages IIIB-IIIC
        (
            "3-yr RFS in stage IIIC with pembro?",
            "In stage IIIB-IIIC disease, the 3-year RFS rate was 70% with pembrolizumab.",
            ["pembrolizumab"],
            "70%",
        ),
    ],
)
def test_a_stage_is_not_said_by_a_range_of_stages(question, sentence, drugs, range_value, vocab):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert range_value not in lead, lead


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "asked", "other"),
    [
        # myeloma: each subgroup's hazard ratio in brackets after it
        (
            "high risk cytogenetics subgroup HR for PFS?",
            "The PFS benefit was observed across prespecified subgroups, including patients "
            "refractory to lenalidomide (HR 0.37) and patients with high-risk cytogenetics "
            "(HR 0.36).",
            ["belantamab mafodotin"],
            "0.36",
            "0.37",
        ),
        # lung cancer: the same for metastatic sites
        (
            "PFS HR in pts with liver mets?",
            "PFS benefit was consistent, including patients with brain metastases (HR 0.42) and "
            "patients with liver metastases (HR 0.60).",
            ["osimertinib"],
            "0.60",
            "0.42",
        ),
    ],
)
def test_a_value_in_brackets_after_a_group_is_that_groups(
    question, sentence, drugs, asked, other, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert asked in lead and other not in lead, lead


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value", "name"),
    [
        # breast cancer: the second value of a list takes the list's words
        (
            "neutropenia rate in the placebo arm?",
            "Neutropenia was reported in 62% vs 9% of the ribociclib and placebo arms, "
            "respectively.",
            ["ribociclib"],
            "9%",
            "Neutropenia",
        ),
        # melanoma: the same for an event of one organ
        (
            "arthralgia rate in the combination arm?",
            "Arthralgia was reported in 45% vs 20% of the vemurafenib and combination arms, "
            "respectively.",
            ["vemurafenib", "encorafenib", "binimetinib"],
            "20%",
            "Arthralgia",
        ),
    ],
)
def test_a_listed_value_with_no_words_of_its_own_has_its_lists(
    question, sentence, drugs, value, name, vocab
):
    lead = _answer_in(vocab, question, [sentence], drugs).text.split("[")[0]
    assert value in lead and lead.startswith(name), lead


def test_every_refusal_is_a_named_rule_of_one_shape():
    import inspect

    from bot.answer.extractive import ExtractiveEngine

    assert len(set(ExtractiveEngine.REFUSALS)) == len(ExtractiveEngine.REFUSALS)
    for rule in ExtractiveEngine.REFUSALS:
        params = list(inspect.signature(getattr(ExtractiveEngine, rule)).parameters)
        assert params == ["self", "q", "s", "fig", "context"], rule


@pytest.mark.parametrize(
    ("question", "headline", "sentences", "value"),
    [
        # oesophageal cancer: the headline's "first-line" is the whole trial's setting
        (
            "median follow up?",
            "Pembrolizumab plus chemotherapy extends survival in first-line advanced oesophageal "
            "cancer",
            [
                "At a median follow-up of 22.6 months, every OS hypothesis was met.",
                "OS was tested in ESCC with CPS of 10 or more, in ESCC and in all patients.",
            ],
            "22.6 months",
        ),
        # breast cancer: the same for an HR-positive trial
        (
            "median f/u?",
            "Abemaciclib in high-risk HR-positive early breast cancer",
            [
                "At a median follow-up of 42 months, the benefit held.",
                "The benefit was seen in all patients.",
            ],
            "42 months",
        ),
    ],
)
def test_a_headline_over_the_text_says_whom_the_whole_trial_enrolled(
    question, headline, sentences, value, vocab
):
    draft = _answer_in(
        vocab, question, sentences, ["pembrolizumab"], section=headline, title=headline
    )
    assert value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    "question, sentences, drugs, expected, other",
    [
        # prostate: the pair at 24 months, another pair at 12 months in the same sentence
        (
            "24-mo rPFS rate with talazoparib + enzalutamide",
            [
                "Talazoparib plus enzalutamide was compared with placebo plus enzalutamide.",
                "The estimated rPFS rate at 12 months was 71% versus 58%, and at 24 months it "
                "was 52% versus 39%.",
            ],
            ["talazoparib", "enzalutamide", "placebo"],
            "52%",
            "39%",
        ),
        # kidney: the experimental arm's value is the first of its pair
        (
            "48-month OS rate with nivolumab plus ipilimumab",
            [
                "Nivolumab plus ipilimumab was compared with sunitinib.",
                "The OS estimates were 70% vs 55% at 24 months and 48% vs 33% at 48 months.",
            ],
            ["nivolumab", "ipilimumab", "sunitinib"],
            "48%",
            "33%",
        ),
    ],
)
def test_other_pairs_of_the_endpoint_at_other_time_points_name_no_arm(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    "question, sentences, drugs, lead",
    [
        # lung: the other pair is another endpoint's; whose arm is first is not said
        (
            "median PFS with pembrolizumab plus chemotherapy",
            ["Median PFS was 20.1 vs 9.8 months and the ORR was 79% vs 61%."],
            ["selpercatinib", "pembrolizumab"],
            "20.1",
        ),
        # colorectal
        (
            "median OS with panitumumab plus FOLFOX",
            ["Median OS was 31.4 vs 26.0 months; ORR 68% vs 49%."],
            ["encorafenib", "panitumumab"],
            "31.4",
        ),
    ],
)
def test_pairs_of_other_endpoints_still_leave_the_arms_unsaid(
    vocab, question, sentences, drugs, lead
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert not (d.status == "answered" and d.text.split("[")[0].strip().endswith(lead))
    assert not (d.status == "answered" and f": {lead}" in d.text)


_PROSTATE_ROWS = [
    "All patients (n=612) | rPFS HR (95% CI): 0.71 (0.58-0.86) | OS HR (95% CI): 0.84 (0.69-1.02)",
    "HRR mutated (HRRm) | rPFS HR (95% CI): 0.28 (0.15-0.52) | OS HR (95% CI): 0.40 (0.20-0.79)",
    "Non-HRRm | rPFS HR (95% CI): 0.83 (0.66-1.04) | OS HR (95% CI): 0.93 (0.73-1.19)",
]
_KIDNEY_ROWS = [
    "All patients | PFS HR (95% CI): 0.58 (0.47-0.71) | OS HR (95% CI): 0.72 (0.60-0.87)",
    "IMDC poor risk | PFS HR (95% CI): 0.41 (0.27-0.62) | OS HR (95% CI): 0.49 (0.31-0.77)",
]
_OESOPHAGEAL_ROWS = [
    "All patients | Median DFS, nivolumab (mo): 22.4 | Median DFS, placebo (mo): 11.0",
    "Oesophageal primary | Median DFS, nivolumab (mo): 29.1 | Median DFS, placebo (mo): 8.0",
    "GEJ primary | Median DFS, nivolumab (mo): 19.3 | Median DFS, placebo (mo): 14.2",
]
_OVARIAN_ROWS = [
    "Overall | Median PFS, niraparib (mo): 14.2 | Median PFS, placebo (mo): 8.0 | "
    "HR (95% CI): 0.60 (0.49-0.74)",
    "HRd | Median PFS, niraparib (mo): 20.3 | Median PFS, placebo (mo): 10.1 | "
    "HR (95% CI): 0.44 (0.32-0.60)",
    "HRd, BRCA wild-type | Median PFS, niraparib (mo): 18.4 | Median PFS, placebo (mo): 7.9 | "
    "HR (95% CI): 0.51 (0.30-0.86)",
]


@pytest.mark.parametrize(
    "question, rows, drugs, expected, absent",
    [
        ("rPFS HR?", _PROSTATE_ROWS, ["olaparib"], "0.71", ["0.28", "0.84"]),
        ("OS HR upper CI bound", _PROSTATE_ROWS, ["olaparib"], "1.02", ["0.71"]),
        ("OS HR?", _KIDNEY_ROWS, ["cabozantinib"], "0.72", ["0.58", "0.49"]),
        ("HRRm rPFS HR + 95% CI", _PROSTATE_ROWS, ["olaparib"], "0.28", ["0.71", "0.83"]),
        ("mPFS with niraparib?", _OVARIAN_ROWS, ["niraparib", "placebo"], "14.2", ["20.3"]),
        ("mPFS niraparib in HRd pts", _OVARIAN_ROWS, ["niraparib", "placebo"], "20.3", ["18.4"]),
        (
            "mDFS in esophageal primaries w/ nivo",
            _OESOPHAGEAL_ROWS,
            ["nivolumab"],
            "29.1",
            ["22.4"],
        ),
    ],
)
def test_a_table_with_a_row_of_everyone_has_rows_of_its_parts(
    vocab, question, rows, drugs, expected, absent
):
    # the other rows are parts of the population: they answer only questions naming them,
    # and a row's value of one endpoint is not shown beside another endpoint's
    d = _answer_in(vocab, question, rows, drugs, section="Results")
    assert d.status == "answered" and expected in d.text
    assert not any(a in d.text.split("[")[0] for a in absent)


@pytest.mark.parametrize(
    "question, sentence, drugs, expected, other",
    [
        # thyroid: the older patients' figure is after "while"
        (
            "lenvatinib pts >65 yrs - median PFS?",
            "Patients aged 65 years or younger had a median PFS of 21.5 months with lenvatinib "
            "vs 3.4 months with placebo, while those older than 65 had 15.2 months vs 3.9 months.",
            ["lenvatinib", "placebo"],
            "15.2",
            "21.5",
        ),
        # myeloma: the younger patients' figure is after "; "
        (
            "PFS HR in pts <75 yo?",
            "Among patients aged 75 or older the PFS HR was 0.63; in patients younger than 75 "
            "the HR was 0.52.",
            ["daratumumab"],
            "0.52",
            "0.63",
        ),
    ],
)
def test_a_figure_whose_own_clause_says_another_age_does_not_answer(
    vocab, question, sentence, drugs, expected, other
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    "question, sentence, drugs, aliases, expected",
    [
        # myeloma: the comparator by its regimen code, the sentence names the added drug only
        (
            "OS HR dara-Rd vs Rd?",
            "At a median follow-up of 58 months, the addition of daratumumab reduced the risk "
            "of death by 30% (HR 0.70; 95% CI, 0.55-0.89).",
            ["daratumumab", "lenalidomide", "dexamethasone"],
            {
                "Rd": "lenalidomide plus dexamethasone",
                "D-Rd": "daratumumab plus lenalidomide plus dexamethasone",
            },
            "0.70",
        ),
        # breast: a CDK4/6 inhibitor added to endocrine therapy
        (
            "PFS HR palbociclib + letrozole vs letrozole",
            "Adding palbociclib lowered the risk of progression or death (HR 0.57; 95% CI, "
            "0.46-0.70).",
            ["palbociclib", "letrozole"],
            {},
            "0.57",
        ),
    ],
)
def test_the_drug_added_to_the_comparator_names_the_comparison_asked(
    vocab, question, sentence, drugs, aliases, expected
):
    d = _answer_in(vocab, question, [sentence], drugs, aliases=aliases)
    assert d.status == "answered" and expected in d.text


def test_adding_what_the_question_does_not_name_is_not_its_comparison(vocab):
    # CLL, three arms: the two acalabrutinib arms compared is not the comparison asked
    d = _answer_in(
        vocab,
        "PFS HR acala+obin vs chlorambucil-obin?",
        [
            "A comparison of the two acalabrutinib arms favored adding the antibody (HR 0.47; "
            "95% CI, 0.25-0.93)."
        ],
        ["acalabrutinib", "obinutuzumab", "chlorambucil"],
    )
    assert "0.47" not in d.text


@pytest.mark.parametrize(
    "question, text, drugs, trials, expected",
    [
        # kidney: the trial's code ("4XR") need not be said by the sentence with the number
        (
            "NCT for vesta 4XR",
            "# Nivolumab plus cabozantinib in kidney cancer\n\n"
            "The VESTA 4XR trial tested nivolumab plus cabozantinib against sunitinib.\n\n"
            "The open-label trial (NCT01234567) randomly assigned 640 patients with untreated "
            "clear-cell RCC to nivolumab plus cabozantinib or to sunitinib.\n",
            ["nivolumab", "cabozantinib", "sunitinib"],
            ["VESTA 4XR"],
            "NCT01234567",
        ),
        # AML: "NCT number of" asks for the registry number, not for a count
        (
            "NCT number of PRISM-First",
            "# Quizartinib in FLT3-ITD AML\n\n"
            "PRISM-First (NCT07654321) is a randomized, double-blind, placebo-controlled phase 3 "
            "trial of 540 patients.\n\nMedian OS was 31.2 months with quizartinib.\n",
            ["quizartinib"],
            ["PRISM-First"],
            "NCT07654321",
        ),
        # cervical and breast cancer: a sentence that names a registry without a number is
        # no answer ("US cancer registry data")
        (
            "NCT# of the CERVIX-9 trial?",
            "# Minimally invasive surgery in cervical cancer\n\n"
            "The CERVIX-9 trial results came with a study of US cancer registry data that "
            "found higher mortality after minimally invasive surgery.\n\n"
            "CERVIX-9 (NCT00614299) enrolled women with stage IA1 to IB1 disease.\n",
            [],
            ["CERVIX-9"],
            "NCT00614299",
        ),
        (
            "registry id for BREZA-4?",
            "# Adjuvant therapy in breast cancer\n\n"
            "In BREZA-4, data from the national cancer registry put recurrence at 12%.\n\n"
            "BREZA-4 is registered at ClinicalTrials.gov as NCT01122334 and enrolled 900 women.\n",
            [],
            ["BREZA-4"],
            "NCT01122334",
        ),
    ],
)
def test_the_registry_number_of_a_named_trial(vocab, question, text, drugs, trials, expected):
    d = _roundup_answer(vocab, question, text, drugs, trials)
    assert d.status == "answered" and expected in d.text


@pytest.mark.parametrize(
    "question, sentence, drugs, section, expected",
    [
        # bladder: the brand asked, the generic said
        (
            "what's imfinzi's target?",
            "Durvalumab is a human IgG1 monoclonal antibody that binds PD-L1.",
            ["durvalumab"],
            "",
            "PD-L1",
        ),
        # melanoma
        (
            "what does keytruda target?",
            "Pembrolizumab is a humanized monoclonal antibody that binds PD-1.",
            ["pembrolizumab"],
            "",
            "PD-1",
        ),
        # breast: a heading about the drug names it for the sentences under it
        (
            "what's the payload class of enhertu?",
            "It is composed of an anti-HER2 antibody attached via a cleavable linker to a "
            "topoisomerase I inhibitor payload.",
            ["trastuzumab", "deruxtecan"],
            "About ENHERTU",
            "topoisomerase I",
        ),
        # urothelial
        (
            "what's the payload of padcev?",
            "It is composed of a Nectin-4-directed antibody linked to MMAE, a "
            "microtubule-disrupting agent.",
            ["enfortumab", "vedotin"],
            "About PADCEV",
            "MMAE",
        ),
        # triple-negative breast: a conjugate that "pairs" its antibody with the payload
        (
            "what's the payload on sacituzumab govitecan?",
            "Sacituzumab govitecan is an antibody-drug conjugate that pairs an antibody against "
            "Trop-2 with SN-38, a topoisomerase I inhibitor.",
            ["sacituzumab", "govitecan"],
            "",
            "SN-38",
        ),
    ],
)
def test_what_a_drug_is_said_by_its_generic_name_or_under_its_heading(
    vocab, question, sentence, drugs, section, expected
):
    d = _answer_in(vocab, question, [sentence], drugs, section=section)
    assert d.status == "answered" and expected in d.text


@pytest.mark.parametrize(
    "question, sentences, expected",
    [
        # colorectal: a sentence that only mentions the endpoint does not say which it is
        (
            "what were the primary endpoints of the trial?",
            [
                "The first primary endpoint was reported at last year's symposium.",
                "The trial has two primary endpoints: progression-free survival (PFS) by "
                "central review versus chemotherapy and versus nivolumab.",
            ],
            "progression-free survival",
        ),
        # prostate: the sentence saying what it was, not the one saying it was met
        (
            "what was the primary endpoint",
            [
                "The trial previously met its primary endpoint, showing an improvement in "
                "radiographic progression-free survival (rPFS).",
                "The primary endpoint was rPFS by investigator assessment.",
            ],
            "rPFS by investigator assessment",
        ),
    ],
)
def test_the_primary_endpoint_is_answered_by_the_sentence_naming_it(
    vocab, question, sentences, expected
):
    d = _answer_in(vocab, question, sentences, ["olaparib"], prose=True)
    assert d.status == "answered" and expected in d.text


def _answer_from_articles(vocab, question, articles):
    """Answer ``question`` (naming no trial) from several articles: (title, drugs, sentence)."""
    from bot.answer.extractive import ExtractiveEngine
    from bot.answer.passages import Sentence
    from bot.answer.question import analyze
    from index.store import ArticleRecord

    given = []
    for i, (title, drugs, text) in enumerate(articles):
        meta = {"drugs": drugs, "trials": [], "aliases": {}}
        article = ArticleRecord(f"a{i}", title, f"s{i}", "2026-01-01", 1, meta)
        given.append(Sentence(article, 0, len(text), text, i))
    q = analyze(question, vocab)
    q.scoped = False  # two trials of the drug: the question names neither
    return ExtractiveEngine(vocab).answer(q, given)


@pytest.mark.parametrize(
    "question, articles, expected",
    [
        # bladder and liver trials of one drug: its target is the same in both
        (
            "what's durvalumab's target?",
            [
                (
                    "Durvalumab in bladder cancer",
                    ["durvalumab"],
                    "Durvalumab is a monoclonal antibody that binds PD-L1.",
                ),
                (
                    "Durvalumab in liver cancer",
                    ["durvalumab", "tremelimumab"],
                    "Tremelimumab targets CTLA-4 and durvalumab targets PD-L1.",
                ),
            ],
            "PD-L1",
        ),
        # breast and lung trials of one conjugate
        (
            "payload of trastuzumab deruxtecan?",
            [
                (
                    "T-DXd in breast cancer",
                    ["trastuzumab", "deruxtecan"],
                    "Trastuzumab deruxtecan is linked to a topoisomerase I inhibitor payload.",
                ),
                (
                    "T-DXd in lung cancer",
                    ["trastuzumab", "deruxtecan"],
                    "Trastuzumab deruxtecan carries a topoisomerase I inhibitor payload.",
                ),
            ],
            "topoisomerase I",
        ),
    ],
)
def test_what_a_drug_is_may_be_answered_from_any_of_its_trials(vocab, question, articles, expected):
    d = _answer_from_articles(vocab, question, articles)
    assert d.status == "answered" and expected in d.text


def test_a_trial_figure_asked_of_several_trials_stays_unanswered(vocab):
    # guard, lung and kidney: a figure (not what the drug is) with no trial named
    d = _answer_from_articles(
        vocab,
        "what was the primary endpoint?",
        [
            ("Trial A", ["osimertinib"], "The primary endpoint was PFS by investigator."),
            ("Trial B", ["cabozantinib"], "The primary endpoint was OS."),
        ],
    )
    assert d.status == "not_found"


@pytest.mark.parametrize(
    "question, sentences, expected",
    [
        # oesophageal: doses asked, a sentence without one is no answer
        (
            "what chemo doses were used with nivolumab?",
            [
                "The most common TRAEs with nivolumab plus chemotherapy were nausea and "
                "stomatitis, reflecting the chemotherapy backbone.",
                "Chemotherapy was cisplatin 80 mg/m2 on day 1 with fluorouracil 800 mg/m2 on "
                "days 1 to 5.",
            ],
            None,  # no sentence says which dose is whose asked: nothing, not the backbone
        ),
        # gastric: rates asked
        (
            "vomiting rates with zolbetuximab?",
            [
                "The signature toxicity of zolbetuximab is nausea and vomiting, which was "
                "mostly early.",
                "Vomiting occurred in 66.4% of zolbetuximab patients.",
            ],
            "66.4%",
        ),
    ],
)
def test_a_question_asking_rates_or_doses_is_not_answered_by_a_sentence_without_one(
    vocab, question, sentences, expected
):
    d = _answer_in(vocab, question, sentences, ["nivolumab", "zolbetuximab"], prose=True)
    assert sentences[0] not in d.text
    assert expected is None or (d.status == "answered" and expected in d.text)


@pytest.mark.parametrize(
    "question, sentences, drugs, expected",
    [
        # CLL: the sentence before reports a follow-up, then names the endpoint "it" is
        (
            "mPFS w/ chlorambucil-obinutuzumab?",
            [
                "At a median follow-up of 30.1 months, median PFS had not been reached in "
                "either acalabrutinib arm.",
                "With chlorambucil-obinutuzumab, it was 21.9 months.",
            ],
            ["acalabrutinib", "obinutuzumab", "chlorambucil"],
            "21.9",
        ),
        # lung
        (
            "median OS with docetaxel?",
            [
                "After a median follow-up of 25.2 months, median OS was not reached with the "
                "combination.",
                "With docetaxel, it was 11.8 months.",
            ],
            ["datopotamab", "docetaxel"],
            "11.8",
        ),
    ],
)
def test_it_is_the_endpoint_named_after_the_figures_of_the_sentence_before(
    vocab, question, sentences, drugs, expected
):
    d = _answer_in(vocab, question, sentences, drugs, prose=True)
    assert d.status == "answered" and expected in d.text and "follow" not in d.text


@pytest.mark.parametrize(
    "question, sentence, drugs, expected, lead",
    [
        # AML: said by a verb; the lead names the endpoint
        (
            "median OS with placebo?",
            "Patients in the placebo group lived a median of 8.7 months.",
            ["venetoclax", "placebo"],
            "8.7",
            "Median OS",
        ),
        (
            "12-mo EFS rate with ivosidenib?",
            "The probability of remaining event-free at 12 months was 41% with ivosidenib.",
            ["ivosidenib"],
            "41%",
            "EFS",
        ),
        # endometrial: a landmark spelled out
        (
            "2-yr OS w/ dostarlimab in dMMR?",
            "In the dMMR population, twenty-four-month survival there was 82.0% with dostarlimab.",
            ["dostarlimab"],
            "82.0%",
            "",
        ),
        # kidney
        (
            "36-month OS rate with nivolumab?",
            "Thirty-six-month survival was 61% with nivolumab.",
            ["nivolumab"],
            "61%",
            "",
        ),
    ],
)
def test_endpoints_said_in_words_and_landmarks_spelled_out(
    vocab, question, sentence, drugs, expected, lead
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and expected in d.text and d.text.startswith(lead)


@pytest.mark.parametrize(
    "question, sentences, drugs, expected, other",
    [
        # colorectal: "In that group" is the group the sentence before names
        (
            "OS HR in pts who already had bev?",
            [
                "Patients who had previously received bevacizumab also benefited.",
                "In that group the hazard ratio for death was 0.66 (95% CI, 0.50-0.88).",
            ],
            ["trifluridine", "bevacizumab"],
            "0.66",
            None,
        ),
        # melanoma: "In these patients"
        (
            "PFS HR in pts with elevated LDH",
            [
                "About a third of patients had elevated LDH at baseline.",
                "In these patients, the HR for PFS was 0.62 (95% CI, 0.45-0.85).",
            ],
            ["nivolumab", "relatlimab"],
            "0.62",
            None,
        ),
    ],
)
def test_a_back_reference_is_to_the_group_the_sentence_before_names(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs, prose=True)
    assert d.status == "answered" and expected in d.text


def test_a_back_reference_does_not_answer_for_everyone(vocab):
    # colorectal, guard: the group's HR is no answer to the overall question
    d = _answer_in(
        vocab,
        "OS HR?",
        [
            "Patients who had previously received bevacizumab also benefited.",
            "In that group the hazard ratio for death was 0.66 (95% CI, 0.50-0.88).",
        ],
        ["trifluridine", "bevacizumab"],
        prose=True,
    )
    assert "0.66" not in d.text


@pytest.mark.parametrize(
    "question, sentence, drugs, expected",
    [
        # cervical: "vs chemo" asked, the placebo arm (placebo plus chemotherapy) said
        (
            "ORR pembro+chemo vs chemo?",
            "The ORR was 66.3% in the pembrolizumab arm compared with 51.0% in the placebo arm.",
            ["pembrolizumab", "placebo"],
            "66.3%",
        ),
        # gastric
        (
            "mOS zolbetuximab + chemo vs chemo?",
            "Median OS was 18.0 months with zolbetuximab versus 15.2 months with placebo.",
            ["zolbetuximab", "placebo"],
            "18.0",
        ),
    ],
)
def test_placebo_and_chemotherapy_name_one_control_arm(vocab, question, sentence, drugs, expected):
    design = f"Patients received {drugs[0]} plus chemotherapy or placebo plus chemotherapy."
    d = _answer_in(vocab, question, [design, sentence], drugs)
    assert d.status == "answered" and expected in d.text


@pytest.mark.parametrize(
    "trial, drugs, question, sentence, expected",
    [
        # breast: fulvestrant, given in both arms, names no other comparison
        (
            "CAPRI-9",
            ["capivasertib", "fulvestrant"],
            "final mOS in CAPRI-9, capivasertib vs placebo?",
            "At the final analysis, median OS was 33.1 months vs 26.4 months (HR, 0.66).",
            "33.1",
        ),
        # prostate: enzalutamide in both arms
        (
            "TALON-2",
            ["talazoparib", "enzalutamide"],
            "mOS in TALON-2, talazoparib vs placebo?",
            "At the final analysis, median OS was 45.8 months vs 37.0 months (HR, 0.80).",
            "45.8",
        ),
    ],
)
def test_drugs_both_arms_were_given_name_no_other_comparison(
    vocab, trial, drugs, question, sentence, expected
):
    text = (
        f"# Two trials\n\n## {trial}: {' + '.join(drugs)} in first-line disease\n\n"
        f"Patients received placebo plus {' and '.join(drugs[1:])} in the control arm. "
        f"{sentence}\n"
    )
    d = _roundup_answer(vocab, question, text, drugs, [trial, "OTHER-1"])
    assert d.status == "answered" and expected in d.text


@pytest.mark.parametrize(
    "question, sentence, drugs, expected",
    [
        # urothelial: the control arm asked, its row names no "control"
        (
            "cisplatin dose used in the control arm",
            "- Chemotherapy (n=444): gemcitabine 1000 mg/m² on days 1 and 8 plus either "
            "cisplatin 70 mg/m² or carboplatin on day 1 of each cycle.",
            ["enfortumab", "pembrolizumab", "gemcitabine", "cisplatin", "carboplatin"],
            "70 mg/m²",
        ),
        # gastric: the maintenance dose said as the drug's next dose
        (
            "zolbetuximab maintenance dose?",
            "Zolbetuximab was given at a loading dose of 800 mg/m² on cycle 1 day 1, then "
            "600 mg/m² every 3 weeks.",
            ["zolbetuximab"],
            "mg/m²",
        ),
    ],
)
def test_a_dose_is_its_drugs_whatever_the_arm_or_phase_says(
    vocab, question, sentence, drugs, expected
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and expected in d.text


def test_a_heading_s_vial_strength_is_no_dose_given(vocab):
    # cervical (guard for the rule above): "About X injection, 100 mg" names a product
    d = _answer_in(
        vocab,
        "what pembro dose was given as maintenance?",
        ["## About KEYTRUDA® (pembrolizumab) injection, 100 mg"],
        ["pembrolizumab"],
    )
    assert "100 mg" not in d.text


@pytest.mark.parametrize(
    "question, sentences, drugs, expected, other",
    [
        # colorectal: "In contrast, in patients with ..." frames a subgroup's HR
        (
            "PFS HR pembro vs chemo?",
            [
                "Median PFS was 16.5 vs 8.2 months (HR 0.61; 95% CI, 0.46-0.81).",
                "In contrast, in patients with KRAS or NRAS mutations, the HR was 1.21 "
                "(95% CI, 0.68-2.10).",
            ],
            ["pembrolizumab"],
            "0.61",
            "1.21",
        ),
        # lung
        (
            "OS HR osimertinib vs placebo?",
            [
                "The OS HR was 0.49 (95% CI, 0.33-0.73).",
                "However, among patients with stage IB disease, the HR was 0.44.",
            ],
            ["osimertinib"],
            "0.49",
            "0.44",
        ),
    ],
)
def test_the_clause_after_a_connective_opening_frames_the_figure(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text
    alone = _answer_in(vocab, question, sentences[1:], drugs)  # only the part's figure
    assert other not in alone.text


@pytest.mark.parametrize(
    "question, sentences, drugs, expected, other",
    [
        # liver: the dose given, not the average received, and the other way round
        (
            "cabozantinib dose?",
            [
                "The median average daily dose of cabozantinib was 34.9 mg, well below the "
                "60 mg starting dose.",
                "Patients were randomized 2:1 to cabozantinib 60 mg orally once daily or placebo.",
            ],
            ["cabozantinib"],
            "60 mg",
            "34.9",
        ),
        (
            "median avg daily dose of cabo actually received?",
            [
                "The median average daily dose of cabozantinib was 34.9 mg, well below the "
                "60 mg starting dose.",
                "Patients were randomized 2:1 to cabozantinib 60 mg orally once daily or placebo.",
            ],
            ["cabozantinib"],
            "34.9",
            "60 mg",
        ),
        # prostate: the dose given twice daily, not the total over a day
        (
            "darolutamide dose?",
            [
                "Men were randomised to darolutamide 600 mg orally twice daily, for a total "
                "daily dose of 1,200 mg, or placebo."
            ],
            ["darolutamide"],
            "600 mg",
            "1,200",
        ),
        # breast cancer: the dose escalated to answers "escalated to what dose?", the starting
        # dose "dose?"
        (
            "docetaxel escalated to what dose in NeoSphere?",
            ["Docetaxel was given at 75 mg/m2, escalated to 100 mg/m2 from cycle 2 if tolerated."],
            ["docetaxel"],
            "100 mg/m2",
            "75 mg/m2",
        ),
        (
            "docetaxel dose?",
            ["Docetaxel was given at 75 mg/m2, escalated to 100 mg/m2 from cycle 2 if tolerated."],
            ["docetaxel"],
            "75 mg/m2",
            "100 mg/m2",
        ),
        # myelodysplastic syndromes: the maximum of a titration
        (
            "max titrated dose luspatercept",
            [
                "Luspatercept was started at 1.0 mg/kg subcutaneously every 3 weeks, with "
                "stepwise titration to 1.33 mg/kg and then up to a maximum of 1.75 mg/kg."
            ],
            ["luspatercept"],
            "1.75 mg/kg",
            "1.0 mg/kg",
        ),
    ],
)
def test_a_dose_received_or_summed_is_no_dose_given(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


def test_a_maximum_of_something_else_asks_no_maximum_dose(vocab):
    # (a guard) lung cancer: "max number of cycles" asks the dose given, not one escalated to
    d = _answer_in(
        vocab,
        "pembro dose and max number of cycles in KN-407?",
        ["Pembrolizumab 200 mg was given every 3 weeks for up to 35 cycles."],
        ["pembrolizumab"],
    )
    assert d.status == "answered" and "200 mg" in d.text


@pytest.mark.parametrize(
    "question, rows, expected, other",
    [
        # AML: "(primary analysis)" does not ask for the "Primary refractory disease" row
        (
            "OS HR (primary analysis)",
            [
                "Median OS | Gilteritinib (n=247): 9.3 months | Chemotherapy (n=124): 5.6 months "
                "| Effect estimate: HR 0.64 (95% CI, 0.49-0.83)",
                "Primary refractory disease | HR (95% CI): 0.61 (0.38-0.97)",
            ],
            "0.64",
            "0.61",
        ),
        # lung: nor "(final analysis)" a "Final-line" row
        (
            "PFS HR at the final analysis",
            [
                "Median PFS | Drug (n=300): 10.2 months | Placebo (n=300): 5.1 months | HR "
                "(95% CI): 0.52 (0.41-0.66)",
                "Final line of therapy | HR (95% CI): 0.70 (0.45-1.09)",
            ],
            "0.52",
            "0.70",
        ),
    ],
)
def test_an_analysis_asked_does_not_name_a_subgroup_row(vocab, question, rows, expected, other):
    d = _answer_in(vocab, question, rows, ["gilteritinib"], section="Overall survival by subgroup")
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    "question, sentence, drugs, other",
    [
        # biliary: the subgroup asked is the list's last part
        (
            "gallbladder ca subgroup OS HR?",
            "By primary tumour site, the HR was 0.77 (95% CI, 0.58-0.98) for intrahepatic "
            "cholangiocarcinoma, 0.62 (95% CI, 0.37-1.00) for extrahepatic cholangiocarcinoma "
            "and 0.93 (95% CI, 0.65-1.37) for gallbladder cancer.",
            ["durvalumab"],
            ["0.77", "0.62"],
        ),
        # kidney
        (
            "papillary subgroup OS HR?",
            "By histology, the HR was 0.66 (95% CI, 0.53-0.82) for clear-cell carcinoma and "
            "0.95 (95% CI, 0.60-1.50) for papillary carcinoma.",
            ["nivolumab"],
            ["0.66"],
        ),
        # kidney: "risk", shared by every part listed, says none of them
        (
            "favorable risk PFS HR?",
            "The hazard ratio was 0.43 (95% CI, 0.29-0.63) in the favorable-risk group and 0.38 "
            "(95% CI, 0.28-0.51) in the intermediate-risk group.",
            ["lenvatinib", "pembrolizumab"],
            ["0.38"],
        ),
    ],
)
def test_a_value_listed_with_its_own_part_does_not_answer_for_another_part(
    vocab, question, sentence, drugs, other
):
    d = _answer_in(vocab, question, [sentence], drugs)
    lead = d.text.split("[")[0].split(":", 1)[-1].strip()
    assert not any(lead.startswith(o) for o in other), d.text


@pytest.mark.parametrize(
    "question, sentence, drugs, expected",
    [
        # kidney: "IMDC" frames every part of the list, said once before it
        (
            "OS HR in IMDC poor risk pts?",
            "By IMDC category, the HR for death was 0.66 (95% CI, 0.25-1.70) in favorable-risk, "
            "0.52 (95% CI, 0.37-0.74) in intermediate-risk and 0.41 (95% CI, 0.22-0.79) in "
            "poor-risk patients.",
            ["pembrolizumab", "axitinib"],
            "0.41",
        ),
        # AML: "ELN" likewise
        (
            "OS HR in ELN adverse risk pts?",
            "By ELN risk category, the HR for death was 0.70 (95% CI, 0.45-1.09) in "
            "favorable-risk, 0.62 (95% CI, 0.44-0.87) in intermediate-risk and 0.55 (95% CI, "
            "0.38-0.80) in adverse-risk patients.",
            ["venetoclax"],
            "0.55",
        ),
    ],
)
def test_a_word_framing_a_list_of_parts_is_said_for_each(
    vocab, question, sentence, drugs, expected
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and expected in d.text


def test_a_part_said_before_the_first_value_frames_only_it(vocab):
    # gastric, guard: "IHC 3+" is the first value's part, not the list's
    d = _answer_in(
        vocab,
        "ORR in IHC 3+ pts on T-DXd?",
        [
            "In patients with IHC 3+ disease, the ORR with T-DXd was 57%, compared with 30% in "
            "those with IHC 2+/ISH-positive tumours."
        ],
        ["trastuzumab", "deruxtecan"],
    )
    assert "30%" not in d.text.split("[")[0].split(":", 1)[-1][:6]


@pytest.mark.parametrize(
    "question, rows, drugs, expected, other",
    [
        # liver (a guard: the overall row wins here either way): the part a row label names
        (
            "PFS HR?",
            [
                "Key results: Median PFS, overall | Cabozantinib (n=470): 5.2 mo | Placebo "
                "(n=237): 1.9 mo | HR (95% CI): 0.45 (0.37-0.53)",
                "Key results: Median PFS, sorafenib as only prior therapy | Cabozantinib "
                "(n=331): 5.5 mo | Placebo (n=164): 1.9 mo | HR (95% CI): 0.41 (0.33-0.51)",
            ],
            ["cabozantinib", "sorafenib"],
            "0.45",
            "0.41",
        ),
        # prostate: the part asked by a hyphened word
        (
            "HRR-deficient cohort control arm median OS?",
            [
                "Key results: Median OS, all-comers (mo) | Talazoparib + enzalutamide: 45.1 | "
                "Placebo + enzalutamide: 36.9",
                "Key results: Median OS, HRR-deficient (mo) | Talazoparib + enzalutamide: 44.8 | "
                "Placebo + enzalutamide: 30.9",
            ],
            ["talazoparib", "enzalutamide"],
            "30.9",
            "36.9",
        ),
    ],
)
def test_a_row_label_names_its_part_after_its_endpoint(
    vocab, question, rows, drugs, expected, other
):
    d = _answer_in(vocab, question, rows, drugs, section="Results")
    assert d.status == "answered" and expected in d.text and other not in d.text


def _lead(d) -> str:
    """The answer's lead line, without its citations."""
    return d.text.split("\n")[0].split("[")[0]


def _sure(d) -> bool:
    """Answered, and sure enough to be shown at the default minimum confidence."""
    from bot.infra.settings import AnswerSettings

    return d.status == "answered" and d.confidence >= AnswerSettings().min_confidence


@pytest.mark.parametrize(
    "question, sentence, drugs, expected, other",
    [
        # head and neck: a count, its share in brackets, then the arm
        (
            "treatment-related deaths in the pembrolizumab arm (%)?",
            "Treatment-related deaths occurred in four patients (1.6%) in the pembrolizumab "
            "group and two (0.8%) in the standard-of-care group.",
            ["pembrolizumab", "methotrexate"],
            "1.6%",
            "0.8%",
        ),
        # myeloma: the same shape
        (
            "fatal AEs with daratumumab?",
            "Fatal adverse events occurred in 12 patients (4.2%) in the daratumumab group and "
            "five (1.8%) in the control group.",
            ["daratumumab", "lenalidomide"],
            "4.2%",
            "1.8%",
        ),
    ],
)
def test_a_share_after_a_count_is_the_arm_said_after_its_bracket(
    vocab, question, sentence, drugs, expected, other
):
    opening = f"Patients were randomized to {drugs[0]} versus standard of care."
    d = _answer_in(vocab, question, [opening, sentence], drugs, prose=True)
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)


@pytest.mark.parametrize(
    "question, sentence, drugs, expected, other",
    [
        # urothelial: "erdafitinib-treated patients" are the erdafitinib arm
        (
            "discontinuation due to TRAEs in the erdafitinib arm",
            "Discontinuation of treatment because of TRAEs occurred in 8.1% of "
            "erdafitinib-treated patients and 13.0% of chemotherapy-treated patients.",
            ["erdafitinib", "docetaxel"],
            "8.1%",
            "13.0%",
        ),
        # CLL: "zanubrutinib-treated" against "ibrutinib-treated"
        (
            "AEs leading to discontinuation on ibrutinib?",
            "Adverse events led to discontinuation in 8.9% of zanubrutinib-treated patients "
            "vs 20.4% of ibrutinib-treated patients.",
            ["zanubrutinib", "ibrutinib"],
            "20.4%",
            "8.9%",
        ),
    ],
)
def test_a_drug_treated_patients_are_that_drugs_arm(
    vocab, question, sentence, drugs, expected, other
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)


@pytest.mark.parametrize(
    "question, sentences, drugs, expected, other",
    [
        # myeloma: the bullet under a "Key results" heading names the control arm by its word
        (
            "12-mo PFS w/ cilta-cel?",
            [
                "Median PFS was not reached with cilta-cel versus 11.8 months with standard "
                "therapy.",
                "At 12 months, 75.9% of cilta-cel patients were alive and progression-free, "
                "against 48.6% in the standard-therapy arm.",
            ],
            ["ciltacabtagene", "autoleucel", "pomalidomide"],
            "75.9%",
            "48.6%",
        ),
        # neuroendocrine: the same, "the control arm"
        (
            "20-month PFS w/ dotatate?",
            [
                "PFS was longer with lutetium Lu 177 dotatate versus 8.4 months with high-dose "
                "octreotide.",
                "At 20 months, 65.2% of dotatate patients were alive and progression-free, "
                "against 10.8% in the control arm.",
            ],
            ["dotatate", "octreotide"],
            "65.2%",
            "10.8%",
        ),
    ],
)
def test_an_arm_named_by_the_comparator_word_is_not_its_sections(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs, section="Key results", prose=True)
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)
    assert d.confidence == 1.0  # the control arm's figure is no rival of the asked arm's


@pytest.mark.parametrize(
    "question, sentences, drugs, expected, other",
    [
        # anal cancer: "retifanlimab monotherapy" at crossover is no control arm's drug, so a
        # bare "x vs y" is still the experimental arm first
        (
            "24 month OS rate w/ retifanlimab + CP?",
            [
                "Median PFS was 9.3 months with retifanlimab plus carboplatin-paclitaxel versus "
                "7.4 months with placebo plus carboplatin-paclitaxel.",
                "Patients in the placebo arm could cross over to retifanlimab monotherapy.",
                "The estimated 24-month OS rate was 55.4% vs 46.8%.",
            ],
            ["retifanlimab", "carboplatin", "paclitaxel"],
            "55.4%",
            "46.8%",
        ),
        # melanoma: the same with a drug given alone after progression
        (
            "12-month OS with nivolumab plus relatlimab?",
            [
                "Median PFS was 10.1 months with nivolumab plus relatlimab versus 4.6 months "
                "with nivolumab plus placebo.",
                "After progression, some patients received relatlimab monotherapy in a "
                "separate study.",
                "The 12-month OS rate was 77.0% vs 71.6%.",
            ],
            ["nivolumab", "relatlimab"],
            "77.0%",
            "71.6%",
        ),
    ],
)
def test_a_drug_alone_is_the_backbone_only_when_the_trial_compares_with_it(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)  # apart: no arms carried over
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)


@pytest.mark.parametrize(
    "question, sentence, drugs, expected",
    [
        # CLL: two endpoints compared, not two arms
        (
            "AEs leading to discontinuation vs dose reduction on zanu?",
            "Adverse events led to treatment discontinuation in 8.9% with zanubrutinib vs 20.4% "
            "with ibrutinib.",
            ["zanubrutinib", "ibrutinib"],
            "8.9%",
        ),
        # GIST: the same
        (
            "discontinuation vs dose reduction on ripretinib?",
            "TEAEs led to discontinuation in 8% with ripretinib versus 12% with sunitinib.",
            ["ripretinib", "sunitinib"],
            "8%",
        ),
    ],
)
def test_an_endpoint_after_vs_is_no_comparator_arm(vocab, question, sentence, drugs, expected):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert _sure(d) and expected in _lead(d)


@pytest.mark.parametrize(
    "question, sentences, drugs, expected, other",
    [
        # lung: carboplatin/paclitaxel asked, "pembrolizumab" said: both arms have the chemo
        (
            "ORR pembro+carbo/pac?",
            [
                "OS was 17.2 months with pembrolizumab plus chemotherapy versus 11.6 months with "
                "placebo plus chemotherapy; chemotherapy was carboplatin with paclitaxel.",
                "The confirmed ORR was 57.9% in the pembrolizumab group and 38.4% in the "
                "placebo group.",
            ],
            ["pembrolizumab", "carboplatin", "paclitaxel"],
            "57.9%",
            "38.4%",
        ),
        # gastric: the same with a capecitabine/oxaliplatin backbone
        (
            "ORR zolbetuximab + capecitabine/oxaliplatin?",
            [
                "OS was 14.4 months with zolbetuximab plus chemotherapy versus 12.2 months with "
                "placebo plus chemotherapy; chemotherapy was capecitabine and oxaliplatin.",
                "The ORR was 53.8% in the zolbetuximab group and 48.8% in the placebo group.",
            ],
            ["zolbetuximab", "capecitabine", "oxaliplatin"],
            "53.8%",
            "48.8%",
        ),
    ],
)
def test_placebo_plus_chemotherapy_makes_the_cytotoxics_every_arms(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs, prose=True)
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)


@pytest.mark.parametrize(
    "question, sentences, drugs, expected, other",
    [
        # lung (ALK): a landmark asked of the brain; one sentence is about those without lesions
        (
            "% free of intracranial progression at 5 years on lorlatinib?",
            [
                "Among those without baseline brain metastases, the hazard ratio was 0.24; 63% of "
                "lorlatinib-treated patients in this group were progression-free at five years.",
                "At five years, an estimated 92% of patients on lorlatinib had not experienced "
                "intracranial progression.",
            ],
            ["lorlatinib", "crizotinib"],
            "92%",
            "63%",
        ),
        # breast (HER2+): the same
        (
            "% free of CNS progression at 1 year on tucatinib?",
            [
                "Among those without brain metastases at baseline, the hazard ratio was 0.57; 49% "
                "of tucatinib-treated patients in this group were progression-free at one year.",
                "At one year, an estimated 40% of patients on tucatinib had not experienced CNS "
                "progression.",
            ],
            ["tucatinib", "trastuzumab"],
            "40%",
            "49%",
        ),
    ],
)
def test_a_sentence_about_those_without_the_part_asked_answers_nothing(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    "question, sentences, drugs, expected, other",
    [
        # CLL: ibrutinib is in both arms, and "versus 31.5 months with ibrutinib alone" says
        # which is the control (the number's point ends no clause)
        (
            "24-month PFS in the ibrutinib arm?",
            [
                "Median PFS was not reached with venetoclax plus ibrutinib versus 31.5 months "
                "with ibrutinib alone.",
                "The 24-month PFS rate was 79.2% in the venetoclax group and 61.5% in the "
                "control group.",
            ],
            ["venetoclax", "ibrutinib"],
            "61.5%",
            "79.2%",
        ),
        # gastric: the same with paclitaxel
        (
            "ORR in the paclitaxel arm?",
            [
                "Median OS was 9.6 months with ramucirumab plus paclitaxel versus 7.4 months with "
                "paclitaxel alone.",
                "The ORR was 28% in the ramucirumab group and 16% in the control group.",
            ],
            ["ramucirumab", "paclitaxel"],
            "16%",
            "28%",
        ),
    ],
)
def test_a_drug_both_arms_are_given_asked_is_the_control_groups(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)


@pytest.mark.parametrize(
    "question, rows, drugs, expected, other",
    [
        # GIST: a count of prior lines typed ">=", the row written "≥"
        (
            "PFS HR in pts with >=4 prior lines?",
            [
                "PFS by prior lines | 3 prior lines | Ripretinib mPFS: 6.3 months | Placebo mPFS: "
                "1.0 months | HR: 0.16",
                "PFS by prior lines | ≥4 prior lines | Ripretinib mPFS: 5.5 months | Placebo "
                "mPFS: 0.9 months | HR: 0.12",
            ],
            ["ripretinib"],
            "0.12",
            "0.16",
        ),
        # myeloma: likewise
        (
            "ORR in pts w/ >=3 prior lines on teclistamab?",
            [
                "ORR by prior lines | 1-2 prior lines | Teclistamab: 71% | Control: 40%",
                "ORR by prior lines | ≥3 prior lines | Teclistamab: 58% | Control: 29%",
            ],
            ["teclistamab"],
            "58%",
            "71%",
        ),
    ],
)
def test_a_count_of_prior_lines_is_said_with_its_sign(
    vocab, question, rows, drugs, expected, other
):
    d = _answer_in(vocab, question, rows, drugs, section="Subgroups")
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)


@pytest.mark.parametrize(
    "question, sentences, drugs, section, expected, other",
    [
        # colorectal: "KRAS wt" asked under a wild-type heading; the mutant sentence is not it
        (
            "mPFS KRAS wt w/ cetuximab?",
            [
                "Median PFS was 9.9 months vs 8.4 months (HR 0.696).",
                "In patients with KRAS-mutant tumors, median PFS was 7.4 months vs 7.7 months "
                "(HR 1.171).",
            ],
            ["cetuximab"],
            "Updated results in KRAS wild-type patients",
            "9.9",
            "7.4",
        ),
        # melanoma: "BRAF wt"
        (
            "mOS in BRAF wt pts on nivolumab?",
            [
                "Median OS was 39.1 months vs 18.4 months (HR 0.55).",
                "In patients with BRAF-mutant melanoma, median OS was 45.5 months vs 24.6 months "
                "(HR 0.61).",
            ],
            ["nivolumab"],
            "Results in BRAF wild-type patients",
            "39.1",
            "45.5",
        ),
    ],
)
def test_wt_is_wild_type_and_not_the_mutant_part(
    vocab, question, sentences, drugs, section, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs, section=section)
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)


@pytest.mark.parametrize(
    "question, sentence, drugs, expected",
    [
        # head and neck and GIST: the tumour's acronym is what the trial is about, not a part
        # of its population the figure's sentence must say
        (
            "1-yr OS nivo vs investigator's choice in R/M HNSCC?",
            "The 1-year OS rate was 36.0% with nivolumab versus 16.6% with investigator's choice.",
            ["nivolumab", "cetuximab"],
            "36.0%",
        ),
        (
            "ORR w/ ripretinib in GIST?",
            "The ORR was 9.4% with ripretinib versus 0% with placebo.",
            ["ripretinib"],
            "9.4%",
        ),
        # prostate: "TSP", time to symptomatic progression, is an endpoint of its own
        (
            "TSP HR with darolutamide?",
            "Time to symptomatic progression favoured darolutamide (HR 0.65; 95% CI, 0.53-0.79).",
            ["darolutamide"],
            "0.65",
        ),
    ],
)
def test_tumour_acronyms_and_endpoint_shorthand(vocab, question, sentence, drugs, expected):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert _sure(d) and expected in _lead(d)


@pytest.mark.parametrize(
    "question, sentences, drugs, expected, other",
    [
        # nasopharyngeal: the trial named by its drug, the control arm asked; "toripalimab/
        # placebo" (blinded) does not make toripalimab every arm's
        (
            "R/M NPC tori-GP trial: mDOR in ctrl arm?",
            [
                "Median PFS was 11.7 months with toripalimab plus GP versus 8.0 months with "
                "placebo plus GP.",
                "Patients received toripalimab/placebo every 3 weeks.",
                "ORR was 77.4% in the toripalimab arm compared with 66.4% in the placebo arm, and "
                "the median DOR was 10.0 months vs 5.7 months, respectively.",
            ],
            ["toripalimab", "gemcitabine", "cisplatin"],
            "5.7",
            "10.0",
        ),
        # small-cell lung: likewise
        (
            "SCLC serplulimab trial: median OS in ctrl arm?",
            [
                "Median PFS was 5.7 months with serplulimab plus chemotherapy versus 4.3 months "
                "with placebo plus chemotherapy.",
                "Patients received serplulimab/placebo every 3 weeks.",
                "Median OS was 15.4 months in the serplulimab arm compared with 10.9 months in "
                "the placebo arm.",
            ],
            ["serplulimab", "carboplatin", "etoposide"],
            "10.9",
            "15.4",
        ),
    ],
)
def test_the_control_arm_of_a_trial_named_by_its_drug(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs, prose=True)
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)


@pytest.mark.parametrize(
    "question, sentence, drugs, expected, other",
    [
        # AML: "and at 5 years the rates were ...": the same rate at another landmark
        (
            "5 yr OS in placebo pts?",
            "The 4-year OS rate was 51.4% with midostaurin and 44.3% with placebo, and at 5 years "
            "the rates were 50.9% and 43.9%, respectively.",
            ["midostaurin"],
            "43.9%",
            "44.3%",
        ),
        # myeloma: likewise
        (
            "3-year PFS w/ daratumumab?",
            "The 2-year PFS rate was 68.0% with daratumumab and 40.1% with control, and at 3 "
            "years the rates were 56.8% and 29.7%, respectively.",
            ["daratumumab"],
            "56.8%",
            "68.0%",
        ),
    ],
)
def test_a_rate_said_again_at_another_landmark_keeps_its_endpoint(
    vocab, question, sentence, drugs, expected, other
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)


def test_a_crossover_rate_is_no_landmark_rate(vocab):
    # lung (guard): "a crossover rate of 51.1%" is no OS rate at 5 years
    d = _answer_in(
        vocab,
        "5-yr OS in the placebo arm?",
        ["The 5-year OS rate was 18.4% versus 9.7%, despite a crossover rate of 51.1%."],
        ["pembrolizumab"],
    )
    assert "51.1%" not in d.text


@pytest.mark.parametrize(
    "question, row, drugs, expected",
    [
        # myeloma and lung: an aside in a row label ("13.5-mo follow-up") names no endpoint
        (
            "12-mo PFS rate D-Rd vs Rd?",
            "12-month PFS rate (primary analysis, 13.5-mo follow-up) | D-Rd (n = 286): 83.2% | Rd "
            "(n = 283): 60.1%",
            ["daratumumab", "lenalidomide", "dexamethasone"],
            "83.2%",
        ),
        (
            "2-yr OS w/ atezolizumab?",
            "24-month OS rate (updated analysis, 28-mo follow-up) | Atezolizumab (n = 205): "
            "48.1% | Chemotherapy (n = 210): 35.2%",
            ["atezolizumab"],
            "48.1%",
        ),
    ],
)
def test_an_aside_in_a_row_label_names_no_endpoint(vocab, question, row, drugs, expected):
    d = _answer_in(vocab, question, [row], drugs, section="Results")
    assert _sure(d) and expected in _lead(d)


@pytest.mark.parametrize(
    "question, row, drugs, aliases, expected, other",
    [
        # myeloma: "the Rd control arm" is not D-Rd, which adds daratumumab to it
        (
            "median OS in the Rd control arm?",
            "Median OS (final, 79.7-mo follow-up) | D-Rd (n = 286): 67.6 mo | Rd (n = 283): "
            "51.8 mo",
            ["daratumumab", "lenalidomide", "dexamethasone"],
            {
                "Rd": "lenalidomide plus dexamethasone",
                "D-Rd": "daratumumab plus lenalidomide plus dexamethasone",
            },
            "51.8",
            "67.6",
        ),
        # colorectal: "the FOLFIRI control arm" is not cetuximab + FOLFIRI
        (
            "mPFS in the FOLFIRI control arm?",
            "Median PFS (updated) | Cetuximab + FOLFIRI (n = 599): 8.9 mo | FOLFIRI (n = 599): "
            "8.0 mo",
            ["cetuximab", "fluorouracil", "irinotecan", "leucovorin"],
            {"FOLFIRI": "leucovorin plus fluorouracil plus irinotecan"},
            "8.0",
            "8.9",
        ),
    ],
)
def test_the_control_arm_asked_by_its_drugs_is_not_an_arm_adding_to_them(
    vocab, question, row, drugs, aliases, expected, other
):
    d = _answer_in(vocab, question, [row], drugs, section="Results", aliases=aliases)
    assert _sure(d) and expected in _lead(d) and other not in _lead(d)


@pytest.mark.parametrize(
    "question, code, sentence, expected",
    [
        # gastric and pancreatic: a regimen's code spelt out by its drugs, whatever its letters
        (
            "FLOT = which drugs?",
            "FLOT",
            "The trial compared perioperative FLOT (fluorouracil, leucovorin, oxaliplatin and "
            "docetaxel) with ECF/ECX.",
            "fluorouracil, leucovorin, oxaliplatin and docetaxel",
        ),
        (
            "what drugs are in FOLFIRINOX?",
            "FOLFIRINOX",
            "Patients received FOLFIRINOX (oxaliplatin, irinotecan, leucovorin and fluorouracil) "
            "every 2 weeks.",
            "oxaliplatin, irinotecan, leucovorin and fluorouracil",
        ),
    ],
)
def test_a_regimens_code_is_spelt_out_by_its_drugs(vocab, question, code, sentence, expected):
    other = f"Treatment was completed by 90% of {code} patients."  # names it, says nothing
    d = _answer_in(vocab, question, [other, sentence])
    assert d.status == "answered" and expected in d.text


def test_arms_compared_in_brackets_spell_out_no_abbreviation(vocab):
    # lung (guard): "BICR (amivantamab-lazertinib vs osimertinib)" does not say what BICR is
    d = _answer_in(
        vocab,
        "what's BICR?",
        ["The primary endpoint was PFS by BICR (amivantamab-lazertinib vs osimertinib)."],
        ["amivantamab", "lazertinib", "osimertinib"],
    )
    assert "osimertinib" not in d.text


@pytest.mark.parametrize(
    "question, sentence, drugs, expected, other",
    [
        # melanoma: the arms in a bracketed aside do not name the values of the pair after it
        (
            "5 yr RFS with dabrafenib + trametinib?",
            "At the 5-year update (median follow-up 60 months in the combination arm and 58 "
            "months in the placebo arm), the 5-year RFS rate was 52% vs 36% (HR 0.51).",
            ["dabrafenib", "trametinib"],
            "52%",
            "36%",
        ),
        # lung: likewise (here the pair's order decides even without the rule: a guard)
        (
            "3-yr DFS with osimertinib?",
            "At the update (median follow-up 36 months in the osimertinib arm and 35 months in "
            "the placebo arm), the 3-year DFS rate was 84% vs 34% (HR 0.20).",
            ["osimertinib"],
            "84%",
            "34%",
        ),
    ],
)
def test_arms_in_an_aside_do_not_name_the_pair_after_it(
    vocab, question, sentence, drugs, expected, other
):
    d = _answer_in(vocab, question, [sentence], drugs)
    # the asked arm's value leads ("DFS: 84% vs 34%" quotes the pair after it)
    assert _sure(d) and _lead(d).split(":", 1)[1].strip().startswith(expected), d.text


@pytest.mark.parametrize(
    "question, drugs, named",
    [
        # melanoma and glioblastoma: brand names the article does not use
        ("5 yr RFS with tafinlar + mekinist?", ["dabrafenib", "trametinib"], {"dabrafenib"}),
        ("mOS on Temodar?", ["temozolomide"], {"temozolomide"}),
    ],
)
def test_brands_as_clinicians_type_them(vocab, question, drugs, named):
    from bot.answer.extractive import _drugs_named

    assert named <= _drugs_named(question, drugs, vocab)


@pytest.mark.parametrize(
    "question, sentences, drugs, expected",
    [
        # lung (neoadjuvant): the R0 resection rate is an endpoint of its own, not the share of
        # patients who had surgery
        (
            "R0 resection rate with nivolumab + chemo?",
            [
                "Definitive surgery was performed in 93.8% of patients on nivolumab plus "
                "chemotherapy and 84.7% on chemotherapy alone.",
                "R0 resection was achieved in 83.2% and 77.8%, respectively.",
            ],
            ["nivolumab"],
            "83.2%",
        ),
        # gastric: likewise (a guard: the sentence's words decide here even without the rule)
        (
            "R0 resection rate with docetaxel?",
            [
                "Surgery was performed in 94% of patients on docetaxel-based chemotherapy and 91% "
                "on epirubicin-based chemotherapy.",
                "R0 resection was achieved in 85% and 78%, respectively.",
            ],
            ["docetaxel", "epirubicin"],
            "85%",
        ),
    ],
)
def test_the_r0_resection_rate_is_its_own_endpoint(vocab, question, sentences, drugs, expected):
    d = _answer_in(vocab, question, sentences, drugs)
    assert _sure(d) and expected in _lead(d) and "94%" not in d.text and "93.8%" not in d.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "value"),
    [
        # prostate cancer: a forest plot's performance status said in words, then in a table
        (
            "latitude ECOG 0 subgroup OS HR",
            "The OS hazard ratio was 0.66 overall. In the forest plot, the OS hazard ratio was "
            "0.61 in patients with an ECOG performance status of 0 and 0.73 among the men who "
            "had visceral metastases at baseline.",
            ["abiraterone"],
            "0.61",
        ),
        # non-small-cell lung cancer: a subgroup table's row
        (
            "OS HR in ECOG PS 1 pts?",
            "Overall, the OS HR was 0.78.\nECOG PS 0 | OS HR (95% CI): 0.69 (0.50-0.94)\n"
            "ECOG PS 1 | OS HR (95% CI): 0.84 (0.66-1.07)",
            ["dacomitinib"],
            "0.84",
        ),
    ],
)
def test_a_performance_status_asked_is_that_status_figure(question, text, drugs, value, vocab):
    draft = _answer(vocab, question, text, drugs)
    assert draft.text.split("[")[0].count(value) == 1, draft.text


@pytest.mark.parametrize(
    ("question", "text", "drugs"),
    [
        # prostate cancer: only ECOG 0 is reported, PS 2 is asked
        (
            "OS HR for ECOG PS 2 pts in latitude",
            "The OS hazard ratio was 0.66 overall and 0.61 in patients with ECOG PS 0.",
            ["abiraterone"],
        ),
        # head and neck cancer: the overall figure does not answer for PS 1
        (
            "mOS in pts with ECOG PS 1 on cetuximab?",
            "Median OS was 10.1 months with cetuximab and 7.4 months with chemotherapy alone; in "
            "patients with ECOG PS 0, median OS was 11.2 months with cetuximab.",
            ["cetuximab"],
        ),
    ],
)
def test_a_performance_status_no_figure_is_reported_for_is_not_found(question, text, drugs, vocab):
    draft = _answer(vocab, question, text, drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "places", "patients"),
    [
        # CML: the centres asked, a sentence giving patients, centres and countries
        (
            "how many centres and countries enrolled in enestnd",
            "A total of 846 patients at 217 centers in 35 countries were randomized 1:1:1.",
            ["nilotinib", "imatinib"],
            "217",
            "846",
        ),
        # GIST: the enrolment is no count of sites
        (
            "how many sites enrolled pts in GRID?",
            "GRID enrolled 199 patients. They were randomised 2:1 to regorafenib or placebo.",
            ["regorafenib"],
            None,
            "199",
        ),
    ],
)
def test_a_count_of_places_is_not_answered_with_the_enrolment(
    question, text, drugs, places, patients, vocab
):
    draft = _answer(vocab, question, text, drugs)
    assert draft.status == "not_found" or (places and places in draft.text), draft.text
    assert not draft.text.startswith("Enrollment"), draft.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "said"),
    [
        # kidney cancer: who assessed the primary endpoint, not its median
        (
            "primary endpoint - who assessed PFS?",
            "Median PFS was 8.4 months with pazopanib and 9.5 months with sunitinib. The "
            "primary endpoint was PFS by independent review.",
            ["pazopanib", "sunitinib"],
            "independent",
        ),
        # prostate cancer: the other co-primary endpoint, not the one named's figure
        (
            "co-primary endpoints - OS and what else?",
            "Median OS was 53.3 vs 36.5 months. The co-primary endpoints were overall survival "
            "and radiographic progression-free survival.",
            ["abiraterone"],
            "radiographic progression-free survival",
        ),
    ],
)
def test_the_primary_endpoint_asked_is_said_in_words(question, text, drugs, said, vocab):
    draft = _answer(vocab, question, text, drugs)
    assert said in draft.text, draft.text


def test_the_primary_endpoints_median_asked_is_a_figure(vocab):
    # kidney cancer (a guard: a median asked of the primary endpoint is its figure)
    text = (
        "The primary endpoint was PFS by independent review. Median PFS was 8.4 months with "
        "pazopanib and 9.5 months with sunitinib."
    )
    draft = _answer(vocab, "primary endpoint mPFS w/ pazopanib?", text, ["pazopanib", "sunitinib"])
    assert draft.text.startswith("Median PFS") and "8.4" in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "value"),
    [
        # CML: a molecular response rate by 12 and by 24 months
        (
            "MMR @12m for the nilotinib 400 mg arm",
            "At 12 months, MMR rates were 44% with nilotinib 300 mg and 43% with nilotinib 400 "
            "mg. By 24 months, MMR rates were 71% with nilotinib 300 mg and 67% with nilotinib "
            "400 mg.",
            ["nilotinib", "imatinib"],
            "43%",
        ),
        # myeloma: MRD negativity at two time points in one sentence
        (
            "MRD-negative rate at 12 mo with daratumumab?",
            "At 12 months, 18% of patients on daratumumab were MRD negative. By 24 months, MRD "
            "negativity with daratumumab had reached 26%.",
            ["daratumumab"],
            "18%",
        ),
    ],
)
def test_a_response_rate_asked_at_a_time_point_is_the_one_said_then(
    question, text, drugs, value, vocab
):
    draft = _answer(vocab, question, text, drugs)
    assert draft.text.split("[")[0].rstrip().endswith(value), draft.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "value"),
    [
        # CML: two doses of one drug, typed without the unit
        (
            "MMR rate in the nilotinib 400 arm?",
            "MMR rates were 44% with nilotinib 300 mg twice daily and 43% with nilotinib 400 mg "
            "twice daily, versus 22% with imatinib.",
            ["nilotinib", "imatinib"],
            "43%",
        ),
        # colorectal cancer: the 240 mg arm's rate, not the 960 mg arm's
        (
            "ORR with sotorasib 240 plus panitumumab?",
            "The ORR was 26.4% with sotorasib 960 mg plus panitumumab and 5.7% with sotorasib "
            "240 mg plus panitumumab.",
            ["sotorasib", "panitumumab"],
            "5.7%",
        ),
    ],
)
def test_a_dose_level_typed_without_its_unit_names_that_arm(question, text, drugs, value, vocab):
    draft = _answer(vocab, question, text, drugs)
    assert draft.text.split("[")[0].count("%") == 1 and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "value"),
    [
        # CML: the cytogenetic response, not the molecular one beside it
        (
            "CCyR by 24 mo w/ nilotinib?",
            "By 24 months, 71% of patients treated with nilotinib had achieved MMR. By 24 "
            "months, CCyR rates had risen to 87% with nilotinib.",
            ["nilotinib"],
            "87%",
        ),
        # Ph-positive ALL (a guard): a complete cytogenetic response is no complete remission
        (
            "complete cytogenetic response rate with ponatinib?",
            "Complete remission was reached by 95% of patients; a complete cytogenetic response "
            "was seen in 79% with ponatinib.",
            ["ponatinib"],
            "79%",
        ),
    ],
)
def test_a_cytogenetic_response_is_its_own_endpoint(question, text, drugs, value, vocab):
    draft = _answer(vocab, question, text, drugs)
    assert draft.text.split("[")[0].rstrip().endswith(value), draft.text


@pytest.mark.parametrize(
    ("cut", "sentence"),
    [
        # head and neck cancer: the TPS cut-off asked, everyone's ORR said
        ("tps>=50", "The ORR was 14.6% with pembrolizumab and 10.1% with standard of care."),
        # urothelial cancer: the CPS cut-off asked, everyone's median said
        ("cps>=10", "Median OS was 10.3 months with pembrolizumab versus 7.4 months."),
    ],
)
def test_a_cut_off_asked_is_not_said_by_a_sentence_naming_none(cut, sentence):
    from bot.answer.extractive import says_population

    assert not says_population([cut], sentence)
    assert says_population([cut], sentence, section="## Patients with " + cut.upper())


@pytest.mark.parametrize(
    ("question", "text", "drugs", "value"),
    [
        # kidney cancer: whether a difference was significant is said by its P value
        (
            "was the OS difference statistically significant in RECORD-1?",
            "Median OS was 14.8 months with everolimus and 14.4 months with placebo (HR 0.87; "
            "P=0.162).",
            ["everolimus"],
            "0.162",
        ),
        # breast cancer: the same asked of a benefit
        (
            "did the combo show a statistically significant OS benefit?",
            "Median OS was 31.0 months with everolimus plus exemestane versus 26.6 months with "
            "placebo plus exemestane (HR 0.89; P = 0.14).",
            ["everolimus", "exemestane"],
            "0.14",
        ),
    ],
)
def test_statistical_significance_asked_is_answered_by_the_p_value(
    question, text, drugs, value, vocab
):
    draft = _answer(vocab, question, text, drugs)
    assert draft.text.startswith("P value") and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "value", "other"),
    [
        # oesophageal cancer: the radiation dose, not a drug's given with it
        (
            "RT dose and fractionation?",
            "Paclitaxel 50 mg/m2 and carboplatin AUC 2 were given weekly with radiotherapy of "
            "41.4 Gy in 23 fractions.",
            ["paclitaxel", "carboplatin"],
            "41.4 Gy",
            "50 mg/m2",
        ),
        # cervical cancer (a guard): a drug's dose during chemoradiotherapy, not the radiation's
        (
            "weekly cisplatin dose during CRT?",
            "External-beam radiotherapy of 45 Gy was given with weekly cisplatin 40 mg/m2.",
            ["cisplatin"],
            "40 mg/m2",
            "45 Gy",
        ),
    ],
)
def test_a_radiation_dose_and_a_drug_dose_are_told_apart(
    question, text, drugs, value, other, vocab
):
    lead = _answer(vocab, question, text, drugs).text.split("[")[0]
    assert value in lead and other not in lead, lead


@pytest.mark.parametrize(
    ("question", "text", "drugs"),
    [
        # GIST: no sentence says which endpoint was primary; a count is no answer
        (
            "primary endpoint?",
            "Key points: primary endpoint met; benefit held at 5 and 10 years.",
            ["imatinib"],
        ),
        # head and neck cancer: nor the size of the analysis
        (
            "what was the primary endpoint?",
            "The primary endpoint analysis included 424 patients.",
            ["cetuximab"],
        ),
    ],
)
def test_the_primary_endpoint_asked_is_never_a_figure(question, text, drugs, vocab):
    draft = _answer(vocab, question, text, drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "row", "drugs", "expected", "other"),
    [
        # lung cancer: two radiotherapy doses compared; each arm's value answers
        (
            "mPFS 60 Gy vs 74 Gy?",
            "Median PFS | 60 Gy (standard dose): 11.8 months | 74 Gy (high dose): 9.8 months",
            ["cetuximab"],
            ["11.8", "9.8"],
            None,
        ),
        # melanoma: two dose levels compared
        (
            "ORR pembro 2mg/kg vs 10mg/kg?",
            "ORR | Pembro 2 mg/kg (n = 180): 22% | Pembro 10 mg/kg (n = 181): 28%",
            ["pembrolizumab"],
            ["22%", "28%"],
            None,
        ),
        # lung cancer: one dose asked, its arm's value alone
        (
            "median OS with high-dose 74Gy chemoRT?",
            "Median OS | 60 Gy (standard dose): 28.7 months | 74 Gy (high dose): 20.3 months",
            ["cetuximab"],
            ["20.3"],
            "28.7",
        ),
        # melanoma: likewise
        (
            "2-yr OS on pembro 10 mg/kg?",
            "2-year OS | Pembro 2 mg/kg (n = 180): 36% | Pembro 10 mg/kg (n = 181): 38%",
            ["pembrolizumab"],
            ["38%"],
            "36%",
        ),
        # colorectal cancer: the control's column, which names no dose, is not the dose's arm
        (
            "DCR on the 240 mg arm?",
            "Disease control rate | Sotorasib 960 mg + panitumumab (n = 53): 71.7% | Sotorasib "
            "240 mg + panitumumab (n = 53): 67.9% | Investigator's choice (n = 54): 46.3%",
            ["sotorasib", "panitumumab"],
            ["67.9%"],
            "46.3%",
        ),
        # melanoma: likewise
        (
            "mDOR on the 2 mg/kg arm?",
            "Median duration of response, months | Pembro 2 mg/kg (n = 180): 22.8 | Pembro 10 "
            "mg/kg (n = 181): Not reached | Chemotherapy (n = 179): 6.8",
            ["pembrolizumab"],
            ["22.8"],
            "6.8",
        ),
    ],
)
def test_doses_the_question_names_are_the_arms_asked(question, row, drugs, expected, other, vocab):
    draft = _answer_in(vocab, question, [row], drugs)
    lead = draft.text.split("[")[0]
    assert draft.status == "answered" and all(v in lead for v in expected), draft.text
    assert other is None or other not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "other"),
    [
        # lung cancer: the trial's size, not its four arms' (both cases fail with the arms'
        # sizes read as figures and this refusal taken out)
        (
            "how many pts were randomized in 0617?",
            "A total of 544 patients were randomised: 166 to standard-dose chemoradiotherapy, "
            "121 to high-dose chemoradiotherapy, 147 to standard-dose chemoradiotherapy plus "
            "cetuximab and 110 to high-dose chemoradiotherapy plus cetuximab.",
            ["cetuximab"],
            "544",
            "166",
        ),
        # Hodgkin lymphoma: likewise
        (
            "how many pts were randomized?",
            "HD21 randomly assigned 1,500 patients 1:1 at 233 sites: 742 to BrECADD and 758 to "
            "eBEACOPP.",
            [],
            "1,500",
            "742",
        ),
        # lung cancer: an arm asked by its dose, its size
        (
            "How many patients were randomized to 8 mg/kg?",
            "Patients were randomly assigned 1:1 to receive I-DXd at 8 mg/kg (n = 46) or 12 "
            "mg/kg every 3 weeks (n = 42).",
            ["ifinatamab deruxtecan"],
            "46",
            "42",
        ),
        # melanoma: likewise
        (
            "how many pts were randomized to pembro 10 mg/kg?",
            "Patients were randomly assigned 1:1:1 to pembrolizumab 2 mg/kg (n = 180), "
            "pembrolizumab 10 mg/kg (n = 181), or chemotherapy (n = 179).",
            ["pembrolizumab"],
            "181",
            "180",
        ),
    ],
)
def test_an_arms_size_answers_only_a_question_about_arms(
    question, sentence, drugs, expected, other, vocab
):
    d = _answer_in(vocab, question, [sentence], drugs)
    lead = d.text.split("[")[0]
    assert d.status == "answered" and expected in lead and other not in lead, d.text


@pytest.mark.parametrize(
    ("question", "trials", "drugs", "sentences", "expected", "other"),
    [
        # prostate cancer: a round-up of an enzalutamide and a bicalutamide trial
        (
            "OS HR and CI for enzalutamide post-docetaxel",
            ["AFFIRM", "RTOG 9601"],
            ["enzalutamide", "bicalutamide"],
            [
                "Overall survival | RT + bicalutamide: 76.3% | RT + placebo: 71.3% | Statistic: "
                "HR 0.77 (95% CI, 0.59-0.99); P=0.04",
                "Median overall survival was 18.4 months with enzalutamide vs 13.6 months with "
                "placebo (HR 0.63; 95% CI, 0.53-0.75; P<0.001).",
            ],
            "0.63",
            "0.77",
        ),
        # pancreatic and lung cancer: a round-up of two trials of other drugs
        (
            "PFS HR for selpercatinib?",
            ["NAPOLI 3", "LIBRETTO-431"],
            ["irinotecan", "selpercatinib"],
            [
                "PFS | NALIRIFOX: 7.4 months | nab-paclitaxel plus gemcitabine: 5.6 months | "
                "HR: 0.69 (95% CI, 0.58-0.83)",
                "Selpercatinib reduced the risk of progression or death versus control (HR 0.46; "
                "95% CI, 0.31-0.70).",
            ],
            "0.46",
            "0.69",
        ),
    ],
)
def test_a_roundups_ratio_of_other_drugs_is_the_other_trials(
    question, trials, drugs, sentences, expected, other, vocab
):
    d = _answer_in(vocab, question, sentences, drugs, trials=trials)
    lead = d.text.split("[")[0]
    assert d.status == "answered" and expected in lead and other not in lead, d.text


@pytest.mark.parametrize(
    ("question", "sentences", "regimens", "expected", "other"),
    [
        # breast cancer: three arms named by codes whose drugs the article never spells out
        (
            "DFS HR for TCH vs AC-T?",
            [
                "Compared with AC-T, the hazard ratio (HR) for a DFS event was 0.64 with AC-TH "
                "(95% CI, 0.53-0.78; P<0.001) and 0.75 with TCH (95% CI, 0.63-0.90; P=0.04)."
            ],
            ["AC-T", "AC-TH", "TCH"],
            "0.75",
            "0.64",
        ),
        (
            "node-neg pts - 5y DFS on AC-T?",
            ["Among node-negative patients, 5-year DFS was 85% with AC-T, 93% with AC-TH."],
            ["AC-T", "AC-TH"],
            "85%",
            "93%",
        ),
        # Hodgkin lymphoma: "ABVD" asked, in lower case
        (
            "2-yr modified PFS with abvd?",
            ["The 2-year modified PFS rate was 82.1% with A+AVD and 77.2% with ABVD."],
            ["A+AVD", "ABVD"],
            "77.2%",
            "82.1%",
        ),
        # colorectal cancer and Hodgkin lymphoma: a table's column whose header names no
        # code asked, beside one that does
        (
            "12 month OS for the FOLFOX4-only arm?",
            [
                "Estimated 12-month OS rate | A: FOLFOX4 + Bev (n=286): 52% | B: FOLFOX4 "
                "(n=291): 43% | C: Bev alone (n=243): 41%"
            ],
            ["FOLFOX4"],
            "43%",
            "41%",
        ),
        (
            "5-yr PFS in the R-CHOP-only arm?",
            [
                "5-year PFS | R-CHOP + lenalidomide (n=300): 68% | R-CHOP (n=300): 51% | "
                "Lenalidomide alone (n=100): 45%"
            ],
            ["R-CHOP"],
            "51%",
            "45%",
        ),
        (
            "5-yr OS with ABVD alone?",
            ["5-year OS | ABVD alone (n=600): 88.1% | Radiotherapy alone (n=600): 91.0%"],
            ["ABVD"],
            "88.1%",
            "91.0%",
        ),
        # glioma: the code of the arm that adds chemotherapy
        (
            "median OS in the PCV arm?",
            ["Median OS was 13.3 years with RT plus PCV and 7.8 years with RT alone."],
            ["PCV"],
            "13.3 years",
            "7.8 years",
        ),
    ],
)
def test_an_arm_asked_by_its_regimens_code_is_not_another_codes(
    question, sentences, regimens, expected, other, vocab
):
    """The asked arm's figure leads; the other arm's is shown only beside it, with its arm."""
    d = _answer_in(vocab, question, sentences, ["docetaxel"], regimens=regimens)
    assert d.status == "answered" and d.why[0].startswith(f"lead {expected} "), d.why
    lead = d.text.split("[")[0]
    assert other not in lead or sentences[0].split(other)[1][:9] in lead, d.text


@pytest.mark.parametrize(
    ("question", "sentences", "regimens"),
    [
        # breast cancer: the ratios are against AC-T, not of one arm against the other
        (
            "what was the DFS HR for TCH vs AC-TH head to head?",
            [
                "Compared with AC-T, the hazard ratio (HR) for a DFS event was 0.64 with AC-TH "
                "(95% CI, 0.53-0.78; P<0.001) and 0.75 with TCH (95% CI, 0.63-0.90; P=0.04)."
            ],
            ["AC-T", "AC-TH", "TCH"],
        ),
        # myeloma: both quadruplets' ratios are against VTd
        (
            "PFS HR D-VTd vs VRd?",
            ["The PFS HR was 0.47 for D-VTd versus VTd (95% CI, 0.33-0.67)."],
            ["D-VTd", "VTd", "VRd"],
        ),
    ],
)
def test_a_ratio_against_another_regimens_code_does_not_answer(
    question, sentences, regimens, vocab
):
    d = _answer_in(vocab, question, sentences, ["docetaxel"], regimens=regimens)
    assert d.status != "answered", d.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "aliases", "regimens", "expected"),
    [
        # CLL: "Clb" is one drug's abbreviation, no regimen; "obinutuzumab plus clb vs
        # rituximab plus clb" is G-Clb against R-Clb (a guard)
        (
            "stage 2 OS HR obinutuzumab plus clb vs rituximab plus clb",
            "At the time of the stage 2 analysis, OS data for G-Clb versus R-Clb were immature, "
            "with an HR of 0.66 (95% CI, 0.41-1.06; P=0.08).",
            ["chlorambucil", "obinutuzumab", "rituximab", "Clb"],
            {"Clb": "chlorambucil monotherapy"},
            ["G-Clb", "R-Clb"],
            "0.66",
        ),
        # lung cancer: the same with pemetrexed
        (
            "OS HR pembrolizumab plus pem vs placebo plus pem",
            "The HR for OS with P-Pem versus Pbo-Pem was 0.56 (95% CI, 0.45-0.70).",
            ["pemetrexed", "pembrolizumab", "Pem"],
            {"Pem": "pemetrexed"},
            ["P-Pem", "Pbo-Pem"],
            "0.56",
        ),
    ],
)
def test_one_drugs_abbreviation_is_no_regimens_code(
    question, sentence, drugs, aliases, regimens, expected, vocab
):
    d = _answer_in(vocab, question, [sentence], drugs, aliases=aliases, regimens=regimens)
    assert d.status == "answered" and expected in d.text, d.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected"),
    [
        # AML: "the 45 arm" is the 45 mg/m2 arm
        (
            "unfavorable cytogenetics - mOS on the 45 arm?",
            "Patients with unfavorable cytogenetics did no better with the higher dose: median OS "
            "was 10.4 months with 90 mg/m2 and 10.9 months with 45 mg/m2 (HR, 1.01).",
            ["daunorubicin"],
            "10.9 months",
        ),
        # melanoma: "the 3 group" is the 3 mg/kg arm
        (
            "ipi ORR in the 3 group?",
            "The ORR was 15.8% with ipilimumab 10 mg/kg and 11.2% with ipilimumab 3 mg/kg.",
            ["ipilimumab"],
            "11.2%",
        ),
    ],
)
def test_an_arm_named_by_its_dose_without_the_unit_is_that_doses(
    question, sentence, drugs, expected, vocab
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and d.why[0].startswith(f"lead {expected} "), (d.text, d.why)


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected"),
    [
        # Hodgkin lymphoma: the arms' sizes after the total, each with its arm
        (
            "HD21 n randomized per arm?",
            "HD21 randomly assigned 1,500 patients 1:1 at 233 sites in nine countries: 742 to "
            "BrECADD and 758 to eBEACOPP.",
            ["brentuximab"],
            "742 to BrECADD and 758 to eBEACOPP",
        ),
        # kidney cancer: the same, asked "in each arm"
        (
            "how many pts were randomized in each arm?",
            "The trial randomly assigned 861 patients: 432 to pembrolizumab and 429 to sunitinib.",
            ["pembrolizumab", "sunitinib"],
            "432 to pembrolizumab and 429 to sunitinib",
        ),
    ],
)
def test_a_question_per_arm_gets_the_arms_sizes_not_the_total(
    question, sentence, drugs, expected, vocab
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and expected in d.text, d.text
    assert "1,500" not in d.text and "861" not in d.text, d.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected"),
    [
        # ovarian cancer: the follow-up in years, and in months in brackets
        (
            "median follow-up in months for the long-term update",
            "The long-term update, with a median follow-up of 6.4 years (76.8 months), "
            "confirmed the effect.",
            ["paclitaxel"],
            "6.4 years (76.8 months)",
        ),
        # lung cancer: a median survival with its months in brackets
        (
            "median OS with osimertinib?",
            "Median overall survival was 3.2 years (38.6 months) with osimertinib.",
            ["osimertinib"],
            "3.2 years (38.6 months)",
        ),
    ],
)
def test_a_time_shown_with_the_same_time_in_other_units(question, sentence, drugs, expected, vocab):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and expected in d.text, d.text


def test_a_question_for_the_total_and_per_arm_keeps_the_total(vocab):
    # CLL: the total is asked too (a guard); liver cancer: "in total" says it
    cll = "We randomized 389 patients one to one, 194 to venetoclax-rituximab and 195 to BR."
    d = _answer_in(vocab, "how many pts randomized and how many per arm?", [cll], ["venetoclax"])
    assert d.status == "answered" and "389" in d.text, d.text
    hcc = "SHARP randomly assigned 602 patients in total: 299 to sorafenib and 303 to placebo."
    d = _answer_in(vocab, "n in total and per arm?", [hcc], ["sorafenib"])
    assert d.status == "answered" and "602" in d.text, d.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected", "other"),
    [
        # breast cancer: recurrence in the breast is not recurrence in the nodes
        (
            "10-yr in-breast local recurrence rate with SLNB alone?",
            [
                "10-year regional recurrence | SLNB alone (n = 446): 1.5% | ALND (n = 445): 0.5%",
                "Local recurrence at 10 years was 3.8% with SLNB alone and 5.6% with ALND.",
            ],
            "3.8%",
            "1.5%",
        ),
        # rectal cancer: nor in the pelvis and nodes together
        (
            "local recurrence rate with short-course RT?",
            [
                "Locoregional failure occurred in 8.3% with short-course RT.",
                "Local recurrence was 5.6% with short-course RT versus 10.9% with surgery alone.",
            ],
            "5.6%",
            "8.3%",
        ),
    ],
)
def test_where_a_cancer_came_back_is_the_recurrence_asked(
    question, sentences, expected, other, vocab
):
    d = _answer_in(vocab, question, sentences, ["capecitabine"])
    lead = d.text.split("[")[0]
    assert d.status == "answered" and expected in lead and other not in lead, d.text


@pytest.mark.parametrize(
    "question",
    [
        "Z0011 10-yr in-breast local recurrence rate by arm?",  # breast cancer
        "local relapse rate after short-course RT?",  # rectal cancer
    ],
)
def test_recurrence_at_another_site_does_not_answer(question, vocab):
    sentences = [
        "10-year regional recurrence | SLNB alone (n = 446): 1.5% | ALND (n = 445): 0.5%",
        "Locoregional failure occurred in 8.3% with short-course RT.",
    ]
    d = _answer_in(vocab, question, sentences, ["capecitabine"])
    assert d.status != "answered", d.text


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        # prostate cancer: 20 years asked, the article's figures are at 18 years (a guard)
        (
            "PCa mortality at 20 years after prostatectomy?",
            [
                "Eighteen-year follow-up finds an 11-percentage-point absolute reduction in "
                "prostate cancer mortality after prostatectomy.",
            ],
        ),
        # lung cancer: ctDNA clearance at 6 months asked, the sentence says 3 months
        (
            "ctDNA clearance at 6 months with osimertinib?",
            ["At 3 months, ctDNA clearance was seen in 62% of patients given osimertinib."],
        ),
        # melanoma: relapse-free at 2 years asked, the sentence says 5 years
        (
            "what share of pts on the combo were still relapse-free at 2 years, vs placebo?",
            [
                "The absolute gain at 5 years was largest in stage IIIA, where 76% of "
                "combination-treated patients remained relapse-free vs 46% of placebo patients."
            ],
        ),
    ],
)
def test_a_sentence_at_another_time_point_does_not_answer(question, sentences, vocab):
    d = _answer_in(vocab, question, sentences, ["dabrafenib"])
    assert d.status != "answered", d.text


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # myeloma: "what was the p?" of a table row's comparison
        (
            "TTP comparison - what was the p?",
            "Median time to progression | RD (high-dose dex), n=223: 19.1 months | Rd (low-dose "
            "dex), n=222: 25.3 months | P value: 0.026",
            "0.026",
        ),
        # MDS/AML: "significant? p?"
        (
            "was the aza vs conventional care OS difference significant? p?",
            "Median OS was 24.5 months with azacitidine versus 15.0 months with conventional "
            "care (HR 0.58; P=0.0001).",
            "0.0001",
        ),
    ],
)
def test_a_p_value_asked_by_its_letter_alone(question, sentence, expected, vocab):
    d = _answer_in(vocab, question, [sentence], ["lenalidomide", "azacitidine"])
    assert d.status == "answered" and expected in d.text.split("[")[0], d.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected", "other"),
    [
        # CML: a complete haematological response is no cytogenetic response
        (
            "CHR rate with interferon + cytarabine?",
            [
                "Imatinib produced a complete cytogenetic response rate of 76.2% vs 14.5% with "
                "interferon alfa plus low-dose cytarabine.",
                "A complete hematologic response was seen in 95.3% with imatinib and 55.5% with "
                "interferon alfa plus cytarabine.",
            ],
            "55.5%",
            "14.5%",
        ),
        # polycythaemia vera: the same words for a remission of blood counts
        (
            "complete hematologic remission rate with ruxolitinib?",
            [
                "A complete cytogenetic response was not assessed; the ORR was 21% with "
                "ruxolitinib.",
                "Complete hematologic remission was achieved by 24% with ruxolitinib vs 9% with "
                "best available therapy.",
            ],
            "24%",
            "21%",
        ),
    ],
)
def test_a_complete_haematological_response_is_its_own_endpoint(
    question, sentences, expected, other, vocab
):
    d = _answer_in(vocab, question, sentences, ["imatinib", "interferon", "ruxolitinib"])
    lead = d.text.split("[")[0]
    assert d.status == "answered" and expected in lead and other not in lead, d.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "other"),
    [
        # lung cancer: the ratio between the radiation doses is not cetuximab's
        (
            "p value for the cetux OS comparison?",
            [
                "Median OS | 60 Gy (standard dose): 28.7 months | 74 Gy (high dose): 20.3 months "
                "| HR (95% CI); P: 1.38 (1.09-1.76); P = 0.004",
                "Adding cetuximab did not improve overall survival (HR 1.07; P = 0.29).",
            ],
            ["cetuximab", "paclitaxel"],
            "0.29",
            "0.004",
        ),
        # melanoma: the ratio between two dose levels is not the drug's against placebo
        (
            "OS HR ipilimumab vs placebo?",
            [
                "OS | 10 mg/kg: 15.7 months | 3 mg/kg: 11.5 months | HR: 0.84",
                "The hazard ratio for death with ipilimumab versus placebo was 0.72.",
            ],
            ["ipilimumab"],
            "0.72",
            "0.84",
        ),
    ],
)
def test_a_ratio_between_doses_does_not_answer_for_a_drug(
    question, sentences, drugs, expected, other, vocab
):
    d = _answer_in(vocab, question, sentences, drugs)
    lead = d.text.split("[")[0]
    assert d.status == "answered" and expected in lead and other not in lead, d.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected"),
    [
        # biliary and lung cancer: "improved ... from X to Y compared with A alone": Y is the
        # combination's, not the comparator's figure beside the one its arm reports
        (
            "median OS gem mono arm?",
            [
                "In 410 patients, gemcitabine plus cisplatin improved median overall survival "
                "from 8.1 months to 11.7 months compared with gemcitabine alone.",
                "Median overall survival was 11.7 months in the combination arm and 8.1 months "
                "in the monotherapy arm.",
            ],
            ["gemcitabine", "cisplatin"],
            "8.1 months",
        ),
        (
            "mOS with chemo alone?",
            [
                "Pembrolizumab plus chemotherapy improved median OS from 11.3 months to 22.0 "
                "months compared with chemotherapy alone.",
                "Median OS was 22.0 months in the pembrolizumab arm and 11.3 months in the "
                "chemotherapy-alone arm.",
            ],
            ["pembrolizumab"],
            "11.3 months",
        ),
    ],
)
def test_a_value_moved_from_the_comparators_to_the_subjects(
    question, sentences, drugs, expected, vocab
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and d.why[0].startswith(f"lead {expected} "), d.why


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "others"),
    [
        # ovarian cancer, three arms named by letter: the placebo arm is arm A
        (
            "median PFS in arm A?",
            [
                "Chemotherapy plus cediranib as maintenance (arm C) extended median PFS to 11.0 "
                "months vs 8.7 months with chemotherapy and placebo (arm A).",
                "Arm B, with cediranib during chemotherapy only, reached a median PFS of 9.9 "
                "months.",
            ],
            ["cediranib"],
            "8.7",
            ("11.0", "9.9"),
        ),
        # primary CNS lymphoma: the two-drug backbone is arm A, the added antibody arm B
        (
            "CR rate in arm B?",
            [
                "The complete remission rate was 49% with the four-drug induction (arm C), "
                "against 23% with methotrexate and cytarabine alone (arm A).",
                "- Adding rituximab (arm B) gave a complete remission rate of 30%.",
            ],
            ["methotrexate", "cytarabine", "rituximab", "thiotepa"],
            "30%",
            ("49%", "23%"),
        ),
        # a table whose columns are the lettered arms (breast cancer, neoadjuvant)
        (
            "pCR in arm D?",
            [
                "pCR rate | Arm A: TH (n=107): 29.0% | Arm B: THP (n=107): 45.8% | "
                "Arm C: HP (n=107): 16.8% | Arm D: TP (n=96): 24.0%",
            ],
            ["trastuzumab", "pertuzumab", "docetaxel"],
            "24.0%",
            ("45.8%", "29.0%"),
        ),
    ],
)
def test_an_arm_asked_by_its_letter_is_answered_by_that_arms_figure(
    vocab, question, sentences, drugs, expected, others
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and expected in d.text
    assert not any(o in d.text for o in others)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "other"),
    [
        # ovarian cancer: arm B against arm A is not the comparison of arm C with arm A
        (
            "PFS HR arm C vs arm A?",
            [
                "Arm B vs arm A: the hazard ratio for PFS was 0.67 (95% CI, 0.53-0.87).",
                "Arm C, with maintenance, lowered the risk of progression against arm A with a "
                "hazard ratio of 0.56 (95% CI, 0.44-0.72).",
            ],
            ["cediranib"],
            "0.56",
            "0.67",
        ),
        # CNS lymphoma: "than arm A" with no other letter is another arm's comparison with A
        (
            "p-value for CR, arm C vs arm A?",
            [
                "Rituximab added to the backbone gave a higher CR rate than arm A (P = 0.37).",
                "Arm C achieved the highest CR rate, significantly above arm A (P = 0.00028).",
            ],
            ["rituximab", "thiotepa", "methotrexate"],
            "0.00028",
            "0.37",
        ),
        # metastatic colorectal cancer, three arms: the single-agent arm against the doublet
        (
            "OS HR for arm A vs arm B?",
            [
                "For arm C vs arm B, the hazard ratio for death was 0.92.",
                "Arm A against arm B gave an overall survival hazard ratio of 1.17.",
            ],
            ["bevacizumab", "oxaliplatin"],
            "1.17",
            "0.92",
        ),
    ],
)
def test_a_comparison_of_other_lettered_arms_does_not_answer(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # prostate cancer: gynaecomastia of any grade, no grade said
        (
            "grade 3 gynecomastia % on bicalutamide?",
            "Gynaecomastia was reported in 69.7% of men on bicalutamide vs 10.9% on placebo.",
            ["bicalutamide"],
        ),
        # lung cancer: a rash rate that names no grade
        (
            "grade 3 rash rate with erlotinib?",
            "Rash occurred in 75% of patients given erlotinib and in 6% of those on placebo.",
            ["erlotinib"],
        ),
    ],
)
def test_one_grade_asked_is_not_answered_by_a_rate_of_every_grade(vocab, question, sentence, drugs):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "not_found"


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "other"),
    [
        # rectal cancer, compact report: each value's drug written right after it
        (
            "3-yr locoregional event rate with capecitabine?",
            "3-year locoregional events: 11.2% capecitabine vs 11.8% fluorouracil",
            ["capecitabine", "fluorouracil"],
            "11.2%",
            "11.8%",
        ),
        # lung cancer, the same shape
        (
            "ORR with docetaxel?",
            "Objective response: 45% pembrolizumab vs 30% docetaxel",
            ["pembrolizumab", "docetaxel"],
            "30%",
            "45%",
        ),
    ],
)
def test_a_drug_written_right_after_a_value_is_its_arm(
    vocab, question, sentence, drugs, expected, other
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "expected"),
    [
        # liver cancer: a press release's list of grade 3/4 events under its lead-in
        (
            "G3/4 hand-foot skin reaction sorafenib vs placebo?",
            "Adverse events leading to discontinuation occurred in 24% vs 7%.\n\n"
            "The most common grade 3/4 adverse events with sorafenib vs placebo were:\n"
            "- Hand-foot skin reaction: 28% vs 1%\n"
            "- Diarrhoea: 6% vs 1%\n",
            ["sorafenib"],
            "28%",
        ),
        # myeloma: the same shape, in a numbered list
        (
            "grade 3 or 4 thrombocytopenia with panobinostat?",
            "Serious adverse events occurred in 60% vs 42%.\n\n"
            "The most common grade 3/4 adverse events (panobinostat vs placebo) were:\n"
            "1. Thrombocytopenia: 67% vs 31%\n"
            "2. Lymphopenia: 53% vs 40%\n",
            ["panobinostat", "bortezomib"],
            "67%",
        ),
    ],
)
def test_a_lists_lead_in_grades_its_items(vocab, question, text, drugs, expected):
    d = _answer(vocab, question, text, drugs)
    assert d.status == "answered" and expected in d.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "other"),
    [
        # colorectal cancer, non-inferiority: the margin is no hazard ratio found
        (
            "DFS HR 3 vs 6 months?",
            [
                "The primary endpoint was DFS; the non-inferiority margin was an HR of 1.13.",
                "The HR for DFS was 1.006 (95% CI, 0.909-1.114), below the prespecified margin.",
            ],
            ["oxaliplatin"],
            "1.006",
            "1.13",
        ),
        # head and neck cancer: the bound the trial had to meet
        (
            "HR for death surveillance vs neck dissection?",
            [
                "Surveillance would be declared non-inferior if the upper bound of the 95% CI "
                "for the hazard ratio for death was below 1.50.",
                "The hazard ratio for death was 0.92 (95% CI, 0.65-1.32), favouring surveillance.",
            ],
            ["cisplatin"],
            "0.92",
            "1.50",
        ),
        # prostate cancer: the rate the trial was powered to detect is asked
        (
            "what 5-yr PFS was the trial powered to detect with combined therapy?",
            [
                "The trial was powered to detect a 5-year PFS of 92% with combined therapy.",
                "Five-year PFS was 85% with combined therapy and 86% with brachytherapy alone.",
            ],
            [],
            "92%",
            "85%",
        ),
    ],
)
def test_a_value_the_trial_was_designed_around_answers_only_a_question_about_the_design(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "total"),
    [
        # CLL: the total and the arms' sizes both asked
        (
            "n randomised in the trial and per arm?",
            "Overall, 817 patients were randomly assigned 1:1 to FC (n = 409) or FCR (n = 408).",
            ["fludarabine", "rituximab"],
            "817",
        ),
        # melanoma
        (
            "how many pts randomized and each arm?",
            "In all, 945 patients were randomized to nivolumab (n = 316), the combination "
            "(n = 314) or ipilimumab (n = 315).",
            ["nivolumab", "ipilimumab"],
            "945",
        ),
    ],
)
def test_the_total_asked_with_the_arms_sizes_is_answered(vocab, question, sentence, drugs, total):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and total in d.text.split("[")[0]


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "other"),
    [
        # breast cancer: two risk reductions in one sentence, each after its own events
        (
            "by how much did adding capecitabine lower the chance of dying?",
            "Capecitabine after surgery cut the risk of recurrence by 30% and the risk of death "
            "by 41%.",
            ["capecitabine"],
            "41%",
            "30%",
        ),
        # lung cancer: the risk of progression asked, death's said last
        (
            "by how much did osimertinib reduce the chance of progression or death?",
            "Osimertinib reduced the risk of disease progression or death by 80% and the risk of "
            "death by 51%.",
            ["osimertinib"],
            "80%",
            "51%",
        ),
    ],
)
def test_a_risk_reduction_is_of_the_events_said_before_it(
    vocab, question, sentence, drugs, expected, other
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    ("question", "text", "drugs"),
    [
        # cervical cancer: a table row of another measure, its arms' headers the words asked
        (
            "median blood loss simple vs radical?",
            "Simple hysterectomy was non-inferior to radical hysterectomy.\n\n"
            "Blood loss was not reported by arm.\n\n"
            "3-year pelvic recurrence | Simple hysterectomy (n=350): 2.52% | "
            "Radical hysterectomy (n=350): 2.17%\n\nThe median age was 45 years.\n",
            [],
        ),
        # breast cancer: the same, the arms axillary dissection and axillary radiotherapy
        (
            "shoulder pain rate with axillary dissection vs axillary radiotherapy?",
            "Axillary radiotherapy gave similar control to axillary dissection.\n\n"
            "Shoulder pain was not collected.\n\n"
            "Lymphoedema | Axillary dissection: 28% | Axillary radiotherapy: 14%\n",
            [],
        ),
    ],
)
def test_a_row_of_another_measure_does_not_answer_by_its_arms_headers(vocab, question, text, drugs):
    d = _answer(vocab, question, text, drugs)
    assert d.status == "not_found", d.text


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        # cervical cancer: the rarer asked word (extrapelvic) picks the row
        (
            "extrapelvic recurrence at 3 yrs w/ simple hysterectomy?",
            "3-year pelvic recurrence | Simple hysterectomy: 2.52% | Radical hysterectomy: 2.17%\n"
            "3-year extrapelvic recurrence | Simple hysterectomy: 1.46% | Radical hysterectomy: "
            "0.78%\n",
            "1.46%",
        ),
        # rectal cancer: "distant" tells the row asked for from the local one
        (
            "distant relapse at 5 yrs after short-course RT?",
            "5-year local relapse | Short-course RT: 8.3% | Long-course CRT: 6.0%\n"
            "5-year distant relapse | Short-course RT: 23.0% | Long-course CRT: 30.4%\n",
            "23.0%",
        ),
    ],
)
def test_the_rarest_asked_word_tells_the_row_asked_for(vocab, question, text, expected):
    d = _answer(vocab, question, text, [])
    assert d.status == "answered" and expected in d.text.split("[")[0]


@pytest.mark.parametrize(
    ("question", "sentences", "expected", "other"),
    [
        # cervical cancer: the share asked, beside an eligibility bound
        (
            "what % of pts were stage IB1?",
            [
                "Eligible patients had stage IA2 or IB1 disease, with less than 50% stromal "
                "invasion on pelvic MRI.",
                "Most patients (91.7%) had stage IB1 disease.",
            ],
            "91.7%",
            "50%",
        ),
        # lung cancer: a performance bound in the criteria, the share of patients asked
        (
            "what % of pts had adenocarcinoma?",
            [
                "Patients were eligible with adenocarcinoma or squamous histology and a "
                "forced expiratory volume of at least 40% of predicted.",
                "Adenocarcinoma was the histology in 68% of patients.",
            ],
            "68%",
            "40%",
        ),
    ],
)
def test_a_bound_of_who_could_enrol_is_no_result(vocab, question, sentences, expected, other):
    d = _answer_in(vocab, question, sentences, [])
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "expected"),
    [
        # myeloma: the mechanism said of "It", the drug named in the sentence before
        (
            "what is lenalidomide's molecular target?",
            "Lenalidomide maintenance prolonged PFS.\n\nBackground and mechanism\n"
            "Lenalidomide is an oral immunomodulatory drug. It binds cereblon, the substrate "
            "receptor of the CRL4 ubiquitin ligase.",
            ["lenalidomide"],
            "cereblon",
        ),
        # ovarian cancer: the same
        (
            "what is the target of cediranib?",
            "Cediranib improved PFS.\n\nCediranib is an oral drug. It blocks VEGF receptors 1, "
            "2 and 3.",
            ["cediranib"],
            "VEGF",
        ),
    ],
)
def test_it_in_a_sentence_names_the_drug_the_sentence_before_names(
    vocab, question, text, drugs, expected
):
    d = _answer(vocab, question, text, drugs)
    assert d.status == "answered" and expected in d.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "other"),
    [
        # myeloma: a pathway of the trial is a part of its population
        (
            "PFS HR len vs obs, overall?",
            [
                "In the transplant-eligible pathway, median PFS was 57 months with lenalidomide "
                "compared with 30 months with observation (HR 0.48).",
                "Across the whole maintenance population, median PFS was 39 months with "
                "lenalidomide vs 20 months with observation (HR 0.46).",
            ],
            ["lenalidomide"],
            "0.46",
            "0.48",
        ),
        # Hodgkin lymphoma: a PET-guided pathway is a part, the whole trial asked
        (
            "3-year PFS with ABVD?",
            [
                "In the PET-negative pathway, 3-year PFS was 94% with ABVD.",
                "Three-year PFS was 89% with ABVD.",
            ],
            ["doxorubicin", "bleomycin"],
            "89%",
            "94%",
        ),
    ],
)
def test_a_pathway_of_the_trial_is_a_part_of_its_population(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "other"),
    [
        # head and neck cancer: the other part named in the clause after "while"
        (
            "HR for death in p16+ pts?",
            "Results were consistent: in p16-positive patients the HR for death was 0.79, while "
            "in the smaller p16-negative group it was 1.11.",
            ["cisplatin"],
            "0.79",
            "1.11",
        ),
        # lung cancer: the same after "whereas" (a guard)
        (
            "PFS HR in EGFR-mutant pts?",
            "In EGFR-mutant patients the PFS hazard ratio was 0.37, whereas in the EGFR "
            "wild-type group it was 1.89.",
            ["erlotinib"],
            "0.37",
            "1.89",
        ),
    ],
)
def test_a_clause_naming_another_part_is_not_the_part_asked(
    vocab, question, sentence, drugs, expected, other
):
    d = _answer_in(vocab, question, [sentence], drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "other"),
    [
        # lung cancer, adjuvant: a line of histology subgroups beside the overall result
        (
            "OS HR for adding bev to chemo?",
            [
                "- Histology: Results were consistent in non-squamous (OS HR 0.97) and squamous "
                "disease (OS HR 1.03).",
                "- Stage: No benefit was seen in stage IB (HR 1.11) or stage II (HR 0.96).",
                "Bevacizumab was given for up to one year.",
                "Follow-up was long.",
                "- Overall survival (primary endpoint): HR 0.99 (95% CI, 0.82-1.19; P = .90).",
            ],
            ["bevacizumab"],
            "0.99",
            "0.97",
        ),
        # colorectal cancer: lines of stage and age subgroups (a guard)
        (
            "DFS HR with oxaliplatin?",
            [
                "- Stage: the benefit held in stage II (HR 0.84) and stage III (HR 0.78).",
                "- Age: it was similar in those under 70 (HR 0.79) and older (HR 0.86).",
                "Oxaliplatin was given for six months.",
                "Neuropathy was common.",
                "- Disease-free survival: HR 0.80 (95% CI, 0.70-0.92).",
            ],
            ["oxaliplatin"],
            "0.80",
            "0.84",
        ),
    ],
)
def test_a_line_of_subgroups_does_not_answer_a_question_naming_none(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text
    assert d.confidence >= 0.5, d.why  # the parts' figures are no rivals of the whole's


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "other"),
    [
        # liver cancer, adjuvant: "time to recurrence (TTR)" beside the primary endpoint's HR
        (
            "time to recurrence HR?",
            [
                "Median RFS was 33.3 vs 33.7 months; the hazard ratio was 0.940.",
                "Median time to recurrence (TTR) was 38.6 months with sorafenib and 35.8 months "
                "with placebo (HR 0.891).",
            ],
            ["sorafenib"],
            "0.891",
            "0.940",
        ),
        # colon cancer, adjuvant (a guard)
        (
            "HR for time to recurrence with FOLFOX?",
            [
                "Disease-free survival favoured FOLFOX (HR 0.80).",
                "Time to recurrence (TTR) was also longer with FOLFOX (HR 0.76).",
            ],
            ["oxaliplatin", "fluorouracil"],
            "0.76",
            "0.80",
        ),
    ],
)
def test_a_time_to_recurrence_is_asked_by_its_name(
    vocab, question, sentences, drugs, expected, other
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "answered" and expected in d.text and other not in d.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs"),
    [
        # Hodgkin lymphoma, four lettered arms: a figure pooled over two of them names none (a
        # guard: the blind parts showed the wrong figures, NeoSphere arm D, HD10 arm B,
        # IELSG32 arm A, in longer articles than these two sentences)
        (
            "5-yr FFTF for arm B (4 ABVD + 20 Gy)?",
            [
                "Patients were randomised to arm A (4 ABVD + 30 Gy), arm B (4 ABVD + 20 Gy), "
                "arm C (2 ABVD + 30 Gy) or arm D (2 ABVD + 20 Gy).",
                "For radiotherapy, 5-year FFTF was 93.4% with 30 Gy and 92.9% with 20 Gy.",
            ],
            ["doxorubicin", "bleomycin"],
        ),
        # breast cancer, four lettered arms: a rate said by drugs, not by the letter asked (a guard)
        (
            "pCR in arm D (pertuzumab + docetaxel)?",
            [
                "Women were assigned to arm A (TH), arm B (THP), arm C (HP) or arm D (TP).",
                "The pCR rate was 45.8% with pertuzumab and trastuzumab plus docetaxel.",
            ],
            ["pertuzumab", "trastuzumab", "docetaxel"],
        ),
    ],
)
def test_a_lettered_arm_asked_is_not_answered_by_a_figure_naming_no_letter(
    vocab, question, sentences, drugs
):
    d = _answer_in(vocab, question, sentences, drugs)
    assert d.status == "not_found", d.text


@pytest.mark.parametrize(
    ("question", "text", "drugs", "expected"),
    [
        # cancer-associated thrombosis: the event's rates, not the composite it is part of
        (
            "recurrent VTE edoxaban vs dalteparin?",
            "Edoxaban was non-inferior to dalteparin for the primary composite outcome of "
            "recurrent venous thromboembolism or major bleeding over 12 months.\n\n"
            "Recurrent VTE occurred in 41 patients (7.9%) given edoxaban and in 59 patients "
            "(11.3%) given dalteparin.",
            ["edoxaban", "dalteparin"],
            "7.9%",
        ),
        # pancreatic cancer, thromboprophylaxis: the same shape (a guard)
        (
            "recurrent VTE enoxaparin vs observation?",
            "Enoxaparin reduced the composite of recurrent venous thromboembolism or death over "
            "6 months.\n\nRecurrent VTE was seen in 5% of patients on enoxaparin and 12% of "
            "those under observation.",
            ["enoxaparin"],
            "5%",
        ),
    ],
)
def test_an_event_of_two_arms_is_answered_by_its_rates(vocab, question, text, drugs, expected):
    d = _answer(vocab, question, text, drugs)
    assert d.status == "answered" and expected in d.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # pancreatic cancer, thromboprophylaxis: a factor Xa inhibitor is a drug of its own
        (
            "enoxaparin dose?",
            "Apixaban was given orally at a dose of 2.5 mg twice daily for six months.",
            ["apixaban", "enoxaparin"],
        ),
        # multiple myeloma, thromboprophylaxis beside lenalidomide
        (
            "aspirin dose?",
            "Rivaroxaban was taken at a dose of 10 mg once daily during induction.",
            ["rivaroxaban", "aspirin"],
        ),
    ],
)
def test_an_anticoagulants_dose_does_not_answer_for_another_drug(vocab, question, sentence, drugs):
    doses = _other_drugs_doses(vocab, question, sentence, {"drugs": drugs})
    assert doses and all(doses.values()), doses


@pytest.mark.parametrize(
    ("before", "sentence", "drugs", "other", "own"),
    [
        # cancer-associated thrombosis: the reduced dose is edoxaban's, named the sentence before
        (
            "Patients received edoxaban 60 mg orally once daily after at least 5 days of heparin.",
            "The dose was reduced to 30 mg once daily for patients weighing 60 kg or less.",
            ["edoxaban", "dalteparin"],
            "dalteparin",
            "edoxaban",
        ),
        # EGFR-mutant lung cancer
        (
            "Osimertinib was given at 80 mg once daily until progression.",
            "The dose could be lowered to 40 mg once daily for grade 3 toxicity.",
            ["osimertinib", "pemetrexed"],
            "pemetrexed",
            "osimertinib",
        ),
    ],
)
def test_a_dose_in_a_sentence_naming_no_drug_is_the_drug_of_the_sentence_before(
    vocab, before, sentence, drugs, other, own
):
    from bot.answer.question import analyze
    from index.figures import extract_figures

    engine, s, context = _engine_sentence_context(vocab, drugs, sentence)
    context.before[("a", 0)] = [before]
    fig = next(f for f in extract_figures(sentence, vocab) if f.unit == "dose")
    assert engine._other_drugs_dose(analyze(f"{other} dose?", vocab), s, fig, context)
    assert not engine._other_drugs_dose(analyze(f"{own} dose?", vocab), s, fig, context)


@pytest.mark.parametrize(
    ("sentence", "drugs", "later", "first", "expected"),
    [
        # cancer-associated thrombosis: a weight-based heparin dose for a month, then less
        (
            "Dalteparin was given at 200 IU per kilogram once daily for the first month, "
            "followed by 150 IU per kilogram once daily.",
            ["dalteparin", "apixaban"],
            "dalteparin dose after the first month?",
            "dalteparin dose for the first month?",
            ("150 IU per kilogram", "200 IU per kilogram"),
        ),
        # HER2-positive breast cancer: a loading dose, then the three-weekly dose
        (
            "Trastuzumab was given at 8 mg/kg in week 1, followed by 6 mg/kg every 3 weeks.",
            ["trastuzumab", "docetaxel"],
            "trastuzumab dose after week 1?",
            "trastuzumab dose for the first week?",
            ("6 mg/kg", "8 mg/kg"),
        ),
        # chronic lymphocytic leukaemia: a weekly ramp-up, then the target dose
        (
            "Venetoclax was started at 20 mg daily for a week, then 400 mg daily thereafter.",
            ["venetoclax", "obinutuzumab"],
            "venetoclax dose after the first week?",
            "venetoclax starting dose?",
            ("400 mg", "20 mg"),
        ),
    ],
)
def test_a_schedules_later_or_first_step_is_the_dose_asked(
    vocab, sentence, drugs, later, first, expected
):
    for question, figure in zip((later, first), expected, strict=True):
        draft = _answer_in(vocab, question, [sentence], drugs)
        assert draft.status == "answered" and figure in draft.text, (question, draft.text)
        other = expected[1] if figure == expected[0] else expected[0]
        assert not any(w.startswith(f"lead {other}") for w in draft.why), draft.why


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # laryngeal cancer: an endpoint the vocabulary does not know, asked at a time point
        (
            "10y larynx preservation w/ RT alone?",
            [
                "Larynx preservation with RT alone was the aim for the 547 patients enrolled.",
                "At 10 years, larynx preservation was 63.8% with RT alone.",
            ],
            "63.8%",
        ),
        # soft-tissue sarcoma of the limbs: the same, "5yr" typed without a space
        (
            "5yr limb preservation w/ preop RT?",
            [
                "Limb preservation with preop RT was the goal for the 190 patients enrolled.",
                "At 5 years, limb preservation was 91% with preop RT.",
            ],
            "91%",
        ),
    ],
)
def test_a_time_point_asked_is_said_by_the_sentence_that_answers(
    vocab, question, sentences, expected
):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and expected in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "text", "expected", "not_shown"),
    [
        # laryngeal cancer: a PDF's header run into its first key message
        (
            "10y larynx pres in the RT alone arm?",
            "Head & Neck Journal Club Digest - Volume 14, Issue 3 Larynx preservation revisited "
            "Summary prepared by Dr. A. Writer, MD (Department of Radiation Oncology, Lakeshore "
            "University Cancer Institute) and reviewed by Dr. B. Reviewer, MD (Head and Neck "
            "Surgery, St. Brendan Regional Medical Centre) Key messages - Concurrent cisplatin "
            "plus radiotherapy gave the highest rate of larynx preservation, at 10 years 81.7% "
            "versus 67.5% after induction chemotherapy and 63.8% after radiotherapy alone.",
            "63.8%",
            "Volume 14",
        ),
        # breast cancer: a press release's dateline run into its headline result
        (
            "5-yr iDFS with the CDK4/6 inhibitor?",
            "NEW YORK and BASEL, Switzerland, March 3, 2026 /PRNewswire/ -- Example Pharma "
            "Holdings Inc. (NASDAQ: EXPH) and its partner Sample Oncology AG, a clinical-stage "
            "company focused on breast cancer, today announced results from the phase 3 study. "
            "Adding the CDK4/6 inhibitor to endocrine therapy raised 5-year invasive disease-free "
            "survival to 85.1% from 81.6%.",
            "85.1%",
            "PRNewswire",
        ),
    ],
)
def test_a_long_passage_is_shown_by_its_piece_that_says_what_was_asked(
    vocab, question, text, expected, not_shown
):
    from bot.answer.extractive import _asked_words, _passage, _time_points
    from bot.answer.question import analyze

    q = analyze(question, vocab)
    shown = _passage(text, _asked_words(q) | _time_points(q.text), 240)
    assert expected in shown and not_shown not in shown, shown
    assert shown.lstrip("…").rstrip("…") in text


@pytest.mark.parametrize(
    ("sentence", "value", "drugs"),
    [
        # gastric cancer: the arm without surgery, said as who received it
        (
            "Median OS was 14.3 months with gastrectomy, compared with 16.6 months for those "
            "who received chemotherapy alone.",
            "16.6 months",
            ["cisplatin"],
        ),
        # laryngeal cancer: the radiotherapy-only arm
        (
            "Locoregional control was 61% among patients who had radiotherapy alone.",
            "61%",
            ["cisplatin"],
        ),
        # follicular lymphoma: the observation arm
        (
            "Median PFS was 4.1 years for patients on observation only.",
            "4.1 years",
            ["rituximab"],
        ),
    ],
)
def test_who_received_a_treatment_alone_is_an_arm_not_a_part_of_the_population(
    vocab, sentence, value, drugs
):
    from index.figures import extract_figures

    engine, s, _ = _engine_sentence_context(vocab, drugs, sentence)
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == value)
    assert engine._population_words(s, fig) == set()


@pytest.mark.parametrize(
    "row",
    [
        # gastric cancer
        "Median OS, months (95% CI) | Chemotherapy alone (n = 95): 16.6 (13.7-19.8) | "
        "Gastrectomy + chemotherapy (n = 80): 14.3 (11.8-16.3)",
        # mantle-cell lymphoma
        "Median PFS, mo (95% CI) | Rituximab maintenance: 82.3 (70.1-94.0) | Observation: "
        "64.6 (55.2-74.3)",
    ],
)
def test_a_row_labels_units_name_no_part_of_the_population(vocab, row):
    engine, s, _ = _engine_sentence_context(vocab, ["rituximab"], row)
    assert engine._label_part(s) == set()


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "expected", "wrong"),
    [
        # cancer-associated thrombosis: the event's rate in the arm asked, not a subgroup's
        (
            "major bleeding rate on dalteparin?",
            [
                "Among patients with a GI malignancy, major bleeding occurred in 13.2% of those "
                "receiving edoxaban vs 2.4% of those receiving dalteparin.",
                "Major bleeding occurred in 36 patients (6.9%) in the edoxaban group and 21 "
                "patients (4.0%) in the dalteparin group.",
            ],
            ["edoxaban", "dalteparin"],
            "4.0%",
            "2.4%",
        ),
        # kidney cancer: the same for hypertension on a VEGF inhibitor
        (
            "hypertension w/ sunitinib?",
            [
                "Among patients with a prior nephrectomy, hypertension occurred in 41% of those "
                "on sunitinib and 30% of those on pazopanib.",
                "Hypertension occurred in 24% of patients on sunitinib and 26% of those on "
                "pazopanib.",
            ],
            ["sunitinib", "pazopanib"],
            "24%",
            "41%",
        ),
    ],
)
def test_an_events_rate_in_an_arm_is_its_whole_arms_not_a_parts(
    vocab, question, sentences, drugs, expected, wrong
):
    draft = _answer_in(vocab, question, sentences, drugs, prose=True)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert wrong not in draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected", "wrong"),
    [
        # gastric cancer: "upper" asks a CI's bound, not the upper third of the stomach
        (
            "upper 95% CI of the OS HR?",
            [
                "Among patients with tumours in the upper third of the stomach, the HR for "
                "survival was 2.23 (95% CI, 1.14-4.37).",
                "Overall survival was worse with gastrectomy (HR 1.09; 95% CI, 0.78-1.52).",
            ],
            "1.52",
            "4.37",
        ),
        # myelodysplastic syndromes: "lower" asks a bound, not lower-risk disease
        (
            "lower CI bound of the OS HR?",
            [
                "Among patients with lower-risk disease, the HR for OS was 0.60 (95% CI, "
                "0.45-0.80).",
                "Overall survival favoured the combination (HR 0.70; 95% CI, 0.58-0.85).",
            ],
            "0.58",
            "0.45",
        ),
        # melanoma: "primary" names the analysis asked, not an ulcerated primary tumour
        (
            "upper CI bound of the RFS HR in the primary analysis?",
            [
                "In patients with an ulcerated primary, the RFS HR was 0.72 (95% CI, 0.52-0.99).",
                "In the primary analysis, RFS favoured interferon (HR 0.82; 95% CI, 0.71-0.96).",
            ],
            "0.96",
            "0.99",
        ),
    ],
)
def test_a_bound_asked_names_no_part_of_the_population(vocab, question, sentences, expected, wrong):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert wrong not in draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected", "wrong"),
    [
        # anal cancer: a rate the vocabulary knows no landmark of, asked at 3 years
        (
            "3y colostomy-free rate w/ mitomycin?",
            [
                "The colostomy-free rate with mitomycin was 72% in the long-term update.",
                "At 3 years, the colostomy-free rate was 81% with mitomycin.",
            ],
            "81%",
            "72%",
        ),
        # bladder cancer: the same for an intact bladder
        (
            "3-yr bladder-intact rate w/ chemoRT?",
            [
                "The bladder-intact rate with chemoRT was 67% in the final analysis.",
                "At 3 years, the bladder-intact rate was 78% with chemoRT.",
            ],
            "78%",
            "67%",
        ),
    ],
)
def test_a_rate_asked_at_a_time_point_is_one_said_at_it(
    vocab, question, sentences, expected, wrong
):
    draft = _answer_in(vocab, question, sentences, prose=False)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert wrong not in draft.text


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        # laryngeal cancer: a row of larynx preservation says two of five things asked
        (
            "pharyngocutaneous fistula rate after salvage surgery for larynx preservation?",
            ["Larynx preservation | Induction: 67.5% | Concurrent: 81.7% | RT alone: 63.8%"],
        ),
        # gastric cancer: a sentence about gastrectomy says one of four things asked
        (
            "anastomotic leak rate after total gastrectomy?",
            ["Gastrectomy was performed in 82% of the patients assigned to surgery."],
        ),
    ],
)
def test_a_figure_saying_few_of_the_things_asked_does_not_answer(vocab, question, sentences):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected", "other"),
    [
        # cancer-associated thrombosis: "P for" asked, a sentence of the same words beside it
        (
            "p for superiority on recurrent VTE?",
            [
                "Recurrent VTE occurred in 5.6% with apixaban and 7.9% "
                "with dalteparin, and superiority was the next hypothesis tested.",
                "For recurrent VTE, apixaban was non-inferior (P<0.001 for non-inferiority) but "
                "not superior (P=0.09 for superiority).",
            ],
            "0.09",
            "5.6%",
        ),
        # HER2-positive breast cancer: the same for non-inferiority
        (
            "P for noninferiority in the primary analysis?",
            [
                "At a median follow-up of 42.5 months in the primary analysis, the 2-year DFS "
                "rate was 93.8% in the 12-month group versus 91.1% in the 6-month group.",
                "The prespecified margin was not met (HR 1.28; P=0.29 for non-inferiority).",
            ],
            "0.29",
            "93.8%",
        ),
    ],
)
def test_a_p_value_for_one_hypothesis_does_not_answer_for_the_other(
    vocab, question, sentences, expected, other
):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert other not in draft.text


@pytest.mark.parametrize(
    ("sentences", "said", "unsaid", "value"),
    [
        # laryngeal cancer: a PDF's caption, split after its number, gives its rows' time
        (
            [
                "Table 1.",
                "Ten-year outcomes by arm in the long-term report.",
                "Locoregional control | Induction: 54.9% | RT alone: 48.1%",
            ],
            "10-yr locoregional control w/ RT alone?",
            "2y locoregional control w/ RT alone?",
            "48.1%",
        ),
        # bladder cancer: the caption on the same line
        (
            [
                "Table 2: Five-year outcomes by arm.",
                "Bladder-intact rate | Chemoradiotherapy: 67% | Radiotherapy: 55%",
            ],
            "5-yr bladder-intact rate w/ chemoradiotherapy?",
            "3-yr bladder-intact rate w/ chemoradiotherapy?",
            "67%",
        ),
    ],
)
def test_a_tables_caption_says_the_time_point_of_its_rows(vocab, sentences, said, unsaid, value):
    draft = _answer_in(vocab, said, sentences, prose=True)
    assert draft.status == "answered" and value in draft.text, draft.text
    draft = _answer_in(vocab, unsaid, sentences, prose=True)
    assert value not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "other"),
    [
        # melanoma: the second value counts a thing the vocabulary does not know
        (
            "hypothyroidism rate on pembro?",
            "Hypothyroidism occurred in 14.3% and hyperthyroidism in 10.2% of pembrolizumab "
            "patients.",
            ["pembrolizumab"],
            "14.3%",
            "10.2%",
        ),
        # breast cancer
        (
            "diarrhea w/ abemaciclib?",
            "Diarrhoea occurred in 45% and flatulence in 10% of patients on abemaciclib.",
            ["abemaciclib"],
            "45%",
            "10%",
        ),
    ],
)
def test_a_value_after_another_thing_counted_is_not_the_events(
    vocab, question, sentence, drugs, expected, other
):
    """A guard of the rule that a value counts what its sentence names last before it ("Major
    bleeding occurred in 36 (6.9%) ... and 21 patients (4.0%)"): not across another thing."""
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert not any(w.startswith(f"best rival {other}") for w in draft.why), draft.why


@pytest.mark.parametrize(
    ("question", "sentences", "expected", "other"),
    [
        # ovarian cancer: a non-inferiority trial's 90% interval, a pooled subgroup row's 95%
        (
            "upper limit of the 90% CI for the OS HR?",
            [
                "Stage IV disease | PDS median OS: 21.2 months | NACT median OS: 24.3 months | "
                "HR (95% CI): 0.76 (0.58-1.00)",
                "The hazard ratio for death in the NACT group was 0.98 (90% CI, 0.84-1.13; "
                "P=0.01 for non-inferiority).",
            ],
            "1.13",
            "1.00",
        ),
        # colon cancer: a one-sided 97.5% interval beside a row's two-sided 95% one
        (
            "upper bound of the 97.5% CI for the DFS HR?",
            [
                "High-risk (T4 or N2) | DFS HR (95% CI): 1.16 (1.06-1.26)",
                "Overall, the DFS HR was 1.07 (97.5% CI, 0.95-1.21; P=0.11 for non-inferiority).",
            ],
            "1.21",
            "1.26",
        ),
    ],
)
def test_an_interval_of_the_confidence_level_asked(vocab, question, sentences, expected, other):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert other not in draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # cancer-associated thrombosis: the time an event was counted over is no answer
        (
            "major bleeding w/ edoxaban?",
            "Major bleeding over 12 months was the safety outcome.",
            ["edoxaban"],
        ),
        # breast cancer
        (
            "neutropenia w/ palbociclib?",
            "Neutropenia was monitored over 24 months of treatment.",
            ["palbociclib"],
        ),
    ],
)
def test_an_event_asked_is_its_rate_not_a_time(vocab, question, sentence, drugs):
    from bot.answer.question import analyze
    from index.figures import extract_figures

    engine, s, context = _engine_sentence_context(vocab, drugs, sentence)
    fig = next(f for f in extract_figures(sentence, vocab) if "months" in f.value)
    assert not engine._counts_what_is_asked(analyze(question, vocab), s, fig, context)


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "expected", "other"),
    [
        # glioblastoma: the dose during radiotherapy is not the adjuvant one after it
        (
            "adjuvant temozolomide dose?",
            "- Temozolomide: 75 mg/m² daily during radiotherapy (concomitant), followed by "
            "adjuvant temozolomide 150-200 mg/m² on days 1-5 of each 28-day cycle.",
            ["temozolomide"],
            "150-200 mg/m²",
            "75 mg/m²",
        ),
        # nasopharyngeal carcinoma: the same for cisplatin
        (
            "adjuvant cisplatin dose?",
            "Cisplatin 100 mg/m2 was given every 3 weeks during radiotherapy, followed by "
            "adjuvant cisplatin 80 mg/m2 for three cycles.",
            ["cisplatin", "fluorouracil"],
            "80 mg/m2",
            "100 mg/m2",
        ),
    ],
)
def test_a_dose_given_during_radiotherapy_is_not_the_adjuvant_dose(
    vocab, question, sentence, drugs, expected, other
):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "answered" and expected in draft.text, draft.text
    assert not draft.text.split("[")[0].rstrip().endswith(other)
    assert not any(w.startswith(f"lead {other}") for w in draft.why), draft.why


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # rectal cancer: a rate asked at a time point is no radiation dose (nor its range)
        (
            "DrTF at 3 yrs with standard CRT?",
            "Standard CRT delivered 1.8 Gy to 50.4 Gy with capecitabine before surgery.",
            ["capecitabine"],
        ),
        # rectal cancer (a guard: Not found before the rule as well): a contact boost's dose
        # is no organ-preservation rate of its arm
        (
            "3y organ preservation w/ the boost?",
            "The boost delivered 90 Gy in 3 fractions to the primary tumour after "
            "chemoradiotherapy.",
            [],
        ),
    ],
)
def test_a_dose_answers_only_a_question_asking_a_dose(vocab, question, sentence, drugs):
    draft = _answer_in(vocab, question, [sentence], drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "during"),
    [
        # glioblastoma: the concomitant phase's rate is not the adjuvant phase's
        (
            "grade 3-4 hematologic toxicity rate in the adjuvant TMZ phase",
            [
                "During the concomitant phase, grade 3 or 4 haematologic toxicity occurred in 7% "
                "of patients.",
                "Across the adjuvant phase, the figure was 14%, driven mostly by thrombocytopenia.",
            ],
            "7%",
        ),
        # rectal cancer: the same, said as the concurrent phase
        (
            "grade 3+ toxicity in the adjuvant phase?",
            [
                "In the concurrent phase, grade 3 or higher toxicity occurred in 12% of patients.",
                "Across the adjuvant phase, the figure was 21%, most of it after cycle 2.",
            ],
            "12%",
        ),
    ],
)
def test_a_rate_during_radiotherapy_does_not_answer_for_the_adjuvant_phase(
    question, sentences, during, vocab
):
    draft = _answer_in(vocab, question, sentences, prose=True)
    assert during not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # myelofibrosis: the change that defines a spleen response is no rate of it
        (
            "SVR35 rate with momelotinib?",
            [
                "Splenic response rate (SRR), a reduction of 35% or more in spleen volume from "
                "baseline, was 23% with momelotinib."
            ],
            "23%",
        ),
        # polycythaemia vera: the same, the change written with its sign before it
        (
            "SVR35 with ruxolitinib?",
            [
                "A spleen response, a ≥35% reduction in spleen volume from baseline, was seen in "
                "38% of patients treated with ruxolitinib."
            ],
            "38%",
        ),
        # lung cancer: a risk reduction is a result, not a definition (a guard)
        (
            "by what percentage did the combination lower the risk of death?",
            ["The combination produced a 31% reduction in the risk of death (HR 0.69)."],
            "31%",
        ),
    ],
)
def test_the_change_that_defines_a_response_is_no_rate_of_it(question, sentences, expected, vocab):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # guards for the spleen (SVR35) and symptom (TSS50) endpoints: responders asked about
        # are still answered by them
        # myelofibrosis: a spleen response is a response
        (
            "what proportion of spleen responders kept the response for >=48 weeks",
            "Of the ruxolitinib patients who achieved the primary spleen response, 67.0% "
            "maintained the response for at least 48 weeks.",
            "67.0%",
        ),
        # polycythaemia vera: so is a symptom response
        (
            "what share of symptom responders kept the response for >=48 weeks?",
            "Of the hydroxyurea-resistant patients with a TSS response, 74% maintained the "
            "response for at least 48 weeks.",
            "74%",
        ),
    ],
)
def test_spleen_and_symptom_responses_are_responses(question, sentence, expected, vocab):
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "expected"),
    [
        # Ewing sarcoma: "the rates" are the sentence before's 5-year EFS; "aged 18 years" is an
        # age, no landmark
        (
            "5-yr EFS for pts 18+ on the 2-weekly schedule?",
            [
                "Among patients younger than 18 years, 5-year EFS was 76% with the 2-week "
                "schedule vs 65% with the 3-week schedule.",
                "Among those aged 18 years and older, the rates were 47% and 56%, respectively.",
            ],
            "47%",
        ),
        # lung cancer: the same for older patients and overall survival
        (
            "5-year OS in pts 70+ with the combination?",
            [
                "Among patients younger than 70 years, 5-year OS was 61% with the combination "
                "and 52% with chemotherapy alone.",
                "Among those aged 70 years or older, the rates were 38% and 35%, respectively.",
            ],
            "38%",
        ),
    ],
)
def test_rates_said_again_are_the_measure_of_the_sentence_before(
    question, sentences, expected, vocab
):
    draft = _answer_in(vocab, question, sentences, prose=True)
    assert draft.status == "answered" and expected in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "value"),
    [
        # breast cancer: the margin asked in several ways, and the ratio itself (guards: a margin
        # is a figure of its own since it was added to the vocabulary)
        ("what HR was the noninferiority margin?", "1.35"),
        ("NI margin for the OS HR?", "1.35"),
        ("OS HR?", "0.87"),
        ("did the upper bound of the OS HR CI stay below the NI margin?", "1.09"),
    ],
)
def test_a_non_inferiority_margin_answers_for_itself_only(question, value, vocab):
    sentences = [
        "The noninferiority margin was an HR for death of 1.35.",
        "The hazard ratio for death was 0.87 (90% CI, 0.70-1.09).",
    ]
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text


def test_a_margin_said_as_a_bound_answers_for_prostate_cancer_too(vocab):
    sentences = [
        "Intermittent therapy would be non-inferior if the upper bound of the one-sided 95% CI "
        "for the hazard ratio for death stayed below 1.25.",
        "Median OS was 5.1 years with continuous and 5.8 years with intermittent therapy (HR "
        "1.10; 90% CI, 0.99-1.23).",
    ]
    draft = _answer_in(vocab, "noninferiority margin for the HR?", sentences)
    assert draft.status == "answered" and "1.25" in draft.text.split("[")[0], draft.text
    draft = _answer_in(vocab, "OS HR intermittent vs continuous?", sentences)
    assert draft.status == "answered" and "1.10" in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "value"),
    [
        # neuroblastoma: follow-up said among the patients without events is the trial's (guards:
        # who the patients are, said after them, is read as a part of the population)
        (
            "median follow up?",
            ["The median follow-up among patients without events was 5.9 years."],
            "5.9 years",
        ),
        # lung cancer: among those still alive
        (
            "median f/u?",
            ["Median follow-up in patients who were alive at data cut-off was 31.2 months."],
            "31.2 months",
        ),
    ],
)
def test_a_follow_up_among_patients_without_events_is_the_trials(question, sentences, value, vocab):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "value"),
    [
        # myeloma: the maintenance dose is not the induction dose, nor the reverse
        ("len maintenance dose?", "10 mg"),
        ("lenalidomide dose during induction?", "25 mg"),
    ],
)
def test_an_induction_dose_does_not_answer_for_maintenance_in_myeloma(question, value, vocab):
    sentences = [
        "Induction: bortezomib 1.3 mg/m2 on days 1, 4, 8 and 11 with lenalidomide 25 mg on days "
        "1-14 and dexamethasone 20 mg.",
        "After induction, patients were randomized to lenalidomide maintenance (10 mg on days "
        "1-21 of each 28-day cycle) for 2 years.",
    ]
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "value"),
    [
        # leukaemia (guards): the same phases, consolidation asked
        ("cytarabine dose in consolidation?", "3 g/m2"),
        ("induction cytarabine dose?", "200 mg/m2"),
    ],
)
def test_an_induction_dose_does_not_answer_for_consolidation_in_leukaemia(question, value, vocab):
    sentences = [
        "Induction consisted of cytarabine 200 mg/m2 daily for 7 days with daunorubicin 60 mg/m2.",
        "Consolidation was high-dose cytarabine 3 g/m2 every 12 hours on days 1, 3 and 5.",
    ]
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "value"),
    [
        # mantle-cell lymphoma: lenalidomide's induction and maintenance doses
        ("maintenance len dose?", "10 mg"),
        ("lenalidomide dose in induction?", "20 mg"),
    ],
)
def test_an_induction_dose_does_not_answer_for_maintenance_in_lymphoma(question, value, vocab):
    sentences = [
        "Induction was rituximab 375 mg/m2 weekly for 4 weeks with lenalidomide 20 mg on days "
        "1-21 of each 28-day cycle.",
        "Responders then received lenalidomide maintenance (10 mg on days 1-21) until progression.",
    ]
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        # melanoma: stage IIC asked, stage IIB's ratio said first
        (
            "stage IIC subgroup RFS HR?",
            "In stage IIB disease the HR was 0.66 (95% CI, 0.45-0.96), and in stage IIC it was "
            "0.59 (95% CI, 0.40-0.88).",
            "0.59",
        ),
        (
            "stage IIB RFS HR?",
            "In stage IIB disease the HR was 0.66 (95% CI, 0.45-0.96), and in stage IIC it was "
            "0.59 (95% CI, 0.40-0.88).",
            "0.66",
        ),
        # lung cancer: stage IIIA and IIIB
        (
            "DFS HR in stage IIIB pts?",
            "Among stage IIIA patients the HR was 0.71 (95% CI, 0.55-0.92), and in stage IIIB "
            "patients it was 0.83.",
            "0.83",
        ),
    ],
)
def test_a_stage_asked_is_not_answered_by_another_stages_figure(question, sentence, value, vocab):
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        # AML: the comparator's daunorubicin dose is no dose of CPX-351
        (
            "CPX-351 induction dose?",
            [
                "The control arm received cytarabine 100 mg/m2/day for 7 days plus daunorubicin "
                "60 mg/m2 on days 1-3 during induction."
            ],
        ),
        # breast cancer: the comparator's T-DM1 dose is no dose of DS-8201
        (
            "DS-8201 dose?",
            ["The control arm received trastuzumab emtansine 3.6 mg/kg every 3 weeks."],
        ),
    ],
)
def test_another_drugs_dose_does_not_answer_for_a_drug_named_by_its_code(
    question, sentences, vocab
):
    assert _answer_in(vocab, question, sentences).status == "not_found"


@pytest.mark.parametrize(
    ("question", "value"),
    [
        # breast cancer, three arms: each ratio against arm A said with its own letter
        ("upper CI bound for IDFS HR arm C vs A?", "1.02"),
        ("IDFS HR arm B vs arm A?", "0.89"),
    ],
)
def test_a_three_arm_comparison_gives_each_lettered_arm_its_ratio(question, value, vocab):
    sentence = (
        "Compared with Arm A, the hazard ratio for IDFS was 0.89 (95% CI, 0.73-1.08; P = .21) "
        "for Arm B and 0.84 (95% CI, 0.69-1.02; P = .09) for Arm C."
    )
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text
    other = "0.84" if value in ("0.89",) else "0.89"
    assert other not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "values", "other"),
    [
        # liver cancer: the blood counts' grade 3-4 events asked as "hematologic AEs"
        (
            "G3-4 hematologic AEs combo vs control?",
            [
                "Grade 3-4 hematologic adverse events occurred in 37.5% of patients in the "
                "combination arm compared with 8.4% in the control arm.",
                "Grade 3-4 adverse events overall occurred in 63.1% versus 61.5%.",
            ],
            ["37.5%", "8.4%"],
            "63.1%",
        ),
        # myeloma: every event but the blood counts' is no haematological event, nor every AE
        (
            "G3+ non-hematologic tox rate, VRd vs KRd?",
            [
                "Grade 3 or higher non-hematologic treatment-related adverse events occurred in "
                "43% of patients receiving VRd and 47% of patients receiving KRd.",
                "Grade 3 or higher treatment-related adverse events occurred in 61% and 66%.",
            ],
            ["43%", "47%"],
            "61%",
        ),
    ],
)
def test_haematological_and_non_haematological_events_are_events_of_their_own(
    question, sentences, values, other, vocab
):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered", draft.text
    assert all(v in draft.text for v in values) and other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        # childhood leukaemia: "in patients assigned to" names an arm, no part of the population
        (
            "5y EFS with HD-MTX?",
            "At 5 years, event-free survival (EFS) was 81% in patients assigned to high-dose "
            "methotrexate (HD-MTX) vs 76% in those assigned to Capizzi methotrexate (C-MTX).",
            "81%",
        ),
        # lung cancer: the same with "randomized to"
        (
            "2-yr OS with osimertinib?",
            "At 2 years, overall survival was 79% in patients randomized to osimertinib and 71% "
            "in those randomized to chemotherapy.",
            "79%",
        ),
    ],
)
def test_patients_assigned_to_an_arm_are_no_part_of_the_population(
    question, sentence, value, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=["methotrexate", "osimertinib"])
    assert draft.status == "answered" and value in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "other"),
    [
        # Hodgkin lymphoma: "mg/kg" asked is not answered by a cumulative dose in g/m2
        (
            "what BV dose was given in the control arm, mg/kg?",
            [
                "The alternating regimen delivered a cumulative cyclophosphamide dose of 8.4 g/m2,"
                " half the 16.8 g/m2 given with VAC alone."
            ],
            ["cyclophosphamide"],
            "16.8",
        ),
        # head and neck cancer: "mg/m2" asked is not answered by a dose in Gy
        ("cisplatin dose, mg/m2?", ["Radiotherapy was given to 70 Gy in 35 fractions."], [], "70"),
    ],
)
def test_a_dose_unit_asked_is_not_answered_by_another_unit(
    question, sentences, drugs, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    assert other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        # pancreatic and lymphoma: the unit asked, spelt out or not, in the article's spelling
        (
            "nab-paclitaxel dose? mg/m2",
            "Nab-paclitaxel at 125 mg per square metre was given on days 1, 8 and 15.",
            "125 mg per square metre",
        ),
        (
            "dose of brentuximab vedotin in mg/kg?",
            "Brentuximab vedotin was given at 1.8 mg/kg every 3 weeks.",
            "1.8 mg/kg",
        ),
    ],
)
def test_a_dose_unit_asked_is_answered_in_any_spelling(question, sentence, value, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=["paclitaxel", "brentuximab vedotin"])
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "rows", "other"),
    [
        # endometrial and breast cancer: "how many pts in the X subgroup" is not answered by
        # the subgroup's hazard ratio or its row
        (
            "how many pts in the TP53 wild-type subgroup?",
            [
                "Median PFS by subgroup, selinexor vs placebo: TP53 wild-type (n = 103) | "
                "Selinexor: 13.7 mo | Placebo: 3.7 mo | HR (95% CI): 0.375 (0.210-0.670)"
            ],
            "0.375",
        ),
        (
            "how many women were in the node-negative subgroup?",
            [
                "DFS by nodal status: Node-negative (n = 1,412) | Letrozole: 88% | Placebo: 84% | "
                "HR: 0.74"
            ],
            "0.74",
        ),
    ],
)
def test_a_subgroups_head_count_is_no_ratio_of_it(question, rows, other, vocab):
    draft = _answer_in(vocab, question, rows)
    assert other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "values", "others"),
    [
        # endometrial cancer: rows of parts under a caption that names the endpoint are the
        # parts', not the whole trial's (the rows retrieved before the sentence)
        (
            "mPFS selinexor vs placebo?",
            [
                "Median PFS by subgroup, selinexor vs placebo: Intention-to-treat (n = 263) | "
                "Selinexor: 5.7 mo | Placebo: 3.8 mo | HR (95% CI): 0.705 (0.499-0.996)",
                "Median PFS by subgroup, selinexor vs placebo: TP53 mutant | Selinexor: 3.2 mo | "
                "Placebo: 5.2 mo | HR (95% CI): 1.09",
                "In the intention-to-treat population, median PFS was 5.7 months with selinexor"
                " vs 3.8 months with placebo (HR 0.705).",
            ],
            ["selinexor"],
            ["5.7", "3.8"],
            ["5.2", "3.2"],
        ),
        # lung cancer: the same for a PD-L1 part
        (
            "mOS pembrolizumab vs chemo?",
            [
                "Median OS by subgroup, months: All patients (n = 1,274) | Pembrolizumab: 16.7 | "
                "Chemotherapy: 12.1 | HR (95% CI): 0.81 (0.71-0.93)",
                "Median OS by subgroup, months: PD-L1 TPS 1-49% | Pembrolizumab: 13.4 | "
                "Chemotherapy: 12.1 | HR (95% CI): 0.92 (0.77-1.11)",
                "Median OS was 16.7 months with pembrolizumab vs 12.1 months with chemotherapy "
                "(HR 0.81).",
            ],
            ["pembrolizumab"],
            ["16.7", "12.1"],
            ["13.4"],
        ),
    ],
)
def test_a_row_of_a_part_under_a_caption_is_the_parts(
    question, sentences, drugs, values, others, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    assert draft.status == "answered", draft.text
    assert all(v in draft.text for v in values), draft.text
    assert not any(o in draft.text for o in others), draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "value", "other"),
    [
        # lung cancer: the part asked by the word said before its statistic
        (
            "PFS HR among Asian patients",
            "The PFS benefit was consistent across subgroups, including by age (<65 years: HR "
            "0.38; ≥65 years: HR 0.45), by race (Asian patients: HR 0.36) and in patients with a "
            "history of brain metastases (HR 0.47).",
            "0.36",
            "0.38",
        ),
        # breast cancer: "node-negative" asked, "node-positive" listed first
        (
            "node-negative subgroup HR for DFS?",
            "Node-positive patients had an HR of 0.81 and node-negative patients 0.88.",
            "0.88",
            "0.81",
        ),
        (
            "node+ subgroup DFS HR?",
            "For node-positive patients the DFS hazard ratio was 0.84, and for node-negative "
            "patients 0.92.",
            "0.84",
            "0.92",
        ),
    ],
)
def test_a_part_asked_by_the_word_before_its_statistic(question, sentence, value, other, vocab):
    draft = _answer_in(vocab, question, ["DFS and PFS were improved.", sentence])
    assert draft.status == "answered" and value in draft.text, draft.text
    assert other not in draft.text, draft.text


def test_parts_said_after_their_statistics_are_left_to_their_phrases(vocab):
    # guard, lung cancer: "0.62 in men and 0.85 in women": each part after its value
    draft = _answer_in(vocab, "OS HR in men?", ["The OS HR was 0.62 in men and 0.85 in women."])
    assert "0.62" in draft.text and "0.85" not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value", "other"),
    [
        # childhood leukaemia: "without it" is the arm without the drug asked
        (
            "5-yr DFS w/ nelarabine arm?",
            ["Five-year DFS was 88.2% with nelarabine vs 82.1% without it (P = .029)."],
            ["nelarabine"],
            "88.2%",
            "82.1%",
        ),
        # ... as is a row "No nelarabine"; "no-nelarabine pts" asked, the row of the drug given
        # is the other arm's
        (
            "what was 5y DFS for the no-nelarabine pts",
            [
                "Nelarabine randomisation | Arm: Nelarabine (n = 323) | 5-year DFS: 88.2%",
                "Nelarabine randomisation | Arm: No nelarabine (n = 336) | 5-year DFS: 82.1%",
            ],
            ["nelarabine"],
            "82.1%",
            "88.2%",
        ),
        # ... and a row whose arm column says "No nelarabine", the drug asked
        (
            "5-yr DFS w/ nelarabine arm?",
            [
                "Nelarabine randomisation | Arm: Nelarabine (n = 323) | 5-year DFS: 88.2% | "
                "P value: .029",
                "Nelarabine randomisation | Arm: No nelarabine (n = 336) | 5-year DFS: 82.1%",
            ],
            ["nelarabine", "methotrexate"],
            "88.2%",
            "82.1%",
        ),
        # breast cancer: the same for palbociclib
        (
            "4-yr iDFS w/ palbociclib?",
            [
                "Palbociclib randomisation | Arm: Palbociclib + ET | 4-year iDFS: 81.2%",
                "Palbociclib randomisation | Arm: No palbociclib (ET alone) | 4-year iDFS: 77.7%",
            ],
            ["palbociclib", "letrozole"],
            "81.2%",
            "77.7%",
        ),
        # head and neck cancer: the same for cetuximab
        (
            "3y OS with cetuximab?",
            ["Three-year OS was 78% with cetuximab vs 71% without it."],
            ["cetuximab"],
            "78%",
            "71%",
        ),
    ],
)
def test_an_arm_without_the_drug_asked_is_the_other_arm(
    question, sentences, drugs, value, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    assert draft.status == "answered" and value in draft.text, draft.text
    # (refused, not merely outscored: no rival to make the answer doubtful)
    assert other not in draft.text and other not in " ".join(draft.why), (draft.text, draft.why)


@pytest.mark.parametrize(
    ("question", "row", "asked"),
    [
        # childhood leukaemia and gastric cancer: a row labelled by a part and its endpoint
        # answers only a question that names the part
        (
            "5-yr DFS w/ nelarabine?",
            "High-risk subset, 5-year DFS | Nelarabine: 82.1% | No nelarabine: 69.8% | P: .07",
            "high-risk subset 5-yr DFS w/ nelarabine?",
        ),
        (
            "median OS with pembrolizumab?",
            "PD-L1 CPS >=10 cohort, median OS | Pembrolizumab: 15.3 mo | Chemotherapy: 10.9 mo",
            "median OS with pembrolizumab in the CPS>=10 cohort?",
        ),
    ],
)
def test_a_row_of_a_part_and_its_endpoint_answers_the_part_asked(question, row, asked, vocab):
    drugs = ["nelarabine", "pembrolizumab"]
    assert _answer_in(vocab, question, [row], drugs=drugs).status != "answered"
    assert _answer_in(vocab, asked, [row], drugs=drugs).status == "answered"


@pytest.mark.parametrize(
    ("question", "row", "regimens", "value", "other"),
    [
        # rhabdomyosarcoma: a regimen alternating two codes, asked by both, is the combined code
        (
            "4y OS w/ VAC alternating VI?",
            "Outcome: 4-year OS, all patients | VAC: 73% | VAC/VI: 72% | P value: .80",
            ["VAC", "VAC/VI"],
            "72%",
            "73%",
        ),
        # breast cancer: the same for CMF alternating with EC
        (
            "5-yr DFS with CMF alternating EC?",
            "5-year DFS | CMF: 70% | CMF/EC: 76%",
            ["CMF", "CMF/EC"],
            "76%",
            "70%",
        ),
    ],
)
def test_a_combined_regimen_asked_by_its_parts_is_the_combined_arm(
    question, row, regimens, value, other, vocab
):
    draft = _answer_in(vocab, question, [row], regimens=regimens)
    assert draft.status == "answered" and value in draft.text, draft.text
    assert other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "rows", "aliases", "value"),
    [
        # rhabdomyosarcoma: "ERMS" asked, the article's "embryonal rhabdomyosarcoma (ERMS)",
        # its row "embryonal"
        (
            "ERMS 4y EFS with VAC/VI?",
            [
                "Outcome: 4-year EFS, all patients | VAC: 63% | VAC/VI: 59% | P value: .51",
                "Outcome: 4-year EFS, embryonal | VAC: 70% | VAC/VI: 65% | P value: NS",
                "Outcome: 4-year EFS, alveolar | VAC: 53% | VAC/VI: 51% | P value: NS",
            ],
            {"ERMS": "embryonal rhabdomyosarcoma", "ARMS": "alveolar rhabdomyosarcoma"},
            "65%",
        ),
        # lung cancer: "SqCC" asked, the article's "squamous cell carcinoma (SqCC)"
        (
            "mOS with pembrolizumab in SqCC?",
            [
                "Median OS, months: All patients | Pembrolizumab: 16.7 | Chemotherapy: 12.1",
                "Median OS, months: Squamous | Pembrolizumab: 14.2 | Chemotherapy: 11.5",
                "Median OS, months: Adenocarcinoma | Pembrolizumab: 18.0 | Chemotherapy: 12.8",
            ],
            {"SqCC": "squamous cell carcinoma"},
            "14.2",
        ),
    ],
)
def test_a_part_asked_by_the_articles_abbreviation_is_its_rows(
    question, rows, aliases, value, vocab
):
    draft = _answer_in(
        vocab,
        question,
        rows,
        aliases=aliases,
        regimens=["VAC", "VAC/VI"],
        drugs=["pembrolizumab"],
        title="VAC/VI in rhabdomyosarcoma; pembrolizumab in non-small-cell lung carcinoma",
    )
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drug", "target"),
    [
        # breast cancer (bone health) and endometrial cancer: the drug's target, in words no
        # earlier list of targets had
        (
            "what's denosumab's target?",
            "Denosumab is a fully human monoclonal antibody against RANK ligand (RANKL), the key "
            "signal for osteoclast formation and activity.",
            "denosumab",
            "RANKL",
        ),
        (
            "what does selinexor target?",
            "Selinexor is a selective inhibitor of nuclear export that blocks exportin 1 (XPO1).",
            "selinexor",
            "XPO1",
        ),
    ],
)
def test_a_drugs_target_is_answered_by_the_sentence_naming_it(
    question, sentence, drug, target, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=[drug])
    assert draft.status == "answered" and target in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "rows", "drugs", "value"),
    [
        # kidney cancer and lymphoma: a risk group asked "poor-risk", its row says "poor"
        (
            "PFS HR in MSKCC poor-risk subgroup?",
            [
                "PFS by subgroup: All patients | Everolimus: 4.9 mo | Placebo: 1.9 mo | HR: 0.33",
                "PFS by subgroup: MSKCC favorable | Everolimus: 5.8 mo | Placebo: 1.9 mo | HR: 0.3",
                "PFS by subgroup: MSKCC poor | Everolimus: 3.8 mo | Placebo: 1.8 mo | HR: 0.44",
            ],
            ["everolimus"],
            "0.44",
        ),
        (
            "3y PFS in IPI high-risk pts?",
            [
                "3-year PFS by IPI risk: All patients | R-CHOP: 74% | CHOP: 60%",
                "3-year PFS by IPI risk: IPI low | R-CHOP: 88% | CHOP: 79%",
                "3-year PFS by IPI risk: IPI high | R-CHOP: 55% | CHOP: 41%",
            ],
            ["rituximab"],
            "55%",
        ),
    ],
)
def test_a_risk_group_asked_with_risk_is_its_row_without(question, rows, drugs, value, vocab):
    draft = _answer_in(vocab, question, rows, drugs=drugs)
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drug", "target"),
    [
        # guards, liver and breast cancer: "binding to Fc-gamma receptor I" says a binding, not the
        # drug's target
        (
            "what's tislelizumab's target?",
            [
                "It was engineered to minimise binding to Fc-gamma receptor I on macrophages, a "
                "modification said to limit phagocytosis of the T cells the drug reactivates.",
                "Tislelizumab is a humanised IgG4 monoclonal antibody against programmed cell "
                "death protein 1 (PD-1).",
            ],
            "tislelizumab",
            "PD-1",
        ),
        (
            "what does trastuzumab target?",
            [
                "It was designed for binding to Fc receptors on immune effector cells, which then "
                "attack the tumour cells the drug coats.",
                "Trastuzumab is a humanised monoclonal antibody against HER2.",
            ],
            "trastuzumab",
            "HER2",
        ),
    ],
)
def test_a_word_of_binding_names_no_target(question, sentences, drug, target, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=[drug])
    assert draft.status == "answered" and target in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        # guards, colorectal cancer and myelofibrosis: a target named in a question says whose
        # tumours or cells, not what is counted
        (
            "how many patients had tumour tissue for KRAS testing in CO.17?",
            "Tissue was available for 394 of the 572 patients (69%), and 42.3% of evaluable "
            "tumours carried a KRAS mutation.",
            "42.3%",
        ),
        (
            "mean JAK2 V617F allele burden reduction at wk 32 with rux?",
            "More than 95% of patients carry the JAK2 V617F mutation.",
            "95%",
        ),
    ],
)
def test_a_target_asked_is_not_what_is_counted(question, sentence, other, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=["cetuximab", "ruxolitinib"])
    assert other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "codes", "asked"),
    [
        # rhabdomyosarcoma: a combined regimen asked by its parts is the combined code alone
        ("4y OS w/ VAC alternating VI", ["VAC", "VAC/VI"], {"VAC/VI"}),
        # myeloma (guard): a code typed whole names no other by its parts ("AUTO/AUTO")
        ("38-mo PFS on AUTO/LEN?", ["AUTO/AUTO", "AUTO/ACM", "AUTO/LEN"], {"AUTO/LEN"}),
    ],
)
def test_the_regimens_a_question_names(question, codes, asked):
    from bot.answer.extractive import _regimens_asked

    assert _regimens_asked(question, codes) == asked


@pytest.mark.parametrize(
    ("question", "sentences", "drug", "value", "other"),
    [
        # kidney cancer and myeloma: "time on treatment", "duration of therapy" are the
        # treatment's duration, never the follow-up
        (
            "median time on treatment in the tivozanib arm?",
            [
                "Median time on treatment was 8.1 months with tivozanib.",
                "Median follow-up was 19 months.",
            ],
            "tivozanib",
            "8.1 months",
            "19 months",
        ),
        (
            "median duration of therapy with daratumumab?",
            [
                "The median duration of therapy was 25.3 months with daratumumab.",
                "Median follow-up was 44 months.",
            ],
            "daratumumab",
            "25.3 months",
            "44 months",
        ),
        (
            "median time on treatment in the tivozanib arm?",
            [
                "Median progression-free survival was 5.6 months with tivozanib versus 3.9 "
                "months with sorafenib.",
                "The median follow-up at that time was 19 months.",
            ],
            "tivozanib",
            None,
            "19 months",
        ),
    ],
)
def test_time_on_treatment_is_no_follow_up(question, sentences, drug, value, other, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=[drug])
    assert other not in draft.text, draft.text
    assert value is None or value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value", "other"),
    [
        # gastric and colorectal cancer: a dose right after a drug's code ("S-1", "TAS-102") is
        # that drug's, not the one asked
        (
            "oxaliplatin dose in the SOX regimen",
            "In the SOX regimen, patients received S-1 40 mg/m2 orally twice daily on days 1-14 "
            "plus oxaliplatin 130 mg/m2 on day 1 of each 21-day cycle.",
            ["oxaliplatin", "nivolumab"],
            "130 mg/m2",
            "40 mg/m2",
        ),
        (
            "bevacizumab dose with TAS-102?",
            "Patients received TAS-102 35 mg/m2 twice daily on days 1-5 and 8-12 plus "
            "bevacizumab 5 mg/kg every 2 weeks.",
            ["bevacizumab"],
            "5 mg/kg",
            "35 mg/m2",
        ),
    ],
)
def test_a_dose_after_a_drugs_code_is_that_drugs(question, sentence, drugs, value, other, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and value in draft.text, draft.text
    assert other not in draft.text and other not in " ".join(draft.why), (draft.text, draft.why)


@pytest.mark.parametrize(
    ("question", "sentences", "aliases", "title", "value", "other"),
    [
        # sarcoma: "soft tissue" asked, the article's "soft-tissue sarcoma (STS)" said as STS
        (
            "SARC028 ORR in the soft tissue cohort?",
            [
                "In the STS cohort, 7 of 40 patients responded, for an ORR of 18% (95% CI, 7-33).",
                "In the bone sarcoma cohort, 2 of 32 patients responded, for an ORR of 6%.",
            ],
            {"STS": "soft-tissue sarcoma"},
            "Pembrolizumab active in some sarcomas but not in bone sarcomas",
            "18%",
            "6%",
        ),
        # ... and asked by the abbreviation itself, in a sentence with no "cohort" word asked
        (
            "upper 95% CI of the STS ORR?",
            [
                "In the STS cohort, 7 of 40 patients responded, for an ORR of 18% (95% CI, 7-33).",
                "In the bone sarcoma cohort, 2 of 32 patients responded, for an ORR of 6%.",
            ],
            {"STS": "soft-tissue sarcoma"},
            "Pembrolizumab active in some sarcomas but not in bone sarcomas",
            "33",
            "6%",
        ),
        # urothelial cancer: "upper tract" asked, the article's "(UTUC)"
        (
            "ORR with erdafitinib in upper tract pts?",
            [
                "In the UTUC cohort, the ORR was 32% (95% CI, 24-41).",
                "In the bladder cohort, the ORR was 14%.",
            ],
            {"UTUC": "upper tract urothelial carcinoma"},
            "Erdafitinib in metastatic urothelial carcinoma",
            "32%",
            "14%",
        ),
    ],
)
def test_a_part_said_by_the_articles_abbreviation_answers_its_long_form(
    question, sentences, aliases, title, value, other, vocab
):
    drug = title.split()[0].casefold()  # the article's one drug
    draft = _answer_in(
        vocab, question, sentences, drugs=[drug], aliases=aliases, title=title, known=True
    )
    assert draft.status == "answered" and value in draft.text, draft.text
    assert other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "aliases", "value", "other"),
    [
        # sarcoma: the rate in a count's bracket belongs to the cohort named after the bracket
        (
            "G3+ AEs overall in the STS cohort, %?",
            [
                "Grade 3 or worse adverse events occurred in 19 of 44 patients (43%) in the bone "
                "cohort and 20 of 42 patients (48%) in the STS cohort."
            ],
            {"STS": "soft-tissue sarcoma"},
            "48%",
            "43%",
        ),
        # lung cancer: the same, by the EGFR-mutant and ALK-positive cohorts (a guard: answered
        # so before the rule too, the cohort being said first)
        (
            "pneumonitis rate in the ALK-positive cohort?",
            [
                "Pneumonitis occurred in 4 of 140 patients (3%) in the ALK-positive cohort and "
                "12 of 150 patients (8%) in the EGFR-mutant cohort."
            ],
            {},
            "3%",
            "8%",
        ),
    ],
)
def test_a_rate_in_a_counts_bracket_is_the_cohort_named_after_it(
    question, sentences, aliases, value, other, vocab
):
    draft = _answer_in(
        vocab, question, sentences, drugs=["pembrolizumab"], aliases=aliases, known=True
    )
    assert draft.status == "answered" and value in draft.text, draft.text
    assert other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        # sarcoma: the rate of every grade 3 or worse event is not the most common one's
        (
            "most common G3+ AE with pembrolizumab and its rate?",
            ["Grade 3 or worse adverse events occurred in 48% of patients on pembrolizumab."],
        ),
        # lung cancer: the same for treatment-related events (a guard: refused before the rule
        # too, as its qualifiers do not fit)
        (
            "most frequent grade 3 TRAE with osimertinib and how often?",
            ["Grade 3 or higher treatment-related adverse events occurred in 23% of patients."],
        ),
    ],
)
def test_the_most_common_events_rate_is_not_every_events(question, sentences, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=["pembrolizumab", "osimertinib"])
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "section", "aliases", "drugs", "value"),
    [
        # Ewing sarcoma: "ifos vs TC" asked of a section comparing "TC vs high-dose ifosfamide"
        (
            "mOS ifosfamide vs topotecan-cyclophosphamide?",
            ["Median OS | IFOS: 15.4 months | TC: 10.5 months | HR (95% CI): 0.73 (0.54-0.99)"],
            "Final comparison: TC vs high-dose ifosfamide",
            {"TC": "topotecan-cyclophosphamide", "IFOS": "ifosfamide"},
            ["ifosfamide", "topotecan", "cyclophosphamide", "IFOS"],
            "15.4",
        ),
        # lung cancer: "pembro vs chemo" asked of a section "Chemotherapy vs pembrolizumab"
        (
            "mOS pembrolizumab vs docetaxel?",
            ["Median OS | Pembrolizumab: 12.7 months | Docetaxel: 8.5 months | HR: 0.71"],
            "Second line: docetaxel vs pembrolizumab",
            {},
            ["pembrolizumab", "docetaxel"],
            "12.7",
        ),
    ],
)
def test_a_comparison_said_the_other_way_round_is_the_one_asked(
    question, sentences, section, aliases, drugs, value, vocab
):
    draft = _answer_in(
        vocab, question, sentences, drugs=drugs, aliases=aliases, section=section, known=True
    )
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value", "other"),
    [
        # head and neck cancer: one drug, two schedules; the question names one of them
        (
            "JCOG1008: 3 year OS in the 3-weekly cisplatin 100 arm?",
            ["- 3-year OS: 71.6% weekly vs 59.1% 3-weekly"],
            ["cisplatin"],
            "59.1%",
            "71.6%",
        ),
        (  # (a guard: answered so before the rule too)
            "3-yr OS with weekly cis 40?",
            ["- 3-year OS: 71.6% weekly vs 59.1% 3-weekly"],
            ["cisplatin"],
            "71.6%",
            "59.1%",
        ),
        # breast cancer: weekly paclitaxel against paclitaxel every 3 weeks, asked as "q3w"
        (
            "5-yr DFS with q3w paclitaxel?",
            ["5-year DFS was 81.5% weekly vs 76.9% every 3 weeks."],
            ["paclitaxel"],
            "76.9%",
            "81.5%",
        ),
    ],
)
def test_an_arm_told_by_its_schedule_is_the_schedule_asked(
    question, sentences, drugs, value, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    assert draft.status == "answered" and value in draft.text, draft.text
    assert other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "value", "other"),
    [
        # head and neck cancer: relapse-free survival is not its local part
        (
            "3-yr RFS weekly arm?",
            [
                "- 3-year local RFS: 58.5% weekly vs 61.2% 3-weekly",
                "- 3-year RFS: 47.1% weekly vs 53.0% 3-weekly",
            ],
            "47.1%",
            "58.5%",
        ),
        # rectal cancer: the same for locoregional recurrence-free survival
        (
            "5-year locoregional recurrence-free survival with short-course RT?",
            [
                "With short-course RT, 5-year recurrence-free survival was 64% and 5-year "
                "locoregional recurrence-free survival was 92%.",
            ],
            "92%",
            "64%",
        ),
    ],
)
def test_local_relapse_free_survival_is_no_relapse_free_survival(
    question, sentences, value, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=["cisplatin"])
    assert draft.status == "answered" and value in draft.text, draft.text
    assert other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "values"),
    [
        # breast cancer: the part said once before a pair of values is both values' part (a
        # guard: answered so before the rule too, with no rival beside it)
        (
            "ORR in measurable dz, both arms?",
            "The objective response rate in patients with measurable disease was 17% vs 7%.",
            ["17%", "7%"],
        ),
        # lung cancer: the same for patients with brain metastases
        (
            "intracranial ORR in pts with brain mets, both arms?",
            "The intracranial ORR among patients with brain metastases was 64% vs 21%.",
            ["64%", "21%"],
        ),
    ],
)
def test_a_part_said_before_a_pair_of_values_is_both_arms(question, sentence, values, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=["abemaciclib", "osimertinib"])
    assert draft.status == "answered", draft.text
    assert all(v in draft.text for v in values), draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value", "arm"),
    [
        # ovarian cancer: three values and three arms, "respectively"
        (
            "mOS in the chemo control arm?",
            "Median OS was 12.9, 11.8 and 11.3 months with cediranib-olaparib, cediranib alone "
            "and chemotherapy, respectively.",
            ["cediranib", "olaparib"],
            "11.3",
            "chemotherapy",
        ),
        # lung cancer: the same for the arm of one drug alone
        (
            "mPFS with nivolumab alone?",
            "Median PFS was 7.2, 4.2 and 5.5 months with nivolumab plus ipilimumab, nivolumab "
            "alone and chemotherapy, respectively.",
            ["nivolumab", "ipilimumab"],
            "4.2",
            "nivolumab alone",
        ),
    ],
)
def test_a_respectively_lists_value_is_the_arm_at_its_place(
    question, sentence, drugs, value, arm, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and value in draft.text, draft.text
    assert arm in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "row", "drugs", "aliases", "value"),
    [
        # ovarian cancer: the chemotherapy arm asked by the drugs it chose from, one of them
        # the article's abbreviation ("PLD")
        (
            "mOS in the chemo control arm (pacli/PLD/topo)?",
            "Median OS, months | Cediranib + olaparib (n=189): 12.9 | Cediranib alone (n=187): "
            "11.8 | Chemotherapy (n=186): 11.3",
            ["cediranib", "olaparib", "paclitaxel", "topotecan", "doxorubicin", "PLD"],
            {"PLD": "pegylated liposomal doxorubicin"},
            "11.3",
        ),
        # lung cancer: the same, "docetaxel or pemetrexed" typed as "doce/pem"
        (
            "mOS in the chemo arm (doce/pem)?",
            "Median OS, months | Nivolumab + ipilimumab: 14.0 | Nivolumab: 12.1 | "
            "Chemotherapy: 9.8",
            ["nivolumab", "ipilimumab", "docetaxel", "pemetrexed"],
            {},
            "9.8",
        ),
    ],
)
def test_a_chemo_arm_asked_by_the_drugs_it_chose_from_is_the_chemo_arm(
    question, row, drugs, aliases, value, vocab
):
    draft = _answer_in(vocab, question, [row], drugs=drugs, aliases=aliases)
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "rows", "aliases", "title", "value"),
    [
        # oesophageal cancer: "esophageal (not GEJ)" is not the row "GEJ primary", though the
        # long form of GEJ ("gastro-oesophageal junction") says "oesophageal"
        (
            "was mDFS in esophageal (not GEJ) primaries > 20 mo with nivo?",
            [
                "Oesophageal primary | Median DFS, nivolumab (mo): 24.0 | Median DFS, placebo "
                "(mo): 8.3",
                "GEJ primary | Median DFS, nivolumab (mo): 22.4 | Median DFS, placebo (mo): 20.6",
            ],
            {"GEJ": "gastro-oesophageal junction"},
            "Adjuvant nivolumab after neoadjuvant chemoradiotherapy",
            "24.0",
        ),
        # lung cancer: "small cell" is not the row of NSCLC, "non-small-cell lung cancer"
        (
            "ORR in small cell pts with lurbinectedin?",
            [
                "NSCLC | ORR with lurbinectedin: 9%",
                "Small-cell | ORR with lurbinectedin: 35%",
            ],
            {"NSCLC": "non-small-cell lung cancer"},
            "Lurbinectedin basket trial in lung cancer",
            "35%",
        ),
    ],
)
def test_a_part_said_by_an_abbreviation_is_all_of_its_long_form(
    question, rows, aliases, title, value, vocab
):
    """Guards: both were answered so before the abbreviation rules; they keep those rules
    from reading a long form's shared word as the part asked."""
    draft = _answer_in(
        vocab,
        question,
        rows,
        drugs=["nivolumab", "lurbinectedin"],
        aliases=aliases,
        title=title,
        known=True,
    )
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("design", "result", "margin", "hr"),
    [
        # colon cancer: a margin said as the upper confidence limit non-inferiority was tested by
        (
            "Non-inferiority of the 3-month arm was to be tested using an upper 95% confidence "
            "limit for the HR of 1.15.",
            "3-year DFS was 75.0% with 3 months vs 76.7% with 6 months (HR 0.95; 95% CI, "
            "0.79-1.14).",
            "1.15",
            "0.95",
        ),
        # lung cancer: the same said as an upper bound (a guard: answered so before the rule
        # too)
        (
            "Non-inferiority of the reduced dose was to be shown by an upper bound of the 95% CI "
            "of the HR below 1.20.",
            "Median OS was 12.9 vs 12.6 months (HR 0.98; 95% CI, 0.81-1.18).",
            "1.20",
            "0.98",
        ),
    ],
)
def test_a_margin_said_by_the_design_words_is_the_margin_and_no_result(
    design, result, margin, hr, vocab
):
    asked = _answer_in(vocab, "what HR was used as the non-inferiority margin?", [design, result])
    assert asked.status == "answered" and margin in asked.text, asked.text
    assert "margin" in asked.text.split(":")[0].casefold(), asked.text
    overall = _answer_in(vocab, "HR overall?", [design, result])
    assert margin not in overall.text, overall.text


@pytest.mark.parametrize(
    ("question", "row", "drugs", "value"),
    [
        # oesophageal cancer: "vs pbo" asked of a trial of a drug plus chemotherapy against
        # placebo plus chemotherapy
        (
            "orient15 CPS>=10 mOS sinti vs pbo?",
            "Median OS, CPS ≥10 | Sintilimab + chemo (n=327): 17.2 mo | Placebo + chemo "
            "(n=332): 13.6 mo | HR (95% CI): 0.64 (0.48-0.85)",
            ["sintilimab"],
            "17.2",
        ),
        # lung cancer: the same
        (
            "mPFS pembro vs pbo?",
            "Median PFS | Pembrolizumab + chemotherapy: 9.0 mo | Placebo + chemotherapy: 4.9 mo",
            ["pembrolizumab"],
            "9.0",
        ),
    ],
)
def test_placebo_asked_as_comparator_is_placebo_plus_the_backbone(
    question, row, drugs, value, vocab
):
    draft = _answer_in(vocab, question, [row], drugs=drugs)
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "aliases", "long"),
    [
        # head and neck cancer: "TOS", whose letters are not its long form's initials
        (
            "E3311: TOS = ?",
            [
                "Transoral Surgery Followed by Risk-Adapted Radiotherapy: in HPV-associated "
                "oropharyngeal cancer, primary transoral surgery (TOS) followed by "
                "pathology-guided adjuvant therapy produced excellent outcomes."
            ],
            {"TOS": "transoral surgery"},
            "primary transoral surgery (TOS)",
        ),
        # liver cancer: "TACE", one word of its long form holding two of its letters
        (
            "what does TACE stand for?",
            [
                "Patients previously treated with transarterial chemoembolisation (TACE) were "
                "eligible."
            ],
            {"TACE": "transarterial chemoembolisation"},
            "transarterial chemoembolisation (TACE)",
        ),
    ],
)
def test_an_abbreviation_is_spelt_out_as_its_article_reads_it(
    question, sentences, aliases, long, vocab
):
    draft = _answer_in(vocab, question, sentences, aliases=aliases)
    assert draft.status == "answered" and long in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # bladder cancer: "by how much" asks for the difference, not the combination's median
        (
            "By how much did adding nivolumab to cisplatin-gemcitabine lengthen median survival?",
            "Median OS was 21.7 months with the combination versus 18.9 months with "
            "gemcitabine-cisplatin alone.",
            ["nivolumab", "gemcitabine", "cisplatin"],
        ),
        # lung cancer: the same, "how much longer" (a guard: not answered before the rule either)
        (
            "how much longer did pts live with pembrolizumab?",
            "Median OS was 12.7 months with pembrolizumab versus 8.5 months with docetaxel.",
            ["pembrolizumab", "docetaxel"],
        ),
    ],
)
def test_a_difference_asked_is_no_arms_value(question, sentence, drugs, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "value", "other"),
    [
        # colon cancer: arms told apart by how long treatment lasts, their landmark said before
        (
            "3 yr DFS in the 6-month arm?",
            "The 3-year DFS rate was 75.0% in the 3-month arm and 76.7% in the 6-month arm, with "
            "a hazard ratio of 0.95 (95% CI, 0.79-1.14).",
            "76.7%",
            "75.0%",
        ),
        # breast cancer: the same for trastuzumab given for 6 or 12 months
        (
            "5-yr DFS in the 12-month arm?",
            "The 5-year DFS was 89.4% in the 6-month arm and 89.8% in the 12-month arm.",
            "89.8%",
            "89.4%",
        ),
        # ... and a course's length said after its value is no landmark of it
        (
            "3-yr DFS with 6 months?",
            "3-year DFS was 75.0% with 3 months vs 76.7% with 6 months (HR 0.95).",
            "76.7%",
            "75.0%",
        ),
    ],
)
def test_an_arm_told_by_its_courses_length_is_the_length_asked(
    question, sentence, value, other, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=["oxaliplatin", "trastuzumab"])
    assert draft.status == "answered" and value in draft.text, draft.text
    assert other not in draft.text, draft.text


def test_an_abbreviation_read_as_another_abbreviation_is_not_spelt_out(vocab):
    # prostate cancer: the article reads "HRRm" as "HRR mutated", itself an abbreviation; a
    # row that says both is no spelling out of it (a guard on the article-reading rule)
    draft = _answer_in(
        vocab,
        "HRRm = ? (in the PROpel release)",
        ["HRR mutated (HRRm) | rPFS HR (95% CI): 0.50 (0.34-0.73)"],
        aliases={"HRRm": "HRR mutated"},
    )
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "values"),
    [
        # breast cancer: "how much longer ... the medians?" asks for each arm's median
        (
            "how much longer did women stay progression-free with abemaciclib — the medians?",
            "Median PFS was 6.0 months with abemaciclib-fulvestrant vs 5.3 months with "
            "placebo-fulvestrant.",
            ["abemaciclib", "fulvestrant"],
            ["6.0", "5.3"],
        ),
        # lung cancer: the same for overall survival
        (
            "by how much did pembrolizumab lengthen survival? give the medians",
            "Median OS was 12.7 months with pembrolizumab versus 8.5 months with docetaxel.",
            ["pembrolizumab", "docetaxel"],
            ["12.7", "8.5"],
        ),
    ],
)
def test_a_difference_asked_with_its_medians_is_answered_by_them(
    question, sentence, drugs, values, vocab
):
    """Guards: answered so before the difference rule; the arm the question names leads."""
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and values[0] in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # sarcoma: a cohort expanded after a first signal is its own analysis, not the initial
        (
            "ORR in UPS w/ keytruda (initial cohort)?",
            "In the expanded analysis, the ORR was 23% in UPS (9 of 40), lower than the small "
            "initial cohorts suggested.",
            ["pembrolizumab"],
        ),
        # lung cancer: the same said as an expansion cohort (a guard: not answered before either)
        (
            "ORR with amivantamab in the initial cohort?",
            "In the expansion cohort, the ORR with amivantamab was 36%.",
            ["amivantamab"],
        ),
    ],
)
def test_an_expansion_cohorts_figure_is_not_the_initial_cohorts(question, sentence, drugs, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value"),
    [
        # sarcoma: a progression-free rate at a week, asked in weeks
        (
            "24 week PFS in bone sarcomas on pembrolizumab?",
            "At 24 weeks, 30% of STS patients and 10% of bone sarcoma patients remained "
            "progression-free.",
            ["pembrolizumab"],
            "10%",
        ),
        # lung cancer: the same said as a "24-week PFS rate"
        (
            "24-wk PFS rate with sotorasib?",
            "The 24-week PFS rate was 42% with sotorasib.",
            ["sotorasib"],
            "42%",
        ),
    ],
)
def test_a_rate_at_a_week_answers_a_landmark_asked_in_weeks(
    question, sentence, drugs, value, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "aliases", "title", "value"),
    [
        # sarcoma: "soft tissue" asked, the part said after the value by its abbreviation
        (
            "12-wk PFS rate soft-tissue cohort?",
            "The 12-week PFS rate was 55% (95% CI, 40-69) in the STS cohort and 27% (95% CI, "
            "15-42) in the bone cohort.",
            {"STS": "soft-tissue sarcoma"},
            "Pembrolizumab in sarcomas",
            "55%",
        ),
        # urothelial cancer: "upper tract" asked, "in UTUC" said after the value
        (
            "ORR with erdafitinib in upper tract pts?",
            "The ORR was 32% in the UTUC cohort and 14% in the bladder cohort.",
            {"UTUC": "upper tract urothelial carcinoma"},
            "Erdafitinib in urothelial carcinoma",
            "32%",
        ),
    ],
)
def test_a_part_said_after_its_value_by_abbreviation_is_the_long_form_asked(
    question, sentence, aliases, title, value, vocab
):
    drug = title.split()[0].casefold()
    draft = _answer_in(
        vocab, question, [sentence], drugs=[drug], aliases=aliases, title=title, known=True
    )
    assert draft.status == "answered", draft.text
    assert draft.text.find(value) == min(
        i for i in (draft.text.find(v) for v in ("55%", "27%", "32%", "14%")) if i >= 0
    ), draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # head and neck cancer: smokers by pack-years are a part; the arm's figure is not theirs
        (
            "arm B 2-yr PFS in >10 pack-year smokers?",
            "The 2-year PFS in Arm B was 94.9% (90% CI, 91.0-98.9).",
            ["cisplatin"],
        ),
        # lung cancer: the same for never smokers
        (
            "mOS in never smokers with osimertinib?",
            "Median OS was 38.6 months with osimertinib.",
            ["osimertinib"],
        ),
    ],
)
def test_smokers_asked_are_a_part_the_whole_arms_figure_does_not_answer(
    question, sentence, drugs, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # prostate cancer (castration-resistant): a PSA50 response is no objective response
        (
            "PSA50 response rate pembro+enza in KEYNOTE-641?",
            "The objective response rate was 14.6% with pembrolizumab plus enzalutamide.",
            ["pembrolizumab", "enzalutamide"],
        ),
        # prostate cancer (hormone-sensitive): nor is PSA progression-free survival PFS itself
        (
            "median PSA-PFS with darolutamide?",
            "Median PFS was 22.1 months with darolutamide.",
            ["darolutamide"],
        ),
    ],
)
def test_psa_endpoints_are_not_the_diseases_endpoints(question, sentence, drugs, vocab):
    """PSA is prostate cancer's own marker: both cases are prostate cancer by necessity."""
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value", "other"),
    [
        # lung cancer: arms said by their letters, asked by their drugs (a guard: answered so
        # before the rule too, by the comparison's order)
        (
            "mPFS w/ tisle + nab-pac/carbo?",
            [
                "Arm A (n = 120) received tislelizumab plus paclitaxel and carboplatin; Arm B "
                "(n = 119) received tislelizumab plus nab-paclitaxel and carboplatin; and Arm C "
                "(n = 121) received paclitaxel and carboplatin alone.",
                "Median PFS was 7.6 months in Arm B versus 5.5 months in Arm C.",
            ],
            ["tislelizumab", "paclitaxel", "nab-paclitaxel", "carboplatin"],
            "7.6",
            "5.5",
        ),
        # gastric cancer: the same with two arms
        (
            "mOS with nivolumab plus chemo?",
            [
                "Arm A received nivolumab plus chemotherapy; Arm B received chemotherapy alone.",
                "Median OS was 11.6 months in Arm B and 13.8 months in Arm A.",
            ],
            ["nivolumab"],
            "13.8",
            "11.6",
        ),
    ],
)
def test_an_arm_said_by_its_letter_is_the_drugs_the_article_gave_it(
    question, sentences, drugs, value, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    assert draft.status == "answered" and value in draft.text, draft.text
    assert other not in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # prostate cancer: a pain response is no objective (tumour) response
        (
            "ORR by RECIST w/ cabazitaxel",
            "- Pain response: 9.2% vs 7.7% (P=0.63), a difference that was not significant",
            ["cabazitaxel"],
        ),
        # lung cancer with bone metastases: the same after radiotherapy with a drug
        (
            "ORR with denosumab?",
            "Pain response was 60% with denosumab and radiotherapy.",
            ["denosumab"],
        ),
    ],
)
def test_a_pain_response_is_no_objective_response(question, sentence, drugs, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "p"),
    [
        # prostate cancer: "significantly better?" shows the P value beside the values
        (
            "was pain response significantly better w/ cabazitaxel?",
            "- Pain response: 9.2% vs 7.7% (P=0.63), a difference that was not significant",
            ["cabazitaxel"],
            "0.63",
        ),
        # lung cancer: the same for the ORR
        (
            "was the ORR significantly higher with amivantamab?",
            "The ORR was 20% vs 12% (P=0.04) with amivantamab and chemotherapy.",
            ["amivantamab"],
            "0.04",
        ),
    ],
)
def test_a_significance_asked_shows_the_p_value_beside_the_values(
    question, sentence, drugs, p, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and p in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "count"),
    [
        # breast cancer: a count of men asked of a trial of women and men; the sentence counts
        # every patient
        (
            "how many men were enrolled in SENOMAC?",
            [
                "SENOMAC asked whether women and men with sentinel-node macrometastases need "
                "a dissection.",
                "We randomised 2766 patients, and the per-protocol population was 2540 patients.",
            ],
            None,
        ),
        # lung cancer: the same for women
        (
            "how many women were enrolled?",
            ["The trial enrolled 1010 patients.", "Of them, 612 were men."],
            None,
        ),
        # ... in a trial of men only, "how many men" is everyone (a guard: prostate cancer)
        ("how many men enrolled in KEYNOTE-641?", ["The trial enrolled 1,244 patients."], "1,244"),
    ],
)
def test_a_count_of_one_sex_is_a_count_said_of_them(question, sentences, count, vocab):
    draft = _answer_in(vocab, question, sentences)
    if count is None:
        assert draft.status == "not_found", draft.text
    else:
        assert draft.status == "answered" and count in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "want"),
    [
        # breast cancer: the lower age limit asked, said where the trial names whom it took
        (
            "min age for LUMINA pts?",
            [
                "Eligible women were aged 55 years or older and had luminal A disease.",
                "The median age was 67 years.",
            ],
            "55",
        ),
        # myeloma: the upper limit asked
        (
            "upper age limit to get into the transplant study?",
            [
                "The study enrolled transplant-eligible adults up to 65 years of age with newly "
                "diagnosed multiple myeloma.",
                "The median age was 58 years.",
            ],
            "65",
        ),
        # mesothelioma: a range answers either end
        (
            "maximum age for enrolment?",
            ["We enrolled 448 patients aged 18 to 75 with unresectable mesothelioma."],
            "75",
        ),
    ],
)
def test_an_age_limit_asked_is_the_ages_a_trial_took_in(question, sentences, want, vocab):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and want in draft.text, draft.text
    assert "67" not in draft.text and "58" not in draft.text


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        # leukaemia: the upper limit asked of a trial that gives only the lower one
        (
            "upper age limit in QUAZAR?",
            ["Eligible patients were aged 55 years or older and in first remission."],
        ),
        # sarcoma: the lower limit asked of one that gives only the upper one
        (
            "minimum age for eligibility?",
            ["The trial enrolled patients aged 50 years or younger with Ewing sarcoma."],
        ),
        # breast cancer: a median age is no age limit
        ("min age for LUMINA pts?", ["The median age was 67 years in the LUMINA cohort."]),
    ],
)
def test_an_age_limit_of_the_other_end_is_not_found(question, sentences, vocab):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "count", "rate"),
    [
        # breast cancer: a count asked "(n)", its rate beside it
        (
            "how many local recurrences were there (n)?",
            ["Local recurrence (primary) | Events (n): 10 | Rate: 2.3% | 90% CI: 1.3-3.8"],
            "10",
            "2.3%",
        ),
        # kidney cancer: the same for deaths
        (
            "how many deaths on sunitinib (n)?",
            ["Deaths | Sunitinib: 41 | Rate: 11.2%"],
            "41",
            "11.2%",
        ),
    ],
)
def test_a_count_asked_as_one_is_the_count_not_its_rate(question, sentences, count, rate, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=["sunitinib"])
    assert draft.status == "answered" and count in draft.text, draft.text
    assert rate not in draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "shown"),
    [
        # breast cancer: a cut-off asked, said at the end of a long eligibility sentence
        (
            "what Ki67 cutoff defined luminal A?",
            "Eligible women were aged 55 years or older, had undergone breast-conserving surgery "
            "with negative margins for a unifocal invasive ductal carcinoma measuring less than "
            "2 cm (T1), had negative axillary nodes (N0, by sentinel-node biopsy or dissection), "
            "had grade 1 or 2 histology, and had luminal A disease: estrogen receptor 1% or more, "
            "progesterone receptor more than 20%, HER2 negative, and Ki67 index of 13.25% or less, "
            "with Ki67 measured centrally.",
            "13.25%",
        ),
        # prostate cancer: the same for a PSA level
        (
            "what PSA cutoff was required for eligibility?",
            "Men were eligible if they had histologically confirmed adenocarcinoma of the "
            "prostate of any Gleason grade group, had no distant metastases on conventional "
            "imaging or on PSMA imaging where it was available, had a life expectancy of at least "
            "ten years in the treating physician's judgement, had an ECOG performance status of 0 "
            "or 1, had adequate renal, hepatic and bone-marrow function, had not taken part in "
            "another interventional study, and had a PSA level of 20 ng/mL or less at diagnosis, "
            "with no prior hormonal therapy.",
            "20 ng/mL",
        ),
    ],
)
def test_a_long_sentence_is_shown_from_the_clause_that_says_what_was_asked(
    question, sentence, shown, vocab
):
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and shown in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "ratio"),
    [
        # head and neck cancer: the ratio in the bracket after both arms' values compares them
        (
            "EFS HR atezolizumab vs placebo?",
            "At a median follow-up of 46.5 months, median EFS was 59.5 months in the "
            "atezolizumab arm and 52.7 months in the placebo arm (hazard ratio [HR], 0.94; 95% "
            "CI, 0.70-1.26; P = .6757).",
            ["atezolizumab"],
            "0.94",
        ),
        # lung cancer: the same with two drugs
        (
            "OS HR nivolumab vs docetaxel?",
            "Median OS was 12.2 months in the nivolumab group and 9.4 months in the docetaxel "
            "group (HR, 0.73; 95% CI, 0.59-0.89).",
            ["nivolumab", "docetaxel"],
            "0.73",
        ),
    ],
)
def test_a_ratio_after_the_arms_values_is_their_comparison(question, sentence, drugs, ratio, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and ratio in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "want", "other"),
    [
        # head and neck cancer: "adjuvant" says when the drug is given, not the part "treated
        # with surgery followed by adjuvant radiotherapy"
        (
            "EFS HR adjuvant atezolizumab vs placebo?",
            [
                "Median EFS was 59.5 months with atezolizumab and 52.7 months with placebo "
                "(HR 0.94).",
                "By type of local therapy, the HR was 0.89 among patients treated with primary "
                "surgery followed by adjuvant radiotherapy.",
            ],
            ["atezolizumab"],
            "0.94",
            "0.89",
        ),
        # ovarian cancer: the same for maintenance (a guard)
        (
            "PFS HR maintenance niraparib vs placebo?",
            [
                "Median PFS was 13.8 months with niraparib and 8.2 months with placebo (HR 0.62).",
                "The HR was 0.55 among patients who had received maintenance bevacizumab before.",
            ],
            ["niraparib", "bevacizumab"],
            "0.62",
            "0.55",
        ),
    ],
)
def test_a_phase_said_of_the_drug_asked_names_no_part(
    question, sentences, drugs, want, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    assert draft.status == "answered" and want in draft.text, draft.text
    assert other not in draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "want", "other"),
    [
        # head and neck cancer: "(no surgery)" negates a word the other part says, not this one
        (
            "EFS HR for pts treated with definitive CRT (no surgery)?",
            "By type of local therapy, the HR was 0.89 among patients treated with primary "
            "surgery followed by adjuvant radiotherapy and 1.02 among those who received "
            "definitive chemoradiotherapy.",
            "1.02",
            "0.89",
        ),
        # cervical cancer: the same for brachytherapy
        (
            "PFS HR for pts treated with brachytherapy (no surgery)?",
            "The HR was 0.70 among patients treated with radical surgery and 0.85 among those "
            "treated with brachytherapy.",
            "0.85",
            "0.70",
        ),
    ],
)
def test_a_negation_of_another_parts_word_is_no_negated_part(
    question, sentence, want, other, vocab
):
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and want in draft.text, draft.text
    assert other not in draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "p"),
    [
        # head and neck cancer: "did X significantly improve": both arms and the P value
        (
            "did adjuvant atezo significantly improve EFS?",
            "Median EFS was 59.5 months in the atezolizumab arm and 52.7 months in the placebo "
            "arm (hazard ratio [HR], 0.94; 95% CI, 0.70-1.26; P = .6757).",
            ["atezolizumab"],
            ".6757",
        ),
        # lung cancer: the same
        (
            "did pembrolizumab significantly improve OS?",
            "Median OS was 16.7 months with pembrolizumab and 14.1 months with chemotherapy "
            "(HR 0.86; P = .17).",
            ["pembrolizumab"],
            ".17",
        ),
    ],
)
def test_a_significance_asked_of_one_drug_shows_the_comparison(question, sentence, drugs, p, vocab):
    title = "Adjuvant therapy: the trial's report"  # ("adjuvant" said of the whole trial)
    draft = _answer_in(vocab, question, [sentence], drugs=drugs, title=title)
    assert draft.status == "answered" and p in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "want", "other"),
    [
        # liver cancer: "12 mg ... or 8 mg" are lenvatinib's doses, not pembrolizumab's
        (
            "pembro dose/schedule in LEAP-012",
            "Lenvatinib + pembrolizumab + TACE (n = 237): lenvatinib 12 mg once daily for body "
            "weight >=60 kg or 8 mg once daily for <60 kg, plus pembrolizumab 400 mg IV every 6 "
            "weeks",
            ["lenvatinib", "pembrolizumab"],
            "400 mg",
            "8 mg",
        ),
        # lung cancer: the same for osimertinib's reduced dose
        (
            "bevacizumab dose?",
            "Patients received osimertinib 80 mg once daily or 40 mg once daily after a dose "
            "reduction, plus bevacizumab 15 mg/kg every 3 weeks.",
            ["osimertinib", "bevacizumab"],
            "15 mg/kg",
            "40 mg",
        ),
        # colorectal cancer: a bolus's second part ("and a 2,400 mg/m2 infusion") is the
        # drug's named before it, and folinic acid is a drug
        (
            "panitumumab dose & schedule?",
            "Induction dosing was oxaliplatin 85 mg/m2, folinic acid 400 mg/m2, a fluorouracil "
            "400 mg/m2 bolus and a 2,400 mg/m2 46-hour infusion, with panitumumab 6 mg/kg every "
            "2 weeks.",
            ["panitumumab", "oxaliplatin", "fluorouracil"],
            "6 mg/kg",
            "2,400",
        ),
        # biliary cancer: the same
        (
            "cisplatin dose?",
            "Patients received fluorouracil as a 400 mg/m2 bolus and a 2,400 mg/m2 infusion, "
            "and cisplatin 25 mg/m2 on days 1 and 8.",
            ["fluorouracil", "cisplatin"],
            "25 mg/m2",
            "2,400",
        ),
    ],
)
def test_a_dose_given_instead_of_another_is_that_drugs(
    question, sentence, drugs, want, other, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and want in draft.text, draft.text
    assert other not in draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "want"),
    [
        # gastric cancer: a drug's part of the chemotherapy arm asked, only the arms' figure
        (
            "OS for the paclitaxel subgroup in the chemo arm?",
            "Median OS was 4.6 months with avelumab vs 5.0 months with chemotherapy.",
            ["avelumab", "paclitaxel", "irinotecan"],
            None,
        ),
        # lung cancer: the same for carboplatin
        (
            "carboplatin subgroup OS HR?",
            "The OS HR was 0.80 for cetuximab plus chemotherapy.",
            ["cetuximab", "carboplatin", "cisplatin"],
            None,
        ),
        # ovarian cancer: the part said answers (a guard)
        (
            "topotecan subgroup PFS HR",
            "In the topotecan subgroup, the PFS HR was 0.57.",
            ["bevacizumab", "topotecan", "paclitaxel"],
            "0.57",
        ),
    ],
)
def test_a_drugs_part_asked_is_not_the_whole_arm(question, sentence, drugs, want, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    if want is None:
        assert draft.status == "not_found", draft.text
    else:
        assert draft.status == "answered" and want in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # prostate cancer: radium-223 asked by its element's symbol
        (
            "mrPFS with Ra-223 + enza?",
            "Median rPFS was 19.4 months with radium-223 plus enzalutamide vs 16.4 months with "
            "enzalutamide alone (HR, 0.69).",
            ["enzalutamide", "radium-223"],
        ),
        # breast cancer: the same with its mass number first (a guard)
        (
            "median SSE-free survival with 223Ra + exemestane-everolimus?",
            "Median SSE-free survival was 19.4 months with radium-223 plus exemestane-everolimus "
            "vs 16.4 months with exemestane-everolimus alone.",
            ["exemestane", "everolimus", "radium-223"],
        ),
    ],
)
def test_a_radionuclide_asked_by_its_symbol_is_its_arm(question, sentence, drugs, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and "19.4" in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "title", "sentences", "drugs", "want"),
    [
        # gastric cancer: a setting the headline names is every figure's
        (
            "enhertu 2L gastric - median PFS?",
            "T-DXd Beats Ramucirumab-Paclitaxel in Second-Line HER2+ Gastric Cancer",
            [
                "Ramucirumab plus paclitaxel has been the standard second-line regimen.",
                "In the intention-to-treat population, median PFS was 6.7 months with "
                "trastuzumab deruxtecan and 5.6 months with ramucirumab plus paclitaxel.",
            ],
            ["trastuzumab deruxtecan", "ramucirumab", "paclitaxel"],
            "6.7",
        ),
        # lung cancer: the same
        (
            "2L docetaxel mOS?",
            "Tislelizumab Outlives Docetaxel in Second-Line NSCLC",
            [
                "Docetaxel remains a common second-line choice.",
                "In the intention-to-treat population, median OS was 17.2 months with "
                "tislelizumab and 11.9 months with docetaxel.",
            ],
            ["tislelizumab", "docetaxel"],
            "11.9",
        ),
        # lung cancer: a headline's setting the article also reports apart from another one
        # is no setting of every figure: the figure said of it answers (a guard)
        (
            "2L docetaxel mOS?",
            "Tislelizumab Outlives Docetaxel in Second-Line NSCLC",
            [
                "Median OS with docetaxel was 12.0 months in the second line and 9.0 months in "
                "the third line or later.",
                "In the intention-to-treat population, median OS was 17.2 months with "
                "tislelizumab and 11.9 months with docetaxel.",
            ],
            ["tislelizumab", "docetaxel"],
            "12.0",
        ),
    ],
)
def test_a_line_of_therapy_the_headline_names_is_every_figures(
    question, title, sentences, drugs, want, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, title=title)
    assert draft.status == "answered" and want in draft.text, draft.text
    assert "9.0" not in draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "sizes"),
    [
        # gastric cancer: each arm's size in a bracket after it, asked per arm
        (
            "how many pts randomised, per arm?",
            "The phase 3 study randomised 371 patients 1:1 to avelumab (n = 185) or physician's "
            "choice of chemotherapy (n = 186).",
            ["avelumab"],
            ["185", "186"],
        ),
        # prostate cancer: the same
        (
            "n randomized in each arm?",
            "The trial randomized 669 patients 2:1 to darolutamide plus ADT (n = 446) or placebo "
            "plus ADT (n = 223).",
            ["darolutamide"],
            ["446", "223"],
        ),
    ],
)
def test_arms_sizes_in_brackets_asked_per_arm_are_shown_together(
    question, sentence, drugs, sizes, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and all(n in draft.text for n in sizes), draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "want", "other"),
    [
        # prostate cancer: a ratio after a time to an event the vocabulary does not name, the
        # sentence before naming the endpoint asked
        (
            "rPFS HR daro vs pbo?",
            [
                "Median rPFS was not reached with darolutamide versus 25.0 months with placebo.",
                "Darolutamide also delayed time to metastatic castration-resistant prostate cancer "
                "versus placebo (HR 0.40; 95% CI 0.32-0.51).",
            ],
            ["darolutamide"],
            None,
            "0.40",
        ),
        # prostate cancer: a sentence that opens with such a time (a guard)
        (
            "OS HR lower 95% CI limit with radium-223?",
            [
                "Median OS was 42.3 vs 35.0 months (HR 0.69; 95% CI 0.52-0.90).",
                "Time to next systemic anticancer treatment was also prolonged, with a median of "
                "24.8 vs 19.9 months (HR, 0.75; 95% CI, 0.59-0.96).",
            ],
            ["radium-223", "enzalutamide"],
            "0.52",
            "0.59",
        ),
        # myelodysplastic syndromes: a sentence opening on such a time's median
        (
            "OS HR vidaza vs CCR?",
            [
                "Median OS was 24.5 months with azacitidine versus 15.0 months with CCR.",
                "Median time to AML transformation was 17.8 months with azacitidine versus 11.5 "
                "months with CCR (HR 0.50; 95% CI 0.35-0.70).",
                "All patients | Median OS, AZA (mo): 24.5 | Median OS, CCR (mo): 15.0 | HR (95% "
                "CI): 0.58 (0.43-0.77)",
            ],
            ["azacitidine"],
            "0.58",
            "0.50",
        ),
        # lymphoma: likewise ("The median time to ...")
        (
            "OS HR R-CHOP + pola vs R-CHOP?",
            [
                "Two-year OS was 88.7% vs 88.6%.",
                "The median time to next anti-lymphoma treatment was not reached in either arm "
                "(HR 0.75; 95% CI 0.57-0.99).",
                "All patients | 2-year OS, pola-R-CHP: 88.7% | 2-year OS, R-CHOP: 88.6% | HR (95% "
                "CI): 0.94 (0.65-1.37)",
            ],
            ["polatuzumab vedotin", "rituximab"],
            "0.94",
            "0.75",
        ),
        # breast cancer: the same for a time to chemotherapy (a guard)
        (
            "PFS HR palbociclib vs placebo?",
            [
                "Median PFS was 24.8 vs 14.5 months (HR 0.58; 95% CI 0.46-0.72).",
                "Time to first subsequent chemotherapy was longer with palbociclib, at 40.4 vs "
                "29.9 months (HR 0.74).",
            ],
            ["palbociclib"],
            "0.58",
            "0.74",
        ),
    ],
)
def test_a_ratio_of_a_time_to_another_event_is_not_the_one_asked(
    question, sentences, drugs, want, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    assert other not in draft.text, draft.text
    if want is not None:
        assert draft.status == "answered" and want in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "want"),
    [
        # lung cancer: "in the tislelizumab vs docetaxel study" names the trial, not the arms
        (
            "how long did pts on docetaxel go before progression or death, median, in the "
            "tislelizumab vs docetaxel study?",
            "Median PFS was 4.1 months with tislelizumab and 2.6 months with docetaxel.",
            ["tislelizumab", "docetaxel"],
            "2.6",
        ),
        # liver cancer: the same (a guard)
        (
            "median OS for pts on placebo in the sorafenib vs placebo trial?",
            "Median OS was 10.7 months with sorafenib and 7.9 months with placebo.",
            ["sorafenib"],
            "7.9",
        ),
    ],
)
def test_a_trial_named_by_its_arms_asks_no_arm(question, sentence, drugs, want, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and want in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "want"),
    [
        # lung cancer: events said to have occurred in a head count are the events counted
        (
            "how many DFS events in the alectinib arm?",
            "In the ITT population, DFS events occurred in 15 patients (11.5%) assigned to "
            "alectinib and 50 patients (39.4%) assigned to chemotherapy.",
            ["alectinib"],
            "15",
        ),
        # breast cancer: the same
        (
            "how many DFS events in the denosumab arm vs placebo?",
            "DFS events occurred in 240 patients on denosumab versus 287 on placebo.",
            ["denosumab"],
            "240",
        ),
        # breast cancer: the women randomised after the events are no count of them (a guard)
        (
            "how many DFS events at the analysis",
            "After a median follow-up of 47.8 months, 137 DFS events had occurred among the "
            "1,803 women randomised.",
            ["zoledronic"],
            None,
        ),
    ],
)
def test_events_that_occurred_in_a_head_count_are_counted(question, sentence, drugs, want, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert "1,803" not in draft.text, draft.text
    if want is not None:
        assert draft.status == "answered" and want in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "want"),
    [
        # ovarian cancer: the length of stay asked by its abbreviation
        (
            "median LOS HIPEC vs control?",
            "Median hospital stay, days | Surgery + HIPEC (n=122): 10 | Surgery alone (n=123): 8",
            ["10", "8"],
        ),
        # rectal cancer: the same in prose (a guard)
        (
            "length of stay, laparoscopic vs open?",
            "Median length of stay was 5 days with laparoscopic surgery and 7 days with open "
            "surgery.",
            ["5 days", "7 days"],
        ),
    ],
)
def test_a_hospital_stay_is_an_endpoint(question, sentence, want, vocab):
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and all(w in draft.text for w in want), draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "want", "other"),
    [
        # breast cancer: "SLNB" asked of an article that never abbreviates it (spelt_out);
        # "invasive DFS" is IDFS
        (
            "5y invasive DFS with SLNB?",
            "The estimated five-year invasive disease-free survival was 91.9 percent in the group "
            "that had no axillary surgery and 91.7 percent in the group that had a sentinel "
            "biopsy.",
            "91.7",
            "91.9",
        ),
        # melanoma: the same against a dissection
        (
            "3-yr DFS with ALND?",
            "The 3-year DFS was 68% in the sentinel-node biopsy group and 71% in the axillary "
            "dissection group.",
            "71%",
            "68%",
        ),
    ],
)
def test_an_axillary_operation_asked_by_its_abbreviation_is_answered_by_its_words(
    question, sentence, want, other, vocab
):
    # (both arms may be shown, each with its words)
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and want in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "want"),
    [
        # gastric cancer: a dose offered with another to choose from, in a table's cell
        (
            "what T-DXd dose was used, 5.4 or 6.4 mg/kg?",
            "Experimental arm | Detail: T-DXd 6.4 mg/kg IV every 3 weeks",
            ["trastuzumab deruxtecan"],
            "6.4 mg/kg",
        ),
        # rectal cancer: the same in prose
        (
            "was the capecitabine dose 825 or 1000 mg/m2?",
            "Capecitabine was given at 825 mg/m2 twice daily on radiotherapy days.",
            ["capecitabine"],
            "825 mg/m2",
        ),
    ],
)
def test_a_dose_offered_to_choose_from_is_answered_by_the_one_given(
    question, sentence, drugs, want, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and want in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # lung cancer: the word negated is what the words before the value name
        (
            "overall ORR (not intracranial) lorla arm?",
            "Among patients with measurable brain metastases at baseline, the intracranial "
            "objective response rate was 82% with lorlatinib.",
            ["lorlatinib"],
        ),
        # colorectal cancer: the word negated is the figure's part (a guard)
        (
            "PFS HR in pts w/o liver mets?",
            "Among patients with liver metastases, the PFS HR was 0.71.",
            ["panitumumab"],
        ),
    ],
)
def test_a_negation_of_the_figures_own_words_is_not_found(question, sentence, drugs, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "want", "others"),
    [
        # ovarian cancer: of pairs of values for two cohorts, the asked cohort's pair, the first
        # value the experimental arm's
        (
            "mPFS niraparib in germline BRCA-mutated cohort?",
            "Median PFS of 21.0 months vs 5.5 months in germline BRCA-mutated cohort and 9.3 "
            "months vs 3.9 months in non-germline BRCA-mutated cohort",
            ["niraparib"],
            "21.0",
            ["9.3", "3.9"],
        ),
        # breast cancer: the same
        (
            "mPFS with elacestrant in patients with ESR1 mutations?",
            "Median PFS was 3.8 months vs 1.9 months in patients with ESR1 mutations and 2.8 "
            "months vs 1.9 months in the overall population.",
            ["elacestrant"],
            "3.8",
            ["2.8"],
        ),
    ],
)
def test_a_pair_of_a_part_among_pairs_answers_for_that_part(
    question, sentence, drugs, want, others, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and want in draft.text, draft.text
    assert not any(o in draft.text for o in others), draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "aliases", "want"),
    [
        # leukaemia: a drug asked by the short name the article gives it ("Clb")
        (
            "12-mo PFS estimate with Clb alone",
            "Estimated PFS at 12 months was 84% with G-Clb, 71% with R-Clb and 44% with "
            "chlorambucil alone.",
            ["obinutuzumab", "rituximab", "chlorambucil"],
            {"Clb": "chlorambucil", "G-Clb": "obinutuzumab plus chlorambucil"},
            "44%",
        ),
        # colorectal cancer: the same (a guard)
        (
            "3-yr DFS with Cape alone?",
            "The 3-year DFS was 75% with oxaliplatin plus capecitabine and 67% with capecitabine "
            "alone.",
            ["oxaliplatin", "capecitabine"],
            {"Cape": "capecitabine"},
            "67%",
        ),
    ],
)
def test_a_drug_asked_by_the_short_name_its_article_gives_is_that_drug(
    question, sentence, drugs, aliases, want, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs, aliases=aliases)
    assert draft.status == "answered" and want in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "aliases"),
    [
        # leukaemia: "vs Clb alone" asked, the ratio against another combination with it said
        (
            "PFS HR Gazyva-Clb vs Clb alone",
            "Median PFS was 26.7 months with obinutuzumab-chlorambucil versus 15.2 months with "
            "rituximab-chlorambucil (HR 0.39; 95% CI, 0.31-0.49).",
            ["obinutuzumab", "rituximab", "chlorambucil"],
            {"Clb": "chlorambucil"},
        ),
        # lung cancer: the same for chemotherapy alone
        (
            "OS HR nivolumab + chemo vs chemo alone?",
            "Median OS was 15.0 months with nivolumab plus chemotherapy versus 13.0 months with "
            "ipilimumab plus chemotherapy (HR 0.85).",
            ["nivolumab", "ipilimumab"],
            None,
        ),
    ],
)
def test_a_ratio_against_a_combination_does_not_answer_against_its_drug_alone(
    question, sentence, drugs, aliases, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs, aliases=aliases)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # oesophageal cancer: a regimen's code spelt out after a colon by its drugs
        (
            "FLOT stands for?",
            "The other is perioperative chemotherapy with FLOT: fluorouracil, leucovorin, "
            "oxaliplatin and docetaxel, four cycles before and four cycles after surgery.",
            ["fluorouracil", "oxaliplatin", "docetaxel"],
        ),
        # colorectal cancer: the same
        (
            "what is FOLFOXIRI?",
            "Induction was FOLFOXIRI: fluorouracil, leucovorin, oxaliplatin and irinotecan, every "
            "2 weeks for up to eight cycles.",
            ["fluorouracil", "oxaliplatin", "irinotecan"],
        ),
    ],
)
def test_a_regimen_spelt_out_after_a_colon_is_its_definition(question, sentence, drugs, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and "leucovorin, oxaliplatin and" in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "target"),
    [
        # kidney cancer: a HIF-2α inhibitor's target
        (
            "belzutifan mechanism of action?",
            ["Belzutifan is an oral inhibitor of hypoxia-inducible factor-2 alpha (HIF-2α)."],
            ["belzutifan", "everolimus"],
            "HIF-2α",
        ),
        # lymphoma: an EZH2 inhibitor's
        (
            "what does tazemetostat target?",
            ["Tazemetostat is an oral, selective inhibitor of EZH2."],
            ["tazemetostat"],
            "EZH2",
        ),
    ],
)
def test_newer_targets_answer_what_a_drug_acts_on(question, sentences, drugs, target, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    assert draft.status == "answered" and target in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "part"),
    [
        # breast cancer: the part the value's name already says is not said again after it
        (
            "in the ALND arm how many had additional positive non-sentinel nodes?",
            "Among women who underwent ALND, 27% had additional metastases in non-sentinel nodes.",
            "among women who underwent alnd",
        ),
        # lung cancer: the part said once after the endpoint (a guard)
        (
            "in never-smokers, how many responded?",
            "Among never-smokers, 45% had an objective response.",
            "among never-smokers",
        ),
    ],
)
def test_a_part_is_said_once_in_an_answer(question, sentence, part, vocab):
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and draft.text.casefold().count(part) == 1, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value", "other"),
    [
        # lung cancer: "of patients receiving the combination" names an arm between the event
        # and the control arm's value, no other thing counted
        (
            "febrile neutropenia rate on docetaxel?",
            "Febrile neutropenia occurred in 0.4% of patients receiving the combination and 8.6% "
            "of patients receiving docetaxel.",
            ["sitravatinib", "nivolumab", "docetaxel"],
            "8.6%",
            "0.4%",
        ),
        # breast cancer: the same
        (
            "diarrhoea rate with letrozole?",
            "Diarrhoea occurred in 12% of patients receiving the combination and 3% of patients "
            "receiving letrozole.",
            ["ribociclib", "letrozole"],
            "3%",
            "12%",
        ),
    ],
)
def test_an_arms_word_between_an_event_and_a_value_names_no_other_thing(
    question, sentence, drugs, value, other, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and value in draft.text and other not in draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value"),
    [
        # liver cancer: the arms' values in brackets after the event asked, not another
        # event's rate later in the sentence
        (
            "rate of grade 3 or worse hypertension with the combination?",
            "The most common grade 3 or worse TRAE with the combination was hypertension (14% vs "
            "6% with sorafenib); palmar-plantar erythrodysaesthesia, which led the sorafenib "
            "toxicity profile at grade 3 or higher in 12% of patients, was not reported at that "
            "grade in the combination arm.",
            ["sintilimab", "sorafenib"],
            "14%",
        ),
        # melanoma: each value said with its arm in the brackets
        (
            "grade 3 rash rate with nivolumab?",
            "The most common grade 3 event was rash (21% with nivolumab vs 4% with placebo), and "
            "fatigue led the placebo arm at 9% of patients.",
            ["nivolumab"],
            "21%",
        ),
    ],
)
def test_an_events_arms_in_brackets_give_its_rate(question, sentence, drugs, value, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and f": {value}" in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value", "other"),
    [
        # biliary tract cancer: "IHC 2+" asked, the IHC 3+ tumours' rate does not answer
        (
            "ORR in IHC 2+ tumours?",
            "Among patients with IHC 3+ tumours the ORR was 51.6% (95% CI, 38.6-64.5), with median "
            "OS of 18.1 months, whereas no confirmed responses were seen among the 18 patients "
            "with IHC 2+ tumours (ORR 0%).",
            ["zanidatamab"],
            "0%",
            "51.6%",
        ),
        # gastric cancer: the same
        (
            "ORR IHC 2+ gastric?",
            "Among patients with IHC 3+ disease the ORR was 48%, whereas it was 19% among those "
            "with IHC 2+ disease.",
            ["trastuzumab"],
            "19%",
            "48%",
        ),
    ],
)
def test_another_ihc_scores_figure_does_not_answer(question, sentence, drugs, value, other, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and value in draft.text and other not in draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value"),
    [
        # biliary tract cancer: an event's rate, not the rate of its one grade in brackets;
        # "decreased EF" is the event
        (
            "decreased EF incidence?",
            "Decreased ejection fraction was reported in 10% of patients (grade 3 in 3%), all of "
            "which were managed with treatment interruption.",
            ["zanidatamab"],
            "10%",
        ),
        # breast cancer: the same
        (
            "decreased LVEF rate?",
            "Decreased LVEF occurred in 2.4% of patients (grade 3 in 0.5%).",
            ["trastuzumab"],
            "2.4%",
        ),
        # lung cancer: the same for another event
        (
            "pneumonitis rate?",
            "Pneumonitis occurred in 8% of patients (grade 3 in 2%).",
            ["durvalumab"],
            "8%",
        ),
    ],
)
def test_one_grades_rate_does_not_answer_an_event_asked_without_a_grade(
    question, sentence, drugs, value, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and f": {value}" in draft.text, draft.text


CLASS01_DFS = [
    "Three-year disease-free survival was 76.5% in the laparoscopic group and 77.8% in the open "
    "group.",
    "The stage III patients are the interesting ones.",
    "Their 3-year disease-free survival was 60.6% with laparoscopy and 63.4% with open surgery.",
]
COLON_OS = [
    "Five-year overall survival was 80.1% in the FOLFOX group and 78.4% in the surgery-alone "
    "group.",
    "Patients with high-risk stage II disease were analysed separately.",
    "Their 5-year overall survival was 71.2% with FOLFOX and 66.0% with surgery alone.",
]


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # gastric cancer: "Their" after a sentence naming a part is that part's figure
        ("3y DFS with laparoscopy?", CLASS01_DFS, [], "76.5%"),
        ("3-year DFS in stage III pts with laparoscopy?", CLASS01_DFS, [], "60.6%"),
        # colon cancer: the same
        ("5-yr OS in high-risk stage II pts with FOLFOX?", COLON_OS, ["folfox"], "71.2%"),
        ("5-yr OS with FOLFOX?", COLON_OS, ["folfox"], "80.1%"),
    ],
)
def test_their_after_a_part_is_that_parts_figure(question, sentences, drugs, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    assert draft.status == "answered" and value in draft.text, draft.text


def test_their_after_the_whole_trial_is_the_trials_figure(vocab):
    # breast and lung cancer alike: "Their" after the randomised patients (a guard)
    sentences = ["A total of 1,056 patients were randomised.", "Their median age was 59 years."]
    draft = _answer_in(vocab, "median age?", sentences, prose=True)
    assert draft.status == "answered" and "59 years" in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "values"),
    [
        # gastric cancer: the complications asked, not the mortality; "in the open arm" is an
        # arm, no part of the population
        (
            "postop complication rate lap vs open?",
            [
                "The overall postoperative complication rate was 15.2% in the laparoscopic arm "
                "and 12.9% in the open arm, and that difference was not statistically "
                "significant.",
                "Postoperative mortality was 0.4% with laparoscopy and zero with open surgery.",
            ],
            ("15.2%", "12.9%"),
        ),
        # rectal cancer: the same (a guard)
        (
            "postoperative complications robotic vs open?",
            [
                "Postoperative complications occurred in 30% in the robotic arm and 41% in the "
                "open arm.",
                "Postoperative mortality was 1.1% in the robotic arm and 1.5% in the open arm.",
            ],
            ("30%", "41%"),
        ),
    ],
)
def test_postoperative_complications_are_not_mortality(question, sentences, values, vocab):
    draft = _answer_in(vocab, question, sentences, prose=True)
    assert draft.status == "answered" and all(v in draft.text for v in values), draft.text
    assert "mortality" not in draft.text.casefold(), draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "said"),
    [
        # prostate cancer: "the 6.1 Gy fractions" asked, the schedule line that says them
        (
            "how many days a week were the 6.1 Gy fractions delivered and over how long?",
            [
                "- Conventional fractionation: 78.0 Gy in 39 fractions, 5 days a week over 8 weeks",
                "- Ultra-hypofractionation: 42.7 Gy in 7 fractions of 6.1 Gy, 3 days a week over "
                "2.5 weeks",
            ],
            "3 days a week over 2.5 weeks",
        ),
        # breast cancer: the same
        (
            "over how many weeks were the 5.2 Gy fractions given?",
            [
                "- Standard schedule: 40 Gy in 15 fractions of 2.67 Gy, given over 3 weeks",
                "- Shorter schedule: 26 Gy in 5 fractions of 5.2 Gy, given over 1 week",
            ],
            "over 1 week",
        ),
    ],
)
def test_a_sentence_saying_another_value_named_does_not_answer(question, sentences, said, vocab):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and said in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "dose"),
    [
        # oesophageal cancer: the days a dose is given, a list of two, said whole
        (
            "vinorelbine dosing in the nCRT regimen?",
            "The nCRT regimen consisted of vinorelbine 25 mg/m2 on days 1 and 8 plus cisplatin 75 "
            "mg/m2 on day 1 (or 25 mg/m2 on days 1-4), every 3 weeks for two cycles.",
            ["vinorelbine", "cisplatin"],
            "25 mg/m2 on days 1 and 8",
        ),
        # lung cancer: the same
        (
            "gemcitabine dose?",
            "Patients received gemcitabine 1250 mg/m2 on days 1 and 8 plus cisplatin 75 mg/m2 on "
            "day 1 every 3 weeks.",
            ["gemcitabine", "cisplatin"],
            "1250 mg/m2 on days 1 and 8",
        ),
    ],
)
def test_a_doses_days_are_said_whole(question, sentence, drugs, dose, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "answered" and f": {dose}" in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "value"),
    [
        # prostate cancer: the HR asked, not the P value in its cell (a guard)
        (
            "HR for PFS SABR vs observation?",
            [
                "HR for PFS (95% CI) | SABR (n = 36): 0.30 (0.11-0.81); P = .002",
                "Progression-free survival was longer with SABR (P = .002).",
            ],
            ": 0.30",
        ),
        # lymphoma: the P value asked, not the HR (a guard)
        (
            "was OS significantly different - p value?",
            [
                "Overall survival, primary analysis | HR (95% CI): 0.75 (0.49-1.17)",
                "Overall survival did not differ significantly between the arms (P = 0.21).",
            ],
            "P = 0.21",
        ),
    ],
)
def test_one_statistic_does_not_answer_for_another(question, sentences, value, vocab):
    draft = _answer_in(vocab, question, sentences)
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # breast cancer: how often a test is done is no median survival
        (
            "median OS in each arm?",
            "But we do not yet know whether switching early improves overall survival, and serial "
            "ctDNA monitoring every 2 months has costs that many health systems have not planned "
            "for.",
            ["palbociclib", "fulvestrant"],
        ),
        # lung cancer: nor how often scans are done
        (
            "median PFS with osimertinib?",
            "Progression-free survival was assessed by scans every 8 weeks until progression.",
            ["osimertinib"],
        ),
    ],
)
def test_a_schedule_is_no_endpoints_figure(question, sentence, drugs, vocab):
    assert _answer_in(vocab, question, [sentence], drugs=drugs).status == "not_found"


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # rectal cancer: one arm asked of three values with slashes that say no arm (a guard)
        (
            "postop complications after LRT only?",
            "Postoperative complications (three-arm): 50% / 38% / 39%",
            [],
        ),
        # lung cancer: the same
        (
            "grade 3 pneumonitis in the durvalumab arm only?",
            "Grade 3 pneumonitis (three arms): 4% / 6% / 9%",
            ["durvalumab"],
        ),
    ],
)
def test_one_arm_asked_of_values_with_slashes_is_not_said(question, sentence, drugs, vocab):
    assert _answer_in(vocab, question, [sentence], drugs=drugs).status == "not_found"


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        # colon cancer: "grade ≥2" asked names a grade; a rate of grade 2 or higher answers it
        # (a guard)
        (
            "grade ≥2 neuropathy rate in the 6-month arm?",
            "Grade 2 or higher neuropathy occurred in 14.2% of patients in the 3-month arm and "
            "39.8% in the 6-month arm.",
            "39.8%",
        ),
        # head and neck cancer: the same (a guard)
        (
            "grade 2+ rash with cetuximab?",
            "Grade 2 or higher rash occurred in 34% of patients with cetuximab and 5% with "
            "chemotherapy alone.",
            "34%",
        ),
    ],
)
def test_a_grade_or_higher_asked_is_answered_by_its_rate(question, sentence, value, vocab):
    draft = _answer_in(vocab, question, [sentence])
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "value", "other"),
    [
        # prostate cancer: bowel side effects are the gastrointestinal toxicity, not the
        # genitourinary one
        (
            "how much did bowel side effects differ between the arms by 5 years?",
            [
                "The cumulative incidence of grade 2 or worse genitourinary toxicity at 5 years "
                "was 26.9% with SBRT versus 18.3% with CFMHRT (P<0.001).",
                "Grade 2 or worse gastrointestinal toxicity at 5 years was 10.7% versus 10.2%, "
                "respectively (P=0.94).",
            ],
            "10.7%",
            "26.9%",
        ),
        # cervical cancer: urinary toxicity is the genitourinary one, not the bowel's
        (
            "late urinary toxicity rate with brachytherapy?",
            [
                "Late grade 3 bowel toxicity occurred in 12% of patients after brachytherapy.",
                "Late grade 3 genitourinary toxicity occurred in 8% of patients after "
                "brachytherapy.",
            ],
            "8%",
            "12%",
        ),
    ],
)
def test_bowel_and_urinary_toxicity_are_apart(question, sentences, value, other, vocab):
    draft = _answer_in(vocab, question, sentences, prose=True)
    assert draft.status == "answered" and value in draft.text and other not in draft.text


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        # prostate cancer: "57 Gy arm" names the arm by its dose; no dose is asked (a guard)
        (
            "G2+ late bowel toxicity at 5y, 57 Gy arm",
            [
                "Men were assigned to 74 Gy in 37 fractions, 60 Gy in 20 fractions or 57 Gy in 19 "
                "fractions.",
                "Late bowel toxicity was low in all arms.",
            ],
        ),
        # breast cancer: the same (a guard)
        (
            "breast shrinkage rate in the 26 Gy arm?",
            [
                "Women were assigned to 40 Gy in 15 fractions, 27 Gy in 5 fractions or 26 Gy in 5 "
                "fractions.",
                "Breast shrinkage was the most common late effect.",
            ],
        ),
    ],
)
def test_an_arm_named_by_its_dose_asks_no_dose(question, sentences, vocab):
    draft = _answer_in(vocab, question, sentences, prose=True)
    assert draft.status == "not_found" or " Gy" not in draft.text.split("[")[0], draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # ovarian cancer: an eye event asked is its own rate, not every TRAE's
        (
            "blurred vision any grade rate w/ mirvetuximab",
            [
                "Treatment-related adverse events (TRAEs) of any grade occurred in 86% of "
                "patients, and grade 3 or higher TRAEs in 29%.",
                "The most common TRAEs were blurred vision (41%), keratopathy (29%) and nausea "
                "(29%), followed by fatigue (23%) and dry eye (25%).",
            ],
            ["mirvetuximab"],
            ": 41%",
        ),
        # cervical cancer: the same (a guard)
        (
            "dry eye rate with tisotumab?",
            [
                "Treatment-related adverse events of any grade occurred in 93% of patients.",
                "Ocular adverse events included conjunctivitis (26%), dry eye (23%) and keratitis "
                "(11%).",
            ],
            ["tisotumab"],
            ": 23%",
        ),
    ],
)
def test_an_eye_event_asked_is_its_own_rate(question, sentences, drugs, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    assert draft.status == "answered" and value in draft.text, draft.text


def _assert_leads(draft, value, rival=None):
    """Answered with ``value`` in its lead; a ``rival`` value is none of the reasons it won."""
    assert draft.status == "answered" and value in _lead(draft), draft.text
    if rival is not None:
        assert not any(rival in why for why in draft.why), draft.why


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value", "other"),
    [
        # gastro-oesophageal cancer: "disease control" asked of a drug is that drug's arm's
        # rate; the word "control" of the endpoint's name asks for no control arm
        (
            "was disease control at 8 wks above 30% with regorafenib?",
            [
                "Disease control at 8 weeks was achieved in 36% of regorafenib-treated patients "
                "compared with 13% of those receiving placebo."
            ],
            ["regorafenib"],
            "36%",
            "13%",
        ),
        # lung cancer: the same
        (
            "disease control at 12 wks with tepotinib?",
            [
                "Disease control at 12 weeks was reached by 78% of patients given tepotinib "
                "versus 52% of those on docetaxel."
            ],
            ["tepotinib", "docetaxel"],
            "78%",
            "52%",
        ),
    ],
)
def test_disease_control_asked_of_a_drug_is_its_arms(
    question, sentences, drugs, value, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    lead = _lead(draft)
    assert draft.status == "answered" and value in lead and other not in lead, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # myeloma: "The 35 patients with t(11;14) (...) had ...": that part's HR, not the
        # trial's
        (
            "PFS HR ven vs pbo?",
            [
                "Median PFS was 22.4 months in the venetoclax group versus 11.5 months in the "
                "placebo group (HR 0.63; 95% CI 0.44-0.90).",
                "The 35 patients with t(11;14) (20 venetoclax, 15 placebo) had the most striking "
                "benefit: median PFS was not reached with venetoclax versus 9.3 months with "
                "placebo (HR 0.11; 95% CI 0.02-0.56).",
            ],
            ["venetoclax"],
            "0.63",
        ),
        # lung cancer: the same
        (
            "PFS HR osimertinib vs placebo?",
            [
                "Median PFS was 39.1 months with osimertinib versus 5.6 months with placebo "
                "(HR 0.16; 95% CI 0.10-0.24).",
                "The 62 patients with exon 21 L858R mutations (30 osimertinib, 32 placebo) had a "
                "smaller benefit: median PFS was 19.0 months versus 5.5 months (HR 0.41; 95% CI "
                "0.22-0.75).",
            ],
            ["osimertinib"],
            "0.16",
        ),
    ],
)
def test_the_n_patients_with_a_part_say_whose_figure_it_is(
    question, sentences, drugs, value, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "rows", "drugs", "value"),
    [
        # myeloma: a row "t(11;14): median PFS" beside everyone's "Median PFS" row is a part's
        (
            "median PFS in the placebo arm?",
            [
                "Median PFS (IRC) | Venetoclax + Vd (n = 194): 22.4 mo | Placebo + Vd (n = 97): "
                "11.5 mo",
                "t(11;14): median PFS | Venetoclax + Vd (n = 194): Not reached | Placebo + Vd "
                "(n = 97): 9.3 mo",
            ],
            ["venetoclax"],
            "11.5 mo",
        ),
        # breast cancer: the same (a guard)
        (
            "median PFS in the placebo arm?",
            [
                "Median PFS | Alpelisib + fulvestrant (n = 169): 11.0 mo | Placebo + fulvestrant "
                "(n = 172): 5.7 mo",
                "PIK3CA-mutant: median PFS | Alpelisib + fulvestrant (n = 169): 12.5 mo | "
                "Placebo + fulvestrant (n = 172): 4.1 mo",
            ],
            ["alpelisib", "fulvestrant"],
            "5.7 mo",
        ),
        # and the part asked by its name is answered by its row (a guard)
        (
            "median PFS in the t(11;14) subgroup on placebo?",
            [
                "Median PFS (IRC) | Venetoclax + Vd (n = 194): 22.4 mo | Placebo + Vd (n = 97): "
                "11.5 mo",
                "t(11;14): median PFS | Venetoclax + Vd (n = 194): Not reached | Placebo + Vd "
                "(n = 97): 9.3 mo",
            ],
            ["venetoclax"],
            "9.3 mo",
        ),
    ],
)
def test_a_row_labelled_by_a_part_before_its_endpoint_is_that_parts(
    question, rows, drugs, value, vocab
):
    draft = _answer_in(vocab, question, rows, drugs=drugs)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # chronic GVHD: "BAT" asked, an article that writes "best available therapy" out
        (
            "ORR at week 24 for BAT",
            [
                "The overall response rate at week 24 was 49.7% in the ruxolitinib arm vs 25.6% "
                "in the best available therapy arm."
            ],
            ["ruxolitinib"],
            "25.6%",
        ),
        # myelofibrosis: the same (a guard)
        (
            "G3-4 anaemia with BAT?",
            [
                "Grade 3 or 4 anaemia occurred in 42% of patients with ruxolitinib and in 13% "
                "with best available therapy."
            ],
            ["ruxolitinib"],
            "13%",
        ),
    ],
)
def test_bat_asked_is_best_available_therapy_written_out(question, sentences, drugs, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value", "other"),
    [
        # chronic GVHD: the control arm asked by its word alone; the cell of the drug the
        # article compares with best available therapy is another arm's, no rival
        (
            "median FFS in the control arm?",
            [
                "Ruxolitinib doubled responses compared with best available therapy.",
                "Key endpoints: Median failure-free survival | Ruxolitinib (n = 165): >18.6 mo | "
                "Best available therapy (n = 164): 5.7 mo",
            ],
            ["ruxolitinib"],
            "5.7 mo",
            "18.6",
        ),
        # uveal melanoma: the same
        (
            "median OS in the control arm?",
            [
                "Tebentafusp improved survival compared with investigator's choice.",
                "Overall survival: Median OS | Tebentafusp (n = 252): 21.7 mo | Investigator's "
                "choice (n = 126): 16.0 mo",
            ],
            ["tebentafusp"],
            "16.0 mo",
            "21.7",
        ),
    ],
)
def test_the_control_arm_asked_by_its_word_has_no_rival_in_the_drugs_arm(
    question, sentences, drugs, value, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    _assert_leads(draft, value, rival=other)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value", "other"),
    [
        # oropharyngeal cancer: "In the 60 Gy plus nivolumab arm, ..." says the arm of the
        # figure after it: no rival for the cisplatin arm asked
        (
            "2-yr PFS with 60 Gy + cisplatin?",
            [
                "In the 60 Gy plus cisplatin arm, 2-year PFS was 96.7% (95% CI, 92.6-99.1), above "
                "the threshold.",
                "In the 60 Gy plus nivolumab arm, 2-year PFS was 90.5% (95% CI, 84.4-94.6), below "
                "the threshold.",
            ],
            ["cisplatin", "nivolumab"],
            "96.7%",
            "90.5",
        ),
        # breast cancer: the same, the arm named by its group
        (
            "median OS in the placebo group?",
            [
                "In the abemaciclib group, median OS was 67.1 months.",
                "In the placebo group, median OS was 53.7 months.",
            ],
            ["abemaciclib"],
            "53.7 months",
            "67.1",
        ),
    ],
)
def test_an_opening_in_the_arm_clause_says_the_figures_arm(
    question, sentences, drugs, value, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    _assert_leads(draft, value, rival=other)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value", "other"),
    [
        # prostate cancer: a part said right before a figure's bracket ("in those with
        # low-risk disease (HR, 0.63)") is that figure's; intermediate is not low risk
        (
            "intermediate-risk subgroup HR for progression?",
            [
                "Enzalutamide reduced the risk of progression with a hazard ratio of 0.54 (95% CI, "
                "0.33-0.89).",
                "By risk group, the benefit appeared larger in men with intermediate-risk disease "
                "(HR for progression, 0.31) than in those with low-risk disease (HR, 0.63).",
            ],
            ["enzalutamide"],
            "0.31",
            "0.63",
        ),
        # kidney cancer: intermediate is not poor risk
        (
            "OS HR in intermediate risk pts?",
            [
                "Nivolumab plus ipilimumab improved overall survival over sunitinib (HR 0.69).",
                "The benefit was seen in patients with poor-risk disease (HR 0.59) as well as in "
                "patients with intermediate-risk disease (HR 0.73).",
            ],
            ["nivolumab", "ipilimumab", "sunitinib"],
            "0.73",
            "0.59",
        ),
        # AML: adverse is not favourable risk (a guard)
        (
            "CR rate in adverse risk pts with venetoclax?",
            [
                "Among patients with favourable-risk disease, the CR rate with venetoclax was 71%.",
                "Among patients with adverse-risk disease, the CR rate with venetoclax was 48%.",
            ],
            ["venetoclax"],
            "48%",
            "71",
        ),
    ],
)
def test_one_risk_group_is_not_another(question, sentences, drugs, value, other, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    _assert_leads(draft, value, rival=other)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # oesophageal cancer: "by histology, ... 0.82 in adenocarcinoma and 1.02 in squamous
        # cell carcinoma": the part asked is answered by its own value
        (
            "OS HR in the adenocarcinoma subgroup?",
            [
                "Active surveillance was non-inferior for overall survival (HR 0.88; 95% CI, "
                "0.62-1.25).",
                "In a prespecified subgroup analysis by histology, the hazard ratio for death was "
                "0.82 in adenocarcinoma and 1.02 in squamous cell carcinoma, with overlapping "
                "confidence intervals.",
            ],
            [],
            "0.82",
        ),
        # lung cancer: and the trial's HR asked is not a histology's
        (
            "OS HR with pembrolizumab?",
            [
                "Overall survival improved with the combination (HR 0.73; 95% CI, 0.61-0.87).",
                "By histology, the HR for OS was 0.70 in squamous and 0.85 in nonsquamous disease.",
            ],
            ["pembrolizumab"],
            "0.73",
        ),
    ],
)
def test_values_after_a_named_split_are_its_parts(question, sentences, drugs, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value", "other"),
    [
        # lung cancer: "Lazertinib versus osimertinib gave an HR of 0.98" is the single
        # agent's comparison, not the combination's asked
        (
            "PFS HR amivantamab+lazertinib vs osi",
            [
                "Amivantamab plus lazertinib prolonged median PFS to 23.7 months versus 16.6 "
                "months with osimertinib (HR 0.70; 95% CI, 0.58-0.85).",
                "Lazertinib versus osimertinib gave an HR of 0.98 (95% CI, 0.79-1.22), supporting "
                "equivalence between the two TKIs.",
            ],
            ["amivantamab", "lazertinib", "osimertinib"],
            "0.70",
            "0.98",
        ),
        # kidney cancer: the same
        (
            "OS HR nivo + ipi vs sunitinib?",
            [
                "Nivolumab plus ipilimumab reduced the risk of death compared with sunitinib (HR "
                "0.69; 95% CI, 0.59-0.81).",
                "Nivolumab alone versus sunitinib gave an HR for death of 0.89.",
            ],
            ["nivolumab", "ipilimumab", "sunitinib"],
            "0.69",
            "0.89",
        ),
    ],
)
def test_a_ratio_of_a_sentence_opening_with_its_arms_is_theirs(
    question, sentences, drugs, value, other, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    _assert_leads(draft, value, rival=other)


@pytest.mark.parametrize(
    ("question", "articles", "said"),
    [
        # skin cancers: no trial named, "part B" asked; the adjuvant trial's article never
        # names a part B, the Merkel cell one does
        (
            "primary endpoint for part B?",
            {
                "Adjuvant cemiplimab in cutaneous SCC": [
                    "The primary endpoint was disease-free survival (DFS) assessed by the "
                    "investigator."
                ],
                "Avelumab in Merkel cell carcinoma": [
                    "The primary endpoint in Part A was the confirmed best overall response; in "
                    "Part B it was durable response, defined as an objective response lasting at "
                    "least 6 months."
                ],
            },
            "durable response",
        ),
        # lung cancer: the same with a numbered cohort
        (
            "primary endpoint in cohort 2?",
            {
                "Adjuvant osimertinib": [
                    "The primary endpoint was disease-free survival in stage II-IIIA disease."
                ],
                "Capmatinib in MET exon 14 NSCLC": [
                    "The primary endpoint in cohort 1 was ORR by independent review; in cohort 2 "
                    "it was ORR by investigator assessment."
                ],
            },
            "cohort 2",
        ),
    ],
)
def test_a_part_asked_of_no_trial_is_answered_by_an_article_naming_it(
    question, articles, said, vocab
):
    draft = _answer_across(vocab, question, list(articles.items()))
    _assert_leads(draft, said)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs"),
    [
        # Merkel cell carcinoma: the flat dose asked; the trial's dose by weight is another kind
        (
            "what's the approved flat dose of avelumab now?",
            [
                "All patients received avelumab 10 mg/kg as a 1-hour intravenous infusion every 2 "
                "weeks until progression.",
                "(The approved label now uses a flat dose of 800 mg every 2 weeks.)",
            ],
            ["avelumab"],
        ),
        # melanoma: the same
        (
            "flat dose of nivolumab?",
            [
                "Nivolumab was given at 3 mg/kg every 2 weeks in the trial.",
                "Nivolumab is now given as a flat dose of 240 mg every 2 weeks.",
            ],
            ["nivolumab"],
        ),
    ],
)
def test_a_dose_by_weight_is_no_flat_dose(question, sentences, drugs, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    assert "mg/kg" not in _lead(draft), draft.text
    assert not any("mg/kg" in why for why in draft.why), draft.why


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "title", "value"),
    [
        # kidney cancer: the article's title names the part asked; all of it is that part's
        (
            "DFS HR nivo+ipi vs placebo in part A",
            "The hazard ratio for recurrence or death was 0.92 (95% CI, 0.71-1.19; P = 0.53).",
            ["nivolumab", "ipilimumab"],
            "CheckMate 914 Part A journal summary",
            "0.92",
        ),
        # the same for a lettered cohort of a single-arm study
        (
            "ORR in cohort B?",
            "The objective response rate was 36.4% with pembrolizumab.",
            ["pembrolizumab"],
            "Pembrolizumab in cohort B of a kidney cancer study",
            "36.4%",
        ),
    ],
)
def test_a_part_named_by_the_articles_title_is_all_of_it(
    question, sentence, drugs, title, value, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs, title=title)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # lung cancer: never-smokers asked; everyone's hazard ratio does not answer
        (
            "PFS HR in never-smokers?",
            "Median PFS was 11.14 months with ivonescimab compared with 5.82 months with "
            "pembrolizumab (HR 0.51; 95% CI, 0.38-0.69).",
            ["ivonescimab", "pembrolizumab"],
        ),
        # head and neck cancer: former smokers asked, the same
        (
            "2-yr PFS in former smokers with 60 Gy?",
            "Two-year PFS was 96.7% with 60 Gy plus cisplatin and 90.5% with 60 Gy plus nivolumab.",
            ["cisplatin", "nivolumab"],
        ),
    ],
)
def test_everyones_figure_does_not_answer_for_smokers(question, sentence, drugs, vocab):
    assert _answer_in(vocab, question, [sentence], drugs=drugs).status == "not_found"


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "value"),
    [
        # cutaneous SCC: the age said in an earlier part's clause is not the later parts'
        (
            "DFS HR in pts 65 and older?",
            "In prespecified subgroups, the DFS benefit held in patients younger than 65 years "
            "(HR, 0.28) and in those aged 65 or older (HR, 0.34), and among patients whose main "
            "risk feature was nodal (HR, 0.35) or non-nodal (HR, 0.27).",
            ["cemiplimab"],
            "0.34",
        ),
        # lung cancer: the same
        (
            "OS HR in pts 65 and older?",
            "The OS benefit held in patients younger than 65 years (HR, 0.70) and in those aged 65 "
            "or older (HR, 0.80), and among patients whose tumours were squamous (HR, 0.75) or "
            "non-squamous (HR, 0.78).",
            ["pembrolizumab"],
            "0.80",
        ),
    ],
)
def test_an_age_said_of_one_bracketed_part_is_not_the_next_ones(
    question, sentence, drugs, value, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs"),
    [
        # cutaneous SCC: "A hazard ratio of 0.32 ..." names no endpoint; the article's DFS HR
        # is 0.32, so it is no overall survival HR
        (
            "OS HR with cemiplimab?",
            [
                "DFS hazard ratio (95% CI) | Cemiplimab (n = 209): 0.32 (0.20-0.51); P < 0.001",
                '"A hazard ratio of 0.32 is a big effect in the adjuvant setting."',
            ],
            ["cemiplimab"],
        ),
        # breast cancer: the same in prose
        (
            "OS HR with abemaciclib?",
            [
                "Abemaciclib cut the risk of invasive disease: IDFS HR 0.68 (95% CI, 0.60-0.77).",
                "An HR of 0.68 is a meaningful effect, the investigator said.",
            ],
            ["abemaciclib"],
        ),
    ],
)
def test_a_ratio_said_without_its_endpoint_is_not_another_endpoints(
    question, sentences, drugs, vocab
):
    assert _answer_in(vocab, question, sentences, drugs=drugs).status == "not_found"


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # cutaneous SCC: the AEs' rate asked; how many stopped because of them is no answer
        (
            "any-grade AE rate in the placebo arm?",
            "Treatment was discontinued because of AEs in 9.8% vs 1.5%, respectively, of "
            "cemiplimab and placebo recipients.",
            ["cemiplimab"],
        ),
        # ovarian cancer: the same
        (
            "any grade AEs with placebo?",
            "Adverse events led to discontinuation in 12% of the olaparib group and 3% of the "
            "placebo group.",
            ["olaparib"],
        ),
    ],
)
def test_what_adverse_events_led_to_is_no_rate_of_them(question, sentence, drugs, vocab):
    assert _answer_in(vocab, question, [sentence], drugs=drugs).status == "not_found"
    # stopping asked is answered by it (a guard)
    stopped = _answer_in(vocab, "AE discontinuation rate with placebo?", [sentence], drugs=drugs)
    assert stopped.status == "answered"


@pytest.mark.parametrize(
    ("question", "rows", "value"),
    [
        # cutaneous SCC: a dose asked of a group whose row says it in another cell
        (
            "group 3 (350 mg q3w) ORR?",
            [
                "Group 1 | Population / dose: mCSCC, 3 mg/kg q2w | n: 59 | ORR (95% CI): 50.8% "
                "(37.5-64.1)",
                "Group 3 | Population / dose: mCSCC, 350 mg q3w | n: 56 | ORR (95% CI): 46.4% "
                "(33.0-60.3)",
            ],
            "46.4%",
        ),
        # myeloma: the same for a cohort
        (
            "ORR in cohort 2 at 20 mg?",
            [
                "Cohort 1 | Dose: 10 mg daily | n: 40 | ORR: 30.0%",
                "Cohort 2 | Dose: 20 mg daily | n: 42 | ORR: 45.2%",
            ],
            "45.2%",
        ),
    ],
)
def test_a_groups_row_says_its_dose_in_a_cell_of_its_own(question, rows, value, vocab):
    draft = _answer_in(vocab, question, rows, drugs=["cemiplimab"])
    _assert_leads(draft, value)


def test_a_ratio_whose_value_is_only_a_bound_elsewhere_keeps_its_question(vocab):
    # liver cancer: 0.86 is another part's CI bound elsewhere, not another endpoint's ratio (a
    # guard)
    sentences = [
        "The hazard ratio for durvalumab versus sorafenib was 0.86 (95.67% CI, 0.73-1.03).",
        "In patients with HBV infection, the hazard ratio for death versus sorafenib was 0.64 "
        "(95% CI, 0.48-0.86).",
    ]
    draft = _answer_in(vocab, "OS HR durvalumab vs sorafenib?", sentences, drugs=["durvalumab"])
    _assert_leads(draft, "0.86")


@pytest.mark.parametrize(
    ("question", "rows", "value"),
    [
        # head and neck cancer: a cell of both arms ("pembro vs SOC (mo): 51.8 vs 30.4") gives
        # the control arm asked by its word its second value (a guard)
        (
            "SOC arm median EFS in the total (ITT) pop?",
            [
                "Pembrolizumab improved EFS compared with standard of care.",
                "Total population (N = 714) | Median EFS, pembro vs SOC (mo): 51.8 vs 30.4",
            ],
            "30.4",
        ),
        # lung cancer: the same (a guard)
        (
            "control arm mPFS?",
            [
                "Osimertinib improved PFS compared with placebo.",
                "All patients (N = 216) | Median PFS, osimertinib vs control (mo): 39.1 vs 5.6",
            ],
            "5.6",
        ),
    ],
)
def test_a_cell_of_both_arms_answers_for_the_control_asked_by_its_word(
    question, rows, value, vocab
):
    draft = _answer_in(vocab, question, rows, drugs=["pembrolizumab", "osimertinib"], prose=True)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "value", "rival"),
    [
        # pan-tumour HER2 study: "13.4 months overall and 21.1 months in IHC 3+ disease"; the
        # same part said for another endpoint earlier in the sentence is no rival part
        (
            "mOS in IHC 3+ subgroup?",
            [
                "Median PFS was 6.9 months overall and 11.9 months in the IHC 3+ subgroup, while "
                "median OS was 13.4 months overall and 21.1 months in IHC 3+ disease."
            ],
            "21.1",
            "13.4",
        ),
        # breast cancer: the same for a HER2-low part
        (
            "median OS in the HER2-low subgroup?",
            [
                "Median PFS was 7.1 months overall and 12.4 months in the HER2-low subgroup, "
                "while median OS was 18.2 months overall and 24.6 months in HER2-low disease."
            ],
            "24.6",
            "18.2",
        ),
    ],
)
def test_a_value_said_overall_beside_a_parts_value_answers_no_part(
    question, sentences, value, rival, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=["trastuzumab deruxtecan"])
    _assert_leads(draft, value, rival)


def test_a_value_said_overall_answers_the_whole_trial(vocab):
    # breast cancer: asked of everyone, the value said "overall" (a guard)
    sentences = [
        "Median PFS was 7.1 months overall and 12.4 months in the HER2-low subgroup, while "
        "median OS was 18.2 months overall and 24.6 months in HER2-low disease."
    ]
    draft = _answer_in(vocab, "median OS?", sentences, drugs=["trastuzumab deruxtecan"])
    _assert_leads(draft, "18.2")


@pytest.mark.parametrize(
    ("question", "sentences", "value"),
    [
        # kidney cancer (a PET tracer): the thresholds a test had to clear are design values (a
        # guard: before sensitivity was an endpoint, the sentence itself answered)
        (
            "sensitivity of girentuximab PET?",
            [
                "On girentuximab PET, sensitivity was 85.5% (95% CI, 81.5-89.6) and specificity "
                "was 87.0% (95% CI, 81.0-93.1), with both lower bounds exceeding the "
                "prespecified thresholds of 70% for sensitivity and 68% for specificity."
            ],
            "85.5%",
        ),
        # lung cancer: an ORR against the benchmark it had to beat
        (
            "ORR with the ADC?",
            [
                "The confirmed ORR was 31% (95% CI, 22-41), clearing the historical benchmark of "
                "18% for ORR with docetaxel."
            ],
            "31%",
        ),
    ],
)
def test_a_threshold_or_benchmark_is_no_result(question, sentences, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=["girentuximab", "datopotamab"])
    assert _sure(draft), draft.text
    threshold = re.findall(r"(?:thresholds|benchmark) of (\d+%)", sentences[0])[0]
    _assert_leads(draft, value, rival=threshold)


@pytest.mark.parametrize(
    ("question", "sentences", "value"),
    [
        # kidney cancer (a PET tracer): a positive predictive value (a guard: before these were
        # endpoints, the sentence itself answered)
        (
            "PPV of girentuximab PET?",
            ["The positive predictive value of girentuximab PET was 92.7%."],
            "92.7%",
        ),
        # oesophageal cancer (ctDNA): a negative predictive value among other measures (a guard)
        (
            "NPV of ctDNA for residual disease?",
            [
                "For residual disease after chemoradiotherapy, ctDNA had a sensitivity of 41% and "
                "a negative predictive value of 78%."
            ],
            "78%",
        ),
    ],
)
def test_a_tests_accuracy_is_answered_by_its_measure(question, sentences, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=["girentuximab"])
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # brain metastases of lung cancer: a time asked; the sentence saying what the trial
        # asked has none
        (
            "METIS time to intracranial progression w/ TTFields?",
            [
                "METIS asked whether adding TTFields after SRS could delay intracranial "
                "progression without harming cognition.",
                "Median time to intracranial progression was 21.9 months with TTFields compared "
                "with 11.3 months with SRS alone.",
            ],
            ["TTFields"],
            "21.9",
        ),
        # prostate cancer: the same (a guard)
        (
            "GETUP-7 time to castration resistance with docetaxel?",
            [
                "GETUP-7 asked whether docetaxel added to ADT could delay castration "
                "resistance in high-volume disease.",
                "Median time to castration resistance was 20.2 months with docetaxel and 11.7 "
                "months with ADT alone.",
            ],
            ["docetaxel"],
            "20.2",
        ),
    ],
)
def test_a_time_asked_is_answered_by_a_sentence_saying_one(
    question, sentences, drugs, value, vocab
):
    trial = question.split()[0]
    draft = _answer_in(vocab, question, sentences, drugs=drugs, trials=[trial], known=True)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs"),
    [
        # brain metastases of lung cancer: a 12-month rate asked; a hazard ratio is none
        (
            "12-mo freedom from intracranial progression on TTFields?",
            [
                "At 12 months, time to distant intracranial progression also favoured TTFields, "
                "with a hazard ratio of 0.71."
            ],
            ["TTFields"],
        ),
        # pancreatic cancer (radiotherapy): the same for a 3-year rate and a median
        (
            "3-yr freedom from local progression after SBRT?",
            [
                "After SBRT, median time to local progression was 14.2 months, and by 3 years "
                "the hazard ratio for local progression was 0.62."
            ],
            ["SBRT"],
        ),
    ],
)
def test_a_rate_at_a_time_point_is_not_answered_by_a_ratio_or_a_median(
    question, sentences, drugs, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # myeloma (a bispecific): both any grade and G3+ asked; grade 1 and grade 2 rates are
        # neither
        (
            "CRS rate any grade w/ elranatamab? any G3+?",
            "CRS was grade 1 in 43.9% and grade 2 in 13.8% of patients, with no grade 3 or "
            "higher events.",
            ["elranatamab"],
        ),
        # lung cancer: the same for pneumonitis (a guard)
        (
            "pneumonitis any grade and G3+ with durvalumab?",
            "Pneumonitis was grade 1 in 6.1% and grade 2 in 9.4% of patients.",
            ["durvalumab"],
        ),
    ],
)
def test_one_low_grades_rate_is_neither_every_grades_nor_severe_ones(
    question, sentence, drugs, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentence", "drugs"),
    [
        # myeloma: G3+ asked; grade 2 is no severe grade (a guard)
        (
            "G3+ CRS w/ elranatamab?",
            "CRS was grade 1 in 43.9% and grade 2 in 13.8% of patients.",
            ["elranatamab"],
        ),
        # lymphoma (a CAR T-cell therapy): the same for neurotoxicity (a guard)
        (
            "grade >=3 ICANS with liso-cel?",
            "ICANS was grade 1 in 12% and grade 2 in 7% of patients.",
            ["liso-cel"],
        ),
    ],
)
def test_a_low_grades_rate_does_not_answer_severe_grades(question, sentence, drugs, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs)
    assert draft.status == "not_found", draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value", "rival"),
    [
        # thyroid cancer (a basket's cohort): the original readout asked, not the update
        (
            "ORR in the original 16-pt ATC readout?",
            [
                "In the updated ATC analysis of 36 evaluable patients, the ORR was 56% (95% CI, "
                "38.1-72.1).",
                "The original ATC analysis of 16 patients had reported an ORR of 69% (95% CI, "
                "41-89).",
            ],
            ["dabrafenib"],
            "69%",
            "56%",
        ),
        # lung cancer: the same for a median
        (
            "mPFS with lorlatinib in the original analysis?",
            [
                "With longer follow-up, median PFS with lorlatinib was 33.3 months.",
                "In the original analysis, median PFS with lorlatinib was 24.0 months.",
            ],
            ["lorlatinib"],
            "24.0",
            "33.3",
        ),
    ],
)
def test_the_original_analysis_asked_is_not_the_update(
    question, sentences, drugs, value, rival, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    _assert_leads(draft, value, rival)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs"),
    [
        # head and neck cancer: the patients of the control arm who had one drug alone are not
        # the whole arm
        (
            "mOS for the cetuximab-only subset of SoC?",
            ["Median OS was 7.6 months for durvalumab vs 8.3 months for SoC."],
            ["durvalumab"],
        ),
        # polycythaemia vera: the same for best available therapy
        (
            "CR rate for the interferon-only subgroup within BAT?",
            ["CR within 12 months | Ruxolitinib (n = 93): 43% | BAT (n = 87): 26%"],
            ["ruxolitinib"],
        ),
    ],
)
def test_the_subset_given_one_treatment_only_is_not_its_whole_arm(
    question, sentences, drugs, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    assert draft.status == "not_found", draft.text


def test_the_subset_given_one_treatment_only_is_answered_where_named(vocab):
    # head and neck cancer: the sentence naming the cetuximab subset answers it (a guard)
    sentences = [
        "Median OS was 7.6 months for durvalumab vs 8.3 months for SoC.",
        "In the cetuximab-only subset of SoC, median OS was 9.1 months.",
    ]
    draft = _answer_in(
        vocab, "mOS for the cetuximab-only subset of SoC?", sentences, drugs=["durvalumab"]
    )
    _assert_leads(draft, "9.1")


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # liver cancer: "by how many months" asks the difference, not the two medians
        (
            "by how many months did the combo extend median survival vs TACE only?",
            [
                "Median OS was 36.2 months with TACE plus sorafenib and 30.8 months with TACE "
                "alone.",
                "The OS difference of 5.4 months between TACE plus sorafenib and TACE alone "
                "exceeds the 4-month threshold many regard as clinically meaningful.",
            ],
            ["sorafenib"],
            "5.4",
        ),
        # mesothelioma: the same
        (
            "by how many months did bevacizumab extend median OS?",
            [
                "Median OS was 18.8 months with bevacizumab and 16.1 months with chemotherapy "
                "alone.",
                "The median OS difference of 2.7 months between bevacizumab plus chemotherapy "
                "and chemotherapy alone was significant.",
            ],
            ["bevacizumab"],
            "2.7",
        ),
    ],
)
def test_by_how_many_months_asks_the_difference(question, sentences, drugs, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # brain metastases of lung cancer: the HR of progression at distant sites in the brain is
        # not the HR of intracranial progression asked
        (
            "HR for intracranial progression TTFields vs SRS only?",
            [
                "Time to distant intracranial progression also favoured TTFields, with a hazard "
                "ratio of 0.71.",
                "Overall, the hazard ratio for intracranial progression with TTFields was 0.67 "
                "(95% CI, 0.48-0.93).",
            ],
            ["TTFields"],
            "0.67",
        ),
        # head and neck cancer: progression at one site is no answer for progression
        (
            "HR for progression with cetuximab?",
            ["The hazard ratio for locoregional progression with cetuximab was 0.68."],
            ["cetuximab"],
            None,
        ),
    ],
)
def test_an_event_at_a_site_not_asked_is_not_the_event_asked(
    question, sentences, drugs, value, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    if value is None:
        assert draft.status == "not_found", draft.text
    else:
        _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        # head and neck cancer: the site asked (a guard)
        (
            "HR for locoregional progression with cetuximab?",
            "The hazard ratio for locoregional progression with cetuximab was 0.68.",
            "0.68",
        ),
        # prostate cancer: a site within an endpoint's own name (a guard)
        (
            "DMFS HR with RT?",
            "The hazard ratio for distant metastasis-free survival with RT was 0.81.",
            "0.81",
        ),
    ],
)
def test_an_event_at_the_site_asked_answers(question, sentence, value, vocab):
    draft = _answer_in(vocab, question, [sentence], drugs=["cetuximab"])
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "rows", "drugs", "value"),
    [
        # prostate cancer: a time asked of an endpoint the vocabulary does not know; a table's
        # bare numbers in its row are times (a guard)
        (
            "median time to subsequent therapy in the placebo group?",
            [
                "Time to subsequent therapy | Abiraterone + ADT (n = 597): Not reached | "
                "Placebo + ADT (n = 602): 21.6 | HR: 0.42",
                "Median time to PSA progression, months | Abiraterone + ADT (n = 597): 33.2 | "
                "Placebo + ADT (n = 602): 7.4 | HR: 0.30",
            ],
            ["abiraterone"],
            "21.6",
        ),
        # follicular lymphoma: the same (a guard; the time to next treatment is an endpoint
        # the vocabulary knows now, as TFST)
        (
            "median time to transformation with R-chemo alone?",
            [
                "Time to transformation | Obinutuzumab-chemo (n = 601): Not reached | "
                "Rituximab-chemo (n = 601): 48.2 | HR: 0.68",
                "Median time to response, months | Obinutuzumab-chemo: 2.1 | Rituximab-chemo: 2.3",
            ],
            ["obinutuzumab", "rituximab"],
            "48.2",
        ),
    ],
)
def test_a_time_asked_of_an_unknown_endpoint_is_read_in_its_row(
    question, rows, drugs, value, vocab
):
    draft = _answer_in(vocab, question, rows, drugs=drugs)
    assert draft.status == "answered" and value in draft.text, draft.text


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # myeloma: a duration of response at a time point is the share still responding
        (
            "12-mo DOR probability w/ elranatamab",
            [
                "Median duration of response had not been reached; the probability of "
                "maintaining a response at 12 months was 75.3% (95% CI, 64.0-83.5)."
            ],
            ["elranatamab"],
            "75.3%",
        ),
        # lung cancer: the same, not the median DOR
        (
            "DOR rate at 12 mo with the ADC?",
            ["Median DOR was 11.2 months, and 48.6% of responses lasted at least 12 months."],
            ["datopotamab"],
            "48.6%",
        ),
        # cutaneous SCC: one of two time points
        (
            "DOR at 24 mo in cSCC responders?",
            ["Kaplan-Meier estimated DOR was 87.8% at 12 months and 69.4% at 24 months."],
            ["cemiplimab"],
            "69.4%",
        ),
    ],
)
def test_a_duration_of_response_at_a_time_point_is_a_rate(question, sentences, drugs, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # head and neck cancer: "durvalumab mono" of a trial of durvalumab (or durvalumab plus
        # tremelimumab) versus standard of care is durvalumab's own arm, not the control arm
        (
            "mOS durvalumab mono?",
            [
                "Median OS was 7.6 months for durvalumab vs 8.3 months for SoC (HR 0.88).",
                "For durvalumab plus tremelimumab, median OS was 6.5 months vs 8.3 months for "
                "SoC (HR 1.04).",
                "The primary endpoint was OS for durvalumab vs SoC and for durvalumab plus "
                "tremelimumab vs SoC.",
            ],
            ["durvalumab", "tremelimumab"],
            "7.6",
        ),
        # gastric cancer: the same for "alone"
        (
            "mPFS pembrolizumab alone?",
            [
                "Median PFS was 7.7 months with pembrolizumab versus 5.4 months with standard "
                "of care (HR 0.81)."
            ],
            ["pembrolizumab"],
            "7.7",
        ),
        # endometrial cancer: a drug alone that is the control arm stays the control (a guard)
        (
            "mPFS pembrolizumab alone?",
            [
                "Median PFS was 9.0 months with pembrolizumab plus lenvatinib versus 5.4 months "
                "with pembrolizumab alone (HR 0.61)."
            ],
            ["pembrolizumab", "lenvatinib"],
            "5.4",
        ),
        # melanoma: the same when the drug alone is said after "versus" (a guard)
        (
            "mPFS nivo mono arm?",
            [
                "Median PFS was 10.1 months with nivolumab plus relatlimab versus 4.6 months with "
                "nivolumab (HR 0.75)."
            ],
            ["nivolumab", "relatlimab"],
            "4.6",
        ),
    ],
)
def test_an_experimental_drug_alone_is_its_own_arm(question, sentences, drugs, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentence", "drugs", "title", "value"),
    [
        # melanoma: an article that never names kidney cancer does not answer for it
        (
            "ORR for bempeg + nivo in the kidney cancer phase 3?",
            "In untreated advanced melanoma, the objective response rate was 27.7% with "
            "bempegaldesleukin plus nivolumab versus 36.0% with nivolumab alone.",
            ["bempegaldesleukin", "nivolumab"],
            "Bempeg plus nivolumab in melanoma",
            None,
        ),
        # lung cancer: nor does a lung cancer article for breast cancer
        (
            "mPFS with T-DXd in breast cancer?",
            "In HER2-mutant NSCLC, median PFS with trastuzumab deruxtecan was 8.2 months.",
            ["trastuzumab deruxtecan"],
            "T-DXd in lung cancer",
            None,
        ),
        # ... but it answers for the tumour type it names (a guard)
        (
            "mPFS with T-DXd in HER2-mutant lung cancer?",
            "In HER2-mutant NSCLC, median PFS with trastuzumab deruxtecan was 8.2 months.",
            ["trastuzumab deruxtecan"],
            "T-DXd in lung cancer",
            "8.2",
        ),
    ],
)
def test_an_article_never_naming_the_tumour_type_asked_does_not_answer(
    question, sentence, drugs, title, value, vocab
):
    draft = _answer_in(vocab, question, [sentence], drugs=drugs, title=title)
    if value is None:
        assert draft.status == "not_found", draft.text
    else:
        _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # bladder cancer: how many were randomised, and in what ratio: the count first
        (
            "how many pts were randomised and in what ratio?",
            [
                "A total of 506 patients with metastatic urothelial cancer were randomised.",
                "Randomisation was 1:1 to bevacizumab or placebo.",
            ],
            ["bevacizumab"],
            "506",
        ),
        # breast cancer: the same
        (
            "how many pts were randomized and at what ratio?",
            [
                "In all, 612 women with HER2-positive breast cancer were randomized.",
                "Patients were assigned in a 2:1 ratio to tucatinib or placebo.",
            ],
            ["tucatinib"],
            "612",
        ),
        # endometrial cancer: no count said, the ratio (a guard: the second thing asked)
        (
            "how many pts in the trial and what randomization ratio",
            ["Patients were randomized 1:1:1 to the three arms."],
            ["durvalumab", "olaparib"],
            "1:1:1",
        ),
    ],
)
def test_how_many_randomized_and_in_what_ratio_gives_the_count_else_the_ratio(
    question, sentences, drugs, value, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # brain metastases of lung cancer: "The hazard ratio was 0.67" goes on from the
        # sentence before, which names intracranial progression
        (
            "HR for intracranial progression TTFields vs SRS only?",
            [
                "Median time to intracranial progression was 21.9 months with TTFields compared "
                "with 11.3 months with SRS alone.",
                "The hazard ratio was 0.67, with a 95% confidence interval of 0.48 to 0.93.",
            ],
            ["TTFields"],
            "0.67",
        ),
        # liver cancer: the same for patients with HBV infection
        (
            "OS HR in HBV pts, durvalumab vs sorafenib?",
            [
                "In patients with HBV infection, median OS was 19.6 months with durvalumab and "
                "15.4 months with sorafenib.",
                "The hazard ratio was 0.64 (95% CI, 0.48-0.86).",
                "Overall, the hazard ratio for death was 0.86 (95% CI, 0.73-1.03).",
            ],
            ["durvalumab", "sorafenib"],
            "0.64",
        ),
    ],
)
def test_a_sentence_going_on_is_about_the_part_the_one_before_names(
    question, sentences, drugs, value, vocab
):
    draft = _answer_in(vocab, question, sentences, drugs=drugs, prose=True)
    _assert_leads(draft, value)


@pytest.mark.parametrize(
    ("question", "sentences", "drugs", "value"),
    [
        # cutaneous SCC: "a 12% rate" in a quote is the results' 11.9% rounded, no rival
        (
            "G3-5 TRAEs with pembro?",
            [
                "Across the 159 treated patients, TRAEs of any grade occurred in 66.7%, and "
                "grade 3 to 5 TRAEs occurred in 11.9%.",
                "“A 12% rate of grade 3 or worse treatment-related toxicity is something we can "
                "manage,” said the investigator.",
            ],
            ["pembrolizumab"],
            "11.9%",
        ),
        # cervical cancer (a HER2 basket): the same for a response rate (a guard)
        (
            "ORR with T-DXd in the cervical cohort?",
            [
                "In the cervical cohort, the ORR with trastuzumab deruxtecan was 50.0%.",
                "“A 50% response rate in the cervical cohort is remarkable,” she said.",
            ],
            ["trastuzumab deruxtecan"],
            "50.0%",
        ),
    ],
)
def test_a_figure_said_rounded_elsewhere_is_no_rival(question, sentences, drugs, value, vocab):
    draft = _answer_in(vocab, question, sentences, drugs=drugs)
    assert _sure(draft), draft.text
    _assert_leads(draft, value)
