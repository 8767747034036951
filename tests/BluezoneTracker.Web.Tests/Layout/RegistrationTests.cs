using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Tests.Layout;

/// <summary>
/// Each folder's <c>AddBluezone…</c> registers only its own folder's services and options
/// (docs/decisions/060-layout-by-feature.md): called alone on an empty service collection, every web
/// type it registers lives in the folder that declares the method. Found by reflection, so a new
/// folder's Add… is checked without editing this test.
/// </summary>
public sealed class RegistrationTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    public static TheoryData<string> AddMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in Adds())
        {
            data.Add(method.DeclaringType!.FullName + "." + method.Name);
        }

        return data;
    }

    [Fact]
    public void Every_folder_with_services_has_its_Add()
    {
        var folders = Adds().Select(m => FolderGraph.FolderOf(m.DeclaringType!.Namespace)).ToHashSet();

        Assert.Superset(
            new HashSet<string?> { "Localization", "Infrastructure", "Data", "Audit", "Figures", "Accounts", "Scope", "Settings", "SignOffs", "Reports", "Snapshots", "Pages" },
            folders);
    }

    [Theory]
    [MemberData(nameof(AddMethods))]
    public void An_Add_registers_only_its_own_folder(string name)
    {
        var method = Adds().Single(m => m.DeclaringType!.FullName + "." + m.Name == name);
        var folder = FolderGraph.FolderOf(method.DeclaringType!.Namespace);
        var services = new ServiceCollection();
        var root = Directory.CreateTempSubdirectory("bz-layout-");
        try
        {
            method.Invoke(null, method.GetParameters().Select(p => Argument(p.ParameterType, services, root.FullName)).ToArray());

            var foreign = services
                .SelectMany(RegisteredTypes)
                .Where(t => t.Assembly == Web && FolderGraph.FolderOf(NamespaceOf(t)) is { } f && f != folder)
                .Select(t => $"{t.FullName} ({FolderGraph.FolderOf(NamespaceOf(t))})")
                .Distinct()
                .ToList();

            Assert.NotEmpty(services);
            Assert.True(foreign.Count == 0, $"{name} registers services of other folders: {string.Join(", ", foreign)}");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static IEnumerable<MethodInfo> Adds() =>
        Web.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && FolderGraph.FolderOf(t.Namespace) is not null)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("AddBluezone", StringComparison.Ordinal)
                && m.IsDefined(typeof(ExtensionAttribute))
                && m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(IServiceCollection));

    // What a descriptor registers: its service and implementation when they are the app's own types, and the T of the options it configures.
    private static IEnumerable<Type> RegisteredTypes(ServiceDescriptor descriptor)
    {
        var service = descriptor.ServiceType;
        if (service.IsGenericType && service.GetGenericTypeDefinition() is var open
            && (open == typeof(IConfigureOptions<>) || open == typeof(IPostConfigureOptions<>) || open == typeof(IValidateOptions<>) || open == typeof(IOptionsChangeTokenSource<>)))
        {
            yield return service.GetGenericArguments()[0];
            yield break;
        }

        yield return service;
        var implementation = descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType;
        if (implementation is not null)
        {
            yield return implementation;
        }
    }

    private static object Argument(Type type, IServiceCollection services, string root) =>
        type == typeof(IServiceCollection) ? services
        : type == typeof(IConfiguration) ? new ConfigurationBuilder().Build()
        : type == typeof(IWebHostEnvironment) ? new TestEnvironment(root)
        : throw new InvalidOperationException($"No test value for a parameter of type {type}.");

    private static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    private sealed class TestEnvironment(string root) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = root;

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ApplicationName { get; set; } = "BluezoneTracker.Web";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = root;

        public string EnvironmentName { get; set; } = "Production";
    }
}
