using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary>
/// Checks a procedure's start input and fills what the registers know (the compound's company, the committee's term
/// end, today's date). Errors are keyed <c>input.&lt;field&gt;</c>.
/// </summary>
internal static class ProcedureInputs
{
    private static readonly string[] Modes = ["选聘", "续聘", "解聘"];
    private static readonly string[] Channels = ["社区", "街道窗口", "12345"];

    public static (JsonObject Input, Dictionary<string, string[]> Errors) Normalize(
        Procedure procedure, JsonObject? given, CompoundProfile profile, DateOnly today, CaseInputOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        // Size and text first: nothing below should copy or read a 3 MB complaint or a lone surrogate.
        CaseInputLimits.Check(given, limits, errors);
        if (errors.Count > 0) return (given ?? [], errors);
        var input = given?.DeepClone().AsObject() ?? [];

        // Dates first: every declared date must read as YYYY-MM-DD, and a past event cannot be in the future.
        foreach (var field in procedure.Inputs.Where(f => f.Type == "date"))
        {
            var text = Text(input, field.Name);
            if (text is null)
            {
                if (field.Required) errors["input." + field.Name] = [$"请填写“{field.Label}”（YYYY-MM-DD）。"];
                continue;
            }
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors["input." + field.Name] = [$"“{text}”不是日期，“{field.Label}”应为 YYYY-MM-DD。"];
            else if (CaseInputLimits.DateProblem(date, field.Label) is { } problem)
                errors["input." + field.Name] = [problem];
        }
        foreach (var field in procedure.Inputs.Where(f => f.Required && f.Type == "text"))
        {
            if (Text(input, field.Name) is null) errors["input." + field.Name] = [$"请填写“{field.Label}”。"];
        }

        switch (procedure.DefinitionId)
        {
            case ProcedureCatalog.ContractFiling:
                NotInFuture(input, "signedOn", "合同签订日期", today, errors);
                Company(input, profile, errors);
                break;
            case ProcedureCatalog.FirstOwnersAssembly:
                Default(input, "appliedOn", today);
                NotInFuture(input, "appliedOn", "申请日期", today, errors);
                break;
            case ProcedureCatalog.PropertyCompanySelection:
                input["mode"] ??= "选聘";
                if (!Modes.Contains(Text(input, "mode")))
                    errors["input.mode"] = [$"方式应为 {string.Join("、", Modes)} 之一。"];
                Company(input, profile, errors: null);
                break;
            case ProcedureCatalog.HandoverInspectionFiling:
                Company(input, profile, errors);
                break;
            case ProcedureCatalog.EmergencyTakeover:
                Default(input, "reportedOn", today);
                NotInFuture(input, "reportedOn", "预警报告日期", today, errors);
                break;
            case ProcedureCatalog.ComplaintEscalation:
                input["channel"] ??= "社区";
                if (!Channels.Contains(Text(input, "channel")))
                    errors["input.channel"] = [$"受理渠道应为 {string.Join("、", Channels)} 之一。"];
                if (input["complainant"] is not (null or JsonObject))
                    errors["input.complainant"] = ["投诉人应为对象 {\"name\",\"mobile\",\"email\"}。"];
                break;
            case ProcedureCatalog.CommitteeReelection:
                if (Text(input, "termEnd") is null)
                {
                    if (profile.Committee?.TermEnd is { } termEnd)
                        input["termEnd"] = termEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    else
                        errors["input.termEnd"] = ["该小区没有登记业主委员会任期，请填写任期届满日（YYYY-MM-DD）。"];
                }
                break;
            case ProcedureCatalog.StarRating:
                input["year"] ??= today.Year;
                if (input["year"] is not JsonValue y || !int.TryParse(y.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                    || year is < 2000 or > 2100)
                    errors["input.year"] = ["评比年度应为四位年份。"];
                else
                    input["year"] = year;
                break;
        }
        return (input, errors);
    }

    /// <summary>The contracting company: as given (name required), else the compound's registered one.</summary>
    private static void Company(JsonObject input, CompoundProfile profile, Dictionary<string, string[]>? errors)
    {
        if (input["company"] is JsonObject given)
        {
            if (Text(given, "name") is null && errors is not null)
                errors["input.company.name"] = ["请填写物业服务企业名称。"];
            return;
        }
        if (input["company"] is not null)
        {
            errors?.Add("input.company", ["物业服务企业应为对象 {\"name\",\"email\",\"mobile\"}。"]);
            return;
        }
        if (profile.Company is { } company)
        {
            var contact = company.Contacts.FirstOrDefault();
            input["company"] = new JsonObject { ["name"] = company.Name, ["email"] = contact?.Email, ["mobile"] = contact?.Mobile };
        }
        else
        {
            errors?.Add("input.company", ["该小区没有登记物业服务企业，请提供 company（name、email、mobile）。"]);
        }
    }

    private static void Default(JsonObject input, string name, DateOnly today)
    {
        if (Text(input, name) is null) input[name] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static void NotInFuture(JsonObject input, string name, string label, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (errors.ContainsKey("input." + name)) return;
        if (Text(input, name) is { } text
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date > today)
            errors["input." + name] = [$"“{label}”{text} 晚于今天（{today:yyyy-MM-dd}）。"];
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
