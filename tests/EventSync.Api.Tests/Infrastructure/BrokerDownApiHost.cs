using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>A host of its own whose sends all fail as with a broker that stopped answering; its stores work.</summary>
public sealed class BrokerDownApiHost : ApiHost
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddScoped<ISendEndpointProvider, UnreachableSendEndpoints>();

    private sealed class UnreachableSendEndpoints : ISendEndpointProvider
    {
        public Task<ISendEndpoint> GetSendEndpoint(Uri address) =>
            Task.FromException<ISendEndpoint>(new TimeoutException($"The broker did not confirm a send to {address}."));

        public ConnectHandle ConnectSendObserver(ISendObserver observer) => throw new NotSupportedException("No sends to observe.");
    }
}
