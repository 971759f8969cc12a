from bot.answer.grounding import is_grounded, ungrounded_numbers
from bot.answer.models import Citation

QUOTE = "The ORR was 56.3% (95% CI, 37.7%-73.6%) in second line (n = 32); P < .0001."


def _cite(quote=QUOTE):
    return [Citation(1, "t", "s", quote)]


def test_numbers_copied_from_the_quote_are_grounded():
    assert is_grounded("ORR, second line: 56.3% (95% CI, 37.7%-73.6%) [1]", _cite())
    assert is_grounded("P < .0001 in (n = 32) [1]", _cite())


def test_an_invented_or_altered_figure_is_caught():
    assert ungrounded_numbers("ORR: 56.8% [1]", _cite()) == ["56.8"]
    assert ungrounded_numbers("ORR: 6.3% [1]", _cite()) == ["6.3"]  # not a piece of 56.3
    assert not is_grounded("ORR: 56.3% [1]", [])


def test_citation_markers_are_not_figures():
    assert is_grounded("ORR: 56.3% [1] [2]", _cite())
