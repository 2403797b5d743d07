using EventSync.Pipeline.Benchmarks.Infrastructure;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// What the classifier process used: its peak resident memory (VmHWM), its memory at the end and of what kinds, and its CPU time per
/// event in the throughput phase (1000 / this = events per second it could do on one free core), and its managed heap
/// right after the throughput phase.
/// </summary>
internal sealed record WorkerUsage(double? PeakMemoryMiB, double? MemoryAtEndMiB, ResidentParts? MemoryAtEnd, double? CpuMsPerEvent, WorkerHeap? HeapAfterThroughput);
