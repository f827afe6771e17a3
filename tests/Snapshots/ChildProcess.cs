using System.Diagnostics;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// A program built beside this assembly (the test project references it: the command, the own-claim example) run as a
/// user runs it, a child process, with <c>SHARPNESS_MAX_TEST</c> and <c>SHARPNESS_SEED</c> unset so the caller's
/// arguments alone decide the run.
/// </summary>
internal static class ChildProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    /// <summary>Runs <paramref name="dll"/> with <paramref name="args"/> in <paramref name="directory"/>, with each of
    /// <paramref name="environment"/> set (or removed where null); killed after two minutes.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> Run(
        string dll, string? directory, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = directory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("SHARPNESS_MAX_TEST");
        start.Environment.Remove("SHARPNESS_SEED");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment.Remove(name);
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    // The host that runs this test (dotnet test sets DOTNET_HOST_PATH for its children), else dotnet on the PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
