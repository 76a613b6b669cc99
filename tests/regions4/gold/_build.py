"""Fourth held-out set: builds the 8 documents of tests/regions4/ and their hand-written reference
answers in tests/regions4/gold/. Every value below was typed by hand from the document as it is
written here; nothing comes from parser output.

Gold helpers (V, Q, fund, ind, project, form, doc, tab, put) are imported from the one shared module
`tests/goldkit.py`; only a duplicate_of wrapper around goldkit.doc() and write_text() are local.

Run with the project venv (openpyxl, python-docx, Pillow):  .venv/bin/python tests/regions4/gold/_build.py
Needs LibreOffice (soffice) and poppler (pdftoppm) for the two scanned PDFs.
"""
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from openpyxl import Workbook
from openpyxl.styles import Border, Side
from PIL import Image

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent
TESTS = DOCS.parent


sys.path.insert(0, str(TESTS))
import goldkit  # noqa: E402
from goldkit import Q, V, form, fund, ind, project, put, tab  # noqa: E402  (the shared gold helpers)

W = goldkit.W


def write_text(fname, text, encoding="utf-8"):
    (DOCS / fname).write_bytes(text.encode(encoding))


def doc(fname, fmt, forms, dup=None):
    """goldkit.doc(); `dup` maps a form index to the index of the form it duplicates."""
    for i, f in enumerate(forms):
        f["duplicate_of"] = (dup or {}).get(i)
    goldkit.doc(DOCS, HERE, fname, fmt, forms)


THIN = Side(style="thin")


def borders(ws, r1, r2, ncol):
    for row in ws.iter_rows(min_row=r1, max_row=r2, max_col=ncol):
        for c in row:
            c.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def landscape(ws):
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1


def scanned_pdf(wb, out_pdf: Path, rotate=0.0, noise=0.0, seed=7):
    """xlsx -> LibreOffice PDF -> 200 dpi grey raster -> image-only PDF (optionally tilted and noisy)."""
    with tempfile.TemporaryDirectory() as tmp:
        x = Path(tmp) / "form.xlsx"
        wb.save(x)
        subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo_profile_y", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(x)],
                       check=True, capture_output=True, timeout=240)
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(Path(tmp) / "form.pdf"),
                        str(Path(tmp) / "pg")], check=True, timeout=240)
        pages = []
        rnd = random.Random(seed)
        for png in sorted(Path(tmp).glob("pg*.png")):
            img = Image.open(png).convert("L")
            if rotate:
                img = img.rotate(rotate, resample=Image.BICUBIC, expand=True, fillcolor=255)
            if noise:
                px = img.load()
                w, h = img.size
                for _ in range(int(w * h * noise)):
                    x_, y_ = rnd.randrange(w), rnd.randrange(h)
                    px[x_, y_] = rnd.choice((0, 90, 170, 255))
            pages.append(img)
        assert 1 <= len(pages) <= 2, len(pages)
        pages[0].save(out_pdf, "PDF", resolution=200, save_all=True, append_images=pages[1:])


# ================================================================ 01 Jiangsu (Xuzhou) scanned PDF, self-evaluation
# Added here (no Jiangsu form found in the search corpus): 指标类别 is ONE column holding `一级-二级`
# (`产出指标-数量指标`), then 三级指标/年度指标值/实际完成值/分值/得分/偏差原因分析及改进措施 per indicator;
# 资金情况 with 中央和省级补助资金 / 市级资金 / 县（区）级配套资金 rows; 总分 row and a 自评等级 row (优).
F01 = "01_jiangsu-xuzhou-nongcun-gonglu-anfang-selfeval-2023-scan.pdf"
GOAL01 = "完善农村公路安防设施180公里以上,新增波形护栏65公里,消除一批临水临崖安全隐患路段。"
ACT01 = "完成安防设施完善172公里,新增波形护栏66.4公里,2个路段因征地协调顺延实施。"
R01a = "2个路段因征地协调滞后顺延至2024年实施,已纳入下年计划。"
R01b = "部分村民对施工期间通行受限有意见,今后施工前加强公告和疏导。"
rows01 = [  # category, name, target, actual, weight, score, reason
    ("产出指标-数量指标", "完善安防设施路段里程", "≥180公里", "172公里", 10, 9.56, R01a),
    ("产出指标-数量指标", "新增波形护栏", "≥65公里", "66.4公里", 10, 10, None),
    ("产出指标-质量指标", "交工验收合格率", "100%", "100%", 10, 10, None),
    ("产出指标-时效指标", "年度计划完成率", "≥95%", "95.6%", 10, 10, None),
    ("产出指标-成本指标", "每公里安防设施平均造价", "≤13.5万元", "13.2万元", 10, 10, None),
    ("效益指标-社会效益指标", "农村公路交通事故死亡人数同比下降", "≥5%", "6.2%", 15, 15, None),
    ("效益指标-可持续影响指标", "安防设施设计使用年限", "≥10年", "10年", 10, 10, None),
    ("满意度指标-服务对象满意度指标", "沿线群众满意度", "≥90%", "88.5%", 15, 14.2, R01b),
]
wb = Workbook()
ws = wb.active
ws.title = "自评表"
for col, width in zip("ABCDEFGH", [20, 26, 13, 13, 9, 9, 34, 2], strict=False):
    ws.column_dimensions[col].width = width
landscape(ws)
put(ws, "A1", "徐州市市级财政项目支出绩效自评表", merge="G1", bold=True)
put(ws, "A2", "（2023年度）", merge="G2")
put(ws, "A3", "项目名称")
put(ws, "B3", "农村公路安防设施完善工程", merge="D3")
put(ws, "E3", "项目编码", merge="F3")
put(ws, "G3", "320300-23-0418")
put(ws, "A4", "主管部门")
put(ws, "B4", "徐州市交通运输局", merge="D4")
put(ws, "E4", "实施单位", merge="F4")
put(ws, "G4", "徐州市公路事业发展中心")
put(ws, "A5", "项目负责人")
put(ws, "B5", "周建平", merge="D5")
put(ws, "E5", "联系电话", merge="F5")
put(ws, "G5", "0516-83761245")
put(ws, "A6", "资金情况\n（万元）", merge="A10")
for col, head in zip("BCDEFG", ["资金来源", "全年预算数", "全年执行数", "执行率", "分值", "得分"], strict=False):
    put(ws, f"{col}6", head)
funds01 = [("年度资金总额", "2450.00", "2318.60", "94.64%", "10", "9.46"),
           ("其中：中央和省级补助资金", "1200.00", "1200.00", "100.00%", "—", "—"),
           ("市级资金", "950.00", "868.60", "91.43%", "—", "—"),
           ("县（区）级配套资金", "300.00", "250.00", "83.33%", "—", "—")]
for r, vals in enumerate(funds01, start=7):
    for col, v in zip("BCDEFG", vals, strict=False):
        put(ws, f"{col}{r}", v)
put(ws, "A11", "年度总体目标", merge="A12")
put(ws, "B11", "预期目标", merge="D11")
put(ws, "E11", "实际完成情况", merge="G11")
put(ws, "B12", GOAL01, merge="D12")
put(ws, "E12", ACT01, merge="G12")
ws.row_dimensions[12].height = 44
for col, head in zip("ABCDEFG", ["指标类别", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                 "偏差原因分析及改进措施"], strict=False):
    put(ws, f"{col}13", head)
for i, (cat, nm, tgt, act, w, s, why) in enumerate(rows01):
    r = 14 + i
    for col, v in zip("ABCDEFG", (cat, nm, tgt, act, str(w), str(s), why), strict=False):
        put(ws, f"{col}{r}", v)
    if why:
        ws.row_dimensions[r].height = 32
ws.merge_cells("A14:A15")
put(ws, "A22", "总分", merge="D22")
put(ws, "E22", "100")
put(ws, "F22", "98.22")
put(ws, "G22", "")
put(ws, "A23", "自评等级", merge="D23")
put(ws, "E23", "优", merge="G23")
borders(ws, 3, 23, 7)
scanned_pdf(wb, DOCS / F01, rotate=0.5, noise=0.002)
doc(F01, "pdf-scanned", [form(
    "self_evaluation", "徐州市市级财政项目支出绩效自评表", 2023,
    project("农村公路安防设施完善工程", code="320300-23-0418", department="徐州市交通运输局",
            implementer="徐州市公路事业发展中心", manager="周建平", phone="0516-83761245"),
    "万元",
    [fund("total", "年度资金总额", adjusted_budget=2450 * W, executed=2318.6 * W, execution_rate=94.64,
          weight=10.0, score=9.46),
     fund("fiscal_superior", "其中：中央和省级补助资金", adjusted_budget=1200 * W, executed=1200 * W,
          execution_rate=100.0),
     fund("fiscal_local", "市级资金", adjusted_budget=950 * W, executed=868.6 * W, execution_rate=91.43),
     fund("fiscal_subordinate", "县（区）级配套资金", adjusted_budget=300 * W, executed=250 * W,
          execution_rate=83.33)],
    {"annual": GOAL01, "actual": ACT01},
    [ind("产出指标", "数量指标", "完善安防设施路段里程", V("≥180公里", ">=", 180.0, "公里"),
         V("172公里", None, 172.0, "公里"), 10.0, 9.56, reason=R01a),
     ind("产出指标", "数量指标", "新增波形护栏", V("≥65公里", ">=", 65.0, "公里"), V("66.4公里", None, 66.4, "公里"),
         10.0, 10.0),
     ind("产出指标", "质量指标", "交工验收合格率", V("100%", None, 100.0, "%"), V("100%", None, 100.0, "%"), 10.0, 10.0),
     ind("产出指标", "时效指标", "年度计划完成率", V("≥95%", ">=", 95.0, "%"), V("95.6%", None, 95.6, "%"), 10.0, 10.0),
     ind("产出指标", "成本指标", "每公里安防设施平均造价", V("≤13.5万元", "<=", 13.5, "万元"),
         V("13.2万元", None, 13.2, "万元"), 10.0, 10.0),
     ind("效益指标", "社会效益指标", "农村公路交通事故死亡人数同比下降", V("≥5%", ">=", 5.0, "%"),
         V("6.2%", None, 6.2, "%"), 15.0, 15.0),
     ind("效益指标", "可持续影响指标", "安防设施设计使用年限", V("≥10年", ">=", 10.0, "年"), V("10年", None, 10.0, "年"),
         10.0, 10.0),
     ind("满意度指标", "服务对象满意度指标", "沿线群众满意度", V("≥90%", ">=", 90.0, "%"), V("88.5%", None, 88.5, "%"),
         15.0, 14.2, reason=R01b)],
    total=98.22,
    extras={"自评等级": "优"},
)])


# ================================================================ 02 Liaoning (Anshan) scanned PDF, 政府性基金 target
# Added here (no Liaoning form found): two-level indicator layout whose second column is headed
# `二级指标（三级指标）` and holds `数量指标（改造雨污分流管网长度）`; 资金性质 row; one 资金来源 column.
F02 = "02_liaoning-anshan-yuwu-fenliu-jijin-target-2024-scan.pdf"
GOAL02 = "完成城区雨污分流管网改造26公里,新建检查井540座,消除易涝点12处,提高城区污水收集率。"
rows02 = [  # l1, l2, name, value, note
    ("产出指标", "数量指标", "改造雨污分流管网长度", "≥26公里", ""),
    ("产出指标", "数量指标", "新建检查井", "≥540座", ""),
    ("产出指标", "质量指标", "管道闭水试验合格率", "100%", ""),
    ("产出指标", "时效指标", "主体工程完工时间", "2024年10月底前", ""),
    ("产出指标", "成本指标", "每公里管网改造成本", "≤141万元", "含路面恢复"),
    ("效益指标", "社会效益指标", "城区易涝点消除数", "≥12处", ""),
    ("效益指标", "生态效益指标", "城区污水收集率", "较上年提高3个百分点", ""),
    ("满意度指标", "服务对象满意度指标", "周边居民满意度", "≥90%", "问卷抽样"),
]
wb = Workbook()
ws = wb.active
ws.title = "目标表"
for col, width in zip("ABCDE", [16, 22, 36, 24, 30], strict=False):
    ws.column_dimensions[col].width = width
landscape(ws)
put(ws, "A1", "鞍山市本级项目支出绩效目标表", merge="E1", bold=True)
put(ws, "A2", "（2024年度）", merge="E2")
put(ws, "A3", "项目名称")
put(ws, "B3", "城区雨污分流管网改造工程", merge="E3")
put(ws, "A4", "主管部门")
put(ws, "B4", "鞍山市住房和城乡建设局", merge="C4")
put(ws, "D4", "实施单位")
put(ws, "E4", "鞍山市排水管理中心")
put(ws, "A5", "资金性质")
put(ws, "B5", "政府性基金预算", merge="C5")
put(ws, "D5", "项目期限")
put(ws, "E5", "2024年3月-2024年11月")
put(ws, "A6", "资金来源\n（万元）", merge="A8")
for r, (lab, amt) in enumerate([("资金总额", "3680.00"), ("其中：财政拨款（政府性基金）", "3200.00"),
                                ("其他资金", "480.00")], start=6):
    put(ws, f"B{r}", lab, merge=f"C{r}")
    put(ws, f"D{r}", amt, merge=f"E{r}")
put(ws, "A9", "年度绩效目标")
put(ws, "B9", GOAL02, merge="E9")
ws.row_dimensions[9].height = 36
for col, head in zip("ABCDE", ["一级指标", "二级指标（三级指标）", "", "指标值", "备注"], strict=False):
    put(ws, f"{col}10", head)
ws.merge_cells("B10:C10")
for i, (l1, l2, nm, val, note) in enumerate(rows02):
    r = 11 + i
    put(ws, f"A{r}", l1)
    put(ws, f"B{r}", f"{l2}（{nm}）", merge=f"C{r}")
    put(ws, f"D{r}", val)
    put(ws, f"E{r}", note or None)
ws.merge_cells("A11:A15")
ws.merge_cells("A16:A17")
put(ws, "A20", "填报人：齐海波", merge="B20")
put(ws, "D20", "填报日期：2024年1月18日", merge="E20")
borders(ws, 3, 18, 5)
scanned_pdf(wb, DOCS / F02)
doc(F02, "pdf-scanned", [form(
    "target", "鞍山市本级项目支出绩效目标表", 2024,
    project("城区雨污分流管网改造工程", department="鞍山市住房和城乡建设局", implementer="鞍山市排水管理中心",
            start="2024-03-01", end="2024-11-30", contact="齐海波"),
    "万元",
    [fund("total", "资金总额", annual=3680 * W), fund("fiscal", "其中：财政拨款（政府性基金）", annual=3200 * W),
     fund("other", "其他资金", annual=480 * W)],
    {"annual": GOAL02},
    [ind("产出指标", "数量指标", "改造雨污分流管网长度", V("≥26公里", ">=", 26.0, "公里")),
     ind("产出指标", "数量指标", "新建检查井", V("≥540座", ">=", 540.0, "座")),
     ind("产出指标", "质量指标", "管道闭水试验合格率", V("100%", None, 100.0, "%")),
     ind("产出指标", "时效指标", "主体工程完工时间", Q("2024年10月底前")),
     ind("产出指标", "成本指标", "每公里管网改造成本", V("≤141万元", "<=", 141.0, "万元"), note="含路面恢复"),
     ind("效益指标", "社会效益指标", "城区易涝点消除数", V("≥12处", ">=", 12.0, "处")),
     ind("效益指标", "生态效益指标", "城区污水收集率", Q("较上年提高3个百分点")),
     ind("满意度指标", "服务对象满意度指标", "周边居民满意度", V("≥90%", ">=", 90.0, "%"), note="问卷抽样")],
    extras={"资金性质": "政府性基金预算", "填报日期": "2024年1月18日"},
)])


# ================================================================ 03 Shandong (Yantai) xlsx, multi-project department table
# Added here: one department table, one row group per project (序号/项目名称/项目单位/预算金额/年度绩效目标
# merged down the group), then 一级/二级/三级/指标值; a 合计 row at the foot; 部门名称 and 单位：万元 above.
F03 = "03_shandong-yantai-wenlv-duoxiangmu-targets-2024.xlsx"
DEPT03 = "烟台市文化和旅游局"
P03 = [
    ("公共文化场馆免费开放补助", "烟台市群众艺术馆", 386,
     "保障全市12个公共文化场馆全年免费开放,开展公益培训和展览活动,年接待群众80万人次以上。",
     [("产出指标", "数量指标", "免费开放场馆数量", "=12个"),
      ("产出指标", "数量指标", "公益培训班次", "≥260期"),
      ("产出指标", "时效指标", "补助资金拨付时间", "2024年6月底前"),
      ("效益指标", "社会效益指标", "年接待群众人次", "≥80万人次"),
      ("满意度指标", "服务对象满意度指标", "群众满意度", "≥92%")]),
    ("文旅消费季活动经费", "烟台市文化和旅游局", 150,
     "举办文旅消费季主题活动20场,发放文旅消费券,带动文旅消费增长。",
     [("产出指标", "数量指标", "举办主题活动场次", "≥20场"),
      ("产出指标", "成本指标", "单场活动平均成本", "≤6.5万元"),
      ("效益指标", "经济效益指标", "带动文旅消费金额", "≥1.2亿元"),
      ("满意度指标", "服务对象满意度指标", "参与游客满意度", "≥90%")]),
    ("非遗保护传承专项", "烟台市非物质文化遗产保护中心", 92.5,
     "支持市级以上非遗代表性项目保护传承,开展非遗进校园活动,完成非遗数字化记录。",
     [("产出指标", "数量指标", "支持非遗代表性项目数", "≥35项"),
      ("产出指标", "质量指标", "数字化记录资料完整率", "100%"),
      ("效益指标", "社会效益指标", "非遗进校园覆盖学校数", "≥40所"),
      ("效益指标", "可持续影响指标", "代表性传承人带徒传艺", "持续开展")]),
]
wb = Workbook()
ws = wb.active
ws.title = "项目绩效目标"
for col, width in zip("ABCDEFGHI", [6, 22, 22, 10, 36, 12, 18, 24, 14], strict=False):
    ws.column_dimensions[col].width = width
put(ws, "A1", "2024年度项目支出绩效目标表", merge="I1", bold=True)
put(ws, "A2", f"部门名称：{DEPT03}", merge="F2")
put(ws, "G2", "单位：万元", merge="I2")
for col, head in zip("ABCDEFGHI", ["序号", "项目名称", "项目单位", "预算金额", "年度绩效目标", "一级指标",
                                   "二级指标", "三级指标", "指标值"], strict=False):
    put(ws, f"{col}3", head)
r = 4
for k, (nm, unit, amt, goal, inds) in enumerate(P03, start=1):
    top = r
    for (l1, l2, n3, v) in inds:
        put(ws, f"F{r}", l1)
        put(ws, f"G{r}", l2)
        put(ws, f"H{r}", n3)
        put(ws, f"I{r}", v)
        r += 1
    bot = r - 1
    put(ws, f"A{top}", k, merge=f"A{bot}")
    put(ws, f"B{top}", nm, merge=f"B{bot}")
    put(ws, f"C{top}", unit, merge=f"C{bot}")
    put(ws, f"D{top}", amt, fmt="0.00", merge=f"D{bot}")
    put(ws, f"E{top}", goal, merge=f"E{bot}")
    # level-1 cells merged over their run inside the project
    run = top
    for i in range(top + 1, bot + 2):
        if i > bot or ws[f"F{i}"].value != ws[f"F{run}"].value:
            if i - 1 > run:
                v1 = ws[f"F{run}"].value
                for j in range(run + 1, i):
                    ws[f"F{j}"].value = None
                ws.merge_cells(f"F{run}:F{i - 1}")
                ws[f"F{run}"].value = v1
            run = i
put(ws, f"A{r}", "合计", merge=f"C{r}")
put(ws, f"D{r}", 628.5, fmt="0.00")
put(ws, f"E{r}", None, merge=f"I{r}")
wb.save(DOCS / F03)
forms03 = []
for nm, unit, amt, goal, inds in P03:
    out = []
    for (l1, l2, n3, v) in inds:
        tv = {"=12个": V("=12个", "=", 12.0, "个"), "≥260期": V("≥260期", ">=", 260.0, "期"),
              "2024年6月底前": Q("2024年6月底前"), "≥80万人次": V("≥80万人次", ">=", 80.0, "万人次"),
              "≥92%": V("≥92%", ">=", 92.0, "%"), "≥20场": V("≥20场", ">=", 20.0, "场"),
              "≤6.5万元": V("≤6.5万元", "<=", 6.5, "万元"), "≥1.2亿元": V("≥1.2亿元", ">=", 1.2, "亿元"),
              "≥90%": V("≥90%", ">=", 90.0, "%"), "≥35项": V("≥35项", ">=", 35.0, "项"),
              "100%": V("100%", None, 100.0, "%"), "≥40所": V("≥40所", ">=", 40.0, "所"),
              "持续开展": Q("持续开展")}[v]
        out.append(ind(l1, l2, n3, tv))
    forms03.append(form("target", "2024年度项目支出绩效目标表", 2024,
                        project(nm, department=DEPT03, implementer=unit), "万元",
                        [fund("total", "预算金额", annual=amt * W)], {"annual": goal}, out))
doc(F03, "xlsx", forms03)


# ================================================================ 04 Shanxi (Jinzhong) docx, 转移支付 self-evaluation
# Added here: 分值 stands between 三级指标 and 年度指标值, and 得分 between 年度指标值 and 实际完成值;
# fund block with 中央转移支付资金 / 区级配套资金 / 上年结转资金 (— in 年初); 合计 row and 自评等级 良/优 row;
# 填报人 below the table.
F04 = "04_shanxi-jinzhong-gengdi-zhiliang-zhuanyi-selfeval-2023.docx"
GOAL04 = "实施耕地质量提升3.2万亩,开展土壤检测480个样品,项目区耕地有机质含量提升0.1个百分点以上。"
ACT04 = "完成耕地质量提升3.25万亩,检测土壤样品496个,有机质含量平均提升0.08个百分点。"
R04 = "部分地块秸秆还田深度不足,下年度加强技术指导和跟踪监测。"
rows04 = [  # l1, l2, name, weight, target, score, actual, reason
    ("产出指标", "数量指标", "完成耕地质量提升面积", "10", "≥3.2万亩", "10", "3.25万亩", ""),
    ("产出指标", "数量指标", "土壤检测样品数", "10", "≥480个", "10", "496个", ""),
    ("产出指标", "质量指标", "耕地有机质含量提升", "10", "≥0.1个百分点", "8", "0.08个百分点", R04),
    ("产出指标", "时效指标", "项目实施完成时间", "10", "2023年11月底前", "10", "2023年11月20日", ""),
    ("产出指标", "成本指标", "亩均补助标准", "10", "≤250元/亩", "10", "245元/亩", ""),
    ("效益指标", "经济效益指标", "亩均增产粮食", "15", "≥30公斤", "15", "34公斤", ""),
    ("效益指标", "可持续影响指标", "耕地质量监测点运行年限", "10", "≥5年", "10", "5年", ""),
    ("满意度指标", "服务对象满意度指标", "项目区农户满意度", "15", "≥90%", "14.5", "93%", ""),
]
d = docx.Document()
d.add_paragraph("附件2")
d.add_paragraph("晋中市榆次区项目支出绩效自评表")
d.add_paragraph("（2023年度）")
NC = 8
t = d.add_table(rows=11 + len(rows04) + 2, cols=NC)
t.style = "Table Grid"


def c4(r, c, text, to=None):
    x = t.cell(r, c)
    if to is not None:
        x = x.merge(t.cell(*to))
    x.text = text
    return x


c4(0, 0, "项目名称")
c4(0, 1, "耕地质量提升中央转移支付项目", (0, 7))
c4(1, 0, "主管部门")
c4(1, 1, "晋中市榆次区农业农村局", (1, 3))
c4(1, 4, "实施单位")
c4(1, 5, "榆次区耕地质量监测站", (1, 7))
c4(2, 0, "项目负责人")
c4(2, 1, "郝志刚", (2, 3))
c4(2, 4, "联系电话")
c4(2, 5, "0354-2437719", (2, 7))
c4(3, 0, "项目资金（万元）", (7, 0))
for c, head in enumerate(["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"], start=1):
    c4(3, c, head)
funds04 = [("年度资金总额", "860.00", "912.00", "884.60", "97.00%", "10", "9.7"),
           ("其中：中央转移支付资金", "800.00", "800.00", "780.20", "97.53%", "—", "—"),
           ("区级配套资金", "60.00", "60.00", "52.40", "87.33%", "—", "—"),
           ("上年结转资金", "—", "52.00", "52.00", "100.00%", "—", "—")]
for r, vals in enumerate(funds04, start=4):
    for c, v in enumerate(vals, start=1):
        c4(r, c, v)
c4(8, 0, "年度总体目标", (9, 0))
c4(8, 1, "预期目标", (8, 3))
c4(8, 4, "实际完成情况", (8, 7))
c4(9, 1, GOAL04, (9, 3))
c4(9, 4, ACT04, (9, 7))
for c, head in enumerate(["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "得分", "实际完成值",
                          "偏差原因分析及改进措施"]):
    c4(10, c, head)
for i, row in enumerate(rows04):
    for c, v in enumerate(row):
        if c == 0 and i > 0 and rows04[i - 1][0] == v:
            continue
        if c == 1 and i > 0 and rows04[i - 1][1] == v and rows04[i - 1][0] == row[0]:
            continue
        c4(11 + i, c, v)
# vertical merges of the level cells (text set once on the top cell)
t.cell(11, 0).merge(t.cell(15, 0))
t.cell(16, 0).merge(t.cell(17, 0))
t.cell(11, 1).merge(t.cell(12, 1))
last = 11 + len(rows04)
c4(last, 0, "合计", (last, 2))
c4(last, 3, "100")
c4(last, 4, "")
c4(last, 5, "97.2")
c4(last, 6, "", (last, 7))
c4(last + 1, 0, "自评等级", (last + 1, 2))
c4(last + 1, 3, "优", (last + 1, 7))
d.add_paragraph("填报人：王雅琴        填报日期：2024年3月8日")
d.save(DOCS / F04)
doc(F04, "docx", [form(
    "self_evaluation", "晋中市榆次区项目支出绩效自评表", 2023,
    project("耕地质量提升中央转移支付项目", department="晋中市榆次区农业农村局", implementer="榆次区耕地质量监测站",
            manager="郝志刚", phone="0354-2437719", contact="王雅琴"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=860 * W, adjusted_budget=912 * W, executed=884.6 * W,
          execution_rate=97.0, weight=10.0, score=9.7),
     fund("fiscal_superior", "其中：中央转移支付资金", initial_budget=800 * W, adjusted_budget=800 * W,
          executed=780.2 * W, execution_rate=97.53),
     fund("fiscal_local", "区级配套资金", initial_budget=60 * W, adjusted_budget=60 * W, executed=52.4 * W,
          execution_rate=87.33),
     fund("carryover", "上年结转资金", adjusted_budget=52 * W, executed=52 * W, execution_rate=100.0)],
    {"annual": GOAL04, "actual": ACT04},
    [ind("产出指标", "数量指标", "完成耕地质量提升面积", V("≥3.2万亩", ">=", 3.2, "万亩"), V("3.25万亩", None, 3.25, "万亩"),
         10.0, 10.0),
     ind("产出指标", "数量指标", "土壤检测样品数", V("≥480个", ">=", 480.0, "个"), V("496个", None, 496.0, "个"), 10.0, 10.0),
     ind("产出指标", "质量指标", "耕地有机质含量提升", V("≥0.1个百分点", ">=", 0.1, "个百分点"),
         V("0.08个百分点", None, 0.08, "个百分点"), 10.0, 8.0, reason=R04),
     ind("产出指标", "时效指标", "项目实施完成时间", Q("2023年11月底前"), Q("2023年11月20日"), 10.0, 10.0),
     ind("产出指标", "成本指标", "亩均补助标准", V("≤250元/亩", "<=", 250.0, "元/亩"), V("245元/亩", None, 245.0, "元/亩"),
         10.0, 10.0),
     ind("效益指标", "经济效益指标", "亩均增产粮食", V("≥30公斤", ">=", 30.0, "公斤"), V("34公斤", None, 34.0, "公斤"),
         15.0, 15.0),
     ind("效益指标", "可持续影响指标", "耕地质量监测点运行年限", V("≥5年", ">=", 5.0, "年"), V("5年", None, 5.0, "年"),
         10.0, 10.0),
     ind("满意度指标", "服务对象满意度指标", "项目区农户满意度", V("≥90%", ">=", 90.0, "%"), V("93%", None, 93.0, "%"),
         15.0, 14.5)],
    total=97.2,
    extras={"自评等级": "优", "填报日期": "2024年3月8日"},
)])


# ================================================================ 05 Tibet (Lhasa) html, the same form printed twice
# Added here: a CMS page that prints the target form in the body and again as the attachment (附件) —
# the second copy is a duplicate. 资金来源 with 中央及自治区补助资金 / 市本级资金; 项目属性; 项目期;
# indicator table 一级/二级/三级/指标值/指标值确定依据.
F05 = "05_xizang-lasa-gaoyuan-yangzhi-target-2024-dup.html"
GOAL05 = "扶持规模化养殖场(户)46家,新增牦牛、藏鸡等特色畜禽存栏1.8万头(只),带动农牧民增收。"
rows05 = [  # l1, l2, name, value, basis
    ("产出指标", "数量指标", "扶持规模化养殖场(户)数量", "≥46家", "年度工作计划"),
    ("产出指标", "数量指标", "新增特色畜禽存栏", "≥1.8万头(只)", "年度工作计划"),
    ("产出指标", "质量指标", "畜禽免疫密度", "≥95%", "行业标准"),
    ("产出指标", "时效指标", "补助资金兑付时间", "2024年9月底前", "资金管理办法"),
    ("效益指标", "经济效益指标", "带动农牧民户均增收", "≥2600元", "历史数据测算"),
    ("效益指标", "可持续影响指标", "规模化养殖长效运营机制", "逐步建立", "—"),
    ("满意度指标", "服务对象满意度指标", "受扶持农牧民满意度", "≥90%", "问卷调查"),
]


def _span(rows, i, k):
    n = 1
    while i + n < len(rows) and rows[i + n][k] == rows[i][k] and (k == 0 or rows[i + n][0] == rows[i][0]):
        n += 1
    return n


def table05():
    trs = []
    for i, (l1, l2, nm, v, basis) in enumerate(rows05):
        tds = []
        if i == 0 or rows05[i - 1][0] != l1:
            tds.append(f'<td rowspan="{_span(rows05, i, 0)}">{l1}</td>')
        if i == 0 or rows05[i - 1][1] != l2 or rows05[i - 1][0] != l1:
            tds.append(f'<td rowspan="{_span(rows05, i, 1)}">{l2}</td>')
        tds += [f"<td>{x}</td>" for x in (nm, v, basis)]
        trs.append("<tr>" + "".join(tds) + "</tr>")
    return f"""<table class="bg" border="1" cellspacing="0" cellpadding="4">
<tr><td colspan="5" align="center"><b>项目支出绩效目标申报表</b></td></tr>
<tr><td colspan="5" align="center">（2024年度）</td></tr>
<tr><td>项目名称</td><td colspan="4">高原特色畜禽规模化养殖补助项目</td></tr>
<tr><td>主管部门</td><td colspan="2">拉萨市农业农村局</td><td>实施单位</td><td>拉萨市畜牧技术推广站</td></tr>
<tr><td>项目属性</td><td colspan="2">延续项目</td><td>项目期</td><td>2024年1月至2024年12月</td></tr>
<tr><td rowspan="3">资金来源<br>（万元）</td><td colspan="2">资金总额</td><td colspan="2">1520.00</td></tr>
<tr><td colspan="2">其中：中央及自治区补助资金</td><td colspan="2">1200.00</td></tr>
<tr><td colspan="2">市本级资金</td><td colspan="2">320.00</td></tr>
<tr><td>年度目标</td><td colspan="4">{GOAL05}</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>指标值确定依据</td></tr>
{chr(10).join(trs)}
</table>"""


html05 = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>拉萨市农业农村局2024年项目支出绩效目标公开</title>
<style>table.bg{{border-collapse:collapse;width:100%}} td{{font-size:14px}}</style></head>
<body><div class="header"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 预算公开</div>
<div class="article"><h1>拉萨市农业农村局2024年项目支出绩效目标公开</h1>
<p class="info">发布时间：2024-02-06　来源：拉萨市农业农村局</p>
<p>根据预算公开有关要求,现将我局2024年重点项目支出绩效目标公开如下:</p>
{table05()}
<p>&nbsp;</p>
<p>附件：项目支出绩效目标申报表（打印版）</p>
{table05()}
</div><div class="footer">主办：拉萨市农业农村局　藏ICP备00000000号</div></body></html>
"""
write_text(F05, html05)
ind05 = [ind("产出指标", "数量指标", "扶持规模化养殖场(户)数量", V("≥46家", ">=", 46.0, "家"),
             extras={"指标值确定依据": "年度工作计划"}),
         ind("产出指标", "数量指标", "新增特色畜禽存栏", V("≥1.8万头(只)", ">=", 1.8, "万头(只)"),
             extras={"指标值确定依据": "年度工作计划"}),
         ind("产出指标", "质量指标", "畜禽免疫密度", V("≥95%", ">=", 95.0, "%"), extras={"指标值确定依据": "行业标准"}),
         ind("产出指标", "时效指标", "补助资金兑付时间", Q("2024年9月底前"), extras={"指标值确定依据": "资金管理办法"}),
         ind("效益指标", "经济效益指标", "带动农牧民户均增收", V("≥2600元", ">=", 2600.0, "元"),
             extras={"指标值确定依据": "历史数据测算"}),
         ind("效益指标", "可持续影响指标", "规模化养殖长效运营机制", Q("逐步建立")),
         ind("满意度指标", "服务对象满意度指标", "受扶持农牧民满意度", V("≥90%", ">=", 90.0, "%"),
             extras={"指标值确定依据": "问卷调查"})]


def form05():
    import copy
    return form("target", "项目支出绩效目标申报表", 2024,
                project("高原特色畜禽规模化养殖补助项目", department="拉萨市农业农村局", implementer="拉萨市畜牧技术推广站",
                        start="2024-01-01", end="2024-12-31"),
                "万元",
                [fund("total", "资金总额", annual=1520 * W),
                 fund("fiscal_superior", "其中：中央及自治区补助资金", annual=1200 * W),
                 fund("fiscal_local", "市本级资金", annual=320 * W)],
                {"annual": GOAL05}, copy.deepcopy(ind05), extras={"项目属性": "延续项目"})


doc(F05, "html", [form05(), form05()], dup={1: 0})


# ================================================================ 06 Hubei (Yichang) html, self-evaluation
# Added here: a two-row indicator header whose last group `偏差原因分析` has two sub-columns,
# `偏差类型` (a category word) and `原因说明及改进措施` (the text); a 完成率 column; central fund block.
F06 = "06_hubei-yichang-xiaoxue-kongtiao-selfeval-2023.html"
GOAL06 = "为城区32所中小学校教室安装空调2100台,改造配电线路,改善学生夏季学习环境。"
ACT06 = "完成31所学校空调安装2046台,配电线路改造同步完成,1所学校因校舍改建顺延。"
R06a = "1所学校校舍改建,空调安装顺延至2024年暑期,已预留资金。"
R06b = "个别学校反映售后响应偏慢,已要求供应商设立驻点服务。"
rows06 = [  # l1, l2, name, target, actual, rate, weight, score, dev type, reason
    ("产出指标", "数量指标", "安装教室空调数量", "≥2100台", "2046台", "97.4%", "15", "14.6", "工作推进", R06a),
    ("产出指标", "数量指标", "覆盖学校数量", "=32所", "31所", "96.9%", "10", "9.7", "工作推进", R06a),
    ("产出指标", "质量指标", "设备安装验收合格率", "100%", "100%", "100%", "10", "10", "", ""),
    ("产出指标", "时效指标", "安装完成时间", "2023年8月31日前", "2023年8月28日", "100%", "5", "5", "", ""),
    ("产出指标", "成本指标", "单台空调采购安装成本", "≤4800元", "4650元", "100%", "10", "10", "", ""),
    ("效益指标", "社会效益指标", "受益学生人数", "≥5.6万人", "5.48万人", "97.9%", "20", "19.6", "工作推进", R06a),
    ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "87%", "96.7%", "20", "17.5", "服务质量", R06b),
]
trs = []
for i, (l1, l2, nm, tg, ac, rt, w, s, ty, why) in enumerate(rows06):
    tds = []
    if i == 0 or rows06[i - 1][0] != l1:
        n = sum(1 for x in rows06[i:] if x[0] == l1)
        tds.append(f'<td rowspan="{n}">{l1}</td>')
    if i == 0 or rows06[i - 1][1] != l2:
        n = 1
        while i + n < len(rows06) and rows06[i + n][1] == l2:
            n += 1
        tds.append(f'<td rowspan="{n}">{l2}</td>')
    tds += [f"<td>{x}</td>" for x in (nm, tg, ac, rt, w, s, ty, why)]
    trs.append("<tr>" + "".join(tds) + "</tr>")
html06 = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>宜昌市教育局2023年度项目支出绩效自评表</title></head>
<body><div id="nav">当前位置：首页 &gt; 信息公开 &gt; 财政资金</div>
<div class="TRS_Editor">
<p align="center"><strong>项目支出绩效自评表</strong></p>
<p align="center">（2023年度）</p>
<table border="1" cellspacing="0" cellpadding="3" width="100%">
<tbody>
<tr><td colspan="2">项目名称</td><td colspan="9">城区中小学教室空调安装项目</td></tr>
<tr><td colspan="2">主管部门</td><td colspan="4">宜昌市教育局</td><td colspan="2">实施单位</td><td colspan="3">宜昌市教育装备中心</td></tr>
<tr><td colspan="2" rowspan="5">项目资金<br>（万元）</td><td colspan="2"></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td colspan="2">得分</td></tr>
<tr><td colspan="2">年度资金总额</td><td>1050.00</td><td>1086.00</td><td>1021.40</td><td>10</td><td>94.05%</td><td colspan="2">9.4</td></tr>
<tr><td colspan="2">其中：财政拨款</td><td>1050.00</td><td>1050.00</td><td>985.40</td><td>—</td><td>93.85%</td><td colspan="2">—</td></tr>
<tr><td colspan="2">上年结转资金</td><td>—</td><td>36.00</td><td>36.00</td><td>—</td><td>100.00%</td><td colspan="2">—</td></tr>
<tr><td colspan="2">其他资金</td><td></td><td></td><td></td><td>—</td><td></td><td colspan="2">—</td></tr>
<tr><td colspan="2" rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="5">实际完成情况</td></tr>
<tr><td colspan="4">{GOAL06}</td><td colspan="5">{ACT06}</td></tr>
<tr><td rowspan="2">一级指标</td><td rowspan="2">二级指标</td><td rowspan="2">三级指标</td><td rowspan="2">年度指标值</td><td rowspan="2">实际完成值</td><td rowspan="2">完成率</td><td rowspan="2">分值</td><td rowspan="2">得分</td><td colspan="2">偏差原因分析</td><td rowspan="2">备注</td></tr>
<tr><td>偏差类型</td><td>原因说明及改进措施</td></tr>
{chr(10).join(r.replace("</tr>", "<td></td></tr>") for r in trs)}
<tr><td colspan="6">总分</td><td>100</td><td>95.8</td><td colspan="3"></td></tr>
</tbody></table>
<p>填报单位（盖章）：宜昌市教育装备中心　　填报人：黎晓红　　联系电话：0717-6253318</p>
</div></body></html>
"""
write_text(F06, html06)
doc(F06, "html", [form(
    "self_evaluation", "项目支出绩效自评表", 2023,
    project("城区中小学教室空调安装项目", department="宜昌市教育局", implementer="宜昌市教育装备中心",
            contact="黎晓红", phone="0717-6253318"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=1050 * W, adjusted_budget=1086 * W, executed=1021.4 * W,
          execution_rate=94.05, weight=10.0, score=9.4),
     fund("fiscal", "其中：财政拨款", initial_budget=1050 * W, adjusted_budget=1050 * W, executed=985.4 * W,
          execution_rate=93.85),
     fund("carryover", "上年结转资金", adjusted_budget=36 * W, executed=36 * W, execution_rate=100.0)],
    {"annual": GOAL06, "actual": ACT06},
    [ind("产出指标", "数量指标", "安装教室空调数量", V("≥2100台", ">=", 2100.0, "台"), V("2046台", None, 2046.0, "台"),
         15.0, 14.6, reason=R06a, completion_rate=97.4, extras={"偏差类型": "工作推进"}),
     ind("产出指标", "数量指标", "覆盖学校数量", V("=32所", "=", 32.0, "所"), V("31所", None, 31.0, "所"),
         10.0, 9.7, reason=R06a, completion_rate=96.9, extras={"偏差类型": "工作推进"}),
     ind("产出指标", "质量指标", "设备安装验收合格率", V("100%", None, 100.0, "%"), V("100%", None, 100.0, "%"),
         10.0, 10.0, completion_rate=100.0),
     ind("产出指标", "时效指标", "安装完成时间", Q("2023年8月31日前"), Q("2023年8月28日"), 5.0, 5.0, completion_rate=100.0),
     ind("产出指标", "成本指标", "单台空调采购安装成本", V("≤4800元", "<=", 4800.0, "元"), V("4650元", None, 4650.0, "元"),
         10.0, 10.0, completion_rate=100.0),
     ind("效益指标", "社会效益指标", "受益学生人数", V("≥5.6万人", ">=", 5.6, "万人"), V("5.48万人", None, 5.48, "万人"),
         20.0, 19.6, reason=R06a, completion_rate=97.9, extras={"偏差类型": "工作推进"}),
     ind("满意度指标", "服务对象满意度指标", "师生满意度", V("≥90%", ">=", 90.0, "%"), V("87%", None, 87.0, "%"),
         20.0, 17.5, reason=R06b, completion_rate=96.7, extras={"偏差类型": "服务质量"})],
    total=95.8,
    extras={"填报单位（盖章）": "宜昌市教育装备中心"},
)])


# ================================================================ 07 Shaanxi (Hanzhong) TAB OCR dump, target
# Layout: 项目绩效目标表 of a township (renrendoc 307484460, 宁乡市坝塘镇 2021 — used for layout facts only):
# 填报单位（盖章）, 项目属性 新增项目□延续项目√, 主管部门/主管部门编码, 项目单位/项目负责人/联系电话,
# 项目起止时间, 年度资金总额及构成 as ONE cell `总额…万元 财政拨款：…万元（其中：上级财政资金：…万元；本级财政：…万元）
# 二、自有资金：…万元 三、其他：…万元`, 项目概况, 长期目标/年度目标, then (here only) the 年度绩效指标 table
# 一级/二级/指标内容/指标值/备注. OCR faults: spaced labels, page break with header repeated, a row shifted
# one cell left, full-width ≧, `□`→`口`.
F07 = "07_shaanxi-hanzhong-zhenyu-jichu-sheshi-target-2024-ocr.txt"
LONG07 = "用三年时间完成镇域内道路、供水、集镇风貌等基础设施提质改造,建成宜居宜业和美乡镇。"
ANN07 = "2024年完成镇村道路硬化12.6公里,改造供水管网8公里,完成集镇立面改造2.1万平方米。"
FUNDS07 = ("总额1860万元 一、财政拨款：1420万元（其中：上级财政资金：1100万元；本级财政：320万元） "
           "二、自有资金：0万元 三、其他：440万元")
text07 = tab([
    "项目绩效目标表",
    "(2024年度)",
    "填报单位（盖章）：汉中市南郑区新集镇人民政府",
    ["项 目 名 称", "镇域基础设施提质改造项目", "", "项目属性", "新增项目口 延续项目√"],
    ["主管部门", "汉中市南郑区新集镇人民政府", "", "主管部门编码", "712031"],
    ["项目单位", "汉中市南郑区新集镇人民政府", "项目负责人", "杜海军", "联系电话", "0916-5512073"],
    ["项目起止时间", "2024年3月-2024年12月"],
    ["年度资金总额及构成", FUNDS07],
    ["项目概况", "镇域内道路、供水管网、集镇风貌等基础设施提质改造。"],
    ["项目绩效目标", "长期目标", "", "年度目标"],
    ["", LONG07, "", ANN07],
    ["年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"],
    ["", "产出指标", "数量指标", "镇村道路硬化里程", "≧12.6公里", ""],
    ["", "", "", "改造供水管网长度", "≧8公里", ""],
    ["", "", "质 量指标", "工程验收合格率", "100%", ""],
    ["", "", "时效指标", "年度工程完工时间", "2024年11月底前", ""],
    ["", "", "成本指标", "道路硬化每公里成本", "≦68万元", "含路基处理"],
    "",
    "第 1 页 共 2 页",
    "",
    ["年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"],
    ["", "产出指标", "数量指标", "集镇立面改造面积", "≧2.1万平方米", ""],
    ["", "效益指标", "社会效益 指标", "受益群众人数", "≧1.6万人", ""],
    ["", "经济效益指标", "带动务工增收", "≧120万元", ""],
    ["", "", "可持续影响 指标", "设施设计使用年限", "≧15年", ""],
    ["", "满意度 指标", "服务对象满意度指标", "受益群众满意度", "≧90%", ""],
    ["填报人", "罗晓梅", "", "填报日期", "2024年1月22日"],
    "第 2 页 共 2 页",
])
write_text(F07, text07)
doc(F07, "text", [form(
    "target", "项目绩效目标表", 2024,
    project("镇域基础设施提质改造项目", department="汉中市南郑区新集镇人民政府",
            implementer="汉中市南郑区新集镇人民政府", start="2024-03-01", end="2024-12-31", manager="杜海军",
            phone="0916-5512073", contact="罗晓梅"),
    None,
    [fund("total", "总额", annual=1860 * W), fund("fiscal", "财政拨款", annual=1420 * W),
     fund("fiscal_superior", "上级财政资金", annual=1100 * W), fund("fiscal_local", "本级财政", annual=320 * W),
     fund("unit_own", "自有资金", annual=0.0), fund("other", "其他", annual=440 * W)],
    {"overall": LONG07, "annual": ANN07},
    [ind("产出指标", "数量指标", "镇村道路硬化里程", V("≧12.6公里", ">=", 12.6, "公里")),
     ind("产出指标", "数量指标", "改造供水管网长度", V("≧8公里", ">=", 8.0, "公里")),
     ind("产出指标", "质量指标", "工程验收合格率", V("100%", None, 100.0, "%")),
     ind("产出指标", "时效指标", "年度工程完工时间", Q("2024年11月底前")),
     ind("产出指标", "成本指标", "道路硬化每公里成本", V("≦68万元", "<=", 68.0, "万元"), note="含路基处理"),
     ind("产出指标", "数量指标", "集镇立面改造面积", V("≧2.1万平方米", ">=", 2.1, "万平方米")),
     ind("效益指标", "社会效益指标", "受益群众人数", V("≧1.6万人", ">=", 1.6, "万人")),
     ind("效益指标", "经济效益指标", "带动务工增收", V("≧120万元", ">=", 120.0, "万元")),
     ind("效益指标", "可持续影响指标", "设施设计使用年限", V("≧15年", ">=", 15.0, "年")),
     ind("满意度指标", "服务对象满意度指标", "受益群众满意度", V("≧90%", ">=", 90.0, "%"))],
    extras={"填报单位（盖章）": "汉中市南郑区新集镇人民政府", "项目属性": "延续项目", "主管部门编码": "712031",
            "项目概况": "镇域内道路、供水管网、集镇风貌等基础设施提质改造。", "填报日期": "2024年1月22日"},
)])


# ================================================================ 08 Qinghai (Haixi) Markdown, self-evaluation
# Added here: weight and score printed in ONE column `分值/得分` as `10/9.5` (also in the fund block and
# the 合计 row), per-indicator 偏差原因分析及改进措施, 中央及省级资金 / 州本级资金 rows, rating 良.
F08 = "08_qinghai-haixi-caoyuan-shubing-selfeval-2023.md"
GOAL08 = "完成草原鼠害防治120万亩,防治效果85%以上,恢复草原植被,保障牧民生产生活。"
ACT08 = "完成草原鼠害防治108万亩,平均防治效果82%,部分区域因春季降雪推迟施药。"
R08a = "春季持续降雪,12万亩防治任务推迟至秋季补防,下年提前储备药物。"
R08b = "施药窗口期缩短,防效略低于目标,下年加强技术培训和效果监测。"
R08c = "部分牧户对防治时段安排有意见,下年提前征求意见。"
md08 = "\n".join([
    "**海西州项目支出绩效自评表**",
    "",
    "（2023年度）",
    "",
    "| 项目名称 | 草原鼠害绿色防控项目 | | | | | |",
    "|---|---|---|---|---|---|---|",
    "| 主管部门 | 海西州林业和草原局 | | 实施单位 | 海西州草原工作站 | | |",
    "| 项目资金（万元） | 资金来源 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 分值/得分 |",
    "| | 年度资金总额 | 680.00 | 680.00 | 612.40 | 90.06% | 10/9 |",
    "| | 其中：中央及省级资金 | 600.00 | 600.00 | 548.20 | 91.37% | — |",
    "| | 州本级资金 | 80.00 | 80.00 | 64.20 | 80.25% | — |",
    "| | 其他资金 | | | | | — |",
    "| 年度总体目标 | 预期目标 | | | 实际完成情况 | | |",
    f"| | {GOAL08} | | | {ACT08} | | |",
    "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值/得分 | 偏差原因分析及改进措施 |",
    f"| 产出指标 | 数量指标 | 鼠害防治面积 | ≥120万亩 | 108万亩 | 15/13.5 | {R08a} |",
    "| | 质量指标 | 防治效果 | ≥85% | 82% | 15/14 | " + R08b + " |",
    "| | 时效指标 | 春季防治完成时间 | 2023年5月底前 | 2023年6月15日 | 10/8 | " + R08a + " |",
    "| | 成本指标 | 亩均防治成本 | ≤5.6元 | 5.5元 | 10/10 | |",
    "| 效益指标 | 生态效益指标 | 防治区植被盖度提高 | ≥3个百分点 | 3.2个百分点 | 15/15 | |",
    "| | 社会效益指标 | 受益牧户数 | ≥2400户 | 2260户 | 10/9.4 | " + R08a + " |",
    "| 满意度指标 | 服务对象满意度指标 | 牧户满意度 | ≥90% | 86% | 15/10.6 | " + R08c + " |",
    "| 合计 | | | | | 100/89.5 | 良 |",
    "",
    "填报人：才让措　　联系电话：0977-8226014",
    "",
])
write_text(F08, md08)
doc(F08, "text", [form(
    "self_evaluation", "海西州项目支出绩效自评表", 2023,
    project("草原鼠害绿色防控项目", department="海西州林业和草原局", implementer="海西州草原工作站",
            contact="才让措", phone="0977-8226014"),
    "万元",
    [fund("total", "年度资金总额", initial_budget=680 * W, adjusted_budget=680 * W, executed=612.4 * W,
          execution_rate=90.06, weight=10.0, score=9.0),
     fund("fiscal_superior", "其中：中央及省级资金", initial_budget=600 * W, adjusted_budget=600 * W,
          executed=548.2 * W, execution_rate=91.37),
     fund("fiscal_local", "州本级资金", initial_budget=80 * W, adjusted_budget=80 * W, executed=64.2 * W,
          execution_rate=80.25)],
    {"annual": GOAL08, "actual": ACT08},
    [ind("产出指标", "数量指标", "鼠害防治面积", V("≥120万亩", ">=", 120.0, "万亩"), V("108万亩", None, 108.0, "万亩"),
         15.0, 13.5, reason=R08a),
     ind("产出指标", "质量指标", "防治效果", V("≥85%", ">=", 85.0, "%"), V("82%", None, 82.0, "%"), 15.0, 14.0, reason=R08b),
     ind("产出指标", "时效指标", "春季防治完成时间", Q("2023年5月底前"), Q("2023年6月15日"), 10.0, 8.0, reason=R08a),
     ind("产出指标", "成本指标", "亩均防治成本", V("≤5.6元", "<=", 5.6, "元"), V("5.5元", None, 5.5, "元"), 10.0, 10.0),
     ind("效益指标", "生态效益指标", "防治区植被盖度提高", V("≥3个百分点", ">=", 3.0, "个百分点"),
         V("3.2个百分点", None, 3.2, "个百分点"), 15.0, 15.0),
     ind("效益指标", "社会效益指标", "受益牧户数", V("≥2400户", ">=", 2400.0, "户"), V("2260户", None, 2260.0, "户"),
         10.0, 9.4, reason=R08a),
     ind("满意度指标", "服务对象满意度指标", "牧户满意度", V("≥90%", ">=", 90.0, "%"), V("86%", None, 86.0, "%"),
         15.0, 10.6, reason=R08c)],
    total=89.5,
    extras={"自评等级": "良"},
)])
print("built", sorted(p.name for p in DOCS.iterdir() if p.is_file()))
