using Microsoft.AspNetCore.Localization;
using Workflows.Host.Studio;

namespace Workflows.Host.Http;

/// <summary>
/// Whether the answer to the current request is in Chinese (the default) or English. The request culture wins
/// when request localization runs (<see cref="IRequestCultureFeature"/>); otherwise <c>?lang=</c> and the
/// language cookie of the pages decide, read without writing anything.
/// </summary>
internal static class RequestText
{
    public static bool IsChineseFor(HttpContext? context)
    {
        if (context?.Features.Get<IRequestCultureFeature>() is { } feature)
            return !IsEnglish(feature.RequestCulture.UICulture.Name);
        if (context is null) return !IsEnglish(System.Globalization.CultureInfo.CurrentUICulture.Name);
        var choice = context.Request.Query["lang"].ToString();
        if (choice.Length == 0) choice = context.Request.Cookies[AdminLanguage.CookieName] ?? "";
        return !IsEnglish(choice);
    }

    /// <summary>Picks the text of the request's language.</summary>
    public static string Pick(HttpContext? context, string chinese, string english) => IsChineseFor(context) ? chinese : english;

    private static bool IsEnglish(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
}
