using EventSync.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace EventSync.Resync.Tests;

/// <summary>Settings the worker refuses to start with.</summary>
public sealed class ResyncOptionsTests
{
    [Fact]
    public void Should_accept_the_defaults_when_nothing_is_configured()
    {
        Assert.True(Validation().Validate(null, new ResyncOptions()).Succeeded);
    }

    [Fact]
    public void Should_name_every_bad_setting_when_the_options_make_no_sense()
    {
        var options = new ResyncOptions
        {
            CallsPerResync = 0,
            DefaultEngineId = " ",
            FirstRetryDelay = TimeSpan.FromHours(2),
            MaxRetryDelay = TimeSpan.FromHours(1),
            SweepInterval = TimeSpan.Zero,
        };
        options.Engines["sf-sync-eu-1"] = new ResyncEngineOptions { Address = "not an address" };

        var result = Validation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Engines:sf-sync-eu-1:Address", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_refuse_to_send_an_unconfirmed_resync_again_while_its_first_send_may_still_wait_for_the_broker()
    {
        var options = new ResyncOptions { ResendUnconfirmedAfter = TimeSpan.FromSeconds(30) };

        var result = Validation(publishTimeout: TimeSpan.FromSeconds(30)).Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("EventSync:Resync:ResendUnconfirmedAfter", failure, StringComparison.Ordinal);
        Assert.Contains("EventSync:Messaging:PublishTimeout", failure, StringComparison.Ordinal);
    }

    private static ResyncOptionsValidation Validation(TimeSpan? publishTimeout = null) =>
        new(Options.Create(new MessagingOptions { PublishTimeout = publishTimeout ?? new MessagingOptions().PublishTimeout }));
}
