namespace Workflows.PropertyManagement.Filings;

/// <summary>What is filed (备案) or reported with an authority by a deadline.</summary>
public enum FilingType
{
    /// <summary>物业服务合同备案: 15 days from signing (seed 001 item 12; HN2017 art. 49).</summary>
    ServiceContract,

    /// <summary>业主委员会备案: 30 days from the election (regulation art. 16; HN2017 art. 29).</summary>
    OwnersCommittee,

    /// <summary>承接查验备案: 30 days from the handover (seed 001 item 13; HN2017 art. 46).</summary>
    HandoverInspection,

    /// <summary>承接查验情况公示: 5 days from the filing (seed 001 item 13).</summary>
    HandoverPublicity,

    /// <summary>不续聘通知报告: the company's non-renewal notice, reported to the street office (Civil Code art. 947; HN2017 art. 51).</summary>
    NonRenewalNotice,

    /// <summary>应急物业服务抄送: the street office copies the emergency appointment to the housing bureau (seed 001 item 15).</summary>
    EmergencyServiceReport,
}

public static class FilingTypes
{
    public static string ChineseName(this FilingType type) => type switch
    {
        FilingType.ServiceContract => "物业服务合同备案",
        FilingType.OwnersCommittee => "业主委员会备案",
        FilingType.HandoverInspection => "承接查验备案",
        FilingType.HandoverPublicity => "承接查验情况公示",
        FilingType.NonRenewalNotice => "不续聘通知报告",
        FilingType.EmergencyServiceReport => "应急物业服务报告（抄送区住建局）",
        _ => type.ToString(),
    };
}
