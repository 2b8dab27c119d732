using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workflows.Notifications.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 (aiosmtpd, Debian's python3-aiosmtpd, through <c>smtp_sink.py</c>) that saves
/// every message it accepts. Use it as a class or collection fixture; it picks a free port once and keeps it, so
/// <see cref="Stop"/> and <see cref="Start"/> simulate the server going down and coming back at the same address.
/// Recipients whose local part starts with <c>reject5</c> get 550, <c>reject4</c> get 451.
/// Messages from earlier tests stay until <see cref="Clear"/>; send to a unique address per test and read
/// <see cref="MessagesTo"/> to stay independent of other tests.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime, IDisposable
{
    private const string InstallHint = "run scripts/install-test-deps.sh (as root) to install python3-aiosmtpd";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smtp-sink-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _stderr = new();
    private Process? _process;

    public SmtpServerFixture()
    {
        Directory.CreateDirectory(_folder);
        Port = FreePort();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Every message received so far, in arrival order, parsed with MimeKit.</summary>
    public IReadOnlyList<ReceivedEmail> Messages =>
        Directory.GetFiles(_folder, "*.eml").Order(StringComparer.Ordinal).Select(ReceivedEmail.Load).ToList();

    /// <summary>The messages whose envelope included <paramref name="address"/>.</summary>
    public IReadOnlyList<ReceivedEmail> MessagesTo(string address) =>
        Messages.Where(m => m.EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>For senders that deliver in the background (reminders): waits until a matching message arrives.</summary>
    public async Task<ReceivedEmail> WaitForMessageAsync(Func<ReceivedEmail, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Messages.FirstOrDefault(match) is { } message) return message;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No matching message arrived at the SMTP sink within {timeout ?? TimeSpan.FromSeconds(30)}; it holds {Messages.Count}.");
            await Task.Delay(50);
        }
    }

    public void Clear()
    {
        foreach (var file in Directory.GetFiles(_folder, "*.eml"))
            File.Delete(file);
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and returns once it accepts connections.</summary>
    public void Start()
    {
        if (IsRunning) return;
        var python = PythonPath();
        var start = new ProcessStartInfo(python, [ScriptPath(), "--host", Host, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--folder", _folder])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        lock (_stderr) _stderr.Clear();
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run {python} for the SMTP sink ({e.Message}): {InstallHint}.", e);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntil(accepting: true);
    }

    /// <summary>Stops the server and returns once its port refuses connections.</summary>
    public void Stop()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            // Closing stdin is the script's signal to shut down cleanly; kill only if it does not.
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        _process = null;
        WaitUntil(accepting: false);
    }

    public Task InitializeAsync()
    {
        Start();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Stop();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private void WaitUntil(bool accepting)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (Accepts() != accepting)
        {
            if (accepting && _process is { HasExited: true } exited)
            {
                exited.WaitForExit(); // lets the stderr reader drain, for the error message
                throw StartFailure(exited.ExitCode);
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The SMTP sink on {Host}:{Port} did not {(accepting ? "start" : "stop")} within {StartTimeout}. {Stderr()}");
            Thread.Sleep(25);
        }
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private InvalidOperationException StartFailure(int exitCode)
    {
        // smtp_sink.py exits with 3 when aiosmtpd cannot be imported.
        var stderr = Stderr();
        return exitCode == 3 || stderr.Contains("aiosmtpd", StringComparison.Ordinal)
            ? new InvalidOperationException($"python3-aiosmtpd is not installed for {PythonPath()}: {InstallHint}. {stderr}")
            : new InvalidOperationException($"The SMTP sink exited with code {exitCode} before listening on {Host}:{Port}. {stderr}");
    }

    private string Stderr()
    {
        lock (_stderr) return _stderr.ToString().Trim();
    }

    /// <summary>
    /// SMTP_SINK_PYTHON when set; otherwise Debian's /usr/bin/python3, because python3-aiosmtpd installs into the
    /// system interpreter and a python3 found first on PATH (pyenv, a venv) would not see it.
    /// </summary>
    private static string PythonPath() =>
        Environment.GetEnvironmentVariable("SMTP_SINK_PYTHON") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : "python3";

    private static string ScriptPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "smtp_sink.py");
        return File.Exists(path) ? path : throw new FileNotFoundException("smtp_sink.py is not next to the test assembly.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
