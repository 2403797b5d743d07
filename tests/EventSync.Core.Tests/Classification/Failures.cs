using EventSync.Contracts;

namespace EventSync.Core.Tests.Classification;

/// <summary>Builds failure events for tests.</summary>
internal static class Failures
{
    public static SyncFailureReported Event(ReportedError error, string source = "salesforce", string direction = "toSalesforce", string objectType = "contact") =>
        new()
        {
            EventId = Guid.NewGuid().ToString(),
            TenantId = "portal-4711",
            Source = source,
            Direction = direction,
            ObjectType = objectType,
            HubSpotId = "12345",
            Errors = [error],
            OccurredAt = DateTimeOffset.Parse("2026-11-28T10:15:00Z", System.Globalization.CultureInfo.InvariantCulture),
        };
}
