"""Second held-out set: builds the 8 documents of tests/regions2/ and their hand-written reference
answers in tests/regions2/gold/. Every value below was typed by hand from the document as it is
written here; nothing comes from parser output.

Run with the project venv (openpyxl, python-docx):  .venv/bin/python tests/regions2/gold/_build.py
"""
import hashlib
import json
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent
W = 10000.0


# ---------------------------------------------------------------- gold helpers (as tests/regions)
def V(raw, op, value, unit, vmax=None):
    bv, bu = value, unit
    if unit and value is not None:
        if unit.startswith("万") and len(unit) > 1:
            bv, bu = round(value * 10000, 6), unit[1:]
        elif unit.startswith("亿") and len(unit) > 1:
            bv, bu = round(value * 100000000, 6), unit[1:]
    return {"raw": raw, "op": op, "value": value, "value_max": vmax, "unit": unit,
            "base_value": bv, "base_unit": bu}


def Q(raw):
    return {"raw": raw, "op": None, "value": None, "value_max": None, "unit": None,
            "base_value": None, "base_unit": None}


def fund(line, label, **kw):
    f = {"line": line, "label": label}
    for k in ["project_total", "annual", "initial_budget", "adjusted_budget", "executed",
              "execution_rate", "weight", "score"]:
        f[k] = kw.get(k)
    return f


def ind(l1, l2, name, target=None, actual=None, weight=None, score=None, reason=None, note=None,
        extras=None, completion_rate=None):
    return {"level1": l1, "level2": l2, "name": name, "target": target, "actual": actual,
            "weight": weight, "score": score, "completion_rate": completion_rate,
            "deviation_reason": reason, "note": note, "extras": extras or {}}


def project(name, department=None, implementer=None, code=None, nature=None, category=None,
            start=None, end=None, manager=None, contact=None, phone=None):
    return {"name": name, "code": code, "nature": nature, "category": category,
            "department": department, "implementer": implementer, "start_date": start,
            "end_date": end, "manager": manager, "contact": contact, "phone": phone}


def form(kind, title, year, proj, unit, funds, goals, inds, total=None, extras=None):
    out = {"form_kind": kind, "title": title, "fiscal_year": year, "duplicate_of": None,
           "project": proj, "funds_unit": unit, "funds": funds,
           "goals": {"overall": goals.get("overall"), "annual": goals.get("annual"),
                     "actual": goals.get("actual")},
           "indicators": [], "total_score": total, "extras": extras or {}}
    for i, x in enumerate(inds, 1):
        out["indicators"].append({"seq": i, **x})
    return out


def doc(fname, fmt, forms):
    data = (DOCS / fname).read_bytes()
    for i, f in enumerate(forms):
        f["form_index"] = i
    d = {"source": {"file": fname, "sha256": hashlib.sha256(data).hexdigest(), "format": fmt},
         "forms": forms}
    (HERE / (Path(fname).stem + ".json")).write_text(
        json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_text(fname, text, encoding="utf-8"):
    (DOCS / fname).write_bytes(text.encode(encoding))


def tab(rows):
    return "\n".join("\t".join(r) if isinstance(r, (list, tuple)) else r for r in rows) + "\n"


# ---------------------------------------------------------------- xlsx helpers
def put(ws, ref, value, fmt=None, merge=None, bold=False):
    c = ws[ref]
    c.value = value
    if isinstance(value, str) and value.startswith("="):
        c.data_type = "s"  # typed text such as `=46座`, not a formula
    c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    if fmt:
        c.number_format = fmt
    if bold:
        c.font = Font(bold=True)
    if merge:
        ws.merge_cells(f"{ref}:{merge}")


# ================================================================ 01 Guangdong (Dongguan) xlsx
# Layout: 东莞市财政项目支出绩效目标批复表 — 预算单位, 中期市财政预算 / 本年度申请市财政预算资金 on the
# project-name row, 总体目标 split into 中期滚动目标 and 年度目标, indicator table with a mid-term half
# (一级/二级/三级/指标值(或计划水平)) and an annual half (二级/三级/计划指标值(或计划水平)).
F01 = "01_guangdong-dongguan-cungonglu-pifu-2024.xlsx"
wb = Workbook()
ws = wb.active
ws.title = "批复表"
for col, width in zip("ABCDEFGHI", [8, 12, 18, 22, 14, 18, 22, 10, 10]):
    ws.column_dimensions[col].width = width
put(ws, "A1", "东莞市财政项目支出绩效目标批复表", merge="I1", bold=True)
put(ws, "A2", "( 2024 年度)", merge="I2")
put(ws, "A3", "预算单位：东莞市交通运输局", merge="F3")
put(ws, "G3", "单位：万元", merge="I3")
put(ws, "A4", "项目名称")
put(ws, "B4", "镇村公路安全设施提升工程（二期）", merge="C4")
put(ws, "D4", "中期市财政预算(万元)", merge="E4")
put(ws, "F4", 3260, fmt="0.00")
put(ws, "G4", "本年度申请市财政预算资金(万元)", merge="H4")
put(ws, "I4", 1185.5, fmt="0.00")
put(ws, "A5", "总体目标", merge="A6")
put(ws, "B5", "中期滚动目标(2024年--2026年)", merge="E5")
put(ws, "F5", "年度目标", merge="I5")
MID01 = "三年内完成全市镇村公路146公里安全设施提升,事故多发路段全部完成整治。"
ANN01 = "完成镇村公路安全设施提升路段18公里、新增波形护栏42公里,年度预算执行率不低于90%。"
put(ws, "B6", MID01, merge="E6")
put(ws, "F6", ANN01, merge="I6")
put(ws, "A7", "绩效指标")
for ref, text in [("B7", "一级指标"), ("C7", "二级指标"), ("D7", "三级指标"),
                  ("E7", "指标值(或计划水平)"), ("F7", "二级指标"), ("G7", "三级指标")]:
    put(ws, ref, text)
put(ws, "H7", "计划指标值(或计划水平)", merge="I7")
# (level1, mid l2, mid name, mid value, annual l2, annual name, annual value, number format)
rows01 = [
    ("预期产出指标", "数量指标(或建筑规模指标)", "完成安全设施提升路段", "46公里",
     "数量指标(或建筑规模指标)", "完成安全设施提升路段", "≥18公里", None),
    (None, None, "新增波形护栏", "120公里", None, "新增波形护栏", 42, "0"),
    (None, "质量指标", "工程验收合格率", "100%", "质量指标", "工程验收合格率", 1, "0%"),
    (None, None, "结算审核误差率", "±3%以内", None, "结算审核误差率", "±3%以内", None),
    (None, "时效指标(工期指标)", "年度工程进度完成率", "≥95%",
     "时效指标(工期指标、形象进度指标)", "年度形象进度完成率", 0.9, "0.0%"),
    (None, "预算(或投资规模)控制指标", "年度预算执行率", "≥90%",
     "预算(或投资规模)控制指标", "年度预算执行率", "≥90%", None),
    ("效果指标", "社会、经济、生态效益指标", "道路交通事故起数同比下降", "≥5%",
     "社会、经济、生态效益指标", "道路交通事故起数同比下降", "≥3%", None),
    (None, "可持续影响指标", "安全设施设计使用年限", "≥10年", "可持续影响指标", "安全设施设计使用年限",
     "≥10年", None),
    (None, "社会公众或服务对象满意度指标", "沿线群众满意度", "≥90%", "社会公众或服务对象满意度指标",
     "沿线群众满意度", "≥85%", None),
]
r = 8
for l1, ml2, mname, mval, al2, aname, aval, fmt in rows01:
    if l1:
        put(ws, f"B{r}", l1)
    if ml2:
        put(ws, f"C{r}", ml2)
    if al2:
        put(ws, f"F{r}", al2)
    put(ws, f"D{r}", mname)
    put(ws, f"E{r}", mval)
    put(ws, f"G{r}", aname)
    put(ws, f"H{r}", aval, fmt=fmt, merge=f"I{r}")
    r += 1
last01 = r - 1
ws.merge_cells(f"A7:A{last01}")
ws.merge_cells("B8:B13")
ws.merge_cells("B14:B16")
for a, b in [(8, 9), (10, 11)]:
    ws.merge_cells(f"C{a}:C{b}")
    ws.merge_cells(f"F{a}:F{b}")
put(ws, f"A{r + 1}", "批复单位：东莞市财政局", merge=f"E{r + 1}")
put(ws, f"F{r + 1}", "批复日期：2024年1月22日", merge=f"I{r + 1}")
wb.save(DOCS / F01)

L1a, L1b = "预期产出指标", "效果指标"


def g01(l1, l2, name, target, mid_name, mid_val):
    ex = {"中期指标值(或计划水平)": mid_val}
    if mid_name != name:
        ex["中期三级指标"] = mid_name
    return ind(l1, l2, name, target, extras=ex)


doc(F01, "xlsx", [form(
    "target", "东莞市财政项目支出绩效目标批复表", 2024,
    project("镇村公路安全设施提升工程（二期）", department="东莞市交通运输局"),
    "万元",
    [fund("fiscal", "本年度申请市财政预算资金(万元)", project_total=3260 * W, annual=1185.5 * W)],
    {"overall": MID01, "annual": ANN01},
    [g01(L1a, "数量指标(或建筑规模指标)", "完成安全设施提升路段", V("≥18公里", ">=", 18.0, "公里"),
         "完成安全设施提升路段", "46公里"),
     g01(L1a, "数量指标(或建筑规模指标)", "新增波形护栏", V("42", None, 42.0, None), "新增波形护栏", "120公里"),
     g01(L1a, "质量指标", "工程验收合格率", V("100%", None, 100.0, "%"), "工程验收合格率", "100%"),
     g01(L1a, "质量指标", "结算审核误差率", Q("±3%以内"), "结算审核误差率", "±3%以内"),
     g01(L1a, "时效指标(工期指标、形象进度指标)", "年度形象进度完成率", V("90.0%", None, 90.0, "%"),
         "年度工程进度完成率", "≥95%"),
     g01(L1a, "预算(或投资规模)控制指标", "年度预算执行率", V("≥90%", ">=", 90.0, "%"), "年度预算执行率", "≥90%"),
     g01(L1b, "社会、经济、生态效益指标", "道路交通事故起数同比下降", V("≥3%", ">=", 3.0, "%"),
         "道路交通事故起数同比下降", "≥5%"),
     g01(L1b, "可持续影响指标", "安全设施设计使用年限", V("≥10年", ">=", 10.0, "年"), "安全设施设计使用年限", "≥10年"),
     g01(L1b, "社会公众或服务对象满意度指标", "沿线群众满意度", V("≥85%", ">=", 85.0, "%"), "沿线群众满意度", "≥90%")],
    extras={"批复单位": "东莞市财政局", "批复日期": "2024年1月22日"},
)])


# ================================================================ 02 Jiangxi (Anyuan) xlsx, 2 sheets
# Layout: the central 项目支出绩效自评表 template as county departments publish it in Excel, one sheet
# per project; amounts typed as numbers, 执行率 and some 实际完成值 as percent-formatted numbers.
F02 = "02_jiangxi-anyuan-huanwei-selfeval-2023.xlsx"


def sheet02(ws, name, dept, impl, fundrows, goal, actual, inds, total):
    for col, width in zip("ABCDEFGHIJ", [6, 8, 14, 24, 12, 12, 8, 8, 12, 12]):
        ws.column_dimensions[col].width = width
    put(ws, "A1", "项目支出绩效自评表", merge="J1", bold=True)
    put(ws, "A2", "（2023年度）", merge="J2")
    put(ws, "I3", "单位：万元", merge="J3")
    put(ws, "A4", "项目名称", merge="B4")
    put(ws, "C4", name, merge="J4")
    put(ws, "A5", "主管部门", merge="B5")
    put(ws, "C5", dept, merge="E5")
    put(ws, "F5", "实施单位", merge="G5")
    put(ws, "H5", impl, merge="J5")
    put(ws, "A6", "项目资金（万元）", merge="B10")
    put(ws, "C6", "", merge="D6")
    for ref, text in [("E6", "年初预算数"), ("F6", "全年预算数"), ("G6", "全年执行数"), ("H6", "分值"),
                      ("I6", "执行率"), ("J6", "得分")]:
        put(ws, ref, text)
    for i, row in enumerate(fundrows):
        rr = 7 + i
        put(ws, f"C{rr}", row[0], merge=f"D{rr}")
        for col, v in zip("EFGHIJ", row[1:]):
            put(ws, f"{col}{rr}", v, fmt="0.00%" if col == "I" and isinstance(v, float) else None)
    put(ws, "A11", "年度总体目标", merge="A12")
    put(ws, "B11", "预期目标", merge="F11")
    put(ws, "G11", "实际完成情况", merge="J11")
    put(ws, "B12", goal, merge="F12")
    put(ws, "G12", actual, merge="J12")
    put(ws, "A13", "绩效指标")
    for ref, text in [("B13", "一级指标"), ("C13", "二级指标"), ("D13", "三级指标"), ("E13", "年度指标值"),
                      ("F13", "实际完成值"), ("G13", "分值"), ("H13", "得分")]:
        put(ws, ref, text)
    put(ws, "I13", "偏差原因分析及改进措施", merge="J13")
    r = 14
    spans = {}
    for l1, l2, nm, tgt, act, actfmt, w, s, why in inds:
        if l1:
            spans.setdefault("B", []).append(r)
            put(ws, f"B{r}", l1)
        if l2:
            spans.setdefault("C", []).append(r)
            put(ws, f"C{r}", l2)
        put(ws, f"D{r}", nm)
        put(ws, f"E{r}", tgt)
        put(ws, f"F{r}", act, fmt=actfmt)
        put(ws, f"G{r}", w)
        put(ws, f"H{r}", s)
        put(ws, f"I{r}", why, merge=f"J{r}")
        r += 1
    end = r - 1
    for col, starts in spans.items():
        for a, b in zip(starts, starts[1:] + [end + 1]):
            if b - 1 > a:
                ws.merge_cells(f"{col}{a}:{col}{b - 1}")
    ws.merge_cells(f"A13:A{end}")
    put(ws, f"A{r}", "总分", merge=f"F{r}")
    put(ws, f"G{r}", 100)
    put(ws, f"H{r}", total)
    put(ws, f"I{r}", None, merge=f"J{r}")
    put(ws, f"A{r + 1}", "填报人：钟晓华", merge=f"D{r + 1}")
    put(ws, f"E{r + 1}", "联系电话：0797-3721406", merge=f"J{r + 1}")


wb = Workbook()
GOAL02A = "全县151个行政村生活垃圾实现日产日清,新增分类收集点60个,生活垃圾无害化处理率达到95%以上。"
ACT02A = "全县151个行政村生活垃圾收运全覆盖,新增分类收集点58个,无害化处理率98.5%。"
R02A = "2处收集点选址村民意见未统一,已调整至2024年一季度建设。"
R02B = "部分偏远村组收运频次偏低,下年度增加收运车辆2台。"
sheet02(wb.active, "农村生活垃圾收运处置补助", "安远县城市管理局", "安远县环境卫生服务中心",
        [("年度资金总额", 320, 336.5, 326.8, 10, 0.9712, 9.71),
         ("其中：当年财政拨款", 300, 316.5, 306.8, "—", 0.9694, "—"),
         ("上年结转资金", 20, 20, 20, "—", 1.0, "—"),
         ("其他资金", None, None, None, "—", None, "—")],
        GOAL02A, ACT02A,
        [("产出指标（50分）", "数量指标", "生活垃圾收运覆盖行政村数", "≥151个", "151个", None, 10, 10, None),
         (None, None, "新增分类收集点", "≥60个", "58个", None, 10, 9.67, R02A),
         (None, "质量指标", "生活垃圾无害化处理率", "≥95%", 0.985, "0.0%", 10, 10, None),
         (None, "时效指标", "垃圾清运及时率", "≥90%", 0.96, "0%", 10, 10, None),
         (None, "成本指标", "每吨收运处置成本", "≤260元", "248元", None, 10, 10, None),
         ("效益指标（30分）", "社会效益指标", "农村人居环境整治群众知晓率", "≥90%", "93%", None, 10, 10, None),
         (None, "生态效益指标", "河道沿岸垃圾乱堆乱放点位", "≤5处", "3处", None, 10, 10, None),
         (None, "可持续影响指标", "长效保洁机制覆盖乡镇", "18个", "18个", None, 10, 10, None),
         (None, "经济效益指标", None, None, None, None, None, None, None),
         ("满意度指标（10分）", "服务对象满意度指标", "农户满意度", "≥90%", 0.88, "0%", 10, 9.78, R02B)],
        99.16)
wb.active.title = "农村生活垃圾收运"
ws2 = wb.create_sheet("城区公厕运维")
GOAL02B = "保障城区46座公厕正常开放运行,设施完好率95%以上。"
ACT02B = "46座公厕全年正常开放,设施完好率97%,未发生长时间停用。"
sheet02(ws2, "城区公厕运维经费", "安远县城市管理局", "安远县市政设施维护所",
        [("年度资金总额", 85, 85, 85, 10, 1.0, 10),
         ("其中：当年财政拨款", 85, 85, 85, "—", 1.0, "—"),
         ("上年结转资金", "—", "—", "—", "—", "—", "—"),
         ("其他资金", None, None, None, "—", None, "—")],
        GOAL02B, ACT02B,
        [("产出指标（50分）", "数量指标", "运维公厕座数", "=46座", "46座", None, 20, 20, None),
         (None, "质量指标", "公厕设施完好率", "≥95%", 0.97, "0%", 15, 15, None),
         (None, "时效指标", "故障维修响应时间", "≤24小时", "24小时", None, 15, 15, None),
         ("效益指标（30分）", "社会效益指标", "公厕每日开放时长", "≥16小时/天", "16小时/天", None, 30, 30, None),
         ("满意度指标（10分）", "服务对象满意度指标", "如厕群众满意度", "≥85%", 0.9, "0%", 10, 10, None)],
        100)
wb.save(DOCS / F02)

T02 = "项目支出绩效自评表"
P02 = dict(contact="钟晓华", phone="0797-3721406")
doc(F02, "xlsx", [
    form("self_evaluation", T02, 2023,
         project("农村生活垃圾收运处置补助", department="安远县城市管理局",
                 implementer="安远县环境卫生服务中心", **P02),
         "万元",
         [fund("total", "年度资金总额", initial_budget=320 * W, adjusted_budget=336.5 * W,
               executed=326.8 * W, execution_rate=97.12, weight=10.0, score=9.71),
          fund("fiscal", "其中：当年财政拨款", initial_budget=300 * W, adjusted_budget=316.5 * W,
               executed=306.8 * W, execution_rate=96.94),
          fund("carryover", "上年结转资金", initial_budget=20 * W, adjusted_budget=20 * W,
               executed=20 * W, execution_rate=100.0)],
         {"annual": GOAL02A, "actual": ACT02A},
         [ind("产出指标", "数量指标", "生活垃圾收运覆盖行政村数", V("≥151个", ">=", 151.0, "个"),
              V("151个", None, 151.0, "个"), 10.0, 10.0),
          ind("产出指标", "数量指标", "新增分类收集点", V("≥60个", ">=", 60.0, "个"),
              V("58个", None, 58.0, "个"), 10.0, 9.67, reason=R02A),
          ind("产出指标", "质量指标", "生活垃圾无害化处理率", V("≥95%", ">=", 95.0, "%"),
              V("98.5%", None, 98.5, "%"), 10.0, 10.0),
          ind("产出指标", "时效指标", "垃圾清运及时率", V("≥90%", ">=", 90.0, "%"),
              V("96%", None, 96.0, "%"), 10.0, 10.0),
          ind("产出指标", "成本指标", "每吨收运处置成本", V("≤260元", "<=", 260.0, "元"),
              V("248元", None, 248.0, "元"), 10.0, 10.0),
          ind("效益指标", "社会效益指标", "农村人居环境整治群众知晓率", V("≥90%", ">=", 90.0, "%"),
              V("93%", None, 93.0, "%"), 10.0, 10.0),
          ind("效益指标", "生态效益指标", "河道沿岸垃圾乱堆乱放点位", V("≤5处", "<=", 5.0, "处"),
              V("3处", None, 3.0, "处"), 10.0, 10.0),
          ind("效益指标", "可持续影响指标", "长效保洁机制覆盖乡镇", V("18个", None, 18.0, "个"),
              V("18个", None, 18.0, "个"), 10.0, 10.0),
          ind("满意度指标", "服务对象满意度指标", "农户满意度", V("≥90%", ">=", 90.0, "%"),
              V("88%", None, 88.0, "%"), 10.0, 9.78, reason=R02B)],
         total=99.16),
    form("self_evaluation", T02, 2023,
         project("城区公厕运维经费", department="安远县城市管理局",
                 implementer="安远县市政设施维护所", **P02),
         "万元",
         [fund("total", "年度资金总额", initial_budget=85 * W, adjusted_budget=85 * W, executed=85 * W,
               execution_rate=100.0, weight=10.0, score=10.0),
          fund("fiscal", "其中：当年财政拨款", initial_budget=85 * W, adjusted_budget=85 * W,
               executed=85 * W, execution_rate=100.0)],
         {"annual": GOAL02B, "actual": ACT02B},
         [ind("产出指标", "数量指标", "运维公厕座数", V("=46座", "=", 46.0, "座"), V("46座", None, 46.0, "座"),
              20.0, 20.0),
          ind("产出指标", "质量指标", "公厕设施完好率", V("≥95%", ">=", 95.0, "%"), V("97%", None, 97.0, "%"),
              15.0, 15.0),
          ind("产出指标", "时效指标", "故障维修响应时间", V("≤24小时", "<=", 24.0, "小时"),
              V("24小时", None, 24.0, "小时"), 15.0, 15.0),
          ind("效益指标", "社会效益指标", "公厕每日开放时长", V("≥16小时/天", ">=", 16.0, "小时/天"),
              V("16小时/天", None, 16.0, "小时/天"), 30.0, 30.0),
          ind("满意度指标", "服务对象满意度指标", "如厕群众满意度", V("≥85%", ">=", 85.0, "%"),
              V("90%", None, 90.0, "%"), 10.0, 10.0)],
         total=100.0),
])


# ================================================================ 03 Fujian (Sanming) docx
# Layout: 专项转移支付绩效目标表 — 部门(单位)名称/部门预算编码, 项目名称, 区域, 资金情况(万元)
# 资金总额:/其中:财政拨款/其他资金, 总体目标, 一级/二级/三级/指标解释 + 区域目标值 split by county.
F03 = "03_fujian-sanming-nongtian-guanhu-zhuanyi-target-2023.docx"
d = docx.Document()
d.add_paragraph("附件2")
d.add_paragraph("专项转移支付绩效目标表")
d.add_paragraph("（2023年度）")
NC = 9
COUNTIES = ["永安市", "沙县区", "尤溪县"]
GOAL03 = "落实高标准农田建后管护责任,全年管护高标准农田6.2万亩,修复田间沟渠36公里,管护设施完好率90%以上。"
rows03 = [
    ("产出指标", "数量指标", "管护高标准农田面积（万亩）", "反映年度落实管护责任的高标准农田面积", ["6.2", "2.5", "1.8", "1.9"]),
    (None, "数量指标", "修复田间沟渠长度（公里）", "反映年度修复损毁田间沟渠的长度", ["≥36", "≥15", "≥10", "≥11"]),
    (None, "质量指标", "管护设施完好率", "反映管护区灌排、道路等设施完好情况", ["≥90%"] * 4),
    (None, "时效指标", "补助资金拨付时间", "反映补助资金拨付至管护主体的时间", ["2023年10月底前"] * 4),
    (None, "成本指标", "亩均管护补助标准（元/亩）", "反映每亩高标准农田的管护补助", ["≤10"] * 4),
    ("效益指标", "经济效益指标", "管护区粮食亩产（公斤）", "反映管护区粮食单产水平", ["≥420", "≥430", "≥410", "≥420"]),
    (None, "社会效益指标", "受益农户数（户）", "反映管护区受益农户数量", ["≥8600", "3500", "2400", "2700"]),
    (None, "可持续影响指标", "建立管护长效机制的县（市、区）数", "反映管护长效机制建立情况", ["3", "1", "1", "1"]),
    ("满意度指标", "服务对象满意度指标", "受益农户满意度", "反映受益农户对管护工作的满意程度", ["≥90%"] * 4),
]
t = d.add_table(rows=8 + 1 + len(rows03), cols=NC)
t.style = "Table Grid"


def cell(r, c, text, to=None):
    x = t.cell(r, c)
    if to is not None:
        x = x.merge(t.cell(*to))
    x.text = text
    return x


cell(0, 0, "部门（单位）名称", (0, 1))
cell(0, 2, "三明市农业农村局", (0, 5))
cell(0, 6, "部门预算编码", (0, 7))
cell(0, 8, "318001")
cell(1, 0, "项目名称", (1, 1))
cell(1, 2, "高标准农田建后管护补助", (1, 8))
cell(2, 0, "区域", (2, 1))
cell(2, 2, "、".join(COUNTIES), (2, 8))
cell(3, 0, "资金情况（万元）", (5, 1))
cell(3, 2, "资金总额：", (3, 4))
cell(3, 5, "60", (3, 8))
cell(4, 2, "其中：财政拨款", (4, 4))
cell(4, 5, "60", (4, 8))
cell(5, 2, "其他资金", (5, 4))
cell(5, 5, "", (5, 8))
cell(6, 0, "总体目标", (6, 1))
cell(6, 2, GOAL03, (6, 8))
cell(7, 1, "一级指标", (8, 1))
cell(7, 2, "二级指标", (8, 2))
cell(7, 3, "三级指标", (8, 3))
cell(7, 4, "指标解释", (8, 4))
cell(7, 5, "区域目标值", (7, 8))
for i, head in enumerate(["全市"] + COUNTIES):
    cell(8, 5 + i, head)
cell(7, 0, "绩效指标", (8 + len(rows03), 0))
r0 = 9
for i, (l1, l2, nm, expl, vals) in enumerate(rows03):
    rr = r0 + i
    if l1:
        span = 1
        while i + span < len(rows03) and rows03[i + span][0] is None:
            span += 1
        cell(rr, 1, l1, (rr + span - 1, 1))
    if l2 and (i == 0 or rows03[i - 1][1] != l2):
        span = 1
        while i + span < len(rows03) and rows03[i + span][1] == l2:
            span += 1
        cell(rr, 2, l2, (rr + span - 1, 2) if span > 1 else None)
    cell(rr, 3, nm)
    cell(rr, 4, expl)
    for j, v in enumerate(vals):
        cell(rr, 5 + j, v)
d.add_paragraph("注：区域目标值按县（市、区）分列，全市为汇总目标。")
d.save(DOCS / F03)


def g03(l1, l2, nm, target, expl, vals):
    ex = {"指标解释": expl}
    ex.update({f"区域目标值.{c}": v for c, v in zip(COUNTIES, vals[1:])})
    return ind(l1, l2, nm, target, extras=ex)


inds03 = []
T03 = {
    "管护高标准农田面积（万亩）": V("6.2", None, 6.2, None),
    "修复田间沟渠长度（公里）": V("≥36", ">=", 36.0, None),
    "管护设施完好率": V("≥90%", ">=", 90.0, "%"),
    "补助资金拨付时间": Q("2023年10月底前"),
    "亩均管护补助标准（元/亩）": V("≤10", "<=", 10.0, None),
    "管护区粮食亩产（公斤）": V("≥420", ">=", 420.0, None),
    "受益农户数（户）": V("≥8600", ">=", 8600.0, None),
    "建立管护长效机制的县（市、区）数": V("3", None, 3.0, None),
    "受益农户满意度": V("≥90%", ">=", 90.0, "%"),
}
l1 = None
for (a, l2, nm, expl, vals) in rows03:
    l1 = a or l1
    inds03.append(g03(l1, l2, nm, T03[nm], expl, vals))
doc(F03, "docx", [form(
    "target", "专项转移支付绩效目标表", 2023,
    project("高标准农田建后管护补助", department="三明市农业农村局"),
    "万元",
    [fund("total", "资金总额：", annual=60 * W),
     fund("fiscal", "其中：财政拨款", annual=60 * W)],
    {"annual": GOAL03},
    inds03,
    extras={"部门预算编码": "318001", "区域": "、".join(COUNTIES),
            "注": "区域目标值按县（市、区）分列，全市为汇总目标。"},
)])


# ================================================================ 04 Ningxia html, GBK, 3 forms
# Layout: 自治区本级部门项目支出预算绩效目标表 — one table per project, the title is the first row of the
# table; 项目名称/主管部门 [code]/实施单位 【code】/项目属性/项目期/项目资金(万元) 年度资金总额,
# 其中:财政拨款, 其他资金/绩效目标/绩效指标 一级/二级/三级/指标值; indicators in scrambled level order.
F04 = "04_ningxia-zhiye-fangzhi-targets-2023.html"
DEPT04 = "[815]自治区卫生健康委员会"
IMPL04 = "【815026】宁夏回族自治区职业病防治院"


def html_table04(title, name, attr, period, total, fiscal, other, goal, rows):
    tr = []
    td = lambda s, **a: "<td" + "".join(f' {k}="{v}"' for k, v in a.items()) + f">{s}</td>"
    tr.append(td(title, colspan=5, **{"class": "bt"}))
    tr.append(td("项目名称") + td(name, colspan=4))
    tr.append(td("主管部门") + td(DEPT04, colspan=4))
    tr.append(td("实施单位") + td(IMPL04, colspan=4))
    tr.append(td("项目属性") + td(attr, colspan=4))
    tr.append(td("项目期") + td(period, colspan=4))
    tr.append(td("项目资金(万元)", rowspan=3) + td("年度资金总额") + td(total, colspan=3))
    tr.append(td("其中：财政拨款") + td(fiscal, colspan=3))
    tr.append(td("其他资金") + td(other, colspan=3))
    tr.append(td("绩效目标") + td(goal, colspan=4))
    tr.append(td("绩效指标", rowspan=len(rows) + 1) + td("一级指标") + td("二级指标") + td("三级指标") + td("指标值"))
    for i, (l1, l2, nm, val) in enumerate(rows):
        cells = ""
        if l1:
            span = 1
            while i + span < len(rows) and rows[i + span][0] is None:
                span += 1
            cells += td(l1, rowspan=span) if span > 1 else td(l1)
        cells += td(l2) + td(nm) + td(val)
        tr.append(cells)
    return ('<table class="MsoNormalTable" border="1" cellspacing="0" width="100%">\n'
            + "\n".join(f"<tr>{x}</tr>" for x in tr) + "\n</table>\n")


TITLE04 = "自治区本级部门2023年项目支出预算绩效目标表"
G04A = "对全区重点行业用人单位开展职业病危害因素监测,掌握职业病危害分布和变化趋势,为职业病防治决策提供依据。"
G04B = "保障全区12个尘肺病康复站正常运行,为尘肺病患者提供规范康复服务。"
G04C = "购置放射防护检测设备,开展基层放射卫生技术培训,提升全区放射卫生技术服务能力。"
rows04a = [("产出指标", "成本指标", "成本控制", "按照资金测算控制各项成本。"),
           (None, "时效指标", "完成时限", "2023年11月底前完成年度监测任务。"),
           (None, "数量指标", "监测重点行业用人单位数", "≥320家"),
           (None, "质量指标", "监测数据上报合格率", "98%以上。"),
           ("满意度指标", "服务对象满意度指标", "用人单位满意率", "≥90%"),
           ("效益指标", "可持续影响指标", "职业健康风险预警能力", "持续提升。"),
           (None, "社会效益指标", "重点职业病报告及时率", "≥95%")]
rows04b = [("产出指标", "数量指标", "运维康复站点数", "12个"),
           (None, "质量指标", "康复训练规范执行率", "≥90%"),
           (None, "成本指标", "单个站点年运维补助", "≤2.05万元"),
           ("效益指标", "社会效益指标", "年度康复服务人次", "≥3600人次"),
           ("满意度指标", "服务对象满意度指标", "康复患者满意度", "90%以上。")]
rows04c = [("产出指标", "数量指标", "购置放射防护检测设备", "6台套"),
           (None, "数量指标", "开展基层技术培训", "≥4期"),
           (None, "质量指标", "设备验收合格率", "100%"),
           (None, "时效指标", "设备采购完成时间", "2023年9月底前"),
           ("效益指标", "可持续影响指标", "检测服务能力覆盖市县数", "≥5个"),
           ("满意度指标", "服务对象满意度指标", "服务单位满意度", "≥90%")]
html04 = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>宁夏回族自治区职业病防治院2023年部门项目支出预算绩效目标公开</title></head>
<body><div class="top"><a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; 预决算公开</div>
<div class="article"><h2>宁夏回族自治区职业病防治院2023年部门项目支出预算绩效目标公开</h2>
<p class="info">发布时间：2023-02-16 &nbsp; 来源：院办公室 &nbsp; 浏览次数：</p>
<p>根据《中共中央 国务院关于全面实施预算绩效管理的意见》要求，现将我院2023年部门项目支出预算绩效目标予以公开。</p>
<p>附件：宁夏回族自治区职业病防治院2023年项目支出预算绩效目标表</p>
<p>宁夏回族自治区职业病防治院<br>2023年2月16日</p>
{html_table04(TITLE04, "职业病危害因素监测", "上年延续性项目", "2023-2025", "86", "86", "", G04A, rows04a)}<p>&nbsp;</p>
{html_table04(TITLE04, "尘肺病患者康复站运维补助", "新增项目", "2023", "24.5", "20", "4.5", G04B, rows04b)}<p>&nbsp;</p>
{html_table04(TITLE04, "放射卫生技术服务能力提升", "新增项目", "2023-2024", "130", "130", "", G04C, rows04c)}</div>
<div class="foot">主办：宁夏回族自治区职业病防治院 &nbsp; 宁ICP备00000000号</div></body></html>
"""
write_text(F04, html04, "gbk")

TV04 = {"按照资金测算控制各项成本。": Q("按照资金测算控制各项成本。"),
        "2023年11月底前完成年度监测任务。": Q("2023年11月底前完成年度监测任务。"),
        "≥320家": V("≥320家", ">=", 320.0, "家"), "98%以上。": Q("98%以上。"),
        "≥90%": V("≥90%", ">=", 90.0, "%"), "持续提升。": Q("持续提升。"),
        "≥95%": V("≥95%", ">=", 95.0, "%"), "12个": V("12个", None, 12.0, "个"),
        "≤2.05万元": V("≤2.05万元", "<=", 2.05, "万元"), "≥3600人次": V("≥3600人次", ">=", 3600.0, "人次"),
        "90%以上。": Q("90%以上。"), "6台套": V("6台套", None, 6.0, "台套"), "≥4期": V("≥4期", ">=", 4.0, "期"),
        "100%": V("100%", None, 100.0, "%"), "2023年9月底前": Q("2023年9月底前"),
        "≥5个": V("≥5个", ">=", 5.0, "个")}


def inds04(rows):
    out, l1 = [], None
    for a, l2, nm, val in rows:
        l1 = a or l1
        out.append(ind(l1, l2, nm, TV04[val]))
    return out


def form04(name, attr, start, end, funds, goal, rows):
    return form("target", TITLE04, 2023,
                project(name, department=DEPT04, implementer=IMPL04, start=start, end=end),
                "万元", funds, {"annual": goal}, inds04(rows), extras={"项目属性": attr})


doc(F04, "html", [
    form04("职业病危害因素监测", "上年延续性项目", "2023-01-01", "2025-12-31",
           [fund("total", "年度资金总额", annual=86 * W), fund("fiscal", "其中：财政拨款", annual=86 * W)],
           G04A, rows04a),
    form04("尘肺病患者康复站运维补助", "新增项目", "2023-01-01", "2023-12-31",
           [fund("total", "年度资金总额", annual=24.5 * W), fund("fiscal", "其中：财政拨款", annual=20 * W),
            fund("other", "其他资金", annual=4.5 * W)],
           G04B, rows04b),
    form04("放射卫生技术服务能力提升", "新增项目", "2023-01-01", "2024-12-31",
           [fund("total", "年度资金总额", annual=130 * W), fund("fiscal", "其中：财政拨款", annual=130 * W)],
           G04C, rows04c),
])


# ================================================================ 05 Fujian (Ningde) html, self-evaluation
# Layout: a self-evaluation report page whose 项目年度绩效目标(定量目标) table has 评价内容 (two columns:
# 产出目标/数量目标…) / 绩效内容 / 绩效目标值 / 实际完成值 / 累计完成率, preceded by a basic-information table.
F05 = "05_fujian-ningde-shuwu-selfeval-2023.html"
G05 = "新建社区书屋4个,组织阅读推广活动30场以上,服务读者0.8万人次以上。"
A05 = "新建社区书屋4个,组织阅读推广活动42场,服务读者1.2万人次。"
rows05 = [("产出目标", "数量目标", "年度新建社区书屋数量", ">=4个", "4个", "100%"),
          (None, None, "组织阅读推广活动场次", ">=30场", "42场", "140%"),
          (None, None, "年度服务读者人次", ">=0.8万人次", "1.2万人次", "150%"),
          (None, "质量目标", "图书配送到位率", ">=95%", "96%", "101%"),
          (None, "时效目标", "补助资金拨付时间", "2023年9月前", "2023年8月", "100%"),
          (None, "成本目标", "书屋建设补助投入", "<=12万元", "11.4万元", "100%"),
          ("效果目标", "社会效益目标", "社区居民阅读活动参与率", ">=60%", "55%", "92%"),
          (None, "服务对象满意度目标", "读者满意度", ">=90%", "94%", "104%")]


def rows_html05():
    out = []
    for i, (l1, l2, nm, tg, ac, rate) in enumerate(rows05):
        cells = ""
        if l1:
            span = 1
            while i + span < len(rows05) and rows05[i + span][0] is None:
                span += 1
            cells += f'<td rowspan="{span}">{l1}</td>'
        if l2:
            span = 1
            while i + span < len(rows05) and rows05[i + span][1] is None and rows05[i + span][0] is None:
                span += 1
            cells += f'<td rowspan="{span}">{l2}</td>' if span > 1 else f"<td>{l2}</td>"
        cells += f"<td>{nm}</td><td>{tg.replace('>', '&gt;').replace('<', '&lt;')}</td><td>{ac}</td><td>{rate}</td>"
        out.append(f"<tr>{cells}</tr>")
    return "\n".join(out)


html05 = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>2023年度社区书屋建设补助项目绩效自评报告_宁德市文化和旅游局</title></head>
<body><header><nav>首页 | 政务公开 | 财政预决算 | 绩效评价</nav></header>
<main><h1>2023年度社区书屋建设补助项目绩效自评报告</h1>
<p class="meta">发布时间：2024-03-28 来源：计划财务科</p>
<p>一、项目基本情况</p>
<p>本项目累计安排资金12万元，用于新建社区书屋及开展阅读推广活动。</p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><td colspan="6"><b>项目绩效自评表（2023年度）</b></td></tr>
<tr><td>项目名称</td><td colspan="5">社区书屋建设补助</td></tr>
<tr><td>主管部门</td><td colspan="2">宁德市文化和旅游局</td><td>实施单位</td><td colspan="2">宁德市图书馆</td></tr>
<tr><td>项目负责人</td><td colspan="2">郑丽萍</td><td>联系电话</td><td colspan="2">0593-2881625</td></tr>
<tr><td rowspan="2">资金情况（万元）</td><td>全年预算数</td><td>全年执行数</td><td>执行率</td><td colspan="2">备注</td></tr>
<tr><td>12</td><td>11.4</td><td>95%</td><td colspan="2">结余资金已按规定收回</td></tr>
<tr><td>年度目标</td><td colspan="5">{G05}</td></tr>
<tr><td>目标完成情况</td><td colspan="5">{A05}</td></tr>
</table>
<p>二、项目绩效目标完成情况</p>
<p>项目年度绩效目标（定量目标）如下表：</p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><td colspan="2">评价内容</td><td>绩效内容</td><td>绩效目标值</td><td>实际完成值</td><td>累计完成率</td></tr>
{rows_html05()}
<tr><td colspan="2">自评总分</td><td colspan="4">90</td></tr>
</table>
<p>三、自评得分情况：其中项目立项6分，绩效目标5分，资金投入4分，资金管理9分，组织实施6分，产出目标42分，效果目标18分，总得分90分。</p>
<p>四、存在问题：社区居民阅读活动参与率未达到目标值，部分书屋开放时间与居民作息不匹配。</p>
</main><footer>宁德市文化和旅游局 版权所有</footer></body></html>
"""
write_text(F05, html05)
TV05 = {">=4个": V(">=4个", ">=", 4.0, "个"), "4个": V("4个", None, 4.0, "个"),
        ">=30场": V(">=30场", ">=", 30.0, "场"), "42场": V("42场", None, 42.0, "场"),
        ">=0.8万人次": V(">=0.8万人次", ">=", 0.8, "万人次"), "1.2万人次": V("1.2万人次", None, 1.2, "万人次"),
        ">=95%": V(">=95%", ">=", 95.0, "%"), "96%": V("96%", None, 96.0, "%"),
        "2023年9月前": Q("2023年9月前"), "2023年8月": Q("2023年8月"),
        "<=12万元": V("<=12万元", "<=", 12.0, "万元"), "11.4万元": V("11.4万元", None, 11.4, "万元"),
        ">=60%": V(">=60%", ">=", 60.0, "%"), "55%": V("55%", None, 55.0, "%"),
        ">=90%": V(">=90%", ">=", 90.0, "%"), "94%": V("94%", None, 94.0, "%")}
inds05, l1, l2 = [], None, None
for a, b, nm, tg, ac, rate in rows05:
    l1 = a or l1
    l2 = b or l2
    inds05.append(ind(l1, l2, nm, TV05[tg], TV05[ac], completion_rate=float(rate.rstrip("%"))))
doc(F05, "html", [form(
    "self_evaluation", "项目绩效自评表", 2023,
    project("社区书屋建设补助", department="宁德市文化和旅游局", implementer="宁德市图书馆",
            manager="郑丽萍", phone="0593-2881625"),
    "万元",
    [fund("total", "资金情况（万元）", adjusted_budget=12 * W, executed=11.4 * W, execution_rate=95.0)],
    {"annual": G05, "actual": A05},
    inds05, total=90.0,
    extras={"备注": "结余资金已按规定收回"},
)])


# ================================================================ 06 region not stated: 绩效目标评审申报表, TAB OCR (messy)
# Layout: 绩效目标评审申报表 (适用YYYY年全部预算项目) — 项目属性 and 项目类别 checkbox rows, 主管部门 and
# 项目单位 each with their own 联系人/联系电话, 实施时间 预计开始/完成时间, 项目资金(万元) as a row of
# labels (合计 / 1、市级财政拨款 / 2、其他资金) over a row of amounts, 方案基本情况 一~五, 六、项目总体绩效
# 目标, 七、项目支出预算明细, 八、预期进度与资金支出计划, 九、项目年度绩效目标 一级指标 (投入/产出/效果)
# / 二级指标 (…目标) / 绩效目标内容 / 目标值.
F06 = "06_unstated-nongji-peixun-pingshen-target-2018-ocr.txt"
G06 = "通过培训和示范,提升基层农技推广服务能力,全年培训基层农技人员600人次,推广绿色高效种植技术1.5万亩。"
txt06 = tab([
    "绩效目标评审申报表",
    "(适用2018年全部预算项目)",
    "",
    "项 目 名 称：基层农技推广能力提升培训",
    "项目单位(印章)：榆山市农业技术推广站",
    "主管部门(印章)：榆山市农业局",
    "编 报 时 间：2018年1月15日",
    "",
    ["项目属性", "市委市政府确定项目□ 经常性项目☑ 已确定分年度安排项目□ 其他项目□", "", "", "", ""],
    ["项 目 名 称", "基层农技推广能力提升培训", "", "项目类别", "专项业务费☑ 发展经费□", ""],
    ["主管部门", "榆山市农业局", "联系人", "韩立新", "联系电话", "0391-5512087"],
    ["项目单位", "榆山市农业技术推广站", "联系人", "杜春梅", "联系电话", "0391-5536214"],
    ["部门职能概 述", "负责全市农业技术推广、基层农技人员培训和新品种新技术试验示范工作。", "", "", "", ""],
    ["实施时间", "预计开始时间：2018年3月1日", "", "预计完成时间：2018年12月31日", "", ""],
    ["项目资金 (万元)", "合计", "1、市级财政拨款", "2、其他资金", "", ""],
    ["", "45", "45", "0", "", ""],
    ["方案基本情况", "一、项目概 况", "在全市5个乡镇建设农技推广示范基地,分两期培训基层农技人员和种植大户。", "", "", ""],
    ["", "二、设立依 据", "《榆山市基层农技推广体系改革实施方案》。", "", "", ""],
    ["", "三、必要性", "基层农技人员知识老化,新技术到位率偏低。", "", "", ""],
    ["", "四、可行性", "已有5个乡镇农技站具备示范基地建设条件。", "", "", ""],
    ["", "五、制度措 施", "实行项目负责人制和资金报账制。", "", "", ""],
    ["绩效目标", "六、项 目总体 绩效目 标", G06, "", "", ""],
    ["七、项目支出预算明细", "项目用途", "金额(万元)", "数量", "单位", "单价(元)", "测算依据"],
    ["", "合计", "45", "", "", "", ""],
    ["", "1、农技人员培训", "18", "600", "人次", "300", "按培训标准测算"],
    ["", "2、示范基地建设", "25", "5", "个", "50000", "按基地建设方案测算"],
    ["", "3、资料印刷", "2", "4000", "册", "5", "按询价测算"],
    ["八、预期进度与资金支出计划", "实施起止时间", "实施内容", "资金支出计划(万元)", "", ""],
    ["", "2018年3月-6月", "完成第一期培训和基地选址", "20", "", ""],
    ["", "2018年7月-12月", "完成基地建设和第二期培训", "25", "", ""],
    ["九、项目年 度绩效目标", "一级指标", "二级指标", "绩效目标内容", "目标值", ""],
    ["", "投入", "时效目标", "项目总实施周期", "10个月", ""],
    ["", "", "成本目标", "项目总投入", "≤45万元", ""],
    ["", "产出", "数量目标", "培训基层农技人员", "≥600人次", ""],
    ["", "", "", "建设示范基地", "5个", ""],
    ["", "", "质量目标", "培训考核合格率", "≧90%", ""],
    "",
    "第 1 页",
    "",
    ["九、项目年 度绩效目标", "一级指标", "二级指标", "绩效目标内容", "目标值", ""],
    ["", "", "时效目标", "示范基地建成时间", "2018年10月底前", ""],
    ["", "效果", "经济效益目标", "示范基地亩均增收", "≥200元", ""],
    ["", "", "社会效益目标", "新技术推广面积", "≥1.5万亩", ""],
    ["", "生态效益目标", "化肥使用量减少", "≥5%", "", ""],
    ["", "", "可持续影响目标", "农技推广服务机制", "基本建立", ""],
    ["", "", "服务对象满意度 目标", "参训农户满意度", "≥90%", ""],
    ["主管部门审核意见", "同意申报。(盖章) 2018年1月20日", "", "", "", ""],
    ["财政部门审核意见", "", "", "", "", ""],
])
write_text(F06, txt06)
doc(F06, "text", [form(
    "target", "绩效目标评审申报表", 2018,
    project("基层农技推广能力提升培训", department="榆山市农业局", implementer="榆山市农业技术推广站",
            nature="经常性项目", category="专项业务费", start="2018-03-01", end="2018-12-31",
            contact="杜春梅", phone="0391-5536214"),
    "万元",
    [fund("total", "合计", annual=45 * W),
     fund("fiscal", "1、市级财政拨款", annual=45 * W),
     fund("other", "2、其他资金", annual=0.0)],
    {"annual": G06},
    [ind("投入", "时效目标", "项目总实施周期", V("10个月", None, 10.0, "个月")),
     ind("投入", "成本目标", "项目总投入", V("≤45万元", "<=", 45.0, "万元")),
     ind("产出", "数量目标", "培训基层农技人员", V("≥600人次", ">=", 600.0, "人次")),
     ind("产出", "数量目标", "建设示范基地", V("5个", None, 5.0, "个")),
     ind("产出", "质量目标", "培训考核合格率", V("≧90%", ">=", 90.0, "%")),
     ind("产出", "时效目标", "示范基地建成时间", Q("2018年10月底前")),
     ind("效果", "经济效益目标", "示范基地亩均增收", V("≥200元", ">=", 200.0, "元")),
     ind("效果", "社会效益目标", "新技术推广面积", V("≥1.5万亩", ">=", 1.5, "万亩")),
     ind("效果", "生态效益目标", "化肥使用量减少", V("≥5%", ">=", 5.0, "%")),
     ind("效果", "可持续影响目标", "农技推广服务机制", Q("基本建立")),
     ind("效果", "服务对象满意度目标", "参训农户满意度", V("≥90%", ">=", 90.0, "%"))],
    extras={"项目单位(印章)": "榆山市农业技术推广站", "主管部门(印章)": "榆山市农业局",
            "编报时间": "2018年1月15日", "主管部门.联系人": "韩立新", "主管部门.联系电话": "0391-5512087",
            "部门职能概述": "负责全市农业技术推广、基层农技人员培训和新品种新技术试验示范工作。",
            "方案基本情况": "一~五 as printed", "七、项目支出预算明细": "合计 45; 培训 18; 基地 25; 印刷 2",
            "八、预期进度与资金支出计划": "2 rows", "主管部门审核意见": "同意申报。(盖章)2018年1月20日"},
)])


# ================================================================ 07 Tianjin TAB OCR (messy)
# Layout: 中央预算内投资计划绩效目标表 attached to a 财政局 budget notice — 专项名称 / 下达地方或单位 /
# 下达中央预算内投资(万元) / 总体目标 / 绩效指标 一级 (实施效果指标) / 二级 (产出指标, 效益指标,
# 满意度指标) / 三级 / 指标值.
F07 = "07_tianjin-xiqing-tuishui-touzi-target-2023-ocr.txt"

HDR07 = ["绩 效 指 标", "一级指标", "二级指标", "三级指标", "指标值"]
txt07 = tab([
    "天津市财政局文件",
    "津财基指〔2023〕17号",
    "市财政局关于下达2023年农业绿色发展专项（农田退水治理项目）中央基建投资预算的通知",
    "西青区财政局：",
    "根据国家发展改革委下达的中央预算内投资计划，现下达你区2023年预算1860万元，专项用于天津市西青区农田退水生态治理项目，请按规定专款专用。",
    "请你单位按照下达的绩效目标做好绩效监控，于预算年度结束后及时将项目绩效自评报告报我局备案。",
    "附件：天津市农业绿色发展专项（农田退水治理项目）2023年中央预算内投资计划绩效目标表",
    "2023年5月19日",
    "",
    "附件",
    "天津市农业绿色发展专项（农田退水",
    "治理项目）2023年中央预算内投资计划绩效目标表",
    "（天津市西青区农田退水生态治理项目）",
    ["专项名称", "农业绿色发展专项（农田退水治理项目）", "", "", ""],
    ["下达地方或单位", "西青区人民政府", "", "", ""],
    ["下达中央预算内投资（万元）", "1860", "", "", ""],
    ["总 体 目 标", "建设生态沟渠和退水净化设施，削减农田退水氮磷排放，改善区域水环境质量。", "", "", ""],
    HDR07,
    ["", "实施效果指标", "产出指标", "建设项目个数（含续建）", "1"],
    ["", "", "", "竣工验收合格率", "100%"],
    ["", "", "", "按进度计划实施情况", "按计划实施"],
    ["", "", "", "新建生态沟渠长度", "≥12.6公里"],
    ["", "", "", "中央预算内投资占比", "≤80%"],
    "",
    "第 1 页 共 2 页",
    "",
    HDR07,
    ["", "效 益指标", "农田退水氮磷削减率", "≧15%", ""],
    ["", "", "", "受益耕地面积", "≥3.2万亩"],
    ["", "", "", "工程设计使用年限", "≥15年"],
    ["", "", "满意度指标", "受益群众满意度", "≥90%"],
    "",
    "第 2 页 共 2 页",
])
write_text(F07, txt07)
E07 = "实施效果指标"
doc(F07, "text", [form(
    "target", "天津市农业绿色发展专项（农田退水治理项目）2023年中央预算内投资计划绩效目标表", 2023,
    project("农业绿色发展专项（农田退水治理项目）", implementer="西青区人民政府"),
    "万元",
    [fund("fiscal_superior", "下达中央预算内投资（万元）", annual=1860 * W)],
    {"annual": "建设生态沟渠和退水净化设施，削减农田退水氮磷排放，改善区域水环境质量。"},
    [ind(E07, "产出指标", "建设项目个数（含续建）", V("1", None, 1.0, None)),
     ind(E07, "产出指标", "竣工验收合格率", V("100%", None, 100.0, "%")),
     ind(E07, "产出指标", "按进度计划实施情况", Q("按计划实施")),
     ind(E07, "产出指标", "新建生态沟渠长度", V("≥12.6公里", ">=", 12.6, "公里")),
     ind(E07, "产出指标", "中央预算内投资占比", V("≤80%", "<=", 80.0, "%")),
     ind(E07, "效益指标", "农田退水氮磷削减率", V("≧15%", ">=", 15.0, "%")),
     ind(E07, "效益指标", "受益耕地面积", V("≥3.2万亩", ">=", 3.2, "万亩")),
     ind(E07, "效益指标", "工程设计使用年限", V("≥15年", ">=", 15.0, "年")),
     ind(E07, "满意度指标", "受益群众满意度", V("≥90%", ">=", 90.0, "%"))],
    extras={"项目": "天津市西青区农田退水生态治理项目", "文号": "津财基指〔2023〕17号"},
)])


# ================================================================ 08 Fujian (Putian) Markdown
# Layout: 省级专项资金绩效目标表 attached to a county allocation notice — 项目名称 / 主管部门(单位)名称 /
# 资金情况(万元) 资金总额, 其中:财政拨款, 其他资金 / 总体目标 / 一级/二级/三级/指标解释/指标方向 + one
# value column per township; units sit in the indicator name, `(%)`, `(个)`.
F08 = "08_fujian-putian-gongshui-zhuanxiang-target-2025.md"
G08 = "改造农村供水管网8.5公里,新建(改造)水处理设施3处,提升农村供水保障水平。"
TOWNS = ["江口镇", "白沙镇", "新县镇"]
rows08 = [
    ("成本指标", "经济成本指标", "省级专项资金投入成本控制率（%）", "反映省级专项资金投入成本控制情况", "≤100%", ["100%"] * 3),
    ("产出指标", "数量指标", "改造农村供水管网（公里）", "反映农村供水管网改造长度", "≥8.5", ["3.2", "2.8", "2.5"]),
    ("", "", "新建（改造）水处理设施（处）", "反映水处理设施建设情况", "≥3", ["1", "1", "1"]),
    ("", "质量指标", "已建工程是否存在质量问题", "当年已完工项目是否在检查中发现质量问题", "是/否", ["否"] * 3),
    ("", "时效指标", "截至2025年12月底，项目开工率（%）", "反映项目开工情况", "≥100%", ["100%"] * 3),
    ("效益指标", "社会效益指标", "受益农村人口（万人）", "反映项目受益人口数量", "≥1.6", ["0.6", "0.5", "0.5"]),
    ("", "", "农村自来水普及率", "反映农村自来水普及<br>提升情况", "提升", ["提升"] * 3),
    ("满意度指标", "服务对象满意度指标", "受益群众满意度（%）", "反映受益群众对供水保障的满意程度", "≥90%", ["≥90%"] * 3),
]
md = ["涵江区财政局 涵江区水利局关于下达2025年省级第五批农村供水保障专项资金的通知",
      "",
      "江口镇、白沙镇、新县镇人民政府：现下达2025年省级第五批农村供水保障专项资金86万元，请加快预算执行，做好绩效跟踪管理。",
      "",
      "附件：涵江区2025年省级第五批农村供水保障专项资金绩效目标表",
      "",
      "**涵江区2025年省级第五批农村供水保障专项资金绩效目标表**",
      "",
      "| 项目名称 | 省级第五批农村供水保障专项资金 | | | | | | | |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      "| 主管部门（单位）名称 | 莆田市涵江区水利局 | | | | | | | |",
      "| 资金情况（万元） | 资金总额 | 86 | | | | | | |",
      "| | 其中：财政拨款 | 86 | | | | | | |",
      "| | 其他资金 | 0 | | | | | | |",
      f"| 总体目标 | {G08} | | | | | | | |",
      "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标解释 | 指标方向 | " + " | ".join(TOWNS) + " |"]
for l1_, l2_, nm, expl, direc, vals in rows08:
    md.append(f"| | {l1_} | {l2_} | {nm} | {expl} | {direc} | " + " | ".join(vals) + " |")
md += ["", "注：指标方向列为全区目标，各镇列为分解目标。", ""]
write_text(F08, "\n".join(md))
TV08 = {"≤100%": V("≤100%", "<=", 100.0, "%"), "≥8.5": V("≥8.5", ">=", 8.5, None),
        "≥3": V("≥3", ">=", 3.0, None), "是/否": Q("是/否"), "≥100%": V("≥100%", ">=", 100.0, "%"),
        "≥1.6": V("≥1.6", ">=", 1.6, None), "提升": Q("提升"), "≥90%": V("≥90%", ">=", 90.0, "%")}
inds08, l1, l2 = [], None, None
for a, b, nm, expl, direc, vals in rows08:
    l1 = a or l1
    l2 = b or l2
    ex = {"指标解释": expl.replace("<br>", "")}
    ex.update({t_: v for t_, v in zip(TOWNS, vals)})
    inds08.append(ind(l1, l2, nm, TV08[direc], extras=ex))
doc(F08, "text", [form(
    "target", "涵江区2025年省级第五批农村供水保障专项资金绩效目标表", 2025,
    project("省级第五批农村供水保障专项资金", department="莆田市涵江区水利局"),
    "万元",
    [fund("total", "资金总额", annual=86 * W),
     fund("fiscal", "其中：财政拨款", annual=86 * W),
     fund("other", "其他资金", annual=0.0)],
    {"annual": G08},
    inds08,
    extras={"注": "指标方向列为全区目标，各镇列为分解目标。"},
)])

print("built", len(list(HERE.glob("0*.json"))), "gold files")
