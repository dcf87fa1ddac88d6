"""The text/ family: repeated words, duplicated sentences and paragraphs, misspellings."""

from __future__ import annotations

import time

import pytest

from planlint.api import check_text
from planlint.errors import PlanlintError
from planlint.fixes import apply_fixes
from planlint.rules.text import builtin_confusions, load_confusions, misspelling_check


def diags(text, rule, path="plan.txt", date=None):
    return check_text(text, path, select=[rule], date=date)


def spans(text, rule, **kw):
    doc, ds = diags(text, rule, **kw)
    return [doc.text[d.offset:d.end_offset] for d in ds]


def fixed(text, rule, unsafe=False, **kw):
    _, ds = diags(text, rule, **kw)
    return apply_fixes(text, ds, unsafe=unsafe)[0]


# --- text/repeated-word ----------------------------------------------------------------------

RW = "text/repeated-word"


@pytest.mark.parametrize("text", [
    "我们常常深入班组，人人参与，天天坚持，年年有进步。",
    "这个方案请大家研究研究，下周再讨论讨论。",
    "孩子们一天天长大，家家户户都很高兴，谢谢大家，请看看。",
    "问题要一个一个地解决，一步一步地推进，一点一点地积累。",
    "明确工作目的的同时，说清楚了解到的情况。",
    "二〇〇〇年以来，全县建设设施不断完善。",
    "粮食生产必须抓得很紧很紧。",
    "屠呦呦获得诺贝尔生理学或医学奖。",
    "南苏丹苏丹人民解放运动代表团来访。",
    "Visit https://example.com/aa/aa and call 8888-8888.",
    "认认真真、扎扎实实、轰轰烈烈地开展活动。",
    "有的同志对新政策还不甚了了，需要加强学习。",  # 了了 inside an idiom (one jieba token)
    "老一辈职工过过苦日子，他了了一桩心愿。",  # verb + aspect particle, not after another verb
    "认真落实在在职党员到社区报到制度。",  # 在 + 在职
    "这的的确确是一件大事，一把把钥匙交到群众手中。",
])
def test_repeated_word_quiet(text):
    assert spans(text, RW) == []


@pytest.mark.parametrize("text,span,after", [
    ("为推动推动建设和谐校园作出贡献。", "推动推动", "为推动建设和谐校园作出贡献。"),
    ("发挥教师在学校建设中的的作用。", "的的", "发挥教师在学校建设中的作用。"),
    ("要进一步加强管理加强管理，提高水平。", "加强管理加强管理", "要进一步加强管理，提高水平。"),
    # 了了 is a jieba dictionary word, but here jieba splits it and the first copy follows a verb
    ("完成了了全年任务。", "了了", "完成了全年任务。"),
    # the first copy of a repeated word glued to the word before it (切实加强|管理|加强|管理)
    ("各单位要切实加强管理加强管理，提高服务水平。", "加强管理加强管理", "各单位要切实加强管理，提高服务水平。"),
    ("这是我们的的的目标。", "的的的", "这是我们的目标。"),
])
def test_repeated_word_found_and_fixed(text, span, after):
    if span is None:
        assert spans(text, RW) == []
        return
    assert spans(text, RW) == [span]
    assert fixed(text, RW) == after
    assert spans(after, RW) == []


# --- text/duplicate-sentence -----------------------------------------------------------------

DS = "text/duplicate-sentence"
LONG_A = "全面落实安全生产责任制，层层签订目标责任书，确保全年不发生重大安全事故。"
LONG_B = "组织开展岗位练兵和技能比武活动，提高职工队伍的整体素质。"


def test_duplicate_sentence_in_another_paragraph():
    text = f"一、安全工作\n\n{LONG_A}{LONG_B}\n\n二、队伍建设\n\n开展读书活动。{LONG_A}\n"
    doc, ds = diags(text, DS)
    assert [doc.text[d.offset:d.end_offset] for d in ds] == [LONG_A]
    assert "第 3 行" in ds[0].message
    assert not ds[0].fix.safe


def test_adjacent_repeat_is_safely_removed():
    text = f"{LONG_B}{LONG_A}{LONG_A}\n"
    assert spans(text, DS) == [LONG_A]
    assert fixed(text, DS) == f"{LONG_B}{LONG_A}\n"


def test_repeated_run_is_one_report():
    text = f"{LONG_A}{LONG_B}\n\n开展读书活动，推荐必读书目。{LONG_A}{LONG_B}\n"
    doc, ds = diags(text, DS)
    assert len(ds) == 1 and "2 句" in ds[0].message


def test_whole_paragraph_repeat_is_one_report():
    text = f"{LONG_A}{LONG_B}\n\n开展读书活动。\n\n{LONG_A}{LONG_B}\n"
    doc, ds = diags(text, DS)
    assert len(ds) == 1 and "整段" in ds[0].message


def test_pasted_tail_of_a_longer_sentence():
    first = "进一步完善教职工代表大会制度，抓好教代会提案收集，实行民主票决制，参与校务公开的监督，确保教师民主权利的落实。"
    pasted = "抓好教代会提案收集，实行民主票决制，参与校务公开的监督，确保教师民主权利的落实。"
    text = f"1、{first}\n\n2、开展读书活动，提高学习效果。{pasted}\n"
    assert spans(text, DS) == [pasted]


def test_reported_speech_and_short_stock_phrases_are_quiet():
    said = "在社会主义建设中，对困难估计不足是完全错误的，对成绩估计过高也是有害的。"
    text = (
        f"{said}\n\n会议指出，{said}\n\n"
        "一是加强学习。二是加强管理。\n\n三是加强学习。特此通知。\n\n特此通知。\n"
        "推进节能减排和生态环境保护。去年新增污水处理能力一百万吨，节能工作成效明显。\n\n"
        "推进节能减排和生态环境保护。今年要抓紧制定能源消费总量控制方案，加快理顺价格体系。\n"
        "区工会2023年工作计划精选7篇\n\n区工会2023年工作计划精选7篇\n"
        "加强理论学习。全体党员要树立“四个意识”，坚定“四个自信”，做到“两个维护”。\n\n"
        "严肃组织生活。全体党员要树立“四个意识”，坚定“四个自信”，做到“两个维护”。\n"
    )
    assert spans(text, DS) == []


def test_form_fields_are_not_pasted_sentences():
    fields = "责任单位：县住建局；完成时限：2024年12月底前。"
    text = (
        f"1.实施老旧小区改造。{fields}\n2.推进雨污分流改造。{fields}\n"
        "3.开展背街小巷整治，牵头单位：县城管局；配合单位：各街道；完成时限：2024年10月底前。\n"
        "4.完善停车设施，牵头单位：县城管局；配合单位：各街道；完成时限：2024年10月底前。\n"
    )
    assert spans(text, DS) == []
    # The same field sentence twice in a row is still a paste.
    assert spans(f"5.整治违法建设。{fields}{fields}\n", DS) == [fields]
    # A label ending in a verb of saying opens a quotation, not a field.
    said = "会议强调：要全面落实安全生产责任制和目标责任书。"
    assert spans(f"{said}\n\n开展读书活动。\n\n{said}\n", DS) == [said]


def test_collection_parts_are_separate_documents():
    part = "一、指导思想\n\n以科学发展观为统领，全面履行工会的各项社会职能，为学校发展作出贡献。\n\n"
    text = f"工会工作计划篇1\n\n{part}工会工作计划篇2\n\n{part}"
    doc, _ = diags(text, DS)
    assert len(doc.parts) == 2
    assert spans(text, DS) == []
    # Within one part the repeat is reported.
    assert len(spans(f"工会工作计划篇1\n\n{part}{part}工会工作计划篇2\n\n开展活动。\n", DS)) == 1


# --- text/near-duplicate-paragraph -----------------------------------------------------------

ND = "text/near-duplicate-paragraph"
PARA = ("加强师德建设，组织全体教师认真学习《中小学教师职业道德规范》，开展师德师风专题教育，"
        "评选师德标兵，引导教师爱岗敬业、为人师表，树立良好的职业形象。")


def test_near_duplicate_paragraph():
    edited = PARA.replace("专题教育", "专题教育活动")
    doc, ds = diags(f"{PARA}\n\n开展读书活动。\n\n{edited}\n", ND)
    assert len(ds) == 1 and doc.position(ds[0].offset)[0] == 5
    # An exact repeat is left to text/duplicate-sentence; unrelated paragraphs are quiet.
    assert spans(f"{PARA}\n\n{PARA}\n", ND) == []
    other = "加强安全管理，组织全体教师学习校园安全管理制度，开展消防疏散演练，排查校舍安全隐患，确保师生安全。"
    assert spans(f"{PARA}\n\n{other}\n", ND) == []


def test_near_duplicate_ignores_urls():
    text = "".join(f"[查看原文](https://tv.example.com/2025/06/01/VIDE{i:08d}abcdefgh.shtml)\n\n" for i in range(5))
    assert spans(text, ND) == []


# --- text/misspelling ------------------------------------------------------------------------

MS = "text/misspelling"


@pytest.mark.parametrize("text,found,after", [
    ("按照上级的安排布暑，因地制宜开展工作。", "布暑", "按照上级的安排部署，因地制宜开展工作。"),
    ("认真贯彻实施《公民道德建设实施钢要》。", "钢要", "认真贯彻实施《公民道德建设实施纲要》。"),
    ("活动得到了社会各届的好评。", "各届", "活动得到了社会各界的好评。"),
    ("完成区总工会交界的工作任务。", "交界", "完成区总工会交办的工作任务。"),
    ("截止2023年12月31日，共发放补贴40万元。", "截止", "截至2023年12月31日，共发放补贴40万元。"),
    ("截止目前，已完成年度计划的80%。", "截止", "截至目前，已完成年度计划的80%。"),
    ("希望大家再接再励。", "再接再励", "希望大家再接再厉。"),
    ("面对困难一愁莫展。", "一愁莫展", "面对困难一筹莫展。"),
    ("精心按排好值班工作。", "按排", "精心安排好值班工作。"),
    ("把安全生产做为考核内容。", "做为", "把安全生产作为考核内容。"),
    ("召开老干部坐谈会。", "坐谈会", "召开老干部座谈会。"),
    ("坚持励行节约。", "励行", "坚持厉行节约。"),
    ("推荐职工代表侯选人。", "侯选人", "推荐职工代表候选人。"),
    ("广泛蕴酿，充分协商。", "蕴酿", "广泛酝酿，充分协商。"),
    ("帮扶措施已初见凑效。", "凑效", "帮扶措施已初见奏效。"),
])
def test_misspelling_found_and_fixed(text, found, after):
    assert spans(text, MS) == [found]
    assert fixed(text, MS) == after


@pytest.mark.parametrize("text", [
    "历届政府和各届人大代表都十分关心。",
    "各届全国人大代表、各届毕业生返校。",
    "两省交界的地区要加强联防联控，交界处设立检查站。",
    "报名截止日期为3月31日，截止到目前已有40人报名，报名于5月截止。",
    "学校公布暑假安排，炼钢要严格控制温度。",
    "既使群众满意，又使企业受益。",
    "既使用户满意，也让职工受益。",
    "即使困难再大，也要完成任务。",
    "即使上报了，也不一定能马上处理。",  # 即使 + 上报, but a concessive clause (也)
    "即使处理得再快，还是有遗漏。",
    "帮助困难企业渡过难关，红军渡过长江，渡过了困难时期。",
    "国家将迎来十周年，我们渡过了长江的一年也很难忘记。",  # a water word before 的一年
    "春节前走访慰问各届老同志、各届老干部、各届校友和各届新生。",
    "按排名先后顺序录取，按排放量征收费用。",
    "把服务群众看做为人民服务，鼓励行业协会、激励行动。",
])
def test_misspelling_quiet(text):
    assert spans(text, MS) == []


@pytest.mark.parametrize("text,found", [
    ("发现问题要即使上报，不得迟报、漏报。", "即使"),
    ("对群众反映的问题要即使处理、即使反馈。", "即使"),
    ("让困难职工家庭渡过一个欢乐祥和的春节。", "渡过"),
    ("老人们在敬老院渡过幸福的晚年，我们渡过了极不平凡的一年。", "渡过"),
])
def test_misspelling_in_certain_context_only(text, found):
    """即使→及时 and 渡过→度过 are real words: reported only in context, with a fix not applied by default."""
    got = spans(text, MS)
    assert got and set(got) == {found}
    assert fixed(text, MS) == text
    assert found not in fixed(text, MS, unsafe=True)


def test_variant_forms_after_the_variant_table():
    doc, ds = diags("报送的信息没有任何虚假成份。", MS, date="2012-05-01")
    assert len(ds) == 1 and "异形词" in ds[0].message
    assert spans("发展多种经济成份。", MS, date="1997-03-01") == []
    assert spans("地图象征着疆域。", MS) == []  # 地图|象征: not 图象


def test_misspelling_since_date():
    text = "看起来好象问题不大。"
    assert spans(text, MS, date="1981-12-01") == []
    assert spans(text, MS, date="2023-02-28") == ["好象"]


def test_unsafe_fix_for_uncertain_entries():
    _, ds = diags("即便如此，既使困难再大，我们也要完成任务。", MS)
    assert len(ds) == 1 and ds[0].fix is not None and not ds[0].fix.safe


def test_builtin_list_has_sources():
    entries = builtin_confusions()
    assert len(entries) >= 40
    assert all(c.source and c.wrong != c.right for c in entries)
    assert len({c.wrong for c in entries}) == len(entries)


def test_load_confusions_for_packs():
    entries = load_confusions({"confusions": [
        {"wrong": "帐号", "right": "账号", "source": "《第一批异形词整理表》", "followed_by": ["密码|管理"]},
    ]}, "acme.yaml")
    assert entries[0].origin == "acme.yaml"
    from planlint.api import default_host
    from planlint.engine import Linter, RunOptions
    from planlint.config import Config
    from planlint.rule import Rule, RuleContext, RuleDocs

    rule = Rule("acme/misspelling", "x", misspelling_check(entries), RuleDocs("x", "x", "x", "x"))
    linter = Linter(default_host(), RunOptions())
    doc = linter.load("a.txt", "请妥善保管帐号密码。开设帐号。".encode(), Config())
    ctx = RuleContext(rule, {}, rule.severity)
    found = list(rule.check(doc, ctx))
    assert [doc.text[d.offset:d.end_offset] for d in found] == ["帐号"]


@pytest.mark.parametrize("bad,needle", [
    ([{"wrong": "甲", "right": "乙"}], "source"),
    ([{"wrong": "甲", "right": "乙", "source": "s", "colour": 1}], "colour"),
    ([{"wrong": "甲", "right": "乙", "source": "s", "followed_by": ["("]}], "正则"),
    ([{"wrong": "甲", "right": "乙", "source": "s", "fix": "maybe"}], "fix"),
    ([{"wrong": "甲", "right": "甲", "source": "s"}], "相同"),
    ([{"wrong": "甲", "right": "乙", "source": "s", "since": "yesterday"}], "since"),
    ({"pairs": []}, "confusions"),
])
def test_load_confusions_errors(bad, needle):
    with pytest.raises(PlanlintError, match=needle):
        load_confusions(bad, "pack.yaml")


# --- seeds, corpus, speed --------------------------------------------------------------------


def _seed_findings(seeds):
    out = {}
    for p in sorted(seeds.glob("*.txt")):
        doc, ds = check_text(p.read_text("utf-8"), p.name, select=["text"])
        out[p.name] = (doc, ds)
    return out


def test_seed_defects_are_found(seeds):
    found = _seed_findings(seeds)
    by_rule: dict[str, list[str]] = {}
    for doc, ds in found.values():
        for d in ds:
            by_rule.setdefault(d.rule, []).append(doc.text[d.offset:d.end_offset])
    assert "推动推动" in by_rule[RW] and "的的" in by_rule[RW]
    for wrong in ("布暑", "钢要", "各届", "交界"):
        assert wrong in by_rule[MS], wrong
    # The sentence pasted a second time into the same part of the collection.
    pasted = [s for s in by_rule[DS] if "提案收集" in s]
    assert len(pasted) == 1 and pasted[0].endswith("。")
    # Every safe fix on the seeds is one of the defects, and fixing twice changes nothing more.
    for name, (doc, ds) in found.items():
        new, n = apply_fixes(doc.text, ds)
        assert n == sum(1 for d in ds if d.fix and d.fix.safe)
        _, again = check_text(new, name, select=["text"])
        assert not [d for d in again if d.fix and d.fix.safe]


def test_corpus_stays_quiet(corpus):
    import csv

    with (corpus / "manifest.tsv").open(encoding="utf-8") as f:
        dates = {r["filename"]: r["date"] or f"{r['year']}-07-01" for r in csv.DictReader(f, delimiter="\t")}
    total = 0
    for p in sorted(corpus.glob("*.txt")):
        _, ds = check_text(p.read_text("utf-8"), p.name, select=["text"], date=dates.get(p.name) or None)
        total += len(ds)
    # Measured 11 at each document's date: 7 real repeats in the source texts (和和, 新余市新余市,
    # duplicated passages in the 1988/2010/2015 reports), 成份 in a 2012 notice, and 3 official
    # statements that several stories of one news transcript repeat. Wikisource footers and HTML
    # tags add nothing.
    assert total <= 12


def test_linear_on_long_input():
    para = "推进工作的的落实，" * 3000 + "。\n\n" + (PARA + "\n\n") * 2000
    t0 = time.perf_counter()
    check_text(para, "big.txt", select=["text"])
    assert time.perf_counter() - t0 < 30


@pytest.mark.parametrize("nl", ["\n", "\r\n"])
def test_duplicate_sentence_alone_on_its_line_is_removed_with_the_line(nl):
    line = "　　社区工作人员要牢固树立服务意识，以饱满的热情投入到新一年的工作中去。"
    text = nl.join(["一、主要任务", "", line, "", "二、保障措施", "", "　　加强领导。", line, "　　落实责任。", ""])
    _, diags = check_text(text, "a.txt", select=["text/duplicate-sentence"])
    fixed, n = apply_fixes(text, diags, unsafe=True)
    assert n == 1
    assert fixed == nl.join(["一、主要任务", "", line, "", "二、保障措施", "", "　　加强领导。", "　　落实责任。", ""])


def test_a_refrain_closing_task_after_task_is_no_paste():
    tasks = [f"（{n}）推进第{n}项重点工程建设，年内完成投资{n}亿元。要加强统筹协调，确保按时完成。" for n in "一二三四"]
    _, diags = check_text("\n\n".join(tasks) + "\n", "a.txt", select=["text/duplicate-sentence"])
    assert diags == []
    twice = tasks[:2]  # written twice only: still a likely paste
    _, diags = check_text("\n\n".join(twice) + "\n", "a.txt", select=["text/duplicate-sentence"])
    assert len(diags) == 1


def test_parallel_paragraphs_are_no_near_duplicates_but_a_touched_up_pair_is():
    base = ("{t}镇坚持党建引领，全年新建村级活动场所{a}处，培训党员干部{b}人次，发展新党员{c}名，"
            "集体经济收入突破{d}万元，群众满意度持续提升，基层治理能力明显增强。")
    towns = [base.format(t=t, a=a, b=b, c=c, d=d) for t, a, b, c, d in
             [("城关", 3, 120, 5, 50), ("河口", 2, 90, 4, 30), ("石门", 4, 150, 6, 60)]]
    _, diags = check_text("\n\n".join(towns) + "\n", "a.txt", select=["text/near-duplicate-paragraph"])
    assert diags == []
    _, diags = check_text("\n\n".join(towns[:2]) + "\n", "a.txt", select=["text/near-duplicate-paragraph"])
    assert len(diags) == 1


@pytest.mark.parametrize("text", ["推动辖区社会组织组织开展志愿服务活动。", "要发动发动再发动，宣传宣传再宣传。"])
def test_repeated_word_quiet_on_noun_verb_overlap_and_emphasis(text):
    _, diags = check_text(text + "\n", "a.txt", select=["text/repeated-word"])
    assert diags == []


@pytest.mark.parametrize("text", [
    "要加强统筹协调，确保按时完成。", "责任单位：县住建局；完成时限：2024年12月底前。",
    "“四个意识”、“四个自信”，做到“两个维护”！", "1. 加强学习,提高素质；", "",
])
def test_the_refrain_pass_keys_sentences_as_the_main_pass_does(text):
    from planlint.rules.text.duplicate_sentence import _sentence, _sentence_key

    assert _sentence_key(text, 0, len(text)) == _sentence(text, 0, len(text)).key
