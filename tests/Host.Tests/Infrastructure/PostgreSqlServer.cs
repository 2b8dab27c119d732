using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for the tests of the <see cref="PostgreSqlCollection"/>: Debian's binaries,
/// a fresh data folder under the temp folder, loopback only on a free port, trust authentication. Each test
/// takes a new database (<see cref="CreateDatabaseAsync"/>); the server and its folder go when the collection ends.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private const string Superuser = "postgres";

    private string _bin = "";
    private string _folder = "";

    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        _folder = TempFolder.Create("postgresql");
        // initdb refuses to run as root; as root the server runs as Debian's `postgres` system user, which must be
        // able to create the data folder and the socket in ours.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
        Port = FreePort();
        await RunAsync("initdb", ["-D", DataFolder, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        // fsync off: the tests are about concurrency between hosts, not about surviving a crash of the server itself.
        var options = $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync("pg_ctl", ["-D", DataFolder, "-o", options, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start"]);
        await WaitForConnectionsAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Port != 0 && Directory.Exists(DataFolder))
            await RunAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        if (_folder.Length > 0)
            Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Connection string of the server's maintenance database, or of <paramref name="database"/>.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Superuser, Database = database }.ConnectionString;

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"wf_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>The test process keeps pooled connections per database; a finished test's are closed here.</summary>
    public static void ReleaseConnections() => NpgsqlConnection.ClearAllPools();

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
                .Where(x => x.Version >= 0 && File.Exists(Path.Combine(x.Bin, "initdb")))
                .OrderByDescending(x => x.Version).Select(x => x.Bin).FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed (no {root}/<version>/bin/initdb); the cluster-mode tests need it: run scripts/install-test-deps.sh");
    }

    private async Task RunAsync(string tool, IEnumerable<string> arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(_bin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        if (asRoot)
        {
            foreach (var argument in new[] { "-u", Superuser, "--", Path.Combine(_bin, tool) })
                start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        // pg_ctl's server keeps the inherited pipes open, so wait for the tool itself, not for the end of its output.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}{await output}");
    }

    private async Task WaitForConnectionsAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString());
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The tests that share one <see cref="PostgreSqlServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSql";
}
