using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Persistence;
using Workflows.Host.Web;
using Workflows.Host.Workspace.Pages;
using Workflows.PropertyManagement.Calendar;

namespace Workflows.Host.Notifications.Admin;

/// <summary>发送记录: the delivery log with filters (<see cref="DeliveryListPage"/>), each message's attempts (<see cref="DeliveryDetailPage"/>), and resend.</summary>
internal static class DeliveryPages
{
    public const string Path = SiteMenu.Deliveries;

    public static string MessagePath(string id) => $"{Path}/{Uri.EscapeDataString(id)}";

    public static void MapDeliveryPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (HttpContext http, DeliveryLog log, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            Enum.TryParse<OutboxStatus>(q["status"], out var status);
            var filter = new DeliveryFilter(q["channel"], string.IsNullOrEmpty(q["status"]) ? null : status, q["recipient"],
                Date(q["from"]), Date(q["to"]), q["caseId"], q["instanceId"], int.TryParse(q["page"], out var p) ? p : 1);
            var page = await log.ListAsync(filter, ct);
            string? next = null;
            if (page.Total > page.Page * page.PageSize)
                next = Path + QueryString.Create(q.Where(kv => kv.Key is not ("page" or SiteCultures.QueryKey))
                    .Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value.ToString()))
                    .Append(KeyValuePair.Create("page", (string?)(page.Page + 1).ToString(CultureInfo.InvariantCulture))));
            return new RazorComponentResult<DeliveryListPage>(new Dictionary<string, object?>
            {
                [nameof(DeliveryListPage.Filter)] = filter,
                [nameof(DeliveryListPage.Page)] = page,
                [nameof(DeliveryListPage.NextPageUrl)] = next,
            });
        });
        app.MapGet(Path + "/{id}", async (string id, DeliveryLog log, CancellationToken ct) =>
            await log.FindAsync(id, ct) is { } found
                ? (IResult)new RazorComponentResult<DeliveryDetailPage>(new Dictionary<string, object?>
                {
                    [nameof(DeliveryDetailPage.Message)] = found.Message,
                    [nameof(DeliveryDetailPage.Attempts)] = found.Attempts,
                })
                : Results.NotFound());
        // A plain form post with its antiforgery token; the API twin is POST /api/notifications/messages/{id}/resend.
        app.MapPost(Path + "/{id}/resend", async (string id, HttpContext http, DeliveryLog log, CancellationToken ct) =>
            await log.ResendAsync(id, http.User.Identity?.Name ?? "admin-page", ct) is { } copy
                ? Results.Redirect(MessagePath(copy.Id)) : Results.NotFound())
            .RequireAntiforgeryToken();
    }

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? ChinaTime.ToChinaTime(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    public static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
