using System.Text.Json;
using EventSync.Core.Validation;
using Microsoft.Extensions.Time.Testing;

namespace EventSync.Contracts.Tests;

/// <summary>
/// The service's own verdict on a wire message: read with <see cref="ContractJson.Options"/>, then checked by the
/// validator the classifier runs, with a clock fixed shortly after the examples' timestamps.
/// </summary>
internal static class ServiceReading
{
    public static DateTimeOffset Now { get; } = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly FakeTimeProvider Clock = new(Now);

    /// <summary>Null when the service accepts the message; else why it refuses it.</summary>
    public static string? Refusal(string schemaFile, string json)
    {
        var recordType = WireMessages.For(schemaFile).RecordType;
        object? message;
        try
        {
            message = JsonSerializer.Deserialize(json, recordType, ContractJson.Options);
        }
        catch (JsonException exception)
        {
            return exception.Message;
        }

        var problems = message switch
        {
            null => [new ValidationProblem("", "is null.")],
            SyncFailureReported failure => SyncFailureValidator.Validate(failure, Clock),
            RecordSynced synced => RecordSyncedValidator.Validate(synced, Clock),
            ApiUsageReported usage => ApiUsageReportedValidator.Validate(usage, Clock),
            _ => [],
        };
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
