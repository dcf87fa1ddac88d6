"""A small third-party planlint plugin used by the tests, registered through an entry point."""

from planlint import Fix, Rule, RuleDocs, hookimpl
from planlint.rule import Examples, Option

DOCS = RuleDocs(说明="测试用规则。", 原因="测试。", 示例="禁词", 建议写法="好词")


def banned(doc, ctx):
    word = ctx.options["word"]
    for block in doc.prose_blocks:
        text = doc.text
        i = text.find(word, block.content_start, block.end)
        while i >= 0:
            yield ctx.report(i, i + len(word), f"不要使用“{word}”，请改为“好词”",
                             Fix.replace(i, i + len(word), "好词", "改为“好词”"))
            i = text.find(word, i + len(word), block.end)


def crash(doc, ctx):
    if "崩溃" in doc.text:
        raise ZeroDivisionError("boom")
    return ()


def out_of_range(doc, ctx):
    yield ctx.report(0, len(doc.text) + 5, "越界")


RULES = [
    Rule("sample/banned-word", "测试：禁词", banned, DOCS, fixable=True,
         examples=Examples(bad=("这里有禁词。",), good=("这里没有。",)),
         options={"word": Option("禁词", "要禁止的词")}),
    Rule("sample/crash", "测试：崩溃", crash, DOCS, enabled=False,
         examples=Examples(bad=(), good=())),
    Rule("sample/out-of-range", "测试：越界", out_of_range, DOCS, enabled=False),
]


@hookimpl
def planlint_rules(config, kinds):
    return RULES


@hookimpl
def planlint_load_document(path, data, config):
    """Reads ``.sample`` files: UTF-8 text after a one-line ``SAMPLE`` header (tests the reader hook)."""
    from planlint import Document

    if not str(path).endswith(".sample"):
        return None
    text = data.decode("utf-8")
    if not text.startswith("SAMPLE\n"):
        return None
    return Document(text[len("SAMPLE\n"):], path)


class ShoutKind:
    """A YAML rule kind contributed by a plugin (tests the kinds hook)."""

    name = "shout"
    keys = {"word": "要找的词"}

    def build(self, rule_id, entry, pack):
        word = entry["word"]

        def check(doc, ctx):
            i = doc.text.find(word)
            if i >= 0:
                yield ctx.report(i, i + len(word), f"发现“{word}”")

        return Rule(rule_id, f"查找“{word}”", check, DOCS)


@hookimpl
def planlint_rule_kinds():
    return {"shout": ShoutKind()}
