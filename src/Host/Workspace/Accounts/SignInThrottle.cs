using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Workflows.Host.Http;

namespace Workflows.Host.Workspace.Accounts;

/// <summary>Configuration section <c>Security:SignInThrottle</c>: how many sign-in attempts a window allows.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Security:SignInThrottle";

    /// <summary>Attempts from one client address per window; the next one is answered 429.</summary>
    public int PerAddress { get; set; } = 5;

    /// <summary>Attempts for one user name (from anywhere) per window, above the lockout's five so the lockout speaks first.</summary>
    public int PerUserName { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Sign-in throttling with ASP.NET Core rate limiting: the login form's POST is limited per client address
/// (the endpoint policy <see cref="PolicyName"/>, answered 429 with a message), and every attempt per user name
/// (<see cref="TryAcquire"/>, whatever the address). With five wrong passwords locking an account for 15 minutes,
/// one client can lock a given user at most once per lockout and never keep it locked from one address
/// while guessing; the lockout ends by itself and an admin can lift it.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    public const string PolicyName = "sign-in";

    private readonly PartitionedRateLimiter<string> _byUserName;

    public SignInThrottle(IOptions<SignInThrottleOptions> options)
    {
        var o = options.Value;
        _byUserName = PartitionedRateLimiter.Create<string, string>(userName => RateLimitPartition.GetFixedWindowLimiter(userName,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = o.PerUserName, Window = o.Window, QueueLimit = 0 }));
    }

    /// <summary>False when this user name had its share of attempts in the current window.</summary>
    public bool TryAcquire(string userName)
    {
        using var lease = _byUserName.AttemptAcquire(userName.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public static string Message(bool chinese) => chinese
        ? "登录尝试过于频繁，请稍后再试（每分钟最多 5 次）。"
        : "Too many sign-in attempts; please wait a minute and try again.";

    public void Dispose() => _byUserName.Dispose();

    public static IServiceCollection AddSignInThrottle(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection(SignInThrottleOptions.Section))
            .Validate(o => o.PerAddress >= 1 && o.PerUserName >= 1 && o.Window > TimeSpan.Zero,
                $"{SignInThrottleOptions.Section}: PerAddress and PerUserName must be at least 1 and Window positive.")
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, context =>
            {
                var o = context.RequestServices.GetRequiredService<IOptions<SignInThrottleOptions>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = o.PerAddress, Window = o.Window, QueueLimit = 0 });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<SignInThrottle>()
                    .LogWarning("Sign-in throttled for client {Address}", http.Connection.RemoteIpAddress?.ToString());
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(http.RequestServices
                    .GetRequiredService<IOptions<SignInThrottleOptions>>().Value.Window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(Message(RequestText.IsChineseFor(http)), ct);
            };
        });
        return services;
    }
}
