using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Officers;
using Workflows.Host.Workspace.Pages;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;
using static Workflows.Host.Workspace.Pages.Html;

namespace Workflows.Host.Workspace.Cases;

/// <summary>
/// <c>/cases/new</c>: an officer starts a procedure for a compound within reach (the page twin of <c>POST /api/cases</c>;
/// the same rule: casework is for officers, not for admins).
/// </summary>
internal static class StartCasePage
{
    public const string Path = "/cases/new";

    public static bool MayStart(ICurrentOfficer officer) => officer.IsSignedIn && !officer.IsAdmin && officer.Unit is not null;

    public static IEndpointRouteBuilder MapStartCasePage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (string? procedure, HttpContext context, CancellationToken ct) =>
                await RenderAsync(context, ProcedureCatalog.Find(procedure) ?? ProcedureCatalog.All[0], null, null, ct))
            .RequireAuthorization(Policies.Officer)
            .ExcludeFromDescription();

        app.MapPost(Path, async (HttpContext context, CaseStarter starter, UnitGuard guard, ICurrentOfficer officer, CancellationToken ct) =>
            {
                var form = await context.Request.ReadFormAsync(ct);
                var procedure = ProcedureCatalog.Find(form["procedure"].ToString()) ?? ProcedureCatalog.All[0];
                var compoundId = form["compoundId"].ToString();
                var errors = new Dictionary<string, string[]>();
                var input = new JsonObject();
                foreach (var field in procedure.Inputs)
                {
                    var value = form[field.Name].ToString().Trim();
                    if (value.Length == 0) continue;
                    if (field.Type != "object") { input[field.Name] = value; continue; }
                    try { input[field.Name] = JsonNode.Parse(value); }
                    catch (JsonException) { errors[field.Name] = [$"“{field.Label}”应为 JSON 对象，例如 {{\"name\": \"…\", \"mobile\": \"…\"}}。"]; }
                }
                if (!MayStart(officer) || (compoundId.Length > 0 && !await guard.CanSeeAsync("compound", compoundId, compoundId, ct)))
                    errors["compoundId"] = [$"小区“{compoundId}”不存在。"];
                if (errors.Count > 0) return await RenderAsync(context, procedure, form, errors, ct);
                var result = await starter.StartAsync(new StartCaseRequest(procedure.DefinitionId, compoundId, input), context.User.Identity?.Name, ct);
                return result switch
                {
                    CaseStarter.Started s => TypedResults.Redirect(CasePage.PathOf(s.Case.CaseId)),
                    CaseStarter.Invalid i => await RenderAsync(context, procedure, form, i.Errors, ct),
                    CaseStarter.UnknownCompound u => await RenderAsync(context, procedure, form, new() { ["compoundId"] = [$"小区“{u.CompoundId}”不存在。"] }, ct),
                    _ => throw new InvalidOperationException($"Unexpected result {result}."),
                };
            })
            .RequireAuthorization(Policies.Officer)
            .RequireAntiforgeryToken()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> RenderAsync(HttpContext context, Procedure procedure, IFormCollection? form, Dictionary<string, string[]>? errors,
        CancellationToken ct)
    {
        var services = context.RequestServices;
        var officer = services.GetRequiredService<ICurrentOfficer>();
        var language = AdminLanguage.Resolve(context);
        var text = CaseText.For(language);
        if (!MayStart(officer))
            return Page(PageFrame.Render(text.StartProcedure, language, context,
                $"<p class=\"error\">{E(text.IsChinese ? "系统管理员不办理案件；请由承办单位的工作人员启动。" : "Administrators do no casework; an officer of the unit starts procedures.")}</p>"),
                StatusCodes.Status403Forbidden);
        var reach = await officer.ReachAsync(ct);
        var visible = reach.RootUnitId is { } root ? await services.GetRequiredService<IJurisdiction>().SubtreeAsync(root, ct) : new HashSet<string>();
        var compounds = (await services.GetRequiredService<WorkflowsDbContext>().Set<Compound>().AsNoTracking().Where(c => c.DeactivatedAt == null).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Where(c => visible.Contains(c.Id)).OrderBy(c => c.Name, StringComparer.Ordinal);
        var chosen = form?["compoundId"].ToString();
        var procedures = string.Concat(ProcedureCatalog.All.Select(p =>
            $"<option value=\"{E(p.DefinitionId)}\"{Selected(p.DefinitionId == procedure.DefinitionId)}>{E(p.Code)} {E(p.Name)}</option>"));
        var fields = string.Concat(procedure.Inputs.Select(f => $"""
            <label for="f-{E(f.Name)}">{E(f.Label)}{(f.Required ? " *" : "")}</label>
            {(f.Type == "object"
                ? $"<textarea id=\"f-{E(f.Name)}\" name=\"{E(f.Name)}\" rows=\"2\" cols=\"60\">{E(form?[f.Name])}</textarea>"
                : $"<input id=\"f-{E(f.Name)}\" name=\"{E(f.Name)}\" type=\"{(f.Type == "date" ? "date" : "text")}\" value=\"{E(form?[f.Name])}\">")}
            {Errors(errors, f.Name)}
            """));
        var body = $"""
            <form method="get" action="{Path}" class="panel filters">
              <div><label for="procedure">{E(text.Procedure)}</label><select id="procedure" name="procedure">{procedures}</select></div>
              <div><button class="small" type="submit">{E(text.IsChinese ? "选择" : "Choose")}</button></div>
            </form>
            <form method="post" action="{Path}" class="panel">
              {AntiforgeryField(context)}
              <input type="hidden" name="procedure" value="{E(procedure.DefinitionId)}">
              <p class="muted">{E(procedure.Description)}</p>
              <label for="compoundId">{E(text.Compound)}</label>
              <select id="compoundId" name="compoundId">{string.Concat(compounds.Select(c => $"<option value=\"{E(c.Id)}\"{Selected(c.Id == chosen)}>{E(c.Name)}</option>"))}</select>
              {Errors(errors, "compoundId")}
              {fields}
              {Errors(errors, "input")}{Errors(errors, "procedure")}
              <div><button class="primary" type="submit">{E(text.StartProcedure)}</button></div>
            </form>
            """;
        return Page(PageFrame.Render($"{text.StartProcedure} · {procedure.Name}", language, context, body),
            errors is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
