using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Workspace.Commands;

namespace Workflows.Host.Tests.Cluster;

/// <summary>
/// Data Protection's key ring lives in the shared database: behind a round-robin balancer, a form served by one host
/// is accepted by another, and the sign-in cookie one host issued is accepted by the other.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed partial class ClusterSignInTests(PostgreSqlServer server) : IDisposable
{
    private const string Password = "Guanli#2026x";

    [Fact]
    public async Task A_sign_in_through_one_host_is_accepted_by_another_host_with_its_own_key_folder()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            var code = await CreateAdminCommand.RunAsync([CreateAdminCommand.Name, "--user", "ops", "--password", Password,
                "--environment", "Production", "--Workflows:Database", "PostgreSql", "--ConnectionStrings:Workflows", connectionString,
                "--Logging:Path", TempFolder.Create("create-admin-logs")], new StringReader(""), output, error);
            Assert.True(code == 0, error.ToString());
        }
        var environment = ClusterHosts.Environment(connectionString, TempFolder.Create("definitions"));
        // Each host its own user profile, where Data Protection would otherwise keep its keys: as on two machines.
        var homes = new[] { TempFolder.Create("home-1"), TempFolder.Create("home-2") };
        await using var first = await HostProcess.StartAsync(new Dictionary<string, string>(environment) { ["HOME"] = homes[0], ["Logging__Path"] = TempFolder.Create("logs-1") });
        await using var second = await HostProcess.StartAsync(new Dictionary<string, string>(environment) { ["HOME"] = homes[1], ["Logging__Path"] = TempFolder.Create("logs-2") });

        // One browser: its cookies go to both hosts (cookies ignore the port), as behind a balancer.
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var loginPage = await browser.GetStringAsync(new Uri(first.BaseAddress, "/account/login"));
        var token = WebUtility.HtmlDecode(TokenPattern().Match(loginPage).Groups[1].Value);
        Assert.NotEmpty(token);

        // The form from host 1, posted to host 2: host 2 reads host 1's antiforgery token and issues the cookie.
        using var login = new HttpRequestMessage(HttpMethod.Post, new Uri(second.BaseAddress, "/account/login"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "ops", ["password"] = Password, ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("Origin", second.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var signedIn = await browser.SendAsync(login);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}\n{second.OutputTail}");

        // The cookie from host 2 opens an admin page on host 1 (and on host 2).
        foreach (var host in new[] { first, second })
        {
            using var page = await browser.GetAsync(new Uri(host.BaseAddress, "/admin/users"));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{host.BaseAddress}: {(int)page.StatusCode} {page.Headers.Location}\n{host.OutputTail}");
        }

        await using var db = ClusterHosts.Database(connectionString);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        Assert.All(homes, home => Assert.False(Directory.Exists(Path.Combine(home, ".aspnet", "DataProtection-Keys"))
            && Directory.EnumerateFiles(Path.Combine(home, ".aspnet", "DataProtection-Keys")).Any()));
    }

    public void Dispose() => PostgreSqlServer.ReleaseConnections();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
