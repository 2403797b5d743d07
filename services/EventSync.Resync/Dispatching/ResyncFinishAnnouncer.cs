using EventSync.Contracts;
using EventSync.Core.Resync;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Resync.Dispatching;

/// <summary>
/// Publishes <see cref="ResyncRequestFinished"/> for a request whose finish is not announced yet, then clears the mark. The
/// mark is written by the change that finished the request, so a worker that dies before the broker's confirm leaves it
/// set: the request stays waiting, and the next dispatch or sweep announces it again with the same message id.
/// </summary>
internal sealed class ResyncFinishAnnouncer(
    IResyncRequestStore requests, IPublishEndpoint publisher, IOptions<MessagingOptions> messaging, ILogger<ResyncFinishAnnouncer> logger)
{
    public async Task AnnounceAsync(ResyncRequestRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.FinishUnannounced)
        {
            return;
        }

        var message = Announcement(request);
        var messageId = ResyncMessageId.OfFinish(request.TenantId, request.RequestId);
        await messaging.Within(token => publisher.Publish(message, context => context.MessageId = messageId, token), cancellationToken);
        await requests.UpdateRequestAsync(request.TenantId, request.RequestId, ResyncRequestTransitions.FinishAnnounced, cancellationToken);
        logger.FinishAnnounced(request.RequestId, request.TenantId, message.Outcome);
    }

    public static ResyncRequestFinished Announcement(ResyncRequestRecord request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResyncRequestFinished
        {
            TenantId = request.TenantId,
            RequestId = request.RequestId,
            RequestedBy = request.RequestedBy,
            RequestedAt = request.RequestedAt,
            Outcome = request.Outcome,
            Records = request.Parts.Count,
            Completed = request.Parts.Count(p => p.State == ResyncPartState.Completed),
            Failed = request.Parts.Count(p => p.State == ResyncPartState.Failed),
            FinishedAt = request.FinishedAt ?? request.RequestedAt,
        };
    }
}
