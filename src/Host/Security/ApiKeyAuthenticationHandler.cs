using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Security;

/// <summary>Authenticates machine clients and Elsa Studio by <c>Authorization: ApiKey &lt;key&gt;</c>.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<ApiKeyOptions> keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string Prefix = "ApiKey ";

    /// <summary>Marks a principal authenticated by API key (a machine client).</summary>
    public const string AuthClaim = "auth";
    public const string ApiKeyAuth = "api-key";

    /// <summary>Whether the request presents an API key (right or wrong): then this scheme alone decides.</summary>
    public static bool IsPresented(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var presented = Encoding.ASCII.GetBytes(ApiKeyOptions.Hash(header[Prefix.Length..].Trim()));
        var match = keys.CurrentValue.ApiKeys.FirstOrDefault(k =>
            CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(k.Sha256.ToLowerInvariant())));
        if (match is null)
        {
            Logger.LogWarning("Rejected an API key from {RemoteIp}", Context.Connection.RemoteIpAddress);
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, match.Name), new Claim(ClaimTypes.Role, Roles.Admin), new Claim(AuthClaim, ApiKeyAuth)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
