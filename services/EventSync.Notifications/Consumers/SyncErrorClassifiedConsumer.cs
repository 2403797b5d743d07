using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Notifications;
using EventSync.Notifications.Alerts;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary>
/// A new or reopened error joins its tenant's immediate alert; a recurring one was told already, and a transient one
/// alerts only once it surfaces (<see cref="TransientErrorSurfacedConsumer"/>).
/// </summary>
internal sealed class SyncErrorClassifiedConsumer(AlertRecorder alerts) : IConsumer<SyncErrorClassified>
{
    public async Task Consume(ConsumeContext<SyncErrorClassified> context)
    {
        var m = context.Message;
        if (m.Category == ErrorCatalog.TransientCategory || m.Occurrence == ErrorOccurrence.Recurring)
        {
            return;
        }

        var reason = m.Occurrence == ErrorOccurrence.Reopened ? AlertReasons.Reopened : AlertReasons.New;
        var entry = new AlertEntry(m.ErrorId, m.Category, m.ErrorType, m.ObjectType, m.HubSpotId, m.SalesforceId, reason, m.OccurredAt);
        await alerts.RecordAsync(m.TenantId, entry, context.CancellationToken);
    }
}
