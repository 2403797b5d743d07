using System.Security.Cryptography;
using EventSync.Pipeline.Benchmarks.Infrastructure;
using EventSync.Testing.Hosts;

namespace EventSync.Pipeline.Benchmarks.StoreScale;

/// <summary>
/// The standalone host as a child process over an existing data dir, with a fresh admin key: the real API, measured
/// over HTTP, its memory its own.
/// </summary>
internal sealed class StandaloneApi : IAsyncDisposable
{
    private readonly ChildService _process;
    private readonly Uri _address;

    private StandaloneApi(string dataDir)
    {
        _address = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _process = ChildService.Start("EventSync.Standalone", dataDir, environment: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["EventSync__DataDir"] = dataDir,
            ["EventSync__Api__AdminKey"] = key,
            ["Urls"] = _address.ToString().TrimEnd('/'),
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Warning",
            ["Serilog__MinimumLevel__Override__MassTransit"] = "Warning",
        });
        Http = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(30) };
        Http.DefaultRequestHeaders.Add("X-Api-Key", key);
    }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public static async Task<StandaloneApi> StartAsync(string dataDir, CancellationToken cancellationToken)
    {
        var api = new StandaloneApi(dataDir);
        await HealthProbe.WaitReadyAsync(api._address, api.EnsureRunning, cancellationToken);
        return api;
    }

    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The standalone host exited:{Environment.NewLine}{_process.Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }
}
