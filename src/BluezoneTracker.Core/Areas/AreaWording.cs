namespace BluezoneTracker.Core.Areas;

/// <summary>The administrative level of an area, whatever its exact kind (a city and a rural district are both districts).</summary>
public enum AreaLevel
{
    Country,
    Province,
    District,
    Commune,
}

/// <summary>
/// The one place where Vietnamese words depend on an area's kind: the annex's column header, unassigned
/// and total rows, the dashboard's nouns, the summary sentence, and the importer's recognition of total
/// and unassigned rows. The words follow the dispatch of Sở TT&amp;TT Sơn La (17/8/2020) for a province of
/// districts, byte for byte; the other levels follow the same pattern.
/// </summary>
/// <remarks>
/// Rules (decision 045):
/// <list type="bullet">
/// <item>The children's words follow the children's level, not the parent's: since 1/7/2025 a province's
/// children are communes ("Xã, Phường, Thị trấn"), in 2020 they were districts ("Huyện, Thành phố").
/// Without children, a country has provinces, a province districts, a district communes.</item>
/// <item>The total row names the parent's own kind: TOÀN QUỐC, TOÀN TỈNH, TOÀN HUYỆN, TOÀN THỊ XÃ,
/// TOÀN XÃ, TOÀN PHƯỜNG, TOÀN THỊ TRẤN; a province-level or district-level city ("Thành phố Hà Nội",
/// "Thành phố Sơn La") is TOÀN THÀNH PHỐ, an urban district ("Quận Ba Đình") TOÀN QUẬN — the name's
/// prefix decides, as the city's own dispatches write it.</item>
/// </list>
/// Every text is Vietnamese; the web app translates it through its resources, one entry per text.
/// </remarks>
public sealed record AreaWording
{
    private AreaWording(AreaLevel childLevel, string ownNoun, string areaShortName, AreaKind kind)
    {
        ChildLevel = childLevel;
        OwnNoun = ownNoun;
        (ChildrenHeader, ChildNoun) = childLevel switch
        {
            AreaLevel.Province => ("Tỉnh, Thành phố", "tỉnh"),
            AreaLevel.District => ("Huyện, Thành phố", "huyện"),
            _ => ("Xã, Phường, Thị trấn", "xã"),
        };
        AreaShortName = kind == AreaKind.Country ? string.Empty : areaShortName;
    }

    /// <summary>The level of the children the words are about.</summary>
    public AreaLevel ChildLevel { get; }

    /// <summary>The area's own kind as a noun in running text: "tỉnh", "thành phố", "huyện", "quốc" (for "toàn quốc").</summary>
    public string OwnNoun { get; }

    /// <summary>The area's name without its kind prefix ("Sơn La"); empty for the country.</summary>
    public string AreaShortName { get; }

    /// <summary>The annex's column header of the children: "Huyện, Thành phố", "Xã, Phường, Thị trấn", "Tỉnh, Thành phố".</summary>
    public string ChildrenHeader { get; }

    /// <summary>The children's kind in running text: "huyện, thành phố" ("11/12 huyện, thành phố có số liệu …").</summary>
    public string ChildrenNoun => ChildrenHeader.ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>One child's kind in a short sentence: "huyện", "xã", "tỉnh" ("Tỷ lệ … theo huyện").</summary>
    public string ChildNoun { get; }

    /// <summary>The annex's unassigned row: "Số thuê bao chưa xác định được huyện" (the dispatch's words).</summary>
    public string UnassignedLabel => $"Số thuê bao chưa xác định được {ChildNoun}";

    /// <summary>The unassigned row where space is short (dashboard, intake grid): "Chưa xác định được huyện".</summary>
    public string UnassignedShortLabel => $"Chưa xác định được {ChildNoun}";

    /// <summary>The annex's total row: "TOÀN TỈNH", "TOÀN HUYỆN", "TOÀN QUỐC", "TOÀN THÀNH PHỐ".</summary>
    public string TotalLabel => $"TOÀN {OwnNoun.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}";

    /// <summary>The total row in running text and tables: "Toàn tỉnh", "Toàn huyện", "Toàn quốc".</summary>
    public string WholeLabel => $"Toàn {OwnNoun}";

    /// <summary>The whole area in running text without its name: "toàn tỉnh", "toàn quốc" ("… dân số toàn tỉnh").</summary>
    public string Whole => $"toàn {OwnNoun}";

    /// <summary>The whole area in a sentence: "toàn tỉnh Sơn La", "toàn huyện Mộc Châu", "toàn quốc".</summary>
    public string WholeOf => AreaShortName.Length == 0 ? Whole : $"{Whole} {AreaShortName}";

    /// <summary>
    /// A sentence template in these words: "{child}" → "huyện", "{Child}" → "Huyện", "{children}" → "huyện, thành phố",
    /// "{whole}" → "toàn tỉnh", "{Whole}" → "Toàn tỉnh". "Tỷ lệ đăng ký / dân số theo {child}" → "… theo huyện".
    /// Numbered placeholders ("{0}") are left for the caller.
    /// </summary>
    public string Expand(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template
            .Replace("{children}", ChildrenNoun, StringComparison.Ordinal)
            .Replace("{child}", ChildNoun, StringComparison.Ordinal)
            .Replace("{Child}", Capitalize(ChildNoun), StringComparison.Ordinal)
            .Replace("{whole}", Whole, StringComparison.Ordinal)
            .Replace("{Whole}", WholeLabel, StringComparison.Ordinal);
    }

    /// <summary>Every kind's own noun and every children's level once: the words a translation must cover.</summary>
    public static IReadOnlyList<AreaWording> All { get; } =
    [
        .. new (AreaKind Kind, string Name)[]
        {
            (AreaKind.Country, "Việt Nam"), (AreaKind.Province, "Tỉnh A"), (AreaKind.Province, "Thành phố A"), (AreaKind.City, "Thành phố A"),
            (AreaKind.Town, "Thị xã A"), (AreaKind.RuralDistrict, "Huyện A"), (AreaKind.RuralDistrict, "Quận A"), (AreaKind.Commune, "Xã A"),
            (AreaKind.Ward, "Phường A"), (AreaKind.Township, "Thị trấn A"),
        }.SelectMany(a => Enum.GetValues<AreaLevel>().Where(l => l != AreaLevel.Country).Select(l => For(new Area("0", a.Name, a.Kind), l))),
    ];

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The words for an area whose children are of the given level (by default the level below its own).</summary>
    public static AreaWording For(Area area, AreaLevel? childLevel = null)
    {
        ArgumentNullException.ThrowIfNull(area);
        return new AreaWording(childLevel ?? DefaultChildLevel(area.Kind), OwnNounOf(area), area.ShortName, area.Kind);
    }

    /// <summary>The words for an area with these children: their most common level decides (the level below when there are none).</summary>
    public static AreaWording For(Area area, IEnumerable<Area> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        return For(area, ChildLevelOf(children));
    }

    /// <summary>The children's level, the most common among them; null when there are none.</summary>
    public static AreaLevel? ChildLevelOf(IEnumerable<Area> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        return children.GroupBy(c => LevelOf(c.Kind)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (AreaLevel?)g.Key).FirstOrDefault();
    }

    /// <summary>The level of a kind: a city, a town and a rural district are districts; a ward and a township are communes.</summary>
    public static AreaLevel LevelOf(AreaKind kind) => kind switch
    {
        AreaKind.Country => AreaLevel.Country,
        AreaKind.Province => AreaLevel.Province,
        AreaKind.City or AreaKind.Town or AreaKind.RuralDistrict => AreaLevel.District,
        _ => AreaLevel.Commune,
    };

    /// <summary>The level below a kind when its children are not known (the 2020 tree: country → province → district → commune).</summary>
    public static AreaLevel DefaultChildLevel(AreaKind kind) => LevelOf(kind) switch
    {
        AreaLevel.Country => AreaLevel.Province,
        AreaLevel.Province => AreaLevel.District,
        _ => AreaLevel.Commune,
    };

    /// <summary>
    /// True when a row's name says it is the total of the area: "Toàn tỉnh", "TOÀN HUYỆN", "Toàn quốc", "Cả tỉnh",
    /// "Cả nước", "Tổng cộng", "Tổng số", "Tổng", "Cộng", "Total", or the area's own name with its kind ("Tỉnh Sơn La",
    /// "Toàn tỉnh Sơn La", "Huyện Mộc Châu") — never a bare name, which may be a child's ("Sơn La" is also the city).
    /// </summary>
    /// <param name="folded">The row's name folded with <see cref="VietnameseText.Fold"/>.</param>
    public bool IsTotalRow(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        // Whole words only: commune names such as "Tông Lệnh" or "Cà Mau" start like "tổng" and "cả".
        if (folded.StartsWith("toan ", StringComparison.Ordinal)
            || folded is "tong" or "cong" || folded.StartsWith("tong:", StringComparison.Ordinal) || folded.StartsWith("cong:", StringComparison.Ordinal)
            || WholeMarks.Any(m => folded == m || folded.StartsWith(m + " ", StringComparison.Ordinal) || folded.StartsWith(m + ":", StringComparison.Ordinal)))
        {
            return true;
        }

        if (AreaShortName.Length == 0)
        {
            return folded is "viet nam" or "nuoc viet nam";
        }

        var own = VietnameseText.Fold(OwnNoun + " " + AreaShortName);
        return folded == own || folded == "toan " + own;
    }

    /// <summary>True when a row's name says its count has no child area: "Số thuê bao chưa xác định được xã", "Không xác định", "Unassigned".</summary>
    /// <param name="folded">The row's name folded with <see cref="VietnameseText.Fold"/>.</param>
    public static bool IsUnassignedRow(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return UnassignedMarks.Any(l => folded.Contains(l, StringComparison.Ordinal));
    }

    private static readonly string[] WholeMarks =
    [
        "ca tinh", "ca nuoc", "ca huyen", "ca thanh pho", "ca thi xa", "ca quan", "ca xa", "ca phuong", "ca thi tran",
        "tong cong", "tong so", "tong toan", "tong cac", "cong toan", "cong cac", "total",
    ];

    private static readonly string[] UnassignedMarks = ["chua xac dinh", "khong xac dinh", "unassigned", "not assigned"];

    private static string OwnNounOf(Area area)
    {
        var folded = VietnameseText.Fold(area.Name);
        return area.Kind switch
        {
            AreaKind.Country => "quốc",
            AreaKind.Province or AreaKind.City when folded.StartsWith("thanh pho ", StringComparison.Ordinal) || folded.StartsWith("tp", StringComparison.Ordinal) => "thành phố",
            AreaKind.Province => "tỉnh",
            AreaKind.City => "thành phố",
            AreaKind.Town => "thị xã",
            AreaKind.RuralDistrict when folded.StartsWith("quan ", StringComparison.Ordinal) => "quận",
            AreaKind.RuralDistrict => "huyện",
            AreaKind.Ward => "phường",
            AreaKind.Township => "thị trấn",
            _ => "xã",
        };
    }
}
