"""policy/ knowledge base: consistency of the shipped data, the loader's errors, packs' use of it, the CLI."""

from __future__ import annotations

import datetime as dt

import pytest

from planlint.api import check_text
from planlint.errors import ConfigError
from planlint.rules.policy import KnowledgeError, builtin_knowledge, knowledge_lines, load_knowledge, outdated_term_rule
from planlint.rules.policy.knowledge import cn_ordinal

from conftest import run_cli

K = builtin_knowledge()
D = dt.date


def test_cn_ordinal():
    assert [cn_ordinal(n) for n in (6, 10, 11, 12, 20, 21, 15)] == ["六", "十", "十一", "十二", "二十", "二十一", "十五"]


@pytest.mark.parametrize("sid,first,last", [
    ("cpc-congress", 12, 21), ("acftu-congress", 12, 18), ("cyl-congress", 15, 19), ("five-year-plan", 6, 15),
])
def test_ordinals_continuous(sid, first, last):
    s = K.series_by_id(sid)
    assert [i.ordinal for i in s.items] == list(range(first, last + 1))


@pytest.mark.parametrize("sid", ["cpc-congress", "acftu-congress", "cyl-congress", "five-year-plan", "cpc-plenum"])
def test_dates_ordered(sid):
    s = K.series_by_id(sid)
    held = [i for i in s.items if i.start]
    for i in held:
        assert i.end is None or i.end >= i.start, i.name
    for a, b in zip(held, held[1:]):
        assert a.start < b.start, (a.name, b.name)
        assert a.end is None or a.end < b.start, (a.name, b.name)
    # only the last item(s) may be unheld, and those carry an expected year
    unheld = [i for i in s.items if not i.start]
    assert all(i.expected for i in unheld)
    assert s.items[: len(held)] == tuple(held)


def test_expected_21st_congress_has_no_date():
    c21 = K.series_by_id("cpc-congress").find((21,))
    assert c21.start is None and c21.expected == 2027
    assert K.series_by_id("cpc-congress").current(D(2027, 12, 31)).ordinal == 20


def test_five_year_plans_contiguous_and_named():
    items = K.series_by_id("five-year-plan").items
    for a, b in zip(items, items[1:]):
        assert b.start == a.end + dt.timedelta(days=1)
        assert (b.start.year - a.start.year) == 5
    for i in items:
        assert i.extra["document"] == ("计划" if i.ordinal <= 10 else "规划")
        assert i.name.startswith("“") and i.name.endswith(i.extra["document"])


def test_plenums_fall_inside_their_term():
    congress = K.series_by_id("cpc-congress")
    for p in K.series_by_id("cpc-plenum").items:
        term, number = p.key
        this, nxt = congress.find((term,)), congress.find((term + 1,))
        assert this.start < p.start, p.name
        assert nxt.start is None or p.start < nxt.start, p.name
        assert p.name == f"{cn_ordinal(term)}届{cn_ordinal(number)}中全会"


def test_npc_sessions_ordered():
    sessions = K.series_by_id("npc-session").items
    keys = [i.key for i in sessions]
    assert keys == sorted(keys)
    years = [i.extra["year"] for i in sessions]
    assert years == sorted(years)
    for i in sessions:
        assert i.extra["year"] == 2013 + (i.key[0] - 12) * 5 + i.key[1] - 1


def test_every_entry_has_a_resolvable_source():
    for s in K.series:
        for i in s.items:
            assert i.sources, i.name
            for key in i.sources:
                assert key in K.sources, (i.name, key)
    for t in K.terms:
        assert t.sources and all(k in K.sources for k in t.sources), t.term
    for a in K.anniversaries:
        assert a.sources and all(k in K.sources for k in a.sources), a.name
    for n in K.new:
        assert n.sources and all(k in K.sources for k in n.sources), n.term
        assert list(n.revised) == sorted(n.revised)


def test_renamed_terms_and_chains():
    terms = {t.term: t for t in K.terms}
    for name in ("国家工商行政管理总局", "国土资源部", "国家卫生和计划生育委员会", "环境保护部", "国家质量监督检验检疫总局",
                 "国家食品药品监督管理总局"):
        assert terms[name].since == D(2018, 3, 17)
    cbrc = terms["中国银行业监督管理委员会"]
    assert K.resolve(cbrc, D(2020, 1, 1)).by == "中国银行保险监督管理委员会"
    assert K.resolve(cbrc, D(2024, 1, 1)).by == "国家金融监督管理总局"


def test_knowledge_lines_as_of_dates():
    text = "\n".join(knowledge_lines(K, D(2023, 2, 28)))
    assert "现行：党的二十大（2022-10-16 至 2022-10-22）" in text
    assert "二十届二中全会" in text and "二十届三中全会" not in text.split("## 中国工会")[0]
    assert "现行：“十四五”规划" in text
    assert "现行：中国工会十七大" in text
    old = "\n".join(knowledge_lines(K, D(2013, 1, 1)))
    assert "现行：党的十八大" in old and "“十二五”规划" in old


# --- loader errors -------------------------------------------------------------------------------

def test_loader_errors_name_entry_and_problem():
    with pytest.raises(KnowledgeError) as e:
        load_knowledge({"terms": [{"term": "甲", "by": "乙", "since": "2020-01-01", "sorce": "x"}]}, "acme.yaml")
    assert "acme.yaml" in str(e.value) and "sorce" in str(e.value) and "source" in str(e.value)
    assert isinstance(e.value, ConfigError)
    with pytest.raises(KnowledgeError, match="出处"):
        load_knowledge({"terms": [{"term": "甲", "by": "乙", "since": "2020-01-01"}]}, "acme.yaml")
    with pytest.raises(KnowledgeError, match="YYYY-MM-DD"):
        load_knowledge({"terms": [{"term": "甲", "by": "乙", "since": "2020年", "source": "x"}]}, "acme.yaml")
    with pytest.raises(KnowledgeError, match="重复"):
        load_knowledge({"series": [{"id": "s", "items": [{"ordinal": 1, "source": "x"}, {"ordinal": 1, "source": "x"}]}]},
                       "acme.yaml")
    with pytest.raises(KnowledgeError, match="usage"):
        load_knowledge({"series": [{"id": "s", "usage": "often", "items": [{"ordinal": 1, "source": "x"}]}]}, "a")


# --- a pack's knowledge: a local 党代会 and a renamed department ----------------------------------

PACK = {
    "sources": {"acme_notice": {"title": "市委办公室通知（2021）"}},
    "series": [{
        "id": "acme-party-congress", "kind": "congress", "title": "中共某市代表大会",
        "name": "市第{n}次党代会", "forms": ["市第{n}次党代会", "市{n}次党代会"], "usage": "guidance",
        "items": [
            {"ordinal": 12, "start": "2016-09-20", "source": "acme_notice"},
            {"ordinal": 13, "start": "2021-09-22", "source": "acme_notice"},
        ],
    }],
    "terms": [{"term": "综合科", "forms": ["办公室综合科"], "by": "综合事务处", "since": "2022-01-01",
               "source": "acme_notice"}],
}


def test_pack_knowledge_makes_a_rule():
    k = load_knowledge(PACK, "acme.yaml")
    rule = outdated_term_rule("acme/outdated-term", k, summary="本市过时提法")
    assert rule.fixable and "acme.yaml" in rule.source
    from planlint.plugins import make_plugin_manager

    class Plugin:
        __name__ = "acme-test"

        @staticmethod
        def planlint_rules(config, kinds):
            return [rule]

    from planlint.hookspecs import hookimpl

    Plugin.planlint_rules = hookimpl(Plugin.planlint_rules)
    host = make_plugin_manager(entry_points=False, extra=(Plugin,))
    text = "深入学习贯彻市第十二次党代会精神，请办公室综合科牵头。市第十二次党代会以来，全市发展成效显著。"
    _, diags = check_text(text, "a.md", select=["acme"], date="2023-03-01", host=host)
    got = [(d.rule, text[d.offset:d.end_offset]) for d in diags]
    assert got == [("acme/outdated-term", "市第十二次党代会"), ("acme/outdated-term", "办公室综合科")]
    assert "市第十三次党代会已于 2021-09-22" in diags[0].message
    assert diags[1].fix is not None and diags[1].fix.edits[0].text == "综合事务处"
    _, diags = check_text(text, "a.md", select=["acme"], date="2021-01-01", host=host)
    assert diags == []
    _, diags = check_text("以优异成绩迎接市第十三次党代会胜利召开。", "a.md", select=["acme"], date="2023-03-01", host=host)
    assert [d.message.split("时，")[1][:21] for d in diags] == ["市第十三次党代会已于 2021-09-22"]


def test_merged_overrides_and_extends():
    extra = load_knowledge({"series": [{"id": "cpc-congress", "items": [
        {"ordinal": 21, "start": "2027-10-15", "source": "hypothetical"}]}]}, "local.yaml")
    merged = K.merged(extra)
    s = merged.series_by_id("cpc-congress")
    assert s.current(D(2028, 1, 1)).ordinal == 21 and len(s.items) == 10
    assert K.series_by_id("cpc-congress").current(D(2028, 1, 1)).ordinal == 20
    assert merged.origin[-1] == "local.yaml"


# --- the CLI command -----------------------------------------------------------------------------

def test_cli_knowledge():
    r = run_cli("knowledge", "--date", "2023-02-28")
    out = r.stdout.decode("utf-8")
    assert r.returncode == 0, r.stderr
    assert "截至 2023-02-28" in out and "现行：党的二十大" in out and "国土资源部 → 自然资源部" in out
    r = run_cli("knowledge", "--date", "2023-02-30")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr.decode("utf-8")


def test_documented_example_loads():
    import re
    from pathlib import Path

    import yaml

    doc = (Path(__file__).resolve().parent.parent / "docs" / "rules" / "policy.md").read_text("utf-8")
    block = re.search(r"```yaml\n(.*?)```", doc, re.S).group(1)
    k = load_knowledge(yaml.safe_load(block), "docs/rules/policy.md")
    s = k.series[0]
    assert [i.name for i in s.items] == ["市第十二次党代会", "市第十三次党代会", "市第十四次党代会"]
    assert "市十二次党代会" in s.items[0].forms and s.items[-1].start is None
    assert k.terms[0].forms == ("办公室综合科", "综合科") and k.new[0].revised[-1] == D(2022, 3, 1)
