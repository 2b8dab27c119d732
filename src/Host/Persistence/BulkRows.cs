using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workflows.Host.Persistence;

/// <summary>
/// INSERT (optionally an upsert) built from the EF model, for the journal and activity records a run burst
/// writes, without EF's change tracking, which costs more than the rows themselves. The syntax
/// (<c>INSERT ... VALUES (...) ON CONFLICT ... DO UPDATE</c>) is shared by SQLite and PostgreSQL.
/// </summary>
internal static class BulkRows
{
    private const int RowsPerStatement = 200;
    private static readonly ConcurrentDictionary<(Type Row, Type Context, bool Upsert), Plan> Plans = new();

    /// <param name="keepExisting">Properties that keep their stored value when the new one is null (upsert only).</param>
    public static async Task WriteAsync<T>(WorkflowsDbContext db, IReadOnlyList<T> rows, bool upsert,
        IReadOnlySet<string>? keepExisting, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        // Keyed by the context's type, which fixes the provider: asking EF for the provider name costs a service lookup.
        var plan = Plans.GetOrAdd((typeof(T), db.GetType(), upsert), _ => Plan.Create(db, typeof(T), upsert, keepExisting));
        await db.Database.OpenConnectionAsync(ct);
        if (plan.RowByRow)
            await WriteRowByRowAsync(db, plan, rows, ct);
        else
            await WriteMultiRowAsync(db, plan, rows, ct);
    }

    /// <summary>
    /// SQLite runs in-process, so there is no round trip to save; one prepared single-row statement executed
    /// per row is cheaper than parsing and binding one wide statement.
    /// </summary>
    private static async Task WriteRowByRowAsync<T>(WorkflowsDbContext db, Plan plan, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        await using var command = CreateCommand(db);
        var sql = new StringBuilder(plan.Insert);
        var parameters = AddRowParameters(command, sql, plan, rowIndex: 0, firstParameter: 0);
        sql.Append(plan.OnConflict);
        command.CommandText = sql.ToString();
        foreach (var row in rows)
        {
            for (var c = 0; c < parameters.Count; c++)
                parameters[c].Value = plan.Columns[c].Read(row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Client-server databases: one statement per chunk of rows saves the round trips.</summary>
    private static async Task WriteMultiRowAsync<T>(WorkflowsDbContext db, Plan plan, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = CreateCommand(db);
            var sql = new StringBuilder(plan.Insert);
            for (var r = 0; r < chunk.Length; r++)
            {
                var parameters = AddRowParameters(command, sql, plan, r, r * plan.Columns.Count);
                for (var c = 0; c < parameters.Count; c++)
                    parameters[c].Value = plan.Columns[c].Read(chunk[r]) ?? DBNull.Value;
            }
            sql.Append(plan.OnConflict);
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbCommand CreateCommand(WorkflowsDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>Appends <c>(@pN, ...)</c> for one row and adds its parameters, values still unset.</summary>
    private static List<DbParameter> AddRowParameters(DbCommand command, StringBuilder sql, Plan plan, int rowIndex, int firstParameter)
    {
        var parameters = new List<DbParameter>(plan.Columns.Count);
        sql.Append(rowIndex == 0 ? "(" : ", (");
        for (var c = 0; c < plan.Columns.Count; c++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + (firstParameter + c);
            if (c > 0) sql.Append(", ");
            sql.Append(parameter.ParameterName);
            command.Parameters.Add(parameter);
            parameters.Add(parameter);
        }
        sql.Append(')');
        return parameters;
    }

    private sealed record Column(PropertyInfo Property, ValueConverter? Converter)
    {
        public object? Read(object row)
        {
            var value = Property.GetValue(row);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }

    /// <summary>The statement's fixed parts and the columns' readers, worked out once per entity type.</summary>
    private sealed record Plan(string Insert, string OnConflict, IReadOnlyList<Column> Columns, bool RowByRow)
    {
        public static Plan Create(DbContext db, Type type, bool upsert, IReadOnlySet<string>? keepExisting)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var properties = entity.GetProperties().ToList();
            var names = properties.Select(p => Quote(p.GetColumnName(store)!)).ToList();
            var insert = $"INSERT INTO {Quote(table)} ({string.Join(", ", names)}) VALUES ";
            var onConflict = "";
            if (upsert)
            {
                var key = entity.FindPrimaryKey()!.Properties.Select(p => Quote(p.GetColumnName(store)!));
                var updates = properties.Where(p => !p.IsPrimaryKey()).Select(p =>
                {
                    var column = Quote(p.GetColumnName(store)!);
                    return keepExisting?.Contains(p.Name) == true
                        ? $"{column} = COALESCE(excluded.{column}, {Quote(table)}.{column})"
                        : $"{column} = excluded.{column}";
                });
                onConflict = $" ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {string.Join(", ", updates)}";
            }
            var columns = properties.Select(p => new Column(p.PropertyInfo!, p.GetTypeMapping().Converter)).ToList();
            return new Plan(insert, onConflict, columns, RowByRow: db.Database.IsSqlite());
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
