"""structure/ on the real corpus (government work reports, congress reports, news transcripts): no false alarms."""

from __future__ import annotations

import collections

from planlint.api import check_text


def test_corpus_findings_are_few_and_known(corpus, corpus_dates):
    counts: collections.Counter = collections.Counter()
    news_diags = []
    for p in sorted(corpus.glob("*.txt")):
        _, diags = check_text(p.read_text("utf-8"), p.name, select=["structure"], date=corpus_dates.get(p.name))
        counts.update(d.rule for d in diags)
        if p.name.startswith("news_"):
            news_diags.extend(d for d in diags if d.rule == "structure/missing-section")
    # A news transcript is no plan: it is never told it lacks sections.
    assert news_diags == []
    # Reports have no required sections; none of the corpus is titled as a plan, summary or scheme.
    for rule in ("structure/missing-section", "structure/wrong-genre", "structure/empty-section",
                 "structure/numbering-restart", "structure/marker-punctuation", "structure/declared-count"):
        assert counts[rule] == 0, rule
    # Three real defects of the texts (a lost “（三）” heading, a heading broken over two lines, a
    # paragraph repeated). The skipped levels in the 1958 and 1983 reports predate GB/T 9704-2012.
    assert counts["structure/numbering-gap"] <= 3
    assert counts["structure/level-jump"] == 0
