using System.Diagnostics;

namespace Arbiter.Storage.Tests.MultiProcess;

/// <summary>A running Arbiter.Storage.ProcessHost: a second operating-system process that the test talks to over stdin/stdout.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process) => _process = process;

    public static HostProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Arbiter.Storage.ProcessHost.dll");
        File.Exists(host).ShouldBeTrue($"the process host is built next to the tests: {host}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(host);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return new HostProcess(Process.Start(start)!);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The next line the host prints, or fails after <paramref name="timeout"/> (with what it wrote on stderr).</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            var line = await _process.StandardOutput.ReadLineAsync(cancel.Token);
            return line ?? throw new InvalidOperationException("the host ended: " + await _process.StandardError.ReadToEndAsync());
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the host printed nothing within {timeout}");
        }
    }

    public async Task<string> AskAsync(string line, TimeSpan? timeout = null)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
        return await ReadLineAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGKILL: no cleanup, no finally blocks, no rollback by the process itself.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }
}
