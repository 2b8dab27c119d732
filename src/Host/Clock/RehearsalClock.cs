namespace Workflows.Host.Clock;

/// <summary>Moves the service's time forward (Development rehearsals and tests); see <c>/api/dev/clock</c>.</summary>
public interface IClockControl
{
    DateTimeOffset Now { get; }

    void Advance(TimeSpan delta);
}

/// <summary>
/// The system clock plus an offset that only grows. In Development it lets an officer rehearse a 15-day
/// deadline in seconds; elsewhere it is not registered and the plain system clock is used.
/// </summary>
public sealed class RehearsalClock : TimeProvider, IClockControl
{
    private long _offsetTicks;

    public DateTimeOffset Now => GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delta), "Time only moves forward.");
        Interlocked.Add(ref _offsetTicks, delta.Ticks);
    }
}
