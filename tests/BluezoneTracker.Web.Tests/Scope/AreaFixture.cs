using BluezoneTracker.Core.Areas;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Scope;

/// <summary>The Sơn La seed plus a few communes of the tests' own under two districts (made up names and codes).</summary>
public static class AreaFixture
{
    public const string Province = "14";
    public const string MocChau = "123";
    public const string ThuanChau = "119";

    /// <summary>Communes of Mộc Châu (code, name) added by <see cref="AddCommunesAsync"/>.</summary>
    public static readonly (string Code, string Name)[] MocChauCommunes =
        [("90001", "Xã Chiềng Thử Một"), ("90002", "Xã Chiềng Thử Hai"), ("90003", "Thị trấn Thử Ba")];

    /// <summary>A commune of Thuận Châu, a sibling district.</summary>
    public static readonly (string Code, string Name) ThuanChauCommune = ("90101", "Xã Bản Thử Bốn");

    public static async Task AddCommunesAsync(this BluezoneAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mocChau = await db.Areas.SingleAsync(a => a.Code == MocChau);
        var thuanChau = await db.Areas.SingleAsync(a => a.Code == ThuanChau);
        foreach (var (code, name) in MocChauCommunes)
        {
            db.Areas.Add(new AreaEntity { Code = code, Name = name, Kind = name.StartsWith("Thị trấn", StringComparison.Ordinal) ? AreaKind.Township : AreaKind.Commune, ParentId = mocChau.Id, Population = 10_000 });
        }

        db.Areas.Add(new AreaEntity { Code = ThuanChauCommune.Code, Name = ThuanChauCommune.Name, Kind = AreaKind.Commune, ParentId = thuanChau.Id, Population = 9_000 });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
    }

    /// <summary>A commune-level CSV body: name;count lines under the commune header, and the unassigned row.</summary>
    public static byte[] CommuneCsv(params (string Name, long Count)[] rows) =>
        System.Text.Encoding.UTF8.GetBytes(
            "TT;Xã, Phường, Thị trấn;Số Bluezone đã đăng ký số điện thoại\n"
            + string.Concat(rows.Select((r, i) => $"{i + 1};{r.Name};{r.Count}\n"))
            + $"{rows.Length + 1};Số thuê bao chưa xác định được xã;5\n");
}
