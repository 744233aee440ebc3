"""Text as the platform's word searches see it (catalog's product names, records' gene reports):
accents dropped, case folded, punctuation gone, and a run of Chinese, Japanese or Korean characters
made its overlapping pairs of characters, since those scripts put no spaces between words."""

from __future__ import annotations

import re
import unicodedata

STOP_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with", "by"})

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_IS_CJK = re.compile(rf"^[{_CJK}]+$")


def fold(text: str) -> str:
    """Accents dropped, case folded: how words are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_cjk(word: str) -> bool:
    """Whether the word is of Chinese, Japanese or Korean characters (one character is a word there)."""
    return bool(_IS_CJK.match(word))


def words(text: str, stop_words: frozenset[str] = STOP_WORDS) -> list[str]:
    """The distinct words of a text as search sees them, in order."""
    found: dict[str, None] = {}
    for token in _TOKEN.findall(fold(text)):
        if is_cjk(token):
            parts = [token] if len(token) <= 2 else [token[i : i + 2] for i in range(len(token) - 1)]
        else:
            parts = [] if token in stop_words else [token]
        found.update(dict.fromkeys(parts))
    return list(found)
