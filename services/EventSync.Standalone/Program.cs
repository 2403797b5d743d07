using EventSync.Api.Extensions;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Standalone.Extensions;

var demo = args.Contains("--demo");
return await ServiceHost.RunAsync(
    [.. args.Where(a => a != "--demo")],
    builder => builder.AddStandalone(demo),
    app => app.MapSyncHealthApi());
