using DotNet.Testcontainers.Builders;
using EventSync.Storage.MongoDb.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace EventSync.Storage.Tests.MongoDb;

/// <summary>
/// The MongoDB server the store tests run against: the one named by <c>EVENTSYNC_TEST_MONGODB</c> (a replica set), else a
/// Testcontainers single-node replica set when a Docker engine answers, else none (the tests then skip with <see cref="SkipReason"/>).
/// </summary>
public sealed class MongoTestServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "EVENTSYNC_TEST_MONGODB";

    public const string SkipReason = $"No MongoDB server: set {EnvironmentVariable}=mongodb://... or run where Docker is available";

    private MongoDbContainer? _container;

    /// <summary>Null when no server can be had.</summary>
    public IMongoClient? Client { get; private set; }

    /// <summary>The server's connection string; null when no server can be had.</summary>
    public string? ConnectionString { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = await StartContainerAsync();
        }

        if (connectionString is not null)
        {
            ConnectionString = connectionString;
            Client = new MongoClient(connectionString);
        }
    }

    /// <summary>
    /// The MongoDB store as <c>AddMongoStorage</c> registers it, on a database of its own, and how to drop that database;
    /// skips the calling test, with <see cref="SkipReason"/>, when no server can be had.
    /// </summary>
    public (ServiceProvider Services, Func<ValueTask> Cleanup) NewStore(Action<MongoClientSettings>? clientSettings = null)
    {
        if (Client is null || ConnectionString is null)
        {
            Assert.Skip(SkipReason);
        }

        // A store with settings of its own (a name the server sees, an event subscriber) has a client of its own.
        var client = clientSettings is null ? Client : new MongoClient(Configured(ConnectionString, clientSettings));

        var databaseName = $"eventsync_test_{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:mongodb"] = ConnectionString,
                ["EventSync:MongoDb:DatabaseName"] = databaseName,
            })
            .Build();
        var provider = new ServiceCollection().AddSingleton(client).AddMongoStorage(configuration).BuildServiceProvider();
        return (provider, async () =>
        {
            await client.DropDatabaseAsync(databaseName, CancellationToken.None);
            await provider.DisposeAsync();
            if (!ReferenceEquals(client, Client))
            {
                (client as IDisposable)?.Dispose();
            }
        });
    }

    private static MongoClientSettings Configured(string connectionString, Action<MongoClientSettings> configure)
    {
        var settings = MongoClientSettings.FromConnectionString(connectionString);
        configure(settings);
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        (Client as IDisposable)?.Dispose();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private async Task<string?> StartContainerAsync()
    {
        try
        {
            // A single-node replica set: the store refuses a standalone server (no transactions).
            _container = new MongoDbBuilder("mongo:8.0").WithReplicaSet().Build();
            await _container.StartAsync(TestContext.Current.CancellationToken);
            return _container.GetConnectionString();
        }
        catch (DockerUnavailableException)
        {
            return null;
        }
    }
}
