import pytest

from index.text import content_id, normalize_text, split_sentences, tokenize, us_spelling


def test_content_id_ignores_whitespace_and_case_but_not_words():
    a = "IMforte met its primary endpoint.\r\n\r\nMedian PFS was 5.4 months."
    b = "  imforte met its   primary endpoint.\nMedian PFS was 5.4 months.  "
    assert content_id(a) == content_id(b)
    assert content_id(a) != content_id(a.replace("5.4", "5.5"))


def test_normalize_keeps_words_and_lines():
    assert normalize_text("a\u00a0b \t c\r\n\r\n\r\n\r\nd") == "a b c\n\nd"


def test_sentences_keep_offsets_decimals_and_abbreviations():
    text = (
        "Median PFS was 5.4 months (HR = 0.54; P < .0001). As Dr. Paz-Ares said, it works.\n"
        "Key Data\nORR: 48.2% vs. 40.0% in 2L."
    )
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "Median PFS was 5.4 months (HR = 0.54; P < .0001).",
        "As Dr. Paz-Ares said, it works.",
        "Key Data",
        "ORR: 48.2% vs. 40.0% in 2L.",
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_tokenize_folds_british_spellings():
    # melanoma (node dissection) and breast (axillary surgery) articles spell it the British way
    assert "lymphedema" in tokenize("Lymphoedema occurred in 24.1% after dissection")
    assert "diarrhea" in tokenize("grade 3 diarrhoea with capecitabine")


def test_tokenize_splits_compounds_and_drops_stopwords():
    tokens = tokenize("What was the ORR with I-DXd in second-line?", frozenset({"what", "the"}))
    assert "i-dxd" in tokens and "dxd" in tokens and "second-line" in tokens
    assert "what" not in tokens and "the" not in tokens


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("Oesophageal primary", "esophageal primary"),  # oesophageal cancer
        ("oestrogen receptor-positive tumours", "estrogen receptor-positive tumors"),  # breast
        ("haematological toxicity and anaemia", "hematological toxicity and anemia"),
        ("acute myeloid leukaemia", "acute myeloid leukemia"),
        ("paediatric patients were randomised", "pediatric patients were randomized"),
        ("four hours of favourable behaviour", "four hours of favorable behavior"),
        ("lymphoedema after dissection", "lymphedema after dissection"),  # melanoma
        ("arm lymphoedema and diarrhoea", "arm lymphedema and diarrhea"),  # breast
        ("dyspnoea in gynaecological cancers", "dyspnea in gynecological cancers"),  # ovarian
        ("grade 4 leucopenia in localised disease", "grade 4 leukopenia in localized disease"),
    ],
)
def test_british_spellings_of_medical_words_are_folded(british, american):
    assert us_spelling(british) == american
