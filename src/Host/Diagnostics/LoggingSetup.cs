using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Workflows.Host.Diagnostics;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog: console for people (one line per event, control characters escaped), a rolling JSON file for machines; workflow instance and bookmark ids
    /// come in through log scopes. Overrides through the <c>Serilog</c> configuration section.
    /// </summary>
    public static WebApplicationBuilder AddWorkflowsLogging(this WebApplicationBuilder builder)
    {
        var logFolder = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Logging:Path"] ?? "logs");
        builder.Services.AddSerilog((services, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Information)
            .Enrich.FromLogContext()
            // Control characters escaped: values from requests (user names, paths) cannot forge console lines.
            .WriteTo.Console(new ConsoleLineFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}"))
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(logFolder, "workflows-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30));
        return builder;
    }
}
