using EventSync.Contracts;
using EventSync.Core.Storage;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Assignment;

/// <summary>
/// Assigns errors to a person and, when some changed, publishes <see cref="ErrorsAssigned"/> for the email to the
/// assignee. A broker failure after the write fails the request: the same request again publishes again.
/// </summary>
internal sealed class ErrorAssigner(ISyncErrorStore store, IPublishEndpoint publisher, IOptions<MessagingOptions> messaging, TimeProvider clock)
{
    public async Task<IReadOnlyList<SyncError>> AssignAsync(
        string tenantId, IReadOnlyList<string> errorIds, string? assignee, string assignedBy, CancellationToken cancellationToken)
    {
        var changed = await store.AssignAsync(tenantId, errorIds, assignee, cancellationToken);
        if (assignee is not null && changed.Count > 0)
        {
            var assigned = new ErrorsAssigned
            {
                TenantId = tenantId, Assignee = assignee, AssignedBy = assignedBy, ErrorIds = [.. changed.Select(e => e.Id)], AssignedAt = clock.GetUtcNow(),
            };
            await messaging.Within(token => publisher.Publish(assigned, token), cancellationToken);
        }

        return changed;
    }
}
