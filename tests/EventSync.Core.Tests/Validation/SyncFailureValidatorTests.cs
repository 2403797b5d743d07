using EventSync.Contracts;
using EventSync.Core.Validation;
using EventSync.Testing;

namespace EventSync.Core.Tests.Validation;

/// <summary>Every text and list of <see cref="SyncFailureReported"/> has a maximum; a value at it passes, one beyond it is named.</summary>
public sealed class SyncFailureValidatorTests
{
    private static readonly TimeProvider Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(WireMessagesAtTheirLimits.Now);

    [Fact]
    public void Should_accept_the_event_when_every_field_is_exactly_at_its_maximum() =>
        Assert.Empty(SyncFailureValidator.Validate(WireMessagesAtTheirLimits.Failure(), Clock));

    public static TheoryData<string> OversizedFields() =>
    [
        "eventId", "engineId", "objectType", "hubSpotId", "salesforceId", "errors",
        "errors[0].statusCode", "errors[0].errorCode", "errors[0].message", "errors[0].raw", "errors[0].category",
        "errors[0].subCategory", "errors[0].fields", "errors[0].fields[99]", "errors[0].context",
    ];

    [Theory]
    [MemberData(nameof(OversizedFields))]
    public void Should_name_the_field_when_it_is_one_beyond_its_maximum(string field)
    {
        var problems = SyncFailureValidator.Validate(OneBeyond(field), Clock);

        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains("at most", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("portal-4711 ")]
    [InlineData(" portal-4711")]
    [InlineData("-portal")]
    [InlineData("portal/4711")]
    [InlineData("portal 4711")]
    [InlineData("portälö")]
    public void Should_refuse_the_tenant_id_when_it_is_outside_its_pattern(string tenantId)
    {
        var problem = Assert.Single(SyncFailureValidator.Validate(WireMessagesAtTheirLimits.Failure() with { TenantId = tenantId }, Clock));

        Assert.Equal("tenantId", problem.Field);
        Assert.Contains("is not a tenant id", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WireLimits.MaxTenantIdLength + 1)]
    [InlineData(5_000)]
    public void Should_refuse_the_tenant_id_with_a_shortened_quote_when_it_is_too_long(int length)
    {
        var problem = Assert.Single(SyncFailureValidator.Validate(WireMessagesAtTheirLimits.Failure() with { TenantId = new string('t', length) }, Clock));

        Assert.Equal("tenantId", problem.Field);
        Assert.True(problem.Message.Length < 300, problem.Message);
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("engineId")]
    [InlineData("hubSpotId")]
    [InlineData("salesforceId")]
    [InlineData("objectType")]
    public void Should_refuse_an_id_when_it_holds_a_line_break(string field)
    {
        var forged = "42\n[10:15:00 ERR] forged";
        var failure = WireMessagesAtTheirLimits.Failure();
        failure = field switch
        {
            "eventId" => failure with { EventId = forged },
            "engineId" => failure with { EngineId = forged },
            "hubSpotId" => failure with { HubSpotId = forged },
            "salesforceId" => failure with { SalesforceId = forged },
            _ => failure with { ObjectType = forged },
        };

        var problem = Assert.Single(SyncFailureValidator.Validate(failure, Clock));

        Assert.Equal(field, problem.Field);
        Assert.Contains("control characters", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_quote_an_unknown_source_escaped_and_shortened_when_it_is_long_and_holds_a_line_break()
    {
        var problem = Assert.Single(SyncFailureValidator.Validate(WireMessagesAtTheirLimits.Failure() with { Source = "x\nforged" + new string('x', 100_000) }, Clock));

        Assert.Equal("source", problem.Field);
        Assert.DoesNotContain('\n', problem.Message);
        Assert.StartsWith("\"x\\nforged", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Message.Length < 200, problem.Message);
    }

    [Fact]
    public void Should_leave_the_time_out_when_validating_without_a_clock() =>
        Assert.Empty(SyncFailureValidator.Validate(WireMessagesAtTheirLimits.Failure() with { OccurredAt = DateTimeOffset.MinValue }));

    private static SyncFailureReported OneBeyond(string field)
    {
        var failure = WireMessagesAtTheirLimits.Failure();
        var error = WireMessagesAtTheirLimits.Error();
        ReportedError[] Only(ReportedError e) => [e, .. failure.Errors.Skip(1)];
        return field switch
        {
            "eventId" => failure with { EventId = new string('e', WireLimits.MaxIdLength + 1) },
            "engineId" => failure with { EngineId = new string('g', WireLimits.MaxIdLength + 1) },
            "objectType" => failure with { ObjectType = new string('o', WireLimits.MaxNameLength + 1) },
            "hubSpotId" => failure with { HubSpotId = new string('7', WireLimits.MaxIdLength + 1) },
            "salesforceId" => failure with { SalesforceId = new string('S', WireLimits.MaxIdLength + 1) },
            "errors" => failure with { Errors = [.. failure.Errors, error] },
            "errors[0].statusCode" => failure with { Errors = Only(error with { StatusCode = new string('C', WireLimits.MaxNameLength + 1) }) },
            "errors[0].errorCode" => failure with { Errors = Only(error with { ErrorCode = new string('D', WireLimits.MaxNameLength + 1) }) },
            "errors[0].message" => failure with { Errors = Only(error with { Message = new string('m', WireLimits.MaxMessageLength + 1) }) },
            "errors[0].raw" => failure with { Errors = Only(error with { Raw = new string('r', WireLimits.MaxRawLength + 1) }) },
            "errors[0].category" => failure with { Errors = Only(error with { Category = new string('V', WireLimits.MaxNameLength + 1) }) },
            "errors[0].subCategory" => failure with { Errors = Only(error with { SubCategory = new string('s', WireLimits.MaxNameLength + 1) }) },
            "errors[0].fields" => failure with { Errors = Only(error with { Fields = [.. error.Fields!, "Email"] }) },
            "errors[0].fields[99]" => failure with { Errors = Only(error with { Fields = [.. error.Fields!.Take(99), new string('f', WireLimits.MaxNameLength + 1)] }) },
            "errors[0].context" => failure with { Errors = Only(error with { Context = WireMessagesAtTheirLimits.Context(WireLimits.MaxContextLength + 1) }) },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }
}
