using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Snapshots;
using BluezoneTracker.Web.Tests.Infrastructure;

namespace BluezoneTracker.Web.Tests.Snapshots;

/// <summary>
/// Issue 15 point 3, the .xls half: ExcelDataReader 3.6 reads a BIFF8 error cell as empty, so
/// <see cref="XlsErrorCells"/> reads the errors from the compound file's records. A count cell holding
/// #DIV/0! is refused naming the cell, never read as a missing count; a broken file never makes the scanner throw.
/// </summary>
public sealed class XlsErrorCellsTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    private const string File = "a34-xls-error-values.xls";

    [Fact]
    public void The_error_results_of_formulas_in_an_xls_from_libreoffice_are_found_at_their_cells()
    {
        var errors = XlsErrorCells.Read(IntakeCasesTests.Read(File));

        var sheet = Assert.Single(errors);
        Assert.Equal("Sheet1", sheet.Key);
        Assert.Equal(new Dictionary<(int, int), string> { [(5, 2)] = "#DIV/0!", [(9, 2)] = "#N/A" }, sheet.Value);
    }

    [Fact]
    public void An_xls_without_error_cells_gives_no_errors() =>
        Assert.Empty(XlsErrorCells.Read(IntakeCasesTests.Read("a01-libreoffice-xls-sheets-ngay.xls")));

    [Theory]
    [InlineData((byte)0x00, "#NULL!")]
    [InlineData((byte)0x07, "#DIV/0!")]
    [InlineData((byte)0x0F, "#VALUE!")]
    [InlineData((byte)0x17, "#REF!")]
    [InlineData((byte)0x1D, "#NAME?")]
    [InlineData((byte)0x24, "#NUM!")]
    [InlineData((byte)0x2A, "#N/A")]
    [InlineData((byte)0x2B, null)]
    public void Each_biff8_error_code_has_its_excel_text(byte code, string? text) => Assert.Equal(text, XlsErrorCells.ErrorText(code));

    [Fact]
    public async Task The_api_refuses_the_xls_naming_the_cell_and_nothing_is_saved()
    {
        var before = await IntakeClient.StoreFingerprintAsync(factory);
        var client = await factory.ApiClientAsync(Roles.Staff);
        using var body = new ByteArrayContent(IntakeCasesTests.Read(File));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        var response = await client.PostAsync(new Uri($"/api/snapshots/{IntakeCasesTests.Date}?reason=loi", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = json.RootElement.GetProperty("problems")[0];
        Assert.Equal("ErrorValue", problem.GetProperty("kind").GetString());
        var message = problem.GetProperty("message").GetString()!;
        Assert.Contains("C5", message, StringComparison.Ordinal);
        Assert.Contains("#DIV/0!", message, StringComparison.Ordinal);
        Assert.Equal(before, await IntakeClient.StoreFingerprintAsync(factory));
    }

    /// <summary>Every prefix of the real file (a truncated upload) and every single corrupted byte of its header and directory.</summary>
    [Fact]
    public void A_truncated_or_corrupted_xls_never_makes_the_scanner_throw_or_invent_errors()
    {
        var bytes = IntakeCasesTests.Read(File);
        var known = new HashSet<string> { "#DIV/0!", "#N/A" };
        for (var length = 0; length < bytes.Length; length += 97)
        {
            AssertHarmless(XlsErrorCells.Read(bytes[..length]), known);
        }

        var random = new Random(15);
        for (var i = 0; i < 2_000; i++)
        {
            var copy = (byte[])bytes.Clone();
            var at = i < 512 ? i : random.Next(copy.Length);
            copy[at] = (byte)random.Next(256);
            copy[random.Next(copy.Length)] = 0xFF;
            _ = XlsErrorCells.Read(copy); // Must return, whatever it finds in a file altered this way.
        }
    }

    [Fact]
    public void A_fat_chain_that_loops_back_on_itself_ends_the_scan()
    {
        var bytes = IntakeCasesTests.Read(File);
        var sectorSize = 1 << BitConverter.ToUInt16(bytes, 0x1E);
        var fatSector = BitConverter.ToUInt32(bytes, 0x4C);
        var fatAt = (int)((fatSector + 1) * sectorSize);
        for (var s = 0; s < sectorSize / 4; s++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(fatAt + (s * 4), 4), (uint)s); // Every sector points to itself.
        }

        Assert.Empty(XlsErrorCells.Read(bytes));
    }

    [Fact]
    public void Garbage_and_non_xls_bytes_give_no_errors()
    {
        var random = new Random(3);
        var garbage = new byte[10_000];
        random.NextBytes(garbage);
        Assert.Empty(XlsErrorCells.Read(garbage));
        Assert.Empty(XlsErrorCells.Read([]));
        Assert.Empty(XlsErrorCells.Read(IntakeCasesTests.Read("a32-html-table-saved-as.xls")));

        var signatureOnly = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(signatureOnly, 0);
        Assert.Empty(XlsErrorCells.Read(signatureOnly));
    }

    /// <summary>A workbook stream under 4096 bytes lives in the mini stream (MS-CFB 2.6.3): read through the mini FAT.</summary>
    [Fact]
    public void A_small_workbook_in_the_mini_stream_is_read_with_a_wide_sheet_name()
    {
        var errors = XlsErrorCells.Read(MiniStreamWorkbook());

        var sheet = Assert.Single(errors);
        Assert.Equal("Số liệu", sheet.Key);
        Assert.Equal(new Dictionary<(int, int), string> { [(5, 2)] = "#DIV/0!", [(9, 2)] = "#N/A" }, sheet.Value);
    }

    /// <summary>
    /// A version 3 compound file of 512-byte sectors: 0 = FAT, 1 = directory, 2 = mini FAT, 3… = mini stream,
    /// holding a 'Workbook' stream with one sheet: BOOLERR #DIV/0! at C5, FORMULA with result #N/A at C9, a BOOLERR TRUE at C10.
    /// </summary>
    private static byte[] MiniStreamWorkbook()
    {
        static byte[] Record(ushort type, params byte[] body) => [.. BitConverter.GetBytes(type), .. BitConverter.GetBytes((ushort)body.Length), .. body];
        var bof = Record(0x0809, new byte[16]);
        var name = System.Text.Encoding.Unicode.GetBytes("Số liệu");
        var globalsLength = bof.Length + 4 + 8 + name.Length + 4;
        byte[] boundSheet = Record(0x0085, [.. BitConverter.GetBytes((uint)globalsLength), 0, 0, 7, 1, .. name]);
        byte[] stream =
        [
            .. bof, .. boundSheet, .. Record(0x000A),
            .. bof,
            .. Record(0x0205, 4, 0, 2, 0, 0, 0, 0x07, 1),
            .. Record(0x0006, [8, 0, 2, 0, 0, 0, 0x02, 0, 0x2A, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0]),
            .. Record(0x0205, 9, 0, 2, 0, 0, 0, 1, 0),
            .. Record(0x000A),
        ];
        var miniSectors = (stream.Length + 63) / 64;
        var miniStream = new byte[((miniSectors * 64) + 511) / 512 * 512];
        stream.CopyTo(miniStream, 0);
        var file = new byte[512 * 4 + miniStream.Length];
        void U16(int at, int v) => BitConverter.TryWriteBytes(file.AsSpan(at, 2), (ushort)v);
        void U32(int at, uint v) => BitConverter.TryWriteBytes(file.AsSpan(at, 4), v);

        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(file, 0);
        U16(0x18, 0x3E);
        U16(0x1A, 3);
        U16(0x1C, 0xFFFE);
        U16(0x1E, 9);
        U16(0x20, 6);
        U32(0x2C, 1);
        U32(0x30, 1);
        U32(0x38, 4096);
        U32(0x3C, 2);
        U32(0x40, 1);
        U32(0x44, 0xFFFFFFFE);
        for (var i = 0; i < 109; i++)
        {
            U32(0x4C + (i * 4), i == 0 ? 0 : 0xFFFFFFFF);
        }

        var fat = 512;
        for (var i = 0; i < 128; i++)
        {
            U32(fat + (i * 4), 0xFFFFFFFF);
        }

        U32(fat, 0xFFFFFFFD);
        U32(fat + 4, 0xFFFFFFFE);
        U32(fat + 8, 0xFFFFFFFE);
        var streamSectors = miniStream.Length / 512;
        for (var i = 0; i < streamSectors; i++)
        {
            U32(fat + ((3 + i) * 4), i == streamSectors - 1 ? 0xFFFFFFFE : (uint)(4 + i));
        }

        void Entry(int index, string entryName, byte type, uint start, uint size)
        {
            var at = 1024 + (index * 128);
            System.Text.Encoding.Unicode.GetBytes(entryName).CopyTo(file, at);
            U16(at + 64, (entryName.Length + 1) * 2);
            file[at + 66] = type;
            U32(at + 68, 0xFFFFFFFF);
            U32(at + 72, 0xFFFFFFFF);
            U32(at + 76, index == 0 ? 1u : 0xFFFFFFFF);
            U32(at + 116, start);
            U32(at + 120, size);
        }

        Entry(0, "Root Entry", 5, 3, (uint)(miniSectors * 64));
        Entry(1, "Workbook", 2, 0, (uint)stream.Length);

        var miniFat = 1536;
        for (var i = 0; i < 128; i++)
        {
            U32(miniFat + (i * 4), i < miniSectors ? (i == miniSectors - 1 ? 0xFFFFFFFE : (uint)(i + 1)) : 0xFFFFFFFF);
        }

        miniStream.CopyTo(file, 2048);
        return file;
    }

    private static void AssertHarmless(Dictionary<string, Dictionary<(int Row, int Column), string>> errors, HashSet<string> known)
    {
        foreach (var sheet in errors.Values)
        {
            Assert.All(sheet.Values, v => Assert.Contains(v, known));
        }
    }
}
