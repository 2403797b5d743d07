using System.Text.Json;
using EventSync.Contracts;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>A reported error as the engine sent it; HubSpot's free-form context is kept as its JSON text.</summary>
internal sealed class ReportedErrorDocument
{
    public string? StatusCode { get; set; }

    public string? ErrorCode { get; set; }

    public string? Message { get; set; }

    public string[]? Fields { get; set; }

    public string? Raw { get; set; }

    public string? Category { get; set; }

    public string? SubCategory { get; set; }

    public string? ContextJson { get; set; }

    public static ReportedErrorDocument From(ReportedError error) => new()
    {
        StatusCode = error.StatusCode,
        ErrorCode = error.ErrorCode,
        Message = error.Message,
        Fields = error.Fields?.ToArray(),
        Raw = error.Raw,
        Category = error.Category,
        SubCategory = error.SubCategory,
        ContextJson = error.Context?.GetRawText(),
    };

    public ReportedError ToReportedError() => new()
    {
        StatusCode = StatusCode,
        ErrorCode = ErrorCode,
        Message = Message,
        Fields = Fields,
        Raw = Raw,
        Category = Category,
        SubCategory = SubCategory,
        Context = ContextJson is null ? null : ParseContext(ContextJson),
    };

    private static JsonElement ParseContext(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
