"""Publication dates: option > metadata > HTML > dateline > none (never mtime, never today)."""
import pytest

from timeline.errors import UsageError
from timeline.read import NO_DATE, Reader, ReadOptions
from timeline.read.dateline import find_dateline
from timeline.read.dates import date_from_path, normalise_published, parse_date


@pytest.mark.parametrize("text, date, guessed", [
    ("BAGHDAD, Aug. 2 (Reuters) - Militias said in 2021 that", "2021-08-02", True),
    ("Jan. 3, 2020 - The strike", "2020-01-03", False),
    ("WASHINGTON, D.C., Jan. 3, 2020 (AP) — Officials", "2020-01-03", False),
    ("Headline\n\nMOSUL, Iraq, March 12, 2017 -- Troops", "2017-03-12", False),
    ("LONDON, Sept 30 (Reuters) - In 2019 and 2020", "2020-09-30", True),
    # a full date alone on a line under the title, as news sites print it
    ("Talks resume Friday\nMarch 3, 2012\nNegotiators met on Wednesday.", "2012-03-03", False),
    ("Talks resume Friday\n\nSaturday 3 March 2012\n\nNegotiators met.", "2012-03-03", False),
    ("TALKS RESUME\nSat, Mar. 3rd, 2012\r\nNegotiators met.", "2012-03-03", False),
])
def test_datelines(text, date, guessed):
    found = find_dateline(text)
    assert (found.date, found.year_guessed) == (date, guessed)


@pytest.mark.parametrize("text", [
    "On Jan. 3, 2020 - the day of the strike - officials met.",   # not at the start of a line
    "BAGHDAD, Aug. 2 (Reuters) - no year anywhere in this story",  # no year to complete it
    "In Baghdad, Aug. 2 - 2020 was",                                # not an upper-case place
    "Feb. 30, 2021 - impossible day",
    "Talks resume\nOn March 3, 2012 negotiators met.",              # a date in a sentence
    "One\nTwo\nThree\nFour\nFive\nMarch 3, 2012\n",              # not among the first lines
])
def test_not_datelines(text):
    assert find_dateline(text) is None


def test_metadata_dates():
    assert parse_date("2021-08-02T09:14:00+00:00") == "2021-08-02"
    assert parse_date("Mon, 02 Aug 2021 10:00:00 GMT") == "2021-08-02"
    assert parse_date("August 2, 2021") == "2021-08-02"
    assert parse_date("yesterday") is None and parse_date("") is None


def test_published_option_must_be_a_date():
    assert normalise_published("2021-08-02", "--published") == "2021-08-02"
    for bad in ("tomorrow", "2021-13-01", "02/08/2021"):
        with pytest.raises(UsageError, match="--published: not a date"):
            normalise_published(bad, "--published")


def test_no_date_warns_once_per_document_and_never_uses_mtime(tmp_path):
    (tmp_path / "a.txt").write_text("Officials met on Sunday.\n")
    (tmp_path / "b.txt").write_text("Talks resume next week.\n")
    reader = Reader(ReadOptions())
    docs = list(reader.documents([str(tmp_path)]))
    assert [d.published for d in docs] == [None, None]
    assert reader.warnings == [("a.txt", NO_DATE), ("b.txt", NO_DATE)]


@pytest.mark.parametrize("text, date", [
    ("2 août 2021", "2021-08-02"),            # another language: dateparser's locale data
    ("2. August 2021", "2021-08-02"),
    ("Monday, 2 August 2021 10:00", "2021-08-02"),
    ("August 2021", None),                    # no day: never filled in
    ("yesterday", None),                      # relative: never today's clock
    ("3 days ago", None),
])
def test_metadata_dates_in_other_layouts(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("path, date", [
    ("archive/InputDocs/2010-01-19/221.htm.txt", "2010-01-19"),
    ("archive/2010/01/19/story.txt", "2010-01-19"),
    ("archive/20100119/story.txt", "2010-01-19"),
    ("2010-01-19-story.txt", "2010-01-19"),
    ("archive/2010-13-45/story.txt", None),      # no such day
    ("archive/12345/story.txt", None),
    ("https://example.org/2010-01-19/story", None),   # a URL's path is the page's, htmldate reads it
])
def test_date_from_path(path, date):
    assert date_from_path(path) == date


def test_archive_filed_by_day_dates_its_articles(tmp_path):
    day = tmp_path / "2010-01-19"
    day.mkdir()
    (day / "a.txt").write_text("Aid arrived on Sunday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Aid arrived on Sunday.", encoding="utf-8")
    reader = Reader(ReadOptions())
    docs = {d.id: d for d in reader.documents([str(tmp_path)])}
    assert (docs["a.txt"].published, docs["a.txt"].published_from) == ("2010-01-19", "path")
    assert docs["b.txt"].published is None
    dated = Reader(ReadOptions(published="2020-05-05")).documents([str(day / "a.txt")])
    assert next(dated).published == "2020-05-05"        # the option still comes first
