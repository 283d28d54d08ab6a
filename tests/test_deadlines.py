"""grammar/deadlines.json: the statutory deadlines (spec §1.2) the timeliness rule reads."""

from pathlib import Path

from gxlint.lint.engine import infer_organ
from gxlint.read.templates import deadlines

FIXTURES_CASES = Path(__file__).resolve().parents[1] / "rules" / "cases" / "fixtures"


def test_deadlines_by_organ_kind():
    data = deadlines()["deadlines"]
    assert (data["department"]["month"], data["department"]["day"]) == (1, 31)
    assert (data["government"]["month"], data["government"]["day"]) == (3, 31)


def test_reports_before_the_2019_revision_had_31_march_for_every_organ():
    old = deadlines()["before_2019_revision"]
    assert (old["year_to"], old["month"], old["day"]) == (2018, 3, 31)


def test_township_governments_and_village_committees_have_no_statutory_deadline():
    from gxlint.lint.analyses.period import no_statutory_deadline

    for name in (
        "示例镇人民政府",
        "示例乡",
        "示例街道办事处",
        "示例街道办",
        "示例乡政府",
        "示例镇人民政府办公室",
    ):
        assert no_statutory_deadline(name)["zh"] == "乡镇人民政府、街道办事处", name
    for name in ("示例村村民委员会", "示例社区居民委员会", "示例村委会"):
        assert no_statutory_deadline(name)["zh"] == "村民委员会、居民委员会", name
        assert infer_organ(name) is None, name
    for name in ("示例县人民政府", "示例县教育局", "示例县国有资产监督管理委员会"):
        assert no_statutory_deadline(name) is None, name
    # a department's office named after a 小镇 or 城乡, or a department's office in a town: no township
    for name in ("示例县特色小镇办公室", "示例县城乡办公室", "示例县市场监督管理局东城镇办公室"):
        assert no_statutory_deadline(name) is None, name
        assert infer_organ(name) == "department", name
    assert no_statutory_deadline("示例县古城镇人民政府") is not None  # a town whose name ends in 城


def test_organ_inference_is_unchanged():
    assert infer_organ("平潭综合实验区") == "government"
    assert infer_organ("上海市人民政府办公厅") == "department"
    assert infer_organ("中卫市科学技术局") == "department"
    assert infer_organ("示例县政务公开工作组") is None
    assert infer_organ("示例县政府") == "government"  # 人民政府's short form
    assert infer_organ("示例县政府办公室") == "department"


def test_a_commission_is_a_department_and_a_zones_committee_a_government():
    # before: every name ending in 管理委员会 got the governments' 31 March
    assert infer_organ("示例县国有资产监督管理委员会") == "department"
    assert infer_organ("示例市城市管理委员会") == "department"
    assert infer_organ("示例高新技术产业开发区管理委员会") == "government"
    assert infer_organ("示例县九龙工业园管理委员会") == "government"
    assert infer_organ("示例经济开发区管委会") == "government"


def test_a_place_name_alone_is_a_government():
    # the title of a people's government's report names the place only (示例县2021年…年度报告)
    assert infer_organ("示例县") == "government"
    assert infer_organ("示例市示例区") == "government"
    assert infer_organ("示例社区") is None  # a residents' community, no government
    assert infer_organ("示例镇") is None  # a township: no statutory deadline, no inferred kind


def test_a_late_report_is_told_what_to_do():
    import gxlint

    text = (
        (FIXTURES_CASES / "dates-2021-signed.txt")
        .read_text(encoding="utf-8")
        .replace("2022年1月20日", "2022年2月3日")
    )
    (late,) = [f for f in gxlint.lint_text(text, config={"select": ["GX404"]})]
    assert late.fix == "核对落款日期；确已逾期的，尽快公布，并如实写明日期"
    (late,) = [f for f in gxlint.lint_text(text, config={"select": ["GX404"], "lang": "en"})]
    assert late.fix.startswith("check the signature date; if the report is indeed late")
