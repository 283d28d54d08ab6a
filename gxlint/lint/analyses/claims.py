"""Numbers stated in a report's text, what they claim, and what the tables allow for them.

The analysis behind GX205 and GX206, for any rule that compares the text with the tables:

* :func:`claims` -- every number the text states about a table cell (a :class:`Claim`: its kind,
  such as ``"received"`` or ``"outcome"``, the number, and where it stands), read once per report;
* :func:`denials` -- the places where the text says there were none (no applications received,
  no 行政复议/行政诉讼), and :func:`shares` -- the shares it states (N 件，占 P%), each with the
  text's own totals near it;
* :func:`texts` -- each paragraph as the patterns read it (a :class:`Text`: folded, with a map
  back to the source), with its chapter's title;
* the tables' side: :class:`Applications`, :class:`Review` and :class:`Documents` give, for a
  claim, the table quantities it may mean (:class:`Quantity`: a range, since blank cells are
  unknown, or the few values a run-together row still allows, see :func:`row_splits`);
  :func:`applications` makes a report's :class:`Applications` once, for every rule that asks, and
  :func:`convicted` the rows of a table the text shows to be wrong;
  :class:`Ranges` checks a claim against every table of a kind at once.

docs/wordings.md is made from this documentation (``python -m gxlint.cli.docs``): the parts below
are what users read there.

The text is read conservatively: a number is taken as a claim about a table cell only when it
stands next to the words that name that cell, in the same clause, with a count unit, and only
about information-disclosure applications (or about 复议/诉讼 in 政府信息公开, about 规范性文件, or
about the decisions on 行政许可, 行政处罚 and 行政强制).  A count without 申请 in its own clause
(办结20件, 上年结转1件, 予以公开7件) speaks of the applications of the nearest clause before it
that names 申请, in its sentence or the two before (else after it in its sentence): it is read
only when that clause is about information-disclosure applications -- not about 行政许可, 审批,
政务服务, 复议 or 投诉 applications (受理行政许可申请350件，办结350件), nor another kind named before
申请 (受理户口迁移申请12430件，办结12388件), nor other organs -- and no words between bring in another
subject (全年受理信访事项80件，办结80件: 信访, 建议, 提案, 业务 …).  A remark in
brackets (（含律师代理申请14件）) is passed over, and so are parts listed in an earlier sentence
(其中，当面申请5件。) for the total before them; a count that goes on with parts in its own sentence
(其中当面申请5件，办结5件) counts those parts and is not read.  In the applications chapter, a
count with no 申请 within reach is about them (办理结果：予以公开20件), and so is one in a sentence
that opens with the template's words 办理结果 anywhere (从办理结果看，予以公开18件, a paragraph of its
own; not 建议提案办理结果).  A claim
disagrees with the table only when no accepted reading of it fits: blank cells are unknown (a sum
with a blank has no upper bound), rows the reader could not place are unknown, and "收到申请N件"
may count 新收 (一) or 新收 + 上年结转 (一 + 二) -- "新收申请N件" is 一 alone.  A missed mismatch costs less than a false one.
Where the applications table contradicts itself, a claim may also mean a row as the table's other
cells give it: a row's six applicant cells, the outcome rows for 三（七）总计, or -- when each of
一, 二, 三（七）总计 and 四 agrees with its own parts but 一 + 二 = 三（七）总计 + 四 fails -- the row
as the other three make it; a claim that fits only such a reading of one row shows that row to be
wrong.

The text is matched after removing spaces (PDF text splits ``7 0 件``) and markdown ``**``, with
full-width digits and punctuation normalised (NFKC); a clause ends at ， ； ： and a sentence at
。 ！ ？.  The phrasings read, each with the table cells a claim of that kind may mean (square
brackets mark optional words, | alternatives, N the number):

received      收到|受理|接收|接到|新收|收悉 [了] [各类|各种|群众|公民、法人或其他组织提出的|社会公众提出的]
              [政府信息公开|信息公开|依申请公开|公开] [的] 申请 [共计|总计|合计|累计|共|数量为|数量|总数为|总数|为|达到|达|计]
              N 件|个|宗|份;  or  收到|受理|… [了] [共计|总计|共] N 件|个|份 [政府信息公开|…] [的] 申请.
              Table: 一, or 一 + 二 (with 新收: 一).  Also 其中 [本年[度]] 新收[到] [的] [共|为] N 件 after a
              count of the applications received (共收到政府信息公开申请30件，其中新收25件) → 一.
              Not read: a total of 各类 applications that the sentence goes on to part
              (受理各类申请1200件，其中政府信息公开申请28件).
handled       已办结|办结|办理完毕|处理完毕|作出答复|予以答复|答复 [了] [政府信息公开|…] [申请] [共计|…] N 件|个.
              Table: 三（七）总计.
workload      办理|处理 [了] [各类] [政府信息公开|…] 申请 [共计|…] N 件 (not 不予处理/其他处理).
              Table: 三（七）总计, 一, or 一 + 二.
carried out   N 件 [申请] (up to 12 characters, no digit or clause end) 结转|转入|顺延|延期|转至 [至|到|入] 下[一]年[度];
              结转|转入|顺延 [至|到|入] 下[一]年[度] [继续] [办理|答复|处理] [的] [申请] [共|为] N 件;  the
              next year named by its number (5件结转至2022年, 结转至2022年继续办理的5件 in a 2021 report).
              Table: 四.
carried in    上年[度]|上一年[度]|去年 结转|转入|遗留 [的] [政府信息公开] [申请] [共|为] N 件;  the year
              before named by its number (2020年结转的5件 in a 2021 report).  Table: 二.
outcomes      予以公开及|和|与|、部分公开 N 件 → （一）+（二）;  予以公开 N 件 → （一）, or （一）+（二）;
              部分公开 → （二）;  不予[以]公开 → the （三） rows;  无法提供 → the （四） rows;  不予处理 → the （五）
              rows;  其他处理 → （六） (one row in 2019, the three sub-rows in 2021);  each as X [的] [申请] [共|为]
              N 件|个, in a sentence that (or whose preceding sentence) speaks of 申请 -- not 依申请 -- and not of
              公文, 属性 or 主动公开 (documents counted by disclosure attribute).
依申请公开     依申请公开 [政府信息|信息|文件|公文|事项] [共计|共] N 件|条|个 -- a weaker phrasing, often the
              disclosure attribute of documents: Table: 一, 一 + 二, 三（七）总计, （一）, or （一）+（二）.  In a
              sentence about 公文/属性/主动公开 it is checked only against a table of no applications at all.
review        [行政]复议 [案件|申请] [共计|总计|共] N 件|起|宗|个|次 (not 未经复议/复议后).  Table: 行政复议 总计.
litigation    [行政]诉讼 [案件] [共计|总计|共] N 件|起|宗|个|次 (not 败诉/胜诉).  Table: the two 行政诉讼
              totals together, or either.  A block whose 总计 is not the sum of its four results
              (GX204) may be read by either.
both          [行政]复议、|和|及|与|以及|或 [行政]诉讼 [案件] … N 件 (行政复议、行政诉讼案件共3件).  Table: the
              行政复议 总计 and the two 行政诉讼 totals together.
              Not read: a count with a result after it (其中行政复议1件尚未审结, 诉讼案件1件尚未审结 -- but
              not 2件均被维持): some of a block's cases, not its 总计; a count the sentence goes on to
              part with 其中 and the disclosure's words (行政诉讼案件12件，其中因政府信息公开引发的2件).
maintained    均|全部|都|皆 [被|获|已|予以|为] [依法] 维持, in a sentence that names 复议 and/or 诉讼 before it:
              contradicted by a 结果纠正, 其他结果 or 尚未审结 above 0 in the blocks named.
              The blocks named are those of its clause (复议案件均维持原答复，诉讼案件尚在审理中: the 复议),
              else of its part of the sentence after ； (复议3件，其中纠正1件；诉讼2件，均被维持: the
              诉讼), else of the whole sentence.  Outside the review chapter its sentence says 信息公开, or
              the sentence before it names the disclosure's 复议/诉讼 (全年发生政府信息公开行政复议5件。
              复议案件均被依法维持。).
              复议/诉讼 numbers count only in the review chapter or in a sentence that says 公开 before
              any 其中 after the number (收到行政复议申请96件，其中涉及政府信息公开的4件: the 96 are not
              the table's), and never after 复议机关 (the organ deciding others' reviews).
规范性文件     制发|印发|制定|出台|新制作|发布|公开 [了] [行政]规范性文件 [共计|共] N 件|个|份 → the 规范性文件 row's
              制发/制作/新公开 columns (公开 also 对外公开总数量 in 2019, 现行有效件数 in 2021: 公开规范性文件48件
              may count all published);  废止|清理废止|宣布失效|失效 … → 本年废止件数 (2021 only; 2019 has no such
              column);  现行有效 [的] [行政]规范性文件 [共计|共|为] N 件 → 现行有效件数 (2021 only).  The
              next clause may go on with the noun: after ， or 、 one of these verbs [了] [共计|共|为] N 件|个|份
              and nothing more (制发行政规范性文件6件，废止3件，现行有效31件).
decisions     作出|办理|实施|办结 [了] 行政许可|行政处罚|行政强制 [决定|案件] [共计|共] N 件|起, in a clause
              without 公开, 公示, 信息, 事项, 项目, 目录 or 清单 (counts of disclosures or of items, not of
              decisions) → that row's 处理决定数量 (本年处理决定数量 in 2021).  A list may go on from
              the verb: after 、 or ， another of the three [决定|案件] [共计|共] N 件|起 and nothing more
              (作出行政许可决定1260件、行政处罚决定90件、行政强制决定9件).
none received 未收到|没有收到|未受理|未接到|未接收 … 申请 (within the clause, no number in it; between the verb
              and 申请 only words that name all applications: 任何[形式的], 各类, 所有, 公民、法人或其他组织,
              社会公众, 向本机关, 提出的, 有关, 政府信息公开, 信息公开, 依申请公开 … -- 未收到需要收取信息
              处理费的申请 speaks of some applications only), or a clause
              opening [本年度|全年|今年|年内|本机关|我局|…] 无 依申请公开|政府信息公开申请|信息公开申请|公开申请
              that ends there or with 事项, 情况, 工作, 申请 (not 无依申请公开信息处理费收取情况).  申请人 is no
              申请 (未收到申请人的异议).
none reviewed 未|没有 发生|收到|出现|被|有|接到|产生 … 行政复议|行政诉讼|复议|诉讼 (no number in the clause; not
              尚未), or a clause opening [本年度|全年|今年|年内] 无 … 行政复议|行政诉讼.  Not a clause of
              cases of some result (未发生行政复议被纠错的情况: 败诉, 纠正, 纠错, 改变, 变更, 撤销, 维持,
              确认违法, 不服, 被告), nor of cases of some cause (未发生因答复超期引起的行政复议).
shares        N 件|个 (N in digits or numerals) [申请] [，|（] [约|共] 占 [总数|总量|全部|受理|收到|办结|答复|申请|的|比 …] P% in a sentence
              about applications (or about them as a count is: 全年办结28件。其中无法提供7件，占25%。), not of a
              part the sentence names before it (这12件中予以公开8件，占66.7%): some base must give P% -- the text's own received/handled/workload
              totals just before it (the last 8 within 600 characters, or 2 after it), or the tables'
              一, 一 + 二, 三（七）总计 -- rounded or cut to P's decimals.  A share of anything else
              (占全部公文的) is not checked.  The base a finding names is the one the wording names:
              the total 其中 refers to (收到申请9件，其中予以公开5件，占…) or the one named after 占
              (占办结总数的), else the text's 办结/答复 total, else the table's.

A cell the reader could not split (run-together digits with more than one valid split, GX003)
is not simply unknown: the claim must equal the value of that cell in some valid split (of the
row alone; at most 256 splits are listed, beyond that the cell is unknown).

Skipped: approximate numbers (约, 近, 超过, 逾, 不足, 不到 before it; 20余件 has no unit after the
number), percentages (except as shares, above) and decimals, the tail of 1,234, units of time
(个工作日, 个月, 个小时);
clauses that speak of another year (上年, 去年, 上一年, 往年, 同比, 以前年度, 历年, or a year other
than the report's, before the number: an aside after it, 30件（2020年为18件）, leaves the number
this year's; for 规范性文件 also 累计), of part of the year or of several years (季度, 上半年,
下半年, 12月份, 1至6月, 自7月1日起, 疫情期间, 近三年, 多年 -- 1至12月, 截至12月31日 and 自1月1日起
are the whole year), of a subset (当面, 现场, 信函, 邮寄, 传真, 网上, 网络,
在线, 电子邮件, 电话, 微信, 窗口, 平台, 涉…, 关于, 有关, …类申请, 方面, 自然人, 法人, 企业, 组织,
律师, 媒体, 个人, 重复, 补正, 网站, 门户 -- unless 任何/所有/各类 or the whole 公民、法人或其他组织;
a count received after 其中 in its sentence is a part of the total before it, unless it is 新收),
of other organs (各部门, 各乡镇, 各街道, 各单位, 各级, 下属, 所属, 局属, 直属, 二级单位, 指导, 全县, 全区 …)
or of other business (复议/诉讼 in an
application clause, 投诉, 举报, 信访, 咨询, 建议, 提案, 议案, 热线, 诉求, 工单, 来电, 来信).  Numbers
in Chinese numerals (三件, 两件, 一百零六件) are read only when the clause ends right after the unit.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Iterator, NamedTuple

from gxlint.arith import fmt
from gxlint.chinese import fold, fold_index, holds_any, numeral_value
from gxlint.lint.analyses.tables import (
    identities,
    interval,
    short_label,
    table_name,
    template_of,
    template_tables,
    trusted_rows,
)
from gxlint.lint.rule import Message, Phrase
from gxlint.model import ACTIVE_DISCLOSURE, APPLICATIONS, REVIEW_LITIGATION, Cell, Paragraph, Row, Span, Table
from gxlint.read import splitter
from gxlint.read.tables import is_label
from gxlint.read.templates import Template

INF = float("inf")

#: the identity of the applications table that ties its four parts: 一 + 二 = 三（七）总计 + 四
#: (its ``name`` in grammar/templates/*.json)
BALANCE = "application-balance"

# -- reading the text ------------------------------------------------------------------------------

# a whole digit run or nothing: without the guards, a long run of digits is retried from every
# position inside it (quadratic)
_NUM = r"(?P<n>(?<!\d)\d+(?!\d)|[零〇一二两三四五六七八九十百千]{1,8})"
_CLAUSE_END = ",;:"
_REACH = 400
_SENTENCE_END = "。!?"
_CONNECT = r"(?:共计|总计|合计|累计|共|数量为|数量|总数为|总数|为|达到|达|计)?"
_KIND = r"(?:政府信息公开|信息公开|依申请公开|公开)?"
_APPLICANTS = (
    r"(?:各类|各种|群众|公民、法人(?:和|或|及)其他(?:社会)?组织(?:提出|提交)?的?|社会公众(?:提出|提交)?的?)?"
)
_RECEIVE = r"(?:收到|受理|接收|接到|新收|收悉)"

RECEIVED = (
    re.compile(
        _RECEIVE + r"了?" + _APPLICANTS + _KIND + r"的?申请" + _CONNECT + _NUM + r"(?P<u>件|个|宗|份)"
    ),
    re.compile(_RECEIVE + r"了?" + r"(?:共计|总计|共)?" + _NUM + r"(?P<u>件|个|份)" + _KIND + r"的?申请"),
)
HANDLED = (
    re.compile(
        r"(?:已办结|办结|办理完毕|处理完毕|作出答复|予以答复|答复)了?"
        + _KIND
        + r"(?:申请)?"
        + _CONNECT
        + _NUM
        + r"(?P<u>件|个)"
    ),
)
WORKLOAD = (
    re.compile(r"(?<![予他])(?:办理|处理)了?(?:各类)?" + _KIND + r"申请" + _CONNECT + _NUM + r"(?P<u>件)"),
)
CARRIED_OUT = (
    re.compile(
        _NUM + r"(?P<u>件)(?:申请)?[^\d,;:。]{0,12}?(?:结转|转入|顺延|延期|转至)(?:至|到|入)?下一?年度?"
    ),
    re.compile(
        r"(?:结转|转入|顺延)(?:至|到|入)?下一?年度?(?:继续)?(?:办理|答复|处理)?的?(?:"
        + _KIND
        + r"的?申请)?(?:共|为)?"
        + _NUM
        + r"(?P<u>件)"
    ),
)
CARRIED_IN = (
    re.compile(
        r"(?:上年度?|上一年度?|去年)(?:结转|转入|遗留)(?:的)?(?:政府信息公开)?(?:申请)?(?:共|为)?"
        + _NUM
        + r"(?P<u>件)"
    ),
)
#: 其中新收25件 after a count of the applications received: row 一, the part of the total newly
#: received (the rest carried over), its noun 申请 left to the clause before
NEW_RECEIVED = re.compile(r"其中(?:本年度?)?新收(?:到)?的?(?:共|为)?" + _NUM + r"(?P<u>件)")
#: carry-over named by its years (2020年结转的5件 in a 2021 report, 5件结转至2022年): the year in
#: group ``y``, read only where it is the year before or after the report's
CARRIED_IN_YEAR = (
    re.compile(
        r"(?P<y>(?:19|20)\d\d)年度?(?:结转|转入|遗留)(?:而来)?(?:的)?(?:政府信息公开)?(?:申请)?(?:共|为)?"
        + _NUM
        + r"(?P<u>件)"
    ),
)
CARRIED_OUT_YEAR = (
    re.compile(
        _NUM
        + r"(?P<u>件)(?:申请)?[^\d,;:。]{0,12}?(?:结转|转入|顺延|转至)(?:至|到|入)?(?P<y>(?:19|20)\d\d)年"
    ),
    re.compile(
        r"(?:结转|转入|顺延)(?:至|到|入)(?P<y>(?:19|20)\d\d)年度?(?:继续)?(?:办理|答复|处理)?的?(?:"
        + _KIND
        + r"的?申请)?(?:共|为)?"
        + _NUM
        + r"(?P<u>件)"
    ),
)
OUTCOME = re.compile(
    r"(?P<kind>予以公开(?:及|和|与|、)部分公开|(?<!不)予以公开|部分公开|不予以?公开|无法提供|不予处理|其他处理)"
    r"的?(?:申请)?(?:共|为)?" + _NUM + r"(?P<u>件|个)"
)
ON_REQUEST = re.compile(
    r"依申请公开(?:政府信息|信息|文件|公文|事项)?(?:共计|共)?" + _NUM + r"(?P<u>件|条|个)"
)
REVIEW = re.compile(
    r"(?<![经后])(?:行政)?复议(?:案件|申请)?(?:共计|总计|共)?" + _NUM + r"(?P<u>件|起|宗|个|次)"
)
LITIGATION = re.compile(
    r"(?<![败胜])(?:行政)?诉讼(?:案件)?(?:共计|总计|共)?" + _NUM + r"(?P<u>件|起|宗|个|次)"
)
MAINTAINED = re.compile(r"(?:均|全部|都|皆)(?:被|获|已|予以|为)?(?:依法)?维持")
DOCUMENTS = (
    re.compile(
        r"(?P<verb>清理废止|宣布失效|废止|失效|制发|印发|制定|出台|新制作|发布|公开)了?(?:行政)?规范性文件"
        r"(?:共计|共)?" + _NUM + r"(?P<u>件|个|份)"
    ),
    re.compile(r"(?P<verb>现行有效)的?(?:行政)?规范性文件(?:共计|共|为)?" + _NUM + r"(?P<u>件|个|份)"),
)
#: decisions of an article-20 item (作出行政许可决定356件, 实施行政处罚12起): the row's 处理决定数量
DECISIONS = re.compile(
    r"(?:作出|办理|实施|办结)了?(?P<row>行政许可|行政处罚|行政强制)(?:决定|案件)?(?:共计|共)?"
    + _NUM
    + r"(?P<u>件|起)"
)
#: the next item of a list of decisions going on from a claim's verb: the 行政处罚决定90件 of
#: 作出行政许可决定1260件、行政处罚决定90件 (matched right after the 、 or ， that ends the claim)
DECISIONS_CONTINUED = re.compile(
    r"(?P<row>行政许可|行政处罚|行政强制)(?:决定|案件)?(?:共计|共)?" + _NUM + r"(?P<u>件|起)"
)
#: the next clause going on with the 规范性文件 of a claim, its verb and number alone: the 废止3件 of
#: 制发行政规范性文件6件，废止3件 (matched right after the ， or 、 that ends the claim)
DOCUMENTS_CONTINUED = re.compile(
    r"(?P<verb>清理废止|宣布失效|废止|失效|制发|印发|制定|出台|新制作|发布|公开|现行有效)了?(?:共计|共|为)?"
    + _NUM
    + r"(?P<u>件|个|份)"
)
NONE_RECEIVED = (
    re.compile(r"(?P<verb>未收到|没有收到|未受理|未接到|未接收)(?P<words>[^,;:。\d]{0,40}?)申请(?!人)"),
    re.compile(
        r"(?:^|[,;:。])(?:本年度?|全年|今年|年内|本机关|我局|我委|我办|本单位)?无"
        r"(?:依申请公开|政府信息公开申请|信息公开申请|公开申请)"
    ),
)
NONE_REVIEWED = (
    re.compile(
        r"(?<!尚)(?:未|没有)(?:发生|收到|出现|被|有|接到|产生)[^,;:。\d]{0,30}?(?:行政复议|行政诉讼|复议|诉讼)"
    ),
    re.compile(r"(?:^|[,;:。])(?:本年度?|全年|今年|年内)?无[^,;:。\d]{0,20}?(?:行政复议|行政诉讼)"),
)


# ``re`` skips ahead to where a pattern can start only when the pattern begins with a word or a
# character class; those that begin with a look-behind, a number or a group of words it tries at
# every character of a paragraph.  Such a pattern is tried only where one of the words its matches
# begin with stands (_STARTS), or only in a paragraph that holds a word each of its matches holds
# (_NEEDS); tests/test_analyses_words.py holds each list to its pattern.
_STARTS = {
    RECEIVED[0].pattern: ("收到", "受理", "接收", "接到", "新收", "收悉"),
    RECEIVED[1].pattern: ("收到", "受理", "接收", "接到", "新收", "收悉"),
    HANDLED[0].pattern: ("已办结", "办结", "办理完毕", "处理完毕", "作出答复", "予以答复", "答复"),
    CARRIED_OUT[1].pattern: ("结转", "转入", "顺延"),
    CARRIED_IN[0].pattern: ("上年", "上一年", "去年"),
    CARRIED_OUT_YEAR[1].pattern: ("结转", "转入", "顺延"),
    NONE_RECEIVED[0].pattern: ("未收到", "没有收到", "未受理", "未接到", "未接收"),
    WORKLOAD[0].pattern: ("办理", "处理"),
    OUTCOME.pattern: ("予以公开", "部分公开", "不予", "无法提供", "其他处理"),
    REVIEW.pattern: ("行政复议", "复议"),
    LITIGATION.pattern: ("行政诉讼", "诉讼"),
    NONE_REVIEWED[0].pattern: ("未", "没有"),
}
_NEEDS = {
    MAINTAINED.pattern: ("维持",),
    CARRIED_OUT[0].pattern: ("结转", "转入", "顺延", "延期", "转至"),
    CARRIED_IN_YEAR[0].pattern: ("结转", "转入", "遗留"),
    CARRIED_OUT_YEAR[0].pattern: ("结转", "转入", "顺延", "转至"),
    NONE_RECEIVED[1].pattern: ("无",),
    NONE_REVIEWED[1].pattern: ("无",),
}
# A pattern that begins with a number written right before its unit is tried only at the numbers
# before that unit (tests/test_claims_number_places.py holds it to finditer).
_NUMBER_BEFORE = {CARRIED_OUT[0].pattern: "件", CARRIED_OUT_YEAR[0].pattern: "件"}
_NUMERALS = "零〇一二两三四五六七八九十百千"


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, trying the pattern only where it can match."""
    starts = _STARTS.get(pattern.pattern)
    if starts is None:
        needs = _NEEDS.get(pattern.pattern)
        if needs is not None and not holds_any(text, needs):
            return
        unit = _NUMBER_BEFORE.get(pattern.pattern)
        if unit is None:
            yield from pattern.finditer(text)
            return
        places = _number_places(text, unit)
    else:
        found = set()
        for word in starts:
            at = text.find(word)
            while at >= 0:
                found.add(at)
                at = text.find(word, at + 1)
        places = sorted(found)
    end = 0  # as finditer: the next match begins where the last one ended
    for at in places:
        if at >= end:
            m = pattern.match(text, at)
            if m is not None:
                yield m
                end = m.end()


def _number_places(text: str, unit: str) -> list[int]:
    """Where a match of ``_NUM`` right before ``unit`` can begin: the whole run of digits before it
    (\\d is a decimal digit, as for str.isdecimal), or its last eight numerals at most."""
    places = []
    at = text.find(unit, 1)  # a unit that begins the text has no number before it
    while at >= 0:
        i = at
        if text[i - 1].isdecimal():
            while i > 0 and text[i - 1].isdecimal():
                i -= 1
            places.append(i)
        elif text[i - 1] in _NUMERALS:
            while i > at - 8 and i > 0 and text[i - 1] in _NUMERALS:
                i -= 1
            places.append(i)
        at = text.find(unit, at + 1)
    return places


# Few reports state a share: the two patterns of shares are compiled when a paragraph holding
# 占 and % is first read, not by every run.
@lru_cache(maxsize=None)
def _percent() -> re.Pattern[str]:
    """A count and its share of the whole, as in “258 件，占 33.9%” (:func:`_whole_base` says whether
    the words between 占 and the percentage name the whole)."""
    return re.compile(
        r"(?P<n>(?<![\d.,])\d+|(?<![零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九十百千]{1,8})(?P<u>件|个)(?:申请)?[,(]?(?:约|共)?占(?P<base>[^,;:。!?\d%]{0,16}?)"
        r"(?P<p>\d+(?:\.\d+)?)%"
    )


@lru_cache(maxsize=None)
def _whole_base() -> re.Pattern[str]:
    """What may stand between 占 and the percentage (the base named as the whole: 总数的,
    受理申请总量的 …); anything else is another base."""
    return re.compile(
        r"(?:本年度?|全年|全部|所有|总数|总量|总计|合计|受理|收到|新收|办结|答复|办理|处理|已|"
        r"政府信息公开|信息公开|依申请公开|申请|件数|数量|数|的|比例?|为|了|总)*"
    )


_BASE_REACH = 600  # characters before a share where the text's own total is looked for
_BASE_CLAIMS = 8  # and at most this many of the text's totals before it (two after it)

#: the kinds of claim that state a total of applications (received, answered, dealt with)
TOTALS = ("received", "handled", "workload")

# Word lists that are only looked for, never matched for a place or a group, are tuples tested with
# ``in`` (:func:`_holds`), ``startswith`` or ``endswith``: nothing to compile when the module loads.
# an approximate number: one of these words ends the text just before it
_APPROX = ("约", "近", "超过", "逾", "不足", "不到", "上下")
# a unit of time or the like after a number's unit (5个工作日): one of these begins the text after it
_UNIT_TAIL = ("工作日", "月", "小时", "百分点", "批次", "人次", "方面", "部门", "单位", "栏目", "年")
_OTHER_YEAR = ("上年", "去年", "上一年", "往年", "同比", "以前年度", "历年")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_SUBSET = tuple(
    "当面 现场 信函 邮寄 传真 网上 网络 在线 网站 门户 电子邮件 邮件 电话 微信 窗口 平台 涉 关于 有关 类申请 "
    "方面 自然人 法人 企业 组织 律师 媒体 个人 重复 补正".split()
)
_WHOLE_PUBLIC = re.compile(r"公民、法人(?:和|或|及)其他(?:社会)?组织|任何|所有|一切|各类|各种")
_OTHER_BUSINESS = tuple("投诉 举报 信访 咨询 建议 提案 议案 热线 诉求 工单 来电 来信".split())


def _other_business(clause: str) -> bool:
    """Whether a clause speaks of other business than disclosure (投诉, 建议, 议案 …); the 议案 in
    复议案件 is none."""
    if "复议案" in clause:
        clause = clause.replace("复议案", "复议")
    return holds_any(clause, _OTHER_BUSINESS)


_REVIEW_WORDS = ("复议", "诉讼")
_APPLICATION = re.compile(r"(?<!依)申请")
# counts of other organs than the reporting one (a government's report speaking of its departments)
_SCOPE = (
    "各部门",
    "各乡镇",
    "各街道",
    "各单位",
    "各级",
    "下属",
    "所属",
    "局属",
    "委属",
    "直属",
    "二级单位",
    "指导",
    "全县",
    "全市",
    "全区",
    "全省",
    "全州",
)
# a sentence about documents' disclosure attributes, not about applications
_ATTRIBUTES = ("公文", "属性", "主动公开")
#: a clause about cases of some result (被纠正, 被纠错, 改变原答复 …): not about all cases
_NOT_MAINTAINED = ("败诉", "纠正", "纠错", "改变", "变更", "撤销", "维持", "确认违法", "不服", "被告")
# a lawsuit brought directly or after review: litigation, although the words name 复议 (only a
# sentence saying the decisions were upheld, or that there were none, needs it: compiled by re then)
_DIRECT_SUIT = r"未经复议直接起诉|复议后起诉"
_SUIT = ("诉讼", "起诉")
# 规范性文件 work that is not issuing (and 累计: a running total, not this year's)
_OTHER_DOCUMENT_WORK = ("解读", "备案", "审查", "征求", "草案", "累计")
# counts of disclosures (公开行政许可信息) or of items (行政许可事项), not of decisions
_NOT_DECISIONS = ("公开", "公示", "信息", "事项", "项目", "目录", "清单")
_NUMBER_TAIL = re.compile(r"\d[,.]$")
_DIGIT = re.compile(r"\d")


#: the characters of the words :meth:`Text.holds` is asked for that other characters fold to (⽂ is
#: 文, ％ is %); no other character folds to one of those words' characters
_FOLDED_TO = "文%"


class Text:
    """A paragraph's text without spaces and ``*``, NFKC-normalised, with a map back to it."""

    __slots__ = ("para", "_norm", "_index", "_stop_cache")

    def __init__(self, para: Paragraph, norm: str | None = None) -> None:
        self.para = para
        self._norm = norm
        self._index: list[int] | None = None
        self._stop_cache: dict[str, list[int]] = {}

    @classmethod
    def of(cls, para: Paragraph) -> "Text":
        return cls(para)

    @property
    def norm(self) -> str:
        """The text folded (:func:`gxlint.chinese.fold`), when first read: most paragraphs hold none
        of the words that the analysis reads further (:meth:`holds`)."""
        if self._norm is None:
            self._norm = fold(self.para.text)
        return self._norm

    def holds(self, word: str) -> bool:
        """Whether ``norm`` holds ``word``: not folded to find out when the paragraph lacks one of
        the word's characters (of those no other character folds to)."""
        raw = self.para.text
        for ch in word:
            if ch not in raw and ch not in _FOLDED_TO:
                return False
        return word in self.norm

    @property
    def index(self) -> list[int]:
        """For each character of ``norm``, its index in the paragraph's text (built when needed)."""
        if self._index is None:
            self._index = fold_index(self.para.text)
        return self._index

    def source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of ``norm[start:end]``."""
        a = self.para.source_offset(self.index[start])
        b = self.para.source_offset(self.index[end - 1]) + 1
        return a, b

    def original(self, start: int, end: int) -> str:
        return self.para.text[self.index[start] : self.index[end - 1] + 1]

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around ``pos``: between the nearest , ; : or sentence end on either side."""
        return self._around(pos, self._stops(_CLAUSE_END + _SENTENCE_END))

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._around(pos, self._stops(_SENTENCE_END))

    def _stops(self, chars: str) -> list[int]:
        """Positions of the stop characters, computed once per text (bisected per match, so that
        a long text with many matches stays linear)."""
        cache = self._stop_cache
        if chars not in cache:
            cache[chars] = [m.start() for m in _stop_pattern(chars).finditer(self.norm)]
        return cache[chars]

    def _around(self, pos: int, stops: list[int]) -> tuple[int, int]:
        # no real sentence is longer than _REACH characters on either side; text without stops
        # (a crawled table, noise) must not make every match look at all of it
        i = bisect_left(stops, pos)
        start = stops[i - 1] + 1 if i > 0 else 0
        end = stops[i] if i < len(stops) else len(self.norm)
        return max(start, pos - _REACH), min(end, pos + _REACH)

    def previous_sentence(self, pos: int) -> str:
        s, _ = self.sentence(pos)
        if s <= 0:
            return ""
        ps, pe = self.sentence(s - 1)
        return self.norm[ps:pe]


@dataclass
class Claim:
    """A number the text states about a table cell.

    ``kind`` is what it counts (the phrasings above): ``received``, ``handled``, ``workload``,
    ``carried_out``, ``carried_in``, ``outcome`` (``detail``: the outcome's words, 予以公开 …),
    ``on_request`` (``detail`` ``"attributes"`` in a sentence about documents' disclosure
    attributes), ``review``, ``litigation``, ``cases`` (复议 and 诉讼 together), ``documents`` (``detail``: the verb, 制发 …) or
    ``maintained`` (均获维持: ``number`` 0, ``detail`` the blocks named, ``"review"`` and/or
    ``"litigation"``).  ``start``/``end`` delimit the phrase in ``text.norm``, ``n_start``/``n_end``
    the number; :meth:`span` is where the number stands in the source."""

    kind: str
    number: int
    text: Text
    start: int  # of the whole phrase in text.norm
    end: int
    n_start: int
    n_end: int
    detail: str = ""

    @property
    def phrase(self) -> str:
        return self.text.original(self.start, self.end)

    def span(self, source) -> Span:
        a, b = self.text.source(self.n_start, self.n_end)
        return source.span(a, b)

    def phrase_span(self, source) -> Span:
        a, b = self.text.source(self.start, self.end)
        return source.span(a, b)


@lru_cache(maxsize=None)
def _stop_pattern(chars: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(chars) + "]")


def _number(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    raw = raw.replace("两", "二").replace("〇", "零")
    if raw == "零":
        return 0
    return numeral_value(raw)


def _accept(text: Text, m: re.Match, *, years: bool = True, year: int | None = None) -> bool:
    """Whether a matched number is a plain count in a clause about the report's year."""
    raw = m.group("n")
    value = _number(raw)
    if value is None:
        return False
    after = text.norm[m.end() : m.end() + 4]
    if after.startswith(_UNIT_TAIL):
        return False
    if not raw.isdigit():
        # Chinese numerals only when the clause ends right after the unit (三件。 not 一件一档)
        if after and after[0] not in _CLAUSE_END + _SENTENCE_END + "、)）":
            return False
    before = text.norm[max(0, m.start("n") - 3) : m.start("n")]
    if before.endswith(_APPROX):
        return False
    if text.norm[m.end("n") : m.end("n") + 1] in ("%", "％", "."):
        return False
    if _NUMBER_TAIL.search(text.norm[max(0, m.start("n") - 2) : m.start("n")]):
        return False  # the tail of 1,234 or 2.5, not a number of its own
    cs, _ = text.clause(m.start())
    head = text.norm[cs : m.end()]
    if _part_of_year(head):
        return False
    if years:
        if holds_any(head, _OTHER_YEAR):
            return False
        if year is not None and any(int(y) != year for y in _YEAR.findall(head)):
            return False
    return True


_PERIOD_WORDS = ("季", "半年", "期间", "月", "近", "多年")
#: months named as a period (12月份, 1至6月, 7-9月), not as a day (截至12月31日, 12月底)
_MONTHS = re.compile(r"(?:(\d{1,2})月?份?(?:至|到|-|~|—)+)?(\d{1,2})月(?!\d|底|末|初|中旬|下旬|上旬)")
_PERIOD = re.compile(r"季度|半年|(?<!报告)期间|近[一二两三四五六七八九十\d]+年|多年|自\d{1,2}月")


def _part_of_year(head: str) -> bool:
    """Whether a clause counts part of the year, or several years: 第三季度, 上半年, 12月份, 1至6月,
    自7月1日起, 疫情期间, 近三年 (1至12月 and 自1月1日起 are the whole year)."""
    if not holds_any(head, _PERIOD_WORDS):
        return False
    for m in _PERIOD.finditer(head):
        if not head.startswith("自1月", m.start()) and not head.startswith("自01月", m.start()):
            return True
    return any(m.group(1) not in ("1", "01") or m.group(2) != "12" for m in _MONTHS.finditer(head))


def _clause_text(text: Text, m: re.Match) -> str:
    """The clause up to the end of the match: what qualifies the number (a remark after it, such as
    （含当面申请5件）, does not)."""
    cs, _ = text.clause(m.start())
    return text.norm[cs : m.end()]


def _subset(clause: str) -> bool:
    """The clause counts a subset (a channel, a kind of applicant, a topic)."""
    # 公民、法人或其他组织 and 任何/所有 name everyone, 各类 every kind: the 法人, 组织 and 类申请 in them
    # name no subset
    return holds_any(_WHOLE_PUBLIC.sub("", clause), _SUBSET)


def _application_sentence(text: Text, pos: int, previous: bool = False) -> bool:
    s, e = text.sentence(pos)
    if _APPLICATION.search(text.norm[s:e]):
        return True
    return previous and bool(_APPLICATION.search(text.previous_sentence(pos)))


#: applications for other things than information (行政许可申请, 复议申请, 投诉举报申请)
# (not 登记: 登记受理政府信息公开申请 is the disclosure's own)
_OTHER_APPLICATIONS = ("许可", "审批", "政务服务", "服务事项", "办件", "处罚", "强制")


def _other_applications(clause: str) -> bool:
    """Whether a clause speaks of other applications or business than information disclosure."""
    return (
        _other_business(clause) or holds_any(clause, _REVIEW_WORDS) or holds_any(clause, _OTHER_APPLICATIONS)
    )


def _about_applications(text: Text, pos: int, in_chapter: bool = False) -> bool:
    """Whether the count at ``pos`` (办结20件, 上年结转2件, 予以公开10件) is about information-disclosure
    applications.  A clause that names 申请 itself says so (the caller has read that clause); else
    the nearest 申请 before it in its sentence or the two before, else after it in its sentence,
    must stand in a clause about them -- not in one about 行政许可, 复议 or 投诉 applications
    (受理行政许可申请350件，办结350件) or other organs.  An aside in brackets (（含律师代理申请14件）) is
    passed over, and so are parts listed in an earlier sentence (其中，当面申请5件。) for the total
    before them; a count that goes on with parts in its own sentence (其中当面申请5件，办结5件)
    counts those parts.  In the applications chapter (三、收到和处理政府信息公开申请情况) a count with
    no 申请 within reach is about them (办理结果：予以公开20件)."""
    s, e = text.sentence(pos)
    norm = text.norm
    cs, ce = text.clause(pos)
    if _APPLICATION.search(norm, cs, ce):
        return True
    start = s
    for _ in range(2):
        if start > 0:
            start = text.sentence(start - 1)[0]
    at = [m.start() for m in _APPLICATION.finditer(norm, start, pos)]
    at.reverse()
    if not at:
        after = _APPLICATION.search(norm, pos, e)
        at = [after.start()] if after is not None else []
    for where in at:
        ws, we = text.clause(where)
        if _in_aside(norm, ws, where):
            continue
        clause = _ASIDE.sub("", norm[ws:we])
        if _subset(clause) or "其中" in norm[text.sentence(where)[0] : where]:
            if where >= s:
                return False
            continue
        if where < cs and _other_subject(norm[we:cs]):
            return False  # …办结28件。全年受理信访事项80件，办结80件: the 80 are the 信访's
        return not (_other_applications(clause) or holds_any(clause, _SCOPE) or _other_kind(norm, ws, where))
    if not at and _RESULTS_OF_APPLICATIONS in norm[s:pos] and _RESULTS_LEAD.search(norm, max(0, s - 1), pos):
        # 从办理结果看，予以公开18件 (a paragraph of its own after the one that counts the applications)
        head = norm[s:pos]
        return not (_other_applications(head) or holds_any(head, _SCOPE))
    return in_chapter and not at


#: the template's own words for the outcomes of the applications (三、本年度办理结果) opening a
#: passage (从办理结果看，…; 办理结果：…), not 建议提案办理结果 and other business's results
_RESULTS_OF_APPLICATIONS = "办理结果"
_RESULTS_LEAD = re.compile(r"(?:^|[。;])(?:从|在)?(?:申请的?)?办理结果(?:来看|看|方面|上)?[:,]")


def _results_lead(text: str) -> bool:
    return _RESULTS_OF_APPLICATIONS in text and _RESULTS_LEAD.search(fold(text)) is not None


#: what may stand between a verb and 申请 in a clause about information-disclosure applications
#: (受理公民、法人或其他组织提出的政府信息公开申请); other words name another kind of application
#: (受理户口迁移申请, 不动产登记申请)
_KIND_OF_APPLICATION = re.compile(
    r"(?:新收到|收到|受理|接收|接到|新收|收悉|办理|处理|办结|答复)了?(?P<q>[^\d,;:。()]{0,16}?)申请$"
)
_DISCLOSURE_QUALIFIERS = re.compile(
    r"(?:各类|各种|群众|公民、法人(?:和|或|及)其他(?:社会)?组织|社会公众|公众|申请人|提出|提交|递交|"
    r"向(?:本|我)\w{0,2}|依法|有关|相关|关于|政府信息公开|信息公开|公开政府信息|依申请公开|政府信息|公开|信息|"
    r"本年度?|全年|今年|年内|新|的|了|共|总计|共计|合计)*"
)


def _other_kind(norm: str, start: int, where: int) -> bool:
    """Whether the 申请 at ``where`` is another kind of application by the words between its verb
    and it (受理户口迁移申请12430件): a subset of the disclosure's (当面申请) is :func:`_subset`'s."""
    m = _KIND_OF_APPLICATION.search(norm, start, where + 2)
    if m is None or not m.group("q"):
        return False
    q = m.group("q")
    return _DISCLOSURE_QUALIFIERS.fullmatch(q) is None and not _subset(q)


def _other_subject(between: str) -> bool:
    """Whether the words between a count and the 申请 before it bring in another subject: other
    business (信访事项, 建议提案), other applications or 业务."""
    return _other_business(between) or holds_any(between, _OTHER_APPLICATIONS) or "业务" in between


_ASIDE = re.compile(r"\([^()]*\)")


def _in_aside(norm: str, start: int, pos: int) -> bool:
    """Whether ``pos`` stands in brackets opened after ``start`` (a remark: （含当面申请5件）)."""
    opened = norm.rfind("(", start, pos)
    return opened >= 0 and norm.rfind(")", opened, pos) < 0


def _part_named_after(text: Text, m: re.Match) -> bool:
    """Whether a count of 各类 applications is a grand total the sentence goes on to part, naming the
    disclosure applications among them (受理各类申请1200件，其中政府信息公开申请28件)."""
    clause = _clause_text(text, m)
    if not holds_any(clause, ("各类", "各种")) or holds_any(clause, ("信息公开", "依申请")):
        return False
    _, e = text.sentence(m.start())
    return holds_any(text.norm[m.end() : e], ("信息公开", "依申请"))


def _part_listed(text: Text, m: re.Match) -> bool:
    """Whether a received count follows 其中 in its sentence (收到申请22件，其中通过门户网站收到申请
    15件，局属单位收到申请7件): a part of the total before it -- unless it is the year's new ones
    (其中本年新收20件)."""
    s, _ = text.sentence(m.start())
    return "其中" in text.norm[s : m.start()] and "新收" not in _clause_text(text, m)


def _paragraphs(report) -> Iterator[tuple[Paragraph, str]]:
    """Each paragraph with the title of the chapter it stands in ("" in the preamble)."""
    for block in report.preamble:
        if isinstance(block, Paragraph):
            yield block, ""
    for chapter in report.chapters:
        for block in chapter.blocks:
            if isinstance(block, Paragraph):
                yield block, chapter.title


# the first character of every word a claim, denial or share needs in a paragraph (申请, 复议,
# 诉讼, 维持, 规范性文件, 占; of 行政许可, 行政处罚, 行政强制 a character of their own): no other
# character folds to one of them, so a paragraph with none of them in its text can hold none of
# those words once folded
_WORD_STARTS = tuple("申复诉维规占许罚强")


def texts(report, ctx) -> list[tuple[Text, str]]:
    """Each paragraph that may hold a claim, a denial or a share, folded, with its chapter's title
    (computed once per report)."""
    return ctx.memo(
        ("gxlint", "texts"),
        lambda: [
            (Text.of(para), chapter)
            for para, chapter in _paragraphs(report)
            # (the applications chapter's paragraphs all: 办理结果：予以公开20件 names no 申请)
            if holds_any(para.text, _WORD_STARTS) or "申请" in chapter or _results_lead(para.text)
        ],
    )


def claims(report, ctx) -> list[Claim]:
    """Every recognised numeric claim in the report's paragraphs (computed once per report)."""
    return ctx.memo(("gxlint", "claims"), lambda: list(_claims(report, ctx)))


def _claims(report, ctx) -> Iterator[Claim]:
    year = report.year
    for text, chapter in texts(report, ctx):
        # every application pattern needs 申请 in its paragraph, every review one 复议/诉讼/维持,
        # every document one 规范性文件: a substring test spares most paragraphs all the regexes
        if text.holds("申请") or "申请" in chapter or _results_lead(text.para.text):
            yield from _application_claims(text, year, "申请" in chapter)
        if text.holds("复议") or text.holds("诉讼") or text.holds("维持"):
            yield from _review_claims(text, year, holds_any(chapter, _REVIEW_WORDS))
        if text.holds("规范性文件"):
            yield from _document_claims(text, year)
        if text.holds("行政许可") or text.holds("行政处罚") or text.holds("行政强制"):
            yield from _decision_claims(text, year)


def _mk(kind: str, text: Text, m: re.Match, detail: str = "") -> Claim:
    # _number is None for a run of numerals that is no number (九九): a known gap, typed as found
    return Claim(
        kind,
        _number(m.group("n")),  # type: ignore[arg-type]
        text,
        m.start(),
        m.end(),
        m.start("n"),
        m.end("n"),
        detail,
    )


def _application_claims(text: Text, year: int | None, in_chapter: bool = False) -> Iterator[Claim]:
    taken = bytearray(len(text.norm))  # characters already claimed by an earlier match

    def free(m: re.Match) -> bool:
        return not any(taken[m.start() : m.end()])

    def take(m: re.Match) -> None:
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())

    def ok(m: re.Match, *, years: bool = True, subset: bool = True) -> bool:
        clause = _clause_text(text, m)
        if _other_applications(clause) or holds_any(clause, _SCOPE):
            return False
        if subset and _subset(clause):
            return False
        return _accept(text, m, years=years, year=year)

    for kind, patterns, years in (
        ("received", RECEIVED, True),
        ("handled", HANDLED, True),
        ("workload", WORKLOAD, True),
        ("carried_out", CARRIED_OUT, True),
        ("carried_in", CARRIED_IN, False),
    ):
        for pattern in patterns:
            for m in _matches(pattern, text.norm):
                if not free(m) or not ok(m, years=years):
                    continue
                if kind == "received" and _part_listed(text, m):
                    continue
                if kind != "received" and not _about_applications(text, m.start(), in_chapter):
                    continue
                if kind == "received" and _part_named_after(text, m):
                    continue
                take(m)
                yield _mk(kind, text, m, "new" if kind == "received" and "新收" in m.group(0) else "")
    for m in NEW_RECEIVED.finditer(text.norm) if "其中" in text.norm else ():
        s, _ = text.sentence(m.start())
        if holds_any(text.norm[s : m.start()], _REVIEW_WORDS):
            continue  # 全年发生行政复议案件3件，其中新收2件: the reviews' part
        if free(m) and ok(m, subset=False) and _about_applications(text, m.start(), in_chapter):
            take(m)
            yield _mk("received", text, m, "new")
    for kind, patterns, step in (("carried_in", CARRIED_IN_YEAR, -1), ("carried_out", CARRIED_OUT_YEAR, 1)):
        if year is None:
            break
        for pattern in patterns:
            for m in _matches(pattern, text.norm):
                if int(m.group("y")) != year + step or not free(m) or not ok(m, years=False):
                    continue
                if not _about_applications(text, m.start(), in_chapter):
                    continue
                take(m)
                yield _mk(kind, text, m)
    for m in _matches(OUTCOME, text.norm):
        if not free(m) or not ok(m) or not _about_applications(text, m.start(), in_chapter):
            continue
        s, e = text.sentence(m.start())
        if holds_any(text.norm[s:e], _ATTRIBUTES):
            continue
        take(m)
        yield _mk("outcome", text, m, m.group("kind"))
    for m in ON_REQUEST.finditer(text.norm):
        clause = _clause_text(text, m)
        if not free(m) or holds_any(clause, _REVIEW_WORDS) or not _accept(text, m, year=year):
            continue
        take(m)
        s, e = text.sentence(m.start())
        yield _mk("on_request", text, m, "attributes" if holds_any(text.norm[s:e], _ATTRIBUTES) else "")


_ABOUT_DISCLOSURE = ("信息公开", "申请公开", "依申请")


def _about_disclosure(text: Text, pos: int, in_chapter: bool) -> bool:
    """复议/诉讼 numbers count only about 政府信息公开: in the review chapter, or in a sentence that
    says 信息公开 or 申请公开 (an organ's other 行政复议 work is not the table's)."""
    if in_chapter:
        return True
    s, e = text.sentence(pos)
    # a part named after the number is not what the number counts (收到行政复议申请96件，其中涉及
    # 政府信息公开的4件: the 96 are all of the organ's reviews)
    parts = text.norm.find("其中", pos, e)
    # not 公开 alone: 公开行政复议决定书 is an organ's other review work made public
    return holds_any(text.norm[s : e if parts < 0 else parts], _ABOUT_DISCLOSURE)


_ALL = ("均", "全部", "都", "皆")


def _part_named(text: Text, end: int) -> bool:
    """Whether the sentence goes on after a count with 其中 and the disclosure's words: the count is
    of more than the disclosure's cases or applications, and the part after 其中 is theirs."""
    _, e = text.sentence(end)
    parts = text.norm.find("其中", end, e)
    return parts >= 0 and holds_any(text.norm[parts:e], _ABOUT_DISCLOSURE)


#: 复议 joined to the 诉讼 of a litigation match: the number counts both (行政复议、行政诉讼案件共3件)
_JOINED_REVIEW = re.compile(r"复议(?:案件)?(?:、|和|及|与|以及|或|/)?$")
#: the results of cases: a clause of 其中 that ends with one counts some of a block's cases
#: (其中行政复议1件尚未审结), not its 总计
_RESULTS = tuple("审结 维持 纠正 撤销 驳回 撤诉 终止 终结 结果 败诉 胜诉 确认违法".split())


def _review_claims(text: Text, year: int | None, in_chapter: bool = False) -> Iterator[Claim]:
    norm = text.norm
    for kind, pattern in (("review", REVIEW), ("litigation", LITIGATION)):
        for m in _matches(pattern, norm):
            clause = _clause_text(text, m)
            if holds_any(clause, _NOT_MAINTAINED) or _other_business(clause) or holds_any(clause, _SCOPE):
                continue
            tail = norm[m.end() : text.clause(m.start())[1]]
            if holds_any(tail, _RESULTS) and ("其中" in clause or not holds_any(tail, _ALL)):
                continue  # 其中行政复议1件尚未审结, 诉讼案件1件尚未审结: some cases by their result
            if _part_named(text, m.end()):
                continue  # 行政诉讼案件12件，其中因政府信息公开引发的2件: the 12 are all the organ's
            if "复议机关" in norm[text.sentence(m.start())[0] : m.start()]:
                continue  # the organ deciding others' reviews (县政府作为行政复议机关…), not reviewed
            if _accept(text, m, year=year) and _about_disclosure(text, m.start(), in_chapter):
                joined = (
                    _JOINED_REVIEW.search(norm, max(0, m.start() - 8), m.start())
                    if kind == "litigation"
                    else None
                )
                if joined is None:
                    yield _mk(kind, text, m)
                    continue
                claim = _mk("cases", text, m)
                # the phrase quoted is all that the number counts: 行政复议、行政诉讼案件共3件
                claim.start = joined.start() - (2 if norm.endswith("行政", 0, joined.start()) else 0)
                yield claim
    for m in _matches(MAINTAINED, text.norm):
        s, _ = text.sentence(m.start())
        head = text.norm[s : m.start()]
        if holds_any(head, _OTHER_YEAR) or (
            year is not None and any(int(y) != year for y in _YEAR.findall(head))
        ):
            continue
        if holds_any(head, _SCOPE):
            continue
        if not _about_disclosure(text, m.start(), in_chapter):
            # 全年发生政府信息公开行政复议5件。复议案件均被依法维持。: the cases of the sentence before
            before = text.previous_sentence(m.start())
            if not (holds_any(before, _ABOUT_DISCLOSURE) and holds_any(before, _REVIEW_WORDS)):
                continue
        cs, _ = text.clause(m.start())
        blocks = (
            _blocks_named(text.norm[cs : m.start()])
            or _blocks_named(head[head.rfind(";") + 1 :])
            or _blocks_named(head)
        )
        if blocks:
            yield Claim("maintained", 0, text, m.start(), m.end(), m.start(), m.end(), blocks)


def _blocks_named(words: str) -> str:
    """The blocks that words before 均获维持 name: those of its clause (复议案件均维持原答复，诉讼案件尚在
    审理中: the 复议), else of its part of the sentence (复议3件，其中纠正1件；诉讼2件，均被维持: the
    诉讼), else of the whole sentence."""
    words = re.sub(_DIRECT_SUIT, "诉讼", words)
    return ("review" if "复议" in words else "") + ("litigation" if holds_any(words, _SUIT) else "")


def _document_claims(text: Text, year: int | None) -> Iterator[Claim]:
    for pattern in DOCUMENTS:
        for first in pattern.finditer(text.norm):
            m: re.Match[str] | None = first
            while m is not None:
                clause = _clause_text(text, m)
                # 累计 of documents is a running total, not this year's; the rest are other document work
                if holds_any(clause, _OTHER_DOCUMENT_WORK) or holds_any(clause, _SCOPE):
                    break
                if not _accept(text, m, year=year):
                    break
                yield _mk("documents", text, m, m.group("verb"))
                m = _continued(text, m.end())


def _decision_claims(text: Text, year: int | None) -> Iterator[Claim]:
    norm = text.norm
    for m in DECISIONS.finditer(norm):
        clause = _clause_text(text, m)
        if holds_any(clause, _NOT_DECISIONS) or holds_any(clause, _SCOPE) or not _accept(text, m, year=year):
            continue
        yield _mk("decisions", text, m, m.group("row"))
        # the list goes on from the verb: 、行政处罚决定90件、行政强制决定9件
        end = m.end()
        while end < len(norm) and norm[end] in ",、":
            item = DECISIONS_CONTINUED.match(norm, end + 1)
            if item is None or (
                item.end() < len(norm) and norm[item.end()] not in _CLAUSE_END + _SENTENCE_END + "、"
            ):
                break
            if not _accept(text, item, year=year):
                break
            yield _mk("decisions", text, item, item.group("row"))
            end = item.end()


def _continued(text: Text, end: int) -> re.Match[str] | None:
    """The clause after a 规范性文件 claim that goes on with its noun: after ， or 、, a verb and
    its number alone, the clause ending right after the unit (制发行政规范性文件6件，废止3件).
    Anything else in that clause (废止3件规章, 其中废止3件) leaves it unread."""
    norm = text.norm
    if end >= len(norm) or norm[end] not in ",、":
        return None
    m = DOCUMENTS_CONTINUED.match(norm, end + 1)
    if m is None or (m.end() < len(norm) and norm[m.end()] not in _CLAUSE_END + _SENTENCE_END + "、"):
        return None
    return m


# -- the text says there were none ---------------------------------------------------------------------


@dataclass
class Denial:
    """A clause saying there were none: no applications received (``kind`` ``"applications"``), or
    no 行政复议/行政诉讼 (``"reviews"``; ``blocks`` names which: ``"review"``, ``"litigation"`` or
    both, as for a ``maintained`` claim).  ``start``/``end`` delimit the words in ``text.norm``."""

    kind: str
    text: Text
    start: int
    end: int
    blocks: str = ""

    @property
    def phrase(self) -> str:
        return self.text.original(self.start, self.end)

    def span(self, source) -> Span:
        a, b = self.text.source(self.start, self.end)
        return source.span(a, b)


def denials(report, ctx) -> list[Denial]:
    """Every clause of the report's paragraphs that says no applications were received, or that no
    行政复议/行政诉讼 happened (the phrasings "none received" and "none reviewed" above), in text
    order per paragraph: a clause with a number in it, about another year, another business or a
    subset (当面申请 …) is not one, nor is 没有败诉 (no lawsuit lost is not no lawsuit)."""
    year = report.year
    out = []
    for text, _chapter in texts(report, ctx):
        if text.holds("申请"):
            for pattern in NONE_RECEIVED:
                for m in _matches(pattern, text.norm):
                    clause = _plain_clause(text, m, year)
                    if (
                        clause is None
                        or not _all_applications(m)
                        or not _ends_denial(text, m)
                        or holds_any(clause, _REVIEW_WORDS)
                        or _other_business(clause)
                        or _subset(clause)
                    ):
                        continue
                    out.append(Denial("applications", text, _after_stop(text, m), m.end()))
        if text.holds("复议") or text.holds("诉讼"):
            for pattern in NONE_REVIEWED:
                for m in _matches(pattern, text.norm):
                    clause = _plain_clause(text, m, year)
                    if clause is None or holds_any(clause, _NOT_MAINTAINED) or _caused(m.group(0)):
                        continue
                    words = re.sub(_DIRECT_SUIT, "诉讼", clause)
                    blocks = ("review" if "复议" in words else "") + ("litigation" if "诉讼" in words else "")
                    if blocks:
                        out.append(Denial("reviews", text, _after_stop(text, m), m.end(), blocks))
    return out


#: the words that may stand between 未收到 and 申请 in a denial of all applications (未收到公民、法人或
#: 其他组织提出的任何形式的政府信息公开申请); any other word names some applications only
#: (未收到需要收取信息处理费的申请)
_ALL_APPLICATIONS = re.compile(
    r"(?:任何形式的|任何|各类|各种|一切|所有|全部|公民、法人(?:和|或|及)其他(?:社会)?组织|社会公众|公众|群众|"
    r"申请人|向(?:本|我)(?:机关|单位|部门|局|委|办|院|厅|县|区|市|镇|乡|街道|中心|公司|校)|提出|提交|递交|"
    r"有关|相关|关于|政府信息公开|信息公开|公开政府信息|公开信息|依申请公开|政府信息|公开|信息|的|过|了)*"
)


#: what may follow 无依申请公开 in its clause: nothing, or the noun it denies (本年度无依申请公开
#: 事项); anything else makes it some other thing's denial (无依申请公开信息处理费收取情况)
_DENIAL_TAIL = re.compile(r"(?:的)?(?:政府信息公开)?(?:申请|情况|事项|工作|案件)?(?:发生)?")


def _ends_denial(text: Text, m: re.Match) -> bool:
    """Whether a "无 …申请" denial's clause ends with its words (the 未收到 ones end at 申请)."""
    if "verb" in m.groupdict():
        return True
    _, ce = text.clause(m.start() + 1)
    return _DENIAL_TAIL.fullmatch(text.norm, m.end(), ce) is not None


def _all_applications(m: re.Match) -> bool:
    """Whether a "none received" denial speaks of all applications, not of some kind of them."""
    words = m.groupdict().get("words")
    return words is None or _ALL_APPLICATIONS.fullmatch(words) is not None


#: a cause that makes a denial speak of some cases only: 未发生因答复超期引起的行政复议
_CAUSE = re.compile(r"因(.{1,20}?)(?:而)?(?:引起|导致|造成|产生|引发)")
#: causes that name all the cases the table counts: 未发生因政府信息公开引起的行政复议
_WHOLE_CAUSE = re.compile(r"^(?:政府)?信息公开(?:工作|申请|事项)?$|^依申请公开(?:工作)?$")


def _caused(words: str) -> bool:
    """Whether a denial of reviews or lawsuits denies only those of one cause (答复超期, 公开不当)."""
    m = _CAUSE.search(words) if "因" in words else None
    return m is not None and _WHOLE_CAUSE.match(m.group(1)) is None


def _plain_clause(text: Text, m: re.Match, year) -> str | None:
    """The clause of the match, when it has no number and speaks of no other year."""
    cs, ce = text.clause(m.start())
    clause = text.norm[cs:ce]
    if _DIGIT.search(_YEAR.sub("", clause)):
        return None
    if holds_any(clause, _OTHER_YEAR) or any(int(y) != year for y in _YEAR.findall(clause) if year):
        return None
    return clause


def _after_stop(text: Text, m: re.Match) -> int:
    """Where the words of a match begin (after the clause end a pattern may start with)."""
    return m.start() + (1 if text.norm[m.start()] in _CLAUSE_END + _SENTENCE_END else 0)


# -- stated shares ---------------------------------------------------------------------------------


@dataclass
class Share:
    """A share the text states of the applications as a whole: ``number`` 件，占 ``written``%.

    ``start``/``end`` delimit the phrase in ``text.norm`` (``percent_start`` the percentage),
    ``clause_start`` its clause; ``totals`` are the text's own totals of applications (claims of
    the kinds in :data:`TOTALS`) near it: the last 8 within 600 characters before it, or 2 after.
    ``base`` is the one of them the wording makes the share's base, if any (:func:`_named_base`):
    the total that 其中 refers to (收到申请9件，其中予以公开5件，占…), or the one named after 占
    (占办结总数的…)."""

    text: Text
    number: int
    written: str
    start: int
    end: int
    percent_start: int
    clause_start: int
    totals: list[Claim]
    base: Claim | None = None

    @property
    def percent(self) -> float:
        return float(self.written)

    @property
    def decimals(self) -> int:
        """How many decimals the percentage is written with."""
        return len(self.written.split(".", 1)[1]) if "." in self.written else 0

    def span(self, source) -> Span:
        """Where the percentage (P%) stands."""
        a, b = self.text.source(self.percent_start, self.end)
        return source.span(a, b)


def shares(report, ctx) -> list[Share]:
    """Every share of the applications the text states, in a sentence about applications (the
    phrasing "shares" above): not a share of something else (占全部公文的 …), nor an approximate
    one, nor one about another year, other organs or other business."""
    by_text: dict[int, list[Claim]] = {}
    for claim in claims(report, ctx):
        if claim.kind in TOTALS:
            by_text.setdefault(id(claim.text), []).append(claim)
    out = []
    for text, chapter in texts(report, ctx):
        if not text.holds("占") or "%" not in text.norm:
            continue
        own = sorted(by_text.get(id(text), []), key=lambda c: c.start)
        starts = [c.start for c in own]
        for m in _percent().finditer(text.norm):
            number = _number(m.group("n"))
            if number is None or not _whole_share(report, text, m, "申请" in chapter):
                continue
            # the text's totals near the share (a one-line report is one long paragraph)
            at = bisect_left(starts, m.start())
            near = own[
                max(bisect_left(starts, m.start() - _BASE_REACH), at - _BASE_CLAIMS) : min(
                    bisect_right(starts, m.end() + _BASE_REACH // 4), at + 2
                )
            ]
            out.append(
                Share(
                    text,
                    number,
                    m.group("p"),
                    m.start(),
                    m.end(),
                    m.start("p"),
                    text.clause(m.start())[0],
                    near,
                    _named_base(text, m, near),
                )
            )
    return out


#: the words after 占 that name a kind of total as the base (占办结总数的, 占收到申请的)
_BASE_WORDS = (
    ("办结", "handled"),
    ("答复", "handled"),
    ("收到", "received"),
    ("受理", "received"),
    ("新收", "received"),
)


def _named_base(text: Text, m: re.Match, totals: list[Claim]) -> Claim | None:
    """The text's total the share's wording makes its base: the one named after 占 (占办结总数的
    …: the nearest total of that kind), else the total just before the share when 其中 stands
    between them in the same sentence (收到申请9件，其中予以公开5件，占…: 其中 refers to the 9)."""
    named = m.group("base")
    for word, kind in _BASE_WORDS:
        if word in named:
            of_kind = [c for c in totals if c.kind == kind]
            before = [c for c in of_kind if c.end <= m.start()]
            found = before[-1] if before else (of_kind[0] if of_kind else None)
            if found is not None:
                return found
    before = [c for c in totals if c.end <= m.start("n")]
    if before:
        between = text.norm[before[-1].end : m.start("n")]
        if "其中" in between and not any(ch in between for ch in _SENTENCE_END):
            return before[-1]
    return None


#: a share's base named as a part before it: 这12件中, 上述12件申请中, 其中涉及…的12件中
_OF_SUBSET = re.compile(r"(?:这|该|上述|此|前述)(?:\d+|[一二三四五六七八九十两百]+)件(?:申请)?中")


def _whole_share(report, text: Text, m: re.Match, in_chapter: bool = False) -> bool:
    if _whole_base().fullmatch(m.group("base")) is None:
        return False  # a share of something else (占全部公文的 …)
    if text.norm[max(0, m.start("n") - 3) : m.start("n")].endswith(_APPROX):
        return False
    cs, _ = text.clause(m.start())
    head = text.norm[cs : m.end()]
    if holds_any(head, _OTHER_YEAR) or holds_any(head, _SCOPE) or _other_business(head):
        return False
    if not (
        _application_sentence(text, m.start(), previous=True)
        or _about_applications(text, m.start(), in_chapter)
    ):
        return False
    s, _ = text.sentence(m.start())
    if _OF_SUBSET.search(text.norm, s, m.start()):
        return False  # 这12件中予以公开8件，占66.7%: a share of the 12, a subset
    year = report.year
    return not (year is not None and any(int(y) != year for y in _YEAR.findall(head)))


# -- what the tables say ---------------------------------------------------------------------------

#: how a message says what a table quantity is (:meth:`Quantity.says`); ``unit`` is worded in
#: Chinese only (" 件" after the number), ``values``/``shown`` list the values a split allows
WORDING = {
    "splits": Message(
        zh="无法确定（数字连写为“{written}”，拆分方式不止一种），但任何拆分下都只可能是{values}{unit}",
        en="undetermined (digits run together as “{written}”, with more than one split), "
        "but every split gives {values}{unit}",
    ),
    "at_least": Message(
        zh="至少为 {value}{unit}（另有空白单元格）", en="at least {value}{unit} (with blank cells)"
    ),
    "exactly": Message(zh="为 {value}{unit}", en="{value}{unit}"),
    "one_value": Message(zh=" {shown}", en="{shown}"),
    "many_values": Message(zh=" {shown} 等 {count} 个值之一", en="one of {count} values ({shown}, …)"),
    "some_values": Message(zh=" {shown} 之一", en="one of {shown}"),
    "row_parts": Message(zh="{label}的六类申请人之和", en="{label}'s six applicant cells together"),
    "outcome_sum": Message(zh="各项办理结果之和", en="the sum of the outcome rows"),
    "balance": Message(zh="按 {left} = {right} 推得的{label}", en="{label} as {left} = {right} makes it"),
    "block_parts": Message(zh="{block}四项结果之和", en="{block}: the four results together"),
}


def _quantity(key: str, value: float, **fields) -> "Quantity":
    """A quantity of one known value, named by the wording ``key``."""
    name = _worded(key, **fields)
    return Quantity(name.zh, name.en, value, value)


def _worded(key: str, **fields) -> Phrase:
    message = WORDING[key]
    return Phrase(message.text("zh", fields)[0], message.text("en", fields)[0])


@dataclass
class Quantity:
    """A table quantity as a message names it (``zh``, ``en``), with the range its unknown cells
    allow (``lo`` to ``hi``, ``hi`` is :data:`INF` when a blank cell leaves it open) and, for a
    run-together row that could not be split, the only values its splits give (``values``, from
    the digits ``written``)."""

    zh: str
    en: str
    lo: float
    hi: float
    values: frozenset[float] | None = None  # the only values possible (a cell that could not be split)
    written: str = ""  # the run-together digits those values come from

    @property
    def name(self) -> Phrase:
        return Phrase(self.zh, self.en)

    def fits(self, n: float) -> bool:
        if self.values is not None and not any(abs(v - n) < 1e-9 for v in self.values):
            return False
        return self.lo - 1e-9 <= n <= self.hi + 1e-9

    def says(self, unit: str = "") -> Phrase:
        """What the table gives, as a message field: ``为 16`` / ``16``, ``至少为 275（另有空白单元格）`` /
        ``at least 275 (with blank cells)``, or the values a run-together row allows; ``unit`` (" 件")
        follows the number in Chinese."""
        unit_phrase = Phrase(unit, "")
        if self.values is not None:
            return _worded("splits", written=self.written, values=_listed(self.values), unit=unit_phrase)
        if self.hi == INF:
            return _worded("at_least", value=fmt(self.lo), unit=unit_phrase)
        return _worded("exactly", value=fmt(self.lo), unit=unit_phrase)


def plus(a: Quantity, b: Quantity) -> Quantity:
    """The sum of two quantities, named ``a + b``."""
    lo, hi = _add((a.lo, a.hi), (b.lo, b.hi))
    values, written = _sum_values([a, b])
    return Quantity(f"{a.zh} + {b.zh}", f"{a.en} + {b.en}", lo, hi, values, written)


_SHOWN = 8


def _listed(values: frozenset[float]) -> Phrase:
    shown = [fmt(v) for v in sorted(values)[:_SHOWN]]
    listed = Phrase("、".join(shown), ", ".join(shown))
    if len(values) == 1:
        return _worded("one_value", shown=listed)
    if len(values) > _SHOWN:
        return _worded("many_values", shown=listed, count=len(values))
    return _worded("some_values", shown=listed)


# -- rows whose run-together digits could not be split -----------------------------------------------------

_SPLIT_LIMIT = 256  # more splits than this: the values are not listed, the cell stays unknown
_SUM_LIMIT = 1024


# a named tuple, not a dataclass: made at start-up in a tenth of the time (docs/performance.md)
class Splits(NamedTuple):
    """What a run-together row that could not be split can still say: per column, every value that
    some valid split gives it (a number the text states that no split allows is a mismatch)."""

    written: str
    columns: dict[str, frozenset[float]]


def _row_constraints(tmpl, kind: str, columns) -> list[tuple[int, tuple[int, ...]]]:
    """The row's own totals as column positions, as the reader uses them to split (the
    active-disclosure rows have none: their identities are inequalities)."""
    if kind not in (APPLICATIONS, REVIEW_LITIGATION):
        return []
    index = {c: i for i, c in enumerate(columns)}
    out = []
    for ident in tmpl.identities:
        if ident.table == kind and ident.per == "row" and ident.relation == "=":
            left, right = ident.sides()
            if len(left) == 1 and left[0] in index and all(r in index for r in right):
                out.append((index[left[0]], tuple(index[r] for r in right)))
    return out


def row_splits(table: Table, row: Row, tmpl, ctx) -> Splits | None:
    """The :class:`Splits` of an unreadable run-together row (computed once per row), or None when
    the row is not one, or has no valid split, or too many to list."""
    if row.alignment != "unreadable" or tmpl is None:
        return None
    return ctx.memo(
        ("gxlint", "splits", id(table), row.key, row.span.start), lambda: _row_splits(table, row, tmpl)
    )


def _row_splits(table: Table, row: Row, tmpl) -> Splits | None:
    raw = next((r for r in table.raw if r.run_together and r.span == row.span), None)
    if raw is None:
        return None
    tokens = [token for f in raw.fields if not is_label(f.text) for token in f.text.split()]
    if not tokens:
        return None
    if table.kind == REVIEW_LITIGATION:
        blocks, cols = tmpl.rl_blocks, tmpl.rl_columns
        if row.key not in blocks:
            return None
        columns = [f"{b}/{c}" for b in blocks for c in cols]
        width = len(cols)
        constraints = [
            (b * width + t, tuple(b * width + p for p in parts))
            for b in range(len(blocks))
            for t, parts in _row_constraints(tmpl, table.kind, cols)
        ]
        mine = {f"{row.key}/{c}": c for c in cols}
    else:
        columns = list(row.columns)
        constraints = _row_constraints(tmpl, table.kind, columns)
        mine = {c: c for c in columns}
    money = frozenset(i for i, c in enumerate(columns) if c.rsplit("/", 1)[-1] in tmpl.money_columns)
    signed = frozenset(i for i, c in enumerate(columns) if c.rsplit("/", 1)[-1] in tmpl.signed_columns)
    found = splitter.search(tokens, len(columns), constraints, money, signed, limit=_SPLIT_LIMIT)
    if not found.complete or not found.solutions:
        return None
    values = {
        mine[c]: frozenset(float(s[i]) for s in found.solutions) for i, c in enumerate(columns) if c in mine
    }
    return Splits(" ".join(tokens), values)


def _possible(q: "Quantity") -> frozenset[float] | None:
    """Every value a quantity can have, when that is a finite set."""
    if q.values is not None:
        return q.values
    if q.lo == q.hi and q.hi != INF:
        return frozenset((q.lo,))
    return None


def _sum_values(parts: list["Quantity"]) -> tuple[frozenset[float] | None, str]:
    """The finite set of sums of ``parts`` when one of them comes from an unsplit row (else None),
    and the run-together digits involved."""
    if not any(p.values is not None for p in parts):
        return None, ""
    sums = frozenset((0.0,))
    for p in parts:
        own = _possible(p)
        if own is None:
            return None, ""
        sums = frozenset(a + b for a in sums for b in own)
        if len(sums) > _SUM_LIMIT:
            return None, ""
    return sums, "、".join(dict.fromkeys(p.written for p in parts if p.written))


def _add(*qs: tuple[float, float]) -> tuple[float, float]:
    return sum(q[0] for q in qs), sum(q[1] for q in qs)


@dataclass
class Applications:
    """An applications table as the text's claims see it (:meth:`of` makes one): a row by its
    numbering as a :class:`Quantity` (:meth:`q`: ``"cn:1"`` row 一, ``"paren:7"`` （七）总计), and
    the quantities a claim may mean (:meth:`candidates`: 一 or 一 + 二 for ``received`` …)."""

    table: Table
    template: Template
    rows: dict[str, Row]
    total_column: str = "总计"

    ctx: object = None

    @classmethod
    def of(cls, table: Table, ctx) -> "Applications | None":
        """The table seen through its template (None when it has no applications template)."""
        tmpl = template_of(table, ctx)
        if tmpl is None or not tmpl.app_columns:
            return None
        return cls(table, tmpl, trusted_rows(table), tmpl.app_columns[-1], ctx)

    def row_quantity(self, key: str) -> "Quantity":
        """A row's total as a quantity: its range, and the values a run-together row that could not
        be split still allows."""
        lo, hi = self.row(key)
        values, written = None, ""
        if key not in self.rows and self.ctx is not None:
            raw_row = next((r for r in self.table.rows if r.key == key), None)
            splits = row_splits(self.table, raw_row, self.template, self.ctx) if raw_row is not None else None
            if splits is not None and self.total_column in splits.columns:
                values, written = splits.columns[self.total_column], splits.written
        return Quantity("", "", lo, hi, values, written)

    def row(self, key: str) -> tuple[float, float]:
        """The range of a row's total: its 总计 cell, or the sum of its applicant cells."""
        row = self.rows.get(key)
        if row is None:
            return 0.0, INF
        total = row.cell(self.total_column)
        if total is not None and total.status == "number" and total.value is not None:
            return float(total.value), float(total.value)
        return interval(c for c in row.cells if c.column != self.total_column)

    def leaves(self, label: str) -> list[str]:
        node = self.template.node(label)
        return [leaf.label for leaf in node.leaves()] if node is not None else []

    def group(self, label: str) -> tuple[float, float]:
        keys = self.leaves(label)
        if not keys:
            return 0.0, INF
        return _add(*(self.row(k) for k in keys))

    def _sum(self, keys: list[str]) -> tuple[float, float, frozenset[float] | None, str]:
        parts = [self.row_quantity(k) for k in keys]
        lo, hi = _add(*((p.lo, p.hi) for p in parts))
        values, written = _sum_values(parts)
        return lo, hi, values, written

    def key(self, numbering: str) -> str | None:
        """The template label of a row by its numbering, e.g. 'cn:1' -> 一、本年新收…, 'paren:7' -> （七）总计."""
        for node in self.template.app_nodes:
            if node.numbering == numbering and (node.parent is None) == numbering.startswith("cn:"):
                return node.label
        return None

    def __post_init__(self) -> None:
        self._q: dict[str, Quantity] = {}
        self._alt: dict[str, list[Quantity]] = {}
        self._own: dict[str, list[Quantity] | None] = {}

    def q(self, numbering: str) -> Quantity:
        """A row by its numbering (``"cn:1"`` 一, ``"paren:7"`` （七）总计) as a quantity (found once)."""
        found = self._q.get(numbering)
        if found is None:
            found = self._q[numbering] = self._quantity(numbering)
        return found

    def _quantity(self, numbering: str) -> Quantity:
        label = self.key(numbering)
        node = self.template.node(label) if label is not None else None
        if label is None or node is None:
            return Quantity("", "", 0.0, INF)
        values, written = None, ""
        if not node.leaf:
            lo, hi, values, written = self._sum(self.leaves(label))
        elif label in self.rows:
            lo, hi = self.row(label)
        else:
            own = self.row_quantity(label)
            if own.values is not None:
                lo, hi, values, written = own.lo, own.hi, own.values, own.written
            elif node.key == "总计" and node.parent is not None:
                # the total row is missing or unplaced: the outcome rows it sums stand for it
                lo, hi, values, written = self._sum([k for k in self.leaves(node.parent.label) if k != label])
            else:
                lo, hi = 0.0, INF
        short = short_label(self.template, label)
        return Quantity(short, short, lo, hi, values, written)

    def zero(self) -> bool:
        """Every number in the table is 0 and row 一 is known to be 0."""
        first = self.key("cn:1")
        if first is None or self.row(first) != (0.0, 0.0):
            return False
        return all(c.value == 0 for r in self.rows.values() for c in r.cells if c.status == "number")

    def alternatives(self, numbering: str) -> list[Quantity]:
        """What the table's other cells say a row's total is, where its own 总计 cell says otherwise
        (found once): the sum of the row's applicant cells, and for 三（七）总计 the sum of the
        outcome rows, each when every cell is known and it differs from the 总计 cell.  The table
        contradicts itself there (GX202, GX203 report it), so a text that agrees with one of them is
        not what is wrong."""
        found = self._alt.get(numbering)
        if found is None:
            found = self._alt[numbering] = self._alternatives(numbering)
        return found

    def _alternatives(self, numbering: str) -> list[Quantity]:
        label = self.key(numbering)
        if label is None:
            return []
        own = self._own_alternatives(label)
        if own is None:
            return []
        return own + self._balance(label)

    def _own_alternatives(self, label: str) -> list[Quantity] | None:
        """What the row's own parts say its total is where its 总计 cell says otherwise: its six
        applicant cells, and for 三（七）总计 the outcome rows (None: no leaf row with a known 总计).
        Found once: :meth:`_balance` asks it of every row of the identity, for each row asked."""
        if label not in self._own:
            self._own[label] = self._own_parts(label)
        return self._own[label]

    def _own_parts(self, label: str) -> list[Quantity] | None:
        node = self.template.node(label)
        row = self.rows.get(label)
        if node is None or not node.leaf or row is None:
            return None
        total = row.cell(self.total_column)
        if total is None or total.status != "number" or total.value is None:
            return None
        short = short_label(self.template, label)
        out = []
        parts = [c for c in row.cells if c.column != self.total_column]
        lo, hi = interval(parts)
        if parts and lo == hi and abs(lo - total.value) > 1e-9:
            out.append(_quantity("row_parts", lo, label=short))
        if node.key == "总计" and node.parent is not None:
            lo, hi, values, _ = self._sum([k for k in self.leaves(node.parent.label) if k != label])
            if values is None and lo == hi != INF and abs(lo - total.value) > 1e-9:
                out.append(_quantity("outcome_sum", lo, label=short))
        return out

    def _balance(self, label: str) -> list[Quantity]:
        """What 一 + 二 = 三（七）总计 + 四 (:data:`BALANCE`), broken in the 总计 column, makes the
        row ``label`` from the other rows -- only where each of those rows agrees with its own parts
        (the table's other identities hold for them): then the rows disagree with one another, and
        the text may give the row as the others make it (结转…7件 where 四 is 8 and 一 + 二 −
        三（七）总计 is 7)."""
        out = []
        for ident in identities(self.template, BALANCE, APPLICATIONS):
            left, right = ident.sides(self.template)
            if ident.per != "column" or label not in left + right:
                continue
            sign = 1 if label in left else -1
            rest = [(self.row(k), 1) for k in left if k != label] + [
                (self.row(k), -1) for k in right if k != label
            ]
            value = -sign * sum(s * lo for (lo, _), s in rest)
            if abs(value - self.row(label)[0]) <= 1e-9 or value < 0:
                continue  # the identity holds for the row (as it does in most tables)
            if any(self._own_alternatives(k) != [] for k in left + right):
                continue  # a row's own total is in doubt, or unknown: GX202/GX203 say which
            named = [
                Phrase(*([" + ".join(short_label(self.template, k) for k in side)] * 2))
                for side in (left, right)
            ]
            short = short_label(self.template, label)
            out.append(_quantity("balance", value, label=short, left=named[0], right=named[1]))
        return out

    def convicts(self, claim: Claim) -> str | None:
        """The row of the table that the claim shows to be wrong, if there is one: the claim fits
        none of the quantities it may mean (:meth:`candidates` without the alternatives), but fits
        once one row -- that row alone -- is read as the table's other cells give it
        (:meth:`alternatives`): the text's 结转下年度继续办理7件 where 四 is 8 and 一 + 二 − 三（七）总计
        is 7.  Its template label, else None."""
        asked: list[str] = []

        def record(numbering: str) -> Quantity:
            asked.append(numbering)
            return self.q(numbering)

        if any(q.fits(claim.number) for q in self._candidates(claim, record)):
            return None
        found = []
        for numbering in dict.fromkeys(asked):
            for alt in self.alternatives(numbering):

                def one(n: str, numbering: str = numbering, alt: Quantity = alt) -> Quantity:
                    return alt if n == numbering else self.q(n)

                if any(q.fits(claim.number) for q in self._candidates(claim, one)):
                    found.append(numbering)
                    break
        return self.key(found[0]) if len(found) == 1 else None

    def candidates(self, claim: Claim) -> list[Quantity]:
        found = self._candidates(claim, self.q)
        # where the table contradicts itself, what its other cells say is a candidate too
        for i in range(3):
            used = False

            def other(numbering: str, i: int = i) -> Quantity:
                nonlocal used
                alts = self.alternatives(numbering)
                if len(alts) > i:
                    used = True
                    return alts[i]
                return self.q(numbering)

            more = self._candidates(claim, other)
            if not used:
                break
            found.extend(q for q in more if all((q.zh, q.lo, q.hi) != (f.zh, f.lo, f.hi) for f in found))
        return found

    def _candidates(self, claim: Claim, q) -> list[Quantity]:
        kind = claim.kind
        if kind == "received":
            if claim.detail == "new":  # 新收: the words of row 一 itself
                return [q("cn:1")]
            return [q("cn:1"), plus(q("cn:1"), q("cn:2"))]
        if kind == "handled":
            return [q("paren:7")]
        if kind == "workload":
            return [q("paren:7"), q("cn:1"), plus(q("cn:1"), q("cn:2"))]
        if kind == "carried_out":
            return [q("cn:4")]
        if kind == "carried_in":
            return [q("cn:2")]
        if kind == "on_request":
            one, two = q("cn:1"), q("cn:2")
            return [one, plus(one, two), q("paren:7"), q("paren:1"), plus(q("paren:1"), q("paren:2"))]
        if kind == "outcome":
            return self._outcome(claim.detail, q)
        return []

    def _outcome(self, kind: str, q) -> list[Quantity]:
        granted, partial = q("paren:1"), q("paren:2")
        if "部分公开" in kind and "予以公开" in kind:
            return [plus(granted, partial)]
        if kind == "予以公开":
            return [granted, plus(granted, partial)]
        numbering = {
            "部分公开": "paren:2",
            "不予公开": "paren:3",
            "不予以公开": "paren:3",
            "无法提供": "paren:4",
            "不予处理": "paren:5",
            "其他处理": "paren:6",
        }.get(kind)
        return [q(numbering)] if numbering else []


def convicted(report, ctx, table: Table) -> dict[str, Claim]:
    """The rows of the applications table ``table`` that the text shows to be wrong
    (:meth:`Applications.convicts`), each with the claim that does, found once per table
    (``ctx.memo``): a rule that reports an identity the row breaks may point at that row's cell."""
    return ctx.memo(("gxlint", "convicted", id(table)), lambda: _convicted(report, ctx, table))


def _convicted(report, ctx, table: Table) -> dict[str, Claim]:
    apps = next((a for a in applications(report, ctx) if a.table is table), None)
    if apps is None:
        return {}
    out: dict[str, Claim] = {}
    for claim in claims(report, ctx):
        if claim.kind in _APPLICATION_KINDS:
            key = apps.convicts(claim)
            if key is not None:
                out.setdefault(key, claim)
    return out


#: the kinds of claim about the applications table
_APPLICATION_KINDS = ("received", "handled", "workload", "carried_out", "carried_in", "outcome")


def applications(report, ctx) -> list[Applications]:
    """The report's applications tables read against an applications template, as
    :class:`Applications` (made once per report, ``ctx.memo``: their quantities are shared)."""
    return ctx.memo(
        ("gxlint", "applications"),
        lambda: [a for a in (Applications.of(t, ctx) for t in template_tables(report, APPLICATIONS)) if a],
    )


@dataclass
class Review:
    """A review/litigation table as the text's claims see it: the 行政复议 block and the 行政诉讼
    blocks (:meth:`keys`, :meth:`block`), the quantities a ``review`` or ``litigation`` claim may
    mean (:meth:`candidates`), and the cells that contradict "all upheld" (:meth:`not_maintained`).
    ``rows`` are the table's trusted rows; with ``ctx``, a row that could not be split still
    limits its total (:func:`row_splits`)."""

    table: Table
    rows: dict[str, Row]
    ctx: object = None

    def block_quantity(self, key: str, zh: str, en: str) -> Quantity:
        lo, hi = self.block(key)
        values, written = None, ""
        if key not in self.rows and self.ctx is not None:
            row = next((r for r in self.table.rows if r.key == key), None)
            tmpl = template_of(self.table, self.ctx)
            splits = row_splits(self.table, row, tmpl, self.ctx) if row is not None and row.columns else None
            if splits is not None and row is not None and row.columns[-1] in splits.columns:
                values, written = splits.columns[row.columns[-1]], splits.written
        return Quantity(zh, en, lo, hi, values, written)

    def block(self, key: str) -> tuple[float, float]:
        row = self.rows.get(key)
        if row is None:
            return 0.0, INF
        columns = row.columns
        total = row.cell(columns[-1]) if columns else None
        if total is not None and total.status == "number" and total.value is not None:
            return float(total.value), float(total.value)
        return interval(c for c in row.cells if c.column != columns[-1])

    def keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.table.rows)

    def alternative(self, key: str, zh: str, en: str) -> Quantity | None:
        """What the block's four results add up to, where its 总计 cell says otherwise (every cell
        known): the block contradicts itself (GX204 reports it), so a text that agrees with its
        results is not what is wrong -- as :meth:`Applications.alternatives` for a row's 总计."""
        row = self.rows.get(key)
        columns = row.columns if row is not None else ()
        total = row.cell(columns[-1]) if row is not None and columns else None
        if row is None or total is None or total.status != "number" or total.value is None:
            return None
        parts = [c for c in row.cells if c.column != columns[-1]]
        lo, hi = interval(parts)
        if not parts or lo != hi or abs(lo - total.value) <= 1e-9:
            return None
        return _quantity("block_parts", lo, block=Phrase(zh, en))

    def candidates(self, claim: Claim) -> list[Quantity]:
        keys = self.keys()
        if not keys:
            return []
        if claim.kind == "cases":
            return [self._all_blocks(keys)]
        if claim.kind == "review":
            out = [self.block_quantity(keys[0], f"“{keys[0]}”栏总计", f"block “{keys[0]}” 总计")]
            alt = self.alternative(keys[0], f"“{keys[0]}”栏", f"block “{keys[0]}”")
            return out + ([alt] if alt is not None else [])
        lit = keys[1:]
        out = []
        blocks = [self.block_quantity(k, f"行政诉讼“{k}”栏总计", f"行政诉讼 block “{k}” 总计") for k in lit]
        # each block as its 总计 says, or as its four results add up to where the two differ
        readings = [
            [q, *([a] if a is not None else [])]
            for q, a in zip(
                blocks, (self.alternative(k, f"行政诉讼“{k}”栏", f"行政诉讼 block “{k}”") for k in lit)
            )
        ]
        if len(lit) > 1:
            for i, chosen in enumerate(product(*readings)):
                lo, hi = _add(*((q.lo, q.hi) for q in chosen))
                values, written = _sum_values(list(chosen))
                zh, en = "行政诉讼两栏总计之和", "the two 行政诉讼 blocks' 总计 together"
                if i:  # a block read by its results: named by the parts it adds
                    zh, en = " + ".join(q.zh for q in chosen), " + ".join(q.en for q in chosen)
                out.append(Quantity(zh, en, lo, hi, values, written))
        out.extend(q for reading in readings for q in reading)
        return out

    def _all_blocks(self, keys: tuple[str, ...]) -> Quantity:
        """The 总计 of the 行政复议 block and of the 行政诉讼 blocks together (行政复议、行政诉讼案件共N件)."""
        blocks = [self.block_quantity(k, k, k) for k in keys]
        lo, hi = _add(*((q.lo, q.hi) for q in blocks))
        values, written = _sum_values(blocks)
        return Quantity(
            "行政复议与行政诉讼各栏总计之和",
            "the 总计 of the 行政复议 and 行政诉讼 blocks together",
            lo,
            hi,
            values,
            written,
        )

    def named(self, blocks: str) -> list[str]:
        """The keys of the blocks named: ``"review"`` the 行政复议 block, ``"litigation"`` the
        行政诉讼 ones (``blocks`` as in a ``maintained`` claim or a :class:`Denial`)."""
        keys = self.keys()
        return ([keys[0]] if "review" in blocks and keys else []) + (
            list(keys[1:]) if "litigation" in blocks else []
        )

    def not_maintained(self, blocks: str) -> list[tuple[str, str, Cell]]:
        """(block zh, block en, cell) of every known non-zero 纠正/其他/尚未审结 cell in the blocks named."""
        keys = self.keys()
        out = []
        for k in self.named(blocks):
            row = self.rows.get(k)
            if row is None:
                continue
            name = k if k == keys[0] else f"行政诉讼（{k}）"
            for cell in row.cells[1 : len(row.cells) - 1]:
                if cell.status == "number" and cell.value and cell.value > 0:
                    out.append((name, name, cell))
        return out


class Documents:
    """The report's first active-disclosure table, found once: the cells a ``documents`` claim may
    mean (the 规范性文件 row's 制发/制作/新公开, 废止 or 现行有效, by the claim's verb) or a
    ``decisions`` claim (the 处理决定数量 of the row it names)."""

    def __init__(self, report, ctx) -> None:
        self.report, self.ctx = report, ctx
        self._found = False
        self._table: Table | None = None

    def candidates(self, claim: Claim) -> list[Quantity]:
        if not self._found:
            self._found = True
            self._table = self.report.table(ACTIVE_DISCLOSURE)
        if self._table is None:
            return []
        return _documents_candidates(self._table, self.ctx, claim)


class Ranges:
    """What the tables of one kind allow for each kind of claim, for a claim to be checked against
    all of them at once.

    Each table's candidates for a (kind, detail) of claim are computed once; their ranges (and the
    exact values a run-together cell can take) are merged into disjoint sorted intervals, searched
    by bisection.  A claim disagrees when it fits no candidate of any table -- as checking every
    table in turn would say, in time that does not grow with claims × tables."""

    def __init__(self, sources) -> None:
        self.sources = list(sources)
        self._cache: dict[tuple[str, str], tuple[list[Quantity], list[float], list[float]] | None] = {}

    def _of(self, claim: Claim):
        key = (claim.kind, claim.detail)
        if key not in self._cache:
            self._cache[key] = self._build(claim)
        return self._cache[key]

    def _build(self, claim: Claim):
        per_table = [s.candidates(claim) for s in self.sources]
        if not per_table or not all(per_table):
            return None  # a table with nothing to compare agrees with anything
        spans: list[tuple[float, float]] = []
        for cands in per_table:
            for q in cands:
                if q.values is not None:
                    spans.extend((v, v) for v in q.values if q.lo - 1e-9 <= v <= q.hi + 1e-9)
                else:
                    spans.append((q.lo, q.hi))
        spans.sort()
        los: list[float] = []
        his: list[float] = []
        for lo, hi in spans:
            if his and lo <= his[-1] + 1e-9:
                his[-1] = max(his[-1], hi)
            else:
                los.append(lo)
                his.append(hi)
        return per_table[0], los, his

    def mismatch(self, claim: Claim) -> list[Quantity] | None:
        """The first table's candidates when the claim fits no table, else None."""
        found = self._of(claim)
        if found is None:
            return None
        cands, los, his = found
        n = claim.number
        i = bisect_right(los, n + 1e-9) - 1
        if i >= 0 and n <= his[i] + 1e-9:
            return None
        return cands


def _documents_candidates(table: Table, ctx, claim: Claim) -> list[Quantity]:
    if not table.template:
        return []
    if claim.kind == "decisions":
        row = next((r for r in table.rows if r.key == claim.detail), None)
    else:
        row = next((r for r in table.rows if r.key.endswith("规范性文件")), None)
    if row is None:
        return []
    splits = None
    if not row.trusted:
        splits = row_splits(table, row, template_of(table, ctx), ctx)
        if splits is None:
            return []
    verb = claim.detail
    if claim.kind == "decisions":
        wanted: tuple[str, ...] = ("处理决定数量",)
    elif verb in ("清理废止", "宣布失效", "废止", "失效"):
        wanted = ("废止",)
    elif verb == "现行有效":
        wanted = ("现行有效",)
    elif verb == "公开":
        # 公开规范性文件48件 may count all published (对外公开总数量 in 2019, 现行有效 in 2021)
        wanted = ("制发", "制作", "新公开", "对外公开", "现行有效")
    else:
        wanted = ("制发", "制作", "新公开")
    out = []
    for cell in row.cells:
        col = cell.column or ""
        if not any(w in col for w in wanted):
            continue
        lo, hi = interval([cell])
        name_zh, name_en = table_name(table)
        values = splits.columns.get(col) if splits is not None else None
        out.append(
            Quantity(
                f"{name_zh}“{row.key}”行“{col}”",
                f"{name_en}, row “{row.key}”, column “{col}”",
                lo,
                hi,
                values,
                splits.written if splits is not None else "",
            )
        )
    return out
