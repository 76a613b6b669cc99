"""Seventh held-out set: builds the 6 SCANNED PDFs of tests/regions7/ and their hand-written reference
answers in tests/regions7/gold/. Every value below was typed by hand from the document as it is written
here; nothing comes from parser output (perfparse is neither run nor imported).

Each document is first printed born-digital by a real producer — LibreOffice Calc (01, 04; .xlsx from
openpyxl), LibreOffice Writer (02, 05; .docx from python-docx), headless Chromium (03, 06; HTML) — into the
scratch folder /tmp/regions7_build (not kept), then scanned with the project's own scan simulator
(scripts/make_scans.py: scanned_pages + image_pdf) into an image-only PDF with no text layer. Only the
scans are kept, in tests/regions7/.

Scan variants: grey 200 dpi (01, 05, 06), grey 150 dpi (02), colour 200 dpi with a red seal (03),
photocopy 200 dpi (04).

Gold helpers (V, Q, fund, ind, project, form, doc, put) are imported from the shared module
`tests/goldkit.py`, the producer and table-laying helpers (soffice_pdf, chromium_pdf, xl_levels, dcell,
html_rows, …) from `tests/printkit.py` (shared with regions6); only the scanner calls and each
document's values and table writer are here.

Run with the project venv:  .venv/bin/python tests/regions7/gold/_build.py
Needs soffice (libreoffice-calc, libreoffice-writer), chromium and fonts-noto-cjk.
"""
import functools
import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent
ROOT = DOCS.parent.parent
sys.path.insert(0, str(DOCS.parent))
sys.path.insert(0, str(ROOT / "scripts"))
import goldkit  # noqa: E402
import make_scans  # noqa: E402  (the project's scan simulator)
from goldkit import Q, V, form, fund, ind, project, put  # noqa: E402  (the shared gold helpers)
from printkit import (  # noqa: E402  (the shared producer and table helpers)
    W,
    chromium_pdf,
    dcell,
    docx_base,
    docx_levels,
    html_fund_rows,
    html_rows,
    left,
    para,
    row_props,
    rowspans,
    save_pdf,
    vcenter,
    widths,
    xl_finish,
    xl_heading,
    xl_levels,
)

doc = functools.partial(goldkit.doc, DOCS, HERE)
SRC = Path("/tmp/regions7_build")  # scratch folder: producer inputs and born-digital prints
SRC.mkdir(parents=True, exist_ok=True)
FMT = "pdf-scanned"  # the contract's format for an image-only PDF (OCR needed)


def P(s):
    """A printed percentage `96.62%` → 96.62."""
    return float(s.rstrip("%"))


# ---------------------------------------------------------------- the scanner
def scan(print_pdf: Path, fname: str, variant: make_scans.Variant):
    """The born-digital print scanned in ``variant``'s way → tests/regions7/<fname> (image-only PDF)."""
    pages = make_scans.scanned_pages(print_pdf, variant.dpi, variant)
    (DOCS / fname).write_bytes(make_scans.image_pdf(pages, variant.dpi))


def printed(fname):
    """Where the born-digital print of tests/regions7/<fname> goes (same stem, so the scan seeds match)."""
    return SRC / fname


GREY200 = make_scans.Variant(200, colour=False, seal=False)
GREY150 = make_scans.Variant(150, colour=False, seal=False)
COLOUR_SEAL200 = make_scans.Variant(200, colour=True, seal=True)
PHOTOCOPY200 = make_scans.Variant(200, colour=False, seal=False, photocopy=True)


# ---------------------------------------------------------------- HTML
CSS_BASE = """body{font-family:"Noto Sans CJK SC",sans-serif;font-size:11pt;}
table{border-collapse:collapse;width:100%;}
td,th{border:1.3px solid #000;padding:%PAD%;text-align:center;vertical-align:middle;}
h1{font-size:18pt;text-align:center;margin:0 0 4px 0;} .yr{text-align:center;margin:0 0 8px 0;}
.l{text-align:left;}"""


# ================================================================ 01 Jilin (Yanbian, Yanji) — Calc, self-evaluation, 元, grey 200 dpi
# Added here (region nominal): landscape sheet; `单位：元` above the table; fund block with **执行率 before
# 分值** (年初预算数/全年预算数/全年执行数/执行率/分值/得分) in 元 with thousands separators: 年度资金总额 /
# 其中：财政拨款 / 上年结转资金 (`—` under 年初) / 其他资金 (blank); indicators 一级/二级/三级/年度指标值/
# 实际完成值/分值/得分/偏差原因分析及改进措施/**备注** (filled on two rows); 总分 row; signature line.
F01 = "01_jilin-yanbian-yanji-daolu-zhaoming-selfeval-2023-scan200.pdf"
GOAL01 = "完成城区12000盏路灯日常维护,更换LED节能灯具1500套,路灯亮灯率保持在98%以上,年节约照明电费35万元。"
ACT01 = "全年维护路灯12360盏,更换LED节能灯具1420套,亮灯率98.6%,年节约照明电费33.8万元。"
R01a = "灯具供货延迟,剩余80套已于2024年1月完成更换。"
R01b = "部分路段夜间照明时长延长,节电量低于预期。"
rows01 = [  # l1, l2, name, target, actual, weight, score, reason, note
    ("产出指标", "数量指标", "维护路灯数量", "≥12000盏", "12360盏", 10, 10, "", ""),
    ("产出指标", "数量指标", "更换LED节能灯具", "≥1500套", "1420套", 10, 9.47, R01a, ""),
    ("产出指标", "质量指标", "路灯亮灯率", "≥98%", "98.6%", 10, 10, "", ""),
    ("产出指标", "质量指标", "维修工程验收合格率", "100%", "100%", 5, 5, "", "以市住建局验收为准"),
    ("产出指标", "时效指标", "故障路灯修复时限", "≤48小时", "36小时", 5, 5, "", ""),
    ("产出指标", "成本指标", "单盏路灯年均维护成本", "≤270元", "267元", 10, 10, "", ""),
    ("效益指标", "经济效益指标", "年节约照明电费", "≥35万元", "33.8万元", 10, 9.66, R01b, ""),
    ("效益指标", "社会效益指标", "夜间道路交通事故发生率", "较上年下降", "较上年下降6.2%", 10, 10, "", ""),
    ("效益指标", "可持续影响指标", "照明设施智能监控覆盖率", "≥60%", "62%", 10, 10, "", "含新建单灯控制系统"),
    ("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "93.5%", 10, 10, "", ""),
]
wb = Workbook()
ws = wb.active
ws.title = "自评表"
for col, width in zip("ABCDEFGHI", [11, 16, 22, 14, 14, 7, 7, 30, 16], strict=True):
    ws.column_dimensions[col].width = width
xl_heading(ws, "I", "延吉市市本级项目支出绩效自评表", "（2023年度）", "单位：元")
put(ws, "A4", "项目名称")
put(ws, "B4", "城市道路照明设施维护项目", merge="I4")
put(ws, "A5", "主管部门")
put(ws, "B5", "延吉市住房和城乡建设局", merge="D5")
put(ws, "E5", "实施单位")
put(ws, "F5", "延吉市市政设施维护中心", merge="I5")
put(ws, "A6", "项目负责人")
put(ws, "B6", "金成哲", merge="D6")
put(ws, "E6", "联系电话")
put(ws, "F6", "0433-2518736", merge="I6")
put(ws, "A7", "项目资金", merge="A11")
put(ws, "B7", "资金来源")
for ref, head in (("C7", "年初预算数"), ("D7", "全年预算数"), ("E7", "全年执行数"), ("F7", "执行率"), ("H7", "分值"),
                  ("I7", "得分")):
    put(ws, ref, head, merge="G7" if ref == "F7" else None)
funds01 = [("年度资金总额", 3260000, 3418000, 3302400, 0.9662, 10, 9.66),
           ("其中：财政拨款", 3260000, 3260000, 3150400, 0.9664, "—", "—"),
           ("上年结转资金", "—", 158000, 152000, 0.9620, "—", "—"),
           ("其他资金", None, None, None, None, "—", "—")]
for r, (lab, a, b, c, rate, w, s) in enumerate(funds01, start=8):
    put(ws, f"B{r}", lab)
    for col, v in zip("CDE", (a, b, c), strict=True):
        put(ws, f"{col}{r}", v, fmt="#,##0.00" if isinstance(v, int) else None)
    put(ws, f"F{r}", rate, fmt="0.00%", merge=f"G{r}")
    put(ws, f"H{r}", w)
    put(ws, f"I{r}", s)
put(ws, "A12", "年度总体目标", merge="A13")
put(ws, "B12", "预期目标", merge="E12")
put(ws, "F12", "实际完成情况", merge="I12")
put(ws, "B13", GOAL01, merge="E13")
put(ws, "F13", ACT01, merge="I13")
left(ws, "B13")
left(ws, "F13")
ws.row_dimensions[13].height = 50
for col, head in zip("ABCDEFGHI", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                   "偏差原因分析及改进措施", "备注"], strict=True):
    put(ws, f"{col}14", head)
ws.row_dimensions[14].height = 30
xl_levels(ws, rows01, 15, 2)
for r in range(15, 25):
    ws.row_dimensions[r].height = 32
put(ws, "A25", "总分", merge="E25")
put(ws, "F25", 100)
put(ws, "G25", 98.79)
put(ws, "H25", None, merge="I25")
put(ws, "A27", "填报人：朴美兰          联系电话：0433-2518740          填报日期：2024年3月8日", merge="I27")
left(ws, "A27")
xl_finish(ws, rows=(4, 25), ncol=9, size=11, title_pt=17, title_height=30, landscape=True)
save_pdf(wb, SRC / "01.xlsx", printed(F01))
scan(printed(F01), F01, GREY200)
vals01 = {"≥12000盏": V("≥12000盏", ">=", 12000.0, "盏"), "12360盏": V("12360盏", None, 12360.0, "盏"),
          "≥1500套": V("≥1500套", ">=", 1500.0, "套"), "1420套": V("1420套", None, 1420.0, "套"),
          "≥98%": V("≥98%", ">=", 98.0, "%"), "98.6%": V("98.6%", None, 98.6, "%"),
          "100%": V("100%", None, 100.0, "%"),
          "≤48小时": V("≤48小时", "<=", 48.0, "小时"), "36小时": V("36小时", None, 36.0, "小时"),
          "≤270元": V("≤270元", "<=", 270.0, "元"), "267元": V("267元", None, 267.0, "元"),
          "≥35万元": V("≥35万元", ">=", 35.0, "万元"), "33.8万元": V("33.8万元", None, 33.8, "万元"),
          "较上年下降": Q("较上年下降"), "较上年下降6.2%": Q("较上年下降6.2%"),
          "≥60%": V("≥60%", ">=", 60.0, "%"), "62%": V("62%", None, 62.0, "%"),
          "≥90%": V("≥90%", ">=", 90.0, "%"), "93.5%": V("93.5%", None, 93.5, "%")}
doc(F01, FMT, [form(
    "self_evaluation", "延吉市市本级项目支出绩效自评表", 2023,
    project("城市道路照明设施维护项目", department="延吉市住房和城乡建设局", implementer="延吉市市政设施维护中心",
            manager="金成哲", phone="0433-2518736", contact="朴美兰"),
    "元",
    [fund("total", "年度资金总额", initial_budget=3260000.0, adjusted_budget=3418000.0, executed=3302400.0,
          execution_rate=96.62, weight=10.0, score=9.66),
     fund("fiscal", "其中：财政拨款", initial_budget=3260000.0, adjusted_budget=3260000.0, executed=3150400.0,
          execution_rate=96.64),
     fund("carryover", "上年结转资金", adjusted_budget=158000.0, executed=152000.0, execution_rate=96.2)],
    {"annual": GOAL01, "actual": ACT01},
    [ind(l1, l2, nm, vals01[t], vals01[a], float(w), float(s), reason=why or None, note=nt or None)
     for l1, l2, nm, t, a, w, s, why, nt in rows01],
    total=98.79,
    extras={"填报日期": "2024年3月8日"},
)])


# ================================================================ 02 Heilongjiang (Qiqihar) — Writer, target form, 万元, grey 150 dpi
# Added here (region nominal): 11 pt text for a 150 dpi scan; 项目类别 `特定目标类` and 项目期限
# `2024年1月至2024年12月` on one row; `项目资金（万元）` with ONE amount column (`年度预算数`): 资金总额 /
# 其中：财政拨款 / 单位自有资金; one goal `年度绩效目标`; indicators 一级/二级/三级/指标值 (comparator in the cell)/
# **计量单位 after the value**/**权重（%）**/**指标来源**; a `合计 100` row; 填报人 paragraph under the table.
F02 = "02_heilongjiang-qiqihar-qingshaonian-tiyu-xunlian-target-2024-scan150.pdf"
GOAL02 = ("保障全市420名以上在训青少年运动员训练、集训和参赛需要,全年组织集训6期以上,省级赛事获奖35枚以上,"
          "向省级以上运动队输送后备人才18人以上。")
rows02 = [  # l1, l2, name, value, unit, weight, source
    ("产出指标", "数量指标", "在训运动员人数", "≥420", "人", "15", "计划标准"),
    ("产出指标", "数量指标", "组织集训期数", "≥6", "期", "10", "计划标准"),
    ("产出指标", "质量指标", "运动员注册率", "100", "%", "10", "行业标准"),
    ("产出指标", "质量指标", "省级赛事获奖数", "≥35", "枚", "10", "历史标准"),
    ("产出指标", "时效指标", "训练经费拨付时间", "每季度首月", "", "10", "计划标准"),
    ("产出指标", "成本指标", "人均训练保障经费", "≤0.68", "万元", "10", "历史标准"),
    ("效益指标", "社会效益指标", "向上级输送运动员人数", "≥18", "人", "15", "历史标准"),
    ("效益指标", "可持续影响指标", "后备人才梯队建设", "持续完善", "", "10", "计划标准"),
    ("满意度指标", "服务对象满意度指标", "运动员及家长满意度", "≥92", "%", "10", "行业标准"),
]
d = docx_base(11)
para(d, "齐齐哈尔市市直部门项目支出绩效目标表", bold=True, center=True, size=17)
para(d, "（2024年度）", center=True)
t = d.add_table(rows=9, cols=7)
t.style = "Table Grid"
dcell(t, 0, 0, "项目名称")
dcell(t, 0, 1, "青少年业余体育训练保障项目", (0, 6))
dcell(t, 1, 0, "主管部门")
dcell(t, 1, 1, "齐齐哈尔市体育局", (1, 3))
dcell(t, 1, 4, "实施单位")
dcell(t, 1, 5, "齐齐哈尔市业余体育运动学校", (1, 6))
dcell(t, 2, 0, "项目类别")
dcell(t, 2, 1, "特定目标类", (2, 3))
dcell(t, 2, 4, "项目期限")
dcell(t, 2, 5, "2024年1月至2024年12月", (2, 6))
dcell(t, 3, 0, "项目负责人")
dcell(t, 3, 1, "高振宇", (3, 3))
dcell(t, 3, 4, "联系电话")
dcell(t, 3, 5, "0452-2719356", (3, 6))
dcell(t, 4, 0, "项目资金（万元）", (7, 0))
dcell(t, 4, 1, "资金来源", (4, 3))
dcell(t, 4, 4, "年度预算数", (4, 6))
for r, (lab, amt) in enumerate([("资金总额", "286.00"), ("其中：财政拨款", "246.00"), ("单位自有资金", "40.00")], start=5):
    dcell(t, r, 1, lab, (r, 3))
    dcell(t, r, 4, amt, (r, 6))
dcell(t, 8, 0, "年度绩效目标")
c = dcell(t, 8, 1, GOAL02, (8, 6))
c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
for r in range(9):
    row_props(t.rows[r], height_mm=9)
para(d, "")
t2 = d.add_table(rows=2 + len(rows02), cols=7)
t2.style = "Table Grid"
for c, head in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "权重（%）", "指标来源"]):
    dcell(t2, 0, c, head, bold=True)
row_props(t2.rows[0], height_mm=10, header=True)
docx_levels(t2, rows02, 1, 2, height_mm=11)
last = 1 + len(rows02)
dcell(t2, last, 0, "合计", (last, 4))
dcell(t2, last, 5, "100")
dcell(t2, last, 6, "")
widths(t, [24, 22, 22, 22, 22, 31, 31])
widths(t2, [20, 26, 42, 26, 20, 20, 20])
vcenter(t)
vcenter(t2)
para(d, "")
para(d, "填报人：孙晓雯　　联系电话：0452-2719360　　填报日期：2024年1月15日")
save_pdf(d, SRC / "02.docx", printed(F02))
scan(printed(F02), F02, GREY150)
vals02 = {("≥420", "人"): V("≥420人", ">=", 420.0, "人"), ("≥6", "期"): V("≥6期", ">=", 6.0, "期"),
          ("100", "%"): V("100%", None, 100.0, "%"), ("≥35", "枚"): V("≥35枚", ">=", 35.0, "枚"),
          ("每季度首月", ""): Q("每季度首月"), ("≤0.68", "万元"): V("≤0.68万元", "<=", 0.68, "万元"),
          ("≥18", "人"): V("≥18人", ">=", 18.0, "人"), ("持续完善", ""): Q("持续完善"),
          ("≥92", "%"): V("≥92%", ">=", 92.0, "%")}
doc(F02, FMT, [form(
    "target", "齐齐哈尔市市直部门项目支出绩效目标表", 2024,
    project("青少年业余体育训练保障项目", category="特定目标类", department="齐齐哈尔市体育局",
            implementer="齐齐哈尔市业余体育运动学校", manager="高振宇", phone="0452-2719356", contact="孙晓雯",
            start="2024-01-01", end="2024-12-31"),
    "万元",
    [fund("total", "资金总额", annual=W(286)),
     fund("fiscal", "其中：财政拨款", annual=W(246)),
     fund("unit_own", "单位自有资金", annual=W(40))],
    {"annual": GOAL02},
    [ind(l1, l2, nm, vals02[(v, u)], weight=float(w), extras={"指标来源": src}) for l1, l2, nm, v, u, w, src in rows02],
    extras={"填报日期": "2024年1月15日"},
)])


# ================================================================ 03 Guizhou (Anshun, Xixiu) — Chromium, self-evaluation, 万元, colour 200 dpi + red seal
# Added here (region nominal): fund block 年初预算数/全年预算数/全年执行数/分值/执行率/得分 in 万元 with
# 其中：中央和省级补助资金 / 区级财政资金 / 上年结转资金 (`—` under 年初); the indicator table is a second HTML
# table whose header is a <thead> (repeated by Chromium on page 2), with **分值 BEFORE the values and 得分
# after them** (一级/二级/三级/分值/年度指标值/实际完成值/得分/偏差原因分析及改进措施); the table runs over
# the page break; 总分 row; 填报人 line; the
# scanner stamps a red seal over the lower part of each page's table.
F03 = "03_guizhou-anshun-xixiu-chayuan-guanhu-selfeval-2023-scan200-seal.pdf"
GOAL03 = "完成茶园提质改造1.2万亩,发放有机肥3600吨,开展管护技术培训24场次,带动茶农户均增收2800元。"
ACT03 = "完成茶园提质改造1.26万亩,发放有机肥3540吨,开展培训26场次,茶农户均增收2650元。"
R03a = "部分茶农延至次年春季施用,剩余60吨已调配到村。"
R03b = "春茶期低温天气影响产量,茶青收购价格下降。"
rows03 = [  # l1, l2, name, weight, target, actual, score, reason
    ("产出指标", "数量指标", "茶园提质改造面积", "10", "≥1.2万亩", "1.26万亩", "10", ""),
    ("产出指标", "数量指标", "发放有机肥", "8", "≥3600吨", "3540吨", "7.87", R03a),
    ("产出指标", "数量指标", "开展茶园管护技术培训", "6", "≥24场次", "26场次", "6", ""),
    ("产出指标", "质量指标", "茶叶农残抽检合格率", "8", "100%", "100%", "8", ""),
    ("产出指标", "时效指标", "项目资金拨付及时率", "6", "≥95%", "96.4%", "6", ""),
    ("产出指标", "成本指标", "每亩管护补助标准", "6", "≤350元", "350元", "6", ""),
    ("效益指标", "经济效益指标", "带动茶农户均增收", "10", "≥2800元", "2650元", "9.46", R03b),
    ("效益指标", "社会效益指标", "带动就业人数", "8", "≥1500人", "1620人", "8", ""),
    ("效益指标", "生态效益指标", "茶园化肥使用量减少率", "8", "≥10%", "12.5%", "8", ""),
    ("效益指标", "可持续影响指标", "茶园标准化管护机制", "10", "长效运行", "长效运行", "10", ""),
    ("满意度指标", "服务对象满意度指标", "受益茶农满意度", "10", "≥90%", "91.8%", "10", ""),
]
fund_rows03 = [("年度资金总额", "420.00", "455.00", "446.80", "10", "98.20%", "9.82"),
               ("其中：中央和省级补助资金", "300.00", "300.00", "300.00", "—", "100.00%", "—"),
               ("区级财政资金", "120.00", "120.00", "111.80", "—", "93.17%", "—"),
               ("上年结转资金", "—", "35.00", "35.00", "—", "100.00%", "—")]
FR03 = html_fund_rows(fund_rows03)
html03 = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>西秀区项目支出绩效自评表</title>
<style>{CSS_BASE.replace("%PAD%", "9px 4px")}
@page {{size:A4;margin:16mm 14mm;}} table.b{{border-top:none;}} thead td{{font-weight:bold;}}</style></head>
<body>
<h1>安顺市西秀区项目支出绩效自评表</h1>
<p class="yr">（2023年度）</p>
<table>
<colgroup><col style="width:12%"><col style="width:10%"><col style="width:17%"><col style="width:11%"><col style="width:11%"><col style="width:11%"><col style="width:8%"><col style="width:11%"><col style="width:9%"></colgroup>
<tr><td>项目名称</td><td colspan="8">茶园提质增效管护项目</td></tr>
<tr><td>主管部门</td><td colspan="3">安顺市西秀区农业农村局</td><td colspan="2">实施单位</td><td colspan="3">西秀区茶叶产业发展中心</td></tr>
<tr><td>项目负责人</td><td colspan="3">罗国华</td><td colspan="2">联系电话</td><td colspan="3">0851-33218652</td></tr>
<tr><td rowspan="5">项目资金<br>（万元）</td><td colspan="2">资金来源</td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
{FR03}
<tr><td rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="4">实际完成情况</td></tr>
<tr><td colspan="4" class="l">{GOAL03}</td><td colspan="4" class="l">{ACT03}</td></tr>
</table>
<table class="b">
<colgroup><col style="width:11%"><col style="width:12%"><col style="width:19%"><col style="width:6%"><col style="width:12%"><col style="width:12%"><col style="width:7%"><col></colgroup>
<thead><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>分值</td><td>年度指标值</td><td>实际完成值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr></thead>
<tbody>
{html_rows(rows03, 2)}
<tr><td colspan="3">总分</td><td>100</td><td colspan="2"></td><td>99.15</td><td></td></tr>
</tbody>
</table>
<p>填报人：杨丽娟　　联系电话：0851-33218660　　填报日期：2024年3月15日</p>
</body></html>
"""
chromium_pdf(html03, SRC / "03_xixiu.html", printed(F03))
scan(printed(F03), F03, COLOUR_SEAL200)
vals03 = {"≥1.2万亩": V("≥1.2万亩", ">=", 1.2, "万亩"), "1.26万亩": V("1.26万亩", None, 1.26, "万亩"),
          "≥3600吨": V("≥3600吨", ">=", 3600.0, "吨"), "3540吨": V("3540吨", None, 3540.0, "吨"),
          "≥24场次": V("≥24场次", ">=", 24.0, "场次"), "26场次": V("26场次", None, 26.0, "场次"),
          "100%": V("100%", None, 100.0, "%"),
          "≥95%": V("≥95%", ">=", 95.0, "%"), "96.4%": V("96.4%", None, 96.4, "%"),
          "≤350元": V("≤350元", "<=", 350.0, "元"), "350元": V("350元", None, 350.0, "元"),
          "≥2800元": V("≥2800元", ">=", 2800.0, "元"), "2650元": V("2650元", None, 2650.0, "元"),
          "≥1500人": V("≥1500人", ">=", 1500.0, "人"), "1620人": V("1620人", None, 1620.0, "人"),
          "≥10%": V("≥10%", ">=", 10.0, "%"), "12.5%": V("12.5%", None, 12.5, "%"),
          "长效运行": Q("长效运行"),
          "≥90%": V("≥90%", ">=", 90.0, "%"), "91.8%": V("91.8%", None, 91.8, "%")}
doc(F03, FMT, [form(
    "self_evaluation", "安顺市西秀区项目支出绩效自评表", 2023,
    project("茶园提质增效管护项目", department="安顺市西秀区农业农村局", implementer="西秀区茶叶产业发展中心",
            manager="罗国华", phone="0851-33218652", contact="杨丽娟"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=W(420), adjusted_budget=W(455), executed=W(446.8),
          execution_rate=98.2, weight=10.0, score=9.82),
     fund("fiscal_superior", "其中：中央和省级补助资金", initial_budget=W(300), adjusted_budget=W(300),
          executed=W(300), execution_rate=100.0),
     fund("fiscal_local", "区级财政资金", initial_budget=W(120), adjusted_budget=W(120), executed=W(111.8),
          execution_rate=93.17),
     fund("carryover", "上年结转资金", adjusted_budget=W(35), executed=W(35), execution_rate=100.0)],
    {"annual": GOAL03, "actual": ACT03},
    [ind(l1, l2, nm, vals03[t_], vals03[a], float(w), float(s), reason=why or None)
     for l1, l2, nm, w, t_, a, s, why in rows03],
    total=99.15,
    extras={"填报日期": "2024年3月15日"},
)])


# ================================================================ 04 Gansu (Tianshui, Maiji) — Calc, two target forms, 元, photocopy 200 dpi
# Added here (region nominal): one sheet per project → two forms, one page each; `部门名称` row; `金额单位：元`
# above the table; 项目性质 and 实施周期 `2024.04-2024.11` on one row; a **horizontal fund block**: the fund
# sources are COLUMNS (资金来源 | 合计 | 财政拨款 | 其中：上级补助 | 其中：本级安排 | 其他资金) over one amount row
# `年度预算数` (number cells `#,##0.00`; form 2 prints `0.00` under 上级补助 and leaves 其他资金 blank);
# indicators 一级/二级/三级 (two merged sheet columns)/指标值/**备注** (filled on some rows only); signature line.
F04 = "04_gansu-tianshui-maiji-nongye-wenhua-targets-2024-scan200-photocopy.pdf"
GOAL04A = "改造老旧低效苹果园3200亩,推广矮化自根砧苗木8.5万株,苗木栽植成活率92%以上,带动果农亩均增收800元。"
GOAL04B = "为17个乡镇综合文化站更新文化服务设备,配置文体活动器材340套,文化站年服务群众12万人次以上。"
rows04a = [  # l1, l2, name, value, note
    ("产出指标", "数量指标", "改造老果园面积", "≥3200亩", ""),
    ("产出指标", "数量指标", "推广矮化自根砧苗木", "≥8.5万株", ""),
    ("产出指标", "质量指标", "苗木栽植成活率", "≥92%", "以秋季核查结果为准"),
    ("产出指标", "时效指标", "改造任务完成时间", "2024年11月底前", ""),
    ("产出指标", "成本指标", "亩均改造补助", "≤500元", ""),
    ("效益指标", "经济效益指标", "改造果园亩均增收", "≥800元", "第三年挂果后测算"),
    ("满意度指标", "服务对象满意度指标", "果农满意度", "≥90%", ""),
]
rows04b = [
    ("产出指标", "数量指标", "更新设备的文化站", "=17个", ""),
    ("产出指标", "数量指标", "配置文体活动器材", "≥340套", ""),
    ("产出指标", "质量指标", "设备验收合格率", "100%", ""),
    ("产出指标", "时效指标", "设备采购安装完成时间", "2024年9月30日前", ""),
    ("效益指标", "社会效益指标", "文化站年服务群众", "≥12万人次", "按文化站活动台账统计"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", ""),
]
PROJ04 = [
    dict(sheet="果园改造", dept="天水市麦积区农业农村局", name="苹果园老园改造项目", unit="麦积区果业发展服务中心",
         mgr="马志刚", tel="0938-2736518", nature="一次性项目", period="2024.04-2024.11", goal=GOAL04A, rows=rows04a,
         amounts=(1850000, 1650000, 1200000, 450000, 200000), filler="王彦军", date="2024年1月18日"),
    dict(sheet="文化站设备", dept="天水市麦积区文化和旅游局", name="乡镇综合文化站设备更新项目", unit="麦积区文化馆",
         mgr="李红梅", tel="0938-2739021", nature="一次性项目", period="2024.03-2024.09", goal=GOAL04B, rows=rows04b,
         amounts=(620000, 620000, 0, 620000, None), filler="赵敏", date="2024年1月19日"),
]
wb = Workbook()
for k, p in enumerate(PROJ04):
    ws = wb.active if k == 0 else wb.create_sheet()
    ws.title = p["sheet"]
    for col, width in zip("ABCDEF", [14, 17, 16, 16, 17, 21], strict=True):
        ws.column_dimensions[col].width = width
    xl_heading(ws, "F", "天水市麦积区部门预算项目绩效目标表", "（2024年度）", "金额单位：元")
    put(ws, "A4", "部门名称")
    put(ws, "B4", p["dept"], merge="F4")
    put(ws, "A5", "项目名称")
    put(ws, "B5", p["name"], merge="C5")
    put(ws, "D5", "实施单位")
    put(ws, "E5", p["unit"], merge="F5")
    put(ws, "A6", "项目负责人")
    put(ws, "B6", p["mgr"], merge="C6")
    put(ws, "D6", "联系电话")
    put(ws, "E6", p["tel"], merge="F6")
    put(ws, "A7", "项目性质")
    put(ws, "B7", p["nature"], merge="C7")
    put(ws, "D7", "实施周期")
    put(ws, "E7", p["period"], merge="F7")
    for col, head in zip("ABCDEF", ["资金来源", "合计", "财政拨款", "其中：上级补助", "其中：本级安排", "其他资金"],
                         strict=True):
        put(ws, f"{col}8", head)
    put(ws, "A9", "年度预算数")
    for col, v in zip("BCDEF", p["amounts"], strict=True):
        put(ws, f"{col}9", v, fmt="#,##0.00" if v is not None else None)
    put(ws, "A10", "年度绩效目标")
    put(ws, "B10", p["goal"], merge="F10")
    left(ws, "B10")
    ws.row_dimensions[10].height = 48
    for ref, head in (("A11", "一级指标"), ("B11", "二级指标"), ("C11", "三级指标"), ("E11", "指标值"), ("F11", "备注")):
        put(ws, ref, head, merge="D11" if ref == "C11" else None)
    rows = p["rows"]
    for kk in (0, 1):
        for i, n in rowspans(rows, kk).items():
            r = 12 + i
            col = "AB"[kk]
            put(ws, f"{col}{r}", rows[i][kk], merge=f"{col}{r + n - 1}" if n > 1 else None)
    for i, row in enumerate(rows):
        r = 12 + i
        put(ws, f"C{r}", row[2], merge=f"D{r}")
        put(ws, f"E{r}", row[3])
        put(ws, f"F{r}", row[4] or None)
        ws.row_dimensions[r].height = 34
    last = 11 + len(rows)
    for r in range(4, 10):
        ws.row_dimensions[r].height = 26
    ws.row_dimensions[11].height = 26
    put(ws, f"A{last + 2}", f"填报人：{p['filler']}            填报日期：{p['date']}", merge=f"F{last + 2}")
    left(ws, f"A{last + 2}")
    xl_finish(ws, rows=(4, last), ncol=6, size=11, title_pt=17, title_height=30)
save_pdf(wb, SRC / "04.xlsx", printed(F04))
scan(printed(F04), F04, PHOTOCOPY200)
vals04 = {"≥3200亩": V("≥3200亩", ">=", 3200.0, "亩"), "≥8.5万株": V("≥8.5万株", ">=", 8.5, "万株"),
          "≥92%": V("≥92%", ">=", 92.0, "%"), "2024年11月底前": Q("2024年11月底前"),
          "≤500元": V("≤500元", "<=", 500.0, "元"), "≥800元": V("≥800元", ">=", 800.0, "元"),
          "≥90%": V("≥90%", ">=", 90.0, "%"),
          "=17个": V("=17个", "=", 17.0, "个"), "≥340套": V("≥340套", ">=", 340.0, "套"),
          "100%": V("100%", None, 100.0, "%"), "2024年9月30日前": Q("2024年9月30日前"),
          "≥12万人次": V("≥12万人次", ">=", 12.0, "万人次")}
FUNDS04 = [
    [fund("total", "合计", annual=1850000.0), fund("fiscal", "财政拨款", annual=1650000.0),
     fund("fiscal_superior", "其中：上级补助", annual=1200000.0),
     fund("fiscal_local", "其中：本级安排", annual=450000.0), fund("other", "其他资金", annual=200000.0)],
    [fund("total", "合计", annual=620000.0), fund("fiscal", "财政拨款", annual=620000.0),
     fund("fiscal_superior", "其中：上级补助", annual=0.0),
     fund("fiscal_local", "其中：本级安排", annual=620000.0)],
]
DATES04 = [("2024-04-01", "2024-11-30"), ("2024-03-01", "2024-09-30")]
doc(F04, FMT, [form(
    "target", "天水市麦积区部门预算项目绩效目标表", 2024,
    project(p["name"], nature=p["nature"], department=p["dept"], implementer=p["unit"], manager=p["mgr"],
            phone=p["tel"], contact=p["filler"], start=DATES04[k][0], end=DATES04[k][1]),
    "元", FUNDS04[k], {"annual": p["goal"]},
    [ind(l1, l2, nm, vals04[v], note=nt or None) for l1, l2, nm, v, nt in p["rows"]],
    extras={"填报日期": p["date"]},
) for k, p in enumerate(PROJ04)])


# ================================================================ 05 Shanxi (Datong, Pingcheng) — Writer, two self-evaluations, 万元, grey 200 dpi
# Added here (region nominal): two projects of different departments, the second starting a new page
# (page_break_before); a fund block `预算执行情况（万元）` with 资金来源/全年预算数/全年执行数/执行率/分值/得分 (no
# 年初 column): 合计 / 其中：市级补助资金 / 区级财政资金 (市级 is blank in form 2); goals 年初设定目标 | 全年实际
# 完成情况; a **two-level indicator table**: 一级指标 (merged) | **指标名称** | 年度目标值 | 全年完成值 | 分值 | 得分 |
# 未完成原因及改进措施; 总分 row; 填报人 paragraph under each table.
F05 = "05_shanxi-datong-pingcheng-weisheng-selfevals-2023-scan200.pdf"
R05a = "部分流动老人信息不全,已安排社区入户补录。"
R05b = "受秋季传染病防控影响,3所学校筛查顺延。"
PROJ05 = [
    dict(name="65岁以上老年人健康体检项目", dept="大同市平城区卫生健康局", unit="平城区社区卫生服务管理中心",
         mgr="张文斌", tel="0352-2046158", filler="郭丽娜", ftel="0352-2046160",
         goal="为辖区4.2万名65岁以上老年人提供一次免费健康体检,体检报告全部反馈,健康档案规范建档率90%以上。",
         act="完成老年人健康体检4.36万人,体检报告反馈率100%,规范建档率87.2%,早期发现慢性病患者2315人。",
         funds=[("合计", "185.00", "178.60", "96.54%", "10", "9.65"),
                ("其中：市级补助资金", "100.00", "100.00", "100.00%", "—", "—"),
                ("区级财政资金", "85.00", "78.60", "92.47%", "—", "—")],
         rows=[("产出指标", "完成老年人健康体检人数", "≥4.2万人", "4.36万人", "15", "15", ""),
               ("产出指标", "体检报告反馈率", "100%", "100%", "10", "10", ""),
               ("产出指标", "健康档案规范建档率", "≥90%", "87.2%", "10", "9.69", R05a),
               ("产出指标", "体检工作完成时间", "2023年10月31日前", "2023年10月26日", "10", "10", ""),
               ("产出指标", "人均体检费用", "≤42元", "41元", "10", "10", ""),
               ("效益指标", "慢性病早期发现人数", "≥2000人", "2315人", "20", "20", ""),
               ("满意度指标", "体检老人满意度", "≥90%", "94.1%", "15", "15", "")],
         total="99.34"),
    dict(name="中小学生近视防控筛查项目", dept="大同市平城区教育局", unit="平城区中小学卫生保健所",
         mgr="刘志强", tel="0352-2047312", filler="韩雪", ftel="0352-2047318",
         goal="对全区5.8万名中小学生开展视力筛查,覆盖全部中小学校,建立屈光发育档案,筛查结果及时告知家长。",
         act="完成筛查5.91万人,覆盖学校100%,告知家长率99.3%,建档学生比例96.6%。",
         funds=[("合计", "64.00", "58.40", "91.25%", "10", "9.13"),
                ("其中：市级补助资金", "", "", "", "—", "—"),
                ("区级财政资金", "64.00", "58.40", "91.25%", "—", "—")],
         rows=[("产出指标", "近视筛查学生人数", "≥5.8万人", "5.91万人", "20", "20", ""),
               ("产出指标", "筛查学校覆盖率", "100%", "100%", "15", "15", ""),
               ("产出指标", "筛查结果告知家长率", "≥98%", "99.3%", "10", "10", ""),
               ("产出指标", "筛查完成时间", "2023年11月底前", "2023年12月12日", "10", "8", R05b),
               ("效益指标", "建立屈光发育档案学生比例", "≥95%", "96.6%", "20", "20", ""),
               ("满意度指标", "学生家长满意度", "≥90%", "92%", "15", "15", "")],
         total="97.13"),
]
d = docx_base(11)
for k, p in enumerate(PROJ05):
    para(d, "大同市平城区区级项目支出绩效自评表", bold=True, center=True, size=17, page_break_before=k > 0)
    para(d, "（2023年度）", center=True)
    rows = p["rows"]
    n_head = 11
    t = d.add_table(rows=n_head + len(rows) + 1, cols=7)
    t.style = "Table Grid"
    dcell(t, 0, 0, "项目名称")
    dcell(t, 0, 1, p["name"], (0, 6))
    dcell(t, 1, 0, "主管部门")
    dcell(t, 1, 1, p["dept"], (1, 3))
    dcell(t, 1, 4, "实施单位")
    dcell(t, 1, 5, p["unit"], (1, 6))
    dcell(t, 2, 0, "项目负责人")
    dcell(t, 2, 1, p["mgr"], (2, 3))
    dcell(t, 2, 4, "联系电话")
    dcell(t, 2, 5, p["tel"], (2, 6))
    dcell(t, 3, 0, "预算执行情况（万元）", (6, 0))
    for c, head in enumerate(["资金来源", "全年预算数", "全年执行数", "执行率", "分值", "得分"], start=1):
        dcell(t, 3, c, head)
    for r, vals in enumerate(p["funds"], start=4):
        for c, v in enumerate(vals, start=1):
            dcell(t, r, c, v)
    dcell(t, 7, 0, "年度目标完成情况", (8, 0))
    dcell(t, 7, 1, "年初设定目标", (7, 3))
    dcell(t, 7, 4, "全年实际完成情况", (7, 6))
    for c0, c1, text in ((1, 3, p["goal"]), (4, 6, p["act"])):
        x = dcell(t, 8, c0, text, (8, c1))
        x.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    dcell(t, 9, 0, "绩效指标", (9, 6), bold=True)
    for c, head in enumerate(["一级指标", "指标名称", "年度目标值", "全年完成值", "分值", "得分", "未完成原因及改进措施"]):
        dcell(t, 10, c, head, bold=True)
    docx_levels(t, rows, n_head, 1, height_mm=11)
    last = n_head + len(rows)
    dcell(t, last, 0, "总分", (last, 3))
    dcell(t, last, 4, "100")
    dcell(t, last, 5, p["total"])
    dcell(t, last, 6, "")
    for r in range(0, 9):
        row_props(t.rows[r], height_mm=9)
    widths(t, [20, 34, 24, 24, 20, 16, 36])
    vcenter(t)
    para(d, "")
    para(d, f"填报人：{p['filler']}　　联系电话：{p['ftel']}　　填报日期：2024年3月20日")
save_pdf(d, SRC / "05.docx", printed(F05))
scan(printed(F05), F05, GREY200)
vals05 = {"≥4.2万人": V("≥4.2万人", ">=", 4.2, "万人"), "4.36万人": V("4.36万人", None, 4.36, "万人"),
          "100%": V("100%", None, 100.0, "%"), "≥90%": V("≥90%", ">=", 90.0, "%"),
          "87.2%": V("87.2%", None, 87.2, "%"), "2023年10月31日前": Q("2023年10月31日前"),
          "2023年10月26日": Q("2023年10月26日"), "≤42元": V("≤42元", "<=", 42.0, "元"), "41元": V("41元", None, 41.0, "元"),
          "≥2000人": V("≥2000人", ">=", 2000.0, "人"), "2315人": V("2315人", None, 2315.0, "人"),
          "94.1%": V("94.1%", None, 94.1, "%"),
          "≥5.8万人": V("≥5.8万人", ">=", 5.8, "万人"), "5.91万人": V("5.91万人", None, 5.91, "万人"),
          "≥98%": V("≥98%", ">=", 98.0, "%"), "99.3%": V("99.3%", None, 99.3, "%"),
          "2023年11月底前": Q("2023年11月底前"), "2023年12月12日": Q("2023年12月12日"),
          "≥95%": V("≥95%", ">=", 95.0, "%"), "96.6%": V("96.6%", None, 96.6, "%"), "92%": V("92%", None, 92.0, "%")}
FUNDS05 = [
    [fund("total", "合计", adjusted_budget=W(185), executed=W(178.6), execution_rate=96.54, weight=10.0, score=9.65),
     fund("fiscal_superior", "其中：市级补助资金", adjusted_budget=W(100), executed=W(100), execution_rate=100.0),
     fund("fiscal_local", "区级财政资金", adjusted_budget=W(85), executed=W(78.6), execution_rate=92.47)],
    [fund("total", "合计", adjusted_budget=W(64), executed=W(58.4), execution_rate=91.25, weight=10.0, score=9.13),
     fund("fiscal_local", "区级财政资金", adjusted_budget=W(64), executed=W(58.4), execution_rate=91.25)],
]
doc(F05, FMT, [form(
    "self_evaluation", "大同市平城区区级项目支出绩效自评表", 2023,
    project(p["name"], department=p["dept"], implementer=p["unit"], manager=p["mgr"], phone=p["tel"],
            contact=p["filler"]),
    "万元", FUNDS05[k], {"annual": p["goal"], "actual": p["act"]},
    [ind(l1, None, nm, vals05[t_], vals05[a], float(w), float(s), reason=why or None)
     for l1, nm, t_, a, w, s, why in p["rows"]],
    total=float(p["total"]),
    extras={"填报日期": "2024年3月20日"},
) for k, p in enumerate(PROJ05)])


# ================================================================ 06 Hebei (Tangshan, Lubei) — Chromium, target form, 元, grey 200 dpi
# Added here (region nominal): 项目名称 and **项目编码** on one row; 项目起止日期 `2024年3月1日—2024年12月31日`;
# `项目资金（元）` with **项目资金总额 | 年度资金申请总额**: 资金总额 / 其中：财政资金 / 其他资金; 总体目标 |
# 年度目标; indicators with the target in THREE columns **计算符号 | 目标值 | 度量单位** (a `定性` sign in the
# deadline row, a blank unit there), then **备注** (one row filled); signature line under the table.
F06 = "06_hebei-tangshan-lubei-shequ-weisheng-fuwuzhan-target-2024-scan200.pdf"
OVR06 = "用两年时间完成全区24个社区卫生服务站标准化建设,基本诊疗设备配置达标,基层首诊服务能力明显提升。"
ANN06 = "2024年完成12个社区卫生服务站标准化改造,配置基本诊疗设备96台（套）,服务站年门诊服务量达到18万人次。"
rows06 = [  # l1, l2, name, sign, value, unit, note
    ("产出指标", "数量指标", "标准化改造社区卫生服务站", "≥", "12", "个", ""),
    ("产出指标", "数量指标", "配置基本诊疗设备", "≥", "96", "台（套）", ""),
    ("产出指标", "质量指标", "改造项目验收合格率", "=", "100", "%", ""),
    ("产出指标", "时效指标", "改造完成时间", "定性", "2024年11月底前", "", ""),
    ("产出指标", "成本指标", "单站平均改造成本", "≤", "11.5", "万元", ""),
    ("效益指标", "社会效益指标", "服务站年门诊服务量", "≥", "18", "万人次", "按服务站信息系统统计"),
    ("效益指标", "社会效益指标", "家庭医生签约服务覆盖率", "≥", "45", "%", ""),
    ("效益指标", "可持续影响指标", "设备使用年限", "≥", "8", "年", ""),
    ("满意度指标", "服务对象满意度指标", "居民就诊满意度", "≥", "90", "%", ""),
]
fund_rows06 = [("资金总额", "2,400,000.00", "1,360,000.00"), ("其中：财政资金", "2,100,000.00", "1,160,000.00"),
               ("其他资金", "300,000.00", "200,000.00")]
FR06 = "\n".join(f'<tr><td colspan="2">{a}</td><td colspan="2">{b}</td><td colspan="2">{c}</td></tr>'
                 for a, b, c in fund_rows06)
html06 = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>路北区项目支出绩效目标申报表</title>
<style>{CSS_BASE.replace("%PAD%", "8px 4px")}
@page {{size:A4;margin:16mm 14mm;}} .h td{{font-weight:bold;}}</style></head>
<body>
<h1>唐山市路北区项目支出绩效目标申报表</h1>
<p class="yr">（2024年度）</p>
<table>
<colgroup><col style="width:12%"><col style="width:15%"><col style="width:24%"><col style="width:9%"><col style="width:14%"><col style="width:10%"><col></colgroup>
<tr><td>项目名称</td><td colspan="3">社区卫生服务站标准化建设项目</td><td>项目编码</td><td colspan="2">130203-24-0117</td></tr>
<tr><td>主管部门</td><td colspan="3">唐山市路北区卫生健康局</td><td>实施单位</td><td colspan="2">路北区社区卫生服务指导中心</td></tr>
<tr><td>项目负责人</td><td colspan="3">周卫东</td><td>联系电话</td><td colspan="2">0315-2856173</td></tr>
<tr><td>项目起止日期</td><td colspan="6">2024年3月1日—2024年12月31日</td></tr>
<tr><td rowspan="4">项目资金<br>（元）</td><td colspan="2">资金来源</td><td colspan="2">项目资金总额</td><td colspan="2">年度资金申请总额</td></tr>
{FR06}
<tr><td rowspan="2">总体目标</td><td colspan="3">总目标</td><td colspan="3">年度目标</td></tr>
<tr><td colspan="3" class="l">{OVR06}</td><td colspan="3" class="l">{ANN06}</td></tr>
<tr class="h"><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>计算符号</td><td>目标值</td><td>度量单位</td><td>备注</td></tr>
{html_rows(rows06, 2)}
</table>
<p>填报人：韩春燕　　填报日期：2024年2月20日</p>
</body></html>
"""
chromium_pdf(html06, SRC / "06_lubei.html", printed(F06))
scan(printed(F06), F06, GREY200)
vals06 = {"12": V("≥12个", ">=", 12.0, "个"), "96": V("≥96台（套）", ">=", 96.0, "台（套）"),
          "100": V("=100%", "=", 100.0, "%"), "2024年11月底前": Q("2024年11月底前"),
          "11.5": V("≤11.5万元", "<=", 11.5, "万元"), "18": V("≥18万人次", ">=", 18.0, "万人次"),
          "45": V("≥45%", ">=", 45.0, "%"), "8": V("≥8年", ">=", 8.0, "年"), "90": V("≥90%", ">=", 90.0, "%")}
doc(F06, FMT, [form(
    "target", "唐山市路北区项目支出绩效目标申报表", 2024,
    project("社区卫生服务站标准化建设项目", code="130203-24-0117", department="唐山市路北区卫生健康局",
            implementer="路北区社区卫生服务指导中心", manager="周卫东", phone="0315-2856173", contact="韩春燕",
            start="2024-03-01", end="2024-12-31"),
    "元",
    [fund("total", "资金总额", project_total=2400000.0, annual=1360000.0),
     fund("fiscal", "其中：财政资金", project_total=2100000.0, annual=1160000.0),
     fund("other", "其他资金", project_total=300000.0, annual=200000.0)],
    {"overall": OVR06, "annual": ANN06},
    [ind(l1, l2, nm, vals06[v], note=nt or None) for l1, l2, nm, sign, v, u, nt in rows06],
    extras={"填报日期": "2024年2月20日"},
)])
print("built", sorted(p.name for p in DOCS.iterdir() if p.is_file()))
