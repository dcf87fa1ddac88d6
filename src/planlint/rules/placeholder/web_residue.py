"""placeholder/web-residue: page furniture and site blurbs copied in with the text (小编, 相关推荐, toolbars)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from planlint.blocks import TABLE
from planlint.diagnostics import Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.placeholder import common, data

RULE_ID = "placeholder/web-residue"

_TRIM = " \t\u3000\u00a0【】[]［］〔〕《》<>〈〉»«›‹|｜＞＜↓↑→←▼▲►◄"
_TRIM_END = _TRIM + ":："
_SEPARATORS = {">", "＞", "»", "›", "/", "＞＞", ">>"}
_SENTENCE = regex.compile(r"[。，,；;！？]")
# Items of a toolbar written on one line: "[下载文档] [收藏] [举报] [打印]", "【打印本页】【关闭窗口】".
_ITEMS = regex.compile(r"[\s【】\[\]［］|｜·•]+")
_TOOLBAR = "工具栏"
# A metadata label alone on its line ("来源：") may have its value on the next line.
_METADATA = "网页信息栏"
# A breadcrumb segment or a metadata value is a short label, not a sentence.
_SHORT = 20


@dataclass
class _Line:
    block: object
    raw: str  # the line's text without surrounding spaces
    norm: str  # trimmed of brackets, arrows and a trailing colon
    kind: str | None = None  # set when the whole line is residue
    weak: str | None = None  # set when the line is residue only next to residue
    hits: tuple = ()  # (start, end, kind) of blurb phrases and site names inside the line
    label: bool = False  # a metadata label alone ("来源："), whose value may follow on the next line


def normalize(raw: str) -> str:
    s = raw.strip(_TRIM)
    while True:
        t = s.rstrip(_TRIM_END).lstrip(_TRIM)
        if t == s:
            return s
        s = t


def _phrase_hits(doc, blk) -> list[tuple[int, int, str]]:
    rd = data.residue()
    text = doc.text
    s, end = blk.start, blk.end
    line = text[s:end]
    hits = []
    quotes = None
    for ph in rd.phrases:
        if ph.with_any and not any(w in line for w in ph.with_any):
            continue  # the line lacks the company this phrase needs
        for m in ph.rx.finditer(text, s, end):
            a, b = m.span()
            if ph.word and not common.is_word(doc, a, b, s, end):
                continue
            if ph.unquoted:
                if quotes is None:
                    quotes = common.quote_spans(text, s, end)
                if common.inside(a, quotes):
                    continue
            hits.append((a, b, ph.kind))
    for m in rd.site_rx.finditer(text, s, end):
        hits.append((m.start(), m.end(), "网站名称"))
    hits.sort()
    out = []
    for h in hits:
        if out and h[0] < out[-1][1]:
            continue
        out.append(h)
    return out


def line_kind(norm: str) -> str | None:
    """The kind of page furniture a whole (normalized) line is on its own, or None."""
    rd = data.residue()
    if norm in rd.lines:
        return rd.lines[norm]
    for term in rd.line_patterns:
        if term.rx.search(norm):
            return term.kind
    if _is_breadcrumb(norm):
        return "导航路径"
    return None


def _structured(blk) -> bool:
    """A numbered line (三、相关内容 / 2. 推荐阅读) or a table cell (分享, 字号 in a website plan's
    feature list): the document's own structure, never page furniture on its own."""
    return blk.marker is not None or blk.kind == TABLE


def whole_line_kind(doc, blk) -> str | None:
    """``line_kind`` of a prose block, None for numbered lines and table cells (document content)."""
    if _structured(blk):
        return None
    return line_kind(normalize(doc.text[blk.content_start:blk.end].strip(" \t\u3000\u00a0")))


def _is_breadcrumb(norm: str) -> bool:
    """学习啦 > 实用范文 > 工作计划 > 党支部工作计划: a trail of a site's sections, its name unknown."""
    rd = data.residue()
    segs = rd.breadcrumb_rx.split(norm)
    if len(segs) < rd.breadcrumb_min or any(
        not s or len(s) > rd.breadcrumb_max or _SENTENCE.search(s) for s in segs
    ):
        return False
    later = segs[1:]
    if any(s.endswith(rd.breadcrumb_site_words) for s in later):
        return True  # 实用范文, 范文大全, 正文
    return any(len(a) >= 2 and b != a and b.endswith(a) for a, b in zip(segs, later))  # 工作计划 > 党支部工作计划


def _weak_kind(item: str) -> str | None:
    for term in data.residue().weak_lines:
        if term.rx.search(item):
            return term.kind
    return None


def _toolbar(norm: str) -> tuple[str | None, str | None]:
    """(kind, weak) of a line of several furniture items, e.g. "手机版　返回顶部", "[下载文档] [收藏]"."""
    rd = data.residue()
    items = [i.rstrip(":：") for i in _ITEMS.split(norm) if i]
    if len(items) < 2:
        return None, None
    strong = None
    for item in items:
        if item in rd.lines:
            strong = strong or rd.lines[item]
        elif _weak_kind(item) != _TOOLBAR:
            return None, None
    return (strong, None) if strong else (None, _TOOLBAR)


def _classify(doc, blk) -> _Line:
    raw = doc.text[blk.content_start:blk.end].strip(" \t\u3000\u00a0")
    norm = normalize(raw)
    ln = _Line(blk, raw, norm)
    ln.label = bool(raw) and raw[-1] in ":：" and len(norm) <= 6
    if _structured(blk):  # only blurb phrases count there
        ln.hits = tuple(_phrase_hits(doc, blk))
        return ln
    ln.kind = line_kind(norm)
    if ln.kind:
        return ln
    ln.hits = tuple(_phrase_hits(doc, blk))
    if ln.hits:
        return ln
    ln.kind, ln.weak = _toolbar(norm)
    if ln.kind or ln.weak:
        return ln
    ln.weak = _weak_kind(norm)
    return ln


def _content(ln: _Line) -> bool:
    """A table cell: document content, never made residue by its neighbours."""
    return ln.block.kind == TABLE


def _breadcrumbs(lines: list[_Line]) -> None:
    """首页 / > / 政务信息 / > / 宁夏要闻 on separate lines: the whole trail is residue."""
    n = len(lines)
    for i, ln in enumerate(lines):
        if ln.norm != "首页" or _content(ln) or i + 1 >= n or lines[i + 1].raw not in _SEPARATORS:
            continue
        ln.kind = "导航路径"
        j = i
        while j + 2 < n and lines[j + 1].raw in _SEPARATORS:
            seg = lines[j + 2]
            if len(seg.raw) > _SHORT or _SENTENCE.search(seg.raw) or _content(seg) or _content(lines[j + 1]):
                break
            lines[j + 1].kind = seg.kind = seg.kind or "导航路径"
            j += 2


def _flagged(ln: _Line) -> bool:
    return bool(ln.kind or ln.hits)


def _propagate(lines: list[_Line]) -> None:
    """Weak lines next to residue are residue; so is the value line after a flagged label."""
    for seq in (lines, lines[::-1]):
        for prev, ln in zip(seq, seq[1:]):
            if ln.weak and not _flagged(ln) and _flagged(prev):
                ln.kind = ln.weak
    for ln, nxt in zip(lines, lines[1:]):
        if ln.label and ln.kind == _METADATA and not _flagged(nxt) and not _content(nxt) \
                and len(nxt.raw) <= _SHORT and not _SENTENCE.search(nxt.raw):
            nxt.kind = ln.kind


_RECOMMENDATION = "推荐栏"


def _listed_titles(lines: list[_Line]) -> None:
    """Article titles listed under 相关推荐 (and the like) are part of that box, numbered or not."""
    terms = data.residue().listed_titles
    for prev, ln in zip(lines, lines[1:]):
        if prev.kind == _RECOMMENDATION and not _flagged(ln) and not _content(ln) \
                and any(t.rx.search(ln.norm) for t in terms):
            ln.kind = _RECOMMENDATION


def check(doc, ctx):
    lines = [_classify(doc, b) for b in common.prose_lines(doc)]
    _breadcrumbs(lines)
    _listed_titles(lines)
    _propagate(lines)
    text = doc.text
    for ln in lines:
        blk = ln.block
        if ln.kind:
            fix = common.line_removal(doc, blk)
            a = blk.content_start  # leading spaces are already skipped
            shown = ln.raw if len(ln.raw) <= 30 else ln.raw[:30] + "…"
            yield ctx.report(a, a + len(ln.raw), f"网页残留（{ln.kind}）：“{shown}”，请删除这一行", fix=fix)
        for a, b, kind in ln.hits:
            fix = common.line_removal(doc, blk, "删除这一段网站导语")
            yield ctx.report(a, b, f"网页残留（{kind}）：“{text[a:b]}”，这是网站的导语或页面文字，请删除这一段", fix=fix)


RULE = Rule(
    id=RULE_ID,
    summary="网页残留：范文网站名称、面包屑导航、小编导语、推荐栏、工具栏、客服信息等",
    check=check,
    severity=Severity.ERROR,
    fixable=True,
    source="GB/T 9704-2012《党政机关公文格式》（公文各要素之外不应有其他内容）",
    docs=RuleDocs(
        说明=(
            "查找从网页复制正文时带进来的页面文字：范文网站名称和面包屑导航（“汇报范文网 >工作计划”）、"
            "网站导语（“小编今天就为您带来了……”“仅供参考，欢迎阅读”“希望对大家有所帮助”）、推荐栏"
            "（“相关推荐”“相关报道”“大家都在看”）、截断提示（“点击加载更多”“阅读剩余内容”"
            "“因篇幅问题不能全部显示”“还剩2页未读”）、翻页栏（“第2页 共3页”“上一页 1 2 3 下一页”）、"
            "客服、微信和公众号引流（“回复……获取完整版”）、工具栏（“【字号：加大 还原 减小】”“打印本页”"
            "“关闭窗口”“[下载文档] [收藏]”“手机版 返回顶部”）、网页时间戳、信息栏（“时间：… 作者：… 浏览：…次”"
            "“本文标题：”“标签：”）、版权行和数据库题头。工具栏按钮、计数和分隔符这类单独看不出问题的短行，"
            "只在紧挨着其他网页残留时才报；表格单元格是文稿内容，其中只查网站导语。"
        ),
        原因="这些文字不属于文稿，留在计划里既暴露了照抄网页，又会让读者误以为是正文内容。",
        示例="汇报范文网 >工作计划\n\n下面是小编精心整理的工作计划，仅供参考，欢迎阅读。\n\n相关推荐",
        建议写法=(
            "删除整行或整段网页文字，只保留文稿本身。可用 planlint check --fix --unsafe-fixes 自动删除"
            "（修复会删去整行，属于不安全修复，请核对结果）。正文中引用的“仅供参考”“相关报道总点击量”"
            "等正常用语不报。"
        ),
    ),
    examples=Examples(
        bad=(
            "汇报范文网 >工作计划\n\n区工会2024年工作计划",
            "下面是小编精心整理的工会工作计划，欢迎大家借鉴与参考。",
            "以上内容仅供参考，欢迎阅读。",
            "正文最后一段。\n\n相关推荐\n\n点击加载更多",
            "【字号：加大 还原 减小】",
            "打印本页\n关闭窗口",
            "微信号:fanwen2024",
            "》》点击图片进入专题《《",
            "因篇幅问题不能全部显示，请点此查看全文。",
            "正文最后一段。\n\n第2页 共3页\n\n上一页 1 2 3 下一页",
            "时间：2023-12-18 09:32:16　作者：佚名　浏览：3268次",
            "手机版　　返回顶部",
        ),
        good=(
            "有的图纸注明“仅供参考”，不能作为施工依据。",
            "相关报道总点击量超过10亿次。",
            "积极借鉴先进地区经验，提升服务水平。",
            "缩小编制规模，优化机构设置。",
            "大\n\n中\n\n小",
            "本表数据仅供参考。",
            "配备专职小编2名，小编每周为读者推荐新书不少于5种。",
            "采购流程如下。\n\n需求调研 > 专家论证 > 公开招标 > 验收上线",
        ),
    ),
)
