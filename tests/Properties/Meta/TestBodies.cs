using System.Reflection;
using System.Reflection.Emit;
using Xunit;

namespace Sharpness.Tests.Properties.Meta;

/// <summary>A call a compiled test method makes, with the string literals it loads as the call's arguments.</summary>
/// <param name="Test">The test method.</param>
/// <param name="Callee">The method it calls.</param>
/// <param name="Strings">The string literals loaded since the previous call, in order (the literal arguments).</param>
internal sealed record TestCall(MethodInfo Test, MethodBase Callee, IReadOnlyList<string> Strings);

/// <summary>
/// Reads the compiled bodies of the test assembly's tests (xunit <c>[Fact]</c> and <c>[Theory]</c>, FsCheck's
/// <c>[Property]</c> derives from <c>[Fact]</c>), so a meta-test sees what the tests run: a test commented out, renamed
/// to a non-test or calling something else is not found, whatever its source text says.
/// </summary>
internal static class TestBodies
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Every test method of the assembly that holds <typeparamref name="T"/>.</summary>
    public static IEnumerable<MethodInfo> Tests<T>() =>
        typeof(T).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any());

    /// <summary>The value of the <c>[Trait(name, value)]</c> on the method or its class, or null.</summary>
    public static string? Trait(MethodInfo test, string name)
    {
        ArgumentNullException.ThrowIfNull(test);
        return new[] { (MemberInfo)test, test.DeclaringType! }
            .SelectMany(m => m.GetCustomAttributesData())
            .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == name)
            .Select(a => (string?)a.ConstructorArguments[1].Value)
            .FirstOrDefault();
    }

    /// <summary>The calls <paramref name="test"/>'s IL makes (call and callvirt), each with its string literals.</summary>
    public static IEnumerable<TestCall> Calls(MethodInfo test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var il = test.GetMethodBody()?.GetILAsByteArray() ?? [];
        var module = test.Module;
        var strings = new List<string>();
        var calls = new List<TestCall>();
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            if (op == OpCodes.Ldstr)
            {
                strings.Add(module.ResolveString(BitConverter.ToInt32(il, i)));
            }
            else if (op == OpCodes.Call || op == OpCodes.Callvirt)
            {
                var callee = module.ResolveMethod(BitConverter.ToInt32(il, i), test.DeclaringType?.GetGenericArguments(), test.GetGenericArguments());
                calls.Add(new TestCall(test, callee!, [.. strings]));
                strings.Clear();
            }

            i += OperandSize(op, il, i);
        }

        return calls;
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
