using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.Data;

/// <summary>Which database holds the marketplace and Hangfire, section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// <see cref="DatabaseProvider.Sqlite"/> (embedded default), or a server: <see cref="DatabaseProvider.SqlServer"/>
    /// or <see cref="DatabaseProvider.Postgres"/> (connection string <c>ConnectionStrings:Marketplace</c>).
    /// </summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite files (<c>marketplace.db</c>, <c>hangfire.db</c>), relative to the content root.</summary>
    [Required]
    public string SqliteDirectory { get; set; } = "App_Data";

    /// <summary>Apply pending EF Core migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

/// <summary>The supported database engines: one embedded (SQLite, one process) and two servers (several processes).</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}
