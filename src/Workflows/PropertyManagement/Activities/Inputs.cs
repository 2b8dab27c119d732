using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.Runtime.Activities;

namespace Workflows.PropertyManagement.Activities;

/// <summary>Input descriptors the activities share, with Chinese labels for the designer.</summary>
internal static class Inputs
{
    public const string DeadlineCategory = "期限";

    public static InputDescriptor Text(string name, string displayName, string? description = null, float order = 0,
        bool required = false, string? defaultValue = null, string uiHint = UiHints.SingleLine) => new()
    {
        Name = name, TypeName = "String", DisplayName = displayName, Description = description, Order = order,
        IsRequired = required, UiHint = uiHint, DefaultValue = defaultValue is null ? null : JsonValue.Create(defaultValue),
    };

    public static InputDescriptor Office(string name, string displayName, Actor defaultValue, string description, float order, bool allowNone = false)
    {
        var items = Actors.Offices.Select(o => (o.ChineseName(), o.ToString())).ToList();
        if (allowNone) items.Insert(0, ("（自动：上一级）", ""));
        return new InputDescriptor
        {
            Name = name, TypeName = "String", DisplayName = displayName, Description = description, Order = order,
            UiHint = UiHints.Dropdown, UiSpecifications = UiHints.DropdownItems([.. items]),
            DefaultValue = JsonValue.Create(allowNone ? "" : defaultValue.ToString()),
        };
    }

    public static InputDescriptor AnyActor(string name, string displayName, Actor defaultValue, string description, float order,
        IEnumerable<Actor>? choices = null, bool allowNone = false)
    {
        var items = (choices ?? Enum.GetValues<Actor>()).Select(a => (a.ChineseName(), a.ToString())).ToList();
        if (allowNone) items.Insert(0, ("（无）", ""));
        return new InputDescriptor
        {
            Name = name, TypeName = "String", DisplayName = displayName, Description = description, Order = order,
            UiHint = UiHints.Dropdown, UiSpecifications = UiHints.DropdownItems([.. items]),
            DefaultValue = JsonValue.Create(allowNone ? "" : defaultValue.ToString()),
        };
    }

    public static InputDescriptor Outcomes(float order) => new()
    {
        Name = "Outcomes", TypeName = "List<String>", DisplayName = "办理结果选项",
        Description = "官员办结时选择的结果，每项成为一个出口（例如 已解决、上报）。留空时办结走“Done”出口。",
        Order = order, UiHint = UiHints.DynamicOutcomes, DefaultSyntax = "Object",
        UiSpecifications = new JsonObject
        {
            ["DynamicOutcomesOptions"] = new JsonObject { ["fixedOutcomes"] = new JsonArray(PmActivities.Done, PmActivities.Overdue) },
        },
    };

    public static InputDescriptor FormFields(float order) => new()
    {
        Name = "FormFields", TypeName = "Object", DisplayName = "表单字段",
        Description = "办结时填写的字段（JSON 数组），例如 [{\"name\":\"meetingOn\",\"label\":\"会议日期\",\"type\":\"date\",\"required\":true}]；type 可为 text、multiline、date、number、choice、boolean。",
        Order = order, UiHint = UiHints.JsonEditor, DefaultSyntax = "Object",
    };

    public static InputDescriptor CloseWhenOverdue(float order, string description) => new()
    {
        Name = "CloseWhenOverdue", TypeName = "Boolean", DisplayName = "逾期即转交",
        Description = description, Order = order, UiHint = UiHints.Checkbox, DefaultValue = JsonValue.Create(false),
    };

    /// <summary>The deadline: amount, unit, direction, start date, a second source's period, and reminders.</summary>
    public static IEnumerable<InputDescriptor> Deadline(int defaultPeriod, string defaultUnit, float order, bool withOfficeFiling)
    {
        yield return new InputDescriptor
        {
            Name = "Period", TypeName = "Int32", DisplayName = "期限", Category = DeadlineCategory, Order = order,
            Description = "期限数量；0 表示无期限。", DefaultValue = JsonValue.Create(defaultPeriod),
        };
        yield return new InputDescriptor
        {
            Name = "PeriodUnit", TypeName = "String", DisplayName = "期限单位", Category = DeadlineCategory, Order = order + 0.1f,
            Description = "“日”为自然日（《民法典》第二百零一条、第二百零三条）；只有“工作日”不计周末和法定节假日。",
            UiHint = UiHints.Dropdown, DefaultValue = JsonValue.Create(defaultUnit),
            UiSpecifications = UiHints.DropdownItems(("日（自然日）", PeriodUnit.Days), ("工作日", PeriodUnit.WorkingDays), ("个月", PeriodUnit.Months)),
        };
        yield return new InputDescriptor
        {
            Name = "Before", TypeName = "Boolean", DisplayName = "倒数（在起算日之前）", Category = DeadlineCategory, Order = order + 0.2f,
            Description = "勾选表示“在某日之前至少N日”，自起算日向前倒数（例如合同期满前3个月）。",
            UiHint = UiHints.Checkbox, DefaultValue = JsonValue.Create(false),
        };
        yield return new InputDescriptor
        {
            Name = "CountedFrom", TypeName = "String", DisplayName = "起算日", Category = DeadlineCategory, Order = order + 0.3f,
            Description = "YYYY-MM-DD，可用 JavaScript 或 Liquid，例如 getWorkflowInput('signedOn') 或 getVariable('electedOn')。"
                          + "留空：自本步骤开始当日（北京时间）起算；倒数期限留空则不设期限。",
        };
        yield return new InputDescriptor
        {
            Name = "AlternativePeriod", TypeName = "String", DisplayName = "另一来源期限", Category = DeadlineCategory, Order = order + 0.4f,
            Description = "不同规定期限不一致时填写另一期限（例如 90日），取较早的到期日。",
        };
        if (withOfficeFiling)
        {
            yield return new InputDescriptor
            {
                Name = "AtOffice", TypeName = "Boolean", DisplayName = "到办公场所办理", Category = DeadlineCategory, Order = order + 0.5f,
                Description = "到期日以办公时间结束为止（《民法典》第二百零三条第二款，下班时间见配置 Calendar:OfficeClosing，默认17:30）；否则到期日24时。",
                UiHint = UiHints.Checkbox, DefaultValue = JsonValue.Create(true),
            };
        }
        yield return new InputDescriptor
        {
            Name = "Reminders", TypeName = "String", DisplayName = "提醒（到期前天数）", Category = DeadlineCategory, Order = order + 0.6f,
            Description = "到期前若干日提醒，逗号分隔，0 为到期当日（例如 5,1,0）。",
            DefaultValue = JsonValue.Create("5,1,0"),
        };
    }
}
