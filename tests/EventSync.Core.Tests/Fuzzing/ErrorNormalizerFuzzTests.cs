using System.Text.Json;
using CsCheck;
using EventSync.Contracts;
using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Fuzzing;

/// <summary>
/// Fuzz target for <see cref="ErrorNormalizer"/> on HubSpot-shaped errors: bodies with JSON nested in the message (raw or
/// escaped once more), categories and sub-categories, and any JSON as the context. It never throws, returns within the
/// test's time-out, and names fields only with non-empty strings.
/// </summary>
public sealed class ErrorNormalizerFuzzTests
{
    private const int Iterations = 4_000;

    private static readonly Gen<string> HubSpotBody =
        Gen.Select(JsonFragments.Text, JsonFragments.Text, JsonFragments.Text, JsonFragments.Value(2), (message, code, name, extra) =>
            $$"""{"status":"error","message":{{JsonSerializer.Serialize(message)}},"category":"VALIDATION_ERROR","errors":[{"message":{{JsonSerializer.Serialize(message)}},"error":{{JsonSerializer.Serialize(code)}},"name":{{JsonSerializer.Serialize(name)}}}],"context":{{extra}}}""");

    /// <summary>The body as HubSpot sends it, quoted once more (an engine that forwarded it as a string), or after a prefix.</summary>
    private static readonly Gen<string> Message = Gen.OneOf(
        HubSpotBody,
        HubSpotBody.Select(b => JsonSerializer.Serialize(b)),
        Gen.Select(JsonFragments.Text, HubSpotBody, (prefix, body) => $"{prefix}: {body}"),
        JsonFragments.Value(4),
        JsonFragments.Text);

    private static readonly Gen<JsonElement?> Context = JsonFragments.Value(4).Select(ParseOrNull);

    private static readonly Gen<ReportedError> HubSpotError =
        Gen.Select(Message, Gen.OneOf<string?>(null, "VALIDATION_ERROR", "CONFLICT", "OBJECT_NOT_FOUND"), JsonFragments.Text.Select(t => (string?)t), Context, JsonFragments.Text.Array[0, 3],
            (message, category, subCategory, context, fields) => new ReportedError
            {
                Message = message,
                Category = category,
                SubCategory = subCategory,
                Context = context,
                Fields = fields.Length == 0 ? null : fields,
            });

    [Fact(Timeout = 120_000)]
    public Task Should_normalize_any_HubSpot_error_without_throwing() =>
        Task.Run(() => Gen.Select(HubSpotError, Gen.Enum<FailureSource>(), Gen.Enum<SyncDirection>()).Sample((error, source, direction) =>
        {
            var normalized = ErrorNormalizer.Normalize(error, new FailureContext(source, direction, "contact"));

            Assert.NotNull(normalized.Code);
            Assert.True(normalized.Message.Length == 0 || error.Message is not null || error.Raw is not null);
            var reportedFields = error.Fields ?? [];
            Assert.All(normalized.Fields.Except(reportedFields), f => Assert.False(string.IsNullOrEmpty(f)));
        }, iter: Iterations), TestContext.Current.CancellationToken);

    [Fact(Timeout = 120_000)]
    public Task Should_classify_any_HubSpot_failure_without_throwing() =>
        Task.Run(() => HubSpotError.Array[1, 3].Sample(errors =>
        {
            var failure = new SyncFailureReported { EventId = "e", TenantId = "t", Source = "hubspot", Direction = "toHubSpot", Errors = errors };

            Assert.Equal(errors.Length, SyncFailureClassifier.Default.Classify(failure).Errors.Count);
        }, iter: Iterations), TestContext.Current.CancellationToken);

    [Fact]
    public void Should_pass_over_a_context_name_that_is_half_a_surrogate_pair()
    {
        var error = new ReportedError
        {
            Category = "VALIDATION_ERROR",
            Message = "Property values were not valid",
            Context = JsonSerializer.Deserialize<JsonElement>("""{"propertyName":["\uD800","email"]}"""),
        };

        Assert.Equal(["email"], ErrorNormalizer.Normalize(error, new FailureContext(FailureSource.HubSpot, SyncDirection.ToHubSpot, "contact")).Fields);
    }

    private static JsonElement? ParseOrNull(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
