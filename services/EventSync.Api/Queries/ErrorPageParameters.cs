namespace EventSync.Api.Queries;

/// <summary>Paging of the error list: an opaque cursor from the previous page and the page size, both as text.</summary>
internal sealed class ErrorPageParameters
{
    public string? Cursor { get; init; }

    public string? Limit { get; init; }
}
