namespace Sharpness.Verification.Generators;

/// <summary>A case of a claim property with a network depth <c>L</c>, so that a run can be limited to shallow cases
/// (<c>sharpness verify --max-depth L</c>).</summary>
public interface IHasDepth
{
    /// <summary>The depth <c>L</c> (number of layers).</summary>
    int Depth { get; }
}
