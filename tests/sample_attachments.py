"""Generate every attachment of the sample site under content/ (PDF, JPG, PNG, XLSX).

The sample content is องค์การบริหารส่วนตำบลดงเมือง, fiscal years 2568, 2569 and 2570 (as
on 2 December 2569). The YAML and Markdown files in content/ are written by hand; this script
reads them and makes the files they point to (each later year's own documents are drawn up in
tests/sample_attachments_<year>.py, with the helpers of this module; the attachments
`new-year 2570` carried over are copied from 2569's):

* PDFs: a small Thai HTML document per file, printed by headless Chromium with
  the TLWG fonts (Laksaman), then made byte-stable (fixed creation dates).
* JPEGs: illustrated, clearly non-photographic avatars and activity "photos"
  drawn with Pillow, each labelled as a sample picture.
* PNGs: the agency logo, the O1 organisation chart and the O3 location map.
* XLSX: the monthly procurement table (2568 O12, 2569 and 2570 O11) in the NACC 16-column
  layout (openpyxl), re-zipped with fixed timestamps.

Run from the repository root:  .venv/bin/python tests/sample_attachments.py
Reruns produce byte-identical files. At the end every file named in content/
is checked to exist, and every generated file to be named somewhere.
"""

from __future__ import annotations

import hashlib
import html
import io
import posixpath
import random
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import markdown
import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from PIL import Image, ImageDraw, ImageFont, features

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
ITA = CONTENT / "ita" / "2568"
#: The years whose organisation chart and executives' portraits are drawn (2570 carries 2569's over, see CARRIED).
YEARS = (2568, 2569)
FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

AGENCY = "องค์การบริหารส่วนตำบลดงเมือง"
PLACE = "อำเภอโนนสำราญ จังหวัดกาฬสินธุ์"
NAYOK = ("นายประสิทธิ์ คำภูแก้ว", "นายกองค์การบริหารส่วนตำบลดงเมือง")
PALAD = ("นางวิไลวรรณ ทองมา", "ปลัดองค์การบริหารส่วนตำบลดงเมือง")
SARABAN = "saraban@dongmueang.go.th"
SAMPLE_NOTE = "เอกสารตัวอย่างเพื่อสาธิตระบบเว็บไซต์ – ชื่อบุคคลและตัวเลขเป็นข้อมูลสมมุติ"
FIXED_TIME = datetime(2025, 9, 30, 9, 0, 0)
FIXED_PDF_DATE = b"D:20250930090000"

MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
          "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
STATUS = {"planned": "อยู่ระหว่างระยะสัญญา", "signed": "ลงนามในสัญญาแล้ว",
          "completed": "สิ้นสุดระยะสัญญา", "cancelled": "ยกเลิกการดำเนินการ"}
METHOD = {"specific": "เฉพาะเจาะจง", "e_bidding": "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
          "e_market": "ตลาดอิเล็กทรอนิกส์ (e-market)", "selection": "คัดเลือก", "other": "อื่น ๆ"}
PROJECT_STATUS = {"not_started": "ยังไม่ดำเนินการ", "in_progress": "อยู่ระหว่างดำเนินการ",
                  "done": "ดำเนินการแล้วเสร็จ", "cancelled": "ยกเลิก"}


# ---------------------------------------------------------------- small helpers

def esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def th_date(be: str) -> str:
    """2567-10-01 -> 1 ตุลาคม 2567"""
    year, month, day = be.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def th_month(be: str) -> str:
    """2567-10 -> ตุลาคม 2567"""
    year, month = be.split("-")[:2]
    return f"{MONTHS[int(month) - 1]} {year}"


def baht(value: object) -> str:
    return f"{Decimal(str(value)):,.2f}"


def load(code: str, year: int = 2568) -> dict:
    """An item's YAML with every scalar kept as text (dates stay Buddhist-era strings)."""
    text = (CONTENT / "ita" / str(year) / f"{code}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.BaseLoader)


def body_of(code: str, year: int = 2568) -> str:
    """The Markdown text beside an item's YAML."""
    return (CONTENT / "ita" / str(year) / f"{code}.md").read_text(encoding="utf-8")


def seeded(name: str) -> random.Random:
    return random.Random(int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:12], 16))


def font(size: int, bold: bool = False, family: str = "Loma") -> ImageFont.FreeTypeFont:
    path = FONT_DIR / f"{family}{'-Bold' if bold else ''}.ttf"
    layout = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(path), size, layout_engine=layout)


def save_jpeg(image: Image.Image, path: Path, limit: int = 60_000) -> None:
    """Save as JPEG under `limit` bytes, lowering the quality until it fits."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for quality in (66, 58, 50, 42):
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True)
        if buffer.tell() <= limit:
            break
    path.write_bytes(buffer.getvalue())


def save_png(image: Image.Image, path: Path, colours: int = 64) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if image.mode == "RGBA":
        image.save(path, "PNG", optimize=True)
        return
    quantized = image.convert("RGB").quantize(colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    quantized.save(path, "PNG", optimize=True)


# ---------------------------------------------------------------- HTML documents

CSS = """
@page { size: A4 %(orient)s; margin: 15mm 16mm 17mm 20mm;
        @bottom-center { content: "%(note)s"; font-family: "Laksaman", serif; font-size: 9.5pt; color: #888; } }
body { font-family: "Laksaman", serif; font-size: %(size)s; line-height: 1.32; color: #111; }
.head { text-align: center; margin-bottom: 4px; }
.agency { font-size: 13pt; color: #333; }
h1 { font-size: 20pt; font-weight: normal; text-align: center; margin: 4px 0 2px; }
.sub { text-align: center; margin: 0 0 8px; }
h2 { font-size: 16.5pt; font-weight: normal; color: #173d6b; margin: 12px 0 3px; border-bottom: 0.8px solid #9ab; }
h3, h4 { font-size: 15.5pt; font-weight: normal; color: #173d6b; margin: 8px 0 2px; }
b, strong, th, tr.total td { font-weight: normal; }
p { margin: 3px 0; text-indent: 2.2em; }
p.noindent, li p { text-indent: 0; }
ul, ol { margin: 2px 0 4px; padding-left: 1.6em; }
table { border-collapse: collapse; width: 100%%; font-size: %(table)s; margin: 4px 0 8px; }
th, td { border: 0.8px solid #444; padding: 2px 5px; vertical-align: top; }
th { background: #e9eef5; }
tr { page-break-inside: avoid; }
td.n { text-align: right; white-space: nowrap; }
td.c, th.c { text-align: center; }
tr.total td { background: #eef0f2; }
.sign { margin: 22px 0 0 48%%; text-align: center; page-break-inside: avoid; }
.sign svg { display: block; margin: 0 auto -4px; }
.box { border: 1px solid #555; padding: 6px 10px; margin: 6px 0; }
.pb { page-break-before: always; }
@page wide { size: A4 landscape; }
.wide { page: wide; font-size: 13pt; }
.org { display: flex; flex-direction: column; align-items: center; gap: 2px; font-size: 12pt; line-height: 1.2; }
.org .row { display: flex; gap: 8px; justify-content: center; width: 100%%; color: #666; }
.org .u { border: 1.2px solid #1d4e89; border-radius: 4px; padding: 3px 6px; text-align: center;
          background: #f1f6fc; color: #111; }
.org .p { border-color: #8a5a00; background: #fff6e5; }
"""


LOGO_SVG = ('<svg width="56" height="56" viewBox="0 0 512 512">'
            '<circle cx="256" cy="256" r="241" fill="#14532d" stroke="#d4af37" stroke-width="14"/>'
            '<circle cx="256" cy="256" r="204" fill="#f5f0dc"/>'
            '<polygon points="256,84 186,196 326,196" fill="#22783c"/><polygon points="256,130 166,262 346,262" fill="#2e8b57"/>'
            '<rect x="242" y="262" width="28" height="30" fill="#6e461e"/>'
            '<rect x="136" y="292" width="240" height="22" fill="#b03030"/>'
            '<rect x="150" y="314" width="36" height="46" fill="#b03030"/>'
            '<rect x="238" y="314" width="36" height="46" fill="#b03030"/>'
            '<rect x="326" y="314" width="36" height="46" fill="#b03030"/></svg>')


def scribble(name: str) -> str:
    """A signature-like squiggle (inline SVG), always the same for the same name."""
    rng = seeded("sig" + name)
    x, y = 8.0, 26.0
    points = [f"M{x:.0f} {y:.0f}"]
    for _ in range(7):
        x += rng.uniform(14, 24)
        points.append(f"Q{x - 8:.0f} {rng.uniform(2, 12):.0f} {x:.0f} {rng.uniform(20, 36):.0f}")
    points.append(f"M{rng.uniform(20, 40):.0f} 33 L{x + 6:.0f} {rng.uniform(14, 22):.0f}")
    return (f'<svg width="{x + 14:.0f}" height="40" viewBox="0 0 {x + 14:.0f} 40">'
            f'<path d="{" ".join(points)}" fill="none" stroke="#1f3a8a" stroke-width="1.6"/></svg>')


def signature(name: str, position: str, date_be: str | None, verb: str = "") -> str:
    dated = f"<br>{verb or 'ลงวันที่'} {th_date(date_be)}" if date_be else ""
    return f'<div class="sign">{scribble(name)}(ลงชื่อ)<br>({esc(name)})<br>{esc(position)}{dated}</div>'


def sign_of(entry: dict, verb: str = "") -> str:
    """The signature block of a YAML `document` entry."""
    if not entry.get("signed_by"):
        return ""
    position = entry.get("signer_position") or NAYOK[1]
    return signature(entry["signed_by"], position, entry.get("signed_on"), verb)


def page(title: str, body: str, *, sub: str = "", landscape: bool = False) -> str:
    """A whole HTML document: agency header, title, body, and the sample-data footer."""
    css = CSS % {"orient": "landscape" if landscape else "portrait", "size": "14pt" if landscape else "15.5pt",
                 "table": "11.5pt" if landscape else "13pt", "note": SAMPLE_NOTE}
    sub_html = f'<div class="sub">{sub}</div>' if sub else ""
    return (f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f"<style>{css}</style></head><body>"
            f'<div class="head">{LOGO_SVG}<div class="agency">{AGENCY} {PLACE}</div></div>'
            f"<h1>{esc(title)}</h1>{sub_html}{body}</body></html>")


def para(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def bullets(items: list, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{esc(i)}</li>" for i in items) + f"</{tag}>"


def table(headers: list, rows: list, num_cols: tuple = (), total: list | None = None, widths: tuple = ()) -> str:
    """A bordered table; columns in num_cols are right-aligned; widths are percentages."""
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    layout = ' style="table-layout:fixed"' if widths else ""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join(_row(r, num_cols) for r in rows)
    foot = _row(total, num_cols, ' class="total"') if total else ""
    return f"<table{layout}><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}{foot}</tbody></table>"


def _row(cells: list, num_cols: tuple, attr: str = "") -> str:
    return f"<tr{attr}>" + "".join(
        f'<td class="{"n" if i in num_cols else ""}">{esc(c)}</td>' for i, c in enumerate(cells)) + "</tr>"


def md(text: str, shift: int = 0) -> str:
    """Markdown to HTML; shift moves every heading down that many levels."""
    if shift:
        text = re.sub(r"^(#+) ", lambda m: "#" * (len(m.group(1)) + shift) + " ", text, flags=re.MULTILINE)
    return markdown.markdown(text, extensions=["tables"])


# ---------------------------------------------------------------- O1–O7

def at(rel: str, year: int = 2568) -> str:
    """A path written in an item YAML of that year, as a path under content/."""
    return posixpath.normpath(f"ita/{year}/{rel}")


def own(rel: str) -> bool:
    """Whether a path written in an item YAML is that year's own file (not one of an earlier year, ../2568/…)."""
    return not rel.startswith("../")


def short(text: str) -> str:
    text = text.replace("องค์การบริหารส่วนตำบลดงเมือง", " อบต.").replace("องค์การบริหารส่วนตำบล", " อบต.")
    return re.sub(r"\s+", " ", text).strip().split(" (")[0]


def unit_box(title: str, who: str, political: bool = False, width: int = 30) -> str:
    kind = "u p" if political else "u"
    return f'<div class="{kind}" style="width:{width}%">{esc(title)}<br>{esc(who)}</div>'


def o1_docs(year: int = 2568) -> dict:
    data = load("O1", year)
    pol = data["political"]
    perm = data["permanent"]
    arrow = '<div class="row">▼</div>'
    council = unit_box("สภา อบต.ดงเมือง", f"ประธานสภา {pol[4]['holder']} / สมาชิก 12 คน", True)
    body = ('<div class="org">'
            f'<div class="row">{council}'
            f'<span style="align-self:center">—</span>{unit_box(short(pol[0]["position"]), pol[0]["holder"], True)}</div>{arrow}'
            '<div class="row">' + "".join(unit_box(short(p["position"]), p["holder"], True, 24) for p in pol[1:4])
            + f"</div>{arrow}"
            f'<div class="row">{unit_box(short(perm[0]["unit"]), perm[0]["head"])}<span style="align-self:center">—</span>'
            f'{unit_box(perm[-1]["unit"], short(perm[-1]["head"]), width=24)}</div>{arrow}'
            f'<div class="row">{unit_box(short(perm[1]["unit"]), perm[1]["head"])}</div>{arrow}'
            '<div class="row">' + "".join(unit_box(u["unit"], short(u["head"]), width=18) for u in perm[2:-1]) + "</div></div>")
    tasks = "".join(f"<h3>{esc(u['unit'])}</h3>{bullets(u.get('tasks', []))}" for u in perm[2:])
    body += (f'<h2 class="pb">คำอธิบายแผนผัง</h2>{para(esc(data["chart_description"]).replace(chr(10), "<br>"))}'
             f"<h2>งานในความรับผิดชอบของส่วนราชการ</h2>{tasks}{sign_of(data['chart_document'], 'ประกาศ ณ วันที่')}")
    return {at(data["chart_document"]["file"], year): page(data["chart_document"]["title"], body, landscape=True)}


STRATEGY_PROJECTS = [
    ("ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "1", (2500000, 2400000, 2500000, 2600000, 2600000)),
    ("ซ่อมแซมถนนลูกรังและถนนดิน", "1", (400000, 450000, 450000, 500000, 500000)),
    ("ขยายเขตประปาหมู่บ้านและไฟฟ้าส่องสว่าง", "1", (600000, 650000, 650000, 700000, 700000)),
    ("ขุดลอกแหล่งน้ำเพื่อการเกษตร", "2", (700000, 800000, 480000, 900000, 900000)),
    ("ส่งเสริมกลุ่มอาชีพ", "2", (60000, 60000, 30000, 60000, 60000)),
    ("เบี้ยยังชีพผู้สูงอายุและคนพิการ", "3", (15200000, 15900000, 16360000, 16900000, 17400000)),
    ("ป้องกันและควบคุมโรคติดต่อ", "3", (90000, 100000, 105000, 110000, 110000)),
    ("ป้องกันและบรรเทาสาธารณภัย", "3", (150000, 150000, 160000, 170000, 170000)),
    ("อาหารเสริม (นม) และอาหารกลางวัน", "4", (1700000, 1750000, 1805000, 1850000, 1900000)),
    ("งานประเพณีและวัฒนธรรมท้องถิ่น", "4", (150000, 150000, 125000, 150000, 150000)),
    ("จัดการขยะและธนาคารขยะชุมชน", "5", (250000, 250000, 260000, 280000, 280000)),
    ("ปลูกและดูแลป่าชุมชน", "5", (20000, 20000, 20000, 25000, 25000)),
    ("ประชาคมและการมีส่วนร่วมของประชาชน", "6", (20000, 20000, 20000, 25000, 25000)),
    ("อบรมคุณธรรมจริยธรรมและป้องกันการทุจริต", "6", (30000, 30000, 30000, 30000, 30000)),
]


def o5_docs() -> dict:
    data = load("O5")
    rows = [[s["name"], "\n".join(s.get("goals", [])), "\n".join(s.get("indicators", []))] for s in data["strategies"]]
    years = ["2566", "2567", "2568", "2569", "2570"]
    money_rows = [[name, f"ยุทธศาสตร์ที่ {s}"] + [baht(v) for v in values] for name, s, values in STRATEGY_PROJECTS]
    body = (para(f"{AGENCY} จัดทำแผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนา"
                 "ขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 และที่แก้ไขเพิ่มเติม โดยผ่านเวทีประชาคมหมู่บ้าน 12 หมู่บ้าน "
                 "ประชาคมตำบล คณะกรรมการพัฒนาท้องถิ่น และคณะกรรมการสนับสนุนการจัดทำแผนพัฒนาท้องถิ่น")
            + f"<h2>ส่วนที่ 1 วิสัยทัศน์</h2>{para(esc(data['vision']))}"
            + "<h2>ส่วนที่ 2 ยุทธศาสตร์ เป้าหมาย และตัวชี้วัด</h2>"
            + table(["ยุทธศาสตร์", "เป้าหมาย", "ตัวชี้วัด"], rows).replace("\n", "<br>")
            + '<h2 class="pb">ส่วนที่ 3 บัญชีสรุปงบประมาณตามแผนงานหลัก (บาท)</h2>'
            + table(["แผนงาน/โครงการ", "ยุทธศาสตร์", *years], money_rows, num_cols=(2, 3, 4, 5, 6))
            + "<h2>ส่วนที่ 4 การติดตามและประเมินผล</h2>"
            + para("คณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่นติดตามผลอย่างน้อยปีละ 1 ครั้ง และรายงานผลต่อผู้บริหาร "
                   "สภาท้องถิ่น และประกาศให้ประชาชนทราบภายในเดือนธันวาคมของทุกปี")
            + sign_of(data["plan"], "ประกาศ ณ วันที่"))
    docs = {at(data["plan"]["file"]): page(data["plan"]["title"], body)}
    for entry, rows in zip(data["amendments"], (AMEND_ADD, AMEND_FIX)):
        docs[at(entry["file"])] = amendment_page(entry, rows)
    return docs


AMEND_ADD = [
    ["ยุทธศาสตร์ที่ 1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านดงเมือง–บ้านโคกกลาง หมู่ที่ 1", "2568", "1,250,000.00",
     "ประชาคมหมู่บ้านเสนอเพิ่ม"],
    ["ยุทธศาสตร์ที่ 1", "ติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์ หมู่ที่ 2, 4, 8", "2568", "300,000.00", "จุดเสี่ยงอุบัติเหตุ"],
    ["ยุทธศาสตร์ที่ 3", "จัดซื้อเครื่องออกกำลังกายกลางแจ้ง บ้านโคกกลาง หมู่ที่ 3", "2568", "150,000.00", "กลุ่มผู้สูงอายุเสนอ"],
]
AMEND_FIX = [
    ["ยุทธศาสตร์ที่ 2", "ขุดลอกหนองสิม หมู่ที่ 9", "เดิม 2569 แก้ไขเป็น 2568", "480,000.00",
     "ประชาคมตำบลจัดให้เป็นลำดับแรก (ภัยแล้ง)"],
    ["ยุทธศาสตร์ที่ 1", "ขยายเขตท่อเมนประปาหมู่บ้าน บ้านหนองแวง หมู่ที่ 7", "เดิม 300,000 แก้ไขเป็น 350,000 บาท",
     "350,000.00", "ปรับตามราคากลางใหม่"],
]


def amendment_page(entry: dict, rows: list) -> str:
    body = (para(f"เพื่อให้แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) สอดคล้องกับความต้องการของประชาชนและสถานการณ์ปัจจุบัน "
                 f"{AGENCY} จึงจัดทำ{esc(entry['title'])} โดยผ่านความเห็นชอบของคณะกรรมการพัฒนาท้องถิ่น ดังรายการต่อไปนี้")
            + table(["ยุทธศาสตร์", "โครงการ", "ปีที่ดำเนินการ/รายการที่แก้ไข", "งบประมาณ (บาท)", "เหตุผล"], rows, num_cols=(3,))
            + sign_of(entry, "ประกาศ ณ วันที่"))
    return page(entry["title"], body)


BUDGET_SECTIONS = [
    ("งบกลาง (รวมเบี้ยยังชีพผู้สูงอายุ คนพิการ และเงินสำรองจ่าย)", 18160000),
    ("งบบุคลากร (เงินเดือนและค่าจ้าง)", 17846000),
    ("งบดำเนินงาน (ค่าตอบแทน ใช้สอย วัสดุ สาธารณูปโภค)", 9164000),
    ("งบลงทุน (ครุภัณฑ์ ที่ดินและสิ่งก่อสร้าง)", 5260000),
    ("งบเงินอุดหนุน (อาหารกลางวันโรงเรียน องค์กรและหน่วยงานอื่น)", 2370000),
]


def o6_docs() -> dict:
    data = load("O6")
    projects = data["projects"]
    plan_rows = [[i, p["name"], p.get("unit", ""), p.get("period", ""), baht(p["budget"])] for i, p in enumerate(projects, 1)]
    plan_total = sum(Decimal(p["budget"]) for p in projects)
    plan_body = (para("แผนการดำเนินงานฉบับนี้แสดงโครงการและกิจกรรมที่ดำเนินการจริงในปีงบประมาณ พ.ศ. 2568 "
                      "ตามข้อบัญญัติงบประมาณรายจ่ายประจำปี เพื่อใช้เป็นเครื่องมือในการบริหาร ติดตาม และประเมินผล")
                 + table(["ที่", "โครงการ/กิจกรรม", "หน่วยงานรับผิดชอบ", "ระยะเวลา", "งบประมาณ (บาท)"], plan_rows,
                         num_cols=(4,), total=["", "รวม", "", "", baht(plan_total)])
                 + sign_of(data["plan"], "ประกาศ ณ วันที่"))
    docs = {at(data["plan"]["file"]): page(data["plan"]["title"], plan_body)}
    docs[at(data["budget_ordinance"]["file"])] = ordinance_page(data["budget_ordinance"])
    docs[at(data["progress_report"]["file"])] = progress_page(data)
    return docs


def ordinance_page(entry: dict) -> str:
    rows = [[name, baht(v)] for name, v in BUDGET_SECTIONS]
    total = sum(v for _, v in BUDGET_SECTIONS)
    body = (para("โดยที่เป็นการสมควรตั้งงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568 อาศัยอำนาจตามความในพระราชบัญญัติ"
                 "สภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 และที่แก้ไขเพิ่มเติม มาตรา 87 จึงตราข้อบัญญัติขึ้นไว้โดย"
                 "ความเห็นชอบของสภาองค์การบริหารส่วนตำบลดงเมือง และโดยอนุมัติของนายอำเภอโนนสำราญ ดังต่อไปนี้")
            + bullets(["ข้อ 1 ข้อบัญญัตินี้เรียกว่า ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568",
                       "ข้อ 2 ข้อบัญญัตินี้ให้ใช้บังคับตั้งแต่วันที่ 1 ตุลาคม 2567 เป็นต้นไป",
                       f"ข้อ 3 งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568 เป็นจำนวนรวมทั้งสิ้น {total:,} บาท",
                       "ข้อ 4 ให้นายกองค์การบริหารส่วนตำบลดงเมืองปฏิบัติการเบิกจ่ายเงินงบประมาณที่ได้รับอนุมัติ"
                       "ให้เป็นไปตามระเบียบ"])
            + table(["งบรายจ่าย", "จำนวนเงิน (บาท)"], rows, num_cols=(1,), total=["รวม", baht(total)])
            + sign_of(entry, "ประกาศ ณ วันที่")
            + para("อนุมัติ (ลงชื่อ) นายอำเภอโนนสำราญ วันที่ 11 กันยายน 2567"))
    return page(entry["title"], body)


def progress_page(data: dict) -> str:
    entry = data["progress_report"]
    rows, budget, paid = [], Decimal(0), Decimal(0)
    for i, p in enumerate(data["projects"], 1):
        rows.append([i, p["name"], PROJECT_STATUS[p["status"]], baht(p["budget"]), baht(p.get("disbursed", 0))])
        budget += Decimal(p["budget"])
        paid += Decimal(p.get("disbursed", "0"))
    counts = {k: sum(1 for p in data["projects"] if p["status"] == k) for k in PROJECT_STATUS}
    summary = ", ".join(f"{PROJECT_STATUS[k]} {v} โครงการ" for k, v in counts.items())
    body = (para(f"ข้อมูล ณ วันที่ {th_date(data['progress_as_of'])} ({summary})",
                 "การเบิกจ่ายงบประมาณภาพรวมทั้งข้อบัญญัติ 21,964,800 บาท จากงบประมาณ 52,800,000 บาท คิดเป็นร้อยละ 41.6")
            + table(["ที่", "โครงการ", "สถานะ", "งบประมาณ (บาท)", "เบิกจ่ายแล้ว (บาท)"], rows, num_cols=(3, 4),
                    total=["", "รวมโครงการในรายงาน", "", baht(budget), baht(paid)])
            + "<h2>ปัญหาและแนวทางแก้ไข</h2>"
            + bullets(["โครงการก่อสร้างถนน คสล. หมู่ที่ 1 ลงนามสัญญาเดือนมีนาคม 2568 จะเบิกจ่ายได้เมื่อส่งมอบงาน",
                       "โครงการเครื่องออกกำลังกายกลางแจ้งยกเลิก เพื่อโอนงบประมาณไปแก้ไขปัญหาภัยแล้ง",
                       "เร่งรัดโครงการขุดลอกแหล่งน้ำให้เสร็จก่อนฤดูฝน"])
            + sign_of(entry, "รายงาน ณ วันที่"))
    return page(entry["title"], body)


def annual_report_page(code: str, intro: str, year: int = 2568) -> dict:
    """2568 O7, O15, O24, O26, O28 (2569 O7, O14, O22, O24, O26): results, budget, problems and suggestions of a year."""
    data = load(code, year)
    entry = data["report"]
    rows = [[r["topic"], r.get("target", ""), r.get("result", ""),
             baht(r["budget"]) if "budget" in r else "-", baht(r["spent"]) if "spent" in r else "-"]
            for r in data.get("results", [])]
    total = (["รวม", "", "", baht(data["budget_total"]), baht(data["spent_total"])]
             if "budget_total" in data else None)
    body = (para(intro)
            + "<h2>1. ผลการดำเนินงาน</h2>"
            + table(["โครงการ/เรื่อง", "เป้าหมาย", "ผลการดำเนินงาน", "งบประมาณ (บาท)", "ใช้จริง (บาท)"], rows,
                    num_cols=(3, 4), total=total)
            + "<h2>2. ปัญหาและอุปสรรค</h2>" + bullets(data.get("problems", ["ไม่มี"]))
            + "<h2>3. ข้อเสนอแนะ</h2>" + bullets(data.get("suggestions", ["ไม่มี"]))
            + sign_of(entry, "รายงาน ณ วันที่"))
    fy = int(data["covers_fy"])
    return {at(entry["file"], year): page(entry["title"], body, sub=f"ระหว่างวันที่ 1 ตุลาคม {fy - 1} – 30 กันยายน {fy}")}


def report_docs() -> dict:
    docs = {}
    docs.update(annual_report_page("O7", f"{AGENCY} รายงานผลการดำเนินงานตามแผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) ประจำปีงบประมาณ "
                                   "พ.ศ. 2567 ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น "
                                   "โดยคณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่นได้ติดตามผลแล้ว ดังนี้"))
    docs.update(annual_report_page("O15", "รายงานผลการดำเนินการตามแผนอัตรากำลัง 3 ปี และแผนพัฒนาบุคลากร ในปีงบประมาณ พ.ศ. 2567 "
                                   "ครอบคลุมการวางแผนกำลังคน การสรรหา การพัฒนา การประเมินผล และการรักษาบุคลากร"))
    docs.update(annual_report_page("O24", "รายงานผลการดำเนินการตามมาตรการควบคุมความเสี่ยงการทุจริตและประพฤติมิชอบที่กำหนดไว้ใน"
                                   "การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2567"))
    docs.update(annual_report_page("O26", "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566–2570) "
                                   "เฉพาะโครงการและกิจกรรมของปีงบประมาณ พ.ศ. 2567"))
    docs.update(annual_report_page("O28", "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
                                   "ที่กำหนดจากผลการวิเคราะห์การประเมิน ITA ปี 2566 เพื่อดำเนินการในปีงบประมาณ พ.ศ. 2567 ทั้ง 7 มาตรการ"))
    return docs


# ---------------------------------------------------------------- O8–O11 manuals and services

MANUAL_STEPS = {
    "khumue-phasi-thidin.pdf": [
        ("สำรวจและปรับปรุงข้อมูลที่ดินและสิ่งปลูกสร้างให้เป็นปัจจุบัน", "ตุลาคม–ธันวาคม", "เจ้าพนักงานจัดเก็บรายได้"),
        ("จัดทำและปิดประกาศบัญชีรายการที่ดินและสิ่งปลูกสร้าง (ภ.ด.ส.1) ไม่น้อยกว่า 30 วัน", "ภายในมกราคม", "กองคลัง"),
        ("แจ้งรายการที่ดินและสิ่งปลูกสร้าง (ภ.ด.ส.3/ภ.ด.ส.4) ให้ผู้เสียภาษีตรวจสอบ", "มกราคม", "กองคลัง"),
        ("ประเมินภาษีและส่งหนังสือแจ้งการประเมินภาษี (ภ.ด.ส.6)", "ภายในกุมภาพันธ์", "พนักงานประเมิน"),
        ("รับชำระภาษี ออกใบเสร็จรับเงิน (ภ.ด.ส.10) และนำส่งเงิน", "ภายในเมษายน", "เจ้าหน้าที่การเงิน"),
        ("ติดตามภาษีค้างชำระ ส่งหนังสือเตือน คำนวณเบี้ยปรับและเงินเพิ่ม", "พฤษภาคม–กันยายน", "กองคลัง"),
        ("รายงานผลการจัดเก็บภาษีต่อนายก อบต. และปรับปรุงแผนที่ภาษี", "ทุกไตรมาส", "ผู้อำนวยการกองคลัง"),
    ],
    "khumue-phatsadu.pdf": [
        ("จัดทำแผนการจัดซื้อจัดจ้างประจำปี และเผยแพร่ในระบบ e-GP และเว็บไซต์", "ภายใน 30 วันหลังข้อบัญญัติใช้บังคับ", "งานพัสดุ"),
        ("หน่วยงานผู้ขอจัดทำบันทึกขอซื้อขอจ้าง พร้อมคุณลักษณะเฉพาะหรือขอบเขตของงาน", "ตามแผน", "ทุกกอง"),
        ("แต่งตั้งคณะกรรมการกำหนดราคากลางหรือรายละเอียดคุณลักษณะ", "3 วันทำการ", "หัวหน้าหน่วยงานของรัฐ"),
        ("จัดทำรายงานขอซื้อขอจ้างและดำเนินการตามวิธีที่กำหนด (เฉพาะเจาะจง e-market e-bidding)", "ตามวิธี", "งานพัสดุ"),
        ("ประกาศผู้ชนะ และลงนามในสัญญาหรือข้อตกลง", "หลังพ้นระยะอุทธรณ์", "นายก อบต."),
        ("ตรวจรับพัสดุโดยคณะกรรมการตรวจรับ (เชิญผู้แทนประชาคมร่วมสังเกตการณ์งานก่อสร้าง)", "ภายใน 5 วันทำการ",
         "คณะกรรมการตรวจรับ"),
        ("เบิกจ่ายเงิน จัดทำแบบ สขร.1 และเผยแพร่บนเว็บไซต์ภายในวันที่ 10 ของเดือนถัดไป", "ทุกเดือน", "งานพัสดุ/การเงิน"),
    ],
    "khumue-rongrian.pdf": [
        ("รับเรื่องจากทุกช่องทาง ลงทะเบียน แยกประเภทเรื่องร้องทุกข์ทั่วไปและเรื่องร้องเรียนการทุจริต", "1 วันทำการ",
         "งานธุรการ/นิติกร"),
        ("แจ้งตอบรับเรื่องแก่ผู้ร้อง", "3 วันทำการ", "นิติกร"),
        ("ส่งเรื่องให้กองที่รับผิดชอบตรวจสอบและแก้ไข (เรื่องร้องทุกข์ทั่วไป)", "15 วัน", "กองที่เกี่ยวข้อง"),
        ("เสนอปลัดและนายก อบต. พิจารณาแต่งตั้งคณะกรรมการสืบสวน (เรื่องร้องเรียนการทุจริต)", "7 วันทำการ", "ปลัด อบต."),
        ("ติดตามผลและแจ้งผลการดำเนินการแก่ผู้ร้อง", "15 วัน", "นิติกร"),
        ("สรุปสถิติรายเดือนและเผยแพร่บนเว็บไซต์", "ทุกเดือน", "งานกฎหมายและคดี"),
    ],
    "khumue-pongkan-satharanaphai.pdf": [
        ("รับแจ้งเหตุทางโทรศัพท์ 0 4386 1599 LINE หรือผู้นำชุมชน บันทึกในทะเบียนรับแจ้งเหตุ", "ทันที", "เวรศูนย์ อปพร."),
        ("ประเมินสถานการณ์ และสั่งการชุดปฏิบัติการออกพื้นที่", "ภายใน 10 นาที", "หัวหน้าสำนักปลัด"),
        ("ออกปฏิบัติการระงับเหตุ ช่วยเหลือ และอพยพผู้ประสบภัย", "ภายใน 30 นาที", "ชุดปฏิบัติการ"),
        ("รายงานเหตุต่อนายอำเภอและศูนย์ ปภ. จังหวัด (แบบ บก.ปภ.)", "ภายใน 24 ชั่วโมง", "สำนักปลัด"),
        ("สำรวจความเสียหายและความต้องการของผู้ประสบภัย", "3 วัน", "คณะกรรมการสำรวจ"),
        ("ช่วยเหลือตามระเบียบกระทรวงการคลังว่าด้วยเงินทดรองราชการ และระเบียบกระทรวงมหาดไทย", "ตามระเบียบ", "นายก อบต."),
    ],
    "khumue-rap-kham-kho-online.pdf": [
        ("ตรวจกล่องอีเมล saraban@dongmueang.go.th และ LINE Official Account ทุกวันทำการ เวลา 09.00 และ 14.00 น.", "วันละ 2 ครั้ง",
         "งานธุรการ"),
        ("ลงทะเบียนรับคำขอออนไลน์ในทะเบียนรับคำขอ ให้เลขที่รับ และตอบรับผู้ยื่นทางอีเมลหรือโทรศัพท์", "ภายใน 1 วันทำการ",
         "งานธุรการ"),
        ("ส่งต่อคำขอให้กองที่รับผิดชอบบริการนั้น พร้อมกำหนดเวลาตามคู่มือสำหรับประชาชน", "ภายในวันเดียวกัน", "หัวหน้าสำนักปลัด"),
        ("กองที่รับผิดชอบดำเนินการตามคำขอ และบันทึกผลในทะเบียน", "ตามระยะเวลาของแต่ละบริการ", "กองที่รับผิดชอบ"),
        ("แจ้งผลแก่ผู้ยื่นคำขอทางโทรศัพท์ อีเมล หรือ LINE", "ภายใน 1 วันทำการหลังดำเนินการเสร็จ", "กองที่รับผิดชอบ"),
        ("สรุปสถิติคำขอออนไลน์รายเดือนแยกตามบริการ เสนอปลัด อบต. และเผยแพร่บนเว็บไซต์", "ทุกเดือน", "งานธุรการ"),
    ],
    "khumue-chai-sapsin.pdf": [
        ("ผู้ขอใช้รถส่วนกลางกรอกใบขออนุญาตใช้รถ (แบบ 3) ล่วงหน้าอย่างน้อย 1 วันทำการ", "1 วันทำการ", "ผู้ขอใช้"),
        ("ผู้มีอำนาจอนุญาต (ปลัด อบต. หรือผู้ได้รับมอบหมาย) พิจารณาอนุญาต", "ภายในวันเดียวกัน", "ปลัด อบต."),
        ("พนักงานขับรถบันทึกการใช้รถในสมุดบันทึกการใช้รถ (แบบ 4) ทุกครั้ง", "ทุกครั้งที่ใช้", "พนักงานขับรถ"),
        ("ผู้ยืมพัสดุกรอกใบยืมพัสดุ ระบุวัตถุประสงค์และกำหนดส่งคืน", "1 วันทำการ", "ผู้ยืม"),
        ("ส่งคืนพัสดุภายใน 7 วันนับจากวันที่ครบกำหนด เจ้าหน้าที่พัสดุตรวจสภาพ", "ภายใน 7 วัน", "งานพัสดุ"),
        ("ตรวจสอบทะเบียนการใช้รถและการยืมพัสดุทุกเดือน รายงานผู้บริหารทุก 3 เดือน", "ทุกเดือน", "กองคลัง"),
    ],
}


def o8_docs(year: int = 2568) -> dict:
    docs = {}
    for manual in (m for m in load("O8", year)["manuals"] if own(m["file"])):
        steps = MANUAL_STEPS[Path(manual["file"]).name]
        rows = [[i, s, t, who] for i, (s, t, who) in enumerate(steps, 1)]
        body = ("<h2>1. วัตถุประสงค์</h2>"
                + para(f"เพื่อให้เจ้าหน้าที่ปฏิบัติงานด้าน{esc(manual['covers'])} เป็นมาตรฐานเดียวกัน โปร่งใส ตรวจสอบได้ "
                       "และประชาชนได้รับบริการตามขั้นตอนและระยะเวลาที่กำหนด")
                + f"<h2>2. ขอบเขต</h2>{para(esc(manual['covers']))}"
                + f"<h2>3. หน่วยงานรับผิดชอบ</h2>{para(esc(manual['unit']))}"
                + "<h2>4. ขั้นตอนการปฏิบัติงาน</h2>"
                + table(["ที่", "ขั้นตอน", "ระยะเวลา", "ผู้รับผิดชอบ"], rows)
                + "<h2>5. ข้อควรระวังด้านความโปร่งใส</h2>"
                + bullets(["ห้ามเรียกรับเงินหรือประโยชน์ใด ๆ จากผู้รับบริการหรือผู้ประกอบการ",
                           "บันทึกทุกขั้นตอนในทะเบียนหรือระบบ เพื่อให้ตรวจสอบย้อนหลังได้",
                           "แจ้งผู้บังคับบัญชาทันทีเมื่อมีผลประโยชน์ทับซ้อน"])
                + signature(*PALAD, manual.get("updated_on"), "ปรับปรุง ณ วันที่"))
        docs[at(manual["file"], year)] = page(manual["title"], body)
    return docs


def o9_docs() -> dict:
    docs = {}
    for svc in load("O9")["services"]:
        rows = [[i, s["step"], s.get("time", "")] for i, s in enumerate(svc.get("steps", []), 1)]
        body = (table(["หัวข้อ", "รายละเอียด"], [["หน่วยงานที่ให้บริการ", svc["unit"]], ["สถานที่/ช่องทาง", svc["where"]],
                                               ["วันและเวลาให้บริการ", svc["hours"]], ["ค่าธรรมเนียม", svc["fee"]]])
                + "<h2>ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ</h2>"
                + table(["ที่", "ขั้นตอน", "ระยะเวลา"], rows, total=["", "ระยะเวลาดำเนินการรวม", svc["total_time"]])
                + "<h2>รายการเอกสารหลักฐานประกอบ</h2>" + bullets(svc.get("documents", []), ordered=True)
                + "<h2>ช่องทางการร้องเรียน แนะนำบริการ</h2>"
                + para(f"{esc(svc['contact'])} หรือศูนย์ดำรงธรรมจังหวัดกาฬสินธุ์ โทร 1567")
                + para("คู่มือนี้จัดทำตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558")
                + signature(*PALAD, "2567-10-15", "ประกาศ ณ วันที่"))
        docs[at(svc["file"])] = page(f"คู่มือสำหรับประชาชน: {svc['title']}", body)
    return docs


def o10_docs(year: int = 2568) -> dict:
    data = load("O10", year)
    rows = [[i, s["name"], s["handler"], s.get("response_time", "")] for i, s in enumerate(data["services"], 1)]
    body = (para(f"ระบบบริการออนไลน์ (E-Service) ของ{AGENCY} ให้ประชาชนยื่นคำขอได้ตลอด 24 ชั่วโมงโดยไม่ต้องเดินทางมาที่สำนักงาน "
                 "ไม่ต้องสมัครสมาชิกหรือเข้าสู่ระบบ และไม่มีค่าใช้จ่าย")
            + "<h2>บริการที่เปิดให้ใช้</h2>" + table(["ที่", "บริการ", "ผู้รับเรื่อง", "ระยะเวลาตอบกลับ"], rows)
            + "<h2>วิธีใช้งาน</h2>"
            + bullets(["เข้าเว็บไซต์ www.dongmueang.go.th เลือกเมนู การประเมิน ITA แล้วเลือกข้อ E-Service",
                       "กดปุ่ม ยื่นคำขอออนไลน์ ของบริการที่ต้องการ แบบฟอร์มคำขอท้ายหน้าจะเลือกบริการนั้นให้",
                       "กรอกชื่อ-สกุล หมายเลขโทรศัพท์หรืออีเมลที่ติดต่อกลับได้ และรายละเอียดคำขอ",
                       "กด ส่งคำขอทางอีเมล โปรแกรมอีเมลจะเปิดข้อความคำขอถึง " + SARABAN + " ให้ตรวจดูแล้วกดส่ง "
                       "(แนบภาพถ่ายในอีเมลได้) หรือกด พิมพ์คำขอนี้ แล้วนำไปยื่นที่สำนักงาน",
                       "งานธุรการลงทะเบียนรับคำขอและตอบรับทางอีเมลหรือโทรศัพท์ภายใน 1 วันทำการ แล้วส่งต่อกองที่รับผิดชอบ",
                       "เจ้าหน้าที่ดำเนินการตามระยะเวลาที่กำหนดของแต่ละบริการ และแจ้งผลทางโทรศัพท์หรือ LINE"], ordered=True)
            + "<h2>การคุ้มครองข้อมูลส่วนบุคคล</h2>"
            + para("ข้อมูลที่กรอกใช้เพื่อการให้บริการเท่านั้น เก็บรักษาไม่เกิน 1 ปี "
                   "ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562")
            + sign_of(data["guide"], "ประกาศ ณ วันที่"))
    return {at(data["guide"]["file"], year): page(data["guide"]["title"], body)}


def o11_docs() -> dict:
    data = load("O11")
    services = data["services"]
    rows, totals = [], [0] * len(services)
    for month in data["months"]:
        counts = [int(month["counts"][s]) for s in services]
        totals = [a + b for a, b in zip(totals, counts)]
        rows.append([th_month(month["month"]), *counts, sum(counts)])
    prev = [int(data["previous_fy_counts"][s]) for s in services]
    cols = tuple(range(1, len(services) + 2))
    body = (table(["เดือน", *services, "รวม"], rows, num_cols=cols, total=["รวมปี 2568", *totals, sum(totals)])
            + f"<h2>สรุปปีงบประมาณ พ.ศ. {data['previous_fy']}</h2>"
            + table(["ปีงบประมาณ", *services, "รวม"], [[data["previous_fy"], *prev, sum(prev)]], num_cols=cols)
            + para(esc(data["file"].get("note", ""))))
    return {at(data["file"]["file"]): page(data["file"]["title"], body, landscape=True)}


# ---------------------------------------------------------------- O12–O13 procurement

#: Other bidders of the competitive projects (the สขร.1 form lists every offer).
BIDDERS = {
    "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านดงเมือง–บ้านโคกกลาง หมู่ที่ 1 กว้าง 5 เมตร ยาว 600 เมตร":
        [("หจก.ภูไทก่อสร้าง", 1180000), ("หจก.ส.รุ่งเรืองการโยธา", 1196500), ("บริษัท กาฬสินธุ์ธนาก่อสร้าง จำกัด", 1214000)],
    "จัดซื้อโคมไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์พร้อมติดตั้ง จำนวน 20 ต้น หมู่ที่ 2, 4, 8":
        [("บริษัท อีสานโซลาร์เทค จำกัด", 289000), ("หจก.โนนสำราญการไฟฟ้า", 294500)],
}

S, R, M, P = "ร้านดงเมืองพาณิชย์", "หจก.ส.รุ่งเรืองการโยธา", "สหกรณ์โคนมภูพานทอง จำกัด", "นางสาวศิริพร บุญเรือง"
V, T, C, SP = "หจก.อีสานเวชภัณฑ์", "หจก.ภูไทก่อสร้าง", "บริษัท ไอทีคอมพิวเตอร์กาฬสินธุ์ จำกัด", "นายสมพงษ์ ศรีบุญ"

HELPER = "จ้างเหมาบริการบุคคลภายนอกปฏิบัติงานผู้ช่วยเจ้าหน้าที่ธุรการ เดือน"

#: Procurement of FY 2567, only for the O13 monthly สขร.1 forms:
#: (item, budget, method, reference price, agreed price, vendor, day of the contract)
FY2567 = {
    "2566-10": [("จัดซื้อวัสดุสำนักงาน สำนักปลัด", 14000, "specific", 14000, 13650, S, "09"),
                (f"{HELPER}ตุลาคม–ธันวาคม 2566", 27000, "specific", 27000, 27000, P, "02"),
                ("จัดซื้ออาหารเสริม (นม) ช่วงปิดภาคเรียนที่ 1/2566", 142300, "specific", 142300, 142300, M, "11")],
    "2566-11": [("จัดซื้ออาหารเสริม (นม) ภาคเรียนที่ 2/2566", 498760, "specific", 498760, 498760, M, "01"),
                ("จ้างซ่อมแซมถนนลูกรัง สายบ้านหนองบัว หมู่ที่ 8", 85000, "specific", 85000, 84200, R, "14"),
                ("จ้างเหมาจัดสถานที่และเครื่องเสียง งานประเพณีลอยกระทง ประจำปี 2566", 30000, "specific", 30000, 30000, SP, "20")],
    "2566-12": [("จัดซื้อวัสดุโฆษณาและเผยแพร่ ป้ายรณรงค์ลดอุบัติเหตุช่วงปีใหม่ 2567", 6000, "specific", 5800, 5800,
                 "ร้านวิไลการพิมพ์", "15"),
                (f"{HELPER}มกราคม–มีนาคม 2567", 27000, "specific", 27000, 27000, P, "27"),
                ("จัดซื้อน้ำมันเชื้อเพลิงและหล่อลื่น", 20000, "specific", 20000, 18900, "หจก.โนนสำราญบริการน้ำมัน", "04")],
    "2567-01": [("จัดซื้อของขวัญและของรางวัล งานวันเด็กแห่งชาติ ประจำปี 2567", 15000, "specific", 15000, 14700, S, "08"),
                ("ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนสว่าง หมู่ที่ 6", 1100000, "e_bidding", 1096000, 1049000, T, "30")],
    "2567-02": [("จัดซื้อทรายอะเบทกำจัดลูกน้ำยุงลาย", 20000, "specific", 20000, 19600, V, "06"),
                ("จัดซื้อวัคซีนป้องกันโรคพิษสุนัขบ้า", 16500, "specific", 16500, 16500, V, "13")],
    "2567-03": [(f"{HELPER}เมษายน–มิถุนายน 2567", 27000, "specific", 27000, 27000, P, "27"),
                ("จัดซื้อเครื่องปรับอากาศ ศูนย์พัฒนาเด็กเล็กบ้านดงเมือง จำนวน 2 เครื่อง", 96000, "e_market", 94000, 88600,
                 "บริษัท แอร์อีสานเซอร์วิส จำกัด", "19")],
    "2567-04": [("จ้างเหมารถบรรทุกน้ำแจกจ่ายน้ำอุปโภคบริโภคช่วงภัยแล้ง", 50000, "specific", 50000, 49200,
                 "นายทองใบ ศรีจันทร์", "02"),
                ("จัดซื้อน้ำดื่มและเครื่องดื่ม งานประเพณีสงกรานต์", 8000, "specific", 8000, 7800, S, "09")],
    "2567-05": [("จัดซื้ออาหารเสริม (นม) ภาคเรียนที่ 1/2567", 520880, "specific", 520880, 520880, M, "15"),
                ("จ้างขุดลอกหนองบัว หมู่ที่ 2", 390000, "specific", 388500, 379000, R, "21")],
    "2567-06": [(f"{HELPER}กรกฎาคม–กันยายน 2567", 27000, "specific", 27000, 27000, P, "26"),
                ("จ้างขุดลอกลำห้วยยาง หมู่ที่ 10", 310000, "specific", 309400, 301500, T, "11"),
                ("จัดซื้อกล้าไม้ ปลูกต้นไม้วันสิ่งแวดล้อมโลก", 10000, "specific", 10000, 9600, "ร้านสวนพันธุ์ไม้โนนสำราญ", "03")],
    "2567-07": [("จัดซื้อเทียนพรรษาและเครื่องไทยธรรม", 14000, "specific", 14000, 13900, S, "10"),
                ("ก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็ก บ้านดงเมือง หมู่ที่ 1", 450000, "specific", 448000, 441000, R, "24")],
    "2567-08": [("จัดซื้อวัสดุคอมพิวเตอร์ กองคลัง", 12000, "specific", 12000, 11760, C, "07"),
                ("จ้างซ่อมแซมไฟฟ้าส่องสว่างสาธารณะ 12 หมู่บ้าน", 35000, "specific", 35000, 34500, "ร้านโนนสำราญการไฟฟ้า", "19")],
    "2567-09": [("จัดซื้อโต๊ะและเก้าอี้สำนักงาน กองช่าง", 25000, "specific", 25000, 24300, S, "05")],
}
FY2567_BIDDERS = {"ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนสว่าง หมู่ที่ 6":
                  [(T, 1049000), (R, 1062000), ("บริษัท กาฬสินธุ์ธนาก่อสร้าง จำกัด", 1075500), ("หจก.อีสานรุ่งโรจน์", 1088000)]}
REASON = "เป็นผู้มีอาชีพขายหรือรับจ้างโดยตรง คุณสมบัติครบถ้วน และเสนอราคาไม่เกินวงเงินงบประมาณ"


def sorkhor_row(i: int, row: dict, bidders: dict) -> list:
    offers = bidders.get(row["name"]) or [(row["vendor"], row["agreed_price"])]
    offered = "; ".join(f"{v} {baht(p)} บาท" for v, p in offers)
    contract = f"{row.get('contract_no', '-')} ลงวันที่ {th_date(row['contract_date'])}" if row.get("contract_date") else "-"
    return [i, row["name"], baht(row["budget"]), baht(row["median_price"]), METHOD[row["method"]], offered,
            f"{row['vendor']} {baht(row['agreed_price'])} บาท", row.get("reason", REASON), contract]


SORKHOR_HEAD = ["ที่", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จะซื้อหรือจ้าง (บาท)", "ราคากลาง (บาท)", "วิธีซื้อหรือจ้าง",
                "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
                "เหตุผลที่คัดเลือกโดยสรุป", "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง"]


SORKHOR_WIDTHS = (3, 19, 10, 10, 9, 15, 13, 11, 10)


def sorkhor_page(entry: dict, month: str, rows: list, bidders: dict) -> str:
    if rows:
        body = table(SORKHOR_HEAD, [sorkhor_row(i, r, bidders) for i, r in enumerate(rows, 1)], num_cols=(2, 3),
                     widths=SORKHOR_WIDTHS)
    else:
        body = table(SORKHOR_HEAD, [["-", "ไม่มีการจัดซื้อจัดจ้างในเดือนนี้", "-", "-", "-", "-", "-", "-", "-"]],
                     widths=SORKHOR_WIDTHS)
    body += sign_of(entry, "วันที่")
    sub = f"แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{th_month(month)}"
    return page("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน", body, sub=f"{sub} {AGENCY}", landscape=True)


def o12_docs(code: str = "O12", year: int = 2568, bidders: dict | None = None) -> dict:
    """One แบบ สขร.1 per month of the monthly procurement item (2568 O12, 2569 O11)."""
    data = load(code, year)
    by_file = {Path(d["file"]).name: d for d in data["documents"]}
    docs = {}
    for month in data["months"]:
        entry = by_file[f"sorkhor1-{month['month']}.pdf"]
        docs[at(entry["file"], year)] = sorkhor_page(entry, month["month"], month.get("rows", []), bidders or BIDDERS)
    return docs


def fy2567_rows(month: str) -> list:
    rows = []
    for n, (name, budget, method, median, agreed, vendor, day) in enumerate(FY2567[month], 1):
        kind = "สัญญาจ้าง" if name.startswith(("จ้าง", "ก่อสร้าง")) else "ใบสั่งซื้อ"
        rows.append({"name": name, "budget": budget, "method": method, "median_price": median, "agreed_price": agreed,
                     "vendor": vendor, "contract_no": f"{kind} เลขที่ {month[5:]}{n:02d}/2567", "contract_date": f"{month}-{day}",
                     "reason": REASON if method == "specific" else "เป็นผู้เสนอราคาต่ำสุดและคุณสมบัติถูกต้องตามเงื่อนไข"})
    return rows


def o13_docs() -> dict:
    data = load("O13")
    docs = {}
    for entry in data["monthly_reports"]:
        month = re.search(r"sorkhor1-(\d{4}-\d{2})", entry["file"]).group(1)
        docs[at(entry["file"])] = sorkhor_page(entry, month, fy2567_rows(month), FY2567_BIDDERS)
    monthly = [[th_month(mo), len(rows), baht(sum(r[4] for r in rows))] for mo, rows in FY2567.items()]
    analysis = (ITA / "O13.md").read_text(encoding="utf-8")
    body = (para(f"{AGENCY} สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ประจำปีงบประมาณ พ.ศ. 2567 "
                 "(1 ตุลาคม 2566 – 30 กันยายน 2567) เพื่อรายงานผู้บริหารและเผยแพร่ต่อสาธารณะ ดังนี้")
            + md(analysis, shift=1)
            + "<h2>สรุปรายเดือน</h2>"
            + table(["เดือน", "จำนวนโครงการ", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)"], monthly, num_cols=(1, 2))
            + "<h2>ปัญหาอุปสรรค</h2>" + bullets(data["problems"])
            + "<h2>ข้อเสนอแนะ</h2>" + bullets(data["suggestions"])
            + sign_of(data["report"], "ทราบ/เห็นชอบ ลงวันที่"))
    docs[at(data["report"]["file"])] = page(data["report"]["title"], body)
    return docs


XLSX_HEAD = ["ที่", "ปีงบประมาณ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด", "กระทรวง", "ประเภทหน่วยงาน",
             "ชื่อรายการของงานที่ซื้อหรือจ้าง", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", "แหล่งที่มาของงบประมาณ",
             "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง", "ราคากลาง (บาท)", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
             "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก", "เลขที่โครงการในระบบ e-GP"]


def o12_workbook(code: str = "O12", year: int = 2568) -> bytes:
    """The monthly procurement table in the NACC 16-column layout, plus a month-by-month summary sheet."""
    data = load(code, year)
    book = Workbook()
    sheet = book.active
    sheet.title = f"ITA-{code.lower()}"
    sheet.append(XLSX_HEAD)
    n = 0
    for month in data["months"]:
        for row in month.get("rows", []):
            n += 1
            sheet.append([n, year, AGENCY, "โนนสำราญ", "กาฬสินธุ์", "กระทรวงมหาดไทย", "องค์กรปกครองส่วนท้องถิ่น",
                          row["name"], float(row["budget"]), row["source"], STATUS[row["status"]], METHOD[row["method"]],
                          float(row["median_price"]), float(row["agreed_price"]), row["vendor"], row["egp_no"]])
    style_sheet(sheet, widths=[5, 10, 28, 12, 12, 16, 20, 60, 16, 34, 18, 24, 14, 16, 34, 16], money=(9, 13, 14))
    summary = book.create_sheet("สรุปรายเดือน")
    summary.append(["เดือน", "จำนวนรายการ", "ราคาที่ตกลงซื้อหรือจ้างรวม (บาท)", "หมายเหตุ"])
    for month in data["months"]:
        rows = month.get("rows", [])
        note = "ไม่มีการจัดซื้อจัดจ้าง" if month.get("no_procurement") == "true" else ""
        summary.append([th_month(month["month"]), len(rows), float(sum(Decimal(r["agreed_price"]) for r in rows)), note])
    style_sheet(summary, widths=[18, 14, 30, 26], money=(3,))
    book.properties.creator = AGENCY
    book.properties.title = f"รายการการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. {year}"
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with warnings.catch_warnings():  # openpyxl opens its own temporary files without an encoding
        warnings.simplefilter("ignore", EncodingWarning)
        book.save(buffer)
    return stable_zip(buffer.getvalue())


def style_sheet(sheet, widths: list, money: tuple) -> None:
    header = PatternFill("solid", fgColor="DCE6F1")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, width in enumerate(widths, 1):
        sheet.column_dimensions[sheet.cell(1, i).column_letter].width = width
    for column in money:
        for cell in sheet[sheet.cell(1, column).column_letter][1:]:
            cell.number_format = "#,##0.00"
    sheet.freeze_panes = "A2"


def stable_zip(raw: bytes) -> bytes:
    """Rewrite an XLSX zip with fixed timestamps and a fixed modified date, so reruns are identical."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 9, 30, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)
    return out.getvalue()


# ---------------------------------------------------------------- O14–O17 people, ethics, complaints

MANPOWER = [
    ("ปลัด อบต. / รองปลัด อบต.", 2, 2, 2), ("สำนักปลัด", 7, 7, 8), ("กองคลัง", 5, 5, 5), ("กองช่าง", 3, 3, 3),
    ("กองการศึกษา ศาสนาและวัฒนธรรม (รวมครูผู้ดูแลเด็ก)", 4, 4, 4), ("กองสาธารณสุขและสิ่งแวดล้อม", 2, 2, 3),
    ("หน่วยตรวจสอบภายใน", 1, 1, 1), ("ลูกจ้างประจำ", 1, 1, 1), ("พนักงานจ้าง", 19, 19, 19),
]
COURSES = [
    ("สายงานผู้บริหาร", "หลักสูตรนักบริหารงานท้องถิ่น / ภาวะผู้นำและธรรมาภิบาล", "สถาบันพัฒนาบุคลากรท้องถิ่น", "ทุกปี"),
    ("สายงานผู้ปฏิบัติ", "หลักสูตรเฉพาะตำแหน่ง (การเงิน พัสดุ ภาษี ช่าง ครู)", "หน่วยงานภายนอก", "ทุกปี"),
    ("ทุกคน", "คุณธรรมจริยธรรม ผลประโยชน์ทับซ้อน และการป้องกันการทุจริต", "อบต.ดงเมือง ร่วมกับ ป.ป.ช. จังหวัด", "ปีละ 1 ครั้ง"),
    ("ทุกคน", "ทักษะดิจิทัลและการให้บริการออนไลน์ (E-Service)", "อบรมภายใน / ออนไลน์", "ปีละ 1 ครั้ง"),
    ("ทุกคน", "การสอนงาน (Coaching) และการประชุมประจำเดือน", "หัวหน้าส่วนราชการ", "ทุกเดือน"),
]


def o14_docs() -> dict:
    data = load("O14")
    plans = {Path(p["file"]).name: p for p in data["plans"]}
    rows = [[unit, a, b, c] for unit, a, b, c in MANPOWER]
    totals = ["รวม", *(sum(r[i] for r in MANPOWER) for i in (1, 2, 3))]
    manpower = plans["phaen-attrakamlang-2567-2569.pdf"]
    development = plans["phaen-phatthana-bukhalakon-2567-2569.pdf"]
    annual = plans["phaen-borihan-bukhalakon-2568.pdf"]
    topic_rows = [[TOPIC_TH[t["topic"]], t["summary"]] for t in data["topics"]]
    return {
        at(manpower["file"]): page(manpower["title"], para(
            "แผนอัตรากำลังจัดทำตามประกาศคณะกรรมการพนักงานส่วนตำบลจังหวัดกาฬสินธุ์ โดยวิเคราะห์ภารกิจ ปริมาณงาน "
            "และค่าใช้จ่ายด้านการบริหารงานบุคคลซึ่งต้องไม่เกินร้อยละ 40 ของงบประมาณรายจ่าย")
            + table(["ส่วนราชการ", "ปี 2567", "ปี 2568", "ปี 2569"], rows, num_cols=(1, 2, 3), total=totals)
            + signature(manpower["signed_by"], NAYOK[1], manpower["signed_on"], "อนุมัติ ณ วันที่")),
        at(development["file"]): page(development["title"], para(
            "แผนพัฒนาบุคลากรมีเป้าหมายให้บุคลากรทุกคนได้รับการพัฒนาอย่างน้อยปีละ 1 หลักสูตร ครอบคลุมความรู้ ทักษะ "
            "และคุณธรรมจริยธรรม")
            + table(["กลุ่มเป้าหมาย", "หลักสูตร/วิธีการ", "ผู้จัด", "ระยะเวลา"], [list(c) for c in COURSES])
            + signature(development["signed_by"], NAYOK[1], development["signed_on"], "อนุมัติ ณ วันที่")),
        at(annual["file"]): page(annual["title"], table(["ประเด็น", "สาระสำคัญและกิจกรรม"], topic_rows)
            + signature(annual["signed_by"], NAYOK[1], annual["signed_on"], "อนุมัติ ณ วันที่")),
    }


TOPIC_TH = {"manpower": "การวางแผนกำลังคน", "recruitment": "การสรรหาและคัดเลือก", "development": "การพัฒนาบุคลากร",
            "appraisal": "การประเมินผลการปฏิบัติงาน", "retention": "การส่งเสริมขวัญกำลังใจและการรักษาบุคลากร"}
STANDARDS = [
    "ยึดมั่นในสถาบันหลักของประเทศ อันได้แก่ ชาติ ศาสนา พระมหากษัตริย์ "
    "และการปกครองระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข",
    "ซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่",
    "กล้าตัดสินใจและกระทำในสิ่งที่ถูกต้องชอบธรรม",
    "คิดถึงประโยชน์ส่วนรวมมากกว่าประโยชน์ส่วนตัว และมีจิตสาธารณะ",
    "มุ่งผลสัมฤทธิ์ของงาน",
    "ปฏิบัติหน้าที่อย่างเป็นธรรมและไม่เลือกปฏิบัติ",
    "ดำรงตนเป็นแบบอย่างที่ดีและรักษาภาพลักษณ์ของทางราชการ",
]


def o16_docs() -> dict:
    data = load("O16")
    codes = {Path(c["file"]).name: c for c in data["codes"]}
    staff = codes["pramuan-chariyatham-phanakngan.pdf"]
    execs = codes["khokamnot-chariyatham-phuborihan.pdf"]
    dos = codes["dos-and-donts-2568.pdf"]
    order = data["activities"][0]["documents"][0]
    return {
        at(staff["file"]): page(staff["title"], "<h2>หมวด 1 บททั่วไป</h2>" + para(
            "ประมวลจริยธรรมนี้ใช้บังคับแก่พนักงานส่วนตำบล ลูกจ้าง และพนักงานจ้างขององค์การบริหารส่วนตำบลดงเมือง")
            + "<h2>หมวด 2 มาตรฐานทางจริยธรรม</h2>" + bullets(STANDARDS, ordered=True)
            + "<h2>หมวด 3 กลไกและระบบการบังคับใช้</h2>" + bullets([
                "ให้ปลัด อบต. เป็นผู้กำกับดูแลการปฏิบัติตามประมวลจริยธรรม และมอบหมายงานการเจ้าหน้าที่เป็นผู้ประสานงาน",
                "ให้มีคณะทำงานส่งเสริมคุณธรรมจริยธรรม ติดตามและรายงานผลต่อนายก อบต. ทุก 6 เดือน"])
            + "<h2>หมวด 4 ขั้นตอนการลงโทษ</h2>" + para(
                "การฝ่าฝืนประมวลจริยธรรมถือเป็นการกระทำผิดทางวินัย ให้ดำเนินการตามกฎหมายว่าด้วยระเบียบบริหารงานบุคคลส่วนท้องถิ่น")
            + sign_of(staff, "ประกาศ ณ วันที่")),
        at(execs["file"]): page(execs["title"], para(
            "ผู้บริหารท้องถิ่นและสมาชิกสภาท้องถิ่นของ อบต.ดงเมือง ต้องยึดถือมาตรฐานทางจริยธรรมตามพระราชบัญญัติมาตรฐาน"
            "ทางจริยธรรม พ.ศ. 2562 ดังต่อไปนี้") + bullets(STANDARDS, ordered=True)
            + bullets(["ไม่ใช้ตำแหน่งหน้าที่แสวงหาประโยชน์แก่ตนเองหรือผู้อื่นโดยมิชอบ",
                       "ไม่ก้าวก่ายหรือแทรกแซงการบรรจุ แต่งตั้ง โยกย้าย และการจัดซื้อจัดจ้าง",
                       "เปิดเผยข้อมูลการประชุมสภาและการใช้งบประมาณให้ประชาชนตรวจสอบได้"])
            + sign_of(execs, "ประกาศ ณ วันที่")),
        at(dos["file"]): page(dos["title"], "<h2>สิ่งที่ควรปฏิบัติ (Do's)</h2>" + bullets(data["dos"])
            + "<h2>สิ่งที่ไม่ควรปฏิบัติ (Don'ts)</h2>" + bullets(data["donts"]) + sign_of(dos, "ประกาศ ณ วันที่")),
        at(order["file"]): page(order["title"], para(
            "เพื่อให้การส่งเสริมคุณธรรมจริยธรรมและความโปร่งใสของ อบต.ดงเมือง เป็นไปอย่างต่อเนื่อง จึงแต่งตั้งคณะทำงาน ดังนี้")
            + table(["ที่", "ตำแหน่ง", "หน้าที่ในคณะทำงาน"], WORKING_GROUP)
            + "<h2>อำนาจหน้าที่</h2>" + bullets(["จัดทำแผนขับเคลื่อนจริยธรรมประจำปี", "ติดตามการปฏิบัติตามประมวลจริยธรรม",
                                               "รายงานผลต่อนายก อบต. ทุก 6 เดือน"], ordered=True)
            + sign_of(order, "สั่ง ณ วันที่")),
    }


WORKING_GROUP = [
    [1, "ปลัด อบต.", "ประธานคณะทำงาน"], [2, "รองปลัด อบต.", "รองประธาน"], [3, "หัวหน้าสำนักปลัด", "คณะทำงาน"],
    [4, "ผู้อำนวยการกองคลัง", "คณะทำงาน"], [5, "ผู้อำนวยการกองช่าง", "คณะทำงาน"],
    [6, "ผู้อำนวยการกองการศึกษาฯ", "คณะทำงาน"], [7, "ผู้อำนวยการกองสาธารณสุขฯ", "คณะทำงาน"],
    [8, "นักวิชาการตรวจสอบภายใน", "คณะทำงาน"], [9, "ผู้แทนพนักงานจ้าง", "คณะทำงาน"],
    [10, "นิติกร", "คณะทำงานและเลขานุการ"], [11, "นักทรัพยากรบุคคล", "ผู้ช่วยเลขานุการ"],
]


def o17_docs() -> dict:
    data = load("O17")
    channels = load("O18")["channels"]
    steps = [[i, s["step"], s.get("time", "")] for i, s in enumerate(data["steps"], 1)]
    channel_rows = [[c["name"], c.get("value") or c.get("url", "")] for c in channels]
    body = ("<h2>1. ขอบเขต</h2>" + md((ITA / "O17.md").read_text(encoding="utf-8").split("\n\n")[0])
            + f"<h2>2. วิธีการร้องเรียน</h2>{para(esc(data['how_to_complain']))}"
            + "<h2>3. ช่องทางการร้องเรียน</h2>" + table(["ช่องทาง", "รายละเอียด"], channel_rows)
            + "<h2>4. ขั้นตอนการจัดการเรื่องร้องเรียน</h2>" + table(["ที่", "ขั้นตอน", "ระยะเวลา"], steps)
            + f"<h2>5. ผู้รับผิดชอบ</h2>{para(esc(data['responsible']))}"
            + f"<h2>6. ระยะเวลาดำเนินการ</h2>{para(esc(data['time_frame']))}"
            + f"<h2>7. การคุ้มครองผู้ร้องเรียน</h2>{para(esc(data['protection']))}"
            + sign_of(data["guideline"], "ประกาศ ณ วันที่"))
    return {at(data["guideline"]["file"]): page(data["guideline"]["title"], body)}


# ---------------------------------------------------------------- O20–O27 participation and integrity

def o20_docs(code: str = "O20", year: int = 2568) -> dict:
    """The minutes and summaries of the participation activities (2568 O20, 2569 O19)."""
    docs = {}
    for activity in load(code, year)["activities"]:
        for entry in activity.get("documents", []):
            body = (table(["หัวข้อ", "รายละเอียด"], [
                        ["วันที่", th_date(activity["date"])], ["เรื่อง", activity["title"]],
                        ["ประเด็นที่เปิดให้มีส่วนร่วม", activity["topic"]], ["ผู้เข้าร่วม", activity["participants"]]])
                    + "<h2>สรุปความคิดเห็นและมติที่ประชุม</h2>" + para(esc(activity["outcome"]))
                    + "<h2>การนำผลไปปรับปรุงการดำเนินงาน</h2>" + para(esc(activity["improvement"]))
                    + para("ปิดประชุมเวลา 15.30 น.")
                    + sign_of(entry, "ผู้จดรายงานการประชุม ลงวันที่")
                    + signature(*NAYOK, None) )
            docs[at(entry["file"], year)] = page(entry["title"], body)
    return docs


def o21_docs() -> dict:
    data = load("O21")
    entry = data["declaration"]
    lines = (ITA / "O21.md").read_text(encoding="utf-8").splitlines()
    text = "\n".join(line for line in lines if re.match(r"\d+\. ", line))
    body = (para(f"เพื่อให้การปฏิบัติหน้าที่ของ{AGENCY} เป็นไปด้วยความซื่อสัตย์ สุจริต โปร่งใส และป้องกันผลประโยชน์ทับซ้อน "
                 "ตามแนวทางของคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ จึงประกาศเจตนารมณ์ ดังนี้")
            + md(text) + para("จึงประกาศให้ทราบโดยทั่วกัน") + sign_of(entry, "ประกาศ ณ วันที่"))
    docs = {at(entry["file"]): page(entry["title"], body)}
    meeting = data["activities"][1]
    note = meeting["documents"][0]
    docs[at(note["file"])] = page(note["title"], table(["หัวข้อ", "รายละเอียด"], [
        ["วันที่", th_date(meeting["date"])], ["สถานที่", meeting["place"]], ["ผู้เข้าร่วม", meeting["participants"]]])
        + "<h2>สาระการชี้แจง</h2>" + para(esc(meeting["summary"]))
        + "<h2>ข้อสั่งการ</h2>" + bullets(["ทุกกองติดป้าย No Gift ที่จุดบริการ",
                                           "ผู้ได้รับทรัพย์สินโดยธรรมจรรยาให้รายงานตามแบบภายใน 30 วัน",
                                           "หัวหน้าส่วนราชการกำกับดูแลผู้ใต้บังคับบัญชาอย่างใกล้ชิด"], ordered=True)
        + sign_of(note, "บันทึก ณ วันที่"))
    return docs


def o22_docs() -> dict:
    data = load("O22")
    docs = {}
    head = ["ที่", "วันที่รับ", "ผู้รับ (ตำแหน่ง)", "ผู้ให้", "รายการ", "มูลค่า (บาท)", "โอกาส"]
    for report in data["reports"]:
        entries = [e for e in data.get("entries", []) if report_covers(report, e["date"])]
        rows = [[i, th_date(e["date"]), e["receiver"], e["giver"], e["item"], baht(e["value"]), e.get("occasion", "")]
                for i, e in enumerate(entries, 1)] or [NIL_GIFT_ROW]
        body = (para(f"ช่วงเวลาที่รายงาน {esc(report['period'])} จำนวนครั้งที่รับ {report['received_count']} ครั้ง")
                + table(head, rows, num_cols=(5,))
                + para("รายงานตามประกาศคณะกรรมการ ป.ป.ช. เรื่อง หลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา"
                       "ของเจ้าหน้าที่ของรัฐ พ.ศ. 2563")
                + signature(report["signed_by"], NAYOK[1], report["signed_on"], "รายงาน ณ วันที่"))
        docs[at(report["file"])] = page(report["title"], body, landscape=True)
    return docs


NIL_GIFT_ROW = ["-", "-", "ไม่มีการรับทรัพย์สินหรือประโยชน์อื่นใด", "-", "-", "0.00", "-"]


def report_covers(report: dict, date_be: str) -> bool:
    """Whether a gift's date falls inside the report's period (first or second half, or whole year)."""
    fy = int(report["covers_fy"])
    month_key = date_be[:7]
    if "เมษายน" in report["period"].split("–")[0]:
        return f"{fy}-04" <= month_key <= f"{fy}-09"
    if "มีนาคม" in report["period"]:
        return f"{fy - 1}-10" <= month_key <= f"{fy}-03"
    return f"{fy - 1}-10" <= month_key <= f"{fy}-09"


LEVEL_TH = {"low": "ต่ำ", "medium": "ปานกลาง", "high": "สูง", "very_high": "สูงมาก"}


def o23_docs(code: str = "O23", year: int = 2568) -> dict:
    """The risk assessment with its table (2568 O23, 2569 O21)."""
    data = load(code, year)
    rows = [[i, r["process"], r["event"], r["likelihood"], r["impact"], int(r["likelihood"]) * int(r["impact"]),
             LEVEL_TH[r["level"]], "\n".join(r["measures"]), r.get("owner", "")] for i, r in enumerate(data["risks"], 1)]
    method = body_of(code, year)
    body = (md(method, shift=1)
            + "<h2>ตารางประเมินความเสี่ยงและมาตรการควบคุม</h2>"
            + table(["ที่", "กระบวนงาน", "เหตุการณ์ความเสี่ยง", "โอกาส", "ผลกระทบ", "คะแนน", "ระดับ", "มาตรการควบคุม",
                     "ผู้รับผิดชอบ"],
                    rows, num_cols=(3, 4, 5)).replace("\n", "<br>")
            + sign_of(data["assessment"], "อนุมัติ ณ วันที่"))
    return {at(data["assessment"]["file"], year): page(data["assessment"]["title"], body, landscape=True)}


#: The anti-corruption plan 2566–2570: projects and budget of each year (the current year's come from its item).
PLAN_YEARS = {2566: (9, 65000), 2567: (10, 75000), 2568: (8, 70000), 2569: (10, 80000), 2570: (10, 80000)}


def o25_docs(code: str = "O25", year: int = 2568) -> dict:
    """The anti-corruption action plan with this year's projects (2568 O25, 2569 O23)."""
    data = load(code, year)
    rows = [[i, p["name"], baht(p.get("budget", 0)), p.get("period", ""), p.get("unit", "")]
            for i, p in enumerate(data["projects"], 1)]
    total = sum(Decimal(p.get("budget", "0")) for p in data["projects"])
    years = [[str(y), len(rows), baht(total)] if y == year else [str(y), n, baht(b)] for y, (n, b) in PLAN_YEARS.items()]
    plan_text = body_of(code, year).split("ตารางด้านล่าง")[0]
    body = (md(plan_text)
            + "<h2>สรุปจำนวนโครงการและงบประมาณรายปี</h2>"
            + table(["ปีงบประมาณ", "จำนวนโครงการ/กิจกรรม", "งบประมาณ (บาท)"], years, num_cols=(1, 2))
            + f'<h2 class="pb">โครงการ/กิจกรรม ปีงบประมาณ พ.ศ. {year}</h2>'
            + table(["ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "ระยะเวลา", "ผู้รับผิดชอบ"], rows, num_cols=(2,),
                    total=["", "รวม", baht(total), "", ""])
            + sign_of(data["plan"], "อนุมัติ ณ วันที่"))
    return {at(data["plan"]["file"], year): page(data["plan"]["title"], body)}


MEASURE_HEAD = ["มาตรการ/แนวทาง", "ขั้นตอน/วิธีดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "การติดตามประเมินผล"]


def measure_rows(data: dict) -> list:
    return [[f"{m['issue']}\n{m['name']}", thai_numbered(m["steps"]), m["owner"], m.get("period", ""),
             thai_numbered(m["follow_up"])] for m in data["measures"]]


def score_table(result: dict) -> str:
    scores = [[f"ตัวชี้วัดที่ {i['number']} {i['name']}", i["score"]] for i in result["indicators"]]
    return table(["ตัวชี้วัด", "คะแนนรายตัวชี้วัด"], scores, num_cols=(1,), widths=(75, 25),
                 total=[f"คะแนนรวม (ปีที่ผ่านมา {result['previous_total']})", result["total"]])


def seed_measures_docs() -> dict:
    """FY 2569 O25: the measures document transcribed from the agency's real one (sections 1–4): ITA 2568 analysed."""
    data = load("O25", 2569)
    analysis = body_of("O25", 2569)
    section2 = "## ๒." + analysis.split("## ๒.")[1].split("## ๓.")[0]
    section1 = ("จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ๒๕๖๘ ขององค์การบริหารส่วนตำบลดงเมือง พบว่า มีผลคะแนน ๘๘.๐๙ คะแนน "
                "อยู่ในระดับ ผ่าน โดยมีผลการประเมินรายตัวชี้วัด ดังนี้")
    body = ("<h3>๑. ผลการประเมิน ITA ขององค์การบริหารส่วนตำบลดงเมือง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</h3>" + para(section1)
            + score_table(data["ita_result"])
            + md(section2, shift=1)
            + '<div class="wide"><h3>๓. มาตรการในการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๙</h3>'
            + table(MEASURE_HEAD, measure_rows(data), widths=(20, 36, 9, 11, 24)).replace("\n", "<br>") + "</div>"
            + "<h3>๔. ข้อจำกัดของหน่วยงานในการดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ</h3>"
            + bullets(data["limitations"], ordered=True)
            + "<h3>ข้อเสนอแนะ/แนวทางในการจัดการกับข้อจำกัด (ถ้ามี)</h3>" + bullets(data["suggestions"], ordered=True)
            + sign_of(data["document"], "ประกาศ ณ วันที่"))
    return {at(data["document"]["file"], 2569): page(data["document"]["title"], body)}


def o27_docs() -> dict:
    """FY 2568 O27: the measures of FY 2568, made from the ITA 2567 result."""
    data = load("O27")
    body = (md(body_of("O27"), shift=1).replace("<h3>การนำผลการวิเคราะห์", score_table(data["ita_result"]) + "<h3>การนำผลการวิเคราะห์")
            + '<div class="wide"><h3>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568</h3>'
            + table(MEASURE_HEAD, measure_rows(data), widths=(20, 36, 10, 12, 22)).replace("\n", "<br>") + "</div>"
            + "<h3>ข้อจำกัดของหน่วยงาน</h3>" + bullets(data["limitations"], ordered=True)
            + "<h3>แนวทางในการจัดการกับข้อจำกัด</h3>" + bullets(data["suggestions"], ordered=True)
            + sign_of(data["document"], "ประกาศ ณ วันที่"))
    return {at(data["document"]["file"]): page(data["document"]["title"], body)}


def thai_numbered(items: list) -> str:
    """๑. first\n๒. second – the numbering of the seed document."""
    digits = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    return "\n".join(f"{str(i).translate(digits)}. {item}" for i, item in enumerate(items, 1))


def news_docs() -> dict:
    rel = "news/files/2568-01-20-prakat-phasi-thidin-2568.pdf"
    rows = [["3 กุมภาพันธ์ 2568", "ศาลาประชาคมบ้านดงเมือง หมู่ที่ 1", "หมู่ที่ 1, 2, 3"],
            ["10 กุมภาพันธ์ 2568", "ศาลาประชาคมบ้านโนนงาม หมู่ที่ 5", "หมู่ที่ 4, 5, 6"],
            ["17 กุมภาพันธ์ 2568", "ศาลาประชาคมบ้านหนองแวง หมู่ที่ 7", "หมู่ที่ 7, 8, 9"],
            ["24 กุมภาพันธ์ 2568", "ศาลาประชาคมบ้านห้วยยาง หมู่ที่ 10", "หมู่ที่ 10, 11, 12"]]
    body = (para("ตามพระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. 2562 องค์การบริหารส่วนตำบลดงเมือง ขอประชาสัมพันธ์ให้เจ้าของ"
                 "ที่ดินและสิ่งปลูกสร้างในเขตตำบลดงเมืองชำระภาษีประจำปี พ.ศ. 2568 ภายในวันที่ 30 เมษายน 2568 "
                 "หากชำระเกินกำหนดต้องเสียเบี้ยปรับและเงินเพิ่มตามกฎหมาย")
            + "<h2>หน่วยบริการรับชำระภาษีเคลื่อนที่</h2>"
            + table(["วันที่", "สถานที่ (เวลา 09.00–15.00 น.)", "สำหรับหมู่บ้าน"], rows)
            + para("สอบถามรายละเอียดได้ที่กองคลัง โทร 0 4386 1550 ต่อ 130 ในวันและเวลาราชการ")
            + signature(*NAYOK, "2568-01-20", "ประกาศ ณ วันที่"))
    return {rel: page("ประกาศองค์การบริหารส่วนตำบลดงเมือง เรื่อง การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี พ.ศ. 2568", body)}


def all_documents() -> dict:
    """Every PDF to make: path under content/ -> HTML."""
    docs = {}
    for build in (o1_docs, o5_docs, o6_docs, report_docs, o8_docs, o9_docs, o10_docs, o11_docs, o12_docs,
                  o13_docs, o14_docs, o16_docs, o17_docs, o20_docs, o21_docs, o22_docs, o23_docs, o25_docs,
                  o27_docs, news_docs):
        docs.update(build())
    return docs


# ---------------------------------------------------------------- PDF printing

def print_pdf(job: tuple) -> None:
    """Print one HTML file to PDF with headless Chromium, then fix its dates."""
    source, target, profile = job
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-pdf-header-footer", "--disable-pdf-tagging", f"--user-data-dir={profile}",
               f"--print-to-pdf={target}", source.as_uri()]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    data = target.read_bytes()
    # Same length replacement keeps the PDF cross-reference offsets valid.
    target.write_bytes(re.sub(rb"D:\d{14}", FIXED_PDF_DATE, data))


def render_pdfs(docs: dict, work: Path) -> None:
    jobs = []
    for i, (rel, text) in enumerate(sorted(docs.items())):
        source = work / f"doc{i:03d}.html"
        source.write_text(text, encoding="utf-8")
        jobs.append((source, CONTENT / rel, work / f"profile{i:03d}"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(print_pdf, jobs))


# ---------------------------------------------------------------- drawn pictures

def label(image: Image.Image, text: str = "ภาพตัวอย่าง") -> None:
    """The small "sample picture" tag in the bottom-right corner."""
    draw = ImageDraw.Draw(image)
    face = font(max(14, image.width // 40), bold=True)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=face)
    x, y = image.width - (right - left) - 18, image.height - (bottom - top) - 16
    draw.rounded_rectangle((x - 8, y - 6, x + right - left + 8, y + bottom - top + 10), 6, fill=(30, 30, 30))
    draw.text((x - left, y - top + 2), text, font=face, fill=(255, 255, 255))


def gradient(size: tuple, top: tuple, bottom: tuple) -> Image.Image:
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height):
        t = y / max(1, height - 1)
        draw.line((0, y, width, y), fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    return image


def centered(draw: ImageDraw.ImageDraw, box: tuple, text: str, face, fill) -> None:
    left, top, right, bottom = draw.textbbox((0, 0), text, font=face)
    x = box[0] + (box[2] - box[0] - (right - left)) / 2 - left
    y = box[1] + (box[3] - box[1] - (bottom - top)) / 2 - top
    draw.text((x, y), text, font=face, fill=fill)


def make_logo(path: Path) -> None:
    size = 512
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=(20, 83, 45), outline=(212, 175, 55), width=14)
    draw.ellipse((52, 52, size - 52, size - 52), fill=(245, 240, 220))
    draw.polygon([(256, 84), (186, 196), (326, 196)], fill=(34, 120, 60))     # forest (ดง)
    draw.polygon([(256, 130), (166, 262), (346, 262)], fill=(46, 139, 87))
    draw.rectangle((242, 262, 270, 292), fill=(110, 70, 30))
    draw.rectangle((136, 292, 376, 314), fill=(176, 48, 48))                 # town gate (เมือง)
    for x in (150, 238, 326):
        draw.rectangle((x, 314, x + 36, 360), fill=(176, 48, 48))
    centered(draw, (80, 368, 432, 420), "อบต.ดงเมือง", font(40, True), (20, 83, 45))
    small = image.resize((256, 256), Image.LANCZOS)
    small.quantize(64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(path, "PNG", optimize=True)


def avatar(path: Path, name: str, political: bool) -> None:
    """An illustrated portrait: flat shapes, uniform or suit, never a photograph."""
    rng = seeded(name)
    female = name.startswith("นาง")
    palette = [((214, 228, 240), (168, 196, 224)), ((232, 224, 206), (204, 186, 150)), ((220, 236, 220), (170, 204, 178))]
    image = gradient((400, 500), *palette[rng.randrange(len(palette))])
    draw = ImageDraw.Draw(image)
    skin = rng.choice([(233, 196, 160), (222, 181, 140), (205, 160, 120), (240, 205, 172)])
    hair = rng.choice([(30, 28, 28), (52, 40, 34), (70, 60, 56)])
    cloth = (34, 44, 82) if political else (150, 134, 92)
    if female:
        draw.rounded_rectangle((112, 150, 288, 360), 80, fill=hair)                  # long hair behind
    draw.ellipse((40, 372, 360, 640), fill=cloth)                                    # shoulders
    draw.rectangle((176, 310, 224, 390), fill=skin)                                  # neck
    collar = (240, 240, 240) if political else (120, 106, 70)
    draw.polygon([(150, 380), (200, 440), (250, 380), (224, 372), (200, 410), (176, 372)], fill=collar)
    if political:
        draw.polygon([(192, 410), (208, 410), (214, 470), (200, 488), (186, 470)], fill=(150, 30, 40))
    else:
        draw.rectangle((250, 430, 310, 446), fill=(230, 230, 230))                   # name tag
        draw.rectangle((70, 392, 124, 404), fill=(90, 80, 50))                       # epaulettes
        draw.rectangle((276, 392, 330, 404), fill=(90, 80, 50))
    draw.ellipse((114, 210, 140, 250), fill=skin)                                    # ears
    draw.ellipse((260, 210, 286, 250), fill=skin)
    draw.ellipse((126, 140, 274, 320), fill=skin)                                    # face
    draw.chord((120, 118, 280, 250), 180, 360, fill=hair)                            # hair top
    if female:
        draw.pieslice((116, 130, 220, 230), 180, 300, fill=hair)
    for x in (168, 216):
        draw.ellipse((x, 222, x + 16, 236), fill=(40, 30, 30))
        draw.arc((x - 4, 204, x + 20, 216), 200, 340, fill=hair, width=4)
    if rng.random() < 0.35:
        draw.ellipse((158, 212, 194, 246), outline=(50, 50, 50), width=3)
        draw.ellipse((206, 212, 242, 246), outline=(50, 50, 50), width=3)
        draw.line((194, 228, 206, 228), fill=(50, 50, 50), width=3)
    draw.arc((178, 258, 222, 290), 20, 160, fill=(150, 70, 70), width=4)             # smile
    label(image, "ภาพประกอบ")
    save_jpeg(image, path)


SHIRTS = [(150, 134, 92), (236, 236, 236), (52, 96, 160), (196, 72, 72), (90, 150, 100), (230, 180, 60), (120, 90, 160)]


def person(draw, x: float, y: float, h: float, rng: random.Random, shirt=None, arm_up: bool = False) -> None:
    """A simple standing figure whose feet are at (x, y) and whose height is h."""
    shirt = shirt or rng.choice(SHIRTS)
    skin = rng.choice([(233, 196, 160), (214, 170, 130), (196, 150, 110)])
    head = h * 0.17
    draw.rectangle((x - h * 0.09, y - h * 0.42, x + h * 0.09, y), fill=(60, 60, 70))                   # legs
    draw.rounded_rectangle((x - h * 0.14, y - h * 0.78, x + h * 0.14, y - h * 0.38), h * 0.05, fill=shirt)
    if arm_up:
        draw.line((x + h * 0.12, y - h * 0.72, x + h * 0.22, y - h * 1.0), fill=skin, width=max(2, int(h * 0.05)))
    draw.ellipse((x - head / 2, y - h * 0.78 - head, x + head / 2, y - h * 0.78), fill=skin)
    draw.chord((x - head / 2, y - h * 0.78 - head, x + head / 2, y - h * 0.78 - head * 0.3), 180, 360, fill=(35, 30, 30))


def seated_back(draw, x: float, y: float, s: float, rng: random.Random) -> None:
    """An audience member seen from behind: shoulders and the back of a head."""
    draw.rounded_rectangle((x - s * 0.5, y - s * 0.55, x + s * 0.5, y + s * 0.3), s * 0.2, fill=rng.choice(SHIRTS))
    hair = rng.choice([(30, 28, 28), (60, 50, 45), (150, 150, 150)])
    draw.ellipse((x - s * 0.28, y - s * 1.05, x + s * 0.28, y - s * 0.45), fill=hair)


def banner(draw, box: tuple, text: str, fill=(170, 30, 40), ink=(255, 255, 255), size: int = 30) -> None:
    draw.rectangle(box, fill=fill)
    draw.rectangle((box[0] + 6, box[1] + 6, box[2] - 6, box[3] - 6), outline=(240, 200, 80), width=3)
    face = font(size, True)
    while size > 12 and draw.textlength(text, font=face) > box[2] - box[0] - 28:
        size -= 1
        face = font(size, True)
    centered(draw, box, text, face, ink)


def tree(draw, x: float, y: float, s: float) -> None:
    draw.rectangle((x - s * 0.08, y - s * 0.5, x + s * 0.08, y), fill=(110, 75, 40))
    draw.ellipse((x - s * 0.45, y - s * 1.25, x + s * 0.45, y - s * 0.4), fill=(60, 140, 70))


def house(draw, x: float, y: float, w: float, roof=(150, 60, 50)) -> None:
    draw.rectangle((x, y - w * 0.55, x + w, y), fill=(214, 190, 150))
    draw.polygon([(x - w * 0.1, y - w * 0.55), (x + w / 2, y - w * 0.95), (x + w * 1.1, y - w * 0.55)], fill=roof)
    draw.rectangle((x + w * 0.4, y - w * 0.3, x + w * 0.6, y), fill=(120, 80, 50))


def indoor(text: str, rng: random.Random, screen: bool = True) -> Image.Image:
    """A meeting room: banner, screen, speaker and rows of people seen from behind."""
    image = gradient((800, 500), (236, 228, 210), (214, 204, 184))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 330, 800, 500), fill=(176, 150, 118))
    banner(draw, (100, 30, 700, 96), text, size=28)
    if screen:
        draw.rectangle((470, 120, 700, 260), fill=(250, 250, 252), outline=(80, 80, 80), width=4)
        for i in range(4):
            draw.rectangle((495, 145 + i * 26, 495 + rng.randint(120, 180), 155 + i * 26), fill=(120, 150, 200))
    draw.rectangle((170, 230, 260, 330), fill=(120, 80, 50))
    person(draw, 215, 330, 190, rng, shirt=(150, 134, 92))
    for row, (y, s) in enumerate(((440, 62), (500, 74))):
        for i in range(9 - row):
            seated_back(draw, 60 + i * (92 + row * 8) + rng.randint(-6, 6), y, s, rng)
    return image


def group_work(text: str, rng: random.Random) -> Image.Image:
    image = gradient((800, 500), (232, 236, 226), (206, 214, 200))
    draw = ImageDraw.Draw(image)
    banner(draw, (160, 24, 640, 82), text, fill=(30, 90, 140), size=26)
    for cx, cy in ((220, 330), (580, 330)):
        draw.ellipse((cx - 150, cy - 40, cx + 150, cy + 60), fill=(150, 100, 60))
        for i in range(5):
            person(draw, cx + 170 * (i - 2) / 2.2, cy - 10 + 10 * (i % 2), 150, rng)
        draw.rectangle((cx - 60, cy - 5, cx + 60, cy + 25), fill=(250, 250, 240))
    draw.rectangle((330, 120, 470, 230), fill=(255, 255, 255), outline=(60, 60, 60), width=3)
    for i in range(6):
        draw.rectangle((345 + (i % 3) * 42, 135 + (i // 3) * 45, 375 + (i % 3) * 42, 165 + (i // 3) * 45),
                       fill=rng.choice([(255, 230, 120), (160, 220, 250), (250, 170, 190)]))
    return image


def outdoor(text: str, rng: random.Random, hands: bool = False, extra=None) -> Image.Image:
    """People in rows in front of the office building, under a banner."""
    image = gradient((800, 500), (150, 200, 240), (220, 236, 248))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 360, 800, 500), fill=(190, 190, 180))
    draw.rectangle((120, 120, 680, 360), fill=(240, 236, 226))
    draw.polygon([(100, 120), (400, 40), (700, 120)], fill=(170, 60, 50))
    for x in range(150, 660, 70):
        draw.rectangle((x, 180, x + 40, 240), fill=(110, 150, 190))
    banner(draw, (180, 250, 620, 310), text, size=26)
    if extra:
        extra(draw, rng)
    for row, (y, h) in enumerate(((420, 130), (470, 150))):
        for i in range(10 - row * 2):
            person(draw, 70 + i * (74 + row * 18) + rng.randint(-5, 5), y + row * 10, h, rng, arm_up=hands)
    return image


def roadside(text: str, rng: random.Random, tower: bool = False) -> Image.Image:
    image = gradient((800, 500), (140, 196, 236), (214, 232, 246))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 800, 500), fill=(120, 170, 90))
    draw.polygon([(0, 500), (260, 300), (380, 300), (330, 500)], fill=(90, 90, 96))
    draw.line((295, 310, 240, 500), fill=(240, 240, 240), width=6)
    if tower:
        draw.rectangle((640, 90, 720, 150), fill=(90, 140, 190))
        for x in (648, 704):
            draw.line((x, 150, x - 10, 320), fill=(110, 110, 110), width=8)
    draw.polygon([(400, 200), (560, 150), (720, 200)], fill=(230, 90, 40))
    draw.rectangle((400, 200, 720, 215), fill=(200, 70, 30))
    for x in (410, 706):
        draw.line((x, 215, x, 380), fill=(120, 120, 120), width=6)
    draw.rectangle((440, 300, 680, 340), fill=(250, 250, 250))
    banner(draw, (420, 160, 700, 198), text, fill=(20, 80, 150), size=20)
    for i in range(6):
        person(draw, 450 + i * 42, 400, 120, rng, shirt=(250, 140, 30))
    return image


def night_water(rng: random.Random) -> Image.Image:
    image = gradient((800, 500), (12, 20, 60), (40, 50, 110))
    draw = ImageDraw.Draw(image)
    draw.ellipse((600, 50, 690, 140), fill=(250, 246, 210))
    for _ in range(40):
        x, y = rng.randint(0, 800), rng.randint(0, 200)
        draw.ellipse((x, y, x + 3, y + 3), fill=(240, 240, 200))
    draw.rectangle((0, 260, 800, 500), fill=(20, 40, 90))
    for _ in range(14):
        x, y = rng.randint(40, 760), rng.randint(300, 480)
        draw.ellipse((x - 40, y - 50, x + 40, y + 10), fill=(80, 70, 30))
        draw.ellipse((x - 24, y - 10, x + 24, y + 12), fill=(40, 120, 50))
        draw.polygon([(x - 16, y - 2), (x, y - 30), (x + 16, y - 2)], fill=(230, 200, 80))
        draw.line((x, y - 30, x, y - 44), fill=(255, 240, 180), width=3)
    return image


def field(text: str, rng: random.Random, haze: bool = False, planting: bool = False) -> Image.Image:
    sky = ((200, 196, 180), (226, 220, 200)) if haze else ((120, 190, 240), (210, 232, 248))
    image = gradient((800, 500), *sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 280, 800, 500), fill=(170, 150, 80) if haze else (120, 170, 80))
    for x in range(0, 800, 40):
        draw.line((x, 280, x - 120, 500), fill=(150, 130, 70) if haze else (100, 150, 70), width=3)
    for x in (60, 160, 700):
        tree(draw, x, 290, 120)
    draw.rectangle((300, 200, 316, 330), fill=(120, 90, 60))
    banner(draw, (220, 140, 560, 210), text, fill=(30, 110, 60), size=26)
    if planting:
        for i in range(7):
            x = 120 + i * 90
            draw.line((x, 440, x, 405), fill=(60, 120, 50), width=4)
            draw.ellipse((x - 14, 392, x + 14, 416), fill=(80, 170, 80))
            person(draw, x + 34, 470, 130, rng)
    return image


def village(text: str, rng: random.Random, flood: bool = False) -> Image.Image:
    image = gradient((800, 500), (150, 190, 230), (220, 232, 244))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 800, 500), fill=(130, 170, 90))
    for i, x in enumerate((40, 300, 560)):
        house(draw, x, 330, 180, roof=rng.choice([(150, 60, 50), (80, 90, 120), (170, 110, 50)]))
    banner(draw, (200, 20, 600, 76), text, fill=(30, 90, 140), size=24)
    if flood:
        draw.rectangle((0, 300, 800, 500), fill=(150, 120, 80))
        for y in range(310, 500, 24):
            draw.arc((rng.randint(-40, 0), y, 800, y + 30), 200, 340, fill=(180, 150, 110), width=2)
        for i in range(4):
            x = 160 + i * 150
            person(draw, x, 470, 150, rng, shirt=(250, 140, 30))
            draw.rectangle((x - 28, 292, x + 28, 322), fill=(240, 230, 200))
    else:
        for i in range(6):
            x = 100 + i * 120
            person(draw, x, 470, 140, rng)
            draw.rectangle((x + 22, 430, x + 50, 462), fill=(70, 130, 200))
    return image


def procession(rng: random.Random) -> Image.Image:
    image = gradient((800, 500), (130, 190, 240), (220, 236, 248))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 330, 800, 500), fill=(96, 96, 100))
    for x in (40, 720):
        tree(draw, x, 340, 150)
    draw.rounded_rectangle((220, 280, 600, 360), 20, fill=(200, 160, 40))
    draw.rounded_rectangle((360, 80, 460, 290), 16, fill=(240, 200, 60), outline=(200, 150, 30), width=6)
    draw.polygon([(410, 40), (390, 80), (430, 80)], fill=(255, 230, 120))
    for y in range(110, 280, 34):
        draw.arc((360, y, 460, y + 30), 0, 180, fill=(190, 140, 20), width=4)
    for x in (250, 320, 500, 570):
        draw.ellipse((x - 18, 370, x + 18, 406), fill=(40, 40, 40))
    for i in range(8):
        person(draw, 60 + i * 95, 480, 120, rng, shirt=(250, 250, 250))
    return image


def kids(rng: random.Random, text: str = "งานวันเด็กแห่งชาติ 2568") -> Image.Image:
    image = gradient((800, 500), (130, 200, 245), (230, 244, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 340, 800, 500), fill=(120, 180, 90))
    banner(draw, (170, 24, 630, 84), text, fill=(220, 80, 120), size=28)
    for _ in range(16):
        x, y = rng.randint(40, 760), rng.randint(100, 250)
        colour = rng.choice([(240, 80, 80), (250, 200, 40), (80, 160, 240), (120, 200, 120), (200, 120, 220)])
        draw.line((x, y + 30, x + rng.randint(-20, 20), y + 140), fill=(90, 90, 90), width=2)
        draw.ellipse((x - 20, y - 26, x + 20, y + 30), fill=colour)
    for i in range(9):
        person(draw, 60 + i * 85, 470, rng.choice((100, 110, 150)), rng)
    return image


def loom(rng: random.Random) -> Image.Image:
    image = gradient((800, 500), (226, 210, 180), (200, 180, 150))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 380, 800, 500), fill=(150, 110, 70))
    for x0 in (80, 440):
        draw.rectangle((x0, 140, x0 + 280, 160), fill=(110, 70, 40))
        for x in (x0, x0 + 260):
            draw.rectangle((x, 140, x + 20, 400), fill=(110, 70, 40))
        for i, y in enumerate(range(200, 330, 14)):
            draw.rectangle((x0 + 30, y, x0 + 250, y + 12),
                           fill=rng.choice([(170, 30, 60), (220, 160, 40), (60, 40, 120), (30, 110, 90)]))
        person(draw, x0 + 140, 470, 150, rng)
    return image


def desk(text: str, rng: random.Random) -> Image.Image:
    image = gradient((800, 500), (236, 232, 222), (220, 214, 200))
    draw = ImageDraw.Draw(image)
    banner(draw, (180, 30, 620, 90), text, fill=(20, 80, 150), size=26)
    person(draw, 300, 330, 180, rng, shirt=(150, 134, 92))
    person(draw, 520, 470, 220, rng, shirt=(236, 236, 236))
    draw.rectangle((120, 300, 680, 340), fill=(150, 100, 60))
    draw.rectangle((140, 340, 660, 430), fill=(170, 120, 80))
    draw.rectangle((380, 270, 460, 300), fill=(250, 250, 250))
    return image


def wreath(draw, rng) -> None:
    draw.ellipse((330, 300, 470, 440), fill=(200, 40, 40))
    draw.ellipse((365, 335, 435, 405), fill=(245, 220, 90))


SCENES = {
    "ita/2568/files/o16/obrom-chariyatham-1.jpg": lambda r: indoor("อบรมคุณธรรมจริยธรรมและการป้องกันการทุจริต 2568", r),
    "ita/2568/files/o16/obrom-chariyatham-2.jpg": lambda r: group_work("กิจกรรมกลุ่ม: กรณีศึกษาผลประโยชน์ทับซ้อน", r),
    "ita/2568/files/o20/prachakhom-tambon-1.jpg": lambda r: indoor("เวทีประชาคมตำบลดงเมือง ครั้งที่ 1/2568", r),
    "ita/2568/files/o20/prachakhom-tambon-2.jpg": lambda r: group_work("จัดลำดับความสำคัญของโครงการ ปี 2569", r),
    "ita/2568/files/o20/prachum-phu-chai-nam.jpg": lambda r: roadside("รับฟังความคิดเห็นผู้ใช้น้ำประปา", r, tower=True),
    "ita/2568/files/o21/prakat-jetanarom-1.jpg": lambda r: outdoor("No Gift Policy อบต.ดงเมือง 2568", r),
    "ita/2568/files/o21/prakat-jetanarom-2.jpg": lambda r: outdoor("ไม่รับของขวัญทุกชนิด", r, hands=True),
    "ita/2568/files/o21/chi-chaeng-no-gift.jpg": lambda r: indoor("ชี้แจงแนวปฏิบัติ No Gift Policy", r),
    "news/images/2567-08-20-thopha-mai.jpg": loom,
    "news/images/2567-10-01-no-gift.jpg": lambda r: outdoor("ประกาศเจตนารมณ์ No Gift Policy", r, hands=True),
    "news/images/2567-10-23-piyamaharat.jpg": lambda r: outdoor("วันปิยมหาราช 23 ตุลาคม", r, extra=wreath),
    "news/images/2567-11-15-loi-krathong.jpg": night_water,
    "news/images/2567-12-26-jut-borikan.jpg": lambda r: roadside("จุดบริการประชาชน ปีใหม่ 2568", r),
    "news/images/2568-01-11-wan-dek.jpg": kids,
    "news/images/2568-02-12-prachakhom.jpg": lambda r: indoor("ประชาคมตำบล ทบทวนแผนพัฒนาท้องถิ่น", r),
    "news/images/2568-03-05-ngot-phao.jpg": lambda r: field("งดเผา ลดฝุ่น PM2.5", r, haze=True),
    "news/images/2568-04-10-songkran.jpg": lambda r: outdoor("รดน้ำดำหัวผู้สูงอายุ 2568", r),
    "news/images/2568-05-20-big-cleaning.jpg": lambda r: village("Big Cleaning Day ป้องกันไข้เลือดออก", r),
    "news/images/2568-06-05-plook-tonmai.jpg": lambda r: field("ปลูกต้นไม้ วันสิ่งแวดล้อมโลก", r, planting=True),
    "news/images/2568-07-09-hae-thian.jpg": procession,
    "news/images/2568-08-28-uthokkaphai.jpg": lambda r: village("ช่วยเหลือผู้ประสบอุทกภัย", r, flood=True),
    "news/images/2568-09-25-longthabian.jpg": lambda r: desk("ลงทะเบียนเบี้ยยังชีพผู้สูงอายุ", r),
}


def make_scenes(scenes: dict) -> list:
    made = []
    for rel, draw_scene in scenes.items():
        image = draw_scene(seeded(rel)).resize((640, 400), Image.LANCZOS)
        label(image)
        save_jpeg(image, CONTENT / rel)
        made.append(rel)
    return made


POLITICAL_INK, POLITICAL_FILL = (138, 90, 0), (255, 244, 222)
PERMANENT_INK, PERMANENT_FILL = (29, 78, 137), (232, 241, 252)


def chart_box(draw, centre: tuple, size: tuple, lines: list, political: bool) -> tuple:
    """A rounded box with one to three centred lines; returns its bounds."""
    (cx, cy), (w, h) = centre, size
    box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    ink, fill = (POLITICAL_INK, POLITICAL_FILL) if political else (PERMANENT_INK, PERMANENT_FILL)
    draw.rounded_rectangle(box, 10, fill=fill, outline=ink, width=3)
    lines = [part for text, bold in lines for part in wrap(draw, text, bold, w - 20)]
    step = h / (len(lines) + 1)
    for i, (text, bold) in enumerate(lines):
        y = box[1] + step * (i + 1)
        centered(draw, (box[0], y - 16, box[2], y + 16), text, fitted(draw, text, bold, w - 16), (20, 20, 20))
    return box


def wrap(draw, text: str, bold: bool, width: float) -> list:
    """Split a too-long line at its last space (Thai text has spaces only between phrases)."""
    if " " in text and draw.textlength(text, font=font(22 if bold else 19, bold)) > width:
        head, tail = text.rsplit(" ", 1)
        return [(head, bold), (tail, bold)]
    return [(text, bold)]


def fitted(draw, text: str, bold: bool, width: float):
    size = 22 if bold else 19
    while size > 12 and draw.textlength(text, font=font(size, bold)) > width:
        size -= 1
    return font(size, bold)


def link(draw, a: tuple, b: tuple, colour=(90, 90, 90)) -> None:
    """An elbow connector from the bottom of box a to the top of box b."""
    x1, y1 = (a[0] + a[2]) / 2, a[3]
    x2, y2 = (b[0] + b[2]) / 2, b[1]
    middle = (y1 + y2) / 2
    draw.line([(x1, y1), (x1, middle), (x2, middle), (x2, y2)], fill=colour, width=3)


def make_org_chart(path: Path, year: int = 2568) -> None:
    data = load("O1", year)
    pol = {p["position"]: p["holder"] for p in data["political"]}
    perm = data["permanent"]
    image = Image.new("RGB", (1800, 1120), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    centered(draw, (0, 14, 1800, 70), f"แผนผังโครงสร้าง{AGENCY}", font(40, True), (20, 20, 20))
    council = chart_box(draw, (330, 170), (460, 110), [("สภาองค์การบริหารส่วนตำบล", True),
                        (f"ประธานสภา: {pol['ประธานสภาองค์การบริหารส่วนตำบลดงเมือง']}", False),
                        ("สมาชิกสภา 12 คน (หมู่ที่ 1–12)", False)], True)
    chief = chart_box(draw, (1160, 170), (460, 110), [("นายกองค์การบริหารส่วนตำบล", True),
                      (pol["นายกองค์การบริหารส่วนตำบลดงเมือง"], False)], True)
    draw.line((council[2], 170, chief[0], 170), fill=(90, 90, 90), width=3)
    deputies = [chart_box(draw, (x, 330), (240, 96), lines, True) for x, lines in (
        (1120, [("รองนายก อบต. คนที่ 1", True), (pol["รองนายกองค์การบริหารส่วนตำบลดงเมือง คนที่ 1"], False)]),
        (1385, [("รองนายก อบต. คนที่ 2", True), (pol["รองนายกองค์การบริหารส่วนตำบลดงเมือง คนที่ 2"], False)]),
        (1650, [("เลขานุการนายก อบต.", True), (pol["เลขานุการนายกองค์การบริหารส่วนตำบลดงเมือง"], False)]))]
    for box in deputies:
        link(draw, chief, box)
    palad = chart_box(draw, (900, 500), (440, 96), [(perm[0]["unit"].split(" (")[0], True), (perm[0]["head"], False)], False)
    deputy = chart_box(draw, (900, 650), (440, 96), [(perm[1]["unit"].split(" (")[0], True), (perm[1]["head"], False)], False)
    draw.line((chief[0] + 20, chief[3], chief[0] + 20, 420, 900, 420, 900, palad[1]), fill=(90, 90, 90), width=3)
    link(draw, palad, deputy)
    audit = chart_box(draw, (1450, 500), (360, 96), [(perm[-1]["unit"], True), (perm[-1]["head"].split(" (")[0], False)], False)
    draw.line((palad[2], 500, audit[0], 500), fill=(90, 90, 90), width=3)
    for i, unit in enumerate(perm[2:-1]):
        head = unit["head"].split(" (")[0]
        box = chart_box(draw, (190 + i * 355, 860), (330, 130), [(short(unit["unit"]), True), (head, False)], False)
        link(draw, deputy, box)
    legend_font = font(20)
    draw.rectangle((60, 1040, 90, 1064), fill=POLITICAL_FILL, outline=POLITICAL_INK, width=3)
    draw.text((100, 1036), "ฝ่ายการเมือง (สภา อบต. และฝ่ายบริหาร)", font=legend_font, fill=(20, 20, 20))
    draw.rectangle((560, 1040, 590, 1064), fill=PERMANENT_FILL, outline=PERMANENT_INK, width=3)
    draw.text((600, 1036), "ฝ่ายข้าราชการประจำ (ปลัด รองปลัด และส่วนราชการ)", font=legend_font, fill=(20, 20, 20))
    draw.text((1180, 1036), "ภาพประกอบจากข้อมูลตัวอย่าง", font=legend_font, fill=(120, 120, 120))
    save_png(image, path, colours=32)


def make_map(path: Path) -> None:
    image = Image.new("RGB", (900, 600), (236, 240, 226))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 900, 600), fill=(226, 236, 214))
    draw.polygon([(600, 420), (760, 380), (880, 470), (700, 560)], fill=(170, 206, 236))       # หนองสิม
    draw.line((0, 160, 900, 220), fill=(244, 190, 80), width=22)                               # highway
    draw.line((520, 190, 470, 600), fill=(255, 255, 255), width=14)                            # local road
    draw.line((470, 400, 900, 330), fill=(255, 255, 255), width=10)
    small, bold = font(20), font(22, True)
    draw.text((30, 120), "ทางหลวงหมายเลข 213 → ไป อ.โนนสำราญ / จ.กาฬสินธุ์", font=small, fill=(90, 60, 0))
    draw.text((540, 250), "กส.ถ 45-012", font=small, fill=(60, 60, 60))
    draw.text((548, 176), "สี่แยกบ้านโคกกลาง", font=small, fill=(60, 60, 60))
    draw.rectangle((330, 330, 440, 400), fill=(200, 200, 240), outline=(80, 80, 140), width=2)
    draw.text((300, 405), "โรงเรียนบ้านดงเมือง", font=small, fill=(40, 40, 90))
    draw.ellipse((512, 316, 540, 344), fill=(200, 30, 30))
    draw.polygon([(514, 336), (538, 336), (526, 366)], fill=(200, 30, 30))
    draw.ellipse((520, 324, 532, 336), fill=(255, 255, 255))
    draw.text((550, 318), "สำนักงาน อบต.ดงเมือง", font=bold, fill=(160, 20, 20))
    draw.text((700, 490), "หนองสิม", font=small, fill=(30, 70, 120))
    draw.polygon([(840, 40), (826, 80), (854, 80)], fill=(40, 40, 40))
    draw.text((834, 84), "N", font=bold, fill=(40, 40, 40))
    draw.text((20, 566), "แผนที่สังเขป (ไม่ได้ตามมาตราส่วน) – ภาพตัวอย่าง", font=small, fill=(90, 90, 90))
    save_png(image, path, colours=32)


def make_pictures(scenes: dict) -> list:
    """Logo, charts, map, executive avatars and drawn scenes; returns their paths under content/."""
    made = ["images/logo.png", "ita/2568/files/o3/map.png"]
    (CONTENT / "images").mkdir(parents=True, exist_ok=True)
    make_logo(CONTENT / made[0])
    make_map(CONTENT / made[1])
    for year in YEARS:
        chart = at(load("O1", year)["chart"], year)
        make_org_chart(CONTENT / chart, year)
        made.append(chart)
        for person_ in load("O2", year)["executives"]:
            if own(person_["photo"]):
                rel = at(person_["photo"], year)
                avatar(CONTENT / rel, person_["name"], person_["role"] in ("chief", "deputy", "secretary", "council"))
                made.append(rel)
    return made + make_scenes(scenes)


# ---------------------------------------------------------------- checking and main

ATTACHMENT = re.compile(r"[\w./-]+\.(?:pdf|jpe?g|png|xlsx)$", re.IGNORECASE)


def referenced_files() -> set:
    """Every attachment path written in content/ YAML or Markdown front matter, relative to content/."""
    found = {"images/logo.png"}
    for source in sorted(CONTENT.rglob("*.yaml")) + sorted(CONTENT.rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        if source.suffix == ".md":
            if not text.startswith("---\n"):
                continue
            text = text[4:text.index("\n---", 3)]
        for value in strings(yaml.load(text, Loader=yaml.BaseLoader)):
            if ATTACHMENT.match(value) and "://" not in value:
                found.add((source.parent / value).resolve().relative_to(CONTENT.resolve()).as_posix())
    return found


def strings(node) -> list:
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return [node] if isinstance(node, str) else []


def check(made: set) -> int:
    wanted = referenced_files()
    problems = [f"named in content/ but not made: {p}" for p in sorted(wanted - made)]
    problems += [f"made but named nowhere: {p}" for p in sorted(made - wanted)]
    problems += [f"missing on disk: {p}" for p in sorted(wanted) if not (CONTENT / p).is_file()]
    for rel in sorted(made):
        size = (CONTENT / rel).stat().st_size
        limit = 60_000 if rel.endswith(".jpg") else 120_000
        if size > limit:
            problems.append(f"too large ({size:,} bytes): {rel}")
    for line in problems:
        print("PROBLEM:", line)
    return 1 if problems else 0


def main() -> int:
    # they import this module's helpers, so only here
    import sample_attachments_2569 as fy2569
    import sample_attachments_2570 as fy2570

    made = set(make_pictures({**SCENES, **fy2569.SCENES, **fy2570.SCENES}))
    # no 16-column workbook is attached: the build makes one from the YAML (one XLSX per table, issue 14)
    workbooks: dict = {}
    for xlsx, data in workbooks.items():
        (CONTENT / xlsx).parent.mkdir(parents=True, exist_ok=True)
        (CONTENT / xlsx).write_bytes(data)
    made.update(workbooks)
    docs = {**all_documents(), **fy2569.documents(), **fy2570.documents()}
    with tempfile.TemporaryDirectory(prefix="prongsai-sample-") as work:
        render_pdfs(docs, Path(work))
    made.update(docs)
    carried = fy2570.carry()  # copies of 2569's files, made above
    made.update(carried)
    total = sum((CONTENT / p).stat().st_size for p in made)
    pictures = len(made) - len(docs) - len(workbooks) - len(carried)
    print(f"made {len(docs)} PDFs, {pictures} pictures, {len(workbooks)} XLSX, {len(carried)} carried over; "
          f"{len(made)} files, {total / 1_000_000:.2f} MB")
    return check(made)


if __name__ == "__main__":
    sys.exit(main())
