"""`batch --publish`: each agency's site, once built, published to its own target.

Owns where each agency's target comes from (its line in a --list file,
`DIR URL`, or else the target the agency saved with `publish --save` in its
own .prongsai/publish.json) and one agency's publish inside a batch worker:
no prompt (the password comes from PRONGSAI_PUBLISH_PASSWORD or the keyring),
one line of result, never an exception.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

from .. import sitefolder
from . import messages, target as targets
from .upload import GaveUp, Regressed, Settings, publish

#: a list line that ends with a target: "agencies/อบต ดงเมือง  ftp://user@host/path" (the folder may hold spaces)
_LINE = re.compile(r"^(?P<folder>.*?)\s+(?P<url>(?:ftps?|sftp|file)://\S+)$")


def split_line(line: str) -> tuple[str, str | None]:
    """(folder, target URL or None) of one line of a --list file."""
    found = _LINE.match(line.strip())
    return (found["folder"], found["url"]) if found else (line.strip(), None)


def publish_agency(folder: Path, url: str | None, allow_regress: bool = False) -> tuple[bool, str]:
    """(published, one line or the failure's text) for an agency whose site was just built in folder/site."""
    try:
        target = targets.parse(url, folder) if url else targets.saved(folder)
        if target is None:
            return False, ("ไม่มีที่หมายสำหรับเผยแพร่: ใส่ URL ต่อท้ายบรรทัดของหน่วยงานในไฟล์รายชื่อ หรือสั่ง publish --to URL --save "
                           "ในโฟลเดอร์ของหน่วยงาน | no target to publish to: add the URL after the agency's folder in the "
                           "list, or run publish --to URL --save in its folder")
        secret = targets.password(target, ask=lambda: "")
    except targets.TargetError as error:
        return False, str(error)
    out = sitefolder.output_path(folder / "site")
    try:
        outcome = publish(target, secret, folder, sitefolder.live_folder(out), sitefolder.ready_recorded(out),
                          allow_regress=allow_regress, settings=Settings())
    except Regressed as regressed:
        return False, messages.masked(messages.regressed_text(regressed.items), secret)
    except GaveUp as failure:
        return False, messages.masked(messages.failure_text(failure, target), secret)
    except Exception:  # noqa: BLE001 -- a bug: the batch goes on, the traceback goes to whoever fixes it
        return False, messages.masked(traceback.format_exc().rstrip(), secret)
    return True, (f"{len(outcome.uploaded)} ไฟล์/files ({messages.size_text(outcome.uploaded_bytes)}) "
                  f"ลบ/deleted {len(outcome.deleted)} -> {target.url}")
