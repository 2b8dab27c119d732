namespace Workflows.Tools.DataGenerator;

/// <summary>
/// What to generate. The same seed and <see cref="Now"/> give the same rows, ids included.
/// </summary>
/// <param name="Instances">Cases (each one workflow instance).</param>
/// <param name="Seed">The random generator's seed.</param>
/// <param name="Now">The moment the data set describes: cases before it are finished, those around it open or overdue.</param>
/// <param name="Years">How far back the oldest cases started.</param>
/// <param name="ExtraCompounds">Compounds added to the demo district's communities (null: one per 100 cases), so cases spread as in a city.</param>
public sealed record GeneratorOptions(int Instances, int Seed, DateTimeOffset Now, int Years = 3, int? ExtraCompounds = null)
{
    /// <summary>Cases per transaction.</summary>
    public int BatchSize { get; init; } = 5_000;
}

/// <summary>What was written, for the log and the tests.</summary>
public sealed record GeneratorReport(int Cases, int Compounds, long Rows, TimeSpan Elapsed);
