// The one way the kernels (and the oracles' block loops) share work between threads.
namespace Sharpness.Kernels;

public static partial class Blas
{
    // At most one worker per processor. Parallel.For alone lets the thread pool inject workers while the blocks run: two
    // lambda-max jobs sharing this 2-core machine each ran up to 8 of them in the packed product (2026-12-02), the extra
    // ones only contending for the same cores and caches. The results do not depend on this setting (each block writes its
    // own part in a fixed order), only the scheduling does.
    private static readonly ParallelOptions Bounded = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Runs <paramref name="body"/> for <c>0 .. count - 1</c> on at most one thread per processor.</summary>
    /// <param name="count">The number of blocks.</param>
    /// <param name="body">The work of one block; blocks must write disjoint data, so that their order cannot change a result.</param>
    public static void ParallelFor(int count, Action<int> body) => Parallel.For(0, count, Bounded, body);
}
