namespace Workflows.Host.District;

/// <summary>The audit actions of the district registers and the holiday calendar.</summary>
public static class DistrictAudit
{
    public const string Create = "district.create";
    public const string Update = "district.update";
    public const string Delete = "district.delete";
    public const string Deactivate = "district.deactivate";
    public const string Activate = "district.activate";
    public const string Import = "district.import";
    public const string HolidayYearEnter = "calendar.year.enter";

    public static class Resources
    {
        public const string Unit = "unit";
        public const string Compound = "compound";
        public const string Company = "property-company";
        public const string Committee = "committee";
        public const string HolidayYear = "holiday-year";
    }

    public static readonly IReadOnlyList<(string Action, string Chinese, string English)> Known =
    [
        (Create, "新增辖区登记", "Register entry created"),
        (Update, "修改辖区登记", "Register entry changed"),
        (Delete, "删除辖区登记", "Register entry deleted"),
        (Deactivate, "停用", "Deactivated"),
        (Activate, "启用", "Reactivated"),
        (Import, "Excel 导入辖区数据", "District imported from Excel"),
        (HolidayYearEnter, "录入节假日安排", "Holiday year entered"),
    ];
}
