using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Security;
using Workflows.Host.Workspace.Accounts;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Workspace.Users;

/// <summary>A user as the admin pages and the audit trail show it (never the password hash).</summary>
public sealed record UserView(string Id, string UserName, string DisplayName, string Role, string? UnitId, string? UnitKind,
    string? UnitName, bool Locked, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

public sealed record NewUser(string? UserName, string? DisplayName, string? Role, string? UnitId, string? Password);

/// <summary>
/// Creating officers and admins, resetting passwords, locking and unlocking. Each change and its audit entry are
/// saved in one transaction; a change that ends a user's right to their sessions also renews the security
/// stamp, so their open sessions end within <see cref="SecuritySetup.SessionRecheckInterval"/>.
/// </summary>
internal sealed class UserAdministration(UserManager<WorkspaceUser> users, WorkflowsDbContext db, IJurisdiction jurisdiction, IAuditLog audit, TimeProvider clock)
{
    public abstract record Result;

    public sealed record Done(UserView User) : Result;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Result;

    public sealed record NotFound : Result;

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name ?? "");
        return all.Select(u => View(u, roleOf.GetValueOrDefault(u.Id) ?? "")).ToList();
    }

    public async Task<Result> CreateAsync(NewUser request, AuditActor? actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        var userName = request.UserName?.Trim() ?? "";
        var displayName = request.DisplayName?.Trim() ?? "";
        if (userName.Length == 0) Error("userName", "请填写用户名 / The user name is required.");
        else if (userName.Length > WorkspaceUser.MaxNameLength) Error("userName", $"用户名不能超过 {WorkspaceUser.MaxNameLength} 个字符 / At most {WorkspaceUser.MaxNameLength} characters.");
        if (displayName.Length == 0) Error("displayName", "请填写姓名 / The name is required.");
        else if (displayName.Length > WorkspaceUser.MaxNameLength) Error("displayName", $"姓名不能超过 {WorkspaceUser.MaxNameLength} 个字符 / At most {WorkspaceUser.MaxNameLength} characters.");
        if (!Roles.IsKnown(request.Role)) Error("role", $"角色应为 {string.Join("、", Roles.All)} 之一 / The role must be one of {string.Join(", ", Roles.All)}.");
        if (string.IsNullOrEmpty(request.Password)) Error("password", "请填写初始密码 / The password is required.");

        JurisdictionUnit? unit = null;
        if (Roles.IsKnown(request.Role) && Roles.UnitKindOf(request.Role!) is { } kind)
        {
            unit = string.IsNullOrWhiteSpace(request.UnitId) ? null : await jurisdiction.FindAsync(request.UnitId.Trim(), ct);
            if (unit is null) Error("unitId", "请选择所属单位 / Choose the officer's unit.");
            else if (await db.Set<Unit>().AsNoTracking().AnyAsync(u => u.Id == unit.Id && u.DeactivatedAt != null, ct))
                Error("unitId", $"单位“{unit.Name}”已停用，不能再添加人员 / The unit '{unit.Name}' is deactivated.");
            else if (unit.Kind != kind) Error("unitId", $"{Roles.ChineseName(request.Role!)}人员须属于{Roles.ChineseName(request.Role!)}单位，“{unit.Name}”不是 / A {Roles.EnglishName(request.Role!)} officer belongs to a unit of that kind; '{unit.Name}' is not one.");
        }
        if (errors.Count > 0) return new Invalid(errors);

        var user = new WorkspaceUser
        {
            UserName = userName,
            DisplayName = displayName,
            UnitId = unit?.Id,
            UnitKind = unit?.Kind,
            UnitName = unit?.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                Error(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName", error.Description);
            return new Invalid(errors);
        }
        Check(await users.AddToRoleAsync(user, request.Role!));
        var view = View(user, request.Role!);
        await audit.RecordAsync(new AuditRecord(AuditActions.UserCreate, AuditActions.Resources.User, user.Id, After: view) { Actor = actor }, ct);
        await transaction.CommitAsync(ct);
        return new Done(view);
    }

    public Task<Result> ResetPasswordAsync(string userId, string? password, CancellationToken ct) =>
        ChangeAsync(userId, AuditActions.UserResetPassword, async user =>
        {
            if (string.IsNullOrEmpty(password)) return Refusal("password", "请填写新密码 / The new password is required.");
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded) return new Invalid(new() { ["password"] = [.. result.Errors.Select(e => e.Description)] });
            // A reset also clears a lockout from failed attempts: the admin has just given a working password.
            Check(await users.ResetAccessFailedCountAsync(user));
            return null;
        }, ct);

    public Task<Result> LockAsync(string userId, string? byUserId, CancellationToken ct) =>
        ChangeAsync(userId, AuditActions.UserLock, async user =>
        {
            if (user.Id == byUserId) return Refusal("userId", "不能锁定自己的账户 / You cannot lock your own account.");
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            Check(await users.UpdateSecurityStampAsync(user));
            return null;
        }, ct);

    public Task<Result> UnlockAsync(string userId, CancellationToken ct) =>
        ChangeAsync(userId, AuditActions.UserUnlock, async user =>
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            return null;
        }, ct);

    /// <summary>Loads the user, applies the change and records before and after, all in one transaction.</summary>
    private async Task<Result> ChangeAsync(string userId, string action, Func<WorkspaceUser, Task<Result?>> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByIdAsync(userId);
        if (user is null) return new NotFound();
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var before = View(user, role);
        if (await change(user) is { } refused) return refused;
        var after = View(user, role);
        await audit.RecordAsync(new AuditRecord(action, AuditActions.Resources.User, user.Id, before, after), ct);
        await transaction.CommitAsync(ct);
        return new Done(after);
    }

    private UserView View(WorkspaceUser user, string role)
    {
        // Identity compares lockouts with the wall clock, not the service clock.
        var locked = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
        return new UserView(user.Id, user.UserName ?? "", user.DisplayName, role, user.UnitId, user.UnitKind?.ToString(), user.UnitName,
            locked, locked ? user.LockoutEnd : null, user.CreatedAt);
    }

    private static Invalid Refusal(string field, string message) => new(new() { [field] = [message] });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
