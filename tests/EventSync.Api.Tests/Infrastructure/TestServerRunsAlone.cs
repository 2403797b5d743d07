namespace EventSync.Api.Tests.Infrastructure;

/// <summary>
/// The TestServer host runs alone: MassTransit keeps its log context in a static, so hosts of one process must not start
/// side by side (the Kestrel hosts of the other classes serialise their start through <c>TestHosts</c>).
/// </summary>
[CollectionDefinition(nameof(TestServerRunsAlone), DisableParallelization = true)]
public sealed class TestServerRunsAlone : ICollectionFixture<StandaloneTestServer>;
