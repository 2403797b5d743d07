namespace EventSync.Core.Errors;

/// <summary>One page of errors and the cursor of the next page (null on the last one).</summary>
public sealed record ErrorPage(IReadOnlyList<SyncError> Errors, ErrorPageCursor? Next);
