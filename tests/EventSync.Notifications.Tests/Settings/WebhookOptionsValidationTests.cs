using EventSync.Notifications.Webhooks;

namespace EventSync.Notifications.Tests.Settings;

/// <summary><see cref="WebhookOptionsValidation"/>: webhook settings that make no sense are refused at start-up, each named.</summary>
public sealed class WebhookOptionsValidationTests
{
    public static TheoryData<string, WebhookOptions> Wrong { get; } = new()
    {
        { "RetryLimit", new WebhookOptions { RetryLimit = -1 } },
        { "RetryLimit", new WebhookOptions { RetryLimit = 50 } },
        { "RetryMinInterval", new WebhookOptions { RetryMinInterval = TimeSpan.Zero } },
        { "RetryMaxInterval", new WebhookOptions { RetryMinInterval = TimeSpan.FromMinutes(1), RetryMaxInterval = TimeSpan.FromSeconds(10) } },
        { "Timeout", new WebhookOptions { Timeout = TimeSpan.FromMinutes(5) } },
        { "MaxRetryAfter", new WebhookOptions { MaxRetryAfter = TimeSpan.FromHours(1) } },
        { "MaxResponseBytes", new WebhookOptions { MaxResponseBytes = -5 } },
    };

    [Fact]
    public void Should_accept_the_defaults_of_ten_seconds_and_five_retries()
    {
        var defaults = new WebhookOptions();

        Assert.True(new WebhookOptionsValidation().Validate(null, defaults).Succeeded);
        Assert.Equal((TimeSpan.FromSeconds(10), 5, false), (defaults.Timeout, defaults.RetryLimit, defaults.AllowPrivateAddresses));
    }

    [Theory]
    [MemberData(nameof(Wrong))]
    public void Should_refuse_a_wrong_setting_naming_it(string setting, WebhookOptions options)
    {
        var result = new WebhookOptionsValidation().Validate(null, options);

        Assert.Contains($"EventSync:Webhooks:{setting} ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
