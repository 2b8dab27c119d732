namespace Workflows.Host.Tests.Infrastructure;

/// <summary>
/// The database provider a behavioural test runs on. <see cref="NewAsync"/> gives the settings of a fresh, empty
/// database; hand the same settings to a second host to restart on the same data.
/// </summary>
public abstract class TestDatabase
{
    public static readonly TestDatabase Sqlite = new SqliteTestDatabase();

    /// <summary>Configuration keys (<c>Section:Key</c>) that point a host at a new database.</summary>
    public abstract Task<Dictionary<string, string?>> NewAsync();

    /// <summary>Called after each test.</summary>
    public virtual void Release()
    {
    }

    /// <summary>The same settings as environment variables for a host process.</summary>
    public static Dictionary<string, string> AsEnvironment(IReadOnlyDictionary<string, string?> settings) =>
        settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value ?? "");

    private sealed class SqliteTestDatabase : TestDatabase
    {
        public override Task<Dictionary<string, string?>> NewAsync() =>
            Task.FromResult(new Dictionary<string, string?> { ["Workflows:DataPath"] = TempFolder.Create("data") });
    }
}

/// <summary>A new database on the collection's PostgreSQL server per call; Hangfire's storage goes there too.</summary>
public sealed class PostgreSqlTestDatabase(PostgreSqlServer server) : TestDatabase
{
    public override async Task<Dictionary<string, string?>> NewAsync() => new()
    {
        ["Workflows:Database"] = "PostgreSql",
        ["ConnectionStrings:Workflows"] = await server.CreateDatabaseAsync(),
    };

    public override void Release() => PostgreSqlServer.ReleaseConnections();
}
