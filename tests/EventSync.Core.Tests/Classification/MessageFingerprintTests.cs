using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

public sealed class MessageFingerprintTests
{
    [Theory]
    [InlineData("duplicate value found: Ext__c duplicates value on record with id: 0035g00000XyZabAAF", "duplicate value found: ext__c duplicates value on record with id: #")]
    [InlineData("Email 'ann@example.com' is taken by contact 1234", "email ' is taken by contact #")]
    [InlineData("Value “Sales Qualified” is not allowed", "value ' is not allowed")]
    [InlineData("See https://help.example.com/x?id=5   for  details", "see # for details")]
    [InlineData("can't save: 12.5% over", "can't save: # over")]
    public void Should_replace_values_when_normalising(string message, string expected)
    {
        var output = new char[message.Length];

        var length = MessageFingerprint.NormalizeMessage(message, output);

        Assert.Equal(expected, new string(output, 0, length));
    }

    [Fact]
    public void Should_give_the_same_fingerprint_when_only_the_values_differ()
    {
        var first = MessageFingerprint.Compute("unknown", "WEIRD_CODE", "Record 0035g00000XyZabAAF failed for 'Acme'");
        var second = MessageFingerprint.Compute("unknown", "WEIRD_CODE", "Record 0035g00000QqQqqAAF failed for 'Globex Corp'");

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{16}$", first);
    }

    [Fact]
    public void Should_give_different_fingerprints_when_the_problem_differs()
    {
        var quota = MessageFingerprint.Compute("unknown", "", "Storage quota reached for this org");
        var license = MessageFingerprint.Compute("unknown", "", "License expired for this org");
        var otherCode = MessageFingerprint.Compute("unknown", "OTHER", "Storage quota reached for this org");

        Assert.NotEqual(quota, license);
        Assert.NotEqual(quota, otherCode);
    }
}
