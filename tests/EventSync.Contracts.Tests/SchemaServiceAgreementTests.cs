using System.Text.Json.Nodes;

namespace EventSync.Contracts.Tests;

/// <summary>
/// What a standard JSON Schema validator accepts, the service accepts, and the reverse: the same verdict on every
/// example and on generated messages, except where <see cref="Unstatable"/> names a rule the schema says it cannot state.
/// </summary>
public sealed class SchemaServiceAgreementTests
{
    public static TheoryData<string> AgreeingCases { get; } =
        [.. AgreementCases.All.Values.Where(c => c.Unstatable == Unstatable.None).Select(c => c.Name)];

    public static TheoryData<string> UnstatableCases { get; } =
        [.. AgreementCases.All.Values.Where(c => c.Unstatable != Unstatable.None).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(AgreeingCases))]
    public void Should_give_the_verdict_of_the_service_when_a_standard_validator_reads_the_message(string name)
    {
        var @case = AgreementCases.All[name];

        var refusal = ServiceReading.Refusal(@case.SchemaFile, @case.Json);
        var results = ContractSchemas.Evaluate(@case.SchemaFile, JsonNode.Parse(@case.Json));

        Assert.True(results.IsValid == refusal is null,
            $"schema: {SchemaFailure.Describe(results)}{Environment.NewLine}service: {refusal ?? "accepted"}");
    }

    [Theory]
    [MemberData(nameof(UnstatableCases))]
    public void Should_part_only_in_the_stated_direction_when_the_schema_cannot_state_the_rule(string name)
    {
        var @case = AgreementCases.All[name];

        var refusal = ServiceReading.Refusal(@case.SchemaFile, @case.Json);
        var results = ContractSchemas.Evaluate(@case.SchemaFile, JsonNode.Parse(@case.Json));

        // Each exclusion must be real: were the verdicts equal, the case would belong with the agreeing ones.
        Assert.True(@case.ServiceIsStricter ? results.IsValid && refusal is not null : !results.IsValid && refusal is null,
            $"{@case.Unstatable}: schema: {SchemaFailure.Describe(results)}{Environment.NewLine}service: {refusal ?? "accepted"}");
    }

    [Fact]
    public void Should_cover_every_field_of_the_engine_messages_with_null_and_absent_when_generating_cases()
    {
        var names = AgreementCases.All.Keys.ToList();

        Assert.All(AgreementCases.EngineSchemas, schemaFile =>
            Assert.All(ContractSchemas.Document(schemaFile)["properties"]!.AsObject(), property =>
            {
                Assert.Contains(names, n => n.EndsWith($": {property.Key} = null", StringComparison.Ordinal));
                Assert.Contains(names, n => n.EndsWith($": {property.Key} = absent", StringComparison.Ordinal));
            }));
        Assert.True(AgreeingCases.Count > 400, $"only {AgreeingCases.Count} agreeing cases");
        Assert.True(UnstatableCases.Count < AgreeingCases.Count / 5, $"{UnstatableCases.Count} exclusions for {AgreeingCases.Count} cases");
    }

    [Fact]
    public void Should_accept_a_failure_of_a_record_not_yet_in_salesforce_in_both_readings()
    {
        var message = ContractSchemas.Examples(WireMessages.SyncFailureReportedSchema)[1];
        message["salesforceId"] = null;

        var results = ContractSchemas.Evaluate(WireMessages.SyncFailureReportedSchema, message);

        Assert.True(results.IsValid, SchemaFailure.Describe(results));
        Assert.Null(ServiceReading.Refusal(WireMessages.SyncFailureReportedSchema, message.ToJsonString()));
    }
}
