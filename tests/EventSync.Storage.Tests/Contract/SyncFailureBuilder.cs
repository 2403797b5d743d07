using EventSync.Contracts;
using EventSync.Core.Classification;
using EventSync.Core.Errors;

namespace EventSync.Storage.Tests.Contract;

/// <summary>
/// Builds <see cref="SyncFailureReported"/> events and their occurrences, classified with the real classifier.
/// Immutable: every method returns a changed copy, so one builder can be the base of several events.
/// Each <see cref="Build"/> makes a new event id unless <see cref="WithEventId"/> fixed one.
/// </summary>
public sealed record SyncFailureBuilder
{
    public const string DefaultTenant = "portal-4711";

    /// <summary>A whole millisecond, so that every store keeps it exactly.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 15, 0, TimeSpan.Zero);

    private string TenantId { get; init; } = DefaultTenant;

    private string ObjectType { get; init; } = "contact";

    private string? HubSpotId { get; init; }

    private string? SalesforceId { get; init; }

    private string? EventId { get; init; }

    private DateTimeOffset OccurredAt { get; init; } = Start;

    private IReadOnlyList<ReportedError> Errors { get; init; } = [SalesforceErrors.DuplicateRule];

    /// <summary>A HubSpot contact syncing to Salesforce.</summary>
    public static SyncFailureBuilder Contact(string hubSpotId, string? salesforceId = null) =>
        new() { ObjectType = "contact", HubSpotId = hubSpotId, SalesforceId = salesforceId };

    /// <summary>A record known only by its Salesforce id.</summary>
    public static SyncFailureBuilder SalesforceRecord(string objectType, string salesforceId) =>
        new() { ObjectType = objectType, SalesforceId = salesforceId };

    public SyncFailureBuilder InTenant(string tenantId) => this with { TenantId = tenantId };

    public SyncFailureBuilder As(string objectType) => this with { ObjectType = objectType };

    public SyncFailureBuilder At(DateTimeOffset occurredAt) => this with { OccurredAt = occurredAt };

    public SyncFailureBuilder WithEventId(string eventId) => this with { EventId = eventId };

    public SyncFailureBuilder Failing(params ReportedError[] errors) => this with { Errors = errors };

    public SyncFailureReported Build() => new()
    {
        EventId = EventId ?? Guid.NewGuid().ToString(),
        TenantId = TenantId,
        EngineId = "sf-sync-eu-1",
        Source = "salesforce",
        Direction = "toSalesforce",
        ObjectType = ObjectType,
        HubSpotId = HubSpotId,
        SalesforceId = SalesforceId,
        Errors = Errors,
        OccurredAt = OccurredAt,
    };

    /// <summary>Builds one event and returns its classified occurrences.</summary>
    public IReadOnlyList<FailureOccurrence> BuildOccurrences() => Occurrences(Build());

    /// <summary>The occurrences of an event as the classifier service would hand them to a store.</summary>
    public static IReadOnlyList<FailureOccurrence> Occurrences(SyncFailureReported failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var classification = SyncFailureClassifier.Default.Classify(failure);
        return FailureOccurrence.Of(failure, classification, failure.OccurredAt ?? Start).ToList();
    }
}
