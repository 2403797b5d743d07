using EventSync.Contracts;

namespace EventSync.Core.Validation;

public static class RecordSyncedValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(RecordSynced message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = new List<ValidationProblem>();
        Require(message.EventId, "eventId", problems);
        Require(message.TenantId, "tenantId", problems);
        Require(message.ObjectType, "objectType", problems);
        if (string.IsNullOrWhiteSpace(message.HubSpotId) && string.IsNullOrWhiteSpace(message.SalesforceId))
        {
            problems.Add(new("hubSpotId", "hubSpotId or salesforceId is required to know which record synced."));
        }

        return problems;
    }

    private static void Require(string? value, string field, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, "is required and must not be blank."));
        }
    }
}
