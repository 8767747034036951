using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// Renders one of the app's partial views with a model of the test's making, through the app's own Razor engine and
/// services, as a page would (a request at the site's root): for markup that needs more lines than a seeded store has.
/// </summary>
public static class PartialView
{
    /// <summary>The markup the partial at <paramref name="path"/> writes for <paramref name="model"/>.</summary>
    public static async Task<string> RenderAsync<TModel>(IServiceProvider services, string path, TModel model)
    {
        using var scope = services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var view = scope.ServiceProvider.GetRequiredService<IRazorViewEngine>().GetView(executingFilePath: null, path, isMainPage: false).EnsureSuccessful(null).View!;
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary<TModel>(scope.ServiceProvider.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(http, scope.ServiceProvider.GetRequiredService<ITempDataProvider>());
        var context = new ViewContext(new ActionContext(http, new RouteData(), new ActionDescriptor()), view, viewData, tempData, writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
