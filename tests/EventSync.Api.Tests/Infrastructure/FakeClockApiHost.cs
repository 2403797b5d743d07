using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>
/// A host of its own whose <see cref="TimeProvider"/> is <see cref="Clock"/>, for tests that move time (views expiring,
/// trends by day); a class fixture, so that moving time disturbs no other test class.
/// </summary>
public sealed class FakeClockApiHost : ApiHost
{
    /// <summary>Mid-morning UTC, so that a few hours either way stay on the same day.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
