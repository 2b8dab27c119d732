using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Workflows.Browser.Tests.FakeApi;

/// <summary>
/// TEMPORARY stand-in for the few /elsa/api routes the two list elements call on load (contract §3.1, §3.3),
/// so that the page integration (callbacks, navigation, auth header) can be tested before the real REST
/// API exists. Everything else answers 404. Replace with the real API when it lands.
/// </summary>
public sealed class FakeElsaApi
{
    public const string DefinitionId = "def1";
    public const string InstanceId = "inst1";

    private const string Links = """
        [{"href":"/workflow-definitions/by-definition-id/def1","rel":"self","method":"GET"},
         {"href":"/workflow-definitions/def1/publish","rel":"publish","method":"POST"},
         {"href":"/workflow-definitions/def1/retract","rel":"retract","method":"POST"},
         {"href":"/workflow-definitions/def1","rel":"delete","method":"DELETE"}]
        """;

    private const string ListLinks = """
        [{"href":"/workflow-definitions","rel":"self","method":"GET"},
         {"href":"/bulk-actions/publish/workflow-definitions/by-definition-ids","rel":"bulk-publish","method":"POST"},
         {"href":"/workflow-definitions","rel":"create","method":"POST"}]
        """;

    private const string Definitions = $$"""
        {"items":[{"id":"def1-v1","definitionId":"def1","name":"物业报修审批","description":"测试用","version":1,
          "toolVersion":"3.8.0.0","isLatest":true,"isPublished":true,"materializerName":"Json",
          "createdAt":"2026-01-05T08:00:00+00:00","isReadonly":false,"isMaterializerAvailable":true,"links":{{Links}}}],
         "totalCount":1,"links":{{ListLinks}}}
        """;

    private const string Instances = """
        {"items":[{"id":"inst1","definitionId":"def1","definitionVersionId":"def1-v1","version":1,"status":"Finished",
          "subStatus":"Finished","correlationId":"c-1","name":"物业报修审批","incidentCount":0,
          "createdAt":"2026-01-05T08:00:00+00:00","updatedAt":"2026-01-05T08:01:00+00:00","finishedAt":"2026-01-05T08:01:00+00:00"}],
         "totalCount":1}
        """;

    private readonly ConcurrentQueue<(string Method, string Path, string? Authorization)> _calls = new();

    public IReadOnlyList<(string Method, string Path, string? Authorization)> Calls => [.. _calls];

    public Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "";
        _calls.Enqueue((method, path, context.Request.Headers.Authorization.ToString()));

        var body = (method, path) switch
        {
            ("GET", "/workflow-definitions") => Definitions,
            ("POST", "/workflow-instances") => Instances,
            ("GET", "/features/installed") => """{"items":[],"count":0}""",
            _ => null,
        };
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body);
    }
}

/// <summary>Puts <see cref="FakeElsaApi"/> in front of the Host's pipeline at /elsa/api.</summary>
internal sealed class FakeElsaApiStartupFilter(FakeElsaApi api) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/elsa/api", branch => branch.Run(api.HandleAsync));
        next(app);
    };
}
