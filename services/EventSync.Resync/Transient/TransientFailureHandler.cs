using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using Microsoft.Extensions.Options;

namespace EventSync.Resync.Transient;

/// <summary>
/// A transient error failed (again): it gets an automatic resync after its back-off (an <c>api-limit</c> failure waits for
/// budget room instead), or, once it failed past <see cref="ResyncOptions.MaxAttempts"/> resyncs, it surfaces as an
/// ordinary open error and <see cref="TransientErrorSurfaced"/> is announced: queued in the outbox by the write that
/// surfaces it, so a crash or a broker failure after that write loses nothing. Idempotent: a redelivered event counts
/// once, its request id is derived from the error and the failure count, and surfacing twice changes nothing.
/// </summary>
internal sealed class TransientFailureHandler(
    ITransientRetryStore retries,
    IResyncRequestStore requests,
    ISyncErrorQueries errorQueries,
    ISyncErrorStore errors,
    OutboxSignal outbox,
    IOptions<ResyncOptions> options,
    TimeProvider time,
    ILogger<TransientFailureHandler> logger)
{
    public const string ApiLimitErrorType = "api-limit";

    /// <summary>Returns whether an automatic request was recorded (the caller then dispatches the tenant).</summary>
    public async Task<bool> HandleAsync(SyncErrorClassified failure, CancellationToken cancellationToken)
    {
        if (failure.Category != ErrorCatalog.TransientCategory || !failure.Retryable)
        {
            return false;
        }

        var settings = options.Value;
        var now = time.GetUtcNow();
        var failures = await retries.CountFailureAsync(failure.TenantId, failure.ErrorId, failure.EventId, cancellationToken);
        if (failures > settings.MaxAttempts)
        {
            // Surfaced by the first failure past the tries; later failures of the surfaced error are ordinary recurrences,
            // announced by the classifier, not surfaced once more.
            if (failures == settings.MaxAttempts + 1)
            {
                await SurfaceAsync(failure, settings.MaxAttempts, now, cancellationToken);
            }

            return false;
        }

        var error = await errorQueries.GetManyAsync(failure.TenantId, [failure.ErrorId], cancellationToken);
        if (error.Count == 0 || !error[0].IsCurrent)
        {
            return false;
        }

        var notBefore = failure.ErrorType == ApiLimitErrorType
            ? now
            : now + TransientBackOff.Delay(failures, settings.FirstRetryDelay, settings.MaxRetryDelay, Random.Shared);
        var header = new ResyncRequestHeader($"auto-{failure.ErrorId}-{failures}", failure.TenantId, ResyncWire.AutomaticRequester, now, ResyncKind.Automatic, notBefore);
        if (await requests.AddRequestAsync(ResyncPlanner.Plan(header, error), cancellationToken))
        {
            await errors.MarkResyncPendingAsync(failure.TenantId, [failure.ErrorId], cancellationToken);
            logger.TransientRetryPlanned(failure.ErrorId, failure.TenantId, failures, notBefore);
        }

        return true;
    }

    private async Task SurfaceAsync(SyncErrorClassified failure, int attempts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var surfacedNow = false;
        var error = await retries.SurfaceAsync(
            failure.TenantId,
            failure.ErrorId,
            now,
            surfaced =>
            {
                surfacedNow = true;
                return Announcement(surfaced, attempts);
            },
            cancellationToken);
        if (error is not null && surfacedNow)
        {
            outbox.Notify();
            logger.TransientSurfaced(failure.ErrorId, failure.TenantId, attempts);
        }
    }

    // Its id is derived from the error and the moment it surfaced: the same whoever writes it.
    private static OutboxMessage Announcement(SyncError error, int attempts)
    {
        var surfacedAt = error.SurfacedAt!.Value;
        var message = OutboxMessage.Of(new TransientErrorSurfaced
        {
            ErrorId = error.Id,
            TenantId = error.TenantId,
            EngineId = error.EngineId,
            ObjectType = error.ObjectType,
            HubSpotId = error.HubSpotId,
            SalesforceId = error.SalesforceId,
            Category = error.Category,
            ErrorType = error.ErrorType,
            Attempts = attempts,
            SurfacedAt = surfacedAt,
        });
        return message with { MessageId = SurfacedMessageId.Of(error, surfacedAt) };
    }
}
