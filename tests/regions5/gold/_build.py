"""Fifth held-out set: builds the 8 documents of tests/regions5/ and their hand-written reference
answers in tests/regions5/gold/. Every value below was typed by hand from the document as it is
written here; nothing comes from parser output.

Gold helpers (V, Q, fund, ind, project, form, doc, tab, put) are imported from the one shared module
`tests/goldkit.py`; only write_text() is local.

Run with the project venv (openpyxl, python-docx):  .venv/bin/python tests/regions5/gold/_build.py
"""
import sys
from pathlib import Path

import docx
from openpyxl import Workbook
from openpyxl.styles import Border, Side

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent
TESTS = DOCS.parent

sys.path.insert(0, str(TESTS))
import goldkit  # noqa: E402
from goldkit import Q, V, form, fund, ind, project, put, tab  # noqa: E402  (the shared gold helpers)
from printkit import rowspans  # noqa: E402

W = goldkit.W


def write_text(fname, text, encoding="utf-8"):
    (DOCS / fname).write_bytes(text.encode(encoding))


def doc(fname, fmt, forms):
    goldkit.doc(DOCS, HERE, fname, fmt, forms)


THIN = Side(style="thin")


def borders(ws, r1, r2, ncol):
    for row in ws.iter_rows(min_row=r1, max_row=r2, max_col=ncol):
        for c in row:
            c.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def html_rows(rows, nlev, extra_tds=""):
    """<tr>s for indicator rows whose first nlev cells are level cells merged with rowspan."""
    spans = [rowspans(rows, k) for k in range(nlev)]
    trs = []
    for i, row in enumerate(rows):
        tds = [f'<td rowspan="{spans[k][i]}">{row[k]}</td>' for k in range(nlev) if i in spans[k]]
        tds += [f"<td>{x}</td>" for x in row[nlev:]]
        trs.append("<tr>" + "".join(tds) + extra_tds + "</tr>")
    return "\n".join(trs)


# ================================================================ 01 Henan (Luoyang) html, GBK, target
# Added here (region nominal): 项目编码 on the name row; 项目期限 over three years; 资金情况 with the
# columns 中期资金总额 | 年度资金总额; goals 中期目标（2024年—2026年）| 年度目标; indicator table
# 一级/二级/三级/指标性质（正向/反向/定性）/指标值/计量单位/权重（%） with the weight printed as `15%`,
# and a 合计 row of weights on a target form.
F01 = "01_henan-luoyang-qianrushi-yanglao-target-2024.html"
MID01 = "到2026年建成社区嵌入式养老服务站36个,新增养老床位1000张,形成15分钟养老服务圈。"
ANN01 = "2024年新建社区嵌入式养老服务站12个,新增养老床位360张,服务覆盖老年人口2.4万人。"
rows01 = [  # l1, l2, name, nature, value, unit, weight
    ("产出指标", "数量指标", "新建社区嵌入式养老服务站", "正向", "12", "个", "15%"),
    ("产出指标", "数量指标", "新增养老床位", "正向", "360", "张", "15%"),
    ("产出指标", "质量指标", "站点消防验收合格率", "正向", "100", "%", "10%"),
    ("产出指标", "时效指标", "年度建设任务完成时间", "定性", "2024年12月底前", "", "10%"),
    ("产出指标", "成本指标", "单个站点建设补助标准", "反向", "80", "万元", "10%"),
    ("效益指标", "社会效益指标", "服务覆盖老年人口", "正向", "2.4", "万人", "15%"),
    ("效益指标", "可持续影响指标", "站点运营管理机制", "定性", "持续完善", "", "10%"),
    ("满意度指标", "服务对象满意度指标", "入住老人及家属满意度", "正向", "90", "%", "15%"),
]
html01 = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>洛阳市民政局2024年项目支出绩效目标公开</title></head>
<body><div class="crumb">您现在的位置：首页 &gt; 政务公开 &gt; 财政预决算</div>
<div class="content">
<p align="center"><b>洛阳市市级项目支出绩效目标申报表</b></p>
<p align="center">（2024年度）</p>
<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse">
<tr><td>项目名称</td><td colspan="3">城市社区嵌入式养老服务设施建设项目</td><td colspan="2">项目编码</td><td>410300-24-0213</td></tr>
<tr><td>主管部门</td><td colspan="3">洛阳市民政局</td><td colspan="2">实施单位</td><td>洛阳市社会福利服务中心</td></tr>
<tr><td>项目负责人</td><td colspan="3">韩立新</td><td colspan="2">联系电话</td><td>0379-63218547</td></tr>
<tr><td>项目期限</td><td colspan="6">2024年1月-2026年12月</td></tr>
<tr><td rowspan="4">资金情况<br>（万元）</td><td colspan="2">资金来源</td><td colspan="2">中期资金总额</td><td colspan="2">年度资金总额</td></tr>
<tr><td colspan="2">资金总额</td><td colspan="2">3600.00</td><td colspan="2">1250.00</td></tr>
<tr><td colspan="2">其中：财政拨款</td><td colspan="2">3200.00</td><td colspan="2">1100.00</td></tr>
<tr><td colspan="2">其他资金</td><td colspan="2">400.00</td><td colspan="2">150.00</td></tr>
<tr><td rowspan="2">总体目标</td><td colspan="3">中期目标（2024年—2026年）</td><td colspan="3">年度目标</td></tr>
<tr><td colspan="3">{MID01}</td><td colspan="3">{ANN01}</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>指标值</td><td>计量单位</td><td>权重（%）</td></tr>
{html_rows(rows01, 2)}
<tr><td colspan="6">合计</td><td>100%</td></tr>
</table>
<p>注：指标性质填写正向、反向或定性。</p>
</div></body></html>
"""
write_text(F01, html01, "gbk")


def val01(v, unit):
    n = {"12": 12.0, "360": 360.0, "100": 100.0, "80": 80.0, "2.4": 2.4, "90": 90.0}.get(v)
    return V(v + unit, None, n, unit) if n is not None else Q(v)


doc(F01, "html", [form(
    "target", "洛阳市市级项目支出绩效目标申报表", 2024,
    project("城市社区嵌入式养老服务设施建设项目", code="410300-24-0213", department="洛阳市民政局",
            implementer="洛阳市社会福利服务中心", manager="韩立新", phone="0379-63218547",
            start="2024-01-01", end="2026-12-31"),
    "万元",
    [fund("total", "资金总额", project_total=3600 * W, annual=1250 * W),
     fund("fiscal", "其中：财政拨款", project_total=3200 * W, annual=1100 * W),
     fund("other", "其他资金", project_total=400 * W, annual=150 * W)],
    {"overall": MID01, "annual": ANN01},
    [ind(l1, l2, nm, val01(v, u), weight=float(w.rstrip("%")), extras={"指标性质": nat})
     for l1, l2, nm, nat, v, u, w in rows01],
    extras={"注": "指标性质填写正向、反向或定性。"},
)])


# ================================================================ 02 Anhui (Wuhu) xlsx, self-evaluation
# Added here (region nominal): the budget block 年度预算执行情况（万元） is TRANSPOSED — the fund lines
# are columns (年度资金总额 | 其中：财政拨款 | 上年结转资金 | 其他资金) and the rows are 预算数 / 执行数 /
# 执行率, with 分值/得分 merged down the block; indicator table with 权重 and TWO text columns
# 未完成原因 | 改进措施; 总分 row.
F02 = "02_anhui-wuhu-gongshui-guanwang-selfeval-2023.xlsx"
GOAL02 = "改造城区老旧供水管网42公里,更换智能水表8000只,降低管网漏损率至9%以内。"
ACT02 = "完成管网改造39.5公里,更换智能水表8260只,管网漏损率降至9.4%。"
R02a, M02a = "2.5公里管段与道路改造工程同步实施,施工许可延后。", "与住建部门建立联合排期机制,2024年一季度完成。"
R02b, M02b = "冬季施工受降温影响,完工时间延后20天。", "下年度合理安排工期,避开冬季施工。"
R02c, M02c = "部分未改造管段仍存在漏损。", "加快剩余管段改造并加强日常巡检。"
rows02 = [  # l1, l2, name, target, actual, weight, score, reason, measure
    ("产出指标", "数量指标", "改造老旧供水管网长度", "≥42公里", "39.5公里", 15, 14.1, R02a, M02a),
    ("产出指标", "数量指标", "更换智能水表", "≥8000只", "8260只", 10, 10, "", ""),
    ("产出指标", "质量指标", "管网试压验收合格率", "100%", "100%", 10, 10, "", ""),
    ("产出指标", "时效指标", "主体工程完工时间", "2023年11月底前", "2023年12月20日", 10, 8, R02b, M02b),
    ("产出指标", "成本指标", "每公里改造成本", "≤32万元", "31.6万元", 10, 10, "", ""),
    ("效益指标", "社会效益指标", "管网漏损率", "≤9%", "9.4%", 15, 13, R02c, M02c),
    ("效益指标", "可持续影响指标", "改造管网设计使用年限", "≥30年", "30年", 10, 10, "", ""),
    ("满意度指标", "服务对象满意度指标", "片区居民满意度", "≥90%", "92.5%", 10, 10, "", ""),
]
wb = Workbook()
ws = wb.active
ws.title = "绩效自评表"
for col, width in zip("ABCDEFGHI", [16, 16, 24, 14, 14, 8, 8, 30, 30], strict=True):
    ws.column_dimensions[col].width = width
put(ws, "A1", "芜湖市2023年度项目支出绩效自评表", merge="I1", bold=True)
put(ws, "A2", "项目名称")
put(ws, "B2", "城区老旧供水管网改造项目", merge="E2")
put(ws, "F2", "项目类别", merge="G2")
put(ws, "H2", "特定目标类", merge="I2")
put(ws, "A3", "主管部门")
put(ws, "B3", "芜湖市城市管理局", merge="E3")
put(ws, "F3", "实施单位", merge="G3")
put(ws, "H3", "芜湖市供水管网维护中心", merge="I3")
put(ws, "A4", "项目负责人")
put(ws, "B4", "许文涛", merge="E4")
put(ws, "F4", "联系电话", merge="G4")
put(ws, "H4", "0553-3825106", merge="I4")
put(ws, "A5", "年度预算执行情况（万元）", merge="A8")
for col, head in zip("BCDEFGH", ["", "年度资金总额", "其中：财政拨款", "上年结转资金", "其他资金", "分值", "得分"],
                     strict=True):
    put(ws, f"{col}5", head or None)
ws.merge_cells("H5:I5")
for r, vals in enumerate([("预算数", 1580, 1400, 120, 60), ("执行数", 1516.8, 1352.4, 120, 44.4)], start=6):
    put(ws, f"B{r}", vals[0])
    for col, v in zip("CDEF", vals[1:], strict=True):
        put(ws, f"{col}{r}", v, fmt="0.00")
put(ws, "B8", "执行率")
for col, v in zip("CDEF", ["96.00%", "96.60%", "100.00%", "74.00%"], strict=True):
    put(ws, f"{col}8", v)
put(ws, "G6", 10, merge="G8")
put(ws, "H6", 9.6, merge="I8")
put(ws, "A9", "年度总体目标", merge="A10")
put(ws, "B9", "预期目标", merge="E9")
put(ws, "F9", "实际完成情况", merge="I9")
put(ws, "B10", GOAL02, merge="E10")
put(ws, "F10", ACT02, merge="I10")
for col, head in zip("ABCDEFGHI", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "得分",
                                   "未完成原因", "改进措施"], strict=True):
    put(ws, f"{col}11", head)
sp02 = [rowspans(rows02, k) for k in (0, 1)]
for i, row in enumerate(rows02):
    r = 12 + i
    for k, col in enumerate("AB"):
        if i in sp02[k]:
            put(ws, f"{col}{r}", row[k], merge=f"{col}{r + sp02[k][i] - 1}" if sp02[k][i] > 1 else None)
    for col, v in zip("CDEFGHI", row[2:], strict=True):
        put(ws, f"{col}{r}", v if v != "" else None)
put(ws, "A20", "总分", merge="E20")
put(ws, "F20", 100)
put(ws, "G20", 94.7)
put(ws, "H20", None, merge="I20")
borders(ws, 2, 20, 9)
wb.save(DOCS / F02)
vals02 = {"≥42公里": V("≥42公里", ">=", 42.0, "公里"), "39.5公里": V("39.5公里", None, 39.5, "公里"),
          "≥8000只": V("≥8000只", ">=", 8000.0, "只"), "8260只": V("8260只", None, 8260.0, "只"),
          "100%": V("100%", None, 100.0, "%"), "2023年11月底前": Q("2023年11月底前"),
          "2023年12月20日": Q("2023年12月20日"), "≤32万元": V("≤32万元", "<=", 32.0, "万元"),
          "31.6万元": V("31.6万元", None, 31.6, "万元"), "≤9%": V("≤9%", "<=", 9.0, "%"),
          "9.4%": V("9.4%", None, 9.4, "%"), "≥30年": V("≥30年", ">=", 30.0, "年"), "30年": V("30年", None, 30.0, "年"),
          "≥90%": V("≥90%", ">=", 90.0, "%"), "92.5%": V("92.5%", None, 92.5, "%")}
doc(F02, "xlsx", [form(
    "self_evaluation", "芜湖市2023年度项目支出绩效自评表", 2023,
    project("城区老旧供水管网改造项目", category="特定目标类", department="芜湖市城市管理局",
            implementer="芜湖市供水管网维护中心", manager="许文涛", phone="0553-3825106"),
    "万元",
    [fund("total", "年度资金总额", adjusted_budget=1580 * W, executed=1516.8 * W, execution_rate=96.0,
          weight=10.0, score=9.6),
     fund("fiscal", "其中：财政拨款", adjusted_budget=1400 * W, executed=1352.4 * W, execution_rate=96.6),
     fund("carryover", "上年结转资金", adjusted_budget=120 * W, executed=120 * W, execution_rate=100.0),
     fund("other", "其他资金", adjusted_budget=60 * W, executed=44.4 * W, execution_rate=74.0)],
    {"annual": GOAL02, "actual": ACT02},
    [ind(l1, l2, nm, vals02[t], vals02[a], float(w), float(s), reason=why or None,
         extras={"改进措施": how} if how else None)
     for l1, l2, nm, t, a, w, s, why, how in rows02],
    total=94.7,
)])


# ================================================================ 03 Chongqing (Yubei) docx, self-evaluation
# Added here (region nominal): the form is split over TWO Word tables with a paragraph `续表` between
# them; the second table repeats the indicator header and ends with 总分. The indicator table has a
# 评分标准 column before 偏差原因分析及改进措施. Fund rows 其中：市级补助资金 / 区级财政资金 / 上年结转资金.
F03 = "03_chongqing-yubei-nongcun-gaice-selfeval-2023.docx"
GOAL03 = "完成农村户厕改造1500户、公共厕所改造24座,户厕改造验收合格率98%以上,改善农村人居环境。"
ACT03 = "完成户厕改造1520户、公共厕所改造22座,合格率99.1%,2座公厕因选址调整顺延。"
R03a = "2座公厕选址调整,顺延至2024年上半年完工。"
R03b = "管护队伍仍在组建,下年度完善管护考核办法。"
S_RATIO = "完成目标得满分,未完成按完成比例得分"
S_TIME = "按时完成得满分,每延后1个月扣1分"
S_COST = "不超出标准得满分,超出不得分"
S_SAT = "达到目标值得满分,每低1个百分点扣1分"
rows03 = [  # l1, l2, name, target, actual, weight, score, standard, reason
    ("产出指标", "数量指标", "新建改造农村户厕", "≥1500户", "1520户", "10", "10", S_RATIO, ""),
    ("产出指标", "数量指标", "改造农村公共厕所", "≥24座", "22座", "10", "9.2", S_RATIO, R03a),
    ("产出指标", "质量指标", "户厕改造验收合格率", "≥98%", "99.1%", "10", "10", S_RATIO, ""),
    ("产出指标", "时效指标", "年度改造任务完成时间", "2023年10月底前", "2023年10月26日", "5", "5", S_TIME, ""),
    ("产出指标", "成本指标", "户厕改造户均补助", "≤3000元", "3000元", "5", "5", S_COST, ""),
    ("效益指标", "社会效益指标", "农村卫生厕所普及率", "≥85%", "86.3%", "15", "15", S_RATIO, ""),
    ("效益指标", "生态效益指标", "粪污无害化处理率", "≥90%", "91%", "10", "10", S_RATIO, ""),
    ("效益指标", "可持续影响指标", "户厕管护长效机制", "建立健全", "基本建立", "10", "9", "建立得满分,基本建立得9分", R03b),
    ("满意度指标", "服务对象满意度指标", "改厕农户满意度", "≥95%", "96.2%", "15", "15", S_SAT, ""),
]
HEAD03 = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "评分标准", "偏差原因分析及改进措施"]
d = docx.Document()
d.add_paragraph("重庆市渝北区项目支出绩效自评表")
d.add_paragraph("（2023年度）")
d.add_paragraph("单位：万元")


def cell(t, r, c, text, to=None):
    x = t.cell(r, c)
    if to is not None:
        x = x.merge(t.cell(*to))
    x.text = text
    return x


def ind_rows(t, start, rows):
    """Indicator rows from row `start`; level cells merged down their runs."""
    for k in (0, 1):
        for i, n in rowspans(rows, k).items():
            cell(t, start + i, k, rows[i][k], (start + i + n - 1, k) if n > 1 else None)
    for i, row in enumerate(rows):
        for c, v in enumerate(row[2:], start=2):
            cell(t, start + i, c, v)


part1, part2 = rows03[:5], rows03[5:]
t = d.add_table(rows=11 + 1 + len(part1), cols=9)
t.style = "Table Grid"
cell(t, 0, 0, "项目名称")
cell(t, 0, 1, "农村卫生厕所改造提升项目", (0, 8))
cell(t, 1, 0, "主管部门")
cell(t, 1, 1, "重庆市渝北区农业农村委员会", (1, 4))
cell(t, 1, 5, "实施单位", (1, 6))
cell(t, 1, 7, "渝北区农村人居环境整治中心", (1, 8))
cell(t, 2, 0, "项目负责人")
cell(t, 2, 1, "冉光明", (2, 4))
cell(t, 2, 5, "联系电话", (2, 6))
cell(t, 2, 7, "023-67821594", (2, 8))
cell(t, 3, 0, "项目资金", (7, 0))
for c, head in enumerate(["资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], start=1):
    cell(t, 3, c, head, (3, 8) if c == 7 else None)
funds03 = [("年度资金总额", "980.00", "1040.00", "1012.40", "10", "97.35%", "9.5"),
           ("其中：市级补助资金", "620.00", "620.00", "620.00", "—", "100.00%", "—"),
           ("区级财政资金", "360.00", "360.00", "332.40", "—", "92.33%", "—"),
           ("上年结转资金", "—", "60.00", "60.00", "—", "100.00%", "—")]
for r, vals in enumerate(funds03, start=4):
    for c, v in enumerate(vals, start=1):
        cell(t, r, c, v, (r, 8) if c == 7 else None)
cell(t, 8, 0, "年度总体目标", (9, 0))
cell(t, 8, 1, "预期目标", (8, 4))
cell(t, 8, 5, "实际完成情况", (8, 8))
cell(t, 9, 1, GOAL03, (9, 4))
cell(t, 9, 5, ACT03, (9, 8))
cell(t, 10, 0, "绩效指标", (10, 8))
for c, head in enumerate(HEAD03):
    cell(t, 11, c, head)
ind_rows(t, 12, part1)
d.add_paragraph("续表")
t2 = d.add_table(rows=1 + len(part2) + 1, cols=9)
t2.style = "Table Grid"
for c, head in enumerate(HEAD03):
    cell(t2, 0, c, head)
ind_rows(t2, 1, part2)
last = 1 + len(part2)
cell(t2, last, 0, "总分", (last, 4))
cell(t2, last, 5, "100")
cell(t2, last, 6, "97.7")
cell(t2, last, 7, "", (last, 8))
d.add_paragraph("填报人：向春燕    联系电话：023-67821596")
d.save(DOCS / F03)
vals03 = {"≥1500户": V("≥1500户", ">=", 1500.0, "户"), "1520户": V("1520户", None, 1520.0, "户"),
          "≥24座": V("≥24座", ">=", 24.0, "座"), "22座": V("22座", None, 22.0, "座"),
          "≥98%": V("≥98%", ">=", 98.0, "%"), "99.1%": V("99.1%", None, 99.1, "%"),
          "2023年10月底前": Q("2023年10月底前"), "2023年10月26日": Q("2023年10月26日"),
          "≤3000元": V("≤3000元", "<=", 3000.0, "元"), "3000元": V("3000元", None, 3000.0, "元"),
          "≥85%": V("≥85%", ">=", 85.0, "%"), "86.3%": V("86.3%", None, 86.3, "%"),
          "≥90%": V("≥90%", ">=", 90.0, "%"), "91%": V("91%", None, 91.0, "%"),
          "建立健全": Q("建立健全"), "基本建立": Q("基本建立"),
          "≥95%": V("≥95%", ">=", 95.0, "%"), "96.2%": V("96.2%", None, 96.2, "%")}
doc(F03, "docx", [form(
    "self_evaluation", "重庆市渝北区项目支出绩效自评表", 2023,
    project("农村卫生厕所改造提升项目", department="重庆市渝北区农业农村委员会", implementer="渝北区农村人居环境整治中心",
            manager="冉光明", phone="023-67821594", contact="向春燕"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=980 * W, adjusted_budget=1040 * W, executed=1012.4 * W,
          execution_rate=97.35, weight=10.0, score=9.5),
     fund("fiscal_superior", "其中：市级补助资金", initial_budget=620 * W, adjusted_budget=620 * W,
          executed=620 * W, execution_rate=100.0),
     fund("fiscal_local", "区级财政资金", initial_budget=360 * W, adjusted_budget=360 * W, executed=332.4 * W,
          execution_rate=92.33),
     fund("carryover", "上年结转资金", adjusted_budget=60 * W, executed=60 * W, execution_rate=100.0)],
    {"annual": GOAL03, "actual": ACT03},
    [ind(l1, l2, nm, vals03[t_], vals03[a], float(w), float(s), reason=why or None, extras={"评分标准": std})
     for l1, l2, nm, t_, a, w, s, std, why in rows03],
    total=97.7,
)])


# ================================================================ 04 Yunnan (Dali) TAB OCR dump, target
# Added here (region nominal): 项目性质 checkboxes (`口经常性项目 √一次性项目`), a one-column fund block
# named by government level (中央和省级补助 / 州级资金 / 县市配套资金 on a 州级 form), and the
# value split in two columns 指标值 (comparator + number) | 计量单位. OCR faults: spaced labels, page
# break `第 1 页 共 2 页` with the header repeated, one row shifted one cell left, `□` as `口`.
F04 = "04_yunnan-dali-erhai-mianyuan-wuran-target-2024-ocr.txt"
GOAL04 = "推广绿色防控技术8.5万亩,建设生态沟渠36公里,项目区化肥使用量减少5%以上,削减入湖总氮负荷。"
text04 = tab([
    "大理州州级项目支出绩效目标申报表",
    "（2024年度）",
    ["项 目 名 称", "洱海流域农田面源污染防控项目", "", "项目性质", "口经常性项目 √一次性项目"],
    ["主 管 部 门", "大理州农业农村局", "", "实施单位", "大理州农业环境保护监测站"],
    ["项目负责人", "段志华", "", "联系电话", "0872-2318460"],
    ["项目起止时间", "2024年3月—2024年12月"],
    ["资金情况", "资金总额", "1460.00"],
    ["（万元）", "其中：中央和省级补助", "1100.00"],
    ["", "州级资金", "260.00"],
    ["", "县市配套资金", "100.00"],
    ["年度绩效目标", GOAL04],
    ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"],
    ["产出指标", "数量指标", "绿色防控技术推广面积", "≥8.5", "万亩"],
    ["", "", "建设生态沟渠", "≥36", "公里"],
    ["", "质 量指标", "项目区化肥使用量减少", "≥5", "%"],
    "",
    "第 1 页 共 2 页",
    "",
    ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"],
    ["产出指标", "时效指标", "工程完工时间", "2024年11月底前", ""],
    ["效益指标", "生态效益指标", "入湖总氮负荷削减", "≥120", "吨"],
    ["可持续影响 指标", "绿色种植模式推广机制", "长期坚持", ""],
    ["满意度 指标", "服务对象满意度指标", "项目区农户满意度", "≥90", "%"],
    ["填报人：杨丽娟", "", "填报日期：2024年2月5日"],
    "第 2 页 共 2 页",
])
write_text(F04, text04)
doc(F04, "text", [form(
    "target", "大理州州级项目支出绩效目标申报表", 2024,
    project("洱海流域农田面源污染防控项目", nature="一次性项目", department="大理州农业农村局",
            implementer="大理州农业环境保护监测站", manager="段志华", phone="0872-2318460",
            start="2024-03-01", end="2024-12-31", contact="杨丽娟"),
    "万元",
    [fund("total", "资金总额", annual=1460 * W),
     fund("fiscal_superior", "其中：中央和省级补助", annual=1100 * W),
     fund("fiscal_local", "州级资金", annual=260 * W),
     fund("fiscal_subordinate", "县市配套资金", annual=100 * W)],
    {"annual": GOAL04},
    [ind("产出指标", "数量指标", "绿色防控技术推广面积", V("≥8.5万亩", ">=", 8.5, "万亩")),
     ind("产出指标", "数量指标", "建设生态沟渠", V("≥36公里", ">=", 36.0, "公里")),
     ind("产出指标", "质量指标", "项目区化肥使用量减少", V("≥5%", ">=", 5.0, "%")),
     ind("产出指标", "时效指标", "工程完工时间", Q("2024年11月底前")),
     ind("效益指标", "生态效益指标", "入湖总氮负荷削减", V("≥120吨", ">=", 120.0, "吨")),
     ind("效益指标", "可持续影响指标", "绿色种植模式推广机制", Q("长期坚持")),
     ind("满意度指标", "服务对象满意度指标", "项目区农户满意度", V("≥90%", ">=", 90.0, "%"))],
    extras={"填报日期": "2024年2月5日"},
)])


# ================================================================ 05 Sichuan (Mianyang) TAB OCR dump, self-evaluation
# Added here (region nominal): ONE 计量单位 column before 年度指标值 and 实际完成值, shared by both
# (`亿元` | `≥3.5` | `3.8`); a 市级财政资金 line on a 市级 form; a blank 其他资金 row; 项目属性
# checkboxes; `总 分` row. OCR faults: spaced labels, page break with the header repeated, one row
# shifted one cell left, `□` as `口`.
F05 = "05_sichuan-mianyang-keji-chengguo-zhuanhua-selfeval-2023-ocr.txt"
GOAL05 = "支持科技成果转化项目25项,举办技术对接活动12场,带动企业新增产值3.5亿元以上。"
ACT05 = "支持转化项目27项,举办对接活动12场,带动企业新增产值3.8亿元,2个项目验收延后。"
R05a = "2个项目因关键设备到货延迟未按期验收,已督促2024年一季度完成。"
R05b = "部分企业技术合同登记延至次年,下年加强登记指导。"
H05 = ["一级指标", "二级指标", "三级指标", "计量单位", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
text05 = tab([
    "绵阳市项目支出绩效自评表",
    "（2023年度）",
    ["项 目 名 称", "科技成果转移转化补助项目", "", "", "项目属性", "口新增项目 √延续项目"],
    ["主 管 部 门", "绵阳市科学技术局", "", "", "实 施 单 位", "绵阳市科技成果转化服务中心"],
    ["项目负责人", "邓宏伟", "", "", "联系电话", "0816-2263571"],
    ["项目资金（万元）", "资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "500.00", "500.00", "468.50", "10", "93.70%", "9.4"],
    ["", "其中：市级财政资金", "500.00", "500.00", "468.50", "—", "93.70%", "—"],
    ["", "其他资金", "", "", "", "—", "", "—"],
    ["年度总体目标", "预期目标", "", "", "实际完成情况"],
    ["", GOAL05, "", "", ACT05],
    H05,
    ["产出指标", "数量指标", "支持科技成果转化项目", "项", "≥25", "27", "15", "15", ""],
    ["", "", "举办技术对接活动", "场", "≥12", "12", "10", "10", ""],
    ["", "质 量指标", "项目验收通过率", "%", "≥90", "88", "10", "9.5", R05a],
    "",
    "第 1 页 共 2 页",
    "",
    H05,
    ["产出指标", "时效指标", "补助资金拨付时间", "", "2023年10月底前", "2023年10月18日", "10", "10", ""],
    ["效益指标", "经济效益指标", "带动企业新增产值", "亿元", "≥3.5", "3.8", "20", "20", ""],
    ["社会效益 指标", "促成技术合同登记额", "亿元", "≥12", "11.4", "15", "13.5", R05b],
    ["满意度 指标", "服务对象满意度指标", "受补助企业满意度", "%", "≥90", "94.2", "10", "10", ""],
    ["总 分", "", "", "", "", "", "100", "97.4", ""],
    "填报人：蒲秀英    联系电话：0816-2263580",
    "第 2 页 共 2 页",
])
write_text(F05, text05)
doc(F05, "text", [form(
    "self_evaluation", "绵阳市项目支出绩效自评表", 2023,
    project("科技成果转移转化补助项目", department="绵阳市科学技术局", implementer="绵阳市科技成果转化服务中心",
            manager="邓宏伟", phone="0816-2263571", contact="蒲秀英"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=500 * W, adjusted_budget=500 * W, executed=468.5 * W,
          execution_rate=93.7, weight=10.0, score=9.4),
     fund("fiscal_local", "其中：市级财政资金", initial_budget=500 * W, adjusted_budget=500 * W,
          executed=468.5 * W, execution_rate=93.7)],
    {"annual": GOAL05, "actual": ACT05},
    [ind("产出指标", "数量指标", "支持科技成果转化项目", V("≥25项", ">=", 25.0, "项"), V("27项", None, 27.0, "项"),
         15.0, 15.0),
     ind("产出指标", "数量指标", "举办技术对接活动", V("≥12场", ">=", 12.0, "场"), V("12场", None, 12.0, "场"), 10.0, 10.0),
     ind("产出指标", "质量指标", "项目验收通过率", V("≥90%", ">=", 90.0, "%"), V("88%", None, 88.0, "%"), 10.0, 9.5,
         reason=R05a),
     ind("产出指标", "时效指标", "补助资金拨付时间", Q("2023年10月底前"), Q("2023年10月18日"), 10.0, 10.0),
     ind("效益指标", "经济效益指标", "带动企业新增产值", V("≥3.5亿元", ">=", 3.5, "亿元"), V("3.8亿元", None, 3.8, "亿元"),
         20.0, 20.0),
     ind("效益指标", "社会效益指标", "促成技术合同登记额", V("≥12亿元", ">=", 12.0, "亿元"),
         V("11.4亿元", None, 11.4, "亿元"), 15.0, 13.5, reason=R05b),
     ind("满意度指标", "服务对象满意度指标", "受补助企业满意度", V("≥90%", ">=", 90.0, "%"), V("94.2%", None, 94.2, "%"),
         10.0, 10.0)],
    total=97.4,
    extras={"项目属性": "延续项目"},
)])


# ================================================================ 06 Guangxi (Liuzhou) Markdown, two target forms
# Added here (region nominal): a FOUR-level indicator table 一级/二级/三级/四级指标/指标值, where 三级 is a
# sub-group and 四级 the indicator; two forms back to back in one file; the rowspans are flattened
# into empty cells; one amount column 年度预算数.
F06 = "06_guangxi-liuzhou-rencai-wenhua-targets-2024.md"


def md06(title_proj, dept, unit, amounts, goal, rows):
    lines = ["**柳州市本级项目支出绩效目标表**", "", "（2024年度）", "",
             f"| 项目名称 | {title_proj} | | | |", "|---|---|---|---|---|",
             f"| 主管部门 | {dept} | 实施单位 | {unit} | |",
             "| 资金情况（万元） | 资金来源 | 年度预算数 | | |"]
    for lab, amt in amounts:
        lines.append(f"| | {lab} | {amt} | | |")
    lines += [f"| 年度绩效目标 | {goal} | | | |",
              "| 一级指标 | 二级指标 | 三级指标 | 四级指标 | 指标值 |"]
    prev = (None, None, None)
    for r in rows:
        shown = [r[0] if r[0] != prev[0] else "", r[1] if r[:2] != prev[:2] else "",
                 r[2] if r[:3] != prev else ""]
        lines.append("| " + " | ".join([*shown, r[3], r[4]]) + " |")
        prev = r[:3]
    return "\n".join(lines) + "\n"


GOAL06A = "培训农村实用人才1200人次,培育高素质农民300人,培训合格率95%以上。"
rows06a = [
    ("产出指标", "数量指标", "培训规模", "培训农村实用人才人次", "≥1200人次"),
    ("产出指标", "数量指标", "培训规模", "培育高素质农民人数", "≥300人"),
    ("产出指标", "质量指标", "培训质量", "培训考核合格率", "≥95%"),
    ("效益指标", "社会效益指标", "带动就业", "学员创业就业带动人数", "≥600人"),
    ("满意度指标", "服务对象满意度指标", "学员评价", "参训学员满意度", "≥90%"),
]
GOAL06B = "开展送戏下乡演出150场,新建村级文化活动室20个,提升乡村公共文化服务水平。"
rows06b = [
    ("产出指标", "数量指标", "文化活动", "送戏下乡演出场次", "≥150场"),
    ("产出指标", "数量指标", "设施建设", "新建村级文化活动室", "=20个"),
    ("产出指标", "时效指标", "进度控制", "活动室建成时间", "2024年10月底前"),
    ("效益指标", "社会效益指标", "群众参与", "观看演出群众人次", "≥6万人次"),
    ("满意度指标", "服务对象满意度指标", "群众评价", "农村群众满意度", "≥90%"),
]
md = "\n".join([
    md06("农村实用人才培训项目", "柳州市农业农村局", "柳州市农业广播电视学校",
         [("资金总额", "360.00"), ("其中：财政资金", "360.00")], GOAL06A, rows06a),
    md06("乡村公共文化服务提升项目", "柳州市文化广电和旅游局", "柳州市群众艺术馆",
         [("资金总额", "520.00"), ("其中：财政资金", "480.00"), ("其他资金", "40.00")], GOAL06B, rows06b),
])
write_text(F06, md)
vals06 = {"≥1200人次": V("≥1200人次", ">=", 1200.0, "人次"), "≥300人": V("≥300人", ">=", 300.0, "人"),
          "≥95%": V("≥95%", ">=", 95.0, "%"), "≥600人": V("≥600人", ">=", 600.0, "人"),
          "≥90%": V("≥90%", ">=", 90.0, "%"), "≥150场": V("≥150场", ">=", 150.0, "场"),
          "=20个": V("=20个", "=", 20.0, "个"), "2024年10月底前": Q("2024年10月底前"),
          "≥6万人次": V("≥6万人次", ">=", 6.0, "万人次")}


def inds06(rows):
    return [ind(l1, l2, n4, vals06[v], extras={"三级指标": n3}) for l1, l2, n3, n4, v in rows]


doc(F06, "text", [
    form("target", "柳州市本级项目支出绩效目标表", 2024,
         project("农村实用人才培训项目", department="柳州市农业农村局", implementer="柳州市农业广播电视学校"),
         "万元", [fund("total", "资金总额", annual=360 * W), fund("fiscal", "其中：财政资金", annual=360 * W)],
         {"annual": GOAL06A}, inds06(rows06a)),
    form("target", "柳州市本级项目支出绩效目标表", 2024,
         project("乡村公共文化服务提升项目", department="柳州市文化广电和旅游局", implementer="柳州市群众艺术馆"),
         "万元", [fund("total", "资金总额", annual=520 * W), fund("fiscal", "其中：财政资金", annual=480 * W),
                 fund("other", "其他资金", annual=40 * W)],
         {"annual": GOAL06B}, inds06(rows06b)),
])


# ================================================================ 07 Shenzhen (Nanshan) MinerU Markdown + HTML table
# Added here (region nominal): MinerU output — the title as a `#` heading, the table as embedded HTML
# with rowspan/colspan, comparators and percentages in LaTeX (`$\geq 95\%$`, `$\leq 1.2$万元`), a
# 自评等级 row after 总分; 其中：市级补助资金 / 区级财政资金 on a 区 form.
F07 = "07_shenzhen-nanshan-zhihui-fangxun-selfeval-2023-mineru.md"
GOAL07 = "建设智慧防汛监测点位120个,接入视频监控400路,实现重点易涝区域实时预警。"
ACT07 = "建成监测点位126个,接入视频监控412路,预警平台上线运行。"
R07 = "2处监测点因管线迁改延后接入,已于2024年1月完成。"
rows07 = [  # l1, l2, name, target(md), actual(md), weight, score, reason
    ("产出指标", "数量指标", "建设防汛监测点位", r"$\geq 120$个", "126个", "10", "10", ""),
    ("产出指标", "数量指标", "接入视频监控路数", r"$\geq 400$路", "412路", "10", "10", ""),
    ("产出指标", "质量指标", "监测设备在线率", r"$\geq 95\%$", r"$96.8\%$", "10", "10", ""),
    ("产出指标", "时效指标", "监测点位接入完成时间", "2023年12月底前", "2024年1月15日", "10", "9", R07),
    ("产出指标", "成本指标", "单个监测点位建设成本", r"$\leq 1.2$万元", "1.15万元", "10", "10", ""),
    ("效益指标", "社会效益指标", "重点易涝区域预警覆盖率", r"$100\%$", r"$100\%$", "15", "15", ""),
    ("效益指标", "可持续影响指标", "平台运维保障年限", r"$\geq 3$年", "3年", "10", "10", ""),
    ("满意度指标", "服务对象满意度指标", "辖区居民满意度", r"$\geq 90\%$", r"$91.5\%$", "15", "15", ""),
]
md07 = f"""# 深圳市南山区项目支出绩效自评表

（2023年度）

<table><tr><td>项目名称</td><td colspan="8">智慧防汛监测预警平台建设项目</td></tr><tr><td>主管部门</td><td colspan="3">深圳市南山区水务局</td><td colspan="2">实施单位</td><td colspan="3">南山区防汛应急保障中心</td></tr><tr><td>项目负责人</td><td colspan="3">黄振宇</td><td colspan="2">联系电话</td><td colspan="3">0755-26651842</td></tr><tr><td rowspan="4">项目资金（万元）</td><td colspan="2"></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr><tr><td colspan="2">年度资金总额</td><td>2280.00</td><td>2280.00</td><td>2211.60</td><td>10</td><td>$97.00\\%$</td><td>9.7</td></tr><tr><td colspan="2">其中：市级补助资金</td><td>800.00</td><td>800.00</td><td>800.00</td><td>—</td><td>$100.00\\%$</td><td>—</td></tr><tr><td colspan="2">区级财政资金</td><td>1480.00</td><td>1480.00</td><td>1411.60</td><td>—</td><td>$95.38\\%$</td><td>—</td></tr><tr><td rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="4">实际完成情况</td></tr><tr><td colspan="4">{GOAL07}</td><td colspan="4">{ACT07}</td></tr><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td colspan="2">偏差原因分析及改进措施</td></tr>{html_rows(rows07, 2).replace(chr(10), "").replace(f"<td>{R07}</td>", f'<td colspan="2">{R07}</td>').replace("<td></td></tr>", '<td colspan="2"></td></tr>')}<tr><td colspan="5">总分</td><td>100</td><td>98.7</td><td colspan="2"></td></tr><tr><td colspan="5">自评等级</td><td colspan="4">优</td></tr></table>

填报人：梁晓彤 联系电话：0755-26651850
"""
write_text(F07, md07)
vals07 = {r"$\geq 120$个": V("≥120个", ">=", 120.0, "个"), "126个": V("126个", None, 126.0, "个"),
          r"$\geq 400$路": V("≥400路", ">=", 400.0, "路"), "412路": V("412路", None, 412.0, "路"),
          r"$\geq 95\%$": V("≥95%", ">=", 95.0, "%"), r"$96.8\%$": V("96.8%", None, 96.8, "%"),
          "2023年12月底前": Q("2023年12月底前"), "2024年1月15日": Q("2024年1月15日"),
          r"$\leq 1.2$万元": V("≤1.2万元", "<=", 1.2, "万元"), "1.15万元": V("1.15万元", None, 1.15, "万元"),
          r"$100\%$": V("100%", None, 100.0, "%"), r"$\geq 3$年": V("≥3年", ">=", 3.0, "年"),
          "3年": V("3年", None, 3.0, "年"), r"$\geq 90\%$": V("≥90%", ">=", 90.0, "%"),
          r"$91.5\%$": V("91.5%", None, 91.5, "%")}
doc(F07, "text", [form(
    "self_evaluation", "深圳市南山区项目支出绩效自评表", 2023,
    project("智慧防汛监测预警平台建设项目", department="深圳市南山区水务局", implementer="南山区防汛应急保障中心",
            manager="黄振宇", phone="0755-26651842", contact="梁晓彤"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=2280 * W, adjusted_budget=2280 * W, executed=2211.6 * W,
          execution_rate=97.0, weight=10.0, score=9.7),
     fund("fiscal_superior", "其中：市级补助资金", initial_budget=800 * W, adjusted_budget=800 * W,
          executed=800 * W, execution_rate=100.0),
     fund("fiscal_local", "区级财政资金", initial_budget=1480 * W, adjusted_budget=1480 * W,
          executed=1411.6 * W, execution_rate=95.38)],
    {"annual": GOAL07, "actual": ACT07},
    [ind(l1, l2, nm, vals07[t_], vals07[a], float(w), float(s), reason=why or None)
     for l1, l2, nm, t_, a, w, s, why in rows07],
    total=98.7,
    extras={"自评等级": "优"},
)])


# ================================================================ 08 Xinjiang Bingtuan html, two target forms
# Added here (region nominal): a 师市 department page with two target forms, one table each, each
# introduced by a heading `项目N：…`; 资金来源 with 中央财政资金 / 师市本级资金 / 其他资金 (one amount
# column → annual); indicators 一级/二级/三级/指标值/指标值说明 (→ extras).
F08 = "08_xinjiang-bingtuan-bashi-nongye-targets-2024.html"
GOAL08A = "建设高标准农田4.2万亩,配套高效节水灌溉设施,亩均节水60立方米以上。"
rows08a = [  # l1, l2, name, value, note
    ("产出指标", "数量指标", "建设高标准农田面积", "≥4.2万亩", "年度建设任务"),
    ("产出指标", "质量指标", "工程竣工验收合格率", "100%", "行业标准"),
    ("产出指标", "成本指标", "亩均财政投入", "≤1500元", "建设标准"),
    ("效益指标", "生态效益指标", "亩均节约灌溉用水", "≥60立方米", "设计测算"),
    ("效益指标", "经济效益指标", "项目区亩均增产", "≥50公斤", "历史数据"),
    ("满意度指标", "服务对象满意度指标", "职工群众满意度", "≥90%", "问卷调查"),
]
GOAL08B = "购置棉花采收和残膜回收机具210台(套),机采棉率稳定在95%以上,残膜回收率达到85%。"
rows08b = [
    ("产出指标", "数量指标", "补贴购置农机具", "≥210台(套)", "年度补贴计划"),
    ("产出指标", "时效指标", "补贴资金兑付时间", "2024年11月底前", "资金管理办法"),
    ("效益指标", "经济效益指标", "机采棉率", "≥95%", "近三年平均"),
    ("效益指标", "生态效益指标", "残膜回收率", "≥85%", "行业标准"),
    ("效益指标", "可持续影响指标", "农机社会化服务能力", "持续提升", "—"),
    ("满意度指标", "服务对象满意度指标", "受补贴职工满意度", "≥90%", "问卷调查"),
]


def table08(name, unit, mgr, phone, amounts, goal, rows):
    fr = "".join(f'<tr><td colspan="2">{lab}</td><td colspan="2">{amt}</td></tr>' for lab, amt in amounts[1:])
    return f"""<table border="1" cellspacing="0" cellpadding="4" width="100%">
<tr><td colspan="5" align="center"><strong>项目支出绩效目标表</strong></td></tr>
<tr><td colspan="5" align="right">（2024年度）</td></tr>
<tr><td>项目名称</td><td colspan="4">{name}</td></tr>
<tr><td>主管部门</td><td colspan="2">第八师石河子市农业农村局</td><td>实施单位</td><td>{unit}</td></tr>
<tr><td>项目负责人</td><td colspan="2">{mgr}</td><td>联系电话</td><td>{phone}</td></tr>
<tr><td rowspan="{len(amounts)}">资金来源<br>（万元）</td><td colspan="2">{amounts[0][0]}</td><td colspan="2">{amounts[0][1]}</td></tr>
{fr}
<tr><td>年度目标</td><td colspan="4">{goal}</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>指标值说明</td></tr>
{html_rows(rows, 2)}
</table>"""


AM08A = [("资金总额", "6300.00"), ("其中：中央财政资金", "5040.00"), ("师市本级资金", "1260.00")]
AM08B = [("资金总额", "2750.00"), ("其中：中央财政资金", "2100.00"), ("师市本级资金", "450.00"),
         ("其他资金", "200.00")]
html08 = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>第八师石河子市农业农村局2024年项目支出绩效目标</title></head>
<body><div class="nav">首页 &gt; 信息公开 &gt; 预决算公开</div>
<div class="article">
<h2>第八师石河子市农业农村局2024年项目支出绩效目标</h2>
<p>项目1：高标准农田建设项目</p>
{table08("高标准农田建设项目", "第八师石河子市农业技术推广站", "马建军", "0993-2719408", AM08A, GOAL08A, rows08a)}
<p>项目2：棉花生产全程机械化补贴项目</p>
{table08("棉花生产全程机械化补贴项目", "第八师石河子市农机推广站", "阿力木·买买提", "0993-2719415", AM08B,
         GOAL08B, rows08b)}
</div></body></html>
"""
write_text(F08, html08)
vals08 = {"≥4.2万亩": V("≥4.2万亩", ">=", 4.2, "万亩"), "100%": V("100%", None, 100.0, "%"),
          "≤1500元": V("≤1500元", "<=", 1500.0, "元"), "≥60立方米": V("≥60立方米", ">=", 60.0, "立方米"),
          "≥50公斤": V("≥50公斤", ">=", 50.0, "公斤"), "≥90%": V("≥90%", ">=", 90.0, "%"),
          "≥210台(套)": V("≥210台(套)", ">=", 210.0, "台(套)"), "2024年11月底前": Q("2024年11月底前"),
          "≥95%": V("≥95%", ">=", 95.0, "%"), "≥85%": V("≥85%", ">=", 85.0, "%"), "持续提升": Q("持续提升")}


def form08(name, unit, mgr, phone, funds, goal, rows):
    return form("target", "项目支出绩效目标表", 2024,
                project(name, department="第八师石河子市农业农村局", implementer=unit, manager=mgr, phone=phone),
                "万元", funds, {"annual": goal},
                [ind(l1, l2, nm, vals08[v], extras={"指标值说明": why} if why != "—" else None)
                 for l1, l2, nm, v, why in rows])


doc(F08, "html", [
    form08("高标准农田建设项目", "第八师石河子市农业技术推广站", "马建军", "0993-2719408",
           [fund("total", "资金总额", annual=6300 * W), fund("fiscal_superior", "其中：中央财政资金", annual=5040 * W),
            fund("fiscal_local", "师市本级资金", annual=1260 * W)], GOAL08A, rows08a),
    form08("棉花生产全程机械化补贴项目", "第八师石河子市农机推广站", "阿力木·买买提", "0993-2719415",
           [fund("total", "资金总额", annual=2750 * W), fund("fiscal_superior", "其中：中央财政资金", annual=2100 * W),
            fund("fiscal_local", "师市本级资金", annual=450 * W), fund("other", "其他资金", annual=200 * W)],
           GOAL08B, rows08b),
])
print("built", sorted(p.name for p in DOCS.iterdir() if p.is_file()))
