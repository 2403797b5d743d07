using EventSync.Resync.Extensions;
using EventSync.ServiceDefaults.Hosting;
using EventSync.ServiceDefaults.Messaging;
using EventSync.ServiceDefaults.Storage;

return await ServiceHost.RunAsync(args, builder =>
{
    builder.Services.AddEventSyncStorage(builder.Configuration);
    builder.Services.AddResync();
    builder.Services.AddEventSyncBus(builder.Configuration, bus => bus.AddResyncConsumers());
});
