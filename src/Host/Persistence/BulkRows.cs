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
/// Multi-row INSERT (optionally an upsert) built from the EF model, for the journal and activity records a run
/// burst writes. One statement instead of one per row keeps a burst within a few milliseconds; the syntax
/// (<c>INSERT ... VALUES (...),(...) ON CONFLICT ... DO UPDATE</c>) is shared by SQLite and PostgreSQL.
/// </summary>
internal static class BulkRows
{
    private const int RowsPerStatement = 200;
    private static readonly ConcurrentDictionary<(Type, string?, bool), Plan> Plans = new();

    /// <param name="keepExisting">Properties that keep their stored value when the new one is null (upsert only).</param>
    public static async Task WriteAsync<T>(WorkflowsDbContext db, IReadOnlyList<T> rows, bool upsert,
        IReadOnlySet<string>? keepExisting, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var plan = Plans.GetOrAdd((typeof(T), db.Database.ProviderName, upsert), _ => Plan.Create(db, typeof(T), upsert, keepExisting));
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder(plan.Insert);
            await db.Database.OpenConnectionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var count = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < plan.Columns.Count; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@p" + count++;
                    parameter.Value = plan.Columns[c].Read(chunk[r]) ?? DBNull.Value;
                    if (c > 0) sql.Append(", ");
                    sql.Append(parameter.ParameterName);
                    command.Parameters.Add(parameter);
                }
                sql.Append(')');
            }
            sql.Append(plan.OnConflict);
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
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
    private sealed record Plan(string Insert, string OnConflict, IReadOnlyList<Column> Columns)
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
            return new Plan(insert, onConflict, columns);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
