import pytest

from index.annotate import annotate

# A made-up article: the patterns must work on any trial's news, not the seeds'.
TEXT = (
    "Zanvotamab vedotin (ZV-7) improved survival in the phase 3 ORION-12 trial (NCT01234567), "
    "presented at the 2026 ESMO Congress. Patients received zanvotamab vedotin plus carboplatin. "
    "The ORION-12 study met its primary end point."
)


def test_finds_trial_registry_drugs_phase_meeting_and_abbreviations(vocab):
    a = annotate(TEXT, vocab)
    assert a.trials == ["ORION-12"]
    assert a.registry_ids == ["NCT01234567"]
    assert {"zanvotamab", "vedotin", "carboplatin", "ZV-7"} <= set(a.drugs)
    assert a.phase == "phase 3"
    assert "ESMO" in a.meeting and "2026" in a.meeting
    assert a.aliases["ZV-7"] == "Zanvotamab vedotin"


def test_brand_names_stand_for_the_drugs_beside_them(vocab):
    # bladder cancer, colorectal cancer and melanoma, each way round
    text = (
        "Durvalumab (Imfinzi) was given every 4 weeks. Trifluridine/tipiracil (Lonsurf; also "
        "called TAS-102) was combined with bevacizumab. Opdualag (nivolumab and relatlimab-rmbw) "
        "was approved."
    )
    brands = annotate(text, vocab).brands
    assert brands["imfinzi"] == ["durvalumab"]
    assert brands["lonsurf"] == ["trifluridine", "tipiracil"]
    assert sorted(brands["opdualag"]) == ["nivolumab", "relatlimab"]


def test_capitals_after_drugs_listed_are_their_regimen_not_a_brand(vocab):
    # Hodgkin lymphoma and pancreatic cancer: a regimen's code after its drugs; a brand after
    # one drug (melanoma) stays a brand
    text = (
        "Patients were randomized to doxorubicin, bleomycin, vinblastine and dacarbazine (ABVD). "
        "Others got fluorouracil, leucovorin, irinotecan and oxaliplatin (FOLFIRINOX). "
        "Vemurafenib (ZELBORAF) was given orally."
    )
    brands = annotate(text, vocab).brands
    assert "abvd" not in brands and "folfirinox" not in brands
    assert brands["zelboraf"] == ["vemurafenib"]


@pytest.mark.parametrize("drug", ["dacarbazine", "procarbazine", "mitoxantrone", "vinflunine"])
def test_cytotoxics_of_older_stems_are_drugs(drug, vocab):
    # melanoma, Hodgkin lymphoma, prostate cancer and urothelial cancer comparators
    assert vocab.is_drug_name(drug) and vocab.is_chemotherapy(drug)


@pytest.mark.parametrize(
    ("text", "drugs"),
    [
        # pancreatic cancer: thromboprophylaxis with a factor Xa inhibitor against placebo
        (
            "Ambulatory patients with pancreatic cancer were randomised to apixaban 2.5 mg "
            "twice daily or placebo.",
            {"apixaban"},
        ),
        # myeloma and lung cancer: anticoagulants and a bone-targeted agent beside treatment
        (
            "Patients with myeloma received rivaroxaban or dabigatran with lenalidomide, and "
            "zoledronic acid every 4 weeks.",
            {"rivaroxaban", "dabigatran", "lenalidomide", "zoledronic"},
        ),
    ],
)
def test_anticoagulants_and_bone_agents_are_drugs(text, drugs, vocab):
    found = {d.casefold() for d in annotate(text, vocab).drugs}
    assert drugs <= found, found


def test_a_trial_name_may_start_in_lower_case(vocab):
    # breast cancer and prostate cancer trials named with a lower-case start
    breast = "The 5-year analysis of the phase 3 monarchE trial was presented in Munich."
    assert annotate(breast, vocab).trials == ["monarchE"]
    prostate = "The eMBARK study enrolled 1068 men with high-risk biochemical recurrence."
    assert annotate(prostate, vocab).trials == ["eMBARK"]
    # an ordinary lower-case word before "trial" is no name
    assert annotate("The randomized trial enrolled 400 patients.", vocab).trials == []


def test_a_name_its_registry_number_follows_is_a_trial(vocab):
    # lung cancer and liver cancer trials named once, with their NCT numbers
    text = (
        "AEGEAN (NCT03800134) randomised 802 patients with resectable NSCLC. In liver cancer, "
        "HIMALAYA, NCT03298451, tested a single priming dose."
    )
    assert set(annotate(text, vocab).trials) == {"AEGEAN", "HIMALAYA"}


def test_a_name_spelt_out_before_its_nct_number_is_a_trial(vocab):
    # a basket of rare cancers and a prostate cancer trial: the name's long form in brackets
    # between the name and its registry number
    basket = "- **Trial:** ROAR (Rare Oncology Agnostic Research), NCT02034110 — phase 2 basket"
    assert annotate(basket, vocab).trials == ["ROAR"]
    prostate = "SOLACE (Study Of Lutetium And Cabozantinib Efficacy) (NCT01234567) randomised men."
    assert annotate(prostate, vocab).trials == ["SOLACE"]


def test_a_coded_name_may_end_in_one_digit_and_letters(vocab):
    # kidney cancer and colorectal cancer: a number of one digit with letters after it
    kidney = "In the phase 3 CheckMate 9ER trial, nivolumab plus cabozantinib was tested."
    assert annotate(kidney, vocab).trials == ["CheckMate 9ER"]
    colorectal = "The ORION 7XR study randomised 300 patients. ORION 7XR met its end point."
    assert annotate(colorectal, vocab).trials == ["ORION 7XR"]


def test_a_name_with_other_registrations_before_its_nct_number_is_a_trial(vocab):
    # ovarian cancer and lung cancer: cooperative-group codes precede the NCT number
    ovarian = "PRIMA (ENGOT-OV26/GOG-3012; NCT02655016) enrolled 733 patients."
    assert "PRIMA" in annotate(ovarian, vocab).trials
    lung = "LUMEN (WJOG 1234L, NCT01234567) compared two schedules."
    assert "LUMEN" in annotate(lung, vocab).trials


def test_a_heading_that_opens_with_a_recurring_name_names_the_trial(vocab):
    # ovarian cancer and myeloma briefings: "NAME: headline", the name used again below
    ovarian = "PRIMA: Niraparib maintenance extends PFS\nIn PRIMA, 733 women were randomised."
    assert annotate(ovarian, vocab).trials == ["PRIMA"]
    myeloma = "## MAIA: daratumumab holds its lead\nMAIA enrolled 737 patients."
    assert annotate(myeloma, vocab).trials == ["MAIA"]
    # a label of a press release's end matter is no trial, however often it recurs
    contact = "CONTACT: Jane Roe\nMedia CONTACT: John Doe"
    assert annotate(contact, vocab).trials == []


def test_a_formulation_of_a_drug_is_a_drug_of_its_own(vocab):
    # lung cancer and pancreatic cancer: nab-paclitaxel beside paclitaxel
    text = "Paclitaxel 200 mg/m2 or nab-paclitaxel 100 mg/m2 with carboplatin and pembrolizumab."
    assert {"paclitaxel", "nab-paclitaxel"} <= set(annotate(text, vocab).drugs)
    text = (
        "NALIRIFOX combined liposomal irinotecan with oxaliplatin; the control was nab-paclitaxel."
    )
    drugs = set(annotate(text, vocab).drugs)
    assert "nab-paclitaxel" in drugs and "chlorambucil-obinutuzumab" not in drugs


def test_drug_names_by_their_stems_and_words_that_only_end_like_one(vocab):
    # colorectal cancer, leukaemia, myeloma and lymphoma drugs by their stems
    text = (
        "Sotorasib plus panitumumab was compared with regorafenib. Acalabrutinib was compared "
        "with chlorambucil. Daratumumab, lenalidomide and dexamethasone were given."
    )
    drugs = set(annotate(text, vocab).drugs)
    assert {"sotorasib", "chlorambucil", "dexamethasone"} <= drugs
    text = "R-CHOP includes cyclophosphamide and prednisone. Capivasertib was added to fulvestrant."
    assert {"cyclophosphamide", "prednisone", "capivasertib"} <= set(annotate(text, vocab).drugs)
    # English words and company names with a drug's ending are none
    prose = "Except for rash, the concept held; Genmab and others accept the findings."
    assert annotate(prose, vocab).drugs == []


def test_an_abbreviated_combination_is_an_alias(vocab):
    # bladder cancer and melanoma: a regimen's initials joined by "+" or "/"
    text = (
        "Enfortumab vedotin plus pembrolizumab (EV+P) doubled survival. "
        "Nivolumab plus ipilimumab (N/I) was the comparator of another trial."
    )
    a = annotate(text, vocab)
    assert a.aliases["EV+P"] == "Enfortumab vedotin plus pembrolizumab"
    assert a.aliases["N/I"] == "Nivolumab plus ipilimumab"


def test_a_glossary_under_a_table_defines_its_abbreviations(vocab):
    # bladder cancer and mantle cell lymphoma: "SHORT, long form;" after a table or a figure
    bladder = annotate(
        "Table 1. EFS at 24 months | 67.8% | 59.8%\n"
        "-- GC, gemcitabine-cisplatin; CrCl, creatinine clearance; TC/IC, tumor cell/immune cell "
        "PD-L1 staining.",
        vocab,
    )
    assert bladder.aliases["GC"] == "gemcitabine-cisplatin"
    assert bladder.aliases["CrCl"] == "creatinine clearance"
    lymphoma = annotate(
        "Abbreviations: BR, bendamustine-rituximab; MCL, mantle cell lymphoma.", vocab
    )
    assert lymphoma.aliases["BR"] == "bendamustine-rituximab"
    assert lymphoma.aliases["MCL"] == "mantle cell lymphoma"
    # a word and a comma in prose are no glossary
    prose = annotate("In the ORR, as expected. Median PFS, however, was longer.", vocab)
    assert "ORR" not in prose.aliases and "PFS" not in prose.aliases


def test_a_name_of_words_and_a_number_before_phase_and_trial_is_a_trial(vocab):
    # breast cancer: "the DESTINY-Breast06 phase 3 trial"; bladder cancer: a capitalised word
    # between the name and its number
    breast = annotate("Results from the DESTINY-Breast06 phase 3 trial showed a benefit.", vocab)
    assert breast.trials == ["DESTINY-Breast06"]
    bladder = annotate("The phase 3 JAVELIN Bladder 100 trial tested maintenance.", vocab)
    assert bladder.trials == ["JAVELIN Bladder 100"]


def test_a_compound_adjective_in_title_case_is_no_trial(vocab):
    # melanoma: "Three-arm phase 3 trial" in a headline; ovarian cancer: "Open-label study"
    melanoma = annotate("Three-arm phase 3 trial shows the BRAF/MEK combination wins.", vocab)
    assert melanoma.trials == []
    ovarian = annotate("Double-blind phase 3 trial of maintenance rucaparib (ATHENA-MONO).", vocab)
    assert "Double-blind" not in ovarian.trials
    # ... while a name whose part after the hyphen is capitalised or a number stays a trial
    lung = annotate("The KEYNOTE-407 phase 3 trial enrolled squamous NSCLC.", vocab)
    assert lung.trials == ["KEYNOTE-407"]


@pytest.mark.parametrize(
    ("text", "code", "regimen"),
    [
        # myeloma: letters of brand names (Velcade, Revlimid) and dexamethasone's lower-case d
        (
            "versus daratumumab plus bortezomib and dexamethasone (DVd) in relapsed disease",
            "DVd",
            "daratumumab plus bortezomib plus dexamethasone",
        ),
        (
            "compared with lenalidomide and dexamethasone alone (Rd) in older patients",
            "Rd",
            "lenalidomide plus dexamethasone",
        ),
        (
            "DARZALEX (daratumumab) in combination with lenalidomide and dexamethasone (D-Rd) "
            "significantly prolonged survival",
            "D-Rd",
            "daratumumab plus lenalidomide plus dexamethasone",
        ),
        # CLL: a drug's first letters ("Ven") and a capital for the next drug
        (
            "venetoclax plus rituximab (VenR) versus bendamustine plus rituximab (BR)",
            "VenR",
            "venetoclax plus rituximab",
        ),
        (
            "venetoclax plus rituximab (VenR) versus bendamustine plus rituximab (BR)",
            "BR",
            "bendamustine plus rituximab",
        ),
    ],
)
def test_a_regimen_code_after_its_drugs_is_an_alias_of_them(vocab, text, code, regimen):
    assert annotate(text, vocab).aliases[code] == regimen


@pytest.mark.parametrize(
    "text",
    [
        "obinutuzumab plus chlorambucil (TQ) in CLL",  # the letters are not the drugs'
        "the overall response rate (ORR) with pembrolizumab plus lenvatinib",
        "pembrolizumab plus axitinib (n = 432) in kidney cancer",
    ],
)
def test_letters_that_do_not_spell_the_drugs_are_no_regimen_code(vocab, text):
    aliases = annotate(text, vocab).aliases
    assert not any("plus" in long for long in aliases.values())


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        # lung cancer: a word in capitals, a capitalised word and a one-digit number
        (
            "EMPOWER-Lung 1 randomised 712 patients. In EMPOWER-Lung 1, cemiplimab was given "
            "at 350 mg every 3 weeks.",
            "EMPOWER-Lung 1",
        ),
        # anal cancer: digits inside the letters and a number after a hyphen
        (
            "POD1UM-303 enrolled 308 patients. The POD1UM-303 results were presented in 2024.",
            "POD1UM-303",
        ),
        # glioblastoma and melanoma: a cooperative group's five-digit study number
        (
            "The EORTC 26981/NCIC CE.3 phase 3 trial randomised 573 patients. In EORTC 26981, "
            "median survival was 14.6 months.",
            "EORTC 26981",
        ),
        (
            "EORTC 18071 compared ipilimumab with placebo. EORTC 18071 enrolled 951 patients.",
            "EORTC 18071",
        ),
    ],
)
def test_a_coded_trial_name_is_read_whole(text, trial, vocab):
    assert trial in annotate(text, vocab).trials


def test_a_scores_band_is_no_trial(vocab):
    # lymphoma: the International Prognostic Index band, said twice
    text = "Patients with IPI 3-5 disease were eligible. In IPI 3-5 disease the HR was 0.75."
    assert annotate(text, vocab).trials == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # endometrial cancer: a sponsor's study number beside the trial's name
        (
            "**Trial:** Study 309 / KEYNOTE-775 (NCT03517449), phase 3, open-label.",
            {"Study 309", "KEYNOTE-775"},
        ),
        # ovarian cancer: two cooperative groups' names of one trial
        ("The PRIMA/ENGOT-OV26 (NCT02655016) trial enrolled 733 women.", {"PRIMA", "ENGOT-OV26"}),
    ],
)
def test_two_names_of_one_trial_before_its_registry_number_are_both_its(text, names, vocab):
    assert names <= set(annotate(text, vocab).trials)


def test_a_study_number_alone_is_no_trial(vocab):
    # breast cancer: "Study 2" of a methods section, twice
    text = "Study 2 enrolled 40 patients. In Study 2, the ORR was 31%."
    assert annotate(text, vocab).trials == []


@pytest.mark.parametrize(
    ("text", "regimens"),
    [
        # breast cancer: a three-arm trial whose arms are codes; the trial's name is none
        (
            "In BCIRG 006, 5-year DFS was 75% with AC-T, 84% with AC-TH and 81% with TCH. "
            "BCIRG 006 enrolled 3,222 women.",
            ["AC-T", "AC-TH", "TCH"],
        ),
        # kidney cancer: an endpoint or a trial said like an arm is no regimen
        (
            "The ASSURE trial enrolled 1,943 patients. Across each ASSURE arm, 5-year DFS was "
            "64% with HER2.",
            [],
        ),
    ],
)
def test_the_regimens_an_article_names_its_arms_by(text, regimens, vocab):
    assert annotate(text, vocab).regimens == regimens


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # lung cancer: a cooperative group's name with a dot before its number
        ("JBR.10 (NCT00002583) randomly assigned 482 patients after resection.", "JBR.10"),
        # breast cancer: the same, before "trial"
        ("In the MA.17 trial, extended letrozole cut recurrences.", "MA.17"),
        # colorectal cancer: as a heading
        ("CO.17: cetuximab in pretreated colorectal cancer\n\nCO.17 enrolled 572.", "CO.17"),
    ],
)
def test_a_trials_name_may_join_its_number_with_a_dot(text, name, vocab):
    assert name in annotate(text, vocab).trials


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # anal cancer and breast cancer: capitals and a Roman number
        ("ACT II randomised 940 patients. In ACT II, cisplatin was no better.", "ACT II"),
        ("IBIS-II enrolled 3864 women. IBIS-II compared anastrozole with placebo.", "IBIS-II"),
        # ovarian and colorectal cancer: a group's capitals and a hyphen before the coded name
        ("AGO-OVAR 16 enrolled 940 women. In AGO-OVAR 16, PFS was longer.", "AGO-OVAR 16"),
        ("AIO-KRK 0207 randomised 837. AIO-KRK 0207 tested maintenance.", "AIO-KRK 0207"),
        # colorectal cancer and myeloma: a group's one letter and its protocol number
        ("The trial, known as N9741, enrolled 795. N9741 changed practice.", "N9741"),
        ("S0777 randomised 525 patients. In S0777, VRd prolonged PFS.", "S0777"),
        # glioma and breast cancer: two groups' protocol numbers joined
        (
            "EORTC 22033-26033 randomised 477. In EORTC 22033-26033, TMZ was no better.",
            "EORTC 22033-26033",
        ),
        (
            "EORTC 10981-22023 enrolled 1425. EORTC 10981-22023 compared axillary RT.",
            "EORTC 10981-22023",
        ),
        # myeloma and sarcoma: a capitalised word and a Roman number
        (
            "Myeloma XI randomised 1,971 to maintenance. In Myeloma XI, PFS was longer.",
            "Myeloma XI",
        ),
        ("Sarcoma IX enrolled 300 patients. Sarcoma IX tested trabectedin.", "Sarcoma IX"),
        # head and neck cancer and breast cancer: a group's number with a dot in it
        (
            "TROG 12.01 randomised 189 patients. In TROG 12.01, cetuximab was no better.",
            "TROG 12.01",
        ),
        ("MA.32 enrolled 3,649 women. In MA.32, metformin did not improve IDFS.", "MA.32"),
    ],
)
def test_coded_names_of_cooperative_groups_are_trials(text, name, vocab):
    assert name in annotate(text, vocab).trials


@pytest.mark.parametrize(
    "text",
    [
        # anal cancer and leukaemia: a drug's abbreviation and its dose, twice
        "All patients received 5-FU 1000 mg/m2 on days 1-4. Maintenance was cisplatin with 5-FU "
        "1000 mg/m2 per day.",
        "Induction was ATRA 45 mg/m2 daily. Consolidation added ATRA 45 mg/m2 for 15 days.",
        # pancreatic cancer: a dose per day
        "5-FU 250 mg/m2/day was infused. Chemoradiation used 5-FU 250 mg/m2/day throughout.",
        # cervical cancer and sarcoma: a stage or grade in capitals, twice
        "FIGO III disease was present in 40%. FIGO III tumours did worse.",
        "GRADE III tumours were 60%. GRADE III histology predicted relapse.",
        # lymphoma and lung cancer: a stage or a cohort written in title case, twice
        "Stage IV disease was present in 40%. Stage IV patients did worse.",
        "Cohort II enrolled 40 patients. Cohort II had prior chemotherapy.",
        # ovarian cancer: a tumour marker (a guard)
        "CA-125 fell in most. CA-125 progression was not counted.",
        # breast and colorectal cancer: a gene's symbol said again and again
        "Taselisib targets PIK3CA-mutant tumours. PIK3CA status was centrally tested; the PIK3CA "
        "mutation rate was 40%.",
        "PIK3CA mutations were found in 18% of colorectal tumours. Aspirin helped most where "
        "PIK3CA was mutated.",
        # lung and colorectal cancer: a statistic's two letters and its value, twice (a guard)
        "The odds were high (OR 13.94). After adjustment, OR 13.94 held.",
        "Risk rose (HR 12.50); in the update the HR 12.50 stood.",
        # lymphoma and bladder cancer: a regimen's name and its cycle length after a hyphen
        "Induction was R-CHOP-14 or R-CHOP-21. Most centres chose R-CHOP-21.",
        "Neoadjuvant dd-MVAC-14 was given for four cycles. dd-MVAC-14 needed G-CSF support.",
    ],
)
def test_a_dose_a_stage_or_a_marker_is_no_trial(text, vocab):
    assert annotate(text, vocab).trials == []


@pytest.mark.parametrize(
    ("text", "trial", "regimen"),
    [
        # colorectal cancer and Hodgkin lymphoma: a code with a number that names an arm
        (
            "N9741 (ClinicalTrials.gov identifier NCT00003594) enrolled 795. Median TTP was 8.7 "
            "months with FOLFOX4 and 6.9 months with IFL. FOLFOX4 was better tolerated.",
            "N9741",
            "FOLFOX4",
        ),
        # colorectal cancer: a code that opens a line of its drugs and names an arm
        (
            "N9741 enrolled 795 patients. The regimens were given as follows:\n\nIFL: "
            "irinotecan 125 mg/m2 and fluorouracil.\n\nMedian OS was 19.5 months with "
            "FOLFOX4 and 15.0 months with IFL. N9741 changed practice.",
            "N9741",
            "IFL",
        ),
        (
            "HD-GROUP 18 (NCT00515554) enrolled 2101. Five-year PFS was 92% with BEACOPP-14 and "
            "90% with eBEACOPP. BEACOPP-14 was given every two weeks.",
            "HD-GROUP 18",
            "BEACOPP-14",
        ),
    ],
)
def test_a_code_that_names_an_arm_is_a_regimen_not_a_trial(text, trial, regimen, vocab):
    found = annotate(text, vocab)
    assert trial in found.trials and regimen not in found.trials
    assert regimen in found.regimens


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # head and neck cancer and breast cancer: a vocabulary term between name and "trial"
        ("The De-ESCALaTE HPV trial enrolled 334 patients.", "De-ESCALaTE"),
        ("In the ZENITH-B HER2 trial, 102 women were enrolled.", "ZENITH-B"),
    ],
)
def test_a_term_after_a_trials_name_is_not_its_name(text, name, vocab):
    assert annotate(text, vocab).trials == [name]


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        # mesothelioma and breast cancer: a trial's acronym spelt out with the drugs it tested
        (
            "EMPHACIS (Evaluation of Mesothelioma in a Phase III trial of pemetrexed with "
            "Cisplatin) enrolled 456 patients. The EMPHACIS trial compared pemetrexed plus "
            "cisplatin with cisplatin alone.",
            "EMPHACIS",
        ),
        (
            "TANDEM (TAmoxifen aNd trastuzumab in Estrogen receptor-positive Metastatic disease) "
            "randomised 207 women. In the TANDEM trial, anastrozole was given with trastuzumab.",
            "TANDEM",
        ),
    ],
)
def test_a_trials_name_spelt_out_with_its_drugs_is_no_brand(text, trial, vocab):
    found = annotate(text, vocab)
    assert trial in found.trials and trial.casefold() not in found.brands


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        # polycythaemia vera: a trial named by a word of the vocabulary, in capitals
        (
            "In the phase 3 RESPONSE trial, ruxolitinib was superior to best available therapy. "
            "RESPONSE (NCT01243944) was an open-label study.",
            "RESPONSE",
        ),
        # glioblastoma: the same with another endpoint's word
        (
            "The SURVIVAL trial randomised 300 patients with recurrent glioblastoma. SURVIVAL "
            "met its primary endpoint.",
            "SURVIVAL",
        ),
    ],
)
def test_a_vocabulary_word_in_capitals_before_trial_is_the_trials_name(text, trial, vocab):
    assert trial in annotate(text, vocab).trials
    # an abbreviation as the vocabulary writes it stays a term, not a trial (a guard)
    assert "HPV" not in annotate("In the De-ESCALaTE HPV trial, 334 were randomised.", vocab).trials


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        # neuroendocrine tumours: a word of the vocabulary in capitals opens the trial's name
        ("The CONTROL NETs study randomised 75 patients with progressive disease.", "CONTROL NETs"),
        # lung cancer: the same with a setting's word
        ("The ADJUVANT BrUOG study randomised 222 patients after resection.", "ADJUVANT BrUOG"),
    ],
)
def test_a_vocabulary_word_in_capitals_opens_a_trials_name(text, trial, vocab):
    assert annotate(text, vocab).trials == [trial]
    # a coded name with its number is whole on its own (a guard)
    assert annotate("The ADJUVANT CTONG1104 trial enrolled 222.", vocab).trials == ["CTONG1104"]


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        # ovarian cancer: a sponsor's study number, a PDF heading's word before it on its line
        (
            "Design Study 19 (NCT00753545) enrolled 265 patients at 82 sites. Study 19 was "
            "double-blind.",
            "Study 19",
        ),
        # kidney cancer: the same without a heading
        ("Study 205 (NCT01136733) randomised 153 patients with renal cell carcinoma.", "Study 205"),
    ],
)
def test_a_sponsors_study_number_before_its_registry_number_is_a_trial(text, trial, vocab):
    assert annotate(text, vocab).trials == [trial]
    # a term of the vocabulary before "trial", no name before it: no trial, no error (a guard)
    assert annotate("Results of the HPV trial (NCT01234567) were mixed.", vocab).trials == []


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        # breast cancer and lymphoma: a coded name with a letter after its hyphen, used twice
        (
            "PENELOPE-B did not meet its primary endpoint. In PENELOPE-B, 1,250 women with "
            "residual disease received palbociclib or placebo.",
            "PENELOPE-B",
        ),
        (
            "ATLANTIS-C enrolled 600 patients. The ATLANTIS-C results favoured rituximab "
            "maintenance.",
            "ATLANTIS-C",
        ),
    ],
)
def test_a_coded_name_may_end_in_a_letter(text, trial, vocab):
    assert trial in annotate(text, vocab).trials


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        # head and neck cancer and lung cancer: two capitalised words joined by "and" between
        # a trial's name and its number
        (
            "The phase 3 JAVELIN Head and Neck 100 trial tested avelumab.",
            "JAVELIN Head and Neck 100",
        ),
        (
            "The phase 3 KEYSTONE Lung and Chest 12 trial enrolled 400 patients.",
            "KEYSTONE Lung and Chest 12",
        ),
    ],
)
def test_a_trial_name_may_join_two_words_before_its_number(text, trial, vocab):
    assert annotate(text, vocab).trials == [trial]


@pytest.mark.parametrize(
    "text",
    [
        # pancreatic and lung cancer: a headline's last word, on the line before "Randomised
        # phase 2 study", names no trial
        "BOTH REGIMENS FALL SHORT IN PANCREATIC CANCER\n\nRandomised phase 2 study finds "
        "similar survival with mFOLFIRINOX.",
        "A NEW STANDARD IN LUNG CANCER\n\nRandomised phase 3 study shows longer survival "
        "with osimertinib.",
    ],
)
def test_a_headlines_last_word_names_no_trial(text, vocab):
    assert "CANCER" not in annotate(text, vocab).trials


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        # prostate cancer: a radionuclide given as a drug, by its element and mass number
        (
            "Radium-223 plus enzalutamide was compared with enzalutamide alone; radium-223 was "
            "given at 55 kBq/kg every 4 weeks.",
            "radium-223",
        ),
        # neuroendocrine tumours: the same for lutetium
        (
            "Lutetium-177 dotatate was compared with high-dose octreotide in midgut tumours.",
            "lutetium-177",
        ),
    ],
)
def test_a_radionuclide_given_is_a_drug(text, drug, vocab):
    assert drug in annotate(text, vocab).drugs


def test_a_name_with_a_number_is_no_radionuclide(vocab):
    # lung and breast cancer: a disease or a gene with a number is no drug (a guard)
    drugs = annotate("Patients with COVID-19 or a BRCA-1 variant were excluded.", vocab).drugs
    assert not [d for d in drugs if "-" in d]


@pytest.mark.parametrize(
    ("text", "trial"),
    [
        # prostate cancer: a name its description as a trial follows
        (
            "RADICALS-RT, the largest randomised trial of radiotherapy timing after radical "
            "prostatectomy, compared adjuvant radiotherapy with early salvage.",
            "RADICALS-RT",
        ),
        # lung cancer: the same
        (
            "KEYNOTE-189, the pivotal phase 3 study of pembrolizumab, enrolled 616 patients.",
            "KEYNOTE-189",
        ),
    ],
)
def test_a_name_described_as_a_trial_after_it_is_a_trial(text, trial, vocab):
    assert trial in annotate(text, vocab).trials


def test_an_endpoint_described_as_the_trials_is_no_trial(vocab):
    # breast and colorectal cancer: "ORR, the key secondary endpoint of the trial" (a guard)
    text = "ORR, the key secondary endpoint of the trial, was 48%; DFS, the study's primary one."
    assert annotate(text, vocab).trials == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # liver cancer: a code the article describes as an agent after it
        (
            "First-line sintilimab plus IBI305, a biosimilar of bevacizumab, prolonged overall "
            "survival. Sintilimab was given at 200 mg plus IBI305 at 15 mg/kg every 3 weeks.",
            "ibi305",
        ),
        # breast cancer: the same
        ("Camizestrant (AZD9833), an oral SERD, was given at 75 mg daily.", "azd9833"),
        # lymphoma: a code the article describes as an agent before it
        ("Patients received the CD20xCD3 bispecific antibody REGN1979 weekly.", "regn1979"),
    ],
)
def test_a_code_described_as_an_agent_is_a_drug(text, code, vocab):
    assert code in annotate(text, vocab).drugs


@pytest.mark.parametrize(
    "text",
    [
        # gastric cancer: a trial's code described as a trial is no drug (a guard)
        "JCOG1001, a phase 3 trial of bursectomy, randomised 1,204 patients.",
        # leukaemia: a target described by its antibody is no drug (a guard)
        "Blinatumomab, a bispecific antibody that engages CD19, was given by infusion.",
    ],
)
def test_a_trial_code_or_a_target_is_no_coded_drug(text, vocab):
    drugs = annotate(text, vocab).drugs
    assert "jcog1001" not in drugs and "cd19" not in drugs, drugs
