"""placeholder/collection-heading: a 范文 collection's "…工作计划篇3" headings and "…精选7篇" titles."""

from __future__ import annotations

import functools

import regex

from planlint.diagnostics import Fix, Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.placeholder import common, data, web_residue

RULE_ID = "placeholder/collection-heading"

_NUM = r"[0-9０-９一二三四五六七八九十]{1,3}"
_SENTENCE = regex.compile(r"[。，,；;！？!?]")
# Headings and titles are short lines.
MAX_CHARS = 50


@functools.lru_cache(maxsize=1)
def _patterns():
    rd = data.residue()
    kinds = "|".join(map(regex.escape, rd.kind_words))
    prefixes = "|".join(map(regex.escape, rd.title_prefixes))
    heading = regex.compile(
        rf"(?:(?<!第)篇\s*{_NUM}|(?:范文|例文)\s*[（(【]?{_NUM}[）)】]?)\s*[:：]?\s*$"
        rf"|^(?:[【\[（(](?:第{_NUM}篇|篇{_NUM})[】\]）)]|篇{_NUM}(?:[:：]|\s|$)|范文{_NUM}[:：])"
        # "第二篇：公司2024年工作计划范文" (a book's "第一篇 总则" names no document kind).
        rf"|^第{_NUM}篇\s*[:：].*(?:{kinds})"
    )
    # "（精选7篇）", "精选范文5篇", "5篇合集": the title of a collection.
    marked = regex.compile(
        rf"[（(【\[]?(?:(?:{prefixes})(?:范文|文章)?\s*{_NUM}篇(?:范文|合集)?|{_NUM}篇(?:范文|合集|汇总|大全))[）)】\]]?"
    )
    # "…工作计划6篇", "…工作计划【三篇】", "…范文（共3篇）" at the end of a title.
    counted = regex.compile(
        rf"(?:{kinds})(?:范文)?\s*(?P<n>[（(【\[]共?{_NUM}篇[）)】\]]|共?{_NUM}篇)\s*$"
    )
    kind_rx = regex.compile(kinds)
    return heading, marked, counted, kind_rx


def check(doc, ctx):
    heading, marked, counted, kind_rx = _patterns()
    verbs = data.residue().count_verbs
    text = doc.text
    title = doc.title_block
    for blk in common.prose_lines(doc):
        s = blk.content_start
        if blk.marker is not None and blk.marker.style == "chapter":
            s = blk.marker.start  # "第二篇" is read as a chapter number: keep it in the line
        line = text[s:blk.end].rstrip()
        if not line or len(line) > MAX_CHARS or _SENTENCE.search(line):
            continue
        if web_residue.whole_line_kind(doc, blk):
            continue  # 本文标题：…范文3篇 is page furniture: web-residue removes the whole line
        m = heading.search(line)
        if m:
            tail = line[m.end():]
            title_after = tail.lstrip(" \t\u3000")
            if m.start() == 0 and title_after and kind_rx.search(title_after):
                # 【篇三】2024年社区工作计划: the piece number goes, the title after it stays
                cut = m.end() + len(tail) - len(title_after)
                fix = Fix.replace(s, s + cut, "", "删去合集的分篇编号", safe=False)
                advice = f"请删去“{line[:m.end()].strip()}”，保留篇名，并核对前后是否属于同一篇"
            else:
                fix = common.line_removal(doc, blk, "删除合集的分篇标题")
                advice = "请删除这一行并核对前后是否属于同一篇"
            yield ctx.report(
                s, s + len(line), f"范文合集的分篇标题：“{line}”，说明正文摘自网站合集，{advice}", fix=fix,
            )
            continue
        m = marked.search(line)
        if m and (title is None or blk.start != title.start) and not kind_rx.search(line):
            m = None  # 优秀书评精选20篇: a deliverable, not a collection of documents
        if not m:
            c = counted.search(line)
            if c and not any(v in line[: c.start()] for v in verbs):
                m = c
                a, b = s + c.start("n"), s + c.end("n")
            else:
                continue
        else:
            a, b = s + m.start(), s + m.end()
        fix = Fix.replace(a, b, "", "删去合集篇数", safe=False)
        yield ctx.report(
            a, b, f"范文合集标题：“{text[a:b]}”，说明正文摘自网站合集，请删去并改用本单位文件标题", fix=fix,
        )


RULE = Rule(
    id=RULE_ID,
    summary="范文合集残留：“……工作计划篇3”分篇标题和“……精选7篇”合集标题",
    check=check,
    severity=Severity.ERROR,
    fixable=True,
    source="GB/T 9704-2012《党政机关公文格式》7.3.1（标题由发文机关名称、事由和文种组成）",
    docs=RuleDocs(
        说明=(
            "查找范文网站合集留下的标题：每篇范文前的分篇标题（“区工会2024年工作计划篇3”“【篇一】”"
            "“工作计划范文2”），以及合集本身的标题（“区工会2024年工作计划精选7篇”“（通用5篇）”"
            "“工作总结8篇”“……工作计划【三篇】”“……范文（共3篇）”）。只看不含句号、逗号的短行；"
            "“全年撰写调研报告5篇”这类计数句不报；“精选N篇”前须有文种词（计划、总结、方案、范文……）"
            "或本行就是文档标题，“优秀书评精选20篇”这类成果清单不报。"
        ),
        原因=(
            "这类标题说明正文是从网上范文合集里截取的，往往还把几篇不相干的范文拼在了一起，"
            "文种、年份、单位前后对不上。"
        ),
        示例="区工会2024年工作计划精选7篇\n\n区工会2024年工作计划篇1\n\n一、指导思想",
        建议写法="删除分篇标题，把合集标题改为本单位文件的标题：“××区总工会2024年工作计划”（写真实名称），并通读全文确认只保留一篇。",
    ),
    examples=Examples(
        bad=(
            "区工会2024年工作计划精选7篇",
            "区工会2024年工作计划篇3",
            "【篇一】社区工作计划",
            "街道办事处年度工作总结（通用5篇）",
            "物业工作2024年工作总结8篇",
            "党支部工作计划范文（共3篇）",
            "第二篇：公司2024年工作计划范文",
        ),
        good=(
            "全年撰写调研报告5篇",
            "第一篇 总则",
            "谱写中国式现代化西藏篇章",
            "在核心期刊发表论文3篇，获奖2篇。",
            "精选100部视听节目，将于下月播出。",
            "第一篇：总则",
        ),
    ),
)
