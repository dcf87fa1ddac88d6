"""A deterministic benchmark corpus of made-up Chinese plan documents, and the 50-rule term pack."""

from __future__ import annotations

import os
import random
from pathlib import Path

# Everything below is written for this benchmark: sentence parts recombined at random (seeded),
# in the style of a unit's annual work plan. No text is taken from ../shared.
UNITS = ["市教育局", "区卫生健康委", "县农业农村局", "街道办事处", "市场监管所", "市档案馆", "区文化馆",
         "县交通运输局", "市图书馆", "开发区管委会", "镇人民政府", "区财政局", "市水务集团", "社区服务中心"]
TOPICS = ["安全生产", "项目建设", "队伍建设", "信息化建设", "基层治理", "民生保障", "营商环境", "乡村振兴",
          "档案管理", "财务管理", "宣传教育", "人才培养", "应急管理", "服务质量", "作风建设", "制度建设"]
VERBS = ["扎实推进", "认真落实", "持续深化", "全面加强", "稳步推进", "切实抓好", "不断完善", "着力提升",
         "统筹推进", "积极开展", "严格落实", "加快推进"]
OBJECTS = ["工作机制", "责任体系", "考核办法", "服务流程", "监督检查", "培训计划", "应急预案", "台账管理",
           "信息公开", "数据统计", "资金使用", "项目储备", "风险排查", "问题整改", "队伍培训", "督查考核"]
MEANS = ["以问题为导向", "坚持统筹兼顾", "按照年初部署", "结合本单位实际", "围绕中心工作", "对照目标任务",
         "立足岗位职责", "依托现有平台", "按季度分解任务", "通过专项检查"]
RESULTS = ["确保各项任务按期完成", "推动工作提质增效", "切实提高群众满意度", "形成长效工作机制",
           "为全年目标打下坚实基础", "做到底数清、情况明", "把各项措施落到实处", "不断提升服务水平"]
PEOPLE = ["各科室", "全体干部职工", "各责任单位", "分管领导", "项目负责人", "各网格员", "财务人员", "业务骨干"]
CN_NUM = "一二三四五六七八九十"

# 50 substitution rules (wrong → right): common miswritten words in official documents.
# Used identically by the planlint pack, the stdlib `re` floor and textlint-rule-prh.
TERMS = [
    ("布暑", "部署"), ("既使", "即使"), ("按装", "安装"), ("编缉", "编辑"), ("部份", "部分"),
    ("渡过难关", "度过难关"), ("迫不急待", "迫不及待"), ("一愁莫展", "一筹莫展"), ("再接再励", "再接再厉"),
    ("谈笑风声", "谈笑风生"), ("默守成规", "墨守成规"), ("甘败下风", "甘拜下风"), ("直接了当", "直截了当"),
    ("声名雀起", "声名鹊起"), ("穿流不息", "川流不息"), ("走头无路", "走投无路"), ("金榜提名", "金榜题名"),
    ("出奇不意", "出其不意"), ("记忆尤新", "记忆犹新"), ("相辅相承", "相辅相成"), ("蛛丝蚂迹", "蛛丝马迹"),
    ("不径而走", "不胫而走"), ("鬼鬼崇崇", "鬼鬼祟祟"), ("一股作气", "一鼓作气"), ("按步就班", "按部就班"),
    ("针贬时弊", "针砭时弊"), ("破斧沉舟", "破釜沉舟"), ("趋之若鸯", "趋之若鹜"), ("天翻地复", "天翻地覆"),
    ("言简意骇", "言简意赅"), ("入场卷", "入场券"), ("重迭", "重叠"), ("帐号", "账号"), ("帐户", "账户"),
    ("松驰", "松弛"), ("幅射", "辐射"), ("座谈会议", "座谈会"), ("精减机构", "精简机构"), ("暴光", "曝光"),
    ("气慨", "气概"), ("寒喧", "寒暄"), ("脉博", "脉搏"), ("蜂涌", "蜂拥"), ("竣工验收合格后", "竣工验收后"),
    ("报帐", "报账"), ("凑和", "凑合"), ("坐阵", "坐镇"), ("反应问题", "反映问题"), ("截止目前", "截至目前"),
    ("截止到", "截至"),
]
assert len(TERMS) == 50 and len({w for w, _ in TERMS}) == 50


def _sentence(rng: random.Random) -> str:
    s = f"{rng.choice(MEANS)}，{rng.choice(VERBS)}{rng.choice(TOPICS)}{rng.choice(OBJECTS)}，{rng.choice(RESULTS)}"
    r = rng.random()
    if r < 0.25:
        s += f"，全年计划完成{rng.randint(2, 98)}项，投入资金{rng.randint(10, 900)}.{rng.randint(0, 9)}万元"
    elif r < 0.35:
        s += f"，覆盖率达到{rng.randint(60, 99)}%"
    elif r < 0.42:
        s = f"{rng.choice(PEOPLE)}要" + s
    if rng.random() < 0.04:  # an occasional miswritten word for the term rules to find
        wrong, _ = rng.choice(TERMS)
        s += f"，{wrong}"
    return s + "。"


def _paragraph(rng: random.Random, n: int) -> str:
    return "".join(_sentence(rng) for _ in range(n))


def plan(seed: int, target_bytes: int = 9300) -> str:
    """One made-up annual work plan in Markdown, about ``target_bytes`` bytes of UTF-8."""
    rng = random.Random(seed)
    unit = rng.choice(UNITS)
    year = 2019 + seed % 6
    out = [f"# {unit}{year}年工作计划", ""]
    out.append(_paragraph(rng, 3))
    out.append("")
    size = sum(len(x.encode()) for x in out)
    section = 0
    while size < target_bytes - 400 and section < 10:
        heading = f"{CN_NUM[section]}、{rng.choice(VERBS)}{rng.choice(TOPICS)}"
        block = ["## " + heading, ""]
        for i in range(rng.randint(2, 4)):
            block.append(f"（{CN_NUM[i]}）{rng.choice(VERBS)}{rng.choice(OBJECTS)}。{_paragraph(rng, rng.randint(2, 4))}")
            block.append("")
        if rng.random() < 0.5:
            for j in range(rng.randint(2, 4)):
                block.append(f"{j + 1}. {_sentence(rng)}")
            block.append("")
        if rng.random() < 0.15:
            block += ["| 项目 | 金额（万元） |", "| --- | --- |"]
            amounts = [rng.randint(5, 300) for _ in range(3)]
            block += [f"| {rng.choice(OBJECTS)} | {a} |" for a in amounts]
            block += [f"| 合计 | {sum(amounts)} |", ""]
        out += block
        size += sum(len(x.encode()) + 1 for x in block)
        section += 1
    while size < target_bytes - 120:
        extra = _paragraph(rng, 2)
        out += [extra, ""]
        size += len(extra.encode()) + 2
    out += ["", unit, f"{year}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日", ""]
    return "\n".join(out)


def small(seed: int = 7) -> str:
    """About 1 KB: a short notice-like plan."""
    rng = random.Random(seed)
    text = f"# {rng.choice(UNITS)}近期工作安排\n\n"
    while len(text.encode()) < 900:
        text += _sentence(rng)
    return text + "\n"


def build(root: Path, n_plans: int = 2000, per_folder: int = 100) -> dict[str, Path]:
    """Write the corpus under ``root`` (skipped when already there) and return its parts by name."""
    root.mkdir(parents=True, exist_ok=True)
    parts = {
        "1kb": root / "single" / "notice.md",
        "plan": root / "plan" / "plan.md",
        "100": root / "plans100",
        "2000": root / "plans2000",
        "big": root / "big" / "big.md",
    }
    stamp = root / f".built-{n_plans}-{per_folder}"
    if stamp.exists():
        return parts
    for p in ("1kb", "plan", "big"):
        parts[p].parent.mkdir(parents=True, exist_ok=True)
    parts["1kb"].write_text(small(), encoding="utf-8")
    parts["plan"].write_text(plan(1), encoding="utf-8")
    big = []
    for i in range(n_plans):
        text = plan(1000 + i)
        folder = parts["2000"] / f"dept{i // per_folder:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"plan{i:04d}.md").write_text(text, encoding="utf-8")
        if i < 100:
            (parts["100"]).mkdir(parents=True, exist_ok=True)
            (parts["100"] / f"plan{i:04d}.md").write_text(text, encoding="utf-8")
        # In the single big file each plan becomes a chapter: demote its headings one level.
        big.append(text.replace("\n## ", "\n### ").replace("# ", "## ", 1))
    parts["big"].write_text("# 汇编\n\n" + "\n".join(big), encoding="utf-8")
    stamp.write_text("ok\n")
    return parts


def write_pack_files(root: Path) -> dict[str, Path]:
    """The 50 TERMS as a planlint YAML pack, a prh.yml + .textlintrc.json, and the floor's patterns."""
    root.mkdir(parents=True, exist_ok=True)
    pack = root / "bench-pack.yaml"
    lines = ["# 50 substitution rules for bench/run.py (generated from bench/corpus.py TERMS).",
             "pack: bench", "rules:"]
    for i, (wrong, right) in enumerate(TERMS):
        lines += [f"  term-{i + 1:02d}:", "    kind: substitution", f"    summary: “{wrong}”应为“{right}”",
                  "    source: bench/corpus.py", "    swap:", f"      {wrong}: {right}"]
    pack.write_text("\n".join(lines) + "\n", encoding="utf-8")
    prh = root / "prh.yml"
    prh_lines = ["version: 1", "rules:"]
    for wrong, right in TERMS:
        prh_lines += [f"  - expected: {right}", f"    pattern: {wrong}"]
    prh.write_text("\n".join(prh_lines) + "\n", encoding="utf-8")
    rc = root / ".textlintrc.json"
    rc.write_text('{"rules": {"prh": {"rulePaths": ["%s"]}}}\n' % prh.as_posix(), encoding="utf-8")
    return {"pack": pack, "prh": prh, "textlintrc": rc}


if __name__ == "__main__":  # pragma: no cover
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "work"))
    for name, path in build(out / "corpus").items():
        print(name, path)
