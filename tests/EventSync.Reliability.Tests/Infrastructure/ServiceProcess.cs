using System.Net;
using EventSync.Testing;
using EventSync.Testing.Hosts;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// A service as it is deployed: its built dll (<c>EventSync.Classifier.dll</c>, <c>EventSync.Resync.dll</c>) run with
/// <c>dotnet</c> as a child process on a broker and a data directory, its output captured. It can be killed outright
/// (SIGKILL) or stopped as an orchestrator stops it (SIGTERM).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ChildService _process;

    private ServiceProcess(ChildService process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public string Output => _process.Output;

    public static ServiceProcess Start(string service, Uri broker, string dataDir, int httpPort, params string[] settings)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var address = new Uri($"http://127.0.0.1:{httpPort}/");
        string[] arguments =
        [
            $"--urls={address}", $"--ConnectionStrings:rabbitmq={broker}", $"--EventSync:DataDir={dataDir}",
            "--Serilog:MinimumLevel:Default=Warning", "--Serilog:MinimumLevel:Override:MassTransit=Warning",
            .. settings,
        ];
        return new ServiceProcess(ChildService.Start(service, dataDir, arguments), address);
    }

    /// <summary>Starts the service as <see cref="Start"/> does and returns once it is ready, within <paramref name="deadline"/>.</summary>
    public static async Task<ServiceProcess> StartReadyAsync(
        string service, Uri broker, string dataDir, HttpClient http, TimeSpan deadline, params string[] settings)
    {
        var process = Start(service, broker, dataDir, FreePorts.Next(), settings);
        try
        {
            await Eventually.HoldsAsync(() => process.IsReadyAsync(http, TestContext.Current.CancellationToken), deadline, $"{service} is ready");
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>True once <c>/health/ready</c> answers 200: the bus is connected and the store open.</summary>
    public Task<bool> IsReadyAsync(HttpClient http, CancellationToken cancellationToken) => AnswersAsync(http, "health/ready", cancellationToken);

    /// <summary>True once <c>/health/live</c> answers 200: the process serves requests.</summary>
    public Task<bool> IsLiveAsync(HttpClient http, CancellationToken cancellationToken) => AnswersAsync(http, "health/live", cancellationToken);

    private async Task<bool> AnswersAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The service exited with {_process.ExitCode}:\n{Output}");
        }

        try
        {
            using var response = await http.GetAsync(new Uri(Address, path), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own time-out: a process that does not answer yet.
            return false;
        }
    }

    /// <summary>The sum of a counter's series on the process's <c>/metrics</c> (0 while it has none).</summary>
    public async Task<double> CounterAsync(HttpClient http, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var text = await http.GetStringAsync(new Uri(Address, "metrics"), cancellationToken);
        return text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>SIGKILL: no shutdown code runs, in-flight batches are cut off wherever they are.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>SIGTERM: the host stops its bus (finishing the batches it started) and closes the store, then exits.</summary>
    public Task TerminateAsync() => _process.TerminateAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
