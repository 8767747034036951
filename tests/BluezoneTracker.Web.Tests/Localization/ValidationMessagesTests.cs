using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using AngleSharp.Html.Dom;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Tests.Localization;

/// <summary>
/// Issue #14, point 6: every validation message of every form is Vietnamese in the Vietnamese UI and English in the
/// English UI — the attributes' own messages, the defaults of attributes written without one (<c>[StringLength(300)]</c>)
/// and model binding's ("abc" in a number field).
/// </summary>
public sealed class ValidationMessagesTests : IDisposable
{
    private readonly BluezoneAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static IStringLocalizer English() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Fact]
    public void Every_validation_message_and_field_name_of_the_app_has_English()
    {
        var english = English();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var missing = new List<string>();
            foreach (var text in ValidationMessages.Texts.Where(t => english[t].ResourceNotFound))
            {
                missing.Add("default: " + text);
            }

            var properties = typeof(ValidationMessages).Assembly.GetTypes()
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(p => p.GetCustomAttributes<ValidationAttribute>().Any())
                .ToList();
            Assert.NotEmpty(properties);
            foreach (var property in properties)
            {
                var where = $"{property.DeclaringType!.Name}.{property.Name}";
                foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
                {
                    var message = attribute.ErrorMessage is { Length: > 0 } own ? own : ValidationMessages.DefaultFor(attribute)!;
                    if (english[message].ResourceNotFound)
                    {
                        missing.Add($"{where}: {message}");
                    }

                    // A message that names the field needs the field's name in both languages, not "AgencyName".
                    if (message.Contains("{0}", StringComparison.Ordinal) && property.GetCustomAttribute<DisplayAttribute>()?.Name is not { } name)
                    {
                        missing.Add($"{where}: no [Display(Name = …)] for \"{message}\"");
                    }
                }

                if (property.GetCustomAttribute<DisplayAttribute>()?.Name is { } display && english[display].ResourceNotFound)
                {
                    missing.Add($"{where}: display name {display}");
                }
            }

            Assert.True(missing.Count == 0, "No English for:\n" + string.Join('\n', missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A form, the field given a bad value, and the message expected in Vietnamese and in English.</summary>
    public static TheoryData<string, string?, string, string, string, string> Forms => new()
    {
        // Attributes without a message of their own: the field's name and the limit, in the UI language.
        { "/admin/settings", Roles.Admin, "Input.AgencyName", new string('A', 301), "Tên cơ quan dài quá 300 ký tự.", "Agency name is longer than 300 characters." },
        { "/admin/users", Roles.Admin, "Input.DisplayName", new string('A', 201), "Họ tên dài quá 200 ký tự.", "Full name is longer than 200 characters." },
        { "/account/password", Roles.Viewer, "Input.CurrentPassword", new string('A', 257), "Mật khẩu hiện tại dài quá 256 ký tự.", "Current password is longer than 256 characters." },
        { "/account/signin", null, "Input.UserName", new string('a', 257), "Tên đăng nhập dài quá 256 ký tự.", "User name is longer than 256 characters." },
        // Model binding: text in a number field.
        { "/account/tokens", Roles.Staff, "Input.Days", "abc", "Giá trị \"abc\" của Hết hạn sau (ngày) không hợp lệ.", "The value \"abc\" of Expires after (days) is not valid." },
        { "/admin/target", Roles.Admin, "Input.SharePercent", "abc", "Giá trị \"abc\" của Tỷ lệ (%) không hợp lệ.", "The value \"abc\" of Share (%) is not valid." },
        { "/admin/areas/new", Roles.Admin, "Input.Population", "abc", "Giá trị \"abc\" của Dân số không hợp lệ.", "The value \"abc\" of Population is not valid." },
        // Model binding: a number field left empty (trial 30: 'Giá trị "" không hợp lệ.').
        { "/account/tokens", Roles.Staff, "Input.Days", string.Empty, "Chưa nhập giá trị.", "No value was entered." },
        // An attribute with its own message.
        { "/annex/signoff?date=2020-08-17", Roles.Director, "Dispatch.Number", new string('1', 21), "Số công văn dài quá 20 ký tự.", "The dispatch number is longer than 20 characters." },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_bad_value_is_refused_with_a_message_in_the_UI_language(string url, string? role, string field, string value, string vietnamese, string english)
    {
        foreach (var (culture, expected) in new[] { ("vi-VN", vietnamese), ("en-US", english) })
        {
            var client = role is null ? _factory.AnonymousClient() : await _factory.ClientForAsync(role);
            var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await Html.ParseAsync(await client.GetAsync(new Uri($"{url}{separator}culture={culture}", UriKind.Relative)));
            var input = page.QuerySelector($"[name='{field}']") as IHtmlInputElement;
            Assert.True(input?.Form is not null, $"{url}: no field {field} in a form");

            var response = await client.SubmitAsync(input.Form!, new Dictionary<string, string> { [field] = value });
            Assert.True((int)response.StatusCode is 200 or 400 or 422, $"{url} answered {(int)response.StatusCode}");
            var text = (await Html.ParseAsync(response)).Body!.Text();
            Assert.Contains(expected, text, StringComparison.Ordinal);
            Assert.DoesNotContain("The field", text, StringComparison.Ordinal);
            Assert.DoesNotContain("is invalid", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("vi-VN", "Hết hạn sau (ngày): chưa nhập.")]
    [InlineData("en-US", "Expires after (days): required.")]
    public async Task The_browser_is_given_the_required_message_of_a_number_field_in_the_UI_language(string culture, string expected)
    {
        // MVC adds an implicit [Required] to a non-nullable number; the browser shows its message before any post.
        var client = await _factory.ClientForAsync(Roles.Staff);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/account/tokens?culture={culture}", UriKind.Relative)));
        var input = page.QuerySelector("[name='Input.Days']")!;
        Assert.Equal(expected, input.GetAttribute("data-val-required"));
    }

    [Theory]
    [InlineData("/annex/signoff?date=2020-08-17", Roles.Director, "Dispatch.Code", "vi-VN", "Ký hiệu văn bản: chưa nhập.")]
    [InlineData("/admin/users", Roles.Admin, "Input.Role", "vi-VN", "Vai trò: chưa nhập.")]
    [InlineData("/admin/users", Roles.Admin, "Input.Role", "en-US", "Role: required.")]
    public async Task The_browser_is_given_the_required_message_of_a_non_nullable_text_field_in_the_UI_language(string url, string role, string field, string culture, string expected)
    {
        // MVC infers a [Required] for a non-nullable string ("The Code field is required." reached the Vietnamese page).
        var client = await _factory.ClientForAsync(role);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}", UriKind.Relative)));
        Assert.Equal(expected, page.QuerySelector($"[name='{field}']")!.GetAttribute("data-val-required"));
    }
}
