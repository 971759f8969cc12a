"""Results tables read as one headed line per row, and the figures of those lines."""

import pytest

from index.figures import extract_figures
from index.tables import leader_tables, linearize_tables
from index.text import split_sentences

# a kidney-cancer results table and an ovarian-cancer subgroup table, as markdown
RCC = """Results at the final analysis:

| Endpoint | Lenvatinib + pembrolizumab (n=355) | Sunitinib (n=357) |
|---|---|---|
| Median PFS, months | 23.9 | 9.2 |
| ORR, % | 71.0 | 36.1 |

Safety was as expected."""

OVARIAN = """| PFS by subgroup | | |
|---|---|---|
| Subgroup | n | HR (95% CI) |
| HR-deficient | 373 | 0.43 (0.31-0.59) |
| HR-proficient | 249 | 0.68 (0.49-0.94) |"""


def test_each_row_becomes_one_line_with_its_column_headers():
    text = linearize_tables(RCC)
    assert (
        "Median PFS, months | Lenvatinib + pembrolizumab (n=355): 23.9 | Sunitinib (n=357): 9.2"
        in text
    )
    assert "ORR, % | Lenvatinib + pembrolizumab (n=355): 71.0 | Sunitinib (n=357): 36.1" in text
    assert "|---" not in text and "Endpoint" not in text
    assert text.startswith("Results at the final analysis:") and text.endswith("as expected.")


def test_a_caption_row_leads_every_row_so_a_subgroup_table_keeps_its_endpoint():
    lines = linearize_tables(OVARIAN).split("\n")
    assert lines == [
        "PFS by subgroup: HR-deficient | n: 373 | HR (95% CI): 0.43 (0.31-0.59)",
        "PFS by subgroup: HR-proficient | n: 249 | HR (95% CI): 0.68 (0.49-0.94)",
    ]


def test_a_row_line_is_one_sentence():
    text = linearize_tables(RCC)
    row = next(s for s in split_sentences(text) if "23.9" in s.text)
    assert row.text.endswith("9.2") and row.text.startswith("Median PFS")


def test_row_figures_take_the_endpoint_from_the_row_and_the_arm_from_the_column(vocab):
    line = "Median PFS, months | Lenvatinib + pembrolizumab (n=355): 23.9 | Sunitinib (n=357): 9.2"
    figs = extract_figures(line, vocab)
    assert [(f.value, f.endpoint, f.unit) for f in figs] == [
        ("23.9", "PFS", "time"),
        ("9.2", "PFS", "time"),
    ]
    assert "Sunitinib" in figs[1].scope and "Lenvatinib" in figs[0].scope
    percent = extract_figures("ORR, % | Drug A: 71.0 | Drug B: 36.1", vocab)
    assert [f.unit for f in percent] == ["percent", "percent"]


def test_a_hazard_ratio_column_gives_the_ratio_and_its_interval(vocab):
    line = "PFS by subgroup: HR-deficient | n: 373 | HR (95% CI): 0.43 (0.31-0.59)"
    hr = [f for f in extract_figures(line, vocab) if f.endpoint == "HR"]
    assert len(hr) == 1
    assert hr[0].value == "0.43" and hr[0].detail == "(0.31-0.59)"
    assert "HR-deficient" in hr[0].scope
    # a gastric-cancer subgroup row: the same shape, another tumour type
    gastric = "Overall survival: PD-L1 CPS ≥5 | n: 955 | HR (95% CI): 0.71 (0.59–0.86)"
    (ratio,) = [f for f in extract_figures(gastric, vocab) if f.endpoint == "HR"]
    assert ratio.value == "0.71" and ratio.detail == "(0.59–0.86)"


def test_a_statistic_header_holds_the_statistic_of_its_endpoint(vocab):
    # colorectal and kidney cancer subgroup rows: "PFS HR" is a hazard ratio about PFS
    crc = "First line | n (nivo + ipi / nivo): 202 / 201 | PFS HR (95% CI): 0.57 (0.40-0.82)"
    (hr,) = [f for f in extract_figures(crc, vocab) if f.value == "0.57"]
    assert hr.endpoint == "HR" and "PFS" in hr.label and hr.detail == "(0.40-0.82)"
    rcc = "IMDC poor risk | OS HR: 0.62 (0.45-0.86)"
    (hr2,) = [f for f in extract_figures(rcc, vocab) if f.value == "0.62"]
    assert hr2.endpoint == "HR" and "OS" in hr2.label


def test_a_cell_listing_arms_gives_one_figure_per_arm(vocab):
    # gastric cancer: the header says the order of the arms
    line = "PD-L1 CPS >=10 | Patients: 551 | Median OS, months (pembro vs placebo): 15.7 vs 11.8"
    figs = {f.value: f for f in extract_figures(line, vocab)}
    assert figs["15.7"].endpoint == "OS" and figs["15.7"].scope.startswith("pembro")
    assert figs["11.8"].scope.startswith("placebo")
    assert figs["551"].value == "551"
    assert extract_figures("All patients | Patients: 1,579 | HR: 0.78", vocab)[0].value == "1,579"


def test_a_space_aligned_side_by_side_table_becomes_headed_rows():
    from index.tables import align_text_tables, linearize_tables

    # a lung cancer round-up's side-by-side of two trials, its header over the value columns
    text = (
        "SIDE BY SIDE\n"
        "                          TRIAL-A77         TRIAL-B\n"
        "Drug (target)             Nivolumab (PD-1)  Durvalumab (PD-L1)\n"
        "EFS HR                    0.58              0.68\n"
        "pCR (IO vs placebo)       25.3% vs 4.7%     17.2% vs 4.3%\n"
    )
    rows = linearize_tables(align_text_tables(text)).split("\n")
    assert "EFS HR | TRIAL-A77: 0.58 | TRIAL-B: 0.68" in rows
    assert "pCR (IO vs placebo) | TRIAL-A77: 25.3% vs 4.7% | TRIAL-B: 17.2% vs 4.3%" in rows


def test_a_space_aligned_table_with_a_full_header_row():
    from index.tables import align_text_tables, linearize_tables

    # a myeloma press release's table, a blank cell left blank
    text = (
        "Endpoint      Triplet     Doublet\n"
        "ORR, %        92.3        78.1\n"
        "CR, %         44.0\n"
        "Median PFS    NR          18.4 months\n"
    )
    rows = linearize_tables(align_text_tables(text)).split("\n")
    assert "ORR, % | Triplet: 92.3 | Doublet: 78.1" in rows
    assert "CR, % | Triplet: 44.0" in rows


def test_prose_with_double_spaces_is_no_table():
    from index.tables import align_text_tables

    text = "Median OS was 18.1 months.  It was 14.1 months with chemotherapy.\nThe end.\n"
    assert align_text_tables(text) == text


def test_a_dot_leader_list_under_a_caption_of_arms_is_a_table():
    # colorectal cancer: each value under its arm, the effect after two spaces
    crc = (
        "Key outcomes, IFL + bevacizumab vs IFL + placebo:\n\n"
        "  Median overall survival ............ 20.3 vs 15.6 months   HR 0.66, P<0.001\n"
        "  Objective response rate ............ 44.8% vs 34.8%        P=0.004\n"
    )
    text = linearize_tables(leader_tables(crc))
    assert "Objective response rate | IFL + bevacizumab: 44.8% | IFL + placebo: 34.8%" in text
    assert "Median overall survival | IFL + bevacizumab: 20.3 | IFL + placebo: 15.6 months" in text
    # melanoma: the arms in the caption's brackets, two dots enough
    mel = (
        "At-a-glance (encorafenib plus binimetinib vs vemurafenib)\n"
        "  2-year OS .. 57.6% vs 43.2%\n"
        "  5-year OS .. 34.7% vs 21.4%\n"
    )
    text = linearize_tables(leader_tables(mel))
    assert "2-year OS | encorafenib plus binimetinib: 57.6% | vemurafenib: 43.2%" in text
    # a list whose caption names no arms stays as it is
    plain = "Timeline:\n  Enrolment ..... 2004\n  Readout ..... 2008\n"
    assert leader_tables(plain) == plain


@pytest.mark.parametrize(
    ("table", "row", "value", "interval"),
    [
        # head and neck cancer: a row of 90% CIs under the row of rates they belong to
        (
            "| Outcome | Arm A | Arm B 50 Gy | Arm D |\n|---|---|---|---|\n"
            "| 2-year PFS | 96.9% | 94.9% | 90.7% |\n"
            "| 90% CI | 87.4-100 | 91.0-98.9 | 86.2-95.4 |\n"
            "| 2-year OS | 100% | 99.0% | 96.3% |",
            0,
            "94.9%",
            "91.0-98.9",
        ),
        # lung cancer: a row of 95% CIs under the medians
        (
            "| Endpoint | Osimertinib | Placebo |\n|---|---|---|\n"
            "| Median DFS, months | 65.8 | 28.1 |\n"
            "| 95% CI | 54.4-NR | 22.1-35.0 |",
            0,
            "28.1",
            "22.1-35.0",
        ),
    ],
)
def test_a_row_of_intervals_goes_beside_the_values_above_it(table, row, value, interval, vocab):
    rows = linearize_tables(table).split("\n")
    assert not any(r.startswith(("90% CI", "95% CI")) for r in rows), rows
    fig = next(f for f in extract_figures(rows[row], vocab) if f.value.startswith(value))
    assert interval in rows[row][fig.end : fig.end + 30], rows[row]


@pytest.mark.parametrize(
    ("table", "row"),
    [
        # cutaneous SCC: a row labelled by its number alone takes the label column's header
        (
            "| Group | Population / dose | n | ORR |\n|---|---|---|---|\n"
            "| 3 | mCSCC, 350 mg q3w | 56 | 46.4% |",
            "Group 3 | Population / dose: mCSCC, 350 mg q3w | n: 56 | ORR: 46.4%",
        ),
        # lung cancer: a row labelled by a letter
        (
            "| Arm | Regimen | Median PFS |\n|---|---|---|\n| B | Osimertinib | 18.9 mo |",
            "Arm B | Regimen: Osimertinib | Median PFS: 18.9 mo",
        ),
        # a label of words keeps its own (a guard)
        (
            "| Endpoint | Drug | Placebo |\n|---|---|---|\n| ORR | 40% | 10% |",
            "ORR | Drug: 40% | Placebo: 10%",
        ),
    ],
)
def test_a_row_labelled_by_a_number_or_letter_takes_its_columns_name(table, row):
    assert row in linearize_tables(table).split("\n")
