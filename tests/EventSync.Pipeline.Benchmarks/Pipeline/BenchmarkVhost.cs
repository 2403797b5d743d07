using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// A vhost of the benchmark's own, created and deleted through the RabbitMQ management API, so that no other queue
/// of the broker is touched; or an existing vhost named by the caller (then nothing is created or deleted).
/// </summary>
internal sealed class BenchmarkVhost : IAsyncDisposable
{
    private readonly HttpClient? _management;

    private BenchmarkVhost(Uri amqp, HttpClient? management)
    {
        Amqp = amqp;
        _management = management;
    }

    /// <summary>The AMQP address of the vhost, credentials included.</summary>
    public Uri Amqp { get; }

    public string Name => Uri.UnescapeDataString(Amqp.AbsolutePath.TrimStart('/'));

    public static async Task<BenchmarkVhost> CreateAsync(Uri broker, Uri managementApi, CancellationToken cancellationToken)
    {
        var name = $"eventsync-bench-{Guid.NewGuid():N}"[..24];
        var management = new HttpClient { BaseAddress = managementApi };
        var credentials = Uri.UnescapeDataString(broker.UserInfo is { Length: > 0 } userInfo ? userInfo : "guest:guest");
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        var user = credentials.Split(':')[0];
        var vhost = Uri.EscapeDataString(name);
        (await management.PutAsJsonAsync($"api/vhosts/{vhost}", new { }, cancellationToken)).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync($"api/permissions/{vhost}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" }, cancellationToken))
            .EnsureSuccessStatusCode();
        return new BenchmarkVhost(new UriBuilder(broker) { Path = "/" + vhost }.Uri, management);
    }

    public static BenchmarkVhost Existing(Uri broker, string vhost) =>
        new(new UriBuilder(broker) { Path = "/" + Uri.EscapeDataString(vhost) }.Uri, management: null);

    public async ValueTask DisposeAsync()
    {
        if (_management is null)
        {
            return;
        }

        using (_management)
        {
            using var deleted = await _management.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(Name)}");
        }
    }
}
