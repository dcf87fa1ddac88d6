"""Recall and quietness of typography/ and text/ on labelled cases written for them.

Each positive case is a line (or a few paragraphs) of a plan and the span (as text) a rule must
report; the report must contain the given words. A span given as ``(text, n)`` means its n-th
occurrence (``-1``: the last), for rules that report the second of two copies. ``test_recall``
prints the recall per rule and ``test_quiet`` the noisy quiet cases (run with -s to see them).
Some misspellings are deliberately absent from the confusion list, to measure its gaps.
"""

from __future__ import annotations


from conftest import recall_report
from planlint.api import check_text

HW = "typography/halfwidth-punctuation"
SQ = "typography/straight-quotes"
UP = "typography/unbalanced-pair"
RP = "typography/repeated-punctuation"
SP = "typography/space-around-punctuation"
ST = "typography/stray-period"
RW = "text/repeated-word"
DS = "text/duplicate-sentence"
ND = "text/near-duplicate-paragraph"
MS = "text/misspelling"

_NEAR_A = (
    "组织全体党员干部深入学习党的二十大报告和党章，采取集中学习、专题研讨、个人自学相结合的方式，"
    "每月至少开展一次集体学习，切实把学习成果转化为推动乡村振兴的具体行动。"
)
# _NEAR_A pasted with one word changed (每月 → 每季度): what the rule is designed to catch (threshold 0.8).
# Two separate edits in a paragraph this short (专题研讨 → 专题辅导 as well) drop the similarity to
# about 0.72, below the threshold, and a paragraph changed in two places is no longer a plain paste.
_NEAR_B = (
    "组织全体党员干部深入学习党的二十大报告和党章，采取集中学习、专题研讨、个人自学相结合的方式，"
    "每季度至少开展一次集体学习，切实把学习成果转化为推动乡村振兴的具体行动。"
)
_NEAR_C = (
    "全面推行河湖长制，各级河长每月巡河不少于一次，及时发现和处置乱占、乱采、乱堆、乱建等问题，"
    "建立问题清单和整改台账，确保河湖水质稳定达标，群众满意度持续提升。"
)
_NEAR_D = (
    "全面推行河湖长制，各级河长每月巡河不少于一次，及时发现和处置乱占、乱采、乱堆、乱建等问题，"
    "建立问题清单和整改台账，确保河湖水质稳定达标，群众满意度不断提升。"
)

# (rule, text, reported span, words the message must contain)
CASES = [
    # --- typography/halfwidth-punctuation ------------------------------------------------------
    (HW, "坚持以人民为中心的发展思想,扎实推进共同富裕。", ",", "半角"),
    (HW, "重点抓好三项工作;一是稳就业，二是保民生。", ";", "半角"),
    (HW, "主要任务如下:一是加强队伍建设。", ":", "半角"),
    (HW, "如何提高群众满意度?这是我们必须回答的问题。", "?", "半角"),
    (HW, "让我们携起手来，共创美好明天!", "!", "半角"),
    (HW, "全县共有村级综合服务中心(站)286个。", "(站)", "半角"),
    (HW, "各项重点工作均按计划推进.", ".", "半角"),
    (HW, "报送时间:2024年3月15日前。", ":", "半角"),
    (HW, "开展读书、征文、演讲...等系列活动。", "...", "省略号"),
    # --- typography/straight-quotes ------------------------------------------------------------
    (SQ, "深入开展\"我为群众办实事\"实践活动。", "\"我为群众办实事\"", "直引号"),
    (SQ, "积极创建\"文明单位\"和\"平安校园\"。", "\"平安校园\"", "直引号"),
    (SQ, "全面落实\"放管服\"改革要求，优化营商环境。", "\"放管服\"", "直引号"),
    (SQ, "认真落实\"三会一课制度，严格党内组织生活。", "\"", "直引号"),
    # not covered by the rule's description: straight single quotes in Chinese text
    (SQ, "教育引导党员做到'四个必须'。", "'四个必须'", "引号"),
    # --- typography/unbalanced-pair ------------------------------------------------------------
    (UP, "深入开展“不忘初心、牢记使命主题教育，推动学习走深走实。", "“", "没有闭合"),
    (UP, "认真学习《中华人民共和国安全生产法，落实企业主体责任。", "《", "没有闭合"),
    (UP, "严格执行财务管理制度）并定期公开账目。", "）", "没有对应"),
    (UP, "组织学习“《民法典”》有关条款。", "《民法典”》", "交叉嵌套"),
    (UP, "大力弘扬”劳模精神”，营造崇尚劳动的氛围。", ("”", 0), "写反"),
    (UP, "做好“两节”期间困难职工帮扶工作（含送温暖活动】。", "（含送温暖活动】", "不配对"),
    (UP, "扎实推进“两学一做”学习教育常态化和“三会一课制度化建设。", ("“", -1), "没有闭合"),
    # --- typography/repeated-punctuation -------------------------------------------------------
    (RP, "全面完成年度目标任务。。", "。。", "重复"),
    (RP, "加强组织领导，，明确责任分工。", "，，", "重复"),
    (RP, "做好防汛、、抗旱工作。", "、、", "重复"),
    (RP, "强化安全生产监管，。", "，。", "连用"),
    (RP, "开展送温暖、送清凉、送法律。。。活动。", "。。。", "省略号"),
    (RP, "保障措施：：一是加强组织领导。", "：：", "重复"),
    (RP, "完善考核机制；，落实奖惩措施。", "；，", "连用"),
    # --- typography/space-around-punctuation ---------------------------------------------------
    (SP, "开展“文明家庭” 、“最美家庭”评选活动。", " ", "空格"),
    (SP, "大力实施 “数字乡村”战略。", " ", "空格"),
    (SP, "加大执法检查力度， 坚决遏制重特大事故发生。", " ", "空格"),
    (SP, "全面完成年度任务。 下一步，我们将继续努力。", " ", "空格"),
    # not covered by the rule's description: an ideographic space in mid-sentence
    (SP, "加强队伍建设，\u3000提高服务水平。", "\u3000", "空格"),
    # --- typography/stray-period ---------------------------------------------------------------
    (ST, "在上级部门的.关心和指导下，各项工作有序推进。", ".", "多余"),
    (ST, "组织开展“五.一”劳动节系列活动。", ".", "间隔号"),
    (ST, "进一步加强干部．队伍建设。", "．", "多余"),
    (ST, "认真做好“七.一”建党纪念日慰问工作。", ".", "间隔号"),
    # --- text/repeated-word --------------------------------------------------------------------
    (RW, "以党建引领推动推动基层治理现代化。", "推动推动", "误重复"),
    (RW, "充分发挥工会组织在企业发展中的的桥梁纽带作用。", "的的", "误重复"),
    (RW, "全年共举办培训班12期，取得了了明显成效。", "了了", "误重复"),
    (RW, "进一步进一步完善公共文化服务体系。", "进一步进一步", "误重复"),
    (RW, "各单位要切实加强管理加强管理，提高服务水平。", "加强管理加强管理", "误重复"),
    (RW, "我们我们将以更加饱满的热情投入工作。", "我们我们", "误重复"),
    (RW, "各部门要要高度重视，精心组织实施。", "要要", "误重复"),
    # --- text/duplicate-sentence ---------------------------------------------------------------
    (DS, "严格落实安全生产责任制，层层签订目标责任书。严格落实安全生产责任制，层层签订目标责任书。",
     ("严格落实安全生产责任制，层层签订目标责任书。", -1), "重复"),
    (DS, "加强农村人居环境整治，持续推进厕所革命和生活垃圾分类处理。\n\n"
         "（二）推进产业发展。\n\n"
         "加强农村人居环境整治，持续推进厕所革命和生活垃圾分类处理。\n",
     ("加强农村人居环境整治，持续推进厕所革命和生活垃圾分类处理。", -1), "重复"),
    (DS, "完善职工代表大会制度，认真做好提案征集和办理工作，推动厂务公开民主管理落到实处。\n\n"
         "开展劳动竞赛活动。认真做好提案征集和办理工作，推动厂务公开民主管理落到实处。\n",
     ("认真做好提案征集和办理工作，推动厂务公开民主管理落到实处。", -1), "相同"),
    # --- text/near-duplicate-paragraph ---------------------------------------------------------
    (ND, _NEAR_A + "\n\n开展“三会一课”规范化建设。\n\n" + _NEAR_B + "\n", _NEAR_B, "高度相似"),
    (ND, _NEAR_C + "\n\n" + _NEAR_D + "\n", _NEAR_D, "高度相似"),
    # --- text/misspelling: pairs in the confusion list -----------------------------------------
    (MS, "按照县委、县政府的安排布暑，扎实推进各项工作。", "布暑", "部署"),
    (MS, "认真落实上级布署的各项任务。", "布署", "部署"),
    (MS, "深入贯彻落实《全民健身计划钢要》。", "钢要", "纲要"),
    (MS, "志愿服务活动得到了社会各届的广泛好评。", "各届", "各界"),
    (MS, "为老旧小区按装电梯36部。", "按装", "安装"),
    (MS, "圆满完成上级交界的各项工作任务。", "交界", "交办"),
    (MS, "截止2023年12月底，全县共发放贷款1.2亿元。", "截止", "截至"),
    (MS, "确保综合服务中心年底前峻工并投入使用。", "峻工", "竣工"),
    (MS, "组织开展职工技能竟赛。", "竟赛", "竞赛"),
    (MS, "认真贯切党的路线方针政策。", "贯切", "贯彻"),
    (MS, "希望全体干部职工再接再励，再创佳绩。", "再接再励", "再接再厉"),
    (MS, "我们将一如继往地支持企业发展。", "一如继往", "一如既往"),
    (MS, "坚持因地治宜、分类指导，推进美丽乡村建设。", "因地治宜", "因地制宜"),
    (MS, "领导干部要以身做则，带头遵守廉洁纪律。", "以身做则", "以身作则"),
    (MS, "大力弘扬坚苦奋斗精神。", "坚苦奋斗", "艰苦奋斗"),
    # --- text/misspelling: common ones the list may lack ---------------------------------------
    (MS, "发现问题要即使上报，不得迟报、漏报。", "即使", "及时"),
    (MS, "让困难职工家庭渡过一个欢乐祥和的春节。", "渡过", "度过"),
    (MS, "精心按排好节日期间的值班工作。", "按排", "安排"),
    (MS, "把安全生产做为年度考核的重要内容。", "做为", "作为"),
    (MS, "召开退休老干部坐谈会，听取意见建议。", "坐谈会", "座谈会"),
    (MS, "坚持励行节约，反对铺张浪费。", "励行", "厉行"),
    (MS, "认真做好职工代表侯选人的推荐工作。", "侯选人", "候选人"),
    (MS, "广泛蕴酿，充分协商，确定换届人选。", "蕴酿", "酝酿"),
    (MS, "各项帮扶措施已初见凑效。", "凑效", "奏效"),
]

# Texts in which no rule of either family may report anything: (text, what it shows).
QUIET = [
    # legitimate reduplication
    ("谢谢大家对工会工作的支持，请大家多提宝贵意见。", "谢谢"),
    ("请各位委员会后再看看方案，有意见及时反馈。", "看看"),
    ("这个问题请班子成员再研究研究，下周例会再讨论讨论。", "研究研究"),
    ("我们常常深入车间班组，听取职工呼声。", "常常"),
    ("坚持天天巡查，做到人人有责、事事有人管。", "天天 人人 事事"),
    ("对排查出的问题要一个一个地整改，一件一件地销号。", "一个一个"),
    ("压实责任，层层落实，确保各项措施落地见效。", "层层落实"),
    ("这的的确确是一件关系群众切身利益的大事。", "的的确确"),
    ("有的同志对新政策还不甚了了，需要加强学习。", "不甚了了"),
    ("老一辈职工过过苦日子，更懂得今天幸福生活的来之不易。", "过过（动词＋助词）"),
    ("邻里之间和和气气，家家户户讲文明、树新风。", "和和气气 家家户户"),
    ("每每遇到急难险重任务，党员干部总是冲在前面。", "每每"),
    ("认真落实在在职党员到社区报到制度。", "在＋在职"),
    ("认认真真学习，扎扎实实工作，清清白白做人。", "AABB 叠词"),
    # URLs, e-mails, numbers, versions, English words
    ("详细信息请登录中国政府网（www.gov.cn）查询。", "网址"),
    ("请于3月15日前将报名表发送至邮箱ghzx2024@163.com，逾期不予受理。", "电子邮箱"),
    ("全年地区生产总值增长3.5%，城镇调查失业率控制在5.5%以内。", "小数和百分比"),
    ("推进企业通过ISO 9001质量管理体系认证。", "ISO 9001"),
    ("新建5G基站1,200个，实现乡镇以上区域全覆盖。", "5G 和千分位"),
    ("完成OA办公系统V2.3.1版本升级工作。", "版本号"),
    ("学校力争进入U.S. News世界大学排名前500位。", "带点缩写"),
    ("每天8:30至17:30为窗口服务时间，比例尺为1:500。", "时间与比例"),
    ("按照《党政机关公文格式》（GB/T 9704—2012）规范公文格式。", "标准编号和一字线"),
    ("依据《实施细则》第3.2.1条的规定执行。", "条款编号"),
    ("活动口号为 Think Global, Act Local，突出国际化特色。", "英文短语中的半角逗号"),
    # numbered lists, quotes, ellipsis, dash
    ("1.加强政治理论学习。\n2.完善内部管理制度。\n3.提升服务群众能力。\n", "行首序号 1."),
    ("深入开展“不忘初心、\n牢记使命”主题教育，推动学习走深走实。\n", "跨行配对的引号"),
    ("一是抓学习……；二是抓制度……；三是抓落实……。", "省略号"),
    ("当好职工群众的“娘家人”——记区总工会帮扶中心", "破折号"),
    ("这难道不是我们应尽的责任吗？！", "问号叹号连用"),
    ("开展“三·八”国际妇女节系列庆祝活动。", "间隔号"),
    ("一、 指导思想\n\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。\n", "序号后的空格"),
    ("推进 5G 网络和 Python 数据平台建设。", "中英文之间的空格"),
    # wording that looks like a misspelling but is right
    ("历届领导班子都高度重视工会工作，社会各界广泛参与。", "历届 各界"),
    ("春节前走访慰问各届老同志，听取对发展的意见建议。", "各届老同志（歧义）"),
    ("即使任务再重、时间再紧，也要确保工程质量。", "即使"),
    ("帮助困难企业渡过难关，稳定职工队伍。", "渡过难关"),
    ("加强与周边两省交界地区的联防联控。", "交界"),
    ("报名截止日期为4月30日，逾期不再受理。", "截止日期"),
    ("学校公布暑假安排后，组织教师开展家访。", "公布暑假"),
    ("既使群众满意，又使企业受益。", "既……又……"),
    # legitimately repeated sentences and similar paragraphs
    ("| 序号 | 工作任务 | 责任单位 | 完成时限 |\n| --- | --- | --- | --- |\n| 1 | 修订制度 | 办公室 | 3月底 |\n\n"
     "二、第二季度重点任务\n\n"
     "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n| --- | --- | --- | --- |\n| 1 | 组织培训 | 人事科 | 6月底 |\n",
     "重复的表头"),
    ("1.实施老旧小区改造。责任单位：县住建局；完成时限：2024年12月底前。\n"
     "2.推进雨污分流改造。责任单位：县住建局；完成时限：2024年12月底前。\n",
     "逐项重复的责任单位和时限"),
    ("一是加强学习。二是严格管理。\n\n三是加强学习。四是严格管理。\n", "短句重复"),
    ("第一季度：完成全镇32个村集体经济组织清产核资，建立资产台账，摸清家底，为深化改革打好基础，"
     "确保账实相符、账账相符。\n\n"
     "第二季度：开展村级财务专项审计，重点检查工程项目、惠农资金和债权债务，发现问题限期整改，"
     "审计结果在村务公开栏公示。\n",
     "句式相同、内容不同的段落"),
]

FAMILIES = ["typography", "text"]


def _locate(text, span):
    if isinstance(span, tuple):
        span, n = span
        starts = [i for i in range(len(text)) if text.startswith(span, i)]
        return starts[n], span
    return text.index(span), span


def _found(rule, text, span, words):
    _, diags = check_text(text, "a.md", select=[rule])
    start, span = _locate(text, span)
    hit = any(
        d.rule == rule and d.offset == start and d.end_offset == start + len(span) and words in d.message
        for d in diags
    )
    return hit, diags


def test_recall():
    missed = recall_report("typography/ + text/", CASES, lambda case: _found(*case)[0])
    for rule, text, span, words in missed:
        got = [(d.offset, d.end_offset, d.message) for d in _found(rule, text, span, words)[1]]
        print(f"MISSED {rule}: {text!r} span={span!r} got={got}")
    assert not missed


def test_quiet():
    noisy = []
    for text, what in QUIET:
        for path in ("a.md", "a.txt"):
            _, diags = check_text(text, path, select=FAMILIES)
            for d in diags:
                noisy.append((what, path, d.rule, text[d.offset:d.end_offset], d.message))
    for what, path, rule, span, message in noisy:
        print(f"NOISY [{what}] {path} {rule} {span!r}: {message}")
    print(f"quiet: {len(QUIET) - len({n[0] for n in noisy})}/{len(QUIET)}")
    assert not noisy
