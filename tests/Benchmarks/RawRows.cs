using Microsoft.Data.Sqlite;

namespace Workflows.Benchmarks;

/// <summary>
/// What a 10-activity run writes, with plain ADO.NET: one instance row with its state (about 4 KB of JSON),
/// 22 journal rows and 11 activity execution rows, in one transaction.
/// </summary>
internal static class RawRows
{
    private static readonly string State = new('x', 4096);

    public static string Prepare(string file)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE Instances (Id TEXT PRIMARY KEY, Status TEXT, StateJson TEXT, Revision INTEGER);
            CREATE TABLE Journal (Id TEXT PRIMARY KEY, InstanceId TEXT, Sequence INTEGER, ActivityId TEXT, EventName TEXT, PayloadJson TEXT);
            CREATE INDEX IX_Journal ON Journal (InstanceId, Sequence);
            CREATE TABLE Executions (Id TEXT PRIMARY KEY, InstanceId TEXT, ActivityId TEXT, Status TEXT, StateJson TEXT);
            CREATE INDEX IX_Executions ON Executions (InstanceId, ActivityId);
            """;
        command.ExecuteNonQuery();
        return connectionString;
    }

    public static void Write(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var instanceId = Guid.CreateVersion7().ToString("N");
        Execute(connection, "INSERT INTO Instances VALUES ($a, 'Finished', $b, 1)", instanceId, State);
        for (var i = 0; i < 22; i++)
            Execute(connection, $"INSERT INTO Journal VALUES ($a, $b, {i}, 'a{i / 2}', 'Completed', '{{\"Outcomes\":[\"Done\"]}}')", Guid.CreateVersion7().ToString("N"), instanceId);
        for (var i = 0; i < 11; i++)
            Execute(connection, "INSERT INTO Executions VALUES ($a, $b, 'a', 'Completed', '{\"Text\":\"step\"}')", Guid.CreateVersion7().ToString("N"), instanceId);
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, string a, string b)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$a", a);
        command.Parameters.AddWithValue("$b", b);
        command.ExecuteNonQuery();
    }
}
