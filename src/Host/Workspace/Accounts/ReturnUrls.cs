namespace Workflows.Host.Workspace.Accounts;

/// <summary>Where a sign-in may send the officer next: checked before signing in, so a bad one never fails after it.</summary>
internal static class ReturnUrls
{
    /// <summary>
    /// A path of this service (<c>/tasks?x=1</c>), or null: nothing absolute or protocol-relative (<c>//evil</c>,
    /// <c>/\evil</c>), and no control characters or white space (a tab or line break would make browsers and the
    /// redirect itself read the address differently).
    /// </summary>
    public static string? Safe(string? returnUrl)
    {
        if (returnUrl is not { Length: > 0 } || returnUrl[0] != '/') return null;
        if (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\') return null;
        if (returnUrl.Length > 2048) return null;
        foreach (var c in returnUrl)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\') return null;
        }
        return returnUrl;
    }
}
