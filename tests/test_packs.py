"""YAML rule packs: every built-in kind, matching modes, extends, validation errors, timeouts, test-pack."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from planlint.api import check_text
from planlint.config import Config
from planlint.errors import ConfigError
from planlint.packs.loader import load_raw
from planlint.packs.testing import run_pack_examples


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def lint(tmp_path: Path, pack: str, text: str, *, select=None, date=None, path="doc.md"):
    p = write(tmp_path / "pack.yaml", pack)
    cfg = Config(root=tmp_path, packs=[p])
    ns = select or [load_raw([p])[0].name]
    return check_text(textwrap.dedent(text).lstrip(), path, select=ns, config=cfg, date=date)[1]


def messages(diags):
    return [(d.rule, d.message) for d in diags]


# --- kinds ---------------------------------------------------------------------------------------
def test_existence_matches_on_word_boundaries(tmp_path):
    pack = """
    pack: acme
    rules:
      banned:
        kind: existence
        summary: 不用空话
        terms: [抓手]
    """
    diags = lint(tmp_path, pack, "以党建为抓手推动工作。抓手段建设。\n")
    assert messages(diags) == [("acme/banned", "不宜使用“抓手”")]
    assert (diags[0].offset, diags[0].end_offset) == (4, 6)


def test_substring_and_regex_match_modes(tmp_path):
    pack = """
    pack: acme
    rules:
      sub:
        kind: existence
        summary: 字面匹配
        match: substring
        terms: [抓手]
      rx:
        kind: existence
        summary: 正则
        match: regex
        terms: ['20[xX]{2}年']
        message: 年份“{term}”没有填
    """
    diags = lint(tmp_path, pack, "抓手段建设。20xx年工作。\n")
    assert messages(diags) == [("acme/sub", "不宜使用“抓手”"), ("acme/rx", "年份“20xx年”没有填")]


def test_substitution_reports_and_fixes(tmp_path):
    pack = """
    pack: acme
    rules:
      swap:
        kind: substitution
        summary: 规范说法
        swap: {一把手: 主要负责同志, 布暑: 部署}
        message: 请把“{wrong}”改为“{right}”
    """
    write(tmp_path / "pack.yaml", pack)
    write(tmp_path / ".planlint.yaml", "packs: [pack.yaml]\nselect: [acme]\n")
    doc = write(tmp_path / "plan.md", "各单位一把手要认真布暑。\n")
    r = run_cli("check", str(doc), cwd=tmp_path)
    out = r.stdout.decode()
    assert r.returncode == 1
    assert "acme/swap 请把“一把手”改为“主要负责同志”" in out and "“布暑”改为“部署”" in out
    r = run_cli("check", "--fix", str(doc), cwd=tmp_path)
    assert r.returncode == 0, r.stdout.decode() + r.stderr.decode()
    assert doc.read_text(encoding="utf-8") == "各单位主要负责同志要认真部署。\n"


def test_substitution_regex_groups_and_unsafe_fix(tmp_path):
    pack = r"""
    pack: acme
    rules:
      years:
        kind: substitution
        summary: 二0一三 写法
        match: regex
        fix: unsafe
        swap: {'二0(\d)(\d)': '二〇\1\2'}
    """
    diags = lint(tmp_path, pack, "二013年\n")
    assert diags and diags[0].fix and not diags[0].fix.safe
    assert diags[0].fix.edits[0].text == "二〇13"


def test_occurrence_sentence_length_and_term_counts(tmp_path):
    pack = """
    pack: acme
    rules:
      long:
        kind: occurrence
        summary: 句子太长
        max: 10
      we:
        kind: occurrence
        summary: 我们太多
        terms: [我们]
        scope: paragraph
        max: 2
      safety:
        kind: occurrence
        summary: 全文要提安全
        terms: [安全生产]
        scope: document
        min: 1
    """
    diags = lint(tmp_path, pack, "# 计划\n\n我们好。我们好。我们好。\n\n一二三四五六七八九十十一。\n")
    got = messages(diags)
    assert ("acme/we", "“我们”在本段出现 3 次，多于 2 次") in got
    assert ("acme/long", "本句 13 字，超过 10 字，宜拆分或精简") in got
    assert ("acme/safety", "全文“安全生产”只出现 0 次，少于 1 次") in got
    we = next(d for d in diags if d.rule == "acme/we")
    assert (we.offset, we.end_offset) == (14, 16)  # the third 我们, the first one over the limit


def test_repetition(tmp_path):
    pack = """
    pack: acme
    rules:
      rep:
        kind: repetition
        summary: 重复
    """
    diags = lint(tmp_path, pack, "要推动推动推动工作。天天向上。\n")
    assert messages(diags) == [("acme/rep", "“推动”连写了 3 次，删去重复的")]
    assert diags[0].fix.edits[0].offset == 3 and diags[0].fix.edits[0].end_offset == 7


def test_consistency_prefers_the_majority(tmp_path):
    pack = """
    pack: acme
    rules:
      one:
        kind: consistency
        summary: 统一
        variants: [[新时代, 新时期]]
    """
    diags = lint(tmp_path, pack, "新时期新任务。新时代新气象。新时代新作为。\n")
    assert messages(diags) == [("acme/one", "本文用的是“新时代”（2 处），此处“新时期”宜统一为“新时代”")]
    assert lint(tmp_path, pack, "新时代新气象。\n") == []


def test_sections_kind_uses_structure_format(tmp_path):
    pack = """
    pack: acme
    rules:
      need:
        kind: sections
        summary: 计划要有安全生产部分
        kinds:
          计划: [[安全生产, 安全工作]]
    """
    bad = "# 2024年工作计划\n\n## 一、主要任务\n\n做事。\n"
    good = "# 2024年工作计划\n\n## 一、安全工作\n\n做事。\n"
    diags = lint(tmp_path, pack, bad)
    assert [d.rule for d in diags] == ["acme/need"]
    assert "缺少“安全生产”部分" in diags[0].message
    assert lint(tmp_path, pack, good) == []
    assert lint(tmp_path, pack, "# 2024年工作总结\n\n## 一、成绩\n\n好。\n") == []


def test_outdated_term_kind_uses_policy_format(tmp_path):
    pack = """
    pack: acme
    rules:
      renamed:
        kind: outdated-term
        summary: 部门已更名
        terms:
          - term: 宣传部
            by: 宣传教育和网络工作部
            since: 2021-06-01
            source: 内部通知
    """
    text = "由宣传部牵头。\n"
    diags = lint(tmp_path, pack, text, date="2023-01-01")
    assert [d.rule for d in diags] == ["acme/renamed"]
    assert "2021-06-01" in diags[0].message and "宣传教育和网络工作部" in diags[0].message
    assert lint(tmp_path, pack, text, date="2020-01-01") == []


MISSPELLING_PACK = """
pack: acme
rules:
  typos:
    kind: misspelling
    summary: 本单位常见错别字
    confusions:
      - wrong: 竞塞
        right: 竞赛
        source: 《现代汉语词典》第7版“竞赛”条
      - wrong: 帐户
        right: 账户
        source: 《第一批异形词整理表》
        variant: true
        not_followed_by: ['名称']
"""


def test_misspelling_kind_uses_the_text_rules_format(tmp_path):
    diags = lint(tmp_path, MISSPELLING_PACK, "开展劳动竞塞。核对帐户余额，帐户名称不变。\n")
    assert [(d.rule, d.message) for d in diags] == [
        ("acme/typos", "“竞塞”疑为“竞赛”之误，应改为“竞赛”（依据《现代汉语词典》第7版“竞赛”条）"),
        ("acme/typos", "“帐户”是不推荐的异形词词形，应改为“账户”（依据《第一批异形词整理表》）"),
    ]
    assert all(d.fix is not None and d.fix.safe for d in diags)


def test_misspelling_kind_extends_by_wrong_form(tmp_path):
    write(tmp_path / "base.yaml", MISSPELLING_PACK)
    pack = """
    pack: mine
    extends: base.yaml
    rules:
      typos:
        remove: [帐户]
        add:
          - {wrong: 帮付, right: 帮扶, source: 本会校对记录}
    """
    diags = lint(tmp_path, pack, "劳动竞塞，帐户，困难职工帮付。\n", select=["mine"])
    assert [d.message.split("，")[0] for d in diags] == ["“竞塞”疑为“竞赛”之误", "“帮付”疑为“帮扶”之误"]


@pytest.mark.parametrize("body,needle", [
    ("confusions: [{wrong: 甲, right: 乙}]", "source"),
    ("confusions: [{wrong: 甲, right: 乙, source: s, colour: red}]", "colour"),
    ("confusions: [{wrong: 甲, right: 乙, source: s, followed_by: ['(']}]", "正则表达式"),
    ("confusions: []", "词条列表"),
    ("message: 错了\n        confusions: [{wrong: 甲, right: 乙, source: s}]", "不能自定义"),
])
def test_misspelling_kind_errors_name_the_rule_and_entry(tmp_path, body, needle):
    pack = f"""
    pack: acme
    rules:
      typos:
        kind: misspelling
        summary: s
        {body}
    """
    with pytest.raises(ConfigError) as e:
        lint(tmp_path, pack, "甲。\n")
    assert "acme/typos" in e.value.message and needle in e.value.message, e.value.message


def test_applies_to_limits_rules_to_a_document_kind(tmp_path):
    pack = """
    pack: acme
    applies-to: [计划]
    rules:
      soon:
        kind: existence
        summary: 计划不写尽快
        terms: [尽快]
    """
    assert lint(tmp_path, pack, "# 2024年工作计划\n\n尽快完成。\n")
    assert lint(tmp_path, pack, "# 2024年工作总结\n\n尽快完成。\n") == []


def test_scope_heading_and_body(tmp_path):
    pack = """
    pack: acme
    rules:
      h:
        kind: existence
        summary: 标题里不写“关于”
        scope: heading
        terms: [关于]
    """
    diags = lint(tmp_path, pack, "# 关于工作的计划\n\n## 一、关于任务\n\n关于这件事。\n")
    assert len(diags) == 2


def test_disabled_rule_and_severity(tmp_path):
    pack = """
    pack: acme
    rules:
      quiet:
        kind: existence
        summary: 默认关闭
        enabled: false
        severity: error
        terms: [抓手]
    """
    p = write(tmp_path / "pack.yaml", pack)
    cfg = Config(root=tmp_path, packs=[p])
    assert check_text("抓手。\n", "d.md", select=["acme"], config=cfg)[1] == []
    diags = check_text("抓手。\n", "d.md", select=["acme/quiet"], config=cfg)[1]
    assert [str(d.severity) for d in diags] == ["error"]


def test_words_teach_the_segmenter(tmp_path):
    # In a fresh process: without the word, jieba splits 宣教网部 and the word match fails.
    rule = "rules:\n  x:\n    kind: existence\n    summary: 旧部门\n    terms: [宣教网部]\n"
    write(tmp_path / "a" / "pack.yaml", "pack: acme\n" + rule)
    write(tmp_path / "b" / "pack.yaml", "pack: acme\nwords: [宣教网部]\n" + rule)
    doc = write(tmp_path / "doc.md", "由宣教网部牵头。\n")
    seen = {}
    for d in "ab":
        r = run_cli("check", "--select", "acme", "--config", str(write(tmp_path / d / "cfg.yaml", "packs: [pack.yaml]\n")), str(doc))
        seen[d] = "acme/x" in r.stdout.decode()
    assert seen["b"]


# --- folders, extends ----------------------------------------------------------------------------
def test_folder_pack_and_folder_of_packs(tmp_path):
    write(tmp_path / "packs" / "one" / "pack.yaml", "pack: one\nwords: [某某词]\n")
    write(tmp_path / "packs" / "one" / "a.yaml", "rules:\n  a:\n    kind: existence\n    summary: a\n    terms: [甲乙]\n")
    write(tmp_path / "packs" / "one" / "b.yaml", "rules:\n  b:\n    kind: existence\n    summary: b\n    terms: [丙丁]\n")
    write(tmp_path / "packs" / "two.yaml", "pack: two\nrules:\n  c:\n    kind: existence\n    summary: c\n    terms: [戊己]\n")
    raw = load_raw([tmp_path / "packs"])
    assert sorted((p.name, sorted(p.rules)) for p in raw) == [("one", ["a", "b"]), ("two", ["c"])]


def test_extends_inherits_removes_and_patches(tmp_path):
    write(tmp_path / "base.yaml", """
    pack: base
    rules:
      banned:
        kind: existence
        summary: 禁用词
        terms: [抓手, 赋能]
      swap:
        kind: substitution
        summary: 换词
        swap: {布暑: 部署}
      dropped:
        kind: existence
        summary: 不要这条
        terms: [甲乙]
    """)
    pack = """
    pack: mine
    extends: base.yaml
    remove: [dropped]
    rules:
      banned:
        add: [打卡]
        remove: [赋能]
        severity: error
      swap:
        add: {一把手: 主要负责同志}
    """
    diags = lint(tmp_path, pack, "抓手，赋能，打卡，甲乙，布暑，一把手。\n", select=["mine"])
    got = sorted((d.rule, d.message, str(d.severity)) for d in diags)
    assert got == sorted([
        ("mine/banned", "不宜使用“抓手”", "error"),
        ("mine/banned", "不宜使用“打卡”", "error"),
        ("mine/swap", "“一把手”应为“主要负责同志”", "warning"),
        ("mine/swap", "“布暑”应为“部署”", "warning"),
    ])


def test_extends_cycle_is_an_error(tmp_path):
    write(tmp_path / "a.yaml", "pack: a\nextends: b.yaml\n")
    write(tmp_path / "b.yaml", "pack: b\nextends: a.yaml\n")
    with pytest.raises(ConfigError, match="循环"):
        load_raw([tmp_path / "a.yaml"])


def test_namespace_defined_twice(tmp_path):
    write(tmp_path / "a.yaml", "pack: same\n")
    write(tmp_path / "b.yaml", "pack: same\n")
    with pytest.raises(ConfigError, match="同时由"):
        load_raw([tmp_path])


# --- strict validation: exit 2 naming file, rule and key, with "did you mean" --------------------
BAD_PACKS = [
    ("rules:\n  a:\n    kind: existance\n    summary: s\n    terms: [x]\n", ["acme/a", "existance", "existence"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    trems: [x]\n", ["acme/a", "trems", "terms"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    terms: [x]\n    severity: eror\n", ["acme/a", "severity", "error"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    match: regex\n    terms: ['(未闭合']\n", ["acme/a", "terms", "正则表达式", "缺少右括号"]),
    ("rules:\n  a:\n    kind: substitution\n    summary: s\n    swap: {建设美丽新家园: }\n", ["acme/a", "swap", "冒号右边是空的"]),
    ("rules:\n  a:\n    kind: occurrence\n    summary: s\n    max: 很多\n", ["acme/a", "max", "整数"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    terms: [x]\n    enabled: yes please\n", ["acme/a", "enabled"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    terms: 5\n", ["acme/a", "terms", "文字列表"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    terms: [x]\n    message: 不宜用{trem}\n", ["acme/a", "message", "{trem}", "term"]),
    ("rules:\n  a:\n    kind: existence\n    terms: [x]\n", ["acme/a", "summary"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    terms: [x]\n    examples: {bda: [x]}\n", ["acme/a", "examples.bda", "bad"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    terms: [x]\n    scope: headings\n", ["acme/a", "scope", "heading"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    terms: [x]\n    applies-to: [计化]\n", ["acme/a", "applies-to", "计划"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    terms: [x]\n  a:\n    kind: existence\n", ["写了两次"]),
    ("rulez: {}\n", ["rulez", "rules"]),
    ("rules:\n  off:\n    kind: existence\n", ["false", "引号"]),
    ("rules:\n  Bad_Name:\n    kind: existence\n", ["Bad_Name"]),
    ("rules:\n  a:\n    kind: sections\n    summary: s\n    kinds: {计划: {sectons: [x]}}\n", ["acme/a", "sectons"]),
    ("rules:\n  a:\n    kind: sections\n    summary: s\n    kinds: {计化: [x]}\n", ["acme/a", "kinds", "计化", "计划"]),
    ("rules:\n  a:\n    kind: outdated-term\n    summary: s\n    terms: [{term: 甲, by: 乙, since: 2020-01-01}]\n", ["acme/a", "source"]),
    # mistakes made by hand: an impossible date, a tab, a full-width colon, no space after the colon
    ("rules:\n  a:\n    kind: outdated-term\n    summary: s\n    source: 文件\n    terms: [{term: 甲, by: 乙, since: 2024-02-30}]\n",
     ["acme/a", "“甲”条的 since", "2024-02-30", "不存在"]),
    ("rules:\n  a:\n    kind: existence\n    summary: s\n    terms: [x]\n    examples: {date: 2024-06-31, bad: [x]}\n",
     ["acme/a", "examples.date", "不存在"]),
    # (line numbers count the "pack: acme" line the test puts first)
    ("rules:\n  a:\n\tkind: existence\n", ["第 4 行", "Tab"]),
    ("rules:\n  a：\n    kind: existence\n", ["第 3 行", "全角冒号"]),
    ("rules:\n  a:\n    kind:existence\n    summary: s\n", ["第 4 行", "冒号后缺少空格"]),
]


@pytest.mark.parametrize("body,needles", BAD_PACKS, ids=[str(i) for i in range(len(BAD_PACKS))])
def test_bad_pack_is_a_config_error(tmp_path, body, needles):
    p = write(tmp_path / "acme.yaml", "pack: acme\n" + body)
    doc = write(tmp_path / "doc.md", "正文。\n")
    r = run_cli("check", "--config", str(write(tmp_path / "cfg.yaml", "packs: [acme.yaml]\n")), str(doc))
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert str(p) in err and "Traceback" not in err
    for n in needles:
        assert n in err, (n, err)
    assert len(err.strip().splitlines()) == 1


def test_reserved_and_malformed_namespaces(tmp_path):
    for name, needle in (("policy", "内置"), ("Acme", "命名空间")):
        p = write(tmp_path / f"{name}.yaml", f"pack: {name}\n")
        with pytest.raises(ConfigError, match=needle):
            load_raw([p])


# --- regex timeout -------------------------------------------------------------------------------
def test_catastrophic_regex_times_out_with_the_rule_named(tmp_path):
    write(tmp_path / "acme.yaml", """
    pack: acme
    regex-timeout: 0.3
    rules:
      slow:
        kind: existence
        summary: 灾难性回溯
        match: regex
        terms: ['(好|好好)+(?!好)了']
      fine:
        kind: existence
        summary: 正常规则
        terms: [抓手]
    """)
    doc = write(tmp_path / "doc.md", "好" * 200 + "。抓手。\n")
    r = run_cli("check", "--format", "json", "--config", str(write(tmp_path / "c.yaml", "packs: [acme.yaml]\n")), str(doc))
    out = json.loads(r.stdout)
    rules = {d["rule"]: d["message"] for d in out["diagnostics"]}
    assert r.returncode == 2
    assert "acme/slow" in rules["core/plugin-error"] and "超过 0.3 秒" in rules["core/plugin-error"]
    assert "规则包 acme" in rules["core/plugin-error"] and "acme.yaml" in rules["core/plugin-error"]
    assert "acme/fine" in rules


# --- test-pack -----------------------------------------------------------------------------------
def test_test_pack_passes_and_fails(tmp_path):
    good = write(tmp_path / "good.yaml", """
    pack: good
    rules:
      a:
        kind: existence
        summary: s
        terms: [抓手]
        examples: {bad: [以此为抓手。], good: [抓手段。]}
    """)
    bad = write(tmp_path / "bad.yaml", """
    pack: bad
    rules:
      a:
        kind: existence
        summary: s
        terms: [抓手]
        examples: {bad: [没有那个词。], good: [以此为抓手。]}
    """)
    r = run_cli("test-pack", str(good))
    assert r.returncode == 0 and "✓ good/a" in r.stdout.decode()
    r = run_cli("test-pack", str(bad))
    out = r.stdout.decode()
    assert r.returncode == 1
    assert "应报而未报：没有那个词。" in out and "不应报却报了“不宜使用“抓手””：以此为抓手。" in out
    broken = write(tmp_path / "broken.yaml", "pack: broken\nrules:\n  a:\n    kind: nope\n")
    r = run_cli("test-pack", str(broken))
    assert r.returncode == 2 and "nope" in r.stderr.decode()


def test_test_pack_require_examples(tmp_path):
    pack = write(tmp_path / "p.yaml", """
    pack: p
    rules:
      tested:
        kind: existence
        summary: s
        terms: [抓手]
        examples: {bad: [以此为抓手。]}
      untested:
        kind: existence
        summary: s
        terms: [赋能]
    """)
    r = run_cli("test-pack", str(pack))
    assert r.returncode == 0 and "- p/untested（没有例句" in r.stdout.decode()
    r = run_cli("test-pack", "--require-examples", str(pack))
    out = r.stdout.decode()
    assert r.returncode == 1 and "✗ p/untested" in out and "✓ p/tested" in out and "1 条规则未通过" in out


def test_test_pack_reports_a_timed_out_rule(tmp_path):
    p = write(tmp_path / "slow.yaml", """
    pack: slow
    regex-timeout: 0.2
    rules:
      a:
        kind: existence
        summary: s
        match: regex
        terms: ['(x|xx)+(?!x)y']
        examples: {bad: [xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy], good: [xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx]}
    """)
    report = run_pack_examples([str(p)])
    assert report.failed
    assert any("超过 0.2 秒" in f for r in report.results for f in r.failures)


# --- the reference packs in rules/ ---------------------------------------------------------------
def test_reference_packs_pass_their_own_examples():
    r = run_cli("test-pack", str(REPO / "rules"))
    out = r.stdout.decode()
    assert r.returncode == 0, out + r.stderr.decode()
    assert "✗" not in out
    for ns in ("example-union", "plan", "summary", "scheme", "key-points", "report"):
        assert f"✓ {ns}/" in out


def test_reference_packs_every_rule_has_examples_and_source():
    for pack in load_raw([REPO / "rules"]):
        for name, raw in pack.rules.items():
            data = raw.base.data
            assert data.get("source"), f"{pack.name}/{name} has no source"
            ex = data.get("examples") or {}
            assert ex.get("bad") and ex.get("good"), f"{pack.name}/{name} lacks examples"


def test_example_union_pack_on_a_realistic_plan(tmp_path):
    write(tmp_path / ".planlint.yaml", f"packs: [{REPO / 'rules' / 'example-union'}]\n")
    doc = write(tmp_path / "2023年工作计划.md", """
    # 市总工会2023年工作计划

    ## 一、指导思想

    坚持以职工为中心，活动形式要接地气。

    ## 二、主要任务

    （一）由宣传教育部牵头开展职工书香活动，各基层工会一把手要亲自抓。

    （二）扩大普惠服务覆盖面，普惠服务惠及十万职工，全年开展普惠性服务活动三十场。

    二〇二三年一月十日
    """)
    r = run_cli("check", "--select", "example-union", "--format", "json", str(doc), cwd=tmp_path)
    got = sorted(d["rule"] for d in json.loads(r.stdout)["diagnostics"])
    assert got == [
        "example-union/colloquial",
        "example-union/one-name",
        "example-union/plan-sections",
        "example-union/preferred-wording",
        "example-union/renamed-departments",
    ]


def test_occurrence_per_section_counts_subsections_too(tmp_path):
    pack = """
    pack: acme
    rules:
      short:
        kind: occurrence
        summary: 每节至多 12 字
        scope: section
        max: 12
    """
    text = "# 计划\n\n## 一、甲\n\n一二三四五。\n\n### （一）乙\n\n六七八九十。\n\n## 二、丙\n\n短。\n"
    diags = lint(tmp_path, pack, text)
    # 一、甲 holds 甲 + 一二三四五。+ （一）乙's 乙 + 六七八九十。 = 14 characters (markers not counted);
    # the title's section holds everything (19); 二、丙 is short.
    assert [(d.message, d.offset) for d in diags] == [
        ("本节 19 字，超过 12 字，宜拆分或精简", 2), ("本节 14 字，超过 12 字，宜拆分或精简", text.index("甲"))]


def test_pack_files_include_the_packs_extended(tmp_path):
    from planlint.packs.loader import pack_files

    base = write(tmp_path / "shared" / "base.yaml", "pack: base\n")
    write(tmp_path / "mine" / "pack.yaml", "pack: mine\nextends: ../shared/base.yaml\n")
    part = write(tmp_path / "mine" / "more.yaml", "rules: {}\n")
    files = pack_files([tmp_path / "mine"])
    assert str(base) in files and str(part) in files and str(tmp_path / "mine" / "pack.yaml") in files


def test_missing_pack_path_is_a_config_error(tmp_path):
    doc = write(tmp_path / "doc.md", "正文。\n")
    r = run_cli("check", "--config", str(write(tmp_path / "c.yaml", "packs: [nowhere.yaml]\n")), str(doc))
    assert r.returncode == 2 and "nowhere.yaml" in r.stderr.decode() and "规则包不存在" in r.stderr.decode()


def test_result_cache_sees_a_change_in_an_extended_pack(tmp_path):
    base = write(tmp_path / "shared" / "base.yaml",
                 "pack: base\nrules:\n  b:\n    kind: existence\n    summary: s\n    terms: [抓手]\n")
    write(tmp_path / "docs" / "mine.yaml", "pack: mine\nextends: ../shared/base.yaml\n")
    write(tmp_path / "docs" / ".planlint.yaml", "packs: [mine.yaml]\nselect: [mine]\n")
    doc = write(tmp_path / "docs" / "d.md", "以此为抓手，赋能发展。\n")
    first = run_cli("check", str(doc), cwd=tmp_path / "docs").stdout.decode()
    assert first.count("mine/b") == 1
    import os
    import time

    base.write_text(base.read_text(encoding="utf-8").replace("[抓手]", "[抓手, 赋能]"), encoding="utf-8")
    later = time.time() + 5
    os.utime(base, (later, later))  # a different mtime even on coarse file systems
    second = run_cli("check", str(doc), cwd=tmp_path / "docs").stdout.decode()
    assert second.count("mine/b") == 2, second


def test_a_kind_set_by_config_can_be_named(tmp_path):
    pack = """
    pack: acme
    applies-to: [通知]
    rules:
      need:
        kind: sections
        summary: 通知要写联系方式
        kinds:
          通知: [联系方式]
    """
    p = write(tmp_path / "pack.yaml", pack)
    cfg = Config(root=tmp_path, packs=[p], kinds={"*.md": "通知"})
    diags = check_text("# 关于放假的通知\n\n## 一、时间\n\n五一。\n", str(tmp_path / "n.md"), select=["acme"], config=cfg)[1]
    assert [d.rule for d in diags] == ["acme/need"]


def test_a_pack_saved_as_gbk_by_notepad_is_read(tmp_path):
    pack = "pack: acme\nrules:\n  slogan:\n    kind: substitution\n    summary: 旧口号\n    swap: {建设美丽新家园: 建设宜居宜业新城区}\n"
    p = tmp_path / "acme.yaml"
    p.write_bytes(pack.encode("gbk"))
    cfg = Config(root=tmp_path, packs=[p])
    _, diags = check_text("全局上下要围绕建设美丽新家园目标努力。\n", "doc.md", select=["acme"], config=cfg)
    assert [d.rule for d in diags] == ["acme/slogan"]
