using System.Text.Json;
using EventSync.Contracts;

namespace EventSync.Testing;

/// <summary>
/// Wire messages whose every text, list and object is exactly as large as <see cref="WireLimits"/> allows (a test changes
/// what it needs with <c>with</c>).
/// </summary>
public static class WireMessagesAtTheirLimits
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static string TenantId { get; } = "t" + new string('9', WireLimits.MaxTenantIdLength - 1);

    public static SyncFailureReported Failure() => new()
    {
        EventId = new string('e', WireLimits.MaxIdLength),
        TenantId = TenantId,
        EngineId = new string('g', WireLimits.MaxIdLength),
        Source = "salesforce",
        Direction = "toSalesforce",
        ObjectType = new string('o', WireLimits.MaxNameLength),
        HubSpotId = new string('7', WireLimits.MaxIdLength),
        SalesforceId = new string('S', WireLimits.MaxIdLength),
        Errors = [.. Enumerable.Range(0, WireLimits.MaxErrorsPerEvent).Select(_ => Error())],
        OccurredAt = Now,
    };

    public static ReportedError Error() => new()
    {
        StatusCode = new string('C', WireLimits.MaxNameLength),
        ErrorCode = new string('D', WireLimits.MaxNameLength),
        Message = new string('m', WireLimits.MaxMessageLength),
        Raw = new string('r', WireLimits.MaxRawLength),
        Category = new string('V', WireLimits.MaxNameLength),
        SubCategory = new string('s', WireLimits.MaxNameLength),
        Fields = [.. Enumerable.Range(0, WireLimits.MaxFieldsPerError).Select(i => $"{i:D3}".PadRight(WireLimits.MaxNameLength, 'f'))],
        Context = Context(WireLimits.MaxContextLength),
    };

    /// <summary>A JSON object whose text is exactly <paramref name="length"/> characters.</summary>
    public static JsonElement Context(int length)
    {
        const string Frame = "{\"v\":\"\"}";
        return JsonDocument.Parse($"{{\"v\":\"{new string('x', length - Frame.Length)}\"}}").RootElement.Clone();
    }
}
