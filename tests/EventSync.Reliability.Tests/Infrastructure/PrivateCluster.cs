using System.Globalization;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// A RabbitMQ cluster of private nodes on this machine (<see cref="PrivateBroker"/>: own names, ports and data folders),
/// the second and later nodes joined to the first. One node is a cluster of one: the same fault tests run on both.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private PrivateCluster(IReadOnlyList<PrivateBroker> nodes) => Nodes = nodes;

    public IReadOnlyList<PrivateBroker> Nodes { get; }

    /// <summary>The services' settings for every node: <c>EventSync:Messaging:ClusterNodes:{i}</c> as <c>127.0.0.1:port</c>.</summary>
    public IEnumerable<string> ClusterNodeSettings =>
        Nodes.Select((node, i) => string.Create(CultureInfo.InvariantCulture, $"--EventSync:Messaging:ClusterNodes:{i}=127.0.0.1:{node.AmqpPort}"));

    public static async Task<PrivateCluster> StartAsync(int size, CancellationToken cancellationToken)
    {
        var nodes = new List<PrivateBroker>();
        try
        {
            for (var i = 0; i < size; i++)
            {
                nodes.Add(await PrivateBroker.StartAsync(cancellationToken));
                if (i > 0)
                {
                    await nodes[i].JoinClusterAsync(nodes[0], cancellationToken);
                }
            }

            return new PrivateCluster(nodes);
        }
        catch
        {
            await DisposeAllAsync(nodes);
            throw;
        }
    }

    public ValueTask DisposeAsync() => DisposeAllAsync(Nodes);

    private static async ValueTask DisposeAllAsync(IEnumerable<PrivateBroker> nodes)
    {
        foreach (var node in nodes.Reverse())
        {
            await node.DisposeAsync();
        }
    }
}
