#!/usr/bin/python3
"""
Builds the import corpus: workbooks and CSV files made the way ward officials' own tools make them
(openpyxl, and LibreOffice Calc headless converting to .xlsx), each with its expected outcome, into
tests/fixtures/import-corpus/ (files + expected.json). The files are committed; rerun this only to
change the corpus:   /usr/bin/python3 scripts/import-corpus.py
Needs Debian's python3-openpyxl and libreoffice-calc-nogui (soffice).

expected.json: [{ name, tool, files, what, expect }] where expect is either
  { ok: true, units, members, ignored?: [sheet names], values?: { "members.0.displayName": "…" } }
  or { ok: false, errors?: [{ sheet, row, column }], problem?: "words the problem must contain" }.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
from datetime import date

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'import-corpus')

UNIT_HEAD = ['mã', 'tên', 'ký hiệu', 'loại']
UNITS = [
    ['vp', 'Văn phòng HĐND và UBND', 'VP', 'phòng'],
    ['kt', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'KT', 'phòng'],
    ['yt', 'Trạm Y tế phường', 'YT', 'đơn vị'],
]
MEMBER_HEAD = ['email', 'họ tên', 'chức vụ', 'vai trò', 'đơn vị', 'vai trò đơn vị']
MEMBERS = [
    ['canbo.vp@example.vn', 'Nguyễn Văn An', 'Chuyên viên', '', 'vp', 'cán bộ'],
    ['truong.vp@example.vn', 'Trần Thị Bình', 'Chánh Văn phòng', '', 'vp', 'thủ trưởng'],
    ['thuongtruc@example.vn', 'Lê Văn Cường', 'Phó Chủ tịch UBND', 'thường trực', '', ''],
    ['canbo.kt@example.vn', 'Phạm Thị Dung', 'Chuyên viên', '', 'kt', 'cán bộ'],
]

cases = []
to_libreoffice = []  # (source file in tmp, final name in OUT)
tmp = tempfile.mkdtemp(prefix='thidua-corpus-')


def case(name, tool, files, what, expect):
    cases.append({'name': name, 'tool': tool, 'files': files, 'what': what, 'expect': expect})


def book(sheets):
    """sheets: [(title, rows, options)] → openpyxl Workbook."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows, *opt in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
        if opt and opt[0]:
            opt[0](ws)
    return wb


def save(wb, file, via_lo=False):
    if via_lo:
        src = os.path.join(tmp, file)
        wb.save(src)
        to_libreoffice.append((src, file))
    else:
        wb.save(os.path.join(OUT, file))


def standard(via_lo=False, file='co-ban.xlsx'):
    save(book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', [MEMBER_HEAD, *MEMBERS])]), file, via_lo)


ALL_OK = {'ok': True, 'units': 3, 'members': 4}

# ── The plain template, both tools ────────────────────────────────────────────────────────────────
standard(False, 'co-ban.xlsx')
case('co-ban', 'openpyxl', ['co-ban.xlsx'], 'the template filled in: units and members sheets', {**ALL_OK, 'values': {'units.1.name': UNITS[1][1], 'members.2.roles.0': 'secretariat'}})
standard(True, 'co-ban-lo.xlsx')
case('co-ban-lo', 'libreoffice', ['co-ban-lo.xlsx'], 'the same, saved by LibreOffice Calc', {**ALL_OK, 'values': {'members.1.units.vp': 'head'}})


# ── Title rows above the header (merged), as printed forms have ───────────────────────────────────
def titled(ws):
    ws.insert_rows(1, 3)
    ws['A1'] = 'UỶ BAN NHÂN DÂN PHƯỜNG HẢI AN'
    ws['A2'] = 'DANH SÁCH CÁN BỘ, CÔNG CHỨC THAM GIA PHONG TRÀO THI ĐUA'
    ws.merge_cells('A1:F1')
    ws.merge_cells('A2:F2')


for lo in (False, True):
    f = 'tieu-de' + ('-lo' if lo else '') + '.xlsx'
    save(book([('Đơn vị', [UNIT_HEAD, *UNITS], titled), ('Thành viên', [MEMBER_HEAD, *MEMBERS], titled)]), f, lo)
    case(f[:-5], 'libreoffice' if lo else 'openpyxl', [f], 'three title rows (two merged) above each header', {**ALL_OK, 'values': {'members.0.email': MEMBERS[0][0]}})

# An error under title rows is reported at the spreadsheet's own row.
bad = [r[:] for r in MEMBERS]
bad[2][0] = 'khong-phai-email'
save(book([('Đơn vị', [UNIT_HEAD, *UNITS], titled), ('Thành viên', [MEMBER_HEAD, *bad], titled)]), 'tieu-de-loi.xlsx')
case('tieu-de-loi', 'openpyxl', ['tieu-de-loi.xlsx'], 'a bad email under three title rows: row 7 (title 1–3, header 4)', {'ok': False, 'errors': [{'sheet': 'members', 'row': 7, 'column': 'email'}]})

# ── Headers with marks, notes, case and line breaks ──────────────────────────────────────────────
marked = ['Email (*)', 'Họ và tên (*)', 'CHỨC VỤ', 'Vai trò\n(để trống nếu không có)', 'Đơn vị (mã)', 'Vai trò đơn vị*']
save(book([('Đơn vị', [['Mã đơn vị (*)', 'Tên đơn vị (*)', 'Ký hiệu', 'Loại (phòng/đơn vị)'], *UNITS]), ('Thành viên', [marked, *MEMBERS])]), 'tieu-de-cot.xlsx')
case('tieu-de-cot', 'openpyxl', ['tieu-de-cot.xlsx'], 'headers with (*), notes in brackets, capitals and a line break', {**ALL_OK, 'values': {'members.3.position': 'Chuyên viên'}})
save(book([('Đơn vị', [[h.upper() for h in UNIT_HEAD], *UNITS]), ('Thành viên', [['EMAIL', 'Họ Tên', 'Chức Vụ', 'Vai Trò', 'Đơn Vị', 'Vai Trò Đơn Vị'], *MEMBERS])]), 'chu-hoa-lo.xlsx', True)
case('chu-hoa-lo', 'libreoffice', ['chu-hoa-lo.xlsx'], 'headers in capitals and title case', ALL_OK)
save(book([('Sheet1', [['Ma', 'Ten', 'Ky hieu', 'Loai'], *UNITS]), ('Sheet2', [['Email', 'Ho va ten', 'Chuc vu', 'Vai tro', 'Don vi', 'Vai tro don vi'], *MEMBERS])]), 'khong-dau.xlsx')
case('khong-dau', 'openpyxl', ['khong-dau.xlsx'], 'sheets named Sheet1/Sheet2, headers without diacritics: recognised by their columns', ALL_OK)
# A header for which nothing is known: named in the error.
save(book([('Thành viên', [['Địa chỉ thư', 'họ tên'], ['a@example.vn', 'Nguyễn Văn An']])]), 'thieu-cot.xlsx')
case('thieu-cot', 'openpyxl', ['thieu-cot.xlsx'], 'a members sheet with no email column', {'ok': False, 'problem': 'thiếu cột'})


# ── Extra and hidden sheets ──────────────────────────────────────────────────────────────────────
def guide_rows():
    return [['HƯỚNG DẪN NHẬP DANH SÁCH'], ['1. Điền trang “Đơn vị” trước, rồi trang “Thành viên”.'], ['2. Cột có dấu (*) là bắt buộc.']]


save(book([('Hướng dẫn', guide_rows()), ('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', [MEMBER_HEAD, *MEMBERS])]), 'huong-dan.xlsx')
case('huong-dan', 'openpyxl', ['huong-dan.xlsx'], 'an instructions sheet first', {**ALL_OK, 'ignored': ['Hướng dẫn']})


def hidden_lists(wb):
    lists = wb.create_sheet('DanhMuc')
    for i, v in enumerate(['cán bộ', 'thủ trưởng'], start=1):
        lists.cell(row=i, column=1, value=v)
    for i, v in enumerate(['phòng', 'đơn vị'], start=1):
        lists.cell(row=i, column=2, value=v)
    lists.sheet_state = 'hidden'
    dv = DataValidation(type='list', formula1='DanhMuc!$A$1:$A$2', allow_blank=True)
    wb['Thành viên'].add_data_validation(dv)
    dv.add('F2:F500')
    return wb


for lo in (False, True):
    f = 'an-danh-muc' + ('-lo' if lo else '') + '.xlsx'
    save(hidden_lists(book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', [MEMBER_HEAD, *MEMBERS])])), f, lo)
    case(f[:-5], 'libreoffice' if lo else 'openpyxl', [f], 'a hidden lookup sheet feeding drop-down lists', {**ALL_OK, 'ignored': ['DanhMuc']})
wb = book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', [MEMBER_HEAD, *MEMBERS]), ('Ghi chú', [['Người lập: Nguyễn Văn An'], ['Ngày lập: 01/12/2026']])])
wb['Ghi chú'].sheet_state = 'veryHidden'
save(wb, 'an-rat-sau.xlsx')
case('an-rat-sau', 'openpyxl', ['an-rat-sau.xlsx'], 'a very hidden notes sheet', {**ALL_OK, 'ignored': ['Ghi chú']})
# A hidden sheet that does look like a list is still ignored: people cannot see what they would import.
wb = book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', [MEMBER_HEAD, *MEMBERS]), ('Thành viên cũ', [MEMBER_HEAD, ['cu@example.vn', 'Người Cũ', '', '', '', '']])])
wb['Thành viên cũ'].sheet_state = 'hidden'
save(wb, 'an-danh-sach-cu.xlsx')
case('an-danh-sach-cu', 'openpyxl', ['an-danh-sach-cu.xlsx'], 'a hidden old members list beside the visible one', {**ALL_OK, 'ignored': ['Thành viên cũ']})

# ── Blank rows ───────────────────────────────────────────────────────────────────────────────────
rows = [MEMBER_HEAD, MEMBERS[0], [], MEMBERS[1], [], [], MEMBERS[2], [None, None, None], MEMBERS[3]]
save(book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', rows)]), 'dong-trong.xlsx')
case('dong-trong', 'openpyxl', ['dong-trong.xlsx'], 'blank rows between members', ALL_OK)
rows = [MEMBER_HEAD, MEMBERS[0], [], [], MEMBERS[1], ['', 'Không Có Email', '', '', 'vp', '']]
save(book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', rows)]), 'dong-trong-loi-lo.xlsx', True)
case('dong-trong-loi-lo', 'libreoffice', ['dong-trong-loi-lo.xlsx'], 'a member without email after blank rows: row 6', {'ok': False, 'errors': [{'sheet': 'members', 'row': 6, 'column': 'email'}]})


# ── Codes: "01" as text, and 1 shown as 01 by a number format ────────────────────────────────────
def coded(as_number):
    units = [['01', 'Văn phòng HĐND và UBND', '01', 'phòng'], ['02', 'Phòng Kinh tế, Hạ tầng và Đô thị', '02', 'phòng']]
    members = [['canbo01@example.vn', 'Nguyễn Văn An', 'Chuyên viên', '', '01', 'cán bộ'], ['canbo02@example.vn', 'Trần Thị Bình', 'Chuyên viên', '', '02', '']]

    def fmt(col_letters):
        def f(ws):
            if not as_number:
                return
            for row in ws.iter_rows(min_row=2):
                for c in row:
                    if c.column_letter in col_letters and isinstance(c.value, str) and c.value.isdigit():
                        c.value = int(c.value)
                        c.number_format = '00'
        return f
    return book([('Đơn vị', [UNIT_HEAD, *units], fmt('AC')), ('Thành viên', [MEMBER_HEAD, *members], fmt('E'))])


save(coded(False), 'ma-so-van-ban.xlsx')
case('ma-so-van-ban', 'openpyxl', ['ma-so-van-ban.xlsx'], 'unit codes 01, 02 typed as text', {'ok': True, 'units': 2, 'members': 2, 'values': {'units.0.id': '01', 'units.0.code': '01', 'members.1.units.02': 'staff'}})
for lo in (False, True):
    f = 'ma-so-dinh-dang-00' + ('-lo' if lo else '') + '.xlsx'
    save(coded(True), f, lo)
    case(f[:-5], 'libreoffice' if lo else 'openpyxl', [f], 'unit codes stored as numbers 1, 2 with the number format 00', {'ok': True, 'units': 2, 'members': 2, 'values': {'units.0.id': '01', 'units.1.code': '02', 'members.0.units.01': 'staff'}})


# ── Dates ────────────────────────────────────────────────────────────────────────────────────────
def dated(ws):
    ws['C2'] = date(2025, 2, 3)
    ws['C2'].number_format = 'DD/MM/YYYY'
    ws['C3'] = date(2024, 12, 31)
    ws['C3'].number_format = 'd/m/yyyy'


for lo in (False, True):
    f = 'ngay-thang' + ('-lo' if lo else '') + '.xlsx'
    save(book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', [MEMBER_HEAD, *MEMBERS], dated)]), f, lo)
    case(f[:-5], 'libreoffice' if lo else 'openpyxl', [f], 'dates typed in "chức vụ" (a slip people make): kept as the date shown, not a serial number', {**ALL_OK, 'values': {'members.0.position': '03/02/2025', 'members.1.position': '31/12/2024'}})

# ── Formulas with cached values (LibreOffice computes and stores them) ──────────────────────────
rows = [['email', 'họ', 'tên', 'họ tên', 'đơn vị'], ['canbo.vp@example.vn', 'Nguyễn Văn', 'An', '=B2&" "&C2', 'vp'], ['canbo.kt@example.vn', 'Phạm Thị', 'Dung', '=B3&" "&C3', '=LOWER("KT")']]
save(book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', rows)]), 'cong-thuc-lo.xlsx', True)
case('cong-thuc-lo', 'libreoffice', ['cong-thuc-lo.xlsx'], 'names and units computed by formulas: their cached values', {'ok': True, 'units': 3, 'members': 2, 'values': {'members.0.displayName': 'Nguyễn Văn An', 'members.1.units.kt': 'staff'}})

# ── Text as people paste it: NFD accents, NBSP, line breaks, stray spaces ────────────────────────
nfd = lambda s: unicodedata.normalize('NFD', s)
rows = [MEMBER_HEAD, *[[nfd(c) for c in m] for m in MEMBERS]]
save(book([('Đơn vị', [UNIT_HEAD, *[[nfd(c) for c in u] for u in UNITS]]), (nfd('Thành viên'), rows)]), 'to-hop-nfd.xlsx')
case('to-hop-nfd', 'openpyxl', ['to-hop-nfd.xlsx'], 'every text in decomposed (NFD) Unicode, as pasted from some Mac apps', {**ALL_OK, 'values': {'members.0.displayName': 'Nguyễn Văn An', 'units.0.name': 'Văn phòng HĐND và UBND', 'members.1.units.vp': 'head'}})
rows = [MEMBER_HEAD, ['\u00a0canbo.vp@example.vn\u00a0', 'Nguyễn\u00a0Văn\u00a0An', ' Chuyên  viên ', '', 'vp\u00a0', 'cán\u00a0bộ'], MEMBERS[1]]
save(book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', rows)]), 'khoang-trang-nbsp-lo.xlsx', True)
case('khoang-trang-nbsp-lo', 'libreoffice', ['khoang-trang-nbsp-lo.xlsx'], 'non-breaking and doubled spaces pasted from a web page', {'ok': True, 'units': 3, 'members': 2, 'values': {'members.0.email': 'canbo.vp@example.vn', 'members.0.displayName': 'Nguyễn Văn An', 'members.0.position': 'Chuyên viên', 'members.0.units.vp': 'staff'}})
units = [['vp', 'Văn phòng HĐND\nvà UBND', 'VP', 'phòng'], ['kt', 'Phòng Kinh tế,\r\nHạ tầng và Đô thị', 'KT', 'phòng']]
save(book([('Đơn vị', [UNIT_HEAD, *units])]), 'xuong-dong.xlsx')
case('xuong-dong', 'openpyxl', ['xuong-dong.xlsx'], 'line breaks (Alt+Enter) inside unit names', {'ok': True, 'units': 2, 'members': 0, 'values': {'units.0.name': 'Văn phòng HĐND và UBND', 'units.1.name': 'Phòng Kinh tế, Hạ tầng và Đô thị'}})

# ── Rich text (openpyxl writes every string inline, LibreOffice as shared strings: both are covered) ─────────────────────────────────────────────────────────────────
FODS = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="T2" style:family="text"><style:text-properties fo:color="#c00000" fo:font-style="italic"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Thành viên">
<table:table-row>{head}</table:table-row>
<table:table-row>{r1}</table:table-row>
<table:table-row>{r2}</table:table-row>
</table:table></office:spreadsheet></office:body></office:document>
'''
cell = lambda inner: f'<table:table-cell office:value-type="string"><text:p>{inner}</text:p></table:table-cell>'
head = ''.join(cell(h) for h in ['email', 'họ tên', 'chức vụ'])
r1 = cell('canbo.vp@example.vn') + cell('<text:span text:style-name="T1">Nguyễn</text:span> Văn An') + cell('Chuyên viên <text:span text:style-name="T2">(tập sự)</text:span>')
r2 = cell('canbo.kt@example.vn') + cell('Phạm <text:span text:style-name="T2">Thị</text:span> <text:span text:style-name="T1">Dung</text:span>') + cell('Chuyên viên')
src = os.path.join(tmp, 'chu-dinh-dang-lo.fods')
with open(src, 'w', encoding='utf-8') as fh:
    fh.write(FODS.format(head=head, r1=r1, r2=r2))
to_libreoffice.append((src, 'chu-dinh-dang-lo.xlsx'))
case('chu-dinh-dang-lo', 'libreoffice', ['chu-dinh-dang-lo.xlsx'], 'rich text (bold, coloured runs) inside names', {'ok': True, 'units': 0, 'members': 2, 'values': {'members.0.displayName': 'Nguyễn Văn An', 'members.0.position': 'Chuyên viên (tập sự)', 'members.1.displayName': 'Phạm Thị Dung'}})


# ── Sparse and large sheets ─────────────────────────────────────────────────────────────────────
for lo in (False, True):
    f = 'o-le-dong-150000' + ('-lo' if lo else '') + '.xlsx'
    wb = book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', [MEMBER_HEAD, *MEMBERS])])
    wb['Thành viên']['D150000'] = 'x'
    save(wb, f, lo)
    case(f[:-5], 'libreoffice' if lo else 'openpyxl', [f], 'one stray cell at row 150,000 of the members sheet', {'ok': False, 'errors': [{'sheet': 'members', 'row': 150000, 'column': 'email'}]})

members = [MEMBER_HEAD]
for i in range(5000):
    members.append([f'canbo{i:04d}@example.vn', f'Cán Bộ Số {i}', 'Chuyên viên', '', UNITS[i % 3][0], 'cán bộ'])
    if i % 100 == 99:
        members.append([])
save(book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', members)]), '5000-thanh-vien.xlsx')
case('5000-thanh-vien', 'openpyxl', ['5000-thanh-vien.xlsx'], '5,000 members with a blank row after every hundred', {'ok': True, 'units': 3, 'members': 5000, 'values': {'members.4999.email': 'canbo4999@example.vn'}})
members.insert(1, ['them@example.vn', 'Thêm Một Người', '', '', '', ''])
save(book([('Thành viên', members)]), '5001-thanh-vien.xlsx')
case('5001-thanh-vien', 'openpyxl', ['5001-thanh-vien.xlsx'], '5,001 members: over the limit, refused before sending', {'ok': False, 'problem': '5.000'})

# ── Errors people make, each named by sheet, row and column ─────────────────────────────────────
rows = [MEMBER_HEAD, MEMBERS[0], MEMBERS[1], [MEMBERS[0][0].upper(), 'Người Trùng', '', '', 'vp', '']]
save(book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', rows)]), 'trung-email.xlsx')
case('trung-email', 'openpyxl', ['trung-email.xlsx'], 'the same email twice (different case)', {'ok': False, 'errors': [{'sheet': 'members', 'row': 4, 'column': 'email'}]})
rows = [MEMBER_HEAD, MEMBERS[0], ['canbo.x@example.vn', 'Người Lạ', '', '', 'phong-khong-co', '']]
save(book([('Đơn vị', [UNIT_HEAD, *UNITS]), ('Thành viên', rows)]), 'don-vi-khong-co-lo.xlsx', True)
case('don-vi-khong-co-lo', 'libreoffice', ['don-vi-khong-co-lo.xlsx'], 'a member of a unit that is nowhere', {'ok': False, 'errors': [{'sheet': 'members', 'row': 3, 'column': 'đơn vị'}]})
units = [UNIT_HEAD, UNITS[0], ['Kế toán', 'Bộ phận Kế toán', 'KT', 'phòng'], ['yt', 'Trạm Y tế', 'YT', 'trạm']]
save(book([('Đơn vị', units)]), 'ma-don-vi-sai.xlsx')
case('ma-don-vi-sai', 'openpyxl', ['ma-don-vi-sai.xlsx'], 'a unit id with spaces and diacritics, and an unknown type', {'ok': False, 'errors': [{'sheet': 'units', 'row': 3, 'column': 'mã'}, {'sheet': 'units', 'row': 4, 'column': 'loại'}]})
save(book([('Hướng dẫn', guide_rows())]), 'chi-huong-dan.xlsx')
case('chi-huong-dan', 'openpyxl', ['chi-huong-dan.xlsx'], 'a workbook with no list at all', {'ok': False, 'problem': 'không có danh sách'})
with open(os.path.join(OUT, 'khong-phai-xlsx.xlsx'), 'w', encoding='utf-8') as fh:
    fh.write('email,họ tên\na@example.vn,Nguyễn Văn An\n')
case('khong-phai-xlsx', 'python-csv', ['khong-phai-xlsx.xlsx'], 'a CSV renamed to .xlsx', {'ok': False, 'problem': 'không phải bảng tính'})

# ── Two files, and CSV as spreadsheets save it ───────────────────────────────────────────────────
save(book([('Đơn vị', [UNIT_HEAD, *UNITS])]), 'hai-tep-don-vi.xlsx')
with open(os.path.join(OUT, 'hai-tep-thanh-vien.csv'), 'w', encoding='utf-8-sig', newline='') as fh:
    csv.writer(fh).writerows([MEMBER_HEAD, *MEMBERS])
case('hai-tep', 'openpyxl + python-csv', ['hai-tep-don-vi.xlsx', 'hai-tep-thanh-vien.csv'], 'units in a workbook, members in a UTF-8 CSV with BOM', ALL_OK)
src = os.path.join(tmp, 'csv-cham-phay-lo.xlsx')
book([('Thành viên', [MEMBER_HEAD, *MEMBERS, ['nhieu.dong@example.vn', 'Người "Trích dẫn"; Có chấm phẩy', 'Dòng 1\nDòng 2', '', '', '']])]).save(src)
to_libreoffice.append((src, 'csv-cham-phay-lo.csv'))
case('csv-cham-phay-lo', 'libreoffice', ['csv-cham-phay-lo.csv'], 'CSV saved by LibreOffice with “;” separators (Vietnamese locale), quotes and a line break in a cell', {'ok': True, 'units': 0, 'members': 5, 'values': {'members.4.displayName': 'Người "Trích dẫn"; Có chấm phẩy', 'members.4.position': 'Dòng 1 Dòng 2'}})
def cp1258(text):
    """Windows-1258 as Excel wrote it: precomposed letters where the code page has them, else base + combining tone."""
    out = b''
    for ch in text:
        try:
            out += ch.encode('cp1258')
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize('NFD', ch)
            out += unicodedata.normalize('NFC', base + ''.join(m for m in marks if m in '\u0302\u0306\u031b')).encode('cp1258')
            out += ''.join(m for m in marks if m not in '\u0302\u0306\u031b').encode('cp1258')
    return out


with open(os.path.join(OUT, 'csv-windows-1258.csv'), 'wb') as fh:
    text = io.StringIO()
    csv.writer(text).writerows([MEMBER_HEAD, *[m for m in MEMBERS if not m[4]]])
    fh.write(cp1258(text.getvalue()))
case('csv-windows-1258', 'python-csv', ['csv-windows-1258.csv'], 'an old "CSV (MS-DOS)" in the Windows Vietnamese code page (tones as combining marks)', {'ok': True, 'units': 0, 'members': 1, 'values': {'members.0.displayName': 'Lê Văn Cường', 'members.0.position': 'Phó Chủ tịch UBND'}})

# ── LibreOffice: one run converts everything queued ───────────────────────────────────────────────
if to_libreoffice:
    profile = tempfile.mkdtemp(prefix='lo-')
    xlsx = [s for s, f in to_libreoffice if f.endswith('.xlsx')]
    csvs = [s for s, f in to_libreoffice if f.endswith('.csv')]
    lo = ['soffice', f'-env:UserInstallation=file://{profile}', '--headless']
    conv = os.path.join(tmp, 'lo')
    if xlsx:
        subprocess.run([*lo, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', conv, *xlsx], check=True, capture_output=True)
    if csvs:
        # Filter options: separator ";" (59), quote '"' (34), UTF-8 (76), first line 1.
        subprocess.run([*lo, '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1', '--outdir', conv, *csvs], check=True, capture_output=True)
    for s, f in to_libreoffice:
        produced = os.path.join(conv, os.path.splitext(os.path.basename(s))[0] + os.path.splitext(f)[1])
        shutil.move(produced, os.path.join(OUT, f))
    shutil.rmtree(profile, ignore_errors=True)

shutil.rmtree(tmp, ignore_errors=True)
with open(os.path.join(OUT, 'expected.json'), 'w', encoding='utf-8') as fh:
    json.dump(cases, fh, ensure_ascii=False, indent=1)
    fh.write('\n')
print(f'{len(cases)} cases in {os.path.relpath(OUT, ROOT)}')
