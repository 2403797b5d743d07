namespace EventSync.Api;

/// <summary>Limits of the HTTP API (section <c>EventSync:Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "EventSync:Api";

    public long MaxIngestionBytes { get; set; } = 4 * 1024 * 1024;

    public int MaxEventsPerRequest { get; set; } = 1000;
}
