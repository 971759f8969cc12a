"""Whose population a figure is: the whole trial's or a part of it."""

import pytest

from index.arms import population_phrase
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
    ],
)
def test_a_figure_of_the_whole_trial_has_no_population_phrase(sentence, value, vocab):
    assert population_phrase(sentence, _figure(sentence, value, vocab)) is None


def test_responders_are_a_part_of_the_population(vocab):
    # head and neck cancer: a duration of response among one subgroup's responders
    sentence = "Median DoR was 20.9 months in CPS ≥20 responders."
    phrase = population_phrase(sentence, _figure(sentence, "20.9", vocab))
    assert phrase is not None and "CPS ≥20" in phrase
