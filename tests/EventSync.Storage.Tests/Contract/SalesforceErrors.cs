using EventSync.Contracts;

namespace EventSync.Storage.Tests.Contract;

/// <summary>Errors as Salesforce's REST and Bulk APIs report them, for the store contract tests.</summary>
public static class SalesforceErrors
{
    public static ReportedError DuplicateRule { get; } = new()
    {
        StatusCode = "DUPLICATES_DETECTED",
        Message = "Use one of these records?",
        Fields = [],
    };

    public static ReportedError RequiredFieldMissing { get; } = new()
    {
        StatusCode = "REQUIRED_FIELD_MISSING",
        Message = "Required fields are missing: [LastName]",
        Fields = ["LastName"],
    };

    public static ReportedError InvalidEmail { get; } = new()
    {
        StatusCode = "INVALID_EMAIL_ADDRESS",
        Message = "Email: invalid email address: jane.doe@@example.com",
        Fields = ["Email"],
    };

    public static ReportedError RestrictedPicklist { get; } = new()
    {
        Raw = "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Lead Source: bad value for restricted picklist field: Webinar:LeadSource --",
    };

    /// <summary>A transient error: the sync engine retries it by itself, so it is no card on the sync-health page.</summary>
    public static ReportedError RowLock { get; } = new()
    {
        StatusCode = "UNABLE_TO_LOCK_ROW",
        Message = "unable to obtain exclusive access to this record or 1 records: 0035g00000XyZabAAF",
        Fields = [],
    };
}
