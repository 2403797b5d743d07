namespace EventSync.Api.Endpoints;

/// <summary>One page of errors; <see cref="Next"/> is the cursor of the next page, null on the last one.</summary>
internal sealed record ErrorListResponse(IReadOnlyList<ErrorView> Items, string? Next);
