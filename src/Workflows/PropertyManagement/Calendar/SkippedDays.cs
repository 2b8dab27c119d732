namespace Workflows.PropertyManagement.Calendar;

/// <summary>What a working-day count passed over, for the explanation: rest days by holiday (or weekend), make-up days.</summary>
internal sealed class SkippedDays
{
    private const string WeekendLabel = "周末";
    private readonly List<(string Label, int Count)> _restDays = [];

    public IReadOnlyList<(string Label, int Count)> RestDays => _restDays;

    public int RestDayCount => _restDays.Sum(r => r.Count);

    public List<DateOnly> MakeUpWorkingDays { get; } = [];

    public bool IsEmpty => _restDays.Count == 0 && MakeUpWorkingDays.Count == 0;

    public void Add(DateOnly day, DayType type, string? holiday)
    {
        if (type == DayType.MakeUpWorkingDay)
        {
            MakeUpWorkingDays.Add(day);
            return;
        }

        if (!type.IsRest())
        {
            return;
        }

        var label = holiday ?? WeekendLabel;
        var index = _restDays.FindIndex(r => r.Label == label);
        if (index < 0)
        {
            _restDays.Add((label, 1));
        }
        else
        {
            _restDays[index] = (label, _restDays[index].Count + 1);
        }
    }
}
