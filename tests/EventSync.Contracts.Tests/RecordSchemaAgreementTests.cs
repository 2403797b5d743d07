using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EventSync.Contracts.Tests;

/// <summary>Keeps each schema and its C# record in step: same properties, same required ones, same valid shape.</summary>
public sealed class RecordSchemaAgreementTests
{
    private const string ReportedErrorPointer = "reportedError";

    public static TheoryData<string> SchemaFiles => WireMessages.SchemaFiles;

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Should_validate_against_the_schema_when_serialized_from_a_fully_populated_record(string schemaFile)
    {
        var written = JsonSerializer.SerializeToNode(WireMessages.For(schemaFile).FullyPopulated, ContractJson.Options);

        var results = ContractSchemas.Evaluate(schemaFile, written);

        Assert.True(results.IsValid, SchemaFailure.Describe(results));
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Should_name_the_same_properties_when_comparing_schema_record_and_serialized_record(string schemaFile)
    {
        var message = WireMessages.For(schemaFile);
        var written = JsonSerializer.SerializeToNode(message.FullyPopulated, ContractJson.Options)!.AsObject();

        Assert.Equal(WireNames(message.RecordType), PropertyNames(ContractSchemas.Document(schemaFile)));
        Assert.Equal(WireNames(message.RecordType), written.Select(property => property.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_name_the_same_properties_when_comparing_the_reported_error_schema_and_record()
    {
        var written = JsonSerializer.SerializeToNode(WireMessages.FullyPopulatedError(), ContractJson.Options)!.AsObject();

        Assert.Equal(WireNames(typeof(ReportedError)), PropertyNames(ReportedErrorSchema()));
        Assert.Equal(WireNames(typeof(ReportedError)), written.Select(property => property.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Should_require_the_required_members_of_the_record_when_comparing_required_lists(string schemaFile)
    {
        var recordType = WireMessages.For(schemaFile).RecordType;

        Assert.NotEmpty(RequiredWireNames(recordType));
        Assert.Equal(RequiredWireNames(recordType), RequiredList(ContractSchemas.Document(schemaFile)));
        Assert.Equal(RequiredWireNames(recordType), RequiredBySerializer(recordType));
    }

    [Fact]
    public void Should_require_nothing_when_comparing_the_reported_error_schema_and_record()
    {
        // A reported error needs one of several fields instead, which the schema says with anyOf.
        Assert.Empty(RequiredWireNames(typeof(ReportedError)));
        Assert.Empty(RequiredList(ReportedErrorSchema()));
        Assert.NotNull(ReportedErrorSchema()["anyOf"]);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Should_be_refused_by_schema_and_record_when_a_required_property_is_missing(string schemaFile)
    {
        var recordType = WireMessages.For(schemaFile).RecordType;
        Assert.All(RequiredWireNames(recordType), name =>
        {
            var message = ContractSchemas.Examples(schemaFile)[0];
            Assert.True(message.Remove(name), $"the first example of {schemaFile} lacks '{name}'");

            var results = ContractSchemas.Evaluate(schemaFile, message);

            Assert.Equal([("", "required")], SchemaFailure.Reasons(results));
            Assert.Contains($"\"{name}\"", SchemaFailure.From(results)[0].Message, StringComparison.Ordinal);
            Assert.Throws<JsonException>(() => message.Deserialize(recordType, ContractJson.Options));
        });
    }

    private static JsonObject ReportedErrorSchema() =>
        ContractSchemas.Document(WireMessages.SyncFailureReportedSchema)["$defs"]![ReportedErrorPointer]!.AsObject();

    private static string[] PropertyNames(JsonObject schema) =>
        [.. schema["properties"]!.AsObject().Select(property => property.Key).Order(StringComparer.Ordinal)];

    private static string[] RequiredList(JsonObject schema) =>
        [.. (schema["required"]?.AsArray() ?? []).Select(name => (string)name!).Order(StringComparer.Ordinal)];

    private static string[] WireNames(Type recordType) =>
        [.. Properties(recordType).Select(WireName).Order(StringComparer.Ordinal)];

    private static string[] RequiredWireNames(Type recordType) =>
    [
        .. Properties(recordType)
            .Where(property => property.IsDefined(typeof(RequiredMemberAttribute)) || property.IsDefined(typeof(JsonRequiredAttribute)))
            .Select(WireName)
            .Order(StringComparer.Ordinal),
    ];

    private static string[] RequiredBySerializer(Type recordType) =>
    [
        .. ContractJson.Options.GetTypeInfo(recordType).Properties
            .Where(property => property.IsRequired)
            .Select(property => property.Name)
            .Order(StringComparer.Ordinal),
    ];

    private static IEnumerable<PropertyInfo> Properties(Type recordType) =>
        recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always });

    private static string WireName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? ContractJson.Options.PropertyNamingPolicy!.ConvertName(property.Name);
}
