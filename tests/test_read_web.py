"""gxlint.read.web: a government site's page read into paragraphs and grids, without its chrome.

The pages here are written by hand for a fictional 示例县; the template's labels are facts and are
used verbatim.  The last test reads the two sample pages in ../shared/forms/html (skipped when
absent) and compares every table value with values.json.
"""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import pytest
from tablevalues import misses_in_text

from gxlint.read.document import Grid, Origin, Paragraph, expand
from gxlint.read.render import render
from gxlint.read.web import read

FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"

CHROME_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="gb2312">
<title>示例县民政局2023年政府信息公开工作年度报告_示例县人民政府</title>
<script>var crumbs = "当前位置：首页";</script>
<style>.nav li{display:inline}</style>
</head>
<body>
<div class="top">
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<form action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form>
</div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>
<table class="xxgk"><tr><th>索引号：</th><td>000000/2024-00001</td><th>主题分类：</th><td>政务公开</td></tr>
<tr><th>发布机构：</th><td>示例县民政局</td><th>生成日期：</th><td>2024-01-18</td></tr></table>
<div class="main">
<h1 class="title">示例县民政局2023年政府信息公开工作年度报告</h1>
<div class="source">发布日期：2024-01-20　来源：示例县民政局　浏览次数：318　字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>
<div id="zoom" class="TRS_Editor">
<p>　　示例县民政局按照条例要求编写本年度报告，报告中的数据统计时段为2023年1月1日至2023年12月31日。</p>
<h2>一、总体情况</h2>
<p>&nbsp;&nbsp;（一）主动公开。示例县民政局全年在门户网站主动发布各类信息一百二十条。<br>（二）依申请公开。全年收到信息公开申请五件，均按期答复。</p>
<p class="MsoNormal"><span style="mso-bidi-font-size:10.5pt"><o:p>&nbsp;</o:p></span></p>
<p class="MsoNormal"><strong><span style="font-family:黑体">二、主动公开政府信息情况</span></strong></p>
<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr>
<tr><td>行政规范性文件</td><td>2</td><td>1</td><td>9</td></tr>
</table>
<p><b>三、收到和处理政府信息公开申请情况</b></p>
<table border="1">
<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3"><p class="MsoNormal"><span>一、本年新收政府信息公开申请数量</span></p></td><td>&nbsp;4</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
</table>
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
<p>本年度未发生政府信息公开行政复议、行政诉讼案件。</p>
<h2>五、存在的主要问题及改进情况</h2>
<p>示例县民政局信息更新还不够及时，明年将健全信息发布审核流程。</p>
<h2>六、其他需要报告的事项</h2>
<p>本年度示例县民政局未收取信息处理费。</p>
<p style="text-align:right">示例县民政局<br>2024年1月20日</p>
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a">示例县民政局2022年政府信息公开工作年度报告</a></li></ul></div>
</div>
<div class="footer">
<p>主办单位：示例县人民政府办公室　承办单位：示例县信息中心</p>
<p>网站标识码：0000000000　<a href="https://beian.example/">京ICP备00000000号</a></p>
<p><a href="/lx">联系我们</a> | <a href="/map">网站地图</a></p>
</div>
</body>
</html>
"""

LAYOUT_PAGE = """<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>示例县水利局</title></head>
<body>
<table width="980" border="0">
<tr><td colspan="2"><img src="logo.png"><a href="/">首页</a> <a href="/jg">机构概况</a> <a href="/gk">信息公开</a></td></tr>
<tr>
<td width="200" class="left"><a href="/tz">通知公告</a><br><a href="/zc">政策文件</a><br><a href="/nb">年度报告</a></td>
<td valign="top">
<table width="100%">
<tr><td class="bt"><h3>示例县水利局2023年政府信息公开工作年度报告</h3></td></tr>
<tr><td>发布时间：2024年1月25日　　点击数：52</td></tr>
<tr><td class="content">
<p>示例县水利局根据条例规定编写本报告，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、复议诉讼情况、存在的问题和改进措施以及其他需要报告的事项，数据统计期限自2023年1月1日起至2023年12月31日止。</p>
<p><strong>一、总体情况</strong></p>
<p>示例县水利局全年围绕防汛抗旱、水资源管理、河湖长制等重点工作主动公开政府信息，在门户网站公开工程建设、行政许可、行政处罚等各类信息共计八十六条，并通过政务新媒体同步发布，方便公众及时获取。</p>
<p><strong>二、主动公开政府信息情况</strong></p>
<table border="1">
<tr><td>信息内容</td><td>本年处理决定数量</td></tr>
<tr><td>行政许可</td><td>12</td></tr>
<tr><td>行政处罚</td><td>3</td></tr>
</table>
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>
<p>本年度示例县水利局收到政府信息公开申请两件，均已在法定期限内办结答复。</p>
</td></tr>
</table>
</td>
</tr>
<tr><td colspan="2">版权所有：示例县水利局　备案号：京ICP备00000001号</td></tr>
</table>
</body>
</html>
"""


def gbk(page: str) -> bytes:
    return page.encode("gb18030")


def line_of(page: str, needle: str) -> int:
    """The 1-based line of the page source holding ``needle``."""
    for number, line in enumerate(page.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def paragraphs(doc) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


# --------------------------------------------------------------------------- the chrome page


@pytest.fixture(scope="module")
def chrome_doc():
    return read(gbk(CHROME_PAGE), "report.html")


def test_gbk_page_is_decoded(chrome_doc):
    assert chrome_doc.form == "html"
    assert chrome_doc.encoding == "gb18030"
    assert chrome_doc.problems == ()


def test_chrome_is_left_out(chrome_doc):
    text = render(chrome_doc).text
    for chrome in (
        "当前位置",
        "索引号",
        "主题分类",
        "字号",
        "浏览次数",
        "分享到",
        "打印本页",
        "关闭窗口",
        "主办单位",
        "网站标识码",
        "ICP备",
        "联系我们",
        "相关链接",
        "互动交流",
        "搜索",
        "请输入关键字",
        "crumbs",
    ):
        assert chrome not in text, chrome


def test_body_is_read_title_first(chrome_doc):
    first = chrome_doc.blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text == "示例县民政局2023年政府信息公开工作年度报告"
    assert first.heading == 1
    text = render(chrome_doc).text
    for chapter in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert chapter in text
    assert text.rstrip().endswith("示例县民政局\n2024年1月20日")


def test_publication_date_in_metadata(chrome_doc):
    # 发布日期 of the article line, not the 生成日期 of the 索引号 table; the line it stands on (a
    # finding on it, GX404, points there)
    line = (
        CHROME_PAGE.split("\n").index(next(x for x in CHROME_PAGE.split("\n") if "发布日期：2024-01-20" in x))
        + 1
    )
    assert chrome_doc.metadata == (("发布日期", "2024-01-20", Origin(line=line)),)


def test_headings_h2_and_bold(chrome_doc):
    by_text = {p.text: p for p in paragraphs(chrome_doc)}
    assert by_text["一、总体情况"].heading == 2
    assert by_text["二、主动公开政府信息情况"].heading == 2  # <p><strong><span>…
    assert by_text["三、收到和处理政府信息公开申请情况"].heading == 2  # <p><b>…
    assert by_text["本年度示例县民政局未收取信息处理费。"].heading is None


def test_br_splits_paragraph_and_indent_is_stripped(chrome_doc):
    texts = [p.text for p in paragraphs(chrome_doc)]
    assert (
        "（一）主动公开。示例县民政局全年在门户网站主动发布各类信息一百二十条。\n"
        "（二）依申请公开。全年收到信息公开申请五件，均按期答复。"
    ) in texts
    assert any(t.startswith("示例县民政局按照条例") for t in texts)  # 　　 indent gone
    assert all(t.strip() for t in texts)  # the empty Word paragraph <o:p>&nbsp;</o:p> is dropped


def test_tables_become_grids_with_spans(chrome_doc):
    grids = [b for b in chrome_doc.blocks if isinstance(b, Grid)]
    assert len(grids) == 2  # the 索引号 table is not one of them
    apps = grids[1]
    first = apps.rows[0][0]
    assert (first.rowspan, first.colspan) == (3, 3)
    assert apps.rows[2][0].text == "商业\n企业"  # <br> inside a cell is a line break
    matrix = expand(apps)
    assert len(matrix[0]) == 10
    lines = render(chrome_doc).text.splitlines()
    assert "一、本年新收政府信息公开申请数量\t\t\t4\t1\t0\t0\t0\t0\t5" in lines  # &nbsp;4 → 4
    assert "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t" in lines
    assert "三、本年度办理结果\t（一）予以公开\t\t3\t1\t0\t0\t0\t0\t4" in lines
    assert "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t1\t0\t0\t0\t0\t0\t1" in lines


def test_origins_carry_source_lines(chrome_doc):
    by_text = {p.text: p for p in paragraphs(chrome_doc)}
    assert by_text["一、总体情况"].origin.line == line_of(CHROME_PAGE, "<h2>一、总体情况")
    assert chrome_doc.blocks[0].origin.line == line_of(CHROME_PAGE, "<h1")
    apps = [b for b in chrome_doc.blocks if isinstance(b, Grid)][1]
    cell = apps.rows[3][1]
    assert cell.text == "4"
    assert cell.origin.table == 2 and cell.origin.row == 4 and cell.origin.cell == 4
    assert cell.origin.line == line_of(CHROME_PAGE, "<td>&nbsp;4</td>")
    assert apps.origin.line == line_of(CHROME_PAGE, '<tr><td rowspan="3" colspan="3">') - 1
    rendered = render(chrome_doc)
    row = rendered.text.splitlines().index("一、本年新收政府信息公开申请数量\t\t\t4\t1\t0\t0\t0\t0\t5")
    column = len("一、本年新收政府信息公开申请数量\t\t\t") + 1
    assert rendered.locate(row + 1, column) == cell.origin


def test_utf8_page_with_xml_declaration():
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html><body><div class="content">'
        "<p>示例县财政局2023年政府信息公开工作年度报告</p><p>一、总体情况</p>"
        "<p>示例县财政局全年主动公开预算决算等财政信息共四十条。</p></div></body></html>"
    )
    doc = read(page.encode("utf-8"))
    assert doc.problems == () and doc.encoding == "utf-8"
    assert [p.text for p in paragraphs(doc)][:2] == [
        "示例县财政局2023年政府信息公开工作年度报告",
        "一、总体情况",
    ]


def test_page_declared_gbk_but_written_in_utf8():
    page = (
        '<html><head><meta charset="gbk"></head><body><p>示例县审计局2023年政府信息公开工作'
        "年度报告，全年主动公开审计结果公告六条。</p></body></html>"
    )
    doc = read(page.encode("utf-8"))
    assert doc.encoding == "utf-8"
    assert "全年主动公开审计结果公告六条" in render(doc).text


@pytest.mark.parametrize("declared", ['<meta charset="utf-8">', '<meta charset="gbk">', ""])
def test_one_bad_byte_in_a_utf8_page_is_replaced_not_read_as_gb18030(declared):
    page = (
        f"<html><head>{declared}</head><body><p>示例县审计局2023年政府信息公开工作年度报告。</p>\n"
        "<p>全年主动公开审计结果公告六条。</p><p>六、其他需要报告的事项</p></body></html>"
    )
    data = page.encode("utf-8").replace("六、其他".encode("utf-8"), b"\xff" + "六、其他".encode("utf-8"))
    doc = read(data)
    assert doc.encoding == "utf-8"
    text = render(doc).text
    assert "全年主动公开审计结果公告六条" in text and "\ufffd六、其他需要报告的事项" in text
    [problem] = doc.problems
    assert not problem.fatal
    assert "invalid UTF-8 bytes from HTML source line 2 (1 in all), replaced" in problem.message_en
    assert "网页源码第 2 行" in problem.message_zh
    # a page declared UTF-8 but written in GBK is still read as GBK
    gbk_page = read(page.encode("gb18030"))
    assert gbk_page.encoding == "gb18030" and "全年主动公开审计结果公告六条" in render(gbk_page).text


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "us-ascii"])
def test_page_declared_western_but_written_in_gbk(declared):
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}"></head>'
        "<body><p>示例县审计局2023年政府信息公开工作年度报告，全年主动公开审计结果公告六条。</p></body></html>"
    )
    doc = read(page.encode("gb18030"))
    assert doc.encoding == "gb18030"
    assert "全年主动公开审计结果公告六条" in render(doc).text
    # a page with no Chinese in it is read as it says
    latin = f'<html><head><meta charset="{declared}"></head><body><p>caf\xe9 report</p></body></html>'
    assert read(latin.encode("latin-1")).encoding != "gb18030"


WORD_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><title>示例</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>示例</o:Author></o:DocumentProperties></xml><![endif]-->
</head>
<body lang=ZH-CN>
<div class=WordSection1>
<p class=MsoNormal align=center><b><span style='font-size:22.0pt'>示例县应急管理局<span lang=EN-US>2023</span>年政府信息公开<o:p></o:p></span></b></p>
<p class=MsoNormal align=center><b><span style='font-size:22.0pt'>工作年度报告</span></b></p>
<p class=MsoNormal><span>示例县应急管理局依照条例编写本报告，统计期限为<span lang=EN-US>2023</span>年全年。</span></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>总体情况</span></p>
<p class=MsoNormal><span>示例县应急管理局全年主动公开安全生产
、防灾减灾等信息<span lang=EN-US>45</span>条。</span></p>
<div style="display: none">不显示的旧版本文字</div>
<pre>二、主动公开政府信息情况
（一）规章：无</pre>
</div></body></html>"""


def test_word_saved_page():
    doc = read(gbk(WORD_PAGE))
    assert doc.problems == ()
    texts = [p.text for p in paragraphs(doc)]
    assert texts[0] == "示例县应急管理局2023年政府信息公开工作年度报告"  # two bold lines joined
    assert doc.blocks[0].heading == 1
    assert "一、总体情况" in texts  # Word's list number and its spacing
    assert "示例县应急管理局全年主动公开安全生产、防灾减灾等信息45条。" in texts  # source line break
    assert "二、主动公开政府信息情况\n（一）规章：无" in texts  # <pre> keeps its lines
    assert "不显示" not in render(doc).text


# --------------------------------------------------------------------------- the layout table


def test_layout_table_is_a_container_not_a_grid():
    doc = read(LAYOUT_PAGE.encode("utf-8"))
    assert doc.problems == ()
    grids = [b for b in doc.blocks if isinstance(b, Grid)]
    assert len(grids) == 1
    assert [[c.text for c in row] for row in grids[0].rows] == [
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "12"],
        ["行政处罚", "3"],
    ]
    text = render(doc).text
    assert text.splitlines()[0] == "发布日期：2024-01-25"
    body = text.split("==== 正文 ====\n", 1)[1].lstrip("\n")
    assert body.startswith("示例县水利局2023年政府信息公开工作年度报告\n")
    assert "一、总体情况" in text and "三、收到和处理政府信息公开申请情况" in text
    for chrome in ("通知公告", "机构概况", "点击数", "版权所有", "备案号"):
        assert chrome not in text, chrome
    assert doc.blocks[0].heading == 1


# --------------------------------------------------------------------------- bad input


def fatal(doc) -> str:
    assert doc.blocks == ()
    assert doc.problems and doc.problems[-1].fatal
    problem = doc.problems[-1]
    assert problem.message_zh and problem.message_en
    return problem.message_zh


def timed(data: bytes, limit: float = 10.0):
    start = time.perf_counter()
    doc = read(data)
    assert time.perf_counter() - start < limit
    return doc


def test_empty_page():
    assert "空" in fatal(timed(b""))
    fatal(timed(b"   \n"))
    fatal(timed(b"<html><body></body></html>"))
    fatal(timed(b"<!-- nothing -->"))


def test_page_with_only_chrome():
    # the article's container taken out: title, breadcrumb, 索引号 table and footer are left
    page = re.sub(r'<div id="zoom".*?</div>\n(?=<div class="share">)', "", CHROME_PAGE, flags=re.S)
    assert "一、总体情况" not in page and "当前位置" in page and "主办单位" in page
    doc = timed(gbk(page))
    assert "没有找到正文" in fatal(doc)
    assert "full report" in doc.problems[-1].message_en


def test_page_whose_article_is_empty_with_a_welcome_bar_and_the_site_contact_line():
    # an article loaded by a script (its container empty): the site's welcome bar and its footer's
    # address and phone were read as the report, and the page got six findings about a report
    # with no chapters instead of the one that says no text was found
    page = (
        "<html><head><title>示例县教育局2022年政府信息公开工作年度报告_示例县人民政府</title></head><body>"
        '<div class="top">欢迎访问示例县人民政府网站 | 无障碍 | 长者模式 | 今天是2024年3月1日 星期五</div>'
        '<div class="content" id="zoom"></div><script>loadArticle("zoom")</script>'
        '<div class="footer"><p>主办单位：示例县人民政府办公室</p>'
        "<p>地址：示例县建设路18号　邮编：450100　联系电话：0371-61234567　电子邮箱：web@shili.example.gov.cn</p>"
        "<p>网站标识码：4101000001</p></div></body></html>"
    )
    assert "没有找到正文" in fatal(timed(page.encode("utf-8")))


def test_report_only_as_attachment():
    page = (
        '<html><body><div class="content"><p>附件：<a href="/files/nb2023.pdf">年度报告.pdf</a></p>'
        "</div></body></html>"
    )
    assert "附件" in fatal(timed(page.encode("utf-8")))


@pytest.mark.parametrize(
    "lead",
    [
        "",
        "<p>根据《中华人民共和国政府信息公开条例》要求，现将示例县教育局2023年政府信息公开工作年度报告予以公布。</p>",
    ],
)
def test_a_page_that_announces_its_attachment_by_the_reports_name_has_no_report_text(lead):
    # the attachment named after the report, a line that says it is published: no report on the page
    page = (
        '<html><body><div class="content"><h1>示例县教育局2023年政府信息公开工作年度报告</h1>'
        f"<p>发布时间：2024-01-18</p>{lead}"
        '<p>附件：<a href="/files/nb2023.pdf">示例县教育局2023年政府信息公开工作年度报告.pdf</a></p>'
        "</div></body></html>"
    )
    assert "附件" in fatal(timed(page.encode("utf-8")))


@pytest.mark.parametrize(
    "line",
    ["附件：示例县统计局2023年政府信息公开工作年度报告.pdf", "附件1：示例县统计局2023年年报.docx"],
)
def test_a_page_that_names_its_attachment_in_words_only_has_no_report_text(line):
    # the link lost when the page was saved: the file's name alone says the report is attached
    page = f"<html><body><p>{line}</p></body></html>"
    assert "附件" in fatal(timed(page.encode("utf-8")))


def test_garbage_bytes():
    data = random.Random(7).randbytes(100_000)
    assert "二进制" in fatal(timed(data))


def test_deeply_nested_divs():
    deep = "<html><body>" + "<div>" * 100_000 + "示例县" * 20 + "</div>" * 100_000 + "</body></html>"
    doc = timed(deep.encode("utf-8"))
    assert doc.problems and not doc.problems[0].fatal  # nested too deeply: a warning first
    fatal(doc)


def test_nesting_within_the_limit_is_read():
    text = "示例县教育局全年在门户网站主动公开政府信息三十条"
    page = "<html><body>" + "<div><span>" * 400 + text + "</span></div>" * 400 + "</body></html>"
    doc = timed(page.encode("utf-8"))
    assert doc.problems == ()
    assert text in render(doc).text


def test_huge_page_is_refused():
    data = b"<html><body>" + b"<p>x</p>" * (25 * 1024 * 1024 // 8) + b"</body></html>"
    doc = timed(data, 1.0)
    assert "过大" in fatal(doc)
    assert "too large" in doc.problems[-1].message_en


def test_absurd_spans_are_clamped():
    page = (
        "<html><body><table><tr><td rowspan='999999999' colspan='100000'>示例县一</td>"
        "<td colspan='-3'>示例县二</td><td rowspan='x'>3</td></tr><tr><td>4</td><td>5</td></tr>"
        "</table><p>示例县统计局2023年政府信息公开工作年度报告的正文在此处。</p></body></html>"
    )
    doc = timed(page.encode("utf-8"))
    grid = next(b for b in doc.blocks if isinstance(b, Grid))
    assert all(c.rowspan <= 2 and c.colspan == 1 for row in grid.rows for c in row)


@pytest.mark.slow  # a large adversarial page
def test_many_merged_cells_stay_bounded():
    rows = "<tr><td rowspan='90' colspan='90'>1</td><td>示例</td></tr>" * 5000
    doc = timed(f"<html><body><table>{rows}</table></body></html>".encode("utf-8"))
    grid = next(b for b in doc.blocks if isinstance(b, Grid))
    assert sum(c.rowspan * c.colspan for row in grid.rows for c in row) < 300_000


# --------------------------------------------------------------------------- the shared forms

WIDTH = str.maketrans("（）：，", "():,")


def test_shared_html_forms_give_every_value():
    folder = FORMS / "html"
    if not (folder / "values.json").exists():
        pytest.skip(f"the sample forms are not available: {folder} does not exist")
    expected = json.loads((folder / "values.json").read_text(encoding="utf-8"))
    assert expected
    for name, exp in expected.items():
        doc = read((folder / name).read_bytes(), str(folder / name))
        assert not doc.problems, name
        text = render(doc).text
        total, misses = misses_in_text(text, exp)
        assert total > 100 and misses == [], (name, misses[:5])
        body = text.split("==== 正文 ====\n", 1)[1].lstrip("\n")
        assert "年度报告" in body.splitlines()[0], name  # the title first
        for chrome in ("当前位置", "索引号", "字号", "主办单位", "网站标识码", "打印本页", "上一篇"):
            assert chrome not in text, (name, chrome)
        assert {k: v for k, v, _ in doc.metadata}.get("发布日期", "").startswith(str(exp["year"] + 1))


def test_a_picture_in_the_article_is_a_paragraph_that_says_so_and_icons_are_not():
    page = (
        "<html><body><div class='nav'><img src='/images/logo.png'></div><div class='content'>"
        "<p>示例县审计局2023年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>"
        "<p><img src='/uploads/2024/table3.png' alt='申请情况表'></p>"
        "<p>四、政府信息公开行政复议、行政诉讼情况</p><p><img src='/img/qrcode.jpg'>"
        "<img src='/uploads/x.png' width='16' height='16'></p>"
        "<p>本年度未发生行政复议、行政诉讼，全年工作正常开展，各项制度执行到位，取得了较好的成效。</p>"
        "</div></body></html>"
    )
    texts = [b.text for b in read(page.encode("utf-8")).blocks if isinstance(b, Paragraph)]
    assert texts.count("[图片]") == 1
    assert texts.index("[图片]") == texts.index("三、收到和处理政府信息公开申请情况") + 1


@pytest.mark.parametrize("style", ["display:flex", "display:grid;grid-template-columns:repeat(8,1fr)"])
def test_tables_built_of_divs_are_read_as_their_cells(style):
    # a CMS that lays out the tables with <div>s (flex or grid rows of cell divs): each cell on a
    # line of its own, read as one cell per line
    from html import escape

    from tablevalues import tables_of

    from gxlint.run.api import parse_bytes, parse_text

    text = (Path(__file__).resolve().parents[1] / "examples" / "shili-county-2021.txt").read_text(
        encoding="utf-8"
    )
    body = []
    for line in text.splitlines():
        if "\t" in line:
            cells = "".join(f'<div class="td">{escape(c)}</div>' for c in line.split("\t"))
            body.append(f'<div class="tr" style="{style}">{cells}</div>')
        elif line.strip():
            body.append(f"<p>{escape(line.lstrip('#').strip())}</p>")
    page = "<html><head><meta charset='utf-8'></head><body><div class='content'>" + "\n".join(body)
    page += "</div></body></html>"
    report = parse_bytes(page.encode("utf-8"), "report.html")
    want = tables_of(parse_text(text))
    assert tables_of(report) == want


def test_a_page_saved_as_one_file_is_read_as_its_page():
    # Chrome's 网页，单个文件 (.mhtml): the page quoted-printable inside a MIME message, with its pictures
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    from tablevalues import tables_of

    from gxlint.run.api import parse_bytes

    page = CHROME_PAGE.encode("gb18030")
    message = MIMEMultipart("related", type="text/html")
    html = MIMEText(CHROME_PAGE, "html", "gb18030")
    message.attach(html)
    message.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(20), "png"))
    saved = b"From: <Saved by Blink>\n" + message.as_bytes()
    assert b"MIME-Version: 1.0" in saved
    from_page = parse_bytes(page, "report.html")
    from_file = parse_bytes(saved, "report.mhtml")
    assert from_file.source.form == "html"
    assert tables_of(from_file) == tables_of(from_page) and tables_of(from_page)
    assert [c.title for c in from_file.chapters] == [c.title for c in from_page.chapters]


@pytest.mark.parametrize("transfer", ["quoted-printable", "8bit"])
def test_a_page_saved_as_one_file_is_placed_at_the_lines_of_that_file(transfer):
    """Before: the lines of the page inside the file, where a viewer of the .mhtml file shows
    something else (a quoted-printable line elsewhere).  Each line a paragraph or cell is placed on
    is the file's line where the page's line starts."""
    import quopri

    import formsgen
    from gxlint.read.source import from_bytes

    text = (Path(__file__).resolve().parents[1] / "examples" / "shili-county-2021.txt").read_text(
        encoding="utf-8"
    )
    page = formsgen.to_html(text, "utf-8")
    saved = formsgen.to_mhtml(page, transfer, "utf-8")
    source = from_bytes(saved, "2021.mhtml")
    plain = from_bytes(page, "2021.html")
    assert source.text == plain.text and source.form == "html"
    file_lines = saved.split(b"\r\n")
    page_lines = page.split(b"\n")
    placed = 0
    for number in range(1, plain.line_count + 1):
        at_page, at_file = plain.locate(number), source.locate(number)
        assert (at_page is None) == (at_file is None)
        if at_page is None or at_page.line is None:
            continue
        assert at_file.line is not None and at_file.line != at_page.line
        assert (at_file.table, at_file.row, at_file.cell) == (at_page.table, at_page.row, at_page.cell)
        # the file from that line on, decoded, starts with the page's line
        rest = b"\n".join(file_lines[at_file.line - 1 :])
        if transfer == "quoted-printable":
            rest = quopri.decodestring(rest.replace(b"=\n", b""))
        assert rest.startswith(page_lines[at_page.line - 1]), (number, at_page, at_file)
        placed += 1
    assert placed > 50  # the paragraphs and cells


def test_a_page_saved_as_one_file_in_base64_has_no_lines_to_give():
    """Its lines are not the file's (the file holds base64): none rather than wrong ones; the table
    cells are still named."""
    import formsgen
    from gxlint.read.source import from_bytes

    text = (Path(__file__).resolve().parents[1] / "examples" / "shili-county-2021.txt").read_text(
        encoding="utf-8"
    )
    page = formsgen.to_html(text, "gbk")
    source = from_bytes(formsgen.to_mhtml(page, "base64"), "2021.mhtml")
    assert source.text == from_bytes(page, "2021.html").text
    origins = [source.locate(n) for n in range(1, source.line_count + 1)]
    assert all(o is None or o.line is None for o in origins)
    assert sum(1 for o in origins if o is not None and o.table) > 40


def test_a_page_saved_as_one_file_without_a_page_says_so():
    from gxlint.read.source import from_bytes

    saved = b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nxx\n--b--\n"
    source = from_bytes(saved, "x.mhtml")
    assert source.text == "" and "mhtml" in source.problems[0].message_en


def test_a_table_nested_past_the_depth_read_as_structure_is_said_to_be_read_as_text():
    row = "<tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr>"
    table = f"<table>{row}</table>"

    def depth_problems(levels: int) -> list:
        page = "<html><body>" + "<div>" * levels + table + "</div>" * levels + "</body></html>"
        doc = timed(page.encode("utf-8"))
        return [p for p in doc.problems if "levels deep" in p.message_en]

    deep = depth_problems(200)
    assert len(deep) == 1 and not deep[0].fatal and "tables" in deep[0].message_en
    assert depth_problems(20) == []
