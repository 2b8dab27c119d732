using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;

namespace Workflows.Tools.DataGenerator;

// Usage: dotnet run -c Release --project tools/DataGenerator -- --instances 100000 [--seed 1] [--now 2026-12-01T00:00:00Z]
//        [--years 3] [--compounds N] [Host settings, e.g. --Workflows:DataPath /tmp/scale or --Workflows:Database PostgreSql
//        --ConnectionStrings:Workflows "Host=...;Database=...;Username=...;Password=..."]
// Migrates the (empty) database with the Host's migrations, imports the definitions, seeds the demo district, then
// writes the generated cases. The Host started afterwards with the same settings runs on it.
/// <summary>The command line (a named class, not top-level statements: the tests reference this project beside the Host's <c>Program</c>).</summary>
internal static class GeneratorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        var hostArgs = new List<string>();
        string[] names = ["--instances", "--seed", "--now", "--years", "--compounds"];
        for (var i = 0; i < args.Length; i++)
        {
            if (names.Contains(args[i]) && i + 1 < args.Length) own[args[i]] = args[++i];
            else hostArgs.Add(args[i]);
        }
        if (!TryRead(own, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine("Usage: DataGenerator --instances N [--seed S] [--now ISO-instant] [--years Y] [--compounds C] [Host settings]");
            return 2;
        }

        await using var app = await DatabasePreparation.ComposeHostAsync([.. hostArgs], CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var report = await ScaleDataGenerator.GenerateAsync(db, options!);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {report.Cases:N0} cases ({report.Rows:N0} rows, {report.Compounds:N0} extra compounds) in {report.Elapsed.TotalSeconds:F1} s, seed {options!.Seed}, now {options.Now:O}"));
        return 0;
    }

    private static bool TryRead(Dictionary<string, string> own, out GeneratorOptions? options, out string error)
    {
        options = null;
        error = "";
        if (!own.TryGetValue("--instances", out var text) || !int.TryParse(text, CultureInfo.InvariantCulture, out var instances) || instances < 1)
        {
            error = "--instances must be a positive number.";
            return false;
        }
        var seed = 1;
        if (own.TryGetValue("--seed", out text) && !int.TryParse(text, CultureInfo.InvariantCulture, out seed))
        {
            error = "--seed must be a number.";
            return false;
        }
        // Default: the current hour, so that a Host started on the data right away finds its open deadlines in the future.
        var now = DateTimeOffset.UtcNow;
        now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        if (own.TryGetValue("--now", out text) && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
        {
            error = "--now must be an ISO 8601 instant, e.g. 2026-12-01T00:00:00Z.";
            return false;
        }
        var years = 3;
        if (own.TryGetValue("--years", out text) && (!int.TryParse(text, CultureInfo.InvariantCulture, out years) || years < 1))
        {
            error = "--years must be at least 1.";
            return false;
        }
        int? compounds = null;
        if (own.TryGetValue("--compounds", out text))
        {
            if (!int.TryParse(text, CultureInfo.InvariantCulture, out var c) || c < 0)
            {
                error = "--compounds must be 0 or more.";
                return false;
            }
            compounds = c;
        }
        options = new GeneratorOptions(instances, seed, now.ToUniversalTime(), years, compounds);
        return true;
    }
}
