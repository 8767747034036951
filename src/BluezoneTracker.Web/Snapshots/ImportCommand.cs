using System.Globalization;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Infrastructure;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Reports;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.Settings;
using BluezoneTracker.Web.SignOffs;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// <c>import --user NAME --date 2020-08-18 --file counts.csv [--area CODE] [--mode replace|update] [--sheet "18-8"] [--column D] [--reason "…"] [--dry-run]</c>:
/// the same parsing and checks as the upload page, for automation, as a named account: it must be an
/// enabled Staff, Director or Admin account; the revision is recorded and audited under its name, and a
/// signed-off date is revised only by a Director or an Admin, as on the pages. <c>--sheet</c> and <c>--column</c>
/// choose when the file could be read more than one way (the refusal lists the choices). Exit 0 when saved (or
/// previewed), 1 when the file or a rule refuses it (nothing written), 2 for a usage error or an account
/// that may not enter counts. Other arguments configure the app as usual
/// (e.g. <c>--ConnectionStrings:Default "Data Source=…"</c>).
/// </summary>
public static class ImportCommand
{
    public const string Verb = "import";

    public static bool Matches(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (options, rest) = Parse(args is [Verb, ..] ? args[1..] : args);
        if (options.Date is null || options.File is null || string.IsNullOrWhiteSpace(options.User))
        {
            await error.WriteLineAsync("Cách dùng / usage: import --user NAME --date 2020-08-18 --file counts.csv [--area CODE] [--mode replace|update] [--sheet \"18-8\"] [--column D] [--reason \"…\"] [--dry-run] [--lang en]");
            return 2;
        }

        var en = options.Lang == "en";
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(en ? "en-US" : "vi-VN");

        var builder = WebApplication.CreateBuilder(rest);
        builder.Logging.SetMinimumLevel(LogLevel.Error); // keep the summary on one screen
        // The folders the intake stands on, as Program lists them (no accounts' sign-in, no pages).
        builder.Services
            .AddBluezoneLocalization()
            .AddBluezoneInfrastructure(builder.Configuration)
            .AddBluezoneStore(builder.Configuration, builder.Environment)
            .AddBluezoneAudit()
            .AddBluezoneFigures(builder.Configuration)
            .AddBluezoneScope()
            .AddBluezoneSettings(builder.Configuration)
            .AddBluezoneSignOffs()
            .AddBluezoneReports()
            .AddBluezoneSnapshots(builder.Configuration);
        await using var app = builder.Build();
        await app.Services.PrepareStoreAsync();
        await using var scope = app.Services.CreateAsyncScope();
        // The area is resolved once, as a request's would be: --area, else the deployment area.
        var area = scope.ServiceProvider.GetRequiredService<Scope.AreaScope>();
        if (!await area.ResolveAsync(options.Area, CancellationToken.None) || area.Area is null)
        {
            await error.WriteLineAsync(en
                ? $"No area \"{area.UnknownCode ?? options.Area}\". Nothing was saved."
                : $"Không tìm thấy địa bàn \"{area.UnknownCode ?? options.Area}\". Không có gì được lưu.");
            return 2;
        }

        var intake = scope.ServiceProvider.GetRequiredService<SnapshotIntake>();
        var texts = scope.ServiceProvider.GetRequiredService<ImportMessages>();
        var messages = scope.ServiceProvider.GetRequiredService<Messages>();
        var account = await ImportAccount.FindAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), options.User, CancellationToken.None);
        if (account is not { MayEnterCounts: true })
        {
            await error.WriteLineAsync(en
                ? $"The account '{options.User}' does not exist, is disabled, or may not enter counts (Staff, Director or Admin)."
                : $"Tài khoản '{options.User}' không tồn tại, đã bị vô hiệu hoá, hoặc không được nhập số liệu (cần Cán bộ, Lãnh đạo hoặc Quản trị viên).");
            return 2;
        }

        var file = Locate(options.File);
        if (!file.Exists)
        {
            await error.WriteLineAsync(en ? $"File not found: {file.FullName}" : $"Không tìm thấy tệp: {file.FullName}");
            return 2;
        }

        if (file.Length > intake.Options.MaxFileBytes)
        {
            await error.WriteLineAsync(texts.Problem(UploadedTable.TooLarge(file.Length, intake.Options)));
            return 1;
        }

        var upload = new UploadedFile(file.Name, await File.ReadAllBytesAsync(file.FullName));
        var draft = (await intake.FromFileAsync(options.Date, upload, options.Mode, new BluezoneTracker.Core.Import.TableChoice(options.Sheet, options.Column), CancellationToken.None)).RefusingDuplicate();

        if (draft.HasErrors)
        {
            foreach (var problem in draft.Problems)
            {
                await error.WriteLineAsync(texts.Problem(problem));
            }

            await error.WriteLineAsync(en ? "Nothing was saved." : "Không có gì được lưu.");
            return 1;
        }

        await PrintReadingAsync(output, draft, texts, en);
        await PrintAsync(output, draft, messages, en);
        if (options.DryRun)
        {
            await output.WriteLineAsync(en ? "Dry run: nothing was saved." : "Chạy thử: chưa lưu gì.");
            return 0;
        }

        // Automation cannot tick a box: the warnings above are printed, and saving means the operator accepted them.
        var result = await intake.SaveAsync(
            draft, RevisionSource.CommandLine, options.Reason, ActingUser.CommandLine(account.UserName, account.Role, null), warningsConfirmed: true, CancellationToken.None);
        if (!result.Saved)
        {
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(texts.Problem(problem));
            }

            return 1;
        }

        await output.WriteLineAsync(en
            ? $"Saved revision #{result.Number} of {VietnameseFormat.Date(result.Date!.Value)}."
            : $"Đã lưu bản #{result.Number} của ngày {VietnameseFormat.Date(result.Date!.Value)}.");
        return 0;
    }

    /// <summary>How the file was read: sheet, header row, count column, data rows, skipped rows, conversion.</summary>
    private static async Task PrintReadingAsync(TextWriter output, IntakeDraft draft, ImportMessages texts, bool en)
    {
        if (draft.Reading is not { } r)
        {
            return;
        }

        if (r.Sheet is { Length: > 0 } sheet)
        {
            await output.WriteLineAsync((en ? "Sheet: " : "Trang tính: ") + sheet);
        }

        await output.WriteLineAsync(en
            ? $"Header row {r.HeaderLine}; counts in column {r.CountColumn?.Label} ({r.CountColumn?.Header}); data rows {r.FirstDataLine}–{r.LastDataLine}"
            : $"Dòng tiêu đề {r.HeaderLine}; số đăng ký ở cột {r.CountColumn?.Label} ({r.CountColumn?.Header}); dòng số liệu {r.FirstDataLine}–{r.LastDataLine}");
        if (r.ConvertedFrom is { } encoding)
        {
            await output.WriteLineAsync(texts.Converted(encoding));
        }

        foreach (var skipped in r.Skipped)
        {
            await output.WriteLineAsync($"  {(en ? "skipped line" : "bỏ qua dòng")} {skipped.Line}: {texts.Skipped(skipped.Reason)} — {skipped.Text}");
        }
    }

    private static async Task PrintAsync(TextWriter output, IntakeDraft draft, Messages messages, bool en)
    {
        var annex = draft.Preview!.Annex;
        await output.WriteLineAsync(en
            ? $"{draft.Parent.Name}, {VietnameseFormat.Date(annex.Date)}: {draft.Rows.Count} rows, total {VietnameseFormat.Count(annex.Total.Registrations)}"
            : $"{draft.Parent.Name}, ngày {VietnameseFormat.Date(annex.Date)}: {draft.Rows.Count} dòng, tổng {VietnameseFormat.Count(annex.Total.Registrations)}");
        foreach (var row in annex.Rows)
        {
            var change = row.Change is { } c ? VietnameseFormat.Change(c) : "—";
            var count = row.Registrations is { } r ? VietnameseFormat.Count(r) : "—";
            await output.WriteLineAsync($"  {row.Name,-24} {count,10} {change,10}");
        }

        await output.WriteLineAsync($"  {(en ? "Unassigned" : annex.Wording().UnassignedShortLabel),-24} {VietnameseFormat.Count(annex.Unassigned.Registrations),10}");
        if (draft.IsRevision)
        {
            await output.WriteLineAsync(en ? $"Revises #{draft.CurrentNumber}: {draft.Preview.ChangesFromCurrent.Count} cells differ." : $"Sửa bản #{draft.CurrentNumber}: {draft.Preview.ChangesFromCurrent.Count} ô thay đổi.");
        }

        foreach (var warning in draft.Preview.Warnings)
        {
            await output.WriteLineAsync((en ? "Warning: " : "Cảnh báo: ") + messages.Warning(warning));
        }
    }

    /// <summary>
    /// The file as given. `dotnet run --project …` starts the app in the project's folder, so a relative
    /// path is also tried from the folder the command was typed in (the shell's PWD, inherited).
    /// </summary>
    private static FileInfo Locate(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists && !Path.IsPathRooted(path) && Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shellFolder)
        {
            var fromShell = new FileInfo(Path.Combine(shellFolder, path));
            return fromShell.Exists ? fromShell : file;
        }

        return file;
    }

    private sealed record Options(string? Date, string? File, string? Reason, bool DryRun, string? Lang, string? User, string? Mode, string? Sheet, string? Column, string? Area);

    private static (Options Options, string[] Others) Parse(string[] args)
    {
        string? date = null, file = null, reason = null, lang = null, user = null, mode = null, sheet = null, column = null, area = null;
        var dryRun = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--date": date = Next(); break;
                case "--file": file = Next(); break;
                case "--reason": reason = Next(); break;
                case "--lang": lang = Next(); break;
                case "--user": user = Next(); break;
                case "--mode": mode = Next(); break;
                case "--sheet": sheet = Next(); break;
                case "--column": column = Next(); break;
                case "--area": area = Next(); break;
                case "--dry-run": dryRun = true; break;
                default: rest.Add(args[i]); break;
            }
        }

        return (new Options(date, file, reason, dryRun, lang, user, mode, sheet, column, area), [.. rest]);
    }
}

/// <summary>The account the <c>import</c> verb runs as, and what its role allows.</summary>
internal sealed record ImportAccount(string UserName, string? Role, bool IsDisabled)
{
    public bool MayEnterCounts => !IsDisabled && Role is { } r && Roles.IsKnown(r) && Roles.Includes(r, Roles.Staff);

    public bool MayReviseSignedOff => MayEnterCounts && Roles.Includes(Role!, Roles.Director);

    /// <summary>The account of that user name (Identity's normalised form), or null.</summary>
    public static async Task<ImportAccount?> FindAsync(AppDbContext db, string? userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalized = userName?.Trim().ToUpperInvariant();
        var user = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Users.Where(u => u.NormalizedUserName == normalized)
                .Select(u => new
                {
                    u.UserName,
                    u.IsDisabled,
                    Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                }),
            ct);
        return user is null ? null : new ImportAccount(user.UserName!, user.Role, user.IsDisabled);
    }
}
