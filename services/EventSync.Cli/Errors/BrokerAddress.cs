namespace EventSync.Cli.Errors;

/// <summary>Where the broker is: <c>--broker</c>, else <c>EVENTSYNC_RABBITMQ</c>, else the services' <c>ConnectionStrings__rabbitmq</c>.</summary>
internal static class BrokerAddress
{
    public const string EnvironmentVariable = "EVENTSYNC_RABBITMQ";
    public const string ConnectionStringVariable = "ConnectionStrings__rabbitmq";

    public static string? Resolve(string? option, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new[] { option, environment(EnvironmentVariable), environment(ConnectionStringVariable) }
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
    }

    /// <summary>The address without its password, fit for messages and logs.</summary>
    public static string Redact(Uri broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var user = broker.UserInfo.Split(':', 2)[0];
        var builder = new UriBuilder(broker) { UserName = user, Password = broker.UserInfo.Contains(':', StringComparison.Ordinal) ? "***" : "" };
        return builder.Uri.ToString();
    }
}
