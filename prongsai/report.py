"""What the readiness check hands to people: the terminal text, the staff report page, the ITAS sheet.

Owns three outputs of one YearReport: the text `check` prints (pass or fail
per item, each failing element with the line to fix, the projected score
beside the agency's real result), the staff report (an HTML page written
outside the public site), and the CSV the agency pastes into ITAS (UTF-8 with
a byte-order mark so Excel shows the Thai).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from . import thai
from .validated import Site
from .problems import ERROR
from .readiness import DUE_LATER, YearReport
from .templating import make_environment


def _item_lines(result, shown: set) -> list[str]:
    """An item's verdict, then each element with problems; a problem already printed for an earlier element of the
    item (one missing field that several elements need) is pointed at, not repeated."""
    item = result.entry.item
    if result.state == DUE_LATER:
        return [f"ยังไม่ถึงกำหนด [DUE] {item.code:<4} {item.name_th}: ยังไม่ได้เขียน ต้องเผยแพร่ภายใน {thai.format_date(result.due)} | "
                f"not written yet, due by {thai.be_iso(result.due)} BE ({result.entry.source or 'no file yet'})"]
    status = "ผ่าน    [OK]  " if result.passed else "ไม่ผ่าน [FAIL]"
    lines = [f"{status} {item.code:<4} {item.name_th}"]
    for element in result.elements:
        if not element.problems:
            continue
        kind = "องค์ประกอบ" if not element.passed else "คำแนะนำ" + (" (ความมั่นใจต่ำ)" if element.element.confidence == "L" else "")
        lines.append(f"      {kind}: {element.element.th} [{element.element.confidence}]")
        if element.element.note_th:
            lines.append(f"      หมายเหตุ: {element.element.note_th}")
        for problem in element.problems:
            key = (problem.location, problem.en)
            if key in shown:
                lines.append(f"      {problem.location}: ดูข้อผิดพลาดเดียวกันข้างบน | the same problem as above")
                continue
            shown.add(key)
            lines += ["      " + line for line in problem.format().split("\n")]
    return lines


def _range(low: float, high: float) -> str:
    return f"{low:.2f}" if abs(high - low) < 0.005 else f"{low:.2f}–{high:.2f}"


def score_lines(report: YearReport, site: Site) -> list[str]:
    """The projection, always called an estimate and given as a range, beside the real result when site.yaml has it."""
    real = site.real_result(report.year.fiscal_year)
    lines = ["คะแนนประมาณการจากข้อมูลในเว็บไซต์ (ไม่ใช่ผลการประเมินจริง) | projected score, an estimate:"]
    for indicator in report.indicators:
        actual = real and real.get(f"indicator_{indicator.number}")
        beside = f"   (ผลจริง ITA {report.year.fiscal_year}: {actual:.2f})" if actual is not None else ""
        lines.append(f"  ตัวชี้วัดที่ {indicator.number} {indicator.name_th}: {_range(*indicator.range)}{beside}")
        lines += [f"      {g.id} {g.name_th}: ผ่าน {g.passed}/{g.total}" for g in indicator.groups]
    real_oit = (real["indicator_9"] + real["indicator_10"]) / 2 if real else None
    beside = f"   (ผลจริง: {real_oit:.2f})" if real_oit is not None else ""
    lines.append(f"  OIT (ค่าเฉลี่ยตัวชี้วัดที่ 9 และ 10): {_range(*report.oit_range)}{beside}")
    lines += [
        "  เป็นช่วงเพราะยังไม่ทราบว่าแต่ละข้ออยู่ในตัวชี้วัดย่อยใด: การจัดกลุ่มที่มีไม่ให้คะแนนจริงของหน่วยงานตัวอย่าง (72.00)",
        "  ค่าต่ำสุดคือข้อที่ยังไม่พร้อมอยู่ในกลุ่มเล็กที่สุด ค่าสูงสุดคืออยู่ในกลุ่มใหญ่ที่สุด | a range, because which sub-indicator",
        "  each item belongs to is not known: no grouping found reproduces a real agency's score (72.00)",
    ]
    return lines


def provisional_lines(report: YearReport) -> list[str]:
    """Said first when the year's criteria are not published yet, and which year's stand in for them."""
    framework = report.year.framework
    if framework.provisional_from is None:
        return []
    return [f"คำเตือน: {framework.staff_note_th}", f"warning: {framework.staff_note_en}", ""]


def check_text(report: YearReport, site: Site) -> str:
    """Everything `python build.py check` prints."""
    as_of = report.as_of
    head = (f"ตรวจความพร้อม ITA ปีงบประมาณ {report.year.fiscal_year} ณ วันที่ {thai.format_date(as_of)} "
            f"(as of {thai.be_iso(as_of)} BE)")
    lines, shown = [head, ""] + provisional_lines(report), set()
    for result in report.items.values():
        lines += _item_lines(result, shown)
    lines += [""] + score_lines(report, site) + ["", report.summary_line()]
    return "\n".join(lines)


def failing_count(report: YearReport) -> int:
    return sum(1 for r in report.items.values() for p in r.problems if p.severity == ERROR)


def write_staff_report(report: YearReport, site: Site, templates: Path, target: Path, command: str = "python build.py") -> None:
    """The staff report page: the 28 items red or green, each failing element and what to do."""
    env = make_environment(templates, "arabic")
    html = env.get_template("readiness.html").render(report=report, site=site, score_lines=score_lines(report, site),
                                                      provisional=provisional_lines(report), command=command)
    target.write_text(html, encoding="utf-8", newline="\n")


def explanation(entry, site: Site, complete: bool) -> str:
    """The sentence an agency pastes into ITAS: where on the main website the evidence is."""
    path = " > ".join(entry.click_path)
    shows = f" ซึ่งแสดงองค์ประกอบครบ {len(entry.item.elements)} รายการ พร้อมเอกสารประกอบ" if complete else ""
    return (f"{site.settings['name_th']} เผยแพร่ข้อ {entry.item.code} {entry.item.name_th} ปีงบประมาณ พ.ศ. {entry.fiscal_year} "
            f"บนเว็บไซต์หลักของหน่วยงาน เข้าถึงได้จาก {path}{shows}")


def itas_csv(report: YearReport, site: Site) -> str:
    """The ITAS sheet as text: item, Thai name, URL on the public base URL, explanation."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["ข้อ", "ชื่อข้อ", "มี/ไม่มี", "URL", "คำอธิบาย"])
    for code, result in report.items.items():
        entry = result.entry
        writer.writerow([code, entry.item.name_th, "มี" if result.passed else "ไม่มี",
                         site.public_url(entry.path), explanation(entry, site, result.passed)])
    return buffer.getvalue()


def write_itas_csv(report: YearReport, site: Site, target: Path) -> None:
    # UTF-8 with a byte-order mark: Excel on a Thai Windows PC then reads the Thai right.
    target.write_text(itas_csv(report, site), encoding="utf-8-sig", newline="")
