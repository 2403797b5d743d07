using EventSync.Core.Errors;
using EventSync.Core.Storage;
using Microsoft.Extensions.Options;

namespace EventSync.Classifier.Recording;

/// <summary>
/// Reopens ignored errors whose date came, every <see cref="ClassifierOptions.IgnoredErrorCheckInterval"/>: each is stored
/// as open together with its <see cref="EventSync.Contracts.SyncErrorClassified"/> (reopened) in the outbox, so that it is
/// announced like any reopened error. Several instances may run: the store reopens each error once.
/// </summary>
public sealed class IgnoredErrorReopener(
    ISyncErrorStore store, OutboxSignal outbox, TimeProvider time, IOptions<ClassifierOptions> options, ILogger<IgnoredErrorReopener> logger) : BackgroundService
{
    public const int BatchSize = 500;

    /// <summary>Reopens every ignored error due now; returns how many.</summary>
    public async Task<int> ReopenDueAsync(CancellationToken cancellationToken)
    {
        var reopened = 0;
        IReadOnlyList<SyncErrorChange> changes;
        do
        {
            changes = await store.ReopenDueIgnoredAsync(time.GetUtcNow(), BatchSize, c => OutboxMessage.Of(FailureRecorder.Announcement(c)), cancellationToken);
            reopened += changes.Count;
            if (changes.Count > 0)
            {
                outbox.Notify();
                logger.IgnoredErrorsReopened(changes.Count);
            }
        }
        while (changes.Count == BatchSize);

        return reopened;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.IgnoredErrorCheckInterval, time);
        do
        {
            try
            {
                await ReopenDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again: nothing was reopened that was not stored with its announcement.
                logger.IgnoredErrorsNotReopened(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
