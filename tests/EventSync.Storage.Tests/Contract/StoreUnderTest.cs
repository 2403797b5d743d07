using EventSync.Core.Resync;
using EventSync.Core.Storage;

namespace EventSync.Storage.Tests.Contract;

/// <summary>
/// A fresh, empty, isolated store handed to one contract test, seen through the store interfaces.
/// Disposing it runs the cleanup given by the fixture (close the store, delete its file or database).
/// </summary>
public sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly Func<ValueTask> _cleanup;
    private readonly ISyncErrorQueries? _queries;

    /// <summary>The queries are <paramref name="errors"/> itself when it implements <see cref="ISyncErrorQueries"/>.</summary>
    public StoreUnderTest(ISyncErrorStore errors, IApiUsageStore usage, IStoreLifecycle lifecycle, Func<ValueTask> cleanup)
        : this(errors, usage, lifecycle, errors as ISyncErrorQueries, cleanup)
    {
    }

    public StoreUnderTest(ISyncErrorStore errors, IApiUsageStore usage, IStoreLifecycle lifecycle, ISyncErrorQueries? queries, Func<ValueTask> cleanup)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
        Usage = usage;
        Lifecycle = lifecycle;
        _queries = queries;
        _cleanup = cleanup;
    }

    public ISyncErrorStore Errors { get; }

    public IApiUsageStore Usage { get; }

    public IStoreLifecycle Lifecycle { get; }

    public ISyncErrorQueries Queries =>
        _queries ?? throw new InvalidOperationException($"The store under test does not implement {nameof(ISyncErrorQueries)}.");

    /// <summary>The store itself when it implements <see cref="IAffectedRecordQueries"/> (looked up at run time).</summary>
    public IAffectedRecordQueries AffectedRecords => Implemented<IAffectedRecordQueries>();

    /// <summary>The store itself when it implements <see cref="IUnknownErrorGroupQueries"/> (looked up at run time).</summary>
    public IUnknownErrorGroupQueries UnknownGroups => Implemented<IUnknownErrorGroupQueries>();

    /// <summary>The store itself when it implements <see cref="INotificationSettingsStore"/> (looked up at run time).</summary>
    public INotificationSettingsStore Settings => Implemented<INotificationSettingsStore>();

    /// <summary>The store itself when it implements <see cref="IViewStore"/> (looked up at run time).</summary>
    public IViewStore Views => Implemented<IViewStore>();

    /// <summary>The store itself when it implements <see cref="IDigestClaimStore"/> (looked up at run time).</summary>
    public IDigestClaimStore DigestClaims => Implemented<IDigestClaimStore>();

    /// <summary>The store itself when it implements <see cref="IAlertWindowStore"/> (looked up at run time).</summary>
    public IAlertWindowStore AlertWindows => Implemented<IAlertWindowStore>();
    /// <summary>The store itself when it implements <see cref="IResyncRequestStore"/> (looked up at run time).</summary>
    public IResyncRequestStore Resync => Implemented<IResyncRequestStore>();

    /// <summary>The store itself when it implements <see cref="IApiBudgetStore"/> (looked up at run time).</summary>
    public IApiBudgetStore Budget => Implemented<IApiBudgetStore>();

    /// <summary>The store itself when it implements <see cref="ITransientRetryStore"/> (looked up at run time).</summary>
    public ITransientRetryStore Retries => Implemented<ITransientRetryStore>();

    /// <summary>For a store class that implements all the store interfaces (<see cref="ISyncErrorQueries"/> is looked up at run time).</summary>
    public static StoreUnderTest Of<TStore>(TStore store, Func<ValueTask> cleanup)
        where TStore : ISyncErrorStore, IApiUsageStore, IStoreLifecycle =>
        new(store, store, store, cleanup);

    public ValueTask DisposeAsync() => _cleanup();

    private T Implemented<T>()
        where T : class =>
        Errors as T ?? throw new InvalidOperationException($"The store under test does not implement {typeof(T).Name}.");
}
