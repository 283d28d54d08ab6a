"""Reports of one fictional agency (示例县市场监督管理局) for several years, made from the example
report by changing its numbers, its years and its narrative: what the cross-year tests pair.

:func:`report` writes one year; by default consecutive years agree (last year's 结转下年度 is
this year's 上年结转, the documents in force add up) and their narratives differ as honest
reports of one office do (a few standing sentences in common).
"""

from __future__ import annotations

import re
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "shili-county-2021.txt"
AGENCY = "示例县市场监督管理局"

#: per year: (二、上年结转, 四、结转下年度继续办理) by applicant column (six columns; 总计 is added),
#: one balanced applications table each (一 + 二 = 三（七）+ 四)
CARRY = {
    2019: ((0, 0, 0, 0, 0, 0), (2, 0, 0, 0, 0, 0)),
    2020: ((2, 0, 0, 0, 0, 0), (1, 0, 0, 0, 0, 0)),
    2021: ((1, 0, 0, 0, 0, 0), (1, 1, 0, 0, 0, 0)),
    2022: ((1, 1, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0)),
}
#: per year: (规章, 行政规范性文件) as (本年制发件数, 本年废止件数, 现行有效件数), consistent year to year
DOCUMENTS = {
    2019: ((0, 0, 0), (3, 0, 12)),
    2020: ((0, 0, 0), (2, 0, 14)),
    2021: ((0, 0, 0), (2, 1, 15)),
    2022: ((0, 0, 0), (4, 2, 17)),
}

# narrative: each year its own, with one standing sentence in common
STANDING = "本局把政务公开纳入科室年度考核，由办公室统一协调"
OVERVIEW = {
    2019: [
        "本年度本局围绕机构改革后的职能划转调整公开目录，新设立的栏目均在规定时间内上线运行",
        "全年通过门户网站发布各类信息{n}条，重点公开了食品抽检和价格监测结果",
        "依申请公开工作由法规科承办，答复文书统一使用新的格式文本",
        "本年度对历史文件进行了首轮清理，逐件标注公开属性",
        "政务新媒体账号完成实名认证，与门户网站实行同步发布",
    ],
    2020: [
        "本年度本局把疫情防控期间的市场保供信息作为公开重点，每日发布重点商品价格",
        "全年通过门户网站发布各类信息{n}条，其中疫情防控相关信息占三成以上",
        "针对群众关心的口罩价格问题，开通咨询专线并在网站集中答复",
        "上半年完成公开目录的第二轮修订，新增企业复工复产服务指南",
        "组织全局工作人员参加线上业务培训两次，考试合格率达到百分之百",
    ],
    2021: [
        "本年度本局以优化营商环境为主线，集中公开企业开办和许可办理的全流程信息",
        "全年通过门户网站发布各类信息{n}条，检查结果公示栏目全年保持按周更新",
        "落实公文公开属性源头认定，拟制公文时同步确定公开方式",
        "完善县政府门户网站本局栏目，新增检查结果公示子栏目",
        "每季度自查栏目更新情况，发现问题当月整改",
    ],
    2022: [
        "本年度本局聚焦食品安全和特种设备安全两个重点领域，逐月公开监督抽检结果",
        "全年通过门户网站发布各类信息{n}条，群众留言平均三个工作日内答复",
        "建立依申请公开案件台账，对每件申请实行从受理到归档的全程记录",
        "联合县数据局完成栏目整合，本局网站信息全部迁入县政府门户网站集约化平台",
        "邀请两名特邀监督员对公开质量进行评议并当场反馈意见",
    ],
}
PROBLEMS = {
    2019: "机构改革后部分栏目归属尚未理顺，个别信息发布不够及时。下一步将明确栏目责任科室，建立发布台账。",
    2020: "上年度提出的栏目归属问题已通过明确责任科室解决。当前主要问题是疫情期间部分解读材料过于简略，下一步将增加图解和问答。",
    2021: "上年度报告提出的解读材料简略问题，本年度新增图解十二篇并已整改到位。当前仍存在部分检查结果公开不够及时的问题，下一步将把结果公开纳入执法流程。",
    2022: "上年度提出的检查结果公开滞后问题，本年度通过把公开嵌入执法系统已经解决。新发现的问题是平台迁移后部分历史链接失效，下一步将逐条核对修复。",
}
OTHER = {
    2019: "本年度未收取信息处理费。机构改革期间的人大代表建议和政协委员提案办理结果均已公开。",
    2020: "本年度未收取信息处理费。本局按照县政务公开工作要点完成了疫情防控信息公开的各项任务。",
    2021: "本年度未收取信息处理费。本局按照县政务公开工作要点完成了年度各项任务，建议提案办理结果均已按要求公开。",
    2022: "本年度未收取信息处理费。本局在县级政务公开第三方评估中位列部门第一档次。",
}


def _row(label: str, cells) -> str:
    return f"{label}\t\t\t" + "\t".join(str(c) for c in cells)


def report(
    year: int = 2021,
    *,
    agency: str = AGENCY,
    carried=None,
    forward=None,
    documents=None,
    narrative_of: int | None = None,
    problems_of: int | None = None,
    cells: dict | None = None,
) -> str:
    """The report of ``year``.  ``carried`` / ``forward``: the six applicant cells of 二 / 四 (总计
    added; the table is rebalanced through 一); ``documents``: ((规章…), (行政规范性文件…));
    ``narrative_of``: take the narrative of that year instead (a copied report);
    ``problems_of``: chapter 五 of that year; ``cells``: {(row label start, column index): text}
    written over the table as is (a blank or a malformed cell)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    own_carried, own_forward = CARRY.get(year, CARRY[2021])
    carried = tuple(carried if carried is not None else own_carried)
    forward = tuple(forward if forward is not None else own_forward)
    documents = documents if documents is not None else DOCUMENTS.get(year, DOCUMENTS[2021])
    # years: title, period, body; the signature is dated the next January
    text = (
        text.replace("2022年1月20日", "\0")
        .replace("2021年", f"{year}年")
        .replace("\0", f"{year + 1}年1月20日")
    )
    text = text.replace(AGENCY, agency)
    # the applications table: 一 + 二 = 三（七）+ 四 per column, with （七） as in the example
    handled = (12, 2, 0, 0, 1, 0)
    new = tuple(max(0, h + f - c) for h, f, c in zip(handled, forward, carried))
    handled = tuple(n + c - f for n, c, f in zip(new, carried, forward))
    published = tuple(h - o for h, o in zip(handled, (1, 0, 0, 0, 0, 0)))  # the rest: （二）部分公开 etc.
    rows = {
        "一、本年新收政府信息公开申请数量": new,
        "二、上年结转政府信息公开申请数量": carried,
        "四、结转下年度继续办理": forward,
    }
    lines = text.split("\n")
    for i, line in enumerate(lines):
        for label, values in rows.items():
            if line.startswith(label):
                lines[i] = _row(label, (*values, sum(values)))
        if line.startswith("\t（七）总计"):
            lines[i] = "\t（七）总计\t\t" + "\t".join(str(v) for v in (*handled, sum(handled)))
        if line.startswith("三、本年度办理结果\t（一）予以公开"):
            lines[i] = "三、本年度办理结果\t（一）予以公开\t\t" + "\t".join(
                str(v) for v in (*published, sum(published))
            )
        if line.startswith("\t（四）无法提供\t1.本机关不掌握"):  # the example's 5 here: keep the column sums
            lines[i] = "\t（四）无法提供\t1.本机关不掌握相关政府信息\t" + "\t".join(["0"] * 7)
        if line.startswith("\t\t4.保护第三方合法权益"):
            lines[i] = "\t\t4.保护第三方合法权益\t" + "\t".join(["0"] * 7)
        if line.startswith("\t\t2.重复申请"):
            lines[i] = "\t\t2.重复申请\t" + "\t".join(["0"] * 7)
        if line.startswith("规章\t"):
            lines[i] = "规章\t" + "\t".join(str(v) for v in documents[0])
        if line.startswith("行政规范性文件\t"):
            lines[i] = "行政规范性文件\t" + "\t".join(str(v) for v in documents[1])
    by_label: dict[str, dict[int, str]] = {}
    for (label, column), value in (cells or {}).items():
        by_label.setdefault(label, {})[column] = value
    for label, values in by_label.items():
        for i, line in enumerate(lines):
            if line.lstrip("\t").startswith(label):
                fields = line.split("\t")
                first = next(j for j, f in enumerate(fields) if re.fullmatch(r"\d+", f.strip()))
                for column, value in values.items():
                    fields[first + column] = value
                lines[i] = "\t".join(fields)
                break
    text = "\n".join(lines)
    # the narrative
    source = narrative_of or year
    overview = OVERVIEW.get(source, OVERVIEW[2021])
    paragraphs = [p for p in text.split("\n\n")]
    out = []
    sub = 0
    for para in paragraphs:
        if para.startswith(f"{year}年，") and "总体" not in para:
            para = f"{year}年，{overview[0]}。{STANDING}。"
        elif para.startswith("**（"):
            m = re.match(r"(\*\*（.）[^*]+\*\*)", para)
            head = m.group(1) if m else ""
            body = overview[1 + sub].format(n=180 + year % 100) if sub < len(overview) - 1 else STANDING
            if "依申请公开" in head:
                total_new, total_carried = sum(new), sum(carried)
                body = (
                    f"本年度共收到政府信息公开申请{total_new}件，上年结转{total_carried}件，"
                    f"结转下年度继续办理{sum(forward)}件，均在法定期限内答复"
                )
            else:
                sub += 1
            para = f"{head}{body}。"
        elif para.startswith("上年度报告提出的栏目更新不及时问题"):
            para = PROBLEMS.get(problems_of or source, PROBLEMS[2021])
        elif para.startswith("本年度未收取信息处理费"):
            para = OTHER.get(source, OTHER[2021])
        out.append(para)
    return "\n\n".join(out)


def write(folder: Path, year: int, name: str | None = None, **kwargs) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"shili-{year}.txt")
    path.write_text(report(year, **kwargs), encoding="utf-8")
    return path
