"""text/duplicate-sentence: the same sentence (or paragraph) twice in one document, by hashing."""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from planlint.diagnostics import Fix, Severity
from planlint.rule import Examples, Option, Rule, RuleDocs
from planlint.sentences import split_sentences

from .normalize import compare_key

RULE_ID = "text/duplicate-sentence"
MAX_PART_CHARS = 300  # longest clause run indexed, which keeps the scan linear
LEAD_MIN_CHARS = 20  # a shorter first sentence of a paragraph is a run-in heading (推进节能减排。)
# "周总理指出，<an earlier sentence>": quoting or restating is not a paste.
_REPORTED_SPEECH = regex.compile(
    r"(?:指出|强调|表示|认为|提出|要求|说|讲|宣布|重申|号召|所说|写道|明确)[:：，,]?\s*[“\"]?$"
)


# Short quoted slogans (“四个意识”“两个维护”): a sentence made largely of them is a stock formula.
_SLOGAN = re.compile(r"“[^”\n]{1,12}”")


def _slogans(text: str, s: int, e: int, key: str) -> bool:
    """True when two or more short quoted slogans make up a third or more of ``text[s:e]``."""
    found = _SLOGAN.findall(text, s, e)
    return len(found) >= 2 and 3 * sum(len(f) - 2 for f in found) >= len(key)


def _where(doc, offset: int) -> str:
    line, _ = doc.position(offset)
    return f"第 {line} {doc.line_label}"


# Clause boundaries inside a sentence: a pasted sentence often reappears as the tail of a longer one.
_CLAUSE = re.compile(r"[，,；;]")
# A form field, "short label：value" (责任单位：县住建局, 完成时限：2024年12月底前): repeated item after
# item in task lists, never a paste. A label ending in a verb of saying (会议强调：) opens a quotation.
_FIELD = regex.compile(
    r"\s*(?P<label>\p{Han}{2,8})[：:]\s*(?P<value>(?:[^：:\n]|(?<=\d)[:：](?=\d)){1,40}?)[。！？!?…\s]*"
)
_SPEECH_LABEL = regex.compile(r"(?:指出|强调|表示|认为|提出|要求|说|讲|宣布|重申|号召|明确|写道|规定)$")


def _is_field(piece: str) -> bool:
    m = _FIELD.fullmatch(piece)
    return bool(m) and not _SPEECH_LABEL.search(m["label"])


# Only a finished sentence counts as a whole: a line without an end mark is a title or a heading.
_TERMINATED = regex.compile(r"[。！？!?；;…][”’」』）)》\"'\s]*$")


@dataclass
class _Sentence:
    start: int
    end: int
    key: str
    clauses: list  # (start, end, key) per clause
    fields: list  # per clause: True when it is a "label：value" form field

    def only_fields(self, i: int = 0, j: int | None = None) -> bool:
        """True when clauses ``i`` to ``j`` (inclusive; default: all) are all form fields."""
        part = self.fields[i:None if j is None else j + 1]
        return bool(part) and all(part)


def _sentence(text: str, s: int, e: int) -> _Sentence:
    clauses = []
    fields = []
    pos = s
    for piece in _CLAUSE.split(text[s:e]):  # separators are one character each
        key = compare_key(piece)
        if key:
            clauses.append((pos, pos + len(piece), key))
            fields.append(_is_field(piece))
        pos += len(piece) + 1
    return _Sentence(s, e, "".join(c[2] for c in clauses), clauses, fields)


def _sentence_key(text: str, s: int, e: int) -> str:
    """The comparison key of ``_sentence(text, s, e)`` alone (no clause offsets, no field test)."""
    return "".join(compare_key(piece) for piece in _CLAUSE.split(text[s:e]))


def _parts(sent: _Sentence, min_chars: int, max_chars: int):
    """(start, end, key) for the sentence's clause suffixes and prefixes of two or more clauses."""
    cl = sent.clauses
    n = len(cl)
    key = ""
    for i in range(n - 1, 0, -1):  # suffixes, without the whole sentence
        key = cl[i][2] + key
        if len(key) > max_chars:
            break
        if n - i >= 2 and len(key) >= min_chars and not sent.only_fields(i):
            yield cl[i][0], cl[-1][1], key
    key = ""
    for j in range(0, n - 1):  # prefixes, without the whole sentence
        key += cl[j][2]
        if len(key) > max_chars:
            break
        if j >= 1 and len(key) >= min_chars and not sent.only_fields(0, j):
            yield cl[0][0], cl[j][1], key


def check(doc, ctx):
    min_chars = ctx.options["min_chars"]
    min_part = ctx.options["min_part_chars"]
    text = doc.text
    parts = [p.start for p in doc.parts] if len(doc.parts) > 1 else []
    part_i = 0
    whole: dict[str, int] = {}  # sentence key -> offset of its first occurrence
    partial: dict[str, int] = {}  # clause-suffix/prefix key -> offset of its first occurrence
    blocks_seen: dict[str, int] = {}
    prev_block_end = None
    refrains = _refrains(doc, parts)
    for block in doc.prose_blocks:
        sents = [_sentence(text, s, e) for s, e in split_sentences(text, block.content_start, block.end)]
        while part_i < len(parts) and parts[part_i] <= block.start:
            # A collection file ("…篇1", "…篇2"): each part is its own document.
            whole.clear()
            partial.clear()
            blocks_seen.clear()
            part_i += 1
        sents = [x for x in sents if (part_i, hash(x.key)) not in refrains] if refrains else sents
        block_key = "".join(x.key for x in sents)
        form = all(x.only_fields() for x in sents)  # a block of form fields (责任单位：…。完成时限：…。)
        first_block = blocks_seen.get(block_key) if len(sents) > 1 and not form else None
        if first_block is not None and len(block_key) >= min_chars:
            lo = prev_block_end if prev_block_end is not None else block.start
            yield ctx.report(
                block.content_start, block.end,
                f"整段与{_where(doc, first_block)}的段落重复，应删去其中一处",
                fix=Fix.replace(lo, block.end, "", "删除重复的段落", safe=False),
            )
            prev_block_end = block.end
            continue
        blocks_seen.setdefault(block_key, block.content_start)
        yield from _check_block(doc, ctx, block, sents, whole, partial, min_chars, min_part)
        prev_block_end = block.end


# A sentence written this many times in one document is a refrain the writer chose (“要加强统筹协调，
# 确保按时完成。” closing task after task), not a slip of copy and paste.
REFRAIN_COUNT = 3


def _refrains(doc, parts: list[int]) -> set[tuple[int, int]]:
    """(part index, hash of the sentence key) of the sentences written REFRAIN_COUNT times or more in a
    part. A first pass of its own that keeps only counts of hashes: memory stays small on huge files."""
    text = doc.text
    counts: dict[tuple[int, int], int] = {}
    part_i = 0
    for block in doc.prose_blocks:
        while part_i < len(parts) and parts[part_i] <= block.start:
            part_i += 1
        for s, e in split_sentences(text, block.content_start, block.end):
            key = _sentence_key(text, s, e)
            if key:
                k = (part_i, hash(key))
                counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n >= REFRAIN_COUNT}


def _check_block(doc, ctx, block, sents, whole, partial, min_chars, min_part):
    """Whole-sentence repeats in a block, consecutive ones merged into one report, then partial ones."""
    text = doc.text
    run: list = []  # consecutive repeated sentences: (sentence, offset of its first occurrence)

    def flush():
        if not run:
            return
        s, e = run[0][0].start, run[-1][0].end
        first = run[0][1]
        if len(run) == 1:
            msg = f"这句话与{_where(doc, first)}的句子重复，疑为误粘贴，应删去其中一处"
        else:
            msg = f"这 {len(run)} 句与{_where(doc, first)}起的句子重复，疑为误粘贴，应删去其中一处"
        run.clear()
        if not text[block.content_start:s].strip() and not text[e:block.end].strip():
            fix = Fix.remove_lines(doc.lines, block.start, block.end, "删除重复的句子所在的行")  # nothing else on it
        else:
            fix = Fix.replace(s, e, "", "删除重复的句子", safe=False)
        yield ctx.report(s, e, msg, fix=fix)

    prev = None
    for i, sent in enumerate(sents):
        key = sent.key
        s, e = sent.start, sent.end
        lead = i == 0 and len(sents) > 1 and len(key) < LEAD_MIN_CHARS  # a run-in heading
        whole_ok = len(key) >= min_chars and not lead and _TERMINATED.search(text, s, e)
        fields = sent.only_fields()  # repeated item after item by design: only a repeat in a row counts
        first = whole.get(key) if whole_ok and not fields else None
        if whole_ok and fields and prev is not None and prev.key == key:
            first = prev.start
        if first is not None and _slogans(text, s, e, key):
            first = None  # a stock formula, normal to repeat; it stays indexed
        if first is not None and prev is not None and prev.key == key and not run:
            # The same sentence twice in a row: dropping the second copy is certainly right.
            yield ctx.report(
                s, e, "这句话与前一句完全相同，疑为误粘贴，应删去重复的一句",
                fix=Fix.replace(prev.end, e, "", "删除重复的句子", safe=True),
            )
        elif first is not None:
            run.append((sent, first))
        else:
            yield from flush()
            if whole_ok and not fields:
                whole[key] = s
            yield from _check_partial(doc, ctx, sent, whole, partial, min_part)
        prev = sent
    yield from flush()


def _check_partial(doc, ctx, sent, whole, partial, min_part):
    """A sentence equal to the tail or head of an earlier one, or holding an earlier sentence."""
    text = doc.text
    key = sent.key
    s, e = sent.start, sent.end
    if (len(key) >= min_part and len(sent.clauses) >= 2 and key in partial and not sent.only_fields()
            and not _slogans(text, s, e, key)):
        yield ctx.report(
            s, e, f"这句话与{_where(doc, partial[key])}一句中的一段完全相同，疑为误粘贴，应删去其中一处",
            fix=Fix.replace(s, e, "", "删除重复的句子", safe=False),
        )
        return
    reported = False
    for ps, pe, pkey in _parts(sent, min_part, MAX_PART_CHARS):
        first = whole.get(pkey)
        if (first is not None and not reported and not _REPORTED_SPEECH.search(text, s, ps)
                and not _slogans(text, ps, pe, pkey)):
            reported = True
            yield ctx.report(
                ps, pe, f"这一段与{_where(doc, first)}的句子完全相同，疑为误粘贴，应删去其中一处",
            )
        partial.setdefault(pkey, s)


RULE = Rule(
    id=RULE_ID,
    summary="同一句话在文中出现两次（复制粘贴重复）",
    check=check,
    severity=Severity.WARNING,
    fixable=True,
    source="编校常规：重复、衍文差错",
    docs=RuleDocs(
        说明=(
            "找出在同一文档中出现两次的句子：比较前去掉标点和空白、统一全角半角，"
            "再按内容散列，整篇只扫描一遍。同一段里连续重复的几句、整段重复都只报一次。"
            "一句话与前文某个长句逗号、分号后的后半（或前半）完全相同（至少两个分句、min_part_chars 个字）也报告，"
            "“会议指出，……”一类引述、主要由带引号的短口号组成的套话（“四个意识”“两个维护”）、"
            "每个分句都是“标签：内容”的字段句（“责任单位：县住建局；完成时限：2024年12月底前。”，逐项重复是常态，"
            "紧挨着写了两遍的除外）、在文中出现三次以上的套话（“要加强统筹协调，确保按时完成。”逐项收尾）不报。短于 min_chars 个字的句子（“一是加强学习。”“特此通知。”）、"
            "没有句末标点的行（标题、小标题）、段首不足 20 字的短句（段首小标题）不作为整句比较。"
            "合集文件中以“……篇1”“……篇2”“范文一”分开的各篇各自独立比较，不同篇之间的相同句子不报。"
        ),
        原因="同一句话出现两次，多半是起草时复制粘贴留下的，读者会以为文件未经审阅。",
        示例=(
            "2、充分发挥教职工代表大会的作用，抓好提案收集，实行票决制，参与校务公开的监督，确保教师民主权利的落实。\n\n"
            "3、开展读书活动，提高学习效果。抓好提案收集，实行票决制，参与校务公开的监督，确保教师民主权利的落实。"
        ),
        建议写法="删去重复的一处，或改写为不同的内容。紧挨着重复的同一句可自动删除；其余只给出不自动应用的修复建议。",
    ),
    examples=Examples(
        bad=(
            "2、充分发挥教职工代表大会的作用，抓好提案收集，实行票决制，参与校务公开的监督，确保教师民主权利的落实。\n\n"
            "3、开展读书活动，提高学习效果。抓好提案收集，实行票决制，参与校务公开的监督，确保教师民主权利的落实。\n",
            "全面落实安全生产责任制，层层签订目标责任书。全面落实安全生产责任制，层层签订目标责任书。\n",
        ),
        good=(
            "一是加强学习。二是加强管理。\n\n三是加强学习。四是加强管理。\n",
            "计划篇1\n\n一、指导思想\n\n以科学发展观为统领，全面履行工会的各项社会职能。\n\n"
            "计划篇2\n\n一、指导思想\n\n以科学发展观为统领，全面履行工会的各项社会职能。\n",
        ),
    ),
    options={
        "min_chars": Option(12, "参与比较的整句最少字数（去掉标点后）"),
        "min_part_chars": Option(24, "与另一句的前半或后半（至少两个分句）相同时，参与比较的最少字数"),
    },
)
