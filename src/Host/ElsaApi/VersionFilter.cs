using Workflows.Host.Persistence;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// Elsa's VersionOptions as a filter over versions. In a list, absent or empty means every version: the
/// instance list looks up the exact version ids of its rows with <c>versionOptions=</c> and drops the rows it
/// cannot find. Picking one version takes the highest version that passes the filter.
/// </summary>
internal readonly record struct VersionFilter(VersionFilter.Kinds Kind, int Number = 0)
{
    public enum Kinds
    {
        AllVersions,
        Latest,
        Published,
        LatestOrPublished,
        LatestAndPublished,
        Draft,
        Specific,
    }

    public static readonly VersionFilter AllVersions = new(Kinds.AllVersions);
    public static readonly VersionFilter Latest = new(Kinds.Latest);

    /// <summary>Parses the query form; returns false (with the reason) for anything Elsa would not accept.</summary>
    public static bool TryParse(string? text, VersionFilter fallback, out VersionFilter filter, out string? error)
    {
        error = null;
        filter = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        text = text.Trim();
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            filter = new VersionFilter(Kinds.Specific, number);
            return true;
        }
        if (Enum.TryParse<Kinds>(text, ignoreCase: true, out var kind) && kind != Kinds.Specific && Enum.IsDefined(kind))
        {
            filter = new VersionFilter(kind);
            return true;
        }
        error = $"'{text}' is not a version option (Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions or a version number).";
        return false;
    }

    public IQueryable<DefinitionRecord> Apply(IQueryable<DefinitionRecord> query)
    {
        var number = Number;
        return Kind switch
        {
            Kinds.Latest => query.Where(d => d.IsLatest),
            Kinds.Published => query.Where(d => d.IsPublished),
            Kinds.LatestOrPublished => query.Where(d => d.IsLatest || d.IsPublished),
            Kinds.LatestAndPublished => query.Where(d => d.IsLatest && d.IsPublished),
            Kinds.Draft => query.Where(d => !d.IsPublished),
            Kinds.Specific => query.Where(d => d.Version == number),
            _ => query,
        };
    }

    public override string ToString() => Kind == Kinds.Specific ? Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : Kind.ToString();
}
