namespace Workflows.PropertyManagement.Cases;

/// <summary>One field of a procedure's start input.</summary>
public sealed record ProcedureInput(string Name, string Label, string Type, bool Required = false);

/// <summary>A statutory procedure the service runs (procedures.md P1-P9), by its definition id.</summary>
public sealed record Procedure(string DefinitionId, string Code, string Name, string Description, IReadOnlyList<ProcedureInput> Inputs);

/// <summary>The procedures of procedures.md and what starting each one needs.</summary>
public static class ProcedureCatalog
{
    public const string FirstOwnersAssembly = "first-owners-assembly";
    public const string PropertyCompanySelection = "property-company-selection";
    public const string ContractFiling = "contract-filing";
    public const string HandoverInspectionFiling = "handover-inspection-filing";
    public const string EmergencyTakeover = "emergency-takeover";
    public const string ComplaintEscalation = "complaint-escalation";
    public const string CommitteeReelection = "committee-reelection";
    public const string UnlawfulDecisionCorrection = "unlawful-decision-correction";
    public const string StarRating = "star-rating";
    public const string JointMeeting = "joint-meeting";

    public static readonly IReadOnlyList<Procedure> All =
    [
        new(FirstOwnersAssembly, "P1", "首次业主大会与业委会备案", "开发建设单位或10名以上业主书面申请后，街道办组建筹备组、召开首次业主大会、选举业委会并备案。",
            [new("appliedOn", "申请日期", "date"), new("applicant", "申请人", "text")]),
        new(PropertyCompanySelection, "P2", "选聘、续聘或解聘物业服务企业", "业委会组织业主大会表决选聘/续聘/解聘，签订合同并在15日内备案，新旧物业交接。",
            [new("mode", "方式（选聘/续聘/解聘）", "text"), new("contractExpiry", "现合同期满日", "date")]),
        new(ContractFiling, "P2", "物业服务合同备案", "物业服务人应在合同签订之日起15日内报送区住建局和街道办事处备案。",
            [new("signedOn", "合同签订日期", "date", Required: true), new("company", "物业服务企业（name、email、mobile）", "object")]),
        new(HandoverInspectionFiling, "P3", "承接查验备案", "交付前15日完成承接查验，交接后30日内备案，备案后5日内公示。",
            [new("handoverOn", "物业交接日期", "date", Required: true), new("deliveryOn", "交付使用日期", "date")]),
        new(EmergencyTakeover, "P4", "应急物业服务（应急托管）", "物业服务企业退出预警后，社区报告街道办，街道办指定应急物业服务人并抄送区住建局。",
            [new("reportedOn", "预警报告日期", "date"), new("reason", "退出原因", "text")]),
        new(ComplaintEscalation, "P5", "矛盾纠纷三级调处", "社区调解10日，街道调处15日，区领导小组30日；逾期自动上报上一级。",
            [new("complaint", "投诉内容", "text", Required: true), new("channel", "受理渠道（社区/街道窗口/12345）", "text"),
             new("complainant", "投诉人（name、mobile、email）", "object")]),
        new(CommitteeReelection, "P6", "业委会换届", "任期届满前90日街道办启动换届指导；届满前完成换届；10日内移交；30日内备案。",
            [new("termEnd", "任期届满日", "date")]),
        new(UnlawfulDecisionCorrection, "P7", "责令限期改正违法决定", "业主大会、业委会决定违反法律法规的，责令限期改正或撤销，并通告全体业主。",
            [new("decision", "被审查的决定", "text", Required: true)]),
        new(StarRating, "P8", "老旧小区星级评比", "年初街道申报，下半年区物业办复核，年底公布结果。",
            [new("year", "评比年度", "number")]),
        new(JointMeeting, "P9", "物业管理联席会议（每月）", "街道办事处每月召集社区、业委会、物业服务企业和相关部门召开联席会议。", []),
    ];

    public static Procedure? Find(string? definitionId) =>
        All.FirstOrDefault(p => string.Equals(p.DefinitionId, definitionId, StringComparison.Ordinal));
}
