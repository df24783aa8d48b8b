using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Marketplace.Testing.Processes;

/// <summary>
/// Sends a POSIX signal to a child process, as Docker (<c>docker stop</c>) and systemd do to stop a service:
/// <see cref="Process.Kill()"/> only sends SIGKILL, which allows no graceful shutdown. Linux only (libc's <c>kill(2)</c>).
/// </summary>
public static class PosixSignals
{
    public const int SigTerm = 15;

    /// <summary>Sends SIGTERM to <paramref name="process"/>.</summary>
    /// <exception cref="InvalidOperationException">kill(2) failed (the process is gone, or not ours).</exception>
    public static void Terminate(Process process)
    {
        if (Kill(process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill({process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    /// <summary>
    /// Sends SIGTERM and waits up to <paramref name="timeout"/> for the process to exit.
    /// Returns how long it took, or null when it was still running at the deadline.
    /// </summary>
    public static async Task<TimeSpan?> TerminateAndWaitAsync(Process process, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        Terminate(process);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return watch.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need AllowUnsafeBlocks for one int-only call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
