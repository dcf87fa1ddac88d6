"""Recall of placeholder/ on labelled cases written for it, and its fixes, including CRLF text.

Each case is a line of a plan and the span (as text) a rule must report; the report names the kind
of slot. ``test_recall`` prints the recall per rule (run with -s to see it).
"""

from __future__ import annotations

import pytest

from conftest import recall_report
from planlint.api import check_text
from planlint.fixes import apply_fixes

# (rule, text, reported span, words the message must contain)
CASES = [
    ("placeholder/unfilled", "xx年，我局认真贯彻上级部署。", "xx年", "年份"),
    ("placeholder/unfilled", "XX年度工作要点", "XX年度", "年份"),
    ("placeholder/unfilled", "20xx年是实施规划的关键一年。", "20xx年", "年份"),
    ("placeholder/unfilled", "20XX年工作计划", "20XX年", "年份"),
    ("placeholder/unfilled", "201x年以来，我们持续推进改革。", "201x年", "年份"),
    ("placeholder/unfilled", "２０××年度考核办法", "２０××年度", "年份"),
    ("placeholder/unfilled", "二〇xx年工作总结", "二〇xx年", "年份"),
    ("placeholder/unfilled", "二○××年一月", "二○××年", "年份"),
    ("placeholder/unfilled", "会议定于xx月xx日召开。", "xx月xx日", "日期"),
    ("placeholder/unfilled", "X月X日前报送。", "X月X日", "日期"),
    ("placeholder/unfilled", "于2024年xx月启动。", "xx月", "月份"),
    ("placeholder/unfilled", "完成率达到xx%。", "xx%", "百分比"),
    ("placeholder/unfilled", "同比增长XX％。", "XX％", "百分比"),
    ("placeholder/unfilled", "下降xx个百分点。", "xx个百分点", "百分比"),
    ("placeholder/unfilled", "发放慰问金xx万元。", "xx万元", "金额"),
    ("placeholder/unfilled", "全县粮食播种面积稳定在xx万亩。", "xx万亩", "数量"),
    ("placeholder/unfilled", "改造老旧小区xx万平方米。", "xx万平方米", "数量"),
    ("placeholder/unfilled", "接待游客xx万人次。", "xx万人次", "数量"),
    ("placeholder/unfilled", "总投资××亿元。", "××亿元", "金额"),
    ("placeholder/unfilled", "走访困难职工xx户。", "xx户", "数量"),
    ("placeholder/unfilled", "培训干部XX人次。", "XX人次", "数量"),
    ("placeholder/unfilled", "建成xx个示范点。", "xx个", "数量"),
    ("placeholder/unfilled", "由xx公司承建。", "xx公司", "单位名称"),
    ("placeholder/unfilled", "XX局牵头负责。", "XX局", "单位名称"),
    ("placeholder/unfilled", "○○单位要高度重视。", "○○单位", "单位名称"),
    ("placeholder/unfilled", "ＸＸ中学开展读书月活动。", "ＸＸ中学", "单位名称"),
    ("placeholder/unfilled", "××镇人民政府", "××镇", "地名"),
    ("placeholder/unfilled", "xx县委宣传部", "xx县委", "单位名称"),
    ("placeholder/unfilled", "xx县人民政府", "xx县", "地名"),
    ("placeholder/unfilled", "xxx同志任组长。", "xxx同志", "姓名"),
    ("placeholder/unfilled", "请XX书记讲话。", "XX书记", "姓名"),
    ("placeholder/unfilled", "联系人：xxx", "xxx", "姓名"),
    ("placeholder/unfilled", "联系电话：xxxxxxxx", "xxxxxxxx", "电话"),
    ("placeholder/unfilled", "构建和谐美好新xx。", "xx", "名称"),
    ("placeholder/unfilled", "〔20xx〕xx号", "20xx", "年份"),
    ("placeholder/unfilled", "〔20xx〕xx号", "xx号", "编号"),
    ("placeholder/unfilled", "会议于某年某月某日召开。", "某年某月某日", "日期"),
    ("placeholder/unfilled", "义务教育巩固率保持在XX.X%以上。", "XX.X%", "百分比"),
    ("placeholder/unfilled", "培训经费xx.xx万元。", "xx.xx万元", "金额"),
    ("placeholder/unfilled", "深入贯彻党的XX届X中全会精神。", "X中全会", "届次"),
    ("placeholder/unfilled", "**公司要高度重视。", "**公司", "单位名称"),
    ("placeholder/unfilled", "＊＊局牵头负责。", "＊＊局", "单位名称"),
    ("placeholder/unfilled", "20**年度工作要点", "20**年度", "年份"),
    ("placeholder/name-slot", "由某某同志负责。", "某某同志", "姓名"),
    ("placeholder/name-slot", "某某某同志发言。", "某某某同志", "姓名"),
    ("placeholder/name-slot", "张某某任副组长。", "张某某", "姓名"),
    ("placeholder/name-slot", "某某公司配合实施。", "某某公司", "单位名称"),
    ("placeholder/name-slot", "某某镇要抓好落实。", "某某镇", "地名"),
    ("placeholder/blank", "报送时间：＿＿＿＿", "＿＿＿＿", "日期"),
    ("placeholder/blank", "单位：______", "______", "单位名称"),
    ("placeholder/blank", "请于____前报送。", "____", "横线"),
    ("placeholder/blank", "经费（  ）万元", "（  ）", "空括号"),
    ("placeholder/blank", "经费(   )万元", "(   )", "空括号"),
    ("placeholder/blank", "【 】", "【 】", "空括号"),
    ("placeholder/blank", "承办单位：【单位名称】", "【单位名称】", "单位名称"),
    ("placeholder/blank", "截止日期：[填写日期]", "[填写日期]", "日期"),
    ("placeholder/blank", "活动内容（此处填写…）", "（此处填写…）", "填写说明"),
    ("placeholder/blank", "时间〔待定〕", "〔待定〕", "批注"),
    ("placeholder/blank", "【请输入标题】", "【请输入标题】", "名称"),
    ("placeholder/blank", "保障措施（待补充）", "（待补充）", "批注"),
    ("placeholder/blank", "日期：____年__月__日", "____年__月__日", "日期"),
    ("placeholder/blank", "20__年_月", "20__年_月", "日期"),
    ("placeholder/todo", "TODO 补充预算", "TODO", "批注"),
    ("placeholder/todo", "FIXME：核对数字", "FIXME", "批注"),
    ("placeholder/todo", "三、保障措施：待补充", "待补充", "批注"),
    ("placeholder/todo", "负责人：待定", "待定", "尚未确定"),
    ("placeholder/todo", "时间：待定。", "待定", "尚未确定"),
    ("placeholder/todo", "具体安排此处省略。", "此处省略", "批注"),
    ("placeholder/todo", "读书分享会\t待定", "待定", "尚未确定"),
    ("placeholder/todo", "本节内容待补充。", "待补充", "批注"),
    ("placeholder/web-residue", "汇报范文网 >工作计划", "汇报范文网 >工作计划", "导航"),
    ("placeholder/web-residue", "首页 > 范文大全 > 工作计划", "首页 > 范文大全 > 工作计划", "导航"),
    ("placeholder/web-residue", "小编今天就为您带来了工作计划精选。", "小编", "导语"),
    ("placeholder/web-residue", "以上内容仅供参考，欢迎阅读。", "仅供参考", "导语"),
    ("placeholder/web-residue", "欢迎借鉴与参考。", "欢迎借鉴", "导语"),
    ("placeholder/web-residue", "希望对您有所帮助！", "希望对您有所帮助", "导语"),
    ("placeholder/web-residue", "相关推荐", "相关推荐", "推荐栏"),
    ("placeholder/web-residue", "猜你喜欢：", "猜你喜欢：", "推荐栏"),
    ("placeholder/web-residue", "点击加载更多", "点击加载更多", "截断"),
    ("placeholder/web-residue", "阅读剩余内容", "阅读剩余内容", "截断"),
    ("placeholder/web-residue", "因篇幅问题不能全部显示，请点此查看全文", "因篇幅问题不能全部显示", "截断"),
    ("placeholder/web-residue", "联系客服", "联系客服", "客服"),
    ("placeholder/web-residue", "微信号：wenku888", "微信号：wenku888", "客服"),
    ("placeholder/web-residue", "【字号：加大 还原 减小】", "【字号：加大 还原 减小】", "工具栏"),
    ("placeholder/web-residue", "【字体：大 中 小】", "【字体：大 中 小】", "工具栏"),
    ("placeholder/web-residue", "打印本页", "打印本页", "工具栏"),
    ("placeholder/web-residue", "【关闭窗口】", "【关闭窗口】", "工具栏"),
    ("placeholder/web-residue", "相关报道：", "相关报道：", "推荐栏"),
    ("placeholder/web-residue", "》》点击图片进入专题《《", "》》点击图片进入专题《《", "工具栏"),
    ("placeholder/web-residue", "扫一扫在手机打开当前页", "扫一扫在手机打开当前页", "工具栏"),
    ("placeholder/web-residue", "2023-01-01 05:10:03", "2023-01-01 05:10:03", "时间戳"),
    ("placeholder/web-residue", "转载请注明出处。", "转载请注明出处", "版权"),
    ("placeholder/web-residue", "本文来自第一范文网。", "第一范文网", "网站名称"),
    ("placeholder/web-residue", "以下是无忧考网为大家整理的工作计划范文。", "为大家整理", "导语"),
    ("placeholder/web-residue", "上一篇：2024年工会工作计划", "上一篇：2024年工会工作计划", "导航"),
    ("placeholder/web-residue", "浏览次数：128", "浏览次数：128", "信息栏"),
    ("placeholder/web-residue", "文章来源：网络", "文章来源：网络", "版权"),
    # Web-copied plans of a user test (hunt4): info bars, pagination, footers, toolbars, breadcrumbs.
    ("placeholder/web-residue", "时间：2023-12-18 09:32:16　作者：小草　浏览：3268次",
     "时间：2023-12-18 09:32:16　作者：小草　浏览：3268次", "信息栏"),
    ("placeholder/web-residue", "作者：佚名　来源：网络　更新时间：2024-03-02　阅读：1962",
     "作者：佚名　来源：网络　更新时间：2024-03-02　阅读：1962", "信息栏"),
    ("placeholder/web-residue", "第2页 共3页", "第2页 共3页", "翻页"),
    ("placeholder/web-residue", "上一页 1 2 3 下一页", "上一页 1 2 3 下一页", "翻页"),
    ("placeholder/web-residue", "下载文档", "下载文档", "工具栏"),
    ("placeholder/web-residue", "还剩2页未读，继续阅读", "还剩2页未读", "截断"),
    ("placeholder/web-residue", "↓↓↓阅读剩余内容↓↓↓", "↓↓↓阅读剩余内容↓↓↓", "截断"),
    ("placeholder/web-residue", "＞＞＞下一页更多精彩“党支部2023年工作计划范文”",
     "＞＞＞下一页更多精彩“党支部2023年工作计划范文”", "导航"),
    ("placeholder/web-residue", "扫码关注公众号，回复“德育”获取完整版", "回复“德育”获取完整版", "引流"),
    ("placeholder/web-residue", "本文已影响 6827 人", "本文已影响 6827 人", "信息栏"),
    ("placeholder/web-residue", "© 2007-2014 无忧考网 版权所有", "© 2007-2014 无忧考网 版权所有", "版权"),
    ("placeholder/web-residue", "手机版　　返回顶部", "手机版　　返回顶部", "工具栏"),
    ("placeholder/web-residue", "标签：党支部工作计划", "标签：党支部工作计划", "信息栏"),
    ("placeholder/web-residue", "[下载文档] [收藏] [举报] [打印]", "[下载文档] [收藏] [举报] [打印]", "工具栏"),
    ("placeholder/web-residue", "【打印本页】【关闭窗口】", "【打印本页】【关闭窗口】", "工具栏"),
    ("placeholder/web-residue", "您现在的位置：公文素材库 > 实施方案 > 正文",
     "您现在的位置：公文素材库 > 实施方案 > 正文", "导航"),
    ("placeholder/web-residue", "当前位置：首页 > 工作计划 > 正文", "当前位置：首页 > 工作计划 > 正文", "导航"),
    ("placeholder/web-residue", "您的位置：首页 > 德育工作计划", "您的位置：首页 > 德育工作计划", "导航"),
    ("placeholder/web-residue", "学习啦 > 实用范文 > 工作计划 > 党支部工作计划",
     "学习啦 > 实用范文 > 工作计划 > 党支部工作计划", "导航"),
    ("placeholder/web-residue", "好文站 > 心得体会 > 工作心得 > 教师工作心得",
     "好文站 > 心得体会 > 工作心得 > 教师工作心得", "导航"),
    ("placeholder/web-residue", "看了“党支部2023年工作计划范文3篇”的人还看了：",
     "看了“党支部2023年工作计划范文3篇”的人还看了：", "推荐栏"),
    ("placeholder/web-residue", "本文标题：党支部2023年工作计划范文3篇", "本文标题：党支部2023年工作计划范文3篇", "信息栏"),
    ("placeholder/web-residue", "小编今天为大家带来了几篇工作计划。", "小编", "导语"),
    ("placeholder/web-residue", "小编整理了以下几篇工作总结。", "小编", "导语"),
    ("placeholder/web-residue", "下面是小编收集的学校工作计划。", "小编", "导语"),
    ("placeholder/web-residue", "小编精心挑选了工作总结范文。", "小编", "导语"),
    ("placeholder/web-residue", "小编为您准备了述职报告模板。", "小编", "导语"),
    ("placeholder/collection-heading", "2014年学校德育工作计划【三篇】", "【三篇】", "合集标题"),
    ("placeholder/collection-heading", "党支部工作计划范文（共3篇）", "（共3篇）", "合集标题"),
    ("placeholder/collection-heading", "第二篇：公司2024年工作计划范文", "第二篇：公司2024年工作计划范文", "分篇标题"),
    ("placeholder/collection-heading", "区工会2024年工作计划精选7篇", "精选7篇", "合集标题"),
    ("placeholder/collection-heading", "【第1篇】街道工作计划", "【第1篇】街道工作计划", "分篇标题"),
    ("placeholder/collection-heading", "范文1：社区工作计划", "范文1：社区工作计划", "分篇标题"),
    ("placeholder/collection-heading", "区工会2024年工作计划篇3", "区工会2024年工作计划篇3", "分篇标题"),
    ("placeholder/collection-heading", "篇一：社区工作计划", "篇一：社区工作计划", "分篇标题"),
    ("placeholder/collection-heading", "【篇二】学校工作总结", "【篇二】学校工作总结", "分篇标题"),
    ("placeholder/collection-heading", "年度工作计划范文2", "年度工作计划范文2", "分篇标题"),
    ("placeholder/collection-heading", "个人工作总结（通用10篇）", "（通用10篇）", "合集标题"),
    ("placeholder/collection-heading", "述职报告5篇合集", "5篇合集", "合集标题"),
    ("placeholder/html-residue", "<p>全年发展会员600人。</p>", "<p>", "HTML"),
    ("placeholder/html-residue", "上午9时&nbsp;开会", "&nbsp;", "HTML"),
]


def _found(rule, text, span, words) -> bool:
    path = "case.txt"
    _, diags = check_text(text, path, select=[rule])
    start = text.index(span)
    return any(
        d.rule == rule and d.offset == start and d.end_offset == start + len(span) and words in d.message
        for d in diags
    )


def test_recall():
    missed = recall_report("placeholder/", CASES, lambda case: _found(*case))
    assert not missed, missed


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_residue_fix_removes_line_and_terminator(newline):
    text = newline.join(["街道工会2024年工作计划", "相关推荐", "一、指导思想", "点击加载更多"]) + newline
    _, diags = check_text(text, "a.txt", select=["placeholder/web-residue"])
    assert len(diags) == 2 and all(d.fix and not d.fix.safe for d in diags)
    fixed, n = apply_fixes(text, diags, unsafe=True)
    assert n == 2
    assert fixed == newline.join(["街道工会2024年工作计划", "一、指导思想"]) + newline


def test_residue_fix_on_last_line_without_terminator():
    text = "正文。\n相关推荐"
    _, diags = check_text(text, "a.txt", select=["placeholder/web-residue"])
    fixed, _ = apply_fixes(text, diags, unsafe=True)
    assert fixed == "正文。\n"


def test_collection_title_fix_drops_the_count():
    text = "区工会2024年工作计划精选7篇\n\n一、指导思想\n"
    _, diags = check_text(text, "a.txt", select=["placeholder/collection-heading"])
    fixed, _ = apply_fixes(text, diags, unsafe=True)
    assert fixed.startswith("区工会2024年工作计划\n")


def test_article_title_bar_is_removed_whole():
    """本文标题：…范文3篇 is the page's title bar: the whole line goes, not only its "3篇"."""
    text = "一、指导思想\n本文标题：党支部2023年工作计划范文3篇\n标签：党支部工作计划\n"
    _, diags = check_text(text, "a.txt", select=["placeholder"])
    assert {d.rule for d in diags} == {"placeholder/web-residue"}
    fixed, _ = apply_fixes(text, diags, unsafe=True)
    assert fixed == "一、指导思想\n"


def test_html_fix_keeps_the_words():
    text = "<p><strong>一、指导思想</strong><br></p>\n时间：上午9时&nbsp;开会\n"
    _, diags = check_text(text, "a.txt", select=["placeholder/html-residue"])
    fixed, _ = apply_fixes(text, diags, unsafe=True)
    assert fixed == "一、指导思想\n时间：上午9时 开会\n"


def test_slot_rules_offer_no_fix():
    _, diags = check_text("xx年，由某某同志负责，经费（  ）万元。TODO", "a.txt", select=["placeholder"])
    assert {d.rule for d in diags} == {
        "placeholder/unfilled", "placeholder/name-slot", "placeholder/blank", "placeholder/todo",
    }
    assert all(d.fix is None for d in diags)


def test_linear_on_one_endless_sentence():
    """A document that is one long sentence full of candidates: per-candidate work stays local."""
    import time

    piece = "xx年待定，某某，（ ），仅供参考，小编，TODO，【单位名称】，＿＿＿，"
    times = []
    for n in (1000, 4000):
        text = piece * n + "\n"
        t0 = time.perf_counter()
        _, diags = check_text(text, "long.txt", select=["placeholder"])
        times.append(time.perf_counter() - t0)
        assert len([d for d in diags if d.rule == "placeholder/unfilled"]) == n
    # 4x the input: a linear check takes about 4x the time, a quadratic one 16x.
    assert times[1] < 10 * times[0] + 1.0
