using System.Text.Json;

namespace EventSync.Contracts.Tests;

public sealed class ContractEnumTests
{
    public static TheoryData<ErrorOccurrence, string> Occurrences => new()
    {
        { ErrorOccurrence.New, "new" },
        { ErrorOccurrence.Recurring, "recurring" },
        { ErrorOccurrence.Reopened, "reopened" },
    };

    public static TheoryData<DigestFrequency, string> Frequencies => new()
    {
        { DigestFrequency.Immediate, "immediate" },
        { DigestFrequency.Daily, "daily" },
        { DigestFrequency.Weekly, "weekly" },
    };

    [Theory]
    [MemberData(nameof(Occurrences))]
    public void Should_write_the_lower_case_name_when_serializing_an_ErrorOccurrence(ErrorOccurrence occurrence, string wire)
    {
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(occurrence, ContractJson.Options));
        Assert.Equal(occurrence, JsonSerializer.Deserialize<ErrorOccurrence>($"\"{wire}\"", ContractJson.Options));
    }

    [Theory]
    [MemberData(nameof(Frequencies))]
    public void Should_write_the_lower_case_name_when_serializing_a_DigestFrequency(DigestFrequency frequency, string wire)
    {
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(frequency, ContractJson.Options));
        Assert.Equal(frequency, JsonSerializer.Deserialize<DigestFrequency>($"\"{wire}\"", ContractJson.Options));
    }

    [Fact]
    public void Should_list_every_ErrorOccurrence_when_reading_the_schema_enum()
    {
        Assert.Equal(WireNames<ErrorOccurrence>(), SchemaEnum("sync-error-classified.schema.json", "occurrence"));
    }

    [Fact]
    public void Should_list_every_DigestFrequency_when_reading_the_schema_enum()
    {
        Assert.Equal(WireNames<DigestFrequency>(), SchemaEnum("send-error-digest.schema.json", "frequency"));
    }

    private static string[] WireNames<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(value => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, ContractJson.Options))!)];

    private static string[] SchemaEnum(string schemaFile, string property) =>
        [.. ContractSchemas.Document(schemaFile)["properties"]![property]!["enum"]!.AsArray().Select(value => (string)value!)];
}
