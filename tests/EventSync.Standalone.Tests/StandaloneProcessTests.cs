using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.Versioning;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Hosts;

namespace EventSync.Standalone.Tests;

/// <summary>The real process, as a newcomer starts it: no key configured, so it makes one and keeps it to its owner.</summary>
public sealed class StandaloneProcessTests
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task Should_listen_on_loopback_only_and_keep_the_generated_admin_key_private_when_started_without_a_key()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Reads /proc/net/tcp and Unix file modes: Linux only.");
        using var work = new TemporaryDataDir();
        var dataDir = Path.Combine(work.Path, "data");
        Directory.CreateDirectory(work.Path);
        var port = FreePorts.Next();
        await using var process = StandaloneProcess.Start(work.Path, "--urls", $"http://127.0.0.1:{port}", $"--EventSync:DataDir={dataDir}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        await Eventually.HoldsAsync(() => IsReadyAsync(http, process), StartDeadline, "the process answers /health/ready with 200");

        var listening = ListeningSockets.OnPort(port);
        Assert.NotEmpty(listening);
        Assert.All(listening, address => Assert.Equal(IPAddress.Loopback, address));
        foreach (var address in OtherAddressesOfThisMachine())
        {
            Assert.False(await AcceptsConnectionAsync(address, port), $"It accepted a connection on {address}:{port}.");
        }

        var keyFile = Path.Combine(dataDir, "admin-key");
        Assert.True(File.Exists(keyFile), $"{keyFile} was not written.");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var key = (await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken)).Trim();
        Assert.True(key.Length >= 32, "The generated key is too short to be a secret.");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tenants/portal-4711/sync-health") { Headers = { { "X-Api-Key", key } } };
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metrics = await Eventually.MatchesAsync(
            () => PrometheusText.ScrapeAsync(http, TestContext.Current.CancellationToken),
            m => m.Names.Contains("http_server_request_duration_seconds_count"),
            StartDeadline,
            "ASP.NET Core's request metrics are on /metrics without a key");
        Assert.Contains(metrics.LabelsOf("http_server_request_duration_seconds_count"), l => l.GetValueOrDefault("http_route")?.Contains("sync-health", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(key, metrics.Text, StringComparison.Ordinal);

        await process.KillAsync();
        Assert.Contains(keyFile, process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, process.Output, StringComparison.Ordinal);
    }

    private static async Task<bool> IsReadyAsync(HttpClient http, ChildService process)
    {
        Assert.False(process.HasExited, $"The process exited before it was ready:\n{process.Output}");
        try
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
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

    private static IEnumerable<IPAddress> OtherAddressesOfThisMachine() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily == AddressFamily.InterNetwork);

    private static async Task<bool> AcceptsConnectionAsync(IPAddress address, int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address, port, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
