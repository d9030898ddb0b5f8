"""Word (.docx): the text of the body, its tables, and the headers and footers, one paragraph a line.

A .docx is a zip of XML, so a finding cannot point at a byte of the file;
it points at a paragraph instead: line N of the extracted text is the Nth
paragraph in reading order (body paragraphs and table cells as they appear,
then each section's headers, then its footers), and the column counts
characters within it, as Word's own "paragraph, character" does.

python-docx (MIT, well kept) reads the package; it is imported only when a
.docx is checked, so the pre-commit path never loads lxml.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from zhguard.errors import InputError

# A .docx is a zip: the local file header's magic number.
ZIP_MAGIC = b"PK\x03\x04"


def docx_text(path: str, data: bytes) -> str:
    """The document's paragraphs, one per line; raises InputError naming the file when it is not
    a readable .docx (a renamed .doc, a damaged zip, an encrypted file)."""
    if not data.startswith(ZIP_MAGIC):
        kind = "an old binary Word file (.doc)" if data.startswith(b"\xd0\xcf\x11\xe0") else "not a zip"
        raise InputError(path, f"not a .docx file ({kind}); save it as .docx or export it as text")
    try:
        from docx import Document
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError(path, "reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(path, f"damaged .docx: {exc}") from None
    except Exception as exc:  # lxml's XMLSyntaxError and python-docx's PackageNotFoundError
        raise InputError(path, f"damaged .docx: {type(exc).__name__}: {exc}") from None
    return "\n".join(_paragraphs(document))


def _paragraphs(document) -> Iterator[str]:
    yield from _blocks(document)
    parts = []
    for section in document.sections:
        parts += [section.header, section.first_page_header, section.even_page_header]
    for section in document.sections:
        parts += [section.footer, section.first_page_footer, section.even_page_footer]
    seen = set()  # lxml elements hash by identity; holding them keeps that identity
    for part in parts:
        if part.is_linked_to_previous or part._element in seen:
            continue
        seen.add(part._element)
        yield from _blocks(part)


def _blocks(container) -> Iterator[str]:
    """Paragraph texts in reading order; a table's cells row by row, a merged cell once."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    yield from _blocks(cell)
        else:
            yield block.text.replace("\n", " ").replace("\r", " ")
