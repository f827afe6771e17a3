using System.Globalization;

namespace Sharpness.Tests.Snapshots;

/// <summary>
/// Numbers as snapshot text: 10 significant digits (well above the 1e-9 comparison tolerance, well below
/// the digits rounding noise could change), and relative errors as their power-of-ten ceiling.
/// </summary>
internal static class Rounded
{
    public static string Of(double x) => Math.Abs(x) < 1e-300 ? "0" : x.ToString("G10", CultureInfo.InvariantCulture);

    public static string ErrorBound(double? relativeError)
    {
        if (relativeError is not double error)
        {
            return "n/a";
        }

        return ErrorBound(error);
    }

    public static string ErrorBound(double relativeError)
    {
        if (relativeError == 0)
        {
            return "0";
        }

        var exponent = (int)Math.Ceiling(Math.Log10(relativeError));
        return string.Create(CultureInfo.InvariantCulture, $"<= 1e{exponent}");
    }
}
