using BluezoneTracker.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace BluezoneTracker.Web.Accounts;

/// <summary>Identity's password errors and the role names, in the UI language.</summary>
internal static class PasswordRules
{
    public static string Describe(IdentityError error, IStringLocalizer<SharedResource> localizer) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => localizer["Mật khẩu phải có ít nhất 8 ký tự."],
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => localizer["Mật khẩu phải có ít nhất một chữ số."],
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => localizer["Mật khẩu phải có ít nhất một chữ thường."],
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => localizer["Mật khẩu phải có ít nhất một chữ hoa."],
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => localizer["Mật khẩu phải có ít nhất một ký tự đặc biệt."],
        _ => error.Description,
    };

    public static string RoleName(string? role, IStringLocalizer<SharedResource> localizer) =>
        Roles.Label(role) is { } label ? localizer[label] : string.Empty;
}
