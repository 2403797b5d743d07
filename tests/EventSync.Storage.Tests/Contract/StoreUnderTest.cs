using EventSync.Core.Audit;
using EventSync.Core.Errors;
using EventSync.Core.Links;
using EventSync.Core.Notifications;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Core.Usage;
using EventSync.Core.Views;
using EventSync.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Storage.Tests.Contract;

/// <summary>
/// A fresh, empty, isolated store handed to one contract test, seen through the store interfaces as a host resolves them.
/// Disposing it runs the cleanup given by the fixture (close the store, delete its file or database).
/// </summary>
public sealed class StoreUnderTest(IServiceProvider services, Func<ValueTask> cleanup) : IAsyncDisposable
{
    public ISyncErrorStore Errors { get; } = services.GetRequiredService<ISyncErrorStore>();

    public IErrorCardRecount Recount { get; } = services.GetRequiredService<IErrorCardRecount>();

    public IApiUsageStore Usage { get; } = services.GetRequiredService<IApiUsageStore>();

    public IStoreLifecycle Lifecycle { get; } = services.GetRequiredService<IStoreLifecycle>();

    public ISyncErrorQueries Queries { get; } = services.GetRequiredService<ISyncErrorQueries>();

    public IAffectedRecordQueries AffectedRecords { get; } = services.GetRequiredService<IAffectedRecordQueries>();

    public IUnknownErrorGroupQueries UnknownGroups { get; } = services.GetRequiredService<IUnknownErrorGroupQueries>();

    public INotificationSettingsStore Settings { get; } = services.GetRequiredService<INotificationSettingsStore>();

    public IViewStore Views { get; } = services.GetRequiredService<IViewStore>();

    public IRecordLinkSettingsStore RecordLinks { get; } = services.GetRequiredService<IRecordLinkSettingsStore>();

    public IDigestClaimStore DigestClaims { get; } = services.GetRequiredService<IDigestClaimStore>();

    public IAlertWindowStore AlertWindows { get; } = services.GetRequiredService<IAlertWindowStore>();

    public IResyncRequestStore Resync { get; } = services.GetRequiredService<IResyncRequestStore>();

    public IApiBudgetStore Budget { get; } = services.GetRequiredService<IApiBudgetStore>();

    public ITransientRetryStore Retries { get; } = services.GetRequiredService<ITransientRetryStore>();

    public IAuditTrailStore Audit { get; } = services.GetRequiredService<IAuditTrailStore>();

    public IOutboxStore Outbox { get; } = services.GetRequiredService<IOutboxStore>();

    public IWebhookStore Webhooks { get; } = services.GetRequiredService<IWebhookStore>();

    public ValueTask DisposeAsync() => cleanup();
}
