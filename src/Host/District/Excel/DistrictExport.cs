using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Workflows.Host.District.Committees;
using Workflows.Host.District.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.District.Excel;

/// <summary>
/// <c>GET /api/district/{list}/export</c>: each register as an Excel workbook (.xlsx, MiniExcel) with Chinese column
/// headers, deactivated entries included and marked.
/// </summary>
internal static class DistrictExport
{
    private const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapDistrictExport(this RouteGroupBuilder district)
    {
        district.MapGet("/units/export", async (WorkflowsDbContext db, CancellationToken ct) =>
            Workbook("单位", (await db.Set<Unit>().AsNoTracking().Where(u => u.Kind != UnitKind.Compound).ToListAsync(ct))
                .OrderBy(u => u.Id, StringComparer.Ordinal)
                .Select(u => Row(("单位编码", u.Id), ("单位名称", u.Name), ("单位类型", UnitKinds.ChineseName(u.Kind)), ("上级单位编码", u.ParentId),
                    ("联系邮箱", u.Email), ("联系手机", u.Mobile), ("状态", u.Active ? "在用" : "已停用"))), "units.xlsx"))
            .WithSummary("导出单位树（Excel）/ The unit tree as .xlsx");
        district.MapGet("/companies/export", async (WorkflowsDbContext db, CancellationToken ct) =>
            Workbook("物业服务企业", (await db.Set<PropertyCompany>().AsNoTracking().ToListAsync(ct)).OrderBy(c => c.Id, StringComparer.Ordinal)
                .Select(c => Row(("企业编码", c.Id), ("企业名称", c.Name), ("统一社会信用代码", c.CreditCode),
                    ("联系人", c.Contacts.FirstOrDefault()?.Name), ("联系邮箱", c.Contacts.FirstOrDefault()?.Email), ("联系手机", c.Contacts.FirstOrDefault()?.Mobile),
                    ("状态", c.Active ? "在用" : "已停用"))), "companies.xlsx"))
            .WithSummary("导出物业服务企业（Excel）/ The companies as .xlsx");
        district.MapGet("/compounds/export", async (WorkflowsDbContext db, CancellationToken ct) =>
            Workbook("小区", (await db.Set<Compound>().AsNoTracking().ToListAsync(ct)).OrderBy(c => c.Id, StringComparer.Ordinal)
                .Select(c => Row(("小区编码", c.Id), ("小区名称", c.Name), ("地址", c.Address), ("所属社区编码", c.CommunityId),
                    ("建筑面积（平方米）", c.FloorArea), ("户数", c.Households), ("物业服务企业编码", c.CompanyId),
                    ("分类", c.Classification?.ChineseName()), ("老旧小区", c.OldCompound ? "是" : "否"), ("物业管理状态", c.Status.ChineseName()),
                    ("状态", c.Active ? "在用" : "已停用"))), "compounds.xlsx"))
            .WithSummary("导出小区（Excel）/ The compounds as .xlsx");
        district.MapGet("/committees/export", async (WorkflowsDbContext db, CancellationToken ct) =>
            Workbook("业主委员会", (await db.Set<Committee>().AsNoTracking().ToListAsync(ct)).OrderBy(c => c.Id, StringComparer.Ordinal)
                .Select(c => Row(("委员会编码", c.Id), ("所属小区编码", c.CompoundId), ("类型", CommitteeAdminView.NameOf(c.Kind)), ("名称", c.Name),
                    ("主任", c.Chair), ("委员", string.Join("、", c.Members)), ("任期开始", Date(c.TermStart)), ("任期届满", Date(c.TermEnd)),
                    ("联系人", c.Contact?.Name), ("联系邮箱", c.Contact?.Email), ("联系手机", c.Contact?.Mobile))), "committees.xlsx"))
            .WithSummary("导出业主委员会（Excel）/ The committees as .xlsx");
        return district;
    }

    private static Dictionary<string, object?> Row(params (string Header, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Header, c => c.Value, StringComparer.Ordinal);

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static FileContentHttpResult Workbook(string sheet, IEnumerable<Dictionary<string, object?>> rows, string fileName)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), sheetName: sheet);
        return TypedResults.File(stream.ToArray(), ContentType, fileName);
    }
}
