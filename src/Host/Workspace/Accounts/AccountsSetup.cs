using Microsoft.AspNetCore.Identity;
using Workflows.Host.Persistence;

namespace Workflows.Host.Workspace.Accounts;

internal static class AccountsSetup
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>ASP.NET Core Identity on the service's database; the cookies are set up with the other schemes.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        SignInThrottle.AddSignInThrottle(services, configuration);
        services.AddIdentityCore<WorkspaceUser>(o =>
            {
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequiredUniqueChars = 5;
                // PasswordRules asks for three kinds of character out of four instead of all four.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorkflowsDbContext>()
            .AddUserStore<WorkspaceUserStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<WorkspaceClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PasswordRules>();
        services.AddScoped<AccountSignIn>();
        return services;
    }
}
