"""placeholder/ on the shared corpus of real official documents: no slots, and the real web residue found.

The corpus holds no template slots, so the slot rules must stay silent; its web residue (flagged per
file in manifest.tsv) must be found, and only at a page's top or bottom, never in the body.
"""

from __future__ import annotations

import csv

import pytest

from planlint.api import check_text

SLOT_RULES = {
    "placeholder/unfilled", "placeholder/name-slot", "placeholder/blank", "placeholder/todo",
    "placeholder/collection-heading",
}
# Page furniture sits in a page's header or footer.
HEAD_LINES, TAIL_LINES = 25, 40


@pytest.fixture(scope="module")
def corpus_results():
    from conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    with (CORPUS / "manifest.tsv").open(encoding="utf-8") as f:
        flags = {row["filename"]: set(filter(None, row["flags"].split(";"))) for row in csv.DictReader(f, delimiter="\t")}
    out = {}
    for p in sorted(CORPUS.glob("*.txt")):
        text = p.read_text("utf-8")
        doc, diags = check_text(text, p.name, select=["placeholder"])
        out[p.name] = (doc, diags, flags.get(p.name, set()))
    return out


def test_no_slot_diagnostics_in_real_documents(corpus_results):
    wrong = [
        (name, doc.position(d.offset), d.message)
        for name, (doc, diags, _) in corpus_results.items() for d in diags if d.rule in SLOT_RULES
    ]
    assert wrong == []


def test_web_residue_only_in_page_header_or_footer(corpus_results):
    wrong = []
    for name, (doc, diags, _) in corpus_results.items():
        last = len(doc.lines)
        for d in diags:
            if d.rule == "placeholder/web-residue":
                line, _ = doc.position(d.offset)
                if HEAD_LINES < line <= last - TAIL_LINES:
                    wrong.append((name, line, d.message))
    assert wrong == []


def _lines_with(doc, diags, rule):
    return {doc.position(d.offset)[0] for d in diags if d.rule == rule}


def test_flagged_residue_is_found(corpus_results):
    for name, (doc, diags, flags) in corpus_results.items():
        residue = _lines_with(doc, diags, "placeholder/web-residue")
        last = max(i + 1 for i in range(len(doc.lines)) if doc.lines.line_text(i).strip())
        if "web_ui_residue_top" in flags:
            assert {1, 2, 3, 4, 5, 6, 7, 8, 9} <= residue, name  # 下载 打印 全屏 收藏 【字号：加大 还原 减小】
        if "web_residue_tail" in flags:
            assert last in residue, name  # 相关报道：
        if "db_header_residue" in flags:
            assert {1, 2} <= residue, name  # 【法宝引证码】, 原文链接
        if "html_tags" in flags:
            assert _lines_with(doc, diags, "placeholder/html-residue"), name
        if any(f.startswith("wikisource_footer") for f in flags):
            assert last in residue, name  # Public domain / false
