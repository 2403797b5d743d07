using System.Globalization;
using System.Text.Json;
using EventSync.Contracts;
using EventSync.ServiceDefaults.Messaging;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// Realistic traffic from the corpus templates: skewed tenants, about half the failures on records that failed before
/// (the same error again: recurring), and now and then a record that synced (resolving its errors, so that its next
/// failure reopens them; <c>eventsPerResolution</c> 0 sends none). Event times advance 1 ms per event on one timeline,
/// so the mix does not depend on the clock.
/// </summary>
internal sealed class WorkloadGenerator(IReadOnlyList<SyncFailureReported> templates, int seed, int eventsPerResolution)
{
    private const int Tenants = 40;
    private const double RepeatShare = 0.5;

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, List<FailedRecord>> _failedByTenant = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddHours(-1);
    private long _tick;
    private long _nextRecord = 1;

    public Workload Next(int failures)
    {
        var messages = new List<WorkloadMessage>(failures + (eventsPerResolution > 0 ? failures / eventsPerResolution : 0) + 1);
        var failureEvents = new List<SyncFailureReported>(failures);
        var resolutions = new List<RecordSynced>();
        for (var i = 0; i < failures; i++)
        {
            var failure = NextFailure();
            failureEvents.Add(failure);
            messages.Add(new WorkloadMessage(EngineExchanges.SyncFailures, Json(failure), failure, failure.EventId));
            if (eventsPerResolution > 0 && i % eventsPerResolution == eventsPerResolution - 1 && NextResolution() is { } synced)
            {
                resolutions.Add(synced);
                messages.Add(new WorkloadMessage(EngineExchanges.RecordSynced, Json(synced), synced, null));
            }
        }

        return new Workload(messages, failureEvents, resolutions);
    }

    private SyncFailureReported NextFailure()
    {
        // Squaring skews the pick: a few tenants carry most of the traffic, as in a real installation.
        var tenantId = "portal-" + (1000 + (int)(Tenants * Math.Pow(_random.NextDouble(), 2))).ToString(CultureInfo.InvariantCulture);
        var failed = Failed(tenantId);
        var record = failed.Count > 0 && _random.NextDouble() < RepeatShare
            ? failed[_random.Next(failed.Count)]
            : NewRecord(failed);
        var template = templates[record.Template];
        return template with
        {
            EventId = Guid.NewGuid().ToString(),
            TenantId = tenantId,
            HubSpotId = record.HubSpotId,
            SalesforceId = template.SalesforceId is null ? null : record.SalesforceId,
            OccurredAt = NextTime(),
        };
    }

    private RecordSynced? NextResolution()
    {
        var tenant = _failedByTenant.Keys.ElementAt(_random.Next(_failedByTenant.Count));
        var failed = _failedByTenant[tenant];
        if (failed.Count == 0)
        {
            return null;
        }

        var record = failed[_random.Next(failed.Count)];
        return new RecordSynced
        {
            EventId = Guid.NewGuid().ToString(),
            TenantId = tenant,
            ObjectType = templates[record.Template].ObjectType ?? "contact",
            HubSpotId = record.HubSpotId,
            SalesforceId = templates[record.Template].SalesforceId is null ? null : record.SalesforceId,
            SyncedAt = NextTime(),
        };
    }

    private FailedRecord NewRecord(List<FailedRecord> failed)
    {
        var number = _nextRecord++;
        var record = new FailedRecord(
            _random.Next(templates.Count),
            (40_000_000_000 + number).ToString(CultureInfo.InvariantCulture),
            "0035g" + number.ToString("D13", CultureInfo.InvariantCulture));
        failed.Add(record);
        return record;
    }

    private List<FailedRecord> Failed(string tenantId)
    {
        if (!_failedByTenant.TryGetValue(tenantId, out var failed))
        {
            failed = [];
            _failedByTenant[tenantId] = failed;
        }

        return failed;
    }

    private DateTimeOffset NextTime() => _start.AddMilliseconds(_tick++);

    private static byte[] Json<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, ContractJson.Options);

    private sealed record FailedRecord(int Template, string HubSpotId, string SalesforceId);
}
