using EventSync.Contracts;

namespace EventSync.Testing;

/// <summary>
/// Failure events as sync engines report them, with the errors Salesforce's REST/Bulk APIs and HubSpot's CRM API
/// return, and the error type each one classifies as.
/// </summary>
public static class SyncFailures
{
    public const string InvalidEmailType = "invalid-email";
    public const string RequiredValueMissingType = "required-value-missing";
    public const string DuplicateRuleType = "salesforce-duplicate-rule";
    public const string RestrictedPicklistType = "restricted-picklist-value";
    public const string ValidationRuleType = "validation-rule";
    public const string HubSpotContactExistsType = "email-already-in-use";
    public const string LockContentionType = "lock-contention";

    public static ReportedError InvalidEmail { get; } = new()
    {
        StatusCode = "INVALID_EMAIL_ADDRESS",
        Message = "Email: invalid email address: jane.doe@@example.com",
        Fields = ["Email"],
    };

    public static ReportedError RequiredFieldMissing { get; } = new()
    {
        StatusCode = "REQUIRED_FIELD_MISSING",
        Message = "Required fields are missing: [LastName]",
        Fields = ["LastName"],
    };

    public static ReportedError DuplicateRule { get; } = new()
    {
        StatusCode = "DUPLICATES_DETECTED",
        Message = "Use one of these records?",
        Fields = [],
    };

    /// <summary>A Bulk API 2.0 failed-results <c>sf__Error</c> cell.</summary>
    public static ReportedError RestrictedPicklistBulk { get; } = new()
    {
        Raw = "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Lead Source: bad value for restricted picklist field: Webinar:LeadSource --",
    };

    public static ReportedError ValidationRule { get; } = new()
    {
        StatusCode = "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        Message = "Phone number must be in the format (999) 999-9999.",
        Fields = ["Phone"],
    };

    /// <summary>Transient: the engine retries it by itself, so it gets no card on the sync-health page.</summary>
    public static ReportedError RowLock { get; } = new()
    {
        StatusCode = "UNABLE_TO_LOCK_ROW",
        Message = "unable to obtain exclusive access to this record or 1 records: 0035g00000XyZabAAF",
        Fields = [],
    };

    public static ReportedError HubSpotContactExists { get; } = new()
    {
        Category = "CONFLICT",
        Message = "Contact already exists. Existing ID: 48120077",
    };

    /// <summary>A HubSpot contact that Salesforce rejected on its way there.</summary>
    public static SyncFailureReported ToSalesforce(string tenantId, string hubSpotId, ReportedError error, string objectType = "contact", DateTimeOffset? occurredAt = null) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        TenantId = tenantId,
        EngineId = "sf-sync-eu-1",
        Source = "salesforce",
        Direction = "toSalesforce",
        ObjectType = objectType,
        HubSpotId = hubSpotId,
        Errors = [error],
        OccurredAt = occurredAt ?? DateTimeOffset.UtcNow.AddMinutes(-5),
    };

    /// <summary>A Salesforce record that HubSpot rejected on its way there.</summary>
    public static SyncFailureReported ToHubSpot(string tenantId, string salesforceId, ReportedError error, string objectType = "contact") => new()
    {
        EventId = Guid.NewGuid().ToString(),
        TenantId = tenantId,
        EngineId = "sf-sync-eu-1",
        Source = "hubspot",
        Direction = "toHubSpot",
        ObjectType = objectType,
        SalesforceId = salesforceId,
        Errors = [error],
        OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-5),
    };

    /// <summary>A tenant id no other test uses: tests share one host and store and stay apart by tenant.</summary>
    public static string NewTenant(string name) => $"{name}-{Guid.NewGuid():N}";
}
