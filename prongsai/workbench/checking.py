"""Checking a candidate file before it is written, with the build's own validator, and placing each problem.

Owns the step between a form and the disk: the candidate text is parsed by
yamlio (the only parser the build trusts) and checked by fields.check_record
against the item's kind (as validate._check_file does, attachments included),
and each problem is given the key path of the field it belongs to, so the
form can show it beside that field. Problems from the readiness rules carry
only a line and column: `key_at` finds the key written there (Doc.marks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .. import yamlio
from ..attachments import AttachmentCache
from ..content import shown
from ..fields import Reader, check_record
from ..problems import Problem, errors_in
from ..schema import Field

_MISSING = re.compile(r"^missing required field '([^']+)'")


@dataclass(frozen=True)
class Checked:
    """A candidate's checked values (None when it cannot be read) and every problem, each with its key."""

    text: str
    doc: object
    values: dict | None
    problems: tuple

    @property
    def errors(self) -> list[Problem]:
        return errors_in(self.problems)

    @property
    def data(self) -> object:
        return self.doc.data if self.doc is not None else None


def check_text(text: str, record: Field, file: Path, content: Path, project: Path, line_offset: int = 0) -> Checked:
    """Check `text`, the would-be content of `file` (a YAML item, site.yaml, or a post's front matter)."""
    path = shown(file, project)
    doc, problems = yamlio.parse(text, path, line_offset)
    if doc is None:
        return Checked(text, None, None, tuple(problems))
    if doc.data is None:
        doc = yamlio.Doc(doc.path, {}, doc.marks, doc.key_marks, line_offset)
    attach = AttachmentCache(content, lambda f: shown(f, project))
    reader = Reader(doc=doc, folder=file.parent, content_root=content, attach=attach, problems=problems)
    values = check_record(record, doc.data, (), reader) if isinstance(doc.data, dict) else None
    if not isinstance(doc.data, dict):
        problems.append(Problem(path, 1, 1, "ไฟล์นี้ต้องเป็นกลุ่มของช่อง (ชื่อช่อง: ค่า)", "the file must be a mapping of fields",
                                "เขียนแต่ละช่องในรูป ชื่อช่อง: ค่า", "write each field as  name: value"))
    problems += attach.problems
    return Checked(text, doc, values, tuple(placed(p, doc) for p in problems))


def placed(problem: Problem, doc) -> Problem:
    """The problem with the key of the field it is about: a missing field's own key, else the key written at its
    line and column (rules' problems), else as it was."""
    key = problem.key
    missing = _MISSING.match(problem.en)
    if missing and key + (missing.group(1),) not in (doc.marks if doc else {}):
        return replace(problem, key=key + (missing.group(1),))
    if not key and doc is not None and problem.line:
        key = key_at(doc, problem.line, problem.column)
    return replace(problem, key=key) if key != problem.key else problem


def key_at(doc, line: int, column: int) -> tuple:
    """The deepest key whose value or key is written at (line, column), or the last one before it."""
    exact = [key for key, mark in list(doc.marks.items()) + list(doc.key_marks.items()) if mark == (line, column)]
    if exact:
        return max(exact, key=len)
    before = [(mark, key) for key, mark in doc.marks.items() if mark <= (line, column) and key]
    return max(before, key=lambda pair: (pair[0], len(pair[1])))[1] if before else ()


def field_id(key: tuple) -> str:
    """The HTML id of a field's control: f-executives-0-photo."""
    return "f-" + "-".join(str(part) for part in key) if key else "f-top"
