using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Notifications.Senders;
using Workflows.Host.Notifications.Templates;
using Workflows.Host.Persistence;
using Workflows.Host.Security;

namespace Workflows.Host.Notifications.Admin;

/// <summary>
/// The admin pages 发送记录 and 消息模板, and their API twins under <c>/api/notifications</c>: for admins (signed in, or an
/// API key).
/// </summary>
public sealed record NotificationStatus(EmailDeliveryState Email);

public static class NotificationApi
{
    public static IEndpointRouteBuilder MapNotificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").RequireAuthorization(Policies.Admin).WithTags("通知");
        // Admins only; the admin policy also refuses a cookie-authenticated form post from another origin.
        var pages = app.MapGroup("").RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        pages.MapDeliveryPages();
        pages.MapTemplatePages();
        // Whether email really goes out (the admin home shows it): Smtp, Disabled or NotConfigured.
        api.MapGet("/status", (EmailDeliveryStatus email) => TypedResults.Ok(new NotificationStatus(email.Current)))
            .WithSummary("邮件是否真正发出 / Whether email is delivered (Smtp) or off (Disabled, NotConfigured: marked NotSent)");
        api.MapGet("/messages", ListAsync);
        api.MapGet("/messages/{id}", async Task<Results<Ok<object>, NotFound>> (string id, DeliveryLog log, CancellationToken ct) =>
            await log.FindAsync(id, ct) is { } found ? TypedResults.Ok<object>(new { message = found.Message, attempts = found.Attempts }) : TypedResults.NotFound());
        api.MapPost("/messages/{id}/resend", async Task<Results<Created<OutboxMessage>, NotFound>> (string id, DeliveryLog log, HttpContext http, CancellationToken ct) =>
            await log.ResendAsync(id, http.User.Identity?.Name, ct) is { } copy
                ? TypedResults.Created($"/api/notifications/messages/{copy.Id}", copy) : TypedResults.NotFound());
        api.MapGet("/templates", async (TemplateStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)));
        api.MapGet("/templates/{kind}/{channel}", async Task<Results<Ok<MessageTemplate>, NotFound>> (string kind, string channel, TemplateStore store, CancellationToken ct) =>
            Channels.Normalize(channel) is { } c && await store.FindAsync(kind, c, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound());
        api.MapPost("/templates/{kind}/{channel}/preview", (string kind, string channel, TemplateEdit edit) =>
            Channels.Normalize(channel) is { } c ? Results.Ok(TemplatePreview.Render(c, edit)) : UnknownChannel(channel));
        api.MapPut("/templates/{kind}/{channel}", SaveAsync);
        api.MapDelete("/templates/{kind}/{channel}", async (string kind, string channel, TemplateStore store, INotificationAudit audit, HttpContext http, CancellationToken ct) =>
        {
            if (Channels.Normalize(channel) is not { } c) return UnknownChannel(channel);
            if (!await store.ResetAsync(kind, c, ct)) return Results.NotFound();
            await audit.RecordAsync("notification.template.reset", $"{kind}/{c}", http.User.Identity?.Name, "恢复默认模板", ct);
            return Results.NoContent();
        });
        return app;
    }

    private static async Task<IResult> ListAsync(string? channel, string? status, string? recipient, DateOnly? from, DateOnly? to,
        string? caseId, string? instanceId, int? page, int? pageSize, DeliveryLog log, CancellationToken ct)
    {
        OutboxStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                return Invalid("status", $"status 应为 {string.Join("、", Enum.GetNames<OutboxStatus>())} 之一。");
            parsed = s;
        }
        if (!string.IsNullOrWhiteSpace(channel) && Channels.Normalize(channel) is null) return UnknownChannel(channel);
        return Results.Ok(await log.ListAsync(new DeliveryFilter(channel, parsed, recipient, from, to, caseId, instanceId, page ?? 1, pageSize ?? 50), ct));
    }

    /// <summary>Saves only a template that renders with the sample data; otherwise 400 with each error and its line.</summary>
    private static async Task<IResult> SaveAsync(string kind, string channel, TemplateEdit edit, TemplateStore store,
        INotificationAudit audit, HttpContext http, CancellationToken ct)
    {
        if (Channels.Normalize(channel) is not { } c) return UnknownChannel(channel);
        if (TemplateKinds.All.All(k => k.Kind != kind) && !kind.StartsWith("reminder-", StringComparison.Ordinal))
            return Invalid("kind", $"未知的消息类型“{kind}”。");
        var preview = TemplatePreview.Render(c, edit);
        if (!preview.Ok)
            return Results.ValidationProblem(preview.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key,
                g => g.Select(e => e.Line is { } line ? $"第 {line} 行：{e.Message}" : e.Message).ToArray()), title: "模板有误 / The template has errors.");
        await store.SaveAsync(new TemplateRecord
        {
            Kind = kind, Channel = c, Subject = edit.Subject, Body = edit.Body ?? "", SmsTemplateCode = edit.SmsTemplateCode?.Trim(),
            SmsParameters = edit.SmsParameters,
        }, http.User.Identity?.Name, ct);
        await audit.RecordAsync("notification.template.save", $"{kind}/{c}", http.User.Identity?.Name, "修改消息模板", ct);
        return Results.Ok(await store.FindAsync(kind, c, ct));
    }

    private static IResult UnknownChannel(string channel) => Invalid("channel", $"未知的渠道“{channel}”（应为 Email 或 Sms）。");

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "请求参数有误 / One or more fields are invalid.");
}
