using MathNet.Numerics.LinearAlgebra;
using Sharpness.Theory;
using Sharpness.Theory.Constructions;
using Sharpness.Theory.Exact;
using Xunit;

namespace Sharpness.Tests.Properties.Theory;

public sealed class ImmutabilityTests
{
    [Fact]
    public void Factorization_CopiesLayersOnConstructionAndRead()
    {
        var w1 = Matrix<double>.Build.Dense(2, 2, 1);
        var point = new Factorization([w1, w1.Clone()]);
        w1[0, 0] = 99;
        point.Layer(1)[0, 0] = 42;

        Assert.Equal(1, point.Layer(1)[0, 0]);
        Assert.Equal(2, point.Product()[0, 0]); // the product of two all-ones 2x2 layers
    }

    [Fact]
    public void Formulas_LeaveTheirInputsUnchanged()
    {
        var w = Unbalanced.Gaussian([2, 3, 2], new Random(1));
        var before = w.Layers().Select(l => l.Clone()).ToList();
        var direction = Theorem5.MaximizingDirection(w);
        var directionBefore = direction.ToVector();

        _ = Theorem5.LambdaMax(w);
        _ = Corollary6.LambdaMax(w);
        _ = Corollary6.MaximizingDirection(w);
        _ = Corollary10.UpperBound(w);
        _ = HessianTrace.Trace(w);
        _ = Lemma3.SecondDirectionalDerivative(w, direction);
        _ = Gauge.Rescale(w, 1, 2);

        Assert.All(Enumerable.Range(0, 2), i => Assert.Equal(before[i], w.Layers()[i]));
        Assert.Equal(directionBefore, direction.ToVector());
    }
}
