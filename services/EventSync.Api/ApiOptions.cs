namespace EventSync.Api;

/// <summary>Limits of the HTTP API (section <c>EventSync:Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "EventSync:Api";

    public long MaxIngestionBytes { get; set; } = 4 * 1024 * 1024;

    public int MaxEventsPerRequest { get; set; } = 1000;

    /// <summary>The most open errors one <c>POST .../resync-all</c> resyncs (in requests of 100); a filter matching more is refused.</summary>
    public int MaxResyncAllErrors { get; set; } = 10_000;

    /// <summary>The most errors one ignore or restore by a filter changes; a filter matching more is refused.</summary>
    public int MaxErrorsPerChange { get; set; } = 10_000;

    /// <summary>Errors per page when the request names no <c>limit</c>.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The largest <c>limit</c> a page request may ask for.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>The CSV export hands rows to the client at least this often, so nothing large is buffered.</summary>
    public int ExportFlushEveryRows { get; set; } = 500;

    /// <summary>How long a view of affected records can be opened after it was created.</summary>
    public TimeSpan ViewLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The largest body of the small JSON requests (settings, allocation, views).</summary>
    public long MaxSmallBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Kestrel's cap on every request body (413 above it), above the ingestion cap; also bounds chunked bodies, which carry no length to check.</summary>
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;
}
