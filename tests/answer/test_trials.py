"""Whether a sentence answers for the trials a question names."""

from bot.answer.trials import about_trials, name_key


def test_one_key_for_every_spelling_of_a_trial_name():
    assert name_key("CheckMate 743") == name_key("CheckMate-743") == name_key("checkmate743")
    assert name_key("KEYNOTE-048") != name_key("KEYNOTE-048B")


def test_a_protocol_number_is_the_same_with_or_without_its_leading_zeros():
    from bot.answer.trials import names_trial

    # endometrial cancer ("GOG 0209" asked as "GOG 209") and head and neck ("KEYNOTE-048")
    assert name_key("GOG 0209") == name_key("GOG-209") == name_key("gog209")
    assert names_trial("Results of GOG 0209 were final.", "GOG-209")
    assert names_trial("In KEYNOTE-48, pembrolizumab ...", "KEYNOTE-048")
    # a zero inside the number stays ("GORTEC 99-02" is "GORTEC 9902", not "GORTEC 992")
    assert name_key("GORTEC 99-02") == name_key("GORTEC 9902") != name_key("GORTEC 992")
    # another number is another trial (a guard)
    assert name_key("GOG 0209") != name_key("GOG 2090")
    assert not names_trial("Results of GOG 2090 were final.", "GOG 209")
    assert not names_trial("KEYNOTE-407 enrolled ...", "KEYNOTE-040")


def test_a_sentence_answers_for_its_articles_trial_or_the_trial_it_names():
    # colorectal cancer: a "related coverage" line names another trial
    teaser = "FRESCO-2: fruquintinib extended median PFS to 3.7 months."
    body = "Median PFS was 5.6 months with the combination."
    assert not about_trials(["FRESCO-2"], body, ["SUNLIGHT"])
    assert about_trials(["FRESCO-2"], teaser, ["SUNLIGHT"])
    # a round-up of Hodgkin lymphoma and mesothelioma trials
    assert about_trials(
        ["CheckMate 743"], "Median OS was 18.1 months.", ["ECHELON-1", "CheckMate 743"]
    )
    assert about_trials([], "Median OS was 18.1 months.", [])


def test_a_sentence_about_another_trial_does_not_answer_for_the_article_s_trial():
    from bot.answer.trials import about_trials

    # colorectal cancer: a teaser bullet inside the SUNLIGHT article
    teaser = "- FRESCO-2: Fruquintinib improves OS to 7.4 months vs 4.8 months"
    assert not about_trials(["SUNLIGHT"], teaser, ["SUNLIGHT"])
    assert about_trials(["SUNLIGHT"], "Median OS was 10.8 months.", ["SUNLIGHT"])
    # melanoma: the article's other trial named for context; "Grade 3" and drug codes are no trials
    assert not about_trials(
        ["RELATIVITY-047"], "In CheckMate 067 it was 11.5 months.", ["RELATIVITY-047"]
    )
    assert about_trials(
        ["RELATIVITY-047"], "Grade 3 or 4 events: 18.9% (BMS-986016).", ["RELATIVITY-047"]
    )


def test_a_round_up_section_about_its_other_trial_does_not_answer():
    # a lung cancer round-up of two trials, and a lymphoma/mesothelioma one
    trials = ["CheckMate 77T", "AEGEAN"]
    sentence = "Median EFS was not reached in the durvalumab arm and was 25.9 months with placebo."
    assert not about_trials(["CheckMate 77T"], sentence, trials, "AEGEAN: PERIOPERATIVE DURVALUMAB")
    assert about_trials(["AEGEAN"], sentence, trials, "AEGEAN: PERIOPERATIVE DURVALUMAB")
    pair = ["ECHELON-1", "CheckMate 743"]
    meso = "Median OS was 18.1 versus 14.1 months."
    assert not about_trials(["ECHELON-1"], meso, pair, "CheckMate 743 in mesothelioma")
    # a heading that names no trial leaves the sentence to the article
    assert about_trials(["ECHELON-1"], meso, pair, "Safety")


def test_a_round_up_subsection_is_about_the_trial_its_larger_section_names():
    # a prostate cancer round-up: "### Results" under "## ENZAMET: ..."
    trials = ["ENZAMET", "ARCHES"]
    sentence = "The HR for death was 0.70 (95% CI, 0.58-0.84)."
    outline = ("ENZAMET: enzalutamide vs a conventional antiandrogen",)
    assert not about_trials(["ARCHES"], sentence, trials, "Results", outline)
    assert about_trials(["ENZAMET"], sentence, trials, "Results", outline)
    # a gastric cancer round-up: the nearest heading naming a trial decides, and a larger
    # section naming both says neither
    pair = ["SPOTLIGHT", "GLOW"]
    gastric = "Median PFS was 8.21 vs 6.80 months."
    assert about_trials(["GLOW"], gastric, pair, "Efficacy", ("GLOW: with CAPOX", "SPOTLIGHT"))
    assert about_trials(["GLOW"], gastric, pair, "Efficacy", ("SPOTLIGHT and GLOW",))


def test_a_sentence_naming_the_article_s_other_trial_by_a_word_does_not_answer():
    # gastric cancer: a review of two trials, asked about one of them
    gastric = "In SPOTLIGHT, vomiting occurred in 67.4% vs 35.6% of patients."
    assert not about_trials(["GLOW"], gastric, ["SPOTLIGHT", "GLOW"])
    assert about_trials(["SPOTLIGHT"], gastric, ["SPOTLIGHT", "GLOW"])
    # lung cancer: a perioperative round-up; "aegean" as a common word is no trial name
    lung = "In AEGEAN, pCR was 17.2% with durvalumab."
    assert not about_trials(["NADIM"], lung, ["AEGEAN", "NADIM"])
    assert about_trials(["NADIM"], "The Aegean Sea meeting heard pCR 37%.", ["AEGEAN", "NADIM"])


def test_a_trial_name_inside_another_names_neither():
    from bot.answer.trials import names_trial

    # lung cancer: LAURA is not FLAURA2; breast cancer: OlympiA is not OlympiAD
    assert not names_trial("In FLAURA2, median PFS was 25.5 months.", "LAURA")
    assert names_trial("In LAURA, median PFS was 39.1 months.", "LAURA")
    assert not names_trial("OlympiAD enrolled metastatic disease.", "OlympiA")
    assert names_trial("the Olympia trial, adjuvant olaparib", "OlympiA")
    # ... however the name is spaced or hyphenated
    assert names_trial("CheckMate-743 and checkmate 743", "CheckMate 743")
    # a round-up of the two lung trials: a sentence of FLAURA2's section is no LAURA answer
    both = ["FLAURA2", "LAURA"]
    assert not about_trials(["LAURA"], "Median PFS was 25.5 months.", both, "FLAURA2: chemo")
    assert about_trials(["LAURA"], "Median PFS was 39.1 months.", both, "LAURA: after CRT")


def test_a_scale_s_version_is_no_other_trial():
    # endometrial and breast: "RECIST 1.1" and "CTCAE 5.0" are versions, not trials
    assert about_trials(
        ["DUO-E"],
        "- Primary end point: investigator-assessed PFS (RECIST 1.1) in the ITT population.",
        ["DUO-E"],
    )
    assert about_trials(
        ["DESTINY-Breast12"],
        "Adverse events were graded by CTCAE 5.0 throughout the study.",
        ["DESTINY-Breast12"],
    )
    # a teaser's trial still is one
    assert not about_trials(
        ["DUO-E"], "FRESCO-2: fruquintinib improves OS to 7.4 months.", ["DUO-E"]
    )


def test_a_code_the_article_names_an_arm_by_is_no_other_trial():
    # colorectal cancer and Hodgkin lymphoma: a table row's arms named by coded regimens
    row = "HR for progression, A vs B | A: FOLFOX4 + Bev (n=286): 0.61 | B: FOLFOX4: reference"
    assert about_trials(["E3200"], row, ["E3200"], regimens=["FOLFOX4"])
    hodgkin = "Five-year PFS | BEACOPP-14: 90.1% | eBEACOPP: 91.3%"
    assert about_trials(["HD-GROUP 18"], hodgkin, ["HD-GROUP 18"], regimens=["BEACOPP-14"])
    # ... but another trial's coded name still is one (a guard)
    assert not about_trials(["E3200"], "In CAIRO3, median OS was 19.5 months.", ["E3200"])


def test_a_performance_status_is_no_other_trial():
    # colorectal cancer and lung cancer: "ECOG 0" is whom the trial took, not a trial's name
    assert about_trials(
        ["AtezoTRIBE"],
        "Patients aged 18-70 years with ECOG performance status 0-2 (or 71-75 years with ECOG "
        "0) were randomised 2:1.",
        ["AtezoTRIBE"],
    )
    assert about_trials(
        ["KEYNOTE-189"], "Eligible patients had an ECOG 1 status or better.", ["KEYNOTE-189"]
    )
