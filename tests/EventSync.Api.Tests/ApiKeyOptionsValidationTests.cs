using EventSync.Api.Security;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Tests;

/// <summary>Named keys are checked at start-up: a service with a key it cannot use does not start.</summary>
public sealed class ApiKeyOptionsValidationTests
{
    private static readonly string Hash = ApiKeyAuthorizer.HashOf("a-key-of-someone");

    public static TheoryData<string, NamedApiKey, string> Refused { get; } = new()
    {
        { "anna", new NamedApiKey { Role = "reader", Tenants = "acme" }, "either Key or KeyHash" },
        { "anna", new NamedApiKey { Key = "k1", KeyHash = Hash, Role = "reader", Tenants = "acme" }, "not both" },
        { "anna", new NamedApiKey { KeyHash = "abc", Role = "reader", Tenants = "acme" }, "64 hex digits" },
        { "anna", new NamedApiKey { Key = "k1", Role = "owner", Tenants = "acme" }, "reader, operator or admin" },
        { "anna", new NamedApiKey { Key = "k1", Role = "reader", Tenants = " " }, "must name the key's tenants" },
        { "anna", new NamedApiKey { Key = "k1", Role = "reader", Tenants = "acme, bad tenant/id" }, "'bad tenant/id' cannot be a tenant id" },
        { "anna smith", new NamedApiKey { Key = "k1", Role = "reader", Tenants = "acme" }, "a key's name" },
        { "automatic", new NamedApiKey { Key = "k1", Role = "operator", Tenants = "*" }, "reserved" },
        { "admin", new NamedApiKey { Key = "k1", Role = "admin", Tenants = "*" }, "reserved" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Should_refuse_a_named_key_it_cannot_use_and_say_which_setting(string name, NamedApiKey key, string expected)
    {
        var options = new ApiKeyOptions { Keys = { [name] = key } };

        var result = new ApiKeyOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains($"EventSync:Api:Keys:{name}", failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("k1", failure.Replace($"Keys:{name}", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_the_same_key_under_two_names_and_accept_keys_and_hashes_otherwise()
    {
        var twice = new ApiKeyOptions
        {
            Keys =
            {
                ["anna"] = new NamedApiKey { Key = "a-key-of-someone", Role = "reader", Tenants = "acme" },
                ["ben"] = new NamedApiKey { KeyHash = Hash.ToUpperInvariant(), Role = "admin", Tenants = "*" },
            },
        };
        var fine = new ApiKeyOptions
        {
            Keys =
            {
                ["anna"] = new NamedApiKey { Key = "another-key", Role = "Reader", Tenants = "acme,globex" },
                ["ben"] = new NamedApiKey { KeyHash = Hash, Role = "admin", Tenants = "*" },
            },
        };

        Assert.Contains("another name", Assert.Single(new ApiKeyOptionsValidation().Validate(null, twice).Failures!), StringComparison.Ordinal);
        Assert.Equal(ValidateOptionsResult.Success, new ApiKeyOptionsValidation().Validate(null, fine));
    }
}
