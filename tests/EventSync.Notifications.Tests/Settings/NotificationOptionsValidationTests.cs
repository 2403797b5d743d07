
namespace EventSync.Notifications.Tests.Settings;

/// <summary><see cref="NotificationOptionsValidation"/>: the notification worker refuses settings that make no sense, naming each.</summary>
public sealed class NotificationOptionsValidationTests
{
    [Fact]
    public void Should_accept_the_defaults() => Assert.True(new NotificationOptionsValidation().Validate(null, new NotificationOptions()).Succeeded);

    public static TheoryData<string, NotificationOptions> Wrong { get; } = new()
    {
        { "From", new NotificationOptions { From = "not an address" } },
        { "DashboardUrl", new NotificationOptions { DashboardUrl = new Uri("ftp://example.com/") } },
        { "AlertWindow", new NotificationOptions { AlertWindow = TimeSpan.Zero } },
        { "DigestSendLease", new NotificationOptions { DigestSendLease = TimeSpan.FromSeconds(-1) } },
        { "DailyCron", new NotificationOptions { DailyCron = "every morning" } },
        { "DigestCheckCron", new NotificationOptions { DigestCheckCron = "0 0/15 * * *" } },
        { "TopRecords", new NotificationOptions { TopRecords = 0 } },
    };

    [Theory]
    [MemberData(nameof(Wrong))]
    public void Should_refuse_a_wrong_setting_naming_it(string setting, NotificationOptions options)
    {
        var result = new NotificationOptionsValidation().Validate(null, options);

        Assert.Contains($"EventSync:Notifications:{setting} ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
