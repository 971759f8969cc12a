"""Whose population a figure is: the whole trial's or a part of it."""

import pytest

from index.arms import (
    arm_letters,
    arm_phrase,
    figure_arm_letters,
    is_overall,
    names_code,
    population_phrase,
    regimen_codes,
)
from index.figures import extract_figures


def _figure(sentence, value, vocab):
    return next(f for f in extract_figures(sentence, vocab) if f.value.startswith(value))


@pytest.mark.parametrize(
    ("sentence", "value", "words"),
    [
        # lung cancer: an opening clause
        (
            "Among the 72 patients with brain metastases at baseline, the hazard ratio for PFS "
            "was 0.08 (95% CI, 0.04-0.19).",
            "0.08",
            "brain metastases",
        ),
        # ovarian cancer: a biomarker population
        (
            "In the HR-deficient population, median PFS was 21.9 months vs 10.4 months.",
            "21.9",
            "HR-deficient",
        ),
        # head and neck cancer: a phrase after the figure
        (
            "The hazard ratio was 0.61 in the CPS ≥20 population.",
            "0.61",
            "CPS ≥20",
        ),
        # colorectal cancer: a back reference names no population a question can match
        ("In that group the hazard ratio for death was 0.69.", "0.69", "that group"),
        # Hodgkin lymphoma: the sentence's subject is the part, its verb the outcome
        (
            "Patients with stage IV disease, about 64% of the population, had a 6-year PFS of "
            "80.2% with A+AVD and 71.5% with ABVD.",
            "80.2",
            "stage IV",
        ),
        # prostate cancer: the same without a comma
        (
            "Patients with high-volume disease achieved a median OS of 51.2 months.",
            "51.2",
            "high-volume",
        ),
        # AML: how the part fared, its figures after a colon
        (
            "Patients with unfavorable cytogenetics did no better with the higher dose: median "
            "OS was 10.4 months with 90 mg/m2 and 10.9 months with 45 mg/m2 (HR, 1.01).",
            "10.4",
            "unfavorable cytogenetics",
        ),
        # lung cancer: the same with "fared"
        (
            "Patients with brain metastases fared just as well: median PFS was 5.1 months with "
            "osimertinib versus 3.3 months with chemotherapy.",
            "5.1",
            "brain metastases",
        ),
        # liver and lung cancer: a long aside in brackets is one part of the opening clause
        (
            "In the prespecified subgroup of patients treated in the true second-line setting "
            "(sorafenib as the only prior systemic therapy), median OS was 11.9 months versus "
            "7.6 months.",
            "11.9",
            "second-line",
        ),
        (
            "Among patients with brain metastases at baseline (assessed by blinded central review "
            "at screening and every eight weeks thereafter), median PFS was 8.1 months.",
            "8.1",
            "brain metastases",
        ),
        # myeloma and leukaemia: a chromosomal change's semicolon does not end the clause
        ("In patients with t(4;14), the hazard ratio for PFS was 0.91.", "0.91", "t(4;14)"),
        (
            "Among children with t(9;22)-positive disease, 3-year EFS was 58% with imatinib.",
            "58%",
            "t(9;22)",
        ),
        # myeloma: "The 35 patients with t(11;14) (...) had ...", a bracket of arms inside it
        (
            "The 35 patients with t(11;14) (20 venetoclax, 15 placebo) had the most striking "
            "benefit: median PFS was not reached versus 9.3 months (HR 0.11).",
            "0.11",
            "t(11;14)",
        ),
        # lung cancer: the same
        (
            "The 62 patients with L858R mutations had a smaller benefit: median PFS was 19.0 "
            "months versus 5.5 months (HR 0.41).",
            "0.41",
            "L858R",
        ),
    ],
)
def test_a_figure_of_a_part_of_the_population_says_which(sentence, value, words, vocab):
    phrase = population_phrase(sentence, _figure(sentence, value, vocab))
    assert phrase is not None and words in phrase


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # endometrial cancer: the overall population is no restriction
        ("In the overall population, median PFS was 11.8 months vs 7.9 months.", "11.8"),
        # colorectal cancer: an arm, not a population
        ("Median OS was 10.8 months with the combination.", "10.8"),
        # myeloma: the randomized population
        ("Among all randomized patients, the ORR was 84.6%.", "84.6"),
        # lung cancer: who was randomized is the trial's population, not a part of it
        (
            "Patients with advanced RET fusion-positive NSCLC were randomized to selpercatinib "
            "160 mg orally twice daily or to chemotherapy.",
            "160",
        ),
    ],
)
def test_a_figure_of_the_whole_trial_has_no_population_phrase(sentence, value, vocab):
    assert population_phrase(sentence, _figure(sentence, value, vocab)) is None


def test_responders_are_a_part_of_the_population(vocab):
    # head and neck cancer: a duration of response among one subgroup's responders
    sentence = "Median DoR was 20.9 months in CPS ≥20 responders."
    phrase = population_phrase(sentence, _figure(sentence, "20.9", vocab))
    assert phrase is not None and "CPS ≥20" in phrase


def test_a_list_without_arms_takes_them_from_a_sentence_that_compares_arms(vocab):
    from index.arms import inherit_arms

    def carried(first, second, drugs):
        sentences = [
            (0, first, extract_figures(first, vocab)),
            (len(first) + 1, second, extract_figures(second, vocab)),
        ]
        return [f.scope for f in inherit_arms(sentences, drugs, vocab)[1]]

    # colorectal cancer: "compared with", then "the corresponding rates were 43% and 30%"
    crc = carried(
        "At 6 months, 77% of patients in the combination group were alive, compared with 61% "
        "in the monotherapy group.",
        "At 12 months, the corresponding rates were 43% and 30%.",
        ["trifluridine", "bevacizumab"],
    )
    assert "combination group" in crc[0] and "monotherapy group" in crc[1]
    # prostate cancer: "versus"
    prostate = carried(
        "Radiographic progression was avoided by 68% of patients on enzalutamide versus 52% "
        "of patients on placebo.",
        "At 3 years, the rates were 49% and 31%.",
        ["enzalutamide"],
    )
    assert "enzalutamide" in prostate[0] and "placebo" in prostate[1]


@pytest.mark.parametrize(
    ("first", "second", "drugs", "arms"),
    [
        # gastric cancer: each share said of a count of treated patients, then "respectively"
        (
            "TRAEs of any grade occurred in 94% of the 782 treated patients in the combination "
            "arm and in 89% of the 767 patients on chemotherapy alone.",
            "Grade 3-4 TRAEs were reported in 59% and 44%, respectively.",
            ["nivolumab"],
            ("combination arm", "chemotherapy alone"),
        ),
        # breast cancer: "of all N patients"
        (
            "Neutropenia was reported in 74% of all 2,524 patients given ribociclib and in 5% of "
            "all 2,444 patients given endocrine therapy alone.",
            "Grade 3 or higher neutropenia occurred in 44% and 1%, respectively.",
            ["ribociclib"],
            ("ribociclib", "endocrine therapy alone"),
        ),
    ],
)
def test_the_count_a_share_is_of_does_not_hide_its_arm(first, second, drugs, arms, vocab):
    from index.arms import inherit_arms

    share = extract_figures(first, vocab)[0]
    assert arms[0] in (arm_phrase(share) or "")
    sentences = [
        (0, first, extract_figures(first, vocab)),
        (len(first) + 1, second, extract_figures(second, vocab)),
    ]
    carried = [f.scope for f in inherit_arms(sentences, drugs, vocab)[1]]
    assert arms[0] in carried[0] and arms[1] in carried[1]


@pytest.mark.parametrize(
    ("sentence", "value", "overall"),
    [
        # gastric cancer: numbers inside the phrase do not matter
        ("Across all 1581 randomized patients, median OS was 13.8 months.", "13.8", True),
        ("PFS among all randomized patients was 7.7 months versus 6.9 months.", "6.9", True),
        # head-and-neck cancer: a table row of the whole trial, and one of a part
        ("All randomized | n: 1581 | Median OS, chemo (mo): 11.6", "11.6", True),
        ("CPS ≥5 | n: 955 | Median OS, chemo (mo): 11.1", "11.1", False),
        # endometrial cancer: a part of the population is no whole
        ("In the dMMR/MSI-H population, median PFS was 30.3 months.", "30.3", False),
        ("Among all patients with brain metastases, the ORR was 64%.", "64%", False),
        # lung cancer: "All" before a histology labels a part's row
        ("All nonsquamous | Cis/pem mOS: 11.8 mo | Cis/gem mOS: 10.4 mo", "11.8", False),
        # breast cancer: the same before a receptor status
        ("All HR-positive | Median PFS, T-DXd: 10.1 mo | Chemo: 5.4 mo", "10.1", False),
        # ... but "All patients", "all comers" stay everyone
        ("All patients | Median PFS, T-DXd: 9.9 mo | Chemo: 5.1 mo", "9.9", True),
        # pan-tumour HER2 study: "overall" right after a value, then a part's value
        (
            "Median OS was 13.4 months overall and 21.1 months in IHC 3+ disease.",
            "13.4",
            True,
        ),
        ("Median OS was 13.4 months overall and 21.1 months in IHC 3+ disease.", "21.1", False),
        # colorectal cancer: the same with a bracket after the value
        ("ORR was 22% (95% CI, 15-30) overall and 35% in left-sided tumours.", "22%", True),
        # lung cancer: "overall survival" after a value names an endpoint, not everyone
        ("The 2-year rate was 45% overall survival in the PD-L1-high cohort.", "45%", False),
        # breast cancer: the whole population said once, after both arms' values
        (
            "pCR was 2% in the taselisib arm and 1% in the placebo arm in the ITT population.",
            "2%",
            True,
        ),
        # ... and in a table row's label after its endpoint
        ("pCR, ITT | Taselisib + letrozole: 2% | Placebo + letrozole: 1%", "2%", True),
        ("ORR, PIK3CA-mutant | Taselisib + letrozole: 56.2% | Placebo: 38.0%", "56.2%", False),
        # lung cancer: likewise at the end of a sentence, and not past a part's clause
        (
            "ORR was 62% with osimertinib and 48% with gefitinib in the overall population.",
            "62%",
            True,
        ),
        (
            "ORR was 62% with osimertinib, while among patients with L858R it was 55% in the "
            "intention-to-treat population.",
            "62%",
            False,
        ),
        ("Median PFS, all patients | Osimertinib: 18.9 mo | Gefitinib: 10.2 mo", "18.9", True),
        # endometrial cancer: everyone's figure, a part said to be among them
        (
            "Lenvatinib Plus Pembrolizumab Achieved a 38.0% Response Rate in Advanced "
            "Endometrial Carcinoma, Including Patients With Microsatellite-Stable Tumors",
            "38.0%",
            True,
        ),
        # neuroendocrine tumours and ovarian cancer: a total before its parts' counts
        ("In total we randomised 75 patients: 28 in the pancreatic cohort.", "75", True),
        ("In total 220 patients were randomised: 112 in the BRCA cohort.", "112", False),
        # lung cancer: likewise; but not a part's figure with a part of it among them
        (
            "Responses were seen in 40% of patients, including those with brain metastases.",
            "40%",
            True,
        ),
        (
            "The ORR was 40% in PD-L1-positive patients, including those with high expression.",
            "40%",
            False,
        ),
    ],
)
def test_a_figure_said_of_the_whole_trial_says_so(sentence, value, overall, vocab):
    from index.arms import says_overall

    assert says_overall(sentence, _figure(sentence, value, vocab)) is overall


def test_a_figure_of_patients_in_whom_is_theirs(vocab):
    # Hodgkin lymphoma and colorectal cancer: "in patients X, in whom the HR was"
    hodgkin = (
        "The benefit was most pronounced in patients younger than 60 years, in whom the OS "
        "hazard ratio was 0.51 (95% CI, 0.29-0.89)."
    )
    assert "younger than 60" in population_phrase(hodgkin, _figure(hodgkin, "0.51", vocab))
    crc = "It was greatest among the 96 patients with liver-only disease, in whom the HR was 0.44."
    assert "liver-only" in population_phrase(crc, _figure(crc, "0.44", vocab))


@pytest.mark.parametrize(
    ("sentence", "value", "words"),
    [
        # head-and-neck cancer: a cut-off's population said mid-sentence, for both values
        (
            "OS rose with PD-L1: in CPS ≥1 disease it was 13.6 vs 10.4 months, and in CPS ≥20 "
            "disease it was 14.7 vs 11.0 months.",
            "11.0",
            "CPS ≥20",
        ),
        # lung cancer: a mutation subgroup mid-sentence
        (
            "The benefit held, and among the L858R patients the HR was 0.72.",
            "0.72",
            "L858R",
        ),
        # myeloma: who the patients are, said after them, each group its own ratio
        (
            "Results were consistent in the subgroup of patients aged 70 years or older (HR "
            "1.09) and in patients with ISS stage III disease (HR 0.95).",
            "1.09",
            "aged 70 years or older",
        ),
        (
            "Results were consistent in the subgroup of patients aged 70 years or older (HR "
            "1.09) and in patients with ISS stage III disease (HR 0.95).",
            "0.95",
            "ISS stage III",
        ),
        # myeloma: "in those with ..." after another part's value
        (
            "In triple-class-refractory patients the hazard ratio was 0.47, and in those with "
            "high-risk cytogenetics it was 0.63.",
            "0.63",
            "high-risk cytogenetics",
        ),
        # colorectal cancer: the figure's own clause names its part after a back reference
        (
            "In that group the hazard ratio for death was 0.68 (95% CI, 0.52-0.89), while among "
            "patients with no prior exposure to bevacizumab it was 0.41.",
            "0.41",
            "no prior exposure",
        ),
        # colorectal cancer: the same shape
        (
            "The PFS2 benefit was seen in patients with right-sided primaries (HR 0.66) and in "
            "patients aged 65 or older (HR 0.83).",
            "0.66",
            "right-sided",
        ),
        # prostate cancer: the part said right before the second figure's bracket, after
        # another part's bracketed figure
        (
            "By risk group, the benefit appeared larger in men with intermediate-risk disease "
            "(HR for progression, 0.31) than in those with low-risk disease (HR, 0.63).",
            "0.63",
            "low-risk",
        ),
        # kidney cancer: the same
        (
            "The benefit was seen in patients with poor-risk disease (HR 0.59) as well as in "
            "patients with intermediate-risk disease (HR 0.73).",
            "0.73",
            "intermediate-risk",
        ),
        # oesophageal cancer: after a split is named ("by histology"), the words after each
        # value are its part
        (
            "In a prespecified subgroup analysis by histology, the hazard ratio for death was "
            "0.82 in adenocarcinoma and 1.02 in squamous cell carcinoma.",
            "0.82",
            "adenocarcinoma",
        ),
        # lung cancer: the same, opened by "By histology,"
        (
            "By histology, the HR for OS was 0.70 in squamous and 0.85 in nonsquamous disease.",
            "0.70",
            "squamous",
        ),
        # kidney cancer: "the small cohort with sarcomatoid features (HR 0.29 ...)"
        (
            "The one subgroup suggesting benefit was the small cohort with sarcomatoid features "
            "(HR 0.29; 95% CI, 0.09-0.91), but the number of events was small.",
            "0.29",
            "sarcomatoid",
        ),
        # breast cancer: the same with a subgroup
        (
            "Benefit was largest in the subgroup with ESR1 mutations (HR 0.55) and smaller "
            "otherwise.",
            "0.55",
            "ESR1",
        ),
    ],
)
def test_a_part_of_the_population_named_mid_sentence_is_the_figures(sentence, value, words, vocab):
    assert words in population_phrase(sentence, _figure(sentence, value, vocab))


@pytest.mark.parametrize(
    "sentence",
    [
        # lung cancer and hepatocellular carcinoma: a count, a figure with its arm
        "Grade 5 events occurred in two patients (0.8%) in the combination arm.",
        "TRAEs led to discontinuation in 8.2% of STRIDE patients and 11.0% of those on sorafenib.",
        # gastric cancer: an opening clause that holds a figure is no population (a guard)
        "In patients aged 70 years or older (approximately one quarter of the population) the "
        "HR for death was 0.82.",
        # myeloma and lung cancer: a count of patients with an event (guards)
        "Grade 3 rash occurred in 12 patients with the combination (8%).",
        "Pneumonitis led to death in two patients with prior radiotherapy.",
    ],
)
def test_a_count_or_an_arm_mid_sentence_is_no_part_of_the_population(sentence, vocab):
    figures = extract_figures(sentence, vocab)
    assert all(population_phrase(sentence, f) is None for f in figures)


@pytest.mark.parametrize(
    ("row", "value", "phrase"),
    [
        # bladder: a renal-function cut-off labels a subgroup row
        (
            "EFS HR, CrCl >= 60 mL/min | Arm A (n=533): -- | Arm B (n=530): -- | "
            "HR (95% CI): 0.67 (0.54-0.83)",
            "0.67",
            "CrCl >= 60 mL/min",
        ),
        # lymphoma: a performance-status cut-off
        ("PFS HR, ECOG PS <2 | HR (95% CI): 0.58 (0.40-0.85)", "0.58", "ECOG PS <2"),
    ],
)
def test_a_table_row_labelled_by_a_cut_off_is_a_subgroup(row, value, phrase, vocab):
    fig = next(f for f in extract_figures(row, vocab) if f.value == value)
    assert population_phrase(row, fig) == phrase


def test_an_endpoint_row_is_no_subgroup(vocab):
    row = "EFS at 24 months | Arm A (n=533): 67.8% | Arm B (n=530): 59.8% | HR (95% CI): 0.68"
    fig = next(f for f in extract_figures(row, vocab) if f.value == "0.68")
    assert population_phrase(row, fig) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "In the dMMR/MSI-H group, the OS hazard ratio was 0.30.",  # endometrial
        "In the HBV-positive group, median OS was 19.2 months.",  # liver
    ],
)
def test_a_group_named_by_a_biomarker_is_a_part_of_the_population(sentence, vocab):
    fig = extract_figures(sentence, vocab)[0]
    assert population_phrase(sentence, fig) is not None


@pytest.mark.parametrize(
    ("sentence", "value", "after"),
    [
        # lung cancer: each ratio with its mutation group
        (
            "The hazard ratio was 0.14 in patients with exon 19 deletions and 0.20 in those "
            "with L858R.",
            "0.20",
            "in those with L858R.",
        ),
        # cervical cancer: an opening clause is no group said after the value
        (
            "In an exploratory analysis by disease stage, the OS hazard ratio was 0.57.",
            "0.57",
            None,
        ),
    ],
)
def test_the_group_said_right_after_a_figure(sentence, value, after, vocab):
    from index.arms import population_after

    fig = next(f for f in extract_figures(sentence, vocab) if f.value == value)
    assert population_after(fig) == after


def test_values_each_with_their_own_group_keep_them_over_the_arms_before(vocab):
    from index.arms import inherit_arms

    # lung cancer interview: a list of arms, then ratios each with a mutation group
    first = "At 24 months, 65% of patients on osimertinib and 13% on placebo were alive."
    second = "The HR was 0.14 in patients with exon 19 deletions and 0.20 in those with L858R."
    sentences = [
        (0, first, extract_figures(first, vocab)),
        (len(first) + 1, second, extract_figures(second, vocab)),
    ]
    _, figs = inherit_arms(sentences, ["osimertinib"], vocab)
    assert all("osimertinib" not in f.scope and "placebo" not in f.scope for f in figs)


@pytest.mark.parametrize(
    ("sentence", "value", "after"),
    [
        # head and neck: "13.7% of patients with CPS≥10 disease"
        (
            "mPR occurred in 13.7% of patients with CPS≥10 disease and 9.4% overall.",
            "13.7%",
            "of patients with CPS≥10 disease and 9.4% overall.",
        ),
        # lung cancer: "of those with PD-L1 >=50%"
        (
            "Responses were seen in 45% of those with PD-L1 ≥50%.",
            "45%",
            "of those with PD-L1 ≥50%.",
        ),
    ],
)
def test_a_share_of_patients_with_a_score_cut_off_is_that_groups(sentence, value, after, vocab):
    from index.arms import population_after
    from index.figures import SCORE_CUT, score_cut_key

    fig = next(f for f in extract_figures(sentence, vocab) if f.value == value)
    phrase = population_after(fig)
    assert phrase is not None and after.startswith(phrase.rstrip(". "))
    assert [score_cut_key(m) for m in SCORE_CUT.finditer(phrase)]


@pytest.mark.parametrize(
    ("sentence", "value", "words"),
    [
        # breast cancer: the part named after the pair is the first value's too
        (
            "Median PFS was 2.8 months with elacestrant versus 1.9 months with SOC in all "
            "patients, and 3.8 versus 1.9 months in the ESR1-mutated subgroup.",
            "3.8",
            "ESR1-mutated",
        ),
        # head and neck cancer: the same with percentages and a bracket between
        (
            "The ORR was 42.1% versus 36.0% (difference 6.1) in patients with a CPS of 20 or more.",
            "42.1%",
            "CPS of 20",
        ),
    ],
)
def test_the_part_named_after_a_pair_of_values_is_both_values(sentence, value, words, vocab):
    phrase = population_phrase(sentence, _figure(sentence, value, vocab))
    assert phrase is not None and words in phrase


@pytest.mark.parametrize(
    ("sentence", "value", "overall"),
    [
        # lung cancer: "the same group" is the overall group named before it
        (
            "The median time to response in the overall 12 mg/kg group was 1.4 months, and the "
            "median duration of response for the same group was 5.3 months.",
            "5.3",
            True,
        ),
        # breast cancer: "the same subgroup" is the HER2-low subgroup named before it
        (
            "In the HER2-low subgroup the ORR was 52.3%, and the median DOR in the same "
            "subgroup was 10.7 months.",
            "10.7",
            False,
        ),
    ],
)
def test_the_same_group_is_the_group_the_sentence_named_before(sentence, value, overall, vocab):
    from index.arms import says_overall

    fig = _figure(sentence, value, vocab)
    phrase = population_phrase(sentence, fig)
    if overall:
        assert phrase is None and says_overall(sentence, fig)
    else:
        assert phrase is not None and "HER2-low" in phrase


def test_an_arm_named_by_a_regimen_with_digits_is_an_arm(vocab):
    # colorectal cancer (mFOLFOX6, TAS-102); a bare number after a value is no arm
    for sentence, value, arm in [
        ("ORR was 60.9% with EC + mFOLFOX6 versus 40.0% with control.", "60.9", "mFOLFOX6"),
        ("Median OS was 10.8 months with TAS-102 plus bevacizumab.", "10.8", "TAS-102"),
    ]:
        phrase = arm_phrase(_figure(sentence, value, vocab))
        assert phrase is not None and arm in phrase, phrase
    assert arm_phrase(_figure("ORR was 41% at 12 months.", "41", vocab)) is None


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # CLL: the interval said in words after the hazard ratio
        (
            "The hazard ratio for progression or death was 0.17, with a 95 percent confidence "
            "interval of 0.11 to 0.25, and the P value was less than 0.001.",
            "0.17",
        ),
        # cervical cancer
        (
            "The hazard ratio for death was 0.70, with a 95% confidence interval of 0.54 to 0.89.",
            "0.70",
        ),
    ],
)
def test_a_figures_interval_said_in_words_is_no_arm_or_part(sentence, value, vocab):
    from index.arms import qualifier_phrase

    assert qualifier_phrase(sentence, _figure(sentence, value, vocab)) == ""


@pytest.mark.parametrize(
    ("sentence", "value", "arm"),
    [
        # urothelial cancer: a dash ends the arm's words
        (
            "Median OS was 31.5 months with EV+P vs 16.1 months with chemotherapy — a "
            "difference of more than 15 months.",
            "16.1",
            "with chemotherapy",
        ),
        # prostate cancer
        (
            "Median rPFS was 16.6 months with the combination vs 13.7 months with placebo - a "
            "gain of three months.",
            "13.7",
            "with placebo",
        ),
    ],
)
def test_a_dash_ends_the_arm_said_after_a_value(sentence, value, arm, vocab):
    from index.arms import qualifier_phrase

    assert qualifier_phrase(sentence, _figure(sentence, value, vocab)) == arm


@pytest.mark.parametrize(
    ("sentence", "value", "phrase"),
    [
        # urothelial cancer: an interview's answer opens with the speaker's name
        (
            "Roque-Whitfield: In patients with a combined positive score of 10 percent or more, "
            "median overall survival was 8.0 months with pembrolizumab.",
            "8.0",
            "In patients with a combined positive score of 10 percent or more",
        ),
        # mesothelioma: a speaker in bold markdown
        (
            "**Dr. Okafor:** Among patients with epithelioid histology, median OS was 18.1 months.",
            "18.1",
            "Among patients with epithelioid histology",
        ),
    ],
)
def test_a_speakers_answer_keeps_its_opening_clause(sentence, value, phrase, vocab):
    from index.arms import population_phrase
    from index.figures import extract_figures

    fig = next(f for f in extract_figures(sentence, vocab) if f.value.startswith(value))
    assert population_phrase(sentence, fig) == phrase


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # breast cancer: arms named by codes after their values
        (
            "5-year DFS was 75% with AC-T, 84% with AC-TH and 81% with TCH.",
            ["AC-T", "AC-TH", "TCH"],
        ),
        # glioma and Hodgkin lymphoma: "the X arm", a joiner inside the code
        ("Grade 3 neutropenia was common in the PCV arm.", ["PCV"]),
        ("The A+AVD arm had more neuropathy; 77.2% with ABVD.", ["A+AVD", "ABVD"]),
        # colorectal cancer and lymphoma: the code of the arm given alone
        ("Median OS was 12.9 months versus 10.8 months with FOLFOX4 alone.", ["FOLFOX4"]),
        ("Five-year PFS was 88% with R-CHOP alone and 91% with lenalidomide.", ["R-CHOP"]),
        # no code: a stage, a person, a single capital, a company
        ("Benefit was seen in stage IIIA arm patients and 0.61 with IIIA.", []),
        ("The Castanier-Roux group and 12% on AstraZeneca.", []),
    ],
)
def test_the_codes_an_article_names_its_arms_by(text, codes):
    assert regimen_codes(text) == codes


@pytest.mark.parametrize(
    ("text", "code", "said"),
    [
        ("84% with AC-TH", "AC-T", False),  # breast cancer: "AC-T" is not said by "AC-TH"
        ("75% with AC-T, 84% ...", "AC-T", True),
        ("with R-CHOP", "CHOP", False),  # lymphoma: CHOP is not R-CHOP
        ("CHOP alone", "CHOP", True),
        # colorectal cancer and lymphoma: "-only" joined to the code still says it
        ("12 month OS for the FOLFOX4-only arm", "FOLFOX4", True),
        ("PFS in the R-CHOP-alone group", "R-CHOP", True),
        ("R-CHOP-14 arm", "R-CHOP", False),
        # colorectal cancer and lymphoma: a drug's short name joined to the code says it with
        # that drug
        ("mOS FOLFOXIRI/bev arm?", "FOLFOXIRI", True),
        ("median PFS2 w/ upfront FOLFOXIRI-bev?", "FOLFOXIRI", True),
        ("PFS in the R-CHOP/len arm", "R-CHOP", True),
        ("R-CHOP-X arm", "R-CHOP", False),
    ],
)
def test_a_regimens_code_is_named_whole(text, code, said):
    assert names_code(text, code) is said


@pytest.mark.parametrize(
    ("question", "letters"),
    [
        ("PFS HR arm C vs arm A in the ovarian trial?", {"A", "C"}),  # ovarian cancer
        ("upper bound of the 95% CI for the arm C vs A PFS HR", {"A", "C"}),
        ("p value for arm B vs arm A pCR?", {"A", "B"}),  # breast cancer
        ("CR rate in arms A and B of the CNS lymphoma trial", {"A", "B"}),  # lymphoma
        ("what was the ORR in the chemo arm?", set()),
    ],
)
def test_arm_letters_of_a_question(question, letters):
    assert arm_letters(question) == letters


@pytest.mark.parametrize(
    ("sentence", "letters"),
    [
        # ovarian cancer: each value's letter said after it, or before it since the last value
        (
            "Maintenance cediranib (arm C) extended median PFS to 11.0 months vs 8.7 months "
            "with placebo (arm A).",
            {"11.0 months": "C", "8.7 months": "A"},
        ),
        # breast cancer, four arms: a "respectively" list takes the letters by place
        (
            "Five-year DFS was 81%, 84%, 80% and 75% in arms A, B, C and D, respectively.",
            {"81%": "A", "84%": "B", "80%": "C", "75%": "D"},
        ),
        # lymphoma: a table whose cells are headed by the arms' letters
        (
            "CR rate | Arm A: MA (n=75): 23% | Arm B: R-MA (n=69): 30% | Arm C: MATRix (n=75): 49%",
            {"23%": "A", "30%": "B", "49%": "C"},
        ),
        # breast and ovarian cancer: the letter said after the value's own bracket
        (
            "Compared with Arm A, the hazard ratio for IDFS was 0.89 (95% CI, 0.73-1.08; P = "
            ".21) for Arm B and 0.84 (95% CI, 0.69-1.02; P = .09) for Arm C.",
            {"0.89": "B", "0.84": "C"},
        ),
        (
            "Against placebo, the PFS hazard ratio was 0.70 (95% CI, 0.56-0.87) for arm C and "
            "0.93 (95% CI, 0.76-1.14) for arm B.",
            {"0.70": "C", "0.93": "B"},
        ),
    ],
)
def test_the_lettered_arm_a_value_belongs_to(vocab, sentence, letters):
    found = {
        f.value: "".join(sorted(figure_arm_letters(sentence, f)))
        for f in extract_figures(sentence, vocab)
    }
    assert {v: found.get(v) for v in letters} == letters


@pytest.mark.parametrize(
    ("sentence", "value", "words"),
    [
        # childhood leukaemia and neuroblastoma: children are a part of the population
        ("Among children younger than 10 years, 5-year EFS was 91%.", "91%", "children"),
        (
            "In children with MYCN-amplified tumours, the 3-year EFS was 59%.",
            "59%",
            "MYCN-amplified",
        ),
    ],
)
def test_children_are_a_part_of_the_population(sentence, value, words, vocab):
    phrase = population_phrase(sentence, _figure(sentence, value, vocab))
    assert phrase is not None and words in phrase


@pytest.mark.parametrize(
    ("sentence", "value", "words"),
    [
        # endometrial and lung cancer: an analysis "focusing on" or "restricted to" patients
        # with a trait is theirs
        (
            "A longer-term update, focusing on patients with TP53 wild-type tumors, reported "
            "median PFS of 28.4 months with selinexor vs 5.2 months with placebo.",
            "28.4 months",
            "TP53 wild-type",
        ),
        (
            "An exploratory analysis restricted to patients with brain metastases at baseline "
            "reported an intracranial ORR of 60% with osimertinib.",
            "60%",
            "brain metastases",
        ),
    ],
)
def test_an_analysis_restricted_to_patients_with_a_trait_is_theirs(sentence, value, words, vocab):
    phrase = population_phrase(sentence, _figure(sentence, value, vocab))
    assert phrase is not None and words in phrase and "reported" not in phrase


@pytest.mark.parametrize(
    ("phrase", "overall"),
    [
        # cutaneous SCC: everyone treated, by their count alone
        ("Across the 159 treated patients", True),
        # lung cancer: the same for everyone randomised (a guard)
        ("Among the 1,204 randomized patients", True),
        # ... not a part counted (a guard)
        ("Among the 72 patients with brain metastases", False),
    ],
)
def test_everyone_counted_is_the_whole_population(phrase, overall):
    assert is_overall(phrase) is overall


def test_all_cause_and_all_grade_name_no_whole_population():
    # cancer-associated thrombosis and lung cancer: "All-cause mortality", "All-grade AEs" are
    # kinds of events; "All patients", "all-comers" stay everyone (guards)
    assert not is_overall("All-cause mortality")
    assert not is_overall("All-grade adverse events")
    assert is_overall("All patients (n = 841)")
    assert is_overall("all-comers")


@pytest.mark.parametrize(
    ("sentence", "value", "words"),
    [
        # neuroendocrine and breast cancer: a later clause names its own figure's part, not
        # the sentence's opening one
        (
            "Among patients with prior chemotherapy, median PFS was 11.0 vs 3.2 months (HR "
            "0.34), and in chemotherapy-naive patients it was 11.4 vs 5.4 months (HR 0.42).",
            "0.42",
            "chemotherapy-naive",
        ),
        (
            "In patients with HER2-positive tumours, the HR was 0.60, and in patients with "
            "HER2-negative tumours it was 0.95.",
            "0.95",
            "HER2-negative",
        ),
    ],
)
def test_a_later_clause_names_its_own_figures_part(sentence, value, words, vocab):
    phrase = population_phrase(sentence, _figure(sentence, value, vocab))
    assert phrase is not None and words in phrase, phrase


@pytest.mark.parametrize(
    ("sentence", "value", "words"),
    [
        # oesophageal cancer: a benefit said to hold in a part of the population frames the
        # values after it
        (
            "The survival advantage held in patients whose tumours had a PD-L1 combined positive "
            "score (CPS) of 10 or more, the trial's second primary population, with median OS "
            "of 17.2 months vs 13.6 months (HR 0.64; 95% CI, 0.48-0.85).",
            "17.2",
            "combined positive score",
        ),
        # lung cancer: the same, said as "was maintained"
        (
            "The benefit was maintained in patients with brain metastases at baseline, with a "
            "median PFS of 10.2 vs 4.8 months.",
            "10.2",
            "brain metastases",
        ),
    ],
)
def test_a_benefit_said_to_hold_in_a_part_frames_its_values(sentence, value, words, vocab):
    phrase = population_phrase(sentence, _figure(sentence, value, vocab))
    assert phrase is not None and words in phrase, phrase


@pytest.mark.parametrize(
    ("sentence", "value", "part"),
    [
        # prostate cancer: a kind of disease said after a ratio's bracket
        (
            "The rPFS benefit was observed in both groups: HR 0.60 (95% CI 0.44-0.80) in "
            "high-volume disease and HR 0.30 (95% CI 0.15-0.60) in low-volume disease.",
            "0.30",
            "in low-volume disease",
        ),
        # myeloma: the same for a risk group
        (
            "The PFS benefit held: HR 0.57 in standard-risk disease and HR 0.71 in high-risk "
            "disease.",
            "0.71",
            "in high-risk disease",
        ),
    ],
)
def test_a_kind_of_disease_after_a_figure_is_its_part(sentence, value, part, vocab):
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == value)
    assert population_phrase(sentence, fig) == part


def test_a_disease_progressing_is_no_part(vocab):
    # lung and kidney cancer: "in progressive disease" says no part (a guard)
    sentence = "The HR was 0.62 in progressive disease assessments by central review."
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == "0.62")
    assert population_phrase(sentence, fig) is None


@pytest.mark.parametrize(
    ("sentence", "value", "arm"),
    [
        # colorectal cancer: two drugs one abbreviation names are one arm with the drug after
        (
            "Median PFS was 8.8 months with fluorouracil and folinic acid (FU/FA) plus "
            "panitumumab versus 5.7 months with FU/FA alone.",
            "8.8",
            "with fluorouracil and folinic acid (FU/FA) plus panitumumab",
        ),
        # gastric cancer: the same
        (
            "Median OS was 13.8 months with capecitabine and oxaliplatin (CAPOX) plus nivolumab "
            "versus 11.6 months with CAPOX alone.",
            "13.8",
            "with capecitabine and oxaliplatin (CAPOX) plus nivolumab",
        ),
        # lung cancer: "and" between two arms' values still ends the first arm (a guard)
        (
            "Median OS was 12.0 months with nivolumab and 9.0 months with docetaxel.",
            "12.0",
            "with nivolumab",
        ),
    ],
)
def test_an_arm_of_two_drugs_one_abbreviation_names_is_whole(sentence, value, arm, vocab):
    fig = next(f for f in extract_figures(sentence, vocab) if f.value.startswith(value))
    assert arm_phrase(fig) == arm


@pytest.mark.parametrize(
    ("sentence", "value", "part"),
    [
        # ovarian cancer: a pair's part ends before the next pair of values
        (
            "Median PFS of 21.0 months vs 5.5 months in germline BRCA-mutated cohort and 9.3 "
            "months vs 3.9 months in non-germline BRCA-mutated cohort",
            "21.0",
            "in germline BRCA-mutated cohort",
        ),
        # breast cancer: the same
        (
            "Median PFS was 5.5 vs 3.8 months in patients with ESR1 mutations and 3.9 vs 3.7 "
            "months in those without",
            "5.5",
            "in patients with ESR1 mutations",
        ),
    ],
)
def test_a_pairs_part_ends_before_the_next_pair(sentence, value, part, vocab):
    fig = next(f for f in extract_figures(sentence, vocab) if f.value.startswith(value))
    assert population_phrase(sentence, fig) == part
