namespace EventSync.Resync.Tests;

/// <summary>Settings the worker refuses to start with.</summary>
public sealed class ResyncOptionsTests
{
    [Fact]
    public void Should_accept_the_defaults_when_nothing_is_configured()
    {
        Assert.True(new ResyncOptionsValidation().Validate(null, new ResyncOptions()).Succeeded);
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

        var result = new ResyncOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Engines:sf-sync-eu-1:Address", StringComparison.Ordinal));
    }
}
