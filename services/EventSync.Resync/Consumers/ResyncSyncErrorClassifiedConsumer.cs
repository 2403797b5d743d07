using EventSync.Contracts;
using EventSync.Core.Resync;
using EventSync.Resync.Dispatching;
using EventSync.Resync.Transient;
using MassTransit;

namespace EventSync.Resync.Consumers;

/// <summary>
/// An error was classified: if it came back (recurring or reopened) while a resync of it was out, that part failed (and a
/// request this finishes is announced); if it is transient, it gets an automatic resync or surfaces.
/// </summary>
internal sealed class ResyncSyncErrorClassifiedConsumer(
    IResyncRequestStore requests, TransientFailureHandler transient, ResyncDispatcher dispatcher, ResyncFinishAnnouncer announcer) : IConsumer<SyncErrorClassified>
{
    public async Task Consume(ConsumeContext<SyncErrorClassified> context)
    {
        var message = context.Message;
        if (message.Occurrence != ErrorOccurrence.New)
        {
            var reason = $"failed again: {message.ErrorType} ({message.Occurrence.ToString().ToLowerInvariant()}, event {message.EventId})";
            foreach (var request in await requests.ListSentForErrorAsync(message.TenantId, message.ErrorId, context.CancellationToken))
            {
                if (await requests.UpdateRequestAsync(
                    message.TenantId, request.RequestId, r => ResyncRequestTransitions.Fail(r, message.ErrorId, message.OccurredAt, reason), context.CancellationToken) is { } changed)
                {
                    await announcer.AnnounceAsync(changed, context.CancellationToken);
                }
            }
        }

        if (await transient.HandleAsync(message, context.CancellationToken))
        {
            await dispatcher.DispatchAsync(message.TenantId, context.CancellationToken);
        }
    }
}
