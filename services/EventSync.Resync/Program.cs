using EventSync.Resync.Extensions;
using EventSync.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, builder => builder.AddResyncWorker());
