using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Cases;
using Workflows.Host.Workspace.Pages;
using static Workflows.Host.Workspace.Pages.Html;

namespace Workflows.Host.Workspace.Dashboard;

/// <summary>
/// <c>/dashboard</c> and its twin <c>GET /api/dashboard</c>: the supervision numbers for street offices, the district's
/// offices and admins. A community officer gets 403 (the page sends them to the denied page): the dashboard is a
/// feature of the supervising roles, not a resource of another unit, so there is nothing to hide by a 404.
/// </summary>
internal static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    public static readonly IReadOnlyList<string> Roles =
        [Security.Roles.Admin, Security.Roles.DistrictHousingBureau, Security.Roles.DistrictLeadingGroup, Security.Roles.StreetOffice];

    private static readonly AuthorizeAttribute Supervisors = new() { Roles = string.Join(",", Roles) };

    private static readonly JsonSerializerOptions ChartJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default };


    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard", async Task<Ok<DashboardView>> (DashboardQuery query, CancellationToken ct) => TypedResults.Ok(await query.GetAsync(ct)))
            .RequireAuthorization(Policies.Officer)
            .RequireAuthorization(Supervisors)
            .WithTags("督办 / Supervision")
            .WithSummary("督办看板数据 / The supervision dashboard: overdue tasks and filings per street and community, coverage against the targets, star ratings")
            .WithDescription("街道办、区住建局、区领导小组和管理员可用；社区工作人员 403。逾期：仍未办结且办理期限（北京时间）已过。覆盖率目标见 seed 003：2020年40%、2021年60%、2022年起80%。"
                             + " / For street offices, the district's offices and admins; community officers get 403. Overdue: still open after its due date (China). Targets of seed 003: 40% (2020), 60% (2021), 80% (2022 on).")
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        app.MapGet(Path, async (HttpContext context, DashboardQuery query, CancellationToken ct) => Page(Render(context, await query.GetAsync(ct))))
            .RequireAuthorization(Policies.Officer)
            .RequireAuthorization(Supervisors)
            .ExcludeFromDescription();
        return app;
    }

    private static string Render(HttpContext context, DashboardView view)
    {
        var language = AdminLanguage.Resolve(context);
        var text = CaseText.For(language);
        string T(string zh, string en) => text.IsChinese ? zh : en;
        var target = view.Target;
        var targetNote = T($"{target.Year}年覆盖率目标：{Percent.Of(target.Rate)}（《三年提升行动》{target.TargetYear}年目标，2020年40%、2021年60%、2022年80%）",
            $"Coverage target for {target.Year}: {Percent.Of(target.Rate)} (the three-year plan's target for {target.TargetYear}: 40% in 2020, 60% in 2021, 80% in 2022)");

        string OverdueRows(IEnumerable<OverdueCounts> rows) => string.Concat(rows.Select(r => $"""
            <tr data-unit-id="{E(r.UnitId)}">
              <td><a href="{CaseListPage.Path}?unit={Uri.EscapeDataString(r.UnitId)}&amp;status=Open">{E(r.UnitName)}</a></td>
              <td class="overdue-tasks">{r.OverdueTasks}</td><td class="overdue-filings">{r.OverdueFilings}</td>
              <td>{string.Join(" ", r.CaseIds.Select((id, i) => $"<a href=\"{E(CasePage.PathOf(id))}\">{i + 1}</a>"))}</td>
            </tr>
            """));
        var overdueHead = $"<tr><th>{E(T("单位", "Unit"))}</th><th>{E(T("逾期任务", "Overdue tasks"))}</th><th>{E(T("逾期未备案", "Overdue filings"))}</th><th>{E(T("涉及案件", "Cases"))}</th></tr>";
        var coverageRows = string.Concat(view.Coverage.Select(c => $"""
            <tr data-street-id="{E(c.StreetId)}">
              <td>{E(c.StreetName)}</td><td>{c.Compounds}</td><td>{c.OwnersCommittees}</td><td>{c.ManagementCommittees}</td>
              <td class="committee-rate {(c.CommitteeRateMeetsTarget ? "meets" : "below")}">{Percent.Of(c.CommitteeRate)}</td>
              <td>{c.WithCompany}</td><td class="management-rate {(c.PropertyManagementRateMeetsTarget ? "meets" : "below")}">{Percent.Of(c.PropertyManagementRate)}</td>
            </tr>
            """));
        var stars = view.StarRatings.Count == 0
            ? $"<p class=\"muted\">{E(T("暂无星级评比结果（星级评比程序完成区级复核后显示）。", "No star ratings yet (shown once a star-rating procedure's district review is done)."))}</p>"
            : $"<table><thead><tr><th>{E(text.Compound)}</th><th>{E(T("物业服务企业", "Company"))}</th><th>{E(text.Street)}</th><th>{E(T("年度", "Year"))}</th><th>{E(T("复核得分", "Score"))}</th><th>{E(T("星级", "Stars"))}</th></tr></thead><tbody>"
              + string.Concat(view.StarRatings.Select(s => $"<tr><td><a href=\"{E(CasePage.PathOf(s.CaseId))}\">{E(s.CompoundName)}</a></td><td>{E(s.CompanyName)}</td><td>{E(s.StreetName)}</td><td>{s.Year}</td>"
                                                             + $"<td>{s.Score.ToString("0.#", CultureInfo.InvariantCulture)}</td><td>{(s.Disqualified ? E(T("一票否决", "Disqualified")) : new string('★', s.Stars) + new string('☆', 5 - s.Stars))}</td></tr>"))
              + "</tbody></table>";

        var chartData = JsonSerializer.Serialize(new
        {
            streets = view.Coverage.Select(c => c.StreetName),
            committee = view.Coverage.Select(c => Math.Round(c.CommitteeRate * 100, 1)),
            management = view.Coverage.Select(c => Math.Round(c.PropertyManagementRate * 100, 1)),
            target = Math.Round(target.Rate * 100, 1),
            overdueStreets = view.Streets.Select(s => s.UnitName),
            overdueTasks = view.Streets.Select(s => s.OverdueTasks),
            overdueFilings = view.Streets.Select(s => s.OverdueFilings),
            labels = new
            {
                committee = T("业委会/物管会覆盖率 %", "Owners' / management committees %"),
                management = T("物业管理覆盖率 %", "Property management %"),
                target = T($"目标 {Percent.Of(target.Rate)}", $"Target {Percent.Of(target.Rate)}"),
                tasks = T("逾期任务", "Overdue tasks"),
                filings = T("逾期未备案", "Overdue filings"),
            },
        }, ChartJson);

        var body = $$"""
            <style>
              .charts { display: flex; flex-wrap: wrap; gap: 16px; }
              .charts .panel { flex: 1 1 420px; }
              .chart-box { position: relative; height: 280px; }
              td.below { color: #b00020; font-weight: 500; } td.meets { color: #1b5e20; font-weight: 500; }
            </style>
            <p class="panel" id="target-note">{{E(targetNote)}}<br><span class="muted">{{E(T($"统计日期：{view.Today}（北京时间）。逾期：仍未办结且已过办理期限。", $"As of {view.Today} (China). Overdue: still open after its due date."))}}</span></p>
            <div class="charts">
              <section class="panel"><h2>{{E(T("各街道覆盖率与目标", "Coverage per street against the target"))}}</h2><div class="chart-box"><canvas id="coverage-chart"></canvas></div></section>
              <section class="panel"><h2>{{E(T("各街道逾期事项", "Overdue per street"))}}</h2><div class="chart-box"><canvas id="overdue-chart"></canvas></div></section>
            </div>
            <section class="panel" id="coverage"><h2>{{E(T("业委会与物业管理覆盖率（按街道）", "Committee and property-management coverage per street"))}}</h2>
              <table><thead><tr><th>{{E(text.Street)}}</th><th>{{E(T("小区数", "Compounds"))}}</th><th>{{E(T("业委会", "Owners' committees"))}}</th><th>{{E(T("物管会", "Management committees"))}}</th>
              <th>{{E(T("业委会/物管会覆盖率", "Committee coverage"))}}</th><th>{{E(T("有物业服务企业", "With a company"))}}</th><th>{{E(T("物业管理覆盖率", "Property management coverage"))}}</th></tr></thead>
              <tbody>{{coverageRows}}</tbody></table>
            </section>
            <section class="panel" id="overdue-streets"><h2>{{E(T("逾期情况（按街道）", "Overdue per street"))}}</h2><table><thead>{{overdueHead}}</thead><tbody>{{OverdueRows(view.Streets)}}</tbody></table></section>
            <section class="panel" id="overdue-communities"><h2>{{E(T("逾期情况（按社区）", "Overdue per community"))}}</h2><table><thead>{{overdueHead}}</thead><tbody>{{OverdueRows(view.Communities)}}</tbody></table></section>
            <section class="panel" id="star-ratings"><h2>{{E(T("星级评比", "Star ratings"))}}</h2>{{stars}}</section>
            <script src="{{DashboardAssets.ChartScriptPath}}"></script>
            <script id="dashboard-data" type="application/json">{{chartData}}</script>
            <script>
              (function () {
                var d = JSON.parse(document.getElementById('dashboard-data').textContent);
                var common = { animation: false, responsive: true, maintainAspectRatio: false };
                new Chart(document.getElementById('coverage-chart'), {
                  type: 'bar',
                  data: { labels: d.streets, datasets: [
                    { label: d.labels.committee, data: d.committee, backgroundColor: '#3f6fb5' },
                    { label: d.labels.management, data: d.management, backgroundColor: '#7fb069' },
                    { type: 'line', label: d.labels.target, data: d.streets.map(function () { return d.target; }), borderColor: '#d32f2f', pointRadius: 0, borderDash: [6, 4] }
                  ] },
                  options: Object.assign({ scales: { y: { min: 0, max: 100 } } }, common)
                });
                new Chart(document.getElementById('overdue-chart'), {
                  type: 'bar',
                  data: { labels: d.overdueStreets, datasets: [
                    { label: d.labels.tasks, data: d.overdueTasks, backgroundColor: '#d32f2f' },
                    { label: d.labels.filings, data: d.overdueFilings, backgroundColor: '#f9a825' }
                  ] },
                  options: Object.assign({ scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }, common)
                });
              })();
            </script>
            """;
        return PageFrame.Render(text.Dashboard, language, context, body);
    }
}
