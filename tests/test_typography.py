"""typography/ rules: what they find, what they leave alone, and the text their fixes produce."""

from __future__ import annotations

import time

import pytest

from planlint.api import check_text
from planlint.fixes import apply_fixes


def _diags(text, rule, path="x.md"):
    _, diags = check_text(text, path, select=[rule])
    return diags


def _fixed(text, rule, unsafe=False, path="x.md"):
    return apply_fixes(text, _diags(text, rule, path), unsafe=unsafe)[0]


HALF = "typography/halfwidth-punctuation"
PAIR = "typography/unbalanced-pair"
QUOTES = "typography/straight-quotes"
REPEAT = "typography/repeated-punctuation"
STRAY = "typography/stray-period"


@pytest.mark.parametrize("before,after", [
    ("以科学发展观为指导,围绕中心工作。\n", "以科学发展观为指导，围绕中心工作。\n"),
    ("中学, 工作计划\n", "中学， 工作计划\n"),
    ("工作总结如下:(一)民主管理。\n", "工作总结如下：（一）民主管理。\n"),
    ("县(处)级以上干部;其他人员!\n", "县（处）级以上干部；其他人员！\n"),
    ("增长6.5%,超额完成。\n", "增长6.5%，超额完成。\n"),
    ("“枫桥经验”,深化综治。\n", "“枫桥经验”，深化综治。\n"),
    ("培育6G,量子科技等新增长点.\n", "培育6G，量子科技等新增长点。\n"),
    ("全县（含城区)共15个乡镇。\n", "全县（含城区）共15个乡镇。\n"),
    ("如何解决?\n", "如何解决？\n"),
    ("等等...\n", "等等……\n"),
    ("**注意**:按时报送。\n", "**注意**：按时报送。\n"),
    ("营业收入同比增长15%;\n利润增长8%,\n", "营业收入同比增长15%；\n利润增长8%，\n"),
    ("加强学习…提高素质，会议强调……要落实。\n", "加强学习……提高素质，会议强调……要落实。\n"),
    ("全面推广使用国产CPU.\n详见附件1.\n", "全面推广使用国产CPU。\n详见附件1。\n"),
])
def test_halfwidth_fix(before, after):
    assert _fixed(before, HALF) == after


@pytest.mark.parametrize("text", [
    "上班时间8:30至17:30，比例尺1:1000，收入比2.50:1。\n",
    "铺设8,500公里，完成1, 2, 3项。\n",
    "详见 https://example.gov.cn/a,b;c?x=1&y=(2) 和 www.example.gov.cn/x,y。\n",
    "来信请寄 office@example.gov.cn，或见 [通知](https://example.gov.cn/a(1)) 原文。\n",
    "英文摘要：The plan covers services, safety; and (later) culture!\n",
    "代码 `a, b: c` 不检查。\n",
    "<p style=\"text-align: center;\">（205名）</p>\n",
    "前1?。医疗服务更加优质，二期、?水灌区开工。\n",
    "附件：2020年2月份.xlsx\n",
    "abcd39f1fb7f426d9dfb6bd0fa1f2146:\n四川省第十四届人民代表大会\n",
    "&#9826;电视 &#9826;广播\n",
    "Version 2.0;\n上班时间8:30;\n",
    "网址为www.gov.cn.\n版本号V2.0.\n",
])
def test_halfwidth_quiet(text):
    assert _diags(text, HALF, "x.txt") == []


def test_halfwidth_skips_code_blocks():
    assert _diags("```\n说明,代码\n```\n", HALF) == []


def test_halfwidth_marker_parens_leave_the_mark_after_to_structure():
    text = "(一)、提高能力\n（1)加强学习\n1、做好工作\n"
    diags = _diags(text, HALF)
    assert [text[d.offset:d.end_offset] for d in diags] == ["(一)", ")"]
    assert _fixed(text, HALF) == "（一）、提高能力\n（1）加强学习\n1、做好工作\n"


def test_halfwidth_leaves_repeats_to_repeated_punctuation():
    assert _diags("同时,，做好工作。\n", HALF) == []
    assert [d.rule for d in _diags("同时,，做好工作。\n", REPEAT)] == [REPEAT]


def test_unclosed_quote_points_at_the_mark():
    text = "深入学习党的“十八大”精神和中国工会“十五大精神，以构建和谐校园为主线。\n"
    (d,) = _diags(text, PAIR)
    assert text[d.offset] == "“" and text[d.offset + 1:d.offset + 4] == "十五大"
    assert "没有闭合" in d.message and "十五大精神" in d.message


@pytest.mark.parametrize("text,word", [
    ("学习新的《工会规程，提高素质。\n", "没有闭合"),
    ("完善制度）并抓好落实。\n", "没有对应的左括号"),
    ("学习“《工会法”》的规定。\n", "交叉嵌套"),
    ("总结“六五’时期的经验。\n", "不配对"),
    ("开展”五讲四美”活动。\n", "方向写反"),
    ("加强“三河三湖“治理。\n", "方向写反"),
])
def test_unbalanced_kinds(text, word):
    diags = _diags(text, PAIR)
    assert len(diags) == 1 and word in diags[0].message, diags


@pytest.mark.parametrize("text", [
    "学习《中华人民共和国工会法》（2021年修正）和“‘三八’节”精神。\n",
    "主要措施：1)加强学习；2)完善制度。\n",
    "He said he don’t know. 办好“中国’99昆明世界园艺博览会”。\n",
    "可视为《\n中华人民共和国著作权法\n》第五条规定。\n",
    "（全县（含城区)共15个乡镇）。\n",
    "“第一段引文。\n“第二段引文。\n“最后一段引文。”\n",
])
def test_unbalanced_quiet(text):
    assert _diags(text, PAIR, "x.txt") == []


def test_mark_carried_from_the_line_before_can_be_mismatched():
    """An opener left open on one line and met by a closer of another kind on the next (found by the fuzz run)."""
    (d,) = _diags("《\n）", PAIR, "x.txt")
    assert "不配对" in d.message and "\n" not in d.message


@pytest.mark.parametrize("run", ["a" * 50000 + "。", "9" * 50000 + "万元"])
def test_long_latin_or_digit_runs_are_linear(run):
    """The e-mail pattern that protects addresses must not rescan a long run from every position."""
    start = time.perf_counter()
    _diags(run, "typography")
    assert time.perf_counter() - start < 10


def test_misdirected_quote_fix_is_unsafe():
    text = "开展”五讲四美”活动。\n"
    assert _fixed(text, PAIR) == text
    assert _fixed(text, PAIR, unsafe=True) == "开展“五讲四美”活动。\n"


def test_straight_quotes_fix_when_pairing_is_certain():
    text = '把创建"先进教职工之家"作为重点，做好"和谐家庭" 、"书香家庭"创建工作。\n'
    assert _fixed(text, QUOTES) == "把创建“先进教职工之家”作为重点，做好“和谐家庭” 、“书香家庭”创建工作。\n"


def test_straight_quotes_uncertain_pairing_is_reported_without_fix():
    text = '坚持"两手抓，两手硬的机制，开展"学先进"活动。\n'
    (d,) = _diags(text, QUOTES)
    assert d.fix is None and "无法确定配对" in d.message


def test_straight_quotes_quiet_on_english_and_html():
    assert _diags('He said "yes". <a href="x">链接</a>\n', QUOTES) == []


def test_straight_single_quotes_around_han_text():
    text = "教育引导党员做到'四个必须'，落实'三会一课'制度。\n"  # first-level quotations: “…”
    assert _fixed(text, QUOTES) == "教育引导党员做到“四个必须”，落实“三会一课”制度。\n"
    nested = "他说：“要落实'谁主管、谁负责'的原则。”\n"  # a quotation inside a quotation: ‘…’
    assert _fixed(nested, QUOTES) == "他说：“要落实‘谁主管、谁负责’的原则。”\n"
    (d,) = _diags("深入开展'不忘初心主题教育。\n", QUOTES)
    assert d.fix is None and "无法确定配对" in d.message


@pytest.mark.parametrize("text", [
    "访问西安（Xi'an），don't，学生会（students' union）。\n",
    "时间为8'30\"，位于北纬30°15'20\"。\n",
    "开展'1+1'结对帮扶活动。\n",  # next to digits: pairing not certain, no Han quotation opens
    "——改革开放进一步深化。'\n",  # a stray quote at the end of a paragraph
])
def test_straight_single_quotes_quiet(text):
    assert _diags(text, QUOTES) == []


def test_ideographic_space_in_mid_sentence():
    space = "typography/space-around-punctuation"
    assert _fixed("加强队伍建设，\u3000提高服务水平。\n", space) == "加强队伍建设，提高服务水平。\n"
    assert _fixed("完善各项制度\u3000；落实责任。\n", space) == "完善各项制度；落实责任。\n"
    quiet = (
        "\u3000\u3000三、段首用全角空格缩进。\n\n"
        "姓名：\u3000\u3000\u3000性别：\u3000\u3000\u3000\n\n"
        "王凯（河南）\u3000王凯（解放军）\u3000王勇\n\n"
        "一、\u3000指导思想\n\n"
        "加强建设，\u3000\u3000提高水平。\n"
    )
    assert _diags(quiet, space) == [] and _diags(quiet, space, path="x.txt") == []


@pytest.mark.parametrize("before,after,unsafe", [
    ("完善组织建设。。同时，，做好工作、、。\n", "完善组织建设。同时，做好工作、。\n", False),
    ("演讲等等。。。\n", "演讲等等。。。\n", False),
    ("演讲等等。。。\n", "演讲等等……\n", True),
    ("做好工作，。\n", "做好工作，。\n", True),
])
def test_repeated_fix(before, after, unsafe):
    assert _fixed(before, REPEAT, unsafe=unsafe) == after


def test_repeated_quiet():
    assert _diags("这难道不是责任吗？！等等……时间8:30——12:00。\n", REPEAT) == []


def test_stray_period():
    text = "在各级领导的.重视下，开展“三.八”活动。\n"
    diags = _diags(text, STRAY)
    assert [text[d.offset - 1:d.offset + 2] for d in diags] == ["的.重", "三.八"]
    assert all(d.fix and not d.fix.safe for d in diags)
    assert _fixed(text, STRAY, unsafe=True) == "在各级领导的重视下，开展“三·八”活动。\n"


def test_stray_period_quiet():
    assert _diags("收入1.5亿元，文件工作计划.docx，网址www.example.com。\n1.加强学习\n", STRAY) == []


SPACE = "typography/space-around-punctuation"


def test_space_around_fullwidth_marks():
    text = "做好“和谐家庭” 、“书香家庭”创建工作， 增强共识。坚持 “米袋子”制度。\n"
    assert _fixed(text, SPACE) == "做好“和谐家庭”、“书香家庭”创建工作，增强共识。坚持“米袋子”制度。\n"


def test_space_fixes_are_offered_with_the_width_fixes_in_one_pass():
    text = '中学, 工作计划，做好"和谐家庭" 、"书香家庭"，县(处) 级。\n'
    _, diags = check_text(text, "x.md", select=["typography"])
    once = apply_fixes(text, diags)[0]
    assert once == "中学，工作计划，做好“和谐家庭”、“书香家庭”，县（处）级。\n"
    _, again = check_text(once, "x.md", select=["typography"])
    assert again == []


@pytest.mark.parametrize("text", [
    "一、 过去五年工作回顾\n",
    "　　段首缩进。\n",
    "记者 王鼎 摄，使用 Python 3 处理。\n",
    "时间 8:30 ，地点待定。\n",
    "闻发布会的专题新闻。 <br></p>\n",
    "# 《新闻联播》 (20221015)\n",
])
def test_space_around_quiet(text):
    assert _diags(text, SPACE, "x.txt") == []


def test_fixes_keep_crlf():
    text = "指导思想,围绕中心。\r\n加强学习;提高素质。\r\n"
    assert _fixed(text, HALF) == "指导思想，围绕中心。\r\n加强学习；提高素质。\r\n"


def test_linear_time_on_a_long_paragraph():
    """Pathological input (thousands of open marks in one line) stays fast: no quadratic scans."""
    text = "“《（" * 20000 + "）》”" * 20000 + "，," * 20000 + "\n"
    start = time.perf_counter()
    check_text(text, "x.txt", select=["typography"])
    assert time.perf_counter() - start < 10


def test_seed_defects_found(seeds):
    """The issue's typography defects in the seeds: half-width commas, the unclosed quote, the stray period."""
    found = {}
    for p in sorted(seeds.glob("*.txt")):
        text = p.read_text("utf-8")
        _, diags = check_text(text, p.name, select=["typography"])
        for d in diags:
            found.setdefault(d.rule, []).append(text[max(0, d.offset - 4):d.end_offset + 4])
    assert any("指导思想," in s for s in found[HALF])
    assert any(s.endswith("“十五大精") for s in found[PAIR])
    assert any("领导的." in s for s in found[STRAY])
    assert found[QUOTES]


from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = "工作计划的是三八,;:?!().\"'“”‘’《》（）【】。，、；：？！ aZ19\n-/@…·．"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_typography_never_crashes_and_safe_fixes_converge(text):
    """Any mix of marks: diagnostics stay inside one line, and repeated safe fixing settles quickly."""
    for _ in range(6):
        doc, diags = check_text(text, "x.md", select=["typography"])
        for d in diags:
            assert 0 <= d.offset <= d.end_offset <= len(text)
            if d.fix:
                assert all("\n" not in text[e.offset:e.end_offset] for e in d.fix.edits)
        new, n = apply_fixes(text, diags)
        if n == 0 or new == text:
            return
        text = new
    raise AssertionError(f"safe fixes still changing the text after 6 passes: {text!r}")
