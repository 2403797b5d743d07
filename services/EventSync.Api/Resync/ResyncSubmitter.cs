using EventSync.Api.Endpoints;
using EventSync.Api.Monitoring;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Resync;

/// <summary>
/// Submits one resync request of at most <see cref="ResyncErrors.MaxErrorIds"/> of a tenant's errors: moves them to
/// resync-pending, records the request as queued (so that its progress can be read at once; the resync worker takes it
/// from there and leaves a request it finds recorded as it is) and sends the <see cref="ResyncErrors"/> command.
/// </summary>
internal sealed class ResyncSubmitter(
    ISyncErrorStore errors, IResyncRequestStore requests, IPublishEndpoint publisher, IOptions<MessagingOptions> messaging, ApiMetrics metrics, TimeProvider clock)
{
    /// <summary>
    /// What became of each error; the request id is null when none moved, so that nothing was requested.
    /// <paramref name="requester"/> is recorded as who asked (the key's name).
    /// </summary>
    public async Task<ResyncAccepted> SubmitAsync(string tenantId, string requester, IReadOnlyList<SyncError> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        var ids = found.Select(e => e.Id).ToList();
        var moved = (await errors.MarkResyncPendingAsync(tenantId, ids, cancellationToken)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var accepted = ids.Where(moved.Contains).ToList();
        var notMoved = found.Where(e => !moved.Contains(e.Id)).ToList();
        var alreadyPending = notMoved.Where(e => e.State is not (SyncErrorState.Resolved or SyncErrorState.Ignored)).Select(e => e.Id).ToList();
        var notResyncable = notMoved.Where(e => e.State is SyncErrorState.Resolved or SyncErrorState.Ignored).Select(e => e.Id).ToList();
        if (accepted.Count == 0)
        {
            return new ResyncAccepted(null, accepted, alreadyPending, notResyncable);
        }

        var requestId = Guid.NewGuid().ToString();
        var requestedAt = clock.GetUtcNow();
        var header = new ResyncRequestHeader(requestId, tenantId, requester, requestedAt, ResyncKind.Operator);
        await requests.AddRequestAsync(ResyncPlanner.Plan(header, [.. found.Where(e => moved.Contains(e.Id))]), cancellationToken);
        await messaging.Within(
            token => publisher.Publish(
                new ResyncErrors { RequestId = requestId, TenantId = tenantId, ErrorIds = accepted, RequestedBy = requester, RequestedAt = requestedAt },
                token),
            cancellationToken);
        metrics.ResyncRequested(accepted.Count);
        return new ResyncAccepted(requestId, accepted, alreadyPending, notResyncable);
    }
}
