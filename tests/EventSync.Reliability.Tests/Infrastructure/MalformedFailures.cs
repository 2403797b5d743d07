using System.Text.Json.Nodes;
using EventSync.Testing;
using EventSync.Testing.Broker;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// Bodies an engine may get wrong, each of which the classifier must park in its error queue with a reason: invalid JSON,
/// wrong types, missing required fields, empty or blank error lists, payloads over 256 KiB and fuzzed bytes. Generated
/// from a seed, so a failing run can be repeated.
/// </summary>
public sealed class MalformedFailures(string tenant, int seed)
{
    public const string TooLargeReason = "bytes; at most 262144 are accepted";

    private static readonly Func<MalformedFailures, byte[]>[] Kinds =
    [
        m => m.Truncated(), m => m.NotAnEvent(),
        m => m.WrongType(), m => m.WrongType(),
        m => m.MissingRequired(), m => m.MissingRequired(),
        m => m.EmptyErrors(), m => m.EmptyErrors(),
        m => m.TooLarge(),
        m => m.FuzzedBytes(),
    ];

    private static readonly string[] WrongTypes =
    [
        """{"errors":"DUPLICATES_DETECTED"}""", """{"tenantId":{"id":1}}""", """{"occurredAt":[2026,11,28]}""",
        """{"errors":[1,2,3]}""", """{"eventId":[]}""", """{"source":"oracle"}""", """{"direction":42}""",
        """{"occurredAt":9223372036854775807}""",
    ];

    private static readonly string[] NotEvents = ["null", "[]", "\"failure\"", "42", "{}"];

    private static readonly string[] RequiredFields = ["eventId", "tenantId", "errors"];

    private readonly Random _random = new(seed);
    private int _next;

    /// <summary>The next malformed body, the kinds in turn (10 % of them larger than the size limit).</summary>
    public byte[] Next() => Kinds[_next++ % Kinds.Length](this);

    private JsonObject Valid() =>
        JsonNode.Parse(EnginePublisher.Json(SyncFailures.ToSalesforce(tenant, _random.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture), SyncFailures.InvalidEmail)))!.AsObject();

    private byte[] Truncated()
    {
        var body = EnginePublisher.Json(Valid());
        return body[.._random.Next(1, body.Length - 1)];
    }

    /// <summary>Well-formed JSON that is no event at all.</summary>
    private byte[] NotAnEvent() => System.Text.Encoding.UTF8.GetBytes(NotEvents[_random.Next(NotEvents.Length)]);

    private byte[] WrongType()
    {
        var failure = Valid();
        foreach (var (name, value) in JsonNode.Parse(WrongTypes[_random.Next(WrongTypes.Length)])!.AsObject().ToList())
        {
            failure[name] = value?.DeepClone();
        }

        return EnginePublisher.Json(failure);
    }

    private byte[] MissingRequired()
    {
        var failure = Valid();
        failure.Remove(RequiredFields[_random.Next(RequiredFields.Length)]);
        return EnginePublisher.Json(failure);
    }

    private byte[] EmptyErrors()
    {
        var failure = Valid();
        failure["errors"] = _random.Next(2) == 0 ? new JsonArray() : new JsonArray(new JsonObject { ["fields"] = new JsonArray("Email") });
        return EnginePublisher.Json(failure);
    }

    private byte[] TooLarge()
    {
        var failure = Valid();
        failure["errors"]![0]!["message"] = new string('x', 300 * 1024);
        return EnginePublisher.Json(failure);
    }

    /// <summary>Random bytes half the time; else a valid body with one byte turned into NUL, which JSON never allows unescaped.</summary>
    private byte[] FuzzedBytes()
    {
        if (_random.Next(2) == 0)
        {
            var bytes = new byte[_random.Next(16, 2048)];
            _random.NextBytes(bytes);
            bytes[0] = (byte)'{';
            return bytes;
        }

        var body = EnginePublisher.Json(Valid());
        body[_random.Next(body.Length)] = 0;
        return body;
    }
}
