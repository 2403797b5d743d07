using EventSync.Contracts;
using EventSync.Core.Usage;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Allocation;

/// <summary>
/// Tells the engines a tenant's allocation changed: <see cref="ApiAllocationChanged"/> as plain JSON on the durable fanout
/// exchange <c>eventsync.api-allocation</c> (declared by MassTransit on the first send, as engines declare it), waiting for
/// the broker's confirm. There is no outbox: a broker failure after the allocation was stored fails the request, and the
/// same request again announces it again.
/// </summary>
internal sealed class ApiAllocationAnnouncer(ISendEndpointProvider endpoints, IOptions<MessagingOptions> messaging, TimeProvider clock)
{
    public static readonly Uri EngineExchange = new($"exchange:{EngineExchanges.ApiAllocation}?type=fanout");

    public async Task AnnounceAsync(ApiAllocation stored, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var changed = new ApiAllocationChanged
        {
            TenantId = stored.TenantId,
            AllocatedToHubSpot = stored.AllocatedToHubSpot,
            SalesforceDailyLimit = stored.ReportedAt is null ? null : stored.SalesforceLimit,
            ChangedAt = clock.GetUtcNow(),
            ChangedBy = changedBy,
        };
        var exchange = await endpoints.GetSendEndpoint(EngineExchange);
        await messaging.Within(token => exchange.Send(changed, context => context.Serializer = PlainJsonMessages.Serializer, token), cancellationToken);
    }
}
