namespace Workflows.Runtime.Activities;

/// <summary>
/// The allow-list of activity types this runtime executes, keyed by Elsa's (type alias, version). Only types
/// registered explicitly can run; a definition naming any other type is refused.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<(string Type, int Version), IActivity> _byTypeAndVersion = [];

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        foreach (var activity in activities)
        {
            var key = (activity.Descriptor.TypeName, activity.Descriptor.Version);
            if (!_byTypeAndVersion.TryAdd(key, activity))
                throw new InvalidOperationException($"Activity type {key.TypeName} v{key.Version} is registered twice.");
        }
    }

    public IActivity? Find(string type, int version) => _byTypeAndVersion.GetValueOrDefault((type, version));

    public bool IsKnownType(string type) => _byTypeAndVersion.Keys.Any(k => k.Type == type);

    public IReadOnlyCollection<ActivityDescriptor> Descriptors =>
        _byTypeAndVersion.Values.Select(a => a.Descriptor).ToList();
}
