using CsCheck;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

/// <summary>Property-based: whatever arrives, the classifier answers with a catalog type and never throws.</summary>
public sealed class ClassifierRobustnessTests
{
    private static readonly Gen<string?> Text = Gen.OneOf(
        Gen.String.Select(s => (string?)s),
        Gen.Char.AlphaNumeric.Array[0, 40].Select(c => (string?)new string(c)),
        Gen.OneOf<string?>(
            null, "", " ", "--", ":", "::: --", "UNABLE_TO_LOCK_ROW", "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY", "FIELD_INTEGRITY_EXCEPTION",
            "first error: UNABLE_TO_LOCK_ROW", "\"error\":\"INVALID_EMAIL\"", "\"name\":\"", "‘quoted’ “value”", "0035g00000XyZabAAF", new string('x', 10_000)));

    private static readonly Gen<ReportedError> Error =
        Gen.Select(Text, Text, Text, Text, Text, Text.Array[0, 4], (code, errorCode, message, raw, category, fields) => new ReportedError
        {
            StatusCode = code,
            ErrorCode = errorCode,
            Message = message,
            Raw = raw,
            Category = category,
            Fields = fields.Select(f => f ?? "").ToArray(),
        });

    private static readonly Gen<SyncFailureReported> Failure =
        Gen.Select(Text, Text, Text, Error.Array[0, 4], (source, direction, objectType, errors) => new SyncFailureReported
        {
            EventId = "e",
            TenantId = "t",
            Source = source,
            Direction = direction,
            ObjectType = objectType,
            Errors = errors,
        });

    [Fact]
    public void Should_always_answer_with_a_catalog_type_when_given_arbitrary_input()
    {
        Failure.Sample(failure =>
        {
            var result = SyncFailureClassifier.Default.Classify(failure);

            Assert.Equal(Math.Max(1, failure.Errors.Count), result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                var info = ErrorCatalog.Default.Get(e.ErrorType);
                Assert.Equal(info.Category, e.Category);
                Assert.False(string.IsNullOrEmpty(e.RuleId));
                Assert.Matches("^[0-9a-f]{16}$", e.Fingerprint);
            });
        }, iter: 20_000);
    }

    [Fact]
    public void Should_parse_arbitrary_bulk_cells_without_throwing()
    {
        Gen.String.Sample(raw =>
        {
            if (BulkErrorParser.TryParse(raw + " --", out var code, out _, out var fields))
            {
                Assert.Matches("^[A-Z0-9_]+$", code);
                Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f)));
            }
        }, iter: 20_000);
    }
}
