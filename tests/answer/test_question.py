"""Question analysis: general rules, checked on clinicians' phrasings."""

import pytest

from bot.answer.question import analyze


def test_landmark_rates_are_not_medians(vocab):
    q = analyze("FLAURA2 3 year OS rate for the combination?", vocab)
    assert q.target == "OS" and q.landmark == 36 and q.values == []
    assert analyze("What % were alive at 1 year?", vocab).landmark == 12
    assert analyze("24-mo PFS on the experimental arm?", vocab).landmark == 24
    assert analyze("median OS after 24 months of follow-up?", vocab).landmark is None


def test_placebo_with_a_drug_is_the_control_arm(vocab):
    q = analyze("median PFS for the placebo + chemo arm?", vocab)
    assert [k for k, kind in q.qualifiers if kind == "arm"] == ["control"]
    q = analyze("ORR with pembrolizumab plus chemotherapy?", vocab)
    assert [k for k, kind in q.qualifiers if kind == "arm"] == ["combination"]


def test_the_comparator_after_vs_is_not_the_arm_asked(vocab):
    # endometrial cancer: "pembro vs placebo" asks for both arms, pembrolizumab's first
    q = analyze("mPFS pMMR cohort pembro vs placebo?", vocab)
    assert "control" not in [k for k, kind in q.qualifiers if kind == "arm"]
    # prostate cancer: the same with "versus" and the control arm of another trial
    q = analyze("undetectable PSA rate enzalutamide versus pbo?", vocab)
    assert "control" not in [k for k, kind in q.qualifiers if kind == "arm"]
    # the control arm named first is still the arm asked
    q = analyze("median PFS with placebo + chemo vs pembro + chemo?", vocab)
    assert [k for k, kind in q.qualifiers if kind == "arm"] == ["control"]


def test_a_hazard_ratio_belongs_to_no_arm(vocab):
    q = analyze("OS HR for pembro + CRT vs CRT alone?", vocab)
    assert q.target == "HR" and not [k for k, kind in q.qualifiers if kind == "arm"]


def test_how_many_with_another_endpoint_counts_that_endpoint(vocab):
    q = analyze("How many pts discontinued the drug due to AEs (%)?", vocab)
    assert q.target == "discontinuation"


@pytest.mark.parametrize("word", ["L858R", "T790M", "III-IVA", "PCI"])
def test_specific_subgroup_labels_must_be_matched(vocab, word):
    assert word in analyze(f"PFS HR in the {word} subgroup of the trial?", vocab).codes


@pytest.mark.parametrize("word", ["IA1", "post-RT", "3-yr"])
def test_codes_and_words_are_not_trial_names(vocab, word):
    assert word not in analyze(f"OS rate {word} in the trial?", vocab).entities


# ---- numbers that are thresholds, landmarks that are analyses, receptor shorthand


def test_a_number_the_answer_is_compared_with_is_no_figure_to_match(vocab):
    # melanoma and ovarian cancer yes/no questions
    assert analyze("was ORR with nivo alone above 35% in RELATIVITY-047?", vocab).values == []
    assert analyze("was 5-yr PFS on placebo above 25%?", vocab).values == []
    assert analyze("did >50% of pts stay progression free at 5y?", vocab).values == []
    assert analyze("ORR at the 8 mg/kg dose?", vocab).values == ["8 mg/kg"]


def test_a_landmark_is_a_time_point_not_the_name_of_an_analysis(vocab):
    # lung and breast cancer
    assert analyze("mPFS on the crizotinib arm in the 5 yr update?", vocab).landmark is None
    assert analyze("2-yr OS for chemo alone at the 24-mo follow-up?", vocab).landmark == 24
    assert analyze("5y iDFS with endocrine therapy alone?", vocab).landmark == 60
    assert analyze("7-yr OS w/ olaparib?", vocab).landmark == 84


def test_a_median_asked_has_no_landmark(vocab):
    # melanoma and oesophageal cancer: the years name the analysis, a median is a time
    melanoma = analyze("median OS ipilimumab alone arm, checkmate 067 10 yr", vocab)
    assert melanoma.landmark is None and melanoma.target == "OS"
    assert analyze("mDFS on nivo, 3 yrs?", vocab).landmark is None
    # a rate asked beside the word median keeps its landmark
    assert analyze("3-yr OS rate, median f/u 40 mo, nivo arm?", vocab).landmark == 36


def test_receptor_and_repair_shorthand_is_a_population_not_a_hazard_ratio(vocab):
    breast = analyze("IDFS in HR+/HER2- pts?", vocab)
    assert "HR" not in breast.endpoints and ("HR-positive", "setting") in breast.qualifiers
    ovarian = analyze("PFS HR in the HRd population?", vocab)
    assert ovarian.target == "HR" and ("HR-deficient", "setting") in ovarian.qualifiers
    endometrial = analyze("PFS HR in dMMR/MSI-H pts?", vocab)
    assert ("dMMR", "setting") in endometrial.qualifiers
    safety = analyze("G3+ TRAEs w/ lorla?", vocab)
    assert ("grade 3+", "subgroup") in safety.qualifiers and safety.target == "TRAE"


def test_the_population_a_question_names_is_kept_for_the_figure_to_say(vocab):
    # colorectal, liver, breast and head-and-neck cancer
    assert analyze("bev-naive pts OS HR in sunlight", vocab).population == ["bev", "naive"]
    assert ("HBV", "subgroup") in analyze("STRIDE OS HR in HBV pts?", vocab).qualifiers
    assert analyze("IDFS HR in cohort 2?", vocab).population == ["cohort 2"]
    assert "premenopausal" in analyze("IDFS HR in premenopausal pts?", vocab).population
    # an arm, the whole trial or a vocabulary population is not such a part
    assert analyze("G3-4 TRAEs in the chemo arm", vocab).population == []
    assert analyze("median PFS placebo arm overall population?", vocab).population == []
    assert analyze("ORR in the 2L subgroup?", vocab).population == []


def test_two_capitals_before_the_patients_name_a_part(vocab):
    # lymphoma: "FL pts" are those with follicular lymphoma; melanoma: "stage IV pts"
    q = analyze("FL pts on bendamustine alone, IRC mPFS at primary analysis?", vocab)
    assert q.population == ["fl"]
    assert "iv" in analyze("did stage IV pts benefit in CM238?", vocab).population


def test_score_cut_offs_are_one_population_however_typed(vocab):
    assert analyze("12-mo OS rate on nivo+chemo, CPS5+?", vocab).population == ["cps>=5"]
    assert analyze("mOS in CPS≥5 pts", vocab).population == ["cps>=5"]
    assert analyze("HR for OS, CPS 20+", vocab).population == ["cps>=20"]
    assert analyze("any benefit in CPS<5?", vocab).population == ["cps<5"]


def test_two_parts_asked_together_are_both_the_population(vocab):
    # ovarian and lung cancer: "in A vs B subgroups" names two parts, not the whole trial
    assert analyze("OS HR in BRCA1 vs BRCA2 subgroups?", vocab).population == ["brca1", "brca2"]
    assert {"l858r", "del"} <= set(
        analyze("PFS HR in exon 19 del vs L858R subgroups?", vocab).population
    )
    # two sides of one split say which split, not two parts (a guard)
    assert "high" not in analyze("ORR in PD-L1 high and low subgroups", vocab).population


def test_a_groups_name_before_its_trial_code_is_no_term_asked(vocab):
    # breast cancer and melanoma: "ECOG E5103", "ECOG-ACRIN E1609" name the trial, not a
    # performance status
    assert "ECOG" not in analyze("NCT for ECOG E5103", vocab).groups
    assert "ECOG" not in analyze("5-yr RFS ipi 3 vs HDI in ECOG-ACRIN E1609?", vocab).groups
    assert "ECOG" in analyze("ORR in ECOG 2 pts?", vocab).groups  # (a guard)


def test_a_chromosomal_change_is_one_population_word(vocab):
    # myeloma and leukaemia: "t(4;14)", "t(8;21)" said whole, not "t", "4", "14"
    assert analyze("t(4;14) subgroup PFS HR?", vocab).population == ["t(4;14)"]
    assert analyze("CR rate in pts with t(8;21) AML?", vocab).population[-1] == "t(8;21)"
    assert "t" not in analyze("CR rate in pts with t(8;21) AML?", vocab).population


def test_who_a_population_is_said_with_names_it(vocab):
    # colorectal cancer and AML: "pts who already had bev", "FLT3-mut pts"
    assert analyze("OS HR in pts who already had bev?", vocab).population == [
        "bev"
    ]  # not "already"
    assert analyze("mOS in FLT3-mut pts on ven/aza?", vocab).population == ["flt3", "mut"]


def test_shorthand_for_arms_stops_and_the_whole_population(vocab):
    # myeloma, AML and gastric cancer shorthand
    assert ("combination", "arm") in analyze("6 mo OS in the combo arm", vocab).qualifiers
    assert analyze("% who d/c abema due to AEs?", vocab).target == "discontinuation"
    everyone = analyze("HR for death in all randomized pts, nivo chemo vs chemo", vocab)
    assert "overall population" in everyone.groups


def test_cell_therapy_toxicities_are_not_complete_responses(vocab):
    # myeloma CAR-T and lymphoma: CRS is not "CRs"
    assert analyze("G3/4 CRS w/ carvykti?", vocab).target == "CRS"
    assert analyze("how much ICANS did they see?", vocab).target == "ICANS"
    assert analyze("CR rate with cilta-cel?", vocab).target == "CR"
    assert analyze("any grade PN w/ A+AVD?", vocab).target == "peripheral neuropathy"


def test_a_split_or_a_negated_population_in_a_question_is_named(vocab):
    # bladder cancer and liver cancer: "by ctDNA status", "nonviral"
    assert analyze("EFS by ctDNA status in niagara?", vocab).population == ["ctdna"]
    assert ("nonviral", "subgroup") in analyze("ORR in nonviral HCC on STRIDE?", vocab).qualifiers
    # mesothelioma: "non-epithelioid" is a population; lung cancer: "non-small cell" is not
    assert analyze("OS HR non-epithelioid meso?", vocab).population == ["non", "epithelioid"]
    assert analyze("mOS in non-small cell lung cancer?", vocab).population == []


def test_progression_or_death_is_progression_free_survival(vocab):
    from index.figures import extract_figures

    # ovarian and kidney cancer sentences: the hazard ratio of PFS, not of OS
    ovarian = "The hazard ratio for disease progression or death was 0.30 (95% CI, 0.23-0.41)."
    (hr,) = [f for f in extract_figures(ovarian, vocab) if f.value == "0.30"]
    assert {t.key for t in vocab.terms(ovarian)} >= {"HR", "PFS"}
    assert "OS" not in {t.key for t in vocab.terms(ovarian)} and hr.endpoint == "HR"
    kidney = "Lenvatinib plus pembrolizumab reduced the risk of progression or death by 61%."
    assert "risk reduction" in {t.key for t in vocab.terms(kidney)}


def test_a_p_value_is_asked_however_it_is_typed(vocab):
    # head-and-neck and lung cancer questions
    assert analyze("p-val for OS w/ pembro-chemo in the total population?", vocab).target == (
        "P value"
    )
    assert analyze("pval for the PFS comparison, osi vs chemo?", vocab).target == "P value"


def test_an_arm_is_no_population(vocab):
    # "w/ pembro-chemo in the total population": the drugs name the arm, "total" everyone
    q = analyze("p-val for OS w/ pembro-chemo in the total population?", vocab)
    assert q.population == []
    q = analyze("ORR for pts on osimertinib in the brain mets population?", vocab)
    assert ("intracranial", "subgroup") in q.qualifiers and "osimertinib" not in q.population
    # prostate and lung cancer: a class of treatment given alone names the arm
    assert analyze("updated CHAARTED: median OS for ADT-only pts?", vocab).population == []
    assert analyze("mOS in chemo-only pts?", vocab).population == []
    # ... but a site alone names a part of the population (a guard)
    assert analyze("OS in bone-only pts?", vocab).population == ["bone"]


def test_a_defined_abbreviation_is_a_population_a_trial_name_is_not(vocab):
    # lymphoma: "AYA" is an abbreviation the article defines; "A+AVD" a regimen
    known = frozenset({"aya", "a+avd", "echelon-1"})
    q = analyze("PFS with A+AVD in AYA pts?", vocab, known, frozenset({"a+avd", "echelon-1"}))
    assert q.population == ["aya"]
    # breast cancer: a trial named as the population's place is no population
    q = analyze("IDFS in the monarchE population?", vocab, frozenset({"monarche"}))
    assert q.population == []


def test_time_to_a_response_is_its_own_endpoint(vocab):
    # AML and lung cancer: "time to first CR/CRi" is a time, not the CR rate
    assert analyze("was median time to first CR/CRi under 2 mo?", vocab).target == "TTR"
    assert analyze("median time to response with osimertinib?", vocab).target == "TTR"


def test_the_words_before_subgroup_name_the_population(vocab):
    # ovarian cancer and breast cancer
    q = analyze("SOLO-1 CR-at-baseline subgroup: median PFS on placebo?", vocab)
    assert q.population == ["cr", "baseline"]
    q = analyze("IDFS in the Ki-67-high subgroup?", vocab)
    assert q.population == ["ki", "high"]


def test_how_many_of_a_group_of_patients_is_a_count(vocab):
    # endometrial and lung cancer: words between "how many" and "pts"
    assert analyze("how many dMMR/MSI-H pts in RUBY", vocab).target == "enrollment"
    assert analyze("how many EGFR-mutant patients were enrolled?", vocab).target == "enrollment"
    # a count of events stays that event
    assert analyze("how many pts discontinued d/t AEs?", vocab).target == "discontinuation"


def test_a_portion_of_a_trial_is_a_part_of_its_population(vocab):
    # small-cell lung cancer and breast cancer trials with several portions
    q = analyze("How many patients were enrolled in the IDeate-Lung01 extension portion?", vocab)
    assert "extension" in q.population
    assert "expansion" in analyze("ORR in the dose-expansion portion?", vocab).population


def test_serious_side_effects_are_serious_adverse_events(vocab):
    # endometrial and lung cancer questions as patients' doctors type them
    assert analyze(
        "how many people getting dostarlimab had serious side effects?", vocab
    ).target == ("SAE")
    assert analyze("serious AEs with osimertinib?", vocab).target == "SAE"


def test_an_aside_in_brackets_does_not_hide_the_population(vocab):
    # bladder and lymphoma questions with a bracketed aside before "subgroup"
    q = analyze("EFS HR for the CrCl 40-60 (split-dose cis) subgroup", vocab)
    assert q.population == ["crcl"]
    q = analyze("PFS in the bulky (>7 cm) subgroup?", vocab)
    assert q.population == ["bulky"]


def test_a_histology_or_tumours_named_in_a_question_are_a_population(vocab):
    # lung cancer histology; head and neck tumours by score
    assert analyze("77T EFS HR in squamous histology?", vocab).population == ["squamous"]
    assert analyze("mPR rate w/ neoadj pembro in CPS≥10 tumors?", vocab).population == ["cps>=10"]
    # the noun itself is no word the figure must say
    assert analyze("OS in patients with nonsquamous disease", vocab).population == ["nonsquamous"]


def test_the_level_of_a_ci_in_a_question_is_no_value_to_match(vocab):
    # head and neck and cervical cancer questions naming "95% CI"
    assert analyze("upper bound of the 95% CI for the EFS HR", vocab).values == []
    assert analyze("PFS HR and 95% confidence interval at IA1?", vocab).values == []
    # a dose still is
    assert analyze("ORR at 8 mg/kg?", vocab).values == ["8 mg/kg"]
    # a figure is named one way however it is typed (melanoma, myeloma)
    assert analyze("ORR for pembro 2mg/kg in KN002?", vocab).values == ["2 mg/kg"]
    assert analyze("mPFS w/ dara 16MG/KG weekly?", vocab).values == ["16 mg/kg"]
    # ... a radiotherapy dose too, which is no code a sentence must say as typed (lung,
    # head and neck cancer)
    q = analyze("median OS with high-dose 74Gy chemoRT?", vocab)
    assert q.values == ["74 gy"] and q.codes == []
    assert analyze("LRC with RT to 70 Gy + cetux?", vocab).values == ["70 gy"]


def test_one_word_before_pts_names_a_population(vocab):
    # oesophageal and CLL questions; generic words before "pts" name no part
    assert analyze("adeno pts - mDFS nivo?", vocab).population == ["adeno"]
    assert analyze("IGHV-unmutated pts: HR for acala-O?", vocab).population == [
        "ighv",
        "unmutated",
    ]
    assert analyze("how many pts were randomized", vocab).population == []
    assert analyze("ORR in all pts", vocab).population == []
    assert analyze("CR rate in evaluable patients?", vocab).population == []


def test_who_may_get_a_treatment_and_how_much_disease_are_populations(vocab):
    # urothelial cancer and myeloma: eligibility said whole; "eligible pts" alone names no part
    assert analyze("mOS in cisplatin-eligible pts on EV+P?", vocab).population == [
        "cisplatin-eligible"
    ]
    assert "transplant-ineligible" in analyze("PFS in transplant-ineligible pts?", vocab).population
    assert analyze("how many eligible pts were there?", vocab).population == []
    # prostate cancer and follicular lymphoma: the volume or burden of disease
    assert analyze("ARCHES low-volume rPFS HR?", vocab).population == ["low", "volume"]
    assert analyze("PFS w/ high tumour burden?", vocab).population == ["high", "burden"]


def test_a_positive_marker_before_pts_is_a_population_not_a_regimen(vocab):
    # oesophageal and lung cancer: "ypN+ pts", "ALK+ pts" are node- and ALK-positive patients
    assert analyze("ypN+ pts mDFS nivo", vocab).population == ["ypn+"]
    assert analyze("ORR in EML+ pts w/ lorlatinib?", vocab).population == ["eml+"]
    # ... while a "+" between two drugs joins a regimen, spaced or not
    for text in ("mPFS nivo + ipi?", "mPFS nivo+ipi?"):
        assert "plus" in analyze(text, vocab).text


@pytest.mark.parametrize(
    "text",
    [
        "What was the maximum number of prior systemic therapy lines allowed?",  # lung cancer
        "max # of pembro cycles in the cervical cancer trial?",  # cervical cancer
        "minimum no. of prior endocrine therapies required?",  # breast cancer
    ],
)
def test_a_limit_asked_is_a_number_never_a_share(text, vocab):
    units = analyze(text, vocab).units
    assert "percent" not in units and "count" in units, units


@pytest.mark.parametrize(
    "text",
    [
        "how many months was median OS with durvalumab?",  # biliary tract cancer
        "how many weeks until response on lorlatinib?",  # lung cancer
    ],
)
def test_how_many_months_asks_for_a_time(text, vocab):
    assert analyze(text, vocab).units == frozenset({"time"})


@pytest.mark.parametrize(
    "text",
    [
        "how many IBTR events in the APBI arm?",  # breast cancer
        "number of PFS events on olaparib?",  # ovarian cancer
    ],
)
def test_a_number_of_events_asks_for_a_count_not_a_share(text, vocab):
    assert analyze(text, vocab).units == frozenset({"count", "number"})


@pytest.mark.parametrize(
    "text",
    [
        "how many local recurrences were there in the trial (n)?",  # breast cancer
        "how many deaths on sunitinib (n)?",  # kidney cancer
        "how many eligible pts were analysed in the study?",  # breast cancer
        "how many patients were randomised in the cabazitaxel trial?",  # prostate cancer
    ],
)
def test_a_count_said_as_one_asks_for_a_count_not_a_share(text, vocab):
    assert analyze(text, vocab).units == frozenset({"count", "number"})


def test_how_many_patients_had_an_event_may_ask_for_its_share(vocab):
    # breast and lung cancer: "how many pts discontinued" is often answered by its share (a guard)
    assert "percent" in analyze("how many pts discontinued abemaciclib d/t AEs?", vocab).units
    assert "percent" in analyze("how many pts needed tocilizumab for CRS", vocab).units


@pytest.mark.parametrize(
    "text",
    [
        "min age for the luminal A cohort?",  # breast cancer
        "upper age limit for eligibility in the Ewing sarcoma trial?",  # sarcoma
        "what was the maximum age for enrolment?",  # myeloma
    ],
)
def test_an_age_limit_is_asked_by_its_words(text, vocab):
    assert "age limit" in analyze(text, vocab).endpoints


def test_a_median_age_is_no_age_limit(vocab):
    # leukaemia and lung cancer: how old patients were is not who could enrol (a guard)
    assert "age limit" not in analyze("how old were the pts in AGILE, median?", vocab).endpoints
    assert "age limit" not in analyze("median age in the trial?", vocab).endpoints


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("KEYNOTE-826 OS HR in pts who did NOT get bevacizumab?", "not bevacizumab"),  # cervical
        ("mPFS in patients who never received trastuzumab?", "not trastuzumab"),  # breast
        ("OS HR in pts outside Asia?", "outside asia"),  # biliary tract
        ("ORR in patients from North America?", "from north america"),  # lung
        ("KN240 OS hazard ratio for pts enrolled outside Asia", "outside asia"),  # liver
        ("RAINBOW mOS in patients randomized outside of Asia?", "outside of asia"),  # gastric
        ("DFS HR in women in checkmate 274?", "women"),  # urothelial
    ],
)
def test_the_part_of_the_population_a_question_names(text, part, vocab):
    assert part in analyze(text, vocab).population


@pytest.mark.parametrize(
    "text",
    [
        "how many pts in cohort 2 (Ki-67 >=20%)?",  # breast cancer
        "how many pts with PD-L1 TPS >=50% were enrolled?",  # lung cancer
    ],
)
def test_a_cut_off_in_percent_does_not_ask_for_a_share(text, vocab):
    assert "count" in analyze(text, vocab).units


def test_a_sex_with_a_qualifier_is_a_part_of_the_population(vocab):
    # breast cancer and prostate cancer
    assert analyze("iDFS HR in premenopausal women in NATALEE?", vocab).population == [
        "premenopausal",
        "women",
    ]
    assert "frail" in analyze("rPFS HR among frail men?", vocab).population


@pytest.mark.parametrize(
    ("text", "counts_patients"),
    [
        ("how many placebo pts crossed over in ARCHES?", False),  # prostate cancer
        ("seizures w/ enzalutamide - how many pts?", False),  # prostate cancer
        ("how many pts had a fracture on anastrozole?", False),  # breast cancer
        ("how many pts in cohort 2 (Ki-67 >=20%)?", True),  # breast cancer: a part's size
        ("how many patients in each arm?", True),  # any trial: the arms' sizes
    ],
)
def test_how_many_pts_something_happened_to_counts_that_not_the_trials_size(
    text, counts_patients, vocab
):
    assert (analyze(text, vocab).target == "enrollment") == counts_patients


@pytest.mark.parametrize(
    ("text", "schedule"),
    [
        # cervical cancer: how often patients had an event is its rate
        ("how often did pts on tisotumab get nerve damage in the hands/feet?", False),
        # breast cancer: likewise
        ("how frequently did patients on T-DXd develop ILD?", False),
        # any trial: how often a drug was given is its schedule
        ("how often was nivolumab given?", True),
    ],
)
def test_how_often_patients_had_something_is_a_rate_not_a_schedule(text, schedule, vocab):
    q = analyze(text, vocab)
    assert ("how often" in q.groups) == schedule
    assert ("percent" in q.units) != schedule


def test_a_drugs_shorthand_the_lexicon_knows_is_a_name_not_a_code(vocab):
    # urothelial and breast cancer: "EV" and "SG" name drugs, so they scope the question
    assert "EV" in analyze("discontinuation of EV due to TRAEs?", vocab).entities
    assert "SG" in analyze("ORR with SG in 2L TNBC?", vocab).entities
    # a capitalised code that is no drug's shorthand stays a code
    assert "L858R" in analyze("PFS HR in the L858R subgroup?", vocab).codes


@pytest.mark.parametrize(
    ("question", "numeric"),
    [
        ("NCT number of PRISM-First", False),  # the registry's number, not a count
        ("registry number of the VESTA 4XR trial?", False),
        ("number of patients randomized in VESTA 4XR", True),
        ("the number of deaths w/ cabo", True),
    ],
)
def test_the_number_of_a_registry_entry_is_not_a_count(vocab, question, numeric):
    assert analyze(question, vocab).numeric is numeric


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("what was PROpel's primary endpoint", "PROpel"),  # prostate
        ("what is VESTA-2’s NCT number?", "VESTA-2"),  # a typographic apostrophe
    ],
)
def test_a_name_said_with_its_possessive_is_the_name(vocab, question, name):
    assert name in analyze(question, vocab).entities


@pytest.mark.parametrize(
    ("question", "combination"),
    [
        ("panitumumab dose/schedule in the trial", False),  # two things asked, colorectal
        ("pembro dose + max number of cycles?", False),  # cervical
        ("nivo+ipi ORR in melanoma", True),  # a regimen
        ("pembro/chemo PFS in gastric cancer", True),
    ],
)
def test_a_slash_or_plus_joins_drugs_not_the_things_asked(vocab, question, combination):
    asked = {key for key, _ in analyze(question, vocab).qualifiers}
    assert ("combination" in asked) is combination


@pytest.mark.parametrize(
    ("question", "endpoint"),
    [
        ("SPARTAN mMFS apalutamide vs placebo?", "MFS"),  # prostate cancer
        ("mTTP with sorafenib in the HCC trial?", "TTP"),  # liver cancer
        ("mPFS pembro in the pMMR cohort?", "PFS"),  # endometrial cancer
    ],
)
def test_a_median_is_shortened_to_m_before_its_endpoint(vocab, question, endpoint):
    assert analyze(question, vocab).target == endpoint


def test_a_word_inside_a_trials_name_in_capitals_asks_nothing(vocab):
    # ovarian cancer: ATHENA-MONO is a part of the ATHENA trial, not "the monotherapy arm"
    known = frozenset({"athena", "rucaparib"})
    q = analyze("mPFS rucaparib in the HRD pop of ATHENA-MONO?", vocab, known)
    assert not [k for k, kind in q.qualifiers if kind == "arm"]
    # lung cancer: a trial's placebo-controlled part named by the trial
    q = analyze("mOS osimertinib in LUNAR-PBO?", vocab, frozenset({"lunar", "osimertinib"}))
    assert not [k for k, kind in q.qualifiers if kind == "arm"]
    # the monotherapy arm asked in words is still asked
    q = analyze("mPFS in the mono arm of ATHENA?", vocab, known)
    assert [k for k, kind in q.qualifiers if kind == "arm"] == ["control"]


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("ATHENA-MONO HRD- pbo mPFS?", "HR-proficient"),  # ovarian cancer
        ("iDFS in ER- pts?", "HR-negative"),  # breast cancer
        ("HRD+ pts mPFS?", "HR-deficient"),
    ],
)
def test_a_minus_sign_after_a_marker_is_its_negative(vocab, question, key):
    assert key in [k for k, _ in analyze(question, vocab).qualifiers]


def test_a_minus_sign_inside_a_combined_marker_is_the_markers_own(vocab):
    # breast cancer: "HR+/HER2-" is one form of the hormone receptor-positive population
    assert "HR-positive" in [k for k, _ in analyze("12-mo PFS in HR+/HER2- pts?", vocab).qualifiers]


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("mPFS w/ mirv in FRα-medium expressers?", ["fr", "medium"]),  # ovarian cancer
        ("ORR in PD-L1-high expressers?", ["pd", "l1", "high"]),  # lung cancer
        ("iDFS in germline BRCA2 carriers?", ["germline", "brca2"]),  # breast cancer
    ],
)
def test_expressers_and_carriers_are_a_part_of_the_population(vocab, question, words):
    assert analyze(question, vocab).population == words


def test_an_assessment_named_with_its_method_is_asked(vocab):
    # lymphoma and lung cancer: "IRC-assessed" is the independent review's figure
    assert ("BICR", "method") in analyze("IRC-assessed PFS HR in GALLIUM?", vocab).qualifiers
    assert ("BICR", "method") in analyze("IRC assessed ORR w/ lorlatinib?", vocab).qualifiers


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("updated (3.5y f/u) mPFS HRd w/ niraparib?", "PFS"),  # ovarian cancer
        ("updated EV-301 w/ ~2 yr follow-up: mOS for EV?", "OS"),  # urothelial cancer
        ("median follow-up for the OS analysis?", "follow-up"),  # the follow-up asked
    ],
)
def test_a_follow_up_said_with_its_length_is_the_analysis_not_the_figure_asked(
    vocab, question, target
):
    assert analyze(question, vocab).target == target


@pytest.mark.parametrize(
    "question",
    [
        "grade >=3 immune-related AE rate with atezo in cervical ca?",  # cervical cancer
        "any immune-mediated AE on durva in MIBC?",  # bladder cancer
        "irAEs w/ pembro in TNBC?",  # breast cancer
    ],
)
def test_immune_related_events_said_with_one_or_many_aes_are_that_group(question, vocab):
    q = analyze(question, vocab)
    assert "immune-related adverse events" in q.groups and q.target is None


@pytest.mark.parametrize(
    ("question", "population"),
    [
        ("Calquence+BR PFS HR in Ki-67 >=30% pts", ["cut:ki67>=30"]),  # lymphoma
        ("cabo mOS in AFP ≥400 pts?", ["cut:afp>=400"]),  # liver cancer
        ("ARAMIS MFS HR in pts w/ PSADT ≤6 mo?", ["cut:psadt<6"]),  # prostate cancer
    ],
)
def test_a_markers_cut_off_is_the_part_of_the_population_asked(question, population, vocab):
    assert analyze(question, vocab).population == population


@pytest.mark.parametrize(
    "question",
    [
        "MRD neg (10^-5) rate with dara-VTd?",  # myeloma
        "MRD-neg rate in PB w/ ven-obi?",  # CLL
    ],
)
def test_mrd_negativity_typed_short_is_the_endpoint(question, vocab):
    assert analyze(question, vocab).target == "MRD negativity"


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("how many int/poor risk pts were randomized?", {"int", "poor", "risk"}),  # kidney
        ("mOS in high/intermediate risk disease?", {"high", "intermediate", "risk"}),  # myeloma
    ],
)
def test_two_parts_said_together_are_the_population_asked(question, words, vocab):
    assert words <= set(analyze(question, vocab).population)


@pytest.mark.parametrize(
    "question",
    [
        "nominal p for OS in keynote 040 (updated analysis)?",  # head and neck cancer
        "nominal P value for PFS at the update, lung trial?",  # lung cancer
    ],
)
def test_a_nominal_p_is_a_p_value(question, vocab):
    assert analyze(question, vocab).target == "P value"


@pytest.mark.parametrize(
    ("question", "event"),
    [
        ("any-grade hyperphosphatemia rate with erdafitinib?", "hyperphosphatemia"),  # bladder
        ("hypophosphataemia incidence on nirogacestat", "hypophosphatemia"),  # desmoid tumours
        ("hand-foot syndrome (PPE) rate on sunitinib?", "palmar-plantar erythrodysesthesia"),  # RCC
        ("TLS rate on VenR?", "tumor lysis syndrome"),  # CLL
    ],
)
def test_an_adverse_event_as_typed_is_an_event_of_its_own(question, event, vocab):
    groups = analyze(question, vocab).groups
    assert event in groups and vocab.is_event(event)


@pytest.mark.parametrize(
    "question",
    ["SD as best response, paz vs pbo?", "stable disease rate w/ ivosidenib?"],  # sarcoma, biliary
)
def test_stable_disease_asked_is_not_the_response_rate(question, vocab):
    assert analyze(question, vocab).target == "SD"


def test_a_slash_in_brackets_after_an_arm_lists_its_choices(vocab):
    # urothelial and endometrial: the chemo arm's choices, not a combination
    for text in (
        "what was median OS in the chemo arm (docetaxel/vinflunine) in THOR?",
        "mPFS in the TPC (doxorubicin/paclitaxel) arm?",
    ):
        assert ("combination", "arm") not in analyze(text, vocab).qualifiers, text
    # lung (guard): a slash between two drugs is still a combination
    assert ("combination", "arm") in analyze("mOS with nivolumab/ipilimumab?", vocab).qualifiers


@pytest.mark.parametrize(
    "text, population",
    [
        # breast: "w/o" is no pair of parts said together ("int/poor risk pts")
        ("BOLERO-2 PFS HR w/o visceral disease", ["visceral"]),
        # urothelial: the part ends before the trial named after it
        ("OS HR in pts w/ visceral mets in THOR?", ["visceral", "mets"]),
        # myeloma: likewise
        (
            "PFS HR in pts with high-risk cytogenetics in KarMMa-3?",
            ["high", "risk", "cytogenetics"],
        ),
        # lung: a trial's name and number is no part of the population
        ("p value for OS in EMPOWER-Lung 1 primary", []),
        # breast and head and neck: "cohort 3-yr IDFS" is a cohort's landmark, not cohort 3
        ("node+ cohort 3-yr IDFS pertuzumab vs placebo?", ["node+"]),
        ("HPV+ cohort 2-yr OS?", ["hpv+"]),
        # colorectal and melanoma: shorthand said as articles write it
        ("mOS in KRAS wt pts?", ["kras", "wildtype"]),
        ("PFS in BRAF wt pts?", ["braf", "wildtype"]),
        # (brain metastases are the vocabulary's part, matched by its own rules)
        ("PFS HR in pts with hx of brain mets?", ["history"]),
        # GIST and myeloma: a count of prior lines is said with its sign
        ("PFS HR in pts with >=4 prior lines, INVICTUS?", [">=4", "prior", "lines"]),
        ("ORR in pts w/ ≥3 prior lines?", ["≥3", "prior", "lines"]),
        # head and neck and lung: a cut-off's sign is no word of its own
        ("OS HR in PD-L1 >=1% pts, nivo vs IC?", ["pdl>=1"]),
        ("mOS in TPS >=50% pts, pembro vs SOC?", ["tps>=50"]),
    ],
)
def test_the_population_a_question_names(vocab, text, population):
    assert analyze(text, vocab).population == population


def test_clinicians_shorthand_for_analyses_and_arms(vocab):
    # prostate and cervical: "first IA" is the first interim analysis; "ctrl arm" the control
    assert "first interim" in analyze("rPFS HR in BRCA pts (first IA)?", vocab).analyses
    assert "second interim" in analyze("OS HR at IA2 w/ pembro?", vocab).analyses
    assert ("control", "arm") in analyze("R/M NPC: mDOR in ctrl arm?", vocab).qualifiers
    assert ("control", "arm") in analyze("EFS in the ctrl group, cervical?", vocab).qualifiers


def test_a_site_said_with_a_prefix_is_a_population(vocab):
    # desmoid tumours and cholangiocarcinoma
    assert analyze("PFS HR for extra-abdominal desmoids in DeFi?", vocab).population == [
        "extra",
        "abdominal",
    ]
    assert analyze("OS HR for intrahepatic tumours w/ ivosidenib?", vocab).population == [
        "intrahepatic"
    ]


@pytest.mark.parametrize(
    "text, short",
    [
        # gastric and pancreatic: a regimen's drugs asked
        ("FLOT = which drugs?", "FLOT"),
        ("what drugs are in FOLFIRINOX?", "FOLFIRINOX"),
        # breast and melanoma: an endpoint's abbreviation asked with "= ?"
        ("IDFS = ?", "IDFS"),
        ("DMFS = ?", "DMFS"),
        # prostate and liver cancer: an abbreviation opening with a lower-case letter
        ("CALGB 90401 population - what does mCRPC stand for here?", "mCRPC"),
        ("what does uHCC mean?", "uHCC"),
    ],
)
def test_an_abbreviation_asked_to_be_spelt_out(vocab, text, short):
    assert analyze(text, vocab).defines == short


def test_an_endpoint_with_a_value_is_no_abbreviation_asked(vocab):
    # lung (guard): "ORR = 40%?" asks the figure
    assert analyze("ORR = 40%?", vocab).defines is None


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("mOS by MSKCC risk group pazo vs suni?", "mskcc"),  # kidney cancer
        ("OS by ELN risk category w/ gilteritinib?", "eln"),  # AML
    ],
)
def test_figures_by_risk_group_are_those_of_its_parts(text, part, vocab):
    assert part in analyze(text, vocab).population


@pytest.mark.parametrize(
    "text",
    [
        "# of TNBC pts in CREATE-X?",  # breast cancer
        "#of pts w/ ALK fusions randomized?",  # lung cancer
    ],
)
def test_a_hash_of_asks_a_number(text, vocab):
    q = analyze(text, vocab)
    assert q.numeric and "count" in q.units


def test_the_registry_hash_asks_no_number(vocab):
    # CML (a guard: "NCT #" is the registry number)
    assert not analyze("NCT # of ENESTnd?", vocab).numeric


@pytest.mark.parametrize(
    "text",
    [
        "distant DFS / DRFS at 5 yrs with cape vs control?",  # breast cancer
        "5-yr distant RFS w/ dabrafenib + trametinib?",  # melanoma
    ],
)
def test_distant_disease_free_survival_is_its_own_endpoint(text, vocab):
    assert analyze(text, vocab).target == "DRFS"


@pytest.mark.parametrize(
    "text",
    [
        "ICON7 total n?",  # ovarian cancer
        "overall n in KEYNOTE-045?",  # urothelial cancer
    ],
)
def test_total_n_asks_for_the_enrolment(text, vocab):
    assert analyze(text, vocab).target == "enrollment"


def test_drugs_joined_by_a_slash_are_a_regimen_not_a_code(vocab):
    # head and neck cancer and colorectal cancer: "cis/5-FU", "FOLFOX/bev"
    assert analyze("OS HR adding docetaxel to cis/5-FU?", vocab).codes == []
    assert analyze("ORR with pembro+5-FU?", vocab).codes == []


def test_a_trial_name_with_a_dot_names_no_population(vocab):
    # colorectal and breast cancer: "in the whole CO.17 population", "the MA.17 population"
    for text in ("In the whole CO.17 population, PFS HR?", "mDFS in the MA.17 population?"):
        assert analyze(text, vocab, frozenset({"co.17", "ma.17"})).population == [], text


@pytest.mark.parametrize(
    ("question", "endpoint"),
    [
        ("by how much did adding the taxane lower the chance of dying?", "risk reduction"),  # H&N
        ("how much did the drug reduce the chance of progressing or dying?", "risk reduction"),
        ("by how much did ipilimumab lower the hazard of recurrence or death?", "risk reduction"),
    ],
)
def test_a_lowered_chance_of_dying_is_a_risk_reduction(vocab, question, endpoint):
    assert endpoint in analyze(question, vocab).endpoints


def test_a_percent_sign_asks_for_a_number(vocab):
    # cervical cancer and myeloma: "what % of pts", "% of pts with ..."
    assert analyze("what % of pts were stage IB1?", vocab).numeric
    assert analyze("% of pts with t(4;14)?", vocab).numeric
    # a figure typed in the question asks nothing by its sign (a guard)
    assert not analyze("was the ORR above 40%?", vocab).numeric


def test_a_pathway_asked_is_a_part_of_the_population(vocab):
    # myeloma (transplant pathways) and Hodgkin lymphoma (PET-guided pathways)
    assert analyze("PFS HR in the TNE pathway?", vocab).population == ["tne"]
    assert analyze("TE pathway: mPFS len vs observation?", vocab).population == ["te"]
    assert analyze("3-yr PFS in the PET-positive pathway?", vocab).population == ["pet", "positive"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # cancer-associated thrombosis: the part without a GI cancer, before a colon
        ("pts without GI cancer: major bleeding rate with dalteparin?", {"gi", "cancer"}),
        # kidney cancer: the part without a prior nephrectomy, before a semicolon
        ("pts without prior nephrectomy; OS HR?", {"prior", "nephrectomy"}),
    ],
)
def test_a_part_said_without_something_ends_at_a_colon_or_semicolon(text, words, vocab):
    assert words <= set(analyze(text, vocab).population)


@pytest.mark.parametrize(
    ("question", "names", "endpoint"),
    [
        # polycythaemia vera: the trial RESPONSE asks no response rate
        ("NCT number for RESPONSE (rux in PV)?", {"response"}, None),
        ("mOS in RESPONSE?", {"response"}, "OS"),
        # glioblastoma: the trial SURVIVAL asks no survival
        ("NCT number for SURVIVAL?", {"survival"}, None),
    ],
)
def test_an_indexed_trials_name_in_capitals_is_no_endpoint(question, names, endpoint, vocab):
    q = analyze(question, vocab, frozenset(names))
    assert q.target == endpoint
    # unindexed, the word is the endpoint (a guard)
    assert analyze("ORR w/ the combo", vocab).target == "ORR"


def test_a_drug_taken_before_is_a_word_of_the_part_asked(vocab):
    # breast cancer and myeloma: "prior tamoxifen", "previous lenalidomide" are histories
    assert {"prior", "tamoxifen"} <= set(
        analyze("DFS HR in pts w/ prior tamoxifen only?", vocab).population
    )
    assert "lenalidomide" in analyze("ORR in pts with previous lenalidomide", vocab).population
    # CLL and myeloma: said as what patients were exposed or refractory to
    exposed = analyze("HELIOS PFS HR in pts previously exposed to bendamustine?", vocab)
    assert {"exposed", "bendamustine"} <= set(exposed.population)
    assert "lenalidomide" in analyze("ORR in pts refractory to lenalidomide", vocab).population
    # breast cancer (a guard): "pts treated with SG" names the arm, no part
    assert analyze("mPFS in Trop-2 high pts treated with SG?", vocab).population == ["trop", "high"]
    # a drug given in the trial stays an arm, no part (a guard)
    assert "letrozole" not in analyze("DFS in pts on letrozole?", vocab).population


@pytest.mark.parametrize(
    ("question", "names", "word"),
    [
        # neuroendocrine tumours: the trial CONTROL NETs has no control arm asked
        ("randomization ratio in CONTROL NETs", {"control nets"}, "control"),
        ("primary endpoint of the control nets trial", {"control nets"}, "control"),
        # lung cancer: the trial ADJUVANT BrUOG asks no adjuvant setting
        ("DFS HR in ADJUVANT BrUOG?", {"adjuvant bruog"}, "adjuvant"),
    ],
)
def test_an_indexed_name_of_several_words_holds_no_vocabulary_term(question, names, word, vocab):
    q = analyze(question, vocab, frozenset(names))
    assert word not in {key for key, _ in q.qualifiers}
    # unindexed, the word is read (a guard)
    assert word in {key for key, _ in analyze(question, vocab).qualifiers}


@pytest.mark.parametrize(
    ("question", "names", "spelt"),
    [
        # neuroendocrine tumours and prostate cancer: a radionuclide typed by its symbol, as the
        # index names it
        ("G3-4 AEs: combo vs Lu-177 alone", {"lutetium-177"}, "lutetium-177 alone"),
        ("rPFS with 177Lu vs cabazitaxel?", {"lutetium-177"}, "lutetium-177 vs"),
        ("mrPFS with Ra223 + enza?", {"radium-223"}, "radium-223 + enza"),
        # liver cancer: either way round
        ("OS with 90Y vs sorafenib?", {"yttrium-90"}, "yttrium-90 vs"),
    ],
)
def test_a_radionuclides_symbol_is_spelt_as_the_index_names_it(question, names, spelt, vocab):
    assert spelt in analyze(question, vocab, frozenset(names)).text
    # unindexed, or a compound name of its own, it stays as typed (guards)
    assert analyze(question, vocab).text == question
    assert "177Lu-PSMA-617" in analyze("ORR 177Lu-PSMA-617?", vocab, frozenset(names)).text
    assert "10y OS" in analyze("10y OS?", vocab, frozenset({"yttrium-10"})).text


@pytest.mark.parametrize(
    "question",
    [
        # polycythaemia vera: what the haematocrit control rate measures, not the control arm
        "Hematocrit control rate with ruxolitinib?",
        # head and neck cancer: pain control
        "pain control rate with the mouthwash?",
    ],
)
def test_control_after_what_is_controlled_is_no_control_arm(question, vocab):
    q = analyze(question, vocab)
    assert ("control", "arm") not in q.qualifiers
    assert "control" in q.content
    # "vs control", "placebo control", "the control arm" stay the arm (guards)
    assert ("control", "arm") in analyze("ORR in the control arm", vocab).qualifiers
    assert ("control", "arm") in analyze("placebo control mPFS", vocab).qualifiers


@pytest.mark.parametrize(
    ("question", "part"),
    [
        # GIST: "mutants" name the patients, and the exon's number is part of the part
        ("PFS HR 800 vs 400 in KIT exon 11 mutants in 62005?", ["kit", "exon", "11"]),
        # lung cancer: the same for EGFR
        ("ORR in EGFR exon 20 mutants?", ["egfr", "exon", "20"]),
    ],
)
def test_mutants_of_an_exon_are_a_part_of_the_population(question, part, vocab):
    assert analyze(question, vocab).population == part


def test_a_margin_asked_in_other_words_is_the_ni_margin(vocab):
    # lung and breast cancer: "HR margin", "margin for noninferiority"
    assert (
        analyze(
            "which HR margin did they use for noninferiority in the segmentectomy trial", vocab
        ).target
        == "NI margin"
    )
    assert analyze("what hazard ratio margin did the APBI trial use?", vocab).target == "NI margin"
    assert analyze("what HR was the NI margin?", vocab).target == "NI margin"


@pytest.mark.parametrize(
    "question",
    [
        # endometrial and breast cancer: "how many pts in the X subgroup" counts the subgroup's
        # patients, no event that happened to them
        "how many pts in the TP53 wild-type subgroup of SIENDO",
        "how many women were in the node-negative subgroup?",
    ],
)
def test_how_many_in_a_subgroup_is_its_head_count(question, vocab):
    assert analyze(question, vocab).endpoints == ["enrollment"]


def test_a_benchmark_to_clear_is_no_figure_asked(vocab):
    # head and neck cancer and melanoma: the yardstick a yes/no question names is no value of
    # an arm the answer must say
    assert analyze("did arm B's 2y PFS clear the 85% benchmark?", vocab).values == []
    assert analyze("did the ORR meet the 30% threshold in the melanoma cohort?", vocab).values == []


@pytest.mark.parametrize(
    ("question", "short"),
    [
        # sarcoma, Ewing sarcoma and oesophageal cancer: an abbreviation asked with the article
        # or trial it is in, in quotes, or with the noun it names
        ("what is UPS in the SARC028 article", "UPS"),
        ("in rEECur what is 'IT'?", "IT"),
        ("in orient-15 what does the CF chemo backbone stand for?", "CF"),
    ],
)
def test_an_abbreviation_asked_in_context_is_spelt_out(question, short, vocab):
    assert analyze(question, vocab).defines == short


def test_an_endpoint_asked_in_context_wants_its_figure(vocab):
    # lung cancer and melanoma: "what is ORR in KEYNOTE-189" asks for the rate (a guard)
    assert analyze("what is ORR in KEYNOTE-189", vocab).defines is None
    assert analyze("what is the OS in the BRAF cohort?", vocab).defines is None


@pytest.mark.parametrize(
    "question",
    [
        # oesophageal and ovarian cancer: progression-free survival said in plain words
        "how long did pts on placebo plus chemo typically go before their disease progressed?",
        "On average how long did the all-oral ced/olap regimen hold off progression?",
    ],
)
def test_time_before_progression_in_plain_words_is_pfs(question, vocab):
    assert analyze(question, vocab).target == "PFS"


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # glioma and colorectal cancer: a gene's mutant or wild-type form in chat shorthand is
        # a part of the population
        ("mPFS RT vs TMZ in IDHmut 1p19q intact?", {"idh", "mutant"}),
        ("ORR w/ cetuximab in KRASwt pts?", {"kras", "wild", "type"}),
        # breast and colorectal cancer: the form apart from the gene, in capitals
        ("PIK3CA WT subgroup ORR taselisib arm?", {"pik3ca", "wild", "type"}),
        ("ORR w/ panitumumab in RAS WT pts?", {"ras", "wild", "type"}),
    ],
)
def test_a_markers_shorthand_is_a_part_of_the_population(question, words, vocab):
    assert words <= set(analyze(question, vocab).population)


def test_what_only_looks_like_a_markers_shorthand_stays(vocab):
    # glioma (guards): a gene whose name ends in a form's letters
    assert "MGMT unmethylated" in analyze("mOS in MGMT unmethylated pts?", vocab).text
    # Wilms tumour: a trial's name with its number
    assert "SIOP WT 2001" in analyze("median f/u SIOP WT 2001", vocab).text
    # colorectal cancer: a name the index knows
    known = analyze("KRAS WT cohort ORR?", vocab, frozenset({"kras wt"}))
    assert known.text == "KRAS WT cohort ORR?"


@pytest.mark.parametrize(
    ("question", "score"),
    [
        # biliary tract cancer: a staining score asked, said whole
        ("response rate in IHC 2+ tumours on zanidatamab", "ihc:2"),
        # gastric cancer: written without a space
        ("median OS for HER2 IHC3+ pts?", "ihc:3"),
    ],
)
def test_an_ihc_score_asked_is_a_part_said_whole(question, score, vocab):
    population = analyze(question, vocab).population
    assert score in population and "2+" not in population and "ihc" not in population


@pytest.mark.parametrize(
    ("question", "arm"),
    [
        # gastric cancer: patients "with laparoscopy" are an arm's, no part of the population
        ("3-year DFS in stage III pts with laparoscopy in CLASS-01?", "laparoscopy"),
        # prostate cancer: patients "with SBRT" the same
        ("PFS in pts with SBRT?", "sbrt"),
    ],
)
def test_patients_named_by_their_treatment_are_an_arm(question, arm, vocab):
    assert arm not in analyze(question, vocab).population


@pytest.mark.parametrize(
    "question",
    [
        # biliary tract cancer: how soon responses came, in plain words
        "How quickly did responses show up on zanidatamab, typically?",
        # myeloma: the same, said of the patients
        "how quickly did pts respond to teclistamab?",
    ],
)
def test_how_quickly_responses_came_is_time_to_response(question, vocab):
    assert analyze(question, vocab).target == "TTR"


@pytest.mark.parametrize(
    ("question", "months"),
    [
        # chronic GVHD: failure-free survival is reported as a rate at a landmark too
        ("12-month FFS rate rux arm REACH3?", 12),
        # Hodgkin lymphoma: the same, by its long name
        ("5-year freedom from treatment failure with BEACOPP?", 60),
    ],
)
def test_failure_free_survival_has_landmark_rates(question, months, vocab):
    q = analyze(question, vocab)
    assert q.target == "FFS" and q.landmark == months and q.values == []


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # lung cancer: a smoking history is a part of the population
        ("PFS HR in never-smokers in harmoni-2?", {"never", "smokers"}),
        # oropharyngeal cancer: the same
        ("OS in former smokers with HPV+ OPC?", {"former", "smokers"}),
    ],
)
def test_a_smoking_history_is_a_part_of_the_population(question, words, vocab):
    assert words <= set(analyze(question, vocab).population)


@pytest.mark.parametrize(
    ("question", "part"),
    [
        # cutaneous SCC: a numbered group of a single-arm study is a part of it
        ("group 3 (350 mg q3w mCSCC) ORR?", "group 3"),
        # lymphoma: the same
        ("ORR in group 2?", "group 2"),
    ],
)
def test_a_numbered_group_is_a_part_of_the_population(question, part, vocab):
    assert part in analyze(question, vocab).population


def test_a_time_after_group_is_no_numbered_group(vocab):
    # head and neck cancer: "low-risk group ... 3y OS" asks a 3-year rate, no "group 3y"
    population = analyze("RTOG 0129 low-risk group (HPV/pack-yrs/N stage) 3y OS?", vocab).population
    assert not any("3y" in p for p in population), population


@pytest.mark.parametrize(
    ("question", "target"),
    [
        # chronic myeloid leukaemia: "OR" in capitals is an odds ratio
        ("OR per additional year of imatinib for staying in MMR at 6 mo?", "odds ratio"),
        # prostate cancer: the same
        ("biochemical response OR lower CI limit?", "odds ratio"),
        # breast cancer: "or" in lower case joins two endpoints (a guard)
        ("ORR or DCR with the ADC?", "ORR"),
    ],
)
def test_or_in_capitals_is_an_odds_ratio(question, target, vocab):
    assert analyze(question, vocab).target == target


@pytest.mark.parametrize(
    ("question", "target"),
    [
        # kidney cancer (a PET tracer): a test's accuracy is an endpoint of its own
        ("ZIRCON sensitivity for ccRCC?", "sensitivity"),
        ("NPV of girentuximab PET?", "NPV"),
        # oesophageal cancer (ctDNA): the same spelt out
        ("negative predictive value of ctDNA after CRT?", "NPV"),
        ("specificity of ctDNA for residual disease?", "specificity"),
    ],
)
def test_a_tests_accuracy_is_an_endpoint(question, target, vocab):
    assert analyze(question, vocab).target == target


@pytest.mark.parametrize(
    ("question", "units"),
    [
        # brain metastases: a time point and no endpoint the vocabulary knows asks for a share
        ("12-mo freedom from intracranial progression on TTFields?", {"percent"}),
        # head and neck cancer: the same
        ("2-yr freedom from nodal relapse, neck dissection?", {"percent"}),
        # ... not a median at a time point: a time (a guard)
        ("median time to nodal relapse at 2 yrs?", {"time"}),
        # ... nor a mean score (prostate cancer, head and neck cancer)
        ("1-yr ICIQ incontinence score adjuvant vs obs?", set()),
        ("mean MDADI composite at 1 yr for 60 Gy + cis?", set()),
        # brain metastases: a time to an event the vocabulary does not know asks for a time
        ("METIS time to intracranial progression w/ TTFields?", {"time"}),
        # prostate cancer: the same
        ("time to castration resistance with docetaxel?", {"time"}),
        # ... its hazard ratio asked is no time (a guard)
        ("HR for time to castration resistance?", set()),
    ],
)
def test_an_unknown_endpoint_at_a_time_point_asks_a_share_and_a_time_to_it_a_time(
    question, units, vocab
):
    assert set(analyze(question, vocab).units) == units


@pytest.mark.parametrize(
    "question",
    [
        # bladder cancer: the enrolment and the randomisation ratio asked together; the count
        # is the trial's size, not a count of another thing
        "how many pts enrolled in IMvigor010 and randomization ratio",
        # Hodgkin lymphoma: the same
        "how many pts were randomized in AHOD1331 and in what ratio",
    ],
)
def test_how_many_randomized_and_in_what_ratio_asks_the_enrolment(question, vocab):
    q = analyze(question, vocab)
    assert q.target == "enrollment" and "randomization ratio" in q.endpoints


def test_how_many_had_an_event_is_no_enrolment(vocab):
    # lung cancer: a count of another thing (a guard)
    assert analyze("how many pts discontinued due to AEs?", vocab).target == "discontinuation"
