namespace Sharpness.Cli.Escape;

/// <summary>Writes a file in full or not at all: to a temporary file beside it, then moved over the target.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a temporary path in the target's directory (same extension, so writers that infer
    /// the format from it still work), then moves it to <paramref name="path"/>; the temporary file is removed on failure.
    /// </summary>
    public static string Write(string path, Action<string> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(path)}");
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
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
}
