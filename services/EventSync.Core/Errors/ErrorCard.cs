namespace EventSync.Core.Errors;

/// <summary>The figures of one error type on the sync-health page.</summary>
public sealed record ErrorCard(string Category, string ErrorType, long CurrentErrors, long AffectedRecords);
