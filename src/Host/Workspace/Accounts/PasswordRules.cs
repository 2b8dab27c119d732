using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.Workspace.Accounts;

/// <summary>
/// Password rules for civil servants, in the spirit of GB/T 22239-2019 (等保 2.0: complexity) and NIST SP 800-63B
/// (length over tricks): at least <see cref="MinimumLength"/> characters of at least three kinds (lower case,
/// upper case, digits, symbols), not containing the user name, not a well-known password, no run of
/// <see cref="SequenceLength"/> keyboard or alphabet neighbours (<c>qwer</c>, <c>abcd</c>, <c>3456</c>, either way),
/// and none of the user's last <see cref="HistoryDepth"/> passwords (compared against their stored hashes).
/// </summary>
internal sealed class PasswordRules(WorkflowsDbContext db) : IPasswordValidator<WorkspaceUser>
{
    public const int MinimumLength = 10;
    public const int MinimumKinds = 3;
    public const int SequenceLength = 4;

    /// <summary>The current password and the ones before it, this many in all, may not be chosen again.</summary>
    public const int HistoryDepth = 5;

    /// <summary>Rows of a US/Chinese keyboard and the alphabet and digits in order; a run along one, forwards or backwards, is refused.</summary>
    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "!@#$%^&*()",
    ];

    /// <summary>Lower-cased; the ones that top every leaked-password list, Chinese pinyin favourites included.</summary>
    private static readonly HashSet<string> WellKnown = new(StringComparer.Ordinal)
    {
        "password", "password1", "password123", "password@123", "p@ssw0rd", "p@ssw0rd123", "passw0rd!", "qwerty123", "qwertyuiop",
        "1234567890", "12345678910", "0123456789", "abc1234567", "abcd123456", "a1234567890", "aa12345678", "admin12345",
        "admin@1234", "admin@12345", "administrator", "woaini1314", "woaini520", "iloveyou123", "1qaz2wsx3edc", "1qaz@wsx3edc",
        "qwe123!@#", "zaq12wsx", "huawei@123", "root@12345", "test@12345", "welcome123", "changeme123",
    };

    public async Task<IdentityResult> ValidateAsync(UserManager<WorkspaceUser> manager, WorkspaceUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        var kinds = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit),
            password.Any(c => !char.IsLetterOrDigit(c)) }.Count(k => k);
        if (kinds < MinimumKinds)
            errors.Add(new IdentityError
            {
                Code = "PasswordKinds",
                Description = $"密码须包含小写字母、大写字母、数字、符号中的至少 {MinimumKinds} 种 / A password needs at least {MinimumKinds} of: lower case, upper case, digits, symbols.",
            });
        if (user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名 / A password must not contain the user name." });
        if (WellKnown.Contains(password.ToLowerInvariant()))
            errors.Add(new IdentityError { Code = "PasswordWellKnown", Description = "这是常见密码，请另选 / This password is too common; choose another." });
        if (KeyboardRun(password) is { } run)
            errors.Add(new IdentityError
            {
                Code = "PasswordSequence",
                Description = $"密码不能包含连续的键盘或字母数字序列（如“{run}”）/ A password must not contain a keyboard or alphabetical run such as '{run}'.",
            });
        if (await WasUsedBeforeAsync(manager, user, password))
            errors.Add(new IdentityError
            {
                Code = "PasswordReused",
                Description = $"不能使用最近 {HistoryDepth} 次用过的密码 / A password must differ from the last {HistoryDepth} passwords.",
            });
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>The first run of <see cref="SequenceLength"/> neighbours in the password (lower-cased), or null.</summary>
    internal static string? KeyboardRun(string password)
    {
        var lower = password.ToLowerInvariant();
        for (var i = 0; i + SequenceLength <= lower.Length; i++)
        {
            var piece = lower.Substring(i, SequenceLength);
            var reversed = new string(piece.Reverse().ToArray());
            if (Sequences.Any(row => row.Contains(piece, StringComparison.Ordinal) || row.Contains(reversed, StringComparison.Ordinal)))
                return password.Substring(i, SequenceLength);
        }
        return null;
    }

    /// <summary>The current hash and the history rows (<see cref="PasswordHistoryEntry"/>), newest first.</summary>
    private async Task<bool> WasUsedBeforeAsync(UserManager<WorkspaceUser> manager, WorkspaceUser user, string password)
    {
        var hashes = new List<string>();
        if (user.PasswordHash is { } current) hashes.Add(current);
        if (user.Id is { Length: > 0 } id)
            hashes.AddRange(await db.PasswordHistory.AsNoTracking().Where(h => h.UserId == id)
                .OrderByDescending(h => h.Id).Select(h => h.PasswordHash).Take(HistoryDepth).ToListAsync());
        return hashes.Distinct().Take(HistoryDepth)
            .Any(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed);
    }
}

/// <summary>Identity's messages in Chinese, with English after a slash (the API's convention for messages).</summary>
internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作失败 / The operation failed.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "数据已被他人修改，请刷新后重试 / Changed by someone else; reload and try again.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "当前密码不正确 / The current password is wrong.");
    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"用户名“{userName}”无效：只能使用字母、数字和 - . _ @ / User name '{userName}' may only contain letters, digits and - . _ @");
    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"用户名“{userName}”已存在 / User name '{userName}' is already taken.");
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"密码至少 {length} 个字符 / A password needs at least {length} characters.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"密码至少包含 {uniqueChars} 个不同的字符 / A password needs at least {uniqueChars} different characters.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该用户不能被锁定 / Lockout is not enabled for this user.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"用户已有角色 {role} / The user already has role {role}.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
