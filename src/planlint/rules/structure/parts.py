"""Document parts: a collection's "…篇N" documents, each with the kind it can be trusted to have."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

import regex

from planlint.blocks import CODE, COMMENT, FRONT_MATTER, HEADING, TABLE, Block
from planlint.dockind import kind_from_title

# "区工会2023年工作计划篇1", "【篇一】", "篇二：" — a line that opens one document of a collection.
_PART_LINE = regex.compile(
    r"^[ \t\u3000]*(?:[【\[]?篇[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,3}[】\]]?[:：]?"
    r"|\S.{0,58}?篇[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,3}[:：]?)[ \t\u3000]*$"
)
# Decorations after the kind word at the end of a title: 篇N, 精选7篇, （草案）, a year or a date.
_TITLE_TAIL = regex.compile(
    r"(?:[（(【\[][^）)】\]]{0,12}[）)】\]]"
    r"|篇[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,3}"
    r"|(?:精选|优秀|最新|通用)?[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,2}[ \t\u3000]*篇"
    r"|范文|模板|大全|例文|精选|最新|汇编"
    r"|[0-9０-９xX×〇零一二三四五六七八九十]{1,4}年(?:[0-9０-９xX一二三四五六七八九十]{1,2}月(?:[0-9０-９xX一二三四五六七八九十]{1,3}日)?)?"
    r"|[\s\u3000:：。.!！,，;；]"
    r")+$"
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


def kind_at_end(title: str, kind_words: dict) -> str | None:
    """The kind named by the word a title ends with (after 篇N, years, （草案） …), else None.

    "2023年工作计划篇1" is a 计划; "关于制定第十个五年计划的建议" is not (it ends with 建议).
    """
    found = kind_word_at_end(title, kind_words)
    return found[0] if found else None


def kind_word_at_end(title: str, kind_words: dict) -> tuple[str, str] | None:
    """(kind, the title word that named it) for the word a title ends with, else None."""
    t = title.strip()
    t = _TITLE_TAIL.sub("", t) or t
    best = None
    for name, words in kind_words.items():
        for w in words:
            if t.endswith(w) and (best is None or len(w) > best[0]):
                best = (len(w), name, w)
    if best is None:
        return None
    other = kind_from_title(t[: -best[0]], kind_words)
    if other is not None and other != best[1]:
        return None  # "上半年工作总结及下半年工作计划": two kinds in one, neither checked
    return best[1], best[2]


_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def parts(doc) -> list[Part]:
    """The documents in ``doc``: one part, or one per "…篇N" line when there are at least two.

    Text before the first "篇N" line of a collection (web page header, collection title) belongs to
    no part. Cached per document.
    """
    cached = _CACHE.get(doc)
    if cached is not None:
        return cached
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
    _CACHE[doc] = out
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


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing spaces and line breaks (never before ``start``)."""
    while end > start and text[end - 1] in "\r\n \t\u3000":
        end -= 1
    return end


def heading_text(doc, block: Block) -> str:
    """A heading's words: after its outline marker and Markdown '#', without trailing '#' or spaces."""
    t = doc.text[block.content_start:block.end]
    if block.md_level:
        t = t.rstrip().rstrip("#")
    return t.strip()


_LEAD = regex.compile(r"[^。：:；;！？!?，,]{1,16}(?=[。：:；;！？!?])")


def run_in_heading(doc, block: Block) -> str | None:
    """The lead phrase of a numbered paragraph, "（一）指导思想。以……" → "指导思想" (a run-in heading)."""
    if block.marker is None:
        return None
    m = _LEAD.match(doc.text, block.content_start, block.end)
    return m.group(0).strip() if m else None


def part_headings(doc, part: Part) -> list[tuple[Block, str]]:
    """The part's headings (Markdown, outline, and run-in heads of numbered paragraphs), title excluded."""
    out = []
    for b in part.blocks:
        if b is part.title_block:
            continue
        if b.kind == HEADING:
            out.append((b, heading_text(doc, b)))
        elif b.marker is not None:
            lead = run_in_heading(doc, b)
            if lead:
                out.append((b, lead))
    return out
