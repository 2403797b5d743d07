using System.Text.Json.Nodes;

namespace EventSync.Contracts.Tests;

/// <summary>The schemas state the limits of <see cref="WireLimits"/>: a value at the maximum is valid, one beyond it is not.</summary>
public sealed class SchemaLimitsTests
{
    private const string Failure = WireMessages.SyncFailureReportedSchema;

    public static TheoryData<string, string, int> TextLimits { get; } = new()
    {
        { Failure, "eventId", WireLimits.MaxIdLength },
        { Failure, "engineId", WireLimits.MaxIdLength },
        { Failure, "objectType", WireLimits.MaxNameLength },
        { Failure, "hubSpotId", WireLimits.MaxIdLength },
        { Failure, "salesforceId", WireLimits.MaxIdLength },
        { Failure, "errors/0/statusCode", WireLimits.MaxNameLength },
        { Failure, "errors/0/errorCode", WireLimits.MaxNameLength },
        { Failure, "errors/0/message", WireLimits.MaxMessageLength },
        { Failure, "errors/0/raw", WireLimits.MaxRawLength },
        { Failure, "errors/0/category", WireLimits.MaxNameLength },
        { Failure, "errors/0/subCategory", WireLimits.MaxNameLength },
        { "record-synced.schema.json", "eventId", WireLimits.MaxIdLength },
        { "record-synced.schema.json", "objectType", WireLimits.MaxNameLength },
        { "record-synced.schema.json", "hubSpotId", WireLimits.MaxIdLength },
        { "record-synced.schema.json", "salesforceId", WireLimits.MaxIdLength },
        { "api-allocation-changed.schema.json", "changedBy", ApiAllocationChanged.MaxChangedByLength },
    };

    [Theory]
    [MemberData(nameof(TextLimits))]
    public void Should_accept_the_text_at_its_maximum_and_fail_on_maxLength_one_beyond(string schema, string path, int max)
    {
        var atMaximum = ContractSchemas.Evaluate(schema, With(schema, path, new string('x', max)));
        var beyond = ContractSchemas.Evaluate(schema, With(schema, path, new string('x', max + 1)));

        Assert.True(atMaximum.IsValid, SchemaFailure.Describe(atMaximum));
        Assert.Contains(($"/{path}", "maxLength"), SchemaFailure.Reasons(beyond));
    }

    [Theory]
    [InlineData(Failure)]
    [InlineData("record-synced.schema.json")]
    [InlineData("api-usage-reported.schema.json")]
    [InlineData("api-allocation-changed.schema.json")]
    public void Should_state_the_tenant_id_pattern_and_length_of_the_wire(string schema)
    {
        var tenantId = ContractSchemas.Document(schema)["properties"]!["tenantId"]!;

        Assert.Equal(WireLimits.TenantIdPattern, (string?)tenantId["pattern"]);
        Assert.Equal(WireLimits.MaxTenantIdLength, (int?)tenantId["maxLength"]);
    }

    [Theory]
    [InlineData("portal-4711 ")]
    [InlineData("portal 4711")]
    [InlineData("-portal")]
    public void Should_fail_on_pattern_when_the_tenant_id_is_not_one(string tenantId)
    {
        var results = ContractSchemas.Evaluate(Failure, With(Failure, "tenantId", tenantId));

        Assert.Contains(("/tenantId", "pattern"), SchemaFailure.Reasons(results));
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("hubSpotId")]
    public void Should_fail_on_pattern_when_an_id_holds_a_line_break(string path)
    {
        var results = ContractSchemas.Evaluate(Failure, With(Failure, path, "42\nforged"));

        Assert.Contains(($"/{path}", "pattern"), SchemaFailure.Reasons(results));
    }

    [Fact]
    public void Should_state_the_most_errors_and_fields_of_the_wire()
    {
        var schema = ContractSchemas.Document(Failure);
        var fields = schema["$defs"]!["reportedError"]!["properties"]!["fields"]!;

        Assert.Equal(WireLimits.MaxErrorsPerEvent, (int?)schema["properties"]!["errors"]!["maxItems"]);
        Assert.Equal(WireLimits.MaxFieldsPerError, (int?)fields["maxItems"]);
        Assert.Equal(WireLimits.MaxNameLength, (int?)fields["items"]!["maxLength"]);
    }

    [Fact]
    public void Should_fail_on_maxItems_when_an_error_names_one_field_too_many()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["errors"]![0]!["fields"] = new JsonArray([.. Enumerable.Range(0, WireLimits.MaxFieldsPerError + 1).Select(i => (JsonNode)$"Field{i}")]);

        var results = ContractSchemas.Evaluate(Failure, message);

        Assert.Contains(("/errors/0/fields", "maxItems"), SchemaFailure.Reasons(results));
    }

    private static JsonObject With(string schema, string path, string value)
    {
        var message = ContractSchemas.Examples(schema)[0];
        JsonNode target = message;
        var steps = path.Split('/');
        foreach (var step in steps[..^1])
        {
            target = int.TryParse(step, out var index) ? target[index]! : target[step]!;
        }

        target[steps[^1]] = value;
        return message;
    }
}
