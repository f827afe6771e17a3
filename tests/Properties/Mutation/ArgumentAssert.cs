// The one assertion of the examples' argument checks: the exact exception type, the parameter it names and a fragment
// of the message a user reads (the house rule: never Throws<Exception>, always the message); and the constant matrix the
// examples build their arguments from.
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

internal static class ArgumentAssert
{
    /// <summary>A <paramref name="rows"/> x <paramref name="columns"/> matrix with every entry <paramref name="value"/>.</summary>
    internal static Matrix<double> M(int rows, int columns, double value = 1) => Matrix<double>.Build.Dense(rows, columns, value);

    /// <summary>Asserts that <paramref name="act"/> throws exactly <typeparamref name="T"/> naming <paramref name="paramName"/>
    /// with <paramref name="fragment"/> in its message.</summary>
    internal static void AssertArgument<T>(string paramName, string fragment, Action act)
        where T : ArgumentException
    {
        var ex = Assert.Throws<T>(act);
        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }
}
