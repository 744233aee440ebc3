"""A report's words as search sees them, and the text pypdf takes out of a PDF."""

from __future__ import annotations

import pytest

from panacea.platform.errors import Unprocessable
from panacea.records import extraction, search
from tests.support.documents import pdf


def test_a_reports_words_are_indexed_by_their_prefixes():
    # Given a report's text with accents, case, punctuation and Chinese
    index = search.index("Pathogène BRCA1: détecté, 乳腺癌 risk")
    # Then each word is found by its first three to six letters, and Chinese by its pairs
    assert index["pat"] == index["pathog"] == ["pathogene"]
    assert index["brca1"] == ["brca1"]
    assert "pa" not in index
    assert {"乳腺", "腺癌"} <= set(index)
    # And a query keeps its words longest first, and needs one worth looking up
    assert search.query_terms("risk Pathogene") == ["pathogene", "risk"]
    with pytest.raises(ValueError, match="at least 3"):
        search.query_terms("a of")


def test_a_longer_word_than_its_prefix_must_match_whole():
    index = search.index("alzheimer")
    assert search.matches("alzheimer", index[search.key_of("alzheimer")])
    assert not search.matches("alzheimers", index[search.key_of("alzheimers")])


def test_the_text_of_each_page_of_a_pdf_is_extracted():
    # Given a PDF of two pages
    content = pdf(["CYP2C19 poor metaboliser"], ["APOE e3/e4 (moderate)"])
    # When its text is extracted
    extracted = extraction.text_of(content, field="file_key")
    # Then both pages' words are there
    assert extracted.pages == 2
    assert "CYP2C19" in extracted.text
    assert "APOE e3/e4 (moderate)" in extracted.text


@pytest.mark.parametrize("content", [b"plain text", b"%PDF-1.4 then nothing a PDF needs", b""])
def test_what_is_not_a_readable_pdf_is_refused_naming_the_field(content):
    with pytest.raises(Unprocessable) as refused:
        extraction.text_of(content, field="file_key")
    assert refused.value.problem()["errors"][0]["field"] == "file_key"
