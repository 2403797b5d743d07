namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>Samples a process's resident memory at a fixed interval until disposed, to show whether it stays flat.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly List<double> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public MemorySampler(int processId, TimeSpan interval) => _sampling = SampleAsync(processId, interval, _stop.Token);

    public IReadOnlyList<double> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(int processId, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            if (ProcessMemory.ResidentMiB(processId) is { } resident)
            {
                lock (_samples)
                {
                    _samples.Add(resident);
                }
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
