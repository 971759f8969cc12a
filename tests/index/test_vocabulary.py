"""The domain vocabulary as the project ships it (prompts/vocabulary.yaml)."""

import pytest


def test_adverse_events_of_their_own_are_marked_as_events(vocab):
    # one event's rate (neutropenia, hypertension by its shorthand) against every event's
    for text in ("grade 3 neutropenia", "HTN", "ALT elevation"):
        assert any(vocab.is_event(t.key) for t in vocab.terms(text)), text
    for text in ("any grade", "TRAEs", "grade 3 or higher"):
        assert not any(vocab.is_event(t.key) for t in vocab.terms(text)), text


def test_words_that_only_end_like_a_drug_are_no_drugs(vocab):
    # colorectal and leukaemia drugs by their stems; English words with a drug's ending
    assert vocab.is_drug_name("sotorasib") and vocab.is_drug_name("chlorambucil")
    assert not vocab.is_drug_name("except") and not vocab.is_drug_name("concept")
    # supportive and older biologics: MDS (epoetin), breast cancer (filgrastim), melanoma and
    # kidney cancer (interferon)
    for drug in ("epoetin", "darbepoetin", "filgrastim", "pegfilgrastim", "interferon"):
        assert vocab.is_drug_name(drug), drug
    # CNS lymphoma's thiotepa; myeloma's and colorectal cancer's thromboprophylaxis
    for drug in ("thiotepa", "aspirin", "enoxaparin", "dalteparin", "warfarin"):
        assert vocab.is_drug_name(drug), drug
    for word in ("comparing", "preparing", "spirit"):  # words that only end like one
        assert not vocab.is_drug_name(word), word


def test_a_cased_form_is_matched_in_its_case_only(vocab):
    # leukaemia's composite complete remission "CRc" against colorectal cancer's "CRC"
    assert [t.key for t in vocab.terms("CRc rate with quizartinib")] == ["CR+CRi"]
    assert [t.key for t in vocab.terms("encorafenib in BRAF-mutant CRC")] == ["CRC"]
    assert [t.key for t in vocab.terms("mCRC pts")] == ["CRC"]
    # anal and rectal cancer: a clinical complete response after chemoradiation, "cCR"
    assert [t.key for t in vocab.terms("cCR at 26 wks w/ mitomycin?")] == ["CR"]
    assert [t.key for t in vocab.terms("rate of cCR after TNT in rectal ca")] == ["CR"]


def test_how_a_figure_was_assessed_is_said_many_ways(vocab):
    # lung and colorectal cancer: the method, and the control arm named after investigators
    def keys(text):
        return [t.key for t in vocab.terms(text)]

    assert keys("BICR-assessed median PFS") == ["BICR", "PFS"]
    assert keys("the investigator PFS HR")[:1] == ["investigator-assessed"]
    assert keys("43.1% of those receiving investigator's choice") == ["control"]
    assert keys("vs physician's choice of chemotherapy")[:1] == ["control"]


def test_cancer_specific_survival_is_no_overall_survival(vocab):
    # melanoma and breast cancer: deaths from the cancer only
    for text in ("10-year melanoma-specific survival", "breast cancer-specific survival"):
        assert [t.key for t in vocab.terms(text) if t.kind == "endpoint"] == ["DSS"], text
    assert [t.key for t in vocab.terms("10-year overall survival")] == ["OS"]


def test_cancer_specific_mortality_is_cancer_specific_survival_counted(vocab):
    # prostate and breast cancer: deaths from the cancer only, said as mortality
    for text in (
        "- Prostate cancer-specific mortality: HR 0.10 (95% CI, 0.03-0.33)",
        "Breast cancer-specific mortality was 3.1% vs 4.0% at 10 years",
    ):
        assert [t.key for t in vocab.terms(text) if t.kind == "endpoint"][:1] == ["DSS"], text


def test_an_independent_imaging_review_is_a_central_review(vocab):
    # endometrial and lung cancer: the assessment's method said with the imaging
    for text in (
        "ORR per RECIST 1.1 by independent imaging review was 31.9%",
        "PFS by independent radiology review: 10.1 months",
    ):
        assert "BICR" in [t.key for t in vocab.terms(text) if t.qualifier == "method"], text


def test_the_time_to_next_treatment_is_the_time_to_first_subsequent_therapy(vocab):
    # Waldenström's macroglobulinaemia and CLL: lymphoma trials' name for TFST
    for text in (
        "median time to next treatment in the placebo-rituximab arm?",
        "TTNT was 56.4 months with obinutuzumab-chlorambucil",
    ):
        assert [t.key for t in vocab.terms(text) if t.kind == "endpoint"][:1] == ["TFST"], text


def test_a_major_response_is_no_overall_response(vocab):
    # Waldenström's macroglobulinaemia and myeloma: partial response or better, apart from ORR
    for text in (
        "The major response rate was 72% with ibrutinib-rituximab.",
        "MRR (PR or better) with the doublet: 61%",
    ):
        assert [t.key for t in vocab.terms(text) if t.kind == "endpoint"][:1] == ["MRR"], text
    assert [t.key for t in vocab.terms("overall response rate 92%")] == ["ORR"]  # a guard


def test_biochemical_failure_is_an_endpoint_of_its_own(vocab):
    # prostate and thyroid cancer: the event of biochemical progression-free survival
    for text in (
        "- PSA failure: HR 0.52 (95% CI, 0.38-0.71; P < .001).",
        "Biochemical recurrence occurred in 12% of patients after radioiodine.",
    ):
        named = [t.key for t in vocab.terms(text) if t.kind == "endpoint"]
        assert named[:1] == ["biochemical failure"], text
    # biochemical progression-free survival stays itself (a guard)
    assert [t.key for t in vocab.terms("5-year biochemical PFS")][:1] == ["bPFS"]


def test_which_analysis_a_sentence_names(vocab):
    # cervical and biliary tract cancer: interim analyses apart, the primary endpoint no analysis
    assert vocab.analyses_named("PFS at the first interim analysis (IA1)") >= {"first interim"}
    assert "first interim" not in vocab.analyses_named("OS at the second interim analysis")
    assert vocab.analyses_named("The primary endpoint was OS.") == set()
    assert vocab.analyses_named("With longer follow-up, median OS was 12.8 months") == {"updated"}


def test_words_that_look_like_an_analysis_and_are_none(vocab):
    # breast and lung cancer: the trial's primary population is no primary analysis
    named = vocab.analyses_named
    assert named("In the primary HER2-low population (n=713), median PFS was 13.2 months") == set()
    assert named("In the primary efficacy population, median OS was 16.7 months") == set()
    assert named("In the primary analysis, median OS was 24.0 months") == {"primary"}
    # any press release: the verb in its legal footer; an update asked is still one
    assert named("The company undertakes no obligation to update any statement.") == set()
    assert named("KN407 5y update: mOS pembro-CT vs PBO-CT?") == {"updated"}


def test_how_often_an_article_names_each_analysis(vocab):
    # myeloma and leukaemia: counted as analyses_named reads them, the footer left out
    text = (
        "At the primary analysis, median follow-up was 12.4 months. At a later data cutoff, "
        "median OS was 29.3 months. The primary analysis was published. The company undertakes "
        "no obligation to update any forward-looking statement."
    )
    assert vocab.analysis_mentions(text) == {"primary": 2, "updated": 1}


def test_an_earlier_analysis_is_superseded_by_a_later_one_reported(vocab):
    # cervical cancer (IA1 vs IA2) and biliary tract cancer (primary vs updated analysis)
    assert vocab.superseded({"first interim"}, {"first interim", "second interim"})
    assert vocab.superseded({"primary"}, {"updated"})
    assert not vocab.superseded({"second interim"}, {"first interim", "second interim"})
    assert not vocab.superseded({"final"}, {"primary"})
    assert not vocab.superseded(set(), {"updated"})


def test_classes_of_treatment_are_vocabulary(vocab):
    # lung ("pembro + chemo") and prostate cancer ("ADT + docetaxel"): a class, not one drug
    assert vocab.drug_classes["chemo"] == "chemotherapy"
    assert vocab.drug_classes["adt"] in vocab.class_names
    assert "placebo" in vocab.class_names and "docetaxel" not in vocab.class_names


def test_clinicians_paraphrases_of_endpoints_and_statistics(vocab):
    def keys(text):
        return [t.key for t in vocab.terms(text)]

    # breast cancer and lymphoma: how long responses lasted is the duration of response
    assert "DOR" in keys("how long did responses last on the ADC vs chemo?")
    assert "DOR" in keys("responses lasted a median of 20.1 months with pola-R-CHP")
    # biliary tract and prostate cancer: a one-sided or two-sided p is a P value
    assert keys("one-sided p for OS in keynote 966?")[:1] == ["P value"]
    assert "P value" in keys("two-sided P value of 0.03 for rPFS")


def test_neurologic_events_of_cellular_therapies_are_one_endpoint(vocab):
    def keys(text):
        return [t.key for t in vocab.terms(text)]

    # lymphoma (CAR T, older grading) and myeloma (bispecifics, ICANS grading)
    assert "ICANS" in keys("neuro events any grade vs grade >=3 on axi cel arm")
    assert "ICANS" in keys("Neurologic events occurred in 60% (any grade).")
    assert "ICANS" in keys("ICANS was reported in 3% of patients given teclistamab.")


def test_endpoints_as_clinicians_abbreviate_them(vocab):
    def keys(text):
        return [t.key for t in vocab.terms(text)]

    # breast cancer and melanoma: distant disease-free survival is distant relapse-free survival
    assert "DRFS" in keys("4-yr DDFS ola vs placebo?")
    assert "DRFS" in keys("Distant disease-free survival at 3 years was 87.5%.")
    # breast cancer and lymphoma: how durable responses were is their duration
    assert "DOR" in keys("how durable were responses with inavolisib + palbo + fulvestrant?")
    assert "DOR" in keys("the durability of response with pola-R-CHP")
    # cervical and colorectal cancer: nerve damage is peripheral neuropathy
    assert "peripheral neuropathy" in keys("how often did pts get nerve damage, any grade?")
    assert "peripheral neuropathy" in keys("Sensory neuropathy affected 38% on oxaliplatin.")
    # prostate cancer: the median of radiographic PFS
    assert "PFS" in keys("PROpel mrPFS olaparib + abi?")
    # leukaemia and breast cancer: a dose adjusted or modified is a dose reduction
    assert "dose reduction" in keys("AEs leading to dose adjustment w/ 2G TKIs")
    assert "dose reduction" in keys("Dose modifications due to AEs occurred in 40%.")
    # oesophageal and colorectal cancer: primary endpoints in the plural
    assert "primary end point" in keys("primary endpoints of CheckMate 648?")
    assert "primary end point" in keys("The dual primary endpoints were PFS and OS.")


def test_an_adcs_payload_is_said_as_the_agent_it_carries(vocab):
    # myeloma (belantamab mafodotin) and ovarian cancer (mirvetuximab soravtansine)
    payload = next(t.key for t in vocab.terms("whats the payload on belamaf?"))
    assert payload in {
        t.key for t in vocab.terms("an antibody conjugated to the cytotoxic agent MMAF")
    }
    assert payload in {t.key for t in vocab.terms("the maytansinoid payload DM4")}


def test_follow_up_later_analyses_and_drug_nicknames_as_clinicians_type_them(vocab):
    def keys(text):
        return [t.key for t in vocab.terms(text)]

    # lung and myeloma: "f/u" is follow-up
    assert "follow-up" in keys("36-month PFS (IA2, median f/u 29.9 mo)")
    assert "follow-up" in keys("median f/u at the primary PFS analysis of DREAMM-7?")
    # colorectal cancer and lymphoma: a later analysis is an updated one
    assert "updated" in vocab.analyses_named("At the later analysis, confirmed ORR was 65.7%")
    assert "updated" in vocab.analyses_named("At a later data cut-off, median PFS was 24.5")
    # myeloma: "belamaf" is belantamab mafodotin
    assert vocab.brands["belamaf"] == "belantamab mafodotin"


def test_a_randomization_ratio_is_asked_by_its_name_not_by_any_ratio(vocab):
    # liver and lung cancer: the allocation asked; myelodysplasia and myeloma: other ratios
    def endpoints(text):
        return [t.key for t in vocab.terms(text) if t.kind == "endpoint"]

    assert endpoints("n and randomization ratio in IMbrave150?")[-1:] == ["randomization ratio"]
    assert endpoints("LAURA randomisation ratio?") == ["randomization ratio"]
    assert "randomization ratio" not in endpoints("COMMANDS common risk ratio upper 95% CI?")
    assert "randomization ratio" not in endpoints("odds ratio for MRD negativity?")
    # small-cell lung cancer: a count at randomization, a regimen before it
    assert "randomization ratio" not in endpoints("How many made it to randomization?")
    assert endpoints("What induction regimen did pts receive before randomization?") == []
    # myeloma: "median FU" is the follow-up
    assert endpoints("median FU for the maintenance analysis?") == ["follow-up"]


def test_undetectable_mrd_is_mrd_negativity(vocab):
    # CLL and myeloma: "uMRD" and "undetectable MRD" as clinicians and reports write them
    def endpoints(text):
        return [t.key for t in vocab.terms(text) if t.kind == "endpoint"]

    assert endpoints("uMRD rate with acala-obin?") == ["MRD negativity"]
    assert endpoints("Undetectable MRD was reached by 58% with dara-VRd") == ["MRD negativity"]


def test_how_long_a_complete_response_lasted_is_its_own_duration(vocab):
    # AML and lymphoma: not the CR rate, nor every response's duration
    def endpoints(text):
        return [t.key for t in vocab.terms(text) if t.kind == "endpoint"]

    assert endpoints("median duration of CR in the placebo arm?") == ["CR duration"]
    assert endpoints("The median duration of complete response was 26.1 months") == ["CR duration"]
    assert vocab.units["CR duration"] == "time"
    assert endpoints("median DOR with epcoritamab?") == ["DOR"]


def test_what_caused_an_adverse_event_is_said_apart_from_its_grade(vocab):
    # kidney and breast cancer: "any cause" is no grade, "treatment-related" a cause
    def keys(text):
        return {t.key for t in vocab.terms(text)}

    assert "any cause" in keys("G3+ AEs (all-cause) nivo/cabo vs sunitinib")
    assert "any grade" not in keys("all-cause adverse events")
    assert "treatment-related" in keys("Treatment-related grade 3 or higher adverse events")


@pytest.mark.parametrize(
    "text",
    [
        "Primary refractory disease | HR (95% CI): 0.61 (0.38-0.97)",  # AML
        "By primary tumour site, the HR was 0.76 for intrahepatic cholangiocarcinoma",  # biliary
        "with primary prophylaxis with G-CSF",  # lymphoma
    ],
)
def test_primary_said_of_a_disease_or_a_site_names_no_analysis(vocab, text):
    assert "primary" not in vocab.analyses_named(text)


def test_the_primary_analysis_is_still_named(vocab):
    assert vocab.analyses_named("At the primary analysis, the HR was 0.64.") == {"primary"}


def test_analyses_named_are_blanked_and_the_other_words_kept(vocab):
    # AML and endometrial: "primary analysis" goes, "primary endpoint" stays, offsets too
    text = "OS HR (primary analysis) for the primary endpoint"
    blanked = vocab.without_analyses(text)
    assert len(blanked) == len(text)
    assert "analysis" not in blanked and "primary endpoint" in blanked
    assert vocab.without_analyses("PFS at IA2, dMMR cohort").split() == [
        "PFS",
        "at",
        ",",
        "dMMR",
        "cohort",
    ]


@pytest.mark.parametrize(
    ("sentence", "endpoint"),
    [
        # endometrial cancer and Hodgkin lymphoma: failure-free survival is its own endpoint
        ("5-year failure-free survival (FFS) was 76.5% vs 69.1%, respectively", "FFS"),
        ("Freedom from treatment failure at 5 years was 89% with ABVD", "FFS"),
        # head and neck and lung cancer: locoregional control
        ("Median duration of locoregional control was 24.4 months with cetuximab", "LRC"),
        ("Local-regional control at 2 years was 62% after 74 Gy", "LRC"),
        # premenopausal and postmenopausal breast cancer: the breast cancer-free interval
        ("The 8-year breast cancer-free interval was 85.9% with exemestane plus OFS", "BCFI"),
        ("BCFI at 10 years was 90.1% with letrozole", "BCFI"),
        # liver and lung cancer, adjuvant: the time to recurrence, no time to response
        ("Median time to recurrence was 38.6 months with sorafenib", "time to recurrence"),
        ("Time to relapse was longer with adjuvant cisplatin-vinorelbine", "time to recurrence"),
        # prostate and thyroid cancer: progression by a blood marker is its own endpoint
        ("10-year biochemical progression-free survival was 60.6% after immediate RT", "bPFS"),
        ("bPFS by thyroglobulin at 5 years was 71% after ablation", "bPFS"),
        # rectal and breast cancer: LR, a local recurrence as clinicians shorten it
        ("3y LR was 4.4% after short-course RT", "local recurrence"),
        ("10-year LR after lumpectomy and RT was 6%", "local recurrence"),
        # cervical and rectal cancer: a recurrence in the pelvis is a local one
        ("3-year pelvic recurrence was 2.52% after simple hysterectomy", "local recurrence"),
        ("Pelvic relapse occurred in 5% after short-course radiotherapy", "local recurrence"),
        # rectal and head and neck cancer: locoregional events, LRR
        (
            "The 3-year rate of locoregional events was 11.2% with capecitabine",
            "locoregional recurrence",
        ),
        (
            "5-year LRR was 14% after chemoradiotherapy vs 21% after radiotherapy alone",
            "locoregional recurrence",
        ),
    ],
)
def test_endpoints_named_by_their_trials_own_words(sentence, endpoint, vocab):
    keys = {t.key for t in vocab.terms(sentence) if t.kind == "endpoint"}
    assert endpoint in keys and "OS" not in keys, keys


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # myeloma: lenalidomide maintenance and second cancers
        ("SPM rate len vs obs?", "Second primary malignancies occurred in 7.7% vs 5.0%."),
        # breast cancer: the same event in other words
        ("second primary cancers with tamoxifen?", "Secondary malignancies were reported in 3%."),
    ],
)
def test_second_primary_malignancies_are_one_event_however_written(vocab, question, sentence):
    asked = {t.key for t in vocab.terms(question) if vocab.is_event(t.key)}
    said = {t.key for t in vocab.terms(sentence) if vocab.is_event(t.key)}
    assert asked and asked == said


def test_a_recurrent_vte_is_an_event_of_its_own(vocab):
    # cancer-associated thrombosis and pancreatic cancer (thromboprophylaxis)
    for text in (
        "Recurrent VTE occurred in 7.9%",
        "recurrence of VTE was seen in 5% on enoxaparin",
    ):
        keys = {t.key for t in vocab.terms(text)}
        assert "recurrent VTE" in keys and vocab.is_event("recurrent VTE"), text


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        # cancer-associated thrombosis (apixaban vs dalteparin)
        (
            "Clinically relevant non-major bleeding was reported in 9.0% of apixaban patients",
            "major hemorrhage",
        ),
        # chronic lymphocytic leukaemia (a BTK inhibitor)
        ("Non-major bleeding events occurred in 35% of patients on ibrutinib", "major hemorrhage"),
        # multiple myeloma
        ("Non-serious adverse events were reported in 41% of the daratumumab arm", "SAE"),
    ],
)
def test_a_term_after_non_is_negated_not_said(vocab, text, negated):
    keys = {t.key for t in vocab.terms(text)}
    assert negated not in keys
    # ... while the term said alone still is, and a form that starts with "non-" stays whole
    assert "major hemorrhage" in {t.key for t in vocab.terms("major bleeding in 3.8%")}
    assert "NSCLC" in {t.key for t in vocab.terms("non-small cell lung cancer, stage IV")}


@pytest.mark.parametrize(
    "text",
    [
        # laryngeal cancer: organ preservation
        "Laryngectomy-free survival at 10 years was 28.9% with induction chemotherapy.",
        # rectal cancer: watch-and-wait
        "Colostomy-free survival at 3 years was 73% in the organ-preservation arm.",
        # prostate cancer
        "Castration-free survival was longer with the combination.",
    ],
)
def test_survival_free_of_an_unknown_event_is_no_overall_survival(vocab, text):
    assert "OS" not in {t.key for t in vocab.terms(text)}
    # ... while survival said alone, overall, or free of a known event keeps its endpoint
    assert {t.key for t in vocab.terms("Survival at 5 years was 62%.")} == {"OS"}
    assert "EFS" in {t.key for t in vocab.terms("Event-free survival at 3 years was 55%.")}


@pytest.mark.parametrize(
    "text",
    [
        # cancer-associated thrombosis
        "Clinically relevant non-major bleeding occurred in 9.0% with apixaban.",
        # chronic lymphocytic leukaemia on a BTK inhibitor
        "Non-major bleeding events were reported in 35% of patients on ibrutinib.",
    ],
)
def test_non_major_bleeding_is_an_event_of_its_own(vocab, text):
    keys = {t.key for t in vocab.terms(text)}
    assert keys & {"clinically relevant non-major bleeding"}
    assert not keys & {"major hemorrhage", "hemorrhage"}
    assert vocab.is_event("clinically relevant non-major bleeding")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # prostate and head and neck cancer: the rate of distant metastases is an endpoint of
        # its own, not distant metastasis-free survival
        (
            "The 10-year cumulative incidence of distant metastases was 5% versus 8%.",
            "distant metastasis",
        ),
        ("upper CI bound for DM hazard ratio", "distant metastasis"),
        ("2y distant mets rate cetux arm", "distant metastasis"),
        ("distant metastasis-free survival HR in EORTC 22911?", "DMFS"),
    ],
)
def test_distant_metastases_are_an_endpoint_apart_from_dmfs(text, key, vocab):
    assert key in [t.key for t in vocab.terms(text) if t.kind == "endpoint"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # breast, endometrial and sarcoma trials: what a drug acts on, named by its article
        ("a fully human monoclonal antibody against RANK ligand (RANKL)", "RANKL"),
        ("a selective inhibitor of nuclear export that blocks exportin 1 (XPO1)", "XPO1"),
        ("Irinotecan, a topoisomerase I inhibitor, had shown activity", "topoisomerase I"),
    ],
)
def test_a_drugs_target_named_by_its_article_is_a_target(text, target, vocab):
    found = [t for t in vocab.terms(text) if t.key == "target"]
    assert any(text[t.start : t.end] == target for t in found), found


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        # gastro-oesophageal cancer: "disease control" is an endpoint, not the control arm
        ("was disease control at 8 wks above 30% with regorafenib?", False),
        # lung cancer: the same; the control arm named beside it still is one (a guard)
        ("disease control rate in the control arm, tepotinib trial", True),
        # chronic GVHD and myelofibrosis: best available therapy by its abbreviation
        ("ORR at week 24 for BAT in reach3", True),
        ("spleen response on BAT at wk 48?", True),
    ],
)
def test_an_endpoints_word_names_no_comparator(text, comparator, vocab):
    assert vocab.names_comparator(text) is comparator


@pytest.mark.parametrize(
    ("text", "accuracy"),
    [
        # kidney cancer (a PET tracer) and oesophageal cancer (ctDNA): a test's sensitivity
        ("Averaged across readers, sensitivity was 85.5% (95% CI, 81.5-89.6).", True),
        ("For residual disease, ctDNA had a sensitivity of 41%.", True),
        # myeloma and CLL: the depth an MRD assay reads to is no test's accuracy
        ("MRD negativity, measured at a sensitivity of 10^-5, was achieved by 33.5%.", False),
        ("uMRD (sensitivity of 10-4) was reached by 75% of patients.", False),
        # breast cancer: nor is a sensitivity analysis
        ("In a sensitivity analysis, the hazard ratio was 0.71.", False),
    ],
)
def test_a_tests_sensitivity_is_an_endpoint_an_assays_depth_is_not(text, accuracy, vocab):
    keys = {t.key for t in vocab.terms(text) if t.kind == "endpoint"}
    assert ("sensitivity" in keys) is accuracy


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # kidney cancer by its words and codes, melanoma, lung cancer
        ("ORR for bempeg + nivo in the kidney cancer phase 3?", {"kidney"}),
        ("89Zr-girentuximab PET for indeterminate renal masses (ccRCC)", {"kidney"}),
        ("untreated advanced melanoma", {"melanoma"}),
        ("HER2-mutant non-small-cell lung cancer", {"lung"}),
        # a unit or a word that is a code's letters is no tumour type
        ("lesions of 10 mm or more", set()),
        ("a net benefit in all comers", set()),
    ],
)
def test_the_tumour_types_a_text_names(text, types, vocab):
    assert vocab.tumour_types_named(text) == types


def test_a_radionuclide_symbol_is_spelt_out_only_where_the_vocabulary_names_symbols(tmp_path):
    # neuroendocrine tumours and prostate cancer: the shipped vocabulary maps symbols
    import yaml

    from index.vocabulary import load_vocabulary
    from tests.conftest import ROOT

    known = frozenset({"lutetium-177", "radium-223"})
    shipped = load_vocabulary()
    assert shipped.spell_radionuclides("Lu-177 vs Ra223", known) == "lutetium-177 vs radium-223"
    # a vocabulary that lists elements without symbols loads and spells nothing (a guard)
    data = yaml.safe_load((ROOT / "prompts" / "vocabulary.yaml").read_text(encoding="utf-8"))
    data["radionuclides"] = ["radium", "lutetium"]
    listed = tmp_path / "vocabulary.yaml"
    listed.write_text(yaml.safe_dump(data), encoding="utf-8")
    plain = load_vocabulary(listed)
    assert plain.is_radionuclide("radium-223")
    assert plain.spell_radionuclides("Lu-177 vs Ra223", known) == "Lu-177 vs Ra223"
