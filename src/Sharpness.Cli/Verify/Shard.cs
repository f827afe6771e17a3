using System.Globalization;

namespace Sharpness.Cli.Verify;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based) of a <c>verify</c> run. The run's cases, every (claim,
/// property, case index) in catalogue order, are dealt round-robin, so shard k runs the cases whose position p
/// (0-based) has <c>p mod n = k - 1</c>; each case draws from its own seed, so its result does not depend on n.
/// </summary>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>
    /// <c>k/n</c> with 1 &lt;= k &lt;= n, or <c>auto</c>: Slurm's job array (<c>SLURM_ARRAY_TASK_ID</c>, counted from
    /// <c>SLURM_ARRAY_TASK_MIN</c> in steps of <c>SLURM_ARRAY_TASK_STEP</c>, of <c>SLURM_ARRAY_TASK_COUNT</c>) or a
    /// Kubernetes Indexed Job (<c>JOB_COMPLETION_INDEX</c>, 0-based, of <paramref name="count"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Text or environment that names no shard, with the reason.</exception>
    public static Shard Parse(string text, int? count, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        if (string.Equals(text.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            return Auto(count, environment);
        }

        if (count is not null)
        {
            throw new ArgumentException($"--shard-count is for --shard auto; --shard {text} gives its own count");
        }

        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n < 1 || k < 1 || k > n)
        {
            throw new ArgumentException($"--shard takes k/n with whole numbers 1 <= k <= n (1-based), or auto, not '{text}'");
        }

        return new Shard(k, n);
    }

    /// <summary>The cases of one property that this shard runs: <paramref name="first"/> is the run position of the property's case 0.</summary>
    public IEnumerable<int> Cases(long first, int cases)
    {
        var offset = (int)((((Index - 1 - first) % Count) + Count) % Count);
        for (long i = offset; i < cases; i += Count)
        {
            yield return (int)i;
        }
    }

    /// <summary>Whether this shard runs the certificate of the claim that is the <paramref name="position"/>-th (0-based) certified claim of the run.</summary>
    public bool RunsCertificate(int position) => position % Count == Index - 1;

    /// <summary><c>k/n</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    private static Shard Auto(int? count, Func<string, string?> environment)
    {
        if (environment("SLURM_ARRAY_TASK_ID") is { Length: > 0 } task)
        {
            var id = Number(task, "SLURM_ARRAY_TASK_ID");
            var n = Number(environment("SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_COUNT");
            var min = environment("SLURM_ARRAY_TASK_MIN") is { Length: > 0 } m ? Number(m, "SLURM_ARRAY_TASK_MIN") : 0;
            var step = environment("SLURM_ARRAY_TASK_STEP") is { Length: > 0 } s ? Number(s, "SLURM_ARRAY_TASK_STEP") : 1;
            if (count is int given && given != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--shard-count {given} but SLURM_ARRAY_TASK_COUNT is {n}"));
            }

            // Slurm numbers a job array's tasks as the user wrote it (--array=0-6, 1-7, 0-12:2): the shard is the task's
            // position from the first ID, which must be a whole number of steps from it.
            var position = step > 0 && id >= min && (id - min) % step == 0 ? ((id - min) / step) + 1 : 0;
            if (n < 1 || position < 1 || position > n)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"SLURM_ARRAY_TASK_ID {id} is not one of {n} tasks from SLURM_ARRAY_TASK_MIN {min} in steps of {step} (use --array=A-B or A-B:S)"));
            }

            return new Shard(position, n);
        }

        if (environment("JOB_COMPLETION_INDEX") is { Length: > 0 } completion)
        {
            var index = Number(completion, "JOB_COMPLETION_INDEX");
            if (count is not int n)
            {
                throw new ArgumentException("JOB_COMPLETION_INDEX is set but --shard-count is not: give the Job's completions as --shard-count N");
            }

            if (index >= n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"JOB_COMPLETION_INDEX {index} is not below --shard-count {n} (it counts from 0)"));
            }

            return new Shard(index + 1, n);
        }

        throw new ArgumentException("--shard auto needs SLURM_ARRAY_TASK_ID (a Slurm job array) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); neither is set");
    }

    private static int Number(string? text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} must be a whole number, not '{text}'");
}
