"""The Document: text exactly as read, and the structure rules read from it, computed lazily."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Iterator

from planlint import words as _words
from planlint.lines import LineIndex

# The modules that derive structure are imported where it is first derived, so that a caller that
# only needs text and positions (a cache hit printing stored results) does not pay for them.
if TYPE_CHECKING:
    from planlint.blocks import Block
    from planlint.docdate import DocDate
    from planlint.dockind import DocKind
    from planlint.parts import Part
    from planlint.sections import Section

# The title is looked for among this many first prose blocks, and is at most this long.
TITLE_WINDOW = 8
TITLE_MAX_CHARS = 60
# A web page's breadcrumb ("汇报范文网 > 工作计划") names a kind but is not the title.
_BREADCRUMB = re.compile(r"[>＞»›]")
_SALUTATION_END = ("：", ":", "！", "!")
# A line that starts with one of these continues the sentence of the line before it.
_CONTINUES = ("。", "，", "、", "；", "：", "！", "？")


class Document:
    """A document to check. Offsets are code-point offsets into ``text``.

    ``text`` is exactly what was read (BOM stripped, line endings kept); structure (lines, blocks,
    sections, sentences, title, kind, date, words) is derived on first use and cached.
    """

    def __init__(
        self,
        text: str,
        path: str = "-",
        *,
        markdown: bool = False,
        encoding: str = "utf-8",
        bom: bool = False,
        line_hints: dict | None = None,
        front_matter: dict | None = None,
        line_label: str = "行",
        fixable: bool = True,
    ):
        self.text = text
        self.path = path
        self.markdown = markdown
        self.encoding = encoding
        self.bom = bom
        self.line_hints = line_hints or {}
        self.front_matter = front_matter or {}
        self.line_label = line_label  # "行", or "段" for .docx where a line is a paragraph
        self.fixable = fixable
        self._kind_override: DocKind | None = None
        self._date_override: DocDate | None = None
        self._kind_words: dict | None = None
        self._sentence_words: dict[int, list] = {}
        # Scratch space for rules that share work across their checks of this document, keyed by
        # the rule family ("policy", "structure" …); discarded with the document.
        self.memo: dict[str, dict] = {}

    def with_text(self, text: str) -> "Document":
        """A new document with the same path, format and settings but different text (after fixes)."""
        doc = Document(
            text, self.path, markdown=self.markdown, encoding=self.encoding, bom=self.bom,
            line_hints=self.line_hints, front_matter=self.front_matter, line_label=self.line_label,
            fixable=self.fixable,
        )
        doc.configure(kind=self._kind_override, date=self._date_override, kind_words=self._kind_words)
        return doc

    # --- positions -------------------------------------------------------------------------
    @functools.cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        return self.lines.position(offset)

    @property
    def newline(self) -> str:
        return self.lines.newline()

    # --- structure -------------------------------------------------------------------------
    @functools.cached_property
    def blocks(self) -> list[Block]:
        from planlint.blocks import split_blocks

        return split_blocks(self.text, self.lines, self.markdown, self.line_hints)

    @functools.cached_property
    def prose_blocks(self) -> list[Block]:
        """Blocks holding prose (headings, paragraphs, list items, table rows): not code or comments."""
        from planlint.blocks import PROSE_KINDS

        return [b for b in self.blocks if b.kind in PROSE_KINDS]

    @property
    def headings(self) -> list[Block]:
        from planlint.blocks import HEADING

        return [b for b in self.blocks if b.kind == HEADING]

    @functools.cached_property
    def sections(self) -> Section:
        """Root of the section tree built from Markdown headings and Chinese outline numbering."""
        from planlint.sections import build_sections

        return build_sections(self.blocks, len(self.text))

    @functools.cached_property
    def sentences(self) -> list[tuple[int, int]]:
        from planlint.sentences import split_sentences

        out: list[tuple[int, int]] = []
        for b in self.prose_blocks:
            out.extend(split_sentences(self.text, b.content_start, b.end))
        return out

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0:
            s, e = self.sentences[i]
            if s <= offset < e or (offset == e and s < e):
                return s, e
        return None

    def block_text(self, block: Block, content: bool = True) -> str:
        return self.text[block.content_start if content else block.start: block.end]

    def iter_prose(self) -> Iterator[tuple[Block, str]]:
        """(block, text from the block's start) for every prose block."""
        for b in self.prose_blocks:
            yield b, self.text[b.start:b.end]

    @functools.cached_property
    def title_block(self) -> Block | None:
        """The title: a short line before the body begins whose last word names a kind (…工作计划),
        else the first short line. The body begins at a sentence, a salutation (各位代表：) or an
        outline-numbered line; web breadcrumbs ("范文网 > 工作计划") are never titles."""
        from planlint.dockind import kind_at_end

        words = self.kind_words
        first_short = None
        window = self.prose_blocks[:TITLE_WINDOW + 1]
        for i, b in enumerate(window[:TITLE_WINDOW]):
            t = self.text[b.content_start:b.end].strip()
            if "。" in t or t.endswith(_SALUTATION_END) or b.marker is not None:
                break
            if len(t) > TITLE_MAX_CHARS or _BREADCRUMB.search(t):
                continue
            if i + 1 < len(window) and self.text[window[i + 1].content_start:window[i + 1].end].startswith(_CONTINUES):
                break  # a sentence broken over lines ("…所作的" / "政府工作报告" / "。会议…"): the body

            if first_short is None:
                first_short = b
            if kind_at_end(t, words):
                return b
        return first_short

    @functools.cached_property
    def parts(self) -> list[Part]:
        """The documents in this file: itself, or each "…篇N" part of a collection copied from the web."""
        from planlint.parts import parts as find_parts

        return find_parts(self)

    @property
    def title(self) -> str | None:
        b = self.title_block
        return self.text[b.content_start:b.end].strip() if b else None

    # --- kind and date ---------------------------------------------------------------------
    @property
    def kind_words(self) -> dict:
        if self._kind_words is None:
            from planlint.dockind import builtin_kind_words

            return builtin_kind_words()
        return self._kind_words

    def configure(self, *, kind: DocKind | None = None, date: DocDate | None = None,
                  kind_words: dict | None = None) -> None:
        """Set what config or the command line decided (a kind by glob, --date, extra kinds)."""
        self._kind_override = kind
        self._date_override = date
        self._kind_words = kind_words
        self.__dict__.pop("kind_info", None)
        self.__dict__.pop("date_info", None)
        self.__dict__.pop("title_block", None)
        self.__dict__.pop("parts", None)

    @functools.cached_property
    def kind_info(self) -> DocKind:
        from planlint.dockind import infer_kind

        return self._kind_override or infer_kind(self.title, self.path, self.kind_words)

    @property
    def kind(self) -> str | None:
        """计划 / 总结 / 方案 / 要点 / 报告 … or None when it cannot be told."""
        return self.kind_info.name

    @functools.cached_property
    def date_info(self) -> DocDate:
        from planlint.docdate import DocDate

        if self._date_override:
            return self._date_override
        fm = self.front_matter.get("date")
        if fm:
            from planlint.docdate import bad_date_reason, parse_document_date

            if not isinstance(fm, (str, dt.date)):  # a list, a mapping, an alias bomb: never stringify it
                why = "不是日期"
            else:
                try:
                    return DocDate(parse_document_date(fm), "front-matter", "取自文首 front matter 的 date")
                except ValueError:
                    why = bad_date_reason(fm)
            found = self._date_from_text()
            return DocDate(found.value, found.source, f"front matter 的 date 无效（{why}），已忽略；{found.reason}")
        return self._date_from_text()

    def _date_from_text(self) -> "DocDate":
        from planlint.dockind import kind_from_title
        from planlint.docdate import (
            ATTACHMENT_START,
            LOOKS_BACK_TITLE,
            SIGNATURE_WINDOW,
            DocDate,
            page_stamp,
            signature_date,
            title_year,
        )

        blocks = self.prose_blocks
        found = signature_date([(b.line, self.text[b.start:b.end]) for b in reversed(blocks[-SIGNATURE_WINDOW:])])
        if not found:
            # 落款 above the attachments (附件1 …) that follow it
            for att in range(1, len(blocks)):
                if ATTACHMENT_START.match(self.text, blocks[att].content_start, blocks[att].end):
                    found = signature_date([(b.line, self.text[b.start:b.end])
                                            for b in reversed(blocks[max(0, att - SIGNATURE_WINDOW):att])])
                    if found:
                        break
        if found:
            value, line_index, shown = found
            return DocDate(value, "signature", f"取自落款日期“{shown}”，第 {line_index + 1} {self.line_label}")
        titled, y = None, None
        for b in blocks[:TITLE_WINDOW]:
            t = self.text[b.content_start:b.end].strip()
            year = title_year(t) if len(t) <= TITLE_MAX_CHARS else None
            if not year:
                continue
            if kind_from_title(t, self.kind_words):
                titled, y = t, year
                break
            if b is self.title_block and titled is None:
                titled, y = t, year  # 2024—2026年乡村旅游发展规划: a year but no known kind word
        if y:
            if self.kind == "总结":
                return DocDate(dt.date(y, 12, 31), "title", f"取自标题年份“{y}年”，总结按年末计")
            if LOOKS_BACK_TITLE.search(titled):
                return DocDate(dt.date(y, 12, 31), "title", f"取自标题年份“{y}年”，回顾全年的文稿按年末计")
            return DocDate(dt.date(y, 1, 1), "title", f"取自标题年份“{y}年”，按年初计")
        head = [(b.line, self.text[b.start:b.end]) for b in self.prose_blocks[:TITLE_WINDOW]]
        found = page_stamp(head)
        if found:
            value, line_index, shown = found
            return DocDate(value, "page", f"取自文首的发布时间“{shown}”，第 {line_index + 1} {self.line_label}")
        return DocDate(dt.date.today(), "today", "文中未找到日期，按今天计")

    @property
    def date(self) -> dt.date:
        return self.date_info.value

    # --- words -----------------------------------------------------------------------------
    def words(self, start: int, end: int) -> list[_words.Token]:
        """jieba tokens covering ``text[start:end]``, segmented per sentence and cached."""
        out: list[_words.Token] = []
        pos = start
        while pos < end:
            sent = self.sentence_at(pos)
            if sent is None:
                s, e = pos, end
                toks = _words.segment(self.text, s, e)
            else:
                s, e = sent
                toks = self._sentence_words.get(s)
                if toks is None:
                    toks = _words.segment(self.text, s, e)
                    self._sentence_words[s] = toks
            i = bisect.bisect_right(toks, start, key=lambda t: t.end)  # not a scan: long sentences
            while i < len(toks) and toks[i].start < end:
                out.append(toks[i])
                i += 1
            pos = max(e, pos + 1)
        return out

    def is_word_span(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` begins and ends on word boundaries (jieba)."""
        toks = self.words(start, end)
        if not toks:
            return False
        return toks[0].start == start and toks[-1].end == end
