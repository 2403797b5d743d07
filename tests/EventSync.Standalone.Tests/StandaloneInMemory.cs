using EventSync.Testing.Standalone;

[assembly: AssemblyFixture(typeof(EventSync.Standalone.Tests.StandaloneInMemory))]

namespace EventSync.Standalone.Tests;

/// <summary>
/// The standalone host as a newcomer runs it (in-memory bus, SQLite), shared by the HTTP tests of this assembly; tests
/// stay apart by tenant. Two tenants have keys of their own.
/// </summary>
public sealed class StandaloneInMemory : IAsyncLifetime
{
    public const string Acme = "acme-eu";
    public const string Globex = "globex-us";

    private RunningStandalone? _standalone;

    public RunningStandalone Standalone => _standalone ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync() => _standalone = await RunningStandalone.StartAsync(tenants: [Acme, Globex]);

    public async ValueTask DisposeAsync()
    {
        if (_standalone is not null)
        {
            await _standalone.DisposeAsync();
        }
    }
}
