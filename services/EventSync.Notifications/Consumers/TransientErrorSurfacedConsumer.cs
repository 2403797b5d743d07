using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.Notifications.Alerts;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary>A transient error that kept failing through its automatic resyncs joins its tenant's immediate alert.</summary>
internal sealed class TransientErrorSurfacedConsumer(AlertRecorder alerts) : IConsumer<TransientErrorSurfaced>
{
    public async Task Consume(ConsumeContext<TransientErrorSurfaced> context)
    {
        var m = context.Message;
        var entry = new AlertEntry(m.ErrorId, m.Category, m.ErrorType, m.ObjectType, m.HubSpotId, m.SalesforceId, AlertReasons.Surfaced, m.SurfacedAt);
        await alerts.RecordAsync(m.TenantId, entry, context.CancellationToken);
    }
}
