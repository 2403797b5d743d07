using Microsoft.Extensions.Options;
using Quartz;

namespace EventSync.Notifications;

/// <summary>Checks <see cref="NotificationOptions"/> at start-up, naming each setting that is wrong.</summary>
internal sealed class NotificationOptionsValidation : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From) || !System.Net.Mail.MailAddress.TryCreate(options.From, out _))
        {
            failures.Add($"{NotificationOptions.Section}:From must be an email address; got '{options.From}'.");
        }

        if (options.DashboardUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{NotificationOptions.Section}:DashboardUrl must be an absolute http or https address.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(options.AlertWindow), options.AlertWindow),
            (nameof(options.AlertSendLease), options.AlertSendLease),
            (nameof(options.DigestSendLease), options.DigestSendLease),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{NotificationOptions.Section}:{setting} must be positive.");
            }
        }

        foreach (var (setting, cron) in new[]
        {
            (nameof(options.DailyCron), options.DailyCron),
            (nameof(options.WeeklyCron), options.WeeklyCron),
            (nameof(options.DigestCheckCron), options.DigestCheckCron),
            (nameof(options.AlertSweepCron), options.AlertSweepCron),
        })
        {
            if (!IsCron(cron))
            {
                failures.Add($"{NotificationOptions.Section}:{setting} must be a Quartz cron expression; got '{cron}'.");
            }
        }

        if (options.TopRecords < 1)
        {
            failures.Add($"{NotificationOptions.Section}:TopRecords must be 1 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsCron(string? expression)
    {
        try
        {
            _ = new CronExpression(expression ?? string.Empty);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
