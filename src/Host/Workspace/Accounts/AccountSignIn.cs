using Microsoft.AspNetCore.Identity;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Audit;

namespace Workflows.Host.Workspace.Accounts;

/// <summary>
/// Signing in and out with Identity, each attempt audited (success, failure, the attempt that locks). A locked
/// account and an unknown user name look the same to the caller (<see cref="Outcome.LockedOut"/> is for the
/// audit only; pages show one message for every failure), so the answer never tells which names exist.
/// </summary>
internal sealed class AccountSignIn(
    SignInManager<WorkspaceUser> signIn, UserManager<WorkspaceUser> users, WorkflowsDbContext db, IAuditLog audit,
    SignInThrottle throttle, ILogger<AccountSignIn> logger)
{
    public enum Outcome
    {
        SignedIn,
        Failed,
        LockedOut,

        /// <summary>Too many attempts for this user name in the current window; nothing was checked.</summary>
        Throttled,
    }

    /// <summary>Lets an unknown user name cost about as much as a wrong password, so timing does not tell which names exist.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<WorkspaceUser>().HashPassword(new WorkspaceUser(), "not a password 0A!"));

    public async Task<Outcome> PasswordSignInAsync(string userName, string password, CancellationToken ct)
    {
        if (!throttle.TryAcquire(userName))
        {
            logger.LogWarning("Sign-in throttled for user name {UserName}", userName);
            return Outcome.Throttled;
        }
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new WorkspaceUser(), DummyHash.Value, password);
            logger.LogWarning("Sign-in failed: unknown user name {UserName}", userName);
            await audit.RecordAsync(new AuditRecord(AuditActions.SignInFailed, AuditActions.Resources.User, null,
                After: new { userName, reason = "unknown-user" }) { Actor = AuditActor.Anonymous(userName) }, ct);
            return Outcome.Failed;
        }

        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var actor = AuditActor.User(user.Id, user.UserName!);
        if (result.Succeeded)
        {
            logger.LogInformation("{UserName} signed in", user.UserName);
            await audit.RecordAsync(new AuditRecord(AuditActions.SignInSucceeded, AuditActions.Resources.User, user.Id) { Actor = actor }, ct);
            return Outcome.SignedIn;
        }
        // Identity saved the failed count through the same context; reload to report what it stored.
        await db.Entry(user).ReloadAsync(ct);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: {UserName} is locked out until {LockoutEnd}", user.UserName, user.LockoutEnd);
            // The attempt that locks the account is its own event; later attempts while locked are failures.
            await audit.RecordAsync(new AuditRecord(wasLocked ? AuditActions.SignInFailed : AuditActions.SignInLockedOut,
                AuditActions.Resources.User, user.Id,
                After: new { reason = "locked-out", lockoutEnd = user.LockoutEnd }) { Actor = actor }, ct);
            return Outcome.LockedOut;
        }
        logger.LogWarning("Sign-in failed: wrong password for {UserName} ({Failures} in a row)", user.UserName, user.AccessFailedCount);
        await audit.RecordAsync(new AuditRecord(AuditActions.SignInFailed, AuditActions.Resources.User, user.Id,
            After: new { reason = "wrong-password", failedCount = user.AccessFailedCount }) { Actor = actor }, ct);
        return Outcome.Failed;
    }

    /// <summary>
    /// Ends the session for good: a new security stamp makes every cookie issued before it worthless (checked on
    /// each request, see <see cref="SessionStampCheck"/>), so a copy of the cookie saved before signing out is
    /// refused afterwards. This also ends the user's sessions in other browsers.
    /// </summary>
    public async Task SignOutAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(signIn.Context.User);
        await audit.RecordAsync(new AuditRecord(AuditActions.SignOut, AuditActions.Resources.User,
            signIn.Context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value), ct);
        if (user is not null)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }
}
