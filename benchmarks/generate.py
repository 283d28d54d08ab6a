"""Generate a corpus of fictional annual reports for the benchmarks.

Every report is made up (示例县…, 样例市…): a title, a preamble with the statistics period and the
contact details, the six chapters of the unified format and its three tables, and a closing
signature.  The corpus varies the things that cost gxlint time and that real reports vary:

* format: the 2019 and the 2021 tables (labels read from grammar/templates/*.json);
* layout: tab-separated tables (most), merged label cells written once, page breaks inside tables
  and paragraphs, markdown pipe tables, one cell per line (`` |``), and web-crawler pages with the
  whole report on one line and the table cells run together without separators;
* size: 5-30 KB (more list items and paragraphs in the narrative chapters; the 100x report of the
  scaling benchmark also has a long appendix table);
* defects in about a third of the reports: broken totals, blank or malformed cells, a missing
  chapter, a wrong period, no contact details, no signature, text that contradicts the table.

The output is deterministic: the same seed gives byte-identical files.  ``big_report()`` gives one
report about 100 times the typical size (a big government's long lists) for the scaling benchmark.

    python benchmarks/generate.py --count 1000 --seed 2024 --out benchmarks/corpus/reports
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEMPLATE_DIR = ROOT / "grammar" / "templates"
DEFAULT_OUT = HERE / "corpus" / "reports"

PLACES = [
    "示例县",
    "示例市",
    "样例区",
    "示范县",
    "样本市",
    "示例市样例区",
    "示例自治县",
    "样例新区",
    "示范市",
    "样本县",
    "示例州",
    "样例县",
]
DEPARTMENTS = [
    "人民政府办公室",
    "教育局",
    "市场监督管理局",
    "农业农村局",
    "卫生健康委员会",
    "自然资源局",
    "住房和城乡建设局",
    "交通运输局",
    "生态环境局",
    "民政局",
    "财政局",
    "人力资源和社会保障局",
    "科学技术局",
    "文化和旅游局",
    "应急管理局",
    "水利局",
    "司法局",
    "统计局",
    "人民政府",
]
TOPICS = [
    "重大建设项目",
    "财政预决算",
    "公共资源配置",
    "社会公益事业",
    "乡村振兴",
    "营商环境",
    "食品安全",
    "教育招生",
    "医疗卫生",
    "生态环境保护",
    "安全生产",
    "义务教育",
    "养老服务",
    "就业创业",
    "住房保障",
    "城市更新",
    "交通出行",
    "防汛抗旱",
    "市场监管",
    "行政执法",
    "减税降费",
    "政务服务",
    "政策解读",
    "建议提案办理",
    "疫情防控",
    "耕地保护",
    "文旅融合",
    "社会救助",
    "退役军人服务",
    "民生实事",
]
ACTIONS = [
    "完善公开目录",
    "细化公开标准",
    "规范发布流程",
    "加强源头管理",
    "拓展公开渠道",
    "强化解读回应",
    "健全审查机制",
    "压实工作责任",
    "优化栏目设置",
    "推进标准化规范化建设",
    "开展专项检查",
    "组织业务培训",
    "建立月度通报制度",
    "落实保密审查",
    "推行公开属性源头认定",
    "加强平台建设",
]
CHANNELS = [
    "政府门户网站",
    "政务新媒体",
    "政府公报",
    "政务服务中心",
    "新闻发布会",
    "公开栏",
    "档案馆查阅点",
    "图书馆查阅点",
    "微信公众号",
    "政务微博",
]
OBJECTS = [
    "政策文件",
    "工作动态",
    "通知公告",
    "政策解读",
    "人事信息",
    "财政信息",
    "规划计划",
    "统计数据",
    "执法信息",
    "招标采购信息",
    "建议提案办理结果",
    "重点领域信息",
    "办事指南",
    "应急信息",
]
PROBLEMS = [
    "部分栏目更新不够及时",
    "政策解读形式较为单一",
    "依申请公开答复的规范性有待提高",
    "基层公开标准目录的细化程度不够",
    "公开内容与群众需求的对接还不够精准",
    "政务新媒体互动回应不足",
    "工作人员业务水平参差不齐",
    "历史文件的清理和公开属性标注尚未完成",
]
IMPROVEMENTS = [
    "建立栏目巡查制度",
    "丰富图表、视频等解读形式",
    "规范答复文书格式",
    "编制全流程操作手册",
    "开展需求调查",
    "加强业务培训",
    "完善考核评价办法",
    "推进历史文件集中清理",
]
STREETS = ["建设路", "人民路", "解放大道", "新华街", "和平路", "文化路", "政通路", "民主街"]

DEFECTS = (
    "arithmetic",
    "blank_cells",
    "malformed_cells",
    "missing_chapter",
    "wrong_period",
    "no_contact",
    "no_signature",
    "narrative_mismatch",
    "old_format",
    "late_signature",
)
LAYOUTS = ("tabs", "tabs_merged", "tabs_pagebreaks", "pipes", "cells", "oneline")
LAYOUT_WEIGHTS = (40, 20, 15, 8, 7, 10)


# -- the format data --------------------------------------------------------------------------------


def _load_templates() -> dict[str, dict]:
    raw = {}
    for path in sorted(TEMPLATE_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        raw[str(data["id"])] = data
    resolved = {}
    for tid, data in raw.items():
        if data.get("extends"):
            base = dict(raw[data["extends"]])
            tables = dict(base.get("tables", {}))
            tables.update(data.get("tables", {}))
            base.update({k: v for k, v in data.items() if k not in ("extends", "tables")})
            base["tables"] = tables
            data = base
        resolved[tid] = data
    return resolved


TEMPLATES = _load_templates()


@dataclass
class AppRow:
    label: str
    depth: int
    leaf: bool
    group: str | None  # the label of the group row it belongs to, for merged cells
    top: str | None


def _app_rows(template: dict) -> list[AppRow]:
    out: list[AppRow] = []

    def walk(rows, depth, group, top):
        for r in rows:
            children = r.get("rows")
            out.append(AppRow(r["label"], depth, not children, group, top))
            if children:
                walk(children, depth + 1, r["label"], top or r["label"])

    walk(template["tables"]["applications"]["rows"], 0, None, None)
    return out


# -- numbers ------------------------------------------------------------------------------------------


def _partition(rng: random.Random, total: int, parts: int, skew: float = 0.6) -> list[int]:
    """``total`` split into ``parts`` non-negative integers, most of it in a few parts."""
    out = [0] * parts
    for _ in range(total):
        i = 0 if rng.random() < skew else rng.randrange(parts)
        out[i] += 1
    return out


@dataclass
class Numbers:
    new: list[int]  # per applicant column (6)
    carried: list[int]
    outcomes: dict[str, list[int]]  # leaf label -> 6 columns
    forward: list[int]
    review: list[list[int]]  # 3 blocks x 5 (last is the total)
    active: dict[str, list[str]]  # row label -> cell texts

    def total(self, cells: list[int]) -> list[int]:
        return [*cells, sum(cells)]


def _numbers(rng: random.Random, template: dict, scale: int) -> Numbers:
    leaves = [
        r.label
        for r in _app_rows(template)
        if r.leaf and not r.label.startswith(("一、", "二、", "四、", "（七）"))
    ]
    new = [rng.randint(0, 40 * scale), *(rng.choice([0, 0, 0, rng.randint(0, 6 * scale)]) for _ in range(5))]
    carried = [rng.choice([0, 0, rng.randint(0, 3 * scale)]) for _ in range(6)]
    outcomes = {leaf: [0] * 6 for leaf in leaves}
    forward = []
    for col in range(6):
        available = new[col] + carried[col]
        left = rng.choice([0, 0, 0, min(available, rng.randint(0, 3))])
        handled = available - left
        forward.append(left)
        weights = [
            8 if "予以公开" in leaf else 3 if "本机关不掌握" in leaf or "部分公开" in leaf else 1
            for leaf in leaves
        ]
        for _ in range(handled):
            leaf = rng.choices(leaves, weights)[0]
            outcomes[leaf][col] += 1
    review = []
    for _ in range(3):
        parts = _partition(rng, rng.choice([0, 0, rng.randint(0, 4 * scale)]), 4)
        review.append([*parts, sum(parts)])
    active: dict[str, list[str]] = {}
    ad = template["tables"]["active_disclosure"]
    for section in ad["sections"]:
        for row in section["rows"]:
            cells = []
            for col in section["columns"]:
                if "增/减" in col:
                    cells.append(rng.choice(["0", "+1", "-1", "+2", "0", "-3"]))
                elif col in ad.get("money_columns", ()):
                    cells.append(
                        rng.choice(
                            ["0", f"{rng.randint(1, 900)}.{rng.randint(0, 9)}", str(rng.randint(1, 90))]
                        )
                    )
                else:
                    cells.append(str(rng.choice([0, rng.randint(0, 30), rng.randint(0, 500 * scale)])))
            active[row] = cells
    return Numbers(new, carried, outcomes, forward, review, active)


# -- the report ----------------------------------------------------------------------------------------


@dataclass
class Spec:
    index: int
    template: str
    year: int
    place: str
    department: str
    layout: str
    size: int
    defects: tuple[str, ...] = ()
    seed: int = 0
    list_scale: int = 1

    @property
    def agency(self) -> str:
        return self.place + self.department


@dataclass
class Writer:
    rng: random.Random
    spec: Spec
    lines: list[str] = field(default_factory=list)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def size(self) -> int:
        return len("\n".join(self.lines).encode("utf-8"))


def _sentence(rng: random.Random, year: int, agency: str) -> str:
    topic, action, channel, obj = (
        rng.choice(TOPICS),
        rng.choice(ACTIONS),
        rng.choice(CHANNELS),
        rng.choice(OBJECTS),
    )
    n = rng.randint(2, 480)
    forms = [
        f"围绕{topic}，{action}，通过{channel}发布{obj}{n}条",
        f"聚焦{topic}领域，{action}，全年公开{obj}{n}条，同比增长{rng.randint(1, 40)}%",
        f"在{channel}开设“{topic}”专题，集中发布{obj}{n}条，接受群众咨询{rng.randint(1, 300)}人次",
        f"{action}，对{obj}实行动态更新，{year}年累计更新{n}次",
        f"结合{topic}工作，组织开展{rng.choice(['政策宣讲', '开放日', '线上访谈', '座谈交流'])}活动{rng.randint(1, 30)}场",
        f"{agency}将{topic}相关{obj}纳入公开目录，明确公开时限和责任科室",
    ]
    return rng.choice(forms)


def _paragraph(rng: random.Random, spec: Spec, sentences: int) -> str:
    return "，".join(_sentence(rng, spec.year, spec.agency) for _ in range(sentences)) + "。"


def _title(w: Writer) -> None:
    spec, rng = w.spec, w.rng
    style = rng.randrange(4)
    title = f"{spec.agency}{spec.year}年政府信息公开工作年度报告"
    if style == 0:
        w.add(f"# {spec.agency}", "", f"## {spec.year}年政府信息公开工作年度报告", "")
    elif style == 1:
        w.add(title, "")
    elif style == 2:
        w.add(spec.agency, f"{spec.year}年度政府信息公开工作年度报告", "")
    else:
        w.add(f"**{title}**", "")


def _contact(rng: random.Random, spec: Spec) -> str:
    return (
        f"如对本报告有疑问，请与{spec.agency}办公室联系（地址：{spec.place}{rng.choice(STREETS)}{rng.randint(1, 199)}号；"
        f"邮编：{rng.randint(100000, 860000)}；电话：0{rng.randint(100, 999)}-{rng.randint(60000000, 69999999)}；"
        f"电子邮箱：gk{rng.randint(1, 99)}@shili{rng.randint(1, 50)}.example.gov.cn）。"
    )


def _preamble(w: Writer) -> None:
    spec, rng = w.spec, w.rng
    start_year = spec.year - 1 if "wrong_period" in spec.defects else spec.year
    text = (
        "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和年度报告格式要求编制，"
        "由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六个部分组成。"
        f"本报告所列数据的统计期限自{start_year}年1月1日起至{spec.year}年12月31日止。"
        f"本报告电子版可在{spec.place}人民政府门户网站（www.shili{rng.randint(1, 50)}.example.gov.cn）“政府信息公开”专栏查阅和下载。"
    )
    if "no_contact" not in spec.defects:
        text += _contact(rng, spec)
    w.add(text, "")


def _heading(w: Writer, numeral: str, title: str) -> None:
    style = w.rng.randrange(4)
    if style == 0:
        w.add(f"## {numeral}、{title}", "")
    elif style == 1:
        w.add(f"{numeral}、{title}")
    elif style == 2:
        w.add(f"**{numeral}、{title}**", "")
    else:
        w.add(f"{numeral}、{title}", "")


def _overview(w: Writer, numbers: Numbers, items: int) -> None:
    spec, rng = w.spec, w.rng
    w.add(
        f"{spec.year}年，{spec.agency}坚持以公开为常态、不公开为例外，"
        f"围绕{rng.choice(TOPICS)}和{rng.choice(TOPICS)}等重点工作推进政务公开，全年未发生因公开不当引发的舆情。",
        "",
    )
    received = sum(numbers.new)
    if "narrative_mismatch" in spec.defects:
        received += rng.randint(1, 9)
    subtitles = [
        "主动公开",
        "依申请公开",
        "政府信息管理",
        "平台建设",
        "监督保障",
        "政策解读",
        "公众参与",
        "基层公开",
    ]
    for i in range(items):
        n = "一二三四五六七八九十"[i % 10]
        sub = subtitles[i % len(subtitles)]
        if i == 1:
            body = (
                f"本年度共收到政府信息公开申请{received}件，上年结转{sum(numbers.carried)}件，"
                f"结转下年度继续办理{sum(numbers.forward)}件，均在法定期限内答复。"
            )
        else:
            body = _paragraph(rng, spec, rng.randint(2, 5))
        w.add(f"**（{n}）{sub}。**{body}", "")


def _list_items(w: Writer, count: int) -> None:
    """A long list: 1. 2. 3. … items, as big governments' reports have."""
    spec, rng = w.spec, w.rng
    for i in range(1, count + 1):
        w.add(f"{i}.{_paragraph(rng, spec, rng.randint(1, 3))}")
    w.add("")


def _appendix(w: Writer, rows: int) -> None:
    """A long table that is not a template table (a catalogue of published documents)."""
    spec, rng = w.spec, w.rng
    w.add(f"附表：{spec.year}年主动公开政府信息目录", "序号\t栏目\t信息名称\t发布日期")
    for i in range(1, rows + 1):
        w.add(
            f"{i}\t{rng.choice(OBJECTS)}\t关于{rng.choice(TOPICS)}的{rng.choice(['通知', '公告', '意见', '方案'])}"
            f"\t{spec.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        )
    w.add("")


def _problems(w: Writer) -> None:
    rng = w.rng
    probs = rng.sample(PROBLEMS, 3)
    fixes = rng.sample(IMPROVEMENTS, 3)
    w.add(
        "上年度报告提出的问题已按计划整改。当前仍存在以下问题："
        + "；".join(f"{'一二三'[i]}是{p}" for i, p in enumerate(probs))
        + "。下一步，我们将"
        + "，".join(fixes)
        + "，切实提升政务公开质量。",
        "",
    )


def _other(w: Writer) -> None:
    spec, rng = w.spec, w.rng
    fee = rng.choice(
        [
            "本年度未收取信息处理费。",
            f"本年度收取信息处理费{rng.randint(1, 5)}笔，共计{rng.randint(1, 9)}00元。",
        ]
    )
    w.add(
        fee
        + f"本单位按照{spec.place}政务公开工作要点完成了年度各项任务，人大代表建议和政协委员提案办理结果均已按要求公开。",
        "",
    )


def _signature(w: Writer) -> None:
    spec, rng = w.spec, w.rng
    if "no_signature" in spec.defects:
        return
    month = rng.choice([4, 5]) if "late_signature" in spec.defects else 1
    w.add(spec.agency, f"{spec.year + 1}年{month}月{rng.randint(10, 28)}日")


# -- tables -----------------------------------------------------------------------------------------


def _cell_text(rng: random.Random, value: int, spec: Spec) -> str:
    if "blank_cells" in spec.defects and value == 0 and rng.random() < 0.4:
        return ""
    if "malformed_cells" in spec.defects and rng.random() < 0.04:
        return rng.choice(["1O", "—", "0 0", "00", "l"])
    return str(value)


def _active_rows(spec: Spec, template: dict, numbers: Numbers) -> list[list[str]]:
    rows = []
    for section in template["tables"]["active_disclosure"]["sections"]:
        rows.append([section["caption"]])
        rows.append(["信息内容", *section["columns"]])
        for label in section["rows"]:
            rows.append([label, *numbers.active[label]])
    return rows


def _app_table(
    rng: random.Random, spec: Spec, template: dict, numbers: Numbers, merged: bool
) -> list[list[str]]:
    app = template["tables"]["applications"]
    rows = [
        [app["header_labels"][0], "", "", "申请人情况"],
        ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", "", "", *app["columns"][1:6]],
    ]
    if merged:
        rows = [
            [app["header_labels"][0], "申请人情况"],
            ["自然人", "法人或其他组织", "总计"],
            list(app["columns"][1:6]),
        ]
    leaves_total = [0] * 6
    for cells in numbers.outcomes.values():
        leaves_total = [a + b for a, b in zip(leaves_total, cells)]
    broken = rng.randrange(26) if "arithmetic" in spec.defects else -1
    seen_groups: set[str] = set()
    for i, r in enumerate(_app_rows(template)):
        if r.label.startswith("一、"):
            values = numbers.new
        elif r.label.startswith("二、"):
            values = numbers.carried
        elif r.label.startswith("四、"):
            values = numbers.forward
        elif r.label.startswith("（七）"):
            values = leaves_total
        elif r.leaf:
            values = numbers.outcomes[r.label]
        else:
            continue
        cells = [_cell_text(rng, v, spec) for v in numbers.total(values)]
        if i == broken:
            cells[-1] = str(sum(numbers.total(values)[:-1]) + rng.randint(1, 5))
        labels = _app_labels(r, merged, seen_groups)
        rows.append([*labels, *cells])
    return rows


def _app_labels(r: AppRow, merged: bool, seen: set[str]) -> list[str]:
    """The label fields of an applications row: three label columns, group labels written once."""
    if r.depth == 0:
        return [r.label, "", ""] if not merged else [r.label]
    chain = []
    if r.depth == 2 and r.top:
        chain.append(r.top if r.top not in seen else "")
        seen.add(r.top)
        chain.append(r.group if r.group not in seen else "")
        seen.add(r.group or "")
        chain.append(r.label)
    else:
        parent = r.group or ""
        chain.append(parent if parent not in seen else "")
        seen.add(parent)
        chain.extend([r.label, ""])
    if merged:  # a web page drops the merged cells: only the labels actually written remain
        return [c for c in chain if c]
    return chain


def _review_rows(spec: Spec, numbers: Numbers, rng: random.Random) -> list[list[str]]:
    cols = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    data = [_cell_text(rng, v, spec) for block in numbers.review for v in block]
    return [
        ["行政复议", "", "", "", "", "行政诉讼"],
        ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
        cols * 3,
        data,
    ]


def _emit_tabs(w: Writer, rows: list[list[str]], pagebreaks: bool) -> None:
    for i, row in enumerate(rows):
        line = "\t".join(row)
        if "\t" not in line:
            line += "\t"
        w.add(line)
        if pagebreaks and i and w.rng.random() < 0.08:
            w.add("", "\f", "")  # a PDF page break between two rows
    w.add("")


def _emit_pipes(w: Writer, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    for i, row in enumerate(rows):
        cells = [c or " " for c in row] + [" "] * (width - len(row))
        w.add("| " + " | ".join(cells) + " |")
        if i == 0:
            w.add("|" + "---|" * width)
    w.add("")


def _emit_cells(w: Writer, rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            w.add(f"{cell} |" if cell else "|||")
    w.add("")


def _tables(w: Writer, template: dict, numbers: Numbers, chapter: int) -> None:
    spec, rng = w.spec, w.rng
    merged = spec.layout == "tabs_merged"
    if chapter == 2:
        rows = _active_rows(spec, template, numbers)
    elif chapter == 3:
        rows = _app_table(rng, spec, template, numbers, merged)
    else:
        rows = _review_rows(spec, numbers, rng)
    if spec.layout == "pipes":
        _emit_pipes(w, rows)
    elif spec.layout == "cells":
        _emit_cells(w, rows)
    else:
        _emit_tabs(w, rows, spec.layout == "tabs_pagebreaks")


# -- assembling -----------------------------------------------------------------------------------------


def _page_breaks(rng: random.Random, text: str) -> str:
    """Break a few long paragraphs mid-sentence, as PDF extraction does at a page end."""
    lines = text.split("\n")
    out = []
    for line in lines:
        if len(line) > 120 and "\t" not in line and rng.random() < 0.15:
            cut = rng.randint(40, len(line) - 40)
            out.extend([line[:cut], "", "", line[cut:]])
        else:
            out.append(line)
    return "\n".join(out)


def _one_line(rng: random.Random, spec: Spec, text: str) -> str:
    """A crawler's page: a metadata header, then the whole report on one line, cells run together."""
    parts = []
    for line in text.split("\n"):
        line = line.strip().strip("#* ").strip()
        if not line or line == "\f":
            continue
        parts.append(line.replace("\t", ""))
    header = [
        f"标题: {spec.agency}{spec.year}年政府信息公开工作年度报告",
        f"发布时间: {spec.year + 1}-01-{rng.randint(10, 28)} 09:{rng.randint(10, 59)}",
        "栏目: 政府信息公开年报",
        "==================== 正文 ====================",
    ]
    return "\n".join(header) + "\n当前位置：首页 政务公开 年度报告 " + " ".join(parts) + "\n"


def render(spec: Spec) -> str:
    rng = random.Random(spec.seed)
    template_id = "2019" if "old_format" in spec.defects else spec.template
    template = TEMPLATES[template_id]
    chapters = {c["number"]: c["title"] for c in template["chapters"]}
    numbers = _numbers(rng, template, max(1, spec.list_scale // 10))
    w = Writer(rng, spec)
    skip = rng.choice([5, 6]) if "missing_chapter" in spec.defects else None
    # the narrative grows to the target size; the tables are fixed
    body: dict[int, tuple[int, int]] = {1: (5, 0), 2: (0, 0), 5: (0, 0)}
    for attempt in range(200):
        w.lines = []
        w.rng = random.Random(spec.seed)
        _title(w)
        _preamble(w)
        for number in range(1, 7):
            if number == skip:
                continue
            _heading(w, "一二三四五六"[number - 1], chapters[number])
            if number == 1:
                _overview(w, numbers, body[1][0])
                if body[1][1]:
                    _list_items(w, body[1][1])
            elif number in (2, 3, 4):
                _tables(w, template, numbers, number)
                if number == 2 and body[2][1]:
                    _appendix(w, body[2][1])
            elif number == 5:
                _problems(w)
                if body[5][1]:
                    _list_items(w, body[5][1])
            else:
                _other(w)
        _signature(w)
        size = w.size()
        if size >= spec.size or attempt == 199:
            break
        # grow: more overview items first, then long lists in chapters 1 and 5
        missing = spec.size - size
        step = max(1, missing // 260)
        if body[1][0] < 8:
            body[1] = (body[1][0] + 1, body[1][1])
        elif spec.list_scale > 1:  # a big government: long lists and a long appendix table
            body[1] = (body[1][0], body[1][1] + (step + 2) // 3)
            body[2] = (0, body[2][1] + step)
            body[5] = (0, body[5][1] + step // 3)
        else:
            body[1] = (body[1][0], body[1][1] + (step + 1) // 2)
            body[5] = (0, body[5][1] + step // 2)
    text = "\n".join(w.lines) + "\n"
    if spec.layout == "tabs_pagebreaks":
        text = _page_breaks(rng, text)
    if spec.layout == "oneline":
        text = _one_line(rng, spec, text)
    return text


def specs(count: int, seed: int, min_kb: int = 5, max_kb: int = 30) -> list[Spec]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        template = rng.choice(["2019", "2021", "2021"])
        year = rng.choice([2019, 2020]) if template == "2019" else rng.choice([2021, 2022, 2023])
        layout = rng.choices(LAYOUTS, LAYOUT_WEIGHTS)[0]
        # sizes: most reports are small, a few are long (a log-uniform spread over the range)
        size = int(1024 * min_kb * (max_kb / min_kb) ** rng.random())
        defects: tuple[str, ...] = ()
        if rng.random() < 0.35:
            defects = tuple(sorted(rng.sample(DEFECTS, rng.choice([1, 1, 2, 3]))))
        out.append(
            Spec(
                i,
                template,
                year,
                rng.choice(PLACES),
                rng.choice(DEPARTMENTS),
                layout,
                size,
                defects,
                seed=rng.randrange(2**32),
            )
        )
    return out


def big_report(seed: int = 7, factor: int = 100, typical_kb: int = 10) -> tuple[str, str]:
    """(typical, big): a typical tab-table report and one ``factor`` times its size (long lists)."""
    typical = Spec(0, "2021", 2022, "示例市", "人民政府", "tabs", typical_kb * 1024, seed=seed)
    text = render(typical)
    big = Spec(
        1,
        "2021",
        2022,
        "示例市",
        "人民政府",
        "tabs",
        len(text.encode("utf-8")) * factor,
        seed=seed,
        list_scale=factor,
    )
    return text, render(big)


def write_corpus(out: Path, count: int, seed: int) -> list[dict]:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    manifest = []
    for spec in specs(count, seed):
        name = f"r{spec.index:04d}_{spec.template}_{spec.layout}.txt"
        text = render(spec)
        (out / name).write_text(text, encoding="utf-8")
        manifest.append(
            {
                "file": name,
                "template": spec.template,
                "year": spec.year,
                "agency": spec.agency,
                "layout": spec.layout,
                "bytes": len(text.encode("utf-8")),
                "defects": list(spec.defects),
            }
        )
    (out.parent / f"{out.name}.manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    manifest = write_corpus(args.out, args.count, args.seed)
    sizes = sorted(m["bytes"] for m in manifest)
    print(
        f"wrote {len(manifest)} reports to {args.out} "
        f"({sizes[0] // 1024}-{sizes[-1] // 1024} KB, median {sizes[len(sizes) // 2] // 1024} KB; "
        f"{sum(1 for m in manifest if m['defects'])} with defects)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
