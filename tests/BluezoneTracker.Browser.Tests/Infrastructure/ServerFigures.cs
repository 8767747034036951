using BluezoneTracker.Core.Figures;
using BluezoneTracker.Web.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Browser.Tests.Infrastructure;

/// <summary>The server's own figures for a date, read through the same queries the page uses.</summary>
public sealed record ServerFigures(AreaFigures Figures, IReadOnlyList<SeriesPoint> Totals, PacingReport Pacing)
{
    public static async Task<ServerFigures> ForAsync(IServiceProvider services, string? date = null, string? compare = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<FiguresQuery>();
        var series = scope.ServiceProvider.GetRequiredService<SeriesQuery>();
        var result = await query.GetAsync(new FiguresRequest(null, date, compare));
        var figures = result.Figures ?? throw new InvalidOperationException($"No figures: {result.Problem}");
        var catalog = result.Catalog!;
        var report = figures.Annex.Date;
        var window = PaceWindow.Ending(catalog.Dates, report);
        var start = window is null ? null : await series.CountsOnAsync(catalog, window.From);
        var totals = RegistrationSeries.UpTo(await series.TotalsAsync(catalog), report);
        return new ServerFigures(figures, totals, PacingReport.Build(figures, catalog.Children, window, start));
    }
}
