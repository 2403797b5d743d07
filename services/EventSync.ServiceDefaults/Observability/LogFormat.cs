using System.Globalization;
using Microsoft.Extensions.Configuration;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace EventSync.ServiceDefaults.Observability;

/// <summary>
/// How logs are written: compact JSON (one object a line, for collectors) or readable text. <c>EventSync:Logging:Format</c>
/// decides (<c>json</c> or <c>text</c>); unset, containers (<c>DOTNET_RUNNING_IN_CONTAINER=true</c>) get JSON.
/// </summary>
public static class LogFormat
{
    public const string Setting = "EventSync:Logging:Format";
    public const string Json = "json";
    public const string Text = "text";

    /// <summary>
    /// One line per event. <c>:j</c> writes the message's values as JSON, strings in quotes with line breaks and other
    /// control characters escaped: a value from the input (an id, a message) can never start a line of its own.
    /// </summary>
    public const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:j}{NewLine}{Exception}";

    private const string InContainerVariable = "DOTNET_RUNNING_IN_CONTAINER";

    /// <summary>The text format, <see cref="TextTemplate"/> with invariant culture; JSON is <c>CompactJsonFormatter</c>.</summary>
    public static ITextFormatter TextFormatter() => new MessageTemplateTextFormatter(TextTemplate, CultureInfo.InvariantCulture);

    public static bool IsJson(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return IsJson(configuration[Setting], configuration[InContainerVariable]);
    }

    /// <summary>Before configuration is read (the bootstrap logger): from the environment.</summary>
    public static bool IsJsonFromEnvironment() =>
        IsJson(Environment.GetEnvironmentVariable(Setting.Replace(":", "__", StringComparison.Ordinal)), Environment.GetEnvironmentVariable(InContainerVariable));

    public static bool IsJson(string? configured, string? inContainer) =>
        string.IsNullOrWhiteSpace(configured)
            ? string.Equals(inContainer, "true", StringComparison.OrdinalIgnoreCase)
            : string.Equals(configured.Trim(), Json, StringComparison.OrdinalIgnoreCase);
}
