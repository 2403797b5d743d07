using EventSync.Notifications.Extensions;
using EventSync.Testing.Email;
using EventSync.Testing.Harness;
using Microsoft.AspNetCore.Builder;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>
/// A harness test with an SMTP server of its own in the test process: the notification worker composed as it runs (plus
/// what the test adds), sending there.
/// </summary>
public abstract class SmtpHarnessTest : IAsyncLifetime
{
    private SmtpCatcher? _smtp;

    protected SmtpCatcher Smtp => _smtp!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => _smtp = await SmtpCatcher.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await DisposeMoreAsync();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Stops what a derived test started besides the SMTP server.</summary>
    protected virtual ValueTask DisposeMoreAsync() => ValueTask.CompletedTask;

    protected Task<HarnessHost> StartWorkerAsync(Action<WebApplicationBuilder>? addTestServices = null) =>
        HarnessHost.StartAsync(
            builder =>
            {
                builder.AddNotificationWorker();
                addTestServices?.Invoke(builder);
            },
            $"--ConnectionStrings:smtp={Smtp.ConnectionString}");
}
