using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

public sealed class BulkErrorParserTests
{
    [Fact]
    public void Should_split_code_message_and_fields_when_the_cell_has_all_three()
    {
        Assert.True(BulkErrorParser.TryParse("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --", out var code, out var message, out var fields));

        Assert.Equal("REQUIRED_FIELD_MISSING", code);
        Assert.Equal("Required fields are missing: [LastName]", message);
        Assert.Equal(["LastName"], fields);
    }

    [Fact]
    public void Should_read_several_fields_and_keep_colons_inside_the_message()
    {
        Assert.True(BulkErrorParser.TryParse("FIELD_CUSTOM_VALIDATION_EXCEPTION:Ship date: must be after 10:30:Ship_Date__c,Ship_Time__c --", out var code, out var message, out var fields));

        Assert.Equal("FIELD_CUSTOM_VALIDATION_EXCEPTION", code);
        Assert.Equal("Ship date: must be after 10:30", message);
        Assert.Equal(["Ship_Date__c", "Ship_Time__c"], fields);
    }

    [Fact]
    public void Should_give_no_fields_when_the_field_part_is_empty()
    {
        Assert.True(BulkErrorParser.TryParse("DUPLICATES_DETECTED:Use one of these records?: --", out var code, out var message, out var fields));

        Assert.Equal("DUPLICATES_DETECTED", code);
        Assert.Equal("Use one of these records?", message);
        Assert.Empty(fields);
    }

    [Fact]
    public void Should_keep_the_last_segment_in_the_message_when_it_has_a_space_after_the_colon()
    {
        Assert.True(BulkErrorParser.TryParse("STRING_TOO_LONG:Company: data value too large --", out _, out var message, out var fields));

        Assert.Equal("Company: data value too large", message);
        Assert.Empty(fields);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Something went wrong")]
    [InlineData("Error: lower-case words are not a status code")]
    [InlineData(":no code at all --")]
    public void Should_not_parse_text_that_does_not_start_with_a_status_code(string raw)
    {
        Assert.False(BulkErrorParser.TryParse(raw, out var code, out _, out _));
        Assert.Equal("", code);
    }
}
