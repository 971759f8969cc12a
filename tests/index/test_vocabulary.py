"""The domain vocabulary as the project ships it (prompts/vocabulary.yaml)."""


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
