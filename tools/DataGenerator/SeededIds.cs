namespace Workflows.Tools.DataGenerator;

/// <summary>
/// Ids shaped like the service's own (time-ordered version-7 style, 32 hex digits: the event's Unix milliseconds,
/// then random digits), drawn from the seeded generator so that a seed reproduces them.
/// </summary>
internal sealed class SeededIds(Random random)
{
    public string At(DateTimeOffset instant) =>
        $"{instant.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFF:x12}{random.NextInt64() & 0xFFFF_FFFF_FFFF:x12}{random.Next() & 0xFF_FFFF:x6}{random.Next() & 0xFF:x2}";
}
