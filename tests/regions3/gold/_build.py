"""Third held-out set: builds the 8 documents of tests/regions3/ and their hand-written reference
answers in tests/regions3/gold/. Every value below was typed by hand from the document as it is
written here; nothing comes from parser output.

The gold/xlsx helpers (V, Q, fund, ind, project, form, doc, write_text, tab, put) are the ones of
tests/regions2/gold/_build.py. That script builds its own documents at import time, so only its
helper section (everything above its first document, `F01 = ...`) is loaded and executed here,
with its HERE/DOCS pointed at this folder: the helpers are imported, not copied.

Run with the project venv (openpyxl, python-docx):  .venv/bin/python tests/regions3/gold/_build.py
Needs LibreOffice (soffice) for 01 and headless Chromium + CJK fonts for 02.
"""
import functools
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent
sys.path.insert(0, str(DOCS.parent))
import goldkit  # noqa: E402
from goldkit import Q, V, W, fund, ind, project, put, tab  # noqa: E402
from printkit import soffice_pdf  # noqa: E402

form = goldkit.form
doc = functools.partial(goldkit.doc, DOCS, HERE)


def write_text(fname, text, encoding="utf-8"):
    (DOCS / fname).write_bytes(text.encode(encoding))


def chromium_pdf(html: str, out_pdf: Path):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(html, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
                        f"--print-to-pdf={out_pdf}", src.as_uri()],
                       check=True, capture_output=True, timeout=180)


# ================================================================ 01 Inner Mongolia (Wuhai) PDF via LibreOffice
# Layout: 乌海市 …项目绩效目标表 (gxs.wuhai.gov.cn 2021): title = project name + 项目绩效目标表, `(2023年)`,
# 项目名称 / 项目类别 `(31)部门预算项目` / 归口科室 / 主管部门 `(217)…(部门)` / 实施单位 `(217003)…`,
# 投入目标(万元) with 资金来源 | 年初安排金额(万元): 资金总额 / 其中: 财政拨款数 / 其他资金, 年度目标 (目标1:…),
# caption 绩效指标(权重分值90分,…), columns 一级/二级/三级/指标性质 (正向/反向)/指标方向 (comparator)/
# 目标值/计量单位/分值/备注, level cells repeated on every row (no merges).
F01 = "01_neimenggu-wuhai-yanglao-butie-target-2023.pdf"
GOAL01 = ("围绕社区居家养老服务体系建设要求,对辖区经济困难高龄、失能老年人发放居家养老服务补贴。达成以下目标: "
          "目标1:补贴发放老年人1450人以上 目标2:上门服务2.6万人次 目标3:补贴按月足额发放 "
          "目标4:年度预算总金额186.4万元 目标5:受助老人满意度90%以上。")
rows01 = [
    ("产出指标", "数量指标", "补贴发放老年人数", "正向", "≥", "1450", "", 10, ""),
    ("产出指标", "数量指标", "上门服务人次", "正向", "≥", "2.6", "万人次", 10, ""),
    ("产出指标", "质量指标", "服务质量抽查合格率", "正向", "≥", "95", "%", 10, ""),
    ("产出指标", "时效指标", "补贴按月发放及时率", "正向", "=", "100", "%", 10, ""),
    ("产出指标", "成本指标", "人均月补贴标准", "反向", "≤", "110", "元/人·月", 10, "按自治区标准执行"),
    ("效益指标", "社会效益指标", "失能半失能老人照护覆盖率", "正向", "≥", "85", "%", 15, ""),
    ("效益指标", "可持续影响指标", "居家养老服务机制持续运行年限", "正向", "≥", "3", "年", 15, ""),
    ("满意度指标", "服务对象满意度指标", "受助老人满意度", "正向", "≥", "90", "%", 10, "抽样问卷调查"),
]
wb = Workbook()
ws = wb.active
ws.title = "绩效目标表"
for col, width in zip("ABCDEFGHI", [12, 16, 26, 9, 9, 10, 11, 7, 16], strict=False):
    ws.column_dimensions[col].width = width
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
put(ws, "A1", "社区居家养老服务补贴经费项目绩效目标表", merge="I1", bold=True)
put(ws, "A2", "(2023年)", merge="I2")
for r, (lab, val) in enumerate([("项目名称", "社区居家养老服务补贴经费"), ("项目类别", "(31)部门预算项目"),
                                ("归口科室", "(05)社会事务科"), ("主管部门", "(217)乌海市民政局(部门)"),
                                ("实施单位", "(217003)乌海市养老服务指导中心")], start=3):
    put(ws, f"A{r}", lab, merge=f"B{r}")
    put(ws, f"C{r}", val, merge=f"I{r}")
put(ws, "A8", "投入目标\n(万元)", merge="B11")
put(ws, "C8", "资金来源", merge="E8")
put(ws, "F8", "年初安排金额(万元)", merge="I8")
for r, (lab, amt) in enumerate([("资金总额", 186.4), ("其中: 财政拨款数", 186.4), ("其他资金", 0)], start=9):
    put(ws, f"C{r}", lab, merge=f"E{r}")
    put(ws, f"F{r}", amt, merge=f"I{r}")
put(ws, "A12", "年度目标", merge="B12")
put(ws, "C12", GOAL01, merge="I12")
ws["C12"].alignment = Alignment(wrap_text=True, vertical="center", horizontal="left")
ws.row_dimensions[12].height = 48
put(ws, "A13", "绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分)",
    merge="I13")
for col, head in zip("ABCDEFGHI", ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位",
                                   "分值", "备注"], strict=False):
    put(ws, f"{col}14", head)
for i, row in enumerate(rows01):
    for col, v in zip("ABCDEFGHI", row, strict=False):
        put(ws, f"{col}{15 + i}", v if v != "" else None)
thin = Side(style="thin")
for row in ws.iter_rows(min_row=3, max_row=14 + len(rows01), max_col=9):
    for c in row:
        c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
with tempfile.TemporaryDirectory() as tmpd:
    x = Path(tmpd) / "wuhai.xlsx"
    wb.save(x)
    soffice_pdf(x, DOCS / F01)


def g01(l1, l2, name, nature, target, weight, note=None):
    return ind(l1, l2, name, target, weight=weight, note=note, extras={"指标性质": nature})


doc(F01, "pdf", [form(
    "target", "社区居家养老服务补贴经费项目绩效目标表", 2023,
    project("社区居家养老服务补贴经费", department="(217)乌海市民政局(部门)",
            implementer="(217003)乌海市养老服务指导中心", category="(31)部门预算项目"),
    "万元",
    [fund("total", "资金总额", annual=186.4 * W), fund("fiscal", "其中: 财政拨款数", annual=186.4 * W),
     fund("other", "其他资金", annual=0.0)],
    {"annual": GOAL01.replace(" ", "")},  # whitespace between Chinese runs is removed (contract)
    [g01("产出指标", "数量指标", "补贴发放老年人数", "正向", V("≥1450", ">=", 1450.0, None), 10.0),
     g01("产出指标", "数量指标", "上门服务人次", "正向", V("≥2.6万人次", ">=", 2.6, "万人次"), 10.0),
     g01("产出指标", "质量指标", "服务质量抽查合格率", "正向", V("≥95%", ">=", 95.0, "%"), 10.0),
     g01("产出指标", "时效指标", "补贴按月发放及时率", "正向", V("=100%", "=", 100.0, "%"), 10.0),
     g01("产出指标", "成本指标", "人均月补贴标准", "反向", V("≤110元/人·月", "<=", 110.0, "元/人·月"), 10.0,
         note="按自治区标准执行"),
     g01("效益指标", "社会效益指标", "失能半失能老人照护覆盖率", "正向", V("≥85%", ">=", 85.0, "%"), 15.0),
     g01("效益指标", "可持续影响指标", "居家养老服务机制持续运行年限", "正向", V("≥3年", ">=", 3.0, "年"), 15.0),
     g01("满意度指标", "服务对象满意度指标", "受助老人满意度", "正向", V("≥90%", ">=", 90.0, "%"), 10.0,
         note="抽样问卷调查")],
    extras={"归口科室": "(05)社会事务科",
            "绩效指标": "权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分"},
)])


# ================================================================ 02 Beijing (Chaoyang) PDF via Chromium
# Layout: 北京市市级财政支出项目绩效报告(范本) 一、项目基本情况 (fsou.com mirror): label/value pairs four to a
# row — 项目名称/项目编码, 项目单位/主管部门, 项目负责人/联系电话, 政府收支分类科目/项目类型,
# 项目开始时间/项目完成时间, 项目总预算/其中:市财政拨款, 项目实际到位金额/其中:…, 项目实际支出金额/其中:…,
# 项目概况. **Added here:** an indicator table whose 实际完成值 column comes BEFORE 年度目标值, in its own
# <table> with a <thead>, and a 总分 row.
F02 = "02_beijing-chaoyang-laonian-canzhuo-selfeval-2023.pdf"
GOAL02 = "支持社区老年餐桌运营,全年新建社区老年餐桌12个,提供助餐服务35万人次以上,落实单餐补贴政策。"
ACT02 = "全年新建社区老年餐桌12个,提供助餐服务36.8万人次,单餐补贴按季度拨付到位,1家餐桌暂停运营。"
SUM02 = "项目用于对辖区社区老年餐桌运营给予补贴,覆盖43个社区,按助餐人次和单餐标准核拨补贴资金。"
R02 = "1家餐桌因场地调整暂停运营,已协调新址,预计下年度一季度恢复。"
rows02 = [  # l1, l2, name, actual, target, weight, score, reason
    ("产出指标", "数量指标", "新建社区老年餐桌", "12个", "≥12个", "15", "15", ""),
    (None, None, "助餐服务人次", "36.8万人次", "≥35万人次", "15", "15", ""),
    (None, "质量指标", "食品安全抽检合格率", "100%", "100%", "10", "10", ""),
    (None, "时效指标", "补贴资金拨付时间", "按季度拨付", "每季度末前拨付", "10", "10", ""),
    (None, "成本指标", "单餐补贴标准", "3元/餐", "≤3元/餐", "10", "10", ""),
    ("效益指标", "社会效益指标", "老年人就餐便利度", "明显提升", "有效提升", "10", "9", ""),
    (None, "可持续影响指标", "老年餐桌持续运营率", "91.7%", "≥95%", "10", "8.5", R02),
    ("满意度指标", "服务对象满意度指标", "就餐老人满意度", "93.5%", "≥90%", "20", "20", ""),
]


def _span(rows, i, k):
    n = 1
    while i + n < len(rows) and rows[i + n][k] is None:
        n += 1
    return n


trs = []
for i, (l1, l2, nm, act, tgt, w, s, why) in enumerate(rows02):
    tds = []
    if l1:
        tds.append(f'<td rowspan="{_span(rows02, i, 0)}">{l1}</td>')
    if l2:
        tds.append(f'<td rowspan="{_span(rows02, i, 1)}">{l2}</td>')
    tds += [f"<td>{v}</td>" for v in (nm, act, tgt, w, s, why)]
    trs.append("<tr>" + "".join(tds) + "</tr>")
html02 = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>绩效自评表</title>
<style>body{{font-family:"Noto Sans CJK SC","Noto Serif CJK SC",sans-serif;font-size:13px;margin:18px}}
table{{border-collapse:collapse;width:100%;margin-bottom:14px}}td,th{{border:1px solid #000;padding:7px 5px;
text-align:center;vertical-align:middle}}h2,h3{{text-align:center;margin:6px}}p.sec{{font-weight:bold;margin:10px 0 4px}}
thead{{display:table-header-group}}tr{{page-break-inside:avoid}}</style></head><body>
<h2>北京市朝阳区财政支出项目绩效自评表</h2><h3>(2023年度)</h3>
<p class="sec">一、项目基本情况</p>
<table>
<tr><td>项目名称</td><td>社区老年餐桌运营补贴</td><td>项目编码</td><td>11010523T000004418762</td></tr>
<tr><td>项目单位</td><td>北京市朝阳区养老服务指导中心</td><td>主管部门</td><td>北京市朝阳区民政局</td></tr>
<tr><td>项目负责人</td><td>韩立新</td><td>联系电话</td><td>010-65094172</td></tr>
<tr><td>政府收支分类科目</td><td>2080299其他民政管理事务支出</td><td>项目类型</td><td>经常性项目</td></tr>
<tr><td>项目开始时间</td><td>2023年1月</td><td>项目完成时间</td><td>2023年12月</td></tr>
<tr><td>项目总预算(万元)</td><td>420.00</td><td>其中:区财政拨款</td><td>300.00</td></tr>
<tr><td>项目实际到位金额(万元)</td><td>420.00</td><td>其中:区财政拨款</td><td>300.00</td></tr>
<tr><td>项目实际支出金额(万元)</td><td>401.26</td><td>其中:区财政拨款</td><td>288.50</td></tr>
<tr><td>项 目 概 况</td><td colspan="3" style="text-align:left">{SUM02}</td></tr>
</table>
<p class="sec">二、绩效目标及完成情况</p>
<table>
<tr><td style="width:22%">年度绩效目标</td><td style="text-align:left">{GOAL02}</td></tr>
<tr><td>目标完成情况</td><td style="text-align:left">{ACT02}</td></tr>
</table>
<p class="sec">三、绩效指标完成情况</p>
<table>
<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>实际完成值</th><th>年度目标值</th><th>分值</th>
<th>得分</th><th>未完成原因及改进措施</th></tr></thead>
<tbody>
{chr(10).join(trs)}
<tr><td colspan="5">总分</td><td>100</td><td>97.5</td><td></td></tr>
</tbody></table>
<p>填报日期:2024年3月15日</p>
</body></html>"""
chromium_pdf(html02, DOCS / F02)
doc(F02, "pdf", [form(
    "self_evaluation", "北京市朝阳区财政支出项目绩效自评表", 2023,
    project("社区老年餐桌运营补贴", code="11010523T000004418762", department="北京市朝阳区民政局",
            implementer="北京市朝阳区养老服务指导中心", nature="经常性项目", start="2023-01-01",
            end="2023-12-31", manager="韩立新", phone="010-65094172"),
    "万元",
    [fund("total", "项目总预算(万元)", project_total=420 * W, executed=401.26 * W),
     fund("fiscal", "其中:区财政拨款", project_total=300 * W, executed=288.5 * W)],
    {"annual": GOAL02, "actual": ACT02},
    [ind("产出指标", "数量指标", "新建社区老年餐桌", V("≥12个", ">=", 12.0, "个"), V("12个", None, 12.0, "个"), 15.0, 15.0),
     ind("产出指标", "数量指标", "助餐服务人次", V("≥35万人次", ">=", 35.0, "万人次"),
         V("36.8万人次", None, 36.8, "万人次"), 15.0, 15.0),
     ind("产出指标", "质量指标", "食品安全抽检合格率", V("100%", None, 100.0, "%"), V("100%", None, 100.0, "%"),
         10.0, 10.0),
     ind("产出指标", "时效指标", "补贴资金拨付时间", Q("每季度末前拨付"), Q("按季度拨付"), 10.0, 10.0),
     ind("产出指标", "成本指标", "单餐补贴标准", V("≤3元/餐", "<=", 3.0, "元/餐"), V("3元/餐", None, 3.0, "元/餐"),
         10.0, 10.0),
     ind("效益指标", "社会效益指标", "老年人就餐便利度", Q("有效提升"), Q("明显提升"), 10.0, 9.0),
     ind("效益指标", "可持续影响指标", "老年餐桌持续运营率", V("≥95%", ">=", 95.0, "%"), V("91.7%", None, 91.7, "%"),
         10.0, 8.5, reason=R02),
     ind("满意度指标", "服务对象满意度指标", "就餐老人满意度", V("≥90%", ">=", 90.0, "%"), V("93.5%", None, 93.5, "%"),
         20.0, 20.0)],
    total=97.5,
    extras={"政府收支分类科目": "2080299其他民政管理事务支出", "项目实际到位金额(万元)": "420.00",
            "项目实际到位金额.其中:区财政拨款": "300.00", "项目概况": SUM02, "填报日期": "2024年3月15日"},
)])


# ================================================================ 03 Gansu (Dingxi) xlsx: 转移支付区域绩效自评表
# Layout: the central 中央对地方转移支付区域绩效自评表 (as provinces and counties publish it; region nominal):
# 转移支付(项目)名称, 中央主管部门, 地方主管部门, 资金使用单位, 资金投入情况(万元) with 全年预算数(A)/
# 全年执行数(B)/预算执行率(B/A) and 年度资金总额/其中:中央补助/地方资金/其他资金, 年度总体目标
# 预期目标/实际完成目标, 绩效指标 一级/二级/三级/全年预期值/全年实际值/未完成原因和改进措施 (no scores).
F03 = "03_gansu-anding-yingyang-gaishan-zhuanyi-selfeval-2023.xlsx"
GOAL03 = "保障全区86所农村义务教育学校学生营养膳食补助,受益学生2.1万人以上,按每生每天5元标准足额落实。"
ACT03 = "全区84所学校实施营养膳食补助,受益学生2.13万人,补助标准落实到位,未发生食品安全事故。"
R03 = "2所学校因布局调整撤并,学生随迁至中心校就餐。"
wb = Workbook()
ws = wb.active
ws.title = "区域绩效自评表"
for col, width in zip("ABCDEFGH", [8, 12, 14, 24, 14, 14, 14, 20], strict=False):
    ws.column_dimensions[col].width = width
put(ws, "A1", "中央对地方转移支付区域绩效自评表", merge="H1", bold=True)
put(ws, "A2", "（2023年度）", merge="H2")
put(ws, "A3", "转移支付（项目）名称", merge="C3")
put(ws, "D3", "农村义务教育学生营养改善计划补助资金", merge="H3")
put(ws, "A4", "中央主管部门", merge="C4")
put(ws, "D4", "教育部", merge="H4")
put(ws, "A5", "地方主管部门", merge="C5")
put(ws, "D5", "定西市安定区教育局", merge="E5")
put(ws, "F5", "资金使用单位")
put(ws, "G5", "定西市安定区各义务教育学校", merge="H5")
put(ws, "A6", "资金投入情况（万元）", merge="C10")
put(ws, "D6", None)
put(ws, "E6", "全年预算数（A）")
put(ws, "F6", "全年执行数（B）")
put(ws, "G6", "预算执行率（B/A）", merge="H6")
for r, (lab, a, b, rate) in enumerate([("年度资金总额", 1268, 1241.37, 0.979), ("其中：中央补助", 1080, 1068.4, 0.9893),
                                       ("地方资金", 188, 172.97, 0.9201), ("其他资金", None, None, None)], start=7):
    put(ws, f"D{r}", lab)
    put(ws, f"E{r}", a, fmt="0.00")
    put(ws, f"F{r}", b, fmt="0.00")
    put(ws, f"G{r}", rate, fmt="0.00%", merge=f"H{r}")
put(ws, "A11", "年度总体目标", merge="A12")
put(ws, "B11", "预期目标", merge="D11")
put(ws, "E11", "实际完成目标", merge="H11")
put(ws, "B12", GOAL03, merge="D12")
put(ws, "E12", ACT03, merge="H12")
ws.row_dimensions[12].height = 60
heads = ["一级指标", "二级指标", "三级指标", "全年预期值", "全年实际值"]
put(ws, "A13", "绩效指标", merge="A22")
for col, head in zip("BCDEF", heads, strict=False):
    put(ws, f"{col}13", head)
put(ws, "G13", "未完成原因和改进措施", merge="H13")
rows03 = [  # l1, l2, name, target, actual, actual number format, reason
    ("产出指标", "数量指标", "受益学生人数", "≥2.1万人", "2.13万人", None, None),
    (None, None, "供餐学校数", "=86所", "84所", None, R03),
    (None, "质量指标", "食品安全事故发生次数", "=0次", "0次", None, None),
    (None, "时效指标", "补助资金下达及时率", "100%", 1, "0%", None),
    (None, "成本指标", "每生每天补助标准", "5元", "5元", None, None),
    ("效益指标", "经济效益指标", None, None, None, None, None),
    (None, "社会效益指标", "学生营养健康状况", "逐步改善", "有所改善", None, None),
    (None, "可持续影响指标", "营养改善长效机制", "持续运行", "持续运行", None, None),
    ("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", 0.946, "0.0%", None),
]
for i, (l1, l2, nm, tgt, act, afmt, why) in enumerate(rows03):
    r = 14 + i
    put(ws, f"B{r}", l1)
    put(ws, f"C{r}", l2)
    put(ws, f"D{r}", nm)
    put(ws, f"E{r}", tgt)
    put(ws, f"F{r}", act, fmt=afmt)
    put(ws, f"G{r}", why, merge=f"H{r}")
ws.merge_cells("B14:B18")
ws.merge_cells("B19:B21")
ws.merge_cells("C14:C15")
put(ws, "A23", "填报人：杨晓燕", merge="D23")
put(ws, "E23", "联系电话：0932-8216630", merge="H23")
wb.save(DOCS / F03)
doc(F03, "xlsx", [form(
    "self_evaluation", "中央对地方转移支付区域绩效自评表", 2023,
    project("农村义务教育学生营养改善计划补助资金", department="定西市安定区教育局",
            implementer="定西市安定区各义务教育学校", contact="杨晓燕", phone="0932-8216630"),
    "万元",
    [fund("total", "年度资金总额", adjusted_budget=1268 * W, executed=1241.37 * W, execution_rate=97.9),
     fund("fiscal_superior", "其中：中央补助", adjusted_budget=1080 * W, executed=1068.4 * W, execution_rate=98.93),
     fund("fiscal_local", "地方资金", adjusted_budget=188 * W, executed=172.97 * W, execution_rate=92.01)],
    {"annual": GOAL03, "actual": ACT03},
    [ind("产出指标", "数量指标", "受益学生人数", V("≥2.1万人", ">=", 2.1, "万人"), V("2.13万人", None, 2.13, "万人")),
     ind("产出指标", "数量指标", "供餐学校数", V("=86所", "=", 86.0, "所"), V("84所", None, 84.0, "所"), reason=R03),
     ind("产出指标", "质量指标", "食品安全事故发生次数", V("=0次", "=", 0.0, "次"), V("0次", None, 0.0, "次")),
     ind("产出指标", "时效指标", "补助资金下达及时率", V("100%", None, 100.0, "%"), V("100%", None, 100.0, "%")),
     ind("产出指标", "成本指标", "每生每天补助标准", V("5元", None, 5.0, "元"), V("5元", None, 5.0, "元")),
     ind("效益指标", "社会效益指标", "学生营养健康状况", Q("逐步改善"), Q("有所改善")),
     ind("效益指标", "可持续影响指标", "营养改善长效机制", Q("持续运行"), Q("持续运行")),
     ind("满意度指标", "服务对象满意度指标", "学生家长满意度", V("≥90%", ">=", 90.0, "%"), V("94.6%", None, 94.6, "%"))],
    extras={"中央主管部门": "教育部"},
)])


# ================================================================ 04 Zhejiang (Keqiao) xlsx: 专项债券 self-evaluation
# Layout: a 地方政府专项债券项目 self-evaluation (the public 柯桥区/萧山区 pages give only the summary table
# 项目名称/债券性质/债券规模/自评分数/自评等级; the form body follows the central 自评表 fund block
# 年初预算数/全年预算数/全年执行数/执行率/分值/得分). **Added here:** the indicator table starts with
# 序号 and 分值, BEFORE the level columns: 序号/分值/一级/二级/三级/年度指标值/实际完成值/得分/偏差原因分析.
F04 = "04_zhejiang-keqiao-laojiu-xiaoqu-zhaiquan-selfeval-2024.xlsx"
GOAL04 = "完成钱清街道6个老旧小区改造配套基础设施建设,新增停车泊位420个,当年实现停车及广告专项收入96万元以上。"
ACT04 = "完成6个老旧小区改造,新增停车泊位388个,实现专项收入101.5万元,债券本息按期偿付。"
R04 = "1个小区停车场地权属未理清,32个泊位顺延至下年度建设。"
wb = Workbook()
ws = wb.active
ws.title = "专项债券项目自评表"
for col, width in zip("ABCDEFGHI", [6, 7, 12, 14, 24, 13, 13, 8, 26], strict=False):
    ws.column_dimensions[col].width = width
put(ws, "A1", "2024年度地方政府专项债券项目绩效自评表", merge="I1", bold=True)
put(ws, "A2", "项目名称", merge="B2")
put(ws, "C2", "钱清街道老旧小区改造配套基础设施项目", merge="I2")
put(ws, "A3", "项目单位", merge="B3")
put(ws, "C3", "绍兴市柯桥区钱清街道办事处", merge="E3")
put(ws, "F3", "主管部门")
put(ws, "G3", "绍兴市柯桥区住房和城乡建设局", merge="I3")
put(ws, "A4", "债券类型", merge="B4")
put(ws, "C4", "其他项目收益专项债券", merge="E4")
put(ws, "F4", "项目建设期")
put(ws, "G4", "2023年3月至2025年6月", merge="I4")
put(ws, "A5", "项目负责人", merge="B5")
put(ws, "C5", "沈国强", merge="E5")
put(ws, "F5", "联系电话")
put(ws, "G5", "0575-84027715", merge="I5")
put(ws, "A6", "资金情况（万元）", merge="B10")
for col, head in zip("CDEFGHI", ["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"], strict=False):
    put(ws, f"{col}6", head)
funds04 = [("年度资金总额", 5600, 5800, 5452, 0.94, 10, 9.4),
           ("其中：上级专项债券资金", 4000, 4000, 3920, 0.98, "—", "—"),
           ("本级配套资金", 1600, 1800, 1532, 0.8511, "—", "—"),
           ("单位自筹资金", None, None, None, None, "—", "—")]
for r, (lab, a, b, c, rate, w, s) in enumerate(funds04, start=7):
    for col, v in zip("CDEFGHI", (lab, a, b, c, rate, w, s), strict=False):
        put(ws, f"{col}{r}", v, fmt="0.00%" if col == "G" else None)
put(ws, "C11", "年度绩效目标", merge="D11")
put(ws, "E11", GOAL04, merge="I11")
put(ws, "C12", "目标完成情况", merge="D12")
put(ws, "E12", ACT04, merge="I12")
ws.merge_cells("A11:B12")
put(ws, "A11", "绩效目标")
for col, head in zip("ABCDEFGHI", ["序号", "分值", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分",
                                   "偏差原因分析"], strict=False):
    put(ws, f"{col}13", head)
rows04 = [  # weight, l1, l2, name, target, actual, actual fmt, score, reason
    (15, "产出指标", "数量指标", "改造小区数量", "≥6个", "6个", None, 15, None),
    (10, None, None, "新增停车泊位", "≥420个", "388个", None, 9.24, R04),
    (10, None, "质量指标", "工程竣工验收合格率", "100%", "100%", None, 10, None),
    (10, None, "时效指标", "年度建设进度完成率", "≥90%", "92%", None, 10, None),
    (5, None, "成本指标", "每平方米改造成本", "≤680元", "652元", None, 5, None),
    (10, "效益指标", "经济效益指标", "年度专项收入（停车及广告）", "≥96万元", "101.5万元", None, 10, None),
    (10, None, "社会效益指标", "受益居民户数", "≥3200户", "3350户", None, 10, None),
    (10, None, "可持续影响指标", "债券本息按期偿付率", "=100%", "100%", None, 10, None),
    (10, "满意度指标", "服务对象满意度指标", "小区居民满意度", "≥90%", 0.95, "0%", 10, None),
]
for i, (w, l1, l2, nm, tgt, act, afmt, s, why) in enumerate(rows04):
    r = 14 + i
    put(ws, f"A{r}", i + 1)
    put(ws, f"B{r}", w)
    put(ws, f"C{r}", l1)
    put(ws, f"D{r}", l2)
    put(ws, f"E{r}", nm)
    put(ws, f"F{r}", tgt)
    put(ws, f"G{r}", act, fmt=afmt)
    put(ws, f"H{r}", s)
    put(ws, f"I{r}", why)
ws.merge_cells("C14:C18")
ws.merge_cells("C19:C21")
ws.merge_cells("D14:D15")
put(ws, "A23", "总分")
put(ws, "B23", 100)
put(ws, "C23", None, merge="G23")
put(ws, "H23", 98.64)
put(ws, "A24", "自评等级", merge="B24")
put(ws, "C24", "优", merge="I24")
wb.save(DOCS / F04)
doc(F04, "xlsx", [form(
    "self_evaluation", "地方政府专项债券项目绩效自评表", 2024,
    project("钱清街道老旧小区改造配套基础设施项目", department="绍兴市柯桥区住房和城乡建设局",
            implementer="绍兴市柯桥区钱清街道办事处", start="2023-03-01", end="2025-06-30", manager="沈国强",
            phone="0575-84027715"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=5600 * W, adjusted_budget=5800 * W, executed=5452 * W,
          execution_rate=94.0, weight=10.0, score=9.4),
     fund("fiscal_superior", "其中：上级专项债券资金", initial_budget=4000 * W, adjusted_budget=4000 * W,
          executed=3920 * W, execution_rate=98.0),
     fund("fiscal_local", "本级配套资金", initial_budget=1600 * W, adjusted_budget=1800 * W, executed=1532 * W,
          execution_rate=85.11)],
    {"annual": GOAL04, "actual": ACT04},
    [ind("产出指标", "数量指标", "改造小区数量", V("≥6个", ">=", 6.0, "个"), V("6个", None, 6.0, "个"), 15.0, 15.0),
     ind("产出指标", "数量指标", "新增停车泊位", V("≥420个", ">=", 420.0, "个"), V("388个", None, 388.0, "个"), 10.0,
         9.24, reason=R04),
     ind("产出指标", "质量指标", "工程竣工验收合格率", V("100%", None, 100.0, "%"), V("100%", None, 100.0, "%"),
         10.0, 10.0),
     ind("产出指标", "时效指标", "年度建设进度完成率", V("≥90%", ">=", 90.0, "%"), V("92%", None, 92.0, "%"), 10.0, 10.0),
     ind("产出指标", "成本指标", "每平方米改造成本", V("≤680元", "<=", 680.0, "元"), V("652元", None, 652.0, "元"),
         5.0, 5.0),
     ind("效益指标", "经济效益指标", "年度专项收入（停车及广告）", V("≥96万元", ">=", 96.0, "万元"),
         V("101.5万元", None, 101.5, "万元"), 10.0, 10.0),
     ind("效益指标", "社会效益指标", "受益居民户数", V("≥3200户", ">=", 3200.0, "户"), V("3350户", None, 3350.0, "户"),
         10.0, 10.0),
     ind("效益指标", "可持续影响指标", "债券本息按期偿付率", V("=100%", "=", 100.0, "%"), V("100%", None, 100.0, "%"),
         10.0, 10.0),
     ind("满意度指标", "服务对象满意度指标", "小区居民满意度", V("≥90%", ">=", 90.0, "%"), V("95%", None, 95.0, "%"),
         10.0, 10.0)],
    total=98.64,
    extras={"债券类型": "其他项目收益专项债券", "自评等级": "优"},
)])


# ================================================================ 05 Shandong (Qingdao) docx: 政府性基金 target
# Layout: a 市级项目支出绩效目标表 in Word (Shandong/Qingdao wording: 项目编码 on the name row, 项目期限,
# 资金来源 with 实施期资金总额 | 年度资金总额 columns, 总体目标 实施期目标 | 年度目标, indicator table with
# **two value columns** 实施期指标值 | 年度指标值 on one row). The 资金性质 row says 政府性基金预算.
F05 = "05_shandong-qingdao-gongyuan-lvdi-jijin-target-2024.docx"
MID05 = "2024—2026年完成9处市级公园提升改造,新增绿地12万平方米,公园绿地服务半径覆盖率达到90%以上。"
ANN05 = "2024年完成3处公园提升改造,新增绿地4.2万平方米,苗木成活率95%以上,游园群众满意度90%以上。"
rows05 = [  # l1, l2, name, mid value, annual value
    ("产出指标", "数量指标", "提升改造公园数量", "≥9个", "≥3个"),
    (None, None, "新增绿地面积", "≥12万平方米", "≥4.2万平方米"),
    (None, "质量指标", "苗木成活率", "≥95%", "≥95%"),
    (None, "时效指标", "年度改造任务完成时间", "2026年12月底前", "2024年11月底前"),
    (None, "成本指标", "每平方米改造成本", "≤230元", "≤230元"),
    ("效益指标", "生态效益指标", "新增绿化固碳量", "≥360吨", "≥120吨"),
    (None, "社会效益指标", "公园日均游客接待量", "逐年提高", "较上年提高5%"),
    (None, "可持续影响指标", "改造设施使用年限", "≥10年", "≥10年"),
    ("满意度指标", "服务对象满意度指标", "游园群众满意度", "≥90%", "≥90%"),
]
d = docx.Document()
d.add_paragraph("附件3")
d.add_paragraph("项目支出绩效目标表")
d.add_paragraph("（2024年度）")
NC5 = 6
t5 = d.add_table(rows=12 + len(rows05), cols=NC5)
t5.style = "Table Grid"


def c5(r, c, text, to=None):
    x = t5.cell(r, c)
    if to is not None:
        x = x.merge(t5.cell(*to))
    x.text = text
    return x


c5(0, 0, "项目名称")
c5(0, 1, "城市公园绿地提升改造", (0, 3))
c5(0, 4, "项目编码")
c5(0, 5, "370200240000000018735")
c5(1, 0, "主管部门")
c5(1, 1, "青岛市园林和林业局", (1, 2))
c5(1, 3, "实施单位")
c5(1, 4, "青岛市公园管理服务中心", (1, 5))
c5(2, 0, "项目负责人")
c5(2, 1, "姜文涛", (2, 2))
c5(2, 3, "联系电话")
c5(2, 4, "0532-85912046", (2, 5))
c5(3, 0, "项目期限")
c5(3, 1, "2024年1月1日-2026年12月31日", (3, 2))
c5(3, 3, "资金性质")
c5(3, 4, "政府性基金预算", (3, 5))
c5(4, 0, "资金来源（万元）", (7, 0))
c5(4, 1, "资金来源", (4, 2))
c5(4, 3, "实施期资金总额", (4, 4))
c5(4, 5, "年度资金总额")
for r, (lab, mid, ann) in enumerate([("合计", "3600", "1250"), ("其中：财政拨款", "3600", "1250"),
                                     ("其他资金", "0", "0")], start=5):
    c5(r, 1, lab, (r, 2))
    c5(r, 3, mid, (r, 4))
    c5(r, 5, ann)
c5(8, 0, "总体目标", (9, 0))
c5(8, 1, "实施期目标", (8, 3))
c5(8, 4, "年度目标", (8, 5))
c5(9, 1, MID05, (9, 3))
c5(9, 4, ANN05, (9, 5))
c5(10, 0, "绩效指标", (11 + len(rows05), 0))
for j, head in enumerate(["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"], start=1):
    c5(10, j, head, (11, j))
for i, (l1, l2, nm, mid, ann) in enumerate(rows05):
    r = 12 + i
    if l1:
        c5(r, 1, l1, (r + _span(rows05, i, 0) - 1, 1))
    if l2:
        n = _span(rows05, i, 1)
        c5(r, 2, l2, (r + n - 1, 2) if n > 1 else None)
    c5(r, 3, nm)
    c5(r, 4, mid)
    c5(r, 5, ann)
d.add_paragraph("注：年度指标值为本年度预算安排对应的绩效目标值。")
d.save(DOCS / F05)


def g05(l1, l2, nm, target, mid):
    return ind(l1, l2, nm, target, extras={"实施期指标值": mid})


doc(F05, "docx", [form(
    "target", "项目支出绩效目标表", 2024,
    project("城市公园绿地提升改造", code="370200240000000018735", department="青岛市园林和林业局",
            implementer="青岛市公园管理服务中心", start="2024-01-01", end="2026-12-31", manager="姜文涛",
            phone="0532-85912046"),
    "万元",
    [fund("total", "合计", project_total=3600 * W, annual=1250 * W),
     fund("fiscal", "其中：财政拨款", project_total=3600 * W, annual=1250 * W),
     fund("other", "其他资金", project_total=0.0, annual=0.0)],
    {"overall": MID05, "annual": ANN05},
    [g05("产出指标", "数量指标", "提升改造公园数量", V("≥3个", ">=", 3.0, "个"), "≥9个"),
     g05("产出指标", "数量指标", "新增绿地面积", V("≥4.2万平方米", ">=", 4.2, "万平方米"), "≥12万平方米"),
     g05("产出指标", "质量指标", "苗木成活率", V("≥95%", ">=", 95.0, "%"), "≥95%"),
     g05("产出指标", "时效指标", "年度改造任务完成时间", Q("2024年11月底前"), "2026年12月底前"),
     g05("产出指标", "成本指标", "每平方米改造成本", V("≤230元", "<=", 230.0, "元"), "≤230元"),
     g05("效益指标", "生态效益指标", "新增绿化固碳量", V("≥120吨", ">=", 120.0, "吨"), "≥360吨"),
     g05("效益指标", "社会效益指标", "公园日均游客接待量", Q("较上年提高5%"), "逐年提高"),
     g05("效益指标", "可持续影响指标", "改造设施使用年限", V("≥10年", ">=", 10.0, "年"), "≥10年"),
     g05("满意度指标", "服务对象满意度指标", "游园群众满意度", V("≥90%", ">=", 90.0, "%"), "≥90%")],
    extras={"资金性质": "政府性基金预算", "注": "年度指标值为本年度预算安排对应的绩效目标值。"},
)])


# ================================================================ 06 Guizhou (Bozhou) html: grouped two-row header
# Layout: the central 项目支出绩效自评表 fund block (年初预算数/全年预算数/全年执行数/执行率/分值/得分), then an
# indicator table with a **two-row header**: 一级/二级/三级 (rowspan 2) | 指标值 › 目标值/完成值/完成率 |
# 评分 › 分值/得分 | 偏差原因分析及改进措施 (rowspan 2). Region nominal (no Guizhou form was found).
F06 = "06_guizhou-bozhou-nongcun-gonglu-yanghu-selfeval-2023.html"
GOAL06 = "完成全区1280公里农村公路日常养护,处治路面病害3.5万平方米,优良中等路率达到80%以上。"
ACT06 = "完成农村公路日常养护1296公里,处治路面病害3.2万平方米,优良中等路率82.6%。"
R06 = "雨季延长,部分病害处治任务顺延至次年一季度完成。"
rows06 = [  # l1, l2, name, target, actual, rate, weight, score, reason
    ("产出指标", "数量指标", "养护农村公路里程", "≥1280公里", "1296公里", "101.25%", "15", "15", ""),
    (None, None, "完成路面病害处治", "≥3.5万平方米", "3.2万平方米", "91.43%", "10", "9.14", R06),
    (None, "质量指标", "优良中等路率", "≥80%", "82.6%", "103.25%", "10", "10", ""),
    (None, "时效指标", "日常养护巡查频次", "≥2次/周", "2次/周", "100%", "5", "5", ""),
    (None, "成本指标", "每公里年均养护成本", "≤0.7万元", "0.69万元", "100%", "10", "10", ""),
    ("效益指标", "社会效益指标", "农村公路列养率", "100%", "100%", "100%", "15", "15", ""),
    (None, "可持续影响指标", "养护管理机制", "长效运行", "长效运行", "100%", "15", "15", ""),
    ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥85%", "88%", "103.53%", "10", "10", ""),
]
trs = []
for i, row in enumerate(rows06):
    tds = []
    if row[0]:
        tds.append(f'<td rowspan="{_span(rows06, i, 0)}">{row[0]}</td>')
    if row[1]:
        tds.append(f'<td rowspan="{_span(rows06, i, 1)}">{row[1]}</td>')
    tds += [f"<td>{v}</td>" for v in row[2:]]
    trs.append("<tr>" + "".join(tds) + "</tr>")
html06 = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>遵义市播州区交通运输局2023年度项目支出绩效自评表</title></head>
<body>
<div class="nav">首页 &gt; 政务公开 &gt; 财政预决算 &gt; 绩效信息</div>
<div class="meta">索引号：114203210000000000/2024-00031　发布机构：播州区交通运输局　发布日期：2024-04-18</div>
<h1>遵义市播州区交通运输局2023年度项目支出绩效自评表</h1>
<div class="content">
<table border="1" cellspacing="0" cellpadding="4">
<tr><td colspan="9" align="center"><b>项目支出绩效自评表</b></td></tr>
<tr><td colspan="9" align="center">（2023年度）</td></tr>
<tr><td colspan="2">项目名称</td><td colspan="7">农村公路日常养护补助资金</td></tr>
<tr><td colspan="2">主管部门</td><td colspan="3">遵义市播州区交通运输局</td><td colspan="2">实施单位</td><td colspan="2">遵义市播州区农村公路管理所</td></tr>
<tr><td colspan="2">项目负责人</td><td colspan="3">冉光明</td><td colspan="2">联系电话</td><td colspan="2">0851-27226518</td></tr>
<tr><td colspan="2" rowspan="3">项目资金<br>（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>执行率</td><td>分值</td><td>得分</td></tr>
<tr><td>年度资金总额</td><td>860.00</td><td>920.00</td><td>897.40</td><td>97.54%</td><td>10</td><td>9.75</td></tr>
<tr><td>其中：财政拨款</td><td>860.00</td><td>920.00</td><td>897.40</td><td>97.54%</td><td>—</td><td>—</td></tr>
<tr><td colspan="2" rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="3">实际完成情况</td></tr>
<tr><td colspan="4">{GOAL06}</td><td colspan="3">{ACT06}</td></tr>
</table>
<p>绩效指标完成情况</p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><td rowspan="2">一级指标</td><td rowspan="2">二级指标</td><td rowspan="2">三级指标</td><td colspan="3">指标值</td><td colspan="2">评分</td><td rowspan="2">偏差原因分析及改进措施</td></tr>
<tr><td>目标值</td><td>完成值</td><td>完成率</td><td>分值</td><td>得分</td></tr>
{chr(10).join(trs)}
<tr><td colspan="6">总分</td><td>100</td><td>98.89</td><td></td></tr>
</table>
</div>
<div class="foot">主办：遵义市播州区人民政府办公室</div>
</body></html>
"""
write_text(F06, html06)
doc(F06, "html", [form(
    "self_evaluation", "项目支出绩效自评表", 2023,
    project("农村公路日常养护补助资金", department="遵义市播州区交通运输局",
            implementer="遵义市播州区农村公路管理所", manager="冉光明", phone="0851-27226518"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=860 * W, adjusted_budget=920 * W, executed=897.4 * W,
          execution_rate=97.54, weight=10.0, score=9.75),
     fund("fiscal", "其中：财政拨款", initial_budget=860 * W, adjusted_budget=920 * W, executed=897.4 * W,
          execution_rate=97.54)],
    {"annual": GOAL06, "actual": ACT06},
    [ind("产出指标", "数量指标", "养护农村公路里程", V("≥1280公里", ">=", 1280.0, "公里"), V("1296公里", None, 1296.0, "公里"),
         15.0, 15.0, completion_rate=101.25),
     ind("产出指标", "数量指标", "完成路面病害处治", V("≥3.5万平方米", ">=", 3.5, "万平方米"),
         V("3.2万平方米", None, 3.2, "万平方米"), 10.0, 9.14, reason=R06, completion_rate=91.43),
     ind("产出指标", "质量指标", "优良中等路率", V("≥80%", ">=", 80.0, "%"), V("82.6%", None, 82.6, "%"), 10.0, 10.0,
         completion_rate=103.25),
     ind("产出指标", "时效指标", "日常养护巡查频次", V("≥2次/周", ">=", 2.0, "次/周"), V("2次/周", None, 2.0, "次/周"),
         5.0, 5.0, completion_rate=100.0),
     ind("产出指标", "成本指标", "每公里年均养护成本", V("≤0.7万元", "<=", 0.7, "万元"), V("0.69万元", None, 0.69, "万元"),
         10.0, 10.0, completion_rate=100.0),
     ind("效益指标", "社会效益指标", "农村公路列养率", V("100%", None, 100.0, "%"), V("100%", None, 100.0, "%"), 15.0, 15.0,
         completion_rate=100.0),
     ind("效益指标", "可持续影响指标", "养护管理机制", Q("长效运行"), Q("长效运行"), 15.0, 15.0, completion_rate=100.0),
     ind("满意度指标", "服务对象满意度指标", "沿线群众满意度", V("≥85%", ">=", 85.0, "%"), V("88%", None, 88.0, "%"),
         10.0, 10.0, completion_rate=103.53)],
    total=98.89,
)])


# ================================================================ 07 Jilin (Jiutai) TAB OCR, messy
# Layout: a 项目支出绩效目标申报表 with 项目名称 + 项目编码 on one row, 项目类型 checkboxes, 项目起止时间
# `2024.03-2024.11`, 项目资金(万元) as two side-by-side label/amount pairs 项目总资金 | 本年度资金 (资金总额:/
# 其中:中央资金/本级财政资金/其他资金), 实施期总体目标 / 年度总体目标, 一级/二级/三级/指标值/指标值设定依据.
# Region nominal (no Jilin form was found). OCR faults: spaced labels, page break `第 1 页 共 2 页` with the
# header row repeated, the 生态效益 row shifted one cell left, full-width `≧`.
F07 = "07_jilin-jiutai-heitudi-baohu-target-2024-ocr.txt"
MID07 = "通过连续实施保护性耕作,遏制黑土地退化,耕地质量稳步提升。"
ANN07 = "2024年实施保护性耕作40万亩,补助农户5200户以上,作业质量抽检合格率90%以上。"
HDR07 = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "指标值设定依据"]
txt07 = tab([
    "附件1",
    "项目支出绩效目标申报表",
    "（ 2024 年度）",
    "",
    ["项 目 名 称", "黑土地保护性耕作补助", "", "项目编码", "220113-24-0076"],
    ["主管部门", "长春市九台区农业农村局", "", "实施单位", "长春市九台区农业技术推广中心"],
    ["项目类型", "☑经常性项目 □一次性项目", "", "项目起止时间", "2024.03-2024.11"],
    ["项目负责人", "刘宏伟", "", "联系电话", "0431-82316057"],
    ["项目资金", "项目总资金", "", "本年度资金", ""],
    ["（万元）", "资金总额：", "1520", "资金总额：", "760"],
    ["", "其中：中央资金", "1200", "其中：中央资金", "600"],
    ["", "本级财政资金", "320", "本级财政资金", "160"],
    ["", "其他资金", "", "其他资金", ""],
    ["实施期总 体目标", MID07],
    ["年度总体目标", ANN07],
    HDR07,
    ["", "产出指标", "数量指标", "保护性耕作实施面积", "≧40万亩", "省下达任务"],
    ["", "", "", "补助农户数", "≥5200户", "上年实际"],
    ["", "", "质 量指标", "作业质量抽检合格率", "≥90%", "技术规范"],
    ["", "", "", "秸秆覆盖率", "≥30%", "技术规范"],
    ["", "", "时效指标", "作业完成时间", "5月31日前", "农时要求"],
    ["", "", "成本指标", "每亩补助标准", "=19元/亩", "补助标准"],
    "",
    "第 1 页 共 2 页",
    "",
    HDR07,
    ["", "效益指标", "经济效益 指标", "亩均节本增效", "≥25元", "测算"],
    ["", "生态效益指标", "土壤有机质含量", "逐年提升", "监测数据", ""],
    ["", "", "可持续影响指标", "保护性耕作技术到位率", "≥85%", "历史指标"],
    ["", "满意度 指标", "服务对象满意度指标", "参与农户满意度", "≥90%", "问卷调查"],
    "",
    ["填报人：王丽娟", "", "", "填报日期：2023年11月20日"],
    "",
    "第 2 页 共 2 页",
])
write_text(F07, txt07)


def g07(l1, l2, nm, target, basis):
    return ind(l1, l2, nm, target, extras={"指标值设定依据": basis})


doc(F07, "text", [form(
    "target", "项目支出绩效目标申报表", 2024,
    project("黑土地保护性耕作补助", code="220113-24-0076", department="长春市九台区农业农村局",
            implementer="长春市九台区农业技术推广中心", nature="经常性项目", start="2024-03-01", end="2024-11-30",
            manager="刘宏伟", contact="王丽娟", phone="0431-82316057"),
    "万元",
    [fund("total", "资金总额：", project_total=1520 * W, annual=760 * W),
     fund("fiscal_superior", "其中：中央资金", project_total=1200 * W, annual=600 * W),
     fund("fiscal_local", "本级财政资金", project_total=320 * W, annual=160 * W)],
    {"overall": MID07, "annual": ANN07},
    [g07("产出指标", "数量指标", "保护性耕作实施面积", V("≧40万亩", ">=", 40.0, "万亩"), "省下达任务"),
     g07("产出指标", "数量指标", "补助农户数", V("≥5200户", ">=", 5200.0, "户"), "上年实际"),
     g07("产出指标", "质量指标", "作业质量抽检合格率", V("≥90%", ">=", 90.0, "%"), "技术规范"),
     g07("产出指标", "质量指标", "秸秆覆盖率", V("≥30%", ">=", 30.0, "%"), "技术规范"),
     g07("产出指标", "时效指标", "作业完成时间", Q("5月31日前"), "农时要求"),
     g07("产出指标", "成本指标", "每亩补助标准", V("=19元/亩", "=", 19.0, "元/亩"), "补助标准"),
     g07("效益指标", "经济效益指标", "亩均节本增效", V("≥25元", ">=", 25.0, "元"), "测算"),
     g07("效益指标", "生态效益指标", "土壤有机质含量", Q("逐年提升"), "监测数据"),
     g07("效益指标", "可持续影响指标", "保护性耕作技术到位率", V("≥85%", ">=", 85.0, "%"), "历史指标"),
     g07("满意度指标", "服务对象满意度指标", "参与农户满意度", V("≥90%", ">=", 90.0, "%"), "问卷调查")],
    extras={"填报日期": "2023年11月20日"},
)])


# ================================================================ 08 Qinghai (Ledu) Markdown self-evaluation
# Layout: the central 自评表 fund block (年初预算数/全年预算数/全年执行数/分值/执行率/得分), then an indicator
# table whose target is split as in the Sichuan/Yunnan 指标性质/指标值/度量单位 layouts, but with a different
# cut: 指标性质 holds 定量/定性 (NOT the comparator), the comparator is in its own 计算符号 column, then
# 年度指标值 and 计量单位, then 实际完成值/分值/得分/偏差原因分析及改进措施. Region nominal.
F08 = "08_qinghai-ledu-gaoyuan-xiacai-selfeval-2023.md"
GOAL08 = "建设高原夏菜标准化基地3000亩,推广蔬菜新品种12个,带动参与农户户均增收1500元以上。"
ACT08 = "建成高原夏菜标准化基地3050亩,推广新品种12个,参与农户户均增收1380元。"
R08A = "受市场价格下行影响,蔬菜收购价低于预期;下年度拓展订单销售渠道。"
R08B = "部分农户仍沿用传统施肥方式,下年度加强测土配方施肥培训。"
rows08 = [  # l1, l2, name, kind, op, value, unit, actual, weight, score, reason
    ("产出指标", "数量指标", "建设标准化蔬菜基地", "定量", "≥", "3000", "亩", "3050亩", "15", "15", ""),
    ("", "", "推广蔬菜新品种", "定量", "≥", "12", "个", "12个", "10", "10", ""),
    ("", "质量指标", "基地产品农残抽检合格率", "定量", "≥", "98", "%", "99.2%", "10", "10", ""),
    ("", "时效指标", "基地建设完成时限", "定性", "", "2023年10月底前", "", "2023年10月完成", "5", "5", ""),
    ("", "成本指标", "亩均建设补助", "定量", "≤", "0.1", "万元", "0.1万元", "10", "10", ""),
    ("效益指标", "经济效益指标", "带动参与农户户均增收", "定量", "≥", "1500", "元/户", "1380元/户", "10", "9.2", R08A),
    ("", "社会效益指标", "带动就业人数", "定量", "≥", "200", "人", "236人", "10", "10", ""),
    ("", "生态效益指标", "化肥使用量", "定性", "", "明显减少", "", "有所减少", "10", "8",
     R08B.replace(",", ",<br>", 1)),
    ("满意度指标", "服务对象满意度指标", "参与农户满意度", "定量", "≥", "90", "%", "92%", "10", "10", ""),
]
head08 = ["一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "年度指标值", "计量单位", "实际完成值", "分值",
          "得分", "偏差原因分析及改进措施"]


def md_row(cells):
    return "| " + " | ".join(cells) + " |"


md = [
    "**项目支出绩效自评表**",
    "",
    "（2023年度）",
    "",
    md_row(["项目名称", "高原夏菜标准化基地建设", "", "", "", "", "", "", "", "", ""]),
    md_row(["---"] * 11),
    md_row(["主管部门", "海东市乐都区农业农村和科技局", "", "", "", "实施单位", "海东市乐都区蔬菜技术服务站", "", "", "",
            ""]),
    md_row(["项目负责人", "马建福", "", "", "", "联系电话", "0972-8623145", "", "", "", ""]),
    md_row(["项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "", ""]),
    md_row(["", "年度资金总额", "", "350", "350", "336", "10", "96.00%", "9.6", "", ""]),
    md_row(["", "其中：当年财政拨款", "", "300", "300", "291", "—", "97.00%", "—", "", ""]),
    md_row(["", "上年结转资金", "", "50", "50", "45", "—", "90.00%", "—", "", ""]),
    md_row(["", "其他资金", "", "", "", "", "—", "", "—", "", ""]),
    md_row(["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", "", "", ""]),
    md_row(["", GOAL08, "", "", "", ACT08, "", "", "", "", ""]),
    md_row(head08),
]
md += [md_row(list(r)) for r in rows08]
md += [md_row(["总分", "", "", "", "", "", "", "", "100", "96.8", ""]), "",
       "注：指标性质分定量、定性两类，定性指标不填计算符号和计量单位。"]
write_text(F08, "\n".join(md) + "\n")
doc(F08, "text", [form(
    "self_evaluation", "项目支出绩效自评表", 2023,
    project("高原夏菜标准化基地建设", department="海东市乐都区农业农村和科技局",
            implementer="海东市乐都区蔬菜技术服务站", manager="马建福", phone="0972-8623145"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=350 * W, adjusted_budget=350 * W, executed=336 * W,
          execution_rate=96.0, weight=10.0, score=9.6),
     fund("fiscal", "其中：当年财政拨款", initial_budget=300 * W, adjusted_budget=300 * W, executed=291 * W,
          execution_rate=97.0),
     fund("carryover", "上年结转资金", initial_budget=50 * W, adjusted_budget=50 * W, executed=45 * W,
          execution_rate=90.0)],
    {"annual": GOAL08, "actual": ACT08},
    [ind("产出指标", "数量指标", "建设标准化蔬菜基地", V("≥3000亩", ">=", 3000.0, "亩"), V("3050亩", None, 3050.0, "亩"),
         15.0, 15.0, extras={"指标性质": "定量"}),
     ind("产出指标", "数量指标", "推广蔬菜新品种", V("≥12个", ">=", 12.0, "个"), V("12个", None, 12.0, "个"), 10.0, 10.0,
         extras={"指标性质": "定量"}),
     ind("产出指标", "质量指标", "基地产品农残抽检合格率", V("≥98%", ">=", 98.0, "%"), V("99.2%", None, 99.2, "%"),
         10.0, 10.0, extras={"指标性质": "定量"}),
     ind("产出指标", "时效指标", "基地建设完成时限", Q("2023年10月底前"), Q("2023年10月完成"), 5.0, 5.0,
         extras={"指标性质": "定性"}),
     ind("产出指标", "成本指标", "亩均建设补助", V("≤0.1万元", "<=", 0.1, "万元"), V("0.1万元", None, 0.1, "万元"),
         10.0, 10.0, extras={"指标性质": "定量"}),
     ind("效益指标", "经济效益指标", "带动参与农户户均增收", V("≥1500元/户", ">=", 1500.0, "元/户"),
         V("1380元/户", None, 1380.0, "元/户"), 10.0, 9.2, reason=R08A, extras={"指标性质": "定量"}),
     ind("效益指标", "社会效益指标", "带动就业人数", V("≥200人", ">=", 200.0, "人"), V("236人", None, 236.0, "人"),
         10.0, 10.0, extras={"指标性质": "定量"}),
     ind("效益指标", "生态效益指标", "化肥使用量", Q("明显减少"), Q("有所减少"), 10.0, 8.0, reason=R08B,
         extras={"指标性质": "定性"}),
     ind("满意度指标", "服务对象满意度指标", "参与农户满意度", V("≥90%", ">=", 90.0, "%"), V("92%", None, 92.0, "%"),
         10.0, 10.0, extras={"指标性质": "定量"})],
    total=96.8,
    extras={"注": "指标性质分定量、定性两类，定性指标不填计算符号和计量单位。"},
)])
print("built", sorted(p.name for p in DOCS.glob("0*.*")))
