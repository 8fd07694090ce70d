using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace FeishuGen.TestSupport;

/// <summary>
/// tests/NodeConformance/conformance.mjs (the official Lark Node SDK) as a child process: it
/// says what it saw on lines starting with "@@ ", and takes commands on stdin. Its stderr is kept
/// for the report when something fails.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private NodeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.CompleteAdding();
            }
            else if (e.Data.StartsWith("@@ ", StringComparison.Ordinal))
            {
                _lines.Add(e.Data[3..]);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _errors.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>What the SDK wrote to stderr (its warnings and errors).</summary>
    public string Errors => string.Join(Environment.NewLine, _errors);

    /// <summary>Starts <c>node conformance.mjs</c> in <paramref name="folder"/> (where npm installed the SDK).</summary>
    public static NodeProcess Start(string folder, params string[] arguments)
    {
        var script = Path.Combine(Path.GetFullPath(folder), "conformance.mjs");
        if (!File.Exists(script) || !Directory.Exists(Path.Combine(Path.GetFullPath(folder), "node_modules", "@larksuiteoapi")))
        {
            throw new InvalidOperationException($"{folder} has no conformance.mjs or no installed SDK: run `npm ci --prefix {folder}` first.");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = Path.GetFullPath(folder), RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new NodeProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the next line starting with <paramref name="prefix"/>, skipping others (returned in <paramref name="skipped"/> order is not kept).</summary>
    public async Task<string> WaitForAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        return await Task.Run(() =>
        {
            while (true)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !_lines.TryTake(out var line, left))
                {
                    throw new TimeoutException($"the Node SDK did not say '{prefix}…' within {timeout.TotalSeconds:0} s; its stderr: {Errors}");
                }

                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        });
    }

    public void Send(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Send("quit");
                if (!_process.WaitForExit(2000))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Gone already.
        }

        _process.Dispose();
    }
}
