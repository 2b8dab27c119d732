using Microsoft.Extensions.Options;

namespace Workflows.Host.Persistence;

/// <summary>Configuration section <c>Workflows</c> (database part) and <c>ConnectionStrings:Workflows</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Workflows";
    public const string ConnectionStringName = "Workflows";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>PostgreSql</c> (cluster).</summary>
    public string Database { get; set; } = Sqlite;

    /// <summary>Folder for the SQLite file and other local data; relative to the content root. Default <c>data</c>.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// Resolved connection string: <c>ConnectionStrings:Workflows</c>, or (SQLite only) a file in <see cref="DataPath"/>.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    public bool IsPostgreSql => Database == PostgreSql;
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (options.Database is not (DatabaseOptions.Sqlite or DatabaseOptions.PostgreSql))
            return ValidateOptionsResult.Fail($"Workflows:Database must be 'Sqlite' or 'PostgreSql' (found '{options.Database}').");
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(options.IsPostgreSql
                ? "ConnectionStrings:Workflows is required when Workflows:Database is 'PostgreSql' (e.g. 'Host=db;Database=workflows;Username=workflows;Password=...')."
                : "ConnectionStrings:Workflows is empty.");
        }
        return ValidateOptionsResult.Success;
    }
}
