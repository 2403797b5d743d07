namespace EventSync.Cli.Errors;

/// <summary>
/// Where the broker is: <c>--broker</c>, else <c>EVENTSYNC_RABBITMQ</c>, else the services' <c>ConnectionStrings__rabbitmq</c>;
/// and, for a cluster, its nodes: <c>--cluster-node</c>, else the services' <c>EventSync__Messaging__ClusterNodes__{i}</c>.
/// </summary>
internal static class BrokerAddress
{
    public const string EnvironmentVariable = "EVENTSYNC_RABBITMQ";
    public const string ConnectionStringVariable = "ConnectionStrings__rabbitmq";

    /// <summary>The services' cluster nodes, <c>EventSync__Messaging__ClusterNodes__0</c>, <c>__1</c> and on, without the index.</summary>
    public const string ClusterNodeVariables = "EventSync__Messaging__ClusterNodes__";

    public static string? Resolve(string? option, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new[] { option, environment(EnvironmentVariable), environment(ConnectionStringVariable) }
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
    }

    /// <summary>The cluster's nodes: the <c>--cluster-node</c> options, else the services' numbered variables from 0 up to the first missing.</summary>
    public static IReadOnlyList<string> ResolveClusterNodes(IReadOnlyList<string> options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (options.Count > 0)
        {
            return options;
        }

        var nodes = new List<string>();
        while (environment(ClusterNodeVariables + nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { Length: > 0 } node)
        {
            nodes.Add(node);
        }

        return nodes;
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
