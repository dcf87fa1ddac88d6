"""Collections: a file holding several documents ("…工作计划篇1" … "篇7"), each with its title and kind."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from planlint.blocks import CODE, COMMENT, FRONT_MATTER, TABLE, Block
from planlint.dockind import kind_word_at_end

# "区工会2023年工作计划篇1", "【篇一】", "篇二：", "范文三", "第2篇": a line that opens one document
# of a collection copied from a 范文 site.
_NUM = r"[0-9０-９一二三四五六七八九十]{1,3}"
_PIECE = rf"(?:篇[ \t\u3000]*{_NUM}|范文[ \t\u3000]*{_NUM}|第[ \t\u3000]*{_NUM}[ \t\u3000]*篇)"
_PART_LINE = regex.compile(
    rf"^[ \t\u3000]*(?:[【\[]?{_PIECE}[】\]]?[:：]?"
    rf"|\S.{{0,58}}?{_PIECE}[】\]）)]?[:：]?"
    rf"|[【\[]{_PIECE}[】\]][:：]?[ \t\u3000]*\S.{{0,58}}?)[ \t\u3000]*$"  # 【篇三】2024年社区工作计划
)
# A web page's breadcrumb ("汇报范文网 > 工作计划") names a kind but is not a title.
_BREADCRUMB = regex.compile(r"[>＞»›]")
_SALUTATION_END = ("：", ":", "！", "!")
SKIPPED = frozenset({CODE, COMMENT, FRONT_MATTER, TABLE})
# The title is looked for among this many first blocks of a part.
TITLE_WINDOW = 4
TITLE_MAX_CHARS = 60


@dataclass
class Part:
    """One document: the whole file, or one "…篇N" part of a collection (``boundary`` is that line)."""

    start: int
    end: int
    blocks: list[Block] = field(default_factory=list)  # text blocks inside, boundary line excluded
    boundary: Block | None = None
    title_block: Block | None = None
    kind: str | None = None
    kind_reason: str = ""
    kind_word: str | None = None  # the title word that named the kind (工作计划, 活动方案 …); None if configured

    @property
    def anchor(self) -> Block | None:
        """Where whole-document findings are reported: the part's title, its boundary line, or None."""
        return self.title_block or self.boundary


def is_part_line(text: str) -> bool:
    return bool(_PART_LINE.match(text)) and "。" not in text


def parts(doc) -> list[Part]:
    """The documents in ``doc``: one part, or one per "…篇N" line when there are at least two.

    Text before the first "篇N" line of a collection (web page header, collection title) belongs to
    no part. Use ``Document.parts``, which caches this.
    """
    text = doc.text
    blocks = [b for b in doc.blocks if b.kind not in SKIPPED]
    boundaries = [i for i, b in enumerate(blocks) if b.marker is None and is_part_line(text[b.content_start:b.end])]
    out: list[Part] = []
    if len(boundaries) >= 2:
        for n, i in enumerate(boundaries):
            j = boundaries[n + 1] if n + 1 < len(boundaries) else len(blocks)
            end = blocks[j].start if j < len(blocks) else len(text)
            out.append(Part(blocks[i].start, end, blocks[i + 1:j], boundary=blocks[i]))
    else:
        out.append(Part(0, len(text), blocks))
    for p in out:
        _decide_kind(doc, p, collection=len(out) > 1)
    return out


def _title_candidates(doc, part: Part, collection: bool):
    """Short lines before the body begins (a sentence with 。, or a salutation such as "各位代表！")."""
    text = doc.text
    if part.boundary is not None:
        yield part.boundary, text[part.boundary.content_start:part.boundary.end].strip(), "篇名"
    body_start = part.end
    for b in part.blocks[:TITLE_WINDOW]:
        t = text[b.content_start:b.end].strip()
        if "。" in t or t.endswith(_SALUTATION_END) or b.marker is not None:
            body_start = b.start
            break
        if len(t) > TITLE_MAX_CHARS or _BREADCRUMB.search(t):
            continue
        yield b, t, "标题"
    tb = doc.title_block
    if not collection and tb is not None and tb.marker is None and tb.start < body_start:
        yield tb, doc.title or "", "标题"


def _decide_kind(doc, part: Part, collection: bool) -> None:
    """Trust a kind only when config set it, or a title (or file name) ends with the kind's word."""
    words = doc.kind_words
    override = getattr(doc, "_kind_override", None)
    for b, t, label in _title_candidates(doc, part, collection):
        found = kind_word_at_end(t, words)
        if found:
            part.title_block = b if label == "标题" else None
            part.kind, part.kind_word = found
            part.kind_reason = f"{label}“{t[:40]}”"
            break
    if override is not None and override.name:
        part.kind, part.kind_reason, part.kind_word = override.name, override.reason, None
        return
    if part.kind is None and not collection and doc.path and doc.path != "-":
        import os

        name = os.path.basename(doc.path)
        found = kind_word_at_end(os.path.splitext(name)[0], words)
        if found:
            part.kind, part.kind_word = found
            part.kind_reason = f"文件名“{name}”"
