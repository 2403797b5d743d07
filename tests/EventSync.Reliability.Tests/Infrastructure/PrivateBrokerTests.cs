namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// Tests that start a private RabbitMQ node run one after another: a node's start takes seconds of CPU, and several at once
/// beside the rest of the test run starve each other on a small machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PrivateBrokerTests
{
    public const string Name = "private RabbitMQ node";
}
