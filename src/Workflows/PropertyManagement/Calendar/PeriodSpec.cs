namespace Workflows.PropertyManagement.Calendar;

/// <summary>
/// A period as the law or a definition states it: a number of days (calendar or working) or of months, counted
/// forward from a trigger, or backward from an anchor when <see cref="Before"/> ("at least N days before X").
/// </summary>
public sealed record PeriodSpec
{
    /// <summary>Longest period in days accepted (100 years); no statutory period comes close.</summary>
    public const int MaxDays = 36_600;

    /// <summary>Longest period in months accepted (100 years).</summary>
    public const int MaxMonths = 1_200;

    /// <summary>Number of days; exactly one of <see cref="Days"/> and <see cref="Months"/> is set.</summary>
    public int? Days { get; init; }

    /// <summary>Number of months; exactly one of <see cref="Days"/> and <see cref="Months"/> is set.</summary>
    public int? Months { get; init; }

    /// <summary>Calendar (default) or working days; months are always calendar months.</summary>
    public PeriodKind Kind { get; init; } = PeriodKind.Calendar;

    /// <summary>Count backward from an anchor date ("N days before X") instead of forward from a trigger.</summary>
    public bool Before { get; init; }

    public static PeriodSpec OfDays(int days, PeriodKind kind = PeriodKind.Calendar) => new() { Days = days, Kind = kind };

    public static PeriodSpec OfWorkingDays(int days) => OfDays(days, PeriodKind.Working);

    public static PeriodSpec OfMonths(int months) => new() { Months = months };

    /// <summary>The same period counted backward from an anchor.</summary>
    public PeriodSpec Backward() => this with { Before = true };

    /// <exception cref="ArgumentException">The combination is not a period (the message names the problem).</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"Unknown period kind {(int)Kind}; expected Calendar or Working.", nameof(Kind));
        }

        switch (Days, Months)
        {
            case (null, null):
                throw new ArgumentException("A period needs a number of days or of months; neither was given.", nameof(Days));
            case ({ } days, { } months):
                throw new ArgumentException(
                    $"A period is counted in days or in months, not both (days {days}, months {months}).", nameof(Months));
            case ({ } days, null):
                PeriodGuard.Days(days, nameof(Days));
                break;
            case (null, { } months):
                PeriodGuard.Months(months, nameof(Months));
                if (Kind == PeriodKind.Working)
                {
                    throw new ArgumentException(
                        "A period in months counts calendar dates (Civil Code art. 202); kind Working applies to days only.",
                        nameof(Kind));
                }

                break;
        }
    }

    public override string ToString()
    {
        var length = Months is { } months ? $"{months}个月"
            : Kind == PeriodKind.Working ? $"{Days}个工作日"
            : $"{Days}日";
        return Before ? $"提前{length}" : length;
    }
}
