"""The text of a report's PDF, for search (pypdf, pure Python: no native library in the layer).

A file that is not a readable PDF is refused with the field that named it; a PDF whose pages carry
no text (a scan) gives no text, and the report is still found by its metadata.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from panacea.platform.errors import FieldError, Unprocessable

MAX_PAGES = 200  # pages read for search; a longer report is indexed by its first pages
MAX_CHARS = 200_000

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd PDF it still reads


class NotAPdf(Unprocessable):
    slug, title = "not-a-pdf", "Not a readable PDF"


@dataclass(frozen=True)
class Extracted:
    text: str
    pages: int


def text_of(content: bytes, *, field: str) -> Extracted:
    """The text of a PDF's first MAX_PAGES pages (NotAPdf, naming `field`, if it is none)."""
    from pypdf import PdfReader  # noqa: PLC0415 - only the routes that file a report load pypdf

    if not content.startswith(b"%PDF-"):
        raise NotAPdf("the file is not a PDF", errors=[FieldError(field, "not_a_pdf")])
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise NotAPdf("the PDF is encrypted: upload it without a password", errors=[FieldError(field, "encrypted")])
        texts: list[str] = []
        size = 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            texts.append(text)
            size += len(text)
            if size >= MAX_CHARS:
                break
        return Extracted(text="\n".join(texts)[:MAX_CHARS], pages=len(reader.pages))
    except NotAPdf:
        raise
    except Exception as broken:  # a broken PDF breaks pypdf in many ways (PyPdfError, zlib, struct…): a 422
        raise NotAPdf(f"the PDF cannot be read: {broken}", errors=[FieldError(field, "unreadable")]) from broken
