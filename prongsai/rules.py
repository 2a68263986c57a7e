"""The element rules of the ITA readiness check, each a function of the item's content and the day.

Owns what each rule name in an element's `check` (framework data) means:
present, each, any_of, includes, any_entry, in_fiscal_year, fiscal_year, covers,
as_of, months, sums, summary, file_types; and each rule's Thai/English message
with the line to fix. How a dotted path reaches its values is reach.py's; the
rules that hold dates and years to their periods are periods.py's.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date

from . import thai
from .problems import ERROR, WARNING, Problem
from .framework import agency_words
from .reach import Found, RuleContext, anchor, empty, field_at, find, problem_at, spaced

#: Months an item with the first_half period must cover: October to March.
FIRST_HALF = 6


def rule_present(ctx: RuleContext, paths: list) -> list:
    """Every value at each path is written (and each list has at least one entry)."""
    problems = []
    for path in paths:
        for found in find(ctx, path):
            if not empty(found.value):
                continue
            name = path.split(".")[-1]
            if path == "body":
                markdown = found.path.rsplit(".", 1)[0] + ".md"
                problems.append(problem_at(found, f"ยังไม่มี{found.field.label}", f"{found.field.en} is missing",
                                         f"เขียนข้อความในไฟล์ {markdown} (ไฟล์ Markdown ข้างไฟล์ YAML)",
                                         f"write it in {markdown}, the Markdown file beside the YAML"))
                continue
            problems.append(problem_at(found, f"ยังไม่มี{found.field.label} (ช่อง {name})",
                                     f"{found.field.en or name} is missing (field {name})",
                                     f"เพิ่มช่อง {name}: พร้อมข้อมูล", f"add the field {name}: with its value"))
    return problems


def rule_any_of(ctx: RuleContext, paths: list) -> list:
    """At least one of the paths is written: per list entry when they share a list, else anywhere."""
    groups = [find(ctx, path) for path in paths]
    if len({len(g) for g in groups}) == 1 and all(len(g) > 1 or g[0].key[:-1] for g in groups):
        problems = []
        for alternatives in zip(*groups):
            if all(empty(f.value) for f in alternatives):
                problems.append(_missing_all(alternatives, paths))
        return problems
    if all(empty(f.value) for group in groups for f in group):
        return [_missing_all([group[0] for group in groups], paths)]
    return []


def _missing_all(alternatives, paths: list) -> Problem:
    names = " หรือ ".join(f.field.label for f in alternatives)
    return problem_at(alternatives[0], f"ยังไม่มี{names} (ต้องมีอย่างน้อยหนึ่งอย่าง)", f"none of {', '.join(paths)} is written",
                      f"เพิ่มช่อง {' หรือ '.join(p.split('.')[-1] for p in paths)}",
                      f"add {' or '.join(p.split('.')[-1] for p in paths)}")


def _is_local(ctx: RuleContext) -> bool:
    kind = ctx.site.settings.get("agency_kind")
    return agency_words(kind.key if kind else "other").get("local") == "true"


def rule_includes(ctx: RuleContext, args: dict) -> list:
    """A choice field's values include each of the required choices (the chief and the deputies...).

    With `local_only`, only a local administration (อปท.) is held to it (its permanent-side executives).
    """
    if args.get("local_only") == "true" and not _is_local(ctx):
        return []
    found = find(ctx, args["field"])
    have = {f.value.key for f in found if f.value is not None}
    choices, place = field_at(ctx, args["field"]).choices, anchor(ctx, args["field"])
    problems = []
    for value in args["values"]:
        if value not in have:
            label = choices.get(value, value)
            problems.append(problem_at(place, f"ยังไม่มี '{label}' ({args['field'].split('.')[-1]}: {value})",
                                     f"no entry with {args['field'].split('.')[-1]}: {value} ({label})",
                                     f"เพิ่มรายการที่มี {args['field'].split('.')[-1]}: {value}",
                                     f"add an entry with {args['field'].split('.')[-1]}: {value}"))
    return problems


def _matches(entry: dict, where: dict) -> bool:
    for name, wanted in where.items():
        value = entry.get(name)
        written = value.key if hasattr(value, "key") else str(value).lower() if isinstance(value, bool) else value
        if written not in (wanted if isinstance(wanted, list) else [wanted]):
            return False
    return True


def rule_any_entry(ctx: RuleContext, args: dict) -> list:
    """At least one entry of a list has every value asked for (an online channel kept for corruption complaints)."""
    entries = [f.value for f in find(ctx, args["field"]) if isinstance(f.value, dict)]
    if any(_matches(entry, args["where"]) for entry in entries):
        return []
    wanted = "  ".join(f"{name}: {' หรือ '.join(v) if isinstance(v, list) else v}" for name, v in args["where"].items())
    wanted_en = "  ".join(f"{name}: {' or '.join(v) if isinstance(v, list) else v}" for name, v in args["where"].items())
    return [problem_at(anchor(ctx, args["field"]), args["th"], args["en"], f"เพิ่มรายการที่มี  {wanted}",
                       f"add an entry with  {wanted_en}")]


def rule_each(ctx: RuleContext, args: dict) -> list:
    """Every entry of a list has the named fields; a list with no entries asks nothing (a month marked as having
    no procurement has no rows to fill)."""
    problems = []
    for entry in find(ctx, args["list"]):
        if not isinstance(entry.value, dict):
            continue  # an empty list: nothing to fill
        for name in args["present"]:
            if empty(entry.value.get(name)):
                field = entry.field.sub(name)
                problems.append(problem_at(entry, f"ยังไม่มี{field.label} (ช่อง {name})", f"{field.en or name} is missing (field {name})",
                                           f"เพิ่มช่อง {name}: พร้อมข้อมูล", f"add the field {name}: with its value"))
    return problems


def rule_in_fiscal_year(ctx: RuleContext, args: dict) -> list:
    """At least `min` dates at the path fall inside the fiscal year."""
    found = find(ctx, args["field"], every_year=True)
    start, end = thai.fiscal_year_start(ctx.fiscal_year), thai.fiscal_year_end(ctx.fiscal_year)
    dates = [f.value for f in found if isinstance(f.value, date)]
    inside = [d for d in dates if start <= d <= end]
    if len(inside) >= int(args.get("min", "1")):
        return []
    span_th = f"ปีงบประมาณ {ctx.fiscal_year} ({thai.format_date(start)} – {thai.format_date(end)})"
    hint = (f"ใช้ข้อมูลที่ลงวันที่ในปีงบประมาณ {ctx.fiscal_year}", f"use one dated in fiscal year {ctx.fiscal_year}")
    if len(found) == 1 and not found[0].where_th and found[0].field.type == "date":  # one date, not a list
        single = found[0]
        if single.value is None:
            return rule_present(ctx, [args["field"]])
        return [problem_at(single, f"{single.field.label} {thai.format_date(single.value)} ไม่อยู่ใน{span_th}",
                         f"{args['field']} {single.value.isoformat()} CE is not in fiscal year {ctx.fiscal_year}", *hint)]
    place = anchor(ctx, args["field"])
    latest = f" (ล่าสุด {thai.format_date(max(dates))})" if dates else ""
    latest_en = f" (latest {max(dates).isoformat()} CE)" if dates else ""
    return [problem_at(place, f"ยังไม่มี{spaced(place.field.label)}ที่ลงวันที่ใน{span_th}{latest}",
                     f"nothing in {args['field'].split('.')[0]} is dated in fiscal year {ctx.fiscal_year}{latest_en}", *hint)]


def _years(found: list) -> list:
    return [f for f in found if isinstance(f.value, int)]


def rule_fiscal_year(ctx: RuleContext, args: dict) -> list:
    """A year field names the fiscal year (offset -1: the previous one, for annual reports)."""
    expected = ctx.fiscal_year + int(args.get("offset", "0"))
    found = find(ctx, args["field"])
    written = _years(found)
    if any(f.value == expected for f in written):
        return []
    if not written:
        return rule_present(ctx, [args["field"]])
    f = written[0]
    return [problem_at(f, f"{f.field.label}เป็นของปีงบประมาณ {f.value} แต่ต้องเป็น {expected}",
                     f"{f.field.en}: this is for fiscal year {f.value}, but it must be {expected}",
                     f"ใช้เอกสารของปีงบประมาณ {expected} แล้วแก้ช่อง {args['field'].split('.')[-1]} เป็น {expected}",
                     f"publish the fiscal year {expected} document and write {expected}")]


def rule_covers(ctx: RuleContext, args: dict) -> list:
    """A plan's span (from..to, at least min_span years long) includes the fiscal year; any plan of a list will do."""
    prefix = args.get("list", "")
    join = (lambda name: f"{prefix}.{name}") if prefix else (lambda name: name)
    starts, ends = find(ctx, join(args["from"])), find(ctx, join(args["to"]))
    span = int(args.get("min_span", "0"))
    spans = [(a, b) for a, b in zip(starts, ends) if isinstance(a.value, int) and isinstance(b.value, int)]
    if any(a.value <= ctx.fiscal_year <= b.value and b.value - a.value >= span for a, b in spans):
        return []
    if not spans:
        return rule_present(ctx, [join(args["from"]), join(args["to"])])
    a, b = spans[0]
    if a.value <= ctx.fiscal_year <= b.value:  # it covers the year but spans too few years
        years = b.value - a.value + 1
        return [problem_at(a, f"แผนช่วงปี {a.value}–{b.value} ครอบคลุมเพียง {years} ปี แต่ต้องเป็นแผนหลายปี (อย่างน้อย {span + 1} ปี)",
                         f"the plan for {a.value}–{b.value} spans {years} year(s); it must span at least {span + 1} years",
                         "เผยแพร่แผนพัฒนาหลายปี (เช่น แผนพัฒนาท้องถิ่น 5 ปี) แล้วแก้ปีแรกและปีสุดท้าย",
                         "publish the multi-year plan and correct its first and last year")]
    wrong = b if b.value < ctx.fiscal_year else a  # the end that leaves the year out
    return [problem_at(wrong, f"แผนช่วงปี {a.value}–{b.value} ไม่ครอบคลุมปีงบประมาณ {ctx.fiscal_year}",
                     f"the plan for {a.value}–{b.value} does not cover fiscal year {ctx.fiscal_year}",
                     f"เผยแพร่แผนที่ครอบคลุมปี {ctx.fiscal_year} แล้วแก้ปีแรกและปีสุดท้ายของแผน",
                     f"publish a plan covering {ctx.fiscal_year} and correct its first and last year")]


def due_months(fiscal_year: int, as_of: date) -> list:
    """The fiscal year's months that have ended by `as_of`."""
    return [m for m in thai.fiscal_months(fiscal_year)
            if date(m.year, m.month, calendar.monthrange(m.year, m.month)[1]) < as_of]


def rule_as_of(ctx: RuleContext, args: dict) -> list:
    """A progress date reaches the end of the sixth month (or of the last month ended, if earlier)."""
    months = due_months(ctx.fiscal_year, ctx.as_of)[: int(args.get("month", str(FIRST_HALF)))]
    found = find(ctx, args["field"])
    if not months:
        return []
    last = months[-1]
    needed = date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
    value = found[0].value
    if value is None:
        return rule_present(ctx, [args["field"]])
    if value >= needed:
        return []
    return [problem_at(found[0], f"ข้อมูล ณ วันที่ {thai.format_date(value)} ยังไม่ถึง {thai.format_date(needed)}",
                     f"the data is as of {value.isoformat()} CE, before {needed.isoformat()} CE",
                     f"ปรับข้อมูลให้เป็นข้อมูล ณ วันที่ {thai.format_date(needed)} หรือหลังจากนั้น",
                     f"bring it up to {needed.isoformat()} CE or later")]


def rule_months(ctx: RuleContext, args: dict) -> list:
    """Every month of the fiscal year ended by today is there; October–March must be (later months: advice)."""
    entries = [f for f in find(ctx, args["field"]) if isinstance(f.value, dict)]
    by_month = {f.value["month"]: f for f in entries if f.value.get("month")}
    record = ctx.model.kinds[ctx.entry.item.kind].record
    list_found = Found(None, record.sub(args["field"]), (args["field"],), ctx.entry.source, ctx.entry.doc)
    first_half = thai.fiscal_months(ctx.fiscal_year)[:FIRST_HALF]
    problems = []
    for month in due_months(ctx.fiscal_year, ctx.as_of):
        severity = ERROR if month in first_half else WARNING
        if month not in by_month:
            problems.append(_with_severity(_missing_month(month, entries, list_found, args), severity))
        elif args.get("rows") and not by_month[month].value.get(args["rows"]) and not by_month[month].value.get(args["none"]):
            problem = problem_at(by_month[month], f"ไม่มีรายการ และไม่ได้ระบุว่าเดือนนี้ไม่มีการ{args['topic_th']}",
                               f"{month.iso}: no rows and not marked as a month without {args['topic_en']}",
                               f"เพิ่มรายการ หรือเขียน {args['none']}: true", f"add rows, or write {args['none']}: true")
            problems.append(_with_severity(problem, severity))
    return problems


def _missing_month(month: thai.Month, entries: list, list_found: Found, args: dict) -> Problem:
    """A missing month, pointed at where it belongs: before the first later month written, else after the last one."""
    dated = [replace(f, where_th="", where_en="") for f in entries if isinstance(f.value.get("month"), thai.Month)]
    later = [f for f in dated if f.value["month"] > month]
    th = f"ยังไม่มีข้อมูล{args['topic_th']}เดือน{thai.format_month(month)}"
    en = f"no {args['topic_en']} data for the month {month.iso} (BE) yet"
    if later:
        before = later[0].value["month"]
        return problem_at(later[0], th, en, f"เพิ่มเดือนนี้ก่อนเดือน{thai.format_month(before)} (บรรทัดนี้):  - month: {month.iso}",
                          f"add the month before {before.iso} (this line):  - month: {month.iso}")
    if dated:
        after = dated[-1].value["month"]
        return problem_at(dated[-1], th, en, f"เพิ่มเดือนนี้ต่อจากเดือน{thai.format_month(after)}:  - month: {month.iso}",
                          f"add the month after {after.iso}:  - month: {month.iso}")
    return problem_at(list_found, th, en, f"เพิ่มเดือนนี้ในช่อง {args['field']}:  - month: {month.iso}",
                      f"add the month to {args['field']}:  - month: {month.iso}")


def _with_severity(problem: Problem, severity: str) -> Problem:
    return problem if problem.severity == severity else Problem(**{**problem.__dict__, "severity": severity})


def rule_sums(ctx: RuleContext, args: dict) -> list:
    """In every entry, total = the sum of its parts (complaints received = finished + in progress)."""
    problems = []
    for found in find(ctx, args["field"]):
        entry = found.value if isinstance(found.value, dict) else None
        if not entry or any(entry.get(n) is None for n in [args["total"], *args["parts"]]):
            continue
        parts = [entry[n] for n in args["parts"]]
        if entry[args["total"]] != sum(parts):
            labels = " + ".join(f"{found.field.sub(n).label} {entry[n]}" for n in args["parts"])
            total_label = found.field.sub(args["total"]).label
            problems.append(problem_at(found, f"{total_label} {entry[args['total']]} ไม่เท่ากับ {labels}",
                                     f"{args['total']} {entry[args['total']]} is not {' + '.join(map(str, parts))}",
                                     f"แก้ให้ {args['total']} = {' + '.join(args['parts'])}",
                                     f"make {args['total']} = {' + '.join(args['parts'])}"))
    return problems


def rule_summary(ctx: RuleContext, args: dict) -> list:
    """A powers-and-duties text is a summary, not the statute pasted (counted by its มาตรา)."""
    found = find(ctx, args.get("field", "body"))[0]
    text = found.value or ""
    sections = text.count("มาตรา")
    if sections <= int(args.get("max_sections", "12")):
        return []
    return [problem_at(found, f"ข้อความมีคำว่า 'มาตรา' {sections} ครั้ง ดูเหมือนคัดลอกกฎหมายทั้งฉบับ",
                     f"the text cites 'มาตรา' {sections} times: it looks like the statute pasted whole",
                     "สรุปอำนาจหน้าที่เป็นข้อความของหน่วยงานเอง และอ้างถึงมาตราเท่าที่จำเป็น",
                     "summarise the powers and duties in your own words, citing only the key sections")]


def rule_file_types(ctx: RuleContext, args: dict) -> list:
    """At least one file at the path has one of the extensions (a machine-readable XLSX or CSV)."""
    found = find(ctx, args["field"])
    if any(getattr(f.value, "ext", "") in args["ext"] for f in found):
        return []
    kinds = ", ".join(args["ext"])
    return [problem_at(anchor(ctx, args["field"]), f"ยังไม่มีไฟล์ชนิด {kinds}", f"no {kinds} file yet",
                     f"แนบไฟล์ {kinds} ในช่อง {args['field'].split('.')[0]}", f"attach one file of: {kinds}")]


RULES = {
    "present": rule_present, "each": rule_each, "any_of": rule_any_of, "includes": rule_includes,
    "any_entry": rule_any_entry,
    "in_fiscal_year": rule_in_fiscal_year, "fiscal_year": rule_fiscal_year, "covers": rule_covers,
    "as_of": rule_as_of, "months": rule_months, "sums": rule_sums, "summary": rule_summary,
    "file_types": rule_file_types,
}
