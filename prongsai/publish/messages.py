"""What a publish tells the clerk, in Thai with English alongside: the dry-run list, the summary, every failure.

Owns the words; the CLI prints them, the workbench's Publish page shows them.
Every failure says what state the site on the host is in and what to do. No
message ever holds the password (the caller also masks it, in case a server
echoes it back).
"""

from __future__ import annotations

import ssl

from .hosts import LoginRefused
from .plan import Plan
from .progress import duration_text, size_text  # noqa: F401 - size_text: batch's line uses it too
from .target import PASSWORD_VARIABLE, Target
from .upload import GaveUp, Outcome

STILL_WHOLE_TH = "เว็บไซต์บนเครื่องปลายทางยังสมบูรณ์ทุกหน้า"
STILL_WHOLE_EN = "the site on the host is still whole"


def dry_run_text(plan: Plan, target: Target) -> str:
    lines = []
    for path, size in plan.uploads:
        mark, what = ("+", "ใหม่ new") if path in plan.new else ("~", "แก้ไข changed")
        lines.append(f"  {mark} {path} ({size_text(size)}, {what})")
    lines += [f"  - {path} (ลบ deleted)" for path in plan.deletions]
    if plan.empty:
        return (f"ไม่มีอะไรเปลี่ยน: เว็บไซต์บน {target.url} ตรงกับที่สร้างไว้แล้ว ({len(plan.kept)} ไฟล์) | "
                f"nothing to publish: the site on {target.url} already matches the build ({len(plan.kept)} files)")
    lines.append(f"ทดลองเท่านั้น ยังไม่ได้ส่งอะไร: จะอัปโหลด {len(plan.uploads)} ไฟล์ ({size_text(plan.upload_bytes)}) "
                 f"ลบ {len(plan.deletions)} ไฟล์ คงไว้ {len(plan.kept)} ไฟล์ ที่ {target.url} | "
                 f"dry run, nothing sent: would upload {len(plan.uploads)} files ({size_text(plan.upload_bytes)}), "
                 f"delete {len(plan.deletions)} and keep {len(plan.kept)} on {target.url}")
    return "\n".join(lines)


def summary_text(outcome: Outcome, target: Target) -> str:
    uploaded, deleted, kept = len(outcome.uploaded), len(outcome.deleted), len(outcome.plan.kept)
    size, took = size_text(outcome.uploaded_bytes), duration_text(outcome.seconds)
    if not uploaded and not deleted:
        return (f"เว็บไซต์บน {target.url} เป็นปัจจุบันอยู่แล้ว ไม่ต้องอัปโหลดอะไร ({kept} ไฟล์ ใน {outcome.seconds:.1f} วินาที) | "
                f"the site on {target.url} is up to date: nothing uploaded ({kept} files, {outcome.seconds:.1f} s)")
    retries = (f" ต่อใหม่ {outcome.retries} ครั้ง", f", {outcome.retries} reconnections") if outcome.retries else ("", "")
    return (f"เผยแพร่สำเร็จ: อัปโหลด {uploaded} ไฟล์ ({size}) ลบ {deleted} ไฟล์ คงไว้ {kept} ไฟล์ ใช้เวลา {took}{retries[0]} "
            f"-> {target.url}\n"
            f"Published: uploaded {uploaded} files ({size}), deleted {deleted}, kept {kept} unchanged in {took}"
            f"{retries[1]} -> {target.url}")


def regressed_text(items: list) -> str:
    named = ", ".join(items)
    return (f"ไม่ได้เผยแพร่: ข้อที่พร้อมอยู่บนเว็บไซต์จะกลายเป็นไม่พร้อม: {named} (ผู้ประเมินจะให้ 0 คะแนน) "
            f"แก้ให้พร้อมก่อน (ดู: python build.py check) หรือสั่งอีกครั้งพร้อม --allow-regress ถ้าตั้งใจ "
            f"{STILL_WHOLE_TH} ไม่ถูกเปลี่ยนแปลง\n"
            f"Not published: items ready on the published site would become not ready: {named} (an assessor would "
            f"score them 0). Make them ready (see: python build.py check), or run again with --allow-regress if this "
            f"is intended. The site on the host was not changed.")


def failure_text(failure: GaveUp, target: Target) -> str:
    """Why the publish stopped, what state the host is in, what to do."""
    error, where = failure.error, target.url
    if isinstance(error, LoginRefused) and error.host_key:
        return (f"กุญแจของเครื่อง {target.host} ไม่ตรงกับที่จำไว้ (อาจถูกดักกลางทาง หรือผู้ให้บริการเปลี่ยนเครื่อง): สอบถามผู้ให้บริการ "
                f"แล้วลบบรรทัดของเครื่องนี้ใน .prongsai/known_hosts ถ้าเปลี่ยนจริง ยังไม่ได้ส่งอะไร\n"
                f"The host key of {target.host} does not match the one remembered (someone in between, or the provider "
                f"changed servers): ask the provider, and if it really changed remove its line from .prongsai/known_hosts. "
                f"Nothing was sent.")
    if isinstance(error, LoginRefused):
        return (f"เครื่อง {target.host} ไม่ยอมรับชื่อผู้ใช้ {target.user} หรือรหัสผ่าน: ตรวจรหัสผ่าน ({PASSWORD_VARIABLE} หรือที่เก็บรหัสผ่าน"
                f"ของระบบ) แล้วสั่งอีกครั้ง ยังไม่ได้ส่งอะไร\n"
                f"{target.host} refused the user {target.user} or the password: check the password "
                f"({PASSWORD_VARIABLE} or the system keyring) and run again. Nothing was sent.")
    if isinstance(error, ssl.SSLCertVerificationError):
        return (f"ตรวจใบรับรอง TLS ของ {target.host} ไม่ผ่าน ({error.verify_message}): ขอไฟล์ใบรับรองจากผู้ให้บริการแล้วระบุด้วย "
                f"--cafile ไฟล์.pem ยังไม่ได้ส่งอะไร\n"
                f"The TLS certificate of {target.host} could not be verified ({error.verify_message}): get the "
                f"certificate from the provider and pass it with --cafile FILE.pem. Nothing was sent.")
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if failure.transient:
        return (f"การเชื่อมต่อกับ {target.host or where} ขาดซ้ำหลายครั้ง ({detail}) จึงหยุดไว้ก่อน {STILL_WHOLE_TH} "
                f"(ไฟล์ที่ขึ้นไปแล้วลิงก์ไปยังไฟล์ที่มีอยู่เท่านั้น) สั่ง publish อีกครั้งเมื่อสัญญาณดีขึ้น จะทำต่อจากที่ค้างไว้\n"
                f"The connection to {target.host or where} kept failing ({detail}), so publishing stopped for now; "
                f"{STILL_WHOLE_EN} (what went up links only to files that exist). Run publish again when the link is "
                f"better: it carries on from where it stopped.")
    what = f" {failure.path}" if failure.path else ""
    return (f"เครื่องปลายทาง {where} ไม่ยอมให้เขียน{what} ({detail}) {STILL_WHOLE_TH} (ไฟล์ที่ขึ้นไปแล้วลิงก์ไปยังไฟล์ที่มีอยู่เท่านั้น) "
            f"ตรวจสิทธิ์การเขียนและพื้นที่ของบัญชีกับผู้ให้บริการ แล้วสั่งอีกครั้ง\n"
            f"The host {where} refused to write{what} ({detail}); {STILL_WHOLE_EN} (what went up links only to files "
            f"that exist). Check the account's write permission and space with the hosting provider, then run again.")


def masked(text: str, secret: str) -> str:
    """The text with the password blotted out, should a server ever echo it."""
    return text.replace(secret, "********") if secret else text
