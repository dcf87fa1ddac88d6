"""structure/wrong-genre: a 计划 whose body is a retrospective, or a 总结 written wholly in the future tense."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import regex

from planlint import yamlsafe
from planlint.blocks import HEADING
from planlint.diagnostics import Severity
from planlint.rule import Examples, Option, Rule, RuleDocs
from planlint.rules.structure.parts import Part, parts, trim_end


@dataclass(frozen=True)
class Signal:
    label: str
    pattern: "regex.Pattern"
    weight: int
    strong: bool = False
    decisive: bool = False  # announces that the whole body looks back ("工作总结如下")
    record: bool = False  # a result stated as plans state targets: only evidence that a 总结 looks back


@functools.lru_cache(maxsize=1)
def signals() -> dict[str, tuple[Signal, ...]]:
    data = yamlsafe.safe_load(resources.files("planlint.rules.structure").joinpath("genre.yaml").read_text("utf-8"))
    return {
        side: tuple(Signal(e["label"], regex.compile(e["pattern"]), int(e.get("weight", 1)), bool(e.get("strong")),
                           bool(e.get("decisive")), bool(e.get("record")))
                    for e in entries)
        for side, entries in data.items()
    }


@dataclass
class Tense:
    """What one part's body says about its tense: weights and the phrases seen, with their offsets."""

    retro: int = 0
    prosp: int = 0
    strong: bool = False
    decisive: bool = False
    retro_body: int = 0  # retrospective weight after the opening paragraph
    records: int = 0  # results stated without 了 (超额完成, 同比增长): they keep a 总结 from reading as a plan
    seen_retro: list = None
    seen_prosp: list = None


# Sections where the other tense belongs: a 总结's 下一步打算, a 计划's review of last year.
_LOOKS_AHEAD = regex.compile(r"下一步|下步|打算|今后|明年|努力方向|工作思路|工作计划|展望|设想")
_LOOKS_BACK = regex.compile(r"回顾|总结|上年|去年|上一年|过去|成绩|完成情况|基本情况")


def tense(doc, part: Part) -> Tense:
    """Tense signals in the part's body; a 总结's plans section and a 计划's review section are skipped."""
    t = Tense(seen_retro=[], seen_prosp=[])
    sig = signals()
    text = doc.text
    skip = _LOOKS_AHEAD if part.kind == "总结" else _LOOKS_BACK if part.kind == "计划" else None
    skip_level = None  # level of the heading that opened a skipped section
    opening = next((b for b in part.blocks if b is not part.title_block and b.kind != HEADING), None)
    for b in part.blocks:
        if b is part.title_block:
            continue
        if b.kind == HEADING:
            if skip_level is not None and b.level <= skip_level:
                skip_level = None
            if skip_level is None and skip is not None and skip.search(text, b.content_start, b.end):
                skip_level = b.level
                continue
        if skip_level is not None:
            continue
        for side in ("retrospective", "prospective"):
            for s in sig.get(side, ()):
                for m in s.pattern.finditer(text, b.content_start, b.end):
                    if side == "retrospective" and s.record:
                        t.records += 1
                    elif side == "retrospective":
                        t.retro += s.weight
                        t.strong = t.strong or s.strong
                        t.decisive = t.decisive or s.decisive
                        if b is not opening:
                            t.retro_body += s.weight
                        t.seen_retro.append((m.start(), m.end(), m.group(0)))
                    else:
                        t.prosp += s.weight
                        t.seen_prosp.append((m.start(), m.end(), m.group(0)))
    return t


def _quote(seen, n=3) -> str:
    out: list[str] = []
    for _, _, g in seen:
        if g not in out:
            out.append(g)
        if len(out) == n:
            break
    return "、".join(f"“{g}”" for g in out)


def check_genre(doc, ctx):
    min_retro = ctx.options["min_retrospective"]
    min_prosp = ctx.options["min_prospective"]
    for part in parts(doc):
        if part.kind not in ("计划", "总结") or not part.blocks:
            continue
        t = tense(doc, part)
        anchor = part.anchor or part.blocks[0]
        start = anchor.content_start
        end = trim_end(doc.text, start, anchor.end)
        if part.kind == "计划":
            # A plan may open with a look back ("回顾过去一年……"); its body must look back too, unless
            # the opening announces that everything after it is a review ("工作总结如下").
            body = t.retro if t.decisive else t.retro_body
            if t.strong and body >= min_retro and t.retro > t.prosp:
                yield ctx.report(
                    start, end,
                    f"文种是计划（依据{part.kind_reason}），正文却在回顾已做的工作：出现{_quote(t.seen_retro)}"
                    f"（回顾信号 {t.retro}，计划信号 {t.prosp}）；计划应写将要做什么，回顾内容请改写为工作总结",
                )
        elif t.retro == 0 and t.records == 0 and t.prosp >= min_prosp:
            yield ctx.report(
                start, end,
                f"文种是总结（依据{part.kind_reason}），正文却通篇写将要做的事：出现{_quote(t.seen_prosp)}"
                f"（计划信号 {t.prosp}），没有“取得了……”“完成了……”等回顾；总结应写已做的工作和成效，打算另写为计划",
            )


WRONG_GENRE = Rule(
    id="structure/wrong-genre",
    summary="文种与内容不符：计划写成了总结，或总结通篇写打算",
    check=check_genre,
    severity=Severity.WARNING,
    source="planlint：文种信号表 rules/structure/genre.yaml",
    options={
        "min_retrospective": Option(4, "计划中回顾信号（加权）达到多少才报告"),
        "min_prospective": Option(6, "总结中计划信号达到多少（且没有任何回顾信号）才报告"),
    },
    docs=RuleDocs(
        说明="标题是“……计划”的文档，正文却出现“回顾过去的一年”“工作总结如下”“主要做了以下工作”“取得了……成绩”等回顾，"
             "且回顾信号多于“将开展”“力争”“下一步”等计划信号（开头一段的回顾不算，除非它宣布下文都是总结，如“工作总结如下”）；或标题是“……总结”的文档通篇只有打算，"
             "没有任何“取得了……”“完成了……”。提示中列出看到的信号。总结中“下一步打算”一类部分、计划中“上年工作回顾”一类部分不计入。信号表见包内 genre.yaml。"
             "只检查标题（或文件名、配置）明确为计划或总结的文档，合集中每篇分别检查。",
        原因="网上范文和复制粘贴常把去年的总结当作今年的计划，文不对题，审核时会被退回。",
        示例="标题“2023年工作计划”，正文“回顾过去的一年，我们主要做了以下几方面的工作……取得了一定的成效”",
        建议写法="计划写目标、任务、措施和时间安排（“今年将……”“力争……”）；回顾内容放进工作总结。",
    ),
    examples=Examples(
        bad=("# 区工会2023年工作计划\n\n回顾过去的一年，我们主要做了以下几方面的工作，取得了一定的成效，"
             "较好地完成了年度目标任务。现将工作总结如下：\n\n一、开展职工培训\n\n全年举办培训12期。\n",),
        good=("# 区工会2023年工作计划\n\n今年，工会将继续开展职工培训，力争全年举办培训12期，确保会员全覆盖。\n\n"
              "一、开展职工培训\n\n将组织技能竞赛。\n",
              "# 区工会2023年工作总结\n\n回顾过去的一年，工会取得了较好成绩，完成了年度目标任务。\n"),
    ),
)
