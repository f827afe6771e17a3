// The one assertion of the examples' argument checks: the exact exception type, the parameter it names and a fragment
// of the message a user reads (the house rule: never Throws<Exception>, always the message).
using Xunit;

namespace Sharpness.Tests.Properties.Mutation;

internal static class ArgumentAssert
{
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
