using DotNet.Testcontainers.Builders;
using Testcontainers.RabbitMq;

namespace EventSync.Testing.Broker;

/// <summary>
/// The RabbitMQ broker integration tests run against: a Testcontainers container where a Docker engine answers, else
/// the broker named by <c>EVENTSYNC_TEST_RABBITMQ</c> (<c>infra/test.sh</c> starts Debian's server and sets it), else
/// none: the tests then skip with <see cref="SkipReason"/>, they never pass without a broker.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    public const string EnvironmentVariable = "EVENTSYNC_TEST_RABBITMQ";

    public const string SkipReason =
        $"No RabbitMQ broker: no Docker engine for Testcontainers and {EnvironmentVariable} is not set (amqp://guest:guest@127.0.0.1:5672/; infra/test.sh starts one)";

    private readonly RabbitMqContainer? _container;

    private TestBroker(Uri? uri, RabbitMqContainer? container)
    {
        Uri = uri;
        _container = container;
    }

    /// <summary>The broker's amqp:// address; null when no broker can be had.</summary>
    public Uri? Uri { get; }

    public static async Task<TestBroker> StartAsync(CancellationToken cancellationToken)
    {
        RabbitMqContainer? container = null;
        try
        {
            container = new RabbitMqBuilder("rabbitmq:3.13-alpine").Build();
            await container.StartAsync(cancellationToken);
            return new TestBroker(new Uri(container.GetConnectionString()), container);
        }
        catch (DockerUnavailableException)
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }
        }

        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return new TestBroker(string.IsNullOrWhiteSpace(configured) ? null : new Uri(configured), null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
