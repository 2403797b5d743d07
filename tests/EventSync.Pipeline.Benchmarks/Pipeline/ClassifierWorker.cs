using EventSync.Pipeline.Benchmarks.Infrastructure;
using EventSync.Testing.Hosts;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// The real classifier service as a child process on the benchmark vhost with an embedded store in a temp folder,
/// quiet logging, and the tuning knobs passed as environment variables. Its peak memory is its own (VmHWM).
/// </summary>
internal sealed class ClassifierWorker : IAsyncDisposable
{
    private readonly TemporaryFolder _dataDir = new("bench-classifier");
    private readonly ChildService _process;

    private readonly int _port = FreePorts.Next();

    private ClassifierWorker(Uri vhost, ClassifierTuning tuning)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__rabbitmq"] = vhost.ToString(),
            ["EventSync__DataDir"] = _dataDir.Path,
            ["Urls"] = $"http://127.0.0.1:{_port}",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__MinimumLevel__Override__MassTransit"] = "Warning",
        };
        foreach (var (name, value) in tuning.Environment())
        {
            environment[name] = value;
        }

        _process = ChildService.Start("EventSync.Classifier", _dataDir.Path, environment: environment);
    }

    public int ProcessId => _process.Id;

    public string Output => _process.Output;

    public static ClassifierWorker Start(Uri vhost, ClassifierTuning tuning) => new(vhost, tuning);

    public double? PeakMemoryMiB => ProcessMemory.PeakMiB(_process.Id);

    public double? MemoryMiB => ProcessMemory.ResidentMiB(_process.Id);

    public ResidentParts? MemoryParts => ProcessMemory.Parts(_process.Id);

    public double? CpuSeconds => ProcessCpu.Seconds(_process.Id);

    /// <summary>Waits until the worker reports ready (bus started, every endpoint bound, store open).</summary>
    public Task WaitReadyAsync(CancellationToken cancellationToken) =>
        HealthProbe.WaitReadyAsync(new Uri($"http://127.0.0.1:{_port}/"), EnsureRunning, cancellationToken);

    /// <summary>The worker's managed heap as its own metrics show it.</summary>
    public Task<WorkerHeap?> ReadHeapAsync(CancellationToken cancellationToken) =>
        WorkerHeap.ReadAsync(new Uri($"http://127.0.0.1:{_port}/"), cancellationToken);

    /// <summary>Throws with the worker's output when it has died.</summary>
    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The classifier exited:{Environment.NewLine}{_process.Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _dataDir.Dispose();
    }
}
