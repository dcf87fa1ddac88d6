"""Read .txt and .md files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""

from __future__ import annotations

import os

import yaml

from planlint import yamlsafe
from planlint.document import Document
from planlint.errors import InputError
from planlint.hookspecs import hookimpl

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")
# How many leading bytes are looked at for NUL bytes, which mark a binary file.
BINARY_SNIFF_BYTES = 8192
# Signatures of files people rename to .txt or .md by mistake, and what to call them.
BINARY_SIGNATURES = (
    (b"%PDF-", "PDF 文件"),
    (b"PK\x03\x04", "ZIP 压缩包（如 .docx、.xlsx）"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文件（如 .doc、.xls）"),
    (b"{\\rtf", "RTF 文件"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
)


def decode(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, had_bom). Raises InputError for binary or undecodable data."""
    for magic, what in BINARY_SIGNATURES:
        if data.startswith(magic):
            sep = " " if what[0].isascii() else ""
            raise InputError(f"是{sep}{what}，不是文本文档；请另存为 .txt、.md 或 .docx 后再检查")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8", True
        except UnicodeDecodeError as e:
            raise InputError(f"以 UTF-8 BOM 开头，但第 {e.start + 3} 字节起不是有效的 UTF-8") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", True
        except UnicodeDecodeError:
            raise InputError("以 UTF-16 BOM 开头，但内容不是有效的 UTF-16") from None
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        if _looks_like_utf16(data[:BINARY_SNIFF_BYTES]):
            raise InputError("像是不带 BOM 的 UTF-16 编码（“Unicode”）：请另存为 UTF-8 再检查")
        raise InputError("是二进制文件，不是文本文档（含 NUL 字节）")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030", False
    except UnicodeDecodeError:
        raise InputError("编码无法识别：既不是 UTF-8 也不是 GB18030/GBK；请另存为 UTF-8") from None


def _looks_like_utf16(head: bytes) -> bool:
    """Text in UTF-16 without a BOM: it decodes cleanly one way, with few control characters."""
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            sample = head[: len(head) // 2 * 2].decode(enc)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in sample if c < " " and c not in "\r\n\t")
        if sample and controls <= len(sample) // 50:
            return True
    return False


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """Bytes to write back: the same encoding and BOM the file was read with."""
    if encoding == "utf-16":
        return text.encode("utf-16")  # Python writes the BOM itself
    data = text.encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def front_matter(text: str) -> dict:
    """YAML front matter of a Markdown file (safe loading), or {} when absent or unreadable."""
    if not text.startswith("---"):
        return {}
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}
    for i in range(1, min(len(lines), 200)):
        if lines[i].strip() in ("---", "..."):
            try:  # dates stay text: the date reader says what is wrong with 2023-02-30
                data = yamlsafe.user_load("\n".join(lines[1:i]))
            except (yaml.YAMLError, ValueError, RecursionError):
                return {}
            return data if isinstance(data, dict) else {}
    return {}


def read_text_document(path: str, data: bytes) -> Document:
    text, encoding, bom = decode(data)
    markdown = os.path.splitext(path)[1].lower() in MARKDOWN_SUFFIXES
    return Document(
        text,
        path,
        markdown=markdown,
        encoding=encoding,
        bom=bom,
        front_matter=front_matter(text) if markdown else None,
    )


@hookimpl(trylast=True)
def planlint_load_document(path, data, config):
    return read_text_document(path, data)
