"""Problems found in content or templates, and how they are printed for a clerk.

Owns the one error type the pipeline raises at a stage boundary (SiteError)
and the one text format every problem is shown in: `path:line:column:` (what
editors and CI annotate), the message in Thai, then English, then what to
write instead. Knows nothing about YAML, Markdown or Jinja.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, where it is, and how to fix it."""

    #: the file to open, relative to the project folder, with forward slashes
    path: str
    #: 1-based line and column; 0 when the problem is about the whole file
    line: int
    column: int
    #: what is wrong, in Thai and in English
    th: str
    en: str
    #: what to write instead, in Thai and in English ("" when nothing fits)
    hint_th: str = ""
    hint_en: str = ""
    severity: str = ERROR
    #: a second place that explains the first, e.g. the content file a template was rendering
    context: str = ""
    #: the key path of the value in its file (("executives", 0, "photo")), when known: the workbench shows the
    #: problem beside that field; not compared or printed
    key: tuple = field(default=(), compare=False)

    @property
    def location(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column or 1}"
        return self.path

    def format(self) -> str:
        """The problem as printed: location and Thai message, then English, then the fix."""
        label = "คำเตือน" if self.severity == WARNING else "ข้อผิดพลาด"
        lines = [f"{self.location}: {label}: {self.th}", f"    {self.severity}: {self.en}"]
        if self.context:
            lines.append(f"    {self.context}")
        if self.hint_th:
            lines.append(f"    วิธีแก้: {self.hint_th}")
        if self.hint_en:
            lines.append(f"    fix: {self.hint_en}")
        return "\n".join(lines)


class SiteError(Exception):
    """Raised at a stage boundary when content or templates have errors; carries all of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problems")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def raise_if_errors(problems: list[Problem]) -> None:
    """End a stage: stop with every problem found so far if any of them is an error."""
    if errors_in(problems):
        raise SiteError(problems)


def format_report(problems: Iterable[Problem], out_name: str = "site", built: bool = True) -> str:
    """Every problem, grouped by file, then one summary line in Thai and English.

    built=False is for commands that only read the content (check, itas): nothing was to be written.
    """
    problems = sorted(problems)
    errors = errors_in(problems)
    # With --strict a build can fail on warnings alone: then count those.
    counted, th_word, en_word = (errors, "ข้อผิดพลาด", "errors") if errors else (problems, "คำเตือน", "warnings (--strict)")
    files = {p.path for p in counted}
    body = "\n".join(p.format() for p in problems)
    summary = (
        f"สร้างเว็บไซต์ไม่สำเร็จ: พบ{th_word} {len(counted)} รายการใน {len(files)} ไฟล์ "
        f"โฟลเดอร์ {out_name}/ ยังเป็นเหมือนเดิม ไม่ถูกเปลี่ยนแปลง\n"
        f"Build failed: {len(counted)} {en_word} in {len(files)} files. {out_name}/ was not changed."
    ) if built else (
        f"อ่านเนื้อหาไม่สำเร็จ: พบ{th_word} {len(counted)} รายการใน {len(files)} ไฟล์ แก้ไขก่อนแล้วสั่งอีกครั้ง\n"
        f"Cannot read the content: {len(counted)} {en_word} in {len(files)} files; fix them and run it again."
    )
    return f"{body}\n\n{summary}" if body else summary
