using System.Buffers.Binary;
using System.Text;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// The error cells (#DIV/0!, #N/A, #REF!…) of an Excel 97-2003 workbook (.xls, BIFF8), which
/// ExcelDataReader 3.6 reads as empty cells: a small reader of the compound file (MS-CFB: header,
/// DIFAT with its extra sectors, FAT and mini FAT chains, directory) and of the BIFF8 records of the
/// 'Workbook' stream (MS-XLS: BOUNDSHEET 0x0085, BOOLERR 0x0205, FORMULA 0x0006).
/// Keyed like <see cref="XlsxCellMarks"/>: sheet name, then 1-based row and 0-based column → error text.
/// Defensive by design: every offset is bounds-checked, every chain is cycle-guarded and bounded by the
/// file size, and a file it cannot follow gives an empty answer (ExcelDataReader's own result stands).
/// </summary>
internal static class XlsErrorCells
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const int MaxSheets = 1_000;

    public static Dictionary<string, Dictionary<(int Row, int Column), string>> Read(byte[] bytes)
    {
        var result = new Dictionary<string, Dictionary<(int, int), string>>(StringComparer.Ordinal);
        try
        {
            if (WorkbookStream(bytes) is { } workbook)
            {
                Scan(workbook, result);
            }
        }
#pragma warning disable CA1031 // Every read is bounds-checked; should one slip through, the file is left to ExcelDataReader alone.
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
#pragma warning restore CA1031
        {
            result.Clear();
        }

        return result;
    }

    /// <summary>The error text of a BIFF8 error code (MS-XLS 2.5.10 BErr), or null for an unknown code.</summary>
    internal static string? ErrorText(byte code) => code switch
    {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        _ => null,
    };

    private static ushort U16(byte[] b, long at) => at >= 0 && at + 2 <= b.Length ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan((int)at, 2)) : throw new ArgumentOutOfRangeException(nameof(at));

    private static uint U32(byte[] b, long at) => at >= 0 && at + 4 <= b.Length ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)at, 4)) : throw new ArgumentOutOfRangeException(nameof(at));

    /// <summary>The bytes of the 'Workbook' (or older 'Book') stream, or null when the file is no compound file we can follow.</summary>
    private static byte[]? WorkbookStream(byte[] file)
    {
        if (file.Length < 512 || !UploadedTable.IsCompoundFile(file))
        {
            return null;
        }

        var sectorShift = U16(file, 0x1E);
        var miniShift = U16(file, 0x20);
        if (sectorShift is not (9 or 12) || miniShift != 6)
        {
            return null;
        }

        var sectorSize = 1 << sectorShift;
        var sectorCount = (file.Length / sectorSize) - 1;
        if (sectorCount <= 0)
        {
            return null;
        }

        // DIFAT: 109 entries in the header, then a chain of DIFAT sectors (last entry of each = next).
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++)
        {
            fatSectors.Add(U32(file, 0x4C + (i * 4)));
        }

        var difat = U32(file, 0x44);
        var seen = new HashSet<uint>();
        var perSector = sectorSize / 4;
        while (difat < sectorCount && seen.Add(difat))
        {
            long at = (difat + 1L) * sectorSize;
            for (var i = 0; i < perSector - 1; i++)
            {
                fatSectors.Add(U32(file, at + (i * 4)));
            }

            difat = U32(file, at + ((perSector - 1) * 4));
        }

        var fat = new List<uint>();
        foreach (var s in fatSectors)
        {
            if (s >= sectorCount)
            {
                continue; // FREESECT and the like: unused DIFAT slots.
            }

            long at = (s + 1L) * sectorSize;
            for (var i = 0; i < perSector; i++)
            {
                fat.Add(U32(file, at + (i * 4)));
            }

            if (fat.Count > sectorCount + perSector)
            {
                break; // Never more FAT than the file has sectors.
            }
        }

        var directory = Chain(file, fat, U32(file, 0x30), sectorSize, sectorCount, long.MaxValue);
        if (directory is null || directory.Length < 128)
        {
            return null;
        }

        var root = Entry(directory, 0);
        if (root.Type != 5)
        {
            return null;
        }

        for (var at = 0; at + 128 <= directory.Length; at += 128)
        {
            var entry = Entry(directory, at);
            if (entry.Type != 2 || entry.Name is not ("Workbook" or "Book"))
            {
                continue;
            }

            if (entry.Size > file.Length * 2L)
            {
                return null; // Larger than any stream the file could hold.
            }

            if (entry.Size >= U32(file, 0x38))
            {
                return Chain(file, fat, entry.Start, sectorSize, sectorCount, entry.Size);
            }

            // A small stream lives in the mini stream (the root entry's chain), in 64-byte mini sectors.
            var miniStream = Chain(file, fat, root.Start, sectorSize, sectorCount, root.Size);
            var miniFatBytes = Chain(file, fat, U32(file, 0x3C), sectorSize, sectorCount, long.MaxValue);
            if (miniStream is null || miniFatBytes is null)
            {
                return null;
            }

            var miniFat = new List<uint>(miniFatBytes.Length / 4);
            for (var i = 0; i + 4 <= miniFatBytes.Length; i += 4)
            {
                miniFat.Add(U32(miniFatBytes, i));
            }

            return Chain(miniStream, miniFat, entry.Start, 64, miniStream.Length / 64, entry.Size, offsetBySectorIndex: false);
        }

        return null;
    }

    private static (string Name, byte Type, uint Start, long Size) Entry(byte[] directory, int at)
    {
        var nameLength = Math.Clamp((int)U16(directory, at + 64), 0, 64);
        var name = Encoding.Unicode.GetString(directory, at, Math.Max(0, nameLength - 2));
        return (name, directory[at + 66], U32(directory, at + 116), U32(directory, at + 120));
    }

    /// <summary>
    /// Follows a sector chain from <paramref name="start"/> and returns up to <paramref name="size"/> bytes, or
    /// null when the chain leaves the file, loops, or ends before the size. Sector n begins at (n+1)·size in the
    /// file (after the header), and at n·64 in the mini stream.
    /// </summary>
    private static byte[]? Chain(byte[] source, List<uint> table, uint start, int sectorSize, long sectorCount, long size, bool offsetBySectorIndex = true)
    {
        var output = new MemoryStream();
        var seen = new HashSet<uint>();
        var sector = start;
        while (sector != EndOfChain && output.Length < size)
        {
            if (sector >= sectorCount || sector >= table.Count || !seen.Add(sector))
            {
                return null;
            }

            long at = (sector + (offsetBySectorIndex ? 1L : 0L)) * sectorSize;
            if (at + sectorSize > source.Length)
            {
                return null;
            }

            output.Write(source, (int)at, sectorSize);
            sector = table[(int)sector];
        }

        if (size != long.MaxValue && output.Length < size)
        {
            return null;
        }

        var bytes = output.ToArray();
        return size == long.MaxValue || bytes.Length == size ? bytes : bytes[..(int)size];
    }

    private static void Scan(byte[] book, Dictionary<string, Dictionary<(int, int), string>> result)
    {
        // The workbook globals: BOUNDSHEET records name each sheet and where its substream begins.
        var sheets = new List<(string Name, uint Offset)>();
        var at = 0L;
        var first = true;
        while (at + 4 <= book.Length)
        {
            var type = U16(book, at);
            var length = U16(book, at + 2);
            var body = at + 4;
            if (body + length > book.Length)
            {
                break;
            }

            if (first && type != 0x0809)
            {
                return; // Not a BIFF stream beginning with BOF.
            }

            first = false;
            if (type == 0x002F)
            {
                return; // FILEPASS: encrypted records cannot be read.
            }

            if (type == 0x0085 && length >= 8 && sheets.Count < MaxSheets)
            {
                var count = book[body + 6];
                var wide = (book[body + 7] & 1) == 1;
                var bytes = wide ? count * 2 : count;
                if (8 + bytes <= length)
                {
                    var name = wide ? Encoding.Unicode.GetString(book, (int)body + 8, bytes) : Encoding.Latin1.GetString(book, (int)body + 8, bytes);
                    sheets.Add((name, U32(book, body)));
                }
            }

            at = body + length;
            if (type == 0x000A)
            {
                break; // EOF of the globals.
            }
        }

        foreach (var (name, offset) in sheets)
        {
            var marks = SheetErrors(book, offset);
            if (marks.Count > 0)
            {
                result[name] = marks;
            }
        }
    }

    private static Dictionary<(int, int), string> SheetErrors(byte[] book, uint offset)
    {
        var marks = new Dictionary<(int, int), string>();
        var at = (long)offset;
        if (at + 4 > book.Length || U16(book, at) != 0x0809)
        {
            return marks;
        }

        while (at + 4 <= book.Length)
        {
            var type = U16(book, at);
            var length = U16(book, at + 2);
            var body = at + 4;
            if (body + length > book.Length)
            {
                break;
            }

            string? error = null;
            if (type == 0x0205 && length >= 8 && book[body + 7] == 1)
            {
                error = ErrorText(book[body + 6]);
            }
            else if (type == 0x0006 && length >= 14 && book[body + 6] == 0x02 && U16(book, body + 12) == 0xFFFF)
            {
                error = ErrorText(book[body + 8]);
            }

            if (error is not null)
            {
                marks[(U16(book, body) + 1, U16(book, body + 2))] = error;
            }

            at = body + length;
            if (type == 0x000A)
            {
                break; // EOF of this sheet.
            }
        }

        return marks;
    }
}
