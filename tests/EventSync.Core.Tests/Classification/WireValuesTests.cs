using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

public sealed class WireValuesTests
{
    [Theory]
    [InlineData("salesforce", FailureSource.Salesforce)]
    [InlineData("Salesforce", FailureSource.Salesforce)]
    [InlineData("salesforce-api", FailureSource.Salesforce)]
    [InlineData("SFDC", FailureSource.Salesforce)]
    [InlineData("HubSpot", FailureSource.HubSpot)]
    [InlineData("hubspot_crm", FailureSource.HubSpot)]
    [InlineData(null, FailureSource.Unspecified)]
    public void Should_read_the_source_however_it_is_spelled(string? value, FailureSource expected)
    {
        Assert.True(WireValues.TryParseSource(value, out var source));
        Assert.Equal(expected, source);
    }

    [Theory]
    [InlineData("toSalesforce", SyncDirection.ToSalesforce)]
    [InlineData("to_salesforce", SyncDirection.ToSalesforce)]
    [InlineData("HUBSPOT_TO_SALESFORCE", SyncDirection.ToSalesforce)]
    [InlineData("toHubSpot", SyncDirection.ToHubSpot)]
    [InlineData("salesforce->hubspot", SyncDirection.ToHubSpot)]
    public void Should_read_the_direction_however_it_is_spelled(string value, SyncDirection expected)
    {
        Assert.True(WireValues.TryParseDirection(value, out var direction));
        Assert.Equal(expected, direction);
    }

    [Theory]
    [InlineData("marketo")]
    [InlineData("zendesk")]
    public void Should_refuse_a_source_that_is_neither_system(string value)
    {
        Assert.False(WireValues.TryParseSource(value, out var source));
        Assert.Equal(FailureSource.Unspecified, source);
    }
}
