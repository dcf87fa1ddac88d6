"""figures/impossible-percentage: a share of a whole (覆盖率, 合格率, 占比) stated above 100%."""

from __future__ import annotations

import functools
from importlib import resources

import regex

from planlint import yamlsafe
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.figures.analysis import analyse

# Between the rate and its figure: a linking verb at most (覆盖率达到105%, 合格率为101%).
_LINK = r"(?:达到了|达到|提高到|提高至|提升到|提升至|上升到|上升至|增至|升至|保持在|稳定在|保持|达|为|是)?"


@functools.lru_cache(maxsize=None)
def _rate_regex():
    data = yamlsafe.safe_load(resources.files(__package__).joinpath("rates.yaml").read_text("utf-8"))
    words = sorted((str(w) for w in data["rates"]), key=len, reverse=True)
    return regex.compile("(?P<rate>" + "|".join(regex.escape(w) for w in words) + ")" + _LINK + "$")


def check(doc, ctx):
    an = analyse(doc)
    text = an.text
    rates = _rate_regex()
    for sent in an.sentences:
        for q in sent.quantities:
            if q.category != "percent" or q.value <= 100 or q.range:
                continue
            m = rates.search(text, max(sent.start, q.start - 10), q.start)
            if not m:
                continue
            yield ctx.report(
                q.start, q.end,
                f"“{doc.text[m.start():q.end]}”：{m.group('rate')}是部分占整体的比例，不会超过100%，请核对",
            )


RULE = Rule(
    id="figures/impossible-percentage",
    summary="只能在0至100%之间的比率超过了100%",
    check=check,
    docs=RuleDocs(
        说明="覆盖率、合格率、入学率、参保率、占比、比重等是“部分占整体”的比例，不可能超过100%。"
             "本规则找出这类比率写成100%以上的地方。完成率、增长率、利用率等可以超过100%，不在检查之列。"
             "比率名单见 rates.yaml，可以在规则包中扩充。",
        原因="超过100%的覆盖率通常是分子分母写反、把“完成率”误写为“覆盖率”或数字录错，一眼就会被审阅者看出。",
        示例="全县农村饮水安全覆盖率达到105%。",
        建议写法="核对数据后改正：全县农村饮水安全覆盖率达到100%；如指完成计划的程度，写“完成年度计划的105%”。",
    ),
    source="比率的定义：部分÷整体，不超过100%",
    examples=Examples(
        bad=("全县农村饮水安全覆盖率达到105%。", "义务教育巩固率为101.2%。"),
        good=("全县农村饮水安全覆盖率达到100%。", "全年任务完成率为105%。", "产值增长率为120%。"),
    ),
)
