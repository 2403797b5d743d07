using System.Text.Json;

namespace EventSync.Contracts.Tests;

/// <summary>Every wire message, with a fully populated instance that keeps its schema and record in step.</summary>
internal static class WireMessages
{
    public const string SyncFailureReportedSchema = "sync-failure-reported.schema.json";
    public const string ResyncErrorsSchema = "resync-errors.schema.json";

    private static readonly DateTimeOffset At = new(2026, 11, 28, 10, 15, 0, TimeSpan.Zero);

    public static IReadOnlyList<WireMessage> All { get; } =
    [
        new(SyncFailureReportedSchema, typeof(SyncFailureReported), new SyncFailureReported
        {
            EventId = "7f1c2e9a-4b3d-4f5e-9a61-0c8d2b7e4f13",
            TenantId = "portal-4711",
            EngineId = "sf-sync-eu-1",
            Source = "salesforce",
            Direction = "toSalesforce",
            ObjectType = "contact",
            HubSpotId = "12345",
            SalesforceId = "0035g00000XyZabAAF",
            Errors = [FullyPopulatedError()],
            OccurredAt = At,
        }),
        new("record-synced.schema.json", typeof(RecordSynced), new RecordSynced
        {
            EventId = "0b6f8f0e-91a4-4d7c-8f3e-5a2c61d9e7b4",
            TenantId = "portal-4711",
            ObjectType = "contact",
            HubSpotId = "12345",
            SalesforceId = "0035g00000XyZabAAF",
            SyncedAt = At,
        }),
        new("api-usage-reported.schema.json", typeof(ApiUsageReported), new ApiUsageReported
        {
            TenantId = "portal-4711",
            CallsLast24h = 48_210,
            SalesforceDailyLimit = 115_000,
            ReportedAt = At,
        }),
        new("api-allocation-changed.schema.json", typeof(ApiAllocationChanged), new ApiAllocationChanged
        {
            TenantId = "portal-4711",
            AllocatedToHubSpot = 40_000,
            SalesforceDailyLimit = 115_000,
            ChangedAt = At,
            ChangedBy = "ops-dashboard",
        }),
        new("sync-error-classified.schema.json", typeof(SyncErrorClassified), new SyncErrorClassified
        {
            ErrorId = "b3f9a6c2-7e41-4d0a-9c55-1f2e8a7d3c60",
            EventId = "7f1c2e9a-4b3d-4f5e-9a61-0c8d2b7e4f13",
            TenantId = "portal-4711",
            EngineId = "sf-sync-eu-1",
            ObjectType = "contact",
            HubSpotId = "12345",
            SalesforceId = "0035g00000XyZabAAF",
            Category = "duplicates",
            ErrorType = "salesforce-duplicate-rule",
            Retryable = true,
            RuleId = "sf.duplicates-detected",
            Occurrence = ErrorOccurrence.Reopened,
            OccurredAt = At,
        }),
        new(ResyncErrorsSchema, typeof(ResyncErrors), new ResyncErrors
        {
            RequestId = "c41d7e2a-5f08-4b93-a6e1-9d3b2f7c8e05",
            TenantId = "portal-4711",
            ErrorIds = ["b3f9a6c2-7e41-4d0a-9c55-1f2e8a7d3c60"],
            RequestedBy = "automatic",
            RequestedAt = At,
        }),
        new("resync-record.schema.json", typeof(ResyncRecord), new ResyncRecord
        {
            RequestId = "c41d7e2a-5f08-4b93-a6e1-9d3b2f7c8e05",
            TenantId = "portal-4711",
            EngineId = "sf-sync-eu-1",
            ObjectType = "contact",
            HubSpotId = "12345",
            SalesforceId = "0035g00000XyZabAAF",
            Direction = "toHubSpot",
            ErrorIds = ["b3f9a6c2-7e41-4d0a-9c55-1f2e8a7d3c60"],
            RequestedAt = At,
        }),
        new("transient-error-surfaced.schema.json", typeof(TransientErrorSurfaced), new TransientErrorSurfaced
        {
            ErrorId = "b3f9a6c2-7e41-4d0a-9c55-1f2e8a7d3c60",
            TenantId = "portal-4711",
            EngineId = "sf-sync-eu-1",
            ObjectType = "contact",
            HubSpotId = "12345",
            SalesforceId = "0035g00000XyZabAAF",
            Category = "transient",
            ErrorType = "lock-contention",
            Attempts = 10,
            SurfacedAt = At,
        }),
        new("sync-error-resolved.schema.json", typeof(SyncErrorResolved), new SyncErrorResolved
        {
            ErrorId = "b3f9a6c2-7e41-4d0a-9c55-1f2e8a7d3c60",
            TenantId = "portal-4711",
            EngineId = "sf-sync-eu-1",
            ObjectType = "contact",
            HubSpotId = "12345",
            SalesforceId = "0035g00000XyZabAAF",
            Category = "validation",
            ErrorType = "required-field-missing",
            ResolvedAt = At,
        }),
        new("resync-request-finished.schema.json", typeof(ResyncRequestFinished), new ResyncRequestFinished
        {
            TenantId = "portal-4711",
            RequestId = "0193a5c2-7e41-7d0a-9c55-1f2e8a7d3c60",
            RequestedBy = "ops-dashboard",
            RequestedAt = At,
            Outcome = "failed",
            Records = 3,
            Completed = 2,
            Failed = 1,
            FinishedAt = At.AddMinutes(11),
        }),
        new("deliver-webhook.schema.json", typeof(DeliverWebhook), new DeliverWebhook
        {
            TenantId = "portal-4711",
            EndpointId = "ops-chat",
            DeliveryId = "c1d2e3f4a5b60718293a4b5c6d7e8f90",
            Event = "errors",
            CreatedAt = At,
            Data = JsonElement.Parse("""{ "total": 1, "errors": [{ "errorId": "b3f9a6c2-7e41-4d0a-9c55-1f2e8a7d3c60", "event": "error.new" }] }"""),
        }),
        new("send-error-digest.schema.json", typeof(SendErrorDigest), new SendErrorDigest
        {
            TenantId = "portal-4711",
            Frequency = DigestFrequency.Weekly,
            PeriodStart = At.AddDays(-7),
            PeriodEnd = At,
            Force = true,
        }),
        new("errors-assigned.schema.json", typeof(ErrorsAssigned), new ErrorsAssigned
        {
            TenantId = "portal-4711",
            Assignee = "anna.meier@example.de",
            AssignedBy = "ops-dashboard",
            ErrorIds = ["b3f9a6c2-7e41-4d0a-9c55-1f2e8a7d3c60"],
            AssignedAt = At,
        }),
    ];

    public static TheoryData<string> SchemaFiles => [.. All.Select(message => message.SchemaFile)];

    public static WireMessage For(string schemaFile) => All.Single(message => message.SchemaFile == schemaFile);

    /// <summary>Every property set at once, which no single CRM would send: it is here to cover the whole shape.</summary>
    public static ReportedError FullyPopulatedError() => new()
    {
        StatusCode = "DUPLICATES_DETECTED",
        ErrorCode = "DUPLICATES_DETECTED",
        Message = "Use one of these records?",
        Fields = ["Email", "LastName"],
        Raw = "DUPLICATES_DETECTED:Use one of these records?:Email,LastName --",
        Category = "CONFLICT",
        SubCategory = "OBJECT_ALREADY_EXISTS",
        Context = JsonElement.Parse("""{ "id": ["48120077"] }"""),
    };
}
