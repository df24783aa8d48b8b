using System.Diagnostics;
using Hangfire.Storage.Monitoring;

namespace Marketplace.Web.Jobs;

/// <summary>
/// Decides which Hangfire servers are dead, from Hangfire's own server records (<see cref="ServerDto"/>: id
/// <c>{machine}:{pid}:{guid}</c>, as this app names its servers <c>{machine}:{pid}</c>, start time and heartbeat, UTC).
/// A server is dead when Hangfire no longer lists it, when it ran on this machine and its process is gone (a killed
/// previous incarnation: known at once, without waiting for a heartbeat to age), when it ran in this very process id
/// but started before this process did (a container restarted with the same pid), or when its heartbeat is older
/// than <see cref="HeartbeatLostAfter"/> (another machine that died).
/// </summary>
public sealed class DeadServers(string machineName, int processId, DateTime processStartedAtUtc, Func<int, bool> processExists)
{
    /// <summary>A heartbeat older than this means the server is gone (servers beat every <see cref="HeartbeatInterval"/>).</summary>
    public static readonly TimeSpan HeartbeatLostAfter = TimeSpan.FromSeconds(30);

    /// <summary>The heartbeat interval this app gives its Hangfire servers (Hangfire's default is 30 s).</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);

    /// <summary>This process, as the OS sees it.</summary>
    public static DeadServers ForThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        return new DeadServers(Environment.MachineName, Environment.ProcessId, self.StartTime.ToUniversalTime(), ProcessExists);
    }

    /// <summary>True when server <paramref name="serverId"/> is dead, given the servers Hangfire lists now (<paramref name="now"/> UTC).</summary>
    public bool IsDead(string serverId, IReadOnlyCollection<ServerDto> servers, DateTime now)
    {
        var server = servers.FirstOrDefault(s => string.Equals(s.Name, serverId, StringComparison.OrdinalIgnoreCase));
        if (server is null) return true;
        var parts = serverId.Split(':');
        if (parts.Length >= 3 && string.Equals(parts[0], machineName, StringComparison.OrdinalIgnoreCase) && int.TryParse(parts[1], out var pid))
        {
            if (pid != processId && !processExists(pid)) return true;
            if (pid == processId && server.StartedAt < processStartedAtUtc.AddSeconds(-1)) return true;
        }

        return server.Heartbeat is { } beat && now - beat > HeartbeatLostAfter;
    }

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
