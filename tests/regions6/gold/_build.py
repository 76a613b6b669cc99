"""Sixth held-out set: builds the 8 born-digital PDFs of tests/regions6/ and their hand-written
reference answers in tests/regions6/gold/. Every value below was typed by hand from the document as it
is written here; nothing comes from parser output (perfparse is neither run nor imported).

Producers: LibreOffice Calc (01-03, .xlsx from openpyxl), LibreOffice Writer (04-05, .docx from
python-docx), headless Chromium (06-08, HTML). The intermediate .xlsx/.docx/.html files are written to
a scratch folder (/tmp/regions6_build) and are not kept; only the PDFs are.

Gold helpers (V, Q, fund, ind, project, form, doc, put) are imported from the shared module
`tests/goldkit.py`, the producer and table-laying helpers (soffice_pdf, chromium_pdf, xl_levels, dcell,
html_rows, …) from `tests/printkit.py`; only each document's values and table writer are here.

Run with the project venv:  .venv/bin/python tests/regions6/gold/_build.py
Needs soffice (libreoffice-calc, libreoffice-writer), chromium and fonts-noto-cjk.
"""
import functools
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.pagebreak import Break

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent
sys.path.insert(0, str(DOCS.parent))
import goldkit  # noqa: E402
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
    page_footer,
    para,
    row_props,
    save_pdf,
    xl_finish,
    xl_heading,
    xl_levels,
)

doc = functools.partial(goldkit.doc, DOCS, HERE)
SRC = Path("/tmp/regions6_build")  # scratch folder for the producers' inputs (its path is printed by 06)
SRC.mkdir(parents=True, exist_ok=True)


# ================================================================ 01 Hebei (Baoding) — LibreOffice Calc, self-evaluation, 元
# Added here (region nominal): landscape sheet; 项目类型 → nature; 金额单位：元 above the table; fund block
# 年初预算数/全年预算数/全年执行数/分值/执行率/得分 in 元 with thousands separators (number cells), lines
# 其中：本级财政资金 / 上级补助资金 / 上年结转资金 (`—` under 年初) / 其他资金 (blank); indicators with a
# 指标方向 column (正向/反向/定性) between 三级指标 and the values; a MANUAL PAGE BREAK after the 产出 group with
# the indicator header row repeated (print titles); footer 第 &P 页 共 &N 页; signature line under the table.
F01 = "01_hebei-baoding-nongcun-gongshui-weihu-selfeval-2023.pdf"
GOAL01 = "完成全市86处农村集中供水工程维修养护,更换老化输水管道35公里,保障18.5万农村人口饮水安全。"
ACT01 = "完成88处工程维修养护,更换管道32.6公里,出厂水水质检测合格率97.8%,受益人口18.9万人。"
R01a = "部分管段与乡村道路改造同步施工,2.4公里顺延至2024年实施。"
R01b = "个别村组停水检修通知不及时,下一步提前3天公告并设立服务热线。"
rows01 = [  # l1, l2, name, direction, target, actual, weight, score, reason
    ("产出指标", "数量指标", "维修养护农村集中供水工程", "正向", "≥86处", "88处", 10, 10, ""),
    ("产出指标", "数量指标", "更换老化输水管道", "正向", "≥35公里", "32.6公里", 10, 9.3, R01a),
    ("产出指标", "质量指标", "出厂水水质检测合格率", "正向", "≥95%", "97.8%", 10, 10, ""),
    ("产出指标", "时效指标", "维修养护任务完成时间", "定性", "2023年11月30日前", "2023年11月28日", 5, 5, ""),
    ("产出指标", "成本指标", "单处工程平均维修养护成本", "反向", "≤2.8万元", "2.72万元", 5, 5, ""),
    ("效益指标", "社会效益指标", "农村集中供水率", "正向", "≥92%", "92.6%", 15, 15, ""),
    ("效益指标", "社会效益指标", "受益农村人口", "正向", "≥18.5万人", "18.9万人", 10, 10, ""),
    ("效益指标", "可持续影响指标", "工程管护责任落实率", "正向", "100%", "100%", 10, 10, ""),
    ("满意度指标", "服务对象满意度指标", "受益群众满意度", "正向", "≥90%", "88.5%", 15, 13.5, R01b),
]
wb = Workbook()
ws = wb.active
ws.title = "自评表"
for col, width in zip("ABCDEFGHI", [12, 14, 26, 9, 16, 16, 8, 8, 34], strict=True):
    ws.column_dimensions[col].width = width
xl_heading(ws, "I", "保定市市级项目支出绩效自评表", "（2023年度）", "金额单位：元")
put(ws, "A4", "项目名称")
put(ws, "B4", "农村集中供水工程维修养护项目", merge="E4")
put(ws, "F4", "项目类型", merge="G4")
put(ws, "H4", "经常性项目", merge="I4")
put(ws, "A5", "主管部门")
put(ws, "B5", "保定市水利局", merge="E5")
put(ws, "F5", "实施单位", merge="G5")
put(ws, "H5", "保定市农村供水服务中心", merge="I5")
put(ws, "A6", "项目负责人")
put(ws, "B6", "郝建国", merge="E6")
put(ws, "F6", "联系电话", merge="G6")
put(ws, "H6", "0312-3186245", merge="I6")
put(ws, "A7", "项目资金", merge="A12")
put(ws, "B7", "资金来源", merge="C7")
for col, head in zip("DEFGHI", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], strict=True):
    put(ws, f"{col}7", head)
funds01 = [("年度资金总额", 2350000, 2480000, 2391600, 10, 0.9644, 9.6),
           ("其中：本级财政资金", 1850000, 1850000, 1791600, "—", 0.9684, "—"),
           ("上级补助资金", 500000, 500000, 500000, "—", 1.0, "—"),
           ("上年结转资金", "—", 130000, 100000, "—", 0.7692, "—"),
           ("其他资金", None, None, None, "—", None, "—")]
for r, (lab, a, b, c, w, rate, s) in enumerate(funds01, start=8):
    put(ws, f"B{r}", lab, merge=f"C{r}")
    for col, v in zip("DEF", (a, b, c), strict=True):
        put(ws, f"{col}{r}", v, fmt="#,##0.00" if isinstance(v, int) else None)
    put(ws, f"G{r}", w)
    put(ws, f"H{r}", rate, fmt="0.00%")
    put(ws, f"I{r}", s)
put(ws, "A13", "年度总体目标", merge="A14")
put(ws, "B13", "预期目标", merge="E13")
put(ws, "F13", "实际完成情况", merge="I13")
put(ws, "B14", GOAL01, merge="E14")
put(ws, "F14", ACT01, merge="I14")
left(ws, "B14")
left(ws, "F14")
ws.row_dimensions[14].height = 48
for col, head in zip("ABCDEFGHI", ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值",
                                   "得分", "偏差原因分析及改进措施"], strict=True):
    put(ws, f"{col}15", head)
xl_levels(ws, rows01, 16, 2)
for r in range(16, 25):
    ws.row_dimensions[r].height = 30
put(ws, "A25", "总分", merge="F25")
put(ws, "G25", 100)
put(ws, "H25", 97.4)
put(ws, "I25", None)
put(ws, "A27", "填报人：柴秀梅          联系电话：0312-3186250          填报日期：2024年3月12日", merge="I27")
left(ws, "A27")
xl_finish(ws, rows=(4, 25), ncol=9, size=10, title_pt=16, title_height=28, landscape=True, footer=True)
ws.row_breaks.append(Break(id=20))  # the 效益 group starts page 2
ws.print_title_rows = "15:15"
save_pdf(wb, SRC / "01.xlsx", DOCS / F01)
vals01 = {"≥86处": V("≥86处", ">=", 86.0, "处"), "88处": V("88处", None, 88.0, "处"),
          "≥35公里": V("≥35公里", ">=", 35.0, "公里"), "32.6公里": V("32.6公里", None, 32.6, "公里"),
          "≥95%": V("≥95%", ">=", 95.0, "%"), "97.8%": V("97.8%", None, 97.8, "%"),
          "2023年11月30日前": Q("2023年11月30日前"), "2023年11月28日": Q("2023年11月28日"),
          "≤2.8万元": V("≤2.8万元", "<=", 2.8, "万元"), "2.72万元": V("2.72万元", None, 2.72, "万元"),
          "≥92%": V("≥92%", ">=", 92.0, "%"), "92.6%": V("92.6%", None, 92.6, "%"),
          "≥18.5万人": V("≥18.5万人", ">=", 18.5, "万人"), "18.9万人": V("18.9万人", None, 18.9, "万人"),
          "100%": V("100%", None, 100.0, "%"), "≥90%": V("≥90%", ">=", 90.0, "%"),
          "88.5%": V("88.5%", None, 88.5, "%")}
doc(F01, "pdf", [form(
    "self_evaluation", "保定市市级项目支出绩效自评表", 2023,
    project("农村集中供水工程维修养护项目", nature="经常性项目", department="保定市水利局",
            implementer="保定市农村供水服务中心", manager="郝建国", phone="0312-3186245", contact="柴秀梅"),
    "元",
    [fund("total", "年度资金总额", initial_budget=2350000.0, adjusted_budget=2480000.0, executed=2391600.0,
          execution_rate=96.44, weight=10.0, score=9.6),
     fund("fiscal_local", "其中：本级财政资金", initial_budget=1850000.0, adjusted_budget=1850000.0,
          executed=1791600.0, execution_rate=96.84),
     fund("fiscal_superior", "上级补助资金", initial_budget=500000.0, adjusted_budget=500000.0,
          executed=500000.0, execution_rate=100.0),
     fund("carryover", "上年结转资金", adjusted_budget=130000.0, executed=100000.0, execution_rate=76.92)],
    {"annual": GOAL01, "actual": ACT01},
    [ind(l1, l2, nm, vals01[t], vals01[a], float(w), float(s), reason=why or None, extras={"指标方向": dr})
     for l1, l2, nm, dr, t, a, w, s, why in rows01],
    total=97.4,
    extras={"填报日期": "2024年3月12日"},
)])


# ================================================================ 02 Jiangsu (Suzhou Wujiang) — LibreOffice Calc, target form, 万元
# Added here (region nominal): `单位：万元` above the table; 项目性质 as a row of checkboxes; 项目起止时间
# `2024年3月1日至2025年2月28日`; fund block with two amount columns 项目总金额 | 本年度金额 and lines
# 其中：区级财政资金 / 上级补助资金 / 其他资金; 总体目标 项目总目标 | 年度目标; indicators 一级/二级/三级/
# **计量单位 before 指标值** / 权重（分）/ 指标解释; a 合计 row of weights; signature line; footer.
F02 = "02_jiangsu-suzhou-wujiang-hedao-qingyu-target-2024.pdf"
OVR02 = "用两年时间完成东太湖沿岸28条河道清淤整治,恢复河道行洪和调蓄能力,主要河道水质稳定达到Ⅲ类。"
ANN02 = "2024年完成河道清淤42公里、清淤土方36万立方米,沿岸河道Ⅲ类水比例达到85%以上。"
rows02 = [  # l1, l2, name, unit, value, weight, gloss
    ("产出指标", "数量指标", "河道清淤长度", "公里", "≥42", 20, "年度完成清淤的河道长度"),
    ("产出指标", "数量指标", "清淤土方量", "万立方米", "≥36", 10, "按断面测量计算的清淤方量"),
    ("产出指标", "质量指标", "清淤断面验收合格率", "%", "100", 10, "验收合格断面数/验收断面总数"),
    ("产出指标", "时效指标", "清淤工程完工时间", "", "2024年12月底前", 10, "以竣工验收时间为准"),
    ("产出指标", "成本指标", "清淤综合单价", "元/立方米", "≤45", 10, "含清淤、运输和淤泥处置"),
    ("效益指标", "生态效益指标", "河道水质达到Ⅲ类水比例", "%", "≥85", 20, "以区水质监测断面数据为准"),
    ("效益指标", "可持续影响指标", "河道长效管护机制", "", "持续有效", 10, "落实河长制日常巡查"),
    ("满意度指标", "服务对象满意度指标", "沿岸群众满意度", "%", "≥90", 10, "抽样问卷调查"),
]
wb = Workbook()
ws = wb.active
ws.title = "目标申报表"
for col, width in zip("ABCDEFG", [12, 13, 20, 10, 14, 9, 22], strict=True):
    ws.column_dimensions[col].width = width
xl_heading(ws, "G", "苏州市吴江区区级项目支出绩效目标申报表", "（2024年度）", "单位：万元")
put(ws, "A4", "项目名称")
put(ws, "B4", "东太湖沿岸河道清淤整治项目", merge="D4")
put(ws, "E4", "项目性质")
put(ws, "F4", "□经常性项目 ☑一次性项目", merge="G4")
put(ws, "A5", "主管部门")
put(ws, "B5", "苏州市吴江区水务局", merge="D5")
put(ws, "E5", "实施单位")
put(ws, "F5", "吴江区河湖管理所", merge="G5")
put(ws, "A6", "项目负责人")
put(ws, "B6", "沈立峰", merge="D6")
put(ws, "E6", "联系电话")
put(ws, "F6", "0512-63017284", merge="G6")
put(ws, "A7", "项目起止时间")
put(ws, "B7", "2024年3月1日至2025年2月28日", merge="G7")
put(ws, "A8", "资金情况", merge="A12")
put(ws, "B8", "资金来源", merge="C8")
put(ws, "D8", "项目总金额", merge="E8")
put(ws, "F8", "本年度金额", merge="G8")
for r, (lab, a, b) in enumerate([("资金总额", 3860, 1920), ("其中：区级财政资金", 2660, 1320),
                                  ("上级补助资金", 1000, 500), ("其他资金", 200, 100)], start=9):
    put(ws, f"B{r}", lab, merge=f"C{r}")
    put(ws, f"D{r}", a, fmt="0.00", merge=f"E{r}")
    put(ws, f"F{r}", b, fmt="0.00", merge=f"G{r}")
put(ws, "A13", "总体目标", merge="A14")
put(ws, "B13", "项目总目标", merge="D13")
put(ws, "E13", "年度目标", merge="G13")
put(ws, "B14", OVR02, merge="D14")
put(ws, "E14", ANN02, merge="G14")
left(ws, "B14")
left(ws, "E14")
ws.row_dimensions[14].height = 64
for col, head in zip("ABCDEFG", ["一级指标", "二级指标", "三级指标", "计量单位", "指标值", "权重（分）", "指标解释"],
                     strict=True):
    put(ws, f"{col}15", head)
xl_levels(ws, rows02, 16, 2)
for r in range(16, 24):
    ws.row_dimensions[r].height = 28
put(ws, "A24", "合计", merge="E24")
put(ws, "F24", 100)
put(ws, "G24", None)
put(ws, "A26", "填报人：钱雨婷      联系电话：0512-63017290      填报日期：2024年1月10日", merge="G26")
left(ws, "A26")
xl_finish(ws, rows=(4, 24), ncol=7, size=10, title_pt=15, title_height=26, footer=True)
save_pdf(wb, SRC / "02.xlsx", DOCS / F02)


def val02(unit, v):
    num = {"≥42": (">=", 42.0), "≥36": (">=", 36.0), "100": (None, 100.0), "≤45": ("<=", 45.0),
           "≥85": (">=", 85.0), "≥90": (">=", 90.0)}.get(v)
    return V(v + unit, num[0], num[1], unit) if num else Q(v)


doc(F02, "pdf", [form(
    "target", "苏州市吴江区区级项目支出绩效目标申报表", 2024,
    project("东太湖沿岸河道清淤整治项目", nature="一次性项目", department="苏州市吴江区水务局",
            implementer="吴江区河湖管理所", manager="沈立峰", phone="0512-63017284", contact="钱雨婷",
            start="2024-03-01", end="2025-02-28"),
    "万元",
    [fund("total", "资金总额", project_total=W(3860), annual=W(1920)),
     fund("fiscal_local", "其中：区级财政资金", project_total=W(2660), annual=W(1320)),
     fund("fiscal_superior", "上级补助资金", project_total=W(1000), annual=W(500)),
     fund("other", "其他资金", project_total=W(200), annual=W(100))],
    {"overall": OVR02, "annual": ANN02},
    [ind(l1, l2, nm, val02(u, v), weight=float(w), extras={"指标解释": g}) for l1, l2, nm, u, v, w, g in rows02],
    extras={"填报日期": "2024年1月10日"},
)])


# ================================================================ 03 Guangdong (Foshan Shunde) — LibreOffice Calc, two target forms
# Added here (region nominal): one workbook, one sheet per project, exported as one PDF (one page each);
# a TWO-LEVEL indicator table 一级指标 (merged) | 具体指标 | 指标值 | 备注; 项目类别 + 实施期限
# `2024年1月-2024年12月`; fund block in 元 with one amount column `金额` (合计 / 其中：财政拨款 / 其他资金,
# `0.00` kept); footer 第 &P 页 共 &N 页.
F03 = "03_guangdong-foshan-shunde-jiaoyu-targets-2024.pdf"
GOAL03A = "为全区初一、高一学生提供心理健康筛查,开展心理辅导专题讲座和个体咨询服务,建立高风险学生跟踪干预机制。"
rows03a = [  # l1, name, value, note
    ("产出指标", "开展学生心理健康筛查人数", "≥4.5万人", "覆盖全区初一、高一学生"),
    ("产出指标", "心理辅导专题讲座场次", "≥120场", ""),
    ("产出指标", "个体心理咨询服务时长", "≥3600小时", ""),
    ("产出指标", "服务完成时限", "2024年12月31日前", ""),
    ("效益指标", "筛查高风险学生跟踪干预率", "100%", ""),
    ("效益指标", "教师心理健康教育培训覆盖率", "≥90%", "含班主任和心理教师"),
    ("满意度指标", "学生及家长满意度", "≥90%", "第三方问卷调查"),
]
GOAL03B = "为48所中小学更新直饮水设备215台,设备水质检测合格率100%,保障师生饮水安全。"
rows03b = [
    ("产出指标", "更新直饮水设备", "=215台", ""),
    ("产出指标", "覆盖中小学校数", "≥48所", ""),
    ("产出指标", "设备水质检测合格率", "100%", "每学期检测1次"),
    ("产出指标", "单台设备采购安装成本", "≤3500元", ""),
    ("效益指标", "受益师生人数", "≥6.2万人", ""),
    ("效益指标", "设备故障报修响应时间", "≤24小时", ""),
    ("满意度指标", "师生满意度", "≥92%", ""),
]
PROJ03 = [("中小学心理健康教育服务购买项目", "顺德区教育发展中心", "何嘉欣", "0757-22836419",
           [("合计", 1280000), ("其中：财政拨款", 1280000), ("其他资金", 0)], GOAL03A, rows03a),
          ("中小学校园直饮水设备更新项目", "顺德区教育后勤服务中心", "梁志豪", "0757-22836452",
           [("合计", 860000), ("其中：财政拨款", 760000), ("其他资金", 100000)], GOAL03B, rows03b)]
wb = Workbook()
for k, (name, unit, mgr, tel, amounts, goal, rows) in enumerate(PROJ03):
    ws = wb.active if k == 0 else wb.create_sheet()
    ws.title = f"项目{k + 1}"
    for col, width in zip("ABCD", [16, 36, 20, 26], strict=True):
        ws.column_dimensions[col].width = width
    xl_heading(ws, "D", "佛山市顺德区部门预算项目绩效目标表", "（2024年度）")
    put(ws, "A3", "项目名称")
    put(ws, "B3", name, merge="D3")
    put(ws, "A4", "主管部门")
    put(ws, "B4", "佛山市顺德区教育局")
    put(ws, "C4", "实施单位")
    put(ws, "D4", unit)
    put(ws, "A5", "项目负责人")
    put(ws, "B5", mgr)
    put(ws, "C5", "联系电话")
    put(ws, "D5", tel)
    put(ws, "A6", "项目类别")
    put(ws, "B6", "特定目标类")
    put(ws, "C6", "实施期限")
    put(ws, "D6", "2024年1月-2024年12月")
    put(ws, "A7", "资金情况（元）", merge="A10")
    put(ws, "B7", "资金来源")
    put(ws, "C7", "金额", merge="D7")
    for r, (lab, amt) in enumerate(amounts, start=8):
        put(ws, f"B{r}", lab)
        put(ws, f"C{r}", amt, fmt="#,##0.00", merge=f"D{r}")
    put(ws, "A11", "年度绩效目标")
    put(ws, "B11", goal, merge="D11")
    left(ws, "B11")
    ws.row_dimensions[11].height = 44
    for col, head in zip("ABCD", ["一级指标", "具体指标", "指标值", "备注"], strict=True):
        put(ws, f"{col}12", head)
    xl_levels(ws, rows, 13, 1)
    for r in range(13, 13 + len(rows)):
        ws.row_dimensions[r].height = 26
    xl_finish(ws, rows=(3, 12 + len(rows)), ncol=4, size=10.5, title_pt=15, title_height=26, footer=True)
save_pdf(wb, SRC / "03.xlsx", DOCS / F03)
vals03 = {"≥4.5万人": V("≥4.5万人", ">=", 4.5, "万人"), "≥120场": V("≥120场", ">=", 120.0, "场"),
          "≥3600小时": V("≥3600小时", ">=", 3600.0, "小时"), "2024年12月31日前": Q("2024年12月31日前"),
          "100%": V("100%", None, 100.0, "%"), "≥90%": V("≥90%", ">=", 90.0, "%"),
          "=215台": V("=215台", "=", 215.0, "台"), "≥48所": V("≥48所", ">=", 48.0, "所"),
          "≤3500元": V("≤3500元", "<=", 3500.0, "元"), "≥6.2万人": V("≥6.2万人", ">=", 6.2, "万人"),
          "≤24小时": V("≤24小时", "<=", 24.0, "小时"), "≥92%": V("≥92%", ">=", 92.0, "%")}
LINE03 = {"合计": "total", "其中：财政拨款": "fiscal", "其他资金": "other"}
doc(F03, "pdf", [form(
    "target", "佛山市顺德区部门预算项目绩效目标表", 2024,
    project(name, category="特定目标类", department="佛山市顺德区教育局", implementer=unit, manager=mgr,
            phone=tel, start="2024-01-01", end="2024-12-31"),
    "元",
    [fund(LINE03[lab], lab, annual=float(amt)) for lab, amt in amounts],
    {"annual": goal},
    [ind(l1, None, nm, vals03[v], note=nt or None) for l1, nm, v, nt in rows],
) for name, unit, mgr, tel, amounts, goal, rows in PROJ03])


# ================================================================ 04 Zhejiang (Ningbo Yinzhou) — LibreOffice Writer, self-evaluation, 万元
# Added here (region nominal): the form is TWO Word tables (basic/fund/goal table, then the indicator table
# after a caption paragraph 绩效指标完成情况); the indicator table's header row is a REPEATED HEADER ROW
# (w:tblHeader) and the table runs over a page break; 权重 instead of 分值 (fund block and indicators);
# 未完成原因及改进措施; 总分 row; 填报人 paragraph; footer `第 PAGE 页 共 NUMPAGES 页` (Writer fields).
F04 = "04_zhejiang-ningbo-yinzhou-jujia-yanglao-selfeval-2023.pdf"
GOAL04 = "改造提升社区居家养老服务中心28家,新增助餐服务点15个,年度上门服务3.6万人次,居家养老服务覆盖率达到95%以上。"
ACT04 = "完成28家服务中心改造提升,新增助餐点13个,上门服务3.82万人次,居家养老服务覆盖率96.3%。"
R04a = "2个助餐点因场地产权手续未办结暂缓建设,计划2024年6月前完成。"
R04b = "部分失能老人家庭倾向机构照护,签约意愿不高;下年加强政策宣传并提供试用服务。"
rows04 = [  # l1, l2, name, target, actual, weight, score, reason
    ("产出指标", "数量指标", "改造提升社区居家养老服务中心", "≥28家", "28家", "10", "10", ""),
    ("产出指标", "数量指标", "新增助餐服务点", "≥15个", "13个", "10", "8.7", R04a),
    ("产出指标", "数量指标", "年度上门服务人次", "≥3.6万人次", "3.82万人次", "5", "5", ""),
    ("产出指标", "质量指标", "改造项目验收合格率", "100%", "100%", "10", "10", ""),
    ("产出指标", "时效指标", "改造工程完工时间", "2023年10月底前", "2023年10月25日", "5", "5", ""),
    ("产出指标", "成本指标", "单个中心改造补助", "≤25万元", "24.6万元", "5", "5", ""),
    ("效益指标", "社会效益指标", "居家养老服务覆盖率", "≥95%", "96.3%", "15", "15", ""),
    ("效益指标", "社会效益指标", "失能老人照护服务签约率", "≥60%", "55%", "5", "4.2", R04b),
    ("效益指标", "可持续影响指标", "服务中心社会化运营比例", "≥80%", "82.1%", "10", "10", ""),
    ("满意度指标", "服务对象满意度指标", "老年人满意度", "≥92%", "94.6%", "15", "15", ""),
]
HEAD04 = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "得分", "未完成原因及改进措施"]
d = docx_base()
para(d, "宁波市鄞州区项目支出绩效自评表", bold=True, center=True, size=16)
para(d, "（2023年度）", center=True)
t = d.add_table(rows=10, cols=8)
t.style = "Table Grid"
dcell(t, 0, 0, "项目名称")
dcell(t, 0, 1, "社区居家养老服务中心提升改造项目", (0, 7))
dcell(t, 1, 0, "主管部门")
dcell(t, 1, 1, "宁波市鄞州区民政局", (1, 3))
dcell(t, 1, 4, "实施单位", (1, 5))
dcell(t, 1, 6, "鄞州区养老服务指导中心", (1, 7))
dcell(t, 2, 0, "项目负责人")
dcell(t, 2, 1, "应晓东", (2, 3))
dcell(t, 2, 4, "联系电话", (2, 5))
dcell(t, 2, 6, "0574-88123467", (2, 7))
dcell(t, 3, 0, "项目资金（万元）", (7, 0))
for c, head in enumerate(["", "年初预算数", "全年预算数", "全年执行数", "执行率", "权重", "得分"], start=1):
    dcell(t, 3, c, head)
funds04 = [("年度资金总额", "860.00", "905.00", "878.50", "97.07%", "10", "9.7"),
           ("其中：财政资金", "860.00", "860.00", "838.50", "97.50%", "—", "—"),
           ("上年结转资金", "—", "45.00", "40.00", "88.89%", "—", "—"),
           ("其他资金", "", "", "", "", "—", "—")]
for r, vals in enumerate(funds04, start=4):
    for c, v in enumerate(vals, start=1):
        dcell(t, r, c, v)
dcell(t, 8, 0, "年度总体目标", (9, 0))
dcell(t, 8, 1, "预期目标", (8, 4))
dcell(t, 8, 5, "实际完成情况", (8, 7))
dcell(t, 9, 1, GOAL04, (9, 4))
dcell(t, 9, 5, ACT04, (9, 7))
para(d, "绩效指标完成情况", bold=True)
t2 = d.add_table(rows=1 + len(rows04) + 1, cols=8)
t2.style = "Table Grid"
for c, head in enumerate(HEAD04):
    dcell(t2, 0, c, head, bold=True)
row_props(t2.rows[0], header=True)
docx_levels(t2, rows04, 1, 2, height_mm=14)
last = 1 + len(rows04)
dcell(t2, last, 0, "总分", (last, 4))
dcell(t2, last, 5, "100")
dcell(t2, last, 6, "97.6")
dcell(t2, last, 7, "")
para(d, "填报人：陈佳琪　　联系电话：0574-88123470　　填报日期：2024年3月8日")
page_footer(d)
save_pdf(d, SRC / "04.docx", DOCS / F04)
vals04 = {"≥28家": V("≥28家", ">=", 28.0, "家"), "28家": V("28家", None, 28.0, "家"),
          "≥15个": V("≥15个", ">=", 15.0, "个"), "13个": V("13个", None, 13.0, "个"),
          "≥3.6万人次": V("≥3.6万人次", ">=", 3.6, "万人次"), "3.82万人次": V("3.82万人次", None, 3.82, "万人次"),
          "100%": V("100%", None, 100.0, "%"), "2023年10月底前": Q("2023年10月底前"),
          "2023年10月25日": Q("2023年10月25日"), "≤25万元": V("≤25万元", "<=", 25.0, "万元"),
          "24.6万元": V("24.6万元", None, 24.6, "万元"), "≥95%": V("≥95%", ">=", 95.0, "%"),
          "96.3%": V("96.3%", None, 96.3, "%"), "≥60%": V("≥60%", ">=", 60.0, "%"), "55%": V("55%", None, 55.0, "%"),
          "≥80%": V("≥80%", ">=", 80.0, "%"), "82.1%": V("82.1%", None, 82.1, "%"),
          "≥92%": V("≥92%", ">=", 92.0, "%"), "94.6%": V("94.6%", None, 94.6, "%")}
doc(F04, "pdf", [form(
    "self_evaluation", "宁波市鄞州区项目支出绩效自评表", 2023,
    project("社区居家养老服务中心提升改造项目", department="宁波市鄞州区民政局", implementer="鄞州区养老服务指导中心",
            manager="应晓东", phone="0574-88123467", contact="陈佳琪"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=W(860), adjusted_budget=W(905), executed=W(878.5),
          execution_rate=97.07, weight=10.0, score=9.7),
     fund("fiscal", "其中：财政资金", initial_budget=W(860), adjusted_budget=W(860), executed=W(838.5),
          execution_rate=97.5),
     fund("carryover", "上年结转资金", adjusted_budget=W(45), executed=W(40), execution_rate=88.89)],
    {"annual": GOAL04, "actual": ACT04},
    [ind(l1, l2, nm, vals04[t_], vals04[a], float(w), float(s), reason=why or None)
     for l1, l2, nm, t_, a, w, s, why in rows04],
    total=97.6,
    extras={"填报日期": "2024年3月8日"},
)])


# ================================================================ 05 Fujian (Xiamen Siming) — LibreOffice Writer, target form, 元
# Added here (region nominal): one Word table that runs over a page break WITHOUT a repeated header; 项目期限
# `2024年1月1日至2024年12月31日`; fund block in 元 with one amount column `年度金额` and lines
# 其中：本级财政资金 / 上级转移支付资金 / 其他资金 `0.00`; one goal text 年度绩效目标; indicators 一级/二级/三级/
# 指标值 (comparator in the cell) / **计量单位** / **指标性质** (定量/定性, after the unit); signature paragraph
# with 填报人 / 审核人 / 填报日期.
F05 = "05_fujian-xiamen-siming-jiating-yisheng-target-2024.pdf"
GOAL05 = ("2024年家庭医生签约服务人数达到16万人,重点人群签约率75%以上,开展健康讲座240场,"
          "签约居民健康档案规范建档率95%以上,推动基层首诊和分级诊疗。")
rows05 = [  # l1, l2, name, value, unit, nature
    ("产出指标", "数量指标", "家庭医生签约服务人数", "≥16", "万人", "定量"),
    ("产出指标", "数量指标", "重点人群签约率", "≥75", "%", "定量"),
    ("产出指标", "数量指标", "开展健康讲座", "≥240", "场", "定量"),
    ("产出指标", "质量指标", "签约居民健康档案规范建档率", "≥95", "%", "定量"),
    ("产出指标", "时效指标", "签约服务年度考核完成时间", "2024年12月底前", "", "定性"),
    ("产出指标", "成本指标", "签约服务人均补助标准", "≤15", "元/人", "定量"),
    ("效益指标", "社会效益指标", "居民基层首诊比例", "较上年提高3个百分点", "", "定性"),
    ("效益指标", "可持续影响指标", "家庭医生团队稳定率", "≥90", "%", "定量"),
    ("满意度指标", "服务对象满意度指标", "签约居民满意度", "≥90", "%", "定量"),
]
d = docx_base()
para(d, "厦门市思明区项目支出绩效目标申报表", bold=True, center=True, size=16)
para(d, "（2024年度）", center=True)
n_head = 11
t = d.add_table(rows=n_head + len(rows05), cols=6)
t.style = "Table Grid"
dcell(t, 0, 0, "项目名称")
dcell(t, 0, 1, "家庭医生签约服务提升项目", (0, 5))
dcell(t, 1, 0, "主管部门")
dcell(t, 1, 1, "厦门市思明区卫生健康局", (1, 2))
dcell(t, 1, 3, "实施单位")
dcell(t, 1, 4, "思明区社区卫生服务管理中心", (1, 5))
dcell(t, 2, 0, "项目负责人")
dcell(t, 2, 1, "黄志斌", (2, 2))
dcell(t, 2, 3, "联系电话")
dcell(t, 2, 4, "0592-2056318", (2, 5))
dcell(t, 3, 0, "项目期限")
dcell(t, 3, 1, "2024年1月1日至2024年12月31日", (3, 5))
dcell(t, 4, 0, "项目资金（元）", (8, 0))
dcell(t, 4, 1, "资金来源", (4, 2))
dcell(t, 4, 3, "年度金额", (4, 5))
for r, (lab, amt) in enumerate([("资金总额", "2,460,000.00"), ("其中：本级财政资金", "1,960,000.00"),
                                 ("上级转移支付资金", "500,000.00"), ("其他资金", "0.00")], start=5):
    dcell(t, r, 1, lab, (r, 2))
    dcell(t, r, 3, amt, (r, 5))
dcell(t, 9, 0, "年度绩效目标")
dcell(t, 9, 1, GOAL05, (9, 5))
for c, head in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标性质"]):
    dcell(t, 10, c, head, bold=True)
docx_levels(t, rows05, n_head, 2, height_mm=19)
for r in range(0, 10):
    row_props(t.rows[r], height_mm=10)
para(d, "")
para(d, "填报人：林晓芸　　审核人：郑国华　　填报日期：2024年1月12日")
save_pdf(d, SRC / "05.docx", DOCS / F05)


def val05(v, unit):
    num = {"≥16": (">=", 16.0), "≥75": (">=", 75.0), "≥240": (">=", 240.0), "≥95": (">=", 95.0),
           "≤15": ("<=", 15.0), "≥90": (">=", 90.0)}.get(v)
    return V(v + unit, num[0], num[1], unit) if num else Q(v)


doc(F05, "pdf", [form(
    "target", "厦门市思明区项目支出绩效目标申报表", 2024,
    project("家庭医生签约服务提升项目", department="厦门市思明区卫生健康局", implementer="思明区社区卫生服务管理中心",
            manager="黄志斌", phone="0592-2056318", contact="林晓芸", start="2024-01-01", end="2024-12-31"),
    "元",
    [fund("total", "资金总额", annual=2460000.0),
     fund("fiscal_local", "其中：本级财政资金", annual=1960000.0),
     fund("fiscal_superior", "上级转移支付资金", annual=500000.0),
     fund("other", "其他资金", annual=0.0)],
    {"annual": GOAL05},
    [ind(l1, l2, nm, val05(v, u), extras={"指标性质": nat}) for l1, l2, nm, v, u, nat in rows05],
    extras={"审核人": "郑国华", "填报日期": "2024年1月12日"},
)])


# ================================================================ 06 Hunan (Changde Wuling) — Chromium WITH its header/footer, self-evaluation
# Added here (region nominal): printed by Chromium with the default header/footer (date, page <title>,
# file URL, `1/2`); the indicator table runs over a page break and its header row is a plain <tr> (NOT
# repeated); a 完成率 column between 实际完成值 and 分值; fund block 年初预算数/全年预算数/全年执行数/分值/执行率/
# 得分 in 万元 with 其中：上级补助资金 / 区级财政资金 / 上年结转资金; 总分 row; 填报人 line.
F06 = "06_hunan-changde-wuling-beijie-xiaoxiang-selfeval-2023.pdf"
GOAL06 = "完成城区46条背街小巷提质改造,铺设透水铺装3.2万平方米,消除雨季积水点18处。"
ACT06 = "完成47条背街小巷改造,铺设透水铺装3.05万平方米,消除积水点18处,补植绿化5200平方米。"
R06 = "2条巷道地下管线迁改未完成,剩余铺装纳入2024年计划。"
rows06 = [  # l1, l2, name, target, actual, rate, weight, score, reason
    ("产出指标", "数量指标", "改造背街小巷", "≥46条", "47条", "102.17%", "10", "10", ""),
    ("产出指标", "数量指标", "铺设透水铺装面积", "≥3.2万平方米", "3.05万平方米", "95.31%", "10", "9.5", R06),
    ("产出指标", "质量指标", "工程验收合格率", "100%", "100%", "100%", "10", "10", ""),
    ("产出指标", "时效指标", "改造工程完工时间", "2023年11月底前", "2023年11月22日", "100%", "5", "5", ""),
    ("产出指标", "成本指标", "每平方米改造成本", "≤420元", "408元", "100%", "5", "5", ""),
    ("效益指标", "社会效益指标", "消除雨季积水点", "≥18处", "18处", "100%", "15", "15", ""),
    ("效益指标", "生态效益指标", "巷道绿化补植面积", "≥5000平方米", "5200平方米", "104%", "10", "10", ""),
    ("效益指标", "可持续影响指标", "改造设施管护责任落实率", "100%", "100%", "100%", "10", "10", ""),
    ("满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%", "93.5%", "103.89%", "15", "15", ""),
]
CSS_BASE = """body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC",sans-serif;font-size:10.5pt;}
table{border-collapse:collapse;width:100%;}
td,th{border:1px solid #000;padding:%PAD%;text-align:center;vertical-align:middle;}
h1{font-size:17pt;text-align:center;margin:0 0 4px 0;} .yr{text-align:center;margin:0 0 8px 0;}
.l{text-align:left;}"""
fund_rows06 = [("年度资金总额", "1500.00", "1620.00", "1563.30", "10", "96.50%", "9.65"),
               ("其中：上级补助资金", "600.00", "600.00", "600.00", "—", "100.00%", "—"),
               ("区级财政资金", "900.00", "900.00", "856.30", "—", "95.14%", "—"),
               ("上年结转资金", "—", "120.00", "107.00", "—", "89.17%", "—")]
FR06 = html_fund_rows(fund_rows06)
html06 = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>武陵区住房和城乡建设局2023年度项目支出绩效自评表</title>
<style>{CSS_BASE.replace("%PAD%", "9px 4px")}
@page {{size:A4;}}</style></head>
<body>
<h1>常德市武陵区项目支出绩效自评表</h1>
<p class="yr">（2023年度）</p>
<table>
<colgroup><col style="width:10%"><col style="width:10%"><col style="width:14%"><col style="width:11%"><col style="width:11%"><col style="width:9%"><col style="width:6%"><col style="width:7%"><col></colgroup>
<tr><td>项目名称</td><td colspan="8">城区背街小巷提质改造项目</td></tr>
<tr><td>主管部门</td><td colspan="3">常德市武陵区住房和城乡建设局</td><td colspan="2">实施单位</td><td colspan="3">武陵区市政设施维护中心</td></tr>
<tr><td>项目负责人</td><td colspan="3">龚志远</td><td colspan="2">联系电话</td><td colspan="3">0736-7226418</td></tr>
<tr><td rowspan="5">项目资金<br>（万元）</td><td colspan="2"></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
{FR06}
<tr><td rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="4">实际完成情况</td></tr>
<tr><td colspan="4" class="l">{GOAL06}</td><td colspan="4" class="l">{ACT06}</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>完成率</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
{html_rows(rows06, 2)}
<tr><td colspan="6">总分</td><td>100</td><td>99.15</td><td></td></tr>
</table>
<p>填报人：舒婉清　　联系电话：0736-7226420</p>
</body></html>
"""
chromium_pdf(html06, SRC / "06_changde.html", DOCS / F06, header_footer=True)
vals06 = {"≥46条": V("≥46条", ">=", 46.0, "条"), "47条": V("47条", None, 47.0, "条"),
          "≥3.2万平方米": V("≥3.2万平方米", ">=", 3.2, "万平方米"),
          "3.05万平方米": V("3.05万平方米", None, 3.05, "万平方米"), "100%": V("100%", None, 100.0, "%"),
          "2023年11月底前": Q("2023年11月底前"), "2023年11月22日": Q("2023年11月22日"),
          "≤420元": V("≤420元", "<=", 420.0, "元"), "408元": V("408元", None, 408.0, "元"),
          "≥18处": V("≥18处", ">=", 18.0, "处"), "18处": V("18处", None, 18.0, "处"),
          "≥5000平方米": V("≥5000平方米", ">=", 5000.0, "平方米"), "5200平方米": V("5200平方米", None, 5200.0, "平方米"),
          "≥90%": V("≥90%", ">=", 90.0, "%"), "93.5%": V("93.5%", None, 93.5, "%")}
doc(F06, "pdf", [form(
    "self_evaluation", "常德市武陵区项目支出绩效自评表", 2023,
    project("城区背街小巷提质改造项目", department="常德市武陵区住房和城乡建设局", implementer="武陵区市政设施维护中心",
            manager="龚志远", phone="0736-7226418", contact="舒婉清"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=W(1500), adjusted_budget=W(1620), executed=W(1563.3),
          execution_rate=96.5, weight=10.0, score=9.65),
     fund("fiscal_superior", "其中：上级补助资金", initial_budget=W(600), adjusted_budget=W(600), executed=W(600),
          execution_rate=100.0),
     fund("fiscal_local", "区级财政资金", initial_budget=W(900), adjusted_budget=W(900), executed=W(856.3),
          execution_rate=95.14),
     fund("carryover", "上年结转资金", adjusted_budget=W(120), executed=W(107), execution_rate=89.17)],
    {"annual": GOAL06, "actual": ACT06},
    [ind(l1, l2, nm, vals06[t_], vals06[a], float(w), float(s), reason=why or None,
         completion_rate=float(rate.rstrip("%")))
     for l1, l2, nm, t_, a, rate, w, s, why in rows06],
    total=99.15,
)])


# ================================================================ 07 Jiangxi (Shangrao Xinzhou) — Chromium, no header/footer, target form, 元
# Added here (region nominal): the form is two HTML tables printed flush (basic/fund/goal, then indicators);
# the indicator table has a TWO-ROW <thead> — 年度指标值 grouped over 指标方向 | 指标值 | 计量单位 — that
# Chromium repeats after the page break; 指标方向 holds the comparator (≥/≤/=) or 定性; 分值 on a target form
# and a 合计 row; 项目类型 → nature; 项目周期 `2024.03-2024.12`; fund block in 元 with 项目总预算 | 本年度预算
# and lines 其中：财政拨款 / 单位资金; a 注 paragraph.
F07 = "07_jiangxi-shangrao-xinzhou-youeryuan-kuorong-target-2024.pdf"
GOAL07 = "2024年新建改建公办幼儿园3所,新增公办学位540个,配置保教设备1200套,秋季学期按时开园,公办园在园幼儿占比达到55%以上。"
rows07 = [  # l1, l2, name, direction, value, unit, weight
    ("产出指标", "数量指标", "新增公办学位", "≥", "540", "个", "10"),
    ("产出指标", "数量指标", "新建改建幼儿园", "=", "3", "所", "10"),
    ("产出指标", "数量指标", "配置保教设备", "≥", "1200", "套", "5"),
    ("产出指标", "质量指标", "新建园舍验收合格率", "=", "100", "%", "10"),
    ("产出指标", "时效指标", "秋季学期开园时间", "定性", "2024年9月1日前", "", "10"),
    ("产出指标", "成本指标", "生均学位建设成本", "≤", "1.2", "万元", "5"),
    ("效益指标", "社会效益指标", "公办园在园幼儿占比", "≥", "55", "%", "15"),
    ("效益指标", "社会效益指标", "普惠性幼儿园覆盖率", "≥", "90", "%", "10"),
    ("效益指标", "可持续影响指标", "扩容学位持续使用年限", "≥", "20", "年", "10"),
    ("满意度指标", "服务对象满意度指标", "幼儿家长满意度", "≥", "90", "%", "15"),
]
html07 = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>信州区教育体育局2024年项目支出绩效目标</title>
<style>{CSS_BASE.replace("%PAD%", "14px 4px")}
@page {{size:A4;margin:16mm 14mm;}} table.b{{border-top:none;}} thead td{{font-weight:bold;}}</style></head>
<body>
<h1>上饶市信州区项目支出绩效目标表</h1>
<p class="yr">（2024年度）</p>
<table>
<colgroup><col style="width:16%"><col style="width:16%"><col style="width:20%"><col style="width:16%"><col style="width:16%"><col style="width:16%"></colgroup>
<tr><td>项目名称</td><td colspan="5">城区公办幼儿园扩容提质项目</td></tr>
<tr><td>主管部门</td><td colspan="2">上饶市信州区教育体育局</td><td>实施单位</td><td colspan="2">信州区学前教育管理中心</td></tr>
<tr><td>项目负责人</td><td colspan="2">吴晓兰</td><td>联系电话</td><td colspan="2">0793-8226517</td></tr>
<tr><td>项目类型</td><td colspan="2">一次性项目</td><td>项目周期</td><td colspan="2">2024.03-2024.12</td></tr>
<tr><td rowspan="4">资金情况<br>（元）</td><td colspan="2">资金来源</td><td>项目总预算</td><td colspan="2">本年度预算</td></tr>
<tr><td colspan="2">资金总额</td><td>8,600,000.00</td><td colspan="2">5,200,000.00</td></tr>
<tr><td colspan="2">其中：财政拨款</td><td>7,800,000.00</td><td colspan="2">4,600,000.00</td></tr>
<tr><td colspan="2">单位资金</td><td>800,000.00</td><td colspan="2">600,000.00</td></tr>
<tr><td>年度绩效目标</td><td colspan="5" class="l">{GOAL07}</td></tr>
</table>
<table class="b">
<thead>
<tr><td rowspan="2">一级指标</td><td rowspan="2">二级指标</td><td rowspan="2">三级指标</td><td colspan="3">年度指标值</td><td rowspan="2">分值</td></tr>
<tr><td>指标方向</td><td>指标值</td><td>计量单位</td></tr>
</thead>
<tbody>
{html_rows(rows07, 2)}
<tr><td colspan="6">合计</td><td>100</td></tr>
</tbody>
</table>
<p>注：指标方向填写≥、≤、=或定性;定性指标的指标值以文字表述。</p>
</body></html>
"""
chromium_pdf(html07, SRC / "07_shangrao.html", DOCS / F07)


def val07(op, v, unit):
    opn = {"≥": ">=", "≤": "<=", "=": "="}.get(op)
    if opn is None:  # 定性: the comparator column is dropped, the text alone is raw
        return Q(v)
    return V(op + v + unit, opn, float(v), unit)


doc(F07, "pdf", [form(
    "target", "上饶市信州区项目支出绩效目标表", 2024,
    project("城区公办幼儿园扩容提质项目", nature="一次性项目", department="上饶市信州区教育体育局",
            implementer="信州区学前教育管理中心", manager="吴晓兰", phone="0793-8226517",
            start="2024-03-01", end="2024-12-31"),
    "元",
    [fund("total", "资金总额", project_total=8600000.0, annual=5200000.0),
     fund("fiscal", "其中：财政拨款", project_total=7800000.0, annual=4600000.0),
     fund("unit_own", "单位资金", project_total=800000.0, annual=600000.0)],
    {"annual": GOAL07},
    [ind(l1, l2, nm, val07(op, v, u), weight=float(w)) for l1, l2, nm, op, v, u, w in rows07],
    extras={"注": "指标方向填写≥、≤、=或定性;定性指标的指标值以文字表述。"},
)])


# ================================================================ 08 Shandong (Weifang Hanting) — Chromium, no header/footer, two self-evaluations
# Added here (region nominal): two forms in one document, the second starting on a new page (CSS
# page-break-before); a short fund block 全年预算数/全年执行数/执行率/分值/得分 in 万元 (no 年初 column), lines
# 年度资金总额 / 其中：财政拨款 / 其他资金 (blank in form 2); indicators with 未完成原因分析; 总分 and 自评等级 rows.
F08 = "08_shandong-weifang-hanting-nongcun-selfevals-2023.pdf"
GOAL08A = "完成36个村庄生活污水治理,新建污水收集管网58公里,处理设施出水达标率90%以上。"
ACT08A = "完成36个村庄治理,新建管网60.3公里,出水达标率92.4%,5个村庄管网完工延至12月。"
R08A = "受汛期影响,5个村庄管网施工延期,已于12月中旬完工。"
rows08a = [  # l1, l2, name, target, actual, weight, score, reason
    ("产出指标", "数量指标", "完成生活污水治理村庄", "≥36个", "36个", "10", "10", ""),
    ("产出指标", "数量指标", "新建污水收集管网", "≥58公里", "60.3公里", "10", "10", ""),
    ("产出指标", "质量指标", "处理设施出水达标率", "≥90%", "92.4%", "10", "10", ""),
    ("产出指标", "时效指标", "治理工程完工时间", "2023年10月底前", "2023年12月15日", "10", "8", R08A),
    ("产出指标", "成本指标", "村均治理投资", "≤30万元", "29.1万元", "10", "10", ""),
    ("效益指标", "生态效益指标", "农村生活污水治理率", "≥55%", "56.8%", "15", "15", ""),
    ("效益指标", "可持续影响指标", "设施正常运行率", "≥90%", "91%", "10", "10", ""),
    ("满意度指标", "服务对象满意度指标", "治理村庄群众满意度", "≥90%", "95.2%", "15", "15", ""),
]
GOAL08B = "培育高素质农民500人,开展田间实训40期,学员结业考核合格率95%以上,带动周边农户1500户。"
ACT08B = "培育高素质农民512人,开展田间实训38期,考核合格率97.3%,带动农户1620户。"
R08B = "2期实训因秋季连续降雨取消,改为线上课程补充。"
rows08b = [
    ("产出指标", "数量指标", "培育高素质农民", "≥500人", "512人", "15", "15", ""),
    ("产出指标", "数量指标", "开展田间实训", "≥40期", "38期", "10", "9.5", R08B),
    ("产出指标", "质量指标", "学员结业考核合格率", "≥95%", "97.3%", "10", "10", ""),
    ("产出指标", "时效指标", "培训任务完成时间", "2023年11月30日前", "2023年11月28日", "10", "10", ""),
    ("效益指标", "经济效益指标", "学员人均增收", "≥3000元", "3260元", "15", "15", ""),
    ("效益指标", "社会效益指标", "带动周边农户", "≥1500户", "1620户", "15", "15", ""),
    ("满意度指标", "服务对象满意度指标", "参训学员满意度", "≥95%", "96.1%", "15", "15", ""),
]
PROJ08 = [
    dict(name="农村生活污水治理项目", dept="潍坊市生态环境局寒亭分局", unit="寒亭区农村环境综合整治服务中心",
         mgr="于海涛", tel="0536-7253164", goal=GOAL08A, act=ACT08A, rows=rows08a, total="97.77", grade="优",
         funds=[("年度资金总额", "1180.00", "1152.40", "97.66%", "10", "9.77"),
                ("其中：财政拨款", "1080.00", "1052.40", "97.44%", "—", "—"),
                ("其他资金", "100.00", "100.00", "100.00%", "—", "—")]),
    dict(name="高素质农民培育项目", dept="潍坊市寒亭区农业农村局", unit="寒亭区农业技术推广中心",
         mgr="刘春梅", tel="0536-7253521", goal=GOAL08B, act=ACT08B, rows=rows08b, total="98.8", grade="优",
         funds=[("年度资金总额", "260.00", "241.80", "93.00%", "10", "9.3"),
                ("其中：财政拨款", "260.00", "241.80", "93.00%", "—", "—"),
                ("其他资金", "", "", "", "—", "—")]),
]


def table08(p, first):
    fr = html_fund_rows(p["funds"], sep="")
    brk = "" if first else ' style="page-break-before:always"'
    return f"""<h1{brk}>潍坊市寒亭区项目支出绩效自评表</h1>
<p class="yr">（2023年度）</p>
<table>
<colgroup><col style="width:11%"><col style="width:12%"><col style="width:19%"><col style="width:12%"><col style="width:12%"><col style="width:6%"><col style="width:6%"><col></colgroup>
<tr><td>项目名称</td><td colspan="7">{p["name"]}</td></tr>
<tr><td>主管部门</td><td colspan="3">{p["dept"]}</td><td>实施单位</td><td colspan="3">{p["unit"]}</td></tr>
<tr><td>项目负责人</td><td colspan="3">{p["mgr"]}</td><td>联系电话</td><td colspan="3">{p["tel"]}</td></tr>
<tr><td rowspan="{1 + len(p["funds"])}">项目资金<br>（万元）</td><td colspan="2"></td><td>全年预算数</td><td>全年执行数</td><td>执行率</td><td>分值</td><td>得分</td></tr>
{fr}
<tr><td rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="3">实际完成情况</td></tr>
<tr><td colspan="4" class="l">{p["goal"]}</td><td colspan="3" class="l">{p["act"]}</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>未完成原因分析</td></tr>
{html_rows(p["rows"], 2)}
<tr><td colspan="5">总分</td><td>100</td><td>{p["total"]}</td><td></td></tr>
<tr><td colspan="5">自评等级</td><td colspan="3">{p["grade"]}</td></tr>
</table>"""


html08 = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>寒亭区2023年度项目支出绩效自评结果</title>
<style>{CSS_BASE.replace("%PAD%", "6px 4px")}
@page {{size:A4;margin:15mm 12mm;}}</style></head>
<body>
{table08(PROJ08[0], True)}
{table08(PROJ08[1], False)}
</body></html>
"""
chromium_pdf(html08, SRC / "08_weifang.html", DOCS / F08)
vals08 = {"≥36个": V("≥36个", ">=", 36.0, "个"), "36个": V("36个", None, 36.0, "个"),
          "≥58公里": V("≥58公里", ">=", 58.0, "公里"), "60.3公里": V("60.3公里", None, 60.3, "公里"),
          "≥90%": V("≥90%", ">=", 90.0, "%"), "92.4%": V("92.4%", None, 92.4, "%"),
          "2023年10月底前": Q("2023年10月底前"), "2023年12月15日": Q("2023年12月15日"),
          "≤30万元": V("≤30万元", "<=", 30.0, "万元"), "29.1万元": V("29.1万元", None, 29.1, "万元"),
          "≥55%": V("≥55%", ">=", 55.0, "%"), "56.8%": V("56.8%", None, 56.8, "%"),
          "91%": V("91%", None, 91.0, "%"), "95.2%": V("95.2%", None, 95.2, "%"),
          "≥500人": V("≥500人", ">=", 500.0, "人"), "512人": V("512人", None, 512.0, "人"),
          "≥40期": V("≥40期", ">=", 40.0, "期"), "38期": V("38期", None, 38.0, "期"),
          "≥95%": V("≥95%", ">=", 95.0, "%"), "97.3%": V("97.3%", None, 97.3, "%"),
          "2023年11月30日前": Q("2023年11月30日前"), "2023年11月28日": Q("2023年11月28日"),
          "≥3000元": V("≥3000元", ">=", 3000.0, "元"), "3260元": V("3260元", None, 3260.0, "元"),
          "≥1500户": V("≥1500户", ">=", 1500.0, "户"), "1620户": V("1620户", None, 1620.0, "户"),
          "96.1%": V("96.1%", None, 96.1, "%")}


def form08(p, funds):
    return form("self_evaluation", "潍坊市寒亭区项目支出绩效自评表", 2023,
                project(p["name"], department=p["dept"], implementer=p["unit"], manager=p["mgr"], phone=p["tel"]),
                "万元", funds, {"annual": p["goal"], "actual": p["act"]},
                [ind(l1, l2, nm, vals08[t_], vals08[a], float(w), float(s), reason=why or None)
                 for l1, l2, nm, t_, a, w, s, why in p["rows"]],
                total=float(p["total"]), extras={"自评等级": p["grade"]})


doc(F08, "pdf", [
    form08(PROJ08[0], [fund("total", "年度资金总额", adjusted_budget=W(1180), executed=W(1152.4), execution_rate=97.66,
                            weight=10.0, score=9.77),
                       fund("fiscal", "其中：财政拨款", adjusted_budget=W(1080), executed=W(1052.4), execution_rate=97.44),
                       fund("other", "其他资金", adjusted_budget=W(100), executed=W(100), execution_rate=100.0)]),
    form08(PROJ08[1], [fund("total", "年度资金总额", adjusted_budget=W(260), executed=W(241.8), execution_rate=93.0,
                            weight=10.0, score=9.3),
                       fund("fiscal", "其中：财政拨款", adjusted_budget=W(260), executed=W(241.8), execution_rate=93.0)]),
])
print("built", sorted(p.name for p in DOCS.iterdir() if p.is_file()))
