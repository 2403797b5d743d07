namespace EventSync.Core.Errors;

/// <summary>
/// The tenant's current unknown errors that share one fingerprint (the same problem with the values taken out): how
/// many there are, how many records they affect, and the status code and message of the one seen last as a sample.
/// </summary>
public sealed record UnknownErrorGroup(
    string Fingerprint,
    long CurrentErrors,
    long AffectedRecords,
    string? SampleStatusCode,
    string? SampleMessage,
    DateTimeOffset LastSeen);
