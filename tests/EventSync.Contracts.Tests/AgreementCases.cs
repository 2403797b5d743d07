using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EventSync.Contracts.Tests;

/// <summary>
/// Generated messages for the three messages engines publish: each example with each field absent, null, blank, at
/// and beyond its maximum, of a wrong type, and with the values the service reads specially.
/// </summary>
internal static class AgreementCases
{
    public const string RecordSyncedSchema = "record-synced.schema.json";
    public const string ApiUsageReportedSchema = "api-usage-reported.schema.json";

    public static IReadOnlyList<string> EngineSchemas { get; } = [WireMessages.SyncFailureReportedSchema, RecordSyncedSchema, ApiUsageReportedSchema];

    public static IReadOnlyDictionary<string, AgreementCase> All { get; } = Build();

    private static Dictionary<string, AgreementCase> Build()
    {
        var cases = new Dictionary<string, AgreementCase>(StringComparer.Ordinal);
        foreach (var schemaFile in EngineSchemas)
        {
            var examples = ContractSchemas.Examples(schemaFile);
            for (var index = 0; index < examples.Count; index++)
            {
                var name = $"{schemaFile[..schemaFile.IndexOf('.', StringComparison.Ordinal)]} #{index}";
                cases.Add(name, new(name, schemaFile, examples[index].ToJsonString()));
                foreach (var (path, propertySchema, lenient) in Properties(schemaFile))
                {
                    foreach (var variant in Variants(path, propertySchema, lenient))
                    {
                        var caseName = $"{name}: {path} = {variant.Label}";
                        cases.Add(caseName, new(caseName, schemaFile, With(examples[index], path, variant), variant.Unstatable));
                    }
                }

                foreach (var (label, json, unstatable) in WholeMessages(schemaFile, examples[index]))
                {
                    cases.Add($"{name}: {label}", new($"{name}: {label}", schemaFile, json, unstatable));
                }
            }
        }

        return cases;
    }

    private sealed record Variant(string Label, string? Json, Unstatable Unstatable = Unstatable.None)
    {
        public static Variant Text(string label, string value, Unstatable unstatable = Unstatable.None) =>
            new(label, JsonSerializer.Serialize(value), unstatable);
    }

    private static IEnumerable<(string Path, JsonObject Schema, bool Lenient)> Properties(string schemaFile)
    {
        var document = ContractSchemas.Document(schemaFile);
        var recordType = WireMessages.For(schemaFile).RecordType;
        foreach (var (name, schema) in document["properties"]!.AsObject())
        {
            yield return (name, schema!.AsObject(), IsLenient(recordType, name));
        }

        if (document["$defs"]?["reportedError"] is JsonObject reportedError)
        {
            foreach (var (name, schema) in reportedError["properties"]!.AsObject())
            {
                yield return ($"errors/0/{name}", schema!.AsObject(), IsLenient(typeof(ReportedError), name));
            }
        }
    }

    private static IEnumerable<Variant> Variants(string path, JsonObject schema, bool lenient)
    {
        yield return new("absent", null);
        yield return new("null", "null");
        var name = path[(path.LastIndexOf('/') + 1)..];
        var values = name switch
        {
            "source" => Choices(schema, "SFDC", "Salesforce"),
            "direction" => Choices(schema, "to_salesforce", "HUBSPOT_TO_SALESFORCE"),
            "errors" => Errors(),
            "fields" => Fields(),
            "context" => Contexts(),
            _ when (string?)schema["format"] == "date-time" => Times(),
            _ when schema["type"] is JsonValue type && (string?)type == "integer" => Counts(),
            _ => Texts(schema, lenient),
        };
        foreach (var value in values)
        {
            yield return value;
        }
    }

    private static IEnumerable<Variant> Texts(JsonObject schema, bool lenient)
    {
        yield return Variant.Text("empty", "");
        yield return Variant.Text("blank", "   ");
        yield return Variant.Text("x", "x");
        yield return Variant.Text("tab inside", "a\tb");
        yield return Variant.Text("line break inside", "42\nforged");
        yield return new("12345", "12345");
        yield return new("1.5", "1.5");
        yield return new("object", """{"a":1}""");
        yield return new("array", """["x"]""");
        yield return new("true", "true", lenient ? Unstatable.BooleansAsText : Unstatable.None);
        if ((int?)schema["maxLength"] is { } max)
        {
            yield return Variant.Text($"{max} characters", new string('x', max));
            yield return Variant.Text($"{max + 1} characters", new string('x', max + 1));
        }
    }

    private static IEnumerable<Variant> Choices(JsonObject schema, params string[] olderSpellings)
    {
        foreach (var value in schema["anyOf"]![0]!["enum"]!.AsArray().OfType<JsonNode>())
        {
            yield return Variant.Text((string)value!, (string)value!);
        }

        yield return Variant.Text("marketo", "marketo");
        yield return Variant.Text("empty", "");
        yield return Variant.Text("blank", "   ");
        yield return Variant.Text("--", "--");
        yield return new("42", "42");
        yield return new("true", "true");
        foreach (var spelling in olderSpellings)
        {
            yield return Variant.Text(spelling, spelling, Unstatable.OlderSpellings);
        }
    }

    private static IEnumerable<Variant> Times()
    {
        yield return Variant.Text("RFC 3339 UTC", "2026-11-28T10:00:00Z");
        yield return Variant.Text("RFC 3339 with offset", "2026-11-28T11:00:00.123+01:00");
        yield return new("Unix seconds", "1795860900");
        yield return new("Unix milliseconds", "1795860900000");
        yield return Variant.Text("yesterday", "yesterday");
        yield return Variant.Text("empty", "");
        yield return new("1.5", "1.5");
        yield return new("true", "true");
        yield return new("object", """{"a":1}""");
        yield return Variant.Text("2025-01-01 (too old)", "2025-01-01T00:00:00Z", Unstatable.TimeWindow);
        yield return Variant.Text("2026-12-01 (too far ahead)", "2026-12-01T00:00:00Z", Unstatable.TimeWindow);
        yield return Variant.Text("year 9999", "9999-12-31T23:59:59Z", Unstatable.TimeWindow);
        yield return new("Unix 0", "0", Unstatable.TimeWindow);
        yield return Variant.Text("space instead of T", "2026-11-28 10:15:00", Unstatable.OlderSpellings);
    }

    private static IEnumerable<Variant> Counts()
    {
        yield return new("-1", "-1");
        yield return new("0", "0");
        yield return new("1", "1");
        yield return new("long.MaxValue", long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("long.MaxValue + 1", "9223372036854775808");
        yield return new("1.5", "1.5");
        yield return new("true", "true");
        yield return Variant.Text("x", "x");
        yield return Variant.Text("\"48210\"", "48210", Unstatable.NumbersAsText);
    }

    private static IEnumerable<Variant> Errors()
    {
        const string error = """{"message":"x"}""";
        yield return new("[]", "[]");
        yield return new("[null]", "[null]");
        yield return new("[{}]", "[{}]");
        yield return new("object", error);
        yield return new("42", "42");
        yield return new($"{WireLimits.MaxErrorsPerEvent} errors", $"[{string.Join(',', Enumerable.Repeat(error, WireLimits.MaxErrorsPerEvent))}]");
        yield return new($"{WireLimits.MaxErrorsPerEvent + 1} errors", $"[{string.Join(',', Enumerable.Repeat(error, WireLimits.MaxErrorsPerEvent + 1))}]");
        yield return new("error with only blank fields", """[{"statusCode":" ","message":""}]""");
        yield return new("error with only nulls", """[{"statusCode":null,"message":null,"raw":null}]""");
        yield return new("error with a numeric status code", """[{"statusCode":503}]""");
        yield return new("error with only a sub-category", """[{"subCategory":"OBJECT_ALREADY_EXISTS"}]""");
    }

    private static IEnumerable<Variant> Fields()
    {
        var longest = string.Join(',', Enumerable.Repeat(new string('x', WireLimits.MaxNameLength), WireLimits.MaxFieldsPerError));
        yield return new("[]", "[]");
        yield return new("[\"Email\", null]", """["Email",null]""");
        yield return Variant.Text("\"Email, LastName\"", "Email, LastName");
        yield return Variant.Text("empty", "");
        yield return new("42", "42");
        yield return new("[42]", "[42]");
        yield return new("object", """{"a":1}""");
        yield return new($"{WireLimits.MaxFieldsPerError} names", Names(WireLimits.MaxFieldsPerError));
        yield return new($"{WireLimits.MaxFieldsPerError + 1} names", Names(WireLimits.MaxFieldsPerError + 1));
        yield return new($"a name of {WireLimits.MaxNameLength}", JsonSerializer.Serialize(new[] { new string('x', WireLimits.MaxNameLength) }));
        yield return new($"a name of {WireLimits.MaxNameLength + 1}", JsonSerializer.Serialize(new[] { new string('x', WireLimits.MaxNameLength + 1) }));
        yield return Variant.Text($"string of {longest.Length}", longest);
        yield return Variant.Text($"string of {longest.Length + 2}", longest + ",x");
        yield return Variant.Text($"string naming {WireLimits.MaxNameLength + 1} characters", new string('x', WireLimits.MaxNameLength + 1), Unstatable.FieldsStringNames);
        yield return Variant.Text($"string of {WireLimits.MaxFieldsPerError + 1} names", string.Join(',', Enumerable.Range(0, WireLimits.MaxFieldsPerError + 1)), Unstatable.FieldsStringNames);
    }

    private static IEnumerable<Variant> Contexts()
    {
        yield return new("object", """{"id":["48120077"]}""");
        yield return Variant.Text("x", "x");
        yield return new("42", "42");
        yield return new("array", "[1]");
        yield return new("true", "true");
        yield return new("16 KiB of JSON", JsonSerializer.Serialize(new string('x', WireLimits.MaxContextLength - 2)));
        yield return new("16 KiB + 1 of JSON", JsonSerializer.Serialize(new string('x', WireLimits.MaxContextLength - 1)), Unstatable.ContextSize);
        yield return new("nested 40 deep", new string('[', 40) + new string(']', 40), Unstatable.ContextSize);
    }

    private static string Names(int count) => JsonSerializer.Serialize(Enumerable.Range(0, count).Select(i => $"Field{i}"));

    private static IEnumerable<(string Label, string Json, Unstatable Unstatable)> WholeMessages(string schemaFile, JsonObject example)
    {
        yield return ("top-level null", "null", Unstatable.None);
        yield return ("top-level array", "[]", Unstatable.None);
        var extended = example.DeepClone().AsObject();
        extended["addedInAFutureVersion"] = new JsonObject { ["any"] = "value" };
        yield return ("an unknown property", extended.ToJsonString(), Unstatable.None);

        var recased = new JsonObject(example.DeepClone().AsObject().Select(property =>
            KeyValuePair.Create(char.ToUpperInvariant(property.Key[0]) + property.Key[1..], property.Value?.DeepClone())));
        yield return ("names in PascalCase", recased.ToJsonString(), Unstatable.NameCase);

        if (schemaFile == RecordSyncedSchema)
        {
            yield return ("neither record id", Without(example, "hubSpotId", "salesforceId").ToJsonString(), Unstatable.None);
            var nulls = Without(example);
            nulls["hubSpotId"] = null;
            nulls["salesforceId"] = null;
            yield return ("both record ids null", nulls.ToJsonString(), Unstatable.None);
            var blank = Without(example, "salesforceId");
            blank["hubSpotId"] = " ";
            yield return ("only a blank hubSpotId", blank.ToJsonString(), Unstatable.None);
            var numeric = Without(example, "hubSpotId");
            numeric["salesforceId"] = 42;
            yield return ("only a numeric salesforceId", numeric.ToJsonString(), Unstatable.None);
        }
    }

    private static JsonObject Without(JsonObject example, params string[] names)
    {
        var copy = example.DeepClone().AsObject();
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy;
    }

    private static string With(JsonObject example, string path, Variant variant)
    {
        var message = example.DeepClone().AsObject();
        var steps = path.Split('/');
        JsonNode target = message;
        foreach (var step in steps[..^1])
        {
            target = int.TryParse(step, out var index) ? target[index]! : target[step]!;
        }

        var parent = target.AsObject();
        if (variant.Json is null)
        {
            parent.Remove(steps[^1]);
        }
        else
        {
            parent[steps[^1]] = JsonNode.Parse(variant.Json);
        }

        return message.ToJsonString();
    }

    private static bool IsLenient(Type recordType, string wireName) =>
        recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Single(property => string.Equals(property.Name, wireName, StringComparison.OrdinalIgnoreCase))
            .GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == typeof(LenientStringJsonConverter);
}
