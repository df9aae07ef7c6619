"""The monthly report as a table (CSV, XLSX) and as a PDF with charts.

- The table has one row per figure: its code (the JSON path of
  ``courtapp report monthly --json``, e.g. ``listings_added.person``), its
  label in Chinese or English, and its value.
- CSV is UTF-8 with a byte-order mark, so that spreadsheet programs read the
  Chinese labels; XLSX (openpyxl) has the table and the 12-month trend.
- The PDF (A4) has the key figures, three charts drawn with ReportLab graphics
  — the 12-month trend of listings added against removed, the listed
  population split into persons and entities, and the outcome of the grace
  periods that ended — and the detailed tables.  Every string is set in the
  vendored Courtapp Serif SC font (``courtapp.core.documents.fonts``), embedded
  as a subset: no chart label, table cell or canvas default falls back to a
  base-14 font.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from courtapp.core.domain.listing import RemovalKind, RemovalReason, RestrictionItem
from courtapp.core.domain.petition import KINDS, PetitionKind
from courtapp.core.reports.monthly import MonthlyReport, TrendPoint

_ZH_NUM = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六"}

#: Labels of the fixed figures (en, zh).
LABELS: dict[str, tuple[str, str]] = {
    "listings_added.person": ("Listings added: natural persons", "新增失信被执行人：自然人"),
    "listings_added.entity": ("Listings added: entities", "新增失信被执行人：法人及其他组织"),
    "listings_removed.person": ("Listings removed: natural persons", "移出名单：自然人"),
    "listings_removed.entity": ("Listings removed: entities", "移出名单：法人及其他组织"),
    "listed_at_month_end.person": ("Listed at the month's end: natural persons", "月末在册：自然人"),
    "listed_at_month_end.entity": ("Listed at the month's end: entities", "月末在册：法人及其他组织"),
    "officers_bound.added": ("Officers of entities added, bound by their restriction",
                             "新增单位名单所约束的相关人员"),
    "officers_bound.at_month_end": ("Officers of listed entities bound at the month's end",
                                    "月末在册单位所约束的相关人员"),
    "petitions.received": ("Petitions received", "收到申请"),
    "petitions.decided": ("Petitions decided", "审结申请"),
    "petitions.late": ("Petitions decided late", "超期审结申请"),
    "performed_in_grace.warned": ("Warnings whose grace period ended", "宽限期届满的预警"),
    "performed_in_grace.performed": ("Of these, performed during the grace period",
                                     "其中宽限期内履行完毕"),
    "performed_in_grace_share": ("Share performed during the grace period", "宽限期内履行比例"),
    "warnings_in_grace_at_month_end": ("Warnings in their grace period at the month's end",
                                       "月末处于宽限期的预警"),
    "deletion_working_days.median": (
        "Median working days from proof of performance to deletion",
        "从履行证明到删除的工作日中位数"),
    "deletion_working_days.count": ("Deletions on performance", "因履行完毕删除"),
    "deletion_working_days.within_limit": ("Of these, within 3 working days", "其中三个工作日内删除"),
    "deletion_working_days.limit": ("Statutory limit in working days (2017 Art. 10)",
                                    "法定期限（工作日，2017年规定第十条）"),
    "listings_wrongful.revoked": ("Listings revoked as wrongful (Art. 9)", "错误纳入撤销（第九条）"),
    "listings_wrongful.corrected": ("Listings deleted on a correction application (Arts. 11-12)",
                                    "依纠正申请删除（第十一、十二条）"),
    "information_corrected": ("Entries whose information was corrected (Art. 11 item 2)",
                              "更正失信信息（第十一条第（二）项）"),
    "cases.filed": ("Cases filed", "新收执行案件"),
    "cases.closed": ("Cases closed (fully performed)", "执行完毕结案"),
}

REASON_LABELS: dict[str, tuple[str, str]] = {
    RemovalReason.PERFORMED.value: ("performed", "履行完毕"),
    RemovalReason.SETTLEMENT_PERFORMED.value: ("settlement performed", "和解协议履行完毕"),
    RemovalReason.CREDITOR_REQUEST.value: ("creditor's request", "申请执行人申请删除"),
    RemovalReason.NO_PROPERTY.value: ("no property found", "无可供执行财产"),
    RemovalReason.TERM_EXPIRED.value: ("term expired", "纳入期限届满"),
    RemovalReason.REVOKED.value: ("revoked: should not have been listed", "不应纳入，撤销"),
    RemovalReason.CORRECTED.value: ("corrected: should have been deleted", "依纠正申请删除"),
    "unspecified": ("reason not recorded", "未记录原因"),
}
KIND_LABELS: dict[str, tuple[str, str]] = {
    RemovalKind.DELETED.value: ("deleted", "删除"),
    RemovalKind.REVOKED.value: ("revoked", "撤销"),
    RemovalKind.EXPIRED.value: ("expired", "期限届满删除"),
    RemovalKind.CANCELLED.value: ("cancelled before publication", "宽限期内履行，不予公布"),
    "unspecified": ("kind not recorded", "未记录方式"),
}
#: Short names of the nine items of 2015 Provisions Art. 3.
ITEM_LABELS: dict[int, tuple[str, str]] = {
    RestrictionItem.TRAVEL_CLASS: ("air, soft sleeper, upper ship cabins", "飞机、软卧、轮船二等以上舱位"),
    RestrictionItem.STAR_VENUES: ("star-rated hotels, nightclubs, golf", "星级以上宾馆、夜总会、高尔夫"),
    RestrictionItem.REAL_ESTATE: ("real estate and building", "购买不动产、新建扩建装修房屋"),
    RestrictionItem.OFFICE_RENTAL: ("high-grade office rental", "租赁高档写字楼等办公"),
    RestrictionItem.VEHICLES: ("non-business vehicles", "购买非经营必需车辆"),
    RestrictionItem.TOURISM: ("tourism and holidays", "旅游、度假"),
    RestrictionItem.PRIVATE_SCHOOL: ("high-fee private schools", "子女就读高收费私立学校"),
    RestrictionItem.INSURANCE: ("high-premium insurance products", "高额保费保险理财产品"),
    RestrictionItem.HIGH_SPEED_RAIL: ("G-trains and first-class EMU", "G字头动车组、其他动车组一等座以上"),
}
_COUNT_LABELS = {"received": ("received", "收到"), "decided": ("decided", "审结"),
                 "late": ("decided late", "超期审结")}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang.startswith("zh") else pair[0]


def label(code: str, lang: str = "zh") -> str:
    """The label of one figure code in ``lang``."""
    zh = lang.startswith("zh")
    if code in LABELS:
        return _pick(LABELS[code], lang)
    parts = code.split(".")
    if parts[0] == "listings_added_by_ground":
        g = int(parts[1])
        return f"新增：第一条第（{_ZH_NUM[g]}）项情形" if zh else f"Added on ground ({g}) of Art. 1"
    if parts[0] == "listings_removed_by_reason":
        what = _pick(REASON_LABELS.get(parts[1], (parts[1], parts[1])), lang)
        return f"移出原因：{what}" if zh else f"Removed, reason: {what}"
    if parts[0] == "listings_removed_by_kind":
        what = _pick(KIND_LABELS.get(parts[1], (parts[1], parts[1])), lang)
        return f"移出方式：{what}" if zh else f"Removed, kind: {what}"
    if parts[0] == "restrictions":
        item = int(parts[2])
        what = _pick(ITEM_LABELS[item], lang)
        if parts[1] == "imposed":
            return f"限制消费第{item}项（{what}）：采取" if zh else f"Item {item} ({what}) imposed"
        return f"限制消费第{item}项（{what}）：解除" if zh else f"Item {item} ({what}) lifted"
    if parts[0] == "petitions_by_kind":
        info = KINDS[PetitionKind(parts[1])]
        count = _pick(_COUNT_LABELS[parts[2]], lang)
        return f"{info.label_zh}：{count}" if zh else f"{info.label_en}: {count}"
    return code


def table_rows(report: MonthlyReport) -> list[tuple[str, int | float | None]]:
    """Every figure as (code, value), in the report's order."""
    j = report.to_json()
    out: list[tuple[str, int | float | None]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else str(k), v)
        else:
            out.append((prefix, value))

    for key, value in j.items():
        if key in ("month", "court", "period", "generated_on"):
            continue
        walk(key, value)
    return out


def _month_title(report: MonthlyReport, lang: str) -> str:
    m = report.month
    if lang.startswith("zh"):
        return f"失信被执行人名单月度统计（{m.year}年{m.month}月）"
    return f"The list of dishonest judgment defaulters: monthly statistics, {date(m.year, m.month, 1):%B %Y}"


def _court_line(report: MonthlyReport, lang: str) -> str:
    if report.court is None:
        return "全部法院" if lang.startswith("zh") else "All courts in the database"
    name = report.court_name or ""
    return f"{name}（{report.court}）" if lang.startswith("zh") else f"{name} ({report.court})"


def _value_text(value: int | float | None, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}" if value > 1 else f"{value:.1%}"
    return f"{int(value):,}"


# ------------------------------------------------------------------ CSV, XLSX
def to_csv(report: MonthlyReport, lang: str = "zh") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["figure", "label", "value"] if not lang.startswith("zh") else ["指标代码", "指标", "数值"])
    w.writerow(["month", "统计月份" if lang.startswith("zh") else "month", str(report.month)])
    w.writerow(["court", "法院" if lang.startswith("zh") else "court", report.court or ""])
    for code, value in table_rows(report):
        w.writerow([code, label(code, lang), "" if value is None else value])
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx(report: MonthlyReport, trend: Sequence[TrendPoint], lang: str = "zh") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    zh = lang.startswith("zh")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "月度统计" if zh else "Monthly report"
    ws.append([_month_title(report, lang)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([_court_line(report, lang)])
    ws.append([])
    ws.append(["指标代码", "指标", "数值"] if zh else ["Figure", "Label", "Value"])
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for code, value in table_rows(report):
        ws.append([code, label(code, lang), value])
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 56
    ws.column_dimensions["C"].width = 12

    tr = wb.create_sheet("十二个月趋势" if zh else "12-month trend")
    tr.append(["月份", "新增自然人", "新增单位", "移出自然人", "移出单位", "月末在册自然人", "月末在册单位",
               "宽限期届满", "宽限期内履行"] if zh else
              ["Month", "Added persons", "Added entities", "Removed persons", "Removed entities",
               "Listed persons", "Listed entities", "Grace ended", "Performed in grace"])
    for cell in tr[1]:
        cell.font = Font(bold=True)
    for p in trend:
        tr.append([str(p.month), p.added["person"], p.added["entity"], p.removed["person"],
                   p.removed["entity"], p.listed_at_end["person"], p.listed_at_end["entity"],
                   p.warned, p.performed_in_grace])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ------------------------------------------------------------------ PDF
_BLUE, _ORANGE, _GREEN, _GREY = "#2f5d8a", "#d9822b", "#4c9a2a", "#9aa5b1"


def _charts(report: MonthlyReport, trend: Sequence[TrendPoint], lang: str,
            width: float) -> list[Any]:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.piecharts import Pie
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from courtapp.core.documents.fonts import BODY_FONT

    zh = lang.startswith("zh")
    months = [f"{p.month.month}月" if zh else f"{p.month.month:02d}/{p.month.year % 100:02d}"
              for p in trend]

    def bars(title: str, series: list[tuple[str, list[int], str]], *, stacked: bool) -> Drawing:
        d = Drawing(width, 200, initialFontName=BODY_FONT, initialFontSize=8)
        d.add(String(0, 186, title, fontName=BODY_FONT, fontSize=11))
        bc = VerticalBarChart()
        bc.x, bc.y, bc.width, bc.height = 36, 40, width - 50, 130
        bc.data = [values for _, values, _ in series]
        bc.categoryAxis.categoryNames = months
        for axis in (bc.categoryAxis.labels, bc.valueAxis.labels):
            axis.fontName = BODY_FONT
            axis.fontSize = 7
        bc.valueAxis.valueMin = 0
        top = max([sum(v) for v in zip(*bc.data, strict=True)] if stacked
                  else [max(v) for v in bc.data] + [0])
        bc.valueAxis.valueMax = max(4, int(top * 1.15) + 1)
        if stacked:
            bc.categoryAxis.style = "stacked"
        for i, (_, _, colour) in enumerate(series):
            bc.bars[i].fillColor = colors.HexColor(colour)
            bc.bars[i].strokeColor = None
        d.add(bc)
        lg = Legend()
        lg.fontName, lg.fontSize = BODY_FONT, 8
        lg.x, lg.y, lg.alignment = 40, 14, "right"
        lg.columnMaximum, lg.deltax = 1, 110
        lg.colorNamePairs = [(colors.HexColor(c), name) for name, _, c in series]
        d.add(lg)
        return d

    added = [p.added["person"] + p.added["entity"] for p in trend]
    removed = [p.removed["person"] + p.removed["entity"] for p in trend]
    one = bars("近十二个月新增与移出" if zh else "Added against removed, last 12 months",
               [("新增" if zh else "added", added, _BLUE),
                ("移出" if zh else "removed", removed, _ORANGE)], stacked=False)
    two = bars("月末在册：自然人与单位" if zh else "Listed at each month's end: persons and entities",
               [("自然人" if zh else "natural persons", [p.listed_at_end["person"] for p in trend], _BLUE),
                ("法人及其他组织" if zh else "entities", [p.listed_at_end["entity"] for p in trend],
                 _GREEN)], stacked=True)

    d = Drawing(width, 170, initialFontName=BODY_FONT, initialFontSize=8)
    d.add(String(0, 156, "本月宽限期届满的预警结果" if zh else "Outcome of the grace periods that ended this month",
                 fontName=BODY_FONT, fontSize=11))
    performed = report.performed_in_grace
    rest = report.warned - performed
    if report.warned:
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = 20, 10, 120, 120
        pie.data = [performed, rest] if rest else [performed]
        pie.labels = [str(v) for v in pie.data]
        pie.slices.fontName = BODY_FONT
        pie.slices.fontSize = 8
        pie.slices.strokeColor = colors.white
        pie.slices[0].fillColor = colors.HexColor(_GREEN)
        if rest:
            pie.slices[1].fillColor = colors.HexColor(_GREY)
        d.add(pie)
        lg = Legend()
        lg.fontName, lg.fontSize = BODY_FONT, 9
        lg.x, lg.y = 170, 100
        perf_text = (f"宽限期内履行完毕，不予公布：{performed}" if zh
                     else f"performed in grace, not published: {performed}")
        rest_text = (f"未履行，已公布或待公布：{rest}" if zh
                     else f"not performed, published or to publish: {rest}")
        lg.colorNamePairs = [(colors.HexColor(_GREEN), perf_text), (colors.HexColor(_GREY), rest_text)]
        d.add(lg)
        share = performed / report.warned
        d.add(String(170, 50, (f"履行比例 {share:.1%}" if zh else f"share performed: {share:.1%}"),
                     fontName=BODY_FONT, fontSize=10))
    else:
        d.add(String(20, 80, "本月没有宽限期届满的预警。" if zh else "No grace period ended this month.",
                     fontName=BODY_FONT, fontSize=10))
    return [one, two, d]


def to_pdf(report: MonthlyReport, trend: Sequence[TrendPoint], lang: str = "zh") -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from courtapp.core.documents.fonts import BODY_FONT, TITLE_FONT, covers, register_fonts

    register_fonts()
    zh = lang.startswith("zh")
    title_text = _month_title(report, lang)
    title_font = TITLE_FONT if covers(title_text, TITLE_FONT) else BODY_FONT
    wrap = "CJK" if zh else "LTR"
    title = ParagraphStyle("title", fontName=title_font, fontSize=16, leading=22, alignment=1,
                           wordWrap=wrap)
    body = ParagraphStyle("body", fontName=BODY_FONT, fontSize=9.5, leading=14, wordWrap=wrap)
    # A heading stays with what it heads: never alone at the foot of a page.
    head = ParagraphStyle("head", fontName=BODY_FONT, fontSize=12, leading=18, spaceBefore=8,
                          wordWrap=wrap, keepWithNext=1)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
        bottomMargin=16 * mm, title=title_text, author=report.court_name or "courtapp",
        creator="courtapp", initialFontName=BODY_FONT, initialFontSize=10,
        lang="zh-CN" if zh else "en")
    width = doc.width

    def para(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    def table(rows: list[tuple[str, int | float | None]]) -> Table:
        data = [[para(label(code, lang)), para(_value_text(v, lang))] for code, v in rows]
        t = Table(data, colWidths=[width * 0.8, width * 0.2])
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), BODY_FONT, 9.5),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b8c2cc")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white, colors.HexColor("#f2f5f8")]),
        ]))
        return t

    rows = dict(table_rows(report))

    def pick(*codes: str) -> list[tuple[str, int | float | None]]:
        return [(c, rows.get(c)) for c in codes]

    def section(prefix: str, *, nonzero: bool = False) -> list[tuple[str, int | float | None]]:
        return [(c, v) for c, v in rows.items() if c.startswith(prefix) and (v or not nonzero)]

    story: list[Any] = [
        para(title_text, title),
        para(_court_line(report, lang) + ("　统计期间：" if zh else " · period ")
             + f"{report.month.first.isoformat()} – {report.month.last.isoformat()}"),
        para(("制表日期：" if zh else "Made on ") + report.generated_on.isoformat()
             + ("。各项口径见 docs/statistics.md。" if zh else ". Definitions: docs/statistics.md.")),
        Spacer(1, 4 * mm),
        para("一、主要指标" if zh else "1. Key figures", head),
        table(pick("listings_added.person", "listings_added.entity", "listings_removed.person",
                   "listings_removed.entity", "listed_at_month_end.person",
                   "listed_at_month_end.entity", "officers_bound.added",
                   "officers_bound.at_month_end", "performed_in_grace.warned",
                   "performed_in_grace.performed", "performed_in_grace_share",
                   "deletion_working_days.median", "deletion_working_days.count",
                   "deletion_working_days.within_limit", "petitions.received",
                   "petitions.decided", "petitions.late", "listings_wrongful.revoked",
                   "listings_wrongful.corrected", "information_corrected", "cases.filed",
                   "cases.closed")),
        para("二、图表" if zh else "2. Charts", head),
        *_charts(report, trend, lang, width),
        para("三、明细" if zh else "3. Details", head),
        table(section("listings_added_by_ground.") + section("listings_removed_by_reason.")
              + section("listings_removed_by_kind.")),
        Spacer(1, 3 * mm),
        table(section("restrictions.")),
        Spacer(1, 3 * mm),
        table(section("petitions_by_kind.", nonzero=True)
              or [("petitions.received", rows.get("petitions.received"))]),
    ]
    doc.build(story)
    return buf.getvalue()


def render(report: MonthlyReport, trend: Sequence[TrendPoint], fmt: str, lang: str = "zh") -> bytes:
    """``fmt``: pdf, xlsx or csv."""
    if fmt == "pdf":
        return to_pdf(report, trend, lang)
    if fmt == "xlsx":
        return to_xlsx(report, trend, lang)
    if fmt == "csv":
        return to_csv(report, lang)
    raise ValueError(f"unknown report format {fmt!r}: pdf, xlsx or csv")


FORMATS = ("pdf", "xlsx", "csv")
