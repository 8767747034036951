using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Api;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Localization;
using BluezoneTracker.Web.Scope;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace BluezoneTracker.Web.Infrastructure;

/// <summary>The web app's services and request pipeline, in the order they apply.</summary>
internal static class WebSetup
{
    public static readonly CultureInfo[] SupportedCultures =
        [CultureInfo.GetCultureInfo("vi-VN"), CultureInfo.GetCultureInfo("en-US")];

    public static IServiceCollection AddBluezoneFigures(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton(provider => new DataVersion(provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>()));
        services.Configure<DateInputOptions>(configuration.GetSection("Dates"));
        services.AddSingleton<DateInput>();
        services.Configure<DeploymentOptions>(configuration.GetSection("Deployment"));
        // Defaults for the report settings; an administrator's saved settings (ReportSettingsStore) win.
        services.Configure<ReportSettings>(configuration.GetSection("Report"));
        services.Configure<FiguresCacheOptions>(configuration.GetSection("Figures:Cache"));
        services.AddSingleton<FiguresCache>();
        services.AddScoped<FiguresQuery>();
        services.AddScoped<SeriesQuery>();
        services.AddScoped<Scope.AreaDirectoryQuery>();
        services.AddScoped<Scope.AreaScope>();
        return services;
    }

    public static IServiceCollection AddBluezoneWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBluezoneProxies(configuration);

        // Kestrel names itself in a Server header otherwise; nothing gained by telling.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);

        // Razor would otherwise write Vietnamese letters as &#x1EC7; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        // Localization and Messages come with AddBluezoneIntake.
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AddPageRoute("/Dashboard/Index", string.Empty);
                AccountSetup.ApplyAccessConventions(o.Conventions);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        // Every problem names the path the client asked for, area prefix included (/api/areas/123/annex).
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Instance ??= Scope.AreaRouting.RequestedPath(c.HttpContext).Value);

        // Model binding's own messages ("The value 'abc' is not valid…") in the UI language too.
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var localizer = factory.Create(typeof(SharedResource));
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => localizer["Giá trị \"{0}\" không hợp lệ.", value]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["Giá trị \"{0}\" không hợp lệ.", value]);
            messages.SetUnknownValueIsInvalidAccessor(_ => localizer["Giá trị đã nhập không hợp lệ."]);
            messages.SetValueMustBeANumberAccessor(_ => localizer["Giá trị đã nhập phải là số."]);
            messages.SetValueMustNotBeNullAccessor(value => localizer["Giá trị \"{0}\" không hợp lệ.", value]);
        });

        // Officials read on slow connections: HTML, CSS, JS and JSON travel compressed. Over HTTPS only
        // static assets are (see UseBluezonePipeline): compressing pages that carry an anti-forgery
        // token next to reflected input would open them to BREACH.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        return services;
    }

    /// <summary>Plain HTTP (a TLS-terminating proxy in front), or a static asset that holds no secret.</summary>
    internal static bool CompressionIsSafe(HttpContext context) =>
        !context.Request.IsHttps
        || context.Request.Path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseBluezonePipeline(this WebApplication app)
    {
        // First: everything after it sees the client's address and scheme as the trusted proxy saw them.
        app.UseForwardedHeaders();

        // /areas/{code}/… is the same app for another area: the prefix becomes the path base (docs/decisions/040).
        app.UseAreaPrefix();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseApiProblems();
        app.UseWhen(c => !ApiProblems.IsApi(c.Request), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseBadInputAs4xx();
        app.UseStoreUnavailableAs503();
        app.UseWhen(CompressionIsSafe, branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticCaching.Apply });
        app.UseRequestLocalization();
        app.RememberCultureFromQuery();
        app.UseRouting();
        app.UseBluezoneSecurity();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapBluezoneEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapAnnexEndpoints();
        app.MapSnapshotEndpoints();
        app.MapBluezoneHealth();
        return app;
    }
}
