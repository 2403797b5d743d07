using EventSync.Contracts;
using EventSync.Core.Classification;
using EventSync.Core.Errors;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>Errors recorded straight into the worker's store, as the classifier would have recorded them.</summary>
public static class StoredErrors
{
    /// <summary>Records one failure event and returns the errors it opened.</summary>
    public static async Task<IReadOnlyList<SyncError>> RecordAsync(ISyncErrorStore store, SyncFailureReported failure)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(failure);
        var classification = SyncFailureClassifier.Default.Classify(failure);
        var changes = await store.RecordAsync([.. FailureOccurrence.Of(failure, classification, failure.OccurredAt!.Value)], TestContext.Current.CancellationToken);
        return [.. changes.Select(c => c.Error)];
    }

    /// <summary>A failure of one HubSpot contact with the given errors, reported by <paramref name="engineId"/>.</summary>
    public static SyncFailureReported Failure(string tenantId, string hubSpotId, string engineId, DateTimeOffset at, params ReportedError[] errors) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        TenantId = tenantId,
        EngineId = engineId,
        Source = "salesforce",
        Direction = "toSalesforce",
        ObjectType = "contact",
        HubSpotId = hubSpotId,
        Errors = errors,
        OccurredAt = at,
    };

    /// <summary>Errors on <paramref name="records"/> records of one engine, two on each of the first <paramref name="withTwo"/>.</summary>
    public static async Task<IReadOnlyList<SyncError>> SeedAsync(ISyncErrorStore store, string tenantId, string engineId, int records, int withTwo, DateTimeOffset at)
    {
        var errors = new List<SyncError>();
        for (var i = 0; i < records; i++)
        {
            ReportedError[] reported = i < withTwo
                ? [Testing.SyncFailures.InvalidEmail, Testing.SyncFailures.RequiredFieldMissing]
                : [Testing.SyncFailures.InvalidEmail];
            errors.AddRange(await RecordAsync(store, Failure(tenantId, $"{engineId}-{i:D4}", engineId, at, reported)));
        }

        return errors;
    }
}
