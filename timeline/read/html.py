"""Saved web pages: the main text with trafilatura, the publication date with htmldate.

htmldate looks only at the page's metadata and URL (Open Graph article:published_time, JSON-LD
datePublished, <time>, meta tags), never at the text, so a date quoted in the story is not taken
for the publication date; the dateline fallback in the reader handles stories without metadata.
"""
from __future__ import annotations

from typing import Iterator, Optional

from timeline.errors import InputError
from timeline.read.article import Article
from timeline.read.context import MIN_PAGE_WORDS, ReadContext
from timeline.read.language import iso639_1
from timeline.read.text import check_text


def _publication_date(tree, url: Optional[str]) -> Optional[str]:
    from htmldate import find_date

    return find_date(tree, extensive_search=False, original_date=True, url=url)


def _paragraphs(text: str) -> str:
    """One blank line between paragraphs, as in .txt articles, so the sentence splitter sees them."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def read_html(data: bytes, name: str, doc_id: str, ctx: ReadContext,
              url: Optional[str] = None) -> Iterator[Article]:
    import trafilatura

    check_text(data, name)
    tree = trafilatura.load_html(data)
    if tree is None:
        raise InputError("not an HTML page", name)
    published = _publication_date(tree, url)  # before trafilatura, which prunes the tree
    found = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False, date_extraction_params={
                                            "extensive_search": False, "original_date": True})
    lang = iso639_1(tree.get("lang") or (getattr(found, "language", None) if found else None))
    body = _paragraphs(found.text or "") if found else ""
    if len(body.split()) < MIN_PAGE_WORDS:
        raise InputError("no article text found in the page", name)
    yield Article(
        id=doc_id,
        title=found.title or None,
        url=url or found.url or None,
        source=found.sitename or None,
        published=published,
        published_from="html" if published else None,
        path=name,
        lang=lang,
        text=body,
    )
