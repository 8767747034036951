using UglyToad.PdfPig;

namespace BluezoneTracker.Web.Tests.Reports;

/// <summary>Reads a PDF back as a reader's tools see it: the words of each page in drawing order.</summary>
internal static class PdfText
{
    public static IReadOnlyList<IReadOnlyList<string>> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => (IReadOnlyList<string>)[.. p.GetWords().Select(w => w.Text)])];
    }

    /// <summary>The words of a text as they should appear in the PDF.</summary>
    public static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Where <paramref name="words"/> appear one after another on the page, or -1.</summary>
    public static int IndexOf(IReadOnlyList<string> page, IReadOnlyList<string> words)
    {
        for (var i = 0; i + words.Count <= page.Count; i++)
        {
            var j = 0;
            while (j < words.Count && page[i + j] == words[j])
            {
                j++;
            }

            if (j == words.Count)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A table row's cells as PDF words: empty cells print nothing.</summary>
    public static string[] RowWords(IEnumerable<string> cells) => Words(string.Join(' ', cells));
}
