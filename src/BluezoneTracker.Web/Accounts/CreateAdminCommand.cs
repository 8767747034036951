using System.Text;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace BluezoneTracker.Web.Accounts;

/// <summary>
/// <c>create-admin --user NAME [--name "Display name"]</c>: creates the first administrator. The
/// password comes from <see cref="PasswordVariable"/> or is typed at the terminal (not echoed).
/// </summary>
internal static class CreateAdminCommand
{
    public const string Verb = "create-admin";
    public const string PasswordVariable = "BLUEZONE_ADMIN_PASSWORD";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <param name="environmentPassword">The value of <see cref="PasswordVariable"/>; when empty the password is read from the terminal.</param>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, string? environmentPassword, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(args);
        var userName = Option(args, "--user");
        if (string.IsNullOrWhiteSpace(userName))
        {
            await error.WriteLineAsync("Usage: create-admin --user NAME [--name \"Display name\"]  (password from " + PasswordVariable + " or typed)");
            return 2;
        }

        var password = environmentPassword;
        if (string.IsNullOrEmpty(password))
        {
            password = ReadPassword("Password: ");
            if (!Console.IsInputRedirected && ReadPassword("Repeat password: ") != password)
            {
                await error.WriteLineAsync("The passwords differ; nothing was created.");
                return 1;
            }
        }

        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password given; nothing was created.");
            return 1;
        }

        await services.PrepareAccountsAsync();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await error.WriteLineAsync($"A user named '{userName}' already exists; nothing was changed.");
            return 1;
        }

        var user = new AppUser { UserName = userName, DisplayName = Option(args, "--name") ?? userName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, created.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.AddToRoleAsync(user, Roles.Admin);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(
            AuditKinds.UserCreated, userName, after: new { Role = Roles.Admin, Via = Verb }, userName: Verb);
        await output.WriteLineAsync($"Administrator '{userName}' created.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string? ReadPassword(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine();
        }

        Console.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
