using EventSync.Contracts;
using EventSync.Testing;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// The failure events of one fault test: one tenant, records with one known error each (five error types in turn), each
/// record reported by one or more events with ids of their own. What the store must hold afterwards follows from it.
/// </summary>
public sealed class PublishedFailures
{
    private static readonly (ReportedError Error, string ErrorType)[] Errors =
    [
        (SyncFailures.DuplicateRule, SyncFailures.DuplicateRuleType),
        (SyncFailures.InvalidEmail, SyncFailures.InvalidEmailType),
        (SyncFailures.ValidationRule, SyncFailures.ValidationRuleType),
        (SyncFailures.RequiredFieldMissing, SyncFailures.RequiredValueMissingType),
        (SyncFailures.RestrictedPicklistBulk, SyncFailures.RestrictedPicklistType),
    ];

    private readonly Dictionary<string, string> _errorTypeByRecord = new(StringComparer.Ordinal);
    private int _next;

    public PublishedFailures(string name) => Tenant = SyncFailures.NewTenant(name);

    public string Tenant { get; }

    /// <summary>The error type each record's events classify as, by HubSpot id.</summary>
    public IReadOnlyDictionary<string, string> ErrorTypeByRecord => _errorTypeByRecord;

    /// <summary>Events for <paramref name="records"/> new records, <paramref name="eventsPerRecord"/> each, records interleaved.</summary>
    public IReadOnlyList<SyncFailureReported> Create(int records, int eventsPerRecord = 1)
    {
        var created = new List<SyncFailureReported>(records * eventsPerRecord);
        var recordEvents = Enumerable.Range(0, records).Select(_ => NextRecord()).ToList();
        for (var round = 0; round < eventsPerRecord; round++)
        {
            created.AddRange(recordEvents.Select(r => SyncFailures.ToSalesforce(Tenant, r.HubSpotId, r.Error)));
        }

        return created;
    }

    private (string HubSpotId, ReportedError Error) NextRecord()
    {
        var index = _next++;
        var hubSpotId = (100_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (error, errorType) = Errors[index % Errors.Length];
        _errorTypeByRecord[hubSpotId] = errorType;
        return (hubSpotId, error);
    }
}
