#!/usr/bin/env python3
"""Writes the import test corpus: real files as staff send them, good and hostile.

Run from this folder: python3 make_corpus.py. The files are committed; CorpusTests.cs says what
each one must give. The valid files hold the 17/8/2020 counts of the Sơn La annex plus 100 for
every district, and 30 unassigned (total 85.329), unless noted.
"""
import unicodedata, zipfile, io, os

DISTRICTS = [  # code, official name, 17/8/2020 count
    ("116", "Thành phố Sơn La", 21106), ("123", "Huyện Mộc Châu", 11346), ("125", "Huyện Mai Sơn", 10329),
    ("120", "Huyện Mường La", 6122), ("122", "Huyện Phù Yên", 6763), ("118", "Huyện Quỳnh Nhai", 3359),
    ("124", "Huyện Yên Châu", 4093), ("126", "Huyện Sông Mã", 7083), ("127", "Huyện Sốp Cộp", 2025),
    ("119", "Huyện Thuận Châu", 6985), ("121", "Huyện Bắc Yên", 2580), ("128", "Huyện Vân Hồ", 2308),
]
UNASSIGNED = "Số thuê bao chưa xác định được huyện"
COUNT_HEADER = "Số Bluezone đã đăng ký số điện thoại"

def vn(n):  # 21206 -> "21.206"
    return f"{n:,}".replace(",", ".")

def short(name):
    for p in ("Thành phố ", "Huyện "):
        if name.startswith(p):
            return name[len(p):]
    return name

def fold(s):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")

def lines(rows, sep):
    return "\r\n".join(sep.join(r) for r in rows) + "\r\n"

def write(name, data):
    with open(name, "wb") as f:
        f.write(data)

def cp1258(text):
    """Windows-1258 as Windows writes it: base letters it has, tone marks as combining characters."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258"); continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], list(parts[1:])
        for m in list(marks):  # fold in the marks cp1258 has precomposed (circumflex, breve, horn)
            composed = unicodedata.normalize("NFC", base + m)
            if len(composed) == 1:
                try:
                    composed.encode("cp1258"); base = composed; marks.remove(m)
                except UnicodeEncodeError:
                    pass
        out += base.encode("cp1258") + "".join(marks).encode("cp1258")
    return bytes(out)

plus = [(c, n, k + 100) for c, n, k in DISTRICTS]
bom = b"\xef\xbb\xbf"

# --- valid CSV ---------------------------------------------------------------------------------
write("template-utf8-bom-comma.csv", bom + lines(
    [["Mã", '"Huyện, Thành phố"', COUNT_HEADER]] + [[c, n, str(k)] for c, n, k in plus] + [["", UNASSIGNED, "30"]], ",").encode())
write("names-utf8-semicolon-dotted.csv", lines(
    [["TT", "Huyện, Thành phố", COUNT_HEADER]] + [[str(i + 1), short(n), vn(k)] for i, (c, n, k) in enumerate(plus)]
    + [["13", UNASSIGNED, "30"]], ";").encode())
write("names-utf16-tab.csv", b"\xff\xfe" + lines(
    [["Huyện, Thành phố", COUNT_HEADER]] + [[n, f"{k:,}".replace(",", " ")] for c, n, k in plus] + [[UNASSIGNED, "30"]], "\t").encode("utf-16-le"))
write("names-windows1258-semicolon.csv", cp1258(lines(
    [["Huyện, Thành phố", COUNT_HEADER]] + [[n, vn(k)] for c, n, k in plus] + [[UNASSIGNED, "30"]], ";")))
write("names-nfd-comma-grouped.csv", unicodedata.normalize("NFD", lines(
    [["Huyện", "Số đăng ký"]] + [[n, f'"{k:,}"'] for c, n, k in plus] + [[UNASSIGNED, "30"]], ",")).encode())
prefixes = ["TP.", "H.", "huyen", "TP", "Thành phố", "H.", "", "HUYỆN", "h.", "", "Huyện", "H."]
write("names-without-diacritics-prefixes.csv", lines(
    [["Ten huyen", "So dang ky"]] + [[(p + " " + fold(short(n))).strip() if i % 2 else (p + " " + short(n)).strip(), str(k)]
                                     for i, ((c, n, k), p) in enumerate(zip(plus, prefixes))]
    + [["So thue bao chua xac dinh duoc huyen", "30"]], ",").encode())
# The official annex as staff type it (17/8/2020, with its typed total 84.124 instead of 84.126).
annex_rows = [["THỐNG KÊ TÌNH HÌNH TRIỂN KHAI SỬ DỤNG ỨNG DỤNG BLUEZONE"], ["Tính đến ngày 17/8/2020"],
              ["(Kèm theo Công văn số: /STTTT-TTBCXB ngày 17/8/2020 của Sở TT&TT)"], [],
              ["TT", "Huyện, Thành phố", "Dân số", COUNT_HEADER, "So với ngày 12/8/2020", "Tỷ lệ Bluezone đã đăng ký số điện thoại/Dân số"]]
for i, (c, n, k) in enumerate(DISTRICTS):
    annex_rows.append([str(i + 1), n, "0", vn(k), "+ 1", "1,0 %"])
annex_rows.append(["13", UNASSIGNED, "", "27", "", ""])
annex_rows.append(["14", "TOÀN TỈNH", "1.248.415", "84.124", "19.867", "6.74 %"])
write("annex-typed-title-rows.csv", bom + "\r\n".join(
    ";".join(f'"{v}"' if ";" in v else v for v in r) for r in annex_rows).encode() + b"\r\n")

# A daily sheet with a date column, of 17/8/2020 (used in tests for 18/8/2020: the date differs).
write("date-column-17-8.csv", bom + lines(
    [["Ngày", "Mã", "Huyện, Thành phố", COUNT_HEADER]] + [["17/8/2020", c, n, vn(k)] for c, n, k in plus]
    + [["17/8/2020", "", UNASSIGNED, "30"]], ";").encode())

# --- malformed CSV -----------------------------------------------------------------------------
def simple(rows, header=("Huyện, Thành phố", COUNT_HEADER)):
    return bom + lines([list(header)] + rows, ";").encode()

good = [[n, str(k)] for c, n, k in plus]
write("empty.csv", b"")
write("header-only.csv", simple([]))
write("wrong-columns.csv", bom + lines([["Họ tên", "Số điện thoại"], ["Nguyễn Văn A", "0912345678"]], ",").encode())
write("unknown-district.csv", simple(good[:5] + [["Mường Lát", "1200"]] + good[5:]))  # line 7
write("duplicate-district.csv", simple(good + [["Mộc Châu", "11446"]]))               # line 14, first at 3
write("negative-count.csv", simple(good[:2] + [[good[2][0], "-5"]] + good[3:]))        # line 4
write("decimal-count.csv", simple(good[:3] + [[good[3][0], "6,74"]] + good[4:]))       # line 5
write("huge-count.csv", simple([[good[0][0], "99999999999999"]] + good[1:]))           # line 2
write("text-count.csv", simple(good[:1] + [[good[1][0], "nhiều"]] + good[2:]))         # line 3
write("long-text.csv", simple(good + [["Huyện " + "Mộc Châu " * 60, "1"]]))           # line 14
write("binary-garbage.csv", bytes((i * 37 + 11) % 256 for i in range(4096)))

# --- xlsx, written as Excel structures them ----------------------------------------------------
def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26); s = chr(65 + r) + s
    return s

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

def sheet_xml(rows):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, start=1):
        out.append(f'<row r="{r}">')
        for c, v in enumerate(row):
            ref = f"{col(c)}{r}"
            if v is None or v == "":
                continue
            if isinstance(v, tuple):  # (formula, cached value or None)
                f, cached = v
                out.append(f'<c r="{ref}"><f>{esc(f)}</f>' + (f"<v>{cached}</v>" if cached is not None else "") + "</c>")
            elif isinstance(v, (int, float)):
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{esc(v)}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)

def xlsx(sheets, extra=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' + overrides + '</Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        names = "".join(f'<sheet name="{esc(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets))
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' + names + '</sheets></workbook>')
        rels = "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
        rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels + '</Relationships>')
        z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>')
        for i, (_, rows) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", sheet_xml(rows))
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()

template_rows = [["Mã", "Huyện, Thành phố", COUNT_HEADER]] + [[c, n, k] for c, n, k in plus] + [["", UNASSIGNED, 30]]
template = xlsx([("Số liệu", template_rows)])
write("template-numbers.xlsx", template)
annex_xlsx = [[v for v in r] for r in annex_rows[:5]]
for i, (c, n, k) in enumerate(plus):
    annex_xlsx.append([i + 1, n, 100000, k, 100, 0.01])
annex_xlsx.append([13, UNASSIGNED, None, 30, None, None])
annex_xlsx.append([14, "TOÀN TỈNH", 1248415, ("SUM(D6:D18)", 85329), None, None])
write("annex-layout-with-sum-formula.xlsx", xlsx([("Phụ lục", annex_xlsx)]))
formula_rows = [list(r) for r in template_rows]
formula_rows[1][2] = ("21000+206", 21206)
write("formula-with-cached-value.xlsx", xlsx([("Số liệu", formula_rows)]))
uncached = [list(r) for r in template_rows]
uncached[3][2] = ("C2+C3", None)  # C4 on line 4
write("formula-without-cached-value.xlsx", xlsx([("Số liệu", uncached)]))
write("second-sheet-named-so-lieu.xlsx", xlsx([("Ghi chú", [["Gửi Sở TT&TT"], ["Số liệu ở trang sau", 1]]), ("Số liệu", template_rows)]))
write("decimal-number-cell.xlsx", xlsx([("Số liệu", template_rows[:2] + [["125", "Huyện Mai Sơn", 10429.5]] + template_rows[3:])]))
write("truncated.xlsx", template[: len(template) // 2])
# A zip bomb: a worksheet that inflates to 80 MB from about 80 KB.
bomb = io.BytesIO()
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        chunk = b" " * (1 << 20)
        for _ in range(80):
            f.write(chunk)
write("zip-bomb.xlsx", bomb.getvalue())
print("corpus written:", len(os.listdir(".")), "files")
