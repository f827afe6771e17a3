// The kernels issue 11 names, each through the public entry point the suite uses, so the numbers follow the code:
// the Hessian-vector product, one Lanczos iteration, the Kronecker-sum apply, the matrix product, the file read and
// the closed form. Run: dotnet run --project bench/Sharpness.Benchmarks -c Release -- --filter '*'
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using Sharpness.Cli.LambdaMax;
using Sharpness.Kernels;
using Sharpness.Oracles;
using Sharpness.Theory;
using Sharpness.Theory.Exact;
using Sharpness.Theory.Linear;

namespace Sharpness.Benchmarks;

/// <summary>The Hessian-vector product of the loss at a Gaussian minimizer with three square layers (N = 3 d^2).</summary>
[MemoryDiagnoser]
public class HessianVectorProductBenchmarks
{
    private HessianOperator _hessian = null!;
    private double[] _x = null!;
    private double[] _y = null!;

    [Params(58, 183, 577)]
    public int Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var layers = Networks.Square(Width, 3, seed: 1);
        _hessian = new LossLandscape(layers, Program.Product(layers)).HessianOperator();
        _x = Networks.Uniform(_hessian.Dimension, seed: 2);
        _y = new double[_hessian.Dimension];
    }

    [Benchmark]
    public void Multiply() => _hessian.Multiply(_x, _y);
}

/// <summary>
/// One Lanczos iteration at dimension N on an operator whose product costs N multiply-adds (a diagonal), so the time is
/// Lanczos's own work (re-orthogonalization against its basis): 80 iterations with no restart allowed, per iteration.
/// </summary>
[MemoryDiagnoser]
public class LanczosIterationBenchmarks
{
    private const int Iterations = 80;
    private DiagonalOperator _operator = null!;

    [Params(100_000, 1_000_000)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup() => _operator = new DiagonalOperator(Dimension);

    // The spectrum 1..N has no gap worth the name, so 80 vectors never converge and Lanczos stops with its exception.
    [Benchmark(OperationsPerInvoke = Iterations)]
    public int Iteration()
    {
        try
        {
            return Lanczos.Largest(_operator, new LanczosOptions { MaxKrylovDimension = Iterations, MaxRestarts = 0 }).Products;
        }
        catch (LanczosDidNotConvergeException)
        {
            return Iterations;
        }
    }

    private sealed class DiagonalOperator(int dimension) : ILinearOperator
    {
        public int Dimension { get; } = dimension;

        public void Multiply(ReadOnlySpan<double> x, Span<double> y)
        {
            for (var i = 0; i < x.Length; i++)
            {
                y[i] = (i + 1) * x[i];
            }
        }
    }
}

/// <summary>The Kronecker sum of EXACT eq. 22 applied once, and Theorem 5 whole, at the shapes.</summary>
[MemoryDiagnoser]
public class ClosedFormBenchmarks
{
    private readonly Dictionary<string, Minimizer> _minimizers = [];
    private KroneckerSumOperator _operator = null!;
    private Matrix<double> _x = null!;

    [Params("300,300,300,300", "20000,4,1", "20000,1")]
    public string Widths { get; set; } = "300,300,300,300";

    [GlobalSetup]
    public void Setup()
    {
        var widths = Widths.Split(',').Select(int.Parse).ToArray();
        var layers = Networks.Gaussian(widths, seed: 3);
        var minimizer = Minimizer.Of(new Factorization(layers, Program.Product(layers)));
        _minimizers[Widths] = minimizer;
        _operator = KroneckerSumOperator.AtMinimizer(minimizer);
        _x = Matrix<double>.Build.Dense(_operator.Rows, _operator.Columns, Networks.Uniform(_operator.Dimension, seed: 4));
    }

    [Benchmark]
    public Matrix<double> KroneckerSumApply() => _operator.Apply(_x);

    [Benchmark]
    public double Theorem5LambdaMax() => Theorem5.LambdaMax(_minimizers[Widths]);
}

/// <summary>The n x n matrix product through Sharpness.Kernels (what the closed form's products use); 2 n^3 flops.</summary>
public class MatrixProductBenchmarks
{
    private double[] _a = null!;
    private double[] _b = null!;
    private double[] _c = null!;

    [Params(300, 1000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _a = Networks.Uniform(N * N, seed: 5);
        _b = Networks.Uniform(N * N, seed: 6);
        _c = new double[N * N];
    }

    [Benchmark]
    public void Gemm() => Blas.Gemm(Transpose.None, Transpose.None, N, N, N, 1, _a, N, _b, N, 0, _c, N);
}

/// <summary>The <c>lambda-max</c> verb's reader on a JSON network file of N = 3 d^2 parameters (written once).</summary>
[MemoryDiagnoser]
public class FileReadBenchmarks
{
    private string _path = null!;

    [Params(183, 577)]
    public int Width { get; set; }

    [GlobalSetup]
    public void Setup() => _path = Networks.WriteJson(Networks.Square(Width, 3, seed: 7));

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public int Read() => NetworkFile.Read(_path).ToFactorization().Depth;
}
