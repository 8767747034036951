using System.Text.Json;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Localization;

namespace BluezoneTracker.Web.Pages.Admin;

/// <summary>One changed value of an audit row as a person reads it: "Huyện Mộc Châu: 11.346 → 11.400".</summary>
/// <param name="Label">What changed: an area's name for a count, else the field's label (a resource key).</param>
/// <param name="Before">The value before, formatted; null when the row created the value.</param>
/// <param name="After">The value after, formatted; null when the value was removed.</param>
public sealed record AuditChange(string Label, string? Before, string? After);

/// <summary>
/// Turns an audit row's JSON before/after into the changed values, in the words of the domain:
/// area codes become names, counts are formatted ("11.400"), unchanged values are left out. The JSON
/// itself stays the record (the page shows it one click away).
/// </summary>
public static class AuditChanges
{
    /// <summary>Field names of the stored JSON → the label the page shows (Vietnamese, translated by the resx).</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Number"] = "Lần nhập",
        ["Revision"] = "Lần nhập",
        ["SignedBy"] = "Người duyệt",
        ["SignedByName"] = "Họ tên người duyệt",
        ["SignedAt"] = "Lúc duyệt",
        ["Dispatch"] = "Công văn",
        ["DispatchDate"] = "Ngày công văn",
        ["Via"] = "Qua",
        ["Source"] = "Nguồn",
        ["FileName"] = "Tệp",
        ["Reason"] = "Lý do",
        ["Unassigned"] = "Chưa xác định được địa bàn",
        ["Name"] = "Tên",
        ["DisplayName"] = "Họ tên",
        ["Role"] = "Vai trò",
        ["Area"] = "Địa bàn",
        ["Kind"] = "Cấp",
        ["Population"] = "Dân số",
        ["PopulationYear"] = "Năm dân số",
        ["PopulationSource"] = "Nguồn dân số",
        ["SmartphoneOwners"] = "Người dùng điện thoại thông minh",
        ["SmartphoneOwnersYear"] = "Năm số người dùng điện thoại thông minh",
        ["SmartphoneOwnersSource"] = "Nguồn số người dùng điện thoại thông minh",
        ["EffectiveFrom"] = "Áp dụng từ ngày",
        ["Share"] = "Tỷ lệ",
        ["SharePercent"] = "Tỷ lệ (%)",
        ["Deadline"] = "Hạn",
        ["Basis"] = "Cơ sở",
        ["Prefix"] = "Mã",
        ["ExpiresAt"] = "Hết hạn",
    };

    /// <summary>The label of a stored field name: a known label, else the name itself.</summary>
    public static string LabelOf(string field) => Labels.GetValueOrDefault(field, field);

    /// <summary>
    /// The values that differ between <paramref name="beforeJson"/> and <paramref name="afterJson"/>
    /// (either may be null or blank), nested objects flattened; keys of a "Counts" object are area codes
    /// and are named with <paramref name="areaName"/>; field labels go through <paramref name="translate"/> (the UI language).
    /// </summary>
    public static IReadOnlyList<AuditChange> Describe(string? beforeJson, string? afterJson, Func<string, string?> areaName, Func<string, string> translate)
    {
        ArgumentNullException.ThrowIfNull(areaName);
        ArgumentNullException.ThrowIfNull(translate);
        var before = Flatten(beforeJson);
        var after = Flatten(afterJson);
        var changes = new List<AuditChange>();
        foreach (var key in after.Keys.Concat(before.Keys).Distinct(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(key, out var b);
            var has = after.TryGetValue(key, out var a);
            if (had && has && string.Equals(a, b, StringComparison.Ordinal))
            {
                continue;
            }

            if (!had && has && a is null)
            {
                continue;
            }

            changes.Add(new AuditChange(Label(key, areaName, translate), had ? Value(key, b, translate) : null, has ? Value(key, a, translate) : null));
        }

        return changes;
    }

    /// <summary>A value as shown: a role in words ("Lãnh đạo duyệt", not "Director"), a missing value as "—".</summary>
    private static string Value(string key, string? value, Func<string, string> translate) =>
        value is null ? "—"
        : key.EndsWith("Role", StringComparison.Ordinal) && Accounts.Roles.Label(value) is { } role ? translate(role)
        : value;

    private static string Label(string key, Func<string, string?> areaName, Func<string, string> translate)
    {
        const string counts = "Counts.";
        if (key.StartsWith(counts, StringComparison.OrdinalIgnoreCase))
        {
            var code = key[counts.Length..];
            return areaName(code) ?? code;
        }

        var dot = key.LastIndexOf('.');
        var field = dot < 0 ? key : key[(dot + 1)..];
        return Labels.TryGetValue(field, out var label) ? translate(label) : field;
    }

    private static Dictionary<string, string?> Flatten(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            Add(values, string.Empty, document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON (an old or hand-written row): the row is shown as the text it is.
            values["…"] = json;
        }

        return values;
    }

    private static void Add(Dictionary<string, string?> values, string prefix, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(values, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, property.Value);
                }

                break;
            case JsonValueKind.Array:
                values[prefix] = string.Join(", ", element.EnumerateArray().Select(Text));
                break;
            case JsonValueKind.Number when prefix.EndsWith("Year", StringComparison.Ordinal):
                values[prefix] = element.GetRawText(); // a year, not a count: "2019", never "2.019"
                break;
            default:
                values[prefix.Length == 0 ? "…" : prefix] = Text(element);
                break;
        }
    }

    private static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number when element.TryGetInt64(out var whole) => UiFormat.Count(whole),
        JsonValueKind.Number => element.GetDecimal() is var number ? UiFormat.Number(number, number.Scale) : null,
        JsonValueKind.True => "✓",
        JsonValueKind.False => "✗",
        JsonValueKind.String when element.TryGetDateTimeOffset(out var moment) && element.GetString()!.Contains('T', StringComparison.Ordinal)
            => UiFormat.Moment(moment),
        JsonValueKind.String when VietnameseFormat.TryParseIsoDate(element.GetString(), out var day) => UiFormat.Date(day),
        JsonValueKind.String => element.GetString(),
        _ => element.GetRawText(),
    };
}
