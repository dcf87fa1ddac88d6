"""The document model: outline markers, blocks, the section tree, sentences, kind and date."""

from __future__ import annotations

import datetime as dt

import pytest

from planlint.document import Document
from planlint.outline import match_marker

PLAN = """# 区妇联2024年工作计划

一、指导思想

坚持以人民为中心。认真落实各项部署！

二、主要任务

（一）加强思想引领

1.开展主题宣讲活动

（1）每季度组织一次宣讲，覆盖全体执委，并做好记录，形成台账，确保活动实效，切实提高宣讲质量。

（二）做好维权服务

三、保障措施

各单位要高度重视。

区妇联

2024年1月15日
"""


@pytest.mark.parametrize("line,style,number,punct", [
    ("一、指导思想", "cn", 1, "、"),
    ("十二、其他", "cn", 12, "、"),
    ("（一）加强引领", "cn-paren", 1, ""),
    ("(三)、做好服务", "cn-paren", 3, "、"),
    ("1.开展活动", "arabic", 1, "."),
    ("2、深入开展", "arabic", 2, "、"),
    ("（1）每季度", "arabic-paren", 1, ""),
    ("③落实责任", "circled", 3, ""),
    ("第二章 总则", "chapter", 2, ""),
])
def test_markers(line, style, number, punct):
    m = match_marker(line)
    assert (m.style, m.number, m.punct) == (style, number, punct)


@pytest.mark.parametrize("line", ["1.5万元用于培训", "2023年工作计划", "一是加强学习", "十分重要", "一心一意谋发展"])
def test_not_markers(line):
    assert match_marker(line) is None


def test_section_tree():
    doc = Document(PLAN, "plan.md", markdown=True)
    root = doc.sections
    title = root.children[0]
    assert doc.text[title.heading.content_start:title.heading.end] == "区妇联2024年工作计划"
    top = [doc.text[s.heading.content_start:s.heading.end] for s in title.children]
    assert top == ["指导思想", "主要任务", "保障措施"]
    tasks = title.children[1]
    assert [c.heading.marker.style for c in tasks.children] == ["cn-paren", "cn-paren"]
    first = tasks.children[0]
    assert first.children[0].heading.marker.style == "arabic"
    # a long numbered paragraph is a list item, not a heading
    item = first.children[0].blocks[0]
    assert item.kind == "list_item" and item.marker.style == "arabic-paren"
    assert tasks.children[1].is_empty


def test_bold_outline_lines_are_headings_in_markdown():
    text = "# 学校2024年德育工作计划\n\n**一、指导思想**\n\n坚持立德树人。\n\n**（一）加强队伍建设**\n\n抓好培训。\n"
    doc = Document(text, "plan.md", markdown=True)
    heads = [(b.marker.style, b.marker.number) for b in doc.headings if b.marker]
    assert heads == [("cn", 1), ("cn-paren", 1)]
    plain = Document(text, "plan.txt", markdown=False)
    assert not [b for b in plain.headings if b.marker]  # ** is only markup in Markdown


def test_sentences_keep_closing_quotes():
    doc = Document("他说：“要落实。”随后散会。", "a.txt")
    assert [doc.text[s:e] for s, e in doc.sentences] == ["他说：“要落实。”", "随后散会。"]


@pytest.mark.parametrize("text,expected", [
    ('他说："要落实。"随后散会。', ['他说："要落实。"', "随后散会。"]),
    ('工作很好。"三个代表"重要思想。', ["工作很好。", '"三个代表"重要思想。']),
    ("他说'好'。'下一句'是。", ["他说'好'。", "'下一句'是。"]),
])
def test_straight_quotes_after_an_end_mark_close_only_an_open_quotation(text, expected):
    doc = Document(text, "a.txt")
    assert [doc.text[s:e] for s, e in doc.sentences] == expected


def test_kind_and_date_from_signature():
    doc = Document(PLAN, "plan.md", markdown=True)
    assert doc.kind == "计划"
    assert doc.date == dt.date(2024, 1, 15)
    assert doc.date_info.source == "signature"
    assert "落款" in doc.date_info.describe()


@pytest.mark.parametrize("sig,expected", [
    ("二〇二三年二月二十八日", dt.date(2023, 2, 28)),
    ("二○二二年十二月三十一日", dt.date(2022, 12, 31)),
    ("2023年2月28日", dt.date(2023, 2, 28)),
    ("2021-07-01", dt.date(2021, 7, 1)),
])
def test_signature_date_forms(sig, expected):
    doc = Document(f"某单位工作总结\n\n正文。\n\n{sig}\n", "a.txt")
    assert doc.date == expected and doc.date_info.source == "signature"


def test_title_year_when_no_signature():
    plan = Document("汇报范文网 >工作计划\n\n区工会2023年工作计划\n\n正文。\n", "a.txt")
    assert plan.title == "区工会2023年工作计划"
    assert plan.kind == "计划" and plan.date == dt.date(2023, 1, 1) and plan.date_info.source == "title"
    summary = Document("乡镇2022年度工作总结\n\n正文。\n", "a.txt")
    assert summary.kind == "总结" and summary.date == dt.date(2022, 12, 31)


def test_title_year_without_a_kind_word_and_year_end_for_reviews():
    plan = Document("青石镇2024—2026年乡村旅游发展规划\n\n一、发展基础\n\n正文。\n", "a.txt")
    assert plan.date == dt.date(2024, 1, 1) and plan.date_info.source == "title"
    report = Document("2024年度个人述职报告\n\n一年来，我认真履行职责。\n", "a.txt")
    assert report.date == dt.date(2024, 12, 31) and "年末" in report.date_info.reason


def test_signature_above_the_attachments():
    body = "\n\n".join(["关于开展安全生产大检查的通知", "各镇街、各部门：", "现就有关事项通知如下。",
                          "附件：大检查情况汇总表", "县安全生产委员会办公室", "二〇二五年三月五日", "附件",
                          "大检查情况汇总表"] + [f"{i}. 检查项目{i}：" for i in range(1, 10)])
    doc = Document(body + "\n", "a.txt")
    assert doc.date == dt.date(2025, 3, 5) and doc.date_info.source == "signature"


@pytest.mark.parametrize("value", ["2023-02-30", "0000-01-01", "[1, 2]", "明年"])
def test_an_invalid_front_matter_date_is_set_aside_with_a_reason(value):
    from planlint.readers.text import read_text_document

    doc = read_text_document("a.md", f"---\ndate: {value}\n---\n\n# 2024年社区工作计划\n\n正文。\n".encode())
    assert doc.date == dt.date(2024, 1, 1) and "front matter 的 date 无效" in doc.date_info.reason


def test_today_when_nothing_else():
    doc = Document("没有日期的一段话。\n", "a.txt")
    assert doc.date == dt.date.today() and doc.date_info.source == "today"
    assert doc.kind is None


def test_kind_from_file_name():
    doc = Document("正文。\n", "docs/2024年工作要点.txt")
    assert doc.kind == "要点" and "文件名" in doc.kind_info.reason


def test_front_matter_date_and_block():
    from planlint.readers.text import read_text_document

    doc = read_text_document("a.md", "---\ndate: 2023-02-28\n---\n# 工作计划\n".encode())
    assert doc.date == dt.date(2023, 2, 28) and doc.date_info.source == "front-matter"
    assert doc.blocks[0].kind == "front_matter"


def test_words_are_lazy_and_offsets_absolute():
    from planlint import words

    doc = Document("前言。\n我们要认真部署工作。\n", "a.txt")
    start = doc.text.index("认真")
    toks = doc.words(start, start + 4)
    assert "".join(t.text for t in toks) == "认真部署"
    assert all(doc.text[t.start:t.end] == t.text for t in toks)
    assert doc.is_word_span(start + 2, start + 4)
    assert words.is_loaded()


def test_markdown_code_and_comments_are_not_prose():
    text = "# 标题\n\n```\nxx年 TODO\n```\n\n<!-- 注释 -->\n\n正文。\n"
    doc = Document(text, "a.md", markdown=True)
    assert [b.kind for b in doc.blocks] == ["heading", "code", "comment", "paragraph"]
    assert [b.kind for b in doc.prose_blocks] == ["heading", "paragraph"]


@pytest.mark.parametrize("text,kind", [
    ("区工会2023年工作计划精选7篇\n\n正文。\n", "计划"),
    ("中共中央关于制定第十个五年计划的建议\n\n正文。\n", None),  # ends with 建议
    ("关于政府工作报告的决议\n\n正文。\n", None),
    ("上半年工作总结及下半年工作计划\n\n正文。\n", None),  # two kinds: neither is trusted
    ("各位代表：\n\n一、过去五年的基本总结\n\n正文。\n", None),  # numbered body heading is no title
    ("乡镇教育工会年度工作总结（草案）\n\n正文。\n", "总结"),
])
def test_kind_comes_from_the_word_a_title_ends_with(text, kind):
    assert Document(text, "a.txt").kind == kind


def test_collection_parts():
    text = ("范文网 > 工作计划\n\n工作计划范文一\n\n一、指导思想\n\n正文。\n\n"
            "工作计划范文二\n\n一、工作目标\n\n正文。\n")
    doc = Document(text, "a.txt")
    assert [doc.text[p.boundary.start:p.boundary.end] for p in doc.parts] == ["工作计划范文一", "工作计划范文二"]
    assert [p.kind for p in doc.parts] == ["计划", "计划"]
    single = Document("2024年工作要点\n\n一、总体要求\n", "a.txt")
    assert len(single.parts) == 1 and single.parts[0].kind == "要点"


def test_page_stamp_when_no_signature_or_title_year():
    doc = Document("某网 > 作文\n\n乡镇教育工会年度工作总结\n\n2023-01-01 05:10:03\n\n正文。\n", "a.txt")
    assert doc.date == dt.date(2023, 1, 1) and doc.date_info.source == "page"
    assert "发布时间" in doc.date_info.reason


def test_a_short_last_item_stays_in_its_list():
    doc = Document("一、任务\n1. 改造老旧小区12个，惠及居民3000户；\n2. 新建学校1所；\n3. 新建公办幼儿园2所，投资600万元。\n",
                   "a.txt")
    assert [b.kind for b in doc.blocks] == ["heading", "list_item", "list_item", "list_item"]


def test_decimal_point_typed_as_full_stop_does_not_end_a_sentence():
    doc = Document("完成99。3万元，为计划的107。8%。下一句。", "a.txt")
    assert [doc.text[s:e] for s, e in doc.sentences] == ["完成99。3万元，为计划的107。8%。", "下一句。"]
