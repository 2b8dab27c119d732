using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Filings;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Tools.DataGenerator;

/// <summary>One officer step of a procedure: who does it and in how many days (the definitions' periods).</summary>
internal sealed record Step(string Title, Actor Role, int Days, IReadOnlyList<string> Outcomes);

/// <summary>A filing a procedure opens after its steps: who files, with whom, within how many days.</summary>
internal sealed record FilingStep(FilingType Type, Actor Responsible, Actor Authority, int Days);

/// <summary>
/// A procedure as the generator lays it down: its share of all cases, its steps in order (escalation steps are
/// taken by only some cases, <see cref="EscalationShare"/>), and its filing.
/// </summary>
internal sealed record ProcedureShape(string Procedure, double Share, IReadOnlyList<Step> Steps, int AlwaysTaken, double EscalationShare, FilingStep? Filing);

/// <summary>
/// The mix of a district's caseload: 12345 complaints dominate, monthly joint meetings and contract filings follow,
/// the rest are rarer. Steps, periods and filings follow procedures.md (P1–P9).
/// </summary>
internal static class ProcedureShapes
{
    private static readonly string[] Done = ["办结"];

    public static readonly IReadOnlyList<ProcedureShape> All =
    [
        new(ProcedureCatalog.ComplaintEscalation, 0.46,
            [new("社区受理调解", Actor.Community, 10, ["调解成功", "调解不成"]), new("街道调处", Actor.StreetOffice, 15, ["调处成功", "调处不成"]),
             new("区物业管理领导小组协调", Actor.DistrictLeadingGroup, 30, ["协调办结"])],
            AlwaysTaken: 1, EscalationShare: 0.3, Filing: null),
        new(ProcedureCatalog.JointMeeting, 0.15, [new("召开物业管理联席会议", Actor.StreetOffice, 30, Done), new("报送联席会议纪要", Actor.StreetOffice, 5, Done)],
            AlwaysTaken: 2, EscalationShare: 0, Filing: null),
        new(ProcedureCatalog.ContractFiling, 0.14, [new("核对物业服务合同备案材料", Actor.StreetOffice, 5, ["材料齐全", "退回补正"])],
            AlwaysTaken: 1, EscalationShare: 0, new(FilingType.ServiceContract, Actor.PropertyCompany, Actor.DistrictHousingBureau, 15)),
        new(ProcedureCatalog.HandoverInspectionFiling, 0.05, [new("监督承接查验", Actor.StreetOffice, 15, Done), new("承接查验情况公示", Actor.Community, 5, Done)],
            AlwaysTaken: 2, EscalationShare: 0, new(FilingType.HandoverInspection, Actor.PropertyCompany, Actor.DistrictHousingBureau, 30)),
        new(ProcedureCatalog.PropertyCompanySelection, 0.05,
            [new("指导业主大会选聘物业服务企业", Actor.StreetOffice, 30, ["选聘", "续聘", "解聘"]), new("监督新旧物业交接", Actor.Community, 15, Done)],
            AlwaysTaken: 2, EscalationShare: 0, new(FilingType.ServiceContract, Actor.PropertyCompany, Actor.DistrictHousingBureau, 15)),
        new(ProcedureCatalog.EmergencyTakeover, 0.03,
            [new("报告物业退出预警", Actor.Community, 3, Done), new("指定应急物业服务人", Actor.StreetOffice, 15, Done)],
            AlwaysTaken: 2, EscalationShare: 0, new(FilingType.EmergencyServiceReport, Actor.StreetOffice, Actor.DistrictHousingBureau, 5)),
        new(ProcedureCatalog.FirstOwnersAssembly, 0.03,
            [new("组建首次业主大会筹备组", Actor.StreetOffice, 60, Done), new("指导召开首次业主大会", Actor.Community, 60, ["选举成功", "未达法定人数"])],
            AlwaysTaken: 2, EscalationShare: 0, new(FilingType.OwnersCommittee, Actor.OwnersCommittee, Actor.StreetOffice, 30)),
        new(ProcedureCatalog.CommitteeReelection, 0.04,
            [new("启动业委会换届指导", Actor.StreetOffice, 30, Done), new("监督换届移交", Actor.Community, 10, Done)],
            AlwaysTaken: 2, EscalationShare: 0, new(FilingType.OwnersCommittee, Actor.OwnersCommittee, Actor.StreetOffice, 30)),
        new(ProcedureCatalog.UnlawfulDecisionCorrection, 0.02,
            [new("审查业主大会决定", Actor.StreetOffice, 15, ["合法", "责令改正"]), new("督促限期改正", Actor.StreetOffice, 30, ["已改正", "予以撤销"])],
            AlwaysTaken: 1, EscalationShare: 0.5, Filing: null),
        new(ProcedureCatalog.StarRating, 0.03,
            [new("街道初评申报", Actor.StreetOffice, 30, Done), new("区住建局复核评分", Actor.DistrictHousingBureau, 30, Done)],
            AlwaysTaken: 2, EscalationShare: 0, Filing: null),
    ];

    /// <summary>A procedure drawn by its share.</summary>
    public static ProcedureShape Draw(Random random)
    {
        var x = random.NextDouble() * All.Sum(p => p.Share);
        foreach (var shape in All)
        {
            x -= shape.Share;
            if (x <= 0) return shape;
        }
        return All[^1];
    }
}
