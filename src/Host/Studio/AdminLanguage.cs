namespace Workflows.Host.Studio;

/// <summary>Language of the admin pages: Simplified Chinese unless the user switched to English.</summary>
internal sealed record AdminLanguage(string Code, string HtmlLang, string StudioCulture, AdminText Text)
{
    /// <summary>Remembers the user's choice from <c>?lang=</c> for later pages.</summary>
    public const string CookieName = "workflows-lang";

    public static readonly AdminLanguage Chinese = new("zh", "zh-Hans", "zh-Hans", AdminText.Chinese);
    public static readonly AdminLanguage English = new("en", "en", "en-US", AdminText.English);

    /// <summary><c>?lang=zh|en</c> wins and is stored in a cookie; then the cookie; then Chinese.</summary>
    public static AdminLanguage Resolve(HttpContext context)
    {
        var fromQuery = Parse(context.Request.Query["lang"].ToString());
        if (fromQuery is not null)
        {
            context.Response.Cookies.Append(CookieName, fromQuery.Code, new CookieOptions
            {
                Path = "/",
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
            return fromQuery;
        }

        return Parse(context.Request.Cookies[CookieName]) ?? Chinese;
    }

    private static AdminLanguage? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "zh-hans" => Chinese,
        "en" or "en-us" => English,
        _ => null,
    };
}
