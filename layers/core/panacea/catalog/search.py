"""Finding products by the words of their name without a search engine and without a Scan.

A product's name is normalised into words (accents dropped, case folded, punctuation gone;
a run of Chinese, Japanese or Korean characters becomes its overlapping pairs of characters,
since those scripts put no spaces between words). Each word gives the prefixes of its first
`PREFIX_MAX` characters (from `PREFIX_MIN`), and each prefix is one listing item of the product
(dal.py), so that "bra" finds "BRCA Bracelet" with one Query on the prefix's partition.

A query uses its longest word's prefix as the key, and every word of it (whole, at the start
of a word of the name) as a filter on the listing items' `search_text`, so "blood pres" finds
"Home Blood Pressure Monitor" and not "Blood Glucose Meter".

Only the first `MAX_PREFIXES` prefixes of a name are indexed (its first five or so words):
each is an item written in the product's transaction.
"""

from __future__ import annotations

from panacea.platform import words as text_words

PREFIX_MIN = 2
PREFIX_MAX = 5
MAX_PREFIXES = 20
MAX_QUERY_WORDS = 6
fold = text_words.fold  # accents dropped, case folded: how names are compared (dal.py)


def words(text: str) -> list[str]:
    """The distinct words of a text as search sees them, in order (panacea.platform.words)."""
    return text_words.words(text)


def key_of(word: str) -> str:
    """The prefix a word is looked up by: its first PREFIX_MAX characters."""
    return word[:PREFIX_MAX]


def prefixes(name: str) -> list[str]:
    """The prefixes a product's name is indexed under (at most MAX_PREFIXES, first words first)."""
    found: list[str] = []
    for word in words(name):
        shortest = 1 if text_words.is_cjk(word) else min(PREFIX_MIN, len(word))  # one character is a word there
        for length in range(shortest, min(PREFIX_MAX, len(word)) + 1):
            prefix = word[:length]
            if prefix not in found:
                found.append(prefix)
    return found[:MAX_PREFIXES]


def search_text(name: str) -> str:
    """What a query's words are matched against: ` word word …` (each word after a space)."""
    return "".join(f" {w}" for w in words(name))


def query_terms(q: str) -> tuple[str, list[str]]:
    """(the prefix to look up, the words every result must have a word starting with)."""
    terms = words(q)[:MAX_QUERY_WORDS]
    if not terms:
        raise ValueError("the query has no word to search for")
    longest = max(terms, key=len)
    return key_of(longest), terms
