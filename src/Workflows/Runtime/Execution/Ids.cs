namespace Workflows.Runtime.Execution;

/// <summary>Identifiers for instances, bookmarks and journal records: time-ordered, so lists sort naturally.</summary>
public static class Ids
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
