"""What the time-expression tests share."""
import pytest

from timeline.models import Document
from timeline.times import tag_document


def _value_of(text: str, published: str) -> str:
    """The value of the text's one time expression (fails when it holds another number)."""
    [found] = tag_document(Document(id="d", text=text, published=published))
    return found.value


@pytest.fixture
def value_of():
    return _value_of


def _last_value_of(text: str, published: str) -> str:
    """The value of the text's last time expression (the one the earlier ones lead to)."""
    return tag_document(Document(id="d", text=text, published=published))[-1].value


@pytest.fixture
def last_value_of():
    return _last_value_of
