"""Finding gene reports by the words in them, without a search engine and without a Scan.

A report's text (its test, summary and findings, and the text of its PDF) is normalised into words
(accents dropped, case folded, punctuation gone; a run of Chinese, Japanese or Korean characters
becomes its overlapping pairs of characters). Each word gives its prefixes of `PREFIX_MIN` to
`PREFIX_MAX` characters, and each distinct prefix is one index item of the report (dal.py), which
keeps the words of the report that start with it. A query looks up its longest word's prefix (one
Query), and keeps the reports in which every word of the query starts a word of the report.
"""

from __future__ import annotations

from panacea.platform import words as text_words

PREFIX_MIN = 3
PREFIX_MAX = 6
MAX_PREFIXES = 2_000  # the index of one report: at most this many items
MAX_WORDS_PER_PREFIX = 50
MAX_QUERY_WORDS = 4
STOP_WORDS = text_words.STOP_WORDS | {"is", "was"}


def words(text: str) -> list[str]:
    """The distinct words of a text as search sees them, in order (panacea.platform.words)."""
    return text_words.words(text, STOP_WORDS)


def _shortest(word: str) -> int:
    return 1 if text_words.is_cjk(word) else PREFIX_MIN


def key_of(word: str) -> str:
    """The prefix a word is looked up by."""
    return word[:PREFIX_MAX]


def index(text: str) -> dict[str, list[str]]:
    """Prefix → the words of `text` that start with it (at most MAX_PREFIXES prefixes)."""
    found: dict[str, list[str]] = {}
    for word in words(text):
        for length in range(_shortest(word), min(PREFIX_MAX, len(word)) + 1):
            prefix = word[:length]
            if prefix not in found:
                if len(found) >= MAX_PREFIXES:
                    return found
                found[prefix] = []
            if len(found[prefix]) < MAX_WORDS_PER_PREFIX:
                found[prefix].append(word)
    return found


def query_terms(q: str) -> list[str]:
    """The words of a query, longest first; ValueError if it has none long enough to look up."""
    terms = [w for w in words(q) if len(w) >= _shortest(w)][:MAX_QUERY_WORDS]
    if not terms:
        raise ValueError(f"the query needs a word of at least {PREFIX_MIN} letters")
    return sorted(terms, key=len, reverse=True)


def matches(term: str, found: list[str]) -> bool:
    """Whether `term` starts one of the words kept under its prefix."""
    return any(word.startswith(term) for word in found) or (len(term) <= PREFIX_MAX and bool(found))
