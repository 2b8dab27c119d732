using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Demo;
using Workflows.Host.Security;
using Workflows.Host.Workspace.Accounts;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Workspace.Demo;

/// <summary>
/// Development only: on a database without users, one admin and one officer for every office of the demo
/// district (<see cref="DemoDistrict"/>), all with the password <see cref="Password"/>. User names:
/// <c>admin</c>, <c>bureau.{district}</c>, <c>leading.{district}</c>, <c>street.{street office}</c>,
/// <c>community.{community}</c> (ids of the demo units, e.g. <c>community.shangwu</c>).
/// </summary>
internal sealed class DemoUsers(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoUsers> logger) : IHostedService
{
    public const string Password = "Demo@2026!";

    public static IReadOnlyList<(string UserName, string DisplayName, string Role, Unit? Unit)> Build()
    {
        var users = new List<(string, string, string, Unit?)> { ("admin", "系统管理员（演示）", Roles.Admin, null) };
        foreach (var unit in DemoDistrict.Build().Units)
        {
            var entry = unit.Kind switch
            {
                UnitKind.DistrictHousingBureau => ($"bureau.{unit.ParentId}", Roles.DistrictHousingBureau),
                UnitKind.DistrictLeadingGroup => ($"leading.{unit.ParentId}", Roles.DistrictLeadingGroup),
                UnitKind.StreetOffice => ($"street.{unit.Id}", Roles.StreetOffice),
                UnitKind.Community => ($"community.{unit.Id}", Roles.Community),
                _ => ((string, string)?)null,
            };
            if (entry is { } e) users.Add((e.Item1, $"{unit.Name}（演示）", e.Item2, unit));
        }
        return users;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        if (await db.Users.AnyAsync(cancellationToken)) return;
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
        // One hash for all: hashing is deliberately slow, and a Development start should not wait for 30 of them.
        var hash = manager.PasswordHasher.HashPassword(new WorkspaceUser(), Password);
        var now = clock.GetUtcNow();
        foreach (var (userName, displayName, role, unit) in Build())
        {
            var user = new WorkspaceUser
            {
                UserName = userName,
                NormalizedUserName = manager.NormalizeName(userName),
                DisplayName = displayName,
                UnitId = unit?.Id,
                UnitKind = unit?.Kind,
                UnitName = unit?.Name,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
                CreatedAt = now,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = AccountsModel.RoleId(role) });
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the demo users (password {Password})", Password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
