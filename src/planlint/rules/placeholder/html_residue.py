"""placeholder/html-residue: HTML tags and entities (<p>, <br>, &nbsp;) left in a plain-text document."""

from __future__ import annotations

import regex

from planlint.diagnostics import Edit, Fix, Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.placeholder import common

RULE_ID = "placeholder/html-residue"

# Tags of the HTML elements that carry page text (WHATWG HTML, "Elements").
_TAG = regex.compile(
    r"</?(?:p|br|strong|b|i|em|u|span|div|font|a|img|table|tbody|thead|tr|td|th|ul|ol|li|h[1-6]"
    r"|section|article|center|sup|sub|hr|blockquote|pre|code|small|big|label|iframe|video|source)"
    r"(?:\s[^<>\r\n]{0,300})?/?>",
    regex.IGNORECASE,
)
# Named and numeric character references (WHATWG HTML, "Named character references").
_ENTITY = regex.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|emsp|ensp|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_DECODE = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'",
           "&ldquo;": "“", "&rdquo;": "”", "&lsquo;": "‘", "&rsquo;": "’", "&mdash;": "—", "&ndash;": "–",
           "&hellip;": "…", "&middot;": "·", "&emsp;": "\u3000", "&ensp;": " "}


def _decode(ref: str) -> str:
    if ref in _DECODE:
        return _DECODE[ref]
    body = ref[2:-1]
    try:
        return chr(int(body[1:], 16) if body[:1] in "xX" else int(body))
    except ValueError:
        return ""


def check(doc, ctx):
    if doc.markdown:
        return  # raw HTML is legitimate Markdown
    text = doc.text
    for blk in common.prose_lines(doc):
        found = [(m.start(), m.end(), "") for m in _TAG.finditer(text, blk.start, blk.end)]
        found += [(m.start(), m.end(), _decode(m.group(0))) for m in _ENTITY.finditer(text, blk.start, blk.end)]
        if not found:
            continue
        found.sort()
        a, b, _ = found[0]
        more = f"等 {len(found)} 处" if len(found) > 1 else ""
        fix = Fix("删除本行的 HTML 标签", tuple(Edit(x, y, t) for x, y, t in found), safe=False)
        yield ctx.report(
            a, b, f"HTML 标签残留：“{text[a:b]}”{more}，是从网页复制时带入的，请删除标签只保留文字", fix=fix,
        )


RULE = Rule(
    id=RULE_ID,
    summary="纯文本文稿中残留 HTML 标签或字符实体（<p>、<br>、&nbsp;）",
    check=check,
    severity=Severity.WARNING,
    fixable=True,
    source="WHATWG HTML Living Standard（元素与字符引用）",
    docs=RuleDocs(
        说明=(
            "在纯文本（.txt、.docx 转出的文本）文稿中查找 HTML 标签和字符实体，如“<p>”“<br>”“<strong>”"
            "“&nbsp;”。每行报一次，并给出删除本行所有标签的修复。Markdown 文件允许内嵌 HTML，不检查。"
        ),
        原因="标签是网页源代码，说明正文从网页直接复制而来；打印或排版后会原样显示，影响阅读。",
        示例="<p><strong>央视网消息</strong>：会议在京召开。<br></p>",
        建议写法="删除标签只保留文字：“央视网消息：会议在京召开。”（planlint check --fix --unsafe-fixes 可自动删除）",
    ),
    examples=Examples(
        bad=("<p>全年计划发展会员600人。<br></p>", "时间：3月5日&nbsp;上午9时"),
        good=("全年计划发展会员600人，其中a<b的情况另行说明。", "比较 3 < 5 和 x > y。"),
        markdown=False,
    ),
)
