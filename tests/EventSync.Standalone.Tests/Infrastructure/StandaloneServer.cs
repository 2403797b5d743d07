using System.Net;
using System.Security.Cryptography;
using EventSync.Testing;
using EventSync.Testing.Hosts;

namespace EventSync.Standalone.Tests.Infrastructure;

/// <summary>
/// The real standalone process on a loopback port, its own data folder and admin key, with a client for it; it can be
/// killed (SIGKILL) and started again on the same data, as a crash and a restart would.
/// </summary>
public sealed class StandaloneServer : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly TemporaryDataDir _work = new();
    private readonly int _port = FreePorts.Next();
    private readonly string[] _settings;
    private ChildService? _process;

    private StandaloneServer(string[] settings)
    {
        _settings = settings;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public string AdminKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A client that sends the admin key with every request.</summary>
    public HttpClient Http { get; }

    public string DataDir => Path.Combine(_work.Path, "data");

    public string Output => _process?.Output ?? "";

    /// <summary>Starts the process with <paramref name="settings"/> (<c>--Section:Key=value</c>) and waits until it is ready.</summary>
    public static async Task<StandaloneServer> StartAsync(params string[] settings)
    {
        var server = new StandaloneServer(settings);
        Directory.CreateDirectory(server._work.Path);
        await server.RunAsync();
        return server;
    }

    /// <summary>SIGKILL: no shutdown, nothing flushed.</summary>
    public Task KillAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    /// <summary>Kills the process and starts it again on the same data folder, waiting until it is ready.</summary>
    public async Task RestartAfterKillAsync()
    {
        await KillAsync();
        await _process!.DisposeAsync();
        await RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _work.Dispose();
    }

    private async Task RunAsync()
    {
        _process = StandaloneProcess.Start(
            _work.Path,
            ["--urls", $"http://127.0.0.1:{_port}", $"--EventSync:DataDir={DataDir}", $"--EventSync:Api:AdminKey={AdminKey}", .. _settings]);
        await Eventually.HoldsAsync(IsReadyAsync, StartDeadline, "the process answers /health/ready with 200");
    }

    private async Task<bool> IsReadyAsync()
    {
        Assert.False(_process!.HasExited, $"The process exited before it was ready:\n{_process.Output}");
        try
        {
            using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            // The client's time-out: a process still starting on a busy machine; ask again.
            return false;
        }
    }
}
