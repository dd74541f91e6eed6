"""Tense decides the year of a bare month in news: a past verb of the time's own clause keeps it
behind the publication date; a reporting verb before it still allows the months just ahead."""
import pytest

from timeline.models import Document
from timeline.times import tag_document


@pytest.mark.parametrize("text, published, value", [
    ("In January, the South Sudanese voted almost unanimously to secede.", "2011-11-10", "2011-01"),
    ("The official said the accession was planned for early March.", "1999-02-10", "1999-03"),
    ("The Biden administration targeted the militia in airstrikes back in February.", "2021-08-02", "2021-02"),
    ("In January, voters will choose a new parliament.", "2011-11-10", "2012-01"),
])
def test_bare_month_year_follows_the_clause_tense(text, published, value):
    [found] = tag_document(Document(id="d", text=text, published=published))
    assert found.value == value
