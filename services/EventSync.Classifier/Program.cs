using EventSync.Classifier.Extensions;
using EventSync.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, builder => builder.AddClassifierWorker());
