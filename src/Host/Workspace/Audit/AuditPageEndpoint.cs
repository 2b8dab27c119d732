using System.Globalization;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Pages;
using Workflows.Host.Workspace.Users;
using static Workflows.Host.Workspace.Pages.Html;

namespace Workflows.Host.Workspace.Audit;

/// <summary><c>/admin/audit</c>: the audit trail with filters (user, action, resource, dates) and paging.</summary>
internal static class AuditPageEndpoint
{
    public static IEndpointRouteBuilder MapAuditPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(PageFrame.Audit, async ([Microsoft.AspNetCore.Http.AsParameters] AuditEndpoints.AuditFilterQuery query, HttpContext context,
                AuditQuery audit, CancellationToken ct) =>
            {
                var filter = query.ToFilter();
                var (page, errors) = await audit.RunAsync(filter, ct);
                return Page(Render(context, filter, page, errors), page is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
            })
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();
        return app;
    }

    private static string Render(HttpContext context, AuditFilter filter, AuditPage? page, Dictionary<string, string[]> errors)
    {
        var language = AdminLanguage.Resolve(context);
        var text = WorkspaceText.For(language);
        var actions = $"<option value=\"\">{E(text.AnyAction)}</option>" + string.Concat(AuditActions.Known.Select(a =>
            $"<option value=\"{a.Action}\"{Selected(filter.Action == a.Action)}>{E(text.IsChinese ? a.Chinese : a.English)}</option>"));
        var rows = page is null ? "" : string.Concat(page.Items.Select(e => Row(e, text)));
        var empty = page is { Items.Count: 0 } ? $"<p class=\"muted\">{E(text.NoEntries)}</p>" : "";
        return PageFrame.Render(text.AuditTitle, AdminMenu.Audit, language, context, $"""
            <form method="get" action="{PageFrame.Audit}" class="panel filters">
              <div><label for="user">{E(text.Actor)}</label><input id="user" name="user" type="text" value="{E(filter.User)}"></div>
              <div><label for="action">{E(text.Action)}</label><select id="action" name="action">{actions}</select></div>
              <div><label for="resourceType">{E(text.ResourceType)}</label><input id="resourceType" name="resourceType" type="text" value="{E(filter.ResourceType)}"></div>
              <div><label for="resourceId">{E(text.ResourceId)}</label><input id="resourceId" name="resourceId" type="text" value="{E(filter.ResourceId)}"></div>
              <div><label for="from">{E(text.From)}</label><input id="from" name="from" type="date" value="{E(filter.From)}">{Errors(errors, "from")}</div>
              <div><label for="to">{E(text.To)}</label><input id="to" name="to" type="date" value="{E(filter.To)}">{Errors(errors, "to")}</div>
              <div><button class="primary" type="submit">{E(text.Filter)}</button></div>
            </form>
            {Errors(errors, "page")}{Errors(errors, "pageSize")}
            <table>
              <thead><tr><th class="nowrap">{E(text.Time)}</th><th>{E(text.Actor)}</th><th>{E(text.Action)}</th><th>{E(text.Resource)}</th><th>{E(text.Before)}</th><th>{E(text.After)}</th><th>{E(text.Request)}</th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            {empty}
            {(page is null ? "" : Pager(context, page, text))}
            """);
    }

    private static string Row(AuditEntryView e, WorkspaceText text) => $"""
        <tr data-action="{E(e.Action)}">
          <td class="nowrap">{UsersPage.Time(e.At)}</td>
          <td>{E(e.ActorName)}<br><span class="muted">{E(e.ActorKind)}</span></td>
          <td>{E(AuditActions.Name(e.Action, text.IsChinese))}<br><span class="muted">{E(e.Action)}</span></td>
          <td>{E(e.ResourceType)}<br><span class="muted">{E(e.ResourceId)}</span></td>
          <td><pre>{E(e.Before)}</pre></td>
          <td><pre>{E(e.After)}</pre></td>
          <td><span class="muted">{E(e.RequestId)}<br>{E(e.CorrelationId)}</span></td>
        </tr>
        """;

    private static string Pager(HttpContext context, AuditPage page, WorkspaceText text)
    {
        var pages = Math.Max(1, (page.TotalCount + page.PageSize - 1) / page.PageSize);
        string Link(int number, string label) => $"<a href=\"{E(PageUrl(context, number))}\">{E(label)}</a>";
        var summary = string.Format(CultureInfo.InvariantCulture, text.PageOf, page.Page, pages, page.TotalCount);
        return $"""
            <div class="pager">
              {(page.Page > 1 ? Link(page.Page - 1, text.Previous) : "")}
              <span>{E(summary)}</span>
              {(page.Page < pages ? Link(page.Page + 1, text.Next) : "")}
            </div>
            """;
    }

    private static string PageUrl(HttpContext context, int number)
    {
        var pairs = context.Request.Query.Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase) && q.Key != "lang")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"page={number}");
        return PageFrame.Audit + "?" + string.Join("&", pairs);
    }
}
