using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;

namespace BluezoneTracker.Web.Infrastructure;

/// <summary>
/// The HTTP plumbing every feature relies on: proxies, encoders, problem details, compression and the
/// date input. Registers only this folder's services (docs/decisions/060); Program lists the rest.
/// </summary>
internal static class WebSetup
{
    public static IServiceCollection AddBluezoneInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddBluezoneProxies(configuration);

        // Kestrel names itself in a Server header otherwise; nothing gained by telling.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);

        // Razor would otherwise write Vietnamese letters as &#x1EC7; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        services.Configure<DateInputOptions>(configuration.GetSection("Dates"));
        services.AddSingleton<DateInput>();

        // Every problem names the path the client asked for, area prefix included (/api/areas/123/annex).
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Instance ??= AreaPrefix.RequestedPath(c.HttpContext).Value);

        // Officials read on slow connections: HTML, CSS, JS and JSON travel compressed. Over HTTPS only
        // static assets are (see CompressionIsSafe): compressing pages that carry an anti-forgery
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

    /// <summary>
    /// Whether a request goes through the response-compression middleware: only where that is safe
    /// (<see cref="CompressionIsSafe"/>), and never for a PDF or an .xlsx, which are compressed formats sent as they
    /// are (docs/decisions/101, 104), nor for a .csv, whose type (text/csv) is not among the middleware's types — the
    /// annex's CSV is compressed once by the response cache instead (docs/decisions/140) — so the middleware's
    /// body wrapper would only cost time on every such download.
    /// </summary>
    internal static bool CompressionApplies(HttpContext context) =>
        !IsCompressedFormat(context.Request.Path) && !IsCsv(context.Request.Path) && CompressionIsSafe(context);

    /// <summary>A path ending in .csv (ordinal, case-insensitive).</summary>
    internal static bool IsCsv(PathString path) =>
        path.Value is { } value && value.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>A path ending in .pdf or .xlsx (ordinal, case-insensitive).</summary>
    internal static bool IsCompressedFormat(PathString path) =>
        path.Value is { } value
        && (value.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase));

    /// <summary>Plain HTTP (a TLS-terminating proxy in front), or a static asset that holds no secret.</summary>
    internal static bool CompressionIsSafe(HttpContext context) =>
        !context.Request.IsHttps
        || context.Request.Path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase);
}
