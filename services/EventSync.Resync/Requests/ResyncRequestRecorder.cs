using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Resync;

namespace EventSync.Resync.Requests;

/// <summary>
/// Checks a <see cref="ResyncErrors"/> command and records it as a request with one part per record. Idempotent: a
/// request recorded already (by the API when it accepted it, or by an earlier delivery) is left as it is.
/// </summary>
internal sealed class ResyncRequestRecorder(ISyncErrorQueries errors, IResyncRequestStore requests, ILogger<ResyncRequestRecorder> logger)
{
    public async Task RecordAsync(ResyncErrors command, CancellationToken cancellationToken)
    {
        var ids = Validate(command);
        if (await requests.GetRequestAsync(command.TenantId, command.RequestId, cancellationToken) is not null)
        {
            return;
        }

        var found = await errors.GetManyAsync(command.TenantId, ids, cancellationToken);
        var unknown = ids.Except(found.Select(e => e.Id), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidResyncCommandException($"Resync request {command.RequestId}: not errors of tenant {command.TenantId}: {string.Join(", ", unknown)}.");
        }

        var kind = string.Equals(command.RequestedBy, ResyncWire.AutomaticRequester, StringComparison.Ordinal) ? ResyncKind.Automatic : ResyncKind.Operator;
        var header = new ResyncRequestHeader(command.RequestId, command.TenantId, command.RequestedBy ?? "unknown", command.RequestedAt, kind);
        var request = ResyncPlanner.Plan(header, [.. found.Where(e => e.IsCurrent)]) with
        {
            SkippedErrorIds = [.. found.Where(e => !e.IsCurrent).Select(e => e.Id)],
        };
        if (await requests.AddRequestAsync(request, cancellationToken))
        {
            logger.RequestRecorded(request.RequestId, request.TenantId, request.Parts.Count, request.SkippedErrorIds.Count);
        }
    }

    private static List<string> Validate(ResyncErrors command)
    {
        if (string.IsNullOrWhiteSpace(command.RequestId) || string.IsNullOrWhiteSpace(command.TenantId))
        {
            throw new InvalidResyncCommandException("A resync request needs a requestId and a tenantId.");
        }

        var ids = (command.ErrorIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new InvalidResyncCommandException($"Resync request {command.RequestId} names no error id.");
        }

        if (command.ErrorIds!.Count > ResyncErrors.MaxErrorIds)
        {
            throw new InvalidResyncCommandException(
                $"Resync request {command.RequestId} names {command.ErrorIds.Count} error ids; at most {ResyncErrors.MaxErrorIds} are allowed.");
        }

        return ids;
    }
}
