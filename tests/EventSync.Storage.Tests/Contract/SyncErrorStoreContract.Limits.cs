using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Testing;

namespace EventSync.Storage.Tests.Contract;

/// <summary>Values exactly as large as the wire allows (<see cref="WireLimits"/>) are stored whole and read back whole.</summary>
public abstract partial class SyncErrorStoreContract
{
    [Fact]
    public async Task Should_store_and_read_back_every_field_whole_when_each_is_exactly_at_its_wire_maximum()
    {
        await using var store = await StartAsync();
        var tenant = "t" + new string('9', WireLimits.MaxTenantIdLength - 1);
        var failure = FailureAtTheLimits(tenant);

        var changes = await store.Errors.RecordAsync([.. SyncFailureBuilder.Occurrences(failure)], Ct);

        Assert.NotEmpty(changes);
        var stored = await store.Errors.GetAsync(tenant, changes[0].Error.Id, Ct);
        Assert.NotNull(stored);
        AssertSameError(changes[0].Error, stored);
        Assert.Equal((tenant, failure.HubSpotId, failure.SalesforceId, failure.EngineId), (stored.TenantId, stored.HubSpotId, stored.SalesforceId, stored.EngineId));
        Assert.Equal(failure.ObjectType, stored.ObjectType);
        Assert.Equal([failure.EventId], stored.RecentEventIds);
        var largest = stored.RawErrors.Single(e => e.Message?.Length == WireLimits.MaxMessageLength);
        Assert.Equal(JsonSerializer.Serialize(failure.Errors[0], ContractJson.Options), JsonSerializer.Serialize(largest, ContractJson.Options));

        var page = await store.Queries.ListAsync(new ErrorQuery(tenant), after: null, limit: 200, Ct);
        Assert.Equal(changes.Select(c => c.Error.Id).Distinct().Order(StringComparer.Ordinal), page.Errors.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(page.Errors, e => Assert.Equal((failure.HubSpotId, failure.SalesforceId), (e.HubSpotId, e.SalesforceId)));

        var records = new List<AffectedRecord>();
        await foreach (var record in store.AffectedRecords.AffectedRecordsAsync(new ErrorQuery(tenant), Ct))
        {
            records.Add(record);
        }

        var affected = Assert.Single(records);
        Assert.Equal((failure.ObjectType, failure.HubSpotId, failure.SalesforceId), (affected.ObjectType, affected.HubSpotId, affected.SalesforceId));
    }

    [Fact]
    public async Task Should_store_each_error_with_its_own_reported_error_and_capped_others_when_every_error_of_an_event_is_at_the_wire_maximum()
    {
        await using var store = await StartAsync();
        var failure = FailureAtTheLimits(Tenant) with
        {
            Errors = [.. Enumerable.Range(0, WireLimits.MaxErrorsPerEvent).Select(i => new ReportedError
            {
                StatusCode = i % 2 == 0 ? "DUPLICATES_DETECTED" : "INVALID_EMAIL_ADDRESS",
                Message = $"{i} ".PadRight(WireLimits.MaxMessageLength, 'ż'),
                Raw = new string('r', WireLimits.MaxRawLength),
            })],
        };

        var changes = await store.Errors.RecordAsync([.. SyncFailureBuilder.Occurrences(failure)], Ct);

        Assert.NotEmpty(changes);
        foreach (var change in changes)
        {
            var stored = await store.Errors.GetAsync(Tenant, change.Error.Id, Ct);
            Assert.NotNull(stored);
            Assert.InRange(stored.RawErrors.Count, 1, StoredRawErrors.MaxCount);
            Assert.True(stored.RawErrors.Skip(1).Sum(StoredRawErrors.TextBytes) <= StoredRawErrors.MaxOtherTextBytes);
            Assert.Equal(WireLimits.MaxMessageLength, stored.RawErrors[0].Message?.Length);
        }
    }

    /// <summary>
    /// Ids, names and the error count at their maximum; the first error has every text, its fields and its context at
    /// theirs, the others are ordinary errors of other types, as an engine's batch would hold.
    /// </summary>
    private static SyncFailureReported FailureAtTheLimits(string tenant)
    {
        var largest = WireMessagesAtTheirLimits.Error() with
        {
            StatusCode = "FIELD_CUSTOM_VALIDATION_EXCEPTION".PadRight(WireLimits.MaxNameLength, '_'),
            Message = "Phone must be valid. ".PadRight(WireLimits.MaxMessageLength, 'm'),
            Raw = "FIELD_CUSTOM_VALIDATION_EXCEPTION:Phone must be valid:Phone --".PadRight(WireLimits.MaxRawLength, 'r'),
        };
        ReportedError[] ordinary = [SalesforceErrors.DuplicateRule, SalesforceErrors.RequiredFieldMissing, SalesforceErrors.RestrictedPicklist];
        return WireMessagesAtTheirLimits.Failure() with
        {
            TenantId = tenant,
            Errors = [largest, .. Enumerable.Range(1, WireLimits.MaxErrorsPerEvent - 1).Select(i => ordinary[i % ordinary.Length])],
            OccurredAt = SyncFailureBuilder.Start,
        };
    }
}
