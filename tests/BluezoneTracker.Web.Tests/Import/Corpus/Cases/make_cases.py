#!/usr/bin/env python3
"""Writes our own files of each kind of tests/.../Corpus/Cases/cases.json (the files staff really send).

Run from this folder: python3 make_cases.py. Needs only the standard library, except the .xls and .ods
files, which LibreOffice converts from an .xlsx written here (`soffice --headless --convert-to`); when
soffice is missing those two are left as committed. What each file must give is in own-cases.json,
written by this script too: "read" files hold the counts of cases.json (18/8/2020: total 91.320,
unassigned 33); "refuse" files name the problem kind they must be refused with.
"""
import json, os, shutil, subprocess, tempfile, zipfile
from xml.sax.saxutils import escape

COUNTS = [  # GSO code, official name, 17/8/2020, 18/8/2020
    ("116", "Thành phố Sơn La", 21106, 22556), ("123", "Huyện Mộc Châu", 11346, 12066), ("125", "Huyện Mai Sơn", 10329, 11234),
    ("120", "Huyện Mường La", 6122, 6588), ("122", "Huyện Phù Yên", 6763, 7303), ("118", "Huyện Quỳnh Nhai", 3359, 3807),
    ("124", "Huyện Yên Châu", 4093, 4488), ("126", "Huyện Sông Mã", 7083, 7843), ("127", "Huyện Sốp Cộp", 2025, 2186),
    ("119", "Huyện Thuận Châu", 6985, 7815), ("121", "Huyện Bắc Yên", 2580, 2823), ("128", "Huyện Vân Hồ", 2308, 2578),
]
UNASSIGNED = "Số thuê bao chưa xác định được huyện"
own = {}

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def cell(ref, v, inline):
    if v is None or v == "":
        return ""
    if isinstance(v, tuple):  # ("f", formula, cached) or ("e", "#DIV/0!")
        if v[0] == "e":
            return f'<c r="{ref}" t="e"><v>{escape(v[1])}</v></c>'
        if v[0] == "fe":  # a formula whose cached result is an error
            return f'<c r="{ref}" t="e"><f>{escape(v[1])}</f><v>{escape(v[2])}</v></c>'
        if v[0] == "shared":
            return f'<c r="{ref}"><f t="shared" si="0"/><v>{v[1]}</v></c>'
        return f'<c r="{ref}"><f{v[3] if len(v) > 3 else ""}>{escape(v[1])}</f><v>{v[2]}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    if inline:
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>'
    raise ValueError(v)

def put(z, name, data):
    """A zip entry with a fixed time, so that running the script again writes the same bytes."""
    info = zipfile.ZipInfo(name, (2020, 8, 18, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, data)

def xlsx(path, sheets, styles=True, inline=False, active=0, defined="", comment=None):
    """sheets: [(name, rows, state, merges)]; strings shared unless inline."""
    strings, index = [], {}
    def sst(v):
        if v not in index:
            index[v] = len(strings); strings.append(v)
        return index[v]
    parts = []
    for si, (name, rows, state, merges) in enumerate(sheets):
        xml_rows = []
        for r, row in enumerate(rows, start=1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{col(c)}{r}"
                if isinstance(v, str) and v != "" and not inline:
                    cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
                else:
                    cells.append(cell(ref, v, inline))
            xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
        merge = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>" if merges else ""
        legacy = '<legacyDrawing r:id="rId1"/>' if comment and si == 0 else ""
        selected = ' tabSelected="1"' if si == active else ""
        parts.append(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews><sheetView workbookViewId="0"{selected}/></sheetViews><sheetData>{"".join(xml_rows)}</sheetData>{merge}{legacy}</worksheet>')
    z = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
    if styles:
        overrides += '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    if strings:
        overrides += '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    if comment:
        overrides += '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
    put(z, "[Content_Types].xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>')
    put(z, "_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    sheet_list = "".join('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' % (escape(n), i + 1, ' state="%s"' % st if st else "", i + 1) for i, (n, _, st, _) in enumerate(sheets))
    put(z, "xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="{active}"/></bookViews><sheets>{sheet_list}</sheets>{defined}</workbook>')
    rels = "".join(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>' for i in range(len(sheets)))
    n = len(sheets)
    if styles:
        rels += f'<Relationship Id="rId{n+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        put(z, "xl/styles.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Times New Roman"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>')
    if strings:
        rels += f'<Relationship Id="rId{n+2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        put(z, "xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")
    put(z, "xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
    for i, p in enumerate(parts):
        put(z, f"xl/worksheets/sheet{i+1}.xml", p)
    if comment:
        ref, text = comment
        put(z, "xl/worksheets/_rels/sheet1.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>')
        put(z, "xl/comments1.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Cán bộ</author></authors><commentList><comment ref="{ref}" authorId="0"><text><r><t>{escape(text)}</t></r></text></comment></commentList></comments>')
        put(z, "xl/drawings/vmlDrawing1.vml", '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>4</x:Row><x:Column>3</x:Column></x:ClientData></v:shape></xml>')
    z.close()

def table(day=18, header=("TT", "Huyện, Thành phố", "Số Bluezone đã đăng ký"), unassigned=UNASSIGNED, names=None):
    rows = [list(header)]
    for i, (code, name, c17, c18) in enumerate(COUNTS):
        rows.append([i + 1, (names or {}).get(code, name), c18 if day == 18 else c17])
    rows.append([13, unassigned, 33 if day == 18 else 27])
    return rows

def read(name, shape):
    own[name] = {"shape": shape, "expect": "read"}

def refuse(name, kind, shape):
    own[name] = {"shape": shape, "expect": "refuse", "kind": kind}

def soffice(src, fmt, dest):
    """LibreOffice converts an .xlsx we wrote to .xls (BIFF8) or .ods; without it the committed file stays."""
    exe = shutil.which("soffice")
    if not exe:
        return os.path.exists(dest)
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([exe, "--headless", "--convert-to", fmt, "--outdir", out, src], check=True, capture_output=True)
        produced = os.path.join(out, os.path.splitext(os.path.basename(src))[0] + "." + fmt.split(":")[0])
        shutil.copyfile(produced, dest)
    return True

tmp = tempfile.mkdtemp()

# 01 — Excel 97-2003 (.xls, BIFF8) written by LibreOffice: two day sheets named "Ngày 17" and "Ngày 18".
src = os.path.join(tmp, "a01-xls-sheets-ngay.xlsx")
xlsx(src, [("Ngày 17", table(17), None, []), ("Ngày 18", table(18), None, [])], active=0)
if soffice(src, "xls:MS Excel 97", "a01-libreoffice-xls-sheets-ngay.xls"):
    read("a01-libreoffice-xls-sheets-ngay.xls", "An .xls (BIFF8) saved by LibreOffice, a sheet per day named 'Ngày 17' and 'Ngày 18', the first active.")

# 04 — a very hidden sheet with yesterday's counts before the visible one.
xlsx("a04-very-hidden-sheet-first.xlsx", [("Tổng hợp", table(17), "veryHidden", []), ("Số liệu", table(18), None, [])], active=1)
read("a04-very-hidden-sheet-first.xlsx", "A very hidden first sheet holds 17/8; the only visible sheet, not named for a date, holds 18/8.")
# 04b — sheets named "16.8", "17.8", "18.8", the first one active.
xlsx("a04b-sheets-dotted-dates-first-active.xlsx", [("16.8", table(17), None, []), ("17.8", table(17), None, []), ("18.8", table(18), None, [])], active=0)
read("a04b-sheets-dotted-dates-first-active.xlsx", "Sheets '16.8', '17.8', '18.8' with the first one active: the sheet named for the date is read.")
# 04c — two visible count sheets, none named for a date: must ask.
xlsx("a04c-two-sheets-no-date.xlsx", [("Bảng A", table(17), None, []), ("Bảng B", table(18), None, [])], active=1)
refuse("a04c-two-sheets-no-date.xlsx", "AmbiguousSheet", "Two visible sheets with count tables, neither named for a date.")

# 05 — a two-row header: "Số đăng ký" merged over "Ngày 17/8 | Ngày 18/8".
rows = [["TT", "Huyện, Thành phố", "Số đăng ký", ""], ["", "", "Ngày 17/8", "Ngày 18/8"]]
for i, (code, name, c17, c18) in enumerate(COUNTS):
    rows.append([i + 1, name, c17, c18])
rows.append([13, UNASSIGNED, 27, 33])
xlsx("a05-two-row-header-merged.xlsx", [("Sheet1", rows, None, ["C1:D1", "A1:A2", "B1:B2"])])
read("a05-two-row-header-merged.xlsx", "A two-row header: 'Số đăng ký' merged over 'Ngày 17/8 | Ngày 18/8'.")
# 05c — two count columns, no date in their headers: must ask.
rows = [["Đơn vị", "Số đăng ký Viettel", "Số đăng ký VNPT"]] + [[n, c17, c18] for _, n, c17, c18 in COUNTS] + [[UNASSIGNED, 27, 33]]
xlsx("a05c-two-count-columns-no-date.xlsx", [("Sheet1", rows, None, [])])
refuse("a05c-two-count-columns-no-date.xlsx", "AmbiguousColumn", "Two count columns whose headers name no date.")

# 06 — written by LibreOffice Calc from a workbook with a cell comment.
src = os.path.join(tmp, "a06.xlsx")
xlsx(src, [("Trang tính1", table(18), None, [])], comment=("C3", "Số liệu Viettel gửi chiều 18/8"))
if soffice(src, "xlsx:Calc MS Excel 2007 XML", "a06-libreoffice-resaved-comment.xlsx"):
    read("a06-libreoffice-resaved-comment.xlsx", "Saved by LibreOffice Calc, with a comment on a count cell.")

# 10 — TCVN3 in a CSV (bytes, as a .VnTime user's Notepad saves them) and VNI-Windows in .xlsx cells.
TCVN3 = {"ệ": 0xD6, "à": 0xB5, "ố": 0xE8, "ơ": 0xAC, "ộ": 0xE9, "â": 0xA9, "ư": 0xAD, "ờ": 0xEA, "ù": 0xEF, "ê": 0xAA,
         "ỳ": 0xFA, "ô": 0xAB, "ã": 0xB7, "ậ": 0xCB, "ắ": 0xBE, "ồ": 0xE5, "á": 0xB8, "đ": 0xAE, "ị": 0xDE, "ợ": 0xEE, "ă": 0xA8, "ý": 0xFD}
def tcvn3(text):
    return bytes(TCVN3[ch] if ch in TCVN3 else ord(ch) for ch in text)
lines = ["Huyện, Thành phố;Số đăng ký"] + [f"{n};{c18}" for _, n, _, c18 in COUNTS] + [f"{UNASSIGNED};33"]
with open("a10-tcvn3-notepad.csv", "wb") as f:
    f.write(b"\r\n".join(tcvn3(l) for l in lines) + b"\r\n")
read("a10-tcvn3-notepad.csv", "A CSV in TCVN3 bytes (not UTF-8), as typed with the .VnTime fonts.")
VNI = {"ệ": "eä", "à": "aø", "ố": "oá", "ơ": "ô", "ộ": "oä", "â": "aâ", "ư": "ö", "ờ": "ôø", "ù": "uø", "ê": "eâ",
       "ỳ": "yø", "ô": "oâ", "ã": "aõ", "ậ": "aä", "ắ": "aé", "ồ": "oà", "á": "aù", "đ": "ñ", "ị": "ò", "ợ": "ôï", "ă": "aê", "ý": "yù", "ổ": "oå"}
def vni(text):
    return "".join(VNI.get(ch, ch) for ch in text)
xlsx("a10b-vni-windows-cells.xlsx", [("Sheet1", [[vni(v) if isinstance(v, str) else v for v in r] for r in table(18, header=("TT", "Huyện, Thành phố", "Số đăng ký"))], None, [])])
read("a10b-vni-windows-cells.xlsx", "District names typed in VNI-Windows (VNI-Times fonts) in .xlsx cells.")
# 10c — a CSV saved in a code page without Vietnamese letters: they became '?'.
lines = ["Huyện, Thành phố,Số đăng ký"] + [f"{n.encode('ascii', 'replace').decode()},{c18}" for _, n, _, c18 in COUNTS]
with open("a10c-letters-lost-question-marks.csv", "wb") as f:
    f.write("\r\n".join(lines).encode("ascii", "replace") + b"\r\n")
refuse("a10c-letters-lost-question-marks.csv", "LettersLost", "A CSV saved in a code page without Vietnamese letters: 'Huy?n M?c Ch?u'.")

# 13 — codes, names and counts with unquoted thousands commas: more fields than the header.
lines = ["Mã,Huyện,Số đăng ký"] + [f"{c},{n},{c18:,}" for c, n, _, c18 in COUNTS] + [f",{UNASSIGNED},33"]
with open("a13-code-column-thousands-comma.csv", "wb") as f:
    f.write(("\r\n".join(lines) + "\r\n").encode())
refuse("a13-code-column-thousands-comma.csv", "FieldCountMismatch", "Code, name, count with unquoted thousands commas ('116,Thành phố Sơn La,22,556').")

# 15 — a small generator: inline strings, no styles part, shared formulas with cached values, a print area.
rows = table(18, header=("STT", "Tên đơn vị", "Số lượt cài đặt"))
rows[1][2] = ("f", "22000+556", 22556)
rows[2][2] = ("f", "12000+66", 12066, ' t="shared" ref="C3:C4" si="0"')
rows[3][2] = ("shared", 11234)
xlsx("a15-inline-strings-shared-formulas-print-area.xlsx", [("Data", rows, None, [])], styles=False, inline=True,
     defined='<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$C$14</definedName></definedNames>')
read("a15-inline-strings-shared-formulas-print-area.xlsx", "Inline strings, no xl/styles.xml, shared formulas with cached values, a print area formula.")

# 24 — other header and label variants, the province's own name as the total, invisible characters.
rows = table(18, header=("STT", "Tên đơn vị", "Số Bluezone đã cài đặt"), unassigned="Không xác định được huyện",
             names={"116": "Thành phố\u00a0Sơn La", "123": "Huyện Mộc\u200b Châu"})
rows[2][2] = "12\u00a0066"
rows.append(["", "Tỉnh Sơn La", 91320])
xlsx("a24-ten-don-vi-tinh-son-la-total.xlsx", [("Sheet1", rows, None, [])])
read("a24-ten-don-vi-tinh-son-la-total.xlsx", "'Tên đơn vị', 'Số Bluezone đã cài đặt', 'Không xác định được huyện', total row 'Tỉnh Sơn La', a NBSP and a zero-width space in names and a count.")

# 28 — the official form: column-number row, 'Cộng' total, then the recipients and the signature.
rows = [["UBND TỈNH SƠN LA"], ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"], [], ["BIỂU THỐNG KÊ SỐ LƯỢNG CÀI ĐẶT BLUEZONE"], ["Tính đến ngày 18/8/2020"],
        ["TT", "Địa phương", "Số đăng ký", "Ghi chú"], ["A", "B", "1", "2"]]
for i, (code, name, c17, c18) in enumerate(COUNTS):
    rows.append([i + 1, name, c18, ""])
rows += [[13, "Chưa xác định", 33, ""], ["", "Cộng", 91320, ""], [], ["Nơi nhận:", "", "KT. GIÁM ĐỐC"], ["- Như trên;", "", "PHÓ GIÁM ĐỐC"],
         ["- Lưu: VT.", "", ""], ["", "", "Nguyễn Văn B"], ["Ghi chú: số liệu do các nhà mạng cung cấp", "", 2020]]
xlsx("a28-form-column-numbers-noi-nhan.xlsx", [("Biểu 01", rows, None, [])])
read("a28-form-column-numbers-noi-nhan.xlsx", "An official form: column-number row 'A | B | 1 | 2', total 'Cộng', then 'Nơi nhận', the signature and a note with a number.")

# Issue 15 point 3 — an Excel error value in a count cell.
rows = table(18)
rows[6][2] = ("e", "#DIV/0!")
xlsx("a30-error-value-div0.xlsx", [("Sheet1", rows, None, [])])
refuse("a30-error-value-div0.xlsx", "ErrorValue", "#DIV/0! in the count of Huyện Yên Châu (C7).")

# Issue 15 point 3, .xls half — error results of formulas in count cells of an Excel 97-2003 file.
rows = table(18)
rows[4][2] = ("fe", "1/0", "#DIV/0!")
rows[8][2] = ("fe", "NA()", "#N/A")
src = os.path.join(tmp, "a34-xls-error-values.xlsx")
xlsx(src, [("Sheet1", rows, None, [])])
if soffice(src, "xls:MS Excel 97", "a34-xls-error-values.xls"):
    refuse("a34-xls-error-values.xls", "ErrorValue", "An .xls (BIFF8) from LibreOffice: =1/0 (#DIV/0!) in the count of Huyện Mường La (C5), =NA() (#N/A) in C9.")

# Formats we do not read: named in the refusal.
src = os.path.join(tmp, "a31.xlsx")
xlsx(src, [("Sheet1", table(18), None, [])])
if soffice(src, "ods", "a31-opendocument.ods"):
    refuse("a31-opendocument.ods", "OtherFormat", "An OpenDocument spreadsheet (.ods) from LibreOffice.")
html = "<html><head><meta charset='utf-8'></head><body><table><tr><td>Huyện, Thành phố</td><td>Số đăng ký</td></tr>" + "".join(
    f"<tr><td>{n}</td><td>{c18}</td></tr>" for _, n, _, c18 in COUNTS) + "</table></body></html>"
with open("a32-html-table-saved-as.xls", "wb") as f:
    f.write(html.encode())
refuse("a32-html-table-saved-as.xls", "OtherFormat", "An HTML table saved with an .xls name (web exports).")
xml2003 = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table>' + "".join(
    f'<Row><Cell><Data ss:Type="String">{n}</Data></Cell><Cell><Data ss:Type="Number">{c18}</Data></Cell></Row>' for _, n, _, c18 in COUNTS)
           + "</Table></Worksheet></Workbook>")
with open("a33-excel-2003-xml-saved-as.xls", "wb") as f:
    f.write(xml2003.encode())
refuse("a33-excel-2003-xml-saved-as.xls", "OtherFormat", "An Excel 2003 XML spreadsheet saved with an .xls name.")

with open("own-cases.json", "w", encoding="utf-8") as f:
    json.dump({"about": "Our own files of the kinds of cases.json (made by make_cases.py), uploaded for 18/8/2020 like them.", "cases": own}, f, ensure_ascii=False, indent=1)
shutil.rmtree(tmp)
