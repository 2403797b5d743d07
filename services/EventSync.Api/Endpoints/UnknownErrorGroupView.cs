namespace EventSync.Api.Endpoints;

/// <summary>
/// One distinct problem behind the Other card: its current errors and affected records, and the status code and message of
/// the one seen last. <c>GET .../errors?fingerprint=</c> lists them.
/// </summary>
internal sealed record UnknownErrorGroupView(
    string Fingerprint, long CurrentErrors, long AffectedRecords, string? StatusCode, string? SampleMessage, DateTimeOffset LastSeen);
