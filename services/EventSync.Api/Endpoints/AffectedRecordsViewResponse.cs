namespace EventSync.Api.Endpoints;

/// <summary>A view with its records, streamed as the store lists them.</summary>
internal sealed record AffectedRecordsViewResponse(
    string Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    ViewFilter Filter,
    IAsyncEnumerable<AffectedRecordView> Records);
