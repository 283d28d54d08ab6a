"""An article-20 item typed in the other format's columns (a 2021 table whose （一） item still has
the 2019 columns, a 2020 table whose （一） item alone has the 2021 ones) is read in the columns its
own header names, in every form: no cell is placed by another item's columns (GX003 said "cannot
be placed"), no row of it is missing (GX209), and the text's numbers are compared with it (GX206);
GX107 reports the mixed table."""

from __future__ import annotations

import pytest

from gxlint.model import ACTIVE_DISCLOSURE
from gxlint.read.source import from_bytes
from gxlint.run.linter import Linter
import formsgen

ITEM_2019 = "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t3\t3\t20\n"
ITEM_2021 = "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t3\t1\t20\n"
REST_2021 = (
    "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t24\n"
    "第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t11\n行政强制\t2\n"
    "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t8.6\n"
)
REST_2019 = (
    "第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t14\t+2\t24\n其他对外管理服务事项\t3\t-1\t41\n"
    "第二十条第（六）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政处罚\t5\t0\t11\n行政强制\t0\t0\t2\n"
    "第二十条第（八）项\n信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t1\t0\n"
    "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t2\t36.8\n"
)


def report(year: int, table: str) -> str:
    return (
        f"示例县生态环境局{year}年政府信息公开工作年度报告\n一、总体情况\n"
        "全年作出行政处罚决定15件。\n二、主动公开政府信息情况\n" + table
    )


FORMS = {
    "text": lambda t: (t.encode("utf-8"), "r.txt"),
    "docx": lambda t: (formsgen.to_docx(t), "r.docx"),
    "html": lambda t: (formsgen.to_html(t, "utf-8"), "r.html"),
}
CASES = {
    "2022, （一） in 2019 columns": (2022, ITEM_2019 + REST_2021, "本年新制作数量", "规范性文件"),
    "2020, （一） in 2021 columns": (2020, ITEM_2021 + REST_2019, "本年制发件数", "行政规范性文件"),
}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("case", list(CASES))
def test_an_item_is_read_in_the_columns_its_header_names(form, case):
    pytest.importorskip("docx", reason="python-docx writes the Word form")
    year, table, first_column, row = CASES[case]
    data, name = FORMS[form](report(year, table))
    linter = Linter(isolated=True)
    read = linter.read_report(from_bytes(data, name), linter.settings(name)).table(ACTIVE_DISCLOSURE)
    rows = {r.key: r for r in read.rows}
    assert rows[row].columns[0] == first_column
    assert [c.value for c in rows[row].cells] == [3, 3 if year == 2022 else 1, 20]
    assert [c.value for c in rows["行政处罚"].cells][-1] == 11
    found = linter.lint_source(from_bytes(data, name), linter.settings(name))
    codes = {f.code for f in found}
    assert not codes & {"GX003", "GX207", "GX209", "GX210"}, [str(f) for f in found]
    if year == 2022:  # the 2021 fee column takes money (万元), though the table was read as 2019's
        assert [c.value for c in rows["行政事业性收费"].cells] == [8.6]
    assert {"GX107", "GX206"} <= codes
    assert any("作出行政处罚决定15件" in f.message and "11" in f.message for f in found if f.code == "GX206")
