namespace EventSync.Pipeline.Benchmarks.StoreScale;

/// <summary>What a store-scale run measures; <see cref="DataDir"/> null means a temp folder, deleted afterwards.</summary>
internal sealed record StoreScaleSettings(int Errors, int Chunk, string TenantId, string? DataDir, bool SkipFill, int Runs, int Tied)
{
    /// <summary>The tenant whose <see cref="Tied"/> errors were all last seen at the same instant.</summary>
    public string TiedTenantId => TenantId + "-tied";
}
