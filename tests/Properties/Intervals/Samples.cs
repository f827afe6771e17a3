namespace Sharpness.Tests.Properties.Intervals;

internal static class Samples
{
    /// <summary>A matrix of standard Gaussian entries (Box-Muller), reproducible from <paramref name="random"/>.</summary>
    public static double[,] Gaussian(Random random, int rows, int columns)
    {
        var m = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                m[i, j] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            }
        }

        return m;
    }
}
