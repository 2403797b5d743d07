using System.Security.Cryptography;
using EventSync.Api.Security;

namespace EventSync.Standalone;

/// <summary>
/// The standalone host never runs without a key: when none is configured, it uses the one in <c>{DataDir}/admin-key</c>,
/// creating it (random, readable by the owner only) on first start. The key itself is never logged.
/// </summary>
internal static class LocalAdminKey
{
    public const string FileName = "admin-key";

    public static IServiceCollection AddLocalAdminKeyWhenNoneConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{ApiKeyOptions.Section}:AdminKey"]))
        {
            return services;
        }

        var dataDir = Path.GetFullPath(configuration["EventSync:DataDir"] is { Length: > 0 } dir ? dir : "./data");
        var keyFile = Path.Combine(dataDir, FileName);
        var created = EnsureKeyFile(keyFile);
        var key = File.ReadAllText(keyFile).Trim();
        services.PostConfigure<ApiKeyOptions>(o => o.AdminKey = key);
        if (created)
        {
            services.AddHostedService(sp => new KeyFileAnnouncer(sp.GetRequiredService<ILogger<KeyFileAnnouncer>>(), keyFile));
        }

        return services;
    }

    private static bool EnsureKeyFile(string keyFile)
    {
        if (File.Exists(keyFile))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(keyFile, options);
        writer.Write(key);
        return true;
    }

    private sealed class KeyFileAnnouncer(ILogger<KeyFileAnnouncer> logger, string keyFile) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LocalAdminKeyCreated(keyFile);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
