using EventSync.Storage.MongoDb;
using MongoDB.Bson;

namespace EventSync.Storage.Tests.MongoDb;

/// <summary>Which deployments the store accepts at start-up, judged from the server's <c>hello</c> reply.</summary>
public sealed class MongoDeploymentTests
{
    [Fact]
    public void Should_refuse_a_standalone_server_naming_the_setting_and_the_fix_when_the_store_starts()
    {
        var refusal = MongoDeployment.Refusal(BsonDocument.Parse("{ isWritablePrimary: true, maxWireVersion: 25, logicalSessionTimeoutMinutes: 30, ok: 1 }"));

        Assert.NotNull(refusal);
        Assert.Contains("ConnectionStrings:mongodb", refusal, StringComparison.Ordinal);
        Assert.Contains("replica set", refusal, StringComparison.Ordinal);
        Assert.Contains("--replSet", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ isWritablePrimary: true, setName: 'rs0', hosts: ['127.0.0.1:27017'], logicalSessionTimeoutMinutes: 30, ok: 1 }")]
    [InlineData("{ isWritablePrimary: true, msg: 'isdbgrid', logicalSessionTimeoutMinutes: 30, ok: 1 }")]
    public void Should_accept_a_replica_set_or_a_sharded_cluster_when_the_store_starts(string hello)
    {
        Assert.Null(MongoDeployment.Refusal(BsonDocument.Parse(hello)));
    }

    [Fact]
    public void Should_refuse_a_deployment_without_sessions_when_the_store_starts()
    {
        var refusal = MongoDeployment.Refusal(BsonDocument.Parse("{ isWritablePrimary: true, setName: 'rs0', ok: 1 }"));

        Assert.Contains("sessions", refusal, StringComparison.Ordinal);
    }
}
