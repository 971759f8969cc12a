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
    assert brands["lonsurf"] == ["trifluridine"]
    assert sorted(brands["opdualag"]) == ["nivolumab", "relatlimab"]


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
