"""Read .docx files: paragraphs and table cells in reading order, one line per paragraph."""

from __future__ import annotations

import io
import zipfile

from planlint.document import Document
from planlint.errors import InputError
from planlint.hookspecs import hookimpl

# Refuse archives that would expand past this many bytes (zip bombs), or expand suspiciously.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_archive(data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        raise InputError("是加密（受密码保护）的 .docx 或旧版 .doc 文件，无法读取；请取消密码并另存为 .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError("不是有效的 .docx 文件（压缩包损坏）") from None
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_UNCOMPRESSED_BYTES or (total > 20 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise InputError(f"解压后过大（{total // (1024 * 1024)} MB），疑为压缩炸弹，已跳过")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise InputError("不是有效的 .docx 文件（缺少 word/document.xml）")


def _heading_level(style_name: str) -> int | None:
    name = (style_name or "").strip().lower()
    if name == "title" or name == "标题":
        return 1
    for prefix in ("heading ", "标题 "):
        if name.startswith(prefix) and name[len(prefix):].isdigit():
            return min(6, int(name[len(prefix):]))
    return None


def read_docx(path: str, data: bytes) -> Document:
    _check_archive(data)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        d = docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except Exception as e:  # python-docx raises many kinds on corrupt parts
        raise InputError(f"无法读取 .docx：{_why(e)}；请用 Word 打开后另存为 .docx 再检查") from None

    lines: list[str] = []
    hints: dict[int, tuple[str, int]] = {}

    def visit(element, parent, in_table: bool) -> None:
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(element, parent)
            if in_table:
                hints[len(lines)] = ("table", 0)
            else:
                try:
                    level = _heading_level(p.style.name if p.style is not None else "")
                except Exception:
                    level = None
                if level:
                    hints[len(lines)] = ("heading", level)
            lines.append(p.text.replace("\r", "").replace("\n", " ").replace("\v", " "))
        elif tag == "tbl":
            table = Table(element, parent)
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    for child in cell._tc.iterchildren():
                        visit(child, cell, True)
        elif tag == "sdt":  # content controls wrap paragraphs
            for child in element.iter():
                if child.tag.rsplit("}", 1)[-1] == "p" and child.getparent().tag.rsplit("}", 1)[-1] == "sdtContent":
                    visit(child, parent, in_table)

    try:
        for child in d.element.body.iterchildren():
            visit(child, d, False)
    except Exception as e:
        raise InputError(f"无法读取 .docx 内容：{_why(e)}；请用 Word 打开后另存为 .docx 再检查") from None
    return Document("\n".join(lines), path, line_hints=hints, line_label="段", fixable=False,
                    encoding="docx")


@hookimpl
def planlint_load_document(path, data, config):
    if not str(path).lower().endswith(".docx"):
        return None
    return read_docx(path, data)


def _why(e: Exception) -> str:
    """What kind of damage a python-docx or lxml exception means, in Chinese."""
    name = type(e).__name__
    if "XMLSyntax" in name or "ParseError" in name:
        return "文件内部的 XML 损坏"
    if "KeyError" in name or "PackageNotFound" in name:
        return "缺少 Word 文档必需的部件"
    if "BadZip" in name or "zip" in str(e).lower():
        return "压缩包损坏"
    return f"文件结构无法识别（{name}）"
