using EventSync.Core.Errors;

namespace EventSync.Core.Resync;

/// <summary>Turns the errors of a resync command into a request: one part per record, in the order the records first appear.</summary>
public static class ResyncPlanner
{
    public static ResyncRequestRecord Plan(ResyncRequestHeader header, IReadOnlyList<SyncError> errors)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(errors);
        var parts = errors
            .GroupBy(e => (e.ObjectType, e.RecordKey))
            .Select((record, index) => new ResyncPart
            {
                Index = index,
                EngineId = record.Select(e => e.EngineId).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id)),
                ObjectType = record.Key.ObjectType,
                RecordKey = record.Key.RecordKey,
                HubSpotId = record.Select(e => e.HubSpotId).FirstOrDefault(id => id is not null),
                SalesforceId = record.Select(e => e.SalesforceId).FirstOrDefault(id => id is not null),
                Direction = record.Select(e => e.Direction).FirstOrDefault(d => d is not null),
                ErrorIds = [.. record.Select(e => e.Id)],
                State = ResyncPartState.Queued,
            })
            .ToList();
        return new ResyncRequestRecord
        {
            RequestId = header.RequestId,
            TenantId = header.TenantId,
            RequestedBy = header.RequestedBy,
            RequestedAt = header.RequestedAt,
            Kind = header.Kind,
            NotBefore = header.NotBefore ?? header.RequestedAt,
            Parts = parts,
            Version = 1,
        };
    }
}
