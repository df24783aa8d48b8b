namespace Marketplace.UnitTests;

/// <summary>The repository's root folder, for tests that read its files (sources, documents, resources).</summary>
internal static class RepositoryFolder
{
    /// <summary>The nearest folder above the test binaries that holds <c>Marketplace.sln</c>.</summary>
    /// <exception cref="InvalidOperationException">No such folder (the tests run outside a clone).</exception>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) return dir.FullName;
        throw new InvalidOperationException("Marketplace.sln not found above " + AppContext.BaseDirectory);
    }
}
