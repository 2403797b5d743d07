using EventSync.Core.Storage;

namespace EventSync.Storage.Tests.Contract;

/// <summary>
/// A fresh, empty, isolated store handed to one contract test, seen through the three store interfaces.
/// Disposing it runs the cleanup given by the fixture (close the store, delete its file or database).
/// </summary>
public sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly Func<ValueTask> _cleanup;

    public StoreUnderTest(ISyncErrorStore errors, IApiUsageStore usage, IStoreLifecycle lifecycle, Func<ValueTask> cleanup)
    {
        Errors = errors;
        Usage = usage;
        Lifecycle = lifecycle;
        _cleanup = cleanup;
    }

    public ISyncErrorStore Errors { get; }

    public IApiUsageStore Usage { get; }

    public IStoreLifecycle Lifecycle { get; }

    /// <summary>For a store class that implements all three interfaces.</summary>
    public static StoreUnderTest Of<TStore>(TStore store, Func<ValueTask> cleanup)
        where TStore : ISyncErrorStore, IApiUsageStore, IStoreLifecycle =>
        new(store, store, store, cleanup);

    public ValueTask DisposeAsync() => _cleanup();
}
