using System.Reflection;

namespace Marketplace.Bench;

/// <summary>Where the repository, the Release build of the app and the bench's own dll are.</summary>
public static class Paths
{
    /// <summary>The folder holding <c>Marketplace.sln</c>, found upwards from the bench's binaries.</summary>
    /// <exception cref="InvalidOperationException">Not run from inside the repository.</exception>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) return dir.FullName;
        throw new InvalidOperationException("Marketplace.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The build configuration of this bench (the app is built in the same one), e.g. <c>Release</c>.</summary>
    public static string Configuration =>
        typeof(Paths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>The app's output folder built with the bench, e.g. <c>Marketplace.Web/bin/Release/net10.0</c>.</summary>
    public static string AppDirectory() => Path.Combine(RepositoryRoot(), "Marketplace.Web", "bin", Configuration, "net10.0");

    /// <summary>This bench's dll, started again as the bare Kestrel child.</summary>
    public static string BenchDll => typeof(Paths).Assembly.Location;
}
