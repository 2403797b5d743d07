using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsCheck;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Classification;
using EventSync.Core.Validation;
using Microsoft.Extensions.Time.Testing;

namespace EventSync.Core.Tests.Fuzzing;

/// <summary>
/// Fuzz target for reading a failure event off the wire as the workers do (contract JSON options, the lenient string,
/// timestamp and field-list converters, wire validation): whatever the bytes, reading either yields an event that passes
/// validation and classifies, or fails with a <see cref="JsonException"/>, which sends the message to the error queue
/// with its reason. Anything else (an overflow, a cast) would be a fault the worker retries for nothing.
/// </summary>
public sealed class WireMessageFuzzTests
{
    private const int Iterations = 4_000;

    private static readonly JsonSerializerOptions Wire = new(ContractJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver().WithAddedModifier(WireValidation.Modifier(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)))),
    };

    private static readonly (string Name, string Value)[] ErrorMembers =
    [
        ("statusCode", "\"DUPLICATES_DETECTED\""), ("errorCode", "\"DUPLICATE_VALUE\""), ("message", "\"Use one of these records?\""),
        ("fields", "[\"Email\"]"), ("raw", "\"REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --\""),
        ("category", "\"VALIDATION_ERROR\""), ("subCategory", "\"crm.properties.INVALID_EMAIL\""), ("context", "{\"propertyName\":[\"email\"]}"),
    ];

    private static readonly (string Name, string Value)[] EventMembers =
    [
        ("eventId", "\"7f1c2a\""), ("tenantId", "\"portal-4711\""), ("engineId", "\"sf-sync-eu-1\""), ("source", "\"salesforce\""),
        ("direction", "\"toSalesforce\""), ("objectType", "\"contact\""), ("hubSpotId", "\"12345\""), ("salesforceId", "\"0035g00000XyZabAAF\""),
        ("errors", $"[{Object(ErrorMembers)}]"), ("occurredAt", "\"2026-11-28T10:15:00Z\""),
    ];

    private static readonly byte[] ValidEvent = Encoding.UTF8.GetBytes(Object(EventMembers));

    [Fact]
    public void Should_read_the_unfuzzed_event()
    {
        var failure = JsonSerializer.Deserialize<SyncFailureReported>(ValidEvent, Wire);

        Assert.Equal("portal-4711", failure!.TenantId);
        Assert.Equal(["Email"], failure.Errors[0].Fields!);
    }

    [Fact(Timeout = 120_000)]
    public Task Should_read_or_refuse_with_a_JsonException_when_one_member_holds_any_JSON_value() =>
        Task.Run(() => Gen.Select(Gen.Int[0, EventMembers.Length + ErrorMembers.Length - 1], JsonFragments.Value(3))
            .Sample((member, value) => ReadsOrRefuses(Encoding.UTF8.GetBytes(WithMember(member, value))), iter: Iterations), TestContext.Current.CancellationToken);

    [Fact(Timeout = 120_000)]
    public Task Should_read_or_refuse_with_a_JsonException_when_bytes_of_a_valid_event_are_changed() =>
        Task.Run(() => Gen.Select(Gen.Int[0, 3], Gen.Int[0, ValidEvent.Length - 1], Gen.Byte).Array[1, 6]
            .Sample(edits => ReadsOrRefuses(Mutate(edits)), iter: Iterations), TestContext.Current.CancellationToken);

    [Fact(Timeout = 120_000)]
    public Task Should_read_or_refuse_with_a_JsonException_when_given_arbitrary_bytes() =>
        Task.Run(() => Gen.Byte.Array[0, 512].Sample(ReadsOrRefuses, iter: Iterations), TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("-99999999999999")]
    [InlineData("\"\\uD800\"")]
    public void Should_refuse_with_a_JsonException_when_the_timestamp_is_out_of_range(string occurredAt) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SyncFailureReported>(WithMember(EventMembers.Length - 1 + ErrorMembers.Length, occurredAt), Wire));

    [Theory]
    [InlineData("source", "42")]
    [InlineData("direction", "\"--\"")]
    public void Should_refuse_a_source_or_direction_without_letters(string member, string value) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SyncFailureReported>(WithMember(Array.FindIndex(EventMembers, m => m.Name == member) + ErrorMembers.Length, value), Wire));

    private static void ReadsOrRefuses(byte[] body)
    {
        SyncFailureReported? failure;
        try
        {
            failure = JsonSerializer.Deserialize<SyncFailureReported>(body, Wire);
        }
        catch (JsonException)
        {
            return;
        }

        // A body of just "null" reads as no message at all; MassTransit refuses it before any consumer sees it.
        if (failure is null)
        {
            return;
        }

        Assert.Empty(SyncFailureValidator.Validate(failure));
        Assert.All(SyncFailureClassifier.Default.Classify(failure).Errors, e => Assert.Equal(ErrorCatalog.Default.Get(e.ErrorType).Category, e.Category));
    }

    /// <summary>The valid event with member <paramref name="index"/> (error members first, then event members) set to <paramref name="value"/>.</summary>
    private static string WithMember(int index, string value)
    {
        if (index < ErrorMembers.Length)
        {
            var error = ErrorMembers.ToArray();
            error[index] = (error[index].Name, value);
            var members = EventMembers.ToArray();
            members[Array.FindIndex(members, m => m.Name == "errors")] = ("errors", $"[{Object(error)}]");
            return Object(members);
        }

        var changed = EventMembers.ToArray();
        changed[index - ErrorMembers.Length] = (changed[index - ErrorMembers.Length].Name, value);
        return Object(changed);
    }

    private static byte[] Mutate((int Kind, int Position, byte Value)[] edits)
    {
        var bytes = ValidEvent.ToList();
        foreach (var (kind, position, value) in edits)
        {
            var at = Math.Min(position, bytes.Count - 1);
            switch (kind)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = value;
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(Math.Max(0, at), value);
                    break;
                default:
                    bytes.RemoveRange(Math.Max(0, at), bytes.Count - Math.Max(0, at));
                    break;
            }
        }

        return [.. bytes];
    }

    private static string Object(IEnumerable<(string Name, string Value)> members) =>
        $"{{{string.Join(',', members.Select(m => $"\"{m.Name}\":{m.Value}"))}}}";
}
