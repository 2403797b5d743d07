using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace EventSync.Core.Tests.Fuzzing;

/// <summary>
/// Generators of JSON text for the fuzz targets: scalars that stress converters (huge and out-of-range numbers, Unix
/// times beyond year 9999, lone surrogates, control characters, long runs), and nested values with the property names
/// the parsers look for.
/// </summary>
internal static class JsonFragments
{
    public static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 64].Select(c => new string(c)),
        Gen.OneOf(
            "", " ", "--", ":", "::: --", "\u0000", "\uD800", "\uDFFF", "2026-11-28T10:15:00Z", "2026-13-45", "9999-12-31T23:59:59Z", "0001-01-01",
            "UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:Id --", "{\"error\":\"INVALID_EMAIL\"}", "\\\"name\\\":\\\"email\\\"",
            new string(' ', 20_000), new string('{', 5_000), string.Concat(Enumerable.Repeat("\"error\": ", 2_000))));

    /// <summary>A JSON scalar as it would appear in a body (strings encoded, lone surrogates written raw).</summary>
    public static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.OneOf("null", "true", "false", "0", "-0", "1e400", "-1e400", "1.5", "99999999999999999999999", "253402300800000", "-62135596801",
            "9223372036854775807", "-9223372036854775808", "100000000000", "\"\\uD800\"", "\"\\u0000\"", "[]", "{}"),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Text.Select(t => JsonSerializer.Serialize(t)));

    public static readonly Gen<string> Key = Gen.OneOf(
        Gen.OneOf("propertyName", "properties", "property", "name", "error", "message", "category", "subCategory", "context", "errors",
            "fields", "statusCode", "raw", "eventId", "tenantId", "occurredAt", "status"),
        Text);

    /// <summary>Any JSON value up to <paramref name="depth"/> levels of arrays and objects.</summary>
    public static Gen<string> Value(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, Value(depth - 1).Array[0, 4].Select(items => $"[{string.Join(',', items)}]")),
            (2, Gen.Select(Key, Value(depth - 1)).Array[0, 4].Select(members => $"{{{string.Join(',', members.Select(m => $"{JsonSerializer.Serialize(m.Item1)}:{m.Item2}"))}}}")));
}
