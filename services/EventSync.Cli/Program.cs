using System.CommandLine;
using EventSync.Cli;

var streams = StandardStreams.OfConsole();
return await EventSyncCommandLine.Create(streams)
    .Parse(args)
    .InvokeAsync(new InvocationConfiguration { Output = streams.Out, Error = streams.Error });
