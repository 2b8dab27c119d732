using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Workflows.Host.Web;

/// <summary>
/// The pages' languages: Simplified Chinese (the default) and English. The request-localization middleware picks one
/// from <c>?lang=</c>, then the <see cref="CookieName"/> cookie, then <c>Accept-Language</c>; a <c>?lang=</c> choice is
/// kept in the cookie so the language switch persists.
/// </summary>
public static class SiteCultures
{
    public const string CookieName = "workflows-lang";
    public const string QueryKey = "lang";

    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The short code of the current language, as <c>?lang=</c> takes it.</summary>
    public static string CurrentCode => IsEnglish ? "en" : "zh";

    /// <summary>The code of the language the switch offers.</summary>
    public static string OtherCode => IsEnglish ? "zh" : "en";

    /// <summary>The <c>lang</c> attribute of the pages' <c>html</c> element.</summary>
    public static string HtmlLang => IsEnglish ? "en" : "zh-Hans";

    /// <summary>A <c>?lang=</c> or cookie value as a supported culture name; null for anything else.</summary>
    public static string? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "zh-hans" => Chinese.Name,
        "en" or "en-us" or "en-gb" => English.Name,
        _ => null,
    };

    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(Chinese);
        options.SupportedCultures = [Chinese, English];
        options.SupportedUICultures = [Chinese, English];
        // zh-CN and zh-TW's parent chains reach zh-Hans / zh; en-US reaches en.
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders = [new ChoiceProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
    }

    /// <summary>After the middleware chose: a <c>?lang=</c> choice is remembered for a year.</summary>
    public static Task RememberChoice(HttpContext context, Func<Task> next)
    {
        if (Parse(context.Request.Query[QueryKey].ToString()) is { } chosen)
            context.Response.Cookies.Append(CookieName, chosen == English.Name ? "en" : "zh", new CookieOptions
            {
                Path = "/",
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
        return next();
    }

    /// <summary><c>?lang=</c> first, then the cookie (plain <c>zh</c> / <c>en</c>).</summary>
    private sealed class ChoiceProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var culture = Parse(httpContext.Request.Query[QueryKey].ToString()) ?? Parse(httpContext.Request.Cookies[CookieName]);
            return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
        }
    }
}
