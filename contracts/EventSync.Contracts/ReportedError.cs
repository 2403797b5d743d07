using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>
/// One error as the rejecting system reported it. Salesforce REST, Composite and SOAP responses fill
/// <see cref="StatusCode"/> (or <see cref="ErrorCode"/>), <see cref="Message"/> and <see cref="Fields"/>;
/// a Bulk API 2.0 failed-results row gives its <c>sf__Error</c> cell as <see cref="Raw"/>; HubSpot gives
/// <see cref="Category"/>, <see cref="Message"/> and sometimes <see cref="SubCategory"/> and <see cref="Context"/>.
/// </summary>
public sealed record ReportedError
{
    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? StatusCode { get; init; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? ErrorCode { get; init; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Message { get; init; }

    [JsonConverter(typeof(FieldListJsonConverter))]
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>A Bulk API 2.0 <c>sf__Error</c> cell: <c>STATUS_CODE:message:Field1,Field2 --</c>.</summary>
    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Raw { get; init; }

    /// <summary>HubSpot's error category, such as <c>VALIDATION_ERROR</c> or <c>CONFLICT</c>.</summary>
    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Category { get; init; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? SubCategory { get; init; }

    /// <summary>HubSpot's error context, kept as sent.</summary>
    public JsonElement? Context { get; init; }
}
