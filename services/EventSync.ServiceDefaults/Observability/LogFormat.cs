using Microsoft.Extensions.Configuration;

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

    private const string InContainerVariable = "DOTNET_RUNNING_IN_CONTAINER";

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
