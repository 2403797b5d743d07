using EventSync.Contracts;

namespace EventSync.Core.Validation;

public static class RecordSyncedValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(RecordSynced message) => Validate(message, clock: null);

    /// <summary>With a clock, <c>syncedAt</c> must also lie in the <see cref="ReceiptWindow"/>.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(RecordSynced message, TimeProvider? clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = new List<ValidationProblem>();
        Bounded.RequiredId(message.EventId, "eventId", WireLimits.MaxIdLength, problems);
        TenantIds.Check(message.TenantId, "tenantId", problems);
        Bounded.RequiredId(message.ObjectType, "objectType", WireLimits.MaxNameLength, problems);
        Bounded.Id(message.HubSpotId, "hubSpotId", WireLimits.MaxIdLength, problems);
        Bounded.Id(message.SalesforceId, "salesforceId", WireLimits.MaxIdLength, problems);
        if (string.IsNullOrWhiteSpace(message.HubSpotId) && string.IsNullOrWhiteSpace(message.SalesforceId))
        {
            problems.Add(new("hubSpotId", "hubSpotId or salesforceId is required to know which record synced."));
        }

        if (clock is not null)
        {
            ReceiptWindow.Check(message.SyncedAt, "syncedAt", clock, problems);
        }

        return problems;
    }
}
