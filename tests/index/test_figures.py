"""Known values: sentences from the seed articles, figures as the articles report them."""

from index.figures import extract_figures

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
