// The benchmark tool: BenchmarkDotNet's switcher over the kernel benchmarks, plus the single timed runs bench/run
// makes on the same network folders as the numpy and PyTorch peers (`peer oracle|closed|stages FOLDER`).
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;

namespace Sharpness.Benchmarks;

/// <summary>Entry point: <c>peer ...</c> for bench/run, anything else goes to BenchmarkDotNet.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks, or one timed peer run.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 3 && args[0] == "peer")
        {
            return args[1] == "gemm" ? Gemm(int.Parse(args[2], CultureInfo.InvariantCulture)) : Peer(args[1], args[2]);
        }

        // A generous build timeout: BenchmarkDotNet rebuilds the project per job, and its default 2 minutes is not enough
        // on a loaded 2-core machine.
        // Results go to bench/BenchmarkDotNet.Artifacts (ignored by git) wherever the tool is started from.
        var artifacts = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "BenchmarkDotNet.Artifacts");
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)).WithArtifactsPath(Path.GetFullPath(artifacts));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }

    // One line of JSON: {"what": ..., "seconds": ..., "cpuSeconds": ..., "lambdaMax": ...}, wall and processor seconds of the computation alone (the layers
    // are read before the clock starts), after one warm-up run on a small network so JIT time is not counted.
    private static int Peer(string what, string folder)
    {
        var layers = Npy.ReadLayers(folder);
        var target = Product(layers);
        Func<double> run = what switch
        {
            "oracle" => () => Lanczos.Largest(new LossLandscape(layers, target).HessianOperator()).Eigenvalue,
            "closed" => () => Theorem5.LambdaMax(Minimizer.Of(new Factorization(layers, target))),
            "stages" => () => Stages(layers, target),
            _ => throw new ArgumentException($"unknown peer run '{what}': oracle, closed or stages", nameof(what)),
        };
        WarmUp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var value = run();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"what\": \"{what}\", \"seconds\": {seconds:R}, \"cpuSeconds\": {cpuSeconds:R}, \"lambdaMax\": {value:R}}}"));
        return 0;
    }

    // {"what": "gemm", "n": n, "seconds": per product, "gflops": 2 n^3 / seconds}: the best of five n x n products through
    // Blas.Gemm (the kernel the closed form's MatrixProduct uses), after a warm-up product.
    private static int Gemm(int n)
    {
        var random = new Random(2);
        var a = new double[n * n];
        var b = new double[n * n];
        var c = new double[n * n];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = random.NextDouble() - 0.5;
            b[i] = random.NextDouble() - 0.5;
        }

        var best = double.PositiveInfinity;
        for (var run = 0; run < 6; run++)
        {
            var clock = Stopwatch.StartNew();
            Kernels.Blas.Gemm(Kernels.Transpose.None, Kernels.Transpose.None, n, n, n, 1, a, n, b, n, 0, c, n);
            var seconds = clock.Elapsed.TotalSeconds;
            best = run == 0 ? best : Math.Min(best, seconds);
        }

        var gflops = 2.0 * n * n * n / best / 1e9;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"what\": \"gemm\", \"n\": {n}, \"seconds\": {best:R}, \"gflops\": {gflops:R}}}"));
        return 0;
    }

    private static void WarmUp()
    {
        var random = new Random(1);
        // Three 40 x 40 layers (N = 4800): large enough for the vector kernels' parallel path, so the thread pool's
        // threads are started here and not inside the timed run (as numpy's OpenBLAS threads start at its warm-up).
        var small = new[] { Gaussian(random, 40, 40), Gaussian(random, 40, 40), Gaussian(random, 40, 40) };
        var target = Product(small);
        _ = Lanczos.Largest(new LossLandscape(small, target).HessianOperator());
        _ = Theorem5.LambdaMax(Minimizer.Of(new Factorization(small, target)));
    }

    // Where the time of the whole lambda-max goes, stage by stage, on stderr.
    private static double Stages(IReadOnlyList<Matrix<double>> layers, Matrix<double> target)
    {
        var clock = Stopwatch.StartNew();
        void Stage(string name)
        {
            // With the memory at the end of the stage: the process's peak so far and the live managed heap (after the last GC).
            using var process = Process.GetCurrentProcess();
            var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-28} {clock.Elapsed.TotalSeconds,8:F3} s   peak RSS {process.PeakWorkingSet64 / (1 << 20),6} MiB   heap {heap / (1 << 20),6} MiB"));
            clock.Restart();
        }

        var point = new Factorization(layers, target);
        var isMinimizer = point.IsMinimizer();
        Stage("minimizer test");
        var minimizer = Minimizer.Of(point);
        Stage("minimizer (eq. 17)");
        var sum = KroneckerSumOperator.AtMinimizer(minimizer);
        Stage("Theorem 5's Kronecker sum");
        var closed = 2 * sum.TopEigenpair().Value;
        Stage("Theorem 5's top eigenpair");
        _ = Corollary10.UpperBound(minimizer);
        Stage("Corollary 10 bound");
        _ = MulayoffMichaeli.LowerBound(minimizer);
        Stage("eq. 35 bound");
        var landscape = new LossLandscape(layers, target);
        var oracle = Lanczos.Largest(landscape.HessianOperator());
        Stage($"Lanczos ({oracle.Products} products)");
        return isMinimizer ? closed : double.NaN;
    }

    internal static Matrix<double> Gaussian(Random random, int rows, int columns) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => Normal(random));

    internal static Matrix<double> Product(IReadOnlyList<Matrix<double>> layers)
    {
        var product = layers[0];
        foreach (var w in layers.Skip(1))
        {
            product = w * product;
        }

        return product;
    }

    // Box-Muller: a standard normal from two uniforms, so the benchmarks' own networks need no package.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
