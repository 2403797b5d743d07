using EventSync.Contracts;

namespace EventSync.Core.Validation;

public static class RecordSyncedValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(RecordSynced message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = new List<ValidationProblem>();
        Required.NotBlank(message.EventId, "eventId", problems);
        Required.NotBlank(message.TenantId, "tenantId", problems);
        Required.NotBlank(message.ObjectType, "objectType", problems);
        if (string.IsNullOrWhiteSpace(message.HubSpotId) && string.IsNullOrWhiteSpace(message.SalesforceId))
        {
            problems.Add(new("hubSpotId", "hubSpotId or salesforceId is required to know which record synced."));
        }

        return problems;
    }
}
