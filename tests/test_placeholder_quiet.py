"""placeholder/ must stay quiet on legitimate text: each item of issue 3's "not to find" list is a test."""

from __future__ import annotations

import pytest

from planlint.api import check_text

QUIET = {
    "x-ray": "组织全体职工进行X射线胸部检查。",
    "x-light": "体检项目包括X光检查。",
    "size-xl": "工作服统一采购XL号。",
    "windows-xp": "全面淘汰Windows XP操作系统。",
    "xbox": "奖品不得采购Xbox等游戏机。",
    "mou-zhong": "在某种程度上，这些问题具有普遍性。",
    "mou-xie": "某些单位对安全生产重视不够。",
    "mou-yi": "要在某一领域形成突破。",
    "mou-ge-fangmian": "在某个方面取得明显进展。",
    "mou-nian-mou-yue-quoted": "他常说“某年某月，我们在这里立下誓言”，激励大家不忘初心。",
    "multiplication": "会场按3×4米布置，热线提供7×24小时服务。",
    "multiplication-spaced": "展板尺寸为 2 × 3 米。",
    "circle-zero": "二○二三年二月二十八日",
    "circle-zero-double": "二○○八年八月八日",
    "markdown-rule": "第一部分内容。\n\n___\n\n第二部分内容。",
    "markdown-rule-spaced": "第一部分内容。\n\n_ _ _\n\n第二部分内容。",
    "heading-case": "【典型案例】某街道创新“四点半课堂”，受到群众欢迎。",
    "click-count": "相关报道总点击量超过10亿次。",
    "download-count": "开源大模型下载量全球第一。",
    "quoted-caveat": "有的图纸注明“仅供参考”，不能作为施工依据。",
    "real-caveat": "本表数据仅供参考，以统计部门发布为准。",
    "jiejian": "积极借鉴先进地区经验。",
    "xiaobian-split": "缩小编制规模，优化机构设置。",
    "data-element-times": "深入实施“数据要素×”行动，推进“1+N+X”规划体系，打造“415X”集群。",
    "roman-century": "进入XX世纪以来，科学技术突飞猛进。",
    "url": "详见 https://www.example.gov.cn/xxgk/index.html 或 xxgk@example.gov.cn。",
    "x-element": "X元素含量超标的要及时处理。",
    "alternative-in-parens": "各部门（单位）要按照职责分工抓好落实。",
    "daiding-prose": "待定事项由领导小组另行研究，具体时间待定后另行通知。",
    "youdai-buchong": "部分制度有待补充完善。",
    "book-part": "第一篇 总则",
    "count-sentence": "全年撰写调研报告5篇",
    "xinpian": "奋力谱写中国式现代化新篇章",
    "function-call": "调用 init() 完成初始化。",
    "lone-toolbar-word": "大\n\n中\n\n小",
    "kefu-prose": "提升客服中心服务水平，开通微信公众号。",
}


# Markdown syntax that looks like a blank: quiet in .md files.
QUIET_MARKDOWN = {
    "task-list": "- [ ] 完成初稿\n- [x] 征求意见",
    "emphasis": "要把___安全___放在首位。",
}


@pytest.mark.parametrize("name", list(QUIET))
def test_quiet(name):
    for path in ("quiet.md", "quiet.txt"):
        _, diags = check_text(QUIET[name], path, select=["placeholder"])
        assert not diags, [(d.rule, d.message) for d in diags]


@pytest.mark.parametrize("name", list(QUIET_MARKDOWN))
def test_quiet_markdown(name):
    _, diags = check_text(QUIET_MARKDOWN[name], "quiet.md", select=["placeholder"])
    assert not diags, [(d.rule, d.message) for d in diags]


def test_html_allowed_in_markdown():
    _, diags = check_text("<p>全年计划发展会员600人。</p>", "a.md", select=["placeholder/html-residue"])
    assert not diags


# Words that are residue on a web page but ordinary in some plans.
QUIET_CONTEXT = {
    "network-editor": "加强网络评论员和小编队伍建设，提升新媒体运营水平。",
    "numbered-heading": "三、相关内容\n\n（一）推荐阅读",
    "reading-plan": "2. 延伸阅读",
    "follow-notice": "具体安排敬请关注学校官网通知。",
    "app-download": "欢迎广大群众下载使用政务服务APP。",
    "network-attack": "防范来自网络的攻击。",
    "essay-count": "每人撰写心得体会不少于2篇",
    "essay-count-plain": "心得体会不少于2篇",
    "prepared-for-everyone": "工会为大家准备了节日慰问品，为大家整理了学习资料。",
    "bracket-number": "【1】",
    "bold": "**重点工作**要抓实抓细。",
    "page-number": "第3页",
    "network-source": "资金来源：财政拨款",
    # A library's promotion plan (user test hunt4): 小编 is a job there, not a site speaking.
    "editor-job": "1. 配备专职小编2名，负责公众号日常推送。小编每周为读者推荐新书不少于5种，每月发布“相关推荐书目”一期。",
    "editor-job-plain": "配备专职小编2名，小编每周为读者推荐新书不少于5种。",
    "deliverable-selection": "# 读书月工作计划\n\n开展读书月活动，成果如下。\n\n优秀书评精选20篇\n\n阅读推广案例汇编1册",
    "process-flow": "采购流程如下。\n\n需求调研 > 专家论证 > 公开招标 > 验收上线",
    "process-flow-kinds": "工作流程如下。\n\n制定方案 > 审批 > 实施 > 总结",
    "plan-hierarchy": "目标逐级分解。\n\n年度计划 > 季度计划 > 月度计划",
    "material-flow": "宣传流程如下。\n\n采集素材 > 编辑加工 > 审核发布",
    "enumerated-c": "(c) 2024年底前完成系统上线。",
    "label-spec": "标签：红色，尺寸10厘米",
    "current-location": "当前位置：市民中心三楼",
    "meeting-info": "时间：2024年3月1日　地点：三楼会议室　主持人：王丽",
    "book-part-colon": "第一篇：总则",
    "page-of-book": "见第3页。",
}


@pytest.mark.parametrize("name", list(QUIET_CONTEXT))
def test_quiet_in_context(name):
    _, diags = check_text(QUIET_CONTEXT[name], "quiet.md", select=["placeholder"])
    assert not diags, [(d.rule, d.message) for d in diags]


def _docx_table(path, cells):
    import docx

    d = docx.Document()
    d.add_paragraph("2024年门户网站改版工作方案")
    d.add_paragraph("二、功能清单")
    table = d.add_table(rows=len(cells), cols=2)
    for row, (a, b) in zip(table.rows, cells):
        row.cells[0].text, row.cells[1].text = a, b
    d.add_paragraph("三、实施步骤")
    d.add_paragraph("6月底前完成开发，7月上线。")
    d.save(path)


def test_table_cells_are_content(tmp_path):
    """A website plan's feature table: 分享, 字号, 收藏, 打印 in cells are features, not a toolbar."""
    from planlint.api import check_file

    p = tmp_path / "web.docx"
    _docx_table(p, [("功能", "说明"), ("分享", "支持分享到微信、微博"), ("收藏", "用户可收藏文章"),
                    ("打印", "提供打印本页按钮"), ("字号", "提供字号加大、减小"), ("相关推荐", "按栏目推荐文章")])
    _, diags = check_file(str(p), select=["placeholder"])
    assert not diags, [(d.rule, d.message) for d in diags]


def test_blurb_in_table_cell_still_found(tmp_path):
    from planlint.api import check_file

    p = tmp_path / "blurb.docx"
    _docx_table(p, [("说明", "下面是小编精心整理的工作方案，仅供参考，欢迎阅读。")])
    _, diags = check_file(str(p), select=["placeholder/web-residue"])
    assert diags
