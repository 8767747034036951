using System.Text.Encodings.Web;
using System.Text.Json;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;

namespace BluezoneTracker.Web.Audit;

/// <summary>The kinds of audit rows, as stored (English, stable) and filtered on.</summary>
public static class AuditKinds
{
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string SignOut = "SignOut";
    public const string UserCreated = "UserCreated";
    public const string UserRoleChanged = "UserRoleChanged";
    public const string UserAreaChanged = "UserAreaChanged";
    public const string UserDisabled = "UserDisabled";
    public const string UserEnabled = "UserEnabled";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordChanged = "PasswordChanged";
    public const string AreaCreated = "AreaCreated";
    public const string AreaChanged = "AreaChanged";
    public const string TargetChanged = "TargetChanged";
    public const string SettingsChanged = "SettingsChanged";
    public const string RevisionAdded = "RevisionAdded";
    public const string SignedOff = "SignedOff";
    public const string TokenCreated = "TokenCreated";
    public const string TokenRevoked = "TokenRevoked";
    public const string TokenUsed = "TokenUsed";

    /// <summary>A whole store was copied into this one (the <c>copy-store</c> verb); written on the target.</summary>
    public const string StoreCopied = "StoreCopied";

    public static readonly IReadOnlyList<string> All =
    [
        SignIn, SignInFailed, SignOut, UserCreated, UserRoleChanged, UserAreaChanged, UserDisabled, UserEnabled, PasswordReset, PasswordChanged,
        AreaCreated, AreaChanged, TargetChanged, SettingsChanged, RevisionAdded, SignedOff, TokenCreated, TokenRevoked, TokenUsed,
        StoreCopied,
    ];

    /// <summary>The kind as the audit page names it (Vietnamese; the key of its English translation).</summary>
    public static string Label(string kind) => kind switch
    {
        SignIn => "Đăng nhập thành công",
        SignInFailed => "Đăng nhập không thành công",
        SignOut => "Đã đăng xuất",
        UserCreated => "Đã tạo tài khoản",
        UserRoleChanged => "Đã đổi vai trò",
        UserAreaChanged => "Đã đổi địa bàn của tài khoản",
        UserDisabled => "Đã vô hiệu hoá tài khoản",
        UserEnabled => "Đã kích hoạt lại tài khoản",
        PasswordReset => "Đã đặt lại mật khẩu",
        PasswordChanged => "Đã tự đổi mật khẩu",
        AreaCreated => "Đã thêm địa bàn",
        AreaChanged => "Đã sửa địa bàn",
        TargetChanged => "Đã đổi chỉ tiêu",
        SettingsChanged => "Đã đổi cài đặt báo cáo",
        RevisionAdded => "Đã thêm bản số liệu",
        SignedOff => "Đã duyệt số liệu",
        TokenCreated => "Đã tạo mã API",
        TokenRevoked => "Đã thu hồi mã API",
        TokenUsed => "Đã dùng mã API",
        StoreCopied => "Đã sao chép kho dữ liệu vào đây",
        _ => kind,
    };
}

/// <summary>
/// Writes audit rows with the acting user, the time and the client's IP. <see cref="Add"/> puts the
/// row in the same unit of work as the change it describes, so both are saved or neither is.
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    // Stored as readable text ("Sở TT&TT", not escapes); pages HTML-encode it when they show it.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Adds a row to the pending changes; the caller's SaveChanges writes it.</summary>
    public AuditEntry Add(string kind, string subject, object? before = null, object? after = null, string? userName = null)
    {
        var entry = Create(http.HttpContext, clock, kind, subject, before, after, userName);
        db.AuditLog.Add(entry);
        return entry;
    }

    /// <summary>A row for the request in <paramref name="context"/> (none for the command line).</summary>
    internal static AuditEntry Create(HttpContext? context, TimeProvider clock, string kind, string subject, object? before, object? after, string? userName) => new()
    {
        At = clock.GetUtcNow(),
        UserName = userName ?? context?.User.Identity?.Name ?? string.Empty,
        IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        Kind = kind,
        Subject = subject,
        Before = before is null ? null : JsonSerializer.Serialize(before, Json),
        After = after is null ? null : JsonSerializer.Serialize(after, Json),
    };

    /// <summary>Adds a row and saves it at once (for events that change nothing else).</summary>
    public async Task RecordAsync(string kind, string subject, object? before = null, object? after = null, string? userName = null, CancellationToken cancellationToken = default)
    {
        Add(kind, subject, before, after, userName);
        await db.SaveChangesAsync(cancellationToken);
    }
}
