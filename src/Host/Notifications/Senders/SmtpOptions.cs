using Microsoft.Extensions.Options;
using MimeKit;

namespace Workflows.Host.Notifications.Senders;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text throughout (a relay on the same host or network).</summary>
    None,

    /// <summary>STARTTLS, and fail if the server does not offer it.</summary>
    StartTls,

    /// <summary>STARTTLS when the server offers it, plain text otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// Configuration section <c>Smtp</c>. Production requires <see cref="Host"/> unless <see cref="Disabled"/> is set on
/// purpose; without a host (Development's default) or disabled, messages are marked NotSent and only their subject and
/// masked recipient are logged.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public const int DefaultPort = 25;
    public const string DefaultFromName = "物业管理工作平台";
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>The SMTP server's host name or address. Required in Production unless <see cref="Disabled"/>.</summary>
    public string? Host { get; set; }

    /// <summary>
    /// True: run without email on purpose (no SMTP server exists yet). Every email is marked NotSent, never Sent, and
    /// the admin status says email is off. Needed in Production to start without <see cref="Host"/>.
    /// </summary>
    public bool Disabled { get; set; }

    /// <summary>TCP port. Default 25.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Transport security. Default <see cref="SmtpSecurity.StartTlsWhenAvailable"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTlsWhenAvailable;

    /// <summary>Login name; empty means the server is used without authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Login password. A secret: set it through an environment variable or user secrets, never in appsettings.json.</summary>
    public string? Password { get; set; }

    /// <summary>The From address; required when <see cref="Host"/> is set.</summary>
    public string? FromAddress { get; set; }

    /// <summary>The From display name. Default 物业管理工作平台.</summary>
    public string FromName { get; set; } = DefaultFromName;

    /// <summary>Timeout of each SMTP network operation (connect, command, data), in seconds. Default 30.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    internal bool SendsEmail => !Disabled && !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Checks the section at start; in Production a missing <c>Smtp:Host</c> stops the service unless email is disabled on purpose.</summary>
internal sealed class SmtpOptionsValidator(IHostEnvironment? environment) : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var errors = new List<string>();
        if (environment?.IsProduction() == true && !options.Disabled && string.IsNullOrWhiteSpace(options.Host))
            errors.Add("Smtp:Host is required in Production: set Smtp:Host (and Smtp:FromAddress) to send email, "
                + "or set Smtp:Disabled=true to run without email on purpose (every email is then marked NotSent).");
        if (options.Port is < 1 or > 65535)
            errors.Add($"Smtp:Port must be between 1 and 65535 (was {options.Port}).");
        if (options.TimeoutSeconds is < 1 or > 600)
            errors.Add($"Smtp:TimeoutSeconds must be between 1 and 600 (was {options.TimeoutSeconds}).");
        if (!Enum.IsDefined(options.Security))
            errors.Add("Smtp:Security must be one of None, StartTls, StartTlsWhenAvailable, SslOnConnect.");
        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrWhiteSpace(options.UserName))
            errors.Add("Smtp:Password is set but Smtp:UserName is empty; set both or neither.");
        if (options.SendsEmail)
        {
            if (string.IsNullOrWhiteSpace(options.FromAddress))
                errors.Add("Smtp:FromAddress is required when Smtp:Host is set.");
            else if (!MailboxAddress.TryParse(options.FromAddress, out var from) || from.Address.IndexOf('@', StringComparison.Ordinal) <= 0)
                errors.Add($"Smtp:FromAddress '{options.FromAddress}' is not an email address.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
