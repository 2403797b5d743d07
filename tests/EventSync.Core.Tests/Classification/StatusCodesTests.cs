using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

public sealed class StatusCodesTests
{
    [Theory]
    [InlineData("unable_to_lock_row", "UNABLE_TO_LOCK_ROW")]
    [InlineData(" Unable to lock row ", "UNABLE_TO_LOCK_ROW")]
    [InlineData("field-integrity--exception", "FIELD_INTEGRITY_EXCEPTION")]
    [InlineData("CONFLICT", "CONFLICT")]
    public void Should_normalise_case_and_separators(string code, string expected)
    {
        Assert.Equal(expected, StatusCodes.Normalize(code));
    }

    [Theory]
    [InlineData("UNABLE_TO_LOCK_ROW", true)]
    [InlineData("invalid_email_address", true)]
    [InlineData("CONFLICT", true)]
    [InlineData("Error", false)]
    [InlineData("OK", false)]
    [InlineData("two words", false)]
    public void Should_tell_a_status_code_from_a_word(string text, bool expected)
    {
        Assert.Equal(expected, StatusCodes.LooksLikeCode(text));
    }
}
