using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.Workspace.Accounts;

/// <summary>
/// Identity's EF user store, plus the password history: every password hash it is given (creating a user,
/// changing, resetting) is also added to <see cref="PasswordHistoryEntry"/>, saved with the user, and only the
/// newest <see cref="PasswordRules.HistoryDepth"/> of a user are kept.
/// </summary>
internal sealed class WorkspaceUserStore(WorkflowsDbContext context, TimeProvider clock, IdentityErrorDescriber? describer = null)
    : UserStore<WorkspaceUser, IdentityRole, WorkflowsDbContext, string>(context, describer)
{
    public override async Task SetPasswordHashAsync(WorkspaceUser user, string? passwordHash, CancellationToken cancellationToken = default)
    {
        await base.SetPasswordHashAsync(user, passwordHash, cancellationToken);
        if (passwordHash is null) return;
        var kept = await Context.PasswordHistory.Where(h => h.UserId == user.Id).OrderByDescending(h => h.Id).ToListAsync(cancellationToken);
        Context.PasswordHistory.RemoveRange(kept.Skip(PasswordRules.HistoryDepth - 1));
        Context.PasswordHistory.Add(new PasswordHistoryEntry { UserId = user.Id, PasswordHash = passwordHash, CreatedAt = clock.GetUtcNow() });
    }
}
