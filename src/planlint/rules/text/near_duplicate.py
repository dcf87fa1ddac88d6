"""text/near-duplicate-paragraph: two paragraphs nearly the same, by sampled shingles (linear)."""

from __future__ import annotations

import re

from planlint.diagnostics import Severity
from planlint.rule import Examples, Option, Rule, RuleDocs

RULE_ID = "near-duplicate-paragraph"
SHINGLE = 5  # characters per shingle
# A shingle is sampled when its first character's code point is divisible by SAMPLE: a choice made
# by content alone, so two copies of a text sample the same shingles (Broder's mod-m sampling).
SAMPLE = 8
# Each sampled shingle, found in C: an anchor character and the SHINGLE - 1 characters after it.
_ANCHOR = re.compile("(?=([" + "".join(
    chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000))
    for c in range(*r) if c % SAMPLE == 0
) + "]" + "." * (SHINGLE - 1) + "))", re.S)
# A shingle shared by more paragraphs than this is stock phrasing; it stops counting, which also
# bounds the work per shingle and keeps the scan linear.
MAX_POSTINGS = 8
# Sampled similarity this far below the threshold still nominates a pair for the exact comparison.
SLACK = 0.35
# Paragraphs are compared on their Chinese characters only: punctuation, numbers, Latin text and
# URLs (查看原文 links that differ only in an id) do not count.
_NOT_HAN = re.compile("[^\u3400-\u4dbf\u4e00-\u9fff]+")


def _shingles(key: str) -> set[str]:
    return {key[i:i + SHINGLE] for i in range(len(key) - SHINGLE + 1)}


def _jaccard(a: str, b: str) -> float:
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb)


def _sample(key: str) -> set[str]:
    return set(_ANCHOR.findall(key))


def check(doc, ctx):
    min_chars = ctx.options["min_chars"]
    threshold = ctx.options["threshold"]
    text = doc.text
    parts = [p.start for p in doc.parts] if len(doc.parts) > 1 else []
    part_i = 0
    postings: dict[str, list[int]] = {}
    paras: list[tuple[int, str, int]] = []  # (offset, key, sample size)
    found: list[tuple] = []  # (paragraph index, block start, block end, (offset of best match, similarity))
    pairs: list[tuple[int, int]] = []
    for block in doc.prose_blocks:
        while part_i < len(parts) and parts[part_i] <= block.start:
            postings.clear()
            part_i += 1
        if block.end - block.content_start < min_chars:
            continue
        key = _NOT_HAN.sub("", text[block.content_start:block.end])
        if len(key) < min_chars:
            continue
        sample = _sample(key)
        if len(sample) < 4:
            continue
        shared: dict[int, int] = {}
        here = len(paras)
        for sh in sample:
            plist = postings.get(sh)
            if plist is None:
                postings[sh] = [here]
            elif len(plist) <= MAX_POSTINGS:
                for q in plist:
                    shared[q] = shared.get(q, 0) + 1
                plist.append(here)
        best = None
        for q, c in sorted(shared.items(), key=lambda qc: -qc[1])[:3]:
            q_off, q_key, q_size = paras[q]
            if q_key == key or c / (len(sample) + q_size - c) < threshold - SLACK:
                continue  # an exact repeat is text/duplicate-sentence's to report
            sim = _jaccard(key, q_key)  # the sample only nominates; the exact value decides
            if sim >= threshold:
                pairs.append((q, here))
                if best is None or sim > best[1]:
                    best = (q_off, sim)
        paras.append((block.content_start, key, len(sample)))
        if best is not None:
            found.append((here, block.content_start, block.end, best))
    # Three or more paragraphs alike are a parallel layout the writer chose (one paragraph per 乡镇,
    # differing in names and figures), not a paragraph pasted and touched up: leave the group alone.
    group = _groups(len(paras), pairs)
    sizes: dict[int, int] = {}
    for g in group:
        sizes[g] = sizes.get(g, 0) + 1
    for here, start, end, (q_off, sim) in found:
        if sizes[group[here]] >= PARALLEL_GROUP:
            continue
        line, _ = doc.position(q_off)
        yield ctx.report(
            start, end,
            f"本段与第 {line} {doc.line_label}的段落高度相似（约 {min(sim, 0.99):.0%} 相同），"
            "疑为重复粘贴后略作改动，应合并或删去其中一处",
        )


PARALLEL_GROUP = 3


def _groups(n: int, pairs: list[tuple[int, int]]) -> list[int]:
    """Connected groups of paragraphs (union-find over the similar pairs): group id per paragraph."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    return [root(i) for i in range(n)]


RULE = Rule(
    id=f"text/{RULE_ID}",
    summary="两段文字几乎相同（粘贴后略作改动的重复段落）",
    check=check,
    severity=Severity.INFO,
    source="编校常规：重复、衍文差错",
    docs=RuleDocs(
        说明=(
            "找出与前文某段几乎相同、只改了个别字词的段落。每段去掉标点后取 5 字片段，"
            "按内容抽样（相同文字必然抽到相同片段），用倒排索引找出与前文共有片段最多的段落，"
            "再对这几对段落精确计算片段集合的相似度（Jaccard），不两两比较，整篇线性时间。"
            "只比较汉字，标点、数字、英文和网址不计入。完全相同的段落由 text/duplicate-sentence 报告；"
            "短于 min_chars 字的段落不比较；合集文件的各篇分别比较。三段以上彼此相似的段落是有意的平行结构"
            "（每个乡镇一段），整组不报。"
        ),
        原因="复制上一段再改几个字，常使两段内容大同小异，既冗长又显得文件未经推敲。",
        示例=(
            "（一）加强师德建设。组织全体教师认真学习《中小学教师职业道德规范》，开展师德师风专题教育，"
            "评选师德标兵，引导教师爱岗敬业、为人师表。\n\n"
            "（五）加强师德建设。组织全体教师认真学习《中小学教师职业道德规范》，开展师德师风专题教育活动，"
            "评选师德标兵，引导教师爱岗敬业、为人师表。"
        ),
        建议写法="保留一段，把另一段改写为不同的内容，或删去。",
    ),
    examples=Examples(
        bad=(
            "加强师德建设，组织全体教师认真学习《中小学教师职业道德规范》，开展师德师风专题教育，"
            "评选师德标兵，引导教师爱岗敬业、为人师表，树立良好的职业形象。\n\n"
            "开展读书活动，推荐必读书目。\n\n"
            "加强师德建设，组织全体教师认真学习《中小学教师职业道德规范》，开展师德师风专题教育活动，"
            "评选师德标兵，引导教师爱岗敬业、为人师表，树立良好的职业形象。\n",
        ),
        good=(
            "加强师德建设，组织全体教师认真学习《中小学教师职业道德规范》，开展师德师风专题教育，"
            "评选师德标兵，引导教师爱岗敬业、为人师表。\n\n"
            "加强安全管理，组织全体教师认真学习校园安全管理制度，开展消防疏散演练，"
            "排查校舍安全隐患，确保师生人身安全和学校财产安全。\n",
        ),
    ),
    options={
        "min_chars": Option(60, "参与比较的段落最少汉字数"),
        "threshold": Option(0.8, "相似度达到多少即报告（0—1）"),
    },
)
