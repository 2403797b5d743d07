using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EventSync.Contracts;

namespace EventSync.Core.Validation;

/// <summary>
/// Makes reading a wire message fail, with the problems named, when the message is not valid: plug
/// <see cref="Modifier(TimeProvider)"/> into a serializer's type-info resolver and invalid messages never reach a consumer.
/// </summary>
public static class WireValidation
{
    /// <summary>Validates as messages are read, timestamps against the <see cref="ReceiptWindow"/> of <paramref name="clock"/>.</summary>
    public static Action<JsonTypeInfo> Modifier(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return typeInfo =>
        {
            ArgumentNullException.ThrowIfNull(typeInfo);
            if (typeInfo.Type == typeof(SyncFailureReported))
            {
                typeInfo.OnDeserialized = m => ThrowIfAny<SyncFailureReported>(SyncFailureValidator.Validate((SyncFailureReported)m, clock));
            }
            else if (typeInfo.Type == typeof(RecordSynced))
            {
                typeInfo.OnDeserialized = m => ThrowIfAny<RecordSynced>(RecordSyncedValidator.Validate((RecordSynced)m, clock));
            }
            else if (typeInfo.Type == typeof(ApiUsageReported))
            {
                typeInfo.OnDeserialized = m => ThrowIfAny<ApiUsageReported>(ApiUsageReportedValidator.Validate((ApiUsageReported)m, clock));
            }
        };
    }

    private static void ThrowIfAny<T>(IReadOnlyList<ValidationProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new JsonException($"Invalid {typeof(T).Name}: {string.Join("; ", problems)}");
        }
    }
}
