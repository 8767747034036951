"""A write to a copy of a SQLite store as another instance's would be seen (bench/load/cold-side-by-side.sh, perf-cold.sh).

    python3 bench/load/store-write.py STORE.db [version|revision] [AREA]

version  (default) raises only the data version row: a write that added no counts (settings, a sign-off).
revision writes a counts write as the app does: a new revision of AREA's newest date (every count of the current one
         plus 1), its totals row (decision 092), and the version row raised — the first read after it has one revision
         it has never read (decision 147 keeps the others), as after a real upload.
"""
import sqlite3
import sys

store, kind, area_code = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "version"), (sys.argv[3] if len(sys.argv) > 3 else "VN")
if kind not in ("version", "revision"):
    sys.exit(f"unknown write {kind!r}: version or revision")
c = sqlite3.connect(store)
if kind == "revision":
    area = c.execute('SELECT "Id" FROM "Areas" WHERE "Code" = ?', (area_code,)).fetchone()[0]
    rid = c.execute('SELECT "Id" FROM "SnapshotRevisions" WHERE "AreaId" = ? ORDER BY "Date" DESC, "Number" DESC LIMIT 1', (area,)).fetchone()[0]
    cur = c.execute('INSERT INTO "SnapshotRevisions" ("AreaId", "Date", "Number", "CreatedAt", "CreatedBy", "Source", "FileName", "Reason", "Unassigned", "UploadedFileId") '
                    'SELECT "AreaId", "Date", "Number" + 1, strftime(\'%Y-%m-%d %H:%M:%f+00:00\', \'now\'), "CreatedBy", "Source", NULL, \'bench\', "Unassigned", NULL FROM "SnapshotRevisions" WHERE "Id" = ?', (rid,))
    new = cur.lastrowid
    c.execute('INSERT INTO "SnapshotCounts" ("RevisionId", "AreaId", "Registrations") SELECT ?, "AreaId", "Registrations" + 1 FROM "SnapshotCounts" WHERE "RevisionId" = ?', (new, rid))
    c.execute('INSERT INTO "RevisionTotals" ("RevisionId", "Registrations", "Rows") SELECT ?, COALESCE(SUM("Registrations"), 0), COUNT(*) FROM "SnapshotCounts" WHERE "RevisionId" = ?', (new, new))
c.execute('UPDATE "DataVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1')
c.commit()
