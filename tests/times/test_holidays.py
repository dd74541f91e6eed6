"""Movable holidays fall on their day of the year the sentence points to."""
import pytest


@pytest.mark.parametrize("text, published, value", [
    ("Shoppers will flock to the malls on Black Friday.", "2021-08-02", "2021-11-26"),
    ("Sales rose 3% on Black Friday.", "2013-12-02", "2013-11-29"),
    ("Celebrations marked the Fourth of July.", "2013-07-08", "2013-07-04"),
])
def test_holiday_day(text, published, value, value_of):
    assert value_of(text, published) == value
