using System.Runtime.InteropServices;

namespace Sharpness.Cli;

/// <summary>
/// Writes output files whole or not at all (into a temporary file beside the target, then moved over it), and checks
/// before a run that its output paths can be written, so that a long run never ends in an error about a path.
/// Nothing here creates a directory except <see cref="CreateDirectory"/>, which creates one level only.
/// </summary>
internal static class AtomicFile
{
    /// <summary>How output paths are compared: as the file system compares names.</summary>
    public static StringComparer PathComparer { get; } = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// Calls <paramref name="write"/> with a temporary path in the target's directory (which must exist; same extension,
    /// so writers that infer the format from it still work), then moves it to <paramref name="path"/> (through a symbolic
    /// link to the file it names); the temporary file is removed on failure.
    /// </summary>
    public static string Write(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Resolve(path);
        var directory = Path.GetDirectoryName(full)!;
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

    /// <summary>Creates the directory <paramref name="path"/> if it is missing; its parent must exist (checked by
    /// <see cref="ProblemWithDirectory"/> before the run), so at most this one level is created.</summary>
    public static void CreateDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(Path.GetDirectoryName(full) ?? full))
        {
            throw new DirectoryNotFoundException($"the directory {Path.GetDirectoryName(path)} of {path} no longer exists");
        }

        Directory.CreateDirectory(full);
    }

    /// <summary>
    /// Why <paramref name="path"/> (the value of <paramref name="option"/>) cannot take an output file, or null when it can:
    /// an empty name, a directory or special file (a device, a pipe) in its place, a directory that does not exist (none is
    /// created for a file), or a directory this process cannot create files in (probed by creating and deleting a file).
    /// </summary>
    public static string? ProblemWithFile(string option, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Trim().Length == 0)
        {
            return $"{option} needs a file name, not an empty string";
        }

        try
        {
            var full = Resolve(path);
            if (Directory.Exists(full))
            {
                return $"{option} {path} is a directory, not a file";
            }

            if (File.Exists(full) && !IsRegularFile(full))
            {
                return $"{option} {path} is a device or pipe, not a regular file";
            }

            var directory = Path.GetDirectoryName(full)!;
            return ProblemWithParent(option, path, directory) ?? ProbeWritable(option, path, directory);
        }
        catch (Exception ex) when (IsPathException(ex))
        {
            return $"{option} {path} cannot be written: {OneLine(ex.Message)}";
        }
    }

    /// <summary>
    /// Why <paramref name="path"/> (the value of <paramref name="option"/>) cannot take the output directory with the files
    /// <paramref name="files"/> (relative names, possibly in subdirectories), or null when it can. The directory itself and
    /// the subdirectories the files name may be created; its parent must exist. Checked: an empty name, a file in place of
    /// the directory or of a subdirectory, a directory or special file in place of an output file, and (by creating and
    /// deleting a file) that the nearest existing directory takes new files.
    /// </summary>
    public static string? ProblemWithDirectory(string option, string path, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(files);
        if (path.Trim().Length == 0)
        {
            return $"{option} needs a directory name, not an empty string";
        }

        try
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                return $"{option} {path} is a file, not a directory";
            }

            if (!Directory.Exists(full))
            {
                return ProblemWithParent(option, path, Path.GetDirectoryName(full) ?? full) ?? ProbeWritable(option, path, Path.GetDirectoryName(full)!);
            }

            foreach (var file in files)
            {
                var target = Path.Combine(full, file);
                var subdirectory = Path.GetDirectoryName(target)!;
                if (File.Exists(subdirectory))
                {
                    return $"{option} {path}: {Path.Combine(path, Path.GetRelativePath(full, subdirectory))} is a file, not a directory";
                }

                if (Directory.Exists(target) || (File.Exists(target) && !IsRegularFile(target)))
                {
                    return $"{option} {path}: {Path.Combine(path, file)} is in the way (a directory or special file where an output file goes)";
                }
            }

            return ProbeWritable(option, path, full);
        }
        catch (Exception ex) when (IsPathException(ex))
        {
            return $"{option} {path} cannot be written: {OneLine(ex.Message)}";
        }
    }

    /// <summary>The message of a failure to write an output file after the run, as one line.</summary>
    public static bool IsPathException(Exception ex) => ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    /// <summary><paramref name="message"/> on one line.</summary>
    public static string OneLine(string message) => string.Join(' ', (message ?? string.Empty).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The full path a write to <paramref name="path"/> replaces: through symbolic links, so a link to a report
    /// is updated rather than replaced by a file.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        return info.LinkTarget is null ? full : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
    }

    private static string? ProblemWithParent(string option, string path, string directory)
    {
        if (Directory.Exists(directory))
        {
            return null;
        }

        // The nearest existing ancestor says why: a file where a directory goes, or a directory that was never made.
        var ancestor = Path.GetDirectoryName(directory);
        while (ancestor is not null && !Directory.Exists(ancestor) && !File.Exists(ancestor))
        {
            ancestor = Path.GetDirectoryName(ancestor);
        }

        var blocking = File.Exists(directory) ? directory : ancestor is not null && File.Exists(ancestor) ? ancestor : null;
        return blocking is not null
            ? $"{option} {path}: {blocking} is a file, not a directory"
            : $"{option} {path}: the directory {directory} does not exist (it is not created)";
    }

    // Root ignores permission bits, so asking the file system is the only test that holds for every user: create a file
    // that no one else can have (a fresh GUID name, CreateNew) and have it deleted on close.
    private static string? ProbeWritable(string option, string path, string directory)
    {
        var probe = Path.Combine(directory, $".sharpness-probe-{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception ex) when (IsPathException(ex))
        {
            // The exception names the probe (a fresh name each time) or says "not found" of a directory that exists.
            return $"{option} {path} cannot be written: {directory} does not take new files";
        }
    }

    /// <summary>Whether <paramref name="path"/> names a character or block device (<c>/dev/zero</c> never ends, so a verb
    /// that reads a file refuses devices); false where the file type cannot be read.</summary>
    public static bool IsDevice(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FileType(Path.GetFullPath(path)) is NativeMethods.CharacterDevice or NativeMethods.BlockDevice;
    }

    // A device or pipe must not be replaced by a moved file (as root, `--json /dev/null` would otherwise put a regular
    // file in place of /dev/null).
    private static bool IsRegularFile(string full) => FileType(full) is null or NativeMethods.RegularFile;

    // The S_IFMT bits of the file (through links), or null where they cannot be read. .NET reports no file type on Unix,
    // so this asks the runtime's own stat shim.
    private static int? FileType(string full)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var status = new byte[NativeMethods.FileStatusBytes];
            return NativeMethods.SystemNative_Stat(full, status) != 0 ? null : BitConverter.ToInt32(status, NativeMethods.ModeOffset) & NativeMethods.FileTypeMask;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static class NativeMethods
    {
        // System.Native's FileStatus: int32 Flags, int32 Mode, then fields that vary by runtime version (the buffer is
        // larger than any of them). Mode carries the portable S_IFMT bits.
        public const int FileStatusBytes = 512;
        public const int ModeOffset = 4;
        public const int FileTypeMask = 0xF000;
        public const int RegularFile = 0x8000;
        public const int CharacterDevice = 0x2000;
        public const int BlockDevice = 0x6000;

        [DllImport("libSystem.Native", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int SystemNative_Stat(string path, [Out] byte[] status);
    }
}
