# ruff: noqa: E501 -- the exact Thai and English messages, each string whole
"""The exact text a clerk reads for each problem of hostile input (issue 11): files that may not be read, limits,
names, types, crafted attachments, Markdown past its limits, and collisions with what the build makes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import MINIMAL_SITE_YAML, PROCUREMENT_YAML, pdf_bytes, png_bytes
from hostile.harness import MAKERS

from prongsai import SiteError, build_site
from prongsai.attachments import PUBLISHED, read_attachment
from prongsai.content import _walk as content_walk
from prongsai.textfile import read_text

O2, O12, O19, NEWS = "ita/2568/O2.yaml", "ita/2568/O12.yaml", "ita/2568/O19.yaml", "news/2567-10-15-x.md"
F = "ita/2568/files"
EX = "executives:\n  - name: นายทดสอบ ใจดี\n    position: นายก\n    role: chief\n"
DOC = "attachments:\n  - title: ก\n    file: files/a.pdf\n"
POST = "---\ntitle: ก\ndate: 2567-10-15\n---\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcd", "bcde")) + "f: [*e, *e, *e]\n"
ALLOWED = ", ".join(sorted(PUBLISHED))


def message(location: str, th: str, en: str, hint_th: str = "", hint_en: str = "") -> str:
    lines = [f"{location}: ข้อผิดพลาด: {th}", f"    error: {en}"]
    lines += [f"    วิธีแก้: {hint_th}"] if hint_th else []
    lines += [f"    fix: {hint_en}"] if hint_en else []
    return "\n".join(lines)


def _link(path: Path, target: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def _fifo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


def _sparse(path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as file:
        file.truncate(size)


CASES = {
    'link': (
        {}, lambda c: _link(c / F / 'p.txt', '/etc/passwd'),
        [
            message(
                'content/ita/2568/files/p.txt',
                "ไฟล์นี้เป็นทางลัด (symbolic link) ไปยัง '/etc/passwd' โปรแกรมอ่านและเผยแพร่เฉพาะไฟล์จริงในโฟลเดอร์ content/",
                "this file is a symbolic link to '/etc/passwd'; only real files inside content/ are read and published",
                'คัดลอกไฟล์จริงมาวางแทนทางลัดนี้',
                'copy the real file here in place of the link',
            ),
        ]),
    'folder link': (
        {}, lambda c: _link(c / F / 'etc', '/etc'),
        [
            message(
                'content/ita/2568/files/etc',
                "โฟลเดอร์นี้เป็นทางลัด (symbolic link) ไปยัง '/etc' โปรแกรมอ่านและเผยแพร่เฉพาะไฟล์จริงในโฟลเดอร์ content/",
                "this folder is a symbolic link to '/etc'; only real files inside content/ are read and published",
                'คัดลอกโฟลเดอร์จริงมาวางแทนทางลัดนี้',
                'copy the real folder here in place of the link',
            ),
        ]),
    'fifo': (
        {}, lambda c: _fifo(c / F / 'p.pdf'),
        [
            message(
                'content/ita/2568/files/p.pdf',
                'นี่ไม่ใช่ไฟล์ธรรมดา แต่เป็นท่อข้อมูล (FIFO)',
                'this is not a regular file but a named pipe (FIFO)',
                'ลบออกจากโฟลเดอร์ content/',
                'remove it from content/',
            ),
        ]),
    'yaml large': (
        {O2: 'executives:\n' + '  - name: ก\n' * 400000}, None,
        [
            message(
                'content/ita/2568/O2.yaml',
                'ไฟล์นี้ใหญ่ 5.3 MB เกินขีดจำกัดของไฟล์ YAML (4 MB)',
                'this file is 5.3 MB, more than a YAML file may be (4 MB)',
                'แบ่งข้อมูลเป็นหลายไฟล์ หรือตรวจว่าไม่ได้วางข้อมูลอื่นปนเข้ามา',
                'split the data, or check that nothing else was pasted into it',
            ),
        ]),
    'md large': (
        {NEWS: POST + 'ก\n\n' * 30000}, None,
        [
            message(
                'content/news/2567-10-15-x.md',
                'ไฟล์นี้ใหญ่ 147 KB เกินขีดจำกัดของข้อความ Markdown (128 KB)',
                'this file is 147 KB, more than a Markdown text may be (128 KB)',
                'แบ่งเป็นหลายข่าวหรือหลายหน้า หรือแนบเอกสารยาวเป็นไฟล์ PDF',
                'split it into several posts, or attach a long document as a PDF',
            ),
        ]),
    'attachment large': (
        {}, lambda c: _sparse(c / F / 'a.pdf', 60 * 1024 * 1024),
        [
            message(
                'content/ita/2568/files/a.pdf',
                'ไฟล์นี้ใหญ่ 60.0 MB เกินขีดจำกัดของไฟล์แนบ (50 MB)',
                'this file is 60.0 MB, more than a published file may be (50 MB)',
                'ลดขนาดไฟล์: สแกนใหม่ที่ 150–200 dpi แบบขาวดำ บีบอัดไฟล์ PDF หรือแบ่งเป็นหลายไฟล์',
                'make it smaller: scan again at 150-200 dpi in grey, compress the PDF, or split it',
            ),
        ]),
    'name chars': (
        {F + '/a:b#.pdf': pdf_bytes()}, None,
        [
            message(
                'content/ita/2568/files/a:b#.pdf',
                "ชื่อ 'a:b#.pdf' ใช้เป็นชื่อไฟล์ในเว็บไซต์ไม่ได้ เพราะมีเครื่องหมาย # : ซึ่ง Windows ไม่รับหรือทำให้ลิงก์เสีย",
                "'a:b#.pdf' cannot be the name of a published file: it holds # :, which Windows refuses or which break a link",
                'เปลี่ยนชื่อ ใช้ตัวอักษร ตัวเลข - และ _',
                'rename it with letters, digits, - and _',
            ),
        ]),
    'name device': (
        {F + '/NUL.pdf': pdf_bytes()}, None,
        [
            message(
                'content/ita/2568/files/NUL.pdf',
                "ชื่อ 'NUL.pdf' ใช้เป็นชื่อไฟล์ในเว็บไซต์ไม่ได้ เพราะเป็นชื่อที่ Windows สงวนไว้สำหรับอุปกรณ์",
                "'NUL.pdf' cannot be the name of a published file: Windows keeps this name for a device",
                'เปลี่ยนชื่อ ใช้ตัวอักษร ตัวเลข - และ _',
                'rename it with letters, digits, - and _',
            ),
        ]),
    'name trailing': (
        {F + '/a.pdf.': pdf_bytes()}, None,
        [
            message(
                'content/ita/2568/files/a.pdf.',
                "ชื่อ 'a.pdf.' ใช้เป็นชื่อไฟล์ในเว็บไซต์ไม่ได้ เพราะลงท้ายด้วยช่องว่างหรือจุด ซึ่ง Windows ตัดทิ้ง",
                "'a.pdf.' cannot be the name of a published file: it ends in a space or a dot, which Windows drops",
                'เปลี่ยนชื่อ ใช้ตัวอักษร ตัวเลข - และ _',
                'rename it with letters, digits, - and _',
            ),
        ]),
    'name not utf8': (
        {F + '/x.png': png_bytes()}, lambda c: os.rename(c / F / 'x.png', os.fsencode(c / F) + b'/\xc0\xd2\xbe.png'),
        [
            message(
                'content/ita/2568/files/\\xc0Ҿ.png',
                'ชื่อไฟล์หรือโฟลเดอร์นี้ไม่ได้เขียนด้วย UTF-8 (อาจตั้งชื่อบนเครื่องที่ใช้ TIS-620)',
                'this file or folder name is not UTF-8 (perhaps named on a TIS-620 system)',
                'ตั้งชื่อไฟล์ใหม่บนเครื่องนี้',
                'rename it on this computer',
            ),
        ]),
    'runnable': (
        {F + '/a.html': 'x'}, None,
        [
            message(
                'content/ita/2568/files/a.html',
                'เผยแพร่ไฟล์ชนิด .html ไม่ได้ เพราะเบราว์เซอร์ของผู้อ่านหรือเครื่องแม่ข่ายเว็บทำงานตามคำสั่งในไฟล์ได้',
                ".html files are not published: a reader's browser or the web server can run what they hold",
                'ถ้าเป็นหน้าเว็บที่บันทึกไว้ ให้พิมพ์เป็น PDF (Ctrl+P → บันทึกเป็น PDF) แล้วแนบไฟล์ PDF แทน',
                'for a saved web page, print it to PDF (Ctrl+P, Save as PDF) and attach the PDF instead',
            ),
        ]),
    'lnk': (
        {F + '/a.lnk': b'L'}, None,
        [
            message(
                'content/ita/2568/files/a.lnk',
                'ไฟล์นี้เป็นทางลัด (shortcut) ของ Windows ไม่ใช่ตัวไฟล์',
                'this is a Windows shortcut, not the file itself',
                'คัดลอกไฟล์จริงมาวางแทน',
                'copy the real file here instead',
            ),
        ]),
    'other type': (
        {F + '/a.dat': b'L'}, None,
        [
            message(
                'content/ita/2568/files/a.dat',
                "เผยแพร่ไฟล์ชนิด '.dat' ไม่ได้",
                "'.dat' files are not published",
                f'ใช้ไฟล์ชนิด {ALLOWED}',
                f'use one of: {ALLOWED}',
            ),
        ]),
    'no extension': (
        {F + '/Makefile': b'L'}, None,
        [
            message(
                'content/ita/2568/files/Makefile',
                'ไฟล์นี้ไม่มีนามสกุล (เช่น .pdf) จึงไม่รู้ว่าเป็นไฟล์ชนิดใด',
                'this file has no extension (like .pdf), so its type is unknown',
                f'ใช้ไฟล์ชนิด {ALLOWED}',
                f'use one of: {ALLOWED}',
            ),
        ]),
    'empty yaml': (
        {O2: ''}, None,
        [
            message(
                'content/ita/2568/O2.yaml',
                'ไฟล์นี้ว่างเปล่า ข้อมูลอาจหายไปเพราะโปรแกรมแก้ไขปิดตัวกลางคันหรือคัดลอกไฟล์ไม่สำเร็จ',
                'this file is empty: its content may have been lost (an editor that crashed, a copy that failed)',
                'กู้ไฟล์คืนจากสำเนา (เช่น Recycle Bin หรือ git) หรือเขียนใหม่ ถ้ายังไม่มีข้อมูล ใช้ python build.py new <รหัสข้อ> สร้างไฟล์เริ่มต้น หรือลบไฟล์นี้',
                'restore it from a copy (the Recycle Bin, git) or write it again; for an item not written yet, python build.py new <code> writes a stub, or delete the file',
            ),
        ]),
    'control file': (
        {O2: EX.replace('นายก\n', 'นา\x0bยก\n')}, None,
        [
            message(
                'content/ita/2568/O2.yaml:3:17',
                'มีอักขระควบคุมที่มองไม่เห็น (แท็บแนวตั้ง จาก Shift+Enter ใน Word, U+000B)',
                'an invisible control character (vertical tab, from Shift+Enter in Word, U+000B)',
                'ลบอักขระนั้นออก หรือแทนด้วยช่องว่าง (มักติดมากับข้อความที่คัดลอกจาก Word หรือ Excel)',
                'delete it or write a space instead (it often comes with text copied from Word or Excel)',
            ),
        ]),
    'control value': (
        {O2: EX.replace('นายก\n', '"a\\x01b"\n')}, None,
        [
            message(
                'content/ita/2568/O2.yaml:2:5',
                "ขาดช่อง 'position' (ตำแหน่ง) ซึ่งต้องมี",
                "missing required field 'position' (position)",
                'เพิ่มบรรทัด  position: ...',
                'add a line  position: ...',
            ),
            message(
                'content/ita/2568/O2.yaml:3:15',
                'ค่านี้มีอักขระควบคุมที่มองไม่เห็น (U+0001)',
                'this value holds an invisible control character (U+0001)',
                'ลบรหัส \\ ที่ทำให้เกิดอักขระนั้นออกจากข้อความในเครื่องหมายคำพูด หรือแทนด้วยช่องว่าง',
                'delete the \\ escape that makes it from the quoted text, or write a space instead',
            ),
        ]),
    'tag': (
        {O2: EX + '    name2: !!binary aGk=\n'}, None,
        [
            message(
                'content/ita/2568/O2.yaml:5:5',
                "ไม่รู้จักช่อง 'name2'",
                "unknown field 'name2'",
                "หมายถึง 'name' ใช่ไหม",
                "did you mean 'name'?",
            ),
            message(
                'content/ita/2568/O2.yaml:5:12',
                "ไม่ใช้แท็ก YAML '!!binary' ในไฟล์เนื้อหา",
                "YAML tags such as '!!binary' are not used in content files",
                "ลบ '!!binary' ออก แล้วเขียนค่าเป็นข้อความธรรมดา",
                "delete '!!binary' and write the value as plain text",
            ),
        ]),
    'too deep': (
        {O2: 'executives: ' + '[' * 40 + ']' * 40 + '\n'}, None,
        [
            message(
                'content/ita/2568/O2.yaml:1:44',
                'รายการหรือกลุ่มซ้อนกันลึกเกิน 32 ชั้น',
                'lists and groups nest more than 32 levels deep',
                'ตรวจวงเล็บ [ ] { } และการย่อหน้า ข้อมูลของข้อใดก็ซ้อนกันไม่เกิน 4 ชั้น',
                'check the brackets [ ] { } and the indentation: no item nests more than 4 levels',
            ),
        ]),
    'too many': (
        {O2: BOMB}, None,
        [
            message(
                'content/ita/2568/O2.yaml:2:8',
                'ไฟล์นี้มีค่ามากกว่า 250,000 ค่า (นับรวมค่าที่ซ้ำด้วย * แล้ว)',
                'this file holds more than 250,000 values (counting what its aliases (*) repeat)',
                'เขียนค่าแต่ละค่าตรง ๆ แทนการอ้างซ้ำด้วย & และ * หรือแบ่งข้อมูลเป็นหลายไฟล์',
                'write the values out instead of repeating them with & and *, or split the data into several files',
            ),
        ]),
    'utf16': (
        {O2: EX.encode('utf-16')}, None,
        [
            message(
                'content/ita/2568/O2.yaml',
                'ไฟล์นี้บันทึกเป็น Unicode (UTF-16) ไม่ใช่ UTF-8',
                'this file is saved as Unicode (UTF-16), not UTF-8',
                'เปิดไฟล์ใน Notepad แล้วเลือก บันทึกเป็น (Save As) → การเข้ารหัส (Encoding) เป็น UTF-8',
                'open it in Notepad, Save As, and choose the UTF-8 encoding',
            ),
        ]),
    'binary': (
        {O2: png_bytes()}, None,
        [
            message(
                'content/ita/2568/O2.yaml',
                'ไฟล์นี้ไม่ใช่ไฟล์ข้อความ (อาจเป็นไฟล์ PDF ภาพ หรือไฟล์อื่นที่ตั้งชื่อผิด)',
                'this is not a text file (perhaps a PDF, an image or another file given this name)',
                'ใส่ไฟล์ข้อความที่ถูกต้อง แล้วย้ายไฟล์นี้ไปไว้ที่อื่น',
                'put the right text file here and move this one',
            ),
        ]),
    'second doc': (
        {O2: EX + '---\n' + EX}, None,
        [
            message(
                'content/ita/2568/O2.yaml:5:1',
                'มีบรรทัด --- ซึ่งเริ่มเอกสาร YAML ชุดที่สอง ไฟล์หนึ่งมีได้ชุดเดียว',
                "a '---' line starts a second YAML document; a file holds one",
                'ลบบรรทัด --- ออก หรือแยกข้อมูลที่ตามมาไปไว้อีกไฟล์',
                "delete the '---' line, or move what follows it into another file",
            ),
        ]),
    'money big': (
        {O12: PROCUREMENT_YAML.replace('budget: 15000', 'budget: 10,000,000,000,000')}, None,
        [
            message(
                'content/ita/2568/O12.yaml:5:17',
                "ช่อง 'budget' (วงเงินงบประมาณที่ได้รับจัดสรร (บาท)) มีค่า '10,000,000,000,000' มากเกินไป (ไม่เกิน 13 หลักก่อนจุดทศนิยม)",
                "'budget' is too large: '10,000,000,000,000' (at most 13 digits before the decimal point)",
                'ตรวจจำนวนหลักอีกครั้ง อาจพิมพ์ตัวเลขซ้ำหรือวางตัวเลขอื่นมาผิดช่อง',
                'check the digits: perhaps one typed twice, or another number pasted into this field',
            ),
        ]),
    'count big': (
        {O19: 'months:\n  - month: 2567-10\n    received: 99999999999\n    finished: 0\n    in_progress: 0\n'}, None,
        [
            message(
                'content/ita/2568/O19.yaml:3:15',
                "ช่อง 'received' (จำนวนเรื่องร้องเรียนทั้งหมด) มีค่า '99999999999' มากเกินไป (ไม่เกิน 9 หลัก)",
                "'received' is too large: '99999999999' (at most 9 digits)",
                'ตรวจจำนวนหลักอีกครั้ง อาจพิมพ์ตัวเลขซ้ำหรือวางตัวเลขอื่นมาผิดช่อง',
                'check the digits: perhaps one typed twice, or another number pasted into this field',
            ),
        ]),
    'case': (
        {O2: EX + '    photo: files/Nayok.PNG\n', F + '/nayok.png': png_bytes()}, None,
        [
            message(
                'content/ita/2568/O2.yaml:5:12',
                "ไม่พบไฟล์ 'files/Nayok.PNG' แต่มีไฟล์ 'files/nayok.png' ซึ่งต่างกันเพียงตัวพิมพ์เล็กและตัวพิมพ์ใหญ่",
                "file not found: 'files/Nayok.PNG'; there is 'files/nayok.png', whose name differs only in upper and lower case (a web host tells them apart)",
                'เขียนชื่อไฟล์ให้ตรงทุกตัวอักษร: files/nayok.png',
                'write the name exactly: files/nayok.png',
            ),
        ]),
    'nfd': (
        {O2: EX + '    photo: files/café.png\n', F + '/café.png': png_bytes()}, None,
        [
            message(
                'content/ita/2568/O2.yaml:5:12',
                "ชื่อไฟล์ 'files/café.png' บนดิสก์ใช้รหัสอักขระต่างจากที่เขียนไว้ แม้จะดูเหมือนกัน (มักเกิดกับไฟล์ที่คัดลอกมาจากเครื่อง Mac)",
                "the name of 'files/café.png' on disk is encoded differently from what is written, though it looks the same (Unicode normalisation: files copied from a Mac do this)",
                'ตั้งชื่อไฟล์ใหม่โดยพิมพ์ชื่อเอง',
                'rename the file by typing its name again',
            ),
        ]),
    'pdf password': (
        {O2: EX + DOC, F + '/a.pdf': MAKERS['pdf'](1, 'pw')}, None,
        [
            message(
                'content/ita/2568/files/a.pdf',
                'ไฟล์ PDF นี้ต้องใส่รหัสผ่านจึงจะเปิดได้ ผู้ประเมินและประชาชนจะเปิดไม่ได้',
                'this PDF asks for a password to open: assessors and citizens cannot read it',
                'บันทึกไฟล์ใหม่โดยไม่ตั้งรหัสผ่านเปิดไฟล์',
                'save it again without an opening password',
            ),
        ]),
    'pdf pages': (
        {O2: EX + DOC, F + '/a.pdf': MAKERS['pdf_declared_pages'](5000)}, None,
        [
            message(
                'content/ita/2568/files/a.pdf',
                'ไฟล์ PDF นี้มีมากกว่า 3,000 หน้า',
                'this PDF has more than 3,000 pages',
                'แบ่งเอกสารเป็นหลายไฟล์',
                'split the document into several files',
            ),
        ]),
    'pixels': (
        {O2: EX + '    photo: files/a.png\n', F + '/a.png': MAKERS['png_header'](10000, 8000)}, None,
        [
            message(
                'content/ita/2568/files/a.png',
                'ภาพนี้มีมากกว่า 50,000,000 พิกเซล (10,000 × 8,000)',
                'this image has more than 50,000,000 pixels (10,000 × 8,000)',
                'ย่อภาพให้กว้างไม่เกิน 4,000 พิกเซลแล้ววางแทนที่ (เว็บไซต์แสดงภาพกว้างไม่เกิน 1,200 พิกเซลอยู่แล้ว)',
                'make it at most 4,000 pixels wide and replace it (the site shows at most 1,200)',
            ),
        ]),
    'pixels gif': (
        {O2: EX + '    photo: files/a.gif\n', F + '/a.gif': MAKERS['gif_header'](65535, 65535)}, None,
        [
            message(
                'content/ita/2568/files/a.gif',
                'ภาพนี้มีมากกว่า 50,000,000 พิกเซล',
                'this image has more than 50,000,000 pixels',
                'ย่อภาพให้กว้างไม่เกิน 4,000 พิกเซลแล้ววางแทนที่ (เว็บไซต์แสดงภาพกว้างไม่เกิน 1,200 พิกเซลอยู่แล้ว)',
                'make it at most 4,000 pixels wide and replace it (the site shows at most 1,200)',
            ),
        ]),
    'svg': (
        {F + '/a.svg': '<svg xmlns="http://www.w3.org/2000/svg">\n<rect onclick="x()"/></svg>'}, None,
        [
            message(
                'content/ita/2568/files/a.svg:2:22',
                'ภาพ SVG นี้มีคำสั่ง onclick= ซึ่งทำงานหรือเรียกไฟล์จากที่อื่นเมื่อเปิดไฟล์ในเบราว์เซอร์',
                'this SVG drawing holds an event handler (onclick=), which runs or loads something when the file is opened in a browser',
                'ส่งออกภาพใหม่เป็น PNG หรือเป็น SVG แบบธรรมดา (Inkscape: บันทึกเป็น → Plain SVG)',
                'export it again as PNG, or as plain SVG (Inkscape: Save As, Plain SVG)',
            ),
        ]),
    'md depth': (
        {NEWS: POST + '>' * 41 + ' x\n'}, None,
        [
            message(
                'content/news/2567-10-15-x.md:5:1',
                'รายการ คำพูด วงเล็บ หรือแท็ก HTML ซ้อนกันลึกเกิน 40 ชั้น',
                'lists, quotes, brackets or HTML elements nest more than 40 levels deep',
                'ลดการซ้อน ข้อความจริงซ้อนกันไม่เกิน 3–4 ชั้น',
                'nest them less: real text nests 3 or 4 levels',
            ),
        ]),
    'md block': (
        {NEWS: POST + 'ข่าว\n\n' + 'ก' * 32001 + '\n'}, None,
        [
            message(
                'content/news/2567-10-15-x.md:7:1',
                'ย่อหน้า รายการ หรือตารางที่เริ่มตรงนี้ยาวเกิน 32,000 ตัวอักษรโดยไม่มีบรรทัดว่างคั่น',
                'the paragraph, list or table that starts here runs over 32,000 characters without a blank line',
                'เว้นบรรทัดว่างระหว่างย่อหน้า ถ้าเป็นตารางยาว ให้เขียนข้อมูลในไฟล์ YAML ของข้อหรือแนบเป็นไฟล์ Excel หรือ PDF',
                "leave a blank line between paragraphs; a long table belongs in the item's YAML or in an Excel or PDF attachment",
            ),
        ]),
    'md unclosed': (
        {NEWS: POST + '<b ' * 3000 + '\n'}, None,
        [
            message(
                'content/news/2567-10-15-x.md:5:1',
                'มีเครื่องหมาย < และเครื่องหมายอื่นที่ไม่มีเครื่องหมายปิดมากเกินไป (เริ่มตรงนี้) ทำให้แปลงข้อความได้ช้ามาก',
                "too many '<' and other marks without their closing mark (from here on): converting the text would take minutes",
                'ปิดวงเล็บและแท็กให้ครบ หรือเขียนเครื่องหมายเป็น \\[ หรือ &lt; ถ้าต้องการให้แสดงตามตัว',
                'close the brackets and tags, or write the mark as \\[ or &lt; to show it as it is',
            ),
        ]),
    'md splits': (
        {NEWS: POST + 'ข่าว\n' + '# x\n' * 2000}, None,
        [
            message(
                'content/news/2567-10-15-x.md:7:1',
                'มีหัวข้อหรือเส้นคั่น (---, ***) ติดกันในย่อหน้าเดียวมากเกินไป (เริ่มตรงนี้)',
                'too many headings or rules (---, ***) inside one paragraph (from here on)',
                'เว้นบรรทัดว่างก่อนและหลังหัวข้อหรือเส้นคั่นแต่ละเส้น',
                'leave a blank line before and after each heading or rule',
            ),
        ]),
    'replaces': (
        {'robots.txt': 'x'}, None,
        [
            message(
                'content/robots.txt',
                "ไฟล์นี้จะไปแทนที่ 'robots.txt' ซึ่งโปรแกรมสร้างเองในเว็บไซต์",
                "this file would replace 'robots.txt', which the build makes itself",
                'เปลี่ยนชื่อไฟล์หรือย้ายไปไว้ในโฟลเดอร์ย่อย เช่น files/',
                'rename it, or move it into a folder such as files/',
            ),
        ]),
    'same name': (
        {F + '/A.pdf': pdf_bytes(), F + '/a.pdf': pdf_bytes()}, None,
        [
            message(
                'content/ita/2568/files/a.pdf',
                "'ita/2568/files/A.pdf' และ 'ita/2568/files/a.pdf' ต่างกันเพียงตัวพิมพ์เล็กใหญ่หรือรหัสอักขระ บน Windows และ Mac จะกลายเป็นไฟล์เดียวกัน",
                "'ita/2568/files/A.pdf' and 'ita/2568/files/a.pdf' differ only in upper and lower case or in Unicode form: on Windows and macOS they are one file",
                'เปลี่ยนชื่อไฟล์หนึ่งให้ต่างกันชัดเจน',
                'rename one of them',
            ),
        ]),
    'empty md': (
        {O2: EX, 'ita/2568/O2.md': ''}, None,
        [
            message(
                'content/ita/2568/O2.md',
                'ไฟล์นี้ว่างเปล่า ข้อมูลอาจหายไปเพราะโปรแกรมแก้ไขปิดตัวกลางคันหรือคัดลอกไฟล์ไม่สำเร็จ',
                'this file is empty: its content may have been lost (an editor that crashed, a copy that failed)',
                'กู้ไฟล์คืนจากสำเนา (เช่น Recycle Bin หรือ git) หรือเขียนใหม่ ถ้ายังไม่มีข้อมูล ใช้ python build.py new <รหัสข้อ> สร้างไฟล์เริ่มต้น หรือลบไฟล์นี้',
                'restore it from a copy (the Recycle Bin, git) or write it again; for an item not written yet, python build.py new <code> writes a stub, or delete the file',
            ),
        ]),
    'url user': (
        {'site.yaml': MINIMAL_SITE_YAML + 'base_url: https://a@evil.example/\n'}, None,
        [
            message(
                'content/site.yaml:10:11',
                "ช่อง 'base_url' (ที่อยู่เว็บไซต์จริง เช่น https://www.dongmueang.go.th/) ต้องเป็นลิงก์เต็ม แต่เขียนว่า 'https://a@evil.example/'",
                "'base_url' must be a full web address, got 'https://a@evil.example/'",
                'ขึ้นต้นด้วย https:// เช่น https://www.example.go.th/',
                'start with https://, e.g. https://www.example.go.th/',
            ),
        ]),
}


@pytest.mark.parametrize(("files", "setup", "expected"), list(CASES.values()), ids=list(CASES))
def test_problem_text(scratch, files, setup, expected):
    paths = scratch(files)
    if setup is not None:
        setup(paths.content)
    with pytest.raises(SiteError) as caught:
        build_site(paths, jobs=1)
    assert [problem.format() for problem in caught.value.problems] == expected


def warning(location: str, th: str, en: str, hint_th: str, hint_en: str) -> str:
    return f"{location}: คำเตือน: {th}\n    warning: {en}\n    วิธีแก้: {hint_th}\n    fix: {hint_en}"


TYPO = ("ตรวจปี พ.ศ. อีกครั้ง", "check the Buddhist-era year")
PLAN = "plan:\n  title: แผนพัฒนาท้องถิ่น\n  file: files/plan.pdf\nperiod_from: 2566\nperiod_to: {}\n"


@pytest.mark.parametrize(("files", "expected"), [
    ({O12: PROCUREMENT_YAML.replace("2567-10-08", "2650-10-08")},
     warning(f"content/{O12}:13:24", "ช่อง 'contract_date' (วันที่สัญญา) เขียนว่า '2650-10-08' ซึ่งเลยวันที่สร้างเว็บไซต์ "
             "(2 ธันวาคม 2569) ไปเกินหนึ่งปี อาจพิมพ์ปีผิด",
             "'contract_date' is '2650-10-08', more than a year after the build date (2 ธันวาคม 2569): a typo in the year?", *TYPO)),
    ({O12: PROCUREMENT_YAML.replace("2567-10-08", "2405-10-08")},
     warning(f"content/{O12}:13:24", "ช่อง 'contract_date' (วันที่สัญญา) เขียนว่า '2405-10-08' ซึ่งเก่ากว่า พ.ศ. 2475 "
             "ไม่น่าจะเป็นวันที่ของเอกสารของหน่วยงาน อาจพิมพ์ปีผิด",
             "'contract_date' is '2405-10-08', before 2475 BE (1932), older than any agency's documents: a typo in the year?", *TYPO)),
], ids=["a year ahead", "before 2475"])
def test_improbable_date_warnings(scratch, files, expected):
    result = build_site(scratch(files), jobs=1)
    assert [problem.format() for problem in result.warnings] == [expected]


def test_improbable_year_of_a_plan(scratch):
    paths = scratch({"ita/2568/O5.yaml": PLAN.format(2590), "ita/2568/files/plan.pdf": pdf_bytes()})
    result = build_site(paths, jobs=1)
    assert [problem.format() for problem in result.warnings] == [warning(
        "content/ita/2568/O5.yaml:5:12", "ช่อง 'period_to' (ปีสุดท้ายของแผน (พ.ศ.)) เขียนว่า '2590' ซึ่งเลยวันที่สร้างเว็บไซต์ "
        "(2 ธันวาคม 2569) ไปเกิน 10 ปี อาจพิมพ์ปีผิด",
        "'period_to' is '2590', more than 10 years after the build date (2 ธันวาคม 2569): a typo in the year?", *TYPO)]


def test_many_control_characters_are_counted_after_the_tenth(scratch):
    paths = scratch({O2: EX + "".join(f"# บรรทัด\x0b{i}\n" for i in range(15))})
    with pytest.raises(SiteError) as caught:
        build_site(paths, jobs=1)
    texts = [problem.format() for problem in caught.value.problems]
    assert len(texts) == 10
    assert texts[-1].split("\n")[:2] == [
        f"content/{O2}:14:9: ข้อผิดพลาด: มีอักขระควบคุมที่มองไม่เห็น (แท็บแนวตั้ง จาก Shift+Enter ใน Word, U+000B) และอีก 5 บรรทัดถัดไป",
        "    error: an invisible control character (vertical tab, from Shift+Enter in Word, U+000B), and on 5 more lines after this one"]


def test_a_file_that_cannot_be_read(tmp_path):
    text, problems = read_text(tmp_path, "content/ita/2568/O2.yaml")  # a folder: reading it fails as a locked file does
    assert text is None
    assert [problem.format() for problem in problems] == [
        "content/ita/2568/O2.yaml: ข้อผิดพลาด: เปิดอ่านไฟล์นี้ไม่ได้\n"
        "    error: this file cannot be read (Is a directory)\n"
        "    วิธีแก้: ตรวจสิทธิ์การอ่านไฟล์ หรือปิดโปรแกรมที่เปิดไฟล์นี้ค้างไว้\n"
        "    fix: check that you may read it, or close the program that holds it open"]


def test_a_folder_that_cannot_be_opened(tmp_path):
    not_a_folder = tmp_path / "content" / "files"
    not_a_folder.parent.mkdir()
    not_a_folder.write_text("x", encoding="utf-8")
    problems: list = []
    assert list(content_walk(not_a_folder, tmp_path, problems)) == []
    assert [problem.format() for problem in problems] == [
        "content/files: ข้อผิดพลาด: เปิดโฟลเดอร์นี้ไม่ได้\n"
        "    error: this folder cannot be opened (Not a directory)\n"
        "    วิธีแก้: ตรวจสิทธิ์การเข้าถึงโฟลเดอร์\n"
        "    fix: check that you may open it"]


def test_an_encrypted_pdf_that_cannot_be_checked(tmp_path, monkeypatch):
    """AES-256 needs the cryptography package to check a password; without it the build says so, and publishes."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    def cannot(self, password):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", cannot)
    (tmp_path / "a.pdf").write_bytes(MAKERS["pdf"](1, "", "owner"))
    attachment, problems = read_attachment(tmp_path, "a.pdf", "content/a.pdf")
    assert attachment.pages is None
    assert [problem.format() for problem in problems] == [
        "content/a.pdf: คำเตือน: ไฟล์ PDF นี้เข้ารหัสไว้ ตรวจไม่ได้ว่าเปิดได้โดยไม่ต้องใส่รหัสผ่าน\n"
        "    warning: this PDF is encrypted; whether it opens without a password cannot be checked\n"
        "    วิธีแก้: เปิดไฟล์ดูเองว่าเปิดได้โดยไม่ถามรหัสผ่าน\n"
        "    fix: open it yourself to see that it asks for no password"]


def test_a_path_too_long_for_windows(scratch):
    name = "a" * 150 + ".pdf"
    with pytest.raises(SiteError) as caught:
        build_site(scratch({f"{F}/{name}": pdf_bytes()}), jobs=1)
    assert [problem.format() for problem in caught.value.problems] == [message(
        f"content/{F}/{name}", "ทางไปไฟล์นี้ยาวเกิน 160 ตัวอักษร เมื่อแตกไฟล์ ZIP สำหรับอ่านแบบออฟไลน์บน Windows จะเปิดไม่ได้",
        "this file's path is longer than 160 characters: Windows cannot open it once the offline ZIP is unzipped",
        "ตั้งชื่อโฟลเดอร์และไฟล์ให้สั้นลง และซ้อนโฟลเดอร์ให้น้อยลง", "shorten the folder and file names, and nest fewer folders")]
