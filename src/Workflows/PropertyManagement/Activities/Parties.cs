using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.Runtime.Execution;

namespace Workflows.PropertyManagement.Activities;

/// <summary>Who an actor is for this case, and how to reach them.</summary>
internal sealed record Party(Actor Actor, string Name, string? Email, string? Mobile, string? CompanyId = null);

/// <summary>
/// Resolves actors to the parties of a case: offices from the jurisdiction tree, the company from the case input
/// (<c>company</c>: a contract may name a company other than the registered one) or the register, the committee,
/// and the complainant from the case input.
/// </summary>
internal static class Parties
{
    public static Party? Resolve(Actor actor, ActivityExecutionContext context, CompoundProfile profile)
    {
        if (actor.IsOffice())
        {
            var unit = profile.UnitFor(actor);
            return new Party(actor, unit.Name, unit.Email, unit.Mobile);
        }
        return actor switch
        {
            Actor.PropertyCompany => Company(context, profile),
            Actor.OwnersCommittee or Actor.PropertyManagementCommittee when profile.Committee is { } c =>
                new Party(actor, c.Name, c.Contact?.Email, c.Contact?.Mobile),
            Actor.Complainant => FromInput(actor, context, "complainant", "投诉人"),
            Actor.AllOwners => new Party(actor, $"{profile.Compound.Name}全体业主", null, null),
            _ => null,
        };
    }

    public static Party? Company(ActivityExecutionContext context, CompoundProfile profile)
    {
        if (FromInput(Actor.PropertyCompany, context, "company", null) is { } named)
        {
            var registered = profile.Company is { } c && c.Name == named.Name ? c.Id : null;
            return named with { CompanyId = registered };
        }
        if (profile.Company is not { } company) return null;
        var contact = company.Contacts.FirstOrDefault();
        return new Party(Actor.PropertyCompany, company.Name, contact?.Email, contact?.Mobile, company.Id);
    }

    private static Party? FromInput(Actor actor, ActivityExecutionContext context, string key, string? fallbackName)
    {
        if (context.Workflow.Input.GetValueOrDefault(key) is not JsonObject o) return null;
        var name = Str(o["name"]) ?? fallbackName;
        return name is null ? null : new Party(actor, name, Str(o["email"]), Str(o["mobile"]));
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
