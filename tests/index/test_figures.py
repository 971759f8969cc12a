"""Known values: sentences from the seed articles, figures as the articles report them."""

import re

import pytest

from index.figures import AGE_LIMIT, extract_figures, ihc_scores, named_values

RESPECTIVELY = (
    "Additional data revealed that the ORR and DCR, respectively, were 56.3% (95% CI, "
    "37.7%-73.6%) and 96.9% (95% CI, 83.8%-99.9%) among those who received second-line therapy "
    "(n = 32) and 45.7% (95% CI, 36.0%-55.7%) and 84.8% (95% CI, 76.4%-91.0%) in patients who "
    "received treatment in the third-line setting and beyond (n = 105)."
)
ARMS = (
    "At a median follow-up of 15 months, median progression-free survival more than doubled from "
    "2.1 months with atezolizumab alone to 5.4 months with the combination therapy (hazard ratio "
    "[HR] = 0.54; P < .0001), and median overall survival improved from 10.6 months with "
    "atezolizumab alone to 13.2 months with the combination therapy (HR = 0.73; P = .0174)."
)


def _by_value(sentence, vocab):
    return {f.value: f for f in extract_figures(sentence, vocab)}


def test_respectively_lists_give_each_value_its_endpoint_and_subgroup(vocab):
    figs = _by_value(RESPECTIVELY, vocab)
    assert figs["56.3%"].endpoint == "ORR" and "second-line" in figs["56.3%"].scope
    assert figs["96.9%"].endpoint == "DCR"
    assert figs["45.7%"].endpoint == "ORR" and "third-line" in figs["45.7%"].scope
    assert figs["84.8%"].endpoint == "DCR"
    assert figs["56.3%"].detail == "(95% CI, 37.7%-73.6%)"
    assert figs["32"].endpoint == "enrollment"  # "(n = 32)"


def test_arms_and_labelled_statistics(vocab):
    figs = _by_value(ARMS, vocab)
    assert figs["15 months"].endpoint == "follow-up"
    assert figs["2.1 months"].endpoint == "PFS" and "alone" in figs["2.1 months"].scope
    assert figs["5.4 months"].endpoint == "PFS" and "combination" in figs["5.4 months"].scope
    assert figs["13.2 months"].endpoint == "OS"
    assert figs["0.54"].endpoint == "HR" and figs["0.73"].endpoint == "HR"
    assert figs[".0174"].endpoint == "P value"


def test_lone_parenthesised_rates_and_list_items(vocab):
    s = (
        "TRAEs leading to dose reduction, dose delay, and treatment discontinuation occurred in "
        "25.5%, 15.3%, and 9.5% of patients, respectively."
    )
    figs = _by_value(s, vocab)
    assert figs["25.5%"].endpoint == "dose reduction"
    assert figs["15.3%"].endpoint == "dose interruption"
    assert figs["9.5%"].endpoint == "discontinuation"
    nausea = _by_value("the most common TRAEs included nausea (43.1%) and anemia (34.3%).", vocab)
    assert set(nausea) == {"43.1%", "34.3%"}


def test_years_phases_and_identifiers_are_not_figures(vocab):
    s = "The phase 2 IDeate-Lung01 trial (NCT05280470) reported in 2025 on B7-H3 in grade 3 cases."
    assert extract_figures(s, vocab) == []


# Sentences of the project's held-out articles (bench/heldout), figures as the articles report them
def test_ratio_estimates_without_a_label_sign(vocab):
    dellphi = (
        "Median overall survival (OS), the trial's primary end point, was 13.6 months (95% CI, "
        "11.1-not reached) with tarlatamab versus 8.3 months (95% CI, 7.0-10.2) with chemotherapy, "
        "for a hazard ratio (HR) for death of 0.60 (95% CI, 0.47-0.77; P < .001)."
    )
    figs = _by_value(dellphi, vocab)
    assert figs["0.60"].endpoint == "HR" and figs["0.60"].detail.startswith("(95% CI, 0.47")
    keynote = "(HR 0.78, 95% CI 0.70-0.87, P<0.0001)"
    assert _by_value(keynote, vocab)["0.78"].endpoint == "HR"


def test_counts_with_thousands_separators_and_arm_sizes(vocab):
    s = (
        "KEYNOTE-859 (NCT03675737) was a double-blind, placebo-controlled trial that randomized "
        "1,579 previously untreated patients 1:1 to pembrolizumab 200 mg (n=790) or placebo "
        "(n=789) every 3 weeks for up to 35 cycles."
    )
    figs = _by_value(s, vocab)
    assert figs["1,579"].endpoint == "enrollment" and figs["1,579"].unit == "count"
    assert figs["790"].endpoint == "enrollment"


def test_a_landmark_describes_the_rate_after_it(vocab):
    s = (
        "The 12-month OS rate was 53% in the tarlatamab arm compared with 37% in the "
        "chemotherapy arm."
    )
    figs = _by_value(s, vocab)
    assert set(figs) == {"53%", "37%"}  # "12-month" is not a figure of its own
    assert figs["37%"].endpoint == "OS" and "chemotherapy" in figs["37%"].scope


def test_respectively_after_the_values_keeps_the_earlier_lists_intact(vocab):
    s = (
        "Responses were seen in 35% of patients treated with tarlatamab, compared with 20% of "
        "those who received chemotherapy, and responses to the bispecific tended to last longer, "
        "with a median duration of response of 6.9 months versus 5.5 months. The disease control "
        "rate was 68% and 62%, respectively."
    )
    figs = _by_value(s, vocab)
    assert "tarlatamab" in figs["35%"].scope and "chemotherapy" in figs["20%"].scope
    assert figs["6.9 months"].endpoint == "DOR"


@pytest.mark.parametrize(
    ("sentence", "kept", "dropped"),
    [
        # mesothelioma: the time point of a landmark rate is not a median
        ("At 36 months, 23% of patients on the combination were alive.", ["23%"], ["36 months"]),
        # ovarian cancer: "alive at" a time point
        ("Overall, 67.0% of patients were alive at 84 months.", ["67.0%"], ["84 months"]),
        # small-cell lung cancer: "from ... to ..." reports both values
        (
            "Median OS improved from 10.6 months with atezolizumab alone to 13.2 months.",
            ["10.6 months", "13.2 months"],
            [],
        ),
        # myeloma and lung cancer: time points listed before the one that carries the unit
        (
            "PFS rates at 1, 2 and 3 years were 98%, 93% and 91% with lenalidomide.",
            ["98%", "93%", "91%"],
            ["1", "2", "3 years"],
        ),
        (
            "OS rates after 6, 12 and 24 months were 80%, 61% and 40% with osimertinib.",
            ["80%", "61%", "40%"],
            ["6", "12", "24 months"],
        ),
    ],
)
def test_a_time_point_is_no_result_but_a_value_reached_is(sentence, kept, dropped, vocab):
    values = [f.value for f in extract_figures(sentence, vocab)]
    assert all(k in values for k in kept), values
    assert not any(d in values for d in dropped), values


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # ALK-positive lung cancer and melanoma: a follow-up is not the endpoint it follows
        (
            "Median follow-up for PFS was 60.2 months in the lorlatinib arm and 55.1 months in "
            "the crizotinib arm.",
            "60.2 months",
        ),
        ("The median follow-up for overall survival was 38.4 months.", "38.4 months"),
    ],
)
def test_a_follow_up_for_an_endpoint_measures_the_follow_up(sentence, value, vocab):
    assert _by_value(sentence, vocab)[value].endpoint == "follow-up"


def test_a_cell_of_slashed_values_gives_each_its_column(vocab):
    # ovarian cancer and breast cancer safety tables: "any grade / grade >=3" in one cell
    ovarian = (
        "Any adverse event | Olaparib, any grade: 98% | Olaparib, grade >=3: 39% | "
        "Placebo, any grade / grade >=3: 92% / 19%"
    )
    figs = _by_value(ovarian, vocab)
    assert "any grade" in figs["92%"].scope and "grade >=3" not in figs["92%"].scope
    assert figs["19%"].scope.startswith("Placebo, grade >=3")
    breast = "Neutropenia | Chemotherapy, any grade / grade ≥3: 85% / 40%"
    figs = _by_value(breast, vocab)
    assert figs["40%"].scope.startswith("Chemotherapy, grade ≥3")
    assert figs["85%"].scope.startswith("Chemotherapy, any grade")


def test_a_score_cut_off_is_not_a_figure(vocab):
    # gastric and head-and-neck cancer: "CPS ≥5" says who, the HR is the figure
    figs = _by_value("In CPS ≥5 patients, the OS hazard ratio was 0.70 (95% CI, 0.61-0.81).", vocab)
    assert "≥5" not in figs and figs["0.70"].endpoint == "HR"
    figs = _by_value("Among patients with a CPS ≥20, median OS was 14.9 months.", vocab)
    assert list(figs) == ["14.9 months"]


def test_the_arms_values_in_brackets_after_an_endpoint_are_its_figures(vocab):
    # Hodgkin lymphoma and breast cancer: "neuropathy (67% vs 43%)"
    figs = _by_value(
        "Peripheral neuropathy was more frequent with brentuximab (67% vs 43%), including "
        "grade 3 or higher neuropathy in 11% vs 2%.",
        vocab,
    )
    assert figs["67%"].endpoint == "peripheral neuropathy" and "43%" in figs
    figs = _by_value("Diarrhea was common with abemaciclib (83.5% versus 8.6%).", vocab)
    assert {"83.5%", "8.6%"} <= set(figs)
    # a lone bracketed rate stays one figure, a CI is no figure
    assert "95%" not in _by_value("The ORR was 41% (95% CI, 33-49).", vocab)


@pytest.mark.parametrize(
    ("text", "cuts"),
    [
        # Hodgkin lymphoma, lung and prostate cancer: ages said in every way
        ("OS HR in pts <60 yo?", {"age<60"}),
        ("in patients younger than 60 years, in whom the HR was 0.51", {"age<60"}),
        ("ORR in patients aged 65 or older", {"age>=65"}),
        ("among men 75 years or older", {"age>=75"}),
        # thyroid and myeloma: the cut from below, said after the age
        ("patients aged 65 years or younger had a median PFS of", {"age<65"}),
        ("transplant-ineligible patients 75 and younger", {"age<75"}),
        # ALL and myeloma: "and older", "and over" from above
        ("E1910 OS HR in pts 55 and older?", {"age>=55"}),
        ("among patients 65 and over, the HR was 0.70", {"age>=65"}),
        # breast and prostate cancer: a bare cut after women or men, "<=" typed for "≤"
        ("MINDACT women ≤50: 8-yr DMFS chemo vs no chemo?", {"age<50"}),
        ("10-yr OS in men <=70 yrs?", {"age<70"}),
        # Ewing sarcoma and Wilms tumour: "18+" after the patients, a child's one-digit age
        ("5-yr EFS for pts 18+ in AEWS0031?", {"age>=18"}),
        ("EFS in children under 2 years, AV vs AVD?", {"age<2"}),
        ("children younger than 2 years at diagnosis had", {"age<2"}),
        # not ages: a size, a score band (guards)
        ("DFS for tumours under 5 cm", set()),
        ("ORR in CPS 10+ pts", set()),
        ("grade 3 and above", set()),
        # not ages: a grade, a P value, a threshold in a yes/no question
        ("grade >=3 AEs", set()),
        ("HR 0.59 (P <.001)", set()),
        ("was mOS > 20 months?", set()),
        ("ORR <50%", set()),
    ],
)
def test_an_age_cut_off_is_read_however_it_is_said(text, cuts):
    from index.figures import age_cuts

    assert age_cuts(text) == cuts


def test_progressive_disease_as_best_response_is_no_response_rate(vocab):
    # renal cancer and melanoma response tables
    renal = _by_value(
        "Progressive disease as best response | Lenvatinib + pembrolizumab (n = 355): 5.4% | "
        "Sunitinib (n = 357): 14.0%",
        vocab,
    )
    assert renal["5.4%"].endpoint == "PD"
    melanoma = _by_value("Stable disease was recorded in 21% of patients.", vocab)
    assert melanoma["21%"].endpoint == "SD"


def test_two_values_share_the_unit_said_once(vocab):
    # head-and-neck and breast cancer: "14.7 vs 11.0 months", "16.4 and 13.8 months"
    figs = _by_value("In CPS ≥20 disease median OS was 14.7 vs 11.0 months (HR 0.60).", vocab)
    assert figs["14.7"].unit == "time" and figs["14.7"].endpoint == "OS"
    figs = _by_value("Median PFS was 16.4 and 13.8 months, respectively.", vocab)
    assert figs["16.4"].unit == "time" and figs["16.4"].endpoint == "PFS"
    # a range is no pair of figures
    assert "5" not in _by_value("PFS ranged from 5 to 7 months.", vocab)


def test_an_absolute_difference_in_percentage_points_is_a_figure(vocab):
    # breast cancer and lung cancer
    figs = _by_value(
        "At 5 years, IDFS was 83.6% vs 76.0%, an absolute difference of 7.6 percentage points.",
        vocab,
    )
    assert figs["7.6 percentage points"].endpoint == "absolute difference"
    assert figs["83.6%"].endpoint == "IDFS"
    figs = _by_value("The absolute gain in 3-year OS was 9 percentage points (58% vs 49%).", vocab)
    assert figs["9 percentage points"].endpoint == "absolute difference"


@pytest.mark.parametrize(
    ("sentence", "endpoint"),
    [
        # breast cancer and melanoma: "respectively" over arms named before, not a list of items
        (
            "That gap has widened: at 4 years, the IDFS rates were 85.8% and 79.4%, respectively.",
            "IDFS",
        ),
        ("At 3 years, the OS rates were 58% and 49%, respectively.", "OS"),
    ],
)
def test_respectively_over_arms_leaves_both_values_their_endpoint(sentence, endpoint, vocab):
    figures = extract_figures(sentence, vocab)
    assert [f.endpoint for f in figures if f.unit == "percent"] == [endpoint, endpoint]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # bladder: the HR of a composite endpoint, its events listed before the value
        (
            "In the control group it was 59.8% (HR for progression, recurrence, failure to "
            "undergo surgery or death, 0.68; 95% CI, 0.56-0.82; P<0.001).",
            "0.68",
        ),
        # myeloma: "HR for death" without "was"
        ("Survival favoured the triplet (HR for death 0.74; 95% CI, 0.60-0.91).", "0.74"),
    ],
)
def test_a_hazard_ratio_said_after_what_it_is_for_is_a_figure(sentence, value, vocab):
    figs = _by_value(sentence, vocab)
    assert figs[value].endpoint == "HR"


def test_an_hr_for_a_named_age_is_not_read_as_the_age(vocab):
    # "HR for patients aged 65": the decimal is the HR, never the age
    figs = _by_value("The HR for patients aged 65 or older was 0.71 in the melanoma trial.", vocab)
    assert "65" not in figs


@pytest.mark.parametrize(
    ("sentence", "value", "ci"),
    [
        # endometrial: a CI said in words after the value
        (
            "The hazard ratio was 0.64, with a 95% confidence interval of 0.46 to 0.87, P = .0021.",
            "0.64",
            ", with a 95% confidence interval of 0.46 to 0.87",
        ),
        # lung: "; 95% CI, a-b" outside brackets
        ("The PFS hazard ratio was 0.16; 95% CI, 0.10-0.24.", "0.16", "; 95% CI, 0.10-0.24"),
        # CLL: the level said in words
        (
            "The hazard ratio was 0.17, with a 95 percent confidence interval of 0.11 to 0.25.",
            "0.17",
            ", with a 95 percent confidence interval of 0.11 to 0.25",
        ),
        # colorectal cancer
        (
            "The HR for death was 0.61, with a 95 per cent confidence interval of 0.47 to 0.80.",
            "0.61",
            ", with a 95 per cent confidence interval of 0.47 to 0.80",
        ),
    ],
)
def test_a_confidence_interval_said_without_brackets_belongs_to_its_value(
    sentence, value, ci, vocab
):
    from index.figures import ci_after

    fig = _by_value(sentence, vocab)[value]
    assert ci_after(sentence, fig.end) == ci


def test_a_value_followed_by_another_figure_has_no_ci(vocab):
    from index.figures import ci_after

    sentence = "Median OS was 21.3 and 14.0 months in the gastric cancer trial."
    fig = _by_value(sentence, vocab)["21.3"]
    assert ci_after(sentence, fig.end) == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "The hazard ratio was 0.64, with a 95% confidence interval of 0.46 to 0.87.",  # uterine
        "Median EFS rose to 31.0 months; 90% CI, 25.1-36.2, in the lymphoma study.",  # lymphoma
    ],
)
def test_the_level_of_an_interval_is_no_figure(sentence, vocab):
    values = [f.value for f in extract_figures(sentence, vocab)]
    assert "95%" not in values and "90%" not in values


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("MMR at week 96 asciminib vs IS-TKI?", [96]),  # leukaemia
        ("MR4.5 at 96 wks w/ asciminib", [96]),
        ("PET-negative rate by wk12 in the lymphoma trial", [12]),  # lymphoma
        ("On the basis of the week-48 data, it was approved.", [48]),
        # schedules and durations are no time points
        ("pembrolizumab 200 mg every 3 weeks for 52 weeks", []),
        ("randomised within 6 weeks of chemoradiotherapy", []),
    ],
)
def test_a_time_point_in_weeks_is_read_however_it_is_typed(text, weeks):
    from index.figures import week_points

    assert [w for _, w in week_points(text)] == weeks


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # leukaemia: the molecular threshold that defines the endpoint
        ("(1) MMR (BCR::ABL1 ≤0.1% on the International Scale) at week 48", []),
        # breast: a HER2 cut-off, then a real rate
        ("Patients with HER2 >10% staining had an ORR of 52%.", ["52%"]),
        # a rate below a bound stays a figure
        ("Pneumonitis occurred in <1% of patients.", ["<1%"]),
    ],
)
def test_a_markers_cut_off_is_no_figure(sentence, figures, vocab):
    assert [f.value for f in extract_figures(sentence, vocab)] == figures


@pytest.mark.parametrize(
    ("text", "endpoint"),
    [
        # lung cancer: an event-free composite that ends in death is no overall survival
        ("The hazard ratio for disease progression, recurrence, or death was 0.58.", "EFS"),
        # bladder cancer: with failure to undergo surgery among the events
        ("HR for progression, recurrence, failure to undergo surgery or death, 0.68", "EFS"),
        # breast cancer: recurrence or death
        ("Abemaciclib prolonged the time to recurrence or death (HR 0.68).", "DFS"),
        # death alone stays death
        ("The HR for death was 0.70 in the myeloma trial.", "deaths"),
    ],
)
def test_a_composite_endpoint_is_read_whole(text, endpoint, vocab):
    named = [t.key for t in vocab.terms(text) if t.kind == "endpoint" and t.key != "HR"]
    assert named[0] == endpoint


@pytest.mark.parametrize(
    ("sentence", "ratios"),
    [
        # lung cancer: two mutation subgroups
        (
            "The hazard ratio was 0.14 in patients with exon 19 deletions and 0.20 in those "
            "with L858R.",
            ["0.14", "0.20"],
        ),
        # lung cancer: three PD-L1 groups
        (
            "The HR was 0.73 for patients with PD-L1 expression below 1%, 0.76 for PD-L1 "
            "1%-49%, and 0.26 for PD-L1 of 50% or more.",
            ["0.73", "0.76", "0.26"],
        ),
        # kidney cancer: a CI in words is no listed ratio; a P value named after is none either
        (
            "The HR was 0.66, with a 95% confidence interval of 0.49 to 0.88.",
            ["0.66"],
        ),
        ("The HR for OS was 0.81 and 0.530 was the P value.", ["0.81"]),
        # breast cancer: each arm's ratio with its CI in brackets
        (
            "Compared with AC-T, the hazard ratio (HR) for a DFS event was 0.64 with AC-TH (95% "
            "CI, 0.53-0.78; P<0.001) and 0.75 with TCH (95% CI, 0.63-0.90; P=0.04).",
            ["0.64", "0.75"],
        ),
        # colorectal cancer: two subgroups, each with its CI
        (
            "The HR for death was 0.55 in KRAS wild-type tumours (95% CI, 0.41 to 0.74) and "
            "0.98 in KRAS-mutant tumours (95% CI, 0.70 to 1.37).",
            ["0.55", "0.98"],
        ),
        # a bracket that holds a ratio of its own is no list gap
        ("The HR was 0.70 (0.52 in the per-protocol set), while 0.61 was the P value.", ["0.70"]),
    ],
)
def test_ratios_listed_after_a_labelled_one_are_ratios(sentence, ratios, vocab):
    found = [f.value for f in extract_figures(sentence, vocab) if f.endpoint == "HR"]
    assert found == ratios


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # lung cancer: PD-L1 expression, however it is written
        ("EFS HR in PD-L1 >=50%?", ["pdl>=50"]),
        ("for patients with tumour PD-L1 expression below 1%", ["pdl<1"]),
        ("0.70 for PD-L1 1%-49%", ["pdl=1-49"]),
        ("0.26 for PD-L1 of 50% or more", ["pdl>=50"]),
        ("among PD-L1-negative tumours", ["pdl<1"]),
        ("PD-L1 TPS ≥50%", ["pdl>=50"]),
        # head and neck / gastric: the combined positive score as before
        ("in the CPS ≥20 population", ["cps>=20"]),
        ("CPS5+", ["cps>=5"]),
    ],
)
def test_a_pd_l1_cut_off_is_one_population_however_typed(text, keys):
    from index.figures import SCORE_CUT, score_cut_key

    assert [score_cut_key(m) for m in SCORE_CUT.finditer(text)] == keys


@pytest.mark.parametrize(
    ("sentence", "p_value", "detail"),
    [
        # lymphoma: a lower-case p inside the HR's bracket
        ("PFS favoured the triplet (HR 0.73; 95% CI 0.57-0.94; p=0.016).", "0.016", None),
        # lung cancer: a CI level with decimals still heads the value's interval
        (
            "The hazard ratio was 0.58 (97.36% CI, 0.42-0.81; P < 0.001).",
            "< 0.001",
            "(97.36% CI, 0.42-0.81; P < 0.001)",
        ),
    ],
)
def test_p_values_and_interval_brackets_however_written(sentence, p_value, detail, vocab):
    figs = extract_figures(sentence, vocab)
    assert any(f.endpoint == "P value" and f.value == p_value for f in figs)
    if detail:
        assert next(f for f in figs if f.endpoint == "HR").detail == detail


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Lutathera 7.4 GBq (200 mCi) every 8 weeks was given.", "7.4 GBq"),  # neuroendocrine
        ("Cisplatin 40 mg/m² weekly during radiotherapy.", "40 mg/m²"),  # cervical
        # lung and head and neck cancer: carboplatin dosed by its target AUC
        ("Chemotherapy was carboplatin AUC 5 plus pemetrexed 500 mg/m2.", "AUC 5"),
        ("Carboplatin (AUC 6) was given on day 1 of each cycle.", "AUC 6"),
        # lymphoma and myeloma CAR T-cell doses
        ("A single infusion of axi-cel at a target dose of 2 x 10^6 CAR T cells/kg.", "2 x 10^6"),
        (
            "Cilta-cel at a target dose of 0.75 x 10^6 CAR-positive viable T cells/kg.",
            "0.75 x 10^6",
        ),
        # biliary cancer and bladder cancer: the unit spelled out
        (
            "Cisplatin 25 milligrams per square metre on days 1 and 8.",
            "25 milligrams per square metre",
        ),
        ("Avelumab 10 milligrams per kilogram every two weeks.", "10 milligrams per kilogram"),
    ],
)
def test_radioligand_activities_and_body_surface_doses_are_doses(sentence, value, vocab):
    fig = _by_value(sentence, vocab)[value]
    assert fig.unit == "dose" and fig.endpoint == "dose"


@pytest.mark.parametrize(
    ("text", "cuts"),
    [
        # mantle cell lymphoma: a proliferation index, typed and written
        ("Calquence+BR PFS HR in Ki-67 >=30% pts", {"cut:ki67>=30"}),
        ("Among patients with Ki-67 of 30% or higher, the HR for PFS was 0.67.", {"cut:ki67>=30"}),
        # prostate cancer: a doubling time, from below
        ("MFS HR in pts w/ PSADT ≤6 mo?", {"cut:psadt<6"}),
        ("in men with a PSADT of 6 months or less (HR 0.38)", {"cut:psadt<6"}),
        # liver cancer: a serum marker's level
        ("cabo mOS in AFP ≥400 pts?", {"cut:afp>=400"}),
        ("patients with AFP of 400 ng/mL or higher", {"cut:afp>=400"}),
        # breast cancer: a staining score
        ("mPFS for trop2 H-score ≥10 pts", {"cut:hscore>=10"}),
        # no comparator, an endpoint's figure, an age or a PD-L1 score: none of these
        ("Ki-67 30% in most patients", set()),
        ("median OS was 20.3 months", set()),
        ("HR 0.67 in those aged 65 or older", set()),
        ("in the CPS >=10 population", set()),
    ],
)
def test_a_markers_cut_off_is_one_part_of_the_population_however_said(text, cuts):
    from index.figures import marker_cuts

    assert marker_cuts(text) == cuts


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # glioma: the estimate goes on from the sentence before, its CI said in words
        ("In the astrocytomas, it was 0.35, with a confidence interval of 0.21 to 0.58.", "0.35"),
        # lung cancer: likewise, with the CI's level
        ("Among squamous tumours it was 0.71, with a 95% CI of 0.55 to 0.92.", "0.71"),
    ],
)
def test_a_bare_decimal_with_its_ci_in_words_is_an_estimate(sentence, value, vocab):
    assert value in [f.value for f in extract_figures(sentence, vocab)]


def test_a_bare_decimal_without_a_ci_is_no_figure(vocab):
    # breast cancer: a version number and a score are no estimates
    assert extract_figures("The model, version 2.1, was validated in 2019.", vocab) == []


def test_a_cut_off_said_with_at_is_read():
    from index.figures import SCORE_CUT, score_cut_key

    # melanoma and lung cancer wording
    text = "In patients whose tumors expressed PD-L1 at less than 1%, and CPS at 10 or more"
    assert [score_cut_key(m) for m in SCORE_CUT.finditer(text)] == ["pdl<1", "cps>=10"]


@pytest.mark.parametrize(
    ("sentence", "value", "arm"),
    [
        # colorectal cancer: the arm is named with its dose and a second drug after it
        (
            "Median PFS was 5.6 months, compared with 3.9 months for those given sotorasib "
            "240 mg plus panitumumab.",
            "3.9 months",
            "plus panitumumab",
        ),
        # melanoma: a fixed-dose combination named after the value
        (
            "Median PFS reached 10.1 months with nivolumab 480 mg plus relatlimab.",
            "10.1 months",
            "plus relatlimab",
        ),
    ],
)
def test_a_dose_in_an_arms_name_does_not_end_the_words_after_a_figure(sentence, value, arm, vocab):
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == value)
    assert arm in fig.scope


@pytest.mark.parametrize(
    ("sentence", "value", "not_in_scope"),
    [
        # head and neck cancer: a loading dose, then the weekly dose given as maintenance
        (
            "Cetuximab was given at a 400 mg/m2 loading dose followed by 250 mg/m2 weekly, "
            "continuing as maintenance until progression.",
            "400 mg/m2",
            "maintenance",
        ),
        # myeloma: a starting dose, then a reduced one for older patients
        (
            "Dexamethasone was given at 40 mg weekly, or 20 mg weekly in patients older than 75.",
            "40 mg",
            "older",
        ),
    ],
)
def test_a_doses_own_words_end_at_the_next_dose(sentence, value, not_in_scope, vocab):
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == value)
    assert not_in_scope not in fig.scope


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # myeloma press release: percentages spelled out, two arms in brackets
        (
            "Grade 3 or 4 events for D-Rd versus Rd were neutropenia (54 percent vs. 37 percent) "
            "and pneumonia (19 percent vs. 11 percent).",
            ["54 percent", "37 percent", "19 percent", "11 percent"],
        ),
        # lung cancer press release: a response rate and a landmark rate in words
        (
            "The confirmed ORR was 61 per cent, and 48.5 percent of patients were alive at "
            "3 years.",
            ["61 per cent", "48.5 percent"],
        ),
    ],
)
def test_a_percentage_may_be_spelled_out(sentence, values, vocab):
    figures = extract_figures(sentence, vocab)
    assert [f.value for f in figures if f.unit == "percent"] == values


@pytest.mark.parametrize(
    ("sentence", "p_values"),
    [
        # ovarian cancer: the bar the protocol set is no result
        (
            "Because the protocol required P<.0001 to declare significance, the improvement "
            "(P=.0004) was called clinically meaningful.",
            [".0004"],
        ),
        # lung cancer: a threshold and the P value reached
        (
            "The prespecified significance threshold of P = 0.0095 was not crossed (P = 0.02).",
            ["0.02"],
        ),
    ],
)
def test_a_p_value_a_test_had_to_reach_is_no_result(sentence, p_values, vocab):
    figures = extract_figures(sentence, vocab)
    assert [f.value for f in figures if f.endpoint == "P value"] == p_values


@pytest.mark.parametrize(
    ("sentence", "age", "result"),
    [
        # leukaemia: the trial's age range is no survival time
        (
            "Quizartinib prolonged OS in adults aged 18 to 75 years with newly diagnosed AML, "
            "with a median OS of 31.9 months.",
            "75 years",
            "31.9 months",
        ),
        # prostate cancer: an age range is no survival time either
        (
            "Men aged 18 to 80 years were enrolled; median rPFS was 27.9 months.",
            "80 years",
            "27.9 months",
        ),
    ],
)
def test_an_age_is_no_reported_time(sentence, age, result, vocab):
    values = [f.value for f in extract_figures(sentence, vocab)]
    assert result in values and age not in values, values


@pytest.mark.parametrize(
    ("sentence", "share", "endpoint"),
    [
        # Hodgkin lymphoma: the share of the population is no PFS rate
        (
            "Patients with stage IV disease, about 64% of the population, had a 6-year PFS of "
            "80.2% with A+AVD.",
            "64%",
            "PFS",
        ),
        # breast cancer: the same with an ORR
        (
            "Those with visceral disease, 58% of the study population, had an ORR of 41.0%.",
            "58%",
            "ORR",
        ),
    ],
)
def test_a_share_of_the_population_is_no_endpoints_figure(sentence, share, endpoint, vocab):
    figures = {f.value: f for f in extract_figures(sentence, vocab)}
    assert figures[share].endpoint is None
    assert any(f.endpoint == endpoint for v, f in figures.items() if v != share)


@pytest.mark.parametrize(
    ("sentence", "not_figures"),
    [
        # prostate cancer: a heading's time points
        ("Survival at 3 and 4 years", ["4 years"]),
        # MDS: an endpoint's window
        (
            "The primary endpoint was RBC-TI for at least 12 weeks with a hemoglobin increase.",
            ["12 weeks"],
        ),
        # urothelial cancer: the field's history, not the trial's result
        (
            "Chemotherapy has been the backbone for decades, with median overall survival stuck "
            "at around 14 to 16 months.",
            ["14", "16 months"],
        ),
        # ovarian cancer: the same, as a range and as a rough figure
        (
            "Single-agent chemotherapy yields response rates in the range of 4% to 13% and "
            "median OS of roughly 12 months.",
            ["4%", "13%", "12 months"],
        ),
    ],
)
def test_time_windows_and_rough_background_figures_are_no_results(sentence, not_figures, vocab):
    values = [f.value for f in extract_figures(sentence, vocab)]
    assert not set(values) & set(not_figures), values


def test_a_result_said_at_a_time_point_is_still_a_figure(vocab):
    # lung and colorectal cancer: the rates at the time points, and a result after "up to", are
    values = [
        f.value for f in extract_figures("At 3 and 5 years, OS rates were 60% and 45%.", vocab)
    ]
    assert {"60%", "45%"} <= set(values), values
    sentence = "With up to 5 years of follow-up, median OS was 28.9 months with FOLFOXIRI."
    assert "28.9 months" in [f.value for f in extract_figures(sentence, vocab)]


@pytest.mark.parametrize(
    ("sentence", "value", "endpoint"),
    [
        # breast cancer: a new clause names its own endpoint after the value
        (
            "Dose reductions due to adverse events were needed in 33% of patients in each arm, "
            "while 6% of patients on sacituzumab govitecan discontinued treatment because of "
            "adverse events.",
            "6%",
            "discontinuation",
        ),
        # lung cancer: the same after a semicolon
        (
            "Median PFS was 18.9 months with osimertinib; 42% of patients had an objective "
            "response lasting beyond a year.",
            "42%",
            "ORR",
        ),
    ],
)
def test_a_new_clause_reports_the_endpoint_it_names_after_its_value(
    sentence, value, endpoint, vocab
):
    figures = {f.value: f for f in extract_figures(sentence, vocab)}
    assert figures[value].endpoint == endpoint, figures[value]


@pytest.mark.parametrize(
    ("row", "value", "endpoint"),
    [
        # lung cancer: the effect column names its statistic before the value
        (
            "Key outcomes: 5-year OS | Nivolumab + chemo (n=179): 65.4% | Chemo alone (n=179): "
            "55.0% | Effect: HR 0.72",
            "0.72",
            "HR",
        ),
        # breast cancer: likewise under an invasive disease-free survival row
        (
            "3-year IDFS | Olaparib (n=921): 85.9% | Placebo (n=915): 77.1% | Difference: HR 0.58",
            "0.58",
            "HR",
        ),
    ],
)
def test_a_cell_that_names_its_statistic_before_its_value_holds_that_statistic(
    row, value, endpoint, vocab
):
    fig = next(f for f in extract_figures(row, vocab) if f.value == value)
    assert fig.endpoint == endpoint and fig.unit == "number"


@pytest.mark.parametrize(
    ("sentence", "value", "endpoint"),
    [
        # lung cancer: "statistical significance" is said, the months are the medians of OS
        (
            "OS, however, did not reach statistical significance: median 13.3 vs 11.7 months "
            "(HR, 0.86; 95% CI, 0.72-1.02; P = 0.0758).",
            "11.7 months",
            "P value",
        ),
        # colorectal cancer: likewise for PFS
        (
            "The PFS gain was statistically significant, at a median of 8.3 vs 5.6 months.",
            "5.6 months",
            "P value",
        ),
    ],
)
def test_a_time_is_never_a_p_value(sentence, value, endpoint, vocab):
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == value)
    assert fig.endpoint != endpoint


@pytest.mark.parametrize(
    ("row", "p_value"),
    [
        # lung cancer: a cell holding the hazard ratio, its CI and then its P value
        (
            "Overall survival | Durvalumab: 17.2 months | Placebo: 16.0 months | "
            "HR (95% CI); P value: 0.75 (0.49-1.17); P=0.21",
            "0.21",
        ),
        # breast cancer: the same with a bound
        (
            "Invasive DFS | Abemaciclib + ET: 92.2% | ET alone: 88.7% | "
            "HR (95% CI); P: 0.70 (0.59-0.82); P<0.001",
            "<0.001",
        ),
    ],
)
def test_a_p_value_after_a_cells_ratio_is_that_rows_p_value(row, p_value, vocab):
    figs = extract_figures(row, vocab)
    assert [f.value for f in figs if f.endpoint == "P value"] == [p_value]
    assert p_value in row  # verbatim, as every figure must be


@pytest.mark.parametrize(
    ("sentence", "ratio", "others"),
    [
        # liver cancer: the ratio after the count randomized
        (
            "A total of 501 patients with unresectable HCC were randomized 2:1 to the combination "
            "or sorafenib.",
            "2:1",
            ["501"],
        ),
        # lung cancer: said in words
        ("Randomisation was two to one.", "two to one", []),
        # endometrial cancer: three arms
        ("Patients were randomly assigned 1:1:1 to three regimens.", "1:1:1", []),
    ],
)
def test_an_allocation_ratio_is_a_figure_of_its_own(sentence, ratio, others, vocab):
    figs = extract_figures(sentence, vocab)
    allocated = [f for f in figs if f.endpoint == "randomization ratio"]
    assert [f.value for f in allocated] == [ratio] and allocated[0].unit == "allocation"
    assert [f.value for f in figs if f.endpoint != "randomization ratio"] == others


def test_a_ratio_without_a_randomization_is_none(vocab):
    # head and neck cancer: a score's "1:1" is no allocation
    figs = extract_figures("Tumour-to-stroma scoring used a 1:1 weighting of both areas.", vocab)
    assert not [f for f in figs if f.endpoint == "randomization ratio"]


@pytest.mark.parametrize(
    ("sentence", "count", "said_after"),
    [
        # small-cell lung cancer: the count of those randomized to maintenance
        (
            "A total of 483 patients were randomized 1:1 to lurbinectedin plus atezolizumab or "
            "atezolizumab maintenance.",
            "483",
            "maintenance",
        ),
        # breast cancer: the count of those randomised to either arm
        ("Overall, 866 patients were randomised 1:1 to T-DXd or chemotherapy.", "866", "chemo"),
    ],
)
def test_an_allocation_ratio_does_not_cut_the_words_of_the_count_before_it(
    sentence, count, said_after, vocab
):
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == count)
    assert said_after in fig.scope, fig.scope


@pytest.mark.parametrize(
    ("sentence", "value", "other_endpoint"),
    [
        # breast cancer: hepatotoxicity's rate is not of the ILD named in the next item
        (
            "Hepatotoxicity occurred in 25.4%, and interstitial lung disease in 1.5%.",
            "25.4%",
            "ILD",
        ),
        # melanoma: nor is rash's the ORR said later
        ("Rash was seen in 30% of patients, and the ORR was 41%.", "30%", "ORR"),
    ],
)
def test_an_events_rate_is_not_of_an_endpoint_named_after_it(
    sentence, value, other_endpoint, vocab
):
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == value)
    assert fig.endpoint != other_endpoint


@pytest.mark.parametrize(
    ("sentence", "scopes"),
    [
        # melanoma: three arms named after their values
        (
            "Confirmed objective response rates by central review were 63%, 51% and 40% in the "
            "combination, encorafenib and vemurafenib arms, respectively.",
            {"63%": "combination", "51%": "encorafenib", "40%": "vemurafenib"},
        ),
        # lung cancer: two arms, each scope as the sentence writes it
        (
            "At 24 months PFS was 48% vs 34% for the combination and osimertinib, respectively.",
            {"48%": "for the combination", "34%": "osimertinib"},
        ),
    ],
)
def test_values_said_before_their_arms_respectively_take_each_its_arm(sentence, scopes, vocab):
    figs = _by_value(sentence, vocab)
    for value, arm in scopes.items():
        scope = figs[value].scope
        assert arm in scope and scope in sentence, scope  # verbatim, as leads quote it
        assert not any(a in scope for v, a in scopes.items() if v != value), scope


def test_one_group_said_twice_is_no_list_of_items(vocab):
    # gastric cancer: "with and without" names one group, so the values keep the whole phrase
    sentence = (
        "Median OS was 12.1 and 9.4 months for patients with and without liver metastases, "
        "respectively."
    )
    assert "liver metastases" in _by_value(sentence, vocab)["9.4 months"].scope


@pytest.mark.parametrize(
    ("sentence", "value", "endpoint"),
    [
        # lung cancer: the crossover rate is not a 5-year OS rate
        (
            "The 5-year OS rate was 18.4% versus 9.7%, despite an effective crossover rate of "
            "51.1% from the placebo arm to subsequent anti-PD-(L)1 therapy.",
            "51.1%",
            "OS",
        ),
        # breast cancer: nor is the breast-conservation rate a pCR rate
        (
            "The pCR rate was 63.0%, and the breast-conservation rate was 60%.",
            "60%",
            "pCR",
        ),
    ],
)
def test_a_rate_of_something_unnamed_is_not_of_the_endpoint_before(
    sentence, value, endpoint, vocab
):
    assert _by_value(sentence, vocab)[value].endpoint != endpoint


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # kidney cancer: the risk of death reduced by a share is a risk reduction, no deaths
        (
            "Pembrolizumab reduced the risk of death by 38% (HR, 0.62; 95% CI, 0.44-0.87; "
            "P = 0.005).",
            "38%",
        ),
        # breast cancer: the same said of progression or death
        (
            "Tucatinib reduced the risk of CNS progression or death by 68% (CNS-PFS HR, 0.32).",
            "68%",
        ),
    ],
)
def test_a_risk_reduced_by_a_share_is_a_risk_reduction(sentence, value, vocab):
    assert _by_value(sentence, vocab)[value].endpoint == "risk reduction"


@pytest.mark.parametrize(
    ("row", "value"),
    [
        # ovarian cancer: the unit said in the cell, after its value, not in the header
        (
            "HRD (primary) | Median PFS, rucaparib: 28.7 mo | Median PFS, placebo: 11.3 mo",
            "28.7 mo",
        ),
        # AML: the same in an HTML table's cells
        ("Preselected high-intensity chemo | Gilteritinib median OS: 9.3 months", "9.3 months"),
        # oesophageal cancer
        ("All randomised (n=749) | Median OS, placebo + chemo: 9.8 mo | HR: 0.73", "9.8 mo"),
        # kidney cancer: in years, the value shown with its unit as the cell says it
        ("Median DFS | Sunitinib (n=647): 5.8 years | Sorafenib (n=649): 6.1 years", "6.1 years"),
        # melanoma: the CI after the unit is still the value's
        ("Median RFS | Ipilimumab (n=475): 26.1 months (95% CI, 19.3-39.3)", "26.1 months"),
    ],
)
def test_a_cell_says_its_unit_after_its_value(row, value, vocab):
    """The unit said after a cell's value is the value's unit, and part of the value shown."""
    fig = next(f for f in extract_figures(row, vocab) if f.value == value)
    assert fig.unit == "time"
    assert fig.detail == ("(95% CI, 19.3-39.3)" if "CI" in row else "")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # lung cancer: the clause after the semicolon speaks of the control arm, not this value
        (
            "Median OS was 20.1 months (95% CI, 17.0-23.2); survival data for the control arm "
            "remain immature.",
            "20.1 months",
        ),
        # melanoma
        ("The ORR was 45% (95% CI, 38-52); responses in the placebo arm were rare.", "45%"),
    ],
)
def test_a_values_words_after_it_end_with_its_clause(sentence, value, vocab):
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == value)
    assert "arm" not in fig.scope


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # breast cancer: the next group's ratio said anew after a semicolon, at the sentence end
        (
            "In the ESR1-mutated population, the HR for elacestrant versus fulvestrant was 0.50 "
            "(95% CI, 0.33-0.77); in all patients it was 0.68.",
            ["0.50", "0.68"],
        ),
        # lung cancer
        (
            "The HR for OS was 0.61 in PD-L1-positive tumours; among PD-L1-negative patients "
            "the hazard ratio was 0.92.",
            ["0.61", "0.92"],
        ),
    ],
)
def test_a_ratio_said_anew_for_the_next_group_is_a_ratio(sentence, values, vocab):
    figures = extract_figures(sentence, vocab)
    assert [f.value for f in figures if f.endpoint == "HR"] == values


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # urothelial cancer: distant metastases only, no disease-free survival
        (
            "Median DMFS was 40.5 months vs 29.5 months (HR, 0.75; 95% CI, 0.59-0.94).",
            "40.5 months",
        ),
        # melanoma: no metastasis-free survival of prostate cancer either
        ("Distant metastasis-free survival at 5 years was 60.6% vs 44.5%.", "60.6%"),
    ],
)
def test_distant_metastasis_free_survival_is_an_endpoint_of_its_own(sentence, value, vocab):
    assert _by_value(sentence, vocab)[value].endpoint == "DMFS"


@pytest.mark.parametrize(
    ("sentence", "any_grade", "severe", "event"),
    [
        # urothelial cancer: each grade's rate in the event's brackets
        (
            "Adverse events of special interest included skin reactions (any grade 66.8%; grade "
            "≥3, 15.5%) and peripheral neuropathy (any grade 63.2%; grade ≥3, 6.8%).",
            "63.2%",
            "6.8%",
            "peripheral neuropathy",
        ),
        # breast cancer
        (
            "Interstitial lung disease occurred (any grade 12.1%; grade 3 or higher, 0.8%).",
            "12.1%",
            "0.8%",
            "Interstitial lung disease",
        ),
    ],
)
def test_each_grades_rate_in_an_events_brackets_is_that_events_of_that_grade(
    sentence, any_grade, severe, event, vocab
):
    figs = _by_value(sentence, vocab)
    assert event in figs[any_grade].label and "any grade" in figs[any_grade].label
    assert event in figs[severe].label and "grade 3" not in figs[any_grade].label
    assert re.search(r"grade (?:≥3|3 or higher)", figs[severe].label)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # myeloma: the abbreviation in brackets inside the endpoint's name
        (
            "Minimal residual disease (MRD) negativity at 10^-5 was reported in 60.6% of "
            "patients in the cilta-cel arm.",
            "60.6%",
        ),
        # CLL: the short form
        ("The MRD-neg rate in peripheral blood was 62.4% with the doublet.", "62.4%"),
    ],
)
def test_mrd_negativity_is_read_however_it_is_named(sentence, value, vocab):
    found = {f.value: f.endpoint for f in extract_figures(sentence, vocab)}
    assert found.get(value) == "MRD negativity"


@pytest.mark.parametrize(
    ("text", "cohorts"),
    [
        # prostate cancer: one cohort, and two together, however joined
        ("PROfound cohort A mrPFS on olaparib?", {"cohort:a"}),
        ("In the overall population (cohorts A and B), median rPFS was 5.8 months", {"cohort:a+b"}),
        ("OS HR cohorts A+B PROfound?", {"cohort:a+b"}),
        # lung cancer: a part of a trial by its letter
        ("In Part B, the ORR was 49%.", {"cohort:b"}),
        # a word after "cohort" is no letter's name; a numbered cohort is another rule's
        ("the cohort a total of 300 patients", set()),
        ("In cohort 2, the HR was 0.70.", set()),
    ],
)
def test_a_lettered_cohort_is_named_by_its_letters(text, cohorts):
    from index.figures import lettered_cohorts

    assert lettered_cohorts(text) == cohorts


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        # kidney cancer: everyone counted, then a part of them
        (
            "Of the 1,096 patients (550 nivo+ipi, 546 sunitinib), 847 had intermediate- or "
            "poor-risk disease (425 and 422, respectively).",
            "847",
        ),
        # lung cancer: likewise, by histology
        ("Among the 1,150 randomized patients, 660 had squamous tumours.", "660"),
    ],
)
def test_a_part_counted_after_everyone_is_a_head_count(sentence, part, vocab):
    found = {f.value: f.unit for f in extract_figures(sentence, vocab)}
    assert found.get(part) == "count"


def test_a_number_after_a_count_is_no_head_count_without_a_verb_of_having(vocab):
    # breast cancer: a dose after a count is no part of the patients
    sentence = "Of the 300 patients, 125 mg was the most common dose."
    assert "125" not in [f.value for f in extract_figures(sentence, vocab) if f.unit == "count"]


@pytest.mark.parametrize(
    ("row", "labelled"),
    [
        # lung cancer: a row of two time points, each cell's two values in the same order
        (
            "6-month / 12-month OS | T-DXd 5.4 mg/kg (n=102): 87.9% / 67.0% | T-DXd 6.4 mg/kg "
            "(n=50): 84.6% / 73.2%",
            [("87.9%", "6-month OS"), ("67.0%", "12-month OS"), ("84.6%", "6-month OS")],
        ),
        # breast cancer: likewise, the points written without spaces
        (
            "1-year/2-year iDFS | Arm A: 95.1% / 90.2% | Arm B: 94.0% / 86.5%",
            [("95.1%", "1-year iDFS"), ("90.2%", "2-year iDFS"), ("94.0%", "1-year iDFS")],
        ),
    ],
)
def test_a_rows_time_points_listed_with_slashes_label_each_cells_values(row, labelled, vocab):
    found = [(f.value, f.label) for f in extract_figures(row, vocab)]
    assert found[:3] == labelled
    # a cell's slashed values under a header that lists the columns stay the header's (a guard)
    cells = extract_figures("AEs | Placebo, any grade / grade >=3: 92% / 19%", vocab)
    assert [f.scope for f in cells] == ["Placebo, any grade", "Placebo, grade >=3"]


@pytest.mark.parametrize(
    ("sentence", "endpoints"),
    [
        # endometrial cancer: a clause opening on its value after ", and" reports the endpoint
        # said after the value, not the one before the first value
        (
            "Lenvatinib dose reductions due to TRAEs occurred in 62.0% of patients, and 17.6% "
            "of patients discontinued one or both study drugs due to TRAEs.",
            ["dose reduction", "discontinuation"],
        ),
        # breast cancer: likewise with a response
        ("ORR was 45%, and 20% had a complete response.", ["ORR", "CR"]),
        # lung cancer: an arm's value after ", and" keeps the endpoint (a guard)
        ("The ORR was 45% with osimertinib, and 30% with gefitinib.", ["ORR", "ORR"]),
    ],
)
def test_a_value_opening_a_clause_after_and_reports_the_endpoint_said_after_it(
    sentence, endpoints, vocab
):
    assert [f.endpoint for f in extract_figures(sentence, vocab)] == endpoints


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        # ovarian cancer: each cohort's head count, listed after everyone's
        (
            "In total 220 patients were randomised: 112 in the BRCA cohort, 74 on olaparib and "
            "38 on placebo, and 108 in the non-BRCA cohort.",
            ["220", "112", "108"],
        ),
        # neuroendocrine tumours: likewise after "enrolled"
        (
            "The trial enrolled 75 patients: 47 in the midgut cohort and 28 in the pancreatic "
            "cohort.",
            ["75", "47", "28"],
        ),
    ],
)
def test_a_parts_head_count_after_everyones_is_a_count(sentence, parts, vocab):
    counts = [f.value for f in extract_figures(sentence, vocab) if f.endpoint == "enrollment"]
    assert counts == parts
    # the patients an event happened to are no part of the intake (a guard)
    events = "Grade 3 events occurred in 12 patients: 8 in the combination arm."
    assert "8" not in [f.value for f in extract_figures(events, vocab)]


@pytest.mark.parametrize(
    ("row", "follow_up", "medians"),
    [
        # Waldenström's macroglobulinaemia: the follow-up in an aside of the row's label
        (
            "Median PFS, final analysis (median follow-up 63 months) | Ibrutinib + rituximab: "
            "Not reached | Placebo + rituximab: 20.3 months",
            "63 months",
            ["20.3 months"],
        ),
        # breast cancer: a follow-up after the analysis it frames, in the same aside
        (
            "12-month PFS rate (primary analysis, 13.5-mo follow-up) | T-DXd: 75.8% | TPC: 34.1%",
            "13.5-mo",
            ["75.8%", "34.1%"],
        ),
    ],
)
def test_a_follow_up_in_a_row_labels_aside_is_a_figure_of_its_own(row, follow_up, medians, vocab):
    found = extract_figures(row, vocab)
    assert [f.value for f in found if f.endpoint == "follow-up"] == [follow_up]
    assert [f.value for f in found if f.endpoint == "PFS"] == medians
    # an aside that frames nothing gives no figure (a guard)
    plain = extract_figures("Median OS (95% CI) | Arm A: 30.2 months | Arm B: 25.0", vocab)
    assert [f.value for f in plain] == ["30.2 months", "25.0"]


@pytest.mark.parametrize(
    ("row", "detail"),
    [
        # lung cancer: the cell's CI with its level and name
        (
            "5-yr OS, stage IB-IIIA | Osimertinib: 88% | HR (CI): 0.49 (95.03% CI 0.34-0.70)",
            "(95.03% CI 0.34-0.70)",
        ),
        # oesophageal cancer: with a comma and a P value
        ("TC PD-L1 >=1% | HR: 0.64 (95% CI, 0.46-0.90; P=0.001)", "(95% CI, 0.46-0.90; P=0.001)"),
        # the bare range as before
        ("OS | HR (95% CI): 0.73 (0.57-0.95)", "(0.57-0.95)"),
    ],
)
def test_a_table_cells_ci_in_brackets_is_its_values(row, detail, vocab):
    ratios = [f for f in extract_figures(row, vocab) if f.endpoint == "HR"]
    assert [f.detail for f in ratios] == [detail]


@pytest.mark.parametrize(
    ("sentence", "dose", "schedule"),
    [
        # prostate cancer: the same dose said another way in brackets
        (
            "each given with abiraterone acetate 1,000 mg orally once daily plus prednisone 10 mg "
            "daily (5 mg twice daily).",
            "10 mg",
            " daily (5 mg twice daily)",
        ),
        # melanoma: likewise, a flat dose and its other schedule
        (
            "Nivolumab was given at 480 mg every 4 weeks (240 mg every 2 weeks) for a year.",
            "480 mg",
            " every 4 weeks (240 mg every 2 weeks)",
        ),
    ],
)
def test_a_doses_schedule_keeps_the_same_dose_said_again_in_brackets(sentence, dose, schedule):
    from index.figures import schedule_after

    assert schedule_after(sentence, sentence.index(dose) + len(dose)) == schedule


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # soft-tissue sarcoma: stable disease as the best response is no response rate
        (
            "What it does is stabilise disease: stable disease was the best response in 67% of "
            "pazopanib patients versus 38% on placebo.",
            "67%",
        ),
        # cholangiocarcinoma: likewise
        ("Stable disease was the best response in 51% of ivosidenib-treated patients.", "51%"),
    ],
)
def test_stable_disease_as_the_best_response_is_its_own_endpoint(sentence, value, vocab):
    found = {f.value: f.endpoint for f in extract_figures(sentence, vocab)}
    assert found[value] == "SD"


@pytest.mark.parametrize(
    ("sentence", "value", "endpoint"),
    [
        # gastric: the arms were named before; "respectively" does not make "with ECF/ECX" and
        # "the 5-year OS rate" a list of the last two values' items
        (
            "The estimated 3-year OS rate was 57% with FLOT vs 48% with ECF/ECX, and the 5-year OS "
            "rate was 45% vs 36%, respectively.",
            "45%",
            "OS",
        ),
        # AML: "at 5 years the rates" says what the values are, it is no item of a list
        (
            "The 4-year OS rate was 51.4% with midostaurin and 44.3% with placebo, and at 5 years "
            "the rates were 50.9% and 43.9%, respectively.",
            "50.9%",
            "OS",
        ),
    ],
)
def test_respectively_after_arms_named_before_keeps_each_values_endpoint(
    vocab, sentence, value, endpoint
):
    fig = next(f for f in extract_figures(sentence, vocab) if f.value == value)
    assert fig.endpoint == endpoint
    assert "with placebo" not in fig.scope and fig.label != "with ECF/ECX"


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # prostate cancer: in words, with "of"
        ("0.61 in patients with an ECOG performance status of 0 and 0.73 among", {"ps:0"}),
        # lung cancer: a table row, and two statuses said together
        ("ECOG PS 1 | OS HR (95% CI): 0.84 (0.66-1.07)", {"ps:1"}),
        ("patients with ECOG PS 0 or 1 were eligible", {"ps:0-1"}),
        # head and neck cancer: a cut-off with a comparator is a marker's, a decimal no status
        ("ECOG PS >=2 was excluded; a score of ECOG 0.5 is no status", set()),
    ],
)
def test_performance_statuses_however_written(text, statuses):
    from index.figures import performance_statuses

    assert performance_statuses(text) == statuses


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # urothelial cancer: said in prose after the hazard ratio
        (
            "The hazard ratio for death was 0.73, with a 95 percent confidence interval of 0.59 "
            "to 0.91, and a P value of 0.002.",
            "0.002",
        ),
        # CML: "p-value" hyphenated, lower case
        ("Time to progression favoured nilotinib, with a p-value of 0.0059.", "0.0059"),
        # liver cancer: "the one-sided P value was ..."
        ("The one-sided P value was 0.0238, above the prespecified threshold.", "0.0238"),
    ],
)
def test_a_p_value_said_in_words_is_a_p_value(sentence, value, vocab):
    found = [f for f in extract_figures(sentence, vocab) if f.endpoint == "P value"]
    assert [f.value for f in found][:1] == [value]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # urothelial cancer: the combined positive score said in words, "percent" spelt out
        ("In patients with a combined positive score of 10 percent or more, OS was", "cps>=10"),
        # lung cancer: the tumour proportion score in words
        ("Among those with a tumour proportion score of 50% or higher, ORR was", "tps>=50"),
    ],
)
def test_a_score_cut_off_said_in_words(text, key):
    from index.figures import SCORE_CUT, score_cut_key

    assert [score_cut_key(m) for m in SCORE_CUT.finditer(text)] == [key]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # melanoma: two dose arms and their shares
        (
            "ORR was 22% with 2 mg/kg and 28% with 10mg/kg",
            {"22%", "28%", "2 mg/kg", "10 mg/kg"},
        ),
        # ovarian cancer: a time point said in months and years, and a share with a space
        ("median PFS 12 Months; 40 % at 2 years", {"12 month", "40%", "2 year"}),
    ],
)
def test_named_values_are_spelt_one_way(text, expected):
    assert named_values(text) == expected


@pytest.mark.parametrize(
    ("row", "value", "endpoint"),
    [
        # ovarian cancer: a design table's arm, described in words
        (
            "Dose-dense arm | Detail: Paclitaxel 80 mg/m2 on days 1, 8 and 15 + carboplatin "
            "AUC 6 on day 1, every 3 weeks",
            "80 mg/m2",
            "dose",
        ),
        # the same table's enrolment row
        (
            "Enrolment | Detail: 637 women at 85 centres in Japan (April 2003 - December 2005)",
            "637",
            "enrollment",
        ),
        # lung cancer: a trial-at-a-glance table
        (
            "Trial at a glance: Patients | Description: 544 patients with stage III "
            "non-small-cell lung cancer enrolled at 185 institutions",
            "544",
            "enrollment",
        ),
    ],
)
def test_a_table_of_features_described_in_words_is_read_as_prose(row, value, endpoint, vocab):
    figures = extract_figures(row, vocab)
    assert (value, endpoint) in [(f.value, f.endpoint) for f in figures]
    assert all(row[f.start : f.end] == f.value for f in figures)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # myelodysplastic syndromes: epoetin alfa's dose in international units per kilogram
        ("or epoetin alfa subcutaneously at a starting dose of 450 IU/kg once weekly", "450 IU/kg"),
        # melanoma and kidney cancer: high-dose interleukin-2
        ("Aldesleukin was given at 600,000 IU/kg every 8 hours.", "600,000 IU/kg"),
        # ... and said in words: a heparin's weight-based dose (cancer-associated thrombosis)
        (
            "Dalteparin was given at 200 IU per kilogram once daily for the first month.",
            "200 IU per kilogram",
        ),
        # melanoma: interleukin-2 in international units per kilogram, spelled out
        (
            "Interleukin-2 was infused at 720,000 international units per kg every 8 hours.",
            "720,000 international units per kg",
        ),
    ],
)
def test_a_dose_in_international_units_is_a_dose(sentence, value, vocab):
    assert (value, "dose") in [(f.value, f.endpoint) for f in extract_figures(sentence, vocab)]


@pytest.mark.parametrize(
    ("sentence", "arms", "total"),
    [
        # Hodgkin lymphoma: the arms' shares after the total
        (
            "HD21 randomly assigned 1,500 patients 1:1 at 233 sites: 742 to BrECADD and 758 to "
            "eBEACOPP.",
            ["742", "758"],
            "1,500",
        ),
        # colorectal cancer: each arm's size in brackets
        (
            "A total of 813 patients were randomly assigned to IFL plus placebo (411 patients) "
            "or IFL plus bevacizumab (402 patients).",
            ["411", "402"],
            "813",
        ),
        # medullary thyroid cancer: an interview's "we randomised"
        (
            "We randomised 330 patients in a 2:1 ratio: 219 to cabozantinib and 111 to placebo.",
            ["219", "111"],
            "330",
        ),
    ],
)
def test_an_arms_size_is_an_enrolment_of_that_arm(sentence, arms, total, vocab):
    from index.figures import is_arm_size

    figures = {f.value: f for f in extract_figures(sentence, vocab)}
    for value in arms:
        assert figures[value].endpoint == "enrollment" and is_arm_size(sentence, figures[value])
    assert not is_arm_size(sentence, figures[total])


@pytest.mark.parametrize(
    ("sentence", "dropped"),
    [
        # anal and lung cancer: a page's running header, parts set apart by bars, is prose
        (
            "CLINICAL EVIDENCE DIGEST | Gastrointestinal Oncology | Journal Summary of "
            "chemoradiation for anal cancer (ACT II): a randomised, phase 3, open-label trial",
            "3",
        ),
        (
            "THORACIC BRIEF | Lung | Summary of adjuvant osimertinib after resection (ADJUVO): "
            "a phase 3, double-blind trial of 682 patients",
            "3",
        ),
    ],
)
def test_a_bar_separated_header_in_words_is_read_as_prose(sentence, dropped, vocab):
    assert dropped not in [f.value for f in extract_figures(sentence, vocab)]


@pytest.mark.parametrize(
    ("sentence", "dose"),
    [
        # CNS lymphoma and sarcoma: doses in grams per square metre
        ("Methotrexate 3.5 g/m2 was given on day 1 of each cycle.", "3.5 g/m2"),
        ("Ifosfamide 5 g/m² and doxorubicin were given every 3 weeks.", "5 g/m²"),
        # pancreatic and anal cancer: a dose per day, said after "at"
        ("5-FU was given at 250 mg/m2/day by continuous infusion.", "250 mg/m2/day"),
        ("Fluorouracil at 1000 mg/m2/day ran on days 1-4 and 29-32.", "1000 mg/m2/day"),
        # neuroblastoma and melanoma: cytokines in (million) international units
        ("Interleukin-2 was given at 4.5 MIU/m²/day in week 2.", "4.5 MIU/m²/day"),
        ("Interferon alfa-2b 20 MIU/m2 was given intravenously five days a week.", "20 MIU/m2"),
    ],
)
def test_doses_in_grams_per_square_metre_and_per_day(sentence, dose, vocab):
    figs = _by_value(sentence, vocab)
    assert dose in figs and figs[dose].endpoint == "dose", list(figs)


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # gastric cancer interview: each arm's median with its interval said in words
        (
            "Median overall survival was 43 months in the chemotherapy group, with a 95% "
            "confidence interval of 31 to 57 months, versus 37 months in the chemoradiotherapy "
            "group, with a 95% confidence interval of 30 to 48 months.",
            ["43 months", "37 months"],
        ),
        # myeloma: "95 percent", the bounds joined by "to"
        (
            "Median PFS was 39 months with maintenance, with a 95 percent confidence interval of "
            "33 to 45 months, and 20 months with observation.",
            ["39 months", "20 months"],
        ),
        # lung cancer: a clause after a semicolon (a guard)
        (
            "Median OS was 11.2 months; 95% CI, 9.8-12.6 months, against 8.4 months with placebo.",
            ["11.2 months", "8.4 months"],
        ),
    ],
)
def test_an_intervals_bounds_said_in_words_are_no_figures(vocab, sentence, values):
    assert [f.value for f in extract_figures(sentence, vocab)] == values


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        # glioma: the randomised patients counted without the word "patients"
        (
            "707 patients were registered for central review; 477 were then randomised 1:1 to "
            "RT (n = 240) or TMZ (n = 237).",
            "477",
        ),
        # lung cancer
        ("The trial screened 1,580 patients; in total, 1,204 were randomly assigned.", "1,204"),
    ],
)
def test_a_number_said_to_be_randomised_is_a_head_count(vocab, sentence, count):
    assert any(
        f.value == count and f.endpoint == "enrollment" for f in extract_figures(sentence, vocab)
    )


def test_the_end_of_a_range_before_were_randomised_is_no_head_count(vocab):
    # lymphoma: "an IPI score of 2 to 5 were randomly assigned" (a guard)
    sentence = (
        "A total of 879 patients with an IPI score of 2 to 5 were randomly assigned 1:1; 440 to "
        "pola-R-CHP and 439 to R-CHOP."
    )
    counts = [f.value for f in extract_figures(sentence, vocab) if f.endpoint == "enrollment"]
    assert "5" not in counts and "879" in counts


@pytest.mark.parametrize(
    ("sentence", "durations", "result"),
    [
        # HER2-positive breast cancer: trastuzumab's duration is the arms, DFS the result
        (
            "2-year DFS was 93.8% with 12 months of trastuzumab versus 91.1% with 6 months.",
            ["12 months", "6 months"],
            ("93.8%", "DFS"),
        ),
        (
            "The hazard ratio for a DFS event with 6 versus 12 months was 1.28 (95% CI, "
            "1.05-1.56).",
            ["6", "12 months"],
            ("1.28", "HR"),
        ),
        # colon cancer: three against six months of adjuvant chemotherapy
        (
            "Patients were randomised to 3 months or 6 months of adjuvant chemotherapy, and "
            "3-year DFS was 74.6% and 75.5%, respectively.",
            ["3 months", "6 months"],
            ("74.6%", "DFS"),
        ),
        # prostate cancer: the duration of androgen deprivation
        (
            "Men received 18 months of ADT; median OS was 9.4 years.",
            ["18 months"],
            ("9.4 years", "OS"),
        ),
    ],
)
def test_how_long_a_treatment_was_given_is_its_duration_not_a_result(
    sentence, durations, result, vocab
):
    found = {f.value: f.endpoint for f in extract_figures(sentence, vocab)}
    assert all(found.get(d) == "treatment duration" for d in durations), found
    assert found.get(result[0]) == result[1], found
    # ... and a time "of follow-up" stays the follow-up's
    follow = extract_figures("After a median of 42.5 months of follow-up, DFS was 93.8%.", vocab)
    assert "treatment duration" not in {f.endpoint for f in follow}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # glioblastoma: the adjuvant temozolomide dose, adjusted within a range
        (
            "Adjuvant temozolomide was given at 150-200 mg/m² on days 1-5 of each 28-day cycle.",
            "150-200 mg/m²",
        ),
        # breast cancer: a range said with "to"
        ("Docetaxel was given at 60 to 75 mg/m2 every 3 weeks.", "60 to 75 mg/m2"),
    ],
)
def test_a_dose_range_is_one_dose(sentence, value, vocab):
    assert (value, "dose") in [(f.value, f.endpoint) for f in extract_figures(sentence, vocab)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # glioblastoma: lomustine's dose per body surface, "mg" written before it in words
        ("Lomustine was given at 100 mg per square metre on day 1.", "100 mg per square metre"),
        # colorectal cancer: bevacizumab's dose per kilogram in words
        ("Bevacizumab was given at 5 mg per kg every 2 weeks.", "5 mg per kg"),
    ],
)
def test_milligrams_per_square_metre_or_kilogram_in_words_are_one_dose(sentence, value, vocab):
    assert (value, "dose") in [(f.value, f.endpoint) for f in extract_figures(sentence, vocab)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # breast cancer: the margin said as a ratio of death
        ("The noninferiority margin was an HR for death of 1.35.", "1.35"),
        # endometrial cancer: "a prespecified margin of"
        (
            "Non-inferiority required the upper limit of the two-sided 90% CI for the hazard "
            "ratio to lie below the prespecified margin of 1.25.",
            "1.25",
        ),
        # prostate cancer and leukaemia: the bound said without the word margin
        (
            "Intermittent therapy would be non-inferior if the upper bound of the one-sided 95% "
            "CI for the hazard ratio for death stayed below 1.25.",
            "1.25",
        ),
        (
            "The primary endpoint was PFS, with non-inferiority defined as the upper bound of "
            "the 95% CI of the HR falling below 1.35.",
            "1.35",
        ),
    ],
)
def test_a_non_inferiority_margin_is_a_design_figure_of_its_own(sentence, value, vocab):
    figs = _by_value(sentence, vocab)
    assert figs[value].endpoint == "NI margin"


def test_a_surgical_margin_or_a_confidence_limit_is_no_ni_margin(vocab):
    # rectal and lung cancer (guards)
    for sentence in (
        "The R0 margin rate was 88% with chemoradiotherapy.",
        "The upper limit of the 95% CI was 1.12 for the hazard ratio.",
    ):
        assert all(f.endpoint != "NI margin" for f in extract_figures(sentence, vocab)), sentence


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # myeloma and follicular lymphoma: a dose in brackets after what is given
        (
            "Patients were then randomized to lenalidomide maintenance (10 mg on days 1-21 of "
            "each 28-day cycle) for 2 years.",
            "10 mg",
        ),
        ("Rituximab maintenance (375 mg/m2 every 2 months) was given for 2 years.", "375 mg/m2"),
        # breast cancer and sarcoma: after a brand, after a treatment
        ("It compared ENHERTU (5.4 mg/kg every three weeks) with chemotherapy.", "5.4 mg/kg"),
        (
            "Patients were randomised to preoperative radiotherapy (50.4 Gy in 28 fractions).",
            "50.4 Gy",
        ),
    ],
)
def test_a_dose_in_brackets_after_what_is_given_is_a_figure(sentence, value, vocab):
    assert _by_value(sentence, vocab)[value].endpoint == "dose"


def test_a_first_cycles_exception_in_brackets_is_no_dose_of_its_own(vocab):
    # myeloma (a guard): "(20 mg/m2 on days 1 and 2 of cycle 1)" after a dose's days
    sentence = (
        "KRd: carfilzomib 36 mg/m2 on days 1, 2, 8, 9, 15 and 16 (20 mg/m2 on days 1 and 2 of "
        "cycle 1), lenalidomide 25 mg on days 1-21."
    )
    assert "20 mg/m2" not in _by_value(sentence, vocab)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # AML and childhood ALL: a dose in units per square metre
        ("Induction with CPX-351 was 100 units/m2 as a 90-minute infusion.", "100 units/m2"),
        ("Pegaspargase 2,500 units/m2 was given on day 4.", "2,500 units/m2"),
    ],
)
def test_a_dose_in_units_per_square_metre_is_a_dose(sentence, value, vocab):
    assert _by_value(sentence, vocab)[value].endpoint == "dose"


@pytest.mark.parametrize(
    ("row", "value", "endpoint"),
    [
        # childhood leukaemia and breast cancer: a caption's "randomized" names no endpoint of
        # cells whose headers name theirs
        (
            "Outcomes by randomized comparison: HD-MTX (n = 1,209) | 5-yr EFS: 81% | 5-yr OS: 89%",
            "81%",
            "EFS",
        ),
        ("Patients randomized: Arm C (n = 300) | 5-yr IDFS: 79% | 5-yr OS: 91%", "91%", "OS"),
    ],
)
def test_a_cells_header_names_its_endpoint_over_a_captions_randomized(row, value, endpoint, vocab):
    assert _by_value(row, vocab)[value].endpoint == endpoint


@pytest.mark.parametrize(
    ("row", "value"),
    [
        # prostate and lung cancer: under "HR (95% CI) / P", a cell "P = .006" is a P value
        (
            "Late grade >=2 GI toxicity | 79.2 Gy (n = 748): 21% | 70.2 Gy (n = 751): 15% | "
            "HR (95% CI) / P: P = .006",
            ".006",
        ),
        (
            "Median OS | Pembrolizumab: 15.4 mo | Chemotherapy: 10.1 mo | HR (95% CI) / P: P = .03",
            ".03",
        ),
    ],
)
def test_a_cell_said_as_a_p_value_is_one_under_a_ratio_and_p_header(row, value, vocab):
    assert _by_value(row, vocab)[value].endpoint == "P value"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # breast and lung cancer: the ratio said again for another part, its label left out
        ("Node-positive patients had an HR of 0.81 and node-negative patients 0.88.", "0.88"),
        ("Never-smokers had a hazard ratio of 0.45 and current smokers 0.80.", "0.80"),
    ],
)
def test_a_ratio_said_again_without_its_label_is_a_ratio(sentence, value, vocab):
    assert _by_value(sentence, vocab)[value].endpoint == "HR"


def test_a_value_after_a_ratio_in_a_unit_is_no_ratio(vocab):
    # guards: a dose or a range after a ratio and a joining word is no second ratio
    found = _by_value("The HR was 0.70 and patients received 0.5 mg/kg daily.", vocab)
    assert found.get("0.5 mg/kg") is None or found["0.5 mg/kg"].endpoint != "HR"
    assert _by_value("The HR was 0.70 and the ORR 45% vs 30%.", vocab)["45%"].endpoint == "ORR"


@pytest.mark.parametrize(
    ("row", "values"),
    [
        # head and neck and lung cancer: a cell "Not reached (16.9 months-NE)" holds a CI's
        # bound, no median; the other arm's cell keeps its own
        (
            "Median PFS | Avelumab + CRT: Not reached (16.9 months-NE) | Placebo + CRT: Not "
            "reached (23.0 months-NE)",
            [],
        ),
        ("Median OS, months | Cemiplimab: NR (17.9-NE) | Chemotherapy: 14.2 (11.2-17.5)", ["14.2"]),
    ],
)
def test_a_not_reached_cell_has_no_figure_of_its_brackets(row, values, vocab):
    assert [f.value for f in extract_figures(row, vocab)] == values


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        # breast cancer: a count of four digits past any trial's year is a count
        ("The phase 3 study randomly assigned 2091 women in a 2x2 factorial design.", "2091"),
        # lung cancer: the same for an enrolment (a guard: never read as a year)
        ("A total of 2104 patients were enrolled across 30 countries.", "2104"),
    ],
)
def test_a_count_past_any_trials_year_is_a_figure(sentence, count, vocab):
    assert count in [f.value for f in extract_figures(sentence, vocab)]


def test_a_trials_years_are_no_figures(vocab):
    # colon and prostate cancer: the years a trial ran are no counts (a guard)
    values = [
        f.value
        for f in extract_figures("Between 2012 and 2014, 1,313 patients were randomised.", vocab)
    ]
    assert "2012" not in values and "2014" not in values
    values = [f.value for f in extract_figures("From 1998 to 2013, 840 men were enrolled.", vocab)]
    assert "1998" not in values and "2013" not in values


@pytest.mark.parametrize(
    ("sentence", "limit"),
    [
        # breast cancer: the ages a trial took in, said where it names whom it took
        (
            "Eligible women were aged 55 years or older, had undergone breast-conserving "
            "surgery and had luminal A disease.",
            "aged 55 years or older",
        ),
        # mesothelioma: a range
        ("We enrolled 448 patients aged 18 to 75 with unresectable mesothelioma.", "aged 18 to 75"),
        # myeloma: an upper limit only
        (
            "The study enrolled transplant-eligible adults up to 65 years of age with newly "
            "diagnosed multiple myeloma.",
            "up to 65 years of age",
        ),
        # ovarian cancer: the words that say whom it took after the ages
        (
            "Women aged 18-75 years with newly diagnosed ovarian cancer were randomised "
            "intraoperatively.",
            "aged 18-75 years",
        ),
    ],
)
def test_the_ages_a_trial_took_in_are_its_age_limit(sentence, limit, vocab):
    found = [f for f in extract_figures(sentence, vocab) if f.endpoint == AGE_LIMIT]
    assert [f.value for f in found] == [limit]


@pytest.mark.parametrize(
    "sentence",
    [
        # lung cancer: an age group's result is no age limit (a guard)
        "In patients younger than 65 years, the hazard ratio for death was 0.62.",
        # prostate cancer: a share of the enrolled of an age (a guard)
        "Patients aged 65 or older made up 40% of those enrolled.",
        # leukaemia: the ages a trial stratified by (a guard)
        "Patients were randomized 2:1 and stratified by age (18 to <45, 45 to <60, and >=60 "
        "years).",
        # breast cancer: a median age (a guard)
        "The median age was 67 years; most tumours were grade 1 or 2.",
    ],
)
def test_an_age_said_of_a_group_is_no_age_limit(sentence, vocab):
    assert not [f for f in extract_figures(sentence, vocab) if f.endpoint == AGE_LIMIT]


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        # head and neck cancer: a ratio said again for another part after a long first part
        (
            "By type of local therapy, the HR was 0.89 among patients treated with primary "
            "surgery followed by adjuvant radiotherapy or chemoradiotherapy and 1.02 among those "
            "who received definitive chemoradiotherapy.",
            "1.02",
        ),
        # lung cancer: the same for mutation groups
        (
            "The hazard ratio was 0.71 among patients whose tumours carried an activating "
            "mutation confirmed by central next-generation sequencing and 0.95 among those whose "
            "tumours were wild type.",
            "0.95",
        ),
    ],
)
def test_a_ratio_said_again_after_a_long_part_is_a_ratio(sentence, second, vocab):
    found = {f.value: f.endpoint for f in extract_figures(sentence, vocab)}
    assert found.get(second) == "HR", found


@pytest.mark.parametrize(
    ("sentence", "first"),
    [
        # ovarian cancer: the unit said once for two times in days
        ("Median hospital stay was 10 vs 8 days after surgery.", "10"),
        # gastric cancer: the same for a time to response
        ("The median time to response was 12 vs 8 days.", "12"),
    ],
)
def test_two_times_in_days_said_with_one_unit_are_both_times(sentence, first, vocab):
    found = {f.value: f.unit for f in extract_figures(sentence, vocab)}
    assert found.get(first) == "time", found


@pytest.mark.parametrize(
    ("row", "dose"),
    [
        # gastric cancer: a table's cell that names a drug and its dose is read as prose
        ("Experimental arm | Detail: T-DXd 6.4 mg/kg IV every 3 weeks", "6.4 mg/kg"),
        # lung cancer: the same
        ("Control arm | Pembrolizumab 200 mg every 3 weeks", "200 mg"),
    ],
)
def test_a_cell_of_a_drug_and_its_dose_gives_the_dose(row, dose, vocab):
    found = {f.value: f.endpoint for f in extract_figures(row, vocab)}
    assert found.get(dose) == "dose", found


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # liver cancer: the arms' values in brackets after an event, the control arm named
        (
            "The most common grade 3 or worse TRAE with the combination was hypertension (14% vs "
            "6% with sorafenib).",
            {"14%", "6%"},
        ),
        # melanoma: each value with its arm
        ("The most common event was rash (21% on nivolumab vs 4% on placebo).", {"21%", "4%"}),
    ],
)
def test_the_arms_values_in_brackets_with_their_arms_are_figures(sentence, values, vocab):
    assert values <= {f.value for f in extract_figures(sentence, vocab)}


@pytest.mark.parametrize(
    ("text", "scores"),
    [
        # biliary tract cancer: HER2 staining scores, however written
        ("among the 18 patients with IHC 2+ tumours", {"ihc:2"}),
        ("HER2 IHC3+ or IHC 0 or 1+ disease", {"ihc:3", "ihc:0", "ihc:1"}),
        # gastric cancer: two scores with a slash
        ("the HER2-high (IHC 3+ / 2+FISH+) subgroup", {"ihc:3", "ihc:2"}),
    ],
)
def test_an_ihc_score_is_read_however_written(text, scores):
    assert ihc_scores(text) == scores


@pytest.mark.parametrize(
    ("row", "dose"),
    [
        # colorectal cancer: a dose cell's unit is part of its value
        ("Atezolizumab (experimental arm) | Dose: 840 mg IV, day 1", "840 mg"),
        # cervical cancer: the same
        ("Cisplatin | Dose: 40 mg/m2 weekly with radiotherapy", "40 mg/m2"),
    ],
)
def test_a_dose_cells_unit_is_part_of_its_value(row, dose, vocab):
    found = {f.value: f.unit for f in extract_figures(row, vocab)}
    assert found.get(dose) == "dose", found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # ovarian cancer: alive without a next treatment is time to first subsequent therapy,
        # not overall survival
        (
            "At 7 years, 45.3% of patients in the olaparib arm were alive and had not started a "
            "first subsequent therapy, compared with 20.6% in the placebo arm.",
            "45.3%",
        ),
        # breast cancer: the same, by its name
        (
            "Median time to first subsequent therapy was 51.8 months with ribociclib versus 27.0 "
            "months with placebo.",
            "51.8 months",
        ),
    ],
)
def test_alive_without_a_next_treatment_is_no_overall_survival(sentence, value, vocab):
    [fig] = [f for f in extract_figures(sentence, vocab) if f.value == value]
    assert fig.endpoint == "TFST"
    # alive, said alone, is overall survival still (a guard)
    [alive] = extract_figures("At 5 years, 65% of patients were alive.", vocab)
    assert alive.endpoint == "OS"


@pytest.mark.parametrize(
    ("sentence", "value", "endpoint"),
    [
        # Merkel cell carcinoma: a durable response rate is its own endpoint, and the bracket
        # saying what it means names none of its own
        (
            "The durable response rate (response lasting at least 6 months) was 30.2% (95% CI, "
            "22.0-39.4).",
            "30.2%",
            "DRR",
        ),
        # melanoma: the same, by arm
        (
            "The durable response rate was 16.3% with talimogene laherparepvec versus 2.1% with "
            "GM-CSF.",
            "16.3%",
            "DRR",
        ),
        # lymphoma: a bracket of the responses counted leaves the response rate its figure
        ("The overall response rate (CR plus PR) was 55% with drug X.", "55%", "ORR"),
    ],
)
def test_a_durable_response_rate_is_no_response_rate(sentence, value, endpoint, vocab):
    [fig] = [f for f in extract_figures(sentence, vocab) if f.value == value]
    assert fig.endpoint == endpoint


@pytest.mark.parametrize(
    "sentence",
    [
        # CML: "roughly 1 in 4 patients" is a proportion in words, no head count
        "The AOE rate compares with roughly 1 in 4 patients in long-term follow-up of that study.",
        # breast cancer: the same in words
        "About one in 5 patients stopped endocrine therapy early.",
    ],
)
def test_one_in_n_patients_is_no_head_count(sentence, vocab):
    assert not [f for f in extract_figures(sentence, vocab) if f.endpoint == "enrollment"]
    # a head count stays one (a guard)
    [count] = extract_figures("A total of 283 patients were enrolled.", vocab)
    assert count.endpoint == "enrollment"
