namespace Sharpness.Oracles;

/// <summary>Thrown by <see cref="Lanczos"/> when the residual did not reach the tolerance within the allowed restarts.</summary>
public sealed class LanczosDidNotConvergeException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public LanczosDidNotConvergeException()
        : this("Lanczos did not converge.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What happened.</param>
    public LanczosDidNotConvergeException(string message)
        : this(message, double.NaN, 0)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public LanczosDidNotConvergeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Residual = double.NaN;
    }

    /// <summary>Creates the exception with the final residual and the work spent.</summary>
    /// <param name="message">What happened (should quote the residual).</param>
    /// <param name="residual">The true residual <c>||A v - theta v||</c> of the best Ritz pair at the end.</param>
    /// <param name="products">The number of operator applications spent.</param>
    public LanczosDidNotConvergeException(string message, double residual, int products)
        : base(message)
    {
        Residual = residual;
        Products = products;
    }

    /// <summary>The true residual <c>||A v - theta v||</c> of the best Ritz pair when Lanczos gave up (NaN if unknown).</summary>
    public double Residual { get; }

    /// <summary>The number of operator applications spent.</summary>
    public int Products { get; }
}
