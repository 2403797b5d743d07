using EventSync.Notifications.Extensions;
using EventSync.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, builder => builder.AddNotificationWorker());
