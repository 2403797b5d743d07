using EventSync.Testing.Hosts;
using Microsoft.AspNetCore.Builder;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// A classifier host started in this process. Tests stop it on purpose to read its store file once it has let go of it;
/// disposing stops it if the test has not (after a failure too).
/// </summary>
public sealed class RunningClassifier(WebApplication app) : IAsyncDisposable
{
    private WebApplication? _app = app;

    public IServiceProvider Services => Running.Services;

    public Uri Address => TestHosts.Address(Running);

    private WebApplication Running => _app ?? throw new InvalidOperationException("The classifier has been stopped.");

    public async Task StopAsync()
    {
        var app = _app;
        _app = null;
        await TestHosts.StopAsync(app);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
