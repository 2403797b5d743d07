namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>
/// Resident memory by kind, in MiB: private pages (heaps, stacks), pages of mapped files (assemblies; shared and
/// reclaimable) and shared memory (on Linux the runtime maps its executable code twice, writable and executable, W^X).
/// </summary>
internal sealed record ResidentParts(double PrivateMiB, double MappedFilesMiB, double SharedMiB)
{
    public override string ToString() => $"private {PrivateMiB:N0}, mapped files {MappedFilesMiB:N0}, shared {SharedMiB:N0} MiB";
}
