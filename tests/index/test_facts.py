"""Facts extracted from the seed articles: known values as the articles report them."""

import pytest

from index.annotate import annotate
from index.facts import extract_facts
from index.loaders import load_file
from tests.conftest import seed_files


@pytest.fixture(scope="module")
def seed_facts(vocab):
    out = []
    for path in seed_files():
        article = load_file(path)
        meta = annotate(article.text, vocab)
        facts = extract_facts(article.text, meta.trials, meta.drugs, vocab, article.title)
        out.append((article.text, facts))
    return out


def _find(seed_facts, endpoint, value):
    return [
        (text, f)
        for text, facts in seed_facts
        for f in facts
        if (f.endpoint, f.value) == (endpoint, value)
    ]


def test_each_fact_span_holds_its_value(seed_facts):
    for text, facts in seed_facts:
        assert facts
        for f in facts:
            assert text[f.start : f.end] == f.sentence
            assert f.value in f.sentence


@pytest.mark.parametrize(
    ("value", "arm_word", "ci"),
    [
        ("48.2%", "12 mg/kg", "39.6%-56.9%"),
        ("56.3%", "second-line", "37.7%-73.6%"),
        ("45.7%", "third-line", "36.0%-55.7%"),
    ],
)
def test_orr_by_subgroup(seed_facts, value, arm_word, ci):
    found = _find(seed_facts, "ORR", value)
    assert any(arm_word in f.arm and f.ci == ci for _, f in found), found


def test_two_arms_and_their_hazard_ratio(seed_facts):
    pfs = {
        f.value: f
        for _, f in _find(seed_facts, "PFS", "5.4 months") + _find(seed_facts, "PFS", "2.1 months")
    }
    assert "combination" in pfs["5.4 months"].arm and "alone" in pfs["2.1 months"].arm
    (_, hr), *_ = _find(seed_facts, "HR", "0.54")
    assert hr.trial == "IMforte" and hr.p_value.strip() == "< .0001"


def test_lists_without_arms_take_the_arms_of_the_sentence_before(seed_facts):
    (_, combo), *_ = _find(seed_facts, "TRAE", "25.6%")
    (_, control), *_ = _find(seed_facts, "TRAE", "5.8%")
    assert "lurbinectedin" in combo.arm and "alone" in control.arm
    assert combo.subgroup == control.subgroup == "grade 3+"


def test_named_events_and_headlines_are_not_endpoint_facts(seed_facts):
    assert not _find(seed_facts, "TRAE", "43.1%")  # "nausea (43.1%)"
    assert not _find(seed_facts, "ORR", "48%")  # the headline's rounded figure
