using EventSync.Api.Extensions;
using EventSync.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, builder => builder.AddSyncHealthApiService(), app => app.MapSyncHealthApi());
