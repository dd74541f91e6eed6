"""Saved web pages: trafilatura's main text, htmldate's publication date from the metadata."""
import pytest

from pages import ARTICLE_PARAGRAPHS, EMPTY_PAGE, NEWS_PAGE
from timeline.errors import InputError
from timeline.read import Reader


def read(path):
    reader = Reader()
    return list(reader.documents([str(path)])), reader.warnings


def test_news_page_gives_body_title_and_publication_date(tmp_path):
    page = tmp_path / "militia.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    [doc], warnings = read(page)
    assert doc.published == "2021-08-02" and doc.published_from == "html"
    assert doc.title == "Iraqi militia warns of response if troops stay"
    assert doc.source == "Example News"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    for boilerplate in ("Most read", "Copyright", "Sport", "Markets fall"):
        assert boilerplate not in doc.text
    assert doc.id == "militia.html" and warnings == []


def test_json_ld_alone_gives_the_date(tmp_path):
    page = tmp_path / "ld.htm"
    page.write_text(NEWS_PAGE.replace('<meta property="article:published_time" content="2021-08-02T09:14:00+00:00">', "")
                    .replace("2021-08-04", "2021-08-02"), encoding="utf-8")
    [doc], _ = read(page)
    assert doc.published == "2021-08-02"


def test_page_without_metadata_falls_back_to_the_dateline(tmp_path):
    bare = NEWS_PAGE.split("<head>")[0] + "<head><title>x</title></head>" + NEWS_PAGE.split("</head>")[1]
    page = tmp_path / "bare.html"
    page.write_text(bare.replace("Aug. 2 (Reuters)", "Aug. 2, 2021 (Reuters)"), encoding="utf-8")
    [doc], warnings = read(page)
    assert (doc.published, doc.published_from) == ("2021-08-02", "dateline")
    assert warnings == []


def test_page_with_no_article_text_is_refused(tmp_path):
    page = tmp_path / "paywall.html"
    page.write_text(EMPTY_PAGE, encoding="utf-8")
    with pytest.raises(InputError, match="paywall.html: no article text"):
        read(page)
