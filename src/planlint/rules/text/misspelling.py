"""text/misspelling: confusion pairs (布暑→部署) from YAML data, matched on jieba word boundaries."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable, Mapping, Sequence

import regex

from planlint import words as _words
from planlint import yamlsafe
from planlint.diagnostics import Fix, Severity
from planlint.errors import PlanlintError
from planlint.rule import Examples, Rule, RuleDocs

RULE_ID = "text/misspelling"
BEFORE_WINDOW = 20  # characters of context a preceded_by pattern may look at
AFTER_WINDOW = 40  # characters of context a followed_by pattern may look at
_FIX_MODES = ("safe", "unsafe", "none")
_KEYS = {"wrong", "right", "source", "preceded_by", "not_preceded_by", "followed_by",
         "not_followed_by", "boundary", "fix", "note", "since", "variant"}


@dataclass(frozen=True)
class Confusion:
    """One confusion pair: ``wrong`` written for ``right``, with optional context conditions."""

    wrong: str
    right: str
    source: str
    preceded_by: tuple = ()  # compiled patterns; one must end right before the match
    not_preceded_by: tuple = ()
    followed_by: tuple = ()  # compiled patterns; one must match right after the match
    not_followed_by: tuple = ()
    boundary: bool = True
    fix: str = "safe"
    note: str = ""
    since: dt.date | None = None  # documents dated earlier are not judged (the norm did not exist yet)
    variant: bool = False  # a non-recommended variant form (异形词) rather than a wrong character
    origin: str = ""  # the file or pack the entry came from

    def context_allows(self, before: str, after: str) -> bool:
        """True when the text just before and just after the match meets the entry's conditions."""
        if self.preceded_by and not any(p.search(before) for p in self.preceded_by):
            return False
        if any(p.search(before) for p in self.not_preceded_by):
            return False
        if self.followed_by and not any(p.match(after) for p in self.followed_by):
            return False
        if any(p.match(after) for p in self.not_followed_by):
            return False
        return True


def _patterns(value: Any, key: str, where: str, before: bool) -> tuple:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise PlanlintError(f"{where}: “{key}” 应为正则表达式字符串的列表")
    out = []
    for v in value:
        try:
            out.append(regex.compile(f"(?:{v})$" if before else v))
        except regex.error as e:
            raise PlanlintError(f"{where}: “{key}” 中的正则表达式 {v!r} 有误：{e}") from None
    return tuple(out)


def load_confusions(mapping: Mapping | Sequence, source: str) -> list[Confusion]:
    """Confusion pairs from parsed YAML: ``{"confusions": [...]}`` or the list itself.

    ``source`` names the file or pack for error messages; every entry needs ``wrong``, ``right``
    and ``source``. Raises PlanlintError on unknown keys, bad patterns or a missing field.
    """
    entries = mapping.get("confusions") if isinstance(mapping, Mapping) else mapping
    if not isinstance(entries, list):
        raise PlanlintError(f"{source}: 应有 confusions 列表")
    out = []
    for i, e in enumerate(entries, 1):
        where = f"{source} 第 {i} 条"
        if not isinstance(e, Mapping):
            raise PlanlintError(f"{where}: 应为映射（wrong/right/source …）")
        unknown = set(e) - _KEYS
        if unknown:
            raise PlanlintError(f"{where}: 未知的键 {', '.join(sorted(map(str, unknown)))}")
        for key in ("wrong", "right", "source"):
            if not isinstance(e.get(key), str) or not e[key].strip():
                raise PlanlintError(f"{where}: 缺少“{key}”")
        if e["wrong"] == e["right"]:
            raise PlanlintError(f"{where}: wrong 与 right 相同")
        fix = e.get("fix", "safe")
        if fix not in _FIX_MODES:
            raise PlanlintError(f"{where}: fix 应为 safe、unsafe 或 none")
        boundary = e.get("boundary", True)
        variant = e.get("variant", False)
        if not isinstance(boundary, bool) or not isinstance(variant, bool):
            raise PlanlintError(f"{where}: boundary 和 variant 应为 true 或 false")
        since = e.get("since")
        if since is not None and not isinstance(since, dt.date):
            try:
                since = dt.date.fromisoformat(str(since))
            except ValueError:
                raise PlanlintError(f"{where}: since 应为日期 YYYY-MM-DD") from None
        out.append(Confusion(
            wrong=e["wrong"].strip(), right=e["right"].strip(), source=e["source"].strip(),
            preceded_by=_patterns(e.get("preceded_by"), "preceded_by", where, True),
            not_preceded_by=_patterns(e.get("not_preceded_by"), "not_preceded_by", where, True),
            followed_by=_patterns(e.get("followed_by"), "followed_by", where, False),
            not_followed_by=_patterns(e.get("not_followed_by"), "not_followed_by", where, False),
            boundary=boundary, fix=fix, note=str(e.get("note") or ""), since=since, variant=variant,
            origin=source,
        ))
    return out


@functools.lru_cache(maxsize=1)
def builtin_confusions() -> tuple[Confusion, ...]:
    """The confusion pairs shipped with planlint (confusions.yaml)."""
    raw = resources.files("planlint.rules.text").joinpath("confusions.yaml").read_text("utf-8")
    return tuple(load_confusions(yamlsafe.safe_load(raw), "planlint/rules/text/confusions.yaml"))


class ConfusionMatcher:
    """All wrong forms in one alternation (longest first); a linear scan per block."""

    def __init__(self, confusions: Iterable[Confusion]):
        self.by_wrong: dict[str, list[Confusion]] = {}
        for c in confusions:
            self.by_wrong.setdefault(c.wrong, []).append(c)
        alts = sorted(self.by_wrong, key=len, reverse=True)
        self.pattern = regex.compile("|".join(regex.escape(w) for w in alts)) if alts else None

    def find(self, doc) -> Iterable[tuple[int, int, Confusion]]:
        if self.pattern is None:
            return
        text = doc.text
        for block in doc.prose_blocks:
            for m in self.pattern.finditer(text, block.content_start, block.end, overlapped=True):
                s, e = m.span()
                before = text[max(block.content_start, s - BEFORE_WINDOW):s]
                after = text[e:min(block.end, e + AFTER_WINDOW)]
                for c in self.by_wrong[m.group()]:
                    if c.since and doc.date < c.since:
                        continue
                    if c.context_allows(before, after) and (not c.boundary or _on_boundaries(doc, s, e)):
                        yield s, e, c
                        break


def _on_boundaries(doc, start: int, end: int) -> bool:
    """False when a dictionary word takes only part of the span (公布|暑假 around 布暑).

    Words jieba merely guessed (HMM) do not count, nor do words that hold the whole span: jieba's
    dictionary itself lists some misspellings (社会各届, 再接再励).
    """
    freq = _words.tokenizer().FREQ
    for t in doc.words(start, end):
        partial = t.start < start < t.end or t.start < end < t.end
        whole = t.start <= start and end <= t.end
        if partial and not whole and len(t.text) > 1 and (freq.get(t.text) or 0) > 0:
            return False
    return True


def misspelling_check(confusions: Iterable[Confusion]):
    """A check function reporting every confusion pair in ``confusions`` (for packs and tests)."""
    matcher = ConfusionMatcher(confusions)

    def check(doc, ctx):
        last_end = -1
        for s, e, c in matcher.find(doc):
            if s < last_end:
                continue
            last_end = e
            fix = None
            if c.fix != "none":
                fix = Fix.replace(s, e, c.right, f"改为“{c.right}”", safe=c.fix == "safe")
            what = "是不推荐的异形词词形" if c.variant else f"疑为“{c.right}”之误"
            yield ctx.report(s, e, f"“{c.wrong}”{what}，应改为“{c.right}”（依据{c.source}）", fix=fix)

    return check


def _builtin_check(doc, ctx):
    return misspelling_check(builtin_confusions())(doc, ctx)


RULE = Rule(
    id=RULE_ID,
    summary="常见错别字（布暑→部署、钢要→纲要、社会各届→各界）",
    check=_builtin_check,
    severity=Severity.WARNING,
    fixable=True,
    source="《现代汉语词典》第7版；《第一批异形词整理表》（2001）",
    docs=RuleDocs(
        说明=(
            "按随包发布的易混词表（confusions.yaml）查找常见错别字，如“布暑”“实施钢要”“社会各届”"
            "“交界的工作任务”“截止2023年底”“再接再励”。匹配以 jieba 分词为界，"
            "错误写法落在更长的正确词里（公布暑假、炼钢要求）时不报；每条可带上下文条件，"
            "如“各届”在“历届”“各届政府”“各届人大”中不报，“截止”只在后接日期时报。"
        ),
        原因="错别字是计划类公文最常被审阅者圈出的问题，也最容易在印发前漏掉。",
        示例="按照省、市局关于经营工作的安排布暑，得到了社会各届的好评。",
        建议写法="按照省、市局关于经营工作的安排部署，得到了社会各界的好评。词表条目可在规则包中扩充，格式见 docs/rules/text.md。",
    ),
    examples=Examples(
        bad=(
            "按照省、市局关于经营工作的安排布暑，因地制宜开展工作。",
            "认真贯彻实施《公民道德建设实施钢要》。",
            "志愿服务活动得到了社会各届的好评。",
            "完成区总工会交界的工作任务。",
            "截止2023年底，全镇共建成服务点40处。",
            "希望全体职工再接再励，再创佳绩。",
        ),
        good=(
            "按照省、市局的安排部署，认真贯彻实施《全民科学素质行动规划纲要》。",
            "历届各届政府都高度重视民生工作，社会各界广泛参与。",
            "两省交界的地区要加强联防联控。",
            "报名截止日期为3月31日，截止到目前已有40人报名。",
            "学校公布暑假安排，炼钢要求严格控制温度。",
            "既使群众满意，又使企业受益。",
        ),
    ),
)
