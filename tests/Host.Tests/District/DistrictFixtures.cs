using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.District;

/// <summary>
/// A small district as an admin would enter it: two streets, three communities, four compounds, each with its
/// company and committee. The credit codes carry correct GB 32100-2015 check characters (computed independently).
/// </summary>
internal static class DistrictFixtures
{
    public static readonly string[] CreditCodes = ["91411502MA44XQ1F0Y", "91411502MA44XQ2B1K", "91411502MA44XQ3K2L", "91411502MA44XQ4N3G"];

    public static IEnumerable<(string Path, JsonObject Body)> Requests(string companyEmailPrefix)
    {
        yield return ("/api/district/units", Unit("pingqiao", "信阳市平桥区", "区", null));
        yield return ("/api/district/units", Unit("pingqiao-zjj", "平桥区住房和城乡建设局", "区住建局", "pingqiao", "pq-zjj@example.com", "13800001000"));
        yield return ("/api/district/units", Unit("pingqiao-lg", "平桥区物业管理工作领导小组", "区领导小组", "pingqiao", "pq-lg@example.com", "13800001001"));
        yield return ("/api/district/units", Unit("pingzhong", "平中街道办事处", "街道办事处", "pingqiao", "pingzhong@example.com", "13800001010"));
        yield return ("/api/district/units", Unit("qianjin", "前进街道办事处", "街道办事处", "pingqiao", "qianjin@example.com", "13800001020"));
        yield return ("/api/district/units", Unit("pingzhong-1", "平中第一社区", "社区", "pingzhong", "pz1@example.com", "13800001011"));
        yield return ("/api/district/units", Unit("pingzhong-2", "平中第二社区", "社区", "pingzhong", "pz2@example.com", "13800001012"));
        yield return ("/api/district/units", Unit("qianjin-1", "前进第一社区", "社区", "qianjin", "qj1@example.com", "13800001021"));
        for (var i = 0; i < 4; i++)
        {
            yield return ("/api/district/companies", new JsonObject
            {
                ["id"] = $"wuye-{i + 1}",
                ["name"] = $"平桥第{i + 1}物业服务有限公司",
                ["creditCode"] = CreditCodes[i],
                ["contacts"] = new JsonArray(new JsonObject { ["name"] = "经理" + (i + 1), ["email"] = $"{companyEmailPrefix}-{i + 1}@wuye.test", ["mobile"] = $"1390000100{i + 1}" }),
            });
        }
        string[] communities = ["pingzhong-1", "pingzhong-1", "pingzhong-2", "qianjin-1"];
        for (var i = 0; i < 4; i++)
        {
            yield return ("/api/district/compounds", new JsonObject
            {
                ["id"] = $"xiaoqu-{i + 1}",
                ["name"] = $"平桥{i + 1}号小区",
                ["address"] = $"平桥区测试路{i + 1}号",
                ["communityId"] = communities[i],
                ["floorArea"] = 30_000 + i * 1_000,
                ["households"] = 300 + i * 10,
                ["companyId"] = $"wuye-{i + 1}",
                ["classification"] = i % 2 == 0 ? "五有" : "八有",
                ["oldCompound"] = i == 3,
                ["status"] = "有物业",
            });
            yield return ("/api/district/committees", new JsonObject
            {
                ["id"] = $"xiaoqu-{i + 1}-ywh",
                ["compoundId"] = $"xiaoqu-{i + 1}",
                ["kind"] = "业主委员会",
                ["name"] = $"平桥{i + 1}号小区业主委员会",
                ["chair"] = "李主任",
                ["members"] = new JsonArray("李主任", "王委员", "张委员"),
                ["termStart"] = "2024-01-01",
                ["termEnd"] = "2029-01-01",
                ["contact"] = new JsonObject { ["name"] = "李主任", ["email"] = $"ywh-{i + 1}@example.com", ["mobile"] = $"1370000100{i + 1}" },
            });
        }
    }

    private static JsonObject Unit(string id, string name, string kind, string? parent, string? email = null, string? mobile = null) => new()
    {
        ["id"] = id, ["name"] = name, ["kind"] = kind, ["parentId"] = parent, ["email"] = email, ["mobile"] = mobile,
    };
}
