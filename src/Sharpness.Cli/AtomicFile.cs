namespace Sharpness.Cli;

/// <summary>Writes output files whole or not at all: into a temporary file beside the target, then moved over it.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a temporary path in the target's directory (created if missing; same extension,
    /// so writers that infer the format from it still work), then moves it to <paramref name="path"/>; the temporary file
    /// is removed on failure.
    /// </summary>
    public static string Write(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return path;
    }

    /// <summary>Writes <paramref name="contents"/> to <paramref name="path"/> in full or not at all.</summary>
    public static void WriteAllText(string path, string contents) => Write(path, temporary => File.WriteAllText(temporary, contents));

    /// <summary>Why <paramref name="path"/> cannot take an output file (it is a directory, or its directory cannot be
    /// created), or null when it can: checked before a long run rather than after it.</summary>
    public static string? ProblemWith(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                return $"{path} is a directory, not a file";
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot write {path}: {ex.Message}";
        }
    }
}
