using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Assignment;

/// <summary>
/// Assigns errors to a person and, when some changed, publishes <see cref="ErrorsAssigned"/> for the email to the
/// assignee, in parts of at most <see cref="ErrorsAssigned.MaxErrorIds"/> errors. A broker failure after the write fails
/// the request: the same request again publishes again.
/// </summary>
internal sealed class ErrorAssigner(ISyncErrorStore store, IPublishEndpoint publisher, IOptions<MessagingOptions> messaging, TimeProvider clock)
{
    public async Task<IReadOnlyList<SyncError>> AssignAsync(
        string tenantId, IReadOnlyList<string> errorIds, string? assignee, string assignedBy, CancellationToken cancellationToken)
    {
        var changed = await store.AssignAsync(tenantId, errorIds, assignee, cancellationToken);
        if (assignee is null)
        {
            return changed;
        }

        var at = clock.GetUtcNow();
        foreach (var part in changed.Chunk(ErrorsAssigned.MaxErrorIds))
        {
            var assigned = new ErrorsAssigned { TenantId = tenantId, Assignee = assignee, AssignedBy = assignedBy, ErrorIds = [.. part.Select(e => e.Id)], AssignedAt = at };
            await messaging.Within(token => publisher.Publish(assigned, token), cancellationToken);
        }

        return changed;
    }
}
