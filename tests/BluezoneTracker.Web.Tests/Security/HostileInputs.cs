using System.Net.Http.Headers;
using System.Text;

namespace BluezoneTracker.Web.Tests.Security;

/// <summary>
/// The catalogue of hostile and careless input, sent to every parameter of every endpoint by
/// <see cref="HostileInputTests"/>. Each defect found adds its input here (the comment says which),
/// so that the whole kind stays fixed.
/// </summary>
public static class HostileInputs
{
    /// <summary>Values for any query, route or form parameter.</summary>
    public static readonly IReadOnlyList<string> Values =
    [
        string.Empty,
        "0001-01-01",          // #15: a year-1 date was accepted and stored, then /?date=0001-01-01 answered 500
        "9999-12-31",          // #15: /admin/audit?to=9999-12-31 overflowed the day's end
        "2020-02-30",
        "17/8/2020",
        "-1",
        "2147483648",
        "9000000000000000000", // #15: a population of 9·10¹⁸ overflowed Range(int, int) on the area form
        "-9223372036854775809",
        "1e308",
        "１２３",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "../../../../etc/passwd",
        "\u202Etxt.exe",
        "a\u0000b",
        "line\r\nX-Injected: 1",
        "%00%zz",
        "\uD83D\uDE00\u0301",
        new string('9', 400),
        new string('x', 5_000),
    ];

    /// <summary>Bodies for any POST: broken multipart, broken form encoding, junk.</summary>
    public static IEnumerable<(string Name, Func<HttpContent> Content)> Bodies()
    {
        // #15: the four multipart bodies that answered 500 on POST /api/snapshots/{date}.
        yield return ("multipart without boundary", () => Raw("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n", "multipart/form-data"));
        yield return ("truncated multipart", () => Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nHuyện,Số\r\n", "multipart/form-data; boundary=b"));
        yield return ("CR LF in a part's file name", () => Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\r\n.csv\"\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b"));
        yield return ("not multipart at all", () => Raw("just some text", "multipart/form-data; boundary=b"));
        yield return ("bidi and 1 004-character file name", () =>
        {
            var form = new MultipartFormDataContent("b");
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Huyện,Số\r\nHuyện Mai Sơn,1\r\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "\u202E" + new string('a', 1_000) + ".csv");
            return form;
        });
        yield return ("broken url encoding", () => Raw("%zz=%%&a=%E0%A4%A", "application/x-www-form-urlencoded"));
        yield return ("JSON half", () => Raw("{\"date\":", "application/json"));
        yield return ("binary junk as CSV", () => new ByteArrayContent([0xFF, 0xFE, 0x00, 0xD8, 0x00, 0xDC, 0x50, 0x4B, 0x03, 0x04]) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });
    }

    private static ByteArrayContent Raw(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
